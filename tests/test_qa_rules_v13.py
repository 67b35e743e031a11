"""The Q&A rules of the thirteenth pass (issue #13), on questions and sentences of my own, in
French and English: what a person "told" someone is also the words the person told "me" in an
article naming that one (an interview of the one told); a broadcast transcript's quotation
under a caption naming its speaker ("[SYNTHÉ : X – office]") is X's, whoever the analysis gave
it to; "aurait", "auraient" only frame what is asked; glossary rows for "sièges" and "fonds"."""

from __future__ import annotations

import pytest

from bot.domain.parties import PartyBook
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
