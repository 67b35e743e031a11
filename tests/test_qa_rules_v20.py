"""The Q&A rules of the twentieth pass (issue #13), on questions and sentences of my own: a
"who" answer whose sentences name the person without their office is shown with the sentence
of the article introducing them by it ("son homologue norvégien, Ola Nordmann"); "side" is
"camp" and "supposed to" is no word asked; "que répond X ?" is X's position and a commissioner
is a role asked, the sentences added to a role's statements being only that role's; "où"
answers with the building within the town, the one nearest the day asked; "X's line on Y" is
X's position; "prête à", "willing to" frame a yes-or-no question and are no words asked; a
question of conditions ranks the statement setting one first."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.lexicon import MentionFinder
from bot.qa.respond import asked_roles, titled
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import StoredPositions
from tests.test_qa_rules_v8 import lines
from tests.test_qa_unit import NoComposer, add

# --- who: the sentence introducing the person by their office


@pytest.mark.parametrize(
    ("name", "sentence", "named"),
    [
        (
            "Ola Nordmann",
            "La ministre danoise, Mette Lund, et son homologue norvégien, Ola "
            "Nordmann, ont tenu une conférence de presse.",
            True,
        ),
        ("Ola Nordmann", "Norwegian Fisheries Minister Ola Nordmann said on Monday.", True),
        ("Ola Nordmann", "Ola Nordmann, the Norwegian envoy, left early.", True),
        ("Ola Nordmann", "« C'est une bonne nouvelle », a enchaîné Ola Nordmann.", False),
        ("Ola Nordmann", "Mette Lund et Ola Nordmann ont plaidé pour un quota.", False),
    ],
)
def test_a_name_with_its_office(name: str, sentence: str, named: bool) -> None:
    assert titled(name, sentence) is named


QUOTAS = (
    "Quotas de morue : Oslo et Copenhague parlent d'une seule voix\n\n"
    "Mette Lund et Ola Nordmann ont plaidé lundi pour un quota de morue commun.\n\n"
    "Lundi en fin d'après-midi, à Vellmar, la ministre danoise de la pêche, Mette Lund, et son "
    "homologue norvégien, Ola Nordmann, ont tenu une conférence de presse commune.\n\n"
    "« C'est une bonne nouvelle pour les pêcheurs, mais un quota sans contrôle des prises ne "
    "serait qu'une promesse de papier », a enchaîné Ola Nordmann à propos de l'accord."
)
QUOTAS_SAID = [
    (
        "NO",
        "Ola Nordmann",
        "homologue norvégien",
        "« C'est une bonne nouvelle pour les pêcheurs, mais un quota sans contrôle des prises ne "
        "serait qu'une promesse de papier », a enchaîné Ola Nordmann à propos de l'accord.",
    )
]


def test_who_is_shown_with_the_sentence_naming_their_office(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(any_db, QUOTAS, lang="fr")
    bot = BriefBot(
        settings, any_db, book, [StoredPositions(QUOTAS_SAID, "test:qa-v20")], [NoComposer()]
    )  # type: ignore[list-item]
    reply = lines(
        QuestionAnswerer(bot)(
            "Qui a dit qu'un quota sans contrôle des prises ne serait qu'une promesse de papier ?",
            "fr",
            "c",
            "1",
            None,
        )
    )
    assert "Ola Nordmann" in reply[0], reply
    assert any("son homologue norvégien, Ola Nordmann" in line for line in reply), reply


# --- "side" is "camp"; "supposed to" is no word asked


def test_a_side_is_a_camp_in_both_languages(finder: MentionFinder) -> None:
    understood = understand("How many prisoners is each side supposed to release?", finder)
    labels = {c.label for c in understood.query.concepts}
    assert "supposed" not in labels, labels
    side = next(c for c in understood.query.concepts if c.label == "side")
    assert ("camp",) in side.forms, side.forms


SWAP = (
    "Échange de prisonniers à Vellmar\n\n"
    "La Norvège et le Danemark ont conclu lundi à Vellmar un accord sur les pêcheurs détenus.\n\n"
    "Selon le médiateur, 300 prisonniers de chaque camp sont concernés par l'accord conclu "
    "dans l'après-midi."
)


def test_each_side_finds_the_other_languages_sentence(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(any_db, SWAP, lang="fr")
    bot = BriefBot(settings, any_db, book, [StoredPositions([], "test:qa-v20")], [NoComposer()])  # type: ignore[list-item]
    reply = lines(
        QuestionAnswerer(bot)(
            "How many prisoners is each side supposed to release under the Vellmar deal?",
            "en",
            "c",
            "1",
            None,
        )
    )
    assert "300" in reply[0], reply
    assert any("300 prisonniers de chaque camp" in line for line in reply), reply


# --- "que répond X" is X's position; an office of commissioner is a role asked


@pytest.mark.parametrize(
    "question",
    ["Que répond la Norvège ?", "Et que répondent les Norvégiens à cette offre ?"],
)
def test_what_a_party_replies_is_its_position(finder: MentionFinder, question: str) -> None:
    understood = understand(question, finder)
    assert understood.kind == "position", understood.kind
    assert "NO" in understood.parties
    assert not {"repond", "repondent"} & {c.label for c in understood.query.content}


def test_a_commissioner_is_a_role_of_both_languages() -> None:
    roles = asked_roles("Que répond la commissaire norvégienne aux droits de l'enfant ?")
    assert any({"commissaire", "commissioner"} <= forms for forms in roles), roles


HARBOUR = (
    "Oslo et Copenhague divisés\n\n"
    "« Nos pêcheurs attendent depuis trop longtemps », a déclaré lundi la commissaire "
    "norvégienne aux pêches, Kari Hansen.\n\n"
    "« Il nous faut une réponse avant l'été », a ajouté Kari Hansen.\n\n"
    "« Les familles de nos marins ne peuvent plus attendre », a insisté Kari Hansen.\n\n"
    "La Norvège réclame l'agrandissement du port de Vellmar, selon un commissaire danois.\n\n"
    "La Norvège veut aussi un nouveau quai au port de Vellmar, d'après la presse locale.\n\n"
    "La Norvège juge le port de Vellmar trop petit, selon des élus danois."
)
HARBOUR_SAID = [
    ("NO", "Kari Hansen", "commissaire norvégienne aux pêches", sentence)
    for sentence in (
        "« Nos pêcheurs attendent depuis trop longtemps », a déclaré lundi la commissaire "
        "norvégienne aux pêches, Kari Hansen.",
        "« Il nous faut une réponse avant l'été », a ajouté Kari Hansen.",
        "« Les familles de nos marins ne peuvent plus attendre », a insisté Kari Hansen.",
    )
]


def test_sentences_of_others_take_no_place_of_the_roles_words(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(any_db, HARBOUR, lang="fr")
    bot = BriefBot(
        settings, any_db, book, [StoredPositions(HARBOUR_SAID, "test:qa-v20")], [NoComposer()]
    )  # type: ignore[list-item]
    reply = lines(
        QuestionAnswerer(bot)(
            "Que dit la commissaire norvégienne aux pêches sur le port de Vellmar ?",
            "fr",
            "c",
            "1",
            None,
        )
    )
    for words in (
        "Nos pêcheurs attendent",
        "une réponse avant l'été",
        "Les familles de nos marins",
    ):
        assert any(words in line for line in reply), (words, reply)
    assert not any("selon" in line or "d'après" in line for line in reply), reply


# --- where: the building within the town, nearest the day asked

ROUNDS = (
    "Les pourparlers de Vellmar\n\n"
    "VELLMAR, 4 mai - Jeudi 4 mai, à Vellmar, les pourparlers sur les quotas de morue ont "
    "repris entre Oslo et Copenhague.\n\n"
    "Ouverts mercredi au palais de Vellmar, les pourparlers sur les quotas de morue se sont "
    "poursuivis jeudi à l'hôtel Nordlys, dans un format plus restreint."
)


def test_the_building_where_it_happened_over_the_town(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(any_db, ROUNDS, lang="fr")
    bot = BriefBot(settings, any_db, book, [StoredPositions([], "test:qa-v20")], [NoComposer()])  # type: ignore[list-item]
    reply = lines(
        QuestionAnswerer(bot)(
            "Où se sont tenus les pourparlers sur les quotas jeudi 4 mai ?", "fr", "c", "1", None
        )
    )
    assert "Nordlys" in reply[0], reply
    assert any("jeudi à l'hôtel Nordlys" in line for line in reply), reply


# --- "X's line on Y" is X's position on Y


@pytest.mark.parametrize(
    "question",
    ["What is Norway's line on the cod quotas?", "What is Oslo's line about cod quotas?"],
)
def test_a_partys_line_is_its_position(finder: MentionFinder, question: str) -> None:
    understood = understand(question, finder)
    assert understood.kind == "position", understood.kind
    assert "line" not in {c.label for c in understood.query.concepts}


def test_a_front_line_is_no_position(finder: MentionFinder) -> None:
    understood = understand("What happened along the front line on Tuesday?", finder)
    assert understood.kind != "position"


# --- "prête à", "willing to": the frame of a yes-or-no question, not what is asked


@pytest.mark.parametrize(
    "question",
    [
        "La Norvège est-elle prête à envoyer des navires de garde-côtes ?",
        "Is Norway willing to send coastguard ships?",
        "Is Norway ready to send coastguard ships?",
    ],
)
def test_being_ready_to_is_no_word_asked(finder: MentionFinder, question: str) -> None:
    understood = understand(question, finder)
    assert understood.kind == "position", understood.kind
    labels = {c.label for c in understood.query.concepts}
    assert not any(w in label for label in labels for w in ("prête", "willing", "ready")), labels


# --- a question of conditions: the statement that sets one


COAST = [
    "La Norvège et la mission de garde-côtes\n\n"
    "« La Norvège soutient une mission de garde-côtes en mer de Vellmar », a déclaré lundi la "
    "ministre norvégienne Kari Hansen.\n\n"
    "« Une mission de garde-côtes en mer de Vellmar est urgente », a ajouté Kari Hansen.\n\n"
    "« Nos navires sont prêts pour une mission de garde-côtes en mer de Vellmar », a insisté "
    "Kari Hansen.\n\n"
    "« Oslo se joindra à une mission de garde-côtes en mer de Vellmar, à condition que le "
    "Danemark en partage les frais », a précisé Kari Hansen."
]
COAST_SAID = [
    ("NO", "Kari Hansen", "ministre norvégienne", sentence)
    for sentence in (
        "« La Norvège soutient une mission de garde-côtes en mer de Vellmar », a déclaré lundi la "
        "ministre norvégienne Kari Hansen.",
        "« Une mission de garde-côtes en mer de Vellmar est urgente », a ajouté Kari Hansen.",
        "« Nos navires sont prêts pour une mission de garde-côtes en mer de Vellmar », a insisté "
        "Kari Hansen.",
        "« Oslo se joindra à une mission de garde-côtes en mer de Vellmar, à condition que le "
        "Danemark en partage les frais », a précisé Kari Hansen.",
    )
]


def test_a_question_of_conditions_gets_the_condition_set(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(any_db, COAST[0], lang="fr")
    bot = BriefBot(
        settings, any_db, book, [StoredPositions(COAST_SAID, "test:qa-v20")], [NoComposer()]
    )  # type: ignore[list-item]
    reply = lines(
        QuestionAnswerer(bot)(
            "À quelles conditions la Norvège participerait-elle à la mission de garde-côtes en "
            "mer de Vellmar ?",
            "fr",
            "c",
            "1",
            None,
        )
    )
    assert any("à condition que le Danemark" in line for line in reply), reply
