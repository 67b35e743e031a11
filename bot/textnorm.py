"""Text normalisation shared by grounding checks, dedup and search.

``ground_key`` makes two spellings of the same text compare equal (white space, apostrophes,
quote marks, non-breaking spaces, case); ``strip_invisible`` removes characters that can hide
instructions from a human reader.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
    }
)
_INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufe00-\ufe0f"
    "\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)
_SPACE = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    """Remove zero-width, bidi-control, tag and variation-selector characters."""
    return _INVISIBLE.sub("", text)


def ground_key(text: str) -> str:
    """A form of ``text`` in which equal wording compares equal, for verbatim checks."""
    text = strip_invisible(text).translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip().lower()
    # quote marks are often padded by spaces in French typography: « mot » vs «mot»
    return re.sub(r'\s*"\s*', '"', text)


def is_grounded(fragment: str, source: str) -> bool:
    """True when ``fragment`` appears in ``source`` once both are normalised."""
    key = ground_key(fragment)
    return bool(key) and key in ground_key(source)


def fold(text: str) -> str:
    """Lower case without diacritics, for matching names typed either way."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def collapse_space(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
