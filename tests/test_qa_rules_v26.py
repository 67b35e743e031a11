"""The Q&A rules of the twenty-sixth pass, on questions and sentences of my own (Norway,
Denmark and Sweden at fisheries talks): a quotation given to someone by their role stays
theirs, though it opens with another side ("« Les Danois veulent tout », résume un haut
responsable suédois" is no Danish statement); a sentence of the side a question names as
what a stance bears on ("Que pense Copenhague du plan suédois ?") comes after the asked
side's own words; "Quelle est la ligne de Copenhague sur…", "What is Oslo pushing for…",
"What conditions does Sweden set…", "Is Norway in favour of…" ask a side's stance, and
adverbs of emphasis ("purement et simplement", "simply") are no words to find; a "who" answered by a sentence whose subject is a pronoun ("He also suggested…")
shows it after the sentence before it naming who; the glossary's new rows."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.lexicon import MentionFinder, bridge_forms, phrase_forms
from bot.qa.respond import _told_by_pronoun
from bot.qa.search import Passage
from bot.qa.statements import sets_condition
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import StoredPositions
from tests.test_qa_rules_v8 import lines
from tests.test_qa_unit import NoComposer, add


def _ask(
    db: Database,
    book: PartyBook,
    settings: Settings,
    texts: list[str],
    said: list[tuple[str, str, str, str]],
    question: str,
) -> list[str]:
    """The lines answering the French ``question`` over French ``texts``, the analysis
    giving the positions ``said``."""
    from bot.service import BriefBot

    for text in texts:
        add(db, text, lang="fr")
    bot = BriefBot(settings, db, book, [StoredPositions(said, "test:qa-v26")], [NoComposer()])  # type: ignore[list-item]
    return lines(QuestionAnswerer(bot)(question, "fr", "c", "1", None))


# --- a quotation given to someone by their role stays theirs

HERRING = (
    "Hareng : le plan suédois divise les riverains\n\n"
    "Le plan suédois. Stockholm propose de répartir les quotas de hareng de la mer du Nord "
    "selon les prises des dix dernières années.\n\n"
    "« Les Danois veulent tout le hareng de la mer du Nord ; nous voulons un accord sur le "
    "hareng », résume un haut responsable suédois.\n\n"
    "Lars Løkke Rasmussen a répondu mardi que le Danemark signerait, à condition que les "
    "quotas de hareng soient revus chaque année."
)
SWEDE = (
    "« Les Danois veulent tout le hareng de la mer du Nord ; nous voulons un accord sur le "
    "hareng », résume un haut responsable suédois."
)
DANE = (
    "Lars Løkke Rasmussen a répondu mardi que le Danemark signerait, à condition que les "
    "quotas de hareng soient revus chaque année."
)
HERRING_SAID = [
    ("SE", "", "haut responsable suédois", SWEDE),
    ("DK", "Lars Løkke Rasmussen", "ministre danois des Affaires étrangères", DANE),
]


def test_a_quotation_given_by_role_is_not_the_side_it_opens_with(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [HERRING],
        HERRING_SAID,
        "Quelle est la position du Danemark sur les quotas de hareng ?",
    )
    assert not any("Les Danois veulent tout" in line for line in reply), reply
    assert any("à condition que les quotas" in line for line in reply), reply


# --- a sentence of the side a stance bears on comes after the asked side's own words

PLAN = (
    "Pêche : Copenhague reste prudent face au plan suédois\n\n"
    "Lars Løkke Rasmussen a jugé mardi que Copenhague financerait les patrouilles du hareng, "
    "à condition d'y avoir des inspecteurs danois.\n\n"
    "Le plan suédois prévoit une répartition des quotas de hareng de la mer du Nord par "
    "tirage au sort, que le Danemark et la Norvège devraient encore examiner en commission."
)
PLAN_SAID = [
    (
        "DK",
        "Lars Løkke Rasmussen",
        "ministre danois des Affaires étrangères",
        "Lars Løkke Rasmussen a jugé mardi que Copenhague financerait les patrouilles du hareng, "
        "à condition d'y avoir des inspecteurs danois.",
    ),
    (
        "SE",
        "",
        "",
        "Le plan suédois prévoit une répartition des quotas de hareng de la mer du Nord par "
        "tirage au sort, que le Danemark et la Norvège devraient encore examiner en commission.",
    ),
]


def test_the_side_a_stance_bears_on_comes_after_the_asked_sides_words(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [PLAN],
        PLAN_SAID,
        "Que pense Copenhague du plan suédois de tirage au sort des quotas de hareng ?",
    )
    assert "financerait les patrouilles" in reply[0], reply
    bullets = [line for line in reply if line.startswith("•")]
    assert bullets and "financerait les patrouilles" in bullets[0], reply


# --- "Quelle est la ligne de X sur…": a side's stance


@pytest.mark.parametrize(
    "question",
    [
        "Quelle est la ligne de Copenhague sur les quotas de hareng ?",
        "Quelle est la ligne du Danemark sur les quotas de hareng ?",
        "Quelle est la ligne d'Oslo sur les quotas de hareng ?",
    ],
)
def test_a_sides_line_is_its_stance(finder: MentionFinder, question: str) -> None:
    understood = understand(question, finder)
    assert understood.kind == "position", understood.kind
    assert "ligne" not in {c.label for c in understood.query.concepts}


# --- what a side pushes for, the conditions it sets, whether it is in favour: its stance


@pytest.mark.parametrize(
    "question",
    [
        "What is Oslo pushing for on herring quotas?",
        "What is Denmark lobbying for in the fisheries talks?",
        "What conditions does Sweden set before it signs the herring deal?",
        "Quelles conditions pose le Danemark pour signer l'accord sur le hareng ?",
        "Is Norway in favour of closing the North Sea to trawlers?",
        "La Suède est-elle favorable aux quotas de hareng ?",
    ],
)
def test_asking_what_a_side_pushes_for_or_sets_is_its_stance(
    finder: MentionFinder, question: str
) -> None:
    understood = understand(question, finder)
    assert understood.kind == "position", understood.kind
    labels = {c.label for c in understood.query.concepts if c.kind == "content"}
    assert not labels & {"pushing", "lobbying", "conditions", "favour", "favorable"}, labels


def test_a_question_asking_what_conditions_ranks_a_condition_higher() -> None:
    assert sets_condition(
        "What conditions does Sweden set before it signs the herring deal?",
        "Sweden will sign, provided that the quotas are reviewed every year.",
    )


# --- adverbs of emphasis are not what is asked


@pytest.mark.parametrize(
    "question",
    [
        "Le Danemark veut-il fermer purement et simplement la mer du Nord aux chalutiers ?",
        "Is Sweden simply closing its waters to Danish trawlers?",
    ],
)
def test_adverbs_of_emphasis_are_no_words_to_find(finder: MentionFinder, question: str) -> None:
    labels = {c.label for c in understand(question, finder).query.concepts}
    assert not labels & {"purement", "simplement", "simply"}, labels


# --- "He also suggested…": shown after the sentence naming who

NAMING = "Swedish Prime Minister Ulf Kristersson, who attended the Bergen talks, had earlier told reporters that Sweden could send 40 inspectors."
BY_PRONOUN = (
    "He also suggested the fisheries secretariat be based in Gothenburg rather than Bergen."
)


def test_a_who_answer_by_a_pronoun_shows_the_sentence_naming_who_before_it() -> None:
    best = Passage(2, 1, 2, "en", BY_PRONOUN, [])
    before = {2: [Passage(1, 1, 1, "en", NAMING, [])]}
    told = _told_by_pronoun([best], before, "Ulf Kristersson")
    assert [s.text for s in told] == [NAMING, BY_PRONOUN]
    # a sentence naming its subject, or one before naming someone else, is not told so
    assert not _told_by_pronoun([Passage(1, 1, 1, "en", NAMING, [])], before, "Ulf Kristersson")
    assert not _told_by_pronoun([best], before, "Mette Frederiksen")


# --- the glossary's new rows


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("compilé", "put together"),
        ("dressée", "compiled"),
        ("QG", "headquarters"),
        ("quartier général", "HQ"),
        ("confisquer", "confiscating"),
        ("saisie", "seizure"),
    ],
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)


@pytest.mark.parametrize(
    "question",
    [
        "Que propose le Danemark pour la ligne de front en mer du Nord ?",
        "Quelle est la ligne de front entre la Norvège et la Suède ?",
    ],
)
def test_the_front_line_is_no_sides_line(finder: MentionFinder, question: str) -> None:
    labels = {c.label for c in understand(question, finder).query.concepts}
    assert "ligne de front" in labels, labels
