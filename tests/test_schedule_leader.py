"""Leader election on PostgreSQL (advisory lock) and feed polling with conditional GET."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.ingest.fetch import FetchResult
from bot.ingest.pipeline import IngestItem, IngestReport
from bot.schedule.feeds import FeedPoller, load_sources_file
from bot.schedule.leader import LeaderLock
from bot.settings import PROJECT_DIR, Settings
from bot.store import Database
from bot.store import chats as chat_store
from tests.outbox_support import add_article, make_bot


@pytest.mark.postgres
def test_one_leader_and_takeover_when_it_dies(pg_db: Database) -> None:
    first, second = LeaderLock(pg_db), LeaderLock(pg_db)
    try:
        assert first.try_acquire()
        assert not second.try_acquire()
        assert first.still_held()
        # the leader's session dies (process killed, network cut): PostgreSQL frees the lock
        pid = first._conn.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
        with pg_db.engine.connect() as conn:
            conn.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        assert not first.still_held()
        assert second.try_acquire()
        assert not first.try_acquire()
    finally:
        first.release()
        second.release()


def test_sqlite_process_always_leads(sqlite_db: Database) -> None:
    lock = LeaderLock(sqlite_db)
    assert lock.try_acquire() and lock.still_held() and not lock.exclusive


FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://news.example/a</link></item>
<item><title>b</title><link>https://news.example/b</link></item>
<item><title>known</title><link>https://news.example/known</link></item>
</channel></rss>"""


@dataclass
class FakeFetcher:
    calls: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None):  # type: ignore[no-untyped-def]
        self.calls.append((url, etag, last_modified))
        if etag == '"v1"':
            return FetchResult(url, 304, "", b"", etag='"v1"', not_modified=True)
        return FetchResult(
            url,
            200,
            "application/rss+xml",
            FEED,
            etag='"v1"',
            last_modified="Mon, 02 Mar 2026 08:00:00 GMT",
        )


def test_feed_polling_is_conditional_and_ingests_new_entries_once(
    sqlite_db: Database, settings: Settings, tmp_path: Path
) -> None:
    sources = tmp_path / "sources.toml"
    sources.write_text('sources = [{ url = "https://news.example/rss", name = "Ex" }]\n')
    settings.sources_file = sources
    bot = make_bot(sqlite_db, settings)
    add_article(sqlite_db, "RU|talks|old news", url="https://news.example/known")
    ingested: list[list[str]] = []

    def ingest(inputs: list[str], on_progress: object = None) -> IngestReport:
        ingested.append(inputs)
        items = [
            IngestItem(link, "new", add_article(sqlite_db, f"UA|talks|{link}", url=link))
            for link in inputs
        ]
        return IngestReport(items)

    bot.ingest = ingest  # type: ignore[method-assign]
    fetcher = FakeFetcher()
    poller = FeedPoller(bot, fetcher)  # type: ignore[arg-type]
    first = poller.poll()
    assert [p.status for p in first] == ["polled"] and first[0].new_articles == 2
    assert ingested == [["https://news.example/a", "https://news.example/b"]]
    (source,) = chat_store.list_sources(sqlite_db)
    assert source.etag == '"v1"' and source.last_polled_at is not None
    second = poller.poll()
    assert [p.status for p in second] == ["not_modified"] and len(ingested) == 1
    assert fetcher.calls[1] == ("https://news.example/rss", '"v1"', "Mon, 02 Mar 2026 08:00:00 GMT")
    # each new article was analysed once (cached by content hash and engine)
    from bot.store.tables import analyses

    with sqlite_db.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(analyses)).scalar() == 2


def test_shipped_sources_file_is_valid_and_empty() -> None:
    assert load_sources_file(PROJECT_DIR / "bot" / "config" / "sources.toml") == []
