"""Sentences of an article for the offline engine: spaCy's spans cut at paragraph breaks and
re-joined while a quotation is still open, and the headlines at the top of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MAX_HEADLINE = 300  # a longer unpunctuated block is body text, not a title
_TRAILING_OPENER = re.compile(r"[.!?…][»”\"]?\s+[«“\"]$")
_FINAL = re.compile(r"[.!?…][»”\"’)\]]*\s*$|[»”\"]\s*$")
# an initial or title before a full stop ("M.", "J.", "the right hon. Gentleman") does not end a
# sentence; the network X
# after "sur", "compte", "on" does
_ABBREV_END = re.compile(
    r"(?<![\w.])(?:M|MM|Mme|Mr|Mrs|Ms|Dr|St|Gen|Gén|MR|MRS|MS|DR|Sen|Rep|Gov|Col|Lt|Adm|Amb|Sgt|Capt|Maj|(?<=\s)hon|(?<!sur\s)(?<!compte\s)(?<!on\s)[A-Z])\.$"
)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int


def headline_end(text: str) -> int:
    """Where the headlines at the top of a text end: the leading blocks (lines up to a blank
    line) whose last line has no sentence-final punctuation, e.g. a title and a subtitle."""
    end = 0
    for m in re.finditer(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", text):
        block = m.group(0).rstrip()
        followed = re.match(r"[ \t\r]*\n[ \t\r]*\n", text[m.end() :])
        if _FINAL.search(block) or not followed or len(block) > _MAX_HEADLINE:
            break
        end = m.start() + len(block)
    return end


def split(text: str, spans: list[tuple[int, int]]) -> list[Sentence]:
    """Sentences cut at paragraph breaks, then re-joined while a quote is still open."""
    spans = _move_opening_quotes(text, spans)
    breaks = [m.start() for m in re.finditer(r"\n", text)]
    pieces: list[tuple[int, int]] = []
    for s, e in spans:
        cuts = [b for b in breaks if s < b < e]
        for a, b in zip([s, *cuts], [*cuts, e], strict=True):
            seg = text[a:b]
            lead = len(seg) - len(seg.lstrip())
            if seg.strip():
                pieces.append((a + lead, a + len(seg.rstrip())))
    out: list[Sentence] = []
    para_starts = [m.end() for m in re.finditer(r"\n\s*", text)]
    for s, e in pieces:
        para = sum(1 for p in para_starts if p <= s)
        if (
            out
            and out[-1].para == para
            and (
                _open_quote(out[-1].text)
                or _continues(text[s:e])
                or _ABBREV_END.search(out[-1].text)
                or (_TURN_LABEL.fullmatch(out[-1].text) and text[s:e].lstrip()[:1] in "–—-")
                or not _FINAL.search(out[-1].text)
            )
        ):
            prev = out[-1]
            out[-1] = Sentence(prev.start, e, text[prev.start : e], para)
        else:
            out.append(Sentence(s, e, text[s:e], para))
    return [piece for sent in out for piece in _after_closed_quotes(sent)]


# "KOWALCZYK. – Je crois…": an interview label in capitals, then its answer
_TURN_LABEL = re.compile(r"[A-ZÀ-Ý][A-ZÀ-Ý .'’\-]{1,40}\.")
# '… raffineries. C'est simple. » Le Kremlin n'a pas dit non.': a quotation ending its last
# sentence inside the marks, then a new sentence
_CLOSED_FINAL = re.compile(r"[.!?…]\s*[»”\"](?=\s+[A-ZÀ-Ý])")


def _after_closed_quotes(sent: Sentence) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _CLOSED_FINAL.finditer(sent.text):
        head = sent.text[start : m.end()]
        if _open_quote(head) or not re.search(r"[«“\"]", head):
            continue
        out.append(Sentence(sent.start + start, sent.start + m.end(), head, sent.para))
        start = m.end() + len(sent.text[m.end() :]) - len(sent.text[m.end() :].lstrip())
    if not out:
        return [sent]
    out.append(Sentence(sent.start + start, sent.end, sent.text[start:], sent.para))
    return out


def _move_opening_quotes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'… talk". "Russia …': a splitter may leave the next quote's opening mark at the end of the
    sentence before; give it back to the sentence it opens."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, e = out[k]
        m = _TRAILING_OPENER.search(text, s, e)
        if m and m.end() == e:
            opener = m.end() - 1
            out[k] = (s, len(text[:opener].rstrip()))
            out[k + 1] = (opener, out[k + 1][1])
    return out


def _open_quote(text: str) -> bool:
    return (
        text.count("«") > text.count("»")
        or text.count("“") > text.count("”")
        or text.count('"') % 2 == 1
    )


def _continues(text: str) -> bool:
    t = text.lstrip()
    return bool(t) and (t[0] in ",;:»”)" or t[0].islower())
