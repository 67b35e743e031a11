"""Cues for French statements that carry no finite verb of saying: ", estimant que…" and
"avant de prévenir…" (the sentence's subject), "Et d'ajouter…" (the last speaker), "X reste
convaincu que…", and incises after a quotation whatever their verb ("…, sourit-on à l'Élysée",
"…, a posté le président")."""

from __future__ import annotations

import re

from bot.extract.rules.cue_patterns import LEAD_ADV, LEAD_PP, NP_START, SAYS_AFTER, Cue, tidy
from bot.extract.rules.lexicon import (
    AMBIGUOUS,
    FR_BEFORE_INF,
    FR_NARRATIVE,
    FR_PRESENT,
    FR_QUOTE_INCISE,
    FR_STANCE,
)
from bot.extract.rules.quote_marks import inside

_ON_PLACE = re.compile(
    r"\s*(?:\w+ment\s+)?(?:à|au|aux|chez|dans\s+l['’]entourage\s+(?:de|d['’]|du)|du\s+côté\s+(?:de|d['’]|du))"
    r"\s*(?P<np>(?:l['’]|la\s|le\s|les\s)?[A-ZÀ-Ý][\w\-’']*(?:\s+(?:d['’]|de\s)?[A-ZÀ-Ý][\w\-’']*)*)"
)


_REFUSING = re.compile(r"(?:refus|rejet|exclu|oppos)", re.IGNORECASE)
_MAIN_VERB_AFTER = re.compile(r",\s+(?:a|ont|avait|avaient|est|sont|était|étaient|va|vont)\s")


def french_extra_cues(sentence: str, quotes: list[tuple[int, int]], cues: list[Cue]) -> list[Cue]:
    """Stances with no finite verb of saying: ", estimant que…" (mode part: the sentence's
    subject), "Et d'ajouter…" (the last speaker), "X reste convaincu que…" (X)."""
    out: list[Cue] = []

    def free(start: int) -> bool:
        return not inside(start, quotes) and not any(c.start <= start < c.end for c in cues)

    participles = [*FR_PRESENT.finditer(sentence), *FR_BEFORE_INF.finditer(sentence)]
    for m in sorted(participles, key=lambda m: m.start()):
        after = sentence[m.end() :]
        verb = m.group("fin")
        if not free(m.start()) or (AMBIGUOUS.search(verb) and not SAYS_AFTER.match(after)):
            continue
        # "refusant de cautionner …": the refusal is the stance, its verb stays in the claim
        said = after
        if _REFUSING.match(verb):
            said = sentence[m.start() :].lstrip(" ,")
            said = _MAIN_VERB_AFTER.split(said, maxsplit=1)[0]  # "…, a contraint X": not its
        out.append(Cue(m.start(), m.end(), "part", "", tidy(said), 0))
    for m in FR_QUOTE_INCISE.finditer(sentence):
        if not free(m.start() + 2) or any(c.start <= m.end() and m.start() <= c.end for c in cues):
            continue
        claim = tidy(sentence[: m.start()])
        if m.group("pron") == "on":  # "…, estime-t-on à l'Élysée": the place speaks
            place = _ON_PLACE.match(sentence, m.end())
            if place:
                np = place.group("np").strip()
                out.append(Cue(m.start(), place.end(), "source", np, claim, place.start("np")))
        elif m.group("pron"):
            out.append(Cue(m.start(), m.end(), "pron", m.group("pron"), claim, m.start()))
        else:
            after = LEAD_PP.sub("", LEAD_ADV.sub("", sentence[m.end() :], count=1), count=1)
            if NP_START.match(after):
                subj = sentence[m.end() :]
                out.append(Cue(m.start(), m.end(), "post", subj, claim, m.end()))
    narrative = FR_NARRATIVE.match(sentence)
    if narrative and free(narrative.start()):
        claim = tidy(sentence[narrative.end() :])
        out.append(Cue(narrative.start(), narrative.end(), "pron", "il", claim, narrative.start()))
    for m in FR_STANCE.finditer(sentence):
        before = sentence[: m.start()]
        if free(m.start()) and before.strip():
            out.append(Cue(m.start(), m.end(), "pre", before, tidy(sentence[m.end() :])))
    return out
