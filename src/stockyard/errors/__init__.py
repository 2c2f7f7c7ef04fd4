"""The error catalog and the exception services raise. See `catalog.py`."""

from stockyard.errors import catalog
from stockyard.errors.catalog import CATALOG, ErrorSpec, spec_for
from stockyard.errors.exceptions import StockyardError, validation_failed

__all__ = ["CATALOG", "ErrorSpec", "StockyardError", "catalog", "spec_for", "validation_failed"]
