"""The LLM engine inside BriefBot: analyses and briefings cached (no second call), and every
failure of the model falls back to the offline engine for that piece of work."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_bot
from bot.brief.compose import OfflineComposer
from bot.extract.rules.offline import OfflineEngine
from bot.llm import accounting
from bot.service import BriefBot
from bot.store import Database
from bot.store import articles as store
from tests.fakes.openai_server import FakeOpenAI, error, ok, running, slow
from tests.llm_support import article, llm_settings, peskov, zelensky


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with running() as srv:
        yield srv


@pytest.fixture
def make_bot(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Any:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-fake-key")

    def make(**over: Any) -> BriefBot:
        return build_bot(llm_settings(server, tmp_path, **over), db=sqlite_db)

    return make


def test_llm_engine_is_first_and_offline_last(make_bot: Any) -> None:
    bot = make_bot()
    assert bot.extractors[0].key.startswith("llm:")
    assert isinstance(bot.extractors[-1], OfflineEngine)
    assert isinstance(bot.composers[-1], OfflineComposer)


def test_second_analysis_is_a_cache_hit_with_zero_calls(server: FakeOpenAI, make_bot: Any) -> None:
    server.push(ok({"positions": [peskov(), zelensky()]}))
    first = make_bot().analyse(article())
    assert server.calls == 1 and [p.party_id for p in first] == ["RU", "UA"]
    again = make_bot().analyse(article())  # a new bot on the same store
    assert server.calls == 1
    assert [p.evidence for p in again] == [p.evidence for p in first]


@pytest.mark.parametrize(
    ("replies", "over"),
    [
        ([error(500)] * 3, {"llm_max_retries": 1}),
        ([slow(3.0), slow(3.0)], {"llm_timeout": 0.5, "llm_max_retries": 0}),
        ([ok("{not json"), ok("{not json")], {"llm_max_retries": 1}),
    ],
    ids=["repeated-500", "timeout", "invalid-json"],
)
def test_failures_fall_back_to_offline(
    server: FakeOpenAI, make_bot: Any, sqlite_db: Database, replies: list[Any], over: Any
) -> None:
    server.push(*replies)
    bot = make_bot(**over)
    positions = bot.analyse(article())
    assert {"RU", "UA"} <= {p.party_id for p in positions}  # the offline engine's positions
    llm_key, offline_key = bot.extractors[0].key, bot.extractors[-1].key
    assert store.get_analysis(sqlite_db, article().content_hash, llm_key) is None
    assert store.get_analysis(sqlite_db, article().content_hash, offline_key) is not None


def test_budget_exhausted_goes_offline_without_calling(
    server: FakeOpenAI, make_bot: Any, sqlite_db: Database
) -> None:
    accounting.record_call(
        sqlite_db, model="gpt-4o-mini", purpose="extract", outcome="ok", tokens_in=10, tokens_out=5
    )
    positions = make_bot(daily_token_budget=10).analyse(article())
    assert positions and server.calls == 0


def test_briefing_composed_once_and_read_for_every_chat(server: FakeOpenAI, make_bot: Any) -> None:
    server.push(
        ok({"positions": [peskov(), zelensky()]}),
        ok(
            {
                "headline": "Genève",
                "sections": [
                    {
                        "party_id": "RU",
                        "items": [
                            {
                                "position_id": 1,
                                "speaker": "Dmitri Peskov",
                                "role": "",
                                "claim": "Moscou refuse un cessez-le-feu sans garanties.",
                                "quote": "Nous n’accepterons jamais un cessez-le-feu",
                                "quote_lang": "fr",
                                "translation": "",
                            }
                        ],
                    }
                ],
                "disputes": [],
            }
        ),
    )
    bot = make_bot()
    briefings = [bot.briefing([article()], "fr", max_chars=1500) for _chat in range(3)]
    assert server.calls == 2  # one extraction + one briefing, whatever the number of chats
    assert all(b.headline == "Genève" for b in briefings)
    assert briefings[0].engine.startswith("llm-brief:")


def test_briefing_failure_falls_back_to_the_offline_composer(
    server: FakeOpenAI, make_bot: Any
) -> None:
    server.push(ok({"positions": [peskov(), zelensky()]}), error(500), error(500))
    briefing = make_bot().briefing([article()], "fr")
    assert briefing.engine == "offline" and not briefing.is_empty()
