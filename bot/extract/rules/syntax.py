"""Stances read from the dependency parse: the subject (nsubj) of a stance verb listed in
data/stance_verbs.toml, and each subject coordinated with it (conj), states a position.

"L'Ukraine, les États-Unis et l'Otan avaient rejeté ces conditions" gives three subjects of
"rejeté"; the engine turns each one the gazetteer knows into a position. Only main-clause verbs
count: a stance verb inside a relative clause or an adverbial clause qualifies something else.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.domain.gazetteer import Gazetteer

DATA = Path(__file__).resolve().parent / "data"
_MAIN = {"ROOT", "conj", "ccomp", "parataxis"}
_SUBJECT = {"nsubj", "nsubj:pass"}
# forms of pouvoir, devoir, vouloir (the pipeline has no lemmatiser)
_MODAL = re.compile(r"(?:pourr|peu[tx]?$|peuvent|pouv|doi[tv]|devr|dev|veu[tl]|voul)", re.I)


@dataclass(frozen=True)
class Stance:
    """A stance verb of a sentence and the subjects it has (offsets in the sentence)."""

    verb: str
    sense: str
    subjects: tuple[tuple[int, int], ...]
    at: int = -1  # where the verb (or its first auxiliary) starts in the sentence
    # where the verb it is coordinated with starts ("the UK said … and Norway pledged …"), or -1
    joined_at: int = -1


@lru_cache(maxsize=2)
def stance_verbs(lang: str) -> tuple[tuple[str, str], ...]:
    """(stem, sense) of the stance verbs of ``lang``, longest stems first."""
    rows = tomllib.loads((DATA / "stance_verbs.toml").read_text(encoding="utf-8"))["verb"]
    found = {(str(r["stem"]).lower(), str(r["sense"])) for r in rows if r["lang"] == lang}
    return tuple(sorted(found, key=lambda r: -len(r[0])))


@lru_cache(maxsize=2)
def conditions(lang: str) -> tuple[tuple[str, ...], ...]:
    """The subordinators of ``lang`` opening a condition (stance_verbs.toml), as words."""
    rows = tomllib.loads((DATA / "stance_verbs.toml").read_text(encoding="utf-8"))["condition"]
    return tuple(
        tuple(str(r["words"]).lower().replace("'", "' ").split()) for r in rows if r["lang"] == lang
    )


def _in_condition(verb: Any, lang: str) -> bool:
    """Whether the clause of ``verb`` opens with a condition ("tant que Moscou n'aura pas
    accepté", "until Moscow accepts"): the words just before its subordinator's mark."""
    marks = [c for c in verb.children if c.dep_ == "mark"]
    if not marks:
        return False
    mark = marks[0]
    doc = verb.doc
    for words in conditions(lang):
        first = mark.i + 1 - len(words)
        if first < 0:
            continue
        said = tuple(
            t.lower_.replace("’", "'").replace("'", "' ").strip() for t in doc[first : mark.i + 1]
        )
        if tuple(w.strip() for w in words) == said:
            return True
    return False


def _sense(token: Any, lang: str) -> str | None:
    verb = token.pos_ in ("VERB", "AUX") or token.tag_[:2] == "VB"
    if not verb and not (token.dep_ in _MAIN and any(c.dep_ in _SUBJECT for c in token.children)):
        return None  # ("Paris and Berlin back a deployment": "back" tagged an adverb, its root)
    form = token.text.lower()
    return next((sense for stem, sense in stance_verbs(lang) if _matches(form, stem)), None)


def _matches(form: str, stem: str) -> bool:
    """A stem matches the start of a form; one ending in "$" matches the whole form only."""
    return form == stem[:-1] if stem.endswith("$") else form.startswith(stem)


def _np(token: Any, offset: int) -> tuple[int, int]:
    """The noun phrase a subject token heads, without the subjects coordinated with it."""
    left = token.left_edge.i
    while left < token.i and token.doc[left].dep_ in ("cc", "punct"):
        left += 1  # "et Rome": the conjunction is not part of the subject
    right = token.i
    for child in token.rights:
        if child.dep_ in ("conj", "cc", "punct", "appos", "acl", "acl:relcl"):
            break
        right = child.right_edge.i
    doc = token.doc
    return doc[left].idx - offset, doc[right].idx + len(doc[right].text) - offset


def stances(doc: Any, start: int, end: int, lang: str) -> list[Stance]:
    """Stance verbs of the sentence at ``start:end`` of ``doc``, with their subjects."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    out: list[Stance] = []
    for tok in span:
        sense = _sense(tok, lang)
        # "La Commission pourrait accepter …": the modal carries the subject
        main = tok.head if tok.dep_ == "xcomp" and _MODAL.match(tok.head.text) else tok
        bare = _name_before_clitic(tok, span, start) if sense is not None else None
        if (bare is not None and sense is not None) and (
            main.dep_ not in _MAIN or not any(c.dep_ in _SUBJECT for c in main.children)
        ):
            # "…, Moscou le considère comme ses eaux intérieures": the parse lost the subject
            out.append(Stance(tok.text, sense, (bare,), tok.doc[tok.i - 1].idx - start))
            continue
        if sense is not None and main.dep_ not in _MAIN:
            quoted = _quoted_verb(tok, span.start, start)
            if quoted is not None:
                out.append(Stance(tok.text, sense, (quoted,), tok.idx - start))
            continue
        if sense is None or _in_condition(main, lang):
            continue
        if sense == "wants" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("se", "s'", "s’"):
            continue  # "l'Otan se veut rassurante": how it presents itself, not what it wants
        heads = [c for c in main.children if c.dep_ in _SUBJECT]
        if not heads and main.dep_ == "conj":  # "X a salué … et rejeté …": the first verb's
            heads = [c for c in main.head.children if c.dep_ in _SUBJECT]
        subjects: list[Any] = []
        for head in heads:
            subjects.append(head)
            subjects.extend(t for t in head.subtree if t.dep_ == "conj" and t.head in subjects)
        if subjects:
            spans = tuple(_np(s, start) for s in subjects)
            aux = [c for c in main.children if c.dep_.startswith("aux") and c.i < main.i]
            first = min([main.i, *(c.i for c in aux)])
            joined = main.head.idx - start if main.dep_ == "conj" else -1
            out.append(Stance(tok.text, sense, spans, tok.doc[first].idx - start, joined))
        elif main.dep_ == "ROOT":
            lead = _lead_before_incise(span, tok, start)
            if lead is not None:
                out.append(Stance(tok.text, sense, (lead,), tok.idx - start))
    return out


def _lead_before_incise(span: Any, verb: Any, offset: int) -> tuple[int, int] | None:
    """The words before the first comma of a sentence whose stance verb the parse leaves with
    no subject, when an incise closes right before the verb ("Kiev, par la voix de sa Première
    ministre X, s'oppose à …"): stance_parties keeps them only if they name a side."""
    commas = [t for t in span if t.text == "," and t.i < verb.i]
    if len(commas) < 2:
        return None
    between = [t for t in span.doc[commas[-1].i + 1 : verb.i] if t.lower_ not in _CLITICS]
    if between:
        return None
    first = next((t for t in span if not t.is_space), None)
    if first is None or first.i >= commas[0].i:
        return None
    last = span.doc[commas[0].i - 1]
    return first.idx - offset, last.idx + len(last.text) - offset


def _name_before_clitic(verb: Any, span: Any, offset: int) -> tuple[int, int] | None:
    """A proper name right before an object pronoun and the verb ("Moscou le considère
    comme …"), opening its sentence or a clause after a comma or "et": the verb's subject,
    which the parse often takes for an object of the verb before."""
    k = verb.i - 1
    if k <= span.start or verb.doc[k].lower_ not in _OBJECT_CLITICS:
        return None
    name_end = k - 1
    first = name_end
    while first > span.start and verb.doc[first - 1].pos_ == "PROPN":
        first -= 1
    if verb.doc[name_end].pos_ != "PROPN":
        return None
    before = verb.doc[first - 1] if first > span.start else None
    if before is not None and before.text not in (",", ";") and before.lower_ not in ("et", "and"):
        return None
    doc = verb.doc
    return doc[first].idx - offset, doc[name_end].idx + len(doc[name_end].text) - offset


_OBJECT_CLITICS = {"le", "la", "les", "l'", "l’"}
_CLITICS = {"s'", "s’", "se", "ne", "n'", "n’", "l'", "l’", "le", "la", "les", "y", "en"}


_OPENING_QUOTES = {"«", '"', "“"}
_THAT_WORDS = {"que", "qu'", "qu’", "that"}


def _quoted_verb(tok: Any, first: int, offset: int) -> tuple[int, int] | None:
    """The subject span of a stance verb a quotation opens on ("… précise que Washington et
    Kiev « soutiennent un cessez-le-feu »"), which the parse leaves with no subject: the words
    between "que"/"that" and the quotation mark, when there are some."""
    doc = tok.doc
    if tok.i - first < 3 or doc[tok.i - 1].text not in _OPENING_QUOTES:
        return None
    mark = next((t for t in reversed(doc[first : tok.i - 1]) if t.lower_ in _THAT_WORDS), None)
    if mark is None or mark.i >= tok.i - 2:
        return None
    last = doc[tok.i - 2]
    return doc[mark.i + 1].idx - offset, last.idx + len(last.text) - offset


_THAT = re.compile(r"(?<![\w\-])(?:que|qu['’]|that)\s*", re.IGNORECASE)
_LIST_SEP = re.compile(r",\s*|\s+(?:et|and)\s+")
_DET = re.compile(r"^(?:les?|la|l['’]|the)\s*", re.IGNORECASE)


_BULLET = re.compile(r"\s*[*•·–—-]\s+")


def stance_parties(gaz: Gazetteer, sentence: str, stance: Stance) -> list[str]:
    """The parties a stance's subjects name, each subject a bare party name: "L'Ukraine, les
    États-Unis et l'Otan avaient rejeté" -> UA, US, NATO (the list before the first subject
    is read too, as the parser often cuts it)."""
    first_end = stance.subjects[0][1]
    # "Budapest et Bratislava freinent : la Hongrie et la Slovaquie bloquent": the clause
    # after a colon or a semicolon (the parse may run a subject back past it)
    opens = max(sentence.rfind(":", 0, first_end), sentence.rfind(";", 0, first_end)) + 1
    bullet = _BULLET.match(sentence)  # "* Russia wants …": a list item's mark
    opens = max(opens, bullet.end() if bullet else 0)
    # "Le texte précise que Washington et Kiev soutiennent": the clause after "que"
    for said in _THAT.finditer(sentence, opens, first_end):
        if not sentence[: said.start()].rstrip().endswith((",", "»", "”", '"')):
            opens = said.end()  # not the relative "…», que Moscou refuse toujours"
    pieces = _LIST_SEP.split(sentence[opens:first_end])
    names: list[str] = []
    for piece in reversed(pieces):
        if not _bare_party(gaz, piece):
            break
        names.insert(0, piece)
    more = [sentence[a : b + _hyphen_tail(sentence, b)] for a, b in stance.subjects[1:]]
    names += [n for n in more if _bare_party(gaz, n)]
    if len(stance.subjects) == 1 and stance.at > first_end:
        # "L'Ukraine, la Turquie et les États-Unis ont accepté": the parser hung the rest of
        # the list on the first name; read it up to the verb
        rest = [p for p in _LIST_SEP.split(sentence[first_end : stance.at]) if p.strip(" ,")]
        if rest and all(_bare_party(gaz, p) for p in rest):
            names += rest
    return _parties_of(gaz, names)


def listed_sides(gaz: Gazetteer, subject: str) -> list[str]:
    """The parties of a subject that is a list of bare party names ("Paris et Berlin", "Britain
    and France"), read back from its end; [] when it is not such a list."""
    tail = re.split(r"[:;]|,\s*(?:qui|que|who|which)\b", subject)[-1]
    pieces = [p for p in _LIST_SEP.split(tail) if p.strip(" ,")]
    if len(pieces) < 2 or not all(_bare_party(gaz, p) for p in pieces):
        return []
    return _parties_of(gaz, pieces)


def _parties_of(gaz: Gazetteer, names: list[str]) -> list[str]:
    """The parties of bare party names, each once, in order."""
    return list(dict.fromkeys(gaz.party_hits(name)[0].party_id for name in names))


def _hyphen_tail(sentence: str, end: int) -> int:
    """The length of a hyphenated rest the parse left out of a name ("les États" + "-Unis")."""
    m = re.match(r"[-‑][A-ZÀ-Ý][\w\-]*", sentence[end:])
    return m.end() if m else 0


def _bare_party(gaz: Gazetteer, text: str) -> bool:
    """Whether ``text`` is nothing but one party's name, alias or institution."""
    text = text.strip(" ,")
    hits = gaz.party_hits(text)
    if len(hits) != 1 or hits[0].kind in ("demonym", "place"):
        return False
    rest = (text[: hits[0].start] + text[hits[0].end :]).strip(" ,")
    return not _DET.sub("", rest)


def main_subject(doc: Any, start: int, end: int) -> str:
    """The subject that opens the sentence between character offsets ``start`` and ``end``
    ("L'ancien négociateur" of "L'ancien négociateur ne s'en formalise pas."), or ""."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    first = next((t.i for t in span if not t.is_space), span.start)
    for token in span:
        if token.dep_ not in _SUBJECT or not span.start <= token.head.i < span.end:
            continue
        # the parse may hang a sentence on the headline above it: only its own words count
        if token.left_edge.i <= first <= token.i:
            _, right = _np(token, start)
            # (the span's own text: Doc.text joins every token of the article on each call)
            base = span.start_char
            return str(span.text[doc[first].idx - base : start + right - base])
    return ""


def has_finite_verb(doc: Any, start: int, end: int) -> bool:
    """Whether the text between character offsets ``start`` and ``end`` holds a finite verb
    ("Mark Rutte, au micro de la radio polonaise." holds none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    for token in span:
        if token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm"):
            return True
        if token.tag_ in ("VBD", "VBZ", "VBP", "MD"):
            return True
    return False
