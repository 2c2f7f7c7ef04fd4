"""The client package: server-free imports, one exception per category, error parsing."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import httpx
import pytest
import stockyard_client as client_package
from stockyard_client import (
    CATEGORIES,
    CODES,
    ERROR_CLASSES,
    ErrorCode,
    NotFoundError,
    StockyardAPIError,
    UnprocessableEntityError,
    ValidationError,
    error_from_response,
    raise_for,
)
from stockyard_client.errors import class_name

from stockyard.errors import StockyardError, catalog
from stockyard.errors.render import render

BLOCKED = (
    "fastapi",
    "sqlalchemy",
    "starlette",
    "pydantic_settings",
    "pydantic",
    "alembic",
    "asyncpg",
    "uvicorn",
    "stockyard",
)


def test_client_imports_nothing_of_the_server() -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from importlib.abc import MetaPathFinder

        BLOCKED = {BLOCKED!r}

        class Block(MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in BLOCKED:
                    raise ImportError(f"the client must not import {{name}}")
                return None

        sys.meta_path.insert(0, Block())
        import stockyard_client
        from stockyard_client import AsyncClient, Client

        Client("http://127.0.0.1:9").close()
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"


def test_the_server_name_re_exports_the_client() -> None:
    import stockyard.client as old_name

    assert old_name.__all__ == client_package.__all__
    for name in client_package.__all__:
        assert getattr(old_name, name) is getattr(client_package, name), name


def test_one_declared_exception_class_per_catalog_category() -> None:
    assert [(c.name, c.status, c.title) for c in CATEGORIES] == [
        (c.name, c.status, c.title) for c in catalog.CATEGORIES
    ]
    assert set(ERROR_CLASSES) == {category.name for category in catalog.CATEGORIES}
    for category in catalog.CATEGORIES:
        cls = ERROR_CLASSES[category.name]
        assert cls.category is not None
        assert (cls.category.name, cls.category.status) == (category.name, category.status)
        assert issubclass(cls, StockyardAPIError)
        assert cls.__name__ == class_name(cls.category)
        assert getattr(client_package, cls.__name__) is cls, f"{cls.__name__} is not exported"
    assert ERROR_CLASSES["not_implemented"].__name__ == "NotImplementedAPIError"
    assert {code: (e.error, e.status, e.message) for code, e in CODES.items()} == {
        spec.code: (spec.error, spec.status, spec.message) for spec in catalog.CATALOG.values()
    }


def _response(error: StockyardError, accept: str | None = None) -> httpx.Response:
    status, headers, body = render(error, request_id="req_test", accept=accept, instance="/api/v1/items")
    return httpx.Response(status, headers=headers, content=body)


@pytest.mark.parametrize("accept", [None, "application/problem+json"])
def test_every_code_maps_to_its_category_class_in_both_renderings(accept: str | None) -> None:
    for spec in catalog.CATALOG.values():
        error = error_from_response(_response(StockyardError(spec, param="sku"), accept))
        assert type(error) is ERROR_CLASSES[spec.error]
        assert (error.status_code, error.error, error.code) == (spec.status, spec.error, spec.code)
        assert error.message == spec.message
        assert error.param == "sku"
        assert error.request_id == "req_test"
        assert error.spec == ErrorCode(spec.code, spec.error, spec.status, spec.message)


@pytest.mark.parametrize("accept", [None, "application/problem+json"])
def test_validation_details_survive_both_renderings(accept: str | None) -> None:
    details = {"sku": ["The sku field is required."], "lines.0.units": ["Must be positive."]}
    error = error_from_response(_response(StockyardError(catalog.VALIDATION_ERROR, details=details), accept))
    assert isinstance(error, ValidationError)
    assert error.details == details
    assert str(error) == (
        "400 validation_error: Model validation failed. "
        "[sku: The sku field is required.; lines.0.units: Must be positive.] (request req_test)"
    )


def test_raise_for_passes_success_and_raises_the_category() -> None:
    raise_for(httpx.Response(200, json={}))
    with pytest.raises(UnprocessableEntityError) as raised:
        raise_for(_response(StockyardError(catalog.INSUFFICIENT_STOCK, "3 available, 5 requested.")))
    assert raised.value.code == "insufficient_stock"
    assert str(raised.value) == "422 insufficient_stock: 3 available, 5 requested. (request req_test)"


def test_a_non_stockyard_error_body_still_maps_by_status() -> None:
    error = error_from_response(httpx.Response(404, text="<html>nope</html>"))
    assert isinstance(error, NotFoundError)
    assert error.code == "not_found"
    assert error.request_id is None
