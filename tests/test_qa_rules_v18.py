"""The Q&A rules of the eighteenth pass (issue #13), on questions and sentences of my own:
a side's adjective joined to another side by a hyphen ("the Norwegian-Danish declaration",
"Anglo-Danish") is no side of the person a "who" asks about but a word of what was done; "le
long de" is "along", no word of what is asked; a name inside the words a speaker is quoted
saying is not who said or did what is asked (the speaker is); the glossary's row
entracte/intermission; a bare quotation answering a "who" is shown with the sentence after
it that says whose words they were ("X, the adviser to …, made the remarks"); a factual
value (a count, a date, a place, a duration) is read in the articles naming the place the
question names ("how many … in Korsvik"), not in a sentence ranked first from an article that
never names it; a follow-up's answer from the previous answer's articles, none of whose
statements says much of what is asked, gives way to the party's statements elsewhere that
say more ("And Denmark?" after a question on the strait); "on the same subject", "sur le
même sujet" keep the previous question's words (a follow-up) and are no words asked
themselves; a person a follow-up asks about who is not quoted in the previous answer's
articles is looked for in all; the glossary's row warship/navire de guerre."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.qa import facts
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.search import Passage, matches
from bot.qa.text import stems
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines


def _passage(text: str, lang: str = "en", speaker: str = "") -> Passage:
    return Passage(1, 1, 0, lang, text, stems(text, lang), coverage=1.0, speaker=speaker)


# --- a compound of two sides says what both did, not whose person is asked


@pytest.mark.parametrize(
    "question",
    [
        'Who called the Norwegian-Danish quota declaration "a reckless gamble"?',
        'Who called the Anglo-Danish quota declaration "a reckless gamble"?',
        "Qui a qualifié la déclaration germano-danoise de « pari insensé » ?",
    ],
)
def test_a_compound_of_sides_is_no_side_asked(finder: MentionFinder, question: str) -> None:
    understood = understand(question, finder)
    assert understood.kind == "who"
    assert understood.parties == [], understood.parties
    assert not understood.query.entities, [c.label for c in understood.query.entities]


def test_a_sides_adjective_alone_is_still_the_side_asked(finder: MentionFinder) -> None:
    understood = understand("Who led the Danish delegation at the quota talks?", finder)
    assert understood.parties == ["DK"]


DECLARATION = (
    "Norway and Denmark sign a cod quota declaration\n\n"
    "Oslo and Copenhagen signed on Monday a joint declaration on cod quotas in the Vellmar "
    "strait.\n\n"
    'Fisheries commissioner Aino Virtanen called the declaration "a reckless gamble" and '
    "said the trawler crews would pay for it."
)


def test_who_named_the_compound_sides_thing_is_found(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [DECLARATION], [])
    reply = asker(
        'Who called the Norwegian-Danish quota declaration "a reckless gamble"?',
        "en",
        "c",
        "compound",
        None,
    )
    assert not is_refusal(reply, "en"), lines(reply)
    assert "Aino Virtanen" in lines(reply)[0], lines(reply)


# --- "le long de" is "along"


def test_le_long_de_is_no_word_asked(finder: MentionFinder) -> None:
    query = parse_question(
        "Qui a proposé des patrouilles le long de la ligne de pêche de Vellmar ?", finder
    )
    labels = {c.label for c in query.concepts}
    assert "long" not in labels, labels
    assert "patrouilles" in labels


# --- a name inside a quotation is not who speaks


def test_a_name_quoted_by_the_speaker_is_not_who_did_it(gazetteer: Gazetteer) -> None:
    sentence = (
        '"Prime Minister Gahr Støre wants the quotas settled this year," she said, adding that '
        "Oslo had put a proposal on the table for patrols along the Vellmar line."
    )
    who = facts.person(
        [_passage(sentence, speaker="Kari Holm")],
        "Qui a mis sur la table une proposition de patrouilles à Vellmar ?",
        gazetteer,
        [],
    )
    assert who == "Kari Holm"


def test_a_name_outside_the_quotation_still_answers(gazetteer: Gazetteer) -> None:
    sentence = (
        'Prime Minister Gahr Støre put a proposal on the table, "patrols along the Vellmar '
        'line," she said.'
    )
    who = facts.person(
        [_passage(sentence, speaker="Kari Holm")],
        "Qui a mis sur la table une proposition de patrouilles à Vellmar ?",
        gazetteer,
        [],
    )
    assert who == "Jonas Gahr Støre"


# --- entracte / intermission


def test_an_entracte_is_an_intermission(finder: MentionFinder) -> None:
    query = parse_question("Qui a qualifié la trêve de pêche d'« entracte » ?", finder)
    word = next(c for c in query.concepts if c.label == "entracte")
    assert matches(word, _passage("A fishing truce is only an intermission."))


# --- a bare quotation credited by the sentence after it

BRIEFING = (
    "Cod talks end without a deal\n\n"
    "The Norwegian side described the talks very differently.\n\n"
    '"A truce that lets the Danish trawlers refuel is not a truce. It is an intermission."\n\n'
    "Kari Holm, the fisheries adviser to the Norwegian prime minister who led Oslo's team, "
    "made the remarks at a briefing in Bergen.\n\n"
    "The delegations will meet again in March."
)
BRIEFING_SAID = [
    (
        "NO",
        "Kari Holm",
        "fisheries adviser",
        '"A truce that lets the Danish trawlers refuel is not a truce. It is an intermission."',
    )
]


def test_a_bare_quotation_is_shown_with_the_sentence_crediting_it(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [BRIEFING], BRIEFING_SAID)
    reply = lines(
        asker(
            'Who called a truce letting the Danish trawlers refuel "an intermission"?',
            "en",
            "c",
            "credited",
            None,
        )
    )
    assert "Kari Holm" in reply[0], reply
    assert any("made the remarks" in line for line in reply), reply


# --- a value read in the articles naming the place asked

CREWS = [
    (
        "Norway and Denmark free trawler crews\n\n"
        "Norway and Denmark agreed on Thursday to release 300 sailors each, officials said."
    ),
    (
        "Korsvik talks end with a swap\n\n"
        "The Norwegian and Danish delegations met for two days in Korsvik.\n\n"
        "Norwegian and Danish negotiators settled on the release of 120 sailors from each side."
    ),
]


def test_a_count_is_read_in_an_article_naming_the_place_asked(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, CREWS, [])
    reply = asker(
        "How many sailors did Norway and Denmark agree to release in Korsvik?",
        "en",
        "c",
        "count",
        None,
    )
    assert not is_refusal(reply, "en"), lines(reply)
    assert "120 sailors" in lines(reply)[0], lines(reply)


# --- a follow-up's words elsewhere on what is asked come before its words on nothing of it

STRAIT = [
    (
        "Quota talks in Bergen\n\n"
        "Norway wants a coastguard patrol in the Vellmar strait after the deal.\n\n"
        "The talks resume on Monday with the trawler owners at the table.\n\n"
        "Denmark wants a quick agreement on cod.\n\n"
        "Copenhagen is ready to sign by the spring.\n\n"
        "Denmark also wants the quota tables published."
    ),
    (
        "Shipping and the strait\n\n"
        "Copenhagen wants the Vellmar strait opened to commercial shipping after the deal."
    ),
]
STRAIT_SAID = [
    ("NO", "", "", "Norway wants a coastguard patrol in the Vellmar strait after the deal."),
    ("DK", "", "", "Denmark wants a quick agreement on cod."),
    ("DK", "", "", "Copenhagen is ready to sign by the spring."),
    ("DK", "", "", "Denmark also wants the quota tables published."),
    (
        "DK",
        "",
        "",
        "Copenhagen wants the Vellmar strait opened to commercial shipping after the deal.",
    ),
]


def test_a_followup_answer_on_what_is_asked_from_another_article_comes_first(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, STRAIT, STRAIT_SAID)
    first = asker("What is Norway's position on the Vellmar strait?", "en", "c", "sea", None)
    assert "coastguard patrol" in lines(first)[0], lines(first)
    reply = lines(asker("And Denmark?", "en", "c", "sea", None))
    assert "commercial shipping" in reply[0], reply


# --- "on the same subject": the previous question's words, asked of someone quoted elsewhere

QUOTAS = [
    (
        "Oslo defends its cod quotas\n\n"
        "Espen Barth Eide said the cod quotas in the Vellmar strait would not be cut this "
        "winter.\n\n"
        "The trawler owners welcomed the news."
    ),
    (
        "Copenhagen answers\n\n"
        "Lars Løkke Rasmussen said the cod quotas in the Vellmar strait must be halved before "
        "the spring."
    ),
]
QUOTAS_SAID = [
    ("NO", "Espen Barth Eide", "", QUOTAS[0].split("\n\n")[1]),
    ("DK", "Lars Løkke Rasmussen", "", QUOTAS[1].split("\n\n")[1]),
]


def test_on_the_same_subject_is_no_word_asked(finder: MentionFinder) -> None:
    query = parse_question("And what did Lars Løkke Rasmussen say on the same subject?", finder)
    labels = {c.label for c in query.concepts}
    assert not labels & {"same", "subject"}, labels


def test_a_person_on_the_same_subject_is_found_in_another_article(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, QUOTAS, QUOTAS_SAID)
    first = lines(
        asker("What did Espen Barth Eide say about the cod quotas?", "en", "c", "same", None)
    )
    assert "not be cut" in first[0], first
    reply = lines(
        asker("And what did Lars Løkke Rasmussen say on the same subject?", "en", "c", "same", None)
    )
    assert not is_refusal_line(reply[0]), reply
    assert any("must be halved" in line for line in reply), reply


def is_refusal_line(line: str) -> bool:
    return line.startswith("The articles I have do not say") or "is not quoted" in line


# --- a warship is a "navire de guerre"


def test_a_warship_is_a_navire_de_guerre(finder: MentionFinder) -> None:
    query = parse_question("What is Norway's position on warships in the Vellmar strait?", finder)
    word = next(c for c in query.concepts if c.label == "warships")
    sentence = "Oslo refuse le passage de tout navire de guerre dans le détroit de Vellmar."
    assert matches(word, _passage(sentence, "fr"))
