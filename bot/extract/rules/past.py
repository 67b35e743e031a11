"""Statements dated before the article: a portrait's "Le 29 mars 2022, …", "En mai 2025, il
plaidait pour …" and the "« … », disait-il alors" after it are history, not today's positions.

The article's year comes from its header lines ("Publié le 15 février 2029"); an article with no
date in its header keeps every statement."""

from __future__ import annotations

import re

from bot.extract.rules.sentences import Sentence

_HEADER_LINES = 8
_DATE_LINE = re.compile(
    r"\b(?:Publié|Mis\s+à\s+jour|Published|Updated|Posted)\b[^\n]{0,60}?\b(?P<y>(?:19|20)\d\d)\b"
    r"|^\s*(?:\w+\s+)?\d{1,2}(?:er)?\s+[A-Za-zéû]+\s+(?P<y2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)"
)
# a time adjunct opening the sentence: "Le 29 mars 2022, …", "En septembre 2023, …", "In 2022, …"
_DATED_LEAD = re.compile(
    rf"^\s*(?:(?:Le|Dès|Déjà|Back|Already|Then)\s+)?(?:(?:en|in|le|on|au|dès)\s+)?"
    rf"(?:(?:\d{{1,2}}(?:er)?\s+)?{_MONTH}\s+|{_MONTH}\s+\d{{1,2}},?\s+)?"
    r"(?P<y>(?:19|20)\d\d)\s*,",
    re.IGNORECASE,
)
# the tense of a past narrative (imperfect, pluperfect): "disait", "plaidait", "avait lancé"
_NARRATIVE_PAST = re.compile(r"\b\w+(?:ait|aient)\b|\b(?:avait|avaient)\s+\w+", re.IGNORECASE)
# "…, disait-il alors", "said at the time": the date of the sentence before goes on
_THEN = re.compile(r"\b(?:alors|à\s+l['’]époque|at\s+the\s+time|back\s+then)\b", re.IGNORECASE)


def article_year(sentences: list[Sentence]) -> int | None:
    """The year the article's header gives, or None."""
    years = []
    for sent in sentences:
        if sent.para >= _HEADER_LINES:
            break
        years += [int(m.group("y") or m.group("y2")) for m in _DATE_LINE.finditer(sent.text)]
    return max(years) if years else None


def dated_before(sentences: list[Sentence], year: int | None) -> set[int]:
    """The sentences (indexes) whose statements are dated well before the article: a year two or
    more before its own, or the year before told in a past narrative tense; and the sentence
    after one of them that says "alors"."""
    if year is None:
        return set()
    out: set[int] = set()
    for i, sent in enumerate(sentences):
        lead = _DATED_LEAD.match(sent.text)
        if lead is not None:
            then = int(lead.group("y"))
            if then <= year - 2 or (then < year and _NARRATIVE_PAST.search(sent.text)):
                out.add(i)
        elif i - 1 in out and _THEN.search(sent.text) and _NARRATIVE_PAST.search(sent.text):
            out.add(i)
    return out
