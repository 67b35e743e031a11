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


def test_bare_la_ministre_is_the_foreign_minister_met_before() -> None:
    ps = extract(
        "Jana Kovářová, cheffe de la diplomatie tchèque, a reçu ses homologues lundi. "
        "Pour la ministre, la Commission tarde trop à débloquer les fonds promis à Kiev."
    )
    p = one(ps, "tarde trop")
    assert (p.party_id, p.speaker) == ("CZ", "Jana Kovářová")


def test_pronoun_after_a_leading_clause_naming_a_place_is_the_subject() -> None:
    ps = extract(
        "Le chef de la diplomatie suédoise, Anders Lindqvist, a reçu la presse. "
        "Sans nommer Pékin, il estime que « certains fournisseurs prolongent la guerre »."
    )
    p = one(ps, "prolongent la guerre")
    assert (p.party_id, p.speaker) == ("SE", "Anders Lindqvist")


def test_pour_reprendre_les_mots_de_and_dixit_name_the_speaker() -> None:
    ps = extract(
        "Le ministre slovaque des Finances, Pavol Kišš, a présenté le budget. "
        "Pour reprendre les mots du ministre, Bratislava « ne paiera pas deux fois ». "
        "Berlin veut un fonds commun, pour citer Greta Albrecht, « avant la fin de l'année ». "
        "Dixit Milan Hora, ministre tchèque de la Défense, « aucun soldat ne partira »."
    )
    assert one(ps, "deux fois").speaker == "Pavol Kišš"
    assert one(ps, "avant la fin").speaker == "Greta Albrecht"
    p = one(ps, "aucun soldat")
    assert (p.party_id, p.speaker) == ("CZ", "Milan Hora")


def test_se_dire_and_defendre_report_a_stance() -> None:
    ps = extract(
        "Le ministre hongrois Gábor Veres se dit « prêt à lever son veto sous conditions ». "
        "Le chancelier allemand, Till Brenner, défend un plan de reconstruction sur dix ans."
    )
    assert one(ps, "lever son veto").party_id == "HU"
    p = one(ps, "plan de reconstruction")
    assert (p.party_id, p.speaker) == ("DE", "Till Brenner")


def test_par_la_voix_de_names_the_speaker_for_the_collective() -> None:
    ps = extract(
        "Ankara, par la voix de son porte-parole Murat Sezer, a jugé le plan « irréaliste ». "
        "« Il faut d'abord un cessez-le-feu », a-t-il ajouté."
    )
    p = one(ps, "irréaliste")
    assert (p.party_id, p.speaker) == ("TR", "Murat Sezer")
    assert one(ps, "d'abord un cessez-le-feu").speaker == "Murat Sezer"
