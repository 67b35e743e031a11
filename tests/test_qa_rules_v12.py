"""The Q&A rules of the twelfth pass (issue #13), on questions and sentences of my own, in
French and English: an article ("une présence militaire", "confiait-il un jour") or a vague
word ("quelques jours", "a few days") is no count; "combien X a-t-il promis ?" asks an amount
of money ("5bn kroner"); what a person "replied to" someone is answered only by their words
naming that one, else refused; a person's words sharing no word with what is asked, a
paragraph or more from where their article names it, are on something else; a "who" sentence
saying what was done in several words ranks with the place and event its article names; a
sentence giving the noun the question qualifies by a side ("the Russian delegation") only to
another side ("la délégation ukrainienne") does not say who; a fact asked in a follow-up ("Et
combien de morts ?") keeps the places and events the previous question named; "Et que répond
X ?" looks for the words of the previous answer and is never answered by it; the word of office
before a name ("la sénatrice X") says who is asked about, not what; "qu'a déclaré la maire de
X ?" is asked of the speaker the articles give that office and place; glossary rows for
"sénatrice" and "soutiendrait"."""

from __future__ import annotations

import pytest

from bot.domain.gazetteer import Gazetteer
from bot.domain.parties import PartyBook
from bot.qa.facts import count
from bot.qa.followup import Context, resolve
from bot.qa.lexicon import MentionFinder, bridge_words
from bot.qa.respond import another_sides, naming_others, sided_words
from bot.qa.statements import Statement
from bot.qa.understand import FACT_KINDS, understand, without_titles
from bot.settings import Settings
from bot.store.db import Database
from bot.textnorm import fold
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines, sentence


def stored(text: str, *lines: tuple[int, str, str, str]) -> list[tuple[str, str, str, str]]:
    """The positions (party, speaker, role, evidence) of the given lines of ``text``."""
    return [(party, who, role, text.splitlines()[n]) for n, party, who, role in lines]


# --- no count: an article, a vague word; money asked by a verb of giving


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "Le ministre a évoqué une présence militaire durable près du col de Varn.",
            "Combien de soldats seraient déployés près du col de Varn ?",
        ),
        (
            "The minister mentioned a military presence near the Varn pass.",
            "How many soldiers would be deployed near the Varn pass?",
        ),
        (
            "La foire de Trelmont s'est ouverte quelques jours après les inondations.",
            "Combien de jours la foire de Trelmont doit-elle durer ?",
        ),
        (
            "The Trelmont fair opened a few days after the floods.",
            "How many days will the Trelmont fair last?",
        ),
        (
            "Le maire racontait un jour à un ami qu'il détestait les foires.",
            "Combien de jours la foire de Trelmont doit-elle durer ?",
        ),
    ],
)
def test_an_article_or_a_vague_word_is_no_count(
    gazetteer: Gazetteer, text: str, question: str
) -> None:
    assert count([sentence(1, text)], question, set(), gazetteer) == ""


@pytest.mark.parametrize(
    ("text", "question", "value"),
    [
        (
            "Valdoria pledged 3bn kroner for new schools in the valley.",
            "Combien la Valdorie a-t-elle promis pour les écoles ?",
            "3bn kroner",
        ),
        (
            "La Valdorie a débloqué 40 millions d'euros pour les écoles de la vallée.",
            "How much did Valdoria pledge for schools?",
            "40 millions d'euros",
        ),
    ],
)
def test_an_amount_given_is_money(
    gazetteer: Gazetteer, text: str, question: str, value: str
) -> None:
    assert count([sentence(1, text)], question, set(), gazetteer) == value


# --- what a person replied to someone: only their words naming that one

HARBOUR = (
    "Le port de Korsvik reste fermé\n\n"
    "Mette Frederiksen a jugé mardi que le port de Korsvik devait rouvrir avant l'été.\n\n"
    "Les pêcheurs attendent une décision depuis trois mois.\n"
)
SAID_HARBOUR = [
    (
        "DK",
        "Mette Frederiksen",
        "première ministre",
        "Mette Frederiksen a jugé mardi que le port de Korsvik devait rouvrir avant l'été.",
    )
]


@pytest.mark.parametrize(
    "question",
    [
        "What did Mette Frederiksen reply to Ulf Kristersson?",
        "What did Mette Frederiksen answer to Ulf Kristersson?",
        "Qu'a répondu Mette Frederiksen à Ulf Kristersson ?",
    ],
)
def test_whom_a_person_replied_to(finder: MentionFinder, question: str) -> None:
    said = [
        Statement("Frederiksen a rappelé à Kristersson que le port restait fermé.", 1, "fr"),
        Statement("Frederiksen a jugé que le port devait rouvrir avant l'été.", 1, "fr"),
    ]
    kept = naming_others(said, understand(question, finder))
    assert [s.text for s in kept] == [said[0].text]


# --- a person's words far from where their article names what is asked

FAR = (
    "Le budget des ports en débat à Norrvik\n\n"
    "Les pourparlers de Skelby se sont ouverts jeudi entre les deux pays riverains.\n\n"
    "À Norrvik, le budget des ports divise la majorité depuis l'automne.\n\n"
    "Les syndicats réclament une hausse des salaires des dockers.\n\n"
    "Le patronat juge cette hausse impossible sans aide publique.\n\n"
    "À Copenhague, Mette Frederiksen se montre prudente.\n\n"
    "Mette Frederiksen a appelé à ne pas alourdir la dette des communes portuaires.\n"
)
SAID_FAR = [
    (
        "DK",
        "Mette Frederiksen",
        "première ministre",
        "Mette Frederiksen a appelé à ne pas alourdir la dette des communes portuaires.",
    )
]


def test_words_sharing_a_word_with_the_subject_are_on_it(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = "Mette Frederiksen a jugé qu'il n'y avait « pas de budget arrêté » pour les ports."
    text = FAR.replace(SAID_FAR[0][3], said)
    asker = make_asker(any_db, book, settings, [text], [(*SAID_FAR[0][:3], said)])
    reply = lines(
        asker("Qu'a dit Mette Frederiksen sur le budget des ports ?", "fr", "c", "b", None)
    )
    assert any("budget arrêté" in line for line in reply), reply


# --- "who": what was done said in the sentence, the setting left to its article

TALKS = (
    "Les pourparlers de Valmonde s'ouvrent sous tension\n\n"
    "Les pourparlers de Valmonde ont commencé jeudi entre Russes et Ukrainiens.\n\n"
    "À Valmonde, la Russie a promis de négocier « sans préalable », selon la presse locale.\n\n"
    "La Russie est arrivée à Valmonde avec une liste d'exigences, selon un diplomate.\n\n"
    "Originaire de Tver, Piotr Sokal, qui conduit la délégation russe depuis mars, a fait "
    "toute sa carrière au ministère.\n\n"
    "« Moscou ne cède rien », confie Ivan Petrenko, le chef de la délégation ukrainienne.\n"
)
OPENING = (
    "Moscou arrive à Valmonde sans concession\n\n"
    "La Russie a assuré à Valmonde, par la voix de Anton Kirsch, qu'elle viendrait aux "
    "pourparlers « sans illusion ».\n\n"
    "Moscou juge que les pourparlers de Valmonde ne sont « qu'une première étape ».\n\n"
    "La Russie refuse que les pourparlers de Valmonde portent sur un cessez-le-feu immédiat.\n"
)
GAMES = (
    "Les délégations sportives arrivent à Norrbo\n\n"
    "La délégation du club de Farsund est conduite par son entraîneur.\n\n"
    "Le chef de la délégation des nageurs a salué l'accueil des habitants.\n\n"
    "Chaque délégation a reçu un guide pour la semaine.\n\n"
    "Le chef de cuisine a conduit la visite des cuisines pour les délégations.\n\n"
    "Une délégation de juges, conduite par une ancienne championne, inspecte la piscine.\n\n"
    "Le chef des bénévoles conduit les délégations vers leurs hôtels.\n"
)
TALKS_ALL = [TALKS, OPENING, GAMES]
SAID_TALKS = [
    ("RU", "", "", line)
    for line in OPENING.splitlines()[2:]
    if line.startswith(("La Russie", "Moscou juge"))
]


@pytest.mark.parametrize(
    ("question", "text", "other"),
    [
        (
            "Who leads the Russian delegation?",
            "« Il ne cède rien », confie Ivan Petrenko, le chef de la délégation ukrainienne.",
            True,
        ),
        (
            "Qui conduit la délégation russe ?",
            "Ukraine's delegation is led by Ivan Petrenko, a former judge.",
            True,
        ),
        (
            "Who leads the Russian delegation?",
            "Piotr Sokal, qui conduit la délégation russe, est arrivé hier.",
            False,
        ),
        (
            "Who leads the Russian delegation?",
            "The delegation is led by Piotr Sokal, a Ukrainian-born diplomat.",
            False,
        ),
    ],
)
def test_a_noun_another_side_qualifies(
    finder: MentionFinder, gazetteer: Gazetteer, question: str, text: str, other: bool
) -> None:
    u = understand(question, finder)
    sided = sided_words(u.query, u.parties, gazetteer)
    assert sided
    assert another_sides(text, sided, gazetteer) is other


# --- a person's words asked by office and place: the speaker the articles give that office

TWINNED = (
    "Trelmont accueille ses amis de Varna-Sud\n\n"
    "La maire de Varna-Sud, Ana Colet, a été reçue vendredi à Trelmont.\n\n"
    "Elle a longuement parlé des écoles de sa ville.\n\n"
    "« Sans toit, pas de classe : il nous faut des bâches avant l'hiver. »\n\n"
    "Le maire de Trelmont, Luc Bernier, a promis un nouveau convoi.\n"
)
SAID_TWINNED = stored(
    TWINNED, (6, "OTHER", "Ana Colet", "maire de Varna-Sud"), (8, "OTHER", "Luc Bernier", "maire")
)


# --- the answers over whole articles


@pytest.mark.parametrize(
    ("texts", "said", "question", "wanted", "absent"),
    [
        (
            [HARBOUR],
            SAID_HARBOUR,
            "Qu'a répondu Mette Frederiksen à Ulf Kristersson ?",
            "",
            "rouvrir",
        ),
        (
            [HARBOUR],
            SAID_HARBOUR,
            "What did Mette Frederiksen reply to Ulf Kristersson?",
            "",
            "rouvrir",
        ),
        (
            [FAR],
            SAID_FAR,
            "Qu'a dit Mette Frederiksen sur les pourparlers de Skelby ?",
            "",
            "dette",
        ),
        ([FAR], SAID_FAR, "What did Mette Frederiksen say about the Skelby talks?", "", "dette"),
        (
            TALKS_ALL,
            SAID_TALKS,
            "Who leads the Russian delegation at the Valmonde talks?",
            "Piotr Sokal",
            "Petrenko",
        ),
        (
            TALKS_ALL,
            SAID_TALKS,
            "Qui conduit la délégation russe aux pourparlers de Valmonde ?",
            "Piotr Sokal",
            "Petrenko",
        ),
        (
            [TWINNED],
            SAID_TWINNED,
            "Qu'a déclaré la maire de Varna-Sud sur les classes ?",
            "bâches",
            "Bernier",
        ),
        (
            [TWINNED],
            SAID_TWINNED,
            "What did the mayor of Varna-Sud say about classes?",
            "bâches",
            "Bernier",
        ),
    ],
)
def test_answers_over_articles(
    any_db: Database,
    book: PartyBook,
    settings: Settings,
    texts: list[str],
    said: list[tuple[str, str, str, str]],
    question: str,
    wanted: str,
    absent: str,
) -> None:
    """Refused (nothing of ``absent`` shown), or ``wanted`` in the answer's first line."""
    asker = make_asker(any_db, book, settings, texts, said)
    lang = "en" if question.startswith(("Who", "What")) else "fr"
    reply = lines(asker(question, lang, "c", "q", None))
    assert wanted in reply[0] and not any(absent in line for line in reply), reply


# --- a fact asked in a follow-up keeps the previous question's setting


@pytest.mark.parametrize(
    ("first", "then"),
    [
        (
            "How many drones hit the Tarnov region the night the Belcastel talks opened?",
            "And how many dead?",
        ),
        (
            "Combien de drones ont frappé la région de Tarnov le soir où les pourparlers de "
            "Belcastel se sont ouverts ?",
            "Et combien de morts ?",
        ),
    ],
)
def test_a_fact_followup_keeps_the_setting(finder: MentionFinder, first: str, then: str) -> None:
    previous = Context("a1", "fr", first, understand(first, finder).query, kind="count")
    u = understand(then, finder)
    resolved = resolve(then, u.query, previous, fact=u.kind in FACT_KINDS)
    labels = {c.label for c in resolved.query.content}
    assert {"tarnov", "belcastel"} <= labels
    assert not labels & {"drones", "drone"}


# --- "Et que répond X ?": what X answers is what the previous answer said

VALLEY = (
    "La vallée de Varn au cœur des exigences\n\n"
    "Moscou exige le retrait des troupes ukrainiennes de la vallée de Varn avant toute trêve.\n\n"
    "Les délégations se retrouveront lundi dans une école désaffectée.\n\n"
    "Kiev juge qu'une trêve devrait d'abord protéger les ports et les centrales.\n\n"
    "La neige a coupé plusieurs routes du nord pendant la nuit.\n\n"
    "Kiev refuse tout retrait de ses soldats de la vallée de Varn, où vivent ses citoyens.\n"
)
SAID_VALLEY = stored(VALLEY, (2, "RU", "", ""), (6, "UA", "", ""), (10, "UA", "", ""))


@pytest.mark.parametrize(
    ("first", "then", "lang"),
    [
        ("Que veut Moscou avant une trêve ?", "Et que répond Kiev ?", "fr"),
        ("What does Moscow want before a truce?", "And how did Kyiv respond to that?", "en"),
    ],
)
def test_a_reply_is_to_what_the_previous_answer_said(
    any_db: Database, book: PartyBook, settings: Settings, first: str, then: str, lang: str
) -> None:
    asker = make_asker(any_db, book, settings, [VALLEY], SAID_VALLEY)
    asker(first, lang, "c", "valley", None)
    reply = lines(asker(then, lang, "c", "valley", None))
    assert "refuse tout retrait" in reply[0], reply


# --- the word of office before a person's name says who, not what


@pytest.mark.parametrize(
    ("question", "title", "what"),
    [
        ("Qu'a déclaré la sénatrice Halvorsen sur le port de Korsvik ?", "senatrice", "port"),
        ("Qu'a dit le maire Delorme sur le port de Korsvik ?", "maire", "port"),
        ("What did mayor Delorme say about the Korsvik harbour?", "mayor", "harbour"),
    ],
)
def test_the_title_before_a_name_is_not_what_is_asked(
    finder: MentionFinder, question: str, title: str, what: str
) -> None:
    labels = {fold(c.label) for c in without_titles(understand(question, finder)).query.content}
    assert title not in labels and what in labels


def test_glossary_rows_of_this_pass() -> None:
    assert "senator" in bridge_words("sénatrice")
    assert "support" in bridge_words("soutiendrait")
