"""The composition root: the one module outside `api/` that imports `api/` (and so FastAPI).

The command line imports nothing from `api/`; what it needs of the application it gets here: the
app uvicorn serves (`served_app`), the OpenAPI document (`openapi_json`) and the job runner wired
with the API's row validators (`build_job_runner`, defined in `api/job_wiring.py`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from uvicorn.config import STARTUP_FAILURE

from stockyard.api.job_wiring import build_job_runner
from stockyard.db.redaction import describe
from stockyard.logs import ERROR_LOGGER

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["build_job_runner", "openapi_json", "served_app"]


def served_app() -> FastAPI:
    """The app of `stockyard serve`, built by uvicorn in every server process (each worker of
    `--workers N` is a fresh interpreter) once it has applied `log_config`: Python warnings, which
    a dictionary configuration cannot redirect, then join the JSON log as well.

    An app that cannot be built (a setting it rejects) is logged with its traceback and ends the
    process with uvicorn's startup-failure status: uvicorn then stops instead of restarting the
    worker, and nothing prints a plain-text traceback. So does a database whose schema is behind
    this release (`refuse_an_old_schema`)."""
    from stockyard.api.app import create_app

    logging.captureWarnings(True)
    refuse_an_old_schema()
    try:
        return create_app()
    except Exception:
        logging.getLogger(ERROR_LOGGER).critical("the application could not be built", exc_info=True)
        raise SystemExit(STARTUP_FAILURE) from None


def refuse_an_old_schema() -> None:
    """Ends the process with uvicorn's startup-failure status, after one critical log line, when
    the database lacks migrations this release needs (or has no schema at all): the app would
    otherwise answer 500s on whatever the missing migrations add. A schema newer than this release
    is served with a warning (the previous release's workers during a rolling upgrade,
    docs/operations.md), and a database that cannot be reached is left to the app, which answers
    503 `database_unavailable` until it is back."""
    from stockyard.db.migrate import schema_state
    from stockyard.settings import get_settings

    log = logging.getLogger(ERROR_LOGGER)
    try:
        state = schema_state(get_settings().resolved_database_url())
    except Exception as exc:
        log.warning("the database schema could not be checked at startup (%s)", describe(exc))
        return
    if not state.up_to_date:
        log.critical("refusing to start: %s", state.describe())
        raise SystemExit(STARTUP_FAILURE)
    if state.unknown:
        log.warning("%s: serving it, as during a rolling upgrade", state.describe())


def openapi_json() -> str:
    """The document of the default application, as pretty-printed JSON (for `stockyard openapi`)."""
    from stockyard.api.openapi import openapi_json as document

    return document()
