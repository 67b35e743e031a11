"""Statements to show in an answer: the stored positions of a party or of a person (the
analysis cache that ``briefbot positions`` reads), ranked against the question, and
retrieved sentences turned into statements.

A statement's text is always verbatim from its article; ``quoted`` says the article itself
quotes these words (only those are shown between quotation marks).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from bot.domain.models import Article, Person, Position
from bot.qa.query import Query
from bot.qa.search import Passage, candidates, score, soft_near
from bot.qa.text import stems
from bot.textnorm import fold, ground_key, is_grounded

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

ARTICLES = 8  # articles whose stored positions are read for one question
MAX_STATEMENTS = 3


@dataclass
class Statement:
    text: str
    article_id: int
    lang: str
    speaker: str = ""
    role: str = ""
    party_id: str | None = None
    quoted: bool = False
    score: float = 0.0
    sentence_id: int | None = None
    topics: list[str] = field(default_factory=list)


def from_passage(p: Passage) -> Statement:
    return Statement(
        p.text,
        p.article_id,
        p.lang,
        p.speaker,
        p.speaker_role,
        p.party_id,
        False,
        p.score,
        p.sentence_id,
    )


def _shown_text(position: Position) -> tuple[str, bool]:
    """The verbatim words shown for a position and whether the article quotes them whole."""
    claim = (position.claim or "").strip()
    text = claim if claim and is_grounded(claim, position.evidence) else position.evidence
    quote = position.quote or ""
    whole = bool(quote) and position.kind == "quote" and len(quote) >= 0.9 * len(text)
    if whole and is_grounded(quote, position.evidence):
        return quote, True
    return text, False


def from_position(position: Position) -> Statement:
    text, quoted = _shown_text(position)
    return Statement(
        text,
        position.article_id or 0,
        position.lang,
        position.speaker,
        position.speaker_role,
        position.party_id,
        quoted,
        topics=list(position.topics),
    )


def articles_about(
    bot: BriefBot, queries: list[Query], since: datetime | None, scope: list[int] | None
) -> list[Article]:
    """Up to ARTICLES articles whose sentences match the queries: first those matching more
    than the broadest stage of a query (rank >= 2), then the others, each in the order found."""
    strong: list[int] = []
    weak: list[int] = []
    for query in queries:
        for p in candidates(bot.db, query, since=since, article_ids=scope):
            (strong if p.rank >= 2 else weak).append(p.article_id)
    ids = list(dict.fromkeys(strong + weak))[:ARTICLES]
    return bot.articles(ids=ids) if ids else []


def rank(
    query: Query, positions: list[Position], topics: list[str], *, strict: bool = True
) -> list[Statement]:
    """Positions as statements, best first: those covering the question's words and topics,
    then direct quotes and named speakers; when the question has content words, positions
    matching none of them (nor its topic) are left out."""
    out: list[Statement] = []
    seen: set[str] = set()
    asked = fold(query.text)
    # the names the question itself uses ("Kiev" rather than "Ukraine")
    literal = {w for c in query.entities for w in c.words if len(w) > 3 and w in asked}
    for position in positions:
        statement = from_position(position)
        key = ground_key(statement.text)
        if len(statement.text.split()) < 4:
            continue  # a few quoted words are no statement
        if key in seen:
            continue
        probe = Passage(-1, statement.article_id, 0, position.lang, position.evidence, [])
        probe.stems = stems(position.evidence, "en" if position.lang == "en" else "fr")
        probe.party_id, probe.speaker = position.party_id, position.speaker
        score(query, probe)
        if query.content and not statement.quoted and statement.text != position.evidence:
            # the claim may leave out the words asked about: then show the whole evidence
            shown = Passage(-1, 0, 0, position.lang, statement.text, [])
            shown.stems = stems(statement.text, "en" if position.lang == "en" else "fr")
            shown.party_id, shown.speaker = position.party_id, position.speaker
            if score(query, shown).coverage < probe.coverage:
                statement.text = position.evidence
        on_topic = bool(set(topics) & set(position.topics))
        if strict and query.content and probe.coverage == 0 and not on_topic:
            continue
        seen.add(key)
        length = len(statement.text)
        said = fold(position.evidence)
        statement.score = (
            0.6 * probe.coverage
            + (0.3 if soft_near(query, probe) else 0.0)
            + (0.3 if on_topic else 0.0)
            + (0.1 if position.kind == "quote" else 0.0)
            + (0.25 if position.speaker else 0.0)
            + (0.2 if any(w in said for w in literal) else 0.0)
            + min(len(position.topics), 3) * 0.03
            - (0.2 if length > 300 else 0.1 if length > 200 else 0.0)
        )
        out.append(statement)
    out.sort(key=lambda s: -s.score)
    return out


def party_statements(
    bot: BriefBot,
    party_id: str,
    query: Query,
    *,
    since: datetime | None,
    scope: list[int] | None,
) -> list[Statement]:
    """The stored positions of ``party_id`` that answer ``query``, best first."""
    entity = Query(query.text, [c for c in query.entities if party_id in c.parties])
    words = Query(query.text, [c for c in query.concepts if c.kind != "soft"])
    queries = [words, entity] if query.content else [entity]
    articles = articles_about(bot, queries, since, scope)
    try:
        positions = bot.positions(articles, party=party_id)
    except Exception as exc:  # the analysis engines are optional for answering
        log.warning("positions unavailable for answering: %s", exc)
        return []
    return rank(query, positions, query.topics)


def speaks_as(position: Position, person: Person | None, name: str) -> bool:
    speaker = fold(position.speaker)
    if not speaker:
        return False
    if person is not None:
        forms = {fold(f) for f in (person.name, *person.aliases)}
        return speaker in forms or fold(person.surname) in speaker.split()
    return bool(name) and fold(name.split()[-1]) in speaker.split()


def person_statements(
    bot: BriefBot,
    person: Person | None,
    name: str,
    query: Query,
    *,
    since: datetime | None,
    scope: list[int] | None,
    strict: bool = True,
) -> list[Statement]:
    """The stored positions spoken by the person, best first (``strict``: only those
    matching some word or topic of the question)."""
    named = [c for c in query.entities if person is not None and person.name in c.people]
    alone = Query(query.text, named or [c for c in query.entities if not c.parties])
    articles = articles_about(bot, [query, alone] if alone.concepts else [query], since, scope)
    try:
        positions = bot.positions(articles, all_speakers=True)
    except Exception as exc:
        log.warning("positions unavailable for answering: %s", exc)
        return []
    own = [p for p in positions if speaks_as(p, person, name)]
    return rank(query, own, query.topics, strict=strict)
