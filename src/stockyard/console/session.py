"""The browser session: where the tokens live, CSRF, and the security headers of every page.

* The access and refresh tokens are kept in cookies the page's scripts cannot read (`HttpOnly`),
  that the browser sends only to the console's own pages (`Path=/app`, `SameSite=Strict`), and
  only over TLS when the console is served over https (`Secure`).
* Every state change is a POST carrying a CSRF token in a hidden field that must equal the one in
  the `HttpOnly` CSRF cookie (double submit), and an `Origin`, when the browser sends one, that is
  the console's own.
* Every answer forbids framing and inline scripts: the Content-Security-Policy admits only the
  console's own script and style files.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from stockyard.console.web import Request, Response

ACCESS_COOKIE = "sy_access"
REFRESH_COOKIE = "sy_refresh"
CSRF_COOKIE = "sy_csrf"
FLASH_COOKIE = "sy_flash"
REVEAL_COOKIE = "sy_reveal"  # a secret to show once on the next page (an API key's, an invite link)
COOKIE_PATH = "/app"
CSRF_FIELD = "csrf"

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def cookie_path(request: Request) -> str:
    return request.root + COOKIE_PATH


def is_https(request: Request) -> bool:
    return request.scheme == "https"


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None = None
) -> None:
    """`HttpOnly`, `SameSite=Strict`, `Path=/app`, `Secure` over https; a session cookie (gone when
    the browser closes) unless `max_age` says sooner."""
    response.set_cookie(name, value, path=cookie_path(request), secure=is_https(request), max_age=max_age)


def clear_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(name, path=cookie_path(request), secure=is_https(request))


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def secure(response: Response) -> Response:
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    return response


def csrf_ok(request: Request, form: dict[str, str]) -> bool:
    """The hidden field equals the cookie, and the request comes from the console's own origin."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get(CSRF_FIELD, "")
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" == request.origin
