"""Topic tags for a statement, from the bilingual topic vocabulary of config/topics.toml.

The same file gives the questions their topic words and French/English bridge
(``vocabulary()``, used by bot.qa); nothing here names a place or term of one conflict.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from bot.domain.models import TOPICS
from bot.resources import config_file
from bot.textnorm import fold


@dataclass(frozen=True)
class TopicVocabulary:
    """config/topics.toml, read once."""

    stems: dict[str, tuple[str, ...]]  # topic -> lower-case word prefixes (extraction)
    words: dict[str, tuple[str, ...]]  # topic -> words and phrases of questions
    places: frozenset[str]  # every place or term of the conflict followed
    bridge: tuple[tuple[str, ...], ...]  # one concept per row, French and English forms


def load_vocabulary(path: Path) -> TopicVocabulary:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    stems: dict[str, tuple[str, ...]] = {}
    words: dict[str, tuple[str, ...]] = {}
    places: set[str] = set()
    for topic, entry in data.get("topic", {}).items():
        own_places = tuple(entry.get("places", ()))
        places |= set(own_places)
        if entry.get("stems") or own_places:
            if topic not in TOPICS:
                raise ValueError(f"{path}: topic {topic!r} has stems but is no tag of TOPICS")
            stems[topic] = tuple(s.lower() for s in (*entry.get("stems", ()), *own_places))
        words[topic] = tuple(dict.fromkeys((*entry.get("words", ()), *own_places)))
    bridge = tuple(tuple(row["words"]) for row in data.get("bridge", ()))
    return TopicVocabulary(stems, words, frozenset(places), bridge)


def merged_rows(rows: list[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Bridge rows joined when they share a word (folded): one concept, every form of it."""
    out: list[list[str]] = []
    where: dict[str, int] = {}
    for row in rows:
        keys = {fold(w) for w in row}
        hits = sorted({where[k] for k in keys if k in where})
        if not hits:
            target = len(out)
            out.append([])
        else:
            target = hits[0]
            for other in reversed(hits[1:]):
                out[target] += out[other]
                out[other] = []
        out[target] += [w for w in row if w not in out[target]]
        for w in out[target]:
            where[fold(w)] = target
    return tuple(tuple(dict.fromkeys(r)) for r in out if r)


@lru_cache(maxsize=1)
def vocabulary() -> TopicVocabulary:
    """The vocabulary in force: the user's topics.toml when there is one, else the packaged one,
    with the bridge rows of glossary.toml (the user's or the packaged one) joined to its own."""
    topics = load_vocabulary(config_file("topics.toml"))
    glossary = tomllib.loads(config_file("glossary.toml").read_text(encoding="utf-8"))
    rows = [*topics.bridge, *(tuple(row["words"]) for row in glossary.get("bridge", ()))]
    return replace(topics, bridge=merged_rows(rows))


@lru_cache(maxsize=1)
def _matcher() -> tuple[dict[str, str], re.Pattern[str]]:
    stems = vocabulary().stems
    topic_of = {stem: topic for topic, group in stems.items() for stem in group}
    # one pass over lower-cased text; a stem must start a word
    pattern = re.compile(
        r"(?<![\w])(?:"
        + "|".join(re.escape(s) for s in sorted(topic_of, key=len, reverse=True))
        + ")"
    )
    return topic_of, pattern


def _stems(text: str) -> list[str]:
    return _matcher()[1].findall(text.lower().replace("’", "'"))


def topics_of(text: str) -> list[str]:
    """Topics whose stems occur in ``text``, in models.TOPICS order."""
    topic_of = _matcher()[0]
    found = {topic_of[s] for s in _stems(text)}
    return [t for t in TOPICS if t in found]


def topic_weight(text: str) -> int:
    """How many topic stems occur in ``text`` (a rough measure of substance)."""
    return len(_stems(text))
