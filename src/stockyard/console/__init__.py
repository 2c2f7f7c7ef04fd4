"""The web console at /app: server-rendered pages for the people who run the warehouse, built on
the public API (console/api.py) and served by the API's own server (docs/console.md)."""

from stockyard.console import admin, ops  # register their pages
from stockyard.console.routes import ConsoleMount

__all__ = ["ConsoleMount", "admin", "ops"]
