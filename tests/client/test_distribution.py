"""The client as a distribution of its own (clients/python): generated from the OpenAPI document and
kept in step with it, every operation a method, typed for mypy, and installable without the server."""

from __future__ import annotations

import importlib.util
import inspect
import json
import subprocess
import sys
import textwrap
import venv
from pathlib import Path
from typing import Any

import pytest
import stockyard_client
from stockyard_client import OPERATIONS, AsyncClient, Client

ROOT = Path(__file__).resolve().parents[2]
CLIENT = ROOT / "clients" / "python"
BIN = Path(sys.executable).parent
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "stockyard", "openapi"], capture_output=True, text=True, check=True
    ).stdout
    return dict(json.loads(out))


def resolve(root: object, dotted: str) -> Any:
    target: Any = root
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


def test_the_generated_modules_match_the_openapi_document_and_the_catalog() -> None:
    result = subprocess.run(
        [sys.executable, str(CLIENT / "scripts" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_staleness_check_fails_when_the_document_changes(
    document: dict[str, Any], tmp_path: Path
) -> None:
    changed = json.loads(json.dumps(document))
    changed["components"]["schemas"]["Movement"]["properties"]["balanceAfter"]["type"] = "string"
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(changed), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(CLIENT / "scripts" / "generate.py"), "--check", "--openapi", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "stale: python/src/stockyard_client/models.py"


def test_every_operation_of_the_document_is_a_method_of_both_clients(document: dict[str, Any]) -> None:
    ids = {
        op["operationId"]
        for item in document["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    }
    assert set(OPERATIONS) == ids, (sorted(ids - set(OPERATIONS)), sorted(set(OPERATIONS) - ids))
    client = Client("http://127.0.0.1:9")
    aclient = AsyncClient("http://127.0.0.1:9")
    try:
        for operation_id, dotted in OPERATIONS.items():
            sync_method = resolve(client, dotted)
            async_method = resolve(aclient, dotted)
            assert callable(sync_method), operation_id
            is_list = inspect.isasyncgenfunction(async_method) or "AsyncIterator" in str(
                inspect.signature(async_method).return_annotation
            )
            assert inspect.iscoroutinefunction(async_method) or is_list, operation_id
            assert not inspect.iscoroutinefunction(sync_method), operation_id
            sync_parameters = list(inspect.signature(sync_method).parameters)
            assert sync_parameters == list(inspect.signature(async_method).parameters), operation_id
            assert "options" in sync_parameters, operation_id
            method = next(
                m
                for path, item in document["paths"].items()
                for m, op in item.items()
                if m in HTTP_METHODS and op["operationId"] == operation_id
            )
            if method == "post":
                assert "idempotency_key" in sync_parameters, operation_id
    finally:
        client.close()


def test_no_method_takes_untyped_keyword_arguments() -> None:
    client = Client("http://127.0.0.1:9")
    try:
        for dotted in OPERATIONS.values():
            method = resolve(client, dotted)
            for parameter in inspect.signature(method).parameters.values():
                assert parameter.annotation not in {"Any", inspect.Parameter.empty}, (dotted, parameter)
                if parameter.kind is inspect.Parameter.VAR_KEYWORD:
                    assert str(parameter.annotation).startswith("Unpack["), (dotted, parameter)
    finally:
        client.close()


def test_mypy_strict_reports_a_misspelt_argument_a_misspelt_key_and_a_wrong_type(tmp_path: Path) -> None:
    snippet = tmp_path / "typos.py"
    snippet.write_text(
        textwrap.dedent(
            """
            from stockyard_client import Client

            def run(client: Client, item_id: str, location_id: str) -> float:
                record = client.movements.receive(
                    item_id=item_id, location_id=location_id, units=3, refrence="PO-1"
                )
                client.items.create(sku="A-1", name="Widget", unit_cost=object())
                fine = client.movements.receive(item_id=item_id, location_id=location_id, units=1)
                print(record["balanceAftr"])
                return fine["balanceAfter"]
            """
        ),
        encoding="utf-8",
    )
    result = subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", "--show-error-codes", str(snippet)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    errors = [line.split(": error: ", 1)[1] for line in result.stdout.splitlines() if ": error: " in line]
    assert len(errors) == 3, result.stdout  # and nothing else: the correct lines type-check
    assert any(
        'Unexpected keyword argument "refrence"' in error and "[call-arg]" in error for error in errors
    )
    assert any('TypedDict "Movement" has no key "balanceAftr"' in error for error in errors)
    assert any('"unit_cost"' in error and '"object"' in error and "[arg-type]" in error for error in errors)


def test_the_client_sources_pass_ruff_and_mypy_strict() -> None:
    for command in (
        [str(BIN / "ruff"), "check", str(CLIENT)],
        [str(BIN / "ruff"), "format", "--check", str(CLIENT)],
        [
            str(BIN / "mypy"),
            "--strict",
            str(CLIENT / "src" / "stockyard_client"),
            str(CLIENT / "scripts"),
            str(CLIENT / "examples"),
        ],
    ):
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=CLIENT)
        assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout}\n{result.stderr}"


def test_the_distribution_installs_into_a_fresh_venv_without_the_server(tmp_path: Path) -> None:
    """`pip install ./clients/python` brings httpx and its few dependencies: no FastAPI, SQLAlchemy,
    asyncpg or redis, and not the server. Runs in every test run (about 30 s; pip reuses its cache)."""
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(CLIENT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    script = textwrap.dedent(
        """
        import importlib.metadata as md
        import json
        import stockyard_client
        names = sorted(d.metadata["Name"].lower().replace("_", "-") for d in md.distributions())
        print(json.dumps({"names": names, "file": stockyard_client.__file__,
                          "version": md.version("stockyard-client")}))
        """
    )
    shown = subprocess.run(
        [str(python), "-c", script], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    found = json.loads(shown.stdout)
    assert found["file"].startswith(str(tmp_path / "venv"))
    assert (Path(found["file"]).parent / "py.typed").is_file()  # typed for the application's mypy
    assert found["version"] == stockyard_client.__version__
    names = set(found["names"])
    assert {"stockyard-client", "httpx"} <= names
    assert not names & {"fastapi", "starlette", "sqlalchemy", "asyncpg", "redis", "stockyard", "pydantic"}


def test_the_guide_shows_the_example_that_the_live_test_runs() -> None:
    guide = (ROOT / "docs" / "clients.md").read_text(encoding="utf-8")
    section = guide.split("## A full example (Python)", 1)[1]
    shown = section.split("```python\n", 1)[1].split("```\n", 1)[0]
    assert shown == (CLIENT / "examples" / "inventory.py").read_text(encoding="utf-8")


def test_the_guide_names_every_resource_of_the_client() -> None:
    guide = (ROOT / "docs" / "clients.md").read_text(encoding="utf-8")
    resources = {dotted.split(".")[0] for dotted in OPERATIONS.values() if "." in dotted}
    missing = sorted(name for name in resources if f"`{name}`" not in guide)
    assert missing == []


def new_resource(document: dict[str, Any]) -> dict[str, Any]:
    """The document with a resource the clients have never seen: `suppliers`, its group and routes."""
    changed = json.loads(json.dumps(document))
    changed["tags"].append({"name": "suppliers", "description": "Who items are bought from."})
    tag = changed["paths"]["/api/v1/tags"]
    one = changed["paths"]["/api/v1/tags/{tagId}"]
    ops = {"post": "createSupplier", "get": "listSuppliers"}
    changed["paths"]["/api/v1/suppliers"] = {
        method: {**tag[method], "operationId": ops[method], "tags": ["suppliers"]} for method in ops
    }
    by_id = {"get": "getSupplier", "patch": "updateSupplier", "delete": "deleteSupplier"}
    changed["paths"]["/api/v1/suppliers/{tagId}"] = {
        method: {**one[method], "operationId": by_id[method], "tags": ["suppliers"]} for method in by_id
    }
    changed["paths"]["/api/v1/suppliers/{tagId}/approve"] = {
        "post": {**one["get"], "operationId": "approveSupplier", "tags": ["suppliers"]}
    }
    return changed


@pytest.fixture(scope="module")
def generate() -> Any:
    """clients/python/scripts/generate.py as a module."""
    spec = importlib.util.spec_from_file_location("generate", CLIENT / "scripts" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_a_new_resource_needs_no_client_file_written_by_hand(generate: Any, document: dict[str, Any]) -> None:
    changed = new_resource(document)
    methods = generate.client_methods(changed)
    assert {k: v for k, v in methods.items() if k.endswith(("Supplier", "Suppliers"))} == {
        "createSupplier": ("suppliers", "create"),
        "listSuppliers": ("suppliers", "list"),
        "getSupplier": ("suppliers", "get"),
        "updateSupplier": ("suppliers", "update"),
        "deleteSupplier": ("suppliers", "delete"),
        "approveSupplier": ("suppliers", "approve"),
    }
    assert {k: v for k, v in methods.items() if k in OPERATIONS} == {
        k: tuple(v.split(".")) if "." in v else ("", v) for k, v in OPERATIONS.items()
    }
    files = {path.name: text for path, text in generate.generated(changed).items()}
    assert "class _Suppliers:" in files["_resources.py"]
    assert "class _AsyncSuppliers:" in files["_aio_resources.py"]
    assert "Suppliers = _Suppliers\n" in files["_exports.py"]
    assert "AsyncSuppliers = _AsyncSuppliers\n" in files["_exports.py"]
    assert "    suppliers: Suppliers\n" in files["_wiring.py"]
    assert "        self.suppliers = AsyncSuppliers(transport)\n" in files["_wiring.py"]
    assert "    'approveSupplier': 'suppliers.approve',\n" in files["_operations.py"].replace('"', "'")
    row = "| `suppliers` | Who items are bought from. | `create`, `list`, `list_page`, `get`, `update`, `delete`, `approve` |"
    assert row in files["clients.md"].splitlines()
    for name in (
        "def create(",
        "def list(",
        "def list_page(",
        "def get(",
        "def update(",
        "def delete(",
        "def approve(",
    ):
        assert name in files["_resources.py"].split("class _Suppliers:", 1)[1].split("\nclass ", 1)[0], name


def test_two_operations_of_one_resource_named_alike_are_refused(
    generate: Any, document: dict[str, Any]
) -> None:
    changed = new_resource(document)
    changed["paths"]["/api/v1/suppliers/{tagId}/approve"]["post"]["operationId"] = "getSupplierRating"
    with pytest.raises(SystemExit) as refused:
        generate.client_methods(changed)
    assert str(refused.value) == (
        "operations getSupplier and getSupplierRating would both be suppliers.get:"
        " name one of them in METHOD_OVERRIDES"
    )
