"""Helpers for the Q&A tests: a bot over the shared corpus (and dev-set articles), stored
through the real ingest pipeline (an ingest error fails the test), and the scoring of a
question set: the key in the answer, or the refusal of an unanswerable question."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.app import build_bot
from bot.domain.i18n import t
from bot.domain.models import Article, Lang, Position
from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.answer import text as qa_text
from bot.render.text import render_text
from bot.richtext import Reply
from bot.service import BriefBot
from bot.settings import PROJECT_DIR, Settings
from bot.store import articles as store
from bot.store.db import Database
from bot.textnorm import ground_key
from tests.conftest import CORPUS

DATA = PROJECT_DIR / "tests" / "data"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


def corpus_bot(
    settings: Settings, extra: list[Path] | None = None
) -> tuple[BriefBot, dict[int, str]]:
    """A bot with the corpus (and ``extra`` files) ingested; article id -> file name."""
    bot = build_bot(settings)
    files = corpus_files() + list(extra or [])
    report = bot.ingest([str(f) for f in files])
    errors = [f"{i.input}: {i.reason}" for i in report.items if i.status == "error"]
    assert not errors, errors
    names: dict[int, str] = {}
    for article in store.list_articles(bot.db, one_per_group=False):
        for f in files:
            if article.path and Path(article.path).name == f.name:
                names[article.id or 0] = f.name
    assert sorted(names.values()) == sorted(f.name for f in files)
    return bot, names


def is_refusal(reply: Reply, lang: Lang) -> bool:
    """The reply's first line says the articles do not answer (or the person is not quoted)."""
    if not reply.blocks:
        return False
    first = reply.blocks[0].plain
    head, _, tail = qa_text(lang, "not_quoted").partition("{name}")
    return first == t(lang, "qa.unsupported") or (
        first.endswith(tail) and first.startswith(head) and "{" not in first
    )


def source_files(sources: list[str]) -> list[Path]:
    """The article files a question set names: "000" (a corpus file's prefix) or a dev-set
    file's stem ("d15_…", found in tests/data/devset*/)."""
    out: list[Path] = []
    for name in dict.fromkeys(sources):
        found = [f for f in corpus_files() if f.name.startswith(name)]
        found = found or sorted(DATA.glob(f"devset*/{name}.txt"))
        assert found, f"no article file for source {name!r}"
        out += [f for f in found if f not in out]
    return out


@dataclass
class Score:
    hits: int = 0
    answerable: int = 0
    refusals: int = 0
    unanswerable: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def hit_rate(self) -> float:
        return self.hits / self.answerable if self.answerable else 1.0

    @property
    def refusal_accuracy(self) -> float:
        return self.refusals / self.unanswerable if self.unanswerable else 1.0

    def line(self, label: str) -> str:
        return (
            f"{label}: hit rate {self.hit_rate:.2f} ({self.hits}/{self.answerable}), "
            f"refusals {self.refusal_accuracy:.2f} ({self.refusals}/{self.unanswerable})"
        )


def ask_all(
    bot: BriefBot, questions: list[dict[str, Any]], *, check_source: bool = False
) -> dict[str, Score]:
    """Scores overall ("all") and per kind and language ("kind:who", "lang:en")."""
    ask = QuestionAnswerer(bot)
    scores: dict[str, Score] = defaultdict(Score)
    chats: dict[int, str] = {}
    for number, item in enumerate(questions):
        lang: Lang = "en" if item["lang"] == "en" else "fr"
        before = item.get("followup_of")  # asked in the chat of the question it follows
        chats[number] = chats[before] if before is not None else f"set-{number}"
        reply = ask(item["q"], lang, "console", chats[number], None)
        text = render_text(reply)
        assert reply.tag and reply.tag.startswith("answer:")
        refused = is_refusal(reply, lang)
        groups = ["all", f"kind:{item.get('kind', '?')}", f"lang:{lang}"]
        answerable = item.get("answerable", True) is not False and item.get("key") is not None
        for g in groups:
            score = scores[g]
            if not answerable:
                score.unanswerable += 1
                score.refusals += refused
            else:
                score.answerable += 1
        if not answerable:
            if not refused:
                scores["all"].misses.append(f"not refused: {item['q']}")
            continue
        has_key = ground_key(item["key"]) in ground_key(text)
        right_source = True
        if check_source:
            cited = [b.plain for b in reply.blocks if b.kind == "source"]
            right_source = any(s[:3] in c for s in item["sources"] for c in cited)
        if not refused and has_key and right_source:
            for g in groups:
                scores[g].hits += 1
        else:
            scores["all"].misses.append(
                f"missed: {item['q']} (key {item['key']!r} ok={has_key}, source ok={right_source},"
                f" refused={refused})"
            )
    return dict(scores)


def load_questions(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text("utf-8"))
    return data["questions"] if isinstance(data, dict) else data


# the analyses the blind sets' bots made in this test process, by (content hash, engine key):
# an article several sets ingest (the corpus, a shared dev set) is analysed by the engine once
# per process, as the bot analyses it once per store, and later bots find it stored
_ANALYSED: dict[tuple[str, str], list[dict[str, Any]]] = {}


def _seed_analyses(bot: BriefBot) -> None:
    key = bot.extractors[0].key
    for article in store.list_articles(bot.db, one_per_group=False):
        stored = _ANALYSED.get((article.content_hash, key))
        if stored is not None:
            positions = [Position.from_json(p) for p in stored]
            store.put_analysis(bot.db, article.content_hash, key, positions)


def _keep_analyses(bot: BriefBot) -> None:
    key = bot.extractors[0].key
    hashes = [a.content_hash for a in store.list_articles(bot.db, one_per_group=False)]
    for content_hash, stored in store.get_analyses(bot.db, hashes, key).items():
        _ANALYSED[(content_hash, key)] = stored


def score_blind_set(settings: Settings, questions: list[dict[str, Any]], label: str) -> Score:
    """Every question of a blind set asked over the shared corpus and the dev-set articles it
    names, ingested together; the figures per kind and language printed, the whole returned."""
    files = source_files([s for q in questions for s in q["sources"]])
    extra = [f for f in files if f not in corpus_files()]
    bot, _ = corpus_bot(settings, extra)
    _seed_analyses(bot)
    scores = ask_all(bot, questions)
    _keep_analyses(bot)
    print()
    for name in sorted(scores, key=lambda k: (k != "all", k)):
        print(scores[name].line(f"{label} {name}"))
    for line in scores["all"].misses:
        print("  " + line)
    return scores["all"]


class StoredPositions:
    """An extractor giving the positions of ``said`` (party, speaker, role, evidence), each
    only in the article holding its evidence verbatim; ``key`` names it in the analysis cache."""

    def __init__(self, said: list[tuple[str, str, str, str]], key: str) -> None:
        self.said = said
        self.key = key

    def extract(self, article: Article) -> list[Position]:
        return [
            Position(party, party, speaker, role, evidence, evidence, article.source, lang="fr")
            for party, speaker, role, evidence in self.said
            if evidence in article.text
        ]


def rules_bot(
    db: Database,
    book: PartyBook,
    settings: Settings,
    texts: list[str],
    lang: str,
    said: list[tuple[str, str, str, str]] | None = None,
    key: str = "test:qa-rules",
) -> QuestionAnswerer:
    """A question answerer over ``texts`` stored in ``db``, the positions ``said`` (party,
    speaker, role, evidence) the only ones extracted, no composer: a Q&A pass's rules tested
    on sentences of its own."""
    from tests.test_qa_unit import NoComposer, add

    for text in texts:
        add(db, text, lang=lang)
    positions = StoredPositions(said or [], key)
    bot = BriefBot(settings, db, book, [positions], [NoComposer()])  # type: ignore[list-item]
    return QuestionAnswerer(bot)
