# Stockyard. `make run` serves the API on SQLite; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench install clean

$(STAMP): pyproject.toml clients/python/pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e clients/python -e ".[dev,xlsx,otel]"
	@touch $(STAMP)

install: $(STAMP)

# The server logs one JSON line per event; it is ready when it logs "Uvicorn running on http://…".
run: $(STAMP)
	@$(BIN)/stockyard migrate
	@$(BIN)/stockyard demo
	@echo 'Starting the server: ready when it logs "Uvicorn running on http://127.0.0.1:8000" (docs at /docs).'
	@$(BIN)/stockyard serve --host 127.0.0.1 --port 8000

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

bench: $(STAMP)
	bash bench/run.sh

clean:
	rm -rf $(VENV) .stockyard .pytest_cache .mypy_cache .ruff_cache
