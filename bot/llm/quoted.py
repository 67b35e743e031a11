"""Quotation marks in the model's free text must hold words that are in the sources.

Claims, headlines, dispute texts, translations, speakers, roles and answers are written by the
model; a fragment it puts between quotation marks (« », “ ”, „ “, " ", ‹ ›, ‘ ’) is presented to
readers as somebody's words, so each one is checked verbatim against the source texts with the
evidence check's normalisation (``bot.textnorm.is_grounded``). The data block the model read
had our delimiters escaped (``&lt;/article>``), so a fragment copied exactly from what the model
was shown is un-escaped before the check (only our own escape is reversed, and the text kept is
the source's). An ungrounded fragment is removed and counted; its words stay, without the
marks, only where they read as the bot's own wording: a short phrase inside a longer sentence,
or any translation (the bot's rendering by definition). A text left with fewer than
``MIN_WORDS`` words is dropped by the caller, which then uses its own default.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.llm.prompts import unescape_data
from bot.textnorm import is_grounded

OWN_WORDING_MAX_WORDS = 4  # a longer quoted fragment is a purported statement, not a phrase
MIN_WORDS = 2
# (opening mark, closing marks); ‘ ’ only where ’ is not an apostrophe inside a word
_PAIRS = (("«", "»"), ("“", "”"), ("„", "“”"), ('"', '"'), ("‹", "›"))
_QUOTED = re.compile(
    "|".join(rf"{o}\s*([^{o}{c}\n]{{1,800}}?)\s*[{c}]" for o, c in _PAIRS)
    + r"|(?<!\w)‘([^‘’]{1,800}?)’(?!\w)"
)
_WORD = re.compile(r"\w+")
_DANGLING = re.compile(r"\s*[:,;–—-]\s*(?=[.!?]|$)|\(\s*\)|\[\s*\]")


@dataclass(frozen=True)
class Grounded:
    text: str
    dropped: int  # quoted fragments that were not in any source


def grounded_fragment(fragment: str, sources: Sequence[str]) -> str | None:
    """``fragment`` as it may be shown (un-escaped when only that form is in a source), or
    None when no source holds it."""
    for candidate in dict.fromkeys((fragment, unescape_data(fragment))):
        if any(source and is_grounded(candidate, source) for source in sources):
            return candidate
    return None


def ground_quotes(text: str, sources: Sequence[str], *, translation: bool = False) -> Grounded:
    """``text`` with every ungrounded quoted fragment removed (or un-quoted, see the module
    docstring); ``translation`` marks text that is the bot's own rendering of a quote."""
    dropped = 0

    def check(match: re.Match[str]) -> str:
        nonlocal dropped
        fragment = next(g for g in match.groups() if g is not None)
        shown = grounded_fragment(fragment, sources)
        if shown is not None:
            return match.group(0).replace(fragment, shown, 1)
        dropped += 1
        rest = text[: match.start()] + text[match.end() :]
        short = len(_WORD.findall(fragment)) <= OWN_WORDING_MAX_WORDS
        plain = not any(c in fragment for c in "<>&")  # markup is never our wording
        if plain and (translation or (short and len(_WORD.findall(rest)) >= MIN_WORDS)):
            return fragment
        return " "

    cleaned = _QUOTED.sub(check, text)
    if dropped:
        cleaned = _DANGLING.sub("", re.sub(r"\s{2,}", " ", cleaned)).strip()
        cleaned = re.sub(r"\s+([.,])", r"\1", cleaned)
    return Grounded(cleaned, dropped)


class QuoteCheck:
    """``ground_quotes`` over one set of sources, counting every fragment it drops."""

    def __init__(self, sources: Sequence[str]) -> None:
        self.sources = [s for s in sources if s]
        self.dropped = 0

    def __call__(self, text: str, *, default: str = "", translation: bool = False) -> str:
        """The checked text; ``default`` when dropping left fewer than ``MIN_WORDS`` words."""
        result = ground_quotes(text, self.sources, translation=translation)
        self.dropped += result.dropped
        if result.dropped and len(_WORD.findall(result.text)) < MIN_WORDS:
            return default
        return result.text
