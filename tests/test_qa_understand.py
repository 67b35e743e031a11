"""Question understanding in both languages (kind, party, person through the gazetteer), the
shared topic vocabulary (no place or term of the conflict in bot/), and answers over a small
store: a party's position from its stored positions, the honest "X is not quoted", a factual
line, cross-language retrieval and follow-ups, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from bot.domain.models import Article, Position
from bot.domain.parties import PartyBook
from bot.domain.topics import vocabulary
from bot.qa import QuestionAnswerer
from bot.qa.lexicon import MentionFinder
from bot.qa.understand import understand
from bot.settings import PROJECT_DIR, Settings
from bot.store import Database
from bot.textnorm import fold
from tests.test_qa_unit import NoComposer, add

CASES = [
    ("Quelle est la position de la Russie ?", "position", ["RU"], []),
    ("What is Poland's position?", "position", ["PL"], []),
    ("What does Poland want?", "position", ["PL"], []),
    ("Que dit la Turquie ?", "position", ["TR"], []),
    ("Kremlin's stance on neutrality?", "position", ["RU"], []),
    ("Qu'a dit Kouleba ?", "person", [], ["Dmytro Kuleba"]),
    ("What did Lavrov say about NATO?", "person", ["NATO"], ["Sergueï Lavrov"]),
    ("Where were the peace talks held in March 2022?", "where", [], []),
    ("Où ont eu lieu les négociations ?", "where", [], []),
    ("Combien de temps ont duré les discussions ?", "duration", [], []),
    ("How long did the talks last?", "duration", [], []),
    ("How many civilians were killed?", "count", [], []),
    ("Quand les pourparlers ont-ils débuté ?", "when", [], []),
    ("Qui a qualifié les discussions de productives ?", "who", [], []),
    ("Who led the Russian delegation?", "who", ["RU"], []),
]


@pytest.mark.parametrize(("question", "kind", "parties", "people"), CASES)
def test_kinds_and_entities(
    book: PartyBook, question: str, kind: str, parties: list[str], people: list[str]
) -> None:
    understood = understand(question, MentionFinder(book))
    assert understood.kind == kind
    assert understood.parties == parties
    assert [p.name for p in understood.people] == people


def test_kind_words_are_not_searched(book: PartyBook) -> None:
    finder = MentionFinder(book)
    labels = [c.label for c in understand("What is Poland's position?", finder).query.concepts]
    assert "position" not in labels
    labels = [
        c.label for c in understand("Where were the talks held in March?", finder).query.concepts
    ]
    assert "march" in labels and not any(
        c.kind == "entity"
        for c in understand("Where were the talks held in March?", finder).query.concepts
    )


def test_no_conflict_word_in_code() -> None:
    """The places and terms of config/topics.toml are nowhere in bot/ outside the configuration
    and the demo articles (code or rule data)."""
    words = vocabulary().places
    assert words
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(fold(w)) for w in words) + r")", re.IGNORECASE
    )
    found = []
    configuration = (PROJECT_DIR / "bot" / "config", PROJECT_DIR / "bot" / "samples")
    for path in sorted((PROJECT_DIR / "bot").rglob("*")):
        if any(path.is_relative_to(c) for c in configuration):
            continue  # the configuration and the demo articles are where such words belong
        if path.suffix in (".py", ".toml", ".txt", ".json") and path.is_file():
            for m in pattern.finditer(fold(path.read_text(encoding="utf-8"))):
                found.append(f"{path.relative_to(PROJECT_DIR)}: {m.group(0)}")
    assert found == []


TEXT = (
    "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a déclaré que Moscou "
    "insisterait sur la neutralité de l'Ukraine. "
    "Les pourparlers ont eu lieu à Genève et ont duré quatre heures. "
    "Le président ukrainien a réclamé des garanties de sécurité."
)


class OnePosition:
    """An extractor giving the one Russian position of TEXT (its evidence verbatim)."""

    key = "test:1"

    def extract(self, article: Article) -> list[Position]:
        evidence = TEXT.split(". ")[0] + "."
        return [
            Position(
                "RU",
                "Russie",
                "Sergueï Lavrov",
                "ministre russe des Affaires étrangères",
                "Moscou insisterait sur la neutralité de l'Ukraine",
                evidence,
                article.source,
                lang="fr",
                topics=["talks"],
            )
        ]


@pytest.fixture
def asker(any_db: Database, book: PartyBook, settings: Settings) -> QuestionAnswerer:
    from bot.service import BriefBot

    add(any_db, TEXT)
    bot = BriefBot(settings, any_db, book, [OnePosition()], [NoComposer()])  # type: ignore[list-item]
    return QuestionAnswerer(bot)


def test_position_from_stored_positions(asker: QuestionAnswerer) -> None:
    reply = asker("What is Russia's position?", "en", "console", "p", None)
    first = reply.blocks[0].plain
    assert first.startswith("Russia: Moscou insisterait sur la neutralité")
    items = [b.plain for b in reply.blocks if b.kind == "item"]
    assert items[0].startswith("• Sergueï Lavrov (Russian foreign minister, Russia): Moscou")
    assert "(in French)" in items[0] and "«" not in items[0] and "“" not in items[0]
    sources = [b.plain for b in reply.blocks if b.kind == "source"]
    assert sources and "/" not in sources[0] and sources[0].endswith(".txt")


def test_person_not_quoted_is_said(asker: QuestionAnswerer) -> None:
    asker("Que veut la Russie ?", "fr", "console", "r", None)  # the article's analysis is cached
    reply = asker("Qu'a dit Kouleba ?", "fr", "console", "k", None)
    assert (
        reply.blocks[0].plain == "Dmytro Kuleba n'est pas cité dans les articles dont je dispose."
    )
    assert "Ils portent sur : Russie" in reply.blocks[1].plain


def test_fact_line_and_cross_language(asker: QuestionAnswerer) -> None:
    reply = asker("Where were the talks held?", "en", "console", "w", None)
    assert reply.blocks[0].plain == "Where: Genève"
    reply = asker("How long did the talks last?", "en", "console", "d", None)
    assert reply.blocks[0].plain == "How long: quatre heures"
    refused = asker("What did the Pope say about sanctions?", "en", "console", "r", None)
    assert refused.blocks[0].plain == "The articles I have do not say."


def test_followup_keeps_the_kind(asker: QuestionAnswerer) -> None:
    asker("Quelle est la position de l'Ukraine ?", "fr", "console", "f", None)
    reply = asker("et la Russie ?", "fr", "console", "f", None)
    assert reply.blocks[0].plain.startswith("Russie : Moscou insisterait")
