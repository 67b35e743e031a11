"""Gaps left by test_fetch_ssrf/test_fetch_limits: DNS rebinding with a public-then-private
resolver, the default settings refusing a live loopback server, the body cap at the real
default limit, and memory growth (tracemalloc) under 100 MB for hostile inputs (their time is
measured by bench/hostile.py)."""

from __future__ import annotations

import gzip
import ipaddress
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_bot
from bot.ingest.errors import FetchError
from bot.ingest.feeds import parse_feed
from bot.ingest.fetch import Fetcher
from bot.ingest.netpolicy import IPAddress, address_problem
from bot.settings import Settings
from tests.fakes.ingest_http import reply, serve
from tests.security.test_xml_side_effects import raw_listener

MB = 1_000_000
LIMIT = 100 * MB


def peak_memory(work: Callable[[], Any]) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_rebinding_resolver_public_first_private_second_is_asked_once() -> None:
    """The check and the connection use one lookup: the second (private) answer is never used.

    127.0.0.1 stands in for a public address (the only address a test may reach); every other
    address gets the production policy."""
    lookups: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"] if len(lookups) == 1 else ["169.254.169.254"]

    def policy(ip: IPAddress) -> str | None:
        return None if ip == ipaddress.ip_address("127.0.0.1") else address_problem(ip)

    with serve({"/p": reply("<p>public</p>")}) as srv:
        fetcher = Fetcher(Settings(), resolver=rebinding, address_check=policy)
        result = fetcher.fetch(f"http://rebind.test:{srv.port}/p")
        assert result.body == b"<p>public</p>" and lookups == ["rebind.test"]
        # a fresh fetch resolves again and now gets the private answer: refused, no request
        with pytest.raises(FetchError, match="non-public"):
            fetcher.fetch(f"http://rebind.test:{srv.port}/p")
    assert srv.hits("/p") == 1


def test_default_settings_refuse_a_live_loopback_server() -> None:
    with raw_listener() as listener:
        fetcher = Fetcher(Settings(), resolver=lambda h, p: ["127.0.0.1"])
        for url in (
            f"http://127.0.0.1:{listener.port}/",
            f"http://localhost.test:{listener.port}/",
            f"http://[::ffff:127.0.0.1]:{listener.port}/",
            f"http://2130706433:{listener.port}/",
            f"http://0x7f.0.0.1:{listener.port}/",
            f"http://0177.0.0.1:{listener.port}/",
        ):
            with pytest.raises(FetchError):
                fetcher.fetch(url)
    assert listener.accepted == []


def test_body_cap_at_the_real_default_limits() -> None:
    settings = Settings(fetch_allow_private=True)
    assert settings.fetch_max_bytes == 5 * MB and settings.fetch_timeout == 20
    routes = {
        "/ok": reply(b"a" * (5 * MB - 10)),
        "/big": reply(b"a" * (5 * MB + 70_000)),
        "/bomb": reply(gzip.compress(b"\0" * (60 * MB)), headers={"Content-Encoding": "gzip"}),
    }
    with serve(routes) as srv:
        fetcher = Fetcher(settings)
        assert len(fetcher.fetch(srv.base + "/ok").body) == 5 * MB - 10
        with pytest.raises(FetchError, match="larger than 5000000 bytes"):
            fetcher.fetch(srv.base + "/big")
        _, peak = peak_memory(lambda: _bomb(fetcher, srv))
    assert peak < LIMIT


def _bomb(fetcher: Fetcher, srv: Any) -> None:
    with pytest.raises(FetchError, match="larger than"):
        fetcher.fetch(srv.base + "/bomb")


LINE = "Le porte-parole du Kremlin a déclaré que la Russie refuse toute trêve <b>&amp;</b> "


def test_memory_of_a_10mb_single_line_page_and_file(tmp_path: Path) -> None:
    big = LINE * (10 * MB // len(LINE))
    html = tmp_path / "big.html"
    html.write_text(f"<html><body><p>{big}</p></body></html>", encoding="utf-8")
    text = tmp_path / "big.txt"
    text.write_text(big, encoding="utf-8")
    warm = tmp_path / "warm.txt"
    warm.write_text("Titre\n\n" + LINE * 20, encoding="utf-8")
    settings = Settings(data_dir=tmp_path / "data", fetch_allow_private=True)
    bot = build_bot(settings)
    try:
        bot.ingest([str(warm)])  # one-time model loading is not growth caused by the input
        with serve({"/big": reply(f"<p>{big}</p>")}) as srv:
            report, peak = peak_memory(
                lambda: bot.ingest([str(text), str(html), srv.base + "/big"])
            )
    finally:
        bot.db.close()
    statuses = [i.status for i in report.items]
    assert statuses[:2] != ["error", "error"], [i.reason for i in report.items]
    assert "larger than" in report.items[2].reason  # the page is over the 5 MB fetch cap
    assert peak < LIMIT, f"{peak / MB:.0f} MB"


def test_memory_of_a_50000_entry_feed() -> None:
    items = "".join(
        f"<item><title>n{i} &lt;b&gt; \u202e</title><link>http://example.test/{i}</link>"
        f"<description>Texte {i}</description></item>"
        for i in range(50_000)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>{items}'
    body += "</channel></rss>"
    data = body.encode()
    feed, peak = peak_memory(lambda: parse_feed(data, max_entries=200))
    assert len(feed.entries) == 200
    assert peak < LIMIT, f"{peak / MB:.0f} MB"
