"""Statements to show in an answer: the stored positions of a party or of a person (the
analysis cache that ``briefbot positions`` reads), ranked against the question, and
retrieved sentences turned into statements.

A statement's text is always verbatim from its article; ``quoted`` says the article itself
quotes these words (only those are shown between quotation marks).
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from bot.domain.gazetteer import Gazetteer
from bot.domain.models import Article, Person, Position
from bot.qa.lines import said_only
from bot.qa.query import Concept, Query
from bot.qa.search import Passage, candidates, form_index, score, sentences_of, soft_near
from bot.qa.text import STOPWORDS, both_stems, folded, grounded, name_variants, stems, tokens
from bot.qa.vocabulary import question_data
from bot.textnorm import collapse_space, fold, is_grounded

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

ENOUGH = 40  # articles found: no broader query is run
POOL = 200  # candidate sentences of each query
ARTICLES = 12  # articles whose stored positions are read for one question
MAX_STATEMENTS = 3
SHORT = 200  # an evidence sentence short enough to show whole
_SENTENCE_END = re.compile(r"[.!?…][»”\"’']?\s*$")  # a heading ends with none
_ENDED = re.compile(r"[.!?…][»”\"’']?\s")  # a sentence before, in the same paragraph
ALONE = 0.34  # a statement covering less of what is asked than its sentence before is shown
LONG = 400  # with it, when the two are shorter than this
REPLY = 0.9  # a reply covers what the question put to the speaker asked, nearly as well
LATER_REPLY = 0.6  # its later sentences, less surely: they may go on to other things
OPENING = 40  # characters where a sentence's subject party is looked for
OPENERS_BEFORE = frozenset({"", "le", "la", "les", "l'", "the"})
CONDITIONAL = 0.2  # a statement setting a condition, for a question asking on what terms


@lru_cache(maxsize=1)
def _conditions() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A question asking on what conditions, and the words that set one in a statement
    ([conditions] of bot/qa/data/questions.toml)."""
    data = question_data()["conditions"]

    def words(key: str) -> re.Pattern[str]:
        forms = sorted((fold(w).replace("’", "'") for w in data[key]), key=len, reverse=True)
        body = "|".join(re.escape(w).replace("\\ ", r"\s+").replace("'", "['’]") for w in forms)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)")

    return words("asked"), words("set")


def sets_condition(question: str, evidence: str) -> bool:
    """Whether the question asks on what conditions and ``evidence`` sets one ("à condition
    que la Russie y participe", "as long as they operate under a UN mandate")."""
    asked, setting = _conditions()
    return bool(asked.search(fold(question))) and bool(setting.search(fold(evidence)))


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
    match: float = 0.0  # the share of the question's subject its sentence covers
    around: float = 0.0  # the share of it its article covers
    alone: float = 0.0  # the share of it its own words cover (not the sentence before them)
    own: str = ""  # its own words, when shown with the sentence before it


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
        match=p.coverage,
    )


def _shown_text(position: Position) -> tuple[str, bool]:
    """The verbatim words shown for a position and whether the article quotes them whole."""
    claim = (position.claim or "").strip()
    text = claim if claim and is_grounded(claim, position.evidence) else position.evidence
    quote = position.quote or ""
    whole = bool(quote) and position.kind == "quote" and len(quote) >= 0.9 * len(text)
    if whole and is_grounded(quote, position.evidence):
        return quote, True
    if not position.speaker and position.speaker_role and len(position.evidence) <= SHORT:
        return position.evidence, False  # no name to attribute it: the sentence says who
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


def subject(
    query: Query, parties: set[str], people: frozenset[str] | set[str] = frozenset()
) -> Query:
    """What the question asks about besides who: its content words, and the other names it
    uses as content (a statement need not name them, it ranks higher when it does)."""
    kept: list[Concept] = []
    for c in query.concepts:
        if c.kind == "soft":
            continue
        if c.kind == "entity":
            if set(c.people) & people or (not c.people and set(c.parties) & parties):
                continue
            if c.people and not people and set(c.parties) & parties:
                continue  # the party's own people stand for the party
            c = replace(c, kind="content", weight=1.5)
        kept.append(c)
    return Query(query.text, kept)


def articles_about(
    bot: BriefBot,
    topic: Query,
    who: Query,
    since: datetime | None,
    scope: list[int] | None,
) -> tuple[list[Article], dict[int, float], Query]:
    """Up to ARTICLES articles about ``topic`` that name ``who``, most relevant first; each
    article's relevance (the share of the topic's weight its sentences match: a statement's
    own sentence may not repeat what its article is about); and ``topic`` weighted by how
    rare each of its concepts is among the articles found (a word every article uses tells
    none apart)."""
    both = Query(topic.text, [*topic.concepts, *who.concepts])
    pool: dict[int, Passage] = {}
    for query in (both, topic, who):
        if not query.concepts or len({p.article_id for p in pool.values()}) >= ENOUGH:
            continue  # enough articles to choose from: no broader query
        for p in candidates(bot.db, query, since=since, article_ids=scope, limit=POOL):
            pool.setdefault(p.sentence_id, p)
    order: dict[int, int] = {}
    matched: dict[int, set[str]] = {}
    labels = {c.label for c in topic.concepts}
    indexes = [form_index(c) for c in topic.concepts]
    for p in pool.values():
        order.setdefault(p.article_id, len(order))
        if topic.concepts:
            score(topic, p, indexes)
            matched.setdefault(p.article_id, set()).update(p.matched & labels)
    weighted = Query(topic.text, rarity_weighted(topic.concepts, matched, len(order) + 1))
    weights = {c.label: c.weight for c in weighted.concepts}
    total = sum(weights.values()) or 1.0
    relevance = {a: sum(weights[label] for label in matched.get(a, ())) / total for a in order}
    best: dict[int, float] = {}
    indexes = [form_index(c) for c in both.concepts]
    for p in pool.values():
        best[p.article_id] = max(best.get(p.article_id, 0.0), score(both, p, indexes).score)
    ids = sorted(order, key=lambda a: (-round(relevance[a], 2), -best[a], order[a]))[:ARTICLES]
    return (bot.articles(ids=ids) if ids else []), relevance, when_lighter(weighted)


def rarity_weighted(
    concepts: list[Concept], matched: dict[int, set[str]], count: int
) -> list[Concept]:
    """``concepts`` each weighted by how rare it is among the articles found (``matched``: the
    labels each article's sentences match; ``count``: their number and one). A word no
    article holds tells none apart ("beyond", "whether", a word the articles write in the
    other language): it weighs as the commonest word found, not as the rarest, and a
    question's one unmatched word does not decide which articles are about it."""
    found = {c.label: sum(1 for m in matched.values() if c.label in m) for c in concepts}
    factors = {label: max(0.1, math.log(count / df)) for label, df in found.items() if df}
    unmatched = min(factors.values(), default=1.0)
    return [replace(c, weight=c.weight * factors.get(c.label, unmatched)) for c in concepts]


def when_lighter(topic: Query) -> Query:
    """``topic`` (weighted by rarity) where a word that only says when ("after the swap")
    weighs at most half the lightest word of what is asked, however rare: it ranks
    statements that little (it may still have found their articles)."""
    asked = [c.weight for c in topic.concepts if not c.when]
    if asked:
        for c in topic.concepts:
            if c.when:
                c.weight = min(c.weight, 0.5 * min(asked))
    return topic


def preceding(bot: BriefBot, positions: list[Position]) -> dict[tuple[int, str], str]:
    """(article id, start of the evidence's key) -> the sentence before the evidence."""
    ids = sorted({p.article_id for p in positions if p.article_id is not None})
    out: dict[tuple[int, str], str] = {}
    wanted = {(p.article_id, grounded(p.evidence)[:60]) for p in positions}
    previous: Passage | None = None
    for sentence in sentences_of(bot.db, ids):
        key = grounded(sentence.text)
        if previous is None or previous.article_id != sentence.article_id:
            previous = sentence
            continue
        for article_id, probe in wanted:
            if article_id == sentence.article_id and probe and key.startswith(probe[:40]):
                out[(article_id, probe)] = previous.text
        previous = sentence
    return out


def asked_before(
    bot: BriefBot, positions: list[Position]
) -> dict[tuple[int, str], tuple[str, bool]]:
    """(article id, start of the evidence's key) -> the question put to the speaker, when the
    evidence is in a reply: the paragraph before its own asks something (an interview's
    question, "INTERVIEWER: And the frozen assets? Belgium has doubts."), at most LONG long;
    and whether the evidence opens the reply."""
    out: dict[tuple[int, str], tuple[str, bool]] = {}
    wanted = {
        (p.article_id, grounded(p.evidence)[:60]) for p in positions if p.article_id is not None
    }
    ids = sorted({article_id for article_id, _ in wanted})
    for article in bot.articles(ids=ids) if ids else []:
        paragraphs = [collapse_space(x) for x in re.split(r"\n\s*\n", article.text) if x.strip()]
        keys = [grounded(x) for x in paragraphs]
        for article_id, probe in wanted:
            if article_id != article.id or not probe:
                continue
            at = next((k for k, key in enumerate(keys) if probe[:40] in key), -1)
            before = paragraphs[at - 1] if at > 0 else ""
            if "?" in before and len(before) <= LONG and "?" not in paragraphs[at]:
                out[(article_id, probe)] = (before, _opens_reply(keys[at], probe))
    return out


def _opens_reply(paragraph: str, probe: str) -> bool:
    """The evidence (``probe``, grounded) opens its paragraph, after a speaker's label at
    most ("X : Notre position…"): the reply's later sentences may go on to other things ("Le
    Premier ministre l'a rappelé à Paris.") and answer the question less surely."""
    at = paragraph.find(probe[:40])
    return at >= 0 and not _ENDED.search(paragraph[:at])


def rank(
    query: Query,
    positions: list[Position],
    topic: Query,
    relevance: dict[int, float] | None = None,
    *,
    strict: bool = True,
    by_article: bool = True,
    context: dict[tuple[int, str], str] | None = None,
    replies: dict[tuple[int, str], tuple[str, bool]] | None = None,
    apart: set[tuple[int, str]] | None = None,
) -> list[Statement]:
    """Positions as statements, best first: those covering the question's subject (``topic``:
    its words and the other names it uses) in their own words or in their article, on its
    topic tags, then direct quotes and named speakers; when the question has a subject,
    positions matching none of it (nor its topic, nor an article about it when ``by_article``)
    are left out; a position of ``apart`` is never shown with the sentence before it."""
    out: list[Statement] = []
    seen: set[str] = set()
    relevance = relevance or {}
    topics = set(topic.topics)
    # a subject of common words only (in every article) cannot weigh as much as a rare one
    scale = min(1.0, sum(c.weight for c in topic.concepts))
    asked = fold(query.text)
    # the question's own verb of wanting ("réclame"), when a statement uses it too
    verbs = [both_stems(c.label) for c in query.concepts if c.kind == "soft" and " " not in c.label]
    # the names the question itself uses ("Kiev" rather than "Ukraine")
    literal = {w for c in query.entities for w in c.words if len(w) > 3 and w in asked}
    # whose words each stored sentence is (a sentence before may be someone else's statement)
    owners = {grounded(p.evidence)[:60]: (p.party_id, p.speaker) for p in positions}
    for position in positions:
        statement = from_position(position)
        speaker_of = (position.party_id, position.speaker)
        if len(statement.text.split()) < 5 and len(position.evidence) <= SHORT:
            statement.text, statement.quoted = position.evidence, False  # its sentence says more
        if len(statement.text.split()) < 5:
            continue  # a few quoted words are no statement
        key = grounded(statement.text)
        if key in seen:
            continue
        lang = "en" if position.lang == "en" else "fr"
        probe = Passage(-1, statement.article_id, 0, position.lang, position.evidence, [])
        probe.stems = stems(position.evidence, lang)
        probe.party_id, probe.speaker = position.party_id, position.speaker
        score(topic, probe)
        where = (statement.article_id, grounded(position.evidence)[:60])
        before = (context or {}).get(where)
        question, opens = (replies or {}).get(where, ("", False))
        if question and topic.concepts:  # a reply is about what was asked
            put = Passage(-1, 0, 0, position.lang, question, stems(question, lang))
            weight = REPLY if opens else LATER_REPLY
            probe.coverage = max(probe.coverage, weight * score(topic, put).coverage)
        joined = ""
        statement.alone = probe.coverage
        if before and topic.concepts and probe.coverage < 1.0:
            # "toute décision en ce sens": the sentence before says what the statement is about
            wider = Passage(-1, 0, 0, position.lang, before, stems(before, lang))
            own = probe.coverage
            probe.coverage = max(probe.coverage, 0.7 * score(topic, wider).coverage)
            if (
                own < ALONE
                and probe.coverage > own
                and len(before) + len(position.evidence) < LONG
                and owners.get(grounded(before)[:60], speaker_of) == speaker_of
                and _SENTENCE_END.search(position.evidence)
                and where not in (apart or set())
            ):  # not another speaker's sentence, nor the entry before a live blog's heading
                # "cette option", "these are the conditions": shown with what it refers to
                joined = f"{before} {position.evidence}"
        if topic.concepts and not statement.quoted and statement.text != position.evidence:
            # the claim may leave out the words asked about: then show the whole evidence
            shown = Passage(-1, 0, 0, position.lang, statement.text, [])
            shown.stems = stems(statement.text, lang)
            if score(topic, shown).coverage < probe.coverage:
                statement.text = position.evidence
        statement.match = probe.coverage
        statement.around = relevance.get(statement.article_id, 0.0)
        on_topic = bool(topics & set(position.topics))
        # a topic tag weighs as much as its concept: "talks" in every article, little
        tagged = sum(c.weight for c in topic.concepts if c.topic and c.topic in position.topics)
        around = relevance.get(statement.article_id, 0.0)
        unrelated = probe.coverage == 0 and not on_topic and (around < 0.5 or not by_article)
        if strict and topic.concepts and unrelated:
            continue
        seen.add(key)
        length = len(statement.text)
        if joined:  # ranked on its own words, shown with the sentence it refers to
            statement.own = position.evidence
            statement.text, statement.quoted = joined, False
        said = folded(position.evidence)
        wanting = Passage(-1, 0, 0, position.lang, position.evidence, probe.stems)
        statement.score = (
            0.8 * scale * (probe.coverage if topic.concepts else 0.0)
            + 0.4 * scale * around
            + (0.2 if soft_near(query, wanting) else 0.0)
            + (0.25 if any(v & probe.stem_set for v in verbs) else 0.0)
            + 0.2 * min(1.0, tagged)
            + (0.05 if position.kind == "quote" else 0.0)
            + (0.1 if position.speaker else 0.0)
            + (0.1 if any(w in said for w in literal) else 0.0)
            + (CONDITIONAL if sets_condition(query.text, position.evidence) else 0.0)
            + min(len(position.topics), 3) * 0.02
            - (0.2 if length > 300 else 0.1 if length > 200 else 0.0)
        )
        out.append(statement)
    out.sort(key=lambda s: -s.score)
    return distinct(out)


def distinct(statements: list[Statement]) -> list[Statement]:
    """``statements`` without those held in a better one's words; one shown with the sentence
    before it is shown alone when that sentence is already a better statement."""
    kept: list[Statement] = []
    keys: list[str] = []
    for statement in statements:
        key = grounded(statement.text)
        if statement.own and any(k in key for k in keys):
            statement.text = statement.own
            key = grounded(statement.text)
        if any(key in k or k in key for k in keys):
            continue
        kept.append(statement)
        keys.append(key)
    return kept


def party_statements(
    bot: BriefBot,
    party_id: str,
    query: Query,
    *,
    since: datetime | None,
    scope: list[int] | None,
    opener: Callable[[str], str | None] | None = None,
    seat: tuple[str, ...] = (),
) -> list[Statement]:
    """The stored positions of ``party_id`` that answer ``query``, best first; with
    ``opener`` (the party a sentence opens with), a position without a speaker is the party's
    its sentence opens with; with ``seat`` (the folded forms of "the White House"), only what it said itself."""
    who = Query(query.text, [c for c in query.entities if party_id in c.parties and not c.people])
    topic = subject(query, {party_id})
    articles, relevance, topic = articles_about(bot, topic, who, since, scope)
    try:
        positions = said_only(articles, bot.positions(articles, party=party_id))
        if opener is not None:
            others = said_only(articles, bot.positions(articles, all_speakers=True))
    except Exception as exc:  # the analysis engines are optional for answering
        log.warning("positions unavailable for answering: %s", exc)
        return []
    if opener is not None:  # a transcript's captioned quotation: its caption's party's
        sided = captioned(bot, articles, others)
        moved = [(p, q) for p, q in zip(others, sided, strict=True) if p is not q]
        away = {grounded(p.evidence) for p, _ in moved}
        positions = [p for p in positions if grounded(p.evidence) not in away]
        positions += [q for _, q in moved if q.party_id == party_id]
        # "Kiev, à l'inverse, exige…" stored under another party: the sentence's subject's
        positions = [
            p for p in positions if not _unnamed(p) or opener(p.evidence) in (None, party_id)
        ] + [
            p
            for p in others
            if _unnamed(p) and p.party_id != party_id and opener(p.evidence) == party_id
        ]
    if seat:  # "what did the White House say": what it said itself
        positions = [
            p for p in positions if any(f in fold(f"{p.speaker_role} {p.evidence}") for f in seat)
        ]
    context = preceding(bot, positions)
    # "Sweden wants …" before a Danish statement: what it is about, not shown with it
    apart = {
        k for k, v in context.items() if opener is not None and opener(v) not in (None, party_id)
    }
    return rank(
        query,
        positions,
        topic,
        relevance,
        context=context,
        replies=asked_before(bot, positions),
        apart=apart,
    )


def _unnamed(position: Position) -> bool:
    """Said by no one the analysis names: neither a speaker nor someone quoted by their role
    ("« Les Danois veulent tout », résume un haut responsable suédois": the quoted words open
    with the side spoken of, not the speaker's)."""
    quoted = position.evidence.lstrip().startswith(_QUOTE_OPENS)
    return not position.speaker and not (position.speaker_role and quoted)


def opening_party(gazetteer: Gazetteer, text: str) -> str | None:
    """The party a sentence opens with, as its subject ("Kiev, à l'inverse, exige…"), if any."""
    hits = gazetteer.party_hits(text[:OPENING])
    if not hits or text[: hits[0].start].strip(' «"“').lower() not in OPENERS_BEFORE:
        return None
    return hits[0].party_id


def speaker_statements(
    bot: BriefBot, query: Query, *, since: datetime | None, scope: list[int] | None
) -> list[Statement]:
    """The stored positions of every speaker on the question's subject (its words and the
    names it uses, the parties and people it asks about left out), best first."""
    asked = set(query.parties)
    topic = subject(Query(query.text, [c for c in query.concepts if not c.people]), asked)
    if not topic.concepts:
        return []
    articles, relevance, topic = articles_about(bot, topic, Query(query.text), since, scope)
    try:
        positions = said_only(articles, bot.positions(articles, all_speakers=True))
    except Exception as exc:
        log.warning("positions unavailable for answering: %s", exc)
        return []
    return rank(query, positions, topic, relevance, by_article=False)


# a broadcast transcript's caption: "[LABEL : Name – office – …]" alone on its line
_CAPTION = re.compile(
    r"^\[[^\]:]*:\s*(?P<who>[^\]–—]+?)\s*(?:[–—]\s*(?P<role>[^\]–—]*?))?"
    r"\s*(?:[–—][^\]]*)?\]$"
)
_QUOTE_OPENS = ("«", "“", '"')


def captioned(bot: BriefBot, articles: list[Article], positions: list[Position]) -> list[Position]:
    """``positions`` where a quotation a transcript shows under a caption naming its speaker
    ("[SYNTHÉ : X – office]" then « … » on the next line) is X's, with X's office and side
    (the party book's, else none), whoever the analysis gave it to."""
    said: dict[str, tuple[str, str]] = {}
    for a in articles:
        lines = [line.strip() for line in a.text.splitlines() if line.strip()]
        for caption, quote in pairwise(lines):
            m = _CAPTION.match(caption)
            if m is not None and quote.startswith(_QUOTE_OPENS):
                who = m.group("who").split(",")[0].strip()
                said[grounded(quote)[:60]] = (who, (m.group("role") or "").strip())
    if not said:
        return positions
    out: list[Position] = []
    for p in positions:
        found = said.get(grounded(p.evidence)[:60])
        if found is None or fold(found[0]) == fold(p.speaker):
            out.append(p)
            continue
        who, role = found
        person = next(
            (
                q
                for q in bot.book.people
                if fold(who) in {fold(f) for f in (q.name, *q.aliases)}
                or fold(q.surname) in fold(who).split()
            ),
            None,
        )
        party = person.party_id if person is not None else "OTHER"
        out.append(replace(p, speaker=who, speaker_role=role, party_id=party))
    return out


def speaks_as(
    position: Position, person: Person | None, name: str, naming: set[int] | None = None
) -> bool:
    """Whether the position is the person's: by its speaker; or, with no speaker, when its
    sentence names the person ("Russia's ambassador, Vassily Nebenzia, defended…") or gives
    the person's role in an article naming them (``naming``: such articles' ids; "le
    secrétaire général" in an article about Mark Rutte)."""
    speaker = fold(position.speaker)
    if not speaker:
        return person is not None and unnamed_is(position, person, naming or set())
    if person is not None:
        forms = {fold(f) for f in (person.name, *person.aliases)}
        return speaker in forms or fold(person.surname) in speaker.split()
    return bool(name) and bool(name_variants(name.split()[-1]) & set(speaker.split()))


def unnamed_is(position: Position, person: Person, naming: set[int]) -> bool:
    """A position without a named speaker that is the person's (see ``speaks_as``)."""
    role = {w for w in tokens(position.speaker_role) if w not in STOPWORDS}
    held = set(tokens(f"{person.role_fr} {person.role_en}"))
    if role and not (len(role) >= 2 and role <= held):
        return False  # said by someone else ("according to Turkish officials")
    evidence = set(tokens(position.evidence))
    names = [tokens(f) for f in (person.name, *person.aliases)]
    party = position.party_id in (person.party_id, "OTHER")
    if party and any(n and set(n) <= evidence for n in names):
        return True  # (another party's statement naming the person is not the person's)
    return bool(role) and party and position.article_id in naming


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
    people = {person.name} if person is not None else set()
    unknown = fold(name).split()
    named = [
        c
        for c in query.entities
        if (person is not None and person.name in c.people) or (unknown and c.label in unknown)
    ]
    topic = subject(
        Query(query.text, [c for c in query.concepts if not (unknown and c.label in unknown)]),
        set(),
        people,
    )
    articles, relevance, topic = articles_about(bot, topic, Query(query.text, named), since, scope)
    try:
        positions = said_only(articles, bot.positions(articles, all_speakers=True))
    except Exception as exc:
        log.warning("positions unavailable for answering: %s", exc)
        return []
    naming: set[int] = set()
    if person is not None:
        forms = [fold(f) for f in (person.name, *person.aliases) if len(f) > 3]
        for a in articles:  # the articles naming the person
            if a.id is not None and any(f in folded(a.text) for f in forms):
                naming.add(a.id)
    positions = captioned(bot, articles, positions)
    own = [p for p in positions if speaks_as(p, person, name, naming)]
    return rank(
        query,
        own,
        topic,
        relevance,
        strict=strict,
        context=preceding(bot, own),
        replies=asked_before(bot, own),
    )
