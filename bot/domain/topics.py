"""Topic tags for a statement, from the bilingual topic vocabulary of config/topics.toml.

The same file gives the questions their topic words and French/English bridge
(``vocabulary()``, used by bot.qa); nothing here names a place or term of one conflict.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.domain.models import TOPICS
from bot.resources import config_file


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


@lru_cache(maxsize=1)
def vocabulary() -> TopicVocabulary:
    """The vocabulary in force: the user's topics.toml when there is one, else the packaged one."""
    return load_vocabulary(config_file("topics.toml"))


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
