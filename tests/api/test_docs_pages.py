"""/docs and /redoc are served with every asset local: they work with no internet access."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from tests.support import assert_error

_URL = re.compile(
    r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\s*:\s*["']([^"']+)["']|Redoc\.init\(\s*["']([^"']+)"""
)


def _urls(html: str) -> list[str]:
    return [next(group for group in match.groups() if group) for match in _URL.finditer(html)]


@pytest.mark.parametrize(
    ("page", "script"), [("/docs", "swagger-ui-bundle.js"), ("/redoc", "redoc.standalone.js")]
)
def test_page_uses_only_local_assets_and_every_asset_is_served(
    client: TestClient, page: str, script: str
) -> None:
    response = client.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "fonts.googleapis" not in html
    urls = _urls(html)
    assert f"/docs/assets/{script}" in urls
    assert "/openapi.json" in html
    for url in urls:
        assert url.startswith("/"), f"{page} loads {url} from outside the server"
        if url.startswith("/docs/assets/"):
            asset = client.get(url)
            assert asset.status_code == 200, url
            assert len(asset.content) > 1000, url


def test_assets_have_their_media_types(client: TestClient) -> None:
    assert (
        client.get("/docs/assets/swagger-ui-bundle.js").headers["content-type"].startswith("text/javascript")
    )
    assert client.get("/docs/assets/swagger-ui.css").headers["content-type"].startswith("text/css")
    assert client.get("/docs/assets/favicon.png").headers["content-type"] == "image/png"


def test_unknown_asset_is_the_catalog_not_found(client: TestClient) -> None:
    assert_error(client.get("/docs/assets/..%2Fcore.py"), "not_found")
    assert_error(client.get("/docs/assets/index.html"), "not_found")
