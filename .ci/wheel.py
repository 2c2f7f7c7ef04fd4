"""CI's wheel check: what `pip install stockyard-*.whl` gives an operator must migrate and serve.

Builds the wheel (`python -m build --wheel`), checks what it holds (migrations, `py.typed`, no
tests), builds the client's wheel (clients/python, `stockyard-client`, which the server depends on),
installs both into a fresh venv (the dependencies come from the package index as usual; pip
reuses its cache), then, from a directory outside the source tree and with a data directory of its
own: `stockyard --version`, `stockyard migrate`, `stockyard serve` on a free port, `/healthz`, `/docs`
and its offline assets (from the installed fastapi-offline), and `stockyard docs configuration`.

    .venv/bin/python .ci/wheel.py [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CLIENT = ROOT / "clients" / "python"
REQUIRED = (
    "stockyard/py.typed",
    "stockyard/db/migrations/env.py",
    "stockyard/db/migrations/script.py.mako",
)
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js", "favicon.png")


def step(message: str) -> None:
    print(f"-- {message}", flush=True)


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, text=True, capture_output=True, check=False, env=env, cwd=cwd)
    if done.returncode != 0:
        sys.exit(
            f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
        )
    return done


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def check_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    versions = [
        name
        for name in names
        if name.startswith("stockyard/db/migrations/versions/") and name.endswith(".py")
    ]
    source_versions = list((ROOT / "src/stockyard/db/migrations/versions").glob("*.py"))
    if missing or len(versions) != len(source_versions):
        sys.exit(
            f"{wheel.name} lacks {missing} or has {len(versions)}/{len(source_versions)} migration files"
        )
    strays = sorted(
        name for name in names if name.startswith(("tests/", "bench/", "examples/", "stockyard_client/"))
    )
    if strays:
        sys.exit(f"{wheel.name} holds files that are not the package: {strays[:5]}")
    step(f"{wheel.name}: {len(names)} files, {len(versions)} migrations, py.typed")


def serve_and_check(stockyard: Path, env: dict[str, str], cwd: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = cwd / "serve.log"
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [str(stockyard), "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"the installed server did not become healthy:\n{log_path.read_text()[-3000:]}")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        docs = httpx.get(f"{url}/docs", timeout=10)
        if docs.status_code != 200 or "/docs/assets/swagger-ui-bundle.js" not in docs.text:
            sys.exit(f"/docs answered {docs.status_code}")
        for asset in ASSETS:
            answer = httpx.get(f"{url}/docs/assets/{asset}", timeout=10)
            if answer.status_code != 200 or not answer.content:
                sys.exit(f"/docs/assets/{asset} answered {answer.status_code}")
        step(f"served {url}: /healthz, /docs and its {len(ASSETS)} offline assets")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="stockyard-wheel-"))
    try:
        step("python -m build --wheel")
        run([sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(ROOT)])
        wheels = list((work / "dist").glob("stockyard-*.whl"))
        if len(wheels) != 1:
            sys.exit(f"expected one wheel, found {wheels}")
        check_contents(wheels[0])
        step("python -m build --wheel clients/python (stockyard-client)")
        run([sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "client"), str(CLIENT)])
        client_wheels = list((work / "client").glob("stockyard_client-*.whl"))
        if len(client_wheels) != 1:
            sys.exit(f"expected one client wheel, found {client_wheels}")

        step("a fresh venv, pip install the wheels")
        run([sys.executable, "-m", "venv", str(work / "venv")])
        bin_dir = work / "venv" / "bin"
        run(
            [
                str(bin_dir / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                str(wheels[0]),
                str(client_wheels[0]),
            ]
        )

        env = {key: value for key, value in os.environ.items() if not key.startswith("STOCKYARD_")}
        env.pop("PYTHONPATH", None)
        env["STOCKYARD_DATA_DIR"] = str(work / "data")
        outside = work / "cwd"
        outside.mkdir()
        stockyard = bin_dir / "stockyard"
        location = run(
            [str(bin_dir / "python"), "-c", "import stockyard; print(stockyard.__file__)"],
            env=env,
            cwd=outside,
        ).stdout.strip()
        if not location.startswith(str(work / "venv")):
            sys.exit(f"the fresh venv imports stockyard from {location}, not from the wheel")
        client = run(
            [
                str(bin_dir / "python"),
                "-c",
                "import stockyard.client, stockyard_client; print(stockyard_client.__file__)",
            ],
            env=env,
            cwd=outside,
        ).stdout.strip()
        if not client.startswith(str(work / "venv")):
            sys.exit(f"the fresh venv imports stockyard_client from {client}, not from its wheel")
        version = run([str(stockyard), "--version"], env=env, cwd=outside).stdout.strip()
        step(f"{version}; migrate")
        run([str(stockyard), "migrate"], env=env, cwd=outside)
        reference = run(
            [str(stockyard), "docs", "configuration", "--output", "-"], env=env, cwd=outside
        ).stdout
        if reference != (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8"):
            sys.exit("the installed `stockyard docs configuration` differs from docs/configuration.md")
        serve_and_check(stockyard, env, outside)
        step(f"wheel OK in {time.monotonic() - started:.0f} s")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
