"""The Q&A rules of the eighth pass (issue #13), on questions and sentences of my own, in French
and English: a "who" asking by an office ("which minister", "who is the prefect", "quel
ministre") is answered by the name a sentence gives that office; an English office after
"which" does not swallow the verb after it; a sentence whose subject is a pronoun ("He accused
…") is someone's the sentence before names; a place a "who" question names may be left to the
answering sentence's article; a width or a distance is a length ("a 20-kilometre corridor");
"as many as" is part of a count; a word's stem is no stop word only in the language it was
stemmed in ("proposal" -> "propos"); "ligne de front" stays a phrase in a position question;
"serait" is no word to look for; a stored position and its sentence are shown once; glossary
rows for prefects, opening, going somewhere and buffers; the tally of a vote answers its
result ("301 voix contre 212"), and a sentence holding it in an article about the vote names
that article's parties; a date or a person may leave to its article the place and the event
named by it ("le plan de Brivecourt"); what a person said "during the meeting with Y" names
Y; "Armed Forces minister X" is an office before a name; "what does Moscow demand regarding
which countries…" asks a position, not who; a party asked about in a follow-up ("Et la France
?") is answered from the previous answer's articles, then from the others; an entity named
twice is where the question first names it ("la position de l'OTAN … l'Alliance"); a count
asked in the past is not what a sentence says is yet to happen ("qui devrait intervenir"); a
party's statements on something else give way to an interview's answer to the question on what
is asked, and "why?" after it finds the justification next to it ("C'est une question de
justice : …"); a stored claim and its whole sentence are shown once."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.models import Article, Position
from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.qa.facts import count, office_holder, person
from bot.qa.lexicon import MentionFinder, bridge_words, phrase_forms
from bot.qa.respond import _same, naming_others, places_asked, unique
from bot.qa.search import Passage
from bot.qa.statements import Statement
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store import Database
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_unit import NoComposer, add


def sentence(n: int, text: str) -> Passage:
    return Passage(n, 1, n, "en", text, text.lower().split())


def lines(reply: object) -> list[str]:
    return [b.plain for b in reply.blocks]  # type: ignore[attr-defined]


def answer(db: Database, book: PartyBook, settings: Settings, text: str, asked: str) -> list[str]:
    """The lines answering ``asked`` over the one article ``text`` (French questions are asked
    in French)."""
    from bot.service import BriefBot

    add(db, text)
    bot = BriefBot(settings, db, book, [Stored()], [NoComposer()])  # type: ignore[list-item]
    lang = "en" if asked.startswith(("Who", "What", "When", "How")) else "fr"
    return lines(QuestionAnswerer(bot)(asked, lang, "c", "1", None))


# --- a "who" asking by an office: the name a sentence gives that office


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("Who is the mayor who welcomed the delegates in Brivecourt?", "mayor"),
        ("Which minister inaugurated the new bridge?", "minister"),
        ("Qui est le préfet qui a reçu les syndicats ?", "prefet"),
        ("Quel ministre a inauguré le nouveau pont ?", "ministre"),
    ],
)
def test_the_office_a_who_question_asks_by(
    question: str, office: str, finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == "who" and u.office_word == office


def test_an_english_office_keeps_the_verb_after_it(finder: MentionFinder) -> None:
    u = understand("Which minister inaugurated the new bridge?", finder)
    assert "inaugurated" in {c.label for c in u.query.concepts}


@pytest.mark.parametrize(
    ("text", "office", "question", "holder"),
    [
        (
            "Accueillant les délégués, la maire de Brivecourt, Anne Delmont, a salué un accord.",
            "mayor",
            "Who is the mayor who welcomed the delegates?",
            "Anne Delmont",
        ),
        (
            "Opening the session, the interior minister, Paul Garnier, praised the police.",
            "ministre",
            "Quel ministre a ouvert la séance ?",
            "Paul Garnier",
        ),
    ],
)
def test_the_name_given_to_the_office(
    text: str, office: str, question: str, holder: str, gazetteer: Gazetteer
) -> None:
    assert office_holder([sentence(1, text)], office, question, gazetteer) == holder


def test_no_holder_when_the_office_names_the_person_asked_about(gazetteer: Gazetteer) -> None:
    text = "Avant une réunion des ministres, la commissaire Irma Vossberg a parlé aux élus."
    question = "Which ministers will Irma Vossberg meet?"
    assert office_holder([sentence(1, text)], "ministers", question, gazetteer) == ""


# --- a pronoun subject: who it is, the sentence before says


def test_a_pronoun_subject_is_the_one_the_sentence_before_names(gazetteer: Gazetteer) -> None:
    before = sentence(1, "Marta Kowalczyk, the head of the farmers' union, was less patient.")
    said = sentence(2, 'She accused the mayor of "selling the valley to the highest bidder".')
    question = "Qui a accusé le maire de vendre la vallée ?"
    assert person([said], question, gazetteer, [], {2: [before]}) == "Marta Kowalczyk"


# --- a place a "who" question names: its article may name it


PLACE = (
    "Les négociations de Brivecourt s'ouvrent\n\n"
    "Les pourparlers de Brivecourt ont commencé lundi dans une salle de la mairie.\n\n"
    "Le diplomate Hugo Vasseur, qui conduisait la délégation suisse, a salué l'accueil."
)


# --- widths and distances; "as many as"


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        (
            "How wide is the corridor the plan calls for?",
            "The plan now calls for a 20-kilometre corridor on each side of the river.",
            "20-kilometre",
        ),
        (
            "Quelle serait la largeur de la zone tampon ?",
            "Le plan prévoit une zone tampon de 12 kilomètres de chaque côté.",
            "12 kilomètres",
        ),
    ],
)
def test_a_width_is_a_length(question: str, text: str, value: str, finder: MentionFinder) -> None:
    assert understand(question, finder).kind == "count"
    assert count([sentence(1, text)], question, set()) == value


def test_as_many_as_is_part_of_a_count() -> None:
    text = "The plan foresees as many as 500 inspectors along the border."
    question = "How many inspectors does the plan foresee?"
    assert count([sentence(1, text)], question, set()) == "as many as 500 inspectors"


# --- stems, stop words and the words of questions


def test_a_stem_is_a_stop_word_only_in_its_own_language() -> None:
    assert ("propos",) in phrase_forms("proposal")  # a French word of questions
    assert ("du",) not in phrase_forms("due")  # "due" stemmed as French


def test_the_front_line_stays_a_phrase(finder: MentionFinder) -> None:
    u = understand("Que propose l'Italie pour protéger la ligne de front ?", finder)
    assert "ligne de front" in {c.label for c in u.query.concepts}


def test_serait_is_no_word_to_look_for(finder: MentionFinder) -> None:
    u = understand("Quelle serait la taille de la mission ?", finder)
    assert "serait" not in {c.label for c in u.query.concepts}


def test_a_sentence_with_or_without_its_full_stop_is_the_same() -> None:
    assert _same("Le plan prévoit une zone tampon.") == _same("Le plan prévoit une zone tampon")


# --- a stored position and its sentence, shown once

SAID_TEXT = (
    "Rome propose une zone tampon le long de la ligne de contact, surveillée par des "
    "observateurs « neutres »."
)
ONCE = f"L'Italie avance un plan\n\n{SAID_TEXT}"


class Stored:
    """An extractor storing the sentence above as Italy's, its claim without the full stop."""

    key = "test:qa-v8"

    def extract(self, article: Article) -> list[Position]:
        if SAID_TEXT not in article.text:
            return []
        claim = SAID_TEXT.rstrip(".")
        return [Position("IT", "IT", "", "", claim, claim, article.source, lang="fr")]


def test_a_position_and_its_sentence_are_shown_once(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = answer(any_db, book, settings, ONCE, "Que propose l'Italie pour la ligne de front ?")
    assert sum("zone tampon" in line for line in reply[1:]) == 1


def test_glossary_rows_of_this_pass() -> None:
    assert "prefect" in bridge_words("préfet")
    assert "ouvrant" in bridge_words("opened")
    assert "travelled" in bridge_words("rendus")
    assert "buffer" in bridge_words("zone tampon")
    assert "mayor" in bridge_words("maire") and "governor" in bridge_words("gouverneur")


# --- the result of a vote


@pytest.mark.parametrize(
    ("question", "text", "value"),
    [
        (
            "What was the result of the vote on the motion?",
            "La motion a été adoptée par 301 voix contre 212, avec 12 abstentions.",
            "301 voix contre 212",
        ),
        (
            "Quel a été le résultat du vote sur la loi ?",
            "The bill passed by 61 votes to 38 after a long night.",
            "61 votes to 38",
        ),
    ],
)
def test_a_vote_is_answered_by_its_tally(
    question: str, text: str, value: str, finder: MentionFinder
) -> None:
    assert understand(question, finder).kind == "count"
    assert count([sentence(1, text)], question, set()) == value


VOTE = (
    "Vote à l'Assemblée sur l'aide à la Moldavie\n\n"
    "Le débat à l'Assemblée nationale sur l'aide à la Moldavie a duré trois heures.\n\n"
    "Au terme des débats, la résolution a été adoptée par 301 voix contre 212."
)


def test_the_tally_in_an_article_about_the_vote(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asked = (
        "What was the result of the vote in the Assemblée nationale after the debate on Moldova?"
    )
    assert answer(any_db, book, settings, VOTE, asked)[0] == "Result: 301 voix contre 212"


# --- a place and the event it names, left to the article


@pytest.mark.parametrize(
    "question",
    [
        "Quand Paris attend-il une réponse au plan de Brivecourt ?",
        "When does Paris expect an answer to the Brivecourt plan?",
    ],
)
def test_the_place_and_its_event(question: str, finder: MentionFinder) -> None:
    assert {"brivecourt", "plan"} <= set(places_asked(understand(question, finder).query))


PLAN = (
    "Le plan de Brivecourt sur la table\n\n"
    "Le plan de Brivecourt a été présenté lundi aux deux délégations.\n\n"
    "Paris attend désormais une réponse d'ici la mi-janvier, a ajouté le ministre."
)


@pytest.mark.parametrize(
    ("text", "asked", "first"),
    [
        (PLACE, "Who led the Swiss delegation at the Brivecourt talks?", "Who: Hugo Vasseur"),
        (PLAN, "Quand Paris attend-il une réponse au plan de Brivecourt ?", "Date : mi-janvier"),
    ],
)
def test_a_person_or_a_date_whose_article_names_the_place(
    any_db: Database, book: PartyBook, settings: Settings, text: str, asked: str, first: str
) -> None:
    assert answer(any_db, book, settings, text, asked)[0] == first


# --- the person met: what was said at that meeting names them


def test_words_on_a_meeting_name_whom_the_person_met(finder: MentionFinder) -> None:
    other = Statement(
        "Les exigences européennes sont inacceptables, a déclaré M. Poutine.", 1, "fr"
    )
    named = Statement("Une rencontre avec M. Zelensky n'est pas exclue, a dit M. Poutine.", 1, "fr")
    for question in (
        "What did Putin say about a meeting with Zelensky?",
        "What did Putin say about meeting Zelensky?",
        "Qu'a dit Vladimir Poutine pendant sa rencontre avec Volodymyr Zelensky ?",
    ):
        assert naming_others([other, named], understand(question, finder)) == [named]


# --- an office in capitals before a name; "which" inside a question of what a party wants


@pytest.mark.parametrize(
    ("question", "kind", "asked"),
    [
        (
            "What did Armed Forces minister Odile Ferrat say about the talks?",
            "person",
            "Odile Ferrat",
        ),
        (
            "What does Moscow demand regarding which countries could send monitors?",
            "position",
            "RU",
        ),
        (
            "Que réclame Moscou à propos de quels pays pourraient envoyer des observateurs ?",
            "position",
            "RU",
        ),
    ],
)
def test_what_such_questions_ask(
    question: str, kind: str, asked: str, finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == kind and asked in (u.unknown_person, *u.parties)


# --- a follow-up on a party: the previous answer's articles, then the others

WARSAW = (
    "Varsovie refuse\n\n"
    "La Pologne refuse d'envoyer des soldats en Ukraine dans une force de réassurance.\n\n"
    "La France et le Royaume-Uni se disent prêts à diriger une telle force."
)
PARIS = (
    "À Paris, le ministre précise\n\n"
    "Le ministre Paul Garnier a assuré que la France enverrait des soldats dans une force de "
    "réassurance « le jour où la trêve sera signée »."
)
FOLLOWED = [
    ("PL", "", "", WARSAW.split("\n\n")[1]),
    ("FR", "", "", WARSAW.split("\n\n")[2]),
    ("FR", "Paul Garnier", "ministre", PARIS.split("\n\n")[1]),
]


def test_a_follow_up_on_a_party_reads_the_other_articles_too(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [WARSAW, PARIS], FOLLOWED)
    asker(
        "Quelle est la position de la Pologne sur une force de réassurance ?", "fr", "c", "9", None
    )
    reply = lines(asker("Et la France ?", "fr", "c", "9", None))
    assert any("prêts à diriger" in line for line in reply)
    assert any("le jour où la trêve" in line for line in reply)


# --- an entity named twice: where the question first names it


def test_the_first_of_two_names_of_a_party(finder: MentionFinder) -> None:
    question = "Quelle est la position de l'OTAN sur l'exigence russe que Kiev quitte l'Alliance ?"
    u = understand(question, finder)
    assert u.kind == "position" and u.parties == ["NATO"]
    assert "rejoindre" in bridge_words("join") and "enlargement" in bridge_words("adhésion")


# --- a count asked in the past, a sentence of what is yet to happen


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "How many hostages were released in the last swap?",
            "Les deux camps ont annoncé un échange de 40 otages, qui devrait intervenir lundi.",
        ),
        (
            "Combien d'otages ont été libérés ?",
            "A swap of 40 hostages is expected to take place on Monday, mediators said.",
        ),
    ],
)
def test_a_past_count_is_not_a_planned_one(question: str, text: str) -> None:
    assert count([sentence(1, text)], question, set()) == ""
    future = question.replace("were released", "will be released").replace("ont été", "seront")
    assert count([sentence(1, text)], future, set()) != ""  # asked as to come: it answers


# --- an interview's answer to the question on what is asked, and why


INTERVIEW = (
    "ENTRETIEN\n\n"
    "La ministre finlandaise Aino Lehto plaide pour l'utilisation des avoirs gelés.\n\n"
    "**Et les avoirs gelés ?**\n\n"
    "Ils doivent financer les écoles et les hôpitaux. C'est une question de justice : qui casse "
    "paie.\n\n"
    "**Et la neutralité ?**\n\n"
    "Une neutralité imposée est un piège, pas une garantie."
)
# her lede and her words on neutrality are stored; her answer on the assets is not
LEHTO = [("FI", "Aino Lehto", "ministre", INTERVIEW.split("\n\n")[k]) for k in (1, 5)]


def test_an_interview_answer_on_what_is_asked_and_its_why(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    asker = make_asker(any_db, book, settings, [INTERVIEW], LEHTO)
    reply = lines(asker("What is Finland's position on using frozen assets?", "en", "c", "7", None))
    assert any("Aino Lehto" in line and "écoles" in line for line in reply)
    why = lines(asker("Why does she think so?", "en", "c", "7", None))
    assert any("qui casse paie" in line for line in why)


def test_a_claim_and_its_whole_sentence_are_one() -> None:
    claim = Statement("La ministre plaide pour un fonds", 1, "fr")
    whole = Statement("De passage à Paris, la ministre plaide pour un fonds.", 1, "fr")
    assert unique([claim, whole]) == [claim]
    assert "use" in bridge_words("utilisation") and "envisages" in bridge_words("prévoit")
