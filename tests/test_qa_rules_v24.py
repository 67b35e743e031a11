"""The Q&A rules of the twenty-fourth pass (issue #13), on questions and sentences of my own
(Norway, Denmark and Sweden at fisheries talks): a "who" answer shows the sentences naming the
person in any of the forms the gazetteer knows ("M. Barth Eide"), the one saying they did what is asked first; a
count's answer shows the sentences giving the same number in other words; a French question's
inverted pronoun ("mettra-t-elle à disposition") does not hide a glossary phrase; "in
exchange" ending a question links, and the words that only link leave a follow-up short; a
follow-up asking on what terms looks beyond the previous answer's articles when they set none;
"pose-t-elle des conditions ?" asks the terms of what was asked before, and a sentence saying
a side accepted "sans conditions" answers it; the glossary's new rows."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.followup import Context, looks_like_followup, resolve
from bot.qa.lexicon import MentionFinder, bridge_forms, bridge_phrases, phrase_forms
from bot.qa.query import parse_question
from bot.qa.statements import sets_condition
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
    question: str,
    lang: str = "fr",
) -> list[str]:
    """The lines answering ``question`` (asked in ``lang``) over French ``texts``."""
    from bot.service import BriefBot

    for text in texts:
        add(db, text, lang="fr")
    bot = BriefBot(settings, db, book, [StoredPositions([], "test:qa-v24")], [NoComposer()])  # type: ignore[list-item]
    return lines(QuestionAnswerer(bot)(question, lang, "c", "1", None))  # type: ignore[arg-type]


# --- "who": the sentence saying the person did it, naming them by their surname, comes first

INSPECTORS = (
    "Pêche : Oslo veut des inspecteurs à bord\n\n"
    "À Bergen, le ministre norvégien des Affaires étrangères, Espen Barth Eide, a obtenu que "
    "ses inspecteurs puissent monter à bord des chalutiers de la mer du Nord.\n\n"
    "« Un quota sans contrôle n'est qu'une promesse », avait rappelé M. Barth Eide mardi, en "
    "proposant d'envoyer vingt inspecteurs sur les chalutiers de la mer du Nord."
)


def test_a_who_answer_shows_first_the_sentence_saying_they_did_it(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [INSPECTORS],
        "Qui a proposé d'envoyer des inspecteurs sur les chalutiers de la mer du Nord ?",
    )
    assert "Espen Barth Eide" in reply[0], reply
    bullets = [line for line in reply if line.startswith("•")]
    assert bullets and "en proposant d'envoyer vingt inspecteurs" in bullets[0], reply


# --- a count: the sentences giving the same number in other words

TRAWLERS = (
    "Retrait des chalutiers : le premier volet achevé\n\n"
    "Jeudi, 120 navires danois ont quitté les eaux norvégiennes, premier volet du retrait "
    "négocié à Bergen.\n\n"
    "Au total, 120 Danois sont rentrés jeudi à Esbjerg, dont douze marins blessés."
)


def test_a_count_answer_shows_the_sentences_giving_the_same_number(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [TRAWLERS],
        "How many Danish ships came home in the first stage of the withdrawal?",
        lang="en",
    )
    assert "120" in reply[0], reply
    assert any("120 Danois sont rentrés" in line for line in reply), reply


# --- a French question's inverted pronoun


@pytest.mark.parametrize(
    "question",
    [
        "Combien de navires la Suède mettra-t-elle à disposition de la mission ?",
        "Combien d'inspecteurs le Danemark mettra-t-il à disposition ?",
    ],
)
def test_an_inverted_pronoun_does_not_hide_a_phrase(question: str) -> None:
    assert "mettra à disposition" in [entry for entry, _, _ in bridge_phrases(question)]


# --- "in exchange" ending a question: a linking phrase, and a follow-up stays short


@pytest.mark.parametrize(
    "question",
    [
        "And what is Denmark asking for in exchange?",
        "Et que demande le Danemark en échange ?",
        "And what would Sweden want in return?",
    ],
)
def test_in_exchange_ending_a_follow_up_only_links(finder: MentionFinder, question: str) -> None:
    query = parse_question(question, finder)
    assert not query.content, query.content
    assert looks_like_followup(question, query)


# --- a follow-up asking on what terms: beyond the previous answer's articles

LIVE = (
    "Fisheries talks live: Bergen opens its doors\n\n"
    "Norway offered Bergen as a hub for coordinating North Sea fishing patrols.\n\n"
    "Danish Foreign Minister Lars Løkke Rasmussen said the North Sea fishing patrols were "
    "a matter for all coastal states."
)
WIRE = (
    "Copenhagen sets its price\n\n"
    "Speaking about the North Sea fishing patrols, Danish Foreign Minister Lars Løkke "
    "Rasmussen said Copenhagen was ready to join the patrols, provided that Norwegian limits "
    "on Danish herring landings were lifted."
)
SAID = [
    ("NO", "", "", "Norway offered Bergen as a hub for coordinating North Sea fishing patrols."),
    (
        "DK",
        "Lars Løkke Rasmussen",
        "Danish foreign minister",
        "Danish Foreign Minister Lars Løkke Rasmussen said the North Sea fishing patrols were "
        "a matter for all coastal states.",
    ),
    (
        "DK",
        "Lars Løkke Rasmussen",
        "Danish foreign minister",
        "Speaking about the North Sea fishing patrols, Danish Foreign Minister Lars Løkke "
        "Rasmussen said Copenhagen was ready to join the patrols, provided that Norwegian limits "
        "on Danish herring landings were lifted.",
    ),
]


def test_a_follow_up_on_terms_finds_the_condition_elsewhere(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    for text in (LIVE, WIRE):
        add(any_db, text, lang="en")
    bot = BriefBot(settings, any_db, book, [StoredPositions(SAID, "test:qa-v24b")], [NoComposer()])  # type: ignore[list-item]
    ask = QuestionAnswerer(bot)
    ask("What is Norway offering to do about North Sea fishing patrols?", "en", "c", "1", None)
    reply = lines(ask("And what is Denmark asking for in exchange?", "en", "c", "1", None))
    bullets = [line for line in reply if line.startswith("•")]
    assert bullets and "provided that Norwegian limits" in bullets[0], reply


# --- "pose-t-elle des conditions ?": the terms of what was asked before


@pytest.mark.parametrize(
    "question",
    ["Et le Danemark, il pose des conditions ?", "And does Denmark set conditions?"],
)
def test_asking_for_conditions_keeps_the_previous_subject(
    finder: MentionFinder, question: str
) -> None:
    before = "Que réclame la Norvège pour signer l'accord sur le hareng ?"
    previous = Context("a", "fr", before, parse_question(before, finder))
    resolved = resolve(question, parse_question(question, finder), previous)
    labels = {c.label for c in resolved.query.concepts}
    assert {"Denmark", "hareng"} <= labels, labels
    assert "Norway" not in labels, labels


@pytest.mark.parametrize(
    "sentence",
    [
        "Copenhague a accepté l'accord sans conditions.",
        "Denmark accepted the herring deal without preconditions.",
    ],
)
def test_accepting_without_conditions_answers_whether_a_side_sets_any(sentence: str) -> None:
    assert sets_condition("Et le Danemark, il pose des conditions ?", sentence)
    assert sets_condition("And does Denmark set conditions?", sentence)


# --- the glossary's new rows


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("proposé", "offered"),
        ("offert", "proposed"),
        ("communiqué", "statement"),
        ("conjoint", "joint"),
        ("rentrés", "came home"),
        ("volet", "stage"),
        ("étape", "phase"),
        ("mettre à disposition", "contribute"),
        ("fournira", "provide"),
    ],
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)
