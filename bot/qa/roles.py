"""People named by their role and party in a question ("la cheffe de la diplomatie
européenne", "the UN Secretary-General"): the person of the party book who holds that role, so
that the question is read as naming them. The roles a position question already answers from
the party's statements said in that role ("Hungary's foreign minister", [roles] words of
bot/qa/data/questions.toml) are left to it.

Role groups, the words joining a party to its role and the words of a former role are data
(bot/qa/data/questions.toml, [person_roles]).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.models import Person
from bot.domain.parties import PartyBook
from bot.qa.lexicon import Mention, MentionFinder
from bot.qa.query import repeated_mentions
from bot.qa.vocabulary import question_data
from bot.textnorm import fold


@dataclass(frozen=True)
class RoleMention:
    """A role held by a known person, named with its party: where, and who holds it."""

    span: tuple[int, int]
    person: Person


@dataclass(frozen=True)
class OfficeMention:
    """A role asked about that no one person of the party book answers for: an office only
    one party's officials hold ("le ministre des Armées", "the State Department
    spokesperson"), or a role and party several or none of the book hold ("le secrétaire
    général de l'Otan" with a former holder listed). Its speaker is whoever the articles
    give that role: ``forms`` are the role's folded words in both languages."""

    span: tuple[int, int]
    party_id: str
    forms: frozenset[str]


def _phrase(text: str) -> str:
    body = re.escape(fold(text)).replace("\\ ", r"\s+").replace("'", "['’]")
    return rf"(?<![\w-]){body}(?![\w-])"


@lru_cache(maxsize=1)
def _groups() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile("|".join(_phrase(p) for p in sorted(group, key=len, reverse=True)))
        for group in question_data()["person_roles"]["groups"]
    )


@lru_cache(maxsize=1)
def _joins() -> frozenset[str]:
    return frozenset(fold(j).replace("’", "'") for j in question_data()["person_roles"]["joins"])


@lru_cache(maxsize=1)
def _former() -> re.Pattern[str]:
    words = question_data()["person_roles"]["former"]
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(fold(w)) for w in words) + r")\b")


@lru_cache(maxsize=1)
def _party_role() -> re.Pattern[str]:
    """The roles a position question restricts the party's statements to ([roles] words)."""
    return re.compile("|".join(_phrase(w) for w in question_data()["roles"]["words"]))


def role_group(role: str) -> int | None:
    """The first role group a role's words belong to ("premier ministre belge": prime
    minister); None for a former role or one of no group."""
    folded = fold(role)
    if _former().search(folded):
        return None
    return next((n for n, g in enumerate(_groups()) if g.search(folded)), None)


def holders(book: PartyBook, party_id: str, group: int) -> list[Person]:
    """The people of ``party_id`` whose role (in French or English) is of ``group``, in the
    party book's order."""
    return [
        p
        for p in book.people
        if p.party_id == party_id
        and (role_group(p.role_fr) == group or role_group(p.role_en) == group)
    ]


def _holder(people: list[Person], asked: str) -> Person | None:
    """The one person holding the role; among several, the one whose role is worded as the
    question words it ("la cheffe de la diplomatie"), else nobody (the book keeps former
    holders too)."""
    if len(people) == 1:
        return people[0]
    key = re.sub(r"\s+", " ", asked)
    worded = [p for p in people if key in fold(f"{p.role_fr} | {p.role_en}")]
    return worded[0] if len(worded) == 1 else None


def _joined(between: str) -> bool:
    """Whether the text between a party and a role only joins them ("'s", " de la ")."""
    rest = fold(between).replace("’", "'").strip()
    return not rest or rest in _joins() or rest.lstrip("'") in _joins()


def _joined_party(
    folded: str, parties: list[Mention], start: int, end: int
) -> tuple[Mention, tuple[int, int]] | None:
    """The first party named next to the role at ``start:end`` ("la cheffe de la diplomatie
    européenne", "Russia's foreign minister") and the span of both, or None."""
    for party in parties:
        ps, pe = party.span
        if pe <= start and _joined(folded[pe:start]):
            return party, (ps, end)
        if ps >= end and _joined(folded[end:ps]):
            return party, (start, pe)
    return None


def role_mentions(question: str, finder: MentionFinder) -> list[RoleMention]:
    """The roles of ``question`` named with a party next to them, each resolved to the person
    of the party book holding it (people the question names are left as named)."""
    folded = fold(question)
    mentions = finder.find(question)
    named = {m.key for m in mentions if m.kind == "person"}
    every = [*mentions, *repeated_mentions(question, finder)]
    parties = [m for m in every if m.kind == "party"]
    book = finder.book
    out: list[RoleMention] = []
    for number, pattern in enumerate(_groups()):
        for m in pattern.finditer(folded):
            start, end = m.span()
            if any(s < end and start < e for s, e in (r.span for r in out)):
                continue  # "vice-président" is no "président"
            if _party_role().search(m.group()):
                continue  # answered from the party's words said in that role (bot.qa.respond)
            joined = _joined_party(folded, parties, start, end)
            if joined is not None:
                party, span = joined
                person = _holder(holders(book, party.key, number), m.group())
                if person is not None and person.name not in named:
                    out.append(RoleMention(span, person))
    return sorted(out, key=lambda r: r.span)


def office_mentions(question: str, finder: MentionFinder) -> list[OfficeMention]:
    """The offices of the party book ([party] offices) named in ``question``, and its roles
    named with a party (as ``role_mentions`` reads them) that no single person of the book
    holds, longest first, without overlaps."""
    folded = fold(question).replace("’", "'")
    book = finder.book
    out: list[OfficeMention] = []

    def add(span: tuple[int, int], party_id: str, forms: set[str]) -> None:
        if not any(s < span[1] and span[0] < e for s, e in (o.span for o in out)):
            out.append(OfficeMention(span, party_id, frozenset(forms)))

    offices = [(fold(o).replace("’", "'"), p.id) for p in book.parties for o in p.offices]
    for office, party_id in sorted(offices, key=lambda o: -len(o[0])):
        for m in re.finditer(_phrase(office), folded):
            add(m.span(), party_id, {office})
    every = [*finder.find(question), *repeated_mentions(question, finder)]
    parties = [m for m in every if m.kind == "party"]
    group_forms = question_data()["person_roles"]["groups"]
    for number, pattern in enumerate(_groups()):
        forms = {fold(f).replace("’", "'") for f in group_forms[number]}
        for m in pattern.finditer(folded):
            start, end = m.span()
            if _former().search(folded[max(0, start - 12) : start]):
                continue  # "l'ancien secrétaire général": no one's words now
            joined = _joined_party(folded, parties, start, end)
            if joined is not None:
                party, span = joined
                if _holder(holders(book, party.key, number), m.group()) is None:
                    add(span, party.key, forms)
    return sorted(out, key=lambda o: o.span)


def with_people(question: str, roles: list[RoleMention]) -> str:
    """``question`` with each role and party replaced by the name of who holds it."""
    for r in sorted(roles, key=lambda r: -r.span[0]):
        question = question[: r.span[0]] + r.person.name + question[r.span[1] :]
    return question
