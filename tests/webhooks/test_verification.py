"""A receiver's side: `stockyard.webhooks.verify` and the verification code docs/webhooks.md shows
accept a real delivery and refuse a wrong secret, a changed body and an old timestamp."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from stockyard.webhooks import WebhookVerificationError, verify
from tests.support import Tenant
from tests.webhooks.support import Received, Receiver, deliver
from tests.webhooks.test_delivery import endpoint, send_test

DOC = Path(__file__).resolve().parents[2] / "docs" / "webhooks.md"
WRONG_SECRET = "whsec_" + "A" * 44


def delivered(team: Tenant, receiver: Receiver, database_url: str) -> tuple[Received, str]:
    created = endpoint(team, receiver.url("/hooks/verify"))
    send_test(team, created["id"])
    deliver(database_url)
    [request] = receiver.at("/hooks/verify")
    return request, str(created["secret"])


def documented_verify() -> Callable[..., Any]:
    [code] = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    namespace: dict[str, Any] = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - the documentation's own example
    function: Callable[..., Any] = namespace["verify"]
    return function


def test_verify_accepts_a_delivery_and_refuses_what_is_not_one(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    request, secret = delivered(team, receiver, webhook_database_url)
    event = verify(request.body, request.headers, secret)
    assert event["id"] == request.headers["webhook-id"]
    assert verify(request.body.decode(), {k.title(): v for k, v in request.headers.items()}, secret) == event

    with pytest.raises(WebhookVerificationError, match=r"^No signature matches this secret\.$"):
        verify(request.body, request.headers, WRONG_SECRET)
    with pytest.raises(WebhookVerificationError, match=r"^No signature matches this secret\.$"):
        verify(request.body.replace(b"webhook.test", b"webhook.tesT"), request.headers, secret)
    sent_at = int(request.headers["webhook-timestamp"])
    with pytest.raises(WebhookVerificationError, match="too far from now"):
        verify(request.body, request.headers, secret, now=sent_at + 301)
    assert verify(request.body, request.headers, secret, now=sent_at + 299) == event
    missing = {k: v for k, v in request.headers.items() if k != "webhook-signature"}
    with pytest.raises(WebhookVerificationError, match=r"^The webhook-signature header is missing\.$"):
        verify(request.body, missing, secret)


def test_the_documented_python_verification_works(
    team: Tenant, receiver: Receiver, webhook_database_url: str
) -> None:
    request, secret = delivered(team, receiver, webhook_database_url)
    documented = documented_verify()
    assert documented(request.body, request.headers, secret)["id"] == request.headers["webhook-id"]
    with pytest.raises(ValueError, match="no signature matches"):
        documented(request.body, request.headers, WRONG_SECRET)
    stale = {**request.headers, "webhook-timestamp": str(int(time.time()) - 600)}
    with pytest.raises(ValueError, match="stale webhook-timestamp"):
        documented(request.body, stale, secret)


def test_the_documented_javascript_verification_works(
    team: Tenant, receiver: Receiver, webhook_database_url: str, tmp_path: Path
) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    request, secret = delivered(team, receiver, webhook_database_url)
    [code] = re.findall(r"```javascript\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)
    (tmp_path / "body.json").write_bytes(request.body)
    script = tmp_path / "verify.js"
    script.write_text(
        code
        + "\nconst fs = require('node:fs');\n"
        + "const [bodyPath, headersJson, secret] = process.argv.slice(2);\n"
        + "try {\n"
        + "  const event = verify(fs.readFileSync(bodyPath), JSON.parse(headersJson), secret);\n"
        + "  console.log('verified ' + event.id);\n"
        + "} catch (error) { console.log('refused: ' + error.message); }\n",
        encoding="utf-8",
    )

    def check(headers: dict[str, str], with_secret: str) -> str:
        done = subprocess.run(
            [node, str(script), str(tmp_path / "body.json"), json.dumps(headers), with_secret],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        return done.stdout.strip()

    assert check(request.headers, secret) == f"verified {request.headers['webhook-id']}"
    assert check(request.headers, WRONG_SECRET) == "refused: no signature matches"
    stale = {**request.headers, "webhook-timestamp": str(int(time.time()) - 600)}
    assert check(stale, secret) == "refused: stale webhook-timestamp"
