"""What every console page shares: the session read from the cookies, the API as its person, the
templates, and the answers (a page, a redirect, the sign-in page when the session is over)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from stockyard.console import session
from stockyard.console.api import Api, ApiAnswer, ApiError, Tokens
from stockyard.console.web import Request, Response, redirect

templates = Environment(
    loader=PackageLoader("stockyard.console", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def app_url(request: Request, path: str = "", **query: Any) -> str:
    url = request.root + "/app" + path
    params = {k: v for k, v in query.items() if v not in (None, "")}
    return url + ("?" + urlencode(params) if params else "")


@dataclass
class Console:
    """One request of the console: its session, the API as the signed-in person, and `/me`."""

    request: Request
    api: Api
    csrf: str
    csrf_is_new: bool
    me: dict[str, Any] | None = None
    flash: str | None = None
    cleared: bool = False
    extra_cookies: dict[str, str] = field(default_factory=dict)
    cleared_cookies: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, request: Request) -> Console:
        tokens = Tokens(
            access=request.cookies.get(session.ACCESS_COOKIE),
            refresh=request.cookies.get(session.REFRESH_COOKIE),
        )
        csrf = request.cookies.get(session.CSRF_COOKIE)
        return cls(
            request=request,
            api=Api(request, tokens),
            csrf=csrf or session.new_csrf_token(),
            csrf_is_new=csrf is None,
            flash=request.cookies.get(session.FLASH_COOKIE),
        )

    @property
    def signed_in(self) -> bool:
        return bool(self.api.tokens.access or self.api.tokens.refresh)

    async def load_me(self) -> ApiAnswer:
        answer = await self.api.call("GET", "/me")
        if answer.ok:
            self.me = answer.body
        return answer

    async def sign_in(self, workspace: str, email: str, password: str) -> ApiAnswer:
        """POST /auth/token with the person's credentials; on success the session begins: its tokens
        go to the cookies with this response and, as with every new session, a new CSRF token (one
        seen before signing in is not trusted after)."""
        answer = await self.api.call(
            "POST",
            "/auth/token",
            json={"workspace": workspace, "email": email, "password": password},
            authenticated=False,
        )
        if answer.error is None:
            self.csrf, self.csrf_is_new = session.new_csrf_token(), True
            self.api.tokens.access = answer.body["accessToken"]
            self.api.tokens.refresh = answer.body["refreshToken"]
            self.api.tokens.renewed = True
        return answer

    def reveal_next(self, value: dict[str, Any]) -> None:
        """Shows `value` on the next page, once: the answer of a POST that created a secret is a
        redirect (a reload must not create another), and the secret waits for it in an HttpOnly
        cookie that the next page clears."""
        self.extra_cookies[session.REVEAL_COOKIE] = quote(json.dumps(value))

    def take_revealed(self) -> dict[str, Any] | None:
        raw = self.request.cookies.get(session.REVEAL_COOKIE)
        if not raw:
            return None
        self.cleared_cookies.append(session.REVEAL_COOKIE)
        try:
            value = json.loads(unquote(raw))
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def can(self, permission: str) -> bool:
        if self.me is None:
            return False
        if self.me.get("readOnly") and not permission.endswith(".read"):
            return False
        return permission in self.me.get("permissions", [])

    def url(self, path: str = "", **query: Any) -> str:
        return app_url(self.request, path, **query)

    def idempotency_key(self) -> str:
        return "console-" + secrets.token_urlsafe(18)

    # Answers ------------------------------------------------------------------------------------

    def finish(self, response: Response) -> Response:
        request = self.request
        if self.csrf_is_new:
            session.set_cookie(request, response, session.CSRF_COOKIE, self.csrf)
        tokens = self.api.tokens
        if tokens.ended or self.cleared:
            for name in (session.ACCESS_COOKIE, session.REFRESH_COOKIE):
                session.clear_cookie(request, response, name)
        elif tokens.renewed and tokens.access and tokens.refresh:
            session.set_cookie(request, response, session.ACCESS_COOKIE, tokens.access)
            session.set_cookie(request, response, session.REFRESH_COOKIE, tokens.refresh)
        for name in self.cleared_cookies:
            session.clear_cookie(request, response, name)
        for name, value in self.extra_cookies.items():
            session.set_cookie(request, response, name, value, max_age=120)  # for the next page only
        return session.secure(response)

    def render(self, template: str, *, status: int = 200, title: str = "", **values: Any) -> Response:
        page = templates.get_template(template).render(
            console=self,
            request=self.request,
            title=title,
            url=self.url,
            static=lambda name: self.url("/static/" + name),
            flash=self.flash,
            **values,
        )
        response = Response(page, status=status)
        if self.flash:
            session.clear_cookie(self.request, response, session.FLASH_COOKIE)
        return self.finish(response)

    def render_refused(self, template: str, error: ApiError, *, title: str, **values: Any) -> Response:
        """`template` again after the API refused what it sent: answered with the API's status, its
        error shown (beside the form's fields, for a form)."""
        return self.render(template, status=error.status, title=title, error=error, **values)

    def not_found(self, message: str = "There is no such page.") -> Response:
        """The 404 page of a console path whose last part names nothing (a movement kind, an action)."""
        return self.render("error.html", status=404, title="Not found", error=None, message=message)

    def redirect(self, url: str, *, flash: str | None = None) -> Response:
        if flash:
            self.extra_cookies[session.FLASH_COOKIE] = quote(flash)
        return self.finish(redirect(url))

    def to_sign_in(self) -> Response:
        """The session is over (or never began): the sign-in page, then back here."""
        self.cleared = True
        here = self.request.root + self.request.path
        if self.request.raw_query:
            here += "?" + self.request.raw_query
        return self.redirect(self.url("/sign-in", next=here if self.request.method == "GET" else None))

    def error_page(self, error: ApiError) -> Response:
        """A page the API refused (403, 404...): its message, as the contract intends."""
        if error.status == 401:
            return self.to_sign_in()
        return self.render_refused("error.html", error, title=error.message)


def flash_text(value: str | None) -> str | None:
    return unquote(value) if value else None


async def guarded(request: Request) -> tuple[Console, Response | None]:
    """The console of a page behind sign-in; the response to answer instead when there is no
    session (the sign-in page) or `/me` fails."""
    console = Console.of(request)
    console.flash = flash_text(console.flash)
    if not console.signed_in:
        return console, console.to_sign_in()
    answer = await console.load_me()
    if answer.error is not None:
        if request.method == "POST" and answer.error.retryable:
            # Busy (429) or unavailable (503) before the form's own request was sent: post the same
            # fields again after the wait (with the same Idempotency-Key, when the form has one).
            retry = console.render_refused(
                "retry.html",
                answer.error,
                title="Try again shortly",
                action=request.root + request.path,
                fields=sorted(request.form().items()),
            )
            return console, retry
        return console, console.error_page(answer.error)
    return console, None


async def posted(request: Request) -> tuple[Console, dict[str, str], Response | None]:
    """A form posted to a page behind sign-in: the console, the form, and the response to answer
    instead when there is no session, `/me` fails or the CSRF token is missing (`guarded`, then
    `checked_form`)."""
    console, stop = await guarded(request)
    if stop:
        return console, {}, stop
    form, refused = checked_form(console)
    return console, form, refused


def public_form(request: Request) -> tuple[Console, dict[str, str], Response | None]:
    """A form posted to a page without sign-in (sign in, sign out, accept an invite): the console,
    the form, and the refusal to answer instead when the CSRF token is missing (`checked_form`)."""
    console = Console.of(request)
    form, refused = checked_form(console)
    return console, form, refused


def checked_form(console: Console) -> tuple[dict[str, str], Response | None]:
    """The posted form, or the refusal of a request without the CSRF token."""
    form = console.request.form()
    if not session.csrf_ok(console.request, form):
        error = ApiError(
            status=403,
            error="forbidden",
            code="csrf_failed",
            message="This form has expired or came from another site. Reload the page and try again.",
            param=None,
            details={},
            request_id=None,
            retry_after=None,
        )
        console.csrf, console.csrf_is_new = session.new_csrf_token(), True
        return form, console.render("error.html", status=403, title="Form expired", error=error)
    return form, None
