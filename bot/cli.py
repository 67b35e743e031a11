"""The ``briefbot`` command line: wiring from arguments to the service, no logic of its own."""

from __future__ import annotations

import importlib
import json
import logging
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from bot import __version__
from bot.cli_inputs import analyse, articles_for, report_duplicates, run_ingest
from bot.domain.models import Lang, Position
from bot.settings import Settings
from bot.since import HELP as SINCE_HELP

if TYPE_CHECKING:
    from bot.service import BriefBot

app = typer.Typer(
    help="briefbot: who said what, for which party, with the verbatim evidence.\n\n"
    "Reads French and English articles (files, web pages, RSS/Atom feeds), extracts each "
    "party's stated positions and writes short briefings. Works offline with no API key.\n\n"
    "Examples:  briefbot demo  |  briefbot ingest ./articles  |  briefbot brief --since 1w "
    '--lang en  |  briefbot ask "Que réclame Kiev ?"',
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)
log = logging.getLogger("bot.cli")

_state: dict[str, Any] = {}


class Format(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class LangOpt(StrEnum):
    fr = "fr"
    en = "en"


class EngineOpt(StrEnum):
    offline = "offline"
    llm = "llm"


def database_url(value: str) -> str:
    """``--db``: a database URL, or a path to a SQLite file."""
    if "://" in value:
        return value
    from pathlib import Path

    return f"sqlite:///{Path(value).expanduser().resolve()}"


def settings() -> Settings:
    if "settings" not in _state:
        overrides: dict[str, Any] = {}
        if _state.get("engine"):
            overrides["engine"] = _state["engine"]
        if _state.get("db"):
            overrides["database_url"] = database_url(_state["db"])
        _state["settings"] = Settings(**overrides)
    return _state["settings"]


def bot() -> BriefBot:
    if "bot" not in _state:
        from bot.app import build_bot
        from bot.cli_config import safe_url

        log.info("store: %s", safe_url(settings().db_url))
        _state["bot"] = build_bot(settings())
    return _state["bot"]


def _version(value: bool) -> None:
    if value:
        out.print(f"briefbot {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    engine: Annotated[
        EngineOpt | None,
        typer.Option(
            help="Analysis engine: offline or llm (default from settings: offline).",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            metavar="URL|FILE",
            help="Database URL or SQLite file (default: briefbot.sqlite3 in the data directory, "
            "see `briefbot config path`).",
            show_default=False,
        ),
    ] = None,
    verbose: Annotated[
        int,
        typer.Option("-v", "--verbose", count=True, help="Say what each step does (-vv: more)."),
    ] = 0,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    from bot.logs import setup_logging

    _state.clear()
    _state["engine"] = engine.value if engine else None
    _state["db"] = db
    setup_logging(verbose, settings().secrets.values())


Inputs = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="INPUT",
        help="Files, folders, page URLs or feed URLs. Without: the stored articles.",
        show_default=False,
    ),
]
Since = Annotated[
    str, typer.Option(metavar="WHEN", help=f"Window of stored articles: {SINCE_HELP}.")
]
LangOption = Annotated[
    LangOpt | None,
    typer.Option(help="Briefing language: fr or en.", case_sensitive=False, show_default=False),
]


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[
        list[str],
        typer.Argument(metavar="INPUT", help="Files, folders, page URLs or feed URLs."),
    ],
) -> None:
    """Read and store articles; an input that duplicates a stored article is named, with that
    article's positions.

    Example: briefbot ingest article.html ./folder https://example.org/feed.xml
    """
    from bot.render.positions import positions_text

    report = run_ingest(inputs)
    for item in report.items:
        if item.status != "error":
            out.print(f"{item.status:<15} #{item.article_id}  {item.title or item.input}")
    _ids, originals = report_duplicates(report)
    if originals:
        articles = bot().articles(ids=originals)
        analyse(articles)
        positions = bot().positions(articles)
        out.print(positions_text(positions, bot().book, settings().lang), markup=False)
    if report.ok_count == 0:
        raise typer.Exit(1)


@app.command("brief")
def brief_cmd(
    inputs: Inputs = None,
    lang: LangOption = None,
    since: Since = "24h",
    max_chars: Annotated[
        int | None,
        typer.Option(metavar="N", help="Length budget (default from settings: 1500)."),
    ] = None,
    full: Annotated[bool, typer.Option(help="No length budget: every party's top items.")] = False,
) -> None:
    """Print a short briefing: each party's main positions, disputes and numbered sources.

    Examples: briefbot brief --since 1w --lang en  |  briefbot brief article.txt --full
    """
    from bot.render.briefing import briefing_reply
    from bot.render.text import render_text

    articles = articles_for(inputs or [], since)
    language: Lang = lang.value if lang else settings().lang
    budget = None if full else (max_chars or settings().brief_max_chars)
    analyse(articles)
    log.info("brief: composing in %s, budget %s", language, budget or "none")
    briefing = bot().briefing(articles, language, max_chars=budget)
    out.print(render_text(briefing_reply(briefing)), markup=False)


@app.command("positions")
def positions_cmd(
    inputs: Inputs = None,
    party: Annotated[
        str | None,
        typer.Option(
            metavar="PARTY", help="Only this party (id or name, e.g. RU, Russie, Russia)."
        ),
    ] = None,
    all_speakers: Annotated[
        bool, typer.Option("--all-speakers", help="Also speakers of no known party (OTHER).")
    ] = False,
    fmt: Annotated[
        Format, typer.Option("--format", help="Output format.", case_sensitive=False)
    ] = Format.text,
    since: Since = "all",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Trace the offline engine on each FILE, sentence by sentence."
        ),
    ] = False,
) -> None:
    """List every attributed position with its speaker, party, evidence and source.

    Examples: briefbot positions --party russie  |  briefbot positions --format json FILE
    """
    from bot.render.positions import positions_json, positions_markdown, positions_text

    if explain:
        _explain(inputs or [])
        return

    party_id = None
    if party:
        found = bot().book.find(party)
        if found is None and party.upper() != "OTHER":
            known = ", ".join(p.id for p in bot().book.parties)
            err.print(f"Unknown party {party!r}. Known: {known}, OTHER.")
            raise typer.Exit(2)
        party_id = found.id if found else "OTHER"
        all_speakers = all_speakers or party_id == "OTHER"
    articles = articles_for(inputs or [], since)
    analyse(articles)
    positions: list[Position] = bot().positions(articles, party=party_id, all_speakers=all_speakers)
    book = bot().book
    if fmt is Format.json:
        sys.stdout.write(json.dumps(positions_json(positions, book), ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
    elif fmt is Format.markdown:
        sys.stdout.write(positions_markdown(positions, book, settings().lang))
    else:
        out.print(positions_text(positions, book, settings().lang), markup=False)


def _explain(inputs: list[str]) -> None:
    from bot.extract.rules.explain import explain
    from bot.extract.rules.offline import OfflineEngine
    from bot.ingest.files import load_file
    from bot.ingest.lang import detect_lang

    if not inputs:
        err.print("--explain needs a FILE.")
        raise typer.Exit(2)
    engine = OfflineEngine(bot().book)
    for name in inputs:
        article = load_file(name)
        article.lang = detect_lang(article.text)
        sys.stdout.write(explain(engine, article))


@app.command("demo")
def demo_cmd(lang: LangOption = None) -> None:
    """Ingest the bundled sample articles and print their briefing (no API key needed).

    The samples are fictional and go into their own database (demo.sqlite3 in the data
    directory), never into yours. Example: briefbot demo --lang en
    """
    from bot.render.briefing import briefing_reply
    from bot.render.text import render_text

    demo = settings().model_copy(update={"database_url": settings().demo_db_url})
    _state.pop("bot", None)
    _state["settings"] = demo
    samples = demo.samples_dir
    err.print(f"Reading the bundled sample articles in {samples} …")
    report = run_ingest([str(samples)], quiet=True)
    if not report.articles:
        err.print("The sample articles could not be read.")
        raise typer.Exit(1)
    articles = bot().articles(ids=report.articles)
    language: Lang = lang.value if lang else settings().lang
    analyse(articles)
    briefing = bot().briefing(articles, language, max_chars=settings().brief_max_chars)
    out.print(render_text(briefing_reply(briefing)), markup=False)
    err.print(
        f"\nThis demo used its own database ({demo.db_url.removeprefix('sqlite:///')}). "
        "Next: `briefbot ingest FILE|URL|FEED` stores your own articles, then `briefbot brief` "
        'or `briefbot ask "…"`; `briefbot --help` for more.'
    )


# Commands contributed by other parts of the bot (chat, digests, questions, LLM stats).
for _module in ("bot.cli_chat", "bot.cli_digest", "bot.cli_ask", "bot.cli_stats", "bot.cli_config"):
    importlib.import_module(_module).register(app)


def main() -> None:
    from bot.cli_help import load_env_file, tidy_command

    load_env_file()
    try:
        tidy_command(typer.main.get_command(app))(prog_name="briefbot")
    except KeyboardInterrupt:
        err.print("Interrupted.")
        sys.exit(130)
    except Exception as exc:  # a hard error: one line, the traceback only with -v
        from bot.logs import RedactSecrets
        from bot.settings import Secrets

        redact = RedactSecrets(Secrets().values()).redact
        if "-v" in sys.argv or "-vv" in sys.argv or "--verbose" in sys.argv:
            import traceback  # the traceback may quote a token (PTB's InvalidToken does)

            sys.stderr.write(redact("".join(traceback.format_exception(exc))))
        err.print(
            f"briefbot: error: {redact(f'{type(exc).__name__}: {exc}')} (run with -v for details)",
            markup=False,
        )
        sys.exit(1)
