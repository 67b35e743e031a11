"""Conversation context for follow-up questions, kept per (platform, chat id) in the database.

The last question of a chat (its parsed concepts, the sentences quoted and the articles it was
restricted to) survives restarts and expires after ``settings.followup_ttl_minutes``. A short
follow-up ("et la Russie ?", "and on sanctions?", "pourquoi ?") is resolved against it; every
read and write is keyed by the chat, so one chat's context never reaches another.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from bot.qa.query import Concept, Query, places_asked, stop_phrases
from bot.qa.text import QUESTION_WORDS, tokens
from bot.qa.understand import without_source
from bot.qa.vocabulary import question_data
from bot.store import Database
from bot.store.meta import utcnow
from bot.store.qa_tables import qa_followups

_WHY = re.compile(
    r"^\s*(et\s+|and\s+|mais\s+|but\s+)?(pourquoi|why|how come|pour quelle raison|"
    r"comment ça|comment cela|why so|why is that|et pourquoi donc)\s*(donc|so|that)?\s*[?!.]*\s*$",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^\s*(et|and|what about|how about|and what about|qu['’]en est-il (de|du|des)|"
    r"et (pour|du côté de|côté|concernant|sur)|and (for|on|about))\b",
    re.IGNORECASE,
)
# "why was he there?", "so why hasn't the meeting happened?": a short why about the answer
_WHY_LED = re.compile(
    r"^\s*(?:so\s+|and\s+|et\s+|mais\s+|but\s+|alors\s+)?(?:why|pourquoi)\b", re.I
)
_WHO_SAID = re.compile(
    r"^\s*(?:and\s+|et\s+|so\s+|alors\s+)?(?:who\s+(?:said|says|say)\s+(?:that|this|it|so)|"
    r"qui\s+(?:a\s+dit|dit)\s+(?:ça|cela|ceci|celà)|qui\s+l['’]a\s+dit|who\s+was\s+it)\s*[?!.]*\s*$",
    re.I,
)
_WHO_ELSE = re.compile(
    r"^\s*(?:and\s+|et\s+|so\s+|alors\s+)?(?:who\s+else|qui\s+d['’]autre|anyone\s+else|"
    r"quelqu['’]un\s+d['’]autre|what\s+about\s+(?:the\s+)?others|et\s+les\s+autres)\b",
    re.I,
)
# a pronoun standing for the person of the previous question ("what does he think…")
_PRONOUN = re.compile(
    r"^\s*(?:and\s+|et\s+|so\s+)?(?:(?:what|how|why)\s+(?:does|did|do|has|is|was|would)\s+"
    r"(?:he|she)|qu['’](?:a|a-t)?-?t?-?(?:il|elle)|que\s+(?:pense|dit|veut|propose)-t?-?(?:il|elle)|"
    r"(?:pourquoi|comment)\s+(?:a|a-t)-?t?-?(?:il|elle)|(?:does|did|is|was)\s+(?:he|she))\b",
    re.I,
)
MAX_FOLLOWUP_WORDS = 7


@dataclass
class Context:
    """What a chat asked last."""

    answer_id: str
    lang: str
    question: str
    query: Query
    passages: list[int] = field(default_factory=list)  # sentence ids quoted
    articles: list[int] = field(default_factory=list)  # articles the passages came from
    scope: list[int] | None = None  # the articles the question was restricted to (a digest)
    kind: str = "general"  # what the question asked (bot.qa.understand.Kind)
    speakers: list[str] = field(default_factory=list)  # who the answer's statements quote
    person: str = ""  # the person the question asked about, if any

    def state(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "speakers": self.speakers,
            "person": self.person,
            "query": self.query.to_json(),
            "passages": self.passages,
            "articles": self.articles,
            "scope": self.scope,
        }


@dataclass
class Resolved:
    query: Query
    why: bool = False
    previous: Context | None = None
    scope: list[int] | None = None


def save(db: Database, platform: str, chat_id: str, ctx: Context, answer_text: str) -> None:
    """Replace the chat's context."""
    values = {
        "answer_id": ctx.answer_id,
        "lang": ctx.lang,
        "question": ctx.question,
        "answer": answer_text,
        "state": ctx.state(),
        "updated_at": utcnow(),
    }
    where = (qa_followups.c.platform == platform, qa_followups.c.chat_id == chat_id)
    for _ in range(2):
        with db.engine.begin() as conn:
            updated = conn.execute(qa_followups.update().where(*where).values(**values))
            if updated.rowcount:
                return
            try:
                with conn.begin_nested():
                    conn.execute(
                        qa_followups.insert().values(platform=platform, chat_id=chat_id, **values)
                    )
                return
            except sa.exc.IntegrityError:
                continue  # inserted concurrently: update it on the next turn


def load(
    db: Database, platform: str, chat_id: str, ttl_minutes: int, now: datetime | None = None
) -> Context | None:
    """The chat's context unless it has expired (expired contexts are deleted)."""
    where = (qa_followups.c.platform == platform, qa_followups.c.chat_id == chat_id)
    with db.engine.connect() as conn:
        row = conn.execute(sa.select(qa_followups).where(*where)).first()
    if row is None:
        return None
    if row.updated_at + timedelta(minutes=ttl_minutes) < (now or utcnow()):
        clear(db, platform, chat_id)
        return None
    state = row.state
    return Context(
        answer_id=row.answer_id,
        lang=row.lang,
        question=row.question,
        query=Query.from_json(state["query"]),
        passages=list(state.get("passages", [])),
        articles=list(state.get("articles", [])),
        scope=state.get("scope"),
        kind=state.get("kind", "general"),
        speakers=list(state.get("speakers", [])),
        person=state.get("person", ""),
    )


def clear(db: Database, platform: str, chat_id: str) -> None:
    with db.engine.begin() as conn:
        conn.execute(
            qa_followups.delete().where(
                qa_followups.c.platform == platform, qa_followups.c.chat_id == chat_id
            )
        )


# "pourquoi Kyiv refuse-t-il ce délai ?", "why does Paris reject this plan?": a noun of the
# previous answer named with a demonstrative
_BACK = re.compile(r"(?<![\w'’])(?:ce|cet|cette|ces|this|that|these|those)\s+[^\W\d]{3,}", re.I)


def refers_back(question: str) -> bool:
    """A question naming something with a demonstrative ("ce délai", "this plan"): about the
    previous answer, answered from its articles first."""
    return bool(_BACK.search(question))


def is_led(question: str) -> bool:
    """ "why?", "who said that?", "who else?", or led by "and", "et", "what about"…: a
    follow-up whatever else it says."""
    return bool(
        _WHY.match(question)
        or _LEAD.match(question)
        or is_who_said(question)
        or is_who_else(question)
        or _WHY_LED.match(question)
    )


def is_why(question: str, query: Query | None = None) -> bool:
    """ "why?", or a short why naming no party or person ("why was he there?")."""
    if _WHY.match(question):
        return True
    if query is None or not _WHY_LED.match(question):
        return False
    short = len(tokens(question)) <= MAX_FOLLOWUP_WORDS
    return short and not any(c.parties or c.people for c in query.entities)


def asks_why(question: str) -> bool:
    """A question led by "why" / "pourquoi" (asked alone or as a follow-up)."""
    return bool(_WHY_LED.match(question))


def is_who_said(question: str) -> bool:
    """ "who said that?": the speaker of the previous answer."""
    return bool(_WHO_SAID.match(question))


def is_who_else(question: str) -> bool:
    """ "who else?": other speakers on the previous question's subject."""
    return bool(_WHO_ELSE.match(question))


def refers_to_person(question: str) -> bool:
    """ "what does he think…": a pronoun for the previous question's person."""
    return bool(_PRONOUN.match(question))


def on_same_subject(question: str) -> bool:
    """ "Et que prévoit le projet à ce sujet ?", "what does X say about that?": the previous
    question's subject is still asked."""
    folded = f" {' '.join(tokens(question))} "
    return any(f" {' '.join(tokens(p))} " in folded for p in _same_subject())


@lru_cache(maxsize=1)
def _same_subject() -> tuple[str, ...]:
    return tuple(question_data()["followup"]["same_subject"])


def looks_like_followup(question: str, query: Query) -> bool:
    """Short, and either "why?", led by "and/et/what about", or without content words."""
    if is_why(question, query) or is_who_said(question) or is_who_else(question):
        return True
    if on_same_subject(question):  # "Et que prévoit le traité à ce sujet ?"
        return True
    # where the answer is to be read ("according to the Downing Street readout") adds words,
    # not a new question
    if len(tokens(_linking_words_out(without_source(question)))) > MAX_FOLLOWUP_WORDS:
        return False
    if _LEAD.match(question) or not query.concepts:  # "où ?", "when?": of what was asked
        return True
    bare = not any(w in QUESTION_WORDS for w in tokens(question))
    return bare and not query.content and all(c.kind == "entity" for c in query.concepts)


def _linking_words_out(question: str) -> str:
    """``question`` without the phrases that only link its words ("in exchange", "au sujet
    de": [stop] phrases of questions.toml): "And what is Russia asking for in exchange?" is
    as short as a follow-up."""
    chars = list(question)
    for start, end in stop_phrases(question):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _replace(kinds: tuple[str, ...], old: list[Concept], new: list[Concept]) -> list[Concept]:
    return [c for c in old if c.kind not in kinds] + new


def _new_subject(old: list[Concept], new: list[Concept]) -> list[Concept]:
    """ "Quelle est la position de X sur l'achat de gaz de Y ?" then "Et Z ?": the new names
    take the place of the one the previous question asked about (its first name), not of the
    others it named as part of what it asked (Y's gas), which are kept."""
    entities = [c for c in old if c.kind == "entity"]
    named = {p for c in new for p in (*c.parties, *c.people)}
    kept = [
        c
        for c in entities[1:]
        if not (set(c.parties) | set(c.people)) & named and not (c.people and entities[0].people)
    ]
    out: list[Concept] = []
    for c in old:
        if c is (entities[0] if entities else None):
            out += new  # where the previous question named whom it asked about
        elif c.kind != "entity" or c in kept:
            out.append(c)
    return out if entities else old + new


def resolve(
    question: str, query: Query, previous: Context | None, *, fact: bool = False
) -> Resolved:
    """The question to answer: ``query`` itself, or the previous question adjusted by it; a
    follow-up asking a fact (``fact``: "Et combien de morts ?") keeps the places the previous
    question named and the events named by them (the night of strikes on a region, the
    talks in a town)."""
    if previous is None or not looks_like_followup(question, query):
        return Resolved(query)
    base = previous.query
    if is_why(question, query):
        # the why's own words ("the meeting") help tell the reasons apart
        extra = [c for c in query.concepts if c.kind == "content"]
        concepts = [*base.concepts, *extra]
        return Resolved(Query(base.text, concepts), True, previous, previous.scope)
    if is_who_said(question) or is_who_else(question):
        return Resolved(Query(base.text, list(base.concepts)), False, previous, previous.scope)
    new_entities = [c for c in query.concepts if c.kind == "entity"]
    new_content = [c for c in query.concepts if c.kind == "content"]
    if not new_entities and not new_content:
        if fact and not query.concepts:  # "where?": where what was asked happens
            text = f"{base.text} → {question}"
            return Resolved(Query(text, list(base.concepts)), False, previous, previous.scope)
        return Resolved(query)
    concepts = list(base.concepts)
    if new_entities:
        concepts = _new_subject(concepts, new_entities)
    if new_content:
        asked = {c.label for c in new_content}
        setting = set(places_asked(base)) if fact else set()
        if on_same_subject(question):
            setting = {c.label for c in base.content}
        kept = [c for c in base.content if c.label in setting - asked]
        concepts = _replace(("content",), concepts, new_content + kept)
    text = f"{base.text} → {question}"
    return Resolved(Query(text, concepts), False, previous, previous.scope)
