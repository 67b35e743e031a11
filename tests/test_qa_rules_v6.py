"""The Q&A rules of the sixth pass (issue #13), on questions and sentences of my own, in French
and English: an office only one party's officials hold ("le ministre des Armées", "the State
Department spokesperson"), or a role and party no single person of the party book holds, is
answered by the statements whose speaker the articles give that role; a role naming someone
else is not its speaker's; a factual question quotes the sentence holding the value asked even
when sentences without it score higher; "what did X tell Y" is answered only by X's words
naming Y."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.lexicon import MentionFinder
from bot.qa.query import Concept, Query
from bot.qa.retrieve import MAX_PASSAGES, choose
from bot.qa.search import Passage
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store import Database
from tests.qa_support import StoredPositions
from tests.test_qa_unit import NoComposer, add


@pytest.mark.parametrize(
    ("question", "party"),
    [
        ("Que répond le ministre des Armées aux élus qui réclament un calendrier ?", "FR"),
        ("What did the State Department spokesperson say about the grain convoy?", "US"),
    ],
)
def test_an_office_asks_for_what_its_holder_said(
    question: str, party: str, finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == "position" and u.parties == [party] and u.offices
    words = {c.label for c in u.query.concepts}
    # the office's words say whose statements answer, they are not looked for in them
    assert not {"ministre", "armees", "spokesperson", "secretaire", "secretary"} & words


@pytest.mark.parametrize(
    "question",
    [
        "Selon le secrétaire général de l'Otan, la base d'Aalborg va-t-elle rouvrir ?",
        "According to NATO's secretary general, will the northern air base reopen?",
    ],
)
def test_an_office_one_person_of_the_book_holds_asks_for_that_person(
    question: str, finder: MentionFinder
) -> None:
    """The party book's one NATO secretary general (its former one, Jens Stoltenberg, is now
    Norway's finance minister): the question asks what he said."""
    u = understand(question, finder)
    assert u.kind == "person" and [p.name for p in u.people] == ["Mark Rutte"]


def test_a_named_person_is_not_read_as_an_office(finder: MentionFinder) -> None:
    u = understand("Qu'a dit Mark Rutte, secrétaire général de l'Otan, sur Aalborg ?", finder)
    assert u.kind == "person" and not u.offices


TEXT = (
    "Tensions autour des patrouilles en mer Baltique\n\n"
    "La ministre des Armées, Claire Vasseur, a répondu aux menaces de Moscou : « Nos frégates "
    "patrouilleront où le droit international le permet, et nulle part ailleurs. »\n\n"
    "Le porte-parole du gouvernement, Paul Renaud, a jugé que les menaces de Moscou contre les "
    "patrouilles relevaient de la gesticulation.\n\n"
    "MIRA HOLT, PRÉSENTATRICE : Le secrétaire général de l'Otan, Mark Rutte, nous rejoint pour "
    "parler des patrouilles en Baltique.\n\n"
    "« La base d'Aalborg rouvrira au printemps pour les patrouilles de l'Alliance », a assuré "
    "Mark Rutte.\n\n"
    "Emmanuel Macron a promis que les patrouilles françaises en Baltique seraient renforcées dès "
    "janvier.\n\n"
    "Lors de leur appel, Emmanuel Macron a dit à Friedrich Merz que la France prendrait le "
    "commandement des patrouilles en Baltique."
)
PARAGRAPHS = TEXT.split("\n\n")
SAID = [
    ("FR", "Claire Vasseur", "ministre des Armées", PARAGRAPHS[1]),
    ("FR", "Paul Renaud", "porte-parole du gouvernement", PARAGRAPHS[2]),
    # an extraction that gave the host the guest's words as her role
    ("NATO", "Mira Holt", "secrétaire général de l'Otan, Mark Rutte, nous rejoint", PARAGRAPHS[3]),
    ("NATO", "Mark Rutte", "secrétaire général de l'Otan", PARAGRAPHS[4]),
    ("FR", "Emmanuel Macron", "président français", PARAGRAPHS[5]),
]


def make_asker(db: Database, book: PartyBook, settings: Settings, said: list) -> QuestionAnswerer:  # type: ignore[type-arg]
    from bot.service import BriefBot

    add(db, TEXT)
    extractors = [StoredPositions(said, "test:qa-v6")]
    bot = BriefBot(settings, db, book, extractors, [NoComposer()])  # type: ignore[list-item]
    return QuestionAnswerer(bot)


@pytest.fixture
def asker(any_db: Database, book: PartyBook, settings: Settings) -> QuestionAnswerer:
    return make_asker(any_db, book, settings, SAID)


def lines(reply: object) -> list[str]:
    return [b.plain for b in reply.blocks]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Que répond le ministre des Armées aux menaces de Moscou sur les patrouilles ?", "fr"),
        ("How does the French armed forces minister answer Moscow's threats?", "en"),
    ],
)
def test_an_office_is_answered_by_the_speaker_of_that_role(
    asker: QuestionAnswerer, question: str, lang: str
) -> None:
    reply = lines(asker(question, lang, "c", question[:9], None))
    shown = [line for line in reply if line.startswith("•")]
    assert shown and all("Claire Vasseur" in line for line in shown)
    assert any("Nos frégates" in line for line in shown)


def test_a_role_naming_someone_else_is_not_the_speakers(asker: QuestionAnswerer) -> None:
    question = "Selon le secrétaire général de l'Otan, la base d'Aalborg va-t-elle rouvrir ?"
    reply = lines(asker(question, "fr", "c", "sg", None))
    shown = [line for line in reply if line.startswith("•")]
    assert any("rouvrira au printemps" in line for line in shown)
    assert not any("Mira Holt" in line for line in shown)


def test_what_x_told_y_is_not_xs_words_to_others(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    question, lang = "Qu'a dit Emmanuel Macron à Friedrich Merz sur les patrouilles ?", "fr"
    # the sentence of the call stored too: it answers
    said = [*SAID, ("FR", "Emmanuel Macron", "président français", PARAGRAPHS[6])]
    asker = make_asker(any_db, book, settings, said)
    reply = lines(asker(question, lang, "c", "told", None))
    assert any("commandement" in line for line in reply)
    assert not any("dès janvier" in line for line in reply)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did Emmanuel Macron tell Keir Starmer about the patrols in the Baltic?", "en"),
        ("Qu'a dit Emmanuel Macron à Keir Starmer sur les patrouilles en Baltique ?", "fr"),
    ],
)
def test_what_x_told_y_is_refused_when_x_never_named_y(
    any_db: Database, book: PartyBook, settings: Settings, question: str, lang: str
) -> None:
    asker = make_asker(any_db, book, settings, SAID)
    reply = lines(asker(question, lang, "c", "told", None))
    assert not any("dès janvier" in line for line in reply)


def passage(n: int, text: str, score: float, coverage: float) -> Passage:
    p = Passage(n, 1, n, "fr", text, text.lower().split())
    p.score, p.coverage, p.matched, p.entities = score, coverage, {"soldats"}, 1.0
    return p


def test_a_fact_is_quoted_from_the_sentence_holding_it() -> None:
    query = Query("combien de soldats ?", [Concept("soldats", "content", {("soldat",)}, 1.0)])
    speakers = [
        passage(n, f"Le ministre numéro {n} a parlé des soldats sans chiffre.", 1.3, 0.75)
        for n in range(1, MAX_PASSAGES + 2)
    ]
    holding = passage(9, "La mission compterait 1 500 soldats.", 1.0, 0.75)
    chosen = choose(query, [*speakers, holding], holds=lambda p: "1 500" in p.text)
    assert holding in chosen and len(chosen) == MAX_PASSAGES
    # a sentence holding a number but covering much less of the question is not added
    weaker = passage(9, "Un total de 1 500 soldats ailleurs.", 1.0, 0.3)
    chosen = choose(query, [*speakers, weaker], holds=lambda p: "1 500" in p.text)
    assert weaker not in chosen
