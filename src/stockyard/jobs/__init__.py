"""Bulk jobs: submitted over HTTP (202), stored in the database, run in-process in batches."""
