"""Sign-in, token refresh, logout, and who-am-I."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Response

from stockyard.api.deps import DatabaseDep, PrincipalDep, from_services
from stockyard.api.openapi import ApiTag
from stockyard.api.paths import public
from stockyard.api.routers._common import api_router, no_content, no_store
from stockyard.api.schemas.errors import error_responses
from stockyard.api.schemas.identity import Me, RefreshRequest, TokenPair, TokenRequest, User, Workspace
from stockyard.errors import catalog
from stockyard.identity.authentication import AuthenticationService
from stockyard.identity.profile import describe

TAG = ApiTag(140, "auth", "Sign in for a token pair, rotate it, sign out; and who the caller is.")
router = api_router(TAG)


Authentication = Annotated[
    AuthenticationService, Depends(from_services(lambda services: services.authentication))
]


@router.post(
    "/auth/token",
    operation_id="signIn",
    summary="Exchange workspace, email and password for a token pair",
    responses=error_responses(
        catalog.INVALID_CREDENTIALS, catalog.INVITE_PENDING, authenticated=False, body=True
    ),
)
@public
async def sign_in(body: TokenRequest, authentication: Authentication, response: Response) -> TokenPair:
    no_store(response)
    return TokenPair.of(await authentication.sign_in(body.workspace, body.email, body.password))


@router.post(
    "/auth/refresh",
    operation_id="refreshToken",
    summary="Rotate a refresh token into a new token pair",
    responses=error_responses(
        catalog.TOKEN_INVALID,
        catalog.TOKEN_EXPIRED,
        catalog.REFRESH_TOKEN_REUSED,
        authenticated=False,
        body=True,
    ),
)
@public
async def refresh(body: RefreshRequest, authentication: Authentication, response: Response) -> TokenPair:
    no_store(response)
    return TokenPair.of(await authentication.refresh(body.refresh_token))


@router.post(
    "/auth/logout",
    status_code=204,
    operation_id="signOut",
    summary="Revoke the current token family",
    description="Ends this sign-in: its access and refresh tokens stop working. API keys have no session: "
    "a read-only key gets 403 `read_only`, any other key 422 (revoke the key instead).",
    responses=error_responses(catalog.READ_ONLY, catalog.UNPROCESSABLE_ENTITY),
)
async def logout(principal: PrincipalDep, authentication: Authentication) -> Response:
    await authentication.logout(principal)
    return no_content()


@router.get(
    "/me",
    operation_id="getMe",
    summary="The caller: user or API key, workspace, permissions",
    responses=error_responses(),
)
async def me(principal: PrincipalDep, database: DatabaseDep) -> Me:
    profile = await describe(database, principal)
    return Me(
        principal_type=principal.kind.value,
        principal_id=principal.id,
        user=None if profile.user is None else User.of(profile.user),
        workspace=Workspace.of(profile.workspace),
        role=profile.role,
        permissions=sorted(principal.permissions),
        read_only=principal.read_only,
        warehouse_ids=None if principal.warehouse_ids is None else sorted(principal.warehouse_ids),
    )
