"""The composition root: the one module outside `api/` that imports `api/` (and so FastAPI).

The command line imports nothing from `api/`; what it needs of the application it gets here: the
app uvicorn serves (`served_app`), the OpenAPI document (`openapi_json`) and the job runner wired
with the API's row validators (`build_job_runner`, defined in `api/job_runner.py`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from uvicorn.config import STARTUP_FAILURE

from stockyard.api.job_runner import build_job_runner

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["build_job_runner", "openapi_json", "served_app"]


def served_app() -> FastAPI:
    """The app of `stockyard serve`, built by uvicorn in every server process (each worker of
    `--workers N` is a fresh interpreter) once it has applied `log_config`: Python warnings, which
    a dictionary configuration cannot redirect, then join the JSON log as well.

    An app that cannot be built (a setting it rejects) is logged with its traceback and ends the
    process with uvicorn's startup-failure status: uvicorn then stops instead of restarting the
    worker, and nothing prints a plain-text traceback."""
    from stockyard.api.app import create_app

    logging.captureWarnings(True)
    try:
        return create_app()
    except Exception:
        logging.getLogger("stockyard.errors").critical("the application could not be built", exc_info=True)
        raise SystemExit(STARTUP_FAILURE) from None


def openapi_json() -> str:
    """The document of the default application, as pretty-printed JSON (for `stockyard openapi`)."""
    from stockyard.api.openapi import openapi_json as document

    return document()
