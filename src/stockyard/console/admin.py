"""The console's admin pages: workspace plan, members and invites (with the link to send), API keys
(the secret shown once) and the audit log; and the public page that accepts an invite. As every
page, they ask the public API: a person without the permission sees the API's 403 message."""

from __future__ import annotations

from typing import Any

from stockyard.console import session
from stockyard.console.api import ApiError
from stockyard.console.pages import Console, checked_form, guarded, posted
from stockyard.console.routes import router
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


@router.get("/app/admin")
async def admin_home(request: Request) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    if not console.can("workspace.manage"):  # the plan is the workspace managers' to read
        return console.render("admin.html", title="Admin", workspace=None, error=None)
    workspace = await console.api.call("GET", "/workspace")
    return console.render(
        "admin.html",
        status=workspace.error.status if workspace.error else 200,
        title="Admin",
        workspace=workspace.body,
        error=workspace.error,
    )


# Members and invites -----------------------------------------------------------------------------


async def _members_page(
    console: Console,
    *,
    status: int = 200,
    error: ApiError | None = None,
    form: dict[str, str] | None = None,
    created: dict[str, Any] | None = None,
) -> Response:
    api = console.api
    members = await api.call("GET", "/members", params={"limit": 200})
    invites = await api.call("GET", "/invites", params={"limit": 200, "status": "pending"})
    roles = await api.call("GET", "/roles", params={"limit": 200})
    status, error = members.beside(status, error)
    return console.render(
        "members.html",
        status=status,
        title="Members and invites",
        members=members.rows,
        invites=invites.rows,
        roles=[r["name"] for r in roles.rows],
        error=error,
        form=form or {"role": "viewer"},
        created=created,
        invite_link=(console.request.origin + console.url("/invite") + "#token=" + created["token"])
        if created
        else None,
    )


@router.get("/app/admin/members")
async def members_page(request: Request) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    return await _members_page(console, created=console.take_revealed())


@router.post("/app/admin/invites")
async def create_invite(request: Request) -> Response:
    console, form, stop = await posted(request)
    if stop:
        return stop
    answer = await console.api.call(
        "POST", "/invites", json={"email": form.get("email", "").strip(), "role": form.get("role", "")}
    )
    if answer.error is not None:
        return await _members_page(console, status=answer.error.status, error=answer.error, form=form)
    invite = answer.body
    console.reveal_next({k: invite[k] for k in ("email", "role", "token")})
    return console.redirect(console.url("/admin/members"), flash=f"Invite created for {invite['email']}.")


@router.post("/app/admin/invites/{invite_id}/revoke")
async def revoke_invite(request: Request, invite_id: str) -> Response:
    console, _form, stop = await posted(request)
    if stop:
        return stop
    answer = await console.api.call("DELETE", f"/invites/{invite_id}")
    if answer.error is not None:
        return await _members_page(console, status=answer.error.status, error=answer.error)
    return console.redirect(console.url("/admin/members"), flash="Invite revoked.")


@router.post("/app/admin/members/{member_id}")
async def change_member(request: Request, member_id: str) -> Response:
    console, form, stop = await posted(request)
    if stop:
        return stop
    answer = await console.api.call("PATCH", f"/members/{member_id}", json={"role": form.get("role", "")})
    if answer.error is not None:
        return await _members_page(console, status=answer.error.status, error=answer.error)
    return console.redirect(console.url("/admin/members"), flash="Role changed.")


@router.get("/app/invite")
async def invite_page(request: Request) -> Response:
    """The invite link's page (public: the token, in the link's fragment, is the credential)."""
    console = Console.of(request)
    return console.render("invite.html", title="Accept the invite", form={}, error=None)


@router.post("/app/invite")
async def accept_invite(request: Request) -> Response:
    console = Console.of(request)
    form, refused = checked_form(console)
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
        return console.render(
            "invite.html",
            status=answer.error.status,
            title="Accept the invite",
            form=shown,
            error=answer.error,
        )
    accepted = answer.body
    # Signed in at once, with the password just set: the same sign-in as the sign-in page's.
    token = await console.api.call(
        "POST",
        "/auth/token",
        json={
            "workspace": accepted["workspace"]["slug"],
            "email": accepted["user"]["email"],
            "password": form.get("password", ""),
        },
        authenticated=False,
    )
    welcome = f"Welcome to {accepted['workspace']['name']}."
    if token.error is not None:
        return console.redirect(console.url("/sign-in"), flash=welcome + " Sign in to continue.")
    console.csrf, console.csrf_is_new = session.new_csrf_token(), True
    console.api.tokens.access = token.body["accessToken"]
    console.api.tokens.refresh = token.body["refreshToken"]
    console.api.tokens.renewed = True
    return console.redirect(console.url("/items"), flash=welcome)


# API keys --------------------------------------------------------------------------------------


async def _keys_page(
    console: Console,
    *,
    status: int = 200,
    error: ApiError | None = None,
    form: dict[str, str] | None = None,
    created: dict[str, Any] | None = None,
) -> Response:
    keys = await console.api.call("GET", "/api-keys", params={"limit": 200, "sort": "-createdAt"})
    status, error = keys.beside(status, error)
    return console.render(
        "api_keys.html",
        status=status,
        title="API keys",
        keys=keys.rows,
        error=error,
        form=form or {"scope.inventory.read": "1"},
        created=created,
        permissions=PERMISSIONS,
    )


@router.get("/app/admin/api-keys")
async def keys_page(request: Request) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    return await _keys_page(console, created=console.take_revealed())


@router.post("/app/admin/api-keys")
async def create_key(request: Request) -> Response:
    console, form, stop = await posted(request)
    if stop:
        return stop
    scopes = [name for name, _ in PERMISSIONS if form.get(f"scope.{name}")]
    answer = await console.api.call(
        "POST",
        "/api-keys",
        json={"name": form.get("name", "").strip(), "scopes": scopes, "readOnly": bool(form.get("readOnly"))},
    )
    if answer.error is not None:
        return await _keys_page(console, status=answer.error.status, error=answer.error, form=form)
    key = answer.body
    console.reveal_next({"name": key["name"], "secret": key["secret"]})
    return console.redirect(console.url("/admin/api-keys"), flash=f"API key {key['name']} created.")


@router.post("/app/admin/api-keys/{key_id}/revoke")
async def revoke_key(request: Request, key_id: str) -> Response:
    console, _form, stop = await posted(request)
    if stop:
        return stop
    answer = await console.api.call("DELETE", f"/api-keys/{key_id}")
    if answer.error is not None:
        return await _keys_page(console, status=answer.error.status, error=answer.error)
    return console.redirect(console.url("/admin/api-keys"), flash="API key revoked.")


# Audit log -------------------------------------------------------------------------------------


@router.get("/app/admin/audit")
async def audit_page(request: Request) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    filters = {k: request.query.get(k, "") for k in ("action", "resourceType")}
    answer = await console.api.call(
        "GET",
        "/audit-events",
        params={**filters, "cursor": request.query.get("cursor", ""), "limit": 50, "sort": "-createdAt"},
    )
    return console.render(
        "audit.html",
        status=answer.error.status if answer.error else 200,
        title="Audit log",
        page=answer.body,
        error=answer.error,
        filters=filters,
    )


# Webhook endpoints -----------------------------------------------------------------------------


async def _event_types(console: Console) -> list[str]:
    """The event types an endpoint may subscribe to, as the API's OpenAPI document lists them."""
    document = await console.api.openapi()
    schema = document.get("components", {}).get("schemas", {}).get("EventType", {})
    return [str(name) for name in schema.get("enum", [])]


async def _webhooks_page(
    console: Console,
    *,
    status: int = 200,
    error: ApiError | None = None,
    form: dict[str, str] | None = None,
    created: dict[str, Any] | None = None,
) -> Response:
    endpoints = await console.api.call("GET", "/webhook-endpoints", params={"limit": 200})
    status, error = endpoints.beside(status, error)
    return console.render(
        "webhooks.html",
        status=status,
        title="Webhooks",
        endpoints=endpoints.rows,
        event_types=await _event_types(console),
        error=error,
        form=form or {},
        created=created,
    )


@router.get("/app/admin/webhooks")
async def webhooks_page(request: Request) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    return await _webhooks_page(console, created=console.take_revealed())


@router.post("/app/admin/webhooks")
async def create_webhook(request: Request) -> Response:
    console, form, stop = await posted(request)
    if stop:
        return stop
    chosen = [key.removeprefix("event.") for key in form if key.startswith("event.")]
    answer = await console.api.call(
        "POST",
        "/webhook-endpoints",
        json={
            "url": form.get("url", "").strip(),
            "eventTypes": chosen,
            "description": form.get("description", "").strip() or None,
        },
    )
    if answer.error is not None:
        return await _webhooks_page(console, status=answer.error.status, error=answer.error, form=form)
    endpoint = answer.body
    console.reveal_next({"url": endpoint["url"], "secret": endpoint["secret"]})
    return console.redirect(console.url(f"/admin/webhooks/{endpoint['id']}"), flash="Endpoint created.")


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


@router.get("/app/admin/webhooks/{endpoint_id}")
async def webhook_page(request: Request, endpoint_id: str) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    return await _webhook_page(console, endpoint_id)


@router.post("/app/admin/webhooks/{endpoint_id}")
async def change_webhook(request: Request, endpoint_id: str) -> Response:
    """Send a test event, enable, disable, delete, or retry one delivery."""
    console, form, stop = await posted(request)
    if stop:
        return stop
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
        return console.render(
            "error.html", status=404, title="Not found", error=None, message="No such action."
        )
    if answer.error is not None:
        return await _webhook_page(console, endpoint_id, status=answer.error.status, error=answer.error)
    return console.redirect(console.url(f"/admin/webhooks/{endpoint_id}"), flash=done)


# Roles -----------------------------------------------------------------------------------------


async def _roles_page(
    console: Console, *, status: int = 200, error: ApiError | None = None, form: dict[str, str] | None = None
) -> Response:
    roles = await console.api.call("GET", "/roles", params={"limit": 200})
    status, error = roles.beside(status, error)
    return console.render(
        "roles.html",
        status=status,
        title="Roles",
        roles=roles.rows,
        permissions=PERMISSIONS,
        error=error,
        form=form or {},
    )


@router.get("/app/admin/roles")
async def roles_page(request: Request) -> Response:
    console, stop = await guarded(request)
    if stop:
        return stop
    return await _roles_page(console)


@router.post("/app/admin/roles")
async def create_role(request: Request) -> Response:
    console, form, stop = await posted(request)
    if stop:
        return stop
    answer = await console.api.call(
        "POST",
        "/roles",
        json={
            "name": form.get("name", "").strip(),
            "description": form.get("description", "").strip(),
            "permissions": [name for name, _ in PERMISSIONS if form.get(f"scope.{name}")],
        },
    )
    if answer.error is not None:
        return await _roles_page(console, status=answer.error.status, error=answer.error, form=form)
    return console.redirect(console.url("/admin/roles"), flash=f"Role {answer.body['name']} created.")


@router.post("/app/admin/roles/{role_id}/delete")
async def delete_role(request: Request, role_id: str) -> Response:
    console, _form, stop = await posted(request)
    if stop:
        return stop
    answer = await console.api.call("DELETE", f"/roles/{role_id}")
    if answer.error is not None:
        return await _roles_page(console, status=answer.error.status, error=answer.error)
    return console.redirect(console.url("/admin/roles"), flash="Role deleted.")
