"""The Q&A rules of the thirty-fifth pass, on questions and sentences of my own (a fisheries
fund and a fishing accord between Norway and Denmark): a side named only by its adjective on
what is measured ("the frozen Norwegian money", "l'argent norvégien") qualifies the sum, and
a sentence naming another side gives it; "combien d'argent" asks a sum; a term's length is
read after "for an initial period of"; sentences of other articles giving a figure of the
same kind, as much about what is asked, are shown beside the answer's."""

from __future__ import annotations

from functools import partial

from bot.domain.parties import PartyBook
from bot.qa import facts
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal, rules_bot
from tests.test_qa_rules_v8 import lines

_bot = partial(rules_bot, key="test:qa-pass35")


# --- "how much of the frozen Norwegian money": the adjective qualifies the sum

FUND_EN = (
    "Fisheries fund: the frozen Norwegian money\n\n"
    "The fund of the Norwegian fishing fleet was frozen last spring after the dispute over the "
    "herring quotas.\n\n"
    "Around 40 billion euros of that is held at Clearstream, a depository based in Brussels.\n\n"
    "The talks will resume in Tromsø next month."
)

FUND_FR = (
    "Pêche : l'argent norvégien gelé\n\n"
    "Le fonds de la flotte de pêche norvégienne a été gelé au printemps après le différend sur "
    "les quotas de hareng.\n\n"
    "Environ 40 milliards d'euros dorment chez Clearstream, le dépositaire installé à "
    "Bruxelles.\n\n"
    "Les discussions reprendront à Tromsø le mois prochain."
)


def test_a_sum_qualified_by_a_sides_adjective_is_answered(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [FUND_EN], "en")
    asked = ask(
        "How much of the frozen Norwegian money is held at Clearstream?", "en", "c", "1", None
    )
    assert not is_refusal(asked, "en"), lines(asked)
    assert any("40 billion euros" in line for line in lines(asked)), lines(asked)


def test_combien_d_argent_asks_a_sum(any_db: Database, book: PartyBook, settings: Settings) -> None:
    assert facts.asks_for("Combien d'argent norvégien est bloqué chez Clearstream ?") == "money"
    assert facts.asks_for("How much money is held there?") == "money"
    ask = _bot(any_db, book, settings, [FUND_FR], "fr")
    asked = ask("Combien d'argent norvégien est bloqué chez Clearstream ?", "fr", "c", "1", None)
    assert not is_refusal(asked, "fr"), lines(asked)
    assert any("40 milliards d'euros" in line for line in lines(asked)), lines(asked)


# --- "for an initial period of 90 days": how long a term lasts

ACCORD = (
    "Fishing accord between Norway and Denmark\n\n"
    "Norway and Denmark signed a fishing accord on the herring grounds on Tuesday.\n\n"
    "It applies for an initial period of 90 days and can be extended.\n\n"
    "Inspectors from both coastal states will board the patrol boats."
)


def test_a_terms_length_after_period_of(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [ACCORD], "en")
    for question, lang in (
        ("How long does the fishing accord apply?", "en"),
        ("Pour combien de temps l'accord de pêche s'applique-t-il ?", "fr"),
    ):
        asked = ask(question, lang, "c", question, None)  # type: ignore[arg-type]
        assert not is_refusal(asked, lang), (question, lines(asked))  # type: ignore[arg-type]
        assert "90 days" in lines(asked)[0], (question, lines(asked))


# --- two articles, two figures: shown side by side

FIGURE_A = (
    "Herring fund: the sums at stake\n\n"
    "About 12 million euros of the herring fund is held at Clearstream, a depository in "
    "Brussels.\n\n"
    "The fund pays for the patrol boats."
)
FIGURE_B = (
    "Fisheries: a fund in limbo\n\n"
    "Around 11 million euros of the herring fund is held at Clearstream, a depository based in "
    "Brussels.\n\n"
    "Inspectors will board the patrol boats next month."
)


def test_another_articles_figure_is_shown_beside(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    ask = _bot(any_db, book, settings, [FIGURE_A, FIGURE_B], "en")
    asked = ask("How much of the herring fund is held at Clearstream?", "en", "c", "1", None)
    assert not is_refusal(asked, "en"), lines(asked)
    shown = "\n".join(lines(asked))
    assert "12 million euros" in shown and "11 million euros" in shown, lines(asked)
