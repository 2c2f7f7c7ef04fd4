"""Token safety over HTTP: expiry, forged and alg-none JWTs, refresh-token families, logout,
tenant headers, and equal password work for unknown emails."""

from __future__ import annotations

import base64
import json
import time
from typing import Any, Literal

import jwt
import pytest
from argon2 import PasswordHasher, extract_parameters

import stockyard.identity.passwords as passwords
from stockyard.settings import Settings
from tests.identity.access import as_key, create_key
from tests.support import Tenant, assert_error, create_tenant


@pytest.fixture
def secret_key(settings: Settings) -> str:
    """The key the test application signs with (tests/conftest.py)."""
    return settings.resolved_secret_key()


def _claims(tenant: Tenant) -> dict[str, Any]:
    return dict(jwt.decode(tenant.access_token, options={"verify_signature": False}))


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _call(tenant: Tenant, token: str) -> Any:
    return tenant.client.get("/api/v1/items", headers={"Authorization": f"Bearer {token}"})


def test_the_test_key_signs_valid_tokens(tenant: Tenant, secret_key: str) -> None:
    # The forged tokens below differ from a valid one only in what each test changes.
    token = jwt.encode(_claims(tenant), secret_key, algorithm="HS256")
    assert _call(tenant, token).status_code == 200


def test_an_expired_access_token_is_token_expired(tenant: Tenant, secret_key: str) -> None:
    claims = _claims(tenant)
    now = int(time.time())
    claims.update(iat=now - 3600, exp=now - 60)
    response = _call(tenant, jwt.encode(claims, secret_key, algorithm="HS256"))
    assert_error(response, "token_expired", message="The access token has expired.")
    assert response.headers["www-authenticate"].lower().startswith("bearer")


def test_alg_none_is_refused(tenant: Tenant) -> None:
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims(tenant))}."
    assert_error(_call(tenant, unsigned), "token_invalid", message="The access token is invalid.")
    assert_error(_call(tenant, unsigned.upper()), "token_invalid")


def test_a_token_signed_with_another_key_is_refused(tenant: Tenant) -> None:
    forged = jwt.encode(_claims(tenant), "another-secret-key-that-is-long-enough!!", algorithm="HS256")
    assert_error(_call(tenant, forged), "token_invalid", message="The access token is invalid.")


@pytest.mark.parametrize("algorithm", ["HS384", "HS512"])
def test_a_token_with_another_algorithm_is_refused_even_with_the_right_key(
    tenant: Tenant, algorithm: str, secret_key: str
) -> None:
    token = jwt.encode(_claims(tenant), secret_key, algorithm=algorithm)
    assert_error(_call(tenant, token), "token_invalid", message="The access token is invalid.")


def test_malformed_tokens_are_refused(tenant: Tenant) -> None:
    for token in ("abc", "a.b.c", tenant.access_token[:-4]):
        assert_error(_call(tenant, token), "token_invalid", message="The access token is invalid.")


def test_logout_revokes_the_family(tenant: Tenant) -> None:
    assert tenant.get("/api/v1/items").status_code == 200
    assert tenant.post("/api/v1/auth/logout").status_code == 204
    assert_error(tenant.get("/api/v1/items"), "token_invalid", message="The access token has been revoked.")
    refreshed = tenant.client.post("/api/v1/auth/refresh", json={"refreshToken": tenant.refresh_token})
    assert_error(refreshed, "token_invalid", message="The refresh token is invalid.")


def test_logout_of_one_session_leaves_the_others(client: Any) -> None:
    first = create_tenant(client)
    second_pair = client.post(
        "/api/v1/auth/token", json={"workspace": first.slug, "email": first.email, "password": first.password}
    ).json()
    assert first.post("/api/v1/auth/logout").status_code == 204
    other = client.get("/api/v1/items", headers={"Authorization": f"Bearer {second_pair['accessToken']}"})
    assert other.status_code == 200


def _refresh(tenant: Tenant, token: str) -> Any:
    return tenant.client.post("/api/v1/auth/refresh", json={"refreshToken": token})


def test_refresh_rotates(tenant: Tenant) -> None:
    rotated = _refresh(tenant, tenant.refresh_token)
    assert rotated.status_code == 200, rotated.text
    pair = rotated.json()
    assert pair["refreshToken"] != tenant.refresh_token
    assert _call(tenant, pair["accessToken"]).status_code == 200
    assert _refresh(tenant, pair["refreshToken"]).status_code == 200


def test_a_reused_refresh_token_revokes_the_whole_family(tenant: Tenant) -> None:
    """An attacker who stole the refresh token rotates it first; when the victim presents the same
    token, the family dies: the attacker's fresh pair and the victim's access token stop working."""
    stolen = tenant.refresh_token
    attacker = _refresh(tenant, stolen).json()
    assert _call(tenant, attacker["accessToken"]).status_code == 200

    reused = _refresh(tenant, stolen)  # the victim's turn
    assert_error(reused, "refresh_token_reused", message="Refresh token has already been used.")

    revoked = "The access token has been revoked."
    assert_error(_call(tenant, attacker["accessToken"]), "token_invalid", message=revoked)
    assert_error(_call(tenant, tenant.access_token), "token_invalid", message=revoked)
    assert_error(
        _refresh(tenant, attacker["refreshToken"]), "token_invalid", message="The refresh token is invalid."
    )
    # Presenting the stolen token again changes nothing: the family stays revoked.
    assert_error(_refresh(tenant, stolen), "token_invalid", message="The refresh token is invalid.")


def test_victim_rotates_first_then_attacker_reuses(tenant: Tenant) -> None:
    victim = _refresh(tenant, tenant.refresh_token).json()
    assert_error(_refresh(tenant, tenant.refresh_token), "refresh_token_reused")
    assert_error(
        _call(tenant, victim["accessToken"]), "token_invalid", message="The access token has been revoked."
    )
    assert_error(
        _refresh(tenant, victim["refreshToken"]), "token_invalid", message="The refresh token is invalid."
    )


def test_stockyard_workspace_header_must_match_the_credential(tenant: Tenant, other_tenant: Tenant) -> None:
    assert tenant.get("/api/v1/items", headers={"Stockyard-Workspace": tenant.slug}).status_code == 200
    assert (
        tenant.get("/api/v1/items", headers={"Stockyard-Workspace": tenant.workspace_id}).status_code == 200
    )
    message = "The credential does not belong to the requested workspace."
    assert_error(
        tenant.get("/api/v1/items", headers={"Stockyard-Workspace": other_tenant.slug}),
        "tenant_mismatch",
        message=message,
    )
    assert_error(
        tenant.post(
            "/api/v1/items",
            json={"sku": "T-1", "name": "x"},
            headers={"Stockyard-Workspace": other_tenant.slug},
        ),
        "tenant_mismatch",
        message=message,
    )
    key = as_key(tenant, create_key(tenant, scopes=["inventory.read"])["secret"])
    assert_error(
        key.get("/api/v1/items", headers={"Stockyard-Workspace": other_tenant.workspace_id}),
        "tenant_mismatch",
        message=message,
    )
    assert other_tenant.get("/api/v1/items").json()["data"] == []


class CountingHasher(PasswordHasher):
    def __init__(self) -> None:
        super().__init__()
        self.verified: list[str] = []

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.verified.append(hash if isinstance(hash, str) else hash.decode())
        return super().verify(hash, password)


def _sign_in(tenant: Tenant, email: str, password: str, workspace: str | None = None) -> Any:
    return tenant.client.post(
        "/api/v1/auth/token",
        json={"workspace": workspace or tenant.slug, "email": email, "password": password},
    )


def test_unknown_email_does_the_same_hash_work_as_a_wrong_password(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    hasher = CountingHasher()
    monkeypatch.setattr(passwords, "_hasher", hasher)

    assert_error(
        _sign_in(tenant, tenant.email, "wrong-password-1"),
        "invalid_credentials",
        message="Email or password incorrect.",
    )
    assert len(hasher.verified) == 1
    real_hash = hasher.verified[0]

    assert_error(
        _sign_in(tenant, "nobody@example.com", "wrong-password-1"),
        "invalid_credentials",
        message="Email or password incorrect.",
    )
    assert_error(
        _sign_in(tenant, tenant.email, "wrong-password-1", "no-such-workspace"), "invalid_credentials"
    )
    assert len(hasher.verified) == 3
    dummy_hash = hasher.verified[1]
    assert hasher.verified[2] == dummy_hash
    assert dummy_hash != real_hash
    # The same Argon2id parameters: the same memory and time cost for both paths.
    assert extract_parameters(dummy_hash) == extract_parameters(real_hash)
