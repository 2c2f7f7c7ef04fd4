"""Public routes are marked on the routes themselves (`@public`); the app collects their paths once."""

from __future__ import annotations

import pytest
from fastapi import APIRouter, FastAPI

from stockyard.api.paths import is_authenticated_path, public, public_paths


def test_the_public_paths_are_sign_up_sign_in_refresh_and_invite_acceptance(app: FastAPI) -> None:
    assert public_paths(app.routes) == {
        "/api/v1/workspaces",
        "/api/v1/auth/token",
        "/api/v1/auth/refresh",
        "/api/v1/invites/accept",
    }


def test_every_other_api_path_is_authenticated() -> None:
    public_set = frozenset({"/api/v1/auth/token"})
    assert not is_authenticated_path("/api/v1/auth/token", public_set)
    assert not is_authenticated_path("/api/v1/auth/token/", public_set)
    assert is_authenticated_path("/api/v1/items", public_set)
    assert is_authenticated_path("/api/v1/unknown", public_set)
    assert not is_authenticated_path("/healthz", public_set)


def test_a_public_route_must_have_a_literal_path() -> None:
    router = APIRouter(prefix="/api/v1")

    @router.get("/things/{thing_id}")
    @public
    async def thing(thing_id: str) -> str:
        return thing_id

    application = FastAPI()
    application.include_router(router)
    with pytest.raises(ValueError, match="no parameters"):
        public_paths(application.routes)


@pytest.fixture
def app() -> FastAPI:
    from stockyard.api.app import create_app

    return create_app()
