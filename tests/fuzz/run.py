"""API fuzzing with schemathesis against the live server's OpenAPI document.

Starts the real server (uvicorn subprocess) on a fresh database — a temporary SQLite file, or a
new PostgreSQL database when STOCKYARD_TEST_DATABASE_URL names one — creates a workspace on the
business plan (every capability) with a warehouse, a location and an item, signs in, and runs
`schemathesis run` with the owner's bearer token on every request:

* phases: examples, coverage, fuzzing and stateful (link-following) — bounded by
  `--max-examples` per operation and `--max-time` overall;
* checks: no 5xx (`not_a_server_error`), status codes, content types and bodies as documented
  (`status_code_conformance`, `content_type_conformance`, `response_schema_conformance`, which
  validates every error body against the documented `Error` / `ProblemDetails` schemas).

Rate limiting is switched off for the fuzzed server (the rate-limit tests cover it), and the
operations that can revoke or demote the fuzzer's own credential are excluded (logout, removing
or changing a member: see EXCLUDED_OPERATIONS).

    python -m tests.fuzz.run [--max-examples 20] [--max-time 240] [-- extra schemathesis options]

Exits with schemathesis's status (0 when every check passed). Reports land in --report-dir.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import httpx

from tests.conformance.live import DatabaseFactory, LiveServer

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
PASSWORD = "fuzzing-password-123"
# Operations that can take the fuzzer's own credential away: logging out revokes the token, and
# the stateful phase learned to invite a second owner and then remove or demote the signed-in one
# (legitimate, but every later request is then 401). They are covered by the access-control tests.
EXCLUDED_OPERATIONS = ("signOut", "removeMember", "updateMember")


def _ok(response: httpx.Response) -> dict[str, object]:
    if response.status_code >= 300:
        raise RuntimeError(
            f"{response.request.method} {response.request.url.path}: {response.status_code} {response.text}"
        )
    return dict(response.json()) if response.content else {}


def seed(base_url: str) -> tuple[str, str]:
    """A business-plan workspace with a little inventory; returns the owner's access token and the
    workspace's slug."""
    slug = f"fuzz-{uuid.uuid4().hex[:10]}"
    email = f"{slug}@example.com"
    with httpx.Client(base_url=base_url, timeout=30) as client:
        _ok(
            client.post(
                "/api/v1/workspaces",
                json={
                    "name": "Fuzz",
                    "slug": slug,
                    "owner": {"email": email, "name": "Fuzz", "password": PASSWORD},
                },
            )
        )
        token = str(
            _ok(
                client.post(
                    "/api/v1/auth/token", json={"workspace": slug, "email": email, "password": PASSWORD}
                )
            )["accessToken"]
        )
        auth = {"Authorization": f"Bearer {token}"}
        _ok(client.patch("/api/v1/workspace", json={"plan": "business"}, headers=auth))
        document_paths = _ok(client.get("/openapi.json")).get("paths", {})
        assert isinstance(document_paths, dict)
        paths = set(document_paths)
        item = _ok(client.post("/api/v1/items", json={"sku": "FUZZ-1", "name": "Fuzz item"}, headers=auth))
        if "/api/v1/warehouses" in paths:
            warehouse = _ok(
                client.post("/api/v1/warehouses", json={"shortId": "FUZZ", "name": "Fuzz"}, headers=auth)
            )
            location = _ok(
                client.post(
                    f"/api/v1/warehouses/{warehouse['id']}/locations", json={"code": "F-01"}, headers=auth
                )
            )
            if "/api/v1/movements" in paths:
                _ok(
                    client.post(
                        "/api/v1/movements",
                        json={
                            "type": "receive",
                            "itemId": item["id"],
                            "locationId": location["id"],
                            "units": 100,
                        },
                        headers=auth,
                    )
                )
        return token, slug


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--max-examples", type=int, default=int(os.environ.get("STOCKYARD_FUZZ_EXAMPLES", "20"))
    )
    parser.add_argument("--max-time", type=int, default=int(os.environ.get("STOCKYARD_FUZZ_SECONDS", "240")))
    parser.add_argument("--workers", default="1")
    parser.add_argument("--seed", default=os.environ.get("STOCKYARD_FUZZ_SEED", ""))
    parser.add_argument("--report-dir", type=Path, default=Path("fuzz-report"))
    parser.add_argument("extra", nargs="*", help="more schemathesis options (after --)")
    args = parser.parse_args(argv)

    url = os.environ.get("STOCKYARD_TEST_DATABASE_URL") or None
    with tempfile.TemporaryDirectory(prefix="sy-fuzz-") as tmp:
        root = Path(tmp)
        databases = DatabaseFactory(root, url if url and url.startswith("postgres") else None)
        server = LiveServer(
            databases.create("fuzz"),
            root / "server",
            {"STOCKYARD_RATE_LIMIT_ENABLED": "false", "STOCKYARD_ACCESS_TOKEN_TTL_SECONDS": "7200"},
        )
        try:
            server.start()
            token, slug = seed(server.base_url)
            command = [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                f"{server.base_url}/openapi.json",
                "--checks",
                CHECKS,
                "--phases",
                "examples,coverage,fuzzing,stateful",
                "--max-examples",
                str(args.max_examples),
                "--max-time",
                str(args.max_time),
                "--workers",
                args.workers,
                "--header",
                f"Authorization: Bearer {token}",
                # The optional Stockyard-Workspace header names the credential's own workspace, as a
                # client sends it; any other value is 403 tenant_mismatch before the operation runs
                # (tests/security cover that), so a generated one left nothing behind it tested.
                "--header",
                f"Stockyard-Workspace: {slug}",
                "--generation-database",
                "none",
                "--suppress-health-check",
                "all",
                "--request-timeout",
                "30",
                "--continue-on-failure",
                "--report",
                "junit,ndjson",
                "--report-dir",
                str(args.report_dir),
                "--no-color",
            ]
            for operation in EXCLUDED_OPERATIONS:
                command += ["--exclude-operation-id", operation]
            if args.seed:
                command += ["--seed", args.seed]
            command += args.extra
            print(
                "running:",
                " ".join(
                    c if not c.startswith("Authorization") else "Authorization: Bearer …" for c in command
                ),
            )
            completed = subprocess.run(command, check=False)
            errors = [
                line
                for line in server.log_path.read_text(errors="replace").splitlines()
                if '"level": "error"' in line or '"level":"error"' in line
            ]
            if errors:
                print(f"\nserver logged {len(errors)} error line(s); the first ones:")
                for line in errors[:10]:
                    print("  " + line[:2000])
            return completed.returncode
        finally:
            server.stop()
            databases.drop_all()


if __name__ == "__main__":
    sys.exit(main())
