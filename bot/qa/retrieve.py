"""Retrieval for one question: window, lazy indexing, full-text candidates, the stored positions
of the parties asked about, scoring and the choice of the supporting sentences.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.domain.models import Article, Position
from bot.qa import index, memo
from bot.qa.lines import Unsaid, said_only
from bot.qa.query import Query
from bot.qa.search import Passage, candidates, is_supporting, score_all, sentences_of
from bot.qa.text import grounded

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

MAX_PASSAGES = 4
POSITION_ARTICLES = 5
# a sentence this much about what is asked names the parties its article names ("We will
# provide three billion pounds…" in an article on Britain and Ukraine)
SELF_CONTAINED = 0.75
# a sentence holding the fact asked is quoted when it covers this much of what the best
# sentence covers
HOLDING_COVERAGE = 0.9
# a sentence leaves the place to its article when it says this much of the rest by itself
NAMED_ALONE = 0.6
# what a sentence's article says for it adds this much of its coverage to its rank
CONTEXT_RANK = 0.6
# the words of what was done a sentence must say itself for its article's to rank it
RANKED_DONE = 2


@dataclass
class Retrieval:
    query: Query
    passages: list[Passage]  # the supporting sentences chosen, best first
    articles: dict[int, Article] = field(default_factory=dict)
    # the supporting sentences of the candidates, best first (the chosen among them)
    ranked: list[Passage] = field(default_factory=list)

    @property
    def supported(self) -> bool:
        return bool(self.passages)


def window_start(bot: BriefBot, now: datetime | None = None) -> datetime:
    """The start of the question window (from the answer's start time, bot.qa.memo)."""
    return (now or memo.now()) - timedelta(days=bot.settings.qa_window_days)


def _evidence_sentence(position: Position, sentences: list[Passage]) -> Passage | None:
    evidence = grounded(position.evidence or position.quote or "")
    if not evidence:
        return None
    probe = evidence[:60]
    for passage in sentences:
        key = grounded(passage.text)
        if probe in key or (len(key) > 20 and key in evidence):
            return passage
    return None


def attach_positions(bot: BriefBot, passages: dict[int, Passage], articles: list[Article]) -> None:
    """Mark sentences that are the evidence of a stored position with its party and speaker;
    evidence sentences not among the candidates are added."""
    if not articles:
        return
    try:
        positions = said_only(articles, bot.positions(articles, all_speakers=True))
    except Exception as exc:  # the analysis engines are optional for answering
        log.warning("positions unavailable for answering: %s", exc)
        return
    by_article: dict[int, list[Passage]] = {}
    for sentence in sentences_of(bot.db, [a.id for a in articles if a.id is not None]):
        by_article.setdefault(sentence.article_id, []).append(sentence)
    for position in positions:
        if position.article_id is None or position.party_id == "OTHER":
            continue
        found = _evidence_sentence(position, by_article.get(position.article_id, []))
        if found is None:
            continue
        passage = passages.setdefault(found.sentence_id, found)
        if not passage.party_id:
            passage.party_id = position.party_id
            passage.speaker = position.speaker
            passage.speaker_role = position.speaker_role


def _put(unsaid: Unsaid, p: Passage) -> bool:
    """An interviewer's question (a host's turn, a bold heading asking something): not shown,
    it gives way to the answer after it."""
    asking = p.text.rstrip(' »”"*').endswith("?")
    return asking and unsaid.kind(p.article_id, p.text) in ("heading", "host")


def choose(
    query: Query,
    passages: list[Passage],
    prefer: Callable[[Passage], float] | None = None,
    holds: Callable[[Passage], bool] | None = None,
) -> list[Passage]:
    """The supporting sentences to quote: best first, no repeats, each asked party served;
    ``prefer`` adds to a sentence's score (a factual question prefers sentences with a value);
    when none chosen ``holds`` what is asked (the number, the date), the best sentence that
    does and covers the question as much as the best chosen one is added."""
    if prefer is not None:
        for p in passages:
            p.score += prefer(p)
    ranked = sorted(
        (p for p in passages if is_supporting(query, p)),
        key=lambda p: (-p.score, -p.rank, p.article_id, p.seq),
    )
    if not ranked:
        return []
    best = ranked[0].score
    chosen: list[Passage] = []
    seen: set[str] = set()
    parties = [p for c in query.entities for p in c.parties]
    # one sentence per asked party first (for "Russia and Ukraine" questions)
    if len(parties) > 1:
        for party in parties:
            for p in ranked:
                if p.party_id == party and grounded(p.text) not in seen:
                    chosen.append(p)
                    seen.add(grounded(p.text))
                    break
    for p in ranked:
        if len(chosen) >= MAX_PASSAGES:
            break
        key = grounded(p.text)
        if key in seen or p.score < best * 0.7:
            continue
        chosen.append(p)
        seen.add(key)
    chosen = sorted(chosen, key=lambda p: -p.score)[:MAX_PASSAGES]
    if holds is not None and not any(holds(p) for p in chosen):
        # sentences scored higher on who said them ("la France est prête à déployer des
        # soldats") do not hide the one holding the number asked about
        top = max(p.coverage for p in chosen)
        holding = next(
            (p for p in ranked if p.coverage >= top * HOLDING_COVERAGE and holds(p)), None
        )
        if holding is not None and grounded(holding.text) not in seen:
            chosen = [*chosen[: MAX_PASSAGES - 1], holding]
    return chosen


def in_context(
    query: Query, passages: list[Passage], holds: Callable[[Passage], bool] | None = None
) -> None:
    """Coverage read in the sentence's article too ("how long did the Istanbul talks last":
    the sentence says "ont duré trois heures", its article says where and when): half the
    sentence's own, half what its article's candidate sentences match together, for sentences
    that match some of the question themselves. A sentence about what is asked almost whole
    names the parties its article names (its speaker says "we"), and so does one holding the
    value asked (``holds``: "372 voix contre 148") in an article about what is asked."""
    weights = {c.label: c.weight for c in query.content}
    total = sum(weights.values())
    if not total:
        return
    named = {c.label: c.weight for c in query.entities}
    matched: dict[int, set[str]] = {}
    for p in passages:
        matched.setdefault(p.article_id, set()).update(p.matched & (set(weights) | set(named)))
    for p in passages:
        if p.coverage <= 0:
            continue
        article = sum(weights[label] for label in matched[p.article_id] & set(weights)) / total
        wider = 0.5 * p.coverage + 0.5 * article
        holding = holds is not None and article >= SELF_CONTAINED and holds(p)
        if named and (p.coverage >= SELF_CONTAINED or holding):
            entities = sum(named[label] for label in matched[p.article_id] & set(named))
            wider_entities = entities / sum(named.values())
            if wider_entities > p.entities:
                p.score += 0.4 * (wider_entities - p.entities)
                p.entities = wider_entities
        p.alone = p.coverage
        if wider > p.coverage:
            p.score += CONTEXT_RANK * (wider - p.coverage)
            p.coverage = wider


def names_in_context(query: Query, passages: list[Passage], labels: set[str]) -> None:
    """ "Who led the US delegation at the Geneva talks?": a sentence about what was done
    ("Rubio, qui conduisait la délégation américaine, …") leaves to its article the place
    the question names and the event named by it (``labels``): those its article's candidate
    sentences name count in the sentence's coverage, and in its rank as much as they would
    in its own words when it says most of the rest by itself, in several words (sentences
    naming only the place and the event do not outrank the one saying who led the
    delegation; one word, "chief", says too little to)."""
    weights = {c.label: c.weight for c in query.content}
    total = sum(weights.values())
    labels &= set(weights)
    rest = sum(w for label, w in weights.items() if label not in labels)
    if not total or not labels or not rest:
        return
    named: dict[int, set[str]] = {}
    for p in passages:
        named.setdefault(p.article_id, set()).update(p.matched & labels)
    for p in passages:
        done = {label for label in p.matched if label in weights and label not in labels}
        if sum(weights[label] for label in done) / rest < NAMED_ALONE:
            continue
        added = sum(weights[label] for label in named[p.article_id] - p.matched) / total
        if added > 0:
            p.alone = p.coverage
            p.coverage += added
            if len(done) >= RANKED_DONE:
                p.score += CONTEXT_RANK * added


def by_rarity(query: Query, pool: list[Passage]) -> Query:
    """``query`` with each content word weighted by how rare it is among the candidate
    sentences: "what did the pope say about the war?" is not answered by a sentence on the war
    alone (half the words, but the common half)."""
    content = [c for c in query.concepts if c.kind == "content"]
    if len(content) < 2 or not pool:
        return query
    n = len(pool)
    df = {c.label: sum(1 for p in pool if c.label in p.matched) for c in content}
    out = [
        replace(c, weight=c.weight * _rarity(n, df[c.label])) if c.kind == "content" else c
        for c in query.concepts
    ]
    return Query(query.text, out)


def _rarity(n: int, df: int) -> float:
    """A word in most candidates weighs down to a half; one in none tells nothing (1)."""
    if df == 0:
        return 1.0
    return max(0.5, min(1.5, math.log((n + 1) / df)))


def retrieve(
    bot: BriefBot,
    query: Query,
    *,
    article_ids: list[int] | None = None,
    since: datetime | None = None,
    extra: list[Passage] | None = None,
    prefer: Callable[[Passage], float] | None = None,
    holds: Callable[[Passage], bool] | None = None,
    around: bool = False,
    named: list[str] | None = None,
    indexed: bool = False,
    quoted: set[str] | None = None,
    statements: bool = True,
) -> Retrieval:
    """Supporting sentences for ``query`` among ``article_ids`` or the window's articles
    (``indexed``: the caller has just indexed them); with ``quoted`` (the labels of the words
    the question quotes), the best sentence holding them all is among them, first; with
    ``statements``, no title, heading, link… is quoted (a fact, which a title may give, is
    asked without)."""
    if article_ids is None:
        since = since or window_start(bot)
        if not indexed:
            index.index_pending(bot.db, since)
    else:
        if not indexed:
            index.ensure_indexed(bot.db, bot.articles(ids=article_ids))
        since = None
    found = candidates(bot.db, query, since=since, article_ids=article_ids)
    pool: dict[int, Passage] = {p.sentence_id: p for p in found}
    for p in extra or []:
        pool.setdefault(p.sentence_id, p)
    score_all(query, pool.values())
    query = by_rarity(query, list(pool.values()))
    score_all(query, pool.values())
    if query.parties or query.people:
        top: list[int] = []
        for p in sorted(pool.values(), key=lambda p: -p.score):
            if p.article_id not in top:
                top.append(p.article_id)
            if len(top) >= POSITION_ARTICLES:
                break
        attach_positions(bot, pool, bot.articles(ids=top) if top else [])
        score_all(query, pool.values())
    if around:
        in_context(query, list(pool.values()), holds)
    elif named:
        names_in_context(query, list(pool.values()), set(named))
    # a title, a heading, a link line… may have found its article: it is no sentence to quote
    quotable = list(pool.values())
    if statements:
        unsaid = Unsaid(bot.articles(ids=sorted({p.article_id for p in quotable})))
        quotable = [
            p for p in quotable if not unsaid(p.article_id, p.text, p.speaker) or _put(unsaid, p)
        ]
    chosen = choose(query, quotable, prefer, holds)
    if quoted and chosen and not any(quoted <= p.matched for p in chosen):
        holding = [p for p in quotable if quoted <= p.matched]
        best = max(holding, key=lambda p: (p.score, -p.article_id, -p.seq), default=None)
        chosen = [best, *chosen][:MAX_PASSAGES] if best is not None else chosen
    ids = sorted({p.article_id for p in chosen})
    arts = {a.id: a for a in bot.articles(ids=ids)} if ids else {}
    ranked = sorted(
        (p for p in quotable if is_supporting(query, p)),
        key=lambda p: (-p.score, -p.rank, p.article_id, p.seq),
    )
    return Retrieval(query, chosen, {k: v for k, v in arts.items() if k is not None}, ranked)
