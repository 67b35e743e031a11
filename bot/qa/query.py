"""A question turned into concepts to look for: named entities (parties, people, proper nouns),
content words and topics (with their French/English equivalents) and soft words.

A sentence answers well when it names the entities and covers most of the content weight;
soft words ("want", "réclame") only help ranking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from bot.qa.lexicon import (
    Mention,
    MentionFinder,
    Phrase,
    bridge_forms,
    bridge_phrases,
    bridge_words,
    demonym_forms,
    ordinal_forms,
    phrase_forms,
    plural_verb_forms,
    soft_group,
)
from bot.qa.text import QUESTION_WORDS, STOPWORDS, both_stems, tokens
from bot.qa.vocabulary import BRIDGE, SOFT, question_data
from bot.textnorm import fold

ConceptKind = Literal["entity", "content", "soft"]
_COORD = re.compile(r"^\s*(,|et|and|ou|or|&)?\s*((la|le|les|l'|l’|the)\s*)?$", re.IGNORECASE)
CALENDAR = frozenset(
    fold(w) for group in ("months", "days") for w in question_data()["calendar"][group]
)
# abbreviated months ("the attack of Dec. 3"): no proper name when written with their dot
SHORT_MONTHS = frozenset(fold(w).rstrip(".") for w in question_data()["calendar"]["months_short"])
_CAPITALISED = re.compile(r"(?<![\w'’-])([A-ZÀ-Þ][\w’'-]+)(\.?)")


@dataclass
class Concept:
    label: str
    kind: ConceptKind
    forms: set[Phrase]
    weight: float = 1.0
    parties: tuple[str, ...] = ()  # party ids this concept stands for
    people: tuple[str, ...] = ()
    topic: str | None = None
    words: set[str] = field(default_factory=set)  # folded surface words, for PostgreSQL
    when: bool = False  # it only says when ("a ceasefire after the swap")
    # a party's short names in capitals ("EU", "UK"), matched as written in a sentence: folded
    # and stemmed they are other words ("eu", "us")
    cased: frozenset[str] = frozenset()

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": self.kind,
            "forms": sorted(" ".join(f) for f in self.forms),
            "weight": self.weight,
            "parties": list(self.parties),
            "people": list(self.people),
            "topic": self.topic,
            "words": sorted(self.words),
            "when": self.when,
            "cased": sorted(self.cased),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Concept:
        return cls(
            label=data["label"],
            kind=data["kind"],
            forms={tuple(f.split()) for f in data["forms"]},
            weight=float(data["weight"]),
            parties=tuple(data.get("parties", ())),
            people=tuple(data.get("people", ())),
            topic=data.get("topic"),
            words=set(data.get("words", ())),
            when=bool(data.get("when", False)),
            cased=frozenset(data.get("cased", ())),
        )


@dataclass
class Query:
    text: str
    concepts: list[Concept] = field(default_factory=list)

    @property
    def entities(self) -> list[Concept]:
        return [c for c in self.concepts if c.kind == "entity"]

    @property
    def content(self) -> list[Concept]:
        return [c for c in self.concepts if c.kind == "content"]

    @property
    def parties(self) -> list[str]:
        return [p for c in self.concepts for p in c.parties]

    @property
    def people(self) -> list[str]:
        return [p for c in self.concepts for p in c.people]

    @property
    def topics(self) -> list[str]:
        return [c.topic for c in self.concepts if c.topic]

    def all_forms(self) -> set[Phrase]:
        return {f for c in self.concepts for f in c.forms}

    def all_words(self) -> set[str]:
        return {w for c in self.concepts for w in c.words}

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "concepts": [c.to_json() for c in self.concepts]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Query:
        return cls(data["text"], [Concept.from_json(c) for c in data["concepts"]])


def _entity(mention: Mention, book_name: str) -> Concept:
    if mention.kind == "person":
        return Concept(
            mention.key,
            "entity",
            set(mention.forms),
            2.0,
            parties=(mention.party_id,) if mention.party_id else (),
            people=(mention.key,),
            words=set(mention.words),
        )
    return Concept(
        book_name,
        "entity",
        set(mention.forms),
        2.0,
        parties=(mention.key,),
        words=set(mention.words),
        cased=mention.cased,
    )


def _merge_coordinated(question: str, mentions: list[Mention], concepts: list[Concept]) -> None:
    """ "Russia and Ukraine": consecutive party mentions joined by and/et become one concept."""
    i = 0
    while i < len(concepts) - 1:
        a, b = mentions[i], mentions[i + 1]
        between = question[a.span[1] : b.span[0]]
        if (
            a.kind == b.kind == "party"
            and concepts[i].kind == concepts[i + 1].kind == "entity"
            and _COORD.match(between)
        ):
            merged = concepts[i]
            merged.label = f"{merged.label} / {concepts[i + 1].label}"
            merged.forms |= concepts[i + 1].forms
            merged.words |= concepts[i + 1].words
            merged.cased |= concepts[i + 1].cased
            merged.parties = merged.parties + concepts[i + 1].parties
            del concepts[i + 1]
            del mentions[i + 1]
        else:
            i += 1


def parse_question(question: str, finder: MentionFinder) -> Query:
    """The concepts of ``question`` (French or English)."""
    phrases = bridge_phrases(question) + hyphenated(question)
    # a topic word inside a longer glossary phrase is that phrase ("military" in "military
    # activity"), and so is a party's adjective ("russes" in "avoirs russes")
    mentions = [
        m
        for m in finder.find(question)
        if m.kind == "person"
        or not any(
            s <= m.span[0] and m.span[1] <= e and e - s > m.span[1] - m.span[0]
            for _, s, e in phrases
        )
    ]
    folded = fold(question)
    concepts: list[Concept] = []
    concept_mentions: list[Mention] = []
    for m in mentions:
        if m.kind in ("party", "person"):
            party = finder.book.get(m.key) if m.kind == "party" else None
            concepts.append(_entity(m, party.name_en if party else m.key))
        elif m.kind == "topic":
            concepts.append(
                Concept(m.key, "content", set(m.forms), 1.5, topic=m.key, words=set(m.words))
            )
        else:
            continue
        concept_mentions.append(m)
    _merge_coordinated(question, concept_mentions, concepts)
    concepts += institution_words(question, mentions, finder)
    # blank out what mentions consumed (every time a name comes back: "le Royaume-Uni …
    # d'après Downing Street"), then look at the remaining words
    chars = list(folded)
    for m in [*mentions, *repeated_mentions(question, finder)]:
        for k in range(m.span[0], m.span[1]):
            chars[k] = " "
    for start, end in stop_phrases(question):
        for k in range(start, end):
            chars[k] = " "
    for entry, start, end in sorted(phrases, key=lambda p: p[1] - p[2]):
        if all(chars[k] == folded[k] for k in range(start, end)):
            concepts.append(
                Concept(entry, "content", bridge_forms(entry), 1.0, words=bridge_words(entry))
            )
            for k in range(start, end):
                chars[k] = " "
    rest = "".join(chars)
    proper = {fold(w) for w in _capitalised(question)}
    written = {fold(w): w for w in re.findall(r"\w+", question)}
    seen: set[str] = set()
    for word in tokens(rest):
        if len(word) < 2 or word in STOPWORDS or word in QUESTION_WORDS or word.isdigit():
            continue
        if word in seen:
            continue
        seen.add(word)
        soft = soft_group(word)
        if soft is not None:
            forms = set().union(*(phrase_forms(w) for w in SOFT[soft]))
            words = {fold(w) for w in SOFT[soft]}
            concepts.append(Concept(word, "soft", forms, 0.3, words=words))
        elif word in proper:  # with the glossary's other spellings ("Odesa", "Odessa")
            stems: set[Phrase] = {(s,) for s in both_stems(word)} | bridge_forms(word)
            stems |= demonym_forms(word)
            concepts.append(Concept(word, "entity", stems, 2.0, words=bridge_words(word)))
        else:
            # the word as written keeps the accent of a participle ("paraphé")
            forms = bridge_forms(word) | plural_verb_forms(written.get(word, word))
            forms |= ordinal_forms(word)
            concepts.append(Concept(word, "content", forms, 1.0, words=bridge_words(word)))
    _dedupe_bridged(concepts)
    when = time_context(question)
    for c in concepts:  # "a ceasefire after the swap": the swap only says when
        if c.kind == "content" and when and set(tokens(c.label)) <= when:
            c.weight *= 0.5
            c.when = True
    return Query(question, concepts)


_HYPHENATED = re.compile(r"(?<![\w-])\w+(?:-\w+)+(?![\w-])")


def hyphenated(question: str) -> list[tuple[str, int, int]]:
    """Hyphenated words the glossary lists whole ("de-escalating"): one concept, as a phrase
    is (the word split at its hyphens would be other words)."""
    return [
        (m.group(), m.start(), m.end())
        for m in _HYPHENATED.finditer(fold(question))
        if len(bridge_words(m.group())) > 1
    ]


def repeated_mentions(question: str, finder: MentionFinder, rounds: int = 3) -> list[Mention]:
    """The mentions of ``question`` after the first of each party, person or topic (the
    finder gives one per entity): "the EU's top diplomat … Europe", "Downing Street"."""
    text = question
    out: list[Mention] = []
    first = finder.find(text)
    found = first
    for _ in range(rounds):
        for m in found:  # not spaces: the words around a blanked name are not one phrase
            text = text[: m.span[0]] + "#" * (m.span[1] - m.span[0]) + text[m.span[1] :]
        found = finder.find(text)
        if not found:
            break
        out += found
    return sorted(out, key=lambda m: m.span[0])


def institution_words(
    question: str, mentions: list[Mention], finder: MentionFinder
) -> list[Concept]:
    """ "l'armée ukrainienne", "the Russian defence ministry": a party named by one of its
    institutions; the institution's own words ("armée", "défense") are also what is asked."""
    out: list[Concept] = []
    for m in mentions:
        party = finder.book.get(m.key) if m.kind == "party" else None
        if party is None:
            continue
        surface = fold(question[m.span[0] : m.span[1]])
        if surface not in {fold(i) for i in party.institutions}:
            continue
        names = {
            w
            for n in (party.name_fr, party.name_en, *party.aliases, *party.demonyms)
            for w in tokens(n)
        }
        for word in tokens(surface):
            if word not in STOPWORDS and word not in names and len(word) > 2:
                out.append(
                    Concept(word, "content", bridge_forms(word), 1.0, words=bridge_words(word))
                )
    return out


@lru_cache(maxsize=1)
def _time_words() -> re.Pattern[str]:
    words = sorted(question_data()["context"]["time"], key=len, reverse=True)
    cue = "|".join(re.escape(fold(w)).replace("\\ ", r"\s+") for w in words)
    return re.compile(
        rf"(?<!\w)(?:{cue})\s+(?:(?:the|a|an|le|la|les|l'|du|de la|des|de|d')\s*)?([^\W\d]+)"
    )


def time_context(question: str) -> set[str]:
    """The words right after "after", "avant", "depuis"…: when, not what, is asked about."""
    return {m.group(1) for m in _time_words().finditer(fold(question).replace("’", "'"))}


@lru_cache(maxsize=1)
def _stop_phrases() -> re.Pattern[str]:
    phrases = sorted(question_data()["stop"]["phrases"], key=len, reverse=True)
    parts = []
    for p in phrases:
        body = re.escape(fold(p)).replace("'", "['’]").replace("\\ ", r"\s+")
        parts.append(body + ("" if p.endswith("'") else r"(?!\w)"))
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")")


def stop_phrases(question: str) -> list[tuple[int, int]]:
    """Where the linking phrases of questions.toml ("en échange de") are in the question."""
    return [m.span() for m in _stop_phrases().finditer(fold(question))]


def with_soft(query: Query, group: str) -> Query:
    """``query`` with the soft words of ``group`` of questions.toml ("want") if it has none."""
    if any(c.kind == "soft" for c in query.concepts):
        return query
    words = question_data()["soft"][group]
    forms = set().union(*(phrase_forms(w) for w in words))
    soft = Concept(group, "soft", forms, 0.3, words={fold(w) for w in words})
    return Query(query.text, [*query.concepts, soft])


def proper_names(query: Query, *, besides: str = "") -> list[Concept]:
    """The question's capitalised words that the gazetteer does not know (a place, an event,
    a venue: "à la conférence de Lille"), the words of ``besides`` (a name asked about) left
    out."""
    capitalised = {fold(w) for w in _capitalised(query.text)} - set(tokens(besides))
    # the words of a known name ("Conseil de sécurité", an institution of a party)
    known = [c for c in query.entities if c.parties or c.people]
    capitalised -= {w for c in known for name in c.words for w in tokens(name)}
    return [
        c
        for c in query.concepts
        if c.kind != "soft"
        and not c.parties
        and not c.people
        and not c.topic
        and c.label in capitalised
    ]


_OF_PLACE = r"(?:de|d'|du|des|of|in|at|a|au|aux)"


def places_asked(query: Query, known: list[str] | None = None) -> list[str]:
    """The labels of the places a question names that the gazetteer does not know (and of
    ``known``, the labels of places it knows that the question says something happened in),
    and of the event each names ("les discussions de Genève", "the Geneva framework", "the
    talks in Istanbul"): an answering sentence may leave them to its article."""
    names = proper_names(query)
    names += [c for c in query.concepts if c.label in (known or ()) and c not in names]
    folded = fold(query.text).replace("’", "'")
    words: set[str] = set()
    for c in names:
        for w in {c.label, *c.words}:
            at = re.escape(w)
            for m in re.finditer(rf"([\w-]+)\s+{_OF_PLACE}\s*{at}(?!\w)", folded):
                words.add(m.group(1))
            for m in re.finditer(rf"(?<!\w){at}\s+([\w-]+)", folded):
                words.add(m.group(1))
    events = [c.label for c in query.content if c not in names and ({c.label, *c.words} & words)]
    return [c.label for c in names] + events


def _capitalised(question: str) -> list[str]:
    """Capitalised words that are not the first word: likely proper nouns."""
    first = re.match(r"\W*([\w’'-]+)", question)
    out = []
    for w, dot in _CAPITALISED.findall(question):
        if dot and fold(w) in SHORT_MONTHS:
            continue
        if first and w == first.group(1) and question.strip().startswith(w):
            continue
        if fold(w) in STOPWORDS or fold(w) in QUESTION_WORDS or fold(w) in CALENDAR:
            continue
        out.append(w)
    return out


def _dedupe_bridged(concepts: list[Concept]) -> None:
    """Two question words that translate each other ("plan"/"projet") count once."""
    i = 0
    while i < len(concepts):
        j = i + 1
        while j < len(concepts):
            a, b = concepts[i], concepts[j]
            if a.kind == b.kind == "content" and a.forms & b.forms and not a.topic and not b.topic:
                a.forms |= b.forms
                a.words |= b.words
                del concepts[j]
            else:
                j += 1
        i += 1


__all__ = ["BRIDGE", "Concept", "Query", "parse_question"]
