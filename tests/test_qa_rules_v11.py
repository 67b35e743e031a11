"""The Q&A rules of the eleventh pass (issue #13), on questions and sentences of my own, in
French and English: the people a "who" question names are part of what was done, not who is
asked ("qui a proposé une rencontre entre Poutine et Zelensky ?" is answered by a sentence on
"les deux dirigeants"), and a known person the question names in another spelling is not its
answer; a middle initial stands in a name ("Jonas K. Berger"); "He said …" after a quotation
is the quotation's speaker ('"…," Harbour Minister Jana Holmqvist told reporters'), without
the words of their office; a follow-up naming another party ("Et la Hongrie ?") takes the place
of the party the previous question asked about, not of the others it named as part of what it
asked ("l'achat de gaz russe")."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.qa.facts import person
from bot.qa.followup import Context, resolve
from bot.qa.lexicon import MentionFinder
from bot.qa.understand import subject_parties, understand
from bot.settings import Settings
from bot.store.db import Database
from tests.test_qa_rules_v8 import answer, sentence

# --- the people a "who" question names are part of what was done

SUMMIT = (
    "Vienne se propose comme hôte\n\n"
    "Le chancelier autrichien Markus Feldner a proposé d'organiser au printemps une rencontre "
    "entre les deux dirigeants dans un monastère des Alpes.\n\n"
    "La neige a fermé plusieurs cols de montagne pendant la semaine.\n"
)


@pytest.mark.parametrize(
    "asked",
    [
        "Qui a proposé d'organiser une rencontre entre Poutine et Zelensky au printemps ?",
        "Who proposed to organise a spring meeting between Putin and Zelensky?",
    ],
)
def test_people_a_who_question_names_are_what_was_done(
    any_db: Database, book: PartyBook, settings: Settings, asked: str
) -> None:
    reply = answer(any_db, book, settings, SUMMIT, asked)
    assert "Markus Feldner" in reply[0]


def test_a_person_the_question_names_in_another_spelling_is_not_the_answer(
    gazetteer: Gazetteer,
) -> None:
    text = "Selon Vladimir Poutine, c'est Lena Voss qui a donné le compte rendu de l'appel."
    question = "Who gave the account of the Putin call?"
    assert person([sentence(1, text)], question, gazetteer, []) == "Lena Voss"


def test_a_middle_initial_stands_in_a_name(gazetteer: Gazetteer) -> None:
    text = "Later that day, Jonas K. Berger, the mayor's aide, gave reporters the figures."
    assert person([sentence(1, text)], "Who gave reporters the figures?", gazetteer, []) == (
        "Jonas K. Berger"
    )


# --- "He said …" after a quotation: the quotation's speaker


@pytest.mark.parametrize(
    ("before", "then", "asked"),
    [
        (
            '"The harbour will reopen by May," Harbour Minister Jana Holmqvist told reporters.',
            "She said the city proposed a floating pier near the old lighthouse.",
            "Who proposed a floating pier?",
        ),
        (
            "« Le port rouvrira en mai », a déclaré Jana Holmqvist, ministre des Ports.",
            "Elle a ajouté que la ville proposait une jetée flottante près du vieux phare.",
            "Qui a proposé une jetée flottante ?",
        ),
    ],
)
def test_a_pronoun_after_a_quotation_is_its_speaker(
    gazetteer: Gazetteer, before: str, then: str, asked: str
) -> None:
    said = sentence(2, then)
    around = {2: [sentence(1, before)]}
    assert person([said], asked, gazetteer, [], around) == "Jana Holmqvist"


# --- a follow-up's party takes the place of the one asked about only


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("Quelle est la position de la Pologne sur l'achat de gaz russe ?", "Et la Hongrie ?"),
        ("What is Poland's position on buying Russian gas?", "And Hungary?"),
    ],
)
def test_a_followup_party_replaces_only_the_one_asked_about(
    finder: MentionFinder, first: str, then: str
) -> None:
    previous = Context("a1", "fr", first, understand(first, finder).query)
    resolved = resolve(then, understand(then, finder).query, previous)
    assert subject_parties(resolved.query) == ["HU"]
    assert "RU" in resolved.query.parties
    assert "PL" not in resolved.query.parties
