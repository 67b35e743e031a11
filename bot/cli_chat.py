"""CLI commands for the chat front-ends: ``briefbot chat`` and ``briefbot run telegram|slack|all``."""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import Annotated

import typer


class Platform(StrEnum):
    telegram = "telegram"
    slack = "slack"
    all = "all"


def register(app: typer.Typer) -> None:
    @app.command("chat")
    def chat_cmd() -> None:
        """Talk to the bot in this terminal: the same commands as on Telegram and Slack."""
        from bot import cli
        from bot.adapters.console import run_console
        from bot.commands import CommandCore
        from bot.qa import QuestionAnswerer

        core = CommandCore(cli.bot(), asker=QuestionAnswerer(cli.bot()))
        history = cli.settings().data_dir / "chat_history"
        asyncio.run(run_console(core, history=history))

    @app.command("run")
    def run_cmd(
        platform: Annotated[
            Platform, typer.Argument(help="Which bot to run: telegram, slack or all.")
        ],
        lease: Annotated[
            float | None,
            typer.Option(
                help="Seconds a claimed outbox row stays ours (default: outbox_lease_seconds)."
            ),
        ] = None,
    ) -> None:
        """Run the Telegram and/or Slack bot until interrupted; serves /healthz and /metrics.

        Example: TELEGRAM_BOT_TOKEN=... briefbot run telegram
        """
        from bot import cli, metrics
        from bot.adapters.common import MissingSecret, Refused
        from bot.heap import freeze_startup_heap
        from bot.logs import redact
        from bot.runner import PLATFORMS, run

        platforms = list(PLATFORMS) if platform is Platform.all else [platform.value]
        s = cli.settings()
        metrics.serve(cli.bot().db, s.metrics_host, s.metrics_port)
        try:
            from bot.schedule.run import schedule_task_with

            options = {} if lease is None else {"lease_seconds": lease}
            task = schedule_task_with(**options)
            # the heap is frozen once the bots are up, before the first send
            asyncio.run(
                run(
                    platforms,
                    cli.settings(),
                    [task],
                    briefbot=cli.bot(),
                    context_ready=freeze_startup_heap,
                )
            )
        except Refused as exc:  # PTB's message quotes the refused token: redact it
            cli.err.print(f"Cannot start: {redact(str(exc))}.", highlight=False)
            raise typer.Exit(2) from None
        except MissingSecret as exc:
            cli.err.print(f"Cannot start: {exc}.", highlight=False)
            raise typer.Exit(2) from None
