"""Resource limits of the fetcher: decompressed size cap (bombs), total deadline (slow drip,
silent servers), conditional GET, error statuses and the per-host concurrency limit."""

from __future__ import annotations

import gzip
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler

import pytest

from bot.ingest.errors import FetchError
from bot.ingest.fetch import Fetcher
from bot.settings import Settings
from tests.fakes.ingest_http import drip, reply, serve

CAP = 1_000_000


def _settings(**kw: object) -> Settings:
    base: dict[str, object] = {
        "fetch_allow_private": True,
        "fetch_max_bytes": CAP,
        "fetch_timeout": 1.5,
    }
    return Settings(**{**base, **kw})  # type: ignore[arg-type]


def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"\0" * 60_000_000, compresslevel=9)
    assert len(bomb) < 100_000
    with (
        serve({"/bomb": reply(bomb, headers={"Content-Encoding": "gzip"})}) as srv,
        pytest.raises(FetchError, match="larger than"),
    ):
        Fetcher(_settings()).fetch(srv.base + "/bomb")


def test_deflate_bombs_with_and_without_zlib_header_stop_at_the_cap() -> None:
    raw = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    raw_bomb = raw.compress(b"A" * 30_000_000) + raw.flush()
    routes = {
        "/z": reply(zlib.compress(b"A" * 30_000_000, 9), headers={"Content-Encoding": "deflate"}),
        "/raw": reply(raw_bomb, headers={"Content-Encoding": "deflate"}),
    }
    with serve(routes) as srv:
        for path in routes:
            with pytest.raises(FetchError, match="larger than"):
                Fetcher(_settings()).fetch(srv.base + path)


def test_compressed_body_within_cap_is_decoded() -> None:
    text = ("<p>Le texte du communiqué, répété.</p>" * 500).encode("utf-8")
    routes = {"/ok": reply(gzip.compress(text), headers={"Content-Encoding": "gzip"})}
    with serve(routes) as srv:
        result = Fetcher(_settings()).fetch(srv.base + "/ok")
    assert result.body == text
    assert srv.requests[0][1]["Accept-Encoding"] == "gzip, deflate"


def test_plain_body_over_the_cap_is_refused() -> None:
    with (
        serve({"/big": reply(b"a" * (CAP + 100_000))}) as srv,
        pytest.raises(FetchError, match="larger than"),
    ):
        Fetcher(_settings()).fetch(srv.base + "/big")


def test_unknown_content_encoding_is_refused() -> None:
    with (
        serve({"/br": reply(b"\x1b\x00", headers={"Content-Encoding": "br"})}) as srv,
        pytest.raises(FetchError, match="content encoding"),
    ):
        Fetcher(_settings()).fetch(srv.base + "/br")


def test_slow_drip_body_stops_at_the_deadline() -> None:
    head = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n"
    # the drip ends after 6 s: a fetch without a deadline would succeed
    with (
        serve({"/drip": drip(head, every=0.05, limit=6)}) as srv,
        pytest.raises(FetchError, match=r"timed out after 1\.5 s"),
    ):
        Fetcher(_settings()).fetch(srv.base + "/drip")


def test_slow_drip_headers_stop_at_the_deadline() -> None:
    head = b"HTTP/1.0 200 OK\r\nX-Slow: "
    with (
        serve({"/drip": drip(head, every=0.05, limit=6)}) as srv,
        pytest.raises(FetchError, match="timed out"),
    ):
        Fetcher(_settings()).fetch(srv.base + "/drip")


def test_silent_server_times_out() -> None:
    def silent(req: BaseHTTPRequestHandler) -> None:
        time.sleep(4)

    with (
        serve({"/silent": silent}) as srv,
        pytest.raises(FetchError, match="timed out after 1 s"),
    ):
        Fetcher(_settings(fetch_timeout=1.0)).fetch(srv.base + "/silent")


def test_conditional_get_and_304() -> None:
    stamp = "Tue, 03 Mar 2026 10:00:00 GMT"

    def page(req: BaseHTTPRequestHandler) -> None:
        if req.headers.get("If-None-Match") == '"v1"':
            reply(b"", 304)(req)
        else:
            reply("<p>fresh</p>", headers={"ETag": '"v1"', "Last-Modified": stamp})(req)

    with serve({"/p": page}) as srv:
        fetcher = Fetcher(_settings())
        first = fetcher.fetch(srv.base + "/p")
        assert not first.not_modified and first.etag == '"v1"'
        assert first.last_modified == stamp
        again = fetcher.fetch(srv.base + "/p", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.status == 304 and again.body == b""
    sent = srv.requests[1][1]
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == stamp
    assert "If-None-Match" not in srv.requests[0][1]


@pytest.mark.parametrize("status", [404, 500, 403])
def test_error_status_is_a_fetch_error(status: int) -> None:
    with (
        serve({"/x": reply(b"no", status)}) as srv,
        pytest.raises(FetchError, match=f"HTTP {status}"),
    ):
        Fetcher(_settings()).fetch(srv.base + "/x")


def test_per_host_concurrency_limit() -> None:
    lock = threading.Lock()
    state = {"now": 0, "max": 0}

    def slow(req: BaseHTTPRequestHandler) -> None:
        with lock:
            state["now"] += 1
            state["max"] = max(state["max"], state["now"])
        time.sleep(0.15)
        with lock:
            state["now"] -= 1
        reply("<p>ok</p>")(req)

    with serve({"/slow": slow}) as srv:
        fetcher = Fetcher(_settings(fetch_per_host=2, fetch_timeout=10))
        threads = [
            threading.Thread(target=fetcher.fetch, args=(srv.base + "/slow",)) for _ in range(6)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert srv.hits("/slow") == 6
    assert state["max"] == 2
