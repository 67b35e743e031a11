"""The Q&A rules of the fourteenth pass (issue #13), on questions and sentences of my own, in
French and English: the office and the side's adjective right before a person's name say who
is asked, not what ("le président finlandais X", "Finnish President X", which asks for X's
words, not Finland's); a role no statement's speaker holds by the analysis is asked of the
speaker a sentence gives that role with the asked side (a spokesperson is no deputy
minister); "pourquoi ?" after a person's words is answered by the same speaker's next
sentence; "which countries…" is answered by the parties the best sentence names; a party's
short name in capitals ("EU") is matched as written; a "who" answer shows the sentences
spelling the name in the other language."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.retrieve import Retrieval
from bot.qa.search import Passage, matches
from bot.qa.text import stems
from bot.qa.understand import understand, without_titles
from bot.settings import Settings
from bot.store.db import Database
from bot.textnorm import fold
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines

# --- the office and the side before a name are who is asked


@pytest.mark.parametrize(
    "question",
    [
        "Qu'a déclaré le président finlandais Alexander Stubb sur le port de Korsvik ?",
        "What did Finnish President Alexander Stubb say about the Korsvik harbour?",
    ],
)
def test_the_office_and_side_before_a_name_are_not_asked(
    finder: MentionFinder, question: str
) -> None:
    u = without_titles(understand(question, finder))
    labels = {fold(c.label) for c in u.query.concepts}
    assert "president" not in labels and "finland" not in labels, labels
    assert "korsvik" in labels


def test_a_side_opening_a_known_persons_office_asks_the_persons_words(
    finder: MentionFinder,
) -> None:
    u = understand("What did Finnish President Alexander Stubb say about the harbour?", finder)
    assert u.kind == "person" and [p.name for p in u.people] == ["Alexander Stubb"]


# --- a role asked of a side: the speaker a sentence gives it

DEPUTY = (
    "Ingrid Solberg : « Le port de Korsvik restera ouvert aux chalutiers »\n\n"
    "Ingrid Solberg, 51 ans, est vice-ministre norvégienne des Affaires étrangères depuis "
    "2023.\n\n"
    "— Le port de Korsvik restera ouvert aux chalutiers tout l'hiver.\n\n"
    "Le porte-parole du ministère norvégien des Affaires étrangères, Per Lund, a répliqué que "
    "« le port de Korsvik n'est pas un sujet de négociation ».\n"
)
# the analysis gave both to another side, with another role
DEPUTY_SAID = [
    ("SE", "Ingrid Solberg", "ancienne négociatrice", "— Le port de Korsvik restera ouvert"),
    ("SE", "Per Lund", "", "le port de Korsvik n'est pas un sujet de négociation"),
]


def test_a_role_is_asked_of_the_speaker_a_sentence_gives_it(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [DEPUTY], DEPUTY_SAID)
    question = "What did the Norwegian deputy foreign minister say about the Korsvik harbour?"
    reply = lines(asker(question, "en", "c", "r", None))
    assert reply[0].startswith("Ingrid Solberg") and "restera ouvert" in reply[0], reply
    assert not any("Per Lund" in line for line in reply), reply


# --- "why?" after a person's words: the speaker's next sentence

INTERVIEW = (
    "Entretien : la maire de Korsvik\n\n"
    "Le Journal : Quand le port de Korsvik rouvrira-t-il ?\n\n"
    "— Le port de Korsvik rouvrira au printemps, pas avant. "
    "On ne navigue pas dans la glace, avec trois chalutiers déjà perdus cet hiver.\n\n"
    "Le Journal : Et les quotas ?\n\n"
    "— Les quotas de hareng seront discutés en mars.\n"
)
INTERVIEW_SAID = [
    ("NO", "Kari Nordby", "maire de Korsvik", "— Le port de Korsvik rouvrira au printemps"),
    ("NO", "Kari Nordby", "maire de Korsvik", "On ne navigue pas dans la glace"),
    ("NO", "Kari Nordby", "maire de Korsvik", "— Les quotas de hareng seront discutés"),
]


def test_why_is_answered_by_the_speakers_next_sentence(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [INTERVIEW], INTERVIEW_SAID)
    first = lines(asker("Qu'a dit Kari Nordby sur le port de Korsvik ?", "fr", "c", "w", None))
    assert "rouvrira au printemps" in first[0], first
    reply = lines(asker("Pourquoi ?", "fr", "c", "w", None))
    assert any("dans la glace" in line for line in reply), reply


# --- "which countries": the parties the best sentence names

SIDES = (
    "Oslo, Stockholm et Copenhague ont proposé de créer une patrouille commune en mer de "
    "Barents, a-t-on appris jeudi."
)
PERSON = (
    "Jeudi soir, le ministre Lars Holm a de nouveau rejeté la proposition de créer une "
    "patrouille commune en mer de Barents."
)


def test_which_countries_is_answered_by_the_parties_named(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [], [])
    question = "Quel pays a proposé de créer une patrouille commune en mer de Barents ?"
    u = understand(question, asker.finder)
    # the sentence naming a person ranks first, as one holding a person's name would
    ranked = [
        Passage(2, 1, 2, "fr", PERSON, stems(PERSON, "fr"), score=1.2, coverage=0.8),
        Passage(1, 1, 1, "fr", SIDES, stems(SIDES, "fr"), score=1.0, coverage=1.0),
    ]
    found = asker.responder._from_retrieval(u, Retrieval(u.query, ranked), "fr")
    assert found.line == "Qui : Oslo, Stockholm et Copenhague", found.line
    assert "Oslo, Stockholm" in found.statements[0].text


# --- "who": the sentences giving the name in the other language's spelling hold it too

LED_EN = (
    "Pavlo Shevchuk, the head of the Norwegian delegation in Tromsø, told reporters the "
    "talks would go on."
)
LED_FR = "Le chef de la délégation norvégienne à Tromsø, Pavlo Chevtchouk, est arrivé le premier."


def test_who_shows_the_sentences_spelling_the_name_otherwise(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [], [])
    u = understand("Who led the Norwegian delegation in Tromsø?", asker.finder)
    ranked = [
        Passage(1, 1, 1, "en", LED_EN, stems(LED_EN, "en"), score=1.2, coverage=1.0),
        Passage(2, 2, 1, "fr", LED_FR, stems(LED_FR, "fr"), score=1.0, coverage=1.0),
    ]
    found = asker.responder._from_retrieval(u, Retrieval(u.query, ranked), "en")
    assert found.line == "Who: Pavlo Shevchuk", found.line
    assert any("Chevtchouk" in s.text for s in found.statements), found.statements


# --- a party's short name in capitals, as written


@pytest.mark.parametrize(
    ("sentence", "lang", "named"),
    [
        ("Two capitals proposed easing EU sanctions on the harbour.", "en", True),
        ("EU-wide quotas were agreed on Friday.", "en", True),
        ("Le maire a eu raison de fermer le port.", "fr", False),
        ("EUROSTAT PUBLISHED THE FIGURES.", "en", False),
    ],
)
def test_a_short_name_in_capitals_names_its_party(
    finder: MentionFinder, sentence: str, lang: str, named: bool
) -> None:
    query = parse_question("Que veut l'Union européenne ?", finder)
    union = next(c for c in query.entities if c.parties == ("EU",))
    passage = Passage(1, 1, 0, lang, sentence, stems(sentence, lang))
    assert matches(union, passage) is named
