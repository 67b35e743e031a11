"""The Q&A rules of the thirty-fourth pass, on questions and sentences of my own (Norway,
Denmark and Sweden at fisheries talks): "which countries does Norway propose?" asks Norway's
stance (the countries are its answer), not who proposed; a host's turn labelled in brackets or
in lower case ("[Journaliste] :") is no one's statement, even when it names a side."""

from __future__ import annotations

from functools import partial

from bot.domain.parties import PartyBook
from bot.qa.lexicon import MentionFinder
from bot.qa.lines import unsaid_lines
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal, rules_bot
from tests.test_qa_rules_v8 import lines

_bot = partial(rules_bot, key="test:qa-pass34")


# --- "which countries does Norway propose": Norway's stance, its countries the answer

OBSERVERS = (
    "Fisheries talks: who will watch the herring grounds\n\n"
    "Denmark wants inspectors from every coastal state on the patrol boats.\n\n"
    "Norway rejects inspectors from the European Union and proposes Iceland, the Faroe Islands "
    "and Greenland as neutral observers, its minister said.\n\n"
    "The talks will resume in Tromsø next month."
)


def test_which_things_a_party_proposes_is_its_stance(book: PartyBook) -> None:
    finder = MentionFinder(book)
    for question in (
        "And which countries does Norway propose instead?",
        "Quels pays la Norvège propose-t-elle ?",
    ):
        u = understand(question, finder)
        assert u.kind == "position", (question, u.kind)
        assert u.parties == ["NO"], (question, u.parties)
    # a side's adjective after the noun is no subject: who is still asked
    assert understand("Quel ministre norvégien a parlé ?", finder).kind == "who"
    assert understand("Which countries signed the deal?", finder).kind == "who"


def test_which_countries_a_party_proposes_is_answered_by_its_words(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "NO",
            "",
            "",
            "Norway rejects inspectors from the European Union and proposes Iceland, the Faroe "
            "Islands and Greenland as neutral observers, its minister said.",
        ),
        ("DK", "", "", "Denmark wants inspectors from every coastal state on the patrol boats."),
    ]
    ask = _bot(any_db, book, settings, [OBSERVERS], "en", said)
    asked = ask("Which countries does Norway propose as observers?", "en", "c", "1", None)
    assert not is_refusal(asked, "en"), lines(asked)
    # Norway's stance, not "Who: European Union" (a side its sentence names)
    assert lines(asked)[0].startswith("Norway: "), lines(asked)
    assert any("Faroe Islands" in line for line in lines(asked)), lines(asked)
    assert not any("coastal state" in line for line in lines(asked)), lines(asked)


# --- "[Journaliste] : …": the host's question, whatever it says of a side

INTERVIEW = (
    "Entretien : la ministre danoise de la Pêche\n\n"
    "[Journaliste] : La Suède réclame des quotas plus bas. La Norvège, elle, refuse toute "
    "réduction des quotas. Qui décidera ?\n\n"
    "Mette Frederiksen : Les scientifiques décideront, et nous suivrons leur avis.\n\n"
    "[Journaliste] : Et les patrouilles ?\n\n"
    "Mette Frederiksen : Le Danemark enverra deux navires de contrôle dès le printemps."
)


def test_a_bracketed_host_label_is_a_host_turn() -> None:
    kinds = dict(unsaid_lines(INTERVIEW))
    host = next(k for k in kinds if k.startswith("[Journaliste] : La Suède"))
    assert kinds[host] == "host"
    assert not any(k.startswith("Mette Frederiksen") for k in kinds)


def test_a_hosts_question_is_no_sides_statement(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        ("NO", "", "", "La Norvège, elle, refuse toute réduction des quotas."),
        (
            "DK",
            "Mette Frederiksen",
            "Première ministre danoise",
            "Le Danemark enverra deux navires de contrôle dès le printemps.",
        ),
    ]
    ask = _bot(any_db, book, settings, [INTERVIEW], "fr", said)
    asked = lines(
        ask("Quelle est la position de la Norvège sur les quotas ?", "fr", "c", "1", None)
    )
    assert not any("refuse toute réduction" in line for line in asked), asked


# --- "from four to twelve inspectors": a range's first number counts no "to twelve"

PATROLS = (
    "Fisheries talks: the herring patrols\n\n"
    "The ministers agreed in Tromsø on Thursday to strengthen the joint patrols of the herring "
    "grounds.\n\n"
    "Under the plan, the inspection team on the patrol boats would grow from four to twelve "
    "inspectors, Norway's minister said.\n\n"
    "The talks will resume next month."
)


def test_a_range_from_one_number_to_another_counts_its_noun(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [PATROLS], "en")
    asked = lines(ask("How many inspectors will be on the patrol boats?", "en", "c", "1", None))
    assert asked[0] == "How many: from four to twelve inspectors", asked
