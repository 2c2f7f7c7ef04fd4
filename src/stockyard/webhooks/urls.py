"""Which webhook URLs Stockyard calls: `https://` only, to hosts that resolve to public addresses.

A URL is checked when an endpoint is created or changed, and again before every delivery, since
DNS can change. The delivery then connects to the very address it checked (`Target.address`),
so that a name which resolves elsewhere a moment later (DNS rebinding) cannot steer it inside.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx

from stockyard.errors import StockyardError, catalog
from stockyard.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata services: link-local or private already, named so that the message says what they are.
METADATA_ADDRESSES = frozenset(
    {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
)


@dataclass(frozen=True, slots=True)
class UrlPolicy:
    """What the operator allows beyond public `https://` URLs (settings: STOCKYARD_WEBHOOK_ALLOW_*)."""

    allow_http: bool = False
    allow_private_targets: bool = False

    @classmethod
    def of(cls, settings: Settings) -> UrlPolicy:
        return cls(
            allow_http=settings.webhook_allow_http,
            allow_private_targets=settings.webhook_allow_private_targets,
        )


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: its parts, and the address a delivery connects to."""

    url: str
    scheme: str
    host: str  # as written in the URL (a name, or an address without brackets)
    port: int
    address: str  # the resolved address that passed the check


def _refused(message: str) -> StockyardError:
    return StockyardError(catalog.INVALID_WEBHOOK_URL, message, param="url")


def parse(url: str, policy: UrlPolicy) -> tuple[httpx.URL, str, int]:
    """The URL's parts, or 422 invalid_webhook_url for a URL that is not absolute http(s) with a host,
    carries credentials, or is `http://` while the policy wants `https://`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError):
        raise _refused("The webhook URL is not a valid absolute URL.") from None
    if parsed.scheme not in {"http", "https"} or not parsed.host:
        raise _refused("The webhook URL must be an absolute https:// URL with a host.")
    if parsed.scheme == "http" and not policy.allow_http:
        raise _refused("The webhook URL must use https://, not http://.")
    if parsed.userinfo:
        raise _refused("The webhook URL must not carry a user name or password.")
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return parsed, parsed.host, port


def refusal(address: IPAddress) -> str | None:
    """Why a delivery may not go to `address` (None: it is public)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return refusal(address.ipv4_mapped)
    if address in METADATA_ADDRESSES:
        return "a cloud metadata"
    if address.is_loopback:
        return "a loopback"
    if address.is_link_local:
        return "a link-local"
    if address.is_multicast:
        return "a multicast"
    if address.is_unspecified:
        return "an unspecified"
    if address.is_private:
        return "a private"
    if address.is_reserved or not address.is_global:
        return "a reserved (not public)"
    return None


async def _resolve(host: str, port: int) -> list[IPAddress]:
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    # The address of an IPv6 result may carry a zone ("fe80::1%eth0"): the part before it is the address.
    return list(dict.fromkeys(ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos))


async def check(url: str, policy: UrlPolicy) -> Target:
    """The URL resolved and checked: every address its host resolves to must be public (unless the
    policy allows private targets); 422 invalid_webhook_url naming the first refused address."""
    parsed, host, port = parse(url, policy)
    addresses = await _resolve(host, port)
    if not addresses:
        raise _refused(f"The host of the webhook URL, {host}, does not resolve to any address.")
    if not policy.allow_private_targets:
        for address in addresses:
            why = refusal(address)
            if why is not None:
                raise _refused(
                    f"The host of the webhook URL, {host}, resolves to {address}, {why} address; "
                    "webhooks are delivered only to public addresses."
                )
    return Target(url=str(parsed), scheme=parsed.scheme, host=host, port=port, address=str(addresses[0]))
