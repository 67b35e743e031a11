"""What an answer shows is someone's statement: never an article's title, an intertitle or bold
heading, a link under "Read more:", a live page's summary bullets, a rubric tag line or a
transcript host's turn, whoever the analysis gave them to (bot/qa/lines.py). Articles of my own:
a Nordic fisheries dispute (Norway, Denmark, Sweden)."""

from __future__ import annotations

from functools import partial

from bot.domain.parties import PartyBook
from bot.qa.lines import unsaid_lines
from bot.settings import Settings
from bot.store.db import Database
from tests.qa_support import is_refusal, rules_bot
from tests.test_qa_rules_v8 import lines

_bot = partial(rules_bot, key="test:qa-answer-lines")


# --- links under "Read more:", and the title: no one's words

REACTIONS = (
    "Herring talks: from Oslo to Stockholm, capitals split over the Skagerrak quota\n\n"
    "By our correspondents\n\n"
    "**Oslo: firm**\n\n"
    "Norwegian Prime Minister Jonas Gahr Støre said Norway would not accept any cut of its "
    "Skagerrak herring quota before the scientists report.\n\n"
    "**Copenhagen: wary**\n\n"
    "Danish Prime Minister Mette Frederiksen said Denmark would defend its fishermen in every "
    "forum.\n\n"
    "Frederiksen also said the herring quota deal must leave Denmark a veto.\n\n"
    "Read more:\n"
    "- Explained: how would the Skagerrak herring quota deal work?\n"
    "- Denmark threatens to leave the herring commission\n"
    "Herring talks: from Oslo to Stockholm, capitals split over the Skagerrak quota\n"
)


def test_a_link_line_is_no_partys_statement(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        ("DK", "", "", "- Denmark threatens to leave the herring commission"),
        (
            "NO",
            "Jonas Gahr Støre",
            "Norwegian prime minister",
            "Norwegian Prime Minister Jonas Gahr Støre said Norway would not accept any cut of its "
            "Skagerrak herring quota before the scientists report.",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [REACTIONS], "en", said)
    asked = ask("What is Denmark's position on the herring commission?", "en", "c", "1", None)
    assert not any("threatens to leave" in line for line in lines(asked)), lines(asked)


def test_a_linked_question_asks_no_one(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    """ "Read more: - Explained: how would the … deal work?" is no interviewer's question: the
    link after it is not the answer of the party's speaker (the Read-more mislabel)."""
    said = [
        (
            "DK",
            "Mette Frederiksen",
            "Danish prime minister",
            "Danish Prime Minister Mette Frederiksen said Denmark would defend its fishermen in "
            "every forum.",
        ),
        (
            "DK",
            "Mette Frederiksen",
            "Danish prime minister",
            "Frederiksen also said the herring quota deal must leave Denmark a veto.",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [REACTIONS], "en", said)
    asked = ask("What is Denmark's position on the herring quota deal?", "en", "c", "1", None)
    shown = lines(asked)
    assert not any("threatens to leave" in line for line in shown), shown
    assert not any("capitals split" in line for line in shown), shown


def test_the_title_is_no_answer_line(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "SE",
            "",
            "",
            "Herring talks: from Oslo to Stockholm, capitals split over the Skagerrak quota",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [REACTIONS], "en", said)
    asked = ask("What is Sweden's position on the Skagerrak quota?", "en", "c", "1", None)
    assert not any("capitals split" in line for line in lines(asked)), lines(asked)


# --- a live page's summary bullets, its bold headings and rubric tag

LIVE = (
    "EN DIRECT - Pêche : accord à Bergen sur les quotas de hareng, Copenhague dénonce un « diktat »\n\n"
    "Par notre envoyé spécial\n\n"
    "**L’essentiel**\n"
    "- Les ministres réunis à Bergen ont validé le principe d’un quota commun de hareng.\n"
    "- Le Danemark menace de bloquer le quota, la Suède réclame des garanties.\n\n"
    "**12:48**\n"
    "**Copenhague brandit la menace du veto**\n"
    "« Le Danemark ne cédera pas un seul hareng », a lancé Mette Frederiksen. "
    "La Première ministre danoise estime que le quota « ruinera nos ports ».\n"
)


def test_summary_bullets_are_no_statement(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    bullets = (
        "- Les ministres réunis à Bergen ont validé le principe d’un quota commun de hareng.\n"
        "- Le Danemark menace de bloquer le quota, la Suède réclame des garanties."
    )
    said = [
        ("DK", "", "", bullets),
        (
            "DK",
            "Mette Frederiksen",
            "Première ministre danoise",
            "« Le Danemark ne cédera pas un seul hareng », a lancé Mette Frederiksen.",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [LIVE], "fr", said)
    asked = ask("Quelle est la position du Danemark sur le quota de hareng ?", "fr", "c", "1", None)
    shown = lines(asked)
    assert not is_refusal(asked, "fr"), shown
    assert "un seul hareng" in shown[0], shown
    assert not any("Les ministres réunis" in line for line in shown), shown


def test_why_gives_no_heading_nor_rubric(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "DK",
            "Mette Frederiksen",
            "Première ministre danoise",
            "« Le Danemark ne cédera pas un seul hareng », a lancé Mette Frederiksen.",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [LIVE], "fr", said)
    ask("Quelle est la position du Danemark sur le quota de hareng ?", "fr", "c", "1", None)
    why = lines(ask("pourquoi ?", "fr", "c", "1", None))
    assert not any("**" in line or "EN DIRECT" in line for line in why), why


def test_why_gives_the_sides_own_reason(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    """ "pourquoi ?" after a side's position: its own judgement ("estime que le quota ruinera
    nos ports"), not another side's words near it."""
    text = LIVE + (
        "\n**12:30**\n**Stockholm temporise**\n"
        "Le ministre suédois a rappelé que la Suède attendra l’avis des scientifiques, car la "
        "saison ne commence qu’en mars.\n"
    )
    said = [
        (
            "DK",
            "Mette Frederiksen",
            "Première ministre danoise",
            "« Le Danemark ne cédera pas un seul hareng », a lancé Mette Frederiksen.",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [text], "fr", said)
    ask("Quelle est la position du Danemark sur le quota de hareng ?", "fr", "c", "1", None)
    why = lines(ask("pourquoi ?", "fr", "c", "1", None))
    assert any("ruinera nos ports" in line for line in why), why
    assert not any("saison ne commence" in line for line in why), why


# --- a transcript's host and reporter

TRANSCRIPT = (
    "Nordic fishermen brace for a smaller herring catch\n\n"
    "Heard on Morning Report\n\n"
    "KARI NORDMANN, HOST:\n\n"
    "Who gets the herring? Ministers met in Bergen this week to split the Skagerrak quota.\n\n"
    "OLA HANSEN, BYLINE: Good morning, Kari.\n\n"
    "NORDMANN: So how does the herring quota formula actually work?\n\n"
    "HANSEN: Well, the herring quota formula itself gives Norway about half of the catch. "
    "The rest is split between Denmark and Sweden.\n\n"
    "NORDMANN: And Norway?\n\n"
    "HANSEN: Norway's prime minister, Jonas Gahr Støre, told me Norway will keep the herring "
    "quota formula unchanged until the scientists report.\n"
)


def test_a_reporters_turn_is_no_partys_statement(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    said = [
        (
            "NO",
            "",
            "",
            "HANSEN: Well, the herring quota formula itself gives Norway about half of the catch.",
        ),
        (
            "NO",
            "Jonas Gahr Støre",
            "Norwegian prime minister",
            "Norway's prime minister, Jonas Gahr Støre, told me Norway will keep the herring quota "
            "formula unchanged until the scientists report.",
        ),
    ]
    ask = _bot(sqlite_db, book, settings, [TRANSCRIPT], "en", said)
    asked = ask("What is Norway's position on the herring quota formula?", "en", "c", "1", None)
    shown = lines(asked)
    assert not is_refusal(asked, "en"), shown
    assert not any("HANSEN:" in line or "about half" in line for line in shown), shown
    # the words the reporter relays, given to their speaker, are Støre's statement
    assert any("unchanged until the scientists report" in line for line in shown), shown


def test_the_line_kinds() -> None:
    kinds = dict(unsaid_lines(REACTIONS))
    assert kinds["- Denmark threatens to leave the herring commission"] == "link"
    assert kinds["**Oslo: firm**"] == "heading"
    live = dict(unsaid_lines(LIVE))
    assert live[LIVE.splitlines()[0]] in ("title", "rubric")
    assert (
        live["- Le Danemark menace de bloquer le quota, la Suède réclame des garanties."]
        == "summary"
    )
    host = dict(unsaid_lines(TRANSCRIPT))
    assert host["NORDMANN: And Norway?"] == "host"
    # a dateline opens a report; it is no rubric
    report = "Herring deal\n\nBERGEN – Norway said it would keep its herring quota formula.\n"
    assert "BERGEN – Norway said it would keep its herring quota formula." not in dict(
        unsaid_lines(report)
    )


def test_a_bold_run_in_heading_is_not_shown(
    sqlite_db: Database, book: PartyBook, settings: Settings
) -> None:
    """A newsletter's paragraph opening with a bold run-in ("**Quota watch.** Norway …"): the
    sentence after it is the statement, shown without the heading."""
    text = (
        "Nordic briefing: the week in fisheries\n\n"
        "**Quota watch.** Norway on Monday blocked the herring quota deal at the commission, "
        "diplomats said.\n\n"
        "**Next week.** The ministers meet again in Tromsø.\n"
    )
    evidence = (
        "**Quota watch.** Norway on Monday blocked the herring quota deal at the commission, "
        "diplomats said."
    )
    ask = _bot(sqlite_db, book, settings, [text], "en", [("NO", "", "", evidence)])
    asked = ask("What is Norway's position on the herring quota deal?", "en", "c", "1", None)
    shown = lines(asked)
    assert any("Norway on Monday blocked" in line for line in shown), shown
    assert not any("**" in line for line in shown), shown
