"""The party gazetteer (config/parties.toml), its matchers, and role/nationality inference."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.extract.rules import roles
from bot.extract.rules.mentions import role_before
from bot.qa.lexicon import MentionFinder
from tests.extract_support import PARTIES

REQUIRED = [
    "UA",
    "RU",
    "US",
    "EU",
    "NATO",
    "FR",
    "TR",
    "PL",
    "GB",
    "DE",
    "UN",
    "BY",
    "CN",
    "IT",
    "HU",
]


@pytest.fixture(scope="module")
def book() -> PartyBook:
    return PartyBook.load(PARTIES)


@pytest.fixture(scope="module")
def gaz(book: PartyBook) -> Gazetteer:
    return Gazetteer(book)


def test_required_parties_and_people(book: PartyBook) -> None:
    ids = {p.id for p in book.parties}
    assert set(REQUIRED) <= ids
    names = {p.name for p in book.people}
    for name in (
        "Volodymyr Zelensky",
        "Vladimir Poutine",
        "Sergueï Lavrov",
        "Mark Rutte",
        "Kaja Kallas",
        "Recep Tayyip Erdogan",
        "Giorgia Meloni",
        "Viktor Orban",
    ):
        assert name in names
    assert all(p.party_id in ids for p in book.people)


def test_public_api(book: PartyBook) -> None:
    assert book.get("ua") is not None and book.get("UA").name_fr == "Ukraine"  # type: ignore[union-attr]
    assert book.name("US", "fr") == "États-Unis" and book.name("US", "en") == "United States"
    assert book.name("OTHER", "en") == "Other voices"
    assert book.find("Kremlin").id == "RU"  # type: ignore[union-attr]
    assert book.find("otan").id == "NATO"  # type: ignore[union-attr]
    assert book.find("nowhere") is None


def test_unknown_party_in_person_is_rejected(tmp_path: Path) -> None:
    bad = tmp_path / "p.toml"
    bad.write_text(
        '[[party]]\nid="UA"\nname_fr="Ukraine"\nname_en="Ukraine"\n'
        '[[person]]\nname="X Y"\nparty="ZZ"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError):
        PartyBook.load(bad)


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("le porte-parole du ministère ukrainien de la Défense", "UA"),
        ("le ministre turc des Affaires étrangères", "TR"),
        ("un collaborateur du président ukrainien Volodymyr Zelensky", "UA"),
        ("la responsable de la politique étrangère de l'UE", "EU"),
        ("les alliés européens de Kiev", "EU"),
        ("le commandement militaire de l'est de l'Ukraine", "UA"),
        ("l'ambassadeur américain à Kiev", "US"),
        ("Ukraine's foreign minister", "UA"),
        ("a Kremlin spokesman", "RU"),
        ("the Polish prime minister", "PL"),
        ("le gendre du président Donald Trump", "US"),
        ("la Maison-Blanche", "US"),
        ("le chef de l'Otan", "NATO"),
    ],
)
def test_infer_party(gaz: Gazetteer, text: str, party: str) -> None:
    assert roles.infer_party(gaz, text) == party


@pytest.mark.parametrize(
    "text", ["un diplomate en poste à Moscou", "un analyste russe", "le plan de paix", "pro-russe"]
)
def test_no_party_clue(gaz: Gazetteer, text: str) -> None:
    assert roles.infer_party(gaz, text) is None


def test_demonyms_are_whole_words_and_acronyms_case_sensitive(gaz: Gazetteer) -> None:
    assert [h.party_id for h in gaz.party_hits("Les Ukrainiens et les Russes")] == ["UA", "RU"]
    assert gaz.party_hits("un accord, une trêve") == []  # "un" is not the UN
    assert [h.party_id for h in gaz.party_hits("l'UE et l'ONU")] == ["EU", "UN"]


def test_person_hits_surnames_and_other_full_names(gaz: Gazetteer) -> None:
    hits = gaz.person_hits("M. Zelensky a vu Vladimir Poutine et Michel Barnier.")
    assert [h.person.name for h in hits if h.person] == ["Volodymyr Zelensky", "Vladimir Poutine"]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("le chef de la diplomatie russe", "foreign_minister"),
        ("le vice-président américain", "vice_president"),
        ("le négociateur en chef ukrainien", "negotiator"),
        ("a Kremlin spokeswoman", "spokesperson"),
        ("le premier ministre polonais", "prime_minister"),
    ],
)
def test_office_keys(text: str, key: str) -> None:
    assert roles.head_office(text) == key


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("le premier ministre belge", "BE"),
        ("la diplomatie néerlandaise", "NL"),
        ("le Conseil fédéral suisse", "CH"),
        ("un médiateur qatari", "QA"),
        ("un diplomate émirien", "AE"),
        ("Berne", "CH"),
        ("Matignon", "FR"),
        ("Bercy", "FR"),
        ("la Banque centrale européenne", "EU"),
        ("le département du Trésor", "US"),
    ],
)
def test_new_states_and_metonyms(gaz: Gazetteer, text: str, party: str) -> None:
    assert [h.party_id for h in gaz.party_hits(text)] == [party]


def test_brussels_stays_the_eu_and_hollande_is_no_state(gaz: Gazetteer, book: PartyBook) -> None:
    assert [h.party_id for h in gaz.party_hits("Bruxelles et la Belgique")] == ["EU", "BE"]
    assert gaz.party_hits("François Hollande") == []
    assert book.find("Suisse").id == "CH"  # type: ignore[union-attr]
    assert book.find("EAU").id == "AE"  # type: ignore[union-attr]


def test_new_officials_resolve(gaz: Gazetteer) -> None:
    text = "M. Szijjártó a vu Scott Bessent, Boudanov et Léon XIV ; Cassis (le fruit) non."
    hits = [(h.person.name, h.person.party_id) for h in gaz.person_hits(text) if h.person]
    assert hits == [
        ("Peter Szijjarto", "HU"),
        ("Scott Bessent", "US"),
        ("Kyrylo Boudanov", "UA"),
        ("Léon XIV", "VA"),
    ]


def test_an_office_gives_a_speaker_side_but_is_no_party_mention_of_a_question() -> None:
    book = PartyBook.load(PARTIES)
    gaz = Gazetteer(book)
    assert [h.party_id for h in gaz.party_hits("le ministre des Armées a précisé")] == ["FR"]
    found = MentionFinder(book).find("Que répond le ministre des Armées à Moscou ?")
    assert {m.key for m in found if m.kind == "party"} == {"RU"}


def test_a_place_gives_an_official_side_but_is_no_speaker_nor_party_of_a_question() -> None:
    book = PartyBook.load(PARTIES)
    gaz = Gazetteer(book)
    assert roles.infer_party(gaz, "Kharkiv Oblast Governor") == "UA"
    assert roles.infer_party(gaz, "l'ambassadeur à Kharkiv") is None
    found = MentionFinder(book).find("What happened in Kharkiv overnight?")
    assert not [m for m in found if m.kind == "party"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("La semaine dernière encore, Vladimir Poutine", ""),
        ("Le porte-parole du Kremlin, Dmitri Peskov", "porte-parole du Kremlin"),
    ],
)
def test_a_time_phrase_before_a_name_is_no_role(text: str, role: str) -> None:
    assert role_before(text, text.rindex(",") + 2) == role
