"""Who is speaking: resolves a cue's subject to a person and/or a party, with article memory.

Keeps, per article, the people mentioned so far (with the role and party read around them) and
the last salient speaker, so that "il", "selon lui", "M. X", "le négociateur russe" or "the
Ukrainian president" point back to the right person, and an unknown name lands on the party its
described role or nationality gives ("un collaborateur du président ukrainien, Ihor Zhovkva").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.analysis import mentions, roles
from bot.analysis.gazetteer import Gazetteer, PersonHit
from bot.analysis.quotes import LEAD_PP, NOT_SUBJECT_SEGMENT
from bot.models import Person
from bot.textnorm import fold

_PRONOUN = re.compile(
    r"^(?:il|elle|ils|elles|he|she|they|lui|eux|him|her|them|lui-même|elle-même)$", re.IGNORECASE
)
_PLURAL_PRONOUN = re.compile(r"^(?:ils|elles|eux|they|them)$", re.IGNORECASE)
_NAME_ONLY = re.compile(
    r"^(?:(?:M\.|Mme|Mr\.?|Ms\.?)\s+)?(?:(?:[A-ZÀ-Ý][\w\-’'.]*|von|van|der|den|de|da|di|al|bin|ibn|el)"
    r"\s*){1,5}$"
)
_COMPLEMENT = re.compile(
    r"\b(?:du|de|des|d['’]|of|avec|with|à|au|aux)\s+(?:(?:le|la|l['’]|the)\s*)?(?:[\w\-’']+\s+){0,4}$",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"(?:[»”\"]\s*,?|\bque\b|\bqu['’]|\bthat\b|;|:|\bet\s+que\b)", re.IGNORECASE)
_DOCUMENT_OF = re.compile(
    r"^\s*(?:une?|la|le|les|a|an|the)\s+(?:déclarations?|communiqués?|messages?|annonces?|"
    r"propos|statements?|posts?|tweets?|sources?\s+proches?)\s+(?P<of>du|des|de\s+la|de\s+l['’]|"
    r"de|d['’]|from\s+the|by\s+the|of\s+the|from|by|of)\s*",
    re.IGNORECASE,
)
_DET_OF = {
    "du": "le ",
    "des": "les ",
    "de la": "la ",
    "de l'": "l'",
    "de": "",
    "d'": "",
    "from the": "the ",
    "by the": "the ",
    "of the": "the ",
    "from": "",
    "by": "",
    "of": "",
}
_CE_QUE = re.compile(r"\b(?:ce|what)\s*(?:que|qu['’]|)\s*$", re.IGNORECASE)
# circumstances of an utterance (when, where, to whom, in what setting): never part of a role
_CIRCUMSTANCE = (
    r"lors|devant|pendant|après|avant|au\s+cours|à\s+l['’](?:issue|occasion|antenne)|en\s+marge|"
    r"au\s+(?:terme|sortir|lendemain|micro)|à\s+la\s+(?:sortie|fin|suite|veille|presse|radio|"
    r"télévision|tribune)|aux?\s+(?:journalistes|médias)|à\s+des\s+journalistes|"
    r"par\s+(?:téléphone|visioconférence|communiqué)|ce\s+(?:matin|soir|week-end)|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd['’]hui|"
    r"during|after|before|following|ahead\s+of|told|to\s+(?:reporters|journalists)|"
    r"in\s+(?:an?|his|her|their)\s+(?:[\w\-]+\s+)?(?:interview|statement|speech|address|"
    r"video|post|message|briefing)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)|yesterday|today|earlier|later|last\s+(?:week|month|night)"
)
_CIRCUMSTANCE_CUT = re.compile(rf"\s(?:{_CIRCUMSTANCE})\b")
_POST_CUT = re.compile(rf"\s(?:dans|sur|depuis|in|on|at|{_CIRCUMSTANCE})\b")
_FINITE = {
    "fr": re.compile(
        r"(?<![\w'’\-])(?:a|ont|avait|avaient|est|sont|était|s['’]est|se\s+sont|"
        r"has|have|had|is|was|were)\b"
    ),
    # English "a" is an article ('"…," a Kremlin spokesman said'), never a verb
    "en": re.compile(r"(?<![\w'’\-])(?:has|have|had|is|was|were)\b"),
}
_NP_END = re.compile(r"(?<!\bM)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMme)(?<!\b[A-Z])\.(?:\s|$)|[;:!?]")
_TRAILING_HONORIFIC = re.compile(r"(?<![\w\-])(?:M\.|Mme|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s*$")
_LEAD_CONJ = re.compile(r"^\s*(?:mais|et|or|puis|but|and)\s+", re.IGNORECASE)
_FR_NP_START = re.compile(
    r"^\s*(?:(?i:le|la|les|l['’]|un|une|des|du|son|sa|ses|leur|leurs|ce|cet|cette|ces|notre|nos|"
    r"plusieurs|certaine?s|aucune?|chacune?|tous|toutes|quelques|nombre|ceux|celle|celui|"
    r"il|elle|ils|elles|on)\b|[A-ZÀ-Ý0-9«“\"])"
)
_TITLED_NAME = re.compile(r"[A-ZÀ-Ý][\w\-’']+\s+[A-ZÀ-Ý][\w\-’']+\s*$")
_PLURAL_NP = re.compile(r"^\s*(?:les|des|leurs|ses|the\s+\w+s)\b", re.IGNORECASE)


@dataclass
class Speaker:
    name: str  # "" for a collective speaker or an unnamed official
    role: str
    party_id: str | None  # None: no known party (the engine files it under OTHER)
    person: Person | None = None


@dataclass
class _Known:
    name: str
    role: str
    party_id: str | None
    person: Person | None


class SpeakerResolver:
    """Per-article memory and resolution of speakers."""

    def __init__(self, gaz: Gazetteer, lang: str) -> None:
        self.gaz = gaz
        self.lang = lang
        self._finite = _FINITE["en" if lang == "en" else "fr"]
        self.known: list[_Known] = []
        self.salient: Speaker | None = None
        self.last_collective: Speaker | None = None

    # ------------------------------------------------------------------ mentions
    def people_in(
        self, text: str, ner: list[tuple[int, int]], use_caps: bool = False
    ) -> list[PersonHit]:
        """Person mentions of a sentence (see mentions.people_in)."""
        return mentions.people_in(self.gaz, text, ner, use_caps)

    def remember(self, text: str, hits: list[PersonHit]) -> None:
        """Record the people of a sentence with the role written next to them."""
        for h in hits:
            role = mentions.role_before(text, h.start)
            self._learn(h, role)

    def _learn(self, h: PersonHit, role: str) -> _Known:
        person = h.person
        party = person.party_id if person else (roles.infer_party(self.gaz, role) if role else None)
        name = mentions.display_name(h.text, person)
        for k in reversed(self.known):
            if _same(k, name, person):
                k.name = name if len(name) > len(k.name) else k.name
                k.role = role or k.role
                k.party_id = k.party_id or party
                self.known.remove(k)
                self.known.append(k)
                return k
        k = _Known(
            name,
            role
            or (
                person.role_fr if self.lang == "fr" and person else person.role_en if person else ""
            ),
            party,
            person,
        )
        self.known.append(k)
        return k

    # ------------------------------------------------------------------ resolution
    def resolve(
        self, mode: str, subject: str, sentence: str, hits: list[PersonHit], offset: int
    ) -> Speaker | None:
        """The speaker of a cue; ``offset`` is where ``subject`` starts in ``sentence``."""
        np, np_start = self._subject_np(mode, subject, offset)
        if not np:
            return None
        if _PRONOUN.match(np.strip()):
            if _PLURAL_PRONOUN.match(np.strip()):
                return self.last_collective  # "ils"/"they": a group, never the last person
            return self.salient
        inside = [h for h in hits if np_start <= h.start and h.end <= np_start + len(np) + 1]
        speaker_hit = None
        if (
            inside
            and inside[0].start <= np_start + 1
            and _NAME_ONLY.match(np.split(",")[0].strip())
        ):
            inside = inside[:1]  # "Jane Doe, a researcher at Some House": the name comes first
        for h in inside:
            prefix = sentence[np_start : h.start]
            cm = _COMPLEMENT.search(prefix)
            if cm and roles.has_office(cm.group(0)) and roles.has_office(prefix[: cm.start()]):
                continue  # "collaborateur du président X": X is not the speaker
            speaker_hit = h
        if speaker_hit is not None:
            role_text = _TRAILING_HONORIFIC.sub("", np[: speaker_hit.start - np_start])
            after = np[speaker_hit.end - np_start :]
            if after.lstrip().startswith(","):  # "X, the minister": an apposition, not a setting
                role_text += after
            role = (
                roles.strip_determiner(role_text.strip(" ,")) if roles.has_office(role_text) else ""
            )
            known = self._learn(speaker_hit, role)
            return Speaker(known.name, known.role, known.party_id, known.person)
        if _NAME_ONLY.match(np.strip()) and not self.gaz.party_hits(np):
            for k in reversed(self.known):  # a surname met before ("Nowak said", "M. Demir")
                if _same(k, np.strip(), None):
                    return Speaker(k.name, k.role, k.party_id, k.person)
        party = roles.infer_party(self.gaz, np)
        key = roles.head_office(np)
        definite = re.match(r"^\s*(?:le|la|l['’]|the|[A-Z][\w\-.]*['’]s)\b", np, re.IGNORECASE)
        if key in roles.PERSON_KEYS and definite and roles.is_title(np):
            for k in reversed(self.known):
                if (party is None or k.party_id == party) and roles.role_matches(k.role, key):
                    return Speaker(k.name, k.role, k.party_id, k.person)
        if key == "official" and party and definite and not _PLURAL_NP.match(np):
            # "la responsable européenne", "le diplomate russe": the last person of that party
            for k in reversed(self.known):
                if k.party_id == party and k.name:
                    return Speaker(k.name, k.role, k.party_id, k.person)
        role = roles.strip_determiner(np) if key else ""
        if party is None and key is None:
            return None
        return Speaker("", role, party)

    def _subject_np(self, mode: str, subject: str, offset: int) -> tuple[str, int]:
        if mode in ("pron",):
            return subject, offset
        if mode in ("source", "pour"):
            doc = _DOCUMENT_OF.match(subject)
            if doc:  # "une déclaration du négociateur russe" -> "le négociateur russe"
                det = _DET_OF[doc.group("of").lower().replace("’", "'").strip()]
                return det + subject[doc.end() :].strip(), offset + doc.end()
            return subject.strip(), offset + len(subject) - len(subject.lstrip())
        if mode == "post":
            pp = LEAD_PP.match(subject)
            if pp:
                offset += pp.end()
                subject = subject[pp.end() :]
            segs = subject.split(",")
            np = segs[0]
            pcut = _POST_CUT.search(np)
            np = np[: pcut.start()] if pcut else np
            np = _NP_END.split(np)[0]
            app = _NP_END.split(segs[1])[0] if len(segs) > 1 else ""
            circ = _CIRCUMSTANCE_CUT.search(app)
            app = app[: circ.start()] if circ else app
            if (roles.is_title(np) and _NAME_ONLY.match(app.strip())) or (
                app and _NAME_ONLY.match(np.strip()) and roles.is_title(app)
            ):
                np = np + "," + app
            lead = len(subject) - len(subject.lstrip())
            return np.strip(), offset + lead
        # pre: the clause right before the verb, last comma segment that is not a relative clause
        cut = 0
        for bm in _BOUNDARY.finditer(subject):
            cut = bm.end()
        if cut and _CE_QUE.search(subject[:cut]):
            return "", offset  # "ce que Moscou appelle…": a naming, not a statement
        clause = subject[cut:]
        segs = clause.split(",")
        pos = [0]
        for seg in segs[:-1]:
            pos.append(pos[-1] + len(seg) + 1)
        idx = [i for i, s in enumerate(segs) if s.strip() and not NOT_SUBJECT_SEGMENT.match(s)]
        if self.lang == "fr":  # "de son côté", "présent par visioconférence": no noun phrase
            idx = [i for i in idx if _FR_NP_START.match(_LEAD_CONJ.sub("", segs[i]))]
        if not idx:
            last = [i for i, s in enumerate(segs) if s.strip()]
            if last and _PRONOUN.match(segs[last[-1]].strip()):  # "Interrogée sur X, elle"
                i = last[-1]
                lead = len(segs[i]) - len(segs[i].lstrip())
                return segs[i].strip(), offset + cut + pos[i] + lead
            return "", offset
        i = idx[-1]
        start = pos[i]
        appositive_role = roles.has_office(segs[i]) and not self.gaz.person_hits(segs[i])
        if i > 0 and (
            (_NAME_ONLY.match(segs[i].strip()) and roles.is_title(segs[i - 1]))
            or (appositive_role and _NAME_ONLY.match(segs[i - 1].strip()))
            # "le porte-parole du ministère russe, le général Igor B.": the office names the party
            or (
                roles.is_title(segs[i - 1])
                and roles.is_title(segs[i])
                and _TITLED_NAME.search(segs[i])
                and not roles.infer_party(self.gaz, segs[i])
            )
        ):
            start = pos[i - 1]
            i_end = pos[i] + len(segs[i])
        else:
            i_end = start + len(segs[i])
        np = clause[start:i_end]
        conj = _LEAD_CONJ.match(np)
        if conj:  # "Mais il a exclu…": the conjunction is not part of the subject
            np, start = np[conj.end() :], start + conj.end()
        if self._finite.search(np):  # a whole clause, not a noun phrase: no subject found
            return "", offset
        lead = len(np) - len(np.lstrip())
        return np.strip(), offset + cut + start + lead

    def note_statement(self, speaker: Speaker) -> None:
        """After a statement: a person or a single official becomes who "il"/"he" means next."""
        if speaker.name or (speaker.role and not _PLURAL_NP.match(speaker.role)):
            self.salient = speaker
        elif not speaker.name:
            self.last_collective = speaker

    def note_subject(self, text: str, hits: list[PersonHit]) -> None:
        """A sentence without a statement: its subject person (before the first verb) turns salient."""
        verb = self._finite.search(text)
        limit = verb.start() if verb else -1
        before = [h for h in hits if h.end <= limit]
        if before:
            for k in reversed(self.known):
                if _same(
                    k, mentions.display_name(before[-1].text, before[-1].person), before[-1].person
                ):
                    self.salient = Speaker(k.name, k.role, k.party_id, k.person)
                    return


def _same(k: _Known, name: str, person: Person | None) -> bool:
    if person is not None and k.person is not None:
        return person is k.person
    return fold(k.name.split()[-1]) == fold(name.split()[-1])
