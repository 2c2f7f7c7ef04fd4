"""Stockyard: a multi-tenant inventory-management REST API."""

__version__ = "0.1.0"
