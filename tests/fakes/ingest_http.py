"""Tiny scriptable HTTP server on 127.0.0.1 (ephemeral port) for the ingest/fetch tests.

``serve({"/path": handler})`` runs a ThreadingHTTPServer in a thread; a handler gets the
request handler object and writes the response. ``reply``/``redirect``/``drip`` build common
handlers. Every request is recorded as (path, headers) in ``server.requests``.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class LocalServer:
    base: str
    port: int
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def hits(self, path: str) -> int:
        return sum(1 for p, _h in self.requests if p == path)


def reply(
    body: bytes | str = b"", status: int = 200, headers: dict[str, str] | None = None
) -> Handler:
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handle(req: BaseHTTPRequestHandler) -> None:
        req.send_response(status)
        hdrs = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for key, value in hdrs.items():
            req.send_header(key, value)
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)

    return handle


def redirect(location: str, status: int = 302) -> Handler:
    return reply(b"", status, {"Location": location})


def drip(head: bytes, byte: bytes = b"x", every: float = 0.1, limit: float = 10.0) -> Handler:
    """Write ``head`` then one ``byte`` every ``every`` seconds (for ``limit`` at most)."""

    def handle(req: BaseHTTPRequestHandler) -> None:
        req.wfile.write(head)
        req.wfile.flush()
        stop = time.monotonic() + limit
        while time.monotonic() < stop:
            time.sleep(every)
            req.wfile.write(byte)
            req.wfile.flush()

    return handle


@contextmanager
def serve(
    routes: dict[str, Handler], *, tls: ssl.SSLContext | None = None
) -> Iterator[LocalServer]:
    info: dict[str, Any] = {}

    class _Req(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            server: LocalServer = info["server"]
            server.requests.append((self.path, {k: v for k, v in self.headers.items()}))
            handler = routes.get(self.path.split("?")[0]) or reply(b"not found", 404)
            with suppress(OSError):
                handler(self)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Req)
    httpd.daemon_threads = True
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    port = httpd.server_address[1]
    scheme = "https" if tls else "http"
    info["server"] = LocalServer(f"{scheme}://127.0.0.1:{port}", port)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield info["server"]
    finally:
        httpd.shutdown()
        httpd.server_close()
