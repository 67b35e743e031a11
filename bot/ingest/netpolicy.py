"""Where the fetcher may connect: the URL and address policy that guards it against SSRF.

Each hop of a fetch parses the URL (http/https only, no credentials, no decimal/octal/hex IP
spellings), resolves the host once through an injectable resolver (``socket.getaddrinfo`` by
default), and refuses the hop unless **every** address is public (IPv4-mapped / NAT64 / 6to4 /
Teredo IPv6 forms are unwrapped first; any other IPv6 address must be global unicast,
2000::/3, which rules out the IPv4-compatible, IPv4-translated, local NAT64 and site-local
forms that Python's ``is_global`` lets through). The fetcher then connects to those checked
addresses only (see ``bot.ingest.fetch``).
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from bot.ingest.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]
AddressCheck = Callable[[IPAddress], str | None]  # a reason to refuse, or None

_NUMERIC_LABEL = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$", re.IGNORECASE)
_HOST_CHARS = re.compile(r"^[a-z0-9_.-]+$")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_GLOBAL_UNICAST = ipaddress.IPv6Network("2000::/3")


@dataclass(frozen=True)
class Target:
    """One checked hop: where to connect and what to ask for."""

    url: str
    scheme: str
    host: str
    port: int
    path: str
    host_header: str


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (one DNS lookup)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded(addr: IPAddress) -> list[IPAddress]:
    """``addr`` plus any IPv4 address hidden inside an IPv6 one."""
    out: list[IPAddress] = [addr]
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.ipv4_mapped is not None:
            out.append(addr.ipv4_mapped)
        if addr in _NAT64:
            out.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
        if addr.sixtofour is not None:
            out.append(addr.sixtofour)
        if addr.teredo is not None:
            out.extend(addr.teredo)
    return out


def _routable(addr: IPAddress) -> bool:
    """IPv4, or IPv6 that is global unicast or carries an IPv4 address checked on its own."""
    if isinstance(addr, ipaddress.IPv4Address):
        return True
    return addr in _GLOBAL_UNICAST or addr in _NAT64 or addr.ipv4_mapped is not None


def address_problem(address: str | IPAddress, *, allow_private: bool = False) -> str | None:
    """Why the fetcher must not connect to ``address`` (None when it may).

    Only globally routable unicast addresses pass; ``allow_private`` (tests only) also lets
    loopback through (127.0.0.0/8, ::1), never link-local (169.254.169.254 metadata), other
    private ranges, the unspecified address or multicast.
    """
    try:
        addr = ipaddress.ip_address(address)
    except ValueError:
        return f"not an IP address: {address}"
    for one in _embedded(addr):
        if one.is_unspecified:
            return f"unspecified address {one}"
        if one.is_multicast:
            return f"multicast address {one}"
        if allow_private and one.is_loopback:
            continue
        if not (one.is_global and _routable(one)):
            return f"non-public address {one}"
    return None


def is_public_address(address: str | IPAddress) -> bool:
    return address_problem(address) is None


def parse_target(url: str) -> Target:
    """Check the shape of ``url`` (scheme, credentials, host spelling) and split it."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - urlsplit checks the port and brackets lazily
    except ValueError as exc:
        raise FetchError(url, f"malformed URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(url, "only http and https URLs are allowed")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise FetchError(url, "credentials in URLs are not allowed")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError(url, "URL has no host")
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise FetchError(url, "invalid port") from None
    if "%" in host:
        raise FetchError(url, "scoped IPv6 addresses are not allowed")
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is None:
        if _NUMERIC_LABEL.match(host.rsplit(".", 1)[-1]):
            raise FetchError(url, "non-standard IP address spelling")
        try:
            host = host.encode("idna").decode("ascii").lower()
        except UnicodeError:
            raise FetchError(url, "invalid host name") from None
        if not _HOST_CHARS.match(host) or ".." in host:
            raise FetchError(url, "invalid host name")
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=-._~")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    name = f"[{host}]" if isinstance(literal, ipaddress.IPv6Address) else host
    default = port == (443 if scheme == "https" else 80)
    return Target(url, scheme, host, port, path, name if default else f"{name}:{port}")


def check_url(
    url: str, resolver: Resolver, address_check: AddressCheck
) -> tuple[Target, list[str]]:
    """Parse and resolve ``url``; every address must pass ``address_check``."""
    target = parse_target(url)
    try:
        ipaddress.ip_address(target.host)
        literal = True
    except ValueError:
        literal = False
    try:
        addresses = [target.host] if literal else resolver(target.host, target.port)
    except (OSError, UnicodeError):
        raise FetchError(url, f"cannot resolve host {target.host}") from None
    if not addresses:
        raise FetchError(url, f"cannot resolve host {target.host}")
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address.split("%")[0])
        except ValueError:
            raise FetchError(url, f"resolver returned a bad address: {address}") from None
        problem = address_check(ip)
        if problem:
            raise FetchError(url, f"refused: {target.host} resolves to a {problem}")
    return target, addresses


# names that can never resolve on the public Internet (RFC 2606 / RFC 6761): not looked up
_RESERVED_TLDS = ("example", "test", "invalid")


def source_problem(url: str, resolver: Resolver, address_check: AddressCheck) -> str | None:
    """Why ``url`` must not be followed as a source (None when it may), checked when it is
    added: the URL shape, then every address its host resolves to (``localhost`` and loopback,
    private, link-local and metadata addresses are refused). Names under the reserved
    ``.example``/``.test``/``.invalid`` domains are not looked up (they cannot resolve; the
    poller checks every fetch again anyway)."""
    try:
        target = parse_target(url)
        if target.host == "localhost" or target.host.endswith(".localhost"):
            return "refused: localhost is not a public host"
        if target.host.rsplit(".", 1)[-1] in _RESERVED_TLDS:
            return None
        check_url(url, resolver, address_check)
    except FetchError as exc:
        return exc.reason
    return None
