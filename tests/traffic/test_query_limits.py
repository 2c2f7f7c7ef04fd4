"""Oversized query strings and parameters get clean 400s, before any parsing or lookup."""

from __future__ import annotations

from tests.support import Tenant, assert_error


def test_a_huge_query_string_is_refused(tenant: Tenant) -> None:
    response = tenant.get("/api/v1/items", params={"q": "x" * 5000})
    assert_error(response, "bad_request", message="The query string is longer than 4,096 bytes.")
    many = "&".join(f"p{i}=1" for i in range(2000))
    assert_error(
        tenant.get(f"/api/v1/items?{many}"),
        "bad_request",
        message="The query string is longer than 4,096 bytes.",
    )


def test_long_but_acceptable_query_parameters_are_checked_one_by_one(tenant: Tenant) -> None:
    response = tenant.get("/api/v1/items", params={"q": "x" * 201})
    assert_error(response, "invalid_parameter", message=response.json()["message"], param="q")
    response = tenant.get("/api/v1/items", params={"limit": 201})
    assert_error(response, "invalid_parameter", message=response.json()["message"], param="limit")
