"""Swagger UI (/docs) and ReDoc (/redoc), served without any internet access.

The JavaScript and CSS come from the installed `fastapi-offline` package, which ships the Swagger
UI and ReDoc standalone bundles as plain files; nothing is fetched from a CDN or a font service.
"""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from starlette.responses import HTMLResponse, Response

from stockyard.errors import StockyardError, catalog

router = APIRouter(include_in_schema=False)

ASSETS_PATH = "/docs/assets"
ASSETS: dict[str, str] = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}
_ASSET_PACKAGE = "fastapi_offline"


def _page(request: Request) -> tuple[str, str, str]:
    """What both documentation pages are built from, behind any root path the app is served under:
    the OpenAPI document's URL, the page title, and the URL of the bundled assets."""
    root = str(request.scope.get("root_path", "")).rstrip("/")
    return root + (request.app.openapi_url or "/openapi.json"), f"{request.app.title} API", root + ASSETS_PATH


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    openapi_url, title, assets = _page(request)
    return get_swagger_ui_html(
        openapi_url=openapi_url,
        title=title,
        swagger_js_url=f"{assets}/swagger-ui-bundle.js",
        swagger_css_url=f"{assets}/swagger-ui.css",
        swagger_favicon_url=f"{assets}/favicon.png",
    )


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    openapi_url, title, assets = _page(request)
    return get_redoc_html(
        openapi_url=openapi_url,
        title=title,
        redoc_js_url=f"{assets}/redoc.standalone.js",
        redoc_favicon_url=f"{assets}/favicon.png",
        with_google_fonts=False,
    )


@router.get(ASSETS_PATH + "/{name}")
async def asset(name: str) -> Response:
    media_type = ASSETS.get(name)
    if media_type is None:
        raise StockyardError(catalog.NOT_FOUND)
    content = resources.files(_ASSET_PACKAGE).joinpath("static", name).read_bytes()
    return Response(content, media_type=media_type, headers={"Cache-Control": "public, max-age=86400"})
