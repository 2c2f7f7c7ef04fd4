"""Sign-in, refresh-token rotation, logout, and turning a Bearer credential into a Principal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import bindparam, select, update

from stockyard.core.clock import utcnow
from stockyard.core.ids import new_id
from stockyard.core.principal import Principal, PrincipalKind
from stockyard.db.database import Connection, Database
from stockyard.db.tables import (
    api_keys,
    memberships,
    refresh_tokens,
    roles,
    token_families,
    users,
    workspaces,
)
from stockyard.errors import StockyardError, catalog
from stockyard.identity.passwords import hash_password, needs_rehash, verify_password
from stockyard.identity.principal_cache import PrincipalCache
from stockyard.identity.secrets import API_KEY_PREFIX, digest, new_secret
from stockyard.identity.tokens import AccessClaims, TokenCodec

API_KEY_TOUCH_INTERVAL = timedelta(seconds=60)

# The two statements every authenticated request runs, built once (bind parameters only).
_MEMBER_PRINCIPAL = (
    select(
        memberships.c.user_id,
        memberships.c.status,
        workspaces.c.slug,
        workspaces.c.plan,
        roles.c.permissions,
        token_families.c.revoked_at,
    )
    .select_from(
        memberships.join(workspaces)
        .join(roles, roles.c.id == memberships.c.role_id)
        .join(token_families, token_families.c.membership_id == memberships.c.id)
    )
    .where(
        memberships.c.id == bindparam("membership_id"),
        memberships.c.workspace_id == bindparam("workspace_id"),
        token_families.c.id == bindparam("family_id"),
    )
)
_API_KEY_PRINCIPAL = (
    select(
        api_keys.c.id,
        api_keys.c.workspace_id,
        api_keys.c.scopes,
        api_keys.c.read_only,
        api_keys.c.warehouse_ids,
        api_keys.c.last_used_at,
        workspaces.c.slug,
        workspaces.c.plan,
    )
    .select_from(api_keys.join(workspaces))
    .where(api_keys.c.secret_hash == bindparam("secret_hash"), api_keys.c.revoked_at.is_(None))
)


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_in: int


@dataclass(frozen=True, slots=True)
class _SignInCandidate:
    membership_id: str
    workspace_id: str
    status: str  # active | invited
    password_hash: str | None


REUSED = "reused"
"""Returned (not raised) by the rotation when a used token came back, so that the family's
revocation commits before the error is reported."""


class AuthenticationService:
    def __init__(self, database: Database, codec: TokenCodec, refresh_ttl_seconds: int) -> None:
        self._db = database
        self._codec = codec
        self._refresh_ttl = timedelta(seconds=refresh_ttl_seconds)
        self._principals = PrincipalCache()  # at most 1 s old (identity/principal_cache.py)

    # --- sign-in ---------------------------------------------------------------------------------
    async def sign_in(self, workspace_slug: str, email: str, password: str) -> TokenPair:
        member = await self._db.transact(self._find_member, workspace_slug, email.strip().lower())
        # Exactly one hash is verified whether or not the member exists, so timing reveals nothing.
        password_ok = await verify_password(member.password_hash if member else None, password)
        if member is None or not password_ok:
            raise StockyardError(catalog.INVALID_CREDENTIALS)
        if member.status != "active":
            raise StockyardError(catalog.INVITE_PENDING)
        assert member.password_hash is not None
        if needs_rehash(member.password_hash):  # made with earlier Argon2 parameters
            rehashed = await hash_password(password)
            await self._db.transact(self._store_hash, member.membership_id, member.password_hash, rehashed)
        return await self._db.transact(self._open_family, member.membership_id, member.workspace_id)

    @staticmethod
    async def _store_hash(conn: Connection, membership_id: str, old_hash: str, new_hash: str) -> None:
        # Only if it is still the hash that was verified: a password change meanwhile wins.
        await conn.execute(
            update(memberships)
            .where(memberships.c.id == membership_id, memberships.c.password_hash == old_hash)
            .values(password_hash=new_hash)
        )

    @staticmethod
    async def _find_member(conn: Connection, slug: str, email: str) -> _SignInCandidate | None:
        """The membership to sign in to and the hash its password is checked against.

        An active member's own hash. An invited member has none yet: their password is checked
        against the email's newest active membership elsewhere, and a match (the invited person,
        who knows a password of theirs) is told to accept the invite first (409 invite_pending).
        It never signs anyone in.
        """
        row = (
            await conn.execute(
                select(
                    memberships.c.id,
                    memberships.c.status,
                    memberships.c.workspace_id,
                    memberships.c.user_id,
                    memberships.c.password_hash,
                )
                .select_from(memberships.join(users).join(workspaces))
                .where(workspaces.c.slug == slug, users.c.email == email)
            )
        ).first()
        if row is None:
            return None
        password_hash = row.password_hash
        if row.status != "active":
            password_hash = (
                await conn.execute(
                    select(memberships.c.password_hash)
                    .where(
                        memberships.c.user_id == row.user_id,
                        memberships.c.status == "active",
                        memberships.c.password_hash.is_not(None),
                    )
                    .order_by(memberships.c.id.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()
        return _SignInCandidate(row.id, row.workspace_id, row.status, password_hash)

    async def _open_family(self, conn: Connection, membership_id: str, workspace_id: str) -> TokenPair:
        family_id = new_id("fam")
        await conn.execute(
            token_families.insert().values(
                id=family_id, membership_id=membership_id, revoked_at=None, created_at=utcnow()
            )
        )
        return await self._issue(conn, membership_id, workspace_id, family_id)

    async def _issue(
        self, conn: Connection, membership_id: str, workspace_id: str, family_id: str
    ) -> TokenPair:
        refresh = new_secret("syr_")
        now = utcnow()
        await conn.execute(
            refresh_tokens.insert().values(
                id=new_id("rft"),
                family_id=family_id,
                token_hash=digest(refresh),
                used_at=None,
                expires_at=now + self._refresh_ttl,
                created_at=now,
            )
        )
        access = self._codec.issue(AccessClaims(membership_id, workspace_id, family_id))
        return TokenPair(access, refresh, self._codec.ttl_seconds)

    # --- refresh and logout ----------------------------------------------------------------------
    async def refresh(self, refresh_token: str) -> TokenPair:
        pair = await self._db.transact(self._rotate, digest(refresh_token))
        if pair == REUSED:
            raise StockyardError(catalog.REFRESH_TOKEN_REUSED)
        assert isinstance(pair, TokenPair)
        return pair

    async def _rotate(self, conn: Connection, token_hash: str) -> TokenPair | str:
        row = (
            await conn.execute(
                select(
                    refresh_tokens.c.id,
                    refresh_tokens.c.used_at,
                    refresh_tokens.c.expires_at,
                    token_families.c.id.label("family_id"),
                    token_families.c.revoked_at,
                    memberships.c.id.label("membership_id"),
                    memberships.c.workspace_id,
                    memberships.c.status,
                )
                .select_from(refresh_tokens.join(token_families).join(memberships))
                .where(refresh_tokens.c.token_hash == token_hash)
                .with_for_update(of=refresh_tokens)
            )
        ).first()
        if row is None or row.revoked_at is not None or row.status != "active":
            raise StockyardError(catalog.TOKEN_INVALID, "The refresh token is invalid.")
        now = utcnow()
        if row.used_at is not None:
            await self._revoke_family(conn, row.family_id)
            return REUSED
        if row.expires_at <= now:
            raise StockyardError(catalog.TOKEN_EXPIRED, "The refresh token has expired.")
        await conn.execute(update(refresh_tokens).where(refresh_tokens.c.id == row.id).values(used_at=now))
        return await self._issue(conn, row.membership_id, row.workspace_id, row.family_id)

    async def logout(self, principal: Principal) -> None:
        """Revokes the member's token family. An API key has no session to end."""
        if principal.family_id is None:
            raise StockyardError(
                catalog.UNPROCESSABLE_ENTITY,
                "An API key has no session to sign out of; revoke the key to stop it working.",
            )
        await self._db.transact(self._revoke_family, principal.family_id)

    @staticmethod
    async def _revoke_family(conn: Connection, family_id: str) -> None:
        await conn.execute(
            update(token_families)
            .where(token_families.c.id == family_id, token_families.c.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )

    # --- bearer credentials ----------------------------------------------------------------------
    async def authenticate(self, credential: str) -> Principal:
        # One statement each (the key's occasional last-used touch is a write of its own): read().
        if credential.startswith(API_KEY_PREFIX):
            secret_hash = digest(credential)
            return await self._principals.get_or_load(
                secret_hash, lambda: self._db.read(self._api_key_principal, secret_hash)
            )
        claims = self._codec.verify(credential)  # expiry and signature: checked on every request
        return await self._principals.get_or_load(
            f"member:{claims.membership_id}:{claims.workspace_id}:{claims.family_id}",
            lambda: self._db.read(self._member_principal, claims),
        )

    @staticmethod
    async def _member_principal(conn: Connection, claims: AccessClaims) -> Principal:
        row = (
            await conn.execute(
                _MEMBER_PRINCIPAL,
                {
                    "membership_id": claims.membership_id,
                    "workspace_id": claims.workspace_id,
                    "family_id": claims.family_id,
                },
            )
        ).first()
        if row is None or row.status != "active" or row.revoked_at is not None:
            raise StockyardError(catalog.TOKEN_INVALID, "The access token has been revoked.")
        return Principal(
            kind=PrincipalKind.MEMBER,
            id=claims.membership_id,
            workspace_id=claims.workspace_id,
            workspace_slug=row.slug,
            plan=row.plan,
            permissions=frozenset(row.permissions),
            user_id=row.user_id,
            family_id=claims.family_id,
        )

    @staticmethod
    async def _api_key_principal(conn: Connection, secret_hash: str) -> Principal:
        row = (await conn.execute(_API_KEY_PRINCIPAL, {"secret_hash": secret_hash})).first()
        if row is None:
            raise StockyardError(catalog.INVALID_API_KEY)
        now = utcnow()
        if row.last_used_at is None or now - row.last_used_at > API_KEY_TOUCH_INTERVAL:
            touch = update(api_keys).where(api_keys.c.id == row.id).values(last_used_at=now)
            await conn.execute(touch.execution_options(bookkeeping=True))  # principals unchanged
        return Principal(
            kind=PrincipalKind.API_KEY,
            id=row.id,
            workspace_id=row.workspace_id,
            workspace_slug=row.slug,
            plan=row.plan,
            permissions=frozenset(row.scopes),
            read_only=row.read_only,
            warehouse_ids=None if row.warehouse_ids is None else frozenset(row.warehouse_ids),
        )
