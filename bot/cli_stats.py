"""The ``briefbot stats`` command: LLM calls, failures, fallbacks to the offline engine,
ungrounded items dropped, tokens and estimated cost per UTC day."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("stats")
    def stats_cmd(
        days: Annotated[int, typer.Option(min=1, help="How many recent days to show.")] = 14,
    ) -> None:
        """Show LLM use per day: calls, failures, fallbacks, dropped ungrounded items, tokens,
        estimated cost (prices.toml).

        Example: briefbot stats --days 7
        """
        from rich.console import Console

        from bot.cli import settings
        from bot.llm.accounting import stats
        from bot.store import Database

        db = Database(settings().db_url)
        try:
            rows = stats(db)[:days]
        finally:
            db.close()
        console = Console(highlight=False)
        if not rows:
            console.print("No LLM calls recorded.")
            return
        console.print(
            f"{'day':<11} {'calls':>6} {'failed':>6} {'fallbacks':>9} {'dropped':>7} "
            f"{'tokens in':>10} {'tokens out':>11} {'cost $':>9}"
        )
        for row in rows:
            cost = f"{row.cost:.4f}" if row.cost is not None else "?"
            console.print(
                f"{row.day:<11} {row.calls:>6} {row.failures:>6} {row.fallbacks:>9} "
                f"{row.dropped:>7} {row.tokens_in:>10} {row.tokens_out:>11} {cost:>9}"
            )
