"""The benchmark harness (`make bench`). Not part of the installed package."""
