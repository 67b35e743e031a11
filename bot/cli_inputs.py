"""The CLI's reading of inputs: ingest with progress, say when an input duplicates a stored
article (and show that article's positions), pick the stored articles of a window, analyse
them with a progress bar, and say plainly when nothing is stored yet."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from bot.since import BadSince, parse_since

if TYPE_CHECKING:  # the ingest pipeline loads numpy and SQLAlchemy: not for --help
    from bot.domain.models import Article
    from bot.ingest.pipeline import IngestItem, IngestReport

log = logging.getLogger("bot.cli")

EMPTY_STORE = (
    "Nothing is stored yet - run `briefbot ingest FILE|FOLDER|URL|FEED` first "
    "(or `briefbot demo` to try the bundled samples, in their own database)."
)


def _report_item(item: IngestItem) -> None:
    from bot.cli import err

    log.info("ingest: %s -> %s #%s", item.input, item.status, item.article_id or "-")
    if item.status == "error":
        reason = (item.reason or "failed").removesuffix(f": {item.input}")
        err.print(f"✗ {item.input}: {reason}", markup=False)


def run_ingest(inputs: list[str], *, quiet: bool = False) -> IngestReport:
    """Ingest with a progress bar on long batches; one line per failed input."""
    from rich.progress import Progress

    from bot.cli import bot, err

    log.info("ingest: reading %d input(s)", len(inputs))
    if len(inputs) > 3 or any(Path(i).is_dir() for i in inputs):
        with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
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


def stored_original(item: IngestItem) -> Article | None:
    """The stored article ``item`` duplicates (exactly or nearly), else None."""
    from bot.cli import bot
    from bot.store import articles as store

    if item.status not in ("duplicate", "near_duplicate") or item.article_id is None:
        return None
    found = store.get_article(bot().db, item.article_id)
    if found is None:
        return None
    if item.status == "near_duplicate" and found.group_id not in (None, found.id):
        return store.get_article(bot().db, found.group_id)
    return found


def report_duplicates(report: IngestReport) -> tuple[list[int], list[int]]:
    """One line per input that duplicates a stored article. Returns the ids to read (originals
    in place of their near-duplicates) and the ids of the originals found."""
    from bot.cli import err

    ids, originals = [], []
    for item in report.items:
        if item.status == "error" or item.article_id is None:
            continue
        original = stored_original(item)
        if original is not None and original.id is not None:
            kind = "a copy" if item.status == "duplicate" else "a near-duplicate"
            err.print(
                f"note: {item.input} is {kind} of stored article #{original.id} "
                f"«{original.title or original.source}»; showing that article's positions.",
                markup=False,
                highlight=False,
            )
            ids.append(original.id)
            originals.append(original.id)
        else:
            ids.append(item.article_id)
    return list(dict.fromkeys(ids)), list(dict.fromkeys(originals))


def require_stored() -> None:
    """Exit with a clear message when the store holds no article at all."""
    from bot.cli import bot, err

    if bot().status().articles == 0:
        err.print(EMPTY_STORE, highlight=False)
        raise typer.Exit(1)


def window_start(since: str) -> datetime | None:
    try:
        return parse_since(since)
    except BadSince as exc:
        raise typer.BadParameter(str(exc), param_hint="--since") from None


def articles_for(inputs: list[str], since: str) -> list[Article]:
    """The articles a command works on: the inputs given, else the stored ones in the window."""
    from bot.cli import bot, err

    if inputs:
        report = run_ingest(inputs, quiet=True)
        if not report.articles:
            err.print("Nothing could be read from the inputs given.")
            raise typer.Exit(1)
        return bot().articles(ids=report_duplicates(report)[0])
    window = window_start(since)
    require_stored()
    articles = bot().articles(since=window)
    log.info("articles: %d stored since %s", len(articles), window or "the beginning")
    if not articles:
        hint = "" if window is None else " or try `--since all`"
        err.print(
            f"No stored article in that period. Add some with `briefbot ingest "
            f"FILE|FOLDER|URL|FEED`{hint}.",
            highlight=False,
        )
        raise typer.Exit(1)
    return articles


def analyse(articles: list[Article]) -> None:
    """Analyse (or read from the cache) every article, with a progress bar on stderr."""
    from rich.progress import Progress

    from bot.cli import bot, err

    engine = bot().extractors[0].key
    log.info("analysis: %d article(s) with %s (cached analyses are reused)", len(articles), engine)
    with Progress(console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("Analysing", total=len(articles))
        for article in articles:
            positions = bot().analyse(article)
            log.info(
                "analysis: #%s %s -> %d position(s)", article.id, article.source, len(positions)
            )
            progress.advance(task)
