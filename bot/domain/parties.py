"""The party gazetteer: parties, their names and aliases, and well-known people.

Loaded from config/parties.toml; nothing about any one conflict is written in code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from bot.domain.models import OTHER_PARTY, Lang, Party, Person
from bot.textnorm import fold

OTHER_NAMES = {"fr": "Autres voix", "en": "Other voices"}


@dataclass
class PartyBook:
    parties: list[Party]
    people: list[Person] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {p.id: p for p in self.parties}
        self._by_name: dict[str, Party] = {}
        for party in self.parties:
            for name in (party.id, party.name_fr, party.name_en, *party.aliases):
                self._by_name.setdefault(fold(name), party)

    @classmethod
    def load(cls, path: Path) -> PartyBook:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        parties = [
            Party(
                id=p["id"],
                name_fr=p["name_fr"],
                name_en=p["name_en"],
                aliases=tuple(p.get("aliases", ())),
                demonyms=tuple(p.get("demonyms", ())),
                institutions=tuple(p.get("institutions", ())),
                offices=tuple(p.get("offices", ())),
                places=tuple(p.get("places", ())),
            )
            for p in data.get("party", [])
        ]
        ids = {p.id for p in parties}
        people = []
        for p in data.get("person", []):
            if p["party"] not in ids:
                raise ValueError(f"{path}: person {p['name']!r} names unknown party {p['party']!r}")
            people.append(
                Person(
                    name=p["name"],
                    party_id=p["party"],
                    role_fr=p.get("role_fr", ""),
                    role_en=p.get("role_en", ""),
                    aliases=tuple(p.get("aliases", ())),
                    name_en=p.get("name_en", ""),
                )
            )
        return cls(parties, people)

    def get(self, party_id: str) -> Party | None:
        return self._by_id.get(party_id.upper()) if party_id else None

    def name(self, party_id: str, lang: Lang) -> str:
        if party_id == OTHER_PARTY:
            return OTHER_NAMES[lang]
        party = self.get(party_id)
        return party.name(lang) if party else party_id

    def find(self, text: str) -> Party | None:
        """The party a user means by ``text``: an id, a name or an alias, in either language."""
        key = fold(re.sub(r"\s+", " ", text.strip()))
        if not key:
            return None
        if key.upper() in self._by_id:
            return self._by_id[key.upper()]
        return self._by_name.get(key)
