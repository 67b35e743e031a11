"""The Q&A rules of the ninth pass (issue #13), on questions and sentences of my own, in French
and English: whether a party is willing to accept something, or what it calls for, asks its
position; "what did X say to Y" names Y in X's words, but "according to A, what did B tell C"
asks A's words without C; a sentence where someone else says something was done by the person
("an aide said the town had been visited by X") is not the person's words; a count asked for a
day is not read in a sentence naming another day, and a people counted by its demonym ("how
many Poles") by any number of them; a duration joined to its noun ("a 45-day pause") answers
"how long"; number words run together ("trois cent quarante") are one number, vague ones
("quelques centaines") are not; a full name opening a sentence with an apposition
("Clara Voss, now deputy minister, leads…") answers "who"; a party's statements saying nothing
of what is asked give way to its statements further down that do; glossary rows for working
groups, briefing, returnees, buildings, heating and op-eds."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.qa.facts import count, days_named, duration, person
from bot.qa.lexicon import MentionFinder, bridge_words
from bot.qa.respond import SAYS_IT, _saying_it_first, _without_others_sourcing, naming_others, says
from bot.qa.statements import Statement
from bot.qa.understand import understand
from tests.test_qa_rules_v8 import sentence

# --- willing to accept, calling for: a party's position


@pytest.mark.parametrize(
    "question",
    [
        "Is Poland willing to accept a neutral zone along the river?",
        "Would Germany accept international observers at the border?",
        "What kind of inspections does Hungary call for?",
        "La Pologne est-elle prête à accepter une zone neutre le long du fleuve ?",
        "L'Allemagne accepterait-elle des observateurs internationaux ?",
    ],
)
def test_whether_a_party_accepts_or_calls_for_something_is_its_position(
    question: str, finder: MentionFinder
) -> None:
    assert understand(question, finder).kind == "position"


# --- whom the person spoke to; whose account a question asks


def test_words_said_to_someone_name_them(finder: MentionFinder) -> None:
    other = Statement("Europe must pay more for its defence, Putin said.", 1, "en")
    named = Statement("Putin said he had warned Zelensky against any new offensive.", 1, "en")
    question = "What did Putin say to Zelensky during their call?"
    assert naming_others([other, named], understand(question, finder)) == [named]


def test_an_account_of_what_someone_else_told_need_not_name_the_addressee(
    finder: MentionFinder,
) -> None:
    account = Statement(
        "Peskov told reporters the Russian leader had ruled out any pause in the fighting.", 1, "en"
    )
    question = "According to Peskov, what did Putin tell Zelensky about a pause?"
    assert naming_others([account], understand(question, finder)) == [account]


# --- someone else's account of what was done by the person


def test_an_account_of_something_done_by_the_person_is_not_their_words() -> None:
    names = {"olin"}
    text = "A regional official said the mayors had been informed by Marc Olin before noon."
    assert says(text)
    assert not says(_without_others_sourcing(text, names))


@pytest.mark.parametrize(
    "text",
    [
        "« Nous ne partirons pas », a déclaré Marc Olin devant les élus.",
        "The talks will resume in spring, said Marc Olin on Monday.",
        "Marc Olin said the talks would resume in spring.",
    ],
)
def test_the_persons_own_saying_stays(text: str) -> None:
    assert says(_without_others_sourcing(text, {"olin"}))


# --- a count asked for one day


def test_the_days_a_text_names() -> None:
    assert days_named("on Dec. 5, when the swap ended") == {(12, 5)}
    assert days_named("le 5 décembre 2026") == {(12, 5)}
    assert days_named("on March 3rd and April 14") == {(3, 3), (4, 14)}
    assert days_named("in May 2024") == set()


def test_a_count_asked_for_a_day_is_not_read_in_another_days_sentence() -> None:
    question = "How many workers were rescued in the March 3 collapse?"
    other = sentence(1, "Some 40 workers were rescued from a smaller mine on Feb. 11.")
    asked = sentence(2, "Rescuers brought out 62 workers alive, the agency said on March 3.")
    assert count([other, asked], question, set()) == "62 workers"


def test_a_people_counted_by_its_demonym_is_counted_by_any_number_of_them(
    gazetteer: Gazetteer,
) -> None:
    question = "How many Poles were freed in the swap?"
    text = "Warsaw said 140 soldiers and 12 civilians were freed in the swap."
    assert count([sentence(1, text)], question, set(), gazetteer) == "140 soldiers"
    assert count([sentence(1, text)], question, set()) == ""
    adjective = "How many Polish civilians were freed in the swap?"
    assert count([sentence(1, text)], adjective, set(), gazetteer) == "12 civilians"


# --- a duration joined to its noun; number words run together


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        (
            "How long would the pause in shelling last?",
            "The mediators proposed a 45-day pause in shelling around the dam.",
            "45-day",
        ),
        (
            "Combien de temps durerait la pause ?",
            "Les médiateurs proposent une pause de trois semaines autour du barrage.",
            "trois semaines",
        ),
    ],
)
def test_a_duration_joined_to_its_noun(question: str, text: str, value: str) -> None:
    assert duration([sentence(1, text)], question) == value


def test_number_words_run_together_are_one_number() -> None:
    text = "«Deux cent dix familles sont sans eau depuis lundi», dit la préfète."
    question = "How many families are without water?"
    assert count([sentence(1, text)], question, set()) == "Deux cent dix familles"


def test_vague_number_words_are_not_run_together() -> None:
    text = "Quelques centaines de soldats gardent le pont."
    question = "Combien de soldats gardent le pont ?"
    assert count([sentence(1, text)], question, set()) != "Quelques centaines de soldats"


# --- a full name opening a sentence


def test_a_full_name_opening_a_sentence_with_an_apposition_answers_who(
    gazetteer: Gazetteer,
) -> None:
    first = sentence(1, "Clara Voss, now deputy water minister, leads the working group on dams.")
    later = sentence(2, "Volodymyr Zelensky spoke about dams in a video on Monday.")
    question = "Who leads the working group on dams?"
    assert person([first, later], question, gazetteer, []) == "Clara Voss"


def test_a_heading_opening_a_sentence_is_no_name(gazetteer: Gazetteer) -> None:
    first = sentence(1, "The Working Group, set up in May, meets on dams.")
    assert person([first], "Who leads the working group on dams?", gazetteer, []) == ""


# --- a party's words on what is asked before its words on nothing of it


def test_statements_saying_nothing_of_it_give_way_to_those_that_do() -> None:
    def said(text: str, match: float) -> Statement:
        return Statement(text, 1, "en", match=match)

    found = [
        said("We will send engineers, not soldiers.", 0.0),
        said("The border must stay open.", 0.0),
        said("No treaty is possible without Europe.", 0.3),
        said("We will not sign a treaty that rewards force.", SAYS_IT),
    ]
    shown = _saying_it_first(found, 3)
    assert [s.text for s in shown[:3]] == [
        "No treaty is possible without Europe.",
        "We will not sign a treaty that rewards force.",
        "We will send engineers, not soldiers.",
    ]
    assert len(shown) == len(found)


def test_statements_that_all_say_something_keep_their_order() -> None:
    found = [Statement(f"Words {k}.", 1, "en", match=0.1 * (k + 1)) for k in range(4)]
    assert _saying_it_first(found, 3) == found


# --- glossary rows


@pytest.mark.parametrize(
    ("word", "translation"),
    [
        ("working group", "groupe de travail"),
        ("briefed", "informe"),
        ("returnees", "liberes"),
        ("buildings", "immeubles"),
        ("heating", "chauffage"),
        ("op-ed", "tribune"),
    ],
)
def test_glossary_rows(word: str, translation: str) -> None:
    assert translation in bridge_words(word)
