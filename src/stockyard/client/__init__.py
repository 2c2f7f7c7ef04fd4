"""`stockyard.client`: the name the Python client had inside the server, kept for existing code.

The client is its own distribution now, `stockyard-client` (clients/python), imported as
`stockyard_client`; this module re-exports its public names (docs/clients.md). New code imports
`stockyard_client`, which needs nothing of the server.
"""

from stockyard_client import *  # noqa: F403
from stockyard_client import __all__ as __all__
