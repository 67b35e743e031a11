"""The word lists behind question understanding, read from data files: the topic words and the
French/English keyword bridge of config/topics.toml (shared with extraction), and the soft and
calendar words of bot/qa/data/questions.toml.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.domain.topics import vocabulary
from bot.textnorm import fold

DATA = Path(__file__).parent / "data" / "questions.toml"


@lru_cache(maxsize=1)
def question_data() -> dict[str, Any]:
    """bot/qa/data/questions.toml."""
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def office_titles() -> frozenset[str]:
    """The words of office of [person_roles] titles ("minister", "porte-parole"), folded."""
    return frozenset(fold(w) for w in question_data()["person_roles"]["titles"])


def _topic_words() -> dict[str, tuple[str, ...]]:
    return {topic: words for topic, words in vocabulary().words.items() if words}


# topic id -> words in French and English (single words or phrases)
TOPIC_WORDS: dict[str, tuple[str, ...]] = _topic_words()
# plain words: one concept per row, French and English forms together
BRIDGE: tuple[tuple[str, ...], ...] = vocabulary().bridge
# verbs of wanting, and of reasons: they help rank but a sentence need not contain them
SOFT: tuple[tuple[str, ...], ...] = tuple(tuple(row) for row in question_data()["soft"].values())
# rows of SOFT matched on stems (the others match their words exactly)
SOFT_STEMMED: frozenset[int] = frozenset(
    n
    for n, name in enumerate(question_data()["soft"])
    if name in question_data()["soft_matching"]["stemmed"]
)
