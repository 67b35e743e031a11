"""``briefbot digest send-now`` (operators) and ``briefbot worker`` (a sender-only process).

``digest send-now`` decides a digest now for every subscribed chat (or the ones chosen) and
queues it in the outbox; with bot tokens set it also delivers the queue, otherwise a running
``briefbot run`` or ``briefbot worker`` does. ``worker`` delivers outbox rows until stopped
(SIGINT/SIGTERM); run several on PostgreSQL to scale out (docs/scale-out.md).
"""

from __future__ import annotations

import asyncio
import signal
from datetime import UTC, datetime
from typing import Annotated

import typer

PLATFORMS = ["telegram", "slack"]


def register(app: typer.Typer) -> None:
    digest_app = typer.Typer(help="Daily digests: send now, inspect the outbox.")
    app.add_typer(digest_app, name="digest")

    @digest_app.command("send-now")
    def send_now(
        platform: Annotated[
            str | None, typer.Option(metavar="telegram|slack", help="Only this platform.")
        ] = None,
        chat: Annotated[
            str | None, typer.Option(metavar="ID", help="Only this subscribed chat.")
        ] = None,
        deliver: Annotated[bool, typer.Option(help="Deliver now when tokens are set.")] = True,
    ) -> None:
        """Decide and queue a digest now for the subscribed chats (or --platform / --chat).

        Example: briefbot digest send-now --platform telegram --chat -1001234
        """
        from bot.cli import bot, err, out, settings
        from bot.schedule.digest import DigestBuilder
        from bot.store import chats as chat_store

        if platform is not None and platform.lower() not in PLATFORMS:
            err.print(f"Unknown platform {platform!r}: use {' or '.join(PLATFORMS)}.")
            raise typer.Exit(2)
        platform = platform.lower() if platform else None
        briefbot = bot()
        subs = chat_store.list_subscriptions(briefbot.db, platform)
        targets = [(s.platform, s.chat_id) for s in subs if chat is None or s.chat_id == chat]
        if chat is not None and not targets:
            err.print(
                f"Chat {chat!r} has no digest subscription{f' on {platform}' if platform else ''}"
                " (it must /subscribe first); `briefbot digest outbox` shows the queue."
            )
            raise typer.Exit(2)
        builder = DigestBuilder(briefbot)
        key = f"manual:{datetime.now(UTC):%Y-%m-%dT%H:%M:%S}"
        queued = 0
        for plat, chat_id in targets:
            decision = builder.decide(plat, chat_id, digest_key=key)
            out.print(f"{plat}:{chat_id}  {decision.outcome}  ({decision.articles} new articles)")
            queued += decision.outcome == "queued"
        err.print(f"{queued} digest(s) queued.")
        if not (deliver and queued):
            return
        from bot.adapters.outbox_senders import build_senders
        from bot.schedule.sender import OutboxWorker

        senders = build_senders(settings(), briefbot.db, PLATFORMS)
        if not senders:
            err.print("No bot token set: a running `briefbot run` or `briefbot worker` sends them.")
            return
        from bot.schedule.run import worker_settings

        worker = OutboxWorker(briefbot.db, senders, **worker_settings(settings()))
        asyncio.run(worker.drain(timeout=3600))
        err.print("Outbox drained.")

    @digest_app.command("outbox")
    def outbox_cmd() -> None:
        """Number of outbox rows in each state.

        Example: briefbot digest outbox
        """
        from bot.cli import out, settings
        from bot.schedule import outbox
        from bot.store import Database

        counts = outbox.counts(Database(settings().db_url))
        for state in ("pending", "sending", "sent", "failed", "blocked"):
            out.print(f"{state:<8} {counts.get(state, 0)}")

    @app.command("worker")
    def worker_cmd(
        platform: Annotated[
            list[str] | None, typer.Option(help="Platforms to deliver (default: all with tokens).")
        ] = None,
        rate: Annotated[
            float | None,
            typer.Option(
                help="Telegram messages/s for the bot token, shared by every process "
                "(default: the telegram_rate setting)."
            ),
        ] = None,
        lease: Annotated[
            float | None,
            typer.Option(help="Seconds a claimed row stays ours (default: outbox_lease_seconds)."),
        ] = None,
    ) -> None:
        """Deliver queued digests (sender-only process; no scheduler, no chat front-end).

        Example: briefbot worker   (PostgreSQL; serves /healthz and /metrics)
        """
        from bot import metrics
        from bot.adapters.outbox_senders import build_senders
        from bot.cli import err, settings
        from bot.heap import freeze_startup_heap
        from bot.schedule.run import run_sender_loop, worker_settings
        from bot.store import Database

        db = Database(settings().db_url)
        senders = build_senders(settings(), db, platform or PLATFORMS, rate=rate)
        if not senders:
            err.print(
                "No bot token set (TELEGRAM_BOT_TOKEN / SLACK_BOT_TOKEN): nothing to send with."
            )
            raise typer.Exit(2)
        if db.dialect == "sqlite":
            err.print(
                "SQLite: run a single process (`briefbot run` already sends); see docs/scale-out.md."
            )

        async def main() -> None:
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGINT, signal.SIGTERM):
                loop.add_signal_handler(sig, stop.set)
            options = worker_settings(settings())
            if lease is not None:
                options["lease_seconds"] = lease
            await run_sender_loop(db, senders, stop, **options)

        metrics.serve(db, settings().metrics_host, settings().metrics_port)
        err.print(f"Delivering for {', '.join(senders)} until stopped (Ctrl-C).")
        freeze_startup_heap()
        asyncio.run(main())
