"""Offline extraction rules found on the third held-out dev set (tests/data/devset3), checked on
new sentences written for these tests: an office written without a nationality ("le ministre
des Affaires étrangères, X", "son chef, X") serves the party named just before it."""

from __future__ import annotations

from tests.extract_support import extract, one


def test_office_without_nationality_serves_the_party_of_the_sentence_before() -> None:
    ps = extract(
        "L'Allemagne a proposé d'accueillir la prochaine session. "
        "Le ministre des Affaires étrangères, Konrad Berghoff, a assuré que Berlin fournirait "
        "« toute la logistique nécessaire »."
    )
    p = one(ps, "logistique nécessaire")
    assert (p.party_id, p.speaker) == ("DE", "Konrad Berghoff")


def test_possessive_office_belongs_to_the_delegation_named_before() -> None:
    ps = extract(
        "La délégation turque est arrivée en fin de matinée. "
        "Interrogé par la presse, son chef, Emre Kaplan, a lancé : « Nous voulons des résultats. »"
    )
    p = one(ps, "des résultats")
    assert (p.party_id, p.speaker) == ("TR", "Emre Kaplan")


def test_party_named_earlier_in_the_sentence_wins_over_the_sentence_before() -> None:
    ps = extract(
        "La Finlande a fermé sa frontière. "
        "Le Pentagone a salué cette décision, mais la porte-parole adjointe, Grace Holloway, "
        "a prévenu qu'elle ne suffirait « pas à dissuader une attaque »."
    )
    assert one(ps, "dissuader une attaque").party_id == "US"


def test_nationality_noun_after_the_office_keeps_the_office() -> None:
    ps = extract(
        "L'Otan a réuni ses ambassadeurs jeudi. "
        "Le secrétaire général adjoint, le Danois Mikkel Sørby, a estimé que l'Alliance devait "
        "« rester unie face aux pressions »."
    )
    p = one(ps, "rester unie")
    assert (p.party_id, p.speaker) == ("NATO", "Mikkel Sørby")
