"""The ``briefbot`` command line: wiring from arguments to the service, no logic of its own."""

from __future__ import annotations

import importlib
import json
import sys
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from bot.domain.models import Article, Lang, Position
from bot.ingest.pipeline import IngestItem, IngestReport
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.service import BriefBot

app = typer.Typer(
    help="briefbot: who said what, for which party, with the verbatim evidence.\n\n"
    "Reads French and English articles (files, web pages, RSS/Atom feeds), extracts each "
    "party's stated positions and writes short briefings. Works offline with no API key.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False, soft_wrap=True)

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


def settings() -> Settings:
    if "settings" not in _state:
        overrides: dict[str, Any] = {}
        if _state.get("engine"):
            overrides["engine"] = _state["engine"]
        if _state.get("db"):
            overrides["database_url"] = _state["db"]
        _state["settings"] = Settings(**overrides)
    return _state["settings"]


def bot() -> BriefBot:
    if "bot" not in _state:
        from bot.app import build_bot

        _state["bot"] = build_bot(settings())
    return _state["bot"]


@app.callback()
def main_options(
    engine: Annotated[
        EngineOpt | None,
        typer.Option(help="Analysis engine (default from settings: offline).", show_default=False),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(help="Database URL (default: SQLite file in data/).", show_default=False),
    ] = None,
    verbose: Annotated[int, typer.Option("-v", "--verbose", count=True, help="More logs.")] = 0,
) -> None:
    from bot.logs import setup_logging

    _state.clear()
    _state["engine"] = engine.value if engine else None
    _state["db"] = db
    setup_logging(verbose, settings().secrets.values())


def _report_item(item: IngestItem) -> None:
    if item.status == "error":
        reason = (item.reason or "failed").removesuffix(f": {item.input}")
        err.print(f"✗ {item.input}: {reason}", markup=False)


def run_ingest(inputs: list[str], *, quiet: bool = False) -> IngestReport:
    """Ingest with a progress bar on long batches; one line per failed input."""
    from rich.progress import Progress

    if len(inputs) > 3 or any(Path(i).is_dir() for i in inputs):
        with Progress(console=err, transient=True) as progress:
            task = progress.add_task("Ingesting", total=None)

            def tick(item: IngestItem) -> None:
                progress.advance(task)
                _report_item(item)

            report = bot().ingest(inputs, on_progress=tick)
    else:
        report = bot().ingest(inputs, on_progress=_report_item)
    if not quiet:
        err.print(
            f"{report.ok_count} article(s) ready, {report.error_count} input(s) failed.",
            highlight=False,
        )
    return report


def _articles_for(inputs: list[str], since: str) -> list[Article]:
    if inputs:
        report = run_ingest(inputs, quiet=True)
        if not report.articles:
            err.print("Nothing could be read from the inputs given.")
            raise typer.Exit(1)
        return bot().articles(ids=report.articles)
    window = parse_since(since)
    articles = bot().articles(since=window)
    if not articles:
        err.print(
            "No stored article in that period. Add some with `briefbot ingest PATH|URL|FEED` "
            "or try `--since all`."
        )
        raise typer.Exit(1)
    return articles


def parse_since(value: str) -> datetime | None:
    """'all', '24h', '7d' or an ISO date, as the start of a window."""
    value = value.strip().lower()
    if value == "all":
        return None
    try:
        if value.endswith("h"):
            return datetime.now(UTC) - timedelta(hours=float(value[:-1]))
        if value.endswith("d"):
            return datetime.now(UTC) - timedelta(days=float(value[:-1]))
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r}: use all, 24h, 7d or a date (2026-11-20)") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


Inputs = Annotated[
    list[str] | None,
    typer.Argument(help="Files, folders, page URLs or feed URLs. Without: the stored articles."),
]
Since = Annotated[str, typer.Option(help="Window of stored articles: all, 24h, 7d or a date.")]


@app.command("ingest")
def ingest_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders, page URLs or feed URLs.")],
) -> None:
    """Read and store articles; duplicates and near-duplicates are recognised."""
    report = run_ingest(inputs)
    for item in report.items:
        if item.status != "error":
            out.print(f"{item.status:<15} #{item.article_id}  {item.title or item.input}")
    if report.ok_count == 0:
        raise typer.Exit(1)


@app.command("brief")
def brief_cmd(
    inputs: Inputs = None,
    lang: Annotated[LangOpt | None, typer.Option(help="Briefing language.")] = None,
    since: Since = "24h",
    max_chars: Annotated[
        int | None, typer.Option(help="Length budget (default from settings: 1500).")
    ] = None,
    full: Annotated[bool, typer.Option(help="No length budget: every party's top items.")] = False,
) -> None:
    """Print a short briefing: each party's main positions, disputes and numbered sources."""
    from bot.render.briefing import briefing_reply
    from bot.render.text import render_text

    articles = _articles_for(inputs or [], since)
    language: Lang = lang.value if lang else settings().lang
    budget = None if full else (max_chars or settings().brief_max_chars)
    briefing = bot().briefing(articles, language, max_chars=budget)
    out.print(render_text(briefing_reply(briefing)), markup=False)


@app.command("positions")
def positions_cmd(
    inputs: Inputs = None,
    party: Annotated[
        str | None, typer.Option(help="Only this party (id or name, e.g. RU, Russie, Russia).")
    ] = None,
    all_speakers: Annotated[
        bool, typer.Option("--all-speakers", help="Also speakers of no known party (OTHER).")
    ] = False,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.text,
    since: Since = "all",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="Trace the offline engine on each FILE, sentence by sentence."
        ),
    ] = False,
) -> None:
    """List every attributed position with its speaker, party, evidence and source."""
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
    articles = _articles_for(inputs or [], since)
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
def demo_cmd(
    lang: Annotated[LangOpt | None, typer.Option(help="Briefing language.")] = None,
) -> None:
    """Ingest the bundled sample articles and print their briefing (no API key needed)."""
    from bot.render.briefing import briefing_reply
    from bot.render.text import render_text

    samples = settings().samples_dir
    err.print(f"Reading the bundled sample articles in {samples} …")
    report = run_ingest([str(samples)], quiet=True)
    if not report.articles:
        err.print("The sample articles could not be read.")
        raise typer.Exit(1)
    articles = bot().articles(ids=report.articles)
    language: Lang = lang.value if lang else settings().lang
    briefing = bot().briefing(articles, language, max_chars=settings().brief_max_chars)
    out.print(render_text(briefing_reply(briefing)), markup=False)
    err.print(
        "\nNext: `briefbot positions --all-speakers` lists every position; "
        "`briefbot brief --lang en` writes it in English; `briefbot --help` for more."
    )


# Commands contributed by other parts of the bot (chat, digests, questions, LLM stats).
for _module in ("bot.cli_chat", "bot.cli_digest", "bot.cli_ask", "bot.cli_stats"):
    importlib.import_module(_module).register(app)


def main() -> None:
    try:
        app()
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
