"""Q&A units: stemming, party aliases across languages, FTS on SQLite and PostgreSQL (strict
stage first), idempotent indexing and indexing at ingest, window, follow-ups, per-chat
isolation and expiry, LLM fallback, quotation marks."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.app import build_bot
from bot.domain.errors import EngineUnavailable
from bot.domain.models import Article, Position
from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer, followup
from bot.qa.answer import LLMAnswerFn, shown_quote
from bot.qa.fts import reduce_forms
from bot.qa.index import ensure_indexed, index_article
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.search import candidates
from bot.qa.sentences import split_sentences
from bot.qa.text import stem_text
from bot.service import BriefBot
from bot.settings import Settings
from bot.store import Database
from bot.store import articles as store
from bot.store.qa_tables import qa_indexed, qa_sentences

TEXT_A = (
    "Les négociations reprendront mardi à Istanbul. Le ministre russe des Affaires étrangères, "
    "Sergueï Lavrov, a déclaré que Moscou insisterait sur la neutralité de l'Ukraine. "
    "M. Zelensky a réclamé des garanties de sécurité solides."
)
TEXT_B = (
    "Washington a salué un cessez-le-feu. Le Pentagone a annoncé de nouvelles livraisons d'armes."
)


class NoPositions:
    key = "none:1"

    def extract(self, article: Article) -> list[Position]:
        return []


class NoComposer:
    key = "none:1"

    def compose(self, *args: object, **kwargs: object) -> object:
        raise EngineUnavailable("unused")


def add(db: Database, text: str, *, when: datetime | None = None, lang: str = "fr") -> Article:
    article = Article(
        text=text,
        path=f"/tmp/{hash(text)}.txt",
        lang=lang,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )
    store.insert_article(db, article, canonical_url=None, minhash=None, group_id=None)
    if when is not None:
        from bot.store.tables import articles

        with db.engine.begin() as conn:
            conn.execute(
                articles.update().where(articles.c.id == article.id).values(ingested_at=when)
            )
    return article


def make_bot(db: Database, book: PartyBook, settings: Settings) -> BriefBot:
    return BriefBot(settings, db, book, [NoPositions()], [NoComposer()])  # type: ignore[list-item]


def test_sentence_split_keeps_abbreviations() -> None:
    assert split_sentences("M. Zelensky a parlé. Puis « Nous verrons. » Fin du texte ici.") == [
        "M. Zelensky a parlé.",
        "Puis « Nous verrons. »",
        "Fin du texte ici.",
    ]


def test_stemming_folds_diacritics_and_plurals() -> None:
    assert stem_text("négociation", "fr") == stem_text("Negociations", "fr")
    assert stem_text("garanties", "fr") == stem_text("garantie", "fr")


def test_party_aliases_across_languages(book: PartyBook) -> None:
    finder = MentionFinder(book)
    for question in ("What does Russia want?", "Que veut Moscou ?", "Et le Kremlin ?"):
        assert parse_question(question, finder).parties == ["RU"], question
    russia = parse_question("What does Russia want?", finder).entities[0]
    from bot.qa.lexicon import contains
    from bot.qa.text import stems

    for sentence in ("Le Kremlin a répondu.", "Moscou insiste.", "La Russie refuse.", "Les Russes"):
        assert any(contains(stems(sentence, "fr"), f) for f in russia.forms), sentence
    # "us" in an English sentence is not the United States
    assert parse_question("Tell us about the talks", finder).parties == []
    assert parse_question("What did the US say?", finder).parties == ["US"]
    assert parse_question("What did Lavrov say?", finder).people == ["Sergueï Lavrov"]


def test_fts_stemmed_match_on_both_databases(any_db: Database, book: PartyBook) -> None:
    a = add(any_db, TEXT_A)
    add(any_db, TEXT_B)
    ensure_indexed(any_db, store.list_articles(any_db))
    finder = MentionFinder(book)
    found = candidates(any_db, parse_question("négociation", finder), since=None)
    assert [p.text for p in found] == ["Les négociations reprendront mardi à Istanbul."]
    # English question, French sentences, through the keyword bridge and the aliases
    found = candidates(any_db, parse_question("What about the ceasefire?", finder), since=None)
    assert any("cessez-le-feu" in p.text for p in found)
    found = candidates(any_db, parse_question("What does Russia want?", finder), since=None)
    assert any("Lavrov" in p.text for p in found)
    assert all(p.article_id == a.id for p in found)
    # restricted to articles
    found = candidates(
        any_db, parse_question("cessez-le-feu", finder), since=None, article_ids=[a.id or 0]
    )
    assert found == []


def test_index_article_is_idempotent(any_db: Database) -> None:
    a = add(any_db, TEXT_A)
    assert index_article(any_db, a) == 3
    assert index_article(any_db, a) == 0
    with any_db.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(qa_sentences)).scalar() == 3
        assert conn.execute(sa.select(sa.func.count()).select_from(qa_indexed)).scalar() == 1


def test_window_excludes_old_articles(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    add(any_db, TEXT_B, when=datetime.now(UTC) - timedelta(days=settings.qa_window_days + 5))
    ask = QuestionAnswerer(make_bot(any_db, book, settings))
    reply = ask("Qui a salué le cessez-le-feu ?", "fr", "console", "c1", None)
    assert "ne le disent pas" in reply.plain
    add(any_db, TEXT_A)
    reply = ask("Que réclame Zelensky ?", "fr", "console", "c1", None)
    assert "garanties de sécurité" in reply.plain and reply.tag and reply.tag.startswith("answer:")


def test_followups_swap_party_and_why(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    add(sqlite_db, TEXT_A)
    add(sqlite_db, TEXT_B)
    ask = QuestionAnswerer(make_bot(sqlite_db, book, settings))
    first = ask("What does Russia insist on?", "en", "telegram", "1", None)
    assert "Lavrov" in first.plain and "(in French)" in first.plain
    second = ask("and Ukraine?", "en", "telegram", "1", None)
    assert "Zelensky" in second.plain
    # the same follow-up in another chat has no context: it is not resolved against chat 1
    other = ask("and Ukraine?", "en", "telegram", "2", None)
    assert other.plain != second.plain
    assert followup.load(sqlite_db, "telegram", "2", 60) is not None
    assert followup.load(sqlite_db, "slack", "1", 60) is None


def test_followup_context_expires(sqlite_db: Database, book: PartyBook, settings: Settings) -> None:
    add(sqlite_db, TEXT_A)
    ask = QuestionAnswerer(make_bot(sqlite_db, book, settings))
    ask("Que veut la Russie ?", "fr", "slack", "C1", None)
    ttl = settings.followup_ttl_minutes
    assert followup.load(sqlite_db, "slack", "C1", ttl) is not None
    later = datetime.now(UTC) + timedelta(minutes=ttl + 1)
    assert followup.load(sqlite_db, "slack", "C1", ttl, now=later) is None
    assert followup.load(sqlite_db, "slack", "C1", ttl) is None  # deleted once expired


def test_reply_to_digest_is_about_its_articles(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    a = add(sqlite_db, TEXT_A)
    b = add(sqlite_db, TEXT_B)
    ask = QuestionAnswerer(make_bot(sqlite_db, book, settings))
    reply = ask("Qui a salué le cessez-le-feu ?", "fr", "console", "d", f"digest:{a.id}")
    assert "ne le disent pas" in reply.plain
    reply = ask("Qui a salué le cessez-le-feu ?", "fr", "console", "d", f"digest:{b.id}")
    assert "Washington" in reply.plain


def _fake_llm(text: str, cited: list[int]) -> LLMAnswerFn:
    def ask(question: str, passages: list[tuple[int, str]], lang: str) -> tuple[str, list[int]]:
        return text, cited

    return ask


def test_llm_answer_checked_and_fallback(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    add(sqlite_db, TEXT_A)
    bot = make_bot(sqlite_db, book, settings)
    good = _fake_llm(
        "Lavrov a dit que Moscou « insisterait sur la neutralité de l'Ukraine » [1]. "
        "Il a aussi « exigé la capitulation » [1].",
        [1],
    )
    reply = QuestionAnswerer(bot, llm=good)("Que veut la Russie ?", "fr", "console", "l", None)
    assert "insisterait sur la neutralité" in reply.plain
    assert "capitulation" not in reply.plain  # not in the source: dropped
    assert [b.kind for b in reply.blocks][-1] == "source"

    def broken(question: str, passages: list[tuple[int, str]], lang: str) -> tuple[str, list[int]]:
        raise EngineUnavailable("timeout")

    reply = QuestionAnswerer(bot, llm=broken)("Que veut la Russie ?", "fr", "console", "l", None)
    assert "Lavrov" in reply.plain and any(b.kind == "quote" for b in reply.blocks)


def test_empty_question_gets_a_hint(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = QuestionAnswerer(make_bot(sqlite_db, book, settings))("  ", "en", "console", "e", None)
    assert "Ask a question" in reply.plain


def test_reduce_forms_drops_forms_containing_another() -> None:
    forms = {("vladim", "poutin"), ("poutin",), ("kremlin",), ("conseil", "de", "la", "feder")}
    assert reduce_forms(forms) == {("poutin",), ("kremlin",), ("conseil", "de", "la", "feder")}


def test_candidates_name_every_concept_first(any_db: Database, book: PartyBook) -> None:
    add(any_db, TEXT_A)
    add(any_db, "La neutralité a été évoquée. Sergueï Lavrov est arrivé à Istanbul.")
    ensure_indexed(any_db, store.list_articles(any_db))
    query = parse_question("Lavrov et la neutralité ?", MentionFinder(book))
    found = candidates(any_db, query, since=None, limit=1)
    assert [p.text for p in found] == [
        "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a déclaré que Moscou "
        "insisterait sur la neutralité de l'Ukraine."
    ]
    assert len(candidates(any_db, query, since=None)) == 3  # then those naming either


def test_ingest_indexes_new_articles(settings: Settings, tmp_path: Path) -> None:
    bot = build_bot(settings)
    path = tmp_path / "lavrov.txt"
    path.write_text(TEXT_A + " " + TEXT_B, encoding="utf-8")
    report = bot.ingest([str(path)])
    assert report.articles
    with bot.db.engine.connect() as conn:
        indexed = conn.execute(sa.select(qa_indexed.c.article_id)).scalars().all()
    assert indexed == report.articles


def test_sentence_with_its_own_quotation_is_not_wrapped_again() -> None:
    said = "« Nous avons avancé », a déclaré le négociateur."
    assert shown_quote(said, "fr") == said
    assert shown_quote('"We made progress," she said.', "fr") == '"We made progress," she said.'
    assert shown_quote("Kiev réclame des garanties.", "fr") == "« Kiev réclame des garanties. »"
    assert shown_quote("Kyiv wants guarantees.", "en") == "“Kyiv wants guarantees.”"
