"""The console's admin pages: workspace plan, members and invites (with the link to send), API keys
(the secret shown once) and the audit log; and the public page that accepts an invite. As every
page, they ask the public API: a person without the permission sees the API's 403 message."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from stockyard.console.api import ApiAnswer, ApiError
from stockyard.console.pages import Console, public_form
from stockyard.console.routes import router, signed_in_form, signed_in_page
from stockyard.console.web import Request, Response

PERMISSIONS = (
    ("inventory.read", "Read items and stock"),
    ("inventory.write", "Record movements, edit items"),
    ("warehouses.manage", "Manage warehouses and locations"),
    ("reports.read", "Read reports"),
    ("reports.financial", "Read financial reports"),
    ("members.manage", "Manage members and invites"),
    ("api_keys.manage", "Manage API keys"),
    ("roles.manage", "Manage roles"),
    ("workspace.manage", "Manage the workspace"),
    ("webhooks.manage", "Manage webhooks"),
)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an admin page shows beside its list: a refused form's status, error and fields as typed,
    or what the last create revealed (a secret shown once)."""

    status: int = 200
    error: ApiError | None = None
    form: dict[str, str] | None = None
    created: dict[str, Any] | None = None

    def beside(self, listing: ApiAnswer, *, blank_form: dict[str, str]) -> dict[str, Any]:
        """The page's status, error, revealed secret and form with `listing` shown: the form's error
        when there is one, else the list's own; the form as typed when it was refused, else
        `blank_form`, what the page's form starts with."""
        status, error = listing.beside(self.status, self.error)
        return {"status": status, "error": error, "created": self.created, "form": self.form or blank_form}


# An admin page that lists what the workspace has beside the forms that change it.
AdminPage = Callable[[Console, Outcome], Awaitable[Response]]


def _page(path: str, page: AdminPage, *, reveals: bool = True) -> None:
    """GET `path`: the page, with the secret the last create revealed when it `reveals` one."""

    @signed_in_page(path)
    async def handler(console: Console) -> Response:
        return await page(console, Outcome(created=console.take_revealed() if reveals else None))


def _action(
    path: str,
    page: AdminPage,
    method: str,
    api_path: str,
    *,
    back: str,
    done: str,
    body: Callable[[dict[str, str]], dict[str, Any]] | None = None,
    keeps_form: bool = False,
    reveal: tuple[str, ...] = (),
) -> None:
    """POST `path`, a form on an admin page: `method` `api_path` (its `{…}` the ids in the console's
    path) with `body` made of the form. Refused, the page again with the API's error (and the form as
    typed when it `keeps_form`); else a redirect to `back` with `done` as the flash, both formatted
    with the answer's body (`"API key {name} created."`), the body's fields in `reveal` shown once
    on the next page (a new secret)."""

    @signed_in_form(path)
    async def handler(console: Console, form: dict[str, str], **ids: str) -> Response:
        json = None if body is None else body(form)
        answer = await console.api.call(method, api_path.format_map(ids), json=json)
        if answer.error is not None:
            shown = form if keeps_form else None
            return await page(console, Outcome(status=answer.error.status, error=answer.error, form=shown))
        answered = answer.body if isinstance(answer.body, dict) else {}
        if reveal:
            console.reveal_next({name: answered[name] for name in reveal})
        return console.redirect(console.url(back.format_map(answered)), flash=done.format_map(answered))


def _chosen_permissions(form: dict[str, str]) -> list[str]:
    """The permissions whose `scope.<name>` box the form ticked."""
    return [name for name, _ in PERMISSIONS if form.get(f"scope.{name}")]


@signed_in_page("/app/admin")
async def admin_home(console: Console) -> Response:
    if not console.can("workspace.manage"):  # the plan is the workspace managers' to read
        return console.render("admin.html", title="Admin", workspace=None, error=None)
    workspace = await console.api.call("GET", "/workspace")
    return console.render(
        "admin.html",
        **workspace.shown,
        title="Admin",
        workspace=workspace.body,
    )


# Members and invites -----------------------------------------------------------------------------


async def _members_page(console: Console, outcome: Outcome) -> Response:
    api = console.api
    members = await api.call("GET", "/members", params={"limit": 200})
    invites = await api.call("GET", "/invites", params={"limit": 200, "status": "pending"})
    roles = await api.call("GET", "/roles", params={"limit": 200})
    created = outcome.created
    return console.render(
        "members.html",
        **outcome.beside(members, blank_form={"role": "viewer"}),
        title="Members and invites",
        members=members.rows,
        invites=invites.rows,
        roles=[r["name"] for r in roles.rows],
        invite_link=(console.request.origin + console.url("/invite") + "#token=" + created["token"])
        if created
        else None,
    )


_page("/app/admin/members", _members_page)


def _invite_body(form: dict[str, str]) -> dict[str, Any]:
    return {"email": form.get("email", "").strip(), "role": form.get("role", "")}


def _member_body(form: dict[str, str]) -> dict[str, Any]:
    return {"role": form.get("role", "")}


_action(
    "/app/admin/invites",
    _members_page,
    "POST",
    "/invites",
    body=_invite_body,
    keeps_form=True,
    back="/admin/members",
    done="Invite created for {email}.",
    reveal=("email", "role", "token"),
)
_action(
    "/app/admin/invites/{invite_id}/revoke",
    _members_page,
    "DELETE",
    "/invites/{invite_id}",
    back="/admin/members",
    done="Invite revoked.",
)
_action(
    "/app/admin/members/{member_id}",
    _members_page,
    "PATCH",
    "/members/{member_id}",
    body=_member_body,
    back="/admin/members",
    done="Role changed.",
)


@router.get("/app/invite")
async def invite_page(request: Request) -> Response:
    """The invite link's page (public: the token, in the link's fragment, is the credential)."""
    console = Console.of(request)
    return console.render("invite.html", title="Accept the invite", form={}, error=None)


@router.post("/app/invite")
async def accept_invite(request: Request) -> Response:
    console, form, refused = public_form(request)
    if refused:
        return refused
    answer = await console.api.call(
        "POST",
        "/invites/accept",
        json={
            "token": form.get("token", "").strip(),
            "name": form.get("name", "").strip() or None,
            "password": form.get("password", ""),
        },
        authenticated=False,
    )
    if answer.error is not None:
        shown = {k: v for k, v in form.items() if k in ("token", "name")}
        return console.render_refused("invite.html", answer.error, title="Accept the invite", form=shown)
    accepted = answer.body
    # Signed in at once, with the password just set: the same sign-in as the sign-in page's.
    token = await console.sign_in(
        accepted["workspace"]["slug"], accepted["user"]["email"], form.get("password", "")
    )
    welcome = f"Welcome to {accepted['workspace']['name']}."
    if token.error is not None:
        return console.redirect(console.url("/sign-in"), flash=welcome + " Sign in to continue.")
    return console.redirect(console.url("/items"), flash=welcome)


# API keys --------------------------------------------------------------------------------------


async def _keys_page(console: Console, outcome: Outcome) -> Response:
    keys = await console.api.call("GET", "/api-keys", params={"limit": 200, "sort": "-createdAt"})
    return console.render(
        "api_keys.html",
        **outcome.beside(keys, blank_form={"scope.inventory.read": "1"}),
        title="API keys",
        keys=keys.rows,
        permissions=PERMISSIONS,
    )


_page("/app/admin/api-keys", _keys_page)


def _key_body(form: dict[str, str]) -> dict[str, Any]:
    return {
        "name": form.get("name", "").strip(),
        "scopes": _chosen_permissions(form),
        "readOnly": bool(form.get("readOnly")),
    }


_action(
    "/app/admin/api-keys",
    _keys_page,
    "POST",
    "/api-keys",
    body=_key_body,
    keeps_form=True,
    back="/admin/api-keys",
    done="API key {name} created.",
    reveal=("name", "secret"),
)
_action(
    "/app/admin/api-keys/{key_id}/revoke",
    _keys_page,
    "DELETE",
    "/api-keys/{key_id}",
    back="/admin/api-keys",
    done="API key revoked.",
)


# Audit log -------------------------------------------------------------------------------------


@signed_in_page("/app/admin/audit")
async def audit_page(console: Console) -> Response:
    filters = {k: console.request.query.get(k, "") for k in ("action", "resourceType")}
    answer = await console.api.call(
        "GET",
        "/audit-events",
        params={
            **filters,
            "cursor": console.request.query.get("cursor", ""),
            "limit": 50,
            "sort": "-createdAt",
        },
    )
    return console.render(
        "audit.html",
        **answer.shown,
        title="Audit log",
        page=answer.body,
        filters=filters,
    )


# Webhook endpoints -----------------------------------------------------------------------------


async def _event_types(console: Console) -> list[str]:
    """The event types an endpoint may subscribe to, as the API's OpenAPI document lists them."""
    document = await console.api.openapi()
    schema = document.get("components", {}).get("schemas", {}).get("EventType", {})
    return [str(name) for name in schema.get("enum", [])]


async def _webhooks_page(console: Console, outcome: Outcome) -> Response:
    endpoints = await console.api.call("GET", "/webhook-endpoints", params={"limit": 200})
    return console.render(
        "webhooks.html",
        **outcome.beside(endpoints, blank_form={}),
        title="Webhooks",
        endpoints=endpoints.rows,
        event_types=await _event_types(console),
    )


_page("/app/admin/webhooks", _webhooks_page)


def _webhook_body(form: dict[str, str]) -> dict[str, Any]:
    return {
        "url": form.get("url", "").strip(),
        "eventTypes": [key.removeprefix("event.") for key in form if key.startswith("event.")],
        "description": form.get("description", "").strip() or None,
    }


_action(
    "/app/admin/webhooks",
    _webhooks_page,
    "POST",
    "/webhook-endpoints",
    body=_webhook_body,
    keeps_form=True,
    back="/admin/webhooks/{id}",
    done="Endpoint created.",
    reveal=("url", "secret"),
)


async def _webhook_page(
    console: Console, endpoint_id: str, *, status: int = 200, error: ApiError | None = None
) -> Response:
    endpoint = await console.api.call("GET", f"/webhook-endpoints/{endpoint_id}")
    if endpoint.error is not None:
        return console.error_page(endpoint.error)
    deliveries = await console.api.call(
        "GET", f"/webhook-endpoints/{endpoint_id}/deliveries", params={"limit": 50, "sort": "-createdAt"}
    )
    return console.render(
        "webhook.html",
        status=status,
        title="Webhook endpoint",
        endpoint=endpoint.body,
        etag=endpoint.headers.get("etag", ""),
        deliveries=deliveries.rows,
        error=error or deliveries.error,
        created=console.take_revealed(),
    )


@signed_in_page("/app/admin/webhooks/{endpoint_id}")
async def webhook_page(console: Console, endpoint_id: str) -> Response:
    return await _webhook_page(console, endpoint_id)


@signed_in_form("/app/admin/webhooks/{endpoint_id}")
async def change_webhook(console: Console, form: dict[str, str], endpoint_id: str) -> Response:
    """Send a test event, enable, disable, delete, or retry one delivery."""
    action = form.get("action", "")
    base = f"/webhook-endpoints/{endpoint_id}"
    headers = {"If-Match": form["etag"]} if form.get("etag") else {}
    if action == "test":
        answer = await console.api.call("POST", base + "/test")
        done = "Test event sent."
    elif action in ("enable", "disable"):
        answer = await console.api.call("PATCH", base, json={"enabled": action == "enable"}, headers=headers)
        done = "Endpoint enabled." if action == "enable" else "Endpoint disabled."
    elif action == "retry":
        answer = await console.api.call("POST", f"{base}/deliveries/{form.get('deliveryId', '')}/retry")
        done = "Delivery queued again."
    elif action == "delete":
        answer = await console.api.call("DELETE", base, headers=headers)
        if answer.error is None:
            return console.redirect(console.url("/admin/webhooks"), flash="Endpoint deleted.")
        done = ""
    else:
        return console.not_found("No such action.")
    if answer.error is not None:
        return await _webhook_page(console, endpoint_id, status=answer.error.status, error=answer.error)
    return console.redirect(console.url(f"/admin/webhooks/{endpoint_id}"), flash=done)


# Roles -----------------------------------------------------------------------------------------


async def _roles_page(console: Console, outcome: Outcome) -> Response:
    roles = await console.api.call("GET", "/roles", params={"limit": 200})
    return console.render(
        "roles.html",
        **outcome.beside(roles, blank_form={}),
        title="Roles",
        roles=roles.rows,
        permissions=PERMISSIONS,
    )


_page("/app/admin/roles", _roles_page, reveals=False)


def _role_body(form: dict[str, str]) -> dict[str, Any]:
    return {
        "name": form.get("name", "").strip(),
        "description": form.get("description", "").strip(),
        "permissions": _chosen_permissions(form),
    }


_action(
    "/app/admin/roles",
    _roles_page,
    "POST",
    "/roles",
    body=_role_body,
    keeps_form=True,
    back="/admin/roles",
    done="Role {name} created.",
)
_action(
    "/app/admin/roles/{role_id}/delete",
    _roles_page,
    "DELETE",
    "/roles/{role_id}",
    back="/admin/roles",
    done="Role deleted.",
)
