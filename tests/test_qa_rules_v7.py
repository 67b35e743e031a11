"""The Q&A rules of the seventh pass (issue #13), on questions and sentences of my own, in French
and English: an abbreviated month ("Dec. 7") is no place the articles must name; a count is
read where what is counted comes after what befell it ("nine people were killed", "onze
civils ont été tués"); a known place the question says something happened in ("the truce
agreed in Riyadh") must be named by the article that answers; a capitalised word after an
office and "of"/"des" is the office's place, not its holder; a place's other spelling in the
glossary is looked for too; "Putin's adviser Ushakov" asks about Ushakov; an office under its
other name; numbers in words up to ninety; a party's statement does not stand for every person
of it; "X met Y, according to an aide" is not X's words; "l'ambassadrice X" is an office before
a name; glossary rows for the words of meetings, deadlines and markets."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.facts import count, duration
from bot.qa.lexicon import MentionFinder, bridge_words
from bot.qa.query import Concept, proper_names
from bot.qa.search import Passage, matches
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store import Database
from tests.qa_support import StoredPositions
from tests.test_qa_unit import NoComposer, add


def lines(reply: object) -> list[str]:
    return [b.plain for b in reply.blocks]  # type: ignore[attr-defined]


# --- an abbreviated month is a date, not a place the article must name


@pytest.mark.parametrize(
    "question",
    [
        "How many drones did Russia launch in the night of Dec. 7?",
        "Combien de drones la Russie a-t-elle lancés dans la nuit du 7 déc. ?",
    ],
)
def test_an_abbreviated_month_is_no_proper_name(question: str, finder: MentionFinder) -> None:
    u = understand(question, finder)
    assert not {c.label for c in proper_names(u.query)} & {"dec", "dec."}


# --- a count of people, then what befell them


def sentence(n: int, text: str) -> Passage:
    return Passage(n, 1, n, "en", text, text.lower().split())


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        (
            "Combien de morts à Harbourtown ?",
            "At least nine people were killed and 40 wounded in Harbourtown overnight.",
            "nine people were killed",
        ),
        (
            "How many were killed in the strike on the market?",
            "Onze civils ont été tués dans la frappe sur le marché, selon le maire.",
            "Onze civils ont été tués",
        ),
    ],
)
def test_a_count_before_what_befell_those_counted(question: str, text: str, value: str) -> None:
    words = {"killed", "morts", "tues"}
    assert count([sentence(1, text)], question, words) == value


def test_only_a_verb_of_being_may_come_between() -> None:
    # "21 billion in military support": what follows the number is no "were"
    text = "The UK has committed 21 billion in military and economic support."
    assert count([sentence(1, text)], "How many troops would the force number?", set()) == ""


# --- a place the question says something happened in


TRUCE = [
    # Beijing on a ceasefire, in an article that never names Riyadh
    "Pékin appelle au dialogue\n\n"
    "Le porte-parole de la diplomatie chinoise, Lin Tao, a déclaré que la Chine soutenait "
    "« tous les efforts en faveur d'un cessez-le-feu » en Ukraine.",
    # the truce agreed in Riyadh, without a word from Beijing
    "Accord à Riyad sur les centrales\n\n"
    "Réunies à Riyad, les délégations russe et ukrainienne ont conclu une trêve énergétique "
    "de trente jours sur les centrales électriques.",
]
SAID = [("CN", "Lin Tao", "porte-parole de la diplomatie chinoise", TRUCE[0].split("\n\n")[1])]


def make_asker(
    db: Database, book: PartyBook, settings: Settings, texts: list[str], said: list
) -> QuestionAnswerer:  # type: ignore[type-arg]
    from bot.service import BriefBot

    for text in texts:
        add(db, text)
    bot = BriefBot(settings, db, book, [StoredPositions(said, "test:qa-v7")], [NoComposer()])  # type: ignore[list-item]
    return QuestionAnswerer(bot)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("How did Beijing react to the energy truce agreed in Riyadh?", "en"),
        ("Comment Pékin a-t-il réagi à la trêve énergétique conclue à Riyad ?", "fr"),
    ],
)
def test_words_from_an_article_that_never_names_the_venue_do_not_answer(
    any_db: Database, book: PartyBook, settings: Settings, question: str, lang: str
) -> None:
    asker = make_asker(any_db, book, settings, TRUCE, SAID)
    reply = lines(asker(question, lang, "c", "venue", None))
    assert not any("Lin Tao" in line or "tous les efforts" in line for line in reply), reply


def test_words_from_an_article_naming_the_venue_answer(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    text = (
        "Pékin salue l'accord de Riyad\n\n"
        "Le porte-parole de la diplomatie chinoise, Lin Tao, a salué la trêve conclue à Riyad, "
        "« un premier pas vers un cessez-le-feu »."
    )
    said = [("CN", "Lin Tao", "porte-parole", text.split("\n\n")[1])]
    asker = make_asker(any_db, book, settings, [text], said)
    question = "How did Beijing react to the truce agreed in Riyadh?"
    reply = lines(asker(question, "en", "c", "venue", None))
    assert any("premier pas" in line for line in reply)


# --- an office's place is not its holder


@pytest.mark.parametrize(
    ("question", "person"),
    [
        ("Selon la sénatrice des Landes, que veut le président Macron pour la force ?", "Macron"),
        ("What did the head of the Verkhnodar regional administration say about the truce?", ""),
        ("Qu'a dit le maire de Mykolaïv sur les coupures d'électricité ?", ""),
    ],
)
def test_the_place_of_an_office_is_no_unknown_person(
    question: str, person: str, finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.unknown_person == ""
    assert person in " ".join(p.name for p in u.people)


def test_a_name_after_an_office_is_still_asked_about(finder: MentionFinder) -> None:
    u = understand("Qu'a dit le porte-parole Anton Lebedev sur la trêve ?", finder)
    assert u.unknown_person == "Anton Lebedev"


# --- the glossary: a place in its other spelling, and the words of this pass


def test_a_capitalised_place_is_looked_for_in_its_other_spelling(finder: MentionFinder) -> None:
    u = understand("What did the mayor say about the port of Odessa?", finder)
    place = [c for c in u.query.concepts if c.label == "odessa"]
    assert place and "odesa" in place[0].words


def test_glossary_rows_of_this_pass() -> None:
    assert "equipes" in bridge_words("teams") or "équipes" in bridge_words("teams")
    assert "reconvene" in bridge_words("se retrouveront")
    assert "deadline" in bridge_words("date butoir")
    assert "rubles" in bridge_words("rouble")
    assert "gained" in bridge_words("progressé")
    assert "framework" in bridge_words("cadre")
    assert "direct line" in bridge_words("ligne directe")
    assert "allocate" in bridge_words("consacrer")
    assert "promise" in bridge_words("promet")
    assert "lead" in bridge_words("conduire")
    assert "monnaie d'echange" in bridge_words("bargaining chip")
    assert "become" in bridge_words("devenir")


MEETINGS = [
    "Les experts se reverront\n\n"
    "Le ministre a indiqué que les équipes techniques se retrouveraient le 14 janvier pour "
    "travailler sur un mécanisme de contrôle des ports.",
    "Washington sets a date\n\n"
    "The White House wants a signed framework agreement by Jan. 15, two officials said.",
    "Markets\n\nThe ruble gained as much as 3.2% to 81.10 per dollar on Friday.",
    "Portrait\n\n"
    "Selon le Kremlin, Ivan Dorokhov a été désigné pour conduire la délégation russe aux pourparlers de Vaduz.",
]


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        (
            "When do the technical teams meet again on a port verification mechanism?",
            "en",
            "14 janvier",
        ),
        (
            "Quelle date butoir la Maison Blanche a-t-elle fixée pour signer l'accord-cadre ?",
            "fr",
            "Jan. 15",
        ),
        ("De combien le rouble a-t-il progressé face au dollar ?", "fr", "3.2%"),
        ("Qui conduit la délégation russe aux pourparlers de Vaduz ?", "fr", "Ivan Dorokhov"),
    ],
)
def test_a_question_reaches_a_sentence_in_the_other_language(
    any_db: Database,
    book: PartyBook,
    settings: Settings,
    question: str,
    lang: str,
    expected: str,
) -> None:
    asker = make_asker(any_db, book, settings, MEETINGS, [])
    reply = lines(asker(question, lang, "c", question[:8], None))
    assert any(expected in line for line in reply[:3]), reply


# --- "Putin's adviser Ushakov": the person asked is the one after the possessive


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("What did Putin's adviser Yuri Ushakov say about the talks?", "Iouri Ouchakov"),
        ("What did Zelensky say about Putin's demands?", "Volodymyr Zelensky"),
    ],
)
def test_the_owner_of_an_office_is_not_the_person_asked(
    question: str, asked: str, finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == "person" and u.people[0].name == asked


# --- India's foreign minister is its External Affairs Minister


def test_an_office_under_its_other_name(finder: MentionFinder) -> None:
    u = understand("Que dit le ministre indien des Affaires étrangères du pétrole ?", finder)
    assert u.parties == ["IN"] and any("external affairs minister" in f for f in u.offices)


# --- numbers written in full up to ninety


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "La trêve durerait quatre-vingt-dix jours avant la levée.",
            "quatre-vingt-dix jours",
        ),
        ("The truce would have to last ninety days first.", "ninety days"),
        ("Le gel durerait soixante-dix jours au plus.", "soixante-dix jours"),
    ],
)
def test_a_duration_in_words(text: str, value: str) -> None:
    assert duration([sentence(1, text)], "") == value


# --- a party's statement is not about every person of that party


LAVROV = (
    "Moscou fixe ses conditions\n\n"
    "Le ministre russe des Affaires étrangères, Sergueï Lavrov, a déclaré que Moscou exigerait "
    "la neutralité de l'Ukraine avant toute signature."
)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Qu'a déclaré Sergueï Lavrov sur la nomination de Vladimir Medinski ?", "fr"),
        ("What did Sergei Lavrov say about Vladimir Medinsky's appointment?", "en"),
    ],
)
def test_a_persons_words_on_someone_else_of_the_party_must_name_them(
    any_db: Database, book: PartyBook, settings: Settings, question: str, lang: str
) -> None:
    said = [
        ("RU", "Sergueï Lavrov", "ministre russe des Affaires étrangères", LAVROV.split("\n\n")[1])
    ]
    asker = make_asker(any_db, book, settings, [LAVROV], said)
    reply = lines(asker(question, lang, "c", "other", None))
    assert not any("neutralité" in line for line in reply), reply


def test_a_person_is_not_matched_by_their_partys_statement() -> None:
    p = sentence(1, "Moscou exigerait la neutralité de l'Ukraine.")
    p.party_id, p.speaker = "RU", "Sergueï Lavrov"
    person = Concept(
        "Vladimir Medinski", "entity", {("medinski",)}, 2.0, ("RU",), ("Vladimir Medinski",)
    )
    party = Concept("Russia", "entity", {("russi",)}, 2.0, ("RU",))
    assert not matches(person, p) and matches(party, p)


# --- "X met Y, according to an aide": someone else's account is not X's words

MEETING = (
    "Hawks in the Senate\n\n"
    "Moldova's envoy in Brussels, Ilinca Vartic, met with two senators on Tuesday, according "
    "to an aide to one of them.\n\n"
    "L'ambassadrice moldave Ilinca Vartic a rencontré deux sénateurs mardi, selon un collaborateur "
    "de l'un d'eux."
)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("What did the envoy Ilinca Vartic tell the senators?", "en"),
        ("Qu'a dit l'ambassadrice Ilinca Vartic aux sénateurs ?", "fr"),
    ],
)
def test_someone_elses_account_is_not_the_persons_words(
    any_db: Database, book: PartyBook, settings: Settings, question: str, lang: str
) -> None:
    asker = make_asker(any_db, book, settings, [MEETING], [])
    reply = lines(asker(question, lang, "c", "account", None))
    assert "Ilinca Vartic" in reply[0] and "Vartic" not in reply[0].split()[0:1], reply
    assert reply[0].endswith(("not quoted in the articles I have.", "dont je dispose.")), reply


def test_an_office_with_an_elided_article_is_read(finder: MentionFinder) -> None:
    u = understand("Qu'a dit l'ambassadrice Ilinca Vartic sur la trêve ?", finder)
    assert u.kind == "person" and u.unknown_person == "Ilinca Vartic"
