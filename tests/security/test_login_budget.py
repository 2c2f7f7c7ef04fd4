"""Password guessing for one account from many addresses: the per-account budget of failed sign-ins.

Finding 7 of issue 11: 30 wrong passwords for one email from 30 addresses all got 401, then the
right one 200. Clients come from addresses of their own through `X-Forwarded-For`, which uvicorn
honours from the loopback proxy (FORWARDED_ALLOW_IPS' default), as behind a real reverse proxy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.client.live import LiveServer
from tests.security.stores import key_prefix, redis_url
from tests.support import Tenant, assert_error, create_tenant

__all__ = ["key_prefix", "redis_url"]  # fixtures used below

ACCOUNT_LOCKED = "Too many failed sign-ins for this account. Try again later."
WRONG = "not-the-password"


@pytest.fixture
def http() -> Iterator[Callable[[LiveServer], httpx.Client]]:
    clients: list[httpx.Client] = []

    def make(server: LiveServer) -> httpx.Client:
        client = httpx.Client(base_url=server.url, timeout=30, limits=httpx.Limits(max_connections=32))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


def _owner(client: httpx.Client, address: str) -> Tenant:
    """A workspace whose owner signed up and signed in from `address`."""
    client.headers["X-Forwarded-For"] = address
    try:
        return create_tenant(client)
    finally:
        del client.headers["X-Forwarded-For"]


def _sign_in(client: httpx.Client, address: str, workspace: str, email: str, password: str) -> httpx.Response:
    return client.post(
        "/api/v1/auth/token",
        json={"workspace": workspace, "email": email, "password": password},
        headers={"X-Forwarded-For": address},
    )


def _assert_failed(response: httpx.Response) -> None:
    assert_error(response, "invalid_credentials")
    assert response.headers["www-authenticate"].startswith("Bearer")


def _assert_locked(response: httpx.Response, failures: int, window: int) -> None:
    assert_error(response, "rate_limited", message=ACCOUNT_LOCKED)
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= window
    assert response.headers["ratelimit-limit"] == str(failures)
    assert response.headers["ratelimit-remaining"] == "0"
    assert response.headers["ratelimit-reset"] == str(retry_after)
    assert "www-authenticate" not in response.headers


def test_thirty_wrong_passwords_from_thirty_addresses_lock_the_account_for_new_addresses(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    server = start_server(RATE_LIMIT_ENABLED="true")  # the defaults: 20 failures per 900 s
    client = http(server)
    owner = _owner(client, "192.0.2.10")
    for number in range(1, 31):
        response = _sign_in(client, f"10.71.0.{number}", owner.slug, owner.email, WRONG)
        if number <= 20:
            _assert_failed(response)
            assert response.headers["ratelimit-limit"] == "10"  # this address's own sign-in budget
        else:
            _assert_locked(response, 20, 900)
    # The right password from a new address is refused too: a 200 would confirm a guess.
    _assert_locked(_sign_in(client, "10.71.1.1", owner.slug, owner.email, owner.password), 20, 900)
    # The owner, where they signed in before, is not locked out.
    signed_in = _sign_in(client, "192.0.2.10", owner.slug, owner.email, owner.password)
    assert signed_in.status_code == 200, signed_in.text
    assert set(signed_in.json()) == {"accessToken", "refreshToken", "tokenType", "expiresIn"}


def test_a_successful_sign_in_resets_no_one_elses_count(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    server = start_server(
        RATE_LIMIT_ENABLED="true", LOGIN_ACCOUNT_FAILURES="5", LOGIN_ACCOUNT_WINDOW_SECONDS="120"
    )
    client = http(server)
    owner = _owner(client, "192.0.2.20")
    for number in range(1, 4):
        _assert_failed(_sign_in(client, f"10.72.0.{number}", owner.slug, owner.email, WRONG))
    # The owner signs in from a new address: counted neither way, and nothing is reset.
    from_new_address = _sign_in(client, "192.0.2.21", owner.slug, owner.email, owner.password)
    assert from_new_address.status_code == 200, from_new_address.text
    for number in range(4, 6):
        _assert_failed(_sign_in(client, f"10.72.0.{number}", owner.slug, owner.email, WRONG))
    _assert_locked(_sign_in(client, "10.72.0.6", owner.slug, owner.email, WRONG), 5, 120)
    _assert_locked(_sign_in(client, "10.72.0.7", owner.slug, owner.email, owner.password), 5, 120)
    # Both addresses the owner signed in from are known now.
    for address in ("192.0.2.20", "192.0.2.21"):
        response = _sign_in(client, address, owner.slug, owner.email, owner.password)
        assert response.status_code == 200, response.text
    # A failure from a known address is not the attacker's: it neither counts nor is refused.
    _assert_failed(_sign_in(client, "192.0.2.21", owner.slug, owner.email, WRONG))


def test_the_account_is_workspace_and_email_whatever_their_spelling_and_whether_it_exists(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    server = start_server(
        RATE_LIMIT_ENABLED="true", LOGIN_ACCOUNT_FAILURES="3", LOGIN_ACCOUNT_WINDOW_SECONDS="60"
    )
    client = http(server)
    owner = _owner(client, "192.0.2.30")
    spellings = (owner.email.upper(), f"  {owner.email}  ", owner.email.capitalize())
    for number, email in enumerate(spellings, start=1):
        _assert_failed(_sign_in(client, f"10.73.0.{number}", f" {owner.slug} ", email, WRONG))
    _assert_locked(_sign_in(client, "10.73.0.4", owner.slug, owner.email, WRONG), 3, 60)

    # An email that is no member is counted the same way: the 429 tells nothing about who exists.
    nobody = "nobody-at-all@example.com"
    for number in range(5, 8):
        _assert_failed(_sign_in(client, f"10.73.0.{number}", owner.slug, nobody, WRONG))
    _assert_locked(_sign_in(client, "10.73.0.8", owner.slug, nobody, WRONG), 3, 60)

    # The same email in another workspace is another account, untouched.
    elsewhere = create_tenant(client, email=owner.email)
    signed_in = _sign_in(client, "10.73.0.9", elsewhere.slug, owner.email, owner.password)
    assert signed_in.status_code == 200, signed_in.text


def test_guesses_sent_at_once_cannot_outrun_the_budget(
    start_server: Callable[..., LiveServer], http: Callable[[LiveServer], httpx.Client]
) -> None:
    server = start_server(
        RATE_LIMIT_ENABLED="true", LOGIN_ACCOUNT_FAILURES="5", LOGIN_ACCOUNT_WINDOW_SECONDS="60"
    )
    client = http(server)
    owner = _owner(client, "192.0.2.40")

    def guess(number: int) -> httpx.Response:
        return _sign_in(client, f"10.74.0.{number}", owner.slug, owner.email, WRONG)

    with ThreadPoolExecutor(max_workers=20) as pool:
        responses = list(pool.map(guess, range(1, 21)))
    failed = [response for response in responses if response.status_code == 401]
    locked = [response for response in responses if response.status_code == 429]
    assert (len(failed), len(locked)) == (5, 15), [response.status_code for response in responses]
    for response in failed:
        _assert_failed(response)
    for response in locked:
        _assert_locked(response, 5, 60)


def test_processes_on_one_redis_share_the_account_budget(
    redis_url: str,
    key_prefix: str,
    start_server: Callable[..., LiveServer],
    http: Callable[[LiveServer], httpx.Client],
) -> None:
    settings = {
        "RATE_LIMIT_ENABLED": "true",
        "RATE_LIMIT_URL": redis_url,
        "RATE_LIMIT_KEY_PREFIX": key_prefix,
        "LOGIN_ACCOUNT_FAILURES": "4",
        "LOGIN_ACCOUNT_WINDOW_SECONDS": "60",
    }
    first, second = http(start_server(**settings)), http(start_server(**settings))
    owner = _owner(first, "192.0.2.50")
    for number in range(1, 5):
        server = first if number % 2 else second
        _assert_failed(_sign_in(server, f"10.75.0.{number}", owner.slug, owner.email, WRONG))
    for server in (first, second):
        _assert_locked(_sign_in(server, "10.75.0.5", owner.slug, owner.email, owner.password), 4, 60)
    # The address the owner signed in from (on the first process) is known to the second too.
    signed_in = _sign_in(second, "192.0.2.50", owner.slug, owner.email, owner.password)
    assert signed_in.status_code == 200, signed_in.text
