"""Pages and feeds over real local HTTP servers: extraction, feed entries, fallbacks, errors."""

from __future__ import annotations

import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from bot.ingest.feeds import looks_like_feed
from bot.ingest.fetch import Fetcher
from bot.ingest.pages import load_page
from bot.ingest.pipeline import ingest
from bot.settings import Settings
from bot.store.db import Database
from tests.fakes.ingest_http import redirect, reply, serve


def _page(title: str, body: str) -> str:
    paras = "".join(f"<p>{body} Paragraphe {i} du compte rendu détaillé.</p>" for i in range(4))
    return (
        f"<html><head><title>{title}</title><meta property='og:site_name' content='Le Veilleur'>"
        f"</head><body><nav>Menu | Recherche</nav><article><h1>{title}</h1>{paras}</article>"
        "<footer>Mentions légales</footer></body></html>"
    )


PAGE_A = _page(
    "Trêve prolongée", "Le médiateur a annoncé vendredi que la trêve serait prolongée de dix jours."
)
PAGE_B = _page(
    "Aide humanitaire", "Un convoi de quarante camions a franchi la frontière samedi matin."
)


def _settings(**kw: object) -> Settings:
    return Settings(**{"fetch_allow_private": True, "fetch_timeout": 2.0, **kw})  # type: ignore[arg-type]


def _db(tmp_path: Path) -> Database:
    return Database(f"sqlite:///{tmp_path / 'web.sqlite3'}")


def _rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Le Veilleur — Monde</title><link>{base}/</link>
<item><title>Trêve prolongée</title><link>{base}/a</link>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item>
<item><title>Aide humanitaire</title><link>{base}/b</link>
<pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate></item>
<item><title>Page disparue</title><link>{base}/gone</link>
<description>&lt;p&gt;Résumé : le porte-parole a démenti toute reprise des combats.&lt;/p&gt;</description>
<pubDate>Sun, 01 Mar 2026 10:00:00 GMT</pubDate></item>
</channel></rss>""".encode()


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Watch</title><id>urn:x</id>
<updated>2026-03-03T10:00:00Z</updated>
<entry><title>Humanitarian aid</title><id>urn:1</id><link href="{base}/b"/>
<updated>2026-03-03T10:00:00Z</updated></entry>
<entry><title>Only content</title><id>urn:2</id><updated>2026-03-02T10:00:00Z</updated>
<content type="html">&lt;p&gt;The envoy said talks would resume on Monday in Geneva.&lt;/p&gt;</content>
</entry></feed>""".encode()


def test_page_extracted_after_redirect() -> None:
    with serve({"/old": redirect("/a"), "/a": reply(PAGE_A)}) as srv:
        article = load_page(srv.base + "/old?utm_source=x", Fetcher(_settings()))
    assert article.url == srv.base + "/a"
    assert article.title == "Trêve prolongée"
    assert "prolongée de dix jours" in article.text and "Menu | Recherche" not in article.text
    assert article.source_name == "Le Veilleur"


def test_feed_sniffing() -> None:
    assert looks_like_feed("application/rss+xml", b"")
    assert looks_like_feed("text/xml", b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- c --><rss>')
    assert looks_like_feed("application/xml", b"<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert looks_like_feed("", b"<rdf:RDF xmlns:rdf='x'>")
    assert not looks_like_feed("text/html", b"<!DOCTYPE html><html><body>rss</body></html>")


def test_rss_feed_entries_fetched_with_summary_fallback(tmp_path: Path) -> None:
    routes = {"/a": reply(PAGE_A), "/b": reply(PAGE_B)}
    with serve(routes) as srv:
        routes["/feed"] = reply(_rss(srv.base), headers={"Content-Type": "text/xml"})
        report = ingest([srv.base + "/feed"], _db(tmp_path), _settings())
    assert [i.status for i in report.items] == ["new", "new", "new"]
    assert [i.title for i in report.items] == [
        "Trêve prolongée",
        "Aide humanitaire",
        "Page disparue",
    ]
    assert report.items[2].input == srv.base + "/gone"
    assert len(report.articles) == 3 and srv.hits("/gone") == 1


def test_atom_feed_and_second_run_is_duplicate(tmp_path: Path) -> None:
    routes = {"/b": reply(PAGE_B)}
    db = _db(tmp_path)
    with serve(routes) as srv:
        routes["/atom"] = reply(_atom(srv.base), headers={"Content-Type": "application/atom+xml"})
        first = ingest([srv.base + "/atom"], db, _settings())
        second = ingest([srv.base + "/atom"], db, _settings())
    assert [i.status for i in first.items] == ["new", "new"]
    assert [i.status for i in second.items] == ["duplicate", "duplicate"]
    assert second.articles == first.articles


def test_bad_inputs_are_error_items_and_the_batch_goes_on(tmp_path: Path) -> None:
    def slow(req: BaseHTTPRequestHandler) -> None:
        time.sleep(3)

    routes = {
        "/a": reply(PAGE_A),
        "/empty": reply("<html><body><nav>Menu</nav></body></html>"),
        "/bad-feed": reply(
            b"<rss><channel><item>", headers={"Content-Type": "application/rss+xml"}
        ),
        "/img": reply(b"\x89PNG\r\n\x1a\n\x00\x00", headers={"Content-Type": "image/png"}),
        "/slow": slow,
    }
    with serve(routes) as srv:
        inputs = [srv.base + p for p in ("/empty", "/bad-feed", "/img", "/slow", "/missing")]
        inputs += ["ftp://example.test/x", str(tmp_path / "absent.md"), srv.base + "/a"]
        report = ingest(inputs, _db(tmp_path), _settings(fetch_timeout=1.0))
    reasons = [i.reason for i in report.items]
    assert [i.status for i in report.items] == ["error"] * 7 + ["new"]
    assert reasons[0].startswith("no article text found on the page")
    assert reasons[1].startswith("feed does not parse")
    assert reasons[2].startswith("not a web page")
    assert reasons[3] == f"timed out after 1 s: {srv.base}/slow"
    assert reasons[4].startswith("HTTP 404")
    assert "only http and https" in reasons[5]
    assert reasons[6].startswith("no such file")
    assert report.ok_count == 1 and report.error_count == 7
