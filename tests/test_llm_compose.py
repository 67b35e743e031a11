"""LLMComposer (reduce) and the Q&A helper over the fake server: grounded quotes, our own
source numbering, translations, length budget, links dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import briefing_length
from bot.brief.llm_compose import LLMComposer
from bot.domain.errors import EngineUnavailable
from bot.domain.models import Position
from bot.extract.llm import LLMExtractor
from bot.llm.answer import complete_grounded_answer
from bot.llm.client import LLMClient
from bot.render.briefing import briefing_reply
from bot.render.text import render_text
from bot.store import Database
from tests.fakes.openai_server import FakeOpenAI, ok, running, system_message, user_message
from tests.llm_support import BOOK, article, make_llm, peskov, zelensky

EN_TEXT = "In Brussels, the Ukrainian foreign minister said Kyiv would never give up Crimea."


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with running() as srv:
        yield srv


@pytest.fixture
def llm(
    server: FakeOpenAI, sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> LLMClient:
    return make_llm(server, sqlite_db, tmp_path, monkeypatch)


def _positions(server: FakeOpenAI, llm: LLMClient) -> list[Position]:
    extractor = LLMExtractor(llm, BOOK)
    server.push(ok({"positions": [peskov(), zelensky()]}))
    positions = extractor.extract(article())
    en = article(EN_TEXT, n=2)
    en.lang = "en"
    server.push(
        ok(
            {
                "positions": [
                    zelensky(
                        speaker="",
                        role="Ukrainian foreign minister",
                        claim="Kyiv will never give up Crimea.",
                        evidence="Kyiv would never give up Crimea",
                        quote="",
                    )
                ]
            }
        )
    )
    positions += extractor.extract(en)
    server.requests.clear()
    return positions


def _item(position_id: int, **over: Any) -> dict[str, Any]:
    item = {
        "position_id": position_id,
        "speaker": "",
        "role": "",
        "claim": "",
        "quote": "",
        "quote_lang": "fr",
        "translation": "",
    }
    item.update(over)
    return item


def _brief(sections: list[dict[str, Any]], disputes: list[dict[str, Any]] | None = None) -> Any:
    return ok({"headline": "Talks stall", "sections": sections, "disputes": disputes or []})


def test_briefing_is_grounded_and_numbered_by_us(server: FakeOpenAI, llm: LLMClient) -> None:
    positions = _positions(server, llm)
    # ids follow score order: 1 Peskov (quoted, source 1), 2 the English one, 3 Zelensky (fr)
    server.push(
        _brief(
            [
                {
                    "party_id": "RU",
                    "items": [
                        _item(
                            1,
                            speaker="Dmitri Peskov",
                            claim="Moscow rejects a ceasefire without guarantees.",
                            quote="Nous n'accepterons jamais un cessez-le-feu sans garanties.",
                            translation="We will never accept a ceasefire without guarantees.",
                        ),
                        _item(1, claim="Also this", quote="Nous voulons la paix totale."),
                    ],
                },
                {
                    "party_id": "UA",
                    "items": [
                        _item(2, claim="Kyiv keeps Crimea. See https://evil.example @channel"),
                        _item(99, claim="invented"),
                    ],
                },
            ],
            [
                {
                    "topic": "Territory",
                    "sides": [
                        {"party_id": "RU", "claim": "No ceasefire", "position_id": 1},
                        {"party_id": "UA", "claim": "No concession", "position_id": 2},
                    ],
                }
            ],
        )
    )
    composer = LLMComposer(llm, BOOK)
    briefing = composer.compose(positions, "en")
    assert briefing.engine == composer.key and composer.key.startswith("llm-brief:gpt-4o-mini:")
    ru, ua = briefing.sections
    assert ru.party_name == "Russia" and ua.party_name == "Ukraine"
    first = ru.items[0]
    assert first.quote == "Nous n’accepterons  jamais un cessez-le-feu sans garanties."
    assert first.quote_lang == "fr"
    assert first.claim.endswith("[We will never accept a ceasefire without guarantees.]")
    assert ru.items[1].quote == ""  # ungrounded quote dropped, claim kept
    assert [i.claim for i in ua.items] == ["Kyiv keeps Crimea. See"]
    assert composer.dropped_total == 2  # invented quote + unknown position id
    assert briefing.sources == ["https://news.example/1", "https://news.example/2"]
    assert first.source_no == 1 and ua.items[0].source_no == 2
    (dispute,) = briefing.disputes
    assert [side[2] for side in dispute.sides] == [1, 2]
    # the model saw positions and evidence, not whole articles
    user = user_message(server.requests[0])
    assert "Jean Martin" not in user and "<positions>" in user
    assert "English" in system_message(server.requests[0])


def test_french_prompt_for_french_briefings(server: FakeOpenAI, llm: LLMClient) -> None:
    positions = _positions(server, llm)
    server.push(_brief([{"party_id": "UA", "items": [_item(2, claim="Kiev refuse.")]}]))
    briefing = LLMComposer(llm, BOOK).compose(positions, "fr")
    assert briefing.sections[0].party_name == "Ukraine"
    assert "français" in system_message(server.requests[0])


def test_max_chars_is_respected_by_trimming(server: FakeOpenAI, llm: LLMClient) -> None:
    positions = _positions(server, llm)
    long_claim = "Une affirmation assez longue pour remplir le budget de caractères. " * 3
    items = [_item(n, claim=long_claim) for n in (1, 1, 1)]
    server.push(
        _brief(
            [
                {"party_id": "RU", "items": items},
                {"party_id": "UA", "items": [_item(2, claim="Non.")]},
            ]
        )
    )
    composer = LLMComposer(llm, BOOK, measure=briefing_length)
    briefing = composer.compose(positions, "fr", max_chars=450)
    assert len(render_text(briefing_reply(briefing))) <= 450
    assert briefing.sections and len(briefing.sections[0].items) < 3


def test_no_positions_means_no_call(server: FakeOpenAI, llm: LLMClient) -> None:
    briefing = LLMComposer(llm, BOOK).compose([], "fr")
    assert briefing.is_empty() and server.calls == 0


def test_grounded_answer_keeps_only_known_citations(server: FakeOpenAI, llm: LLMClient) -> None:
    server.push(ok({"answer": "Moscou refuse [1], voir [7] et https://x.example", "cited": [1, 9]}))
    text, cited = complete_grounded_answer(
        llm, "Que dit Moscou ?", [(1, "Moscou refuse."), (2, "Kiev aussi.")], "fr"
    )
    assert text == "Moscou refuse [1], voir et" and cited == [1]
    assert "French" in system_message(server.requests[0])
    assert "<passages>" in user_message(server.requests[0])


def test_grounded_answer_failure_is_unavailable(server: FakeOpenAI, llm: LLMClient) -> None:
    server.push(ok("garbage"), ok("garbage"))
    with pytest.raises(EngineUnavailable):
        complete_grounded_answer(llm, "Q ?", [(1, "x")], "en")
