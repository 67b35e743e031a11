"""Offline extraction rules found on the second held-out dev set (tests/data/devset2), checked
on new sentences written for these tests: discourse parentheticals between auxiliary and
participle, new verbs of saying, the person a sentence without a statement names, a leading
setting ("Côté finlandais, …") giving an office its party, roles written after the name, a
state's own "national" council, leading adverbs after an inverted verb, Holy See offices."""

from __future__ import annotations

from tests.extract_support import extract, one


def test_parenthetical_between_auxiliary_and_participle() -> None:
    text = "Le HCR a, de son côté, souligné que « les convois doivent pouvoir passer sans délai »."
    assert one(extract(text), "sans délai").party_id == "UN"
    text = "Berlin a, quant à lui, estimé que la conférence devait se tenir au printemps."
    assert one(extract(text), "au printemps").party_id == "DE"


def test_laisser_entendre_conditionner_and_balayer_report_speech() -> None:
    ps = extract(
        "Helsinki conditionne son accord à un retrait des blindés de la frontière. "
        "Stockholm a laissé entendre qu'un nouveau paquet d'aide serait voté en mars."
    )
    assert one(ps, "retrait des blindés").party_id == "FI"
    assert one(ps, "nouveau paquet").party_id == "SE"
    assert not [p for p in extract("Le ministre tchèque a balayé ces accusations.") if p.evidence]


def test_person_of_a_sentence_without_statement_is_who_the_next_pronoun_means() -> None:
    ps = extract(
        "Le ministre slovaque de l'Économie, Juraj Halas, a reçu mardi Jan Novotny. "
        "Le chef de la diplomatie tchèque, Milan Brezina, ne veut pas entendre parler de quotas. "
        "« Nous n'accepterons aucun plafond », a-t-il lancé."
    )
    p = one(ps, "aucun plafond")
    assert (p.party_id, p.speaker) == ("CZ", "Milan Brezina")


def test_leading_side_gives_an_office_its_party() -> None:
    ps = extract(
        "Côté finlandais, le secrétaire d'État Aaro Virtanen a jugé l'offre insuffisante. "
        "Selon lui, la frontière « doit rester fermée tout l'hiver »."
    )
    p = one(ps, "tout l'hiver")
    assert (p.party_id, p.speaker) == ("FI", "Aaro Virtanen")


def test_leading_place_gives_no_party_to_an_analyst() -> None:
    ps = extract("À Ankara, l'analyste Deniz Arslan a estimé que « le compromis reste lointain ».")
    assert one(ps, "compromis reste lointain").party_id == "OTHER"


def test_role_after_the_name_and_leading_adverb_after_the_verb() -> None:
    ps = extract(
        "« Le calendrier ne bougera pas », a répété jeudi Oksana Lytvyn, porte-parole adjointe "
        "de la diplomatie ukrainienne. « Aucun navire ne passera », a prévenu le capitaine "
        "Ivan Sokol, de l'état-major de la marine biélorusse."
    )
    assert (one(ps, "ne bougera pas").party_id, one(ps, "ne bougera pas").speaker) == (
        "UA",
        "Oksana Lytvyn",
    )
    assert one(ps, "Aucun navire").party_id == "BY"


def test_a_national_security_council_is_not_the_un_security_council() -> None:
    ps = extract(
        "À Londres, le conseiller du Conseil de sécurité nationale, Tom Hale, a estimé que "
        "« la ligne rouge a été franchie »."
    )
    assert one(ps, "ligne rouge").party_id == "GB"


def test_holy_see_offices() -> None:
    ps = extract(
        "Le nonce apostolique a souhaité que « les prisonniers soient libérés avant Pâques »."
    )
    assert one(ps, "avant Pâques").party_id == "VA"


def test_possessive_office_belongs_to_the_owner_named_first() -> None:
    ps = extract(
        "Rome a envoyé à Varsovie son émissaire pour les Balkans, Dario Fenzi. "
        "D'après lui, « la trêve de Pâques est à portée de main »."
    )
    p = one(ps, "trêve de Pâques")
    assert (p.party_id, p.speaker) == ("IT", "Dario Fenzi")
    ps = extract(
        "Le Conseil européen a laissé entendre qu'il pourrait reporter le vote. "
        "« Rien n'est décidé », a ajouté son porte-parole, Pieter Claes."
    )
    assert one(ps, "Rien n'est décidé").party_id == "EU"


def test_se_borner_a_and_en_revanche() -> None:
    ps = extract("Le Pentagone s'est borné à « prendre note de la décision ».")
    assert one(ps, "prendre note").party_id == "US"
    ps = extract("Berlin a en revanche estimé que la livraison restait « prématurée ».")
    assert one(ps, "prématurée").party_id == "DE"


def test_the_alliance_is_nato() -> None:
    ps = extract("« Aucun allié ne sera laissé seul », a affirmé un porte-parole de l'Alliance.")
    assert one(ps, "laissé seul").party_id == "NATO"


def test_incise_without_speaker_leaves_the_subject_before_the_quote() -> None:
    ps = extract(
        "Le HCR, qui gère les centres d'accueil, « manque de moyens pour l'hiver », "
        "a-t-on appris auprès de son bureau à Genève."
    )
    assert one(ps, "manque de moyens").party_id == "UN"
    ps = extract(
        "Le ministère italien de la Défense « n'exclut aucune option » et se dit prêt à "
        "« renforcer les patrouilles », précise un communiqué diffusé lundi."
    )
    assert one(ps, "aucune option").party_id == "IT"


def test_bare_definite_title_points_back_to_the_last_speaker() -> None:
    ps = extract(
        "La ministre finlandaise de la Défense, Aino Laakso, a dénoncé « une escalade inutile ». "
        "« Nous ne céderons pas au chantage », a insisté la responsable, qui quitte Helsinki."
    )
    p = one(ps, "chantage")
    assert (p.party_id, p.speaker) == ("FI", "Aino Laakso")


def test_inverted_pronoun_is_the_sentence_own_subject() -> None:
    ps = extract(
        "La porte-parole de la diplomatie russe a jugé l'offre « sérieuse ». "
        "Le président tchèque a pourtant fermé la porte : Prague « ne signera rien "
        "en l'état », a-t-il tranché devant la presse."
    )
    assert one(ps, "ne signera rien").party_id == "CZ"
