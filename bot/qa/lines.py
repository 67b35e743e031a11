"""Which lines of an article are no one's statement: its title (first line or stored title), an
intertitle or Markdown heading, the links under "Read more:" / "À lire aussi", a live page's or
explainer's summary bullets, a picture's caption or credit, a rubric tag ("EXPLICATION - …"),
a transcript's host or reporter turns. Such lines may find an article; they are never shown as
a statement nor as an answer line. The vocabulary is bot/qa/data/lines.toml."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.domain.models import Article, Position
from bot.qa.sentences import split_sentences
from bot.qa.text import tokens
from bot.textnorm import collapse_space, fold

DATA = Path(__file__).parent / "data" / "lines.toml"
KEY_CHARS = 50  # a line is known by the first characters of its words
MIN_KEY_CHARS = 12
HEADING_WORDS = 25  # a line ending with no full stop, this short, is a title or heading
TITLE_WORDS = 40  # an article's first line longer than this is its first paragraph

_BULLET = re.compile(r"^\s*(?:[-•*▪►●]|\d{1,2}[.)])\s+")
_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s|\*\*.*\*\*\s*:?\s*$|__.*__\s*$)")
# "EXPLICATION - …", "EN DIRECT - …", "ANALYSIS | …": an upper-case rubric tag and a dash
_RUBRIC = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’ ]{2,40}\s*[-–—|]\s")
# a transcript's speaker label: "STEVE INSKEEP, HOST:", "INSKEEP:" (upper case)
_LABEL = re.compile(r"^(?P<name>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,60}?)(?:,\s*(?P<role>[^:]{1,60}))?:")
_ENDS = (".", "!", "?", "…", "»", "”", '"', ")")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[str, Any]:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = _vocabulary()
    return {k: frozenset(fold(w).replace("’", "'") for w in v) for k, v in data.items()}


def key(text: str) -> str:
    """A line's or sentence's key: its first words, folded, punctuation and bullets left out."""
    return " ".join(tokens(text))[:KEY_CHARS]


def _bare(line: str) -> str:
    """A line without its Markdown marks and final colon, folded."""
    text = re.sub(r"^#+\s*", "", line.strip()).strip("*_ ").rstrip(": ").strip("*_ ")
    return fold(text).replace("’", "'")


def _announces(line: str, kind: str) -> bool:
    """The line announces links or a summary ("Read more:", "**L'essentiel**")."""
    return _bare(line) in _words()[kind]


def _inline_link(line: str) -> bool:
    """ "Lire aussi : Avoirs russes : comment …": a link on the line announcing it."""
    head, colon, rest = line.partition(":")
    return bool(colon) and bool(rest.strip()) and _bare(head) in _words()["links"]


def is_heading(line: str) -> bool:
    """A Markdown heading, or a short line with no sentence-final punctuation."""
    text = line.strip()
    if _MARKDOWN.match(text):
        return True
    return not text.endswith(_ENDS) and len(text.split()) <= HEADING_WORDS


def _caption(line: str) -> bool:
    folded = fold(line.strip()).replace("’", "'")
    for word in _words()["captions"]:
        if folded.startswith(word) and re.match(r"\s*[:/|–—-]", folded[len(word) :]):
            return True
    return False


def _rubric(line: str) -> bool:
    """ "EXPLICATION - Réunis à Varsovie, …": an upper-case rubric tag of the vocabulary."""
    m = _RUBRIC.match(line)
    if m is None:
        return False
    tag = fold(re.split(r"\s*[-–—|]\s", m.group(0))[0]).replace("’", "'")
    return any(tag == w or tag.startswith(f"{w} ") for w in _words()["rubrics"])


def _hosts(lines: list[str]) -> set[str]:
    """The names a transcript labels as its host or reporter ("STEVE INSKEEP, HOST:"): the full
    name and the surname its later turns carry ("INSKEEP:")."""
    out: set[str] = set()
    roles = _words()["hosts"]
    for line in lines:
        m = _LABEL.match(line.strip())
        if m is None:
            continue
        if set(tokens(m.group("role") or m.group("name"))) & roles:  # "INTERVIEWER:" too
            name = m.group("name").strip()
            out |= {fold(name), fold(name.split()[-1])}
    return out


# "[Journaliste] :", "Interviewer:": a turn labelled by the word of a host, in any case
_ROLE_LABEL = re.compile(r"^\[?(?P<name>[^\[\]:]{1,40}?)\]?\s*:")


def _host_label(line: str) -> bool:
    """Whether ``line`` opens with a label that is only a host's word ("[Journaliste] :",
    "Interviewer :"): the host's turn, whatever the case it is written in."""
    m = _ROLE_LABEL.match(line.strip())
    if m is None:
        return False
    words = tokens(m.group("name"))
    return bool(words) and len(words) <= 2 and bool(set(words) & _words()["hosts"])


def _turn_of(line: str) -> str | None:
    """The folded speaker label a transcript line opens with, if any."""
    m = _LABEL.match(line.strip())
    return fold(m.group("name").strip()) if m is not None else None


def _headline(line: str) -> bool:
    """An article's first line reads as its headline: short, not ended by a full stop (a body
    sentence is; a headline may end with a question or a quotation)."""
    return (
        len(line.split()) <= TITLE_WORDS
        and not line.rstrip().endswith((".", "…", ".»"))
        and _LABEL.match(line) is None  # "INTERVIEWER: Would Poland…?" opens a transcript
    )


_RUN_IN = re.compile(r"^\s*\*\*[^*]{1,80}\*\*\s+(?=[\w«“\"])")


def without_run_in(text: str) -> str:
    """ "**Veto watch.** Hungary on Monday blocked…": the sentence without the bold run-in
    heading it opens with (what follows it is the statement, verbatim)."""
    m = _RUN_IN.match(text)
    return text[m.end() :] if m is not None and len(text) - m.end() >= MIN_KEY_CHARS else text


def _upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def unsaid_lines(text: str, title: str = "") -> list[tuple[str, str]]:
    """The lines (or paragraphs) of ``text`` that are no one's statement, each with its kind
    ("title", "heading", "link", "summary", "caption", "rubric", "host")."""
    lines = [collapse_space(x) for x in text.splitlines()]
    hosts = _hosts(lines)
    out: list[tuple[str, str]] = []
    opening = [x for x in lines if x][:3]
    if len(opening) > 1:  # the title (an article of one paragraph has none); after an
        # upper-case kicker ("GUERRE EN UKRAINE"), the next line
        heads = opening[: 2 if _upper(opening[0]) and len(opening) > 2 else 1]
        out += [(x, "title") for x in heads if _headline(x)]
    if title.strip() and len(opening) > 1 and len(title.split()) <= TITLE_WORDS:
        out.append((collapse_space(title), "title"))
    under = ""  # "links" or "summaries": the bullets that follow belong to it
    host_turn = False  # a label alone on its line: the next paragraph is the host's
    for line in lines:
        if not line:
            under = "" if under == "summaries" else under
            continue
        bullet = bool(_BULLET.match(line))
        if under and not (bullet or (under == "links" and is_heading(line))):
            under = ""
        if under:
            out.append((line, "link" if under == "links" else "summary"))
            continue
        if _announces(line, "links") or _announces(line, "summaries"):
            under = "links" if _announces(line, "links") else "summaries"
            out.append((line, "heading"))
            continue
        turn = _turn_of(line)
        if host_turn and turn is None:
            out.append((line, "host"))
            host_turn = False
            continue
        host_turn = False
        if (turn is not None and turn in hosts) or _host_label(line):
            rest = line.split(":", 1)[1].strip()
            out += [(line, "host"), (rest, "host")] if rest else [(line, "host")]
            host_turn = not rest
            continue
        if _inline_link(line):
            out.append((line, "link"))
        elif is_heading(line):
            out.append((line, "heading"))
        elif _caption(line):
            out.append((line, "caption"))
        elif _rubric(line):
            out.append((line, "rubric"))
    return out


@lru_cache(maxsize=512)
def _keys(text: str, title: str) -> dict[str, str]:
    keys: dict[str, str] = {}
    for line, kind in unsaid_lines(text, title):
        for piece in [line, *split_sentences(line)]:
            k = key(piece)
            if len(k) >= MIN_KEY_CHARS:
                keys.setdefault(k, kind)
    return keys


def unsaid_keys(article: Article) -> dict[str, str]:
    """The keys of the sentences of ``article`` that are no one's statement, and their kind."""
    return _keys(article.text, article.title or "")


def is_unsaid(text: str, keys: dict[str, str], speaker: str = "") -> bool:
    """Whether ``text`` (a sentence, a position's evidence, a statement shown) opens with a line
    that is no one's statement (``keys``: its article's ``unsaid_keys``); a host's or
    reporter's turn is someone's when the analysis names who speaks in it (``speaker``: the
    words it relays). A sentence ending on a question mark outside quotation marks, given to
    no one, is a question, no statement."""
    if not speaker and text.rstrip().endswith("?"):
        return True  # "Et quelles garanties seront données … ?": a question, no one's position
    kind = keys.get(key(text))
    return kind is not None and not (kind == "host" and speaker)


class Unsaid:
    """The articles' lines that are no one's statement, read once per article."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self.keys: dict[int, dict[str, str]] = {
            a.id: unsaid_keys(a) for a in articles if a.id is not None
        }

    def kind(self, article_id: int | None, text: str) -> str | None:
        """What the line ``text`` of the article is, when it is no one's statement."""
        return self.keys.get(article_id or 0, {}).get(key(text))

    def __call__(self, article_id: int | None, text: str, speaker: str = "") -> bool:
        keys = self.keys.get(article_id or 0)
        return bool(keys) and is_unsaid(text, keys or {}, speaker)


def said_only(articles: Iterable[Article], positions: list[Position]) -> list[Position]:
    """``positions`` without those whose evidence is no one's statement (a title, a link…)."""
    unsaid = Unsaid(articles)
    return [p for p in positions if not unsaid(p.article_id, p.evidence, p.speaker)]
