"""Who a bullet names: the canonical name (gazetteer, English form for English readers) and a
clean role (the gazetteer's, else the apposition when it is a real office, else none)."""

from __future__ import annotations

import re
from collections import Counter

from bot.brief.vocab import office_of
from bot.domain.gazetteer import Gazetteer
from bot.domain.i18n import role_label
from bot.domain.models import Lang, Person, Position
from bot.domain.parties import PartyBook
from bot.textnorm import fold

_DETERMINER = re.compile(r"^(?:l['’]|le |la |les |un |une |the |a |an )", re.IGNORECASE)
_NOT_A_ROLE_START = re.compile(
    r"^(?:pour|selon|par|de|du|des|à|au|aux|en|dans|sur|avec|for|by|of|to|in|on|with|"
    r"semaine|mois|jour|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b",
    re.IGNORECASE,
)


class People:
    """Canonical names and clean roles for the speakers of a set of positions."""

    def __init__(self, book: PartyBook) -> None:
        self.book = book
        self.gazetteer = Gazetteer(book)
        self._spelling: dict[tuple[str, str], str] = {}
        self._written: dict[tuple[str, str], str] = {}  # (person, lang) -> commonest full form

    def person(self, p: Position) -> Person | None:
        """The gazetteer person speaking, when the speaker is one of the party's known people."""
        if not p.speaker:
            return None
        person = self.gazetteer.known_person(p.speaker)
        return person if person is not None and person.party_id == p.party_id else None

    def learn_spellings(self, positions: list[Position]) -> None:
        """One spelling per person in a briefing: for a known person, the full name the
        articles in that language write most (the press form, "Roustem Oumerov"); unknown
        speakers spelled two ways (Ovtchar/Ovchar) get the commoner spelling."""
        written: Counter[tuple[str, str, str]] = Counter()
        for p in positions:
            person = self.person(p)
            if person is not None and len(p.speaker.split()) >= 2:
                form = " ".join(p.speaker.split())
                if p.lang == "en" and person.name_en and form == person.name:
                    form = person.name_en  # a surname alone in English copy: the English form
                written[(person.name, p.lang, form)] += 1
        for (name, lang, form), _ in reversed(written.most_common()):
            self._written[(name, lang)] = form  # the commonest is written last
        counts = Counter(
            (p.party_id, p.speaker) for p in positions if p.speaker and not self.person(p)
        )
        names = sorted(counts, key=lambda k: -counts[k])
        for i, (pid, name) in enumerate(names):
            for pid2, name2 in names[:i]:
                if pid2 == pid and _same_name(name, name2):
                    self._spelling[(pid, name)] = self._spelling.get((pid2, name2), name2)
                    break

    def name(self, p: Position, lang: Lang) -> str:
        person = self.person(p)
        if person is not None:
            written = self._written.get((person.name, lang))
            if written:
                return written
            return person.name_en if lang == "en" and person.name_en else person.name
        return self._spelling.get((p.party_id, p.speaker), p.speaker)

    def key(self, p: Position) -> str:
        """One key per speaking person (or party voice), whatever the spelling."""
        return fold(self.name(p, "fr")) or f"[{p.party_id}]"

    def role(self, p: Position, lang: Lang) -> str:
        person = self.person(p)
        if person is not None:
            return person.role_en if lang == "en" else person.role_fr
        return self.clean_role(p.speaker_role, p.lang, p.party_id, lang)

    def clean_role(self, role: str, role_lang: str, party_id: str, lang: Lang) -> str:
        """The apposition when it names an office, restated in ``lang`` if written in another."""
        role = _DETERMINER.sub("", " ".join(role.split())).strip(" ,;:")
        if not role or _NOT_A_ROLE_START.match(role) or re.search(r"\d", role):
            return ""
        office = office_of(role)
        if office is None:
            return ""
        words = role.split()
        if role_lang != lang or len(words) > 9:
            return role_label(office, self.book.name(party_id, lang), lang)
        first = words[0]
        if len(first) > 4 and first[-1] in "sx" and first.islower() and first[:-1] != "":
            words[0] = first[:-1]  # "négociateurs russe" -> "négociateur russe"
        return " ".join(words)


def _same_name(a: str, b: str) -> bool:
    fa, fb = fold(a).split(), fold(b).split()
    if not fa or not fb or fa[-1][:1] != fb[-1][:1]:
        return False
    return _within_one(fa[-1], fb[-1]) and (len(fa) == 1 or len(fb) == 1 or fa[0][:1] == fb[0][:1])


def _within_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one inserted, deleted or replaced letter."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]
