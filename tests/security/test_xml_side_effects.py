"""Hostile feed XML end to end: through ``BriefBot.ingest`` and the scheduler's feed poller,
entity bombs and external entities are refused in under a second, no file is opened (audit
hook) and a raw TCP listener that an external entity points at never gets a connection."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_bot
from bot.ingest.fetch import Fetcher
from bot.schedule.feeds import FeedPoller
from bot.settings import Settings
from bot.store import chats as chat_store
from tests.fakes.ingest_http import reply, serve
from tests.security.test_feed_xml import LAUGHS, QUADRATIC

_opened: list[str] = []
_watching = threading.Event()


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _watching.is_set() and event == "open" and args and isinstance(args[0], str | bytes):
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one records only while watching


@contextmanager
def watch_opens() -> Iterator[list[str]]:
    _opened.clear()
    _watching.set()
    try:
        yield _opened
    finally:
        _watching.clear()


@dataclass
class Listener:
    port: int
    accepted: list[tuple[str, int]] = field(default_factory=list)


@contextmanager
def raw_listener() -> Iterator[Listener]:
    """A bare TCP listener on 127.0.0.1 that counts every accepted connection."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.05)
    info = Listener(sock.getsockname()[1])
    stop = threading.Event()

    def loop() -> None:
        while not stop.is_set():
            try:
                conn, addr = sock.accept()
            except OSError:
                continue
            info.accepted.append(addr)
            conn.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield info
    finally:
        stop.set()
        thread.join()
        sock.close()


def _external(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "{target}">]>'
        '<rss version="2.0"><channel><title>&ext;</title>'
        "<item><title>&ext;</title><link>&ext;</link><description>&ext;</description></item>"
        "</channel></rss>"
    ).encode()


def _hostile_feeds(secret: Path, port: int) -> dict[str, bytes]:
    return {
        "/laughs": LAUGHS,
        "/quadratic": QUADRATIC,
        "/file": _external(secret.as_uri()),
        "/http": _external(f"http://127.0.0.1:{port}/x"),
        "/dtd": f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:{port}/d"><rss/>'.encode(),
        "/param": (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:{port}/p">'
            " %p;]><rss/>"
        ).encode(),
    }


def test_hostile_feeds_through_the_bot_touch_no_file_and_no_socket(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT")
    good = tmp_path / "good.txt"
    good.write_text(
        "Pourparlers\n\nLe porte-parole du Kremlin, Dmitri Peskov, a déclaré que la Russie "
        "« refuse toute trêve sans garanties ».\n"
    )
    settings = Settings(data_dir=tmp_path / "data", fetch_allow_private=True, fetch_timeout=3)
    bot = build_bot(settings)
    try:
        with raw_listener() as listener:
            feeds = _hostile_feeds(secret, listener.port)
            routes = {
                path: reply(body, headers={"Content-Type": "application/rss+xml"})
                for path, body in feeds.items()
            }
            with serve(routes) as srv:
                urls = [srv.base + path for path in feeds]
                with watch_opens() as opened:
                    report = bot.ingest([*urls, str(good)])
    finally:
        bot.db.close()
    by_input = {i.input: i for i in report.items}
    for url in urls:
        assert by_input[url].status == "error" and "DTD or entities" in by_input[url].reason
    assert by_input[str(good)].status == "new"  # nothing else in the batch lost
    assert str(secret) not in opened and not any("secret" in o for o in opened)
    assert listener.accepted == []
    assert [p for p, _h in srv.requests] == [f"/{u.rsplit('/', 1)[1]}" for u in urls]


@pytest.mark.parametrize("kind", ["laughs", "quadratic", "file", "http", "path"])
def test_feed_poller_uses_the_hardened_parser(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("http://127.0.0.1:1/leak\n")
    with raw_listener() as listener:
        bodies = _hostile_feeds(secret, listener.port)
        body = {
            "laughs": bodies["/laughs"],
            "quadratic": bodies["/quadratic"],
            "file": bodies["/file"],
            "http": bodies["/http"],
            # feedparser.parse(bytes) would open a *path* given as the document
            "path": str(secret).encode(),
        }[kind]
        settings = Settings(
            data_dir=tmp_path / "data",
            fetch_allow_private=True,
            sources_file=tmp_path / "none.toml",
        )
        bot = build_bot(settings)
        ingested: list[list[str]] = []
        monkeypatch.setattr(bot, "ingest", lambda links, **kw: ingested.append(links))
        with serve({"/feed": reply(body, headers={"Content-Type": "application/rss+xml"})}) as srv:
            chat_store.add_source(bot.db, srv.base + "/feed")
            (source,) = chat_store.list_sources(bot.db)
            with watch_opens() as opened:
                poll = FeedPoller(bot, Fetcher(settings)).poll_source(source)
        bot.db.close()
    assert poll.status == "error"
    assert ingested == []
    assert str(secret) not in opened
    assert listener.accepted == []
