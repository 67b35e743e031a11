"""Finds gazetteer names in text: party forms (names, aliases, demonyms, institutions) and people.

Every pattern is compiled once per PartyBook from config/parties.toml; nothing here knows any
particular party or person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.domain.models import Party, Person
from bot.domain.parties import PartyBook

_ARTICLE = re.compile(r"^(?:l['’]|la |le |les |the )", re.IGNORECASE)
_LB = r"(?<![\w\-])"
_RB = r"(?![\w\-])"
# words that may stand right before a surname without making it part of another full name
_TITLE_WORDS = {
    "M.",
    "Mme",
    "Mr",
    "Mr.",
    "Mrs",
    "Ms",
    "Dr",
    "Président",
    "President",
    "Premier",
    "Prime",
    "Minister",
    "Chancellor",
    "Secretary",
    "Le",
    "La",
    "Les",
    "The",
    "Et",
    "And",
    "Selon",
    "Pour",
    "Pendant",
    "Lors",
    "Mais",
    "Si",
    "Alors",
    "When",
    "But",
    "According",
    "For",
    "As",
}


@dataclass(frozen=True)
class Hit:
    """A party form found in text."""

    start: int
    end: int
    party_id: str
    kind: str  # name | alias | demonym | institution


@dataclass(frozen=True)
class PersonHit:
    """A person name found in text; ``person`` is None for names the gazetteer does not know."""

    start: int
    end: int
    text: str
    person: Person | None


_CAPITALISED_AFTER = re.compile(r" ([A-Z][a-z]{2,})\b(?![-'’])")
MASTHEAD_WORDS = frozenset(
    [
        "Independent",
        "Post",
        "Times",
        "Herald",
        "Journal",
        "Gazette",
        "Tribune",
        "Telegraph",
        "Observer",
        "Express",
        "Mirror",
        "Insider",
        "Chronicle",
        "Examiner",
        "Standard",
        "Review",
        "Inter",
        "Info",
        "Culture",
        "Télévisions",
        "Bleu",
        "Bureau",
        "Desk",
        "Newsroom",
    ]
)
# the last word of a place's name, never a person's: "Black Sea", "Sea of Azov" is caught by
# its first word
# the last word of a place's or building's name, never a person's ("Black Sea", "Finlandia Hall")
GEOGRAPHY_WORDS = frozenset(
    [
        *("Sea", "Ocean", "River", "Strait", "Straits", "Gulf", "Bay", "Lake", "Mountains"),
        *("Canal", "Hall", "Palace", "Square", "Tower", "Building", "Airport", "Cathedral"),
        *("Castle", "Stadium", "Arena", "Bridge", "Avenue", "Street", "Centre", "Center", "House"),
        *("Room", "Library", "Museum", "Hotel"),
        *("Asia", "Africa", "Americas", "Caucasus", "Balkans"),  # "Europe and Central Asia"
    ]
)
_CHANNEL_NUMBER = re.compile(r" \d{1,2}\b(?![.,:/]\d)")
_LANGUAGE_BEFORE = re.compile(r"\ben\s+$")
_NATIONAL_AFTER = re.compile(r"\s+(?:national|nationale|nationaux|nationales|national)\b", re.I)


def _form_pattern(form: str) -> str:
    return re.escape(form).replace("'", "['’]").replace(r"\ ", r"\s+")


def _alternation(forms: list[str]) -> str:
    return "|".join(_form_pattern(f) for f in sorted(set(forms), key=len, reverse=True))


class Gazetteer:
    """Compiled matchers over one PartyBook."""

    def __init__(self, book: PartyBook) -> None:
        self.book = book
        self._party_kind: dict[str, tuple[str, str]] = {}
        cased: list[str] = []
        folded: list[str] = []
        for party in book.parties:
            groups = (
                ("name", (party.name_fr, party.name_en)),
                ("alias", party.aliases),
                ("institution", party.institutions),
                ("institution", party.offices),
                ("place", party.places),
                ("demonym", party.demonyms),
            )
            for kind, forms in groups:
                for form in forms:
                    form = _ARTICLE.sub("", form.strip())
                    if not form:
                        continue
                    key = form.lower()
                    if key in self._party_kind and kind != "demonym":
                        if self._party_kind[key][0] == party.id:
                            # "Unicef" and "UNICEF": each written form of the same party
                            (cased if form[0].isupper() else folded).append(form)
                        continue
                    self._party_kind.setdefault(key, (party.id, kind))
                    (cased if form[0].isupper() else folded).append(form)
                    if kind == "institution" and " " in form and form[0].isupper():
                        # French copy writes "le département d'État", "la commission européenne"
                        cased.append(form[0].lower() + form[1:])
        parts = []
        if cased:
            parts.append(f"{_LB}(?:{_alternation(cased)}){_RB}")
        if folded:
            parts.append(f"{_LB}(?i:{_alternation(folded)}){_RB}")
        self._party_re = re.compile("|".join(parts)) if parts else None
        self._person_by_form: dict[str, Person] = {}
        for person in book.people:
            for pform in (
                person.name,
                *person.aliases,
                *((person.name_en,) if person.name_en else ()),
            ):
                self._person_by_form.setdefault(re.sub(r"\s+", " ", pform), person)
        names = list(self._person_by_form)
        self._person_re = (
            re.compile(f"{_LB}(?:{_alternation(names)}){_RB}(?!\\s+[A-ZÀ-Ý][a-zà-ÿ])")
            if names
            else None
        )

    def party(self, party_id: str) -> Party | None:
        return self.book.get(party_id)

    def party_hits(self, text: str) -> list[Hit]:
        """Every party form in ``text``, in order (the rules ask several times per sentence)."""
        return list(self._party_hits(text))

    def forget(self) -> None:
        """Drop the texts seen so far (one article's sentences need not outlive it)."""
        type(self)._party_hits.cache_clear()

    @lru_cache(maxsize=4096)  # noqa: B019 (cleared by forget(), for each article)
    def _party_hits(self, text: str) -> tuple[Hit, ...]:
        if self._party_re is None:
            return ()
        hits = []
        for m in self._party_re.finditer(text):
            key = re.sub(r"\s+", " ", m.group(0).replace("’", "'")).lower()
            found = self._party_kind.get(key)
            if found and found[1] == "demonym" and _LANGUAGE_BEFORE.search(text[: m.start()]):
                continue  # "dans un éditorial en anglais": a language, not the British side
            if found and found[1] == "institution" and _NATIONAL_AFTER.match(text, m.end()):
                continue  # "Conseil de sécurité nationale": some state's own body, not the UN's
            if found and found[1] in ("alias", "name") and self._names_a_title(text, m.end()):
                continue  # "le Kyiv Independent", "the Moscow Times": a newspaper, not the side
            if found:
                hits.append(Hit(m.start(), m.end(), found[0], found[1]))
        return tuple(hits)

    @staticmethod
    def _names_a_title(text: str, end: int) -> bool:
        """Whether a capital's name at ``end`` runs on into a newspaper's name ("Kyiv
        Independent", "Washington Post", "Moscow Times")."""
        if _CHANNEL_NUMBER.match(text, end):
            return True  # "France 24", "Russia 1": a channel
        after = _CAPITALISED_AFTER.match(text, end)
        return after is not None and after.group(1) in MASTHEAD_WORDS

    def person_hits(self, text: str) -> list[PersonHit]:
        """Known people named in ``text`` (full names or aliases), in order."""
        if self._person_re is None:
            return []
        hits = []
        for m in self._person_re.finditer(text):
            form = re.sub(r"\s+", " ", m.group(0))
            person = self._person_by_form.get(form)
            if person is None:
                continue
            if " " not in form:  # a bare surname must not be the tail of someone else's name
                before = text[: m.start()].split()
                prev = before[-1] if before else ""
                elided = re.match(r"[LD]['’][a-zà-ÿ]", prev)  # "L'administration Trump"
                if (
                    prev[:1].isupper()
                    and prev not in _TITLE_WORDS
                    and not prev.endswith((",", ":", ";"))  # "KK: Lavrov said"
                    and not elided
                ):
                    continue
            hits.append(PersonHit(m.start(), m.end(), m.group(0), person))
        return hits

    def known_person(self, name: str) -> Person | None:
        """The gazetteer person a written name stands for, if any (full name or any alias)."""
        name = re.sub(r"\s+", " ", name.strip())
        person = self._person_by_form.get(name)
        if person is None and " " in name:
            person = self._person_by_form.get(name.split()[-1])
        return person
