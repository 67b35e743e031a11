"""The Q&A rules of the thirteenth pass (issue #13), on questions and sentences of my own, in
French and English: what a person "told" someone is also the words the person told "me" in an
article naming that one (an interview of the one told); a broadcast transcript's quotation
under a caption naming its speaker ("[SYNTHÉ : X – office]") is X's and X's side's, whoever the
analysis gave it to; "who" with quoted words is answered by the sentence holding them, though it
says little else; "aurait", "auraient" only frame what is asked; glossary rows for "sièges" and
"fonds"."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
from bot.qa.followup import Context, resolve
from bot.qa.lexicon import MentionFinder, bridge_words
from bot.qa.respond import naming_others
from bot.qa.statements import Statement
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store.db import Database
from bot.textnorm import fold
from tests.test_qa_rules_v7 import make_asker
from tests.test_qa_rules_v8 import lines

# --- words told "me", in an article naming the one told

WORDS = "« Le port de Korsvik restera fermé tout l'hiver. »"


@pytest.mark.parametrize(
    ("before", "article", "kept"),
    [
        ("Mon homologue Ulf Kristersson me le disait hier soir :", {"frederiksen"}, True),
        ("Ulf Kristersson told me on the phone last night:", {"frederiksen"}, True),
        ("Mon homologue Ulf Kristersson me le disait hier soir :", {"halvorsen"}, False),
        ("Ulf Kristersson le disait hier soir à la radio :", {"frederiksen"}, False),
    ],
)
def test_words_told_me_are_told_to_the_one_the_article_names(
    finder: MentionFinder, before: str, article: set[str], kept: bool
) -> None:
    said = Statement(WORDS, 1, "fr", speaker="Ulf Kristersson")
    u = understand("Qu'a dit Ulf Kristersson à Mette Frederiksen au sujet du port ?", finder)
    found = naming_others([said], u, lambda s: (f"{before} {s.text}", article | {"port"}))
    assert found == ([said] if kept else [])


# --- a transcript's caption names the speaker of the quotation under it

BROADCAST = (
    "Journal du soir : le port de Korsvik fermé\n\n"
    "ANNA HOLM (plateau) : Bonsoir. Le port de Korsvik reste fermé aux chalutiers.\n\n"
    "[SYNTHÉ : Mette Frederiksen – Première ministre – VO traduite]\n\n"
    "« Le port de Korsvik rouvrira quand la digue sera réparée, pas avant. »\n\n"
    "ANNA HOLM : Les pêcheurs, eux, s'impatientent.\n"
)
CAPTIONED = "« Le port de Korsvik rouvrira quand la digue sera réparée, pas avant. »"


def test_a_captioned_quotation_is_the_captions_speakers(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [("OTHER", "Anna Holm", "", CAPTIONED)]  # the analysis gave it to the anchor
    asker = make_asker(any_db, book, settings, [BROADCAST], said)
    reply = lines(
        asker("Qu'a dit Mette Frederiksen sur le port de Korsvik ?", "fr", "c", "k", None)
    )
    assert reply[0].startswith("Mette Frederiksen") and "digue sera réparée" in reply[0], reply


# --- words that only frame what is asked; glossary rows


def test_a_conditional_of_avoir_is_not_asked(finder: MentionFinder) -> None:
    u = understand("Combien de sièges la Valdorie aurait-elle au conseil de Trelmont ?", finder)
    assert "aurait" not in {fold(c.label) for c in u.query.content}


def test_glossary_rows_of_this_pass() -> None:
    assert "seat" in bridge_words("sièges")
    assert "fund" in bridge_words("fonds")


def test_a_captioned_quotation_is_the_captions_sides(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [("SE", "Ulf Kristersson", "premier ministre", CAPTIONED)]  # given to another side
    asker = make_asker(any_db, book, settings, [BROADCAST], said)
    reply = lines(asker("Que veut le Danemark pour le port de Korsvik ?", "fr", "c", "d", None))
    assert any("Frederiksen" in line and "digue sera réparée" in line for line in reply), reply


# --- "who" with quoted words: the sentence holding them, though it says little else

QUOTA = (
    "Quotas de pêche : un accord conclu à Korsvik\n\n"
    "À Korsvik, les négociateurs ont signé jeudi un accord sur les quotas de pêche.\n\n"
    "Le porte-parole de la coopérative, Lars Eng, a qualifié l'accord de Korsvik d'« utile ».\n\n"
    "À Trelmont, Henrik Dahl a salué sur son blog « un accord historique » pour les "
    "pêcheurs.\n"
)


def test_who_said_the_quoted_words(any_db: Database, book: PartyBook, settings: Settings) -> None:
    asker = make_asker(any_db, book, settings, [QUOTA], [])
    question = "Qui a qualifié l'accord de Korsvik d'« accord historique » ?"
    reply = lines(asker(question, "fr", "c", "q", None))
    assert "Henrik Dahl" in reply[0] and "Lars Eng" not in reply[0], reply


# --- a follow-up "on that" keeps the previous question's subject


@pytest.mark.parametrize(
    ("first", "then", "kept"),
    [
        (
            "Que veut la Valdorie pour la pêche au hareng ?",
            "Et que prévoit le traité à ce sujet ?",
            True,
        ),
        (
            "What does Valdoria want on herring fishing?",
            "And what does the treaty say about that?",
            True,
        ),
        ("Que veut la Valdorie pour la pêche au hareng ?", "Et que prévoit le traité ?", False),
    ],
)
def test_a_followup_on_that_keeps_the_subject(
    finder: MentionFinder, first: str, then: str, kept: bool
) -> None:
    previous = Context("a1", "fr", first, understand(first, finder).query, kind="position")
    u = understand(then, finder)
    labels = {fold(c.label) for c in resolve(then, u.query, previous).query.content}
    assert ("hareng" in labels or "herring" in labels) is kept, labels


def test_a_phrase_framing_the_subject_is_not_asked(finder: MentionFinder) -> None:
    u = understand("Que veut la Valdorie en matière de pêche au hareng ?", finder)
    assert "matiere" not in {fold(c.label) for c in u.query.content}
