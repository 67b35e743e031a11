"""The Q&A rules of the twenty-eighth pass, on questions and sentences of my own (Norway,
Denmark and Sweden at fisheries talks): a side a "who" question names only by its adjective
("Norwegian trawlers") may be who did it, when the answering sentence opens with its name
("Copenhague a refusé…"); "let", hedges on a figure ("thought to") and what is "left" of it
are no words to find; the place most sentences give answers "where", and a side's adjective
("a Danish proposal") is no place; "where?" alone asks where what was just asked happens; a
date with a shortened month is the same date ("Oct. 14", "14 October"); how long one waits
is a duration ("will wait more than 12 hours"); a people's adjective the party book does not
know is looked for with the other language's ending ("Bolivians", "Boliviens"); how many
were already done is not answered by what will or could be done ("would open with capacity
for 30 inspections a day"); the glossary's new rows."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer, facts
from bot.qa.lexicon import MentionFinder, bridge_forms, phrase_forms
from bot.qa.query import parse_question
from bot.qa.respond import same_date
from bot.qa.search import Passage
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import StoredPositions
from tests.test_qa_rules_v8 import lines
from tests.test_qa_unit import NoComposer, add


def _bot(
    db: Database, book: PartyBook, settings: Settings, texts: list[str], lang: str
) -> QuestionAnswerer:
    from bot.service import BriefBot

    for text in texts:
        add(db, text, lang=lang)
    bot = BriefBot(settings, db, book, [StoredPositions([], "test:qa-v28")], [NoComposer()])  # type: ignore[list-item]
    return QuestionAnswerer(bot)


# --- a side named only by its adjective may be who did it

TRAWLERS = (
    "Pêche : la mer du Nord se ferme\n\n"
    "Les ministres de la pêche se sont réunis mardi à Bergen.\n\n"
    "Copenhague a refusé que des chalutiers danois soient inspectés dans le Skagerrak, "
    "a indiqué une source diplomatique."
)


def test_a_side_named_by_its_adjective_may_be_who_did_it(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [TRAWLERS], "fr")
    reply = lines(
        ask(
            "Qui a refusé que des chalutiers danois soient inspectés dans le Skagerrak ?",
            "fr",
            "c",
            "1",
            None,
        )
    )
    assert any("Copenhague a refusé" in line for line in reply), reply


# --- "let", hedges on a figure and what is left of it are no words to find


@pytest.mark.parametrize(
    ("question", "dropped"),
    [
        ("Who refused to let Swedish trawlers be inspected in Danish waters?", {"let"}),
        ("How many herring boats are thought to be left in the Skagerrak?", {"thought", "left"}),
        ("How many inspectors are believed to be still left in Bergen?", {"believed", "left"}),
    ],
)
def test_framing_words_are_no_words_to_find(
    finder: MentionFinder, question: str, dropped: set[str]
) -> None:
    labels = {c.label for c in understand(question, finder).query.concepts}
    assert not labels & dropped, labels


# --- the place most sentences give, and no side's adjective, answers "where"

PROPOSAL = (
    "Copenhagen rejected a proposal by Oslo to hold the next round in Bergen, and the "
    "ministers will instead meet in Malmö on 3 May."
)
AGAIN = "The ministers meet again in Malmö on 3 May to review the herring quotas."


def test_the_place_most_sentences_give_answers_where(gazetteer: Gazetteer) -> None:
    passages = [Passage(1, 1, 1, "en", PROPOSAL, []), Passage(2, 2, 1, "en", AGAIN, [])]
    question = "When and where is the next round?"
    found = facts.answer_value(
        "where", passages, question, gazetteer=gazetteer, parties=[], words=set()
    )
    assert found == "Malmö"


def test_a_sides_adjective_is_no_place(gazetteer: Gazetteer) -> None:
    passage = Passage(1, 1, 1, "en", "Sweden rejected a Danish proposal on herring quotas.", [])
    question = "Where will they meet?"
    found = facts.answer_value(
        "where", [passage], question, gazetteer=gazetteer, parties=[], words=set()
    )
    assert found == ""


# --- "where?" alone: where what was just asked happens

COMMISSION = (
    "Herring commission to open in May\n\n"
    "Norway and Denmark said the joint herring commission, based in Tromsø, would start work "
    "on 3 May.\n\n"
    "Sweden has yet to name its delegate."
)


def test_where_alone_asks_where_what_was_asked_happens(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [COMMISSION], "en")
    first = lines(ask("When does the herring commission start work?", "en", "c", "1", None))
    assert any("3 May" in line for line in first), first
    reply = lines(ask("where?", "en", "c", "1", None))
    assert reply[0].endswith("Tromsø"), reply


# --- a date with a shortened month is the same date


def test_a_shortened_month_is_the_same_date() -> None:
    assert same_date("Oct. 14", "14 October")
    assert same_date("3 mai", "mai 3")
    assert same_date("en juillet", "en juillet")
    assert not same_date("Oct. 14", "14 November")
    assert not same_date("3 juin", "3 juillet")
    assert not same_date("Oct. 14", "")


# --- how long one waits is a duration


def test_how_long_one_waits_is_a_duration(gazetteer: Gazetteer) -> None:
    passage = Passage(
        1, 1, 1, "en", "No trawler will wait more than 12 hours for an inspection in Bergen.", []
    )
    question = "How long will trawlers have to wait?"
    found = facts.answer_value(
        "duration", [passage], question, gazetteer=gazetteer, parties=[], words=set()
    )
    assert "12 hours" in found, found


# --- how many were already done: not what will or could be done

CAPACITY = "The Bergen centre would open on 1 May with capacity for 30 inspections a day."


@pytest.mark.parametrize(
    ("question", "done", "count"),
    [
        (
            "Combien de chalutiers ont déjà été inspectés à Bergen ?",
            "Selon Oslo, 12 chalutiers ont été inspectés à Bergen lundi.",
            "12 chalutiers",
        ),
        (
            "How many trawlers were inspected in Bergen?",
            "Norwegian officers said 12 trawlers were inspected in Bergen on Monday.",
            "12 trawlers",
        ),
    ],
)
def test_how_many_were_done_is_no_capacity(
    gazetteer: Gazetteer, question: str, done: str, count: str
) -> None:
    capacity = Passage(1, 1, 1, "en", CAPACITY, [])
    assert facts.count([capacity], question, set(), gazetteer) == ""
    said = Passage(2, 2, 1, "fr", done, [])
    assert facts.count([capacity, said], question, set(), gazetteer) == count


# --- a people's adjective with the other language's ending


@pytest.mark.parametrize(
    ("question", "label", "form"),
    [
        ("How many Bolivians does Norway hold?", "bolivians", "bolivien"),
        ("Que veulent les pêcheurs Boliviens ?", "boliviens", "bolivian"),
        ("What do the Jamaican fishermen want from Denmark?", "jamaican", "jamaicain"),
    ],
)
def test_a_peoples_adjective_is_looked_for_in_both_languages(
    finder: MentionFinder, question: str, label: str, form: str
) -> None:
    concepts = {c.label: c for c in parse_question(question, finder).concepts}
    assert (form,) in concepts[label].forms, concepts[label].forms


# --- the glossary's new rows


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("soignés", "treated"),
        ("ressortissants", "nationals"),
        ("citoyens", "citizens"),
        ("volontaires", "volunteers"),
        ("remettre", "hand over"),
        ("détenus", "detained"),
        ("cartes", "maps"),
        ("champs de mines", "minefields"),
        ("plongeurs", "divers"),
        ("attendre", "wait"),
        ("condamnés", "convicted"),
        ("prêtes à", "offered"),
        ("proposé", "ready to"),
        ("appareiller", "sail"),
        ("partira", "depart"),
    ],
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)
