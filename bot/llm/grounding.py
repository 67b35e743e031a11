"""Grounding of model output: map a fragment back to the exact verbatim span of a source text,
and strip links and mentions a model might slip into free-text fields."""

from __future__ import annotations

import re

from bot.llm.prompts import unescape_data
from bot.textnorm import ground_key, is_grounded, strip_invisible

_UNSAFE = re.compile(
    r"\[[^\]]*\]\([^)]*\)"  # markdown link
    r"|<[!@#][^>]*>"  # Slack specials: <!here>, <@U123>, <#C1>
    r"|<(?:https?|mailto|ftp)[^>]*>"  # Slack-style link
    r"|\b(?:https?|ftp)://\S+"  # URL
    r"|\bwww\.\S+"
    r"|\b[\w.-]+\.(?:com|org|net|io|ru|ua|fr|info|xyz|me|ly|gl)(?:/\S*)?"  # bare domain
    r"|@(?:channel|here|everyone|all)\b"
    r"|(?<![\w@])@\w{2,}",  # @mention
    re.IGNORECASE,
)


def _normalised_with_map(text: str) -> tuple[str, list[int]]:
    """The ground_key form of ``text`` and, for each of its characters, the source index."""
    chars: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if not strip_invisible(ch):
            continue
        key = ground_key(ch)
        if not key:  # white space of any kind
            if chars and chars[-1][0] != " ":
                chars.append((" ", i))
            continue
        chars.extend((c, i) for c in key)
    # ground_key drops spaces around quote marks and at both ends
    kept = [
        (c, i)
        for n, (c, i) in enumerate(chars)
        if not (
            c == " "
            and (n == 0 or n == len(chars) - 1 or chars[n - 1][0] == '"' or chars[n + 1][0] == '"')
        )
    ]
    return "".join(c for c, _ in kept), [i for _, i in kept]


def verbatim_span(fragment: str, text: str) -> str | None:
    """The exact substring of ``text`` that ``fragment`` quotes (modulo white space, apostrophes,
    quote marks and case), or None when ``fragment`` is not grounded in ``text``. A fragment
    copied from the escaped data block (``&lt;/article>``) is matched un-escaped."""
    for candidate in dict.fromkeys((fragment, unescape_data(fragment))):
        span = _span(candidate, text)
        if span is not None:
            return span
    return None


def _span(fragment: str, text: str) -> str | None:
    if not is_grounded(fragment, text):
        return None
    key = ground_key(fragment)
    norm, index = _normalised_with_map(text)
    start = norm.find(key)
    if start < 0:
        return None
    span = text[index[start] : index[start + len(key) - 1] + 1]
    return span if ground_key(span) == key else None


def find_span(fragment: str, texts: list[str]) -> tuple[int, str] | None:
    """(index of the first of ``texts`` that grounds ``fragment``, its verbatim span)."""
    for n, text in enumerate(texts):
        span = verbatim_span(fragment, text)
        if span is not None:
            return n, span
    return None


def safe_text(text: str, evidence: str = "") -> str:
    """``text`` without links, markdown links or mentions, unless verbatim in ``evidence``."""

    def keep(match: re.Match[str]) -> str:
        return match.group(0) if evidence and is_grounded(match.group(0), evidence) else ""

    cleaned = _UNSAFE.sub(keep, strip_invisible(text))
    return re.sub(r"\s{2,}", " ", cleaned).strip()
