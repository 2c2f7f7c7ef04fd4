"""docs/api-guide.md, run: its `bash` blocks in one shell, in order, against a live server, each
block's output checked against the `json` block that follows it.

In an expected answer a string holding `…` matches any value; everything else must be equal, and
objects must have exactly the keys shown. A block's output may be several JSON values in a row.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.client.live import LiveServer
from tests.support import OWNER_PASSWORD

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "api-guide.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
END = "::end-of-block::"

pytestmark = pytest.mark.skipif(
    not (shutil.which("bash") and shutil.which("curl") and shutil.which("jq")),
    reason="the guide's examples need bash, curl and jq",
)


def examples() -> list[tuple[str, str | None]]:
    """Each bash block with the json block right after it (None when the next block is not json)."""
    blocks = [(match.group(1), match.group(2)) for match in FENCE.finditer(GUIDE.read_text("utf-8"))]
    found = []
    for index, (language, text) in enumerate(blocks):
        if language == "bash":
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            found.append((text, following[1] if following and following[0] == "json" else None))
    return found


def json_values(text: str) -> list[Any]:
    decoder = json.JSONDecoder()
    values, position = [], 0
    text = text.strip()
    while position < len(text):
        value, end = decoder.raw_decode(text, position)
        values.append(value)
        position = end
        while position < len(text) and text[position].isspace():
            position += 1
    return values


def matches(expected: Any, actual: Any) -> bool:
    if isinstance(expected, str) and "…" in expected:
        return True
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and set(expected) == set(actual)
            and all(matches(value, actual[key]) for key, value in expected.items())
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(matches(e, a) for e, a in zip(expected, actual, strict=True))
        )
    return bool(expected == actual and type(expected) is type(actual))


def test_matching_is_strict() -> None:
    assert matches({"a": "…", "b": [1]}, {"a": "x", "b": [1]})
    assert not matches({"a": "…"}, {"a": 1, "b": 2})
    assert not matches({"b": [1]}, {"b": [1, 2]})
    assert not matches(1, True)
    assert json_values('{"a": 1}\n{"b": 2}\n304') == [{"a": 1}, {"b": 2}, 304]


def test_every_example_answers_as_the_guide_says(
    start_server: Callable[..., LiveServer], tmp_path: Path
) -> None:
    server = start_server(rate_limit_enabled="true")
    slug = f"guide-{uuid.uuid4().hex[:10]}"
    email = f"guide-{uuid.uuid4().hex[:8]}@example.com"
    created = httpx.post(
        f"{server.url}/api/v1/workspaces",
        json={
            "name": "Guide",
            "slug": slug,
            "owner": {"email": email, "name": "Guide", "password": OWNER_PASSWORD},
        },
    )
    assert created.status_code == 201, created.text

    runnable = examples()
    assert len(runnable) >= 10
    script = ["set -euo pipefail"]
    for code, _ in runnable:
        script += [code, f"echo '{END}'"]
    env = {"PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": str(tmp_path)}
    env |= {"BASE": server.url, "WORKSPACE": slug, "EMAIL": email, "PASSWORD": OWNER_PASSWORD}
    done = subprocess.run(
        ["bash", "-c", "\n".join(script)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    outputs = done.stdout.split(END + "\n")
    assert done.returncode == 0, (done.stderr, done.stdout[-1500:], server.log())
    for (code, expected), output in zip(runnable, outputs, strict=False):
        if expected is None:
            continue
        wanted, got = json_values(expected), json_values(output)
        assert len(wanted) == len(got) and all(map(matches, wanted, got)), (code, expected, output)
