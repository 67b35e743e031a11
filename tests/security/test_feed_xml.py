"""Hostile feed XML: entity expansion bombs, external entities and DTDs are refused fast, with
nothing read from disk and no connection made; huge feeds are capped."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.errors import IngestError
from bot.ingest.feeds import check_xml_safe, parse_feed
from bot.ingest.fetch import Fetcher
from bot.ingest.pipeline import ingest
from bot.settings import Settings
from bot.store.db import Database
from tests.fakes.ingest_http import reply, serve

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>&lol9;</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>"""

QUADRATIC = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "'
    + b"x" * 50_000
    + b'">]><rss version="2.0"><channel><title>t</title><item><description>'
    + b"&a;" * 50_000
    + b"</description></item></channel></rss>"
)


def _external(target: str) -> bytes:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "{target}">]>'
        '<rss version="2.0"><channel><title>t</title>'
        "<item><title>&ext;</title><description>&ext;</description></item>"
        "</channel></rss>"
    ).encode()


def _refused(body: bytes) -> None:
    with pytest.raises(IngestError, match="DTD or entities"):
        parse_feed(body)


def test_billion_laughs_refused() -> None:
    _refused(LAUGHS)


def test_quadratic_blowup_refused() -> None:
    _refused(QUADRATIC)


def test_external_file_entity_refused_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN")
    opened: list[str] = []
    real_open = open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", spy)
    _refused(_external(secret.as_uri()))
    assert str(secret) not in opened


def test_external_http_entity_and_dtd_refused_without_connecting() -> None:
    with serve({"/ent": reply("PWNED"), "/dtd": reply("<!ENTITY x 'y'>")}) as srv:
        _refused(_external(srv.base + "/ent"))
        dtd = f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{srv.base}/dtd"><rss/>'.encode()
        _refused(dtd)
        param = (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{srv.base}/dtd"> %p;]><rss/>'
        ).encode()
        _refused(param)
    assert srv.requests == []


def test_utf16_doctype_is_seen() -> None:
    _refused(LAUGHS.replace(b'<?xml version="1.0"?>', b"").decode().encode("utf-16"))


def test_malicious_feed_through_the_pipeline_is_one_error(tmp_path: Path) -> None:
    routes = {
        "/feed": reply(LAUGHS, headers={"Content-Type": "application/rss+xml"}),
        "/ent": reply("PWNED"),
    }
    with serve(routes) as srv:
        db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
        settings = Settings(fetch_allow_private=True, fetch_timeout=2)
        report = ingest([srv.base + "/feed"], db, settings, fetcher=Fetcher(settings))
    assert [i.status for i in report.items] == ["error"]
    assert "DTD" in report.items[0].reason and srv.base + "/feed" in report.items[0].reason


def test_cdata_mentioning_doctype_is_fine() -> None:
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
        b"<title>A</title><link>http://example.test/a</link>"
        b"<description><![CDATA[<!DOCTYPE html><p>Texte de l'article.</p>]]></description>"
        b"</item></channel></rss>"
    )
    check_xml_safe(body)
    feed = parse_feed(body)
    assert feed.entries[0].title == "A"


def test_bytes_that_look_like_a_path_are_not_opened() -> None:
    with pytest.raises(IngestError, match="does not parse"):
        parse_feed(b"/etc/passwd")


@pytest.mark.parametrize(
    ("count", "title"),
    [(50_000, b"Big"), (100_000, b"Big & malformed")],  # a stray & once made it parse whole
)
def test_huge_feed_is_capped_quickly(count: int, title: bytes) -> None:
    items = b"".join(
        b"<item><title>n%d</title><link>http://example.test/%d</link></item>" % (i, i)
        for i in range(count)
    )
    body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>' + title + b"</title>"
    body += items + b"</channel></rss>"
    feed = parse_feed(body, max_entries=200)
    assert len(feed.entries) == 200
    assert feed.entries[0].title == "n0" and feed.entries[-1].title == "n199"
