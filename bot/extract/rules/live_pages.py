"""A live page written newest first: an entry that goes on from the one written before it
("« … », a-t-il poursuivi", "Il a également estimé que …", "He added that …") opens with a
pronoun meaning the speaker of the entry below it on the page, not of the one above."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from bot.domain.gazetteer import PersonHit
from bot.extract.rules import roles
from bot.extract.rules.cue_patterns import Cue
from bot.extract.rules.sentences import Sentence
from bot.extract.rules.speakers import Speaker

Found = list[list[tuple[Speaker, Cue | None]]]

# a paragraph opening with a clock time: "18h57 - ", "14 h 12 –", "10:42 ", "09.45 —"
# a clock time: "18h57", "14 h 12", "10:42", "09.45"
_CLOCK_TIME = r"\d{1,2}\s?[:hH.]\s?\d{2}"
_STAMP = re.compile(r"^\s*(?P<h>\d{1,2})\s?[:hH.]\s?(?P<m>\d{2})\b")
_PRONOUN_SUBJECT = re.compile(rf"^\W*(?:{_CLOCK_TIME}\W*)?(?:il|elle|he|she)\b", re.IGNORECASE)
_MIN_ENTRIES = 3
# a clock time opening an entry, with the dash after it: "18h57 - ", "21h52"
_STAMP_LEAD = re.compile(rf"^\s*{_CLOCK_TIME}\b(?:\s*[A-Z]{{2,4}}\b)?\W*")
# a line holding a live page's time alone: "15:52 GMT", "21h52", "10 h 35"
TIME_LINE = re.compile(rf"\s*{_CLOCK_TIME}(?:\s*[A-Z]{{2,4}})?\s*")
# an entry going on about someone: "Il …", "Elle …"; "Le ministre …" (roles.has_office)
_GOES_ON_PRONOUN = re.compile(r"(?:il|elle|he|she)\b", re.IGNORECASE)
_DEFINITE_LEAD = re.compile(r"(?:le|la|l['’]|the)\s*(?:[\w\-]+\s*){1,3}", re.IGNORECASE)
# a pronoun's speaker left for the entry below to tell; dropped when it does not
PENDING = Speaker("", "", None)


def speak_down(found: Found, mentions: list[list[PersonHit]], starts: list[int]) -> None:
    """In a newest-first live page (its entries' first sentences ``starts``, from
    ``entry_starts``), an entry whose first statement's speaker is a pronoun, no one named
    before it in the entry, takes the first named speaker of the entry below."""
    bounds = [*starts, len(found)]
    for (a, b), (c, d) in pairwise(pairwise(bounds)):
        first = next((k for k in range(a, b) if found[k]), None)
        if first is None or any(mentions[k] for k in range(a, first)):
            continue
        led = [sp for sp, cue in found[first] if cue is not None and pronoun_led(cue)]
        below = next(
            (sp for k in range(c, d) for sp, _ in found[k] if sp.name and sp.party_id), None
        )
        if len(led) != 1 or below is None or led[0].name == below.name:
            continue
        was = led[0]
        for k in range(a, b):
            found[k] = [(below if sp is was else sp, cue) for sp, cue in found[k]]
    for k, here in enumerate(found):
        found[k] = [(sp, cue) for sp, cue in here if sp is not PENDING]


def pronoun_led(cue: Cue) -> bool:
    """Whether a cue's subject is "il"/"elle"/"he"/"she" (after a live page's time)."""
    return cue.mode == "pron" or (cue.mode == "pre" and bool(_PRONOUN_SUBJECT.match(cue.subject)))


def entry_starts(sentences: list[Sentence]) -> list[int]:
    """The first sentence of each stamped entry when the stamps run newest first, else []."""
    starts = [
        i
        for i, s in enumerate(sentences)
        if (i == 0 or sentences[i - 1].para != s.para) and _STAMP.match(s.text)
    ]
    if len(starts) < _MIN_ENTRIES:
        return []
    times = [_minutes(sentences[i].text) for i in starts]
    later = sum(x > y for x, y in pairwise(times))
    return starts if later >= 0.8 * (len(times) - 1) else []


def _minutes(text: str) -> int:
    m = _STAMP.match(text)
    return int(m["h"]) * 60 + int(m["m"]) if m else -1


def named_below(
    sentences: list[Sentence],
    at: int,
    starts: list[int],
    people: Callable[[Sentence], list[PersonHit]],
    lang: str,
) -> Speaker | None:
    """The first person of the party book the entry below the one starting at ``at`` names:
    who "il" or "la porte-parole" opening this entry means ("21h30 Marco Rubio est arrivé …"
    under "21h52 Il a donné le ton : « … »")."""
    later = [s for s in starts if s > at]
    if not later:
        return None
    # the entry's first sentence, past its time and a heading line ("Kremlin open to …")
    opening = next(
        (
            t
            for t in (_STAMP_LEAD.sub("", s.text).strip() for s in sentences[at : later[0]])
            if t.rstrip(' »”"’').endswith((".", "!", "?", ":"))
        ),
        "",
    )
    if not _goes_on(opening):
        return None  # an entry of its own ("L'échange a commencé …"), no one to carry on
    end = next((s for s in starts if s > later[0]), len(sentences))
    for sent in sentences[later[0] : end]:
        for hit in people(sent):
            person = hit.person
            if person is not None:
                name = person.name_en if lang == "en" and person.name_en else person.name
                role = person.role_en if lang == "en" else person.role_fr
                return Speaker(name, role, person.party_id, person)
    return None


def _goes_on(opening: str) -> bool:
    """Whether an entry's first sentence opens with a pronoun or a definite office."""
    if _GOES_ON_PRONOUN.match(opening):
        return True
    lead = _DEFINITE_LEAD.match(opening)
    return lead is not None and roles.has_office(lead.group(0))
