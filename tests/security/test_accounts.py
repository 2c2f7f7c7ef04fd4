"""Account pre-hijacking (issue 11, item 1): a password signs in only to the workspace it was set
through. Over HTTP against a live server, on the session's backend."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from tests.support import OWNER_PASSWORD, Tenant, assert_error, create_tenant

ATTACKER_PASSWORD = "attacker-chosen-password"
VICTIM_PASSWORD = "victims-own-password-1"


def _email(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}@corp.test"


def _invite(owner: Tenant, email: str, role: str) -> str:
    response = owner.post("/api/v1/invites", json={"email": email, "role": role})
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


def _accept(http: httpx.Client, token: str, **fields: Any) -> httpx.Response:
    return http.post("/api/v1/invites/accept", json={"token": token, **fields})


def _sign_in(http: httpx.Client, workspace: str, email: str, password: str) -> httpx.Response:
    return http.post(
        "/api/v1/auth/token", json={"workspace": workspace, "email": email, "password": password}
    )


def test_an_invite_accepted_elsewhere_does_not_sign_in_to_another_workspace(http: httpx.Client) -> None:
    evil, corp = create_tenant(http), create_tenant(http)
    victim = _email("victim")
    # The attacker invites the victim's email to his own workspace and accepts it himself.
    accepted = _accept(http, _invite(evil, victim, "viewer"), password=ATTACKER_PASSWORD)
    assert accepted.status_code == 200, accepted.text
    # corp invites the victim as admin; accepting needs a password of corp's own.
    corp_token = _invite(corp, victim, "admin")
    assert_error(
        _accept(http, corp_token),
        "validation_error",
        message="Model validation failed.",
        param="password",
        details={"password": ["The password field is required."]},
    )
    joined = _accept(http, corp_token, name="Victor", password=VICTIM_PASSWORD)
    assert joined.status_code == 200, joined.text
    assert joined.json()["role"] == "admin" and joined.json()["user"]["name"] == "Victor"
    # The attacker's password does not open corp; the victim's does.
    assert_error(_sign_in(http, corp.slug, victim, ATTACKER_PASSWORD), "invalid_credentials")
    signed_in = _sign_in(http, corp.slug, victim, VICTIM_PASSWORD)
    assert signed_in.status_code == 200, signed_in.text
    # And the victim's corp password does not open the attacker's workspace either.
    assert_error(_sign_in(http, evil.slug, victim, VICTIM_PASSWORD), "invalid_credentials")
    assert _sign_in(http, evil.slug, victim, ATTACKER_PASSWORD).status_code == 200


def test_an_accepted_invite_is_not_linked_without_a_password_of_its_own(http: httpx.Client) -> None:
    evil, corp = create_tenant(http), create_tenant(http)
    victim = _email("victim")
    assert _accept(http, _invite(evil, victim, "viewer"), password=ATTACKER_PASSWORD).status_code == 200
    token = _invite(corp, victim, "admin")
    # The attacker's own password is no key to corp's invite either: it is just this member's new one.
    assert _accept(http, token, password=VICTIM_PASSWORD).status_code == 200
    assert_error(_sign_in(http, corp.slug, victim, ATTACKER_PASSWORD), "invalid_credentials")


def test_signing_up_with_someone_elses_email_opens_only_the_new_workspace(http: httpx.Client) -> None:
    corp = create_tenant(http)
    victim = _email("victim")
    assert _accept(http, _invite(corp, victim, "admin"), password=VICTIM_PASSWORD).status_code == 200
    # Signing up with an email that is a member elsewhere is no conflict and tells nothing.
    slug = f"evil-{uuid.uuid4().hex[:10]}"
    created = http.post(
        "/api/v1/workspaces",
        json={
            "name": "Evil",
            "slug": slug,
            "owner": {"email": victim, "name": "V", "password": ATTACKER_PASSWORD},
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["owner"]["email"] == victim
    assert_error(_sign_in(http, corp.slug, victim, ATTACKER_PASSWORD), "invalid_credentials")
    assert _sign_in(http, corp.slug, victim, VICTIM_PASSWORD).status_code == 200
    assert _sign_in(http, slug, victim, ATTACKER_PASSWORD).status_code == 200
    assert_error(_sign_in(http, slug, victim, VICTIM_PASSWORD), "invalid_credentials")


def test_a_pending_invite_is_told_only_to_a_password_the_person_already_has(http: httpx.Client) -> None:
    home, inviting = create_tenant(http), create_tenant(http)
    _invite(inviting, home.email, "clerk")
    assert_error(
        _sign_in(http, inviting.slug, home.email, OWNER_PASSWORD),
        "invite_pending",
        message="You have a pending invite to this workspace; accept it first.",
    )
    assert_error(_sign_in(http, inviting.slug, home.email, "not-the-password-1"), "invalid_credentials")
