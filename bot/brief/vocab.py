"""The composer's reviewed word lists (bot/brief/data/*.toml), loaded once: acts of saying and
stances, topic phrases, month names, office words."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Act:
    """What a speaker did: 'rejects', 'demands', 'says'…, and which side of a dispute it is."""

    key: str
    side: str  # ask | refuse | other
    en: str
    en_target: str
    fr: str
    pattern: re.Pattern[str]
    en_alone: str = "{act} the following"  # with no issue or target named


@cache
def _load(name: str) -> dict[str, Any]:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def _words_re(forms: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(forms) + ")", re.IGNORECASE)


@cache
def acts() -> tuple[Act, ...]:
    return tuple(
        Act(
            a["key"],
            a["side"],
            a["en"],
            a["en_target"],
            a["fr"],
            _words_re(a["forms"]),
            a.get("en_alone", "{act} the following"),
        )
        for a in _load("acts.toml")["act"]
    )


def act_of(text: str, before: str = "") -> Act | None:
    """The first act (in file order: stances first) whose verb form occurs in ``text``, not in
    a passive or a condition ("whatever is agreed", "unless others agreed to share the risk");
    ``before`` is the text that precedes ``text``, read for such a condition."""
    return next((act for _, _, act in _speakers_acts(text, before)), None)


def first_act(text: str) -> tuple[Act, int] | None:
    """The act whose verb form comes first in ``text`` (passives and conditions aside) and
    where it starts: "He accused Russia of denying …" accuses, it does not deny."""
    found = sorted(_speakers_acts(text), key=lambda f: (f[0], f[1]))
    if not found:
        return None
    at, _, act = found[0]
    if act.key in _JUDGING and len(found) > 1:
        at, _, act = found[1]  # "Moscou juge inacceptable …": the judgement is the stance
    return act, at


def _speakers_acts(text: str, before: str = "") -> Iterator[tuple[int, int, Act]]:
    """(where, rank in the file, act) of each act's first verb form in ``text`` that is no
    passive or condition, in file order."""
    text, before = text.replace("’", "'"), before.replace("’", "'")
    for rank, act in enumerate(acts()):
        for m in act.pattern.finditer(text):
            if not _NOT_THE_SPEAKERS.search(before + " " + text[: m.start()]):
                yield m.start(), rank, act
                break


_JUDGING = {"says", "assesses"}


# a passive auxiliary or a conjunction of condition a few words before a verb form
_NOT_THE_SPEAKERS = re.compile(
    r"(?<![\w'])(?:is|was|were|are|be|been|being|unless|if|whatever|until|sauf\s+si|si|"
    r"à\s+moins\s+qu\S*|tant\s+qu\S*|quoi\s+qu\S*)\s+(?:[^\s,;:.]+\s+){0,4}$",
    re.IGNORECASE,
)


def topic_on(topic: str, lang: str) -> str:
    return str(_load("words.toml")["topic_on"].get(topic, {}).get(lang, ""))


def main_topic(topics: list[str]) -> str | None:
    """The most specific of a statement's topics."""
    priority: list[str] = _load("words.toml")["topics"]["priority"]
    ranked = sorted(topics, key=lambda t: priority.index(t) if t in priority else len(priority))
    return ranked[0] if ranked else None


def month(n: int, lang: str) -> str:
    return str(_load("words.toml")["months"][lang][n - 1])


def english_ref(name: str) -> str:
    """A party name as English running text writes it: "the European Union", "Russia"."""
    words: list[str] = _load("words.toml")["english"]["definite_words"]
    return f"the {name}" if any(w in name.split() for w in words) else name


@cache
def _offices() -> list[tuple[str, re.Pattern[str]]]:
    table: dict[str, list[str]] = _load("words.toml")["offices"]
    return [(key, _words_re(forms)) for key, forms in table.items()]


def office_of(role: str) -> str | None:
    """The office a role phrase is headed by, when one of its first three words starts it."""
    head = " ".join(role.replace("’", "'").split()[:3])
    best: tuple[int, int, str] | None = None
    for order, (key, pattern) in enumerate(_offices()):
        m = pattern.search(role.replace("’", "'"))
        if m and m.start() <= len(head):
            rank = (m.start(), order, key)
            best = rank if best is None or rank < best else best
    return best[2] if best else None


@cache
def clause_openers() -> frozenset[str]:
    """Words that may start a clause after a comma (words.toml, ``clause_openers``)."""
    return frozenset(_load("words.toml")["clause_openers"]["words"])
