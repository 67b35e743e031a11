"""The one HTTP fetcher for every request made for a user or a feed, hardened against SSRF.

Design (why urllib3 connections rather than an httpx client): each hop is first vetted by
``bot.ingest.netpolicy`` (URL shape, one DNS resolution, every address public). The TCP
connection is then opened with a urllib3 ``HTTP(S)Connection`` whose host *is the checked IP
address*, so nothing resolves the name a second time (no DNS rebinding), while TLS uses
``server_hostname``/``assert_hostname`` = the real host name with certificate verification
always required, and the ``Host`` header carries the name too. Owning the connection object
also gives us the socket, which lets us enforce one deadline for the whole fetch: a watchdog
shuts the socket down when ``fetch_timeout`` expires (slow-drip headers included), every read
gets a socket timeout equal to the time left, and the deadline is checked between chunks
(``read1`` returns as soon as any bytes arrive).

Redirects are followed by hand (at most ``fetch_max_redirects``), each hop checked again.
Bodies are decompressed here (gzip/deflate, with ``max_length``) and counted while reading, so
a compression bomb stops at ``fetch_max_bytes`` of *decompressed* data. A bounded semaphore per
host caps concurrent requests to one host, so a ``Fetcher`` can be shared between threads.
``fetch_allow_private`` is a test-only switch letting tests reach their servers on 127.0.0.1.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from bot.ingest.errors import FetchError
from bot.ingest.netpolicy import (
    AddressCheck,
    Resolver,
    Target,
    address_problem,
    check_url,
    system_resolver,
)
from bot.settings import Settings

REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)
_CHUNK = 65536


@dataclass(frozen=True)
class FetchResult:
    url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class _Decoder:
    """Content-Encoding decoder that never produces more than ``cap`` bytes."""

    def __init__(self, url: str, encoding: str, cap: int) -> None:
        self.url, self.cap = url, cap
        enc = encoding.strip().lower()
        self.deflate = enc == "deflate"
        self.started = False
        if enc in ("", "identity"):
            self.z = None
        elif enc in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.deflate:
            self.z = zlib.decompressobj()
        else:
            raise FetchError(url, f"unsupported content encoding {enc!r}")

    def _check(self, out: bytearray) -> None:
        if len(out) > self.cap:
            raise FetchError(self.url, f"response larger than {self.cap} bytes")

    def feed(self, data: bytes, out: bytearray) -> None:
        if self.z is None:
            out += data
            self._check(out)
            return
        try:
            while data:
                out += self.z.decompress(data, self.cap - len(out) + 1)
                self._check(out)
                data = self.z.unconsumed_tail
                self.started = True
        except zlib.error:
            if self.deflate and not self.started:  # "deflate" sent without zlib header
                self.z, self.deflate = zlib.decompressobj(-zlib.MAX_WBITS), False
                self.feed(data, out)
                return
            raise FetchError(self.url, "corrupt compressed response") from None

    def finish(self, out: bytearray) -> None:
        if self.z is not None:
            out += self.z.flush()
            self._check(out)


def _kill(sock: socket.socket | None, killed: threading.Event) -> None:
    """Deadline reached: wake any blocked read on ``sock`` (it then sees end of stream)."""
    killed.set()
    if sock is not None:
        with suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class Fetcher:
    """Fetches http(s) URLs under the security rules in the module docstring."""

    def __init__(
        self,
        settings: Settings,
        *,
        resolver: Resolver | None = None,
        address_check: AddressCheck | None = None,
    ) -> None:
        self.settings = settings
        self.resolver = resolver or system_resolver
        allow = settings.fetch_allow_private
        self.address_check: AddressCheck = address_check or (
            lambda ip: address_problem(ip, allow_private=allow)
        )
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    @contextmanager
    def _host_slot(self, host: str, url: str, deadline: float) -> Iterator[None]:
        with self._lock:
            slot = self._slots.setdefault(
                host, threading.BoundedSemaphore(max(1, self.settings.fetch_per_host))
            )
        if not slot.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise self._timeout(url)
        try:
            yield
        finally:
            slot.release()

    def _timeout(self, url: str) -> FetchError:
        return FetchError(url, f"timed out after {self.settings.fetch_timeout:g} s")

    # -- fetching ---------------------------------------------------------------------------

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult:
        deadline = time.monotonic() + self.settings.fetch_timeout
        headers = {
            "User-Agent": self.settings.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "close",
        }
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(self.settings.fetch_max_redirects + 1):
            target, addresses = check_url(current, self.resolver, self.address_check)
            with self._host_slot(target.host, current, deadline):
                result, location = self._request(target, addresses, headers, deadline)
            if location is None:
                return result
            try:
                current = urljoin(current, location)
            except ValueError:
                raise FetchError(url, "malformed redirect location") from None
        raise FetchError(url, f"too many redirects (more than {self.settings.fetch_max_redirects})")

    def _connection(self, target: Target, address: str, timeout: float) -> HTTPConnection:
        if target.scheme == "https":
            ctx = ssl.create_default_context()  # CERT_REQUIRED + hostname check, never off
            return HTTPSConnection(
                address,
                target.port,
                timeout=timeout,
                server_hostname=target.host,
                assert_hostname=target.host,
                cert_reqs="CERT_REQUIRED",
                ssl_context=ctx,
            )
        return HTTPConnection(address, target.port, timeout=timeout)

    def _connect(self, target: Target, addresses: list[str], deadline: float) -> HTTPConnection:
        reason = "connection failed"
        for address in addresses:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timeout(target.url)
            conn = self._connection(target, address, left)
            try:
                conn.connect()
                return conn
            except (ssl.SSLError, urllib3.exceptions.SSLError) as exc:
                conn.close()
                raise FetchError(target.url, f"TLS error: {exc}") from None
            except (OSError, urllib3.exceptions.HTTPError) as exc:
                conn.close()
                if time.monotonic() >= deadline or isinstance(exc, TimeoutError):
                    raise self._timeout(target.url) from None
                reason = f"connection failed: {type(exc).__name__}"
        raise FetchError(target.url, reason)

    def _request(
        self, target: Target, addresses: list[str], headers: dict[str, str], deadline: float
    ) -> tuple[FetchResult, str | None]:
        """One hop: (result, None) or (placeholder, redirect location)."""
        conn = self._connect(target, addresses, deadline)
        sock = conn.sock  # http.client drops conn.sock once the response owns it
        killed = threading.Event()
        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), _kill, (sock, killed))
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.request(
                "GET",
                target.path,
                headers={**headers, "Host": target.host_header},
                preload_content=False,
                decode_content=False,
            )
            resp = conn.getresponse()
            status = resp.status
            location = resp.headers.get("Location")
            result = FetchResult(
                url=target.url,
                status=status,
                content_type=resp.headers.get("Content-Type", ""),
                body=b"",
                etag=resp.headers.get("ETag"),
                last_modified=resp.headers.get("Last-Modified"),
                not_modified=status == 304,
            )
            if status in REDIRECT_CODES:
                if not location:
                    raise FetchError(target.url, f"HTTP {status} redirect without a location")
                return result, location
            if status == 304:
                return result, None
            if not 200 <= status < 300:
                raise FetchError(target.url, f"HTTP {status}")
            body = self._read_body(sock, resp, target.url, deadline)
            if killed.is_set():  # the watchdog cut the stream: not a complete body
                raise self._timeout(target.url)
            return FetchResult(**{**result.__dict__, "body": body}), None
        except FetchError:
            raise
        except (OSError, urllib3.exceptions.HTTPError, ValueError) as exc:
            timed_out = isinstance(exc, TimeoutError | urllib3.exceptions.TimeoutError)
            if timed_out or killed.is_set() or time.monotonic() >= deadline - 0.1:
                raise self._timeout(target.url) from None
            raise FetchError(target.url, f"connection failed: {type(exc).__name__}") from None
        except Exception as exc:  # http.client errors (IncompleteRead, BadStatusLine, ...)
            if killed.is_set() or time.monotonic() >= deadline - 0.1:
                raise self._timeout(target.url) from None
            raise FetchError(target.url, f"bad HTTP response: {type(exc).__name__}") from None
        finally:
            watchdog.cancel()
            conn.close()

    def _read_body(
        self,
        sock: socket.socket | None,
        resp: urllib3.BaseHTTPResponse,
        url: str,
        deadline: float,
    ) -> bytes:
        cap = self.settings.fetch_max_bytes
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > cap + _CHUNK:
            raise FetchError(url, f"response larger than {cap} bytes")
        decoder = _Decoder(url, resp.headers.get("Content-Encoding", ""), cap)
        out = bytearray()
        raw_total = 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._timeout(url)
            if sock is not None:
                with suppress(OSError):  # already closed once the body is complete
                    sock.settimeout(left)
            chunk = resp.read1(_CHUNK)
            if not chunk:
                break
            raw_total += len(chunk)
            if raw_total > cap + _CHUNK:
                raise FetchError(url, f"response larger than {cap} bytes")
            decoder.feed(chunk, out)
        decoder.finish(out)
        return bytes(out)
