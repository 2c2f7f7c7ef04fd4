"""Short-lived access tokens: HS256 JWTs (PyJWT). Only HS256 is ever accepted."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt

from stockyard.errors import StockyardError, catalog

ALGORITHM = "HS256"
ISSUER = "stockyard"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    membership_id: str
    workspace_id: str
    family_id: str


class TokenCodec:
    def __init__(self, secret_key: str, ttl_seconds: int) -> None:
        self._key = secret_key
        self.ttl_seconds = ttl_seconds

    def issue(self, claims: AccessClaims) -> str:
        now = int(time.time())
        payload = {
            "iss": ISSUER,
            "sub": claims.membership_id,
            "wid": claims.workspace_id,
            "fam": claims.family_id,
            "iat": now,
            "exp": now + self.ttl_seconds,
            "typ": "access",
        }
        return jwt.encode(payload, self._key, algorithm=ALGORITHM)

    def verify(self, token: str) -> AccessClaims:
        try:
            payload = jwt.decode(
                token,
                self._key,
                algorithms=[ALGORITHM],
                issuer=ISSUER,
                options={"require": ["exp", "iat", "sub", "iss"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise StockyardError(catalog.TOKEN_EXPIRED) from exc
        except jwt.PyJWTError as exc:
            raise StockyardError(catalog.TOKEN_INVALID) from exc
        if payload.get("typ") != "access" or not all(
            isinstance(payload.get(name), str) for name in ("sub", "wid", "fam")
        ):
            raise StockyardError(catalog.TOKEN_INVALID)
        return AccessClaims(payload["sub"], payload["wid"], payload["fam"])
