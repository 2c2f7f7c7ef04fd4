"""JSON bodies with exact numbers: a number with a fraction or an exponent is read as a `Decimal`.

Quantities can be fractional (2.375 kg) and must be exact: 0.1 + 0.2 units is 0.3, and a body's
`0.30000000000000000001` has more decimal places than any item allows, not the float 0.3. The
standard JSON reader turns such numbers into binary floats before validation sees them, so every
router uses `ExactJSONRoute`, whose request reads its body with `parse_float=Decimal`. Integers
stay `int`; decimal fields (`DECIMAL_NUMBER`) accept the Decimal as they accepted the float, and
an integer field refuses `5.0` as before.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from decimal import Decimal
from typing import Any

from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response


class ExactJSONRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = json.loads(await self.body(), parse_float=Decimal)
        return self._json


class ExactJSONRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def exact(request: Request) -> Response:
            return await handle(ExactJSONRequest(request.scope, request.receive))

        return exact
