"""The Q&A rules of the twenty-sixth pass, on questions and sentences of my own (Norway,
Denmark and Sweden at fisheries talks): a quotation given to someone by their role stays
theirs, though it opens with another side ("« Les Danois veulent tout », résume un haut
responsable suédois" is no Danish statement); a sentence of the side a question names as
what a stance bears on ("Que pense Copenhague du plan suédois ?") comes after the asked
side's own words."""

from __future__ import annotations

from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import StoredPositions
from tests.test_qa_rules_v8 import lines
from tests.test_qa_unit import NoComposer, add


def _ask(
    db: Database,
    book: PartyBook,
    settings: Settings,
    texts: list[str],
    said: list[tuple[str, str, str, str]],
    question: str,
) -> list[str]:
    """The lines answering the French ``question`` over French ``texts``, the analysis
    giving the positions ``said``."""
    from bot.service import BriefBot

    for text in texts:
        add(db, text, lang="fr")
    bot = BriefBot(settings, db, book, [StoredPositions(said, "test:qa-v26")], [NoComposer()])  # type: ignore[list-item]
    return lines(QuestionAnswerer(bot)(question, "fr", "c", "1", None))


# --- a quotation given to someone by their role stays theirs

HERRING = (
    "Hareng : le plan suédois divise les riverains\n\n"
    "Le plan suédois. Stockholm propose de répartir les quotas de hareng de la mer du Nord "
    "selon les prises des dix dernières années.\n\n"
    "« Les Danois veulent tout le hareng de la mer du Nord ; nous voulons un accord sur le "
    "hareng », résume un haut responsable suédois.\n\n"
    "Lars Løkke Rasmussen a répondu mardi que le Danemark signerait, à condition que les "
    "quotas de hareng soient revus chaque année."
)
SWEDE = (
    "« Les Danois veulent tout le hareng de la mer du Nord ; nous voulons un accord sur le "
    "hareng », résume un haut responsable suédois."
)
DANE = (
    "Lars Løkke Rasmussen a répondu mardi que le Danemark signerait, à condition que les "
    "quotas de hareng soient revus chaque année."
)
HERRING_SAID = [
    ("SE", "", "haut responsable suédois", SWEDE),
    ("DK", "Lars Løkke Rasmussen", "ministre danois des Affaires étrangères", DANE),
]


def test_a_quotation_given_by_role_is_not_the_side_it_opens_with(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [HERRING],
        HERRING_SAID,
        "Quelle est la position du Danemark sur les quotas de hareng ?",
    )
    assert not any("Les Danois veulent tout" in line for line in reply), reply
    assert any("à condition que les quotas" in line for line in reply), reply


# --- a sentence of the side a stance bears on comes after the asked side's own words

PLAN = (
    "Pêche : Copenhague reste prudent face au plan suédois\n\n"
    "Lars Løkke Rasmussen a jugé mardi que Copenhague financerait les patrouilles du hareng, "
    "à condition d'y avoir des inspecteurs danois.\n\n"
    "Le plan suédois prévoit une répartition des quotas de hareng de la mer du Nord par "
    "tirage au sort, que le Danemark et la Norvège devraient encore examiner en commission."
)
PLAN_SAID = [
    (
        "DK",
        "Lars Løkke Rasmussen",
        "ministre danois des Affaires étrangères",
        "Lars Løkke Rasmussen a jugé mardi que Copenhague financerait les patrouilles du hareng, "
        "à condition d'y avoir des inspecteurs danois.",
    ),
    (
        "SE",
        "",
        "",
        "Le plan suédois prévoit une répartition des quotas de hareng de la mer du Nord par "
        "tirage au sort, que le Danemark et la Norvège devraient encore examiner en commission.",
    ),
]


def test_the_side_a_stance_bears_on_comes_after_the_asked_sides_words(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    reply = _ask(
        any_db,
        book,
        settings,
        [PLAN],
        PLAN_SAID,
        "Que pense Copenhague du plan suédois de tirage au sort des quotas de hareng ?",
    )
    assert "financerait les patrouilles" in reply[0], reply
    bullets = [line for line in reply if line.startswith("•")]
    assert bullets and "financerait les patrouilles" in bullets[0], reply
