"""Domain model shared by every module: articles, parties, positions, briefings."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")
OTHER_PARTY = "OTHER"

# Topic tags a position can carry; the vocabulary behind them lives in analysis/topics.py.
TOPICS: tuple[str, ...] = (
    "territory",
    "security_guarantees",
    "nato",
    "ceasefire",
    "sanctions",
    "eu_membership",
    "talks",
    "military",
    "humanitarian",
)


@dataclass(frozen=True)
class Person:
    """A well-known person listed in config/parties.toml."""

    name: str
    party_id: str
    role_fr: str = ""
    role_en: str = ""
    aliases: tuple[str, ...] = ()
    name_en: str = ""  # the usual English form ("Vladimir Putin"), when it differs

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Party:
    """A state or organisation whose positions are tracked."""

    id: str
    name_fr: str
    name_en: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    # titles only this party's officials hold ("ministre des Armées"): they tell a speaker's
    # side; a question naming one still asks about the title, not the party
    offices: tuple[str, ...] = ()
    # towns and regions whose officials serve this party ("Novarsk Oblast Governor X"); no
    # party mention of a question, nor a speaker by themselves
    places: tuple[str, ...] = ()

    def name(self, lang: Lang) -> str:
        return self.name_fr if lang == "fr" else self.name_en


@dataclass
class Article:
    """One news article as ingested: its text and where it came from."""

    text: str
    title: str = ""
    url: str | None = None
    path: str | None = None
    lang: str = "fr"
    published: datetime | None = None
    source_name: str = ""
    content_hash: str = ""
    id: int | None = None
    group_id: int | None = None
    ingested: datetime | None = None

    @property
    def source(self) -> str:
        """The link or path a reader can follow to the article."""
        return self.url or self.path or self.source_name or f"article:{self.id}"


PositionKind = Literal["quote", "reported", "attributed"]


@dataclass
class Position:
    """What one speaker said for one party, with the verbatim evidence from an article."""

    party_id: str
    party_name: str
    speaker: str
    speaker_role: str
    claim: str
    evidence: str
    source: str
    kind: PositionKind = "reported"
    quote: str | None = None
    topics: list[str] = field(default_factory=list)
    published: datetime | None = None
    article_hash: str = ""
    article_id: int | None = None
    lang: str = "fr"
    score: float = 0.0
    title: str = ""  # the article's title, cleaned (stamped by the service, not cached)
    ingested: datetime | None = None  # when the article was stored (stamped by the service)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["ingested"] = self.ingested.isoformat() if self.ingested else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Position:
        data = dict(data)
        published = data.get("published")
        data["published"] = datetime.fromisoformat(published) if published else None
        ingested = data.get("ingested")
        data["ingested"] = datetime.fromisoformat(ingested) if ingested else None
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class BriefingItem:
    """One line of a briefing: a position shortened for reading."""

    speaker: str
    role: str
    claim: str
    quote: str
    quote_lang: str
    source_no: int
    frame: str = ""  # what the quotation is about, when the claim is not shown as prose
    # the quoted text is the article's report of what was said (in another language than the
    # briefing), not the speaker's own words
    reported: bool = False


@dataclass
class PartySection:
    party_id: str
    party_name: str
    items: list[BriefingItem]


@dataclass
class Dispute:
    """Two parties saying incompatible things on one topic."""

    topic: str
    sides: list[tuple[str, str, int]]  # (party name, claim, source number)


@dataclass
class Briefing:
    """A composed briefing in one language, ready for any renderer."""

    lang: Lang
    headline: str
    sections: list[PartySection]
    disputes: list[Dispute]
    sources: list[str]
    created: datetime | None = None
    engine: str = "offline"
    source_titles: list[str] = field(default_factory=list)  # same order as ``sources``

    def is_empty(self) -> bool:
        return not self.sections


def briefing_to_json(briefing: Briefing) -> dict[str, Any]:
    data = asdict(briefing)
    data["created"] = briefing.created.isoformat() if briefing.created else None
    return data


def briefing_from_json(data: dict[str, Any]) -> Briefing:
    return Briefing(
        lang=data["lang"],
        headline=data["headline"],
        sections=[
            PartySection(s["party_id"], s["party_name"], [BriefingItem(**i) for i in s["items"]])
            for s in data["sections"]
        ],
        disputes=[
            Dispute(d["topic"], [(str(a), str(b), int(n)) for a, b, n in d["sides"]])
            for d in data["disputes"]
        ],
        sources=list(data["sources"]),
        created=datetime.fromisoformat(data["created"]) if data.get("created") else None,
        engine=data.get("engine", "offline"),
        source_titles=list(data.get("source_titles", [])),
    )
