"""The Q&A rules of the fourth pass (issue #13), each on questions of my own: position
questions asked with "where"/"où en est", opinions asked "in X's view", terms of consent
("à quelle condition"), sources named in the question, people named by role and party,
framing words that are never looked for, hyphenated glossary words, a party's adjective inside
a glossary phrase, and the clock durations and parts of months read as answers."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import facts
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.roles import role_group, role_mentions
from bot.qa.search import Passage
from bot.qa.understand import understand, without_source


def labels(question: str, finder: MentionFinder) -> set[str]:
    return {c.label for c in understand(question, finder).query.concepts}


@pytest.mark.parametrize(
    ("question", "kind", "parties"),
    [
        ("Where does Poland stand on sending troops?", "position", ["PL"]),
        ("Où en est la Hongrie sur le prochain paquet de sanctions ?", "position", ["HU"]),
        ("Où se situe l'Italie dans ce débat ?", "position", ["IT"]),
        ("Where did the ministers meet?", "where", []),  # still a place
        ("Quelle attitude la Turquie adopte-t-elle face au blocus ?", "position", ["TR"]),
        ("What is London's approach to the air mission?", "position", ["GB"]),
        ("À quelles conditions la Slovaquie lèverait-elle son veto ?", "position", ["SK"]),
        ("Under what circumstances would Austria join the force?", "position", ["AT"]),
        ("What does Kyiv want in return for a truce on energy?", "position", ["UA"]),
    ],
)
def test_positions_asked_in_other_words(
    question: str, kind: str, parties: list[str], finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == kind
    assert u.parties[: len(parties)] == parties


def test_the_framing_of_a_position_is_not_looked_for(finder: MentionFinder) -> None:
    words = labels("Where does Poland stand on sending troops?", finder)
    assert "stand" not in words and "where" not in words
    words = labels("Quelle attitude la Turquie adopte-t-elle face au blocus ?", finder)
    assert not {"attitude", "adopte"} & words
    words = labels("Under what circumstances would Austria join the force?", finder)
    assert not {"circumstances", "under"} & words


def test_an_opinion_in_someones_view_is_that_persons(finder: MentionFinder) -> None:
    u = understand("Who, in Donald Tusk's view, should guard the border?", finder)
    assert u.kind == "person"
    assert [p.name for p in u.people][:1] == ["Donald Tusk"]
    assert "view" not in {c.label for c in u.query.concepts}


def test_a_source_named_in_the_question_is_not_looked_for(finder: MentionFinder) -> None:
    blanked = without_source("Que veut Kiev, selon l'analyse du Monde ?")
    assert "analyse" not in blanked and "Monde" not in blanked and "Kiev" in blanked
    blanked = without_source("What did Paris offer, according to the Elysée readout?")
    assert "readout" not in blanked and "offer" in blanked
    words = labels("What does Poland want, according to the BBC live blog?", finder)
    assert not {"bbc", "live", "blog"} & words
    # a person after "selon" is no source
    assert "Zelensky" in without_source("Selon Zelensky, que faut-il faire ?")


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Qu'a dit la cheffe de la diplomatie européenne sur le veto ?", "Kaja Kallas"),
        ("What did the UN Secretary-General ask of both sides?", "Antonio Guterres"),
        ("Que demande le secrétaire général de l'ONU aux deux camps ?", "Antonio Guterres"),
    ],
)
def test_a_role_and_its_party_name_the_person_holding_it(
    question: str, person: str, finder: MentionFinder
) -> None:
    [found] = role_mentions(question, finder)
    assert found.person.name == person
    u = understand(question, finder)
    assert u.kind == "person" and u.people[0].name == person


def test_roles_no_one_holds_or_held_before_resolve_to_nobody(finder: MentionFinder) -> None:
    # two EU foreign policy chiefs in the book, the question does not say which
    assert role_mentions("What did the EU's top diplomat say?", finder) == []
    assert role_group("ancien président ukrainien") is None
    assert role_group("vice-président américain") != role_group("président ukrainien")
    # a role far from any party is nobody's
    assert role_mentions("What did the secretary-general of the day say on Turkey?", finder) == []


def test_a_role_a_position_question_restricts_to_is_left_to_it(finder: MentionFinder) -> None:
    # "Hungary's foreign minister": Hungary's statements said in that role (bot.qa.respond)
    assert role_mentions("What did Hungary's foreign minister say about sanctions?", finder) == []
    assert role_mentions("What did the Kremlin spokesman say?", finder) == []


def test_modals_and_reflexives_only_frame_the_question(finder: MentionFinder) -> None:
    words = {
        c.label
        for c in parse_question("Que faudrait-il que la France doive céder ?", finder).concepts
    }
    assert "faudrait" not in words
    words = labels("What about Hungary itself?", finder)
    assert "itself" not in words


def test_a_hyphenated_glossary_word_is_one_concept(finder: MentionFinder) -> None:
    query = parse_question("Is Russia ready for de-escalating in the Baltic?", finder)
    [concept] = [c for c in query.content if "escal" in c.label]
    assert ("desescalad",) in concept.forms  # reaches "désescalade"


def test_a_partys_adjective_inside_a_glossary_phrase_is_the_phrase(
    finder: MentionFinder,
) -> None:
    query = parse_question("Que dit l'Italie sur les avoirs russes gelés ?", finder)
    assert query.parties == ["IT"]
    assert any(("avoir", "russ") in c.forms for c in query.content)


def test_a_party_named_twice_leaves_no_unknown_name(finder: MentionFinder) -> None:
    query = parse_question("Que veut le Royaume-Uni, selon Downing Street ?", finder)
    assert not {"downing", "street"} & {c.label for c in query.concepts}


def test_clock_durations_and_parts_of_months_are_answers() -> None:
    said = Passage(1, 1, 0, "fr", "La réunion a duré 3 h 15 en tout.", [])
    assert facts.duration([said], "Combien de temps a duré la réunion ?") == "3 h 15"
    said = Passage(2, 1, 1, "en", "A vote is not expected before mid-March.", [])
    assert facts.date([said], "When is the vote expected?") == "mid-March"
    said = Passage(3, 1, 2, "fr", "Le texte doit être adopté fin juin.", [])
    assert facts.date([said], "Quand le texte doit-il être adopté ?") == "fin juin"


def test_the_party_a_stance_bears_on_is_no_required_name(finder: MentionFinder) -> None:
    u = understand("What is Poland's approach to Hungary on the gas exemption?", finder)
    assert u.kind == "position" and u.parties == ["PL"]
    [hungary] = [c for c in u.query.concepts if "HU" in c.parties]
    assert hungary.kind == "content" and hungary.weight < 1.0
    # with nothing else asked, or named by one of its bodies, it stays a name to find
    u = understand("Que propose la Turquie au Conseil de sécurité ?", finder)
    assert any(c.kind == "entity" and "UN" in c.parties for c in u.query.concepts)
    u = understand("Que réclame Kiev à la Russie ?", finder)
    assert any(c.kind == "entity" and "RU" in c.parties for c in u.query.concepts)


def test_a_named_person_stays_asked_about_in_a_partys_eyes(finder: MentionFinder) -> None:
    u = understand(
        "Que veut Andriï Sybiha pour que l'accord soit acceptable aux yeux de Kiev ?", finder
    )
    assert u.kind == "person" and u.people[0].name == "Andrii Sybiha"
    assert not {"soit", "yeux"} & {c.label for c in u.query.concepts}


def test_hedges_and_possessives_are_not_looked_for(finder: MentionFinder) -> None:
    words = labels(
        "Quelle est la position de la Grèce sur un éventuel envoi de ses propres navires ?", finder
    )
    assert not {"eventuel", "propres"} & words and "navires" in words


def test_a_source_does_not_make_a_follow_up_long() -> None:
    from bot.qa.followup import looks_like_followup
    from bot.qa.query import Query

    asked = "What about Hungary, according to the Guardian live blog of that evening?"
    assert looks_like_followup(asked, Query(asked))


def test_a_persons_answer_states_their_words_first(book: PartyBook) -> None:
    from bot.qa.answer import compose
    from bot.qa.statements import Statement

    said = Statement("Le corridor restera ouvert tout l'hiver.", 1, "fr", speaker="Hakan Fidan")
    reply = compose([said], {}, book, "en", "a1")
    assert reply.blocks[0].plain == "Hakan Fidan: Le corridor restera ouvert tout l'hiver."
    # what no one is quoted saying keeps the introduction; a why keeps its own
    plain = Statement("Les navires ont repris la mer lundi.", 1, "fr")
    assert compose([plain], {}, book, "en", "a2").blocks[0].plain == "From the articles:"
    why = compose([said], {}, book, "en", "a3", why=True).blocks[0].plain
    assert why.startswith("The articles give")
