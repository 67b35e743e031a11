"""Offline extraction rules found on the held-out dev set, checked on new sentences written for
these tests: incises inside open quotes, adverbial and participial comma segments before the
verb, anaphoric titles, lower-case institutions, negated verbs without content, former officials
turned researchers."""

from __future__ import annotations

from tests.extract_support import extract, one


def test_incise_inside_an_open_quote_names_the_speaker() -> None:
    ps = extract(
        "« L'Italie tiendra parole, a assuré le ministre italien de la Défense, Paolo Serra. "
        "Nos avions resteront en Roumanie. »"
    )
    p = one(ps, "tiendra parole")
    assert (p.party_id, p.speaker) == ("IT", "Paolo Serra")
    assert "Nos avions resteront en Roumanie" in p.claim


def test_adverbial_segment_between_collective_subject_and_verb() -> None:
    p = one(extract("Prague, pour sa part, estime que la mission doit rester civile."), "civile")
    assert p.party_id == "CZ"


def test_participial_apposition_is_not_the_subject() -> None:
    text = "Le chef de la diplomatie suédoise, arrivé la veille, s'est dit prêt à signer le texte."
    assert one(extract(text), "signer le texte").party_id == "SE"


def test_pronoun_after_a_participial_clause_and_leading_mais() -> None:
    ps = extract(
        "La ministre finlandaise des Affaires étrangères, Aino Virtanen, a salué l'accord.\n\n"
        "Questionnée sur les sanctions, elle a répondu que « rien ne change ».\n\n"
        "Mais elle a exclu toute levée de l'embargo avant l'été."
    )
    assert one(ps, "rien ne change").speaker == "Aino Virtanen"
    assert one(ps, "levée de l'embargo").speaker == "Aino Virtanen"


def test_office_then_titled_name_keeps_the_party() -> None:
    p = one(
        extract(
            "Le porte-parole de l'état-major ukrainien, le colonel Taras Bondar, a affirmé que "
            "deux ponts avaient été détruits."
        ),
        "deux ponts",
    )
    assert (p.party_id, p.speaker) == ("UA", "Taras Bondar")


def test_anaphoric_official_title_points_back_to_the_person() -> None:
    ps = extract(
        "Le négociateur turc, Emre Kaya, a reçu les délégations.\n\n"
        "« La porte reste ouverte », a répété le responsable turc en fin de journée."
    )
    assert one(ps, "porte reste ouverte").speaker == "Emre Kaya"


def test_lower_case_institution_gives_the_party() -> None:
    p = one(
        extract(
            "« Le calendrier tient », a indiqué le porte-parole du pentagone adjoint, puis "
            "la porte-parole du département d'État, Linda Moss."
        )
        + extract("La porte-parole du département d'État, Linda Moss, a jugé l'offre sérieuse."),
        "offre sérieuse",
    )
    assert p.party_id == "US"


def test_negated_verb_without_content_is_no_position() -> None:
    assert not extract("Berlin n'a pas commenté.")
    assert one(extract("Berlin n'a pas démenti que des chars avaient été livrés."), "chars")


def test_former_official_now_researcher_speaks_for_no_party() -> None:
    ps = extract(
        "Pour Laura Fenwick, ancienne diplomate britannique aujourd'hui chercheuse à Chatham "
        "House, « personne ne veut céder le premier »."
    )
    assert all(p.party_id != "GB" for p in ps)
    assert "ancienne diplomate" in one(ps, "céder le premier").speaker_role
