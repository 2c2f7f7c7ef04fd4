"""ETags from row versions, and the If-Match / If-None-Match headers that use them."""

from __future__ import annotations

import re

NEVER_MATCHES = -1
_TAG = re.compile(r'^(?:W/)?"v(\d{1,10})"$')


def etag(version: int) -> str:
    return f'"v{version}"'


def expected_version(if_match: str | None) -> int | None:
    """The version an If-Match header demands; None when absent or `*`.

    A tag we did not issue gives -1, which never matches, so the service still reports a missing
    resource (404) before a failed precondition (412).
    """
    if if_match is None or if_match.strip() == "*":
        return None
    for candidate in if_match.split(","):
        found = _TAG.match(candidate.strip())
        if found:
            return int(found.group(1))
    return NEVER_MATCHES


def matches(if_none_match: str | None, version: int) -> bool:
    if if_none_match is None:
        return False
    tags = {candidate.strip() for candidate in if_none_match.split(",")}
    return "*" in tags or etag(version) in tags or f"W/{etag(version)}" in tags
