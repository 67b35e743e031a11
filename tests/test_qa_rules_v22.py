"""The Q&A rules of the twenty-second pass (issue #13), on questions and sentences of my own
(Norway, Denmark and Sweden at fisheries talks): a person's answer lists each sentence once,
and a sentence saying they replied is shown after the bare quotation before it; a sentence
opening with another party is not added to the statements of the party asked; a meeting
named by its place ("les pourparlers d'Oslo") is where what is asked happened; "who will…"
is answered only by a sentence saying someone will do it; "qui accuse X de vouloir…" asks
for the accusing, not the wanting; "is Norway asking" asks a position, and so does "on
where…"; "qu'en pense-t-elle" is a follow-up on the previous subject; a date written in another
order holds the answer too; "une flotte de 40 navires" counts 40; the glossary's new rows."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.facts import count
from bot.qa.followup import Context, looks_like_followup, resolve
from bot.qa.lexicon import MentionFinder, bridge_forms, phrase_forms
from bot.qa.respond import acted, same_date, venues
from bot.qa.retrieve import Retrieval
from bot.qa.search import Passage
from bot.qa.text import stems
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from bot.textnorm import fold
from tests.qa_support import StoredPositions
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines, sentence
from tests.test_qa_unit import NoComposer, add, make_bot


def _ask(
    db: Database,
    book: PartyBook,
    settings: Settings,
    texts: list[str],
    said: list[tuple[str, str, str, str]],
    question: str,
    lang: str = "fr",
) -> list[str]:
    from bot.service import BriefBot

    for text in texts:
        add(db, text, lang=lang)
    bot = BriefBot(settings, db, book, [StoredPositions(said, "test:qa-v22")], [NoComposer()])  # type: ignore[list-item]
    return lines(QuestionAnswerer(bot)(question, lang, "c", "1", None))  # type: ignore[arg-type]


# --- a person's reply: the quotation before the sentence saying they replied, each once

PRESS = (
    "Pêche : Oslo répond à Copenhague\n\n"
    "« La morue de la mer du Nord n'est pas à vendre. » Le premier ministre norvégien, Jonas "
    "Gahr Støre, a répondu aux critiques danoises lors d'un point presse. Il propose de "
    "confier le contrôle des quotas à une commission mixte."
)
PRESS_SAID = [
    (
        "NO",
        "Jonas Gahr Støre",
        "premier ministre norvégien",
        "Le premier ministre norvégien, Jonas Gahr Støre, a répondu aux critiques danoises "
        "lors d'un point presse.",
    ),
    (
        "NO",
        "Jonas Gahr Støre",
        "premier ministre norvégien",
        "Il propose de confier le contrôle des quotas à une commission mixte.",
    ),
    ("NO", "Jonas Gahr Støre", "", "« La morue de la mer du Nord n'est pas à vendre. »"),
]


def test_a_reply_is_shown_after_its_quotation_once(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [PRESS],
        PRESS_SAID,
        "Qu'a déclaré Jonas Gahr Støre face aux critiques danoises ?",
    )
    assert any("n'est pas à vendre" in line and "a répondu" in line for line in reply), reply
    bullets = [line for line in reply if line.startswith("•")]
    assert len(bullets) == len(set(bullets)), bullets
    for words in ("a répondu aux critiques", "n'est pas à vendre"):
        assert len([line for line in bullets if words in line]) == 1, bullets


# --- another party's sentence is not added under the party asked

QUOTAS = (
    "Cod talks in Bergen\n\n"
    "Sweden wants the cod quotas cut by a third before any deal on the herring fleets.\n\n"
    "Danish Foreign Minister Lars Løkke Rasmussen said the harbour fees would stay as they are."
)
QUOTAS_SAID = [
    (
        "DK",
        "Lars Løkke Rasmussen",
        "Danish foreign minister",
        "Danish Foreign Minister Lars Løkke Rasmussen said the harbour fees would stay as they "
        "are.",
    )
]


def test_another_partys_sentence_is_not_the_partys_position(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [QUOTAS],
        QUOTAS_SAID,
        "Where does Denmark stand on cutting the cod quotas before the herring deal?",
        lang="en",
    )
    assert not any("Sweden wants" in line for line in reply), reply


@pytest.mark.parametrize(
    ("sentence", "others"),
    [
        ("Sweden wants the cod quotas cut by a third.", True),
        ("La Suède, elle, exige une baisse des quotas.", True),
        ("No. Our boats are needed on our own border with Sweden.", False),
        ("Denmark and Sweden want the quotas cut.", False),
        ("The quotas will be cut in June.", False),
    ],
)
def test_a_sentence_opening_with_another_party(
    any_db: Database, book: PartyBook, settings: Settings, sentence: str, others: bool
) -> None:
    from bot.qa.respond import Responder

    assert Responder(make_bot(any_db, book, settings))._others_only(sentence, ["DK"]) is others


# --- a meeting named by its place


@pytest.mark.parametrize(
    "question",
    [
        "Quelle est la position du Danemark sur les pourparlers d'Oslo ?",
        "What does Denmark think of the Oslo talks?",
    ],
)
def test_a_meeting_named_by_its_place_is_a_venue(finder: MentionFinder, question: str) -> None:
    u = understand(question, finder)
    assert [c.label for c in venues(u)] == ["Norway"], venues(u)


# --- "who will…": a sentence saying someone will do it


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Qui présidera la commission des pêches réunie à Oslo ?", True),
        ("Qui commanderait la flotte de surveillance ?", True),
        ("Who will chair the fisheries commission?", True),
        ("Qui a présidé la commission des pêches ?", False),
        ("Who chaired the fisheries commission?", False),
    ],
)
def test_who_will_asks_the_doing(finder: MentionFinder, question: str, asked: bool) -> None:
    assert bool(acted(understand(question, finder).query)) is asked


# --- "qui accuse X de vouloir…": the accusing is asked, not the wanting


def test_wanting_after_de_is_no_verb_asked(finder: MentionFinder) -> None:
    u = understand("Qui accuse Oslo de vouloir fermer les zones de pêche ?", finder)
    kinds = {fold(c.label): c.kind for c in u.query.concepts}
    assert kinds.get("vouloir") == "soft", kinds
    u = understand("Qui a demandé la réunion des ministres ?", finder)
    kinds = {fold(c.label): c.kind for c in u.query.concepts}
    assert kinds.get("demande") == "content", kinds


# --- positions asked by "is X asking" and "on where"


@pytest.mark.parametrize(
    "question",
    [
        "What sort of guarantee is Norway asking its partners for?",
        "What kind of quota are the Danes seeking?",
        "What is Norway ready to accept on where the fishing line would run?",
    ],
)
def test_asking_and_on_where_ask_a_position(finder: MentionFinder, question: str) -> None:
    assert understand(question, finder).kind == "position"


# --- "qu'en pense-t-elle": a follow-up on the previous subject


@pytest.mark.parametrize(
    "then", ["Et la Suède, qu'en pense-t-elle vraiment ?", "Et le Danemark, qu'en dit-il donc ?"]
)
def test_en_keeps_the_subject(finder: MentionFinder, then: str) -> None:
    first = "Que veut la Norvège sur les quotas de hareng ?"
    assert looks_like_followup(then, understand(then, finder).query)
    previous = Context("a1", "fr", first, understand(first, finder).query, kind="position")
    u = understand(then, finder)
    labels = {fold(c.label) for c in resolve(then, u.query, previous).query.content}
    assert "hareng" in labels, labels


# --- a date in another order


ROUNDS = [
    "Jonas Gahr Støre said Norway would host the next round of the cod talks on June 23.",
    "The next round of the cod talks is scheduled for 23 June, again in Bergen.",
]


def test_each_sentence_giving_the_date_is_shown(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [], [])
    u = understand("When will the cod talks meet again?", asker.finder)
    ranked = [
        Passage(n, n, 1, "en", text, stems(text, "en"), score=1.0 - n / 10, coverage=1.0)
        for n, text in enumerate(ROUNDS, 1)
    ]
    found = asker.responder._from_retrieval(u, Retrieval(u.query, ranked), "en")
    shown = " ".join(s.text for s in found.statements)
    assert "23 June" in shown and "June 23" in shown, found.statements


def test_a_date_in_another_order_is_the_same() -> None:
    assert same_date("June 23", "23 June")
    assert same_date("23 juin", "23 juin")
    assert not same_date("June 23", "June 24")
    assert not same_date("June 23", "")


# --- an article before a number is no count


def test_an_article_before_a_number_is_no_count() -> None:
    text = "« Une force de 3 000 hommes ne suffit pas », a jugé le ministre norvégien."
    question = "Combien de militaires la force nordique comptera-t-elle ?"
    said = sentence(1, text)
    said.coverage = said.alone = 1.0  # a sentence about what is asked
    assert not count([said], question, set()).startswith("Une"), text


# --- the glossary's new rows


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("route maritime", "shipping lane"),
        ("légaliser", "legalize"),
        ("occupation", "occupy"),
        ("largeur", "width"),
        ("bande", "strip"),
        ("longue portée", "long-range"),
        ("artillerie", "guns"),
        ("par étapes", "phased"),
        ("repli", "pullback"),
        ("CPI", "ICC"),
        ("mandats d'arrêt", "arrest warrants"),
        ("argent", "money"),
        ("usage", "use"),
        ("hybride", "mixing"),
        ("venir chercher", "come and collect"),
        ("Banque mondiale", "World Bank"),
        ("prochain round", "next round"),
    ],
)
def test_the_glossary_bridges_both_languages(french: str, english: str) -> None:
    assert phrase_forms(english) & bridge_forms(french), (french, english)
    assert phrase_forms(french) & bridge_forms(english), (french, english)
