"""Runs the chat bots (Telegram, Slack or both) in one asyncio loop, with extra tasks.

The scheduler hooks in here: ``run(platforms, settings, extra_tasks=[my_task])`` calls each
``my_task(context)`` once every bot is started; ``context.senders`` holds one
``bot.delivery.Sender`` per platform and ``context.core.subscription_hooks`` takes callbacks
for /subscribe and /unsubscribe. Everything stops when ``context.stop`` is set (SIGINT/SIGTERM),
also while a bot is still starting (a platform that does not answer is tried again with a
capped back-off until it does or the process is told to stop).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.adapters.common import Refused
from bot.commands import Asker, CommandCore, SubscriptionHook
from bot.delivery import Sender
from bot.service import BriefBot
from bot.settings import Settings

log = logging.getLogger(__name__)
PLATFORMS = ("telegram", "slack")


class Front(Protocol):
    @property
    def sender(self) -> Sender: ...

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@dataclass
class RunContext:
    settings: Settings
    briefbot: BriefBot
    core: CommandCore
    senders: dict[str, Sender] = field(default_factory=dict)
    stop: asyncio.Event = field(default_factory=asyncio.Event)


ExtraTask = Callable[[RunContext], Awaitable[None]]


def make_fronts(platforms: Sequence[str], settings: Settings, core: CommandCore) -> list[Front]:
    """Build every front first, so a missing token fails before anything starts."""
    fronts: list[Front] = []
    for platform in platforms:
        if platform == "telegram":
            from bot.adapters.telegram import TelegramBot

            fronts.append(TelegramBot(settings, core))
        elif platform == "slack":
            from bot.adapters.slack import SlackBot

            fronts.append(SlackBot(settings, core))
        else:
            raise ValueError(f"unknown platform {platform!r}: use {', '.join(PLATFORMS)}")
    return fronts


async def _start_all(fronts: list[Front], started: list[Front], stop: asyncio.Event) -> bool:
    """Start every front, retrying (capped back-off, one line a try) while its platform does
    not answer; False when ``stop`` was set first. ``Refused`` credentials end the run."""
    for front in fronts:
        delay = 1.0
        while True:
            attempt = asyncio.ensure_future(front.start())
            stopped = asyncio.ensure_future(stop.wait())
            try:
                await asyncio.wait([attempt, stopped], return_when=asyncio.FIRST_COMPLETED)
            finally:
                stopped.cancel()
            if not attempt.done():
                attempt.cancel()
                with contextlib.suppress(BaseException):
                    await attempt
                started.append(front)  # so that whatever it opened is closed
                return False
            error = attempt.exception()
            if error is None:
                started.append(front)
                break
            if isinstance(error, Refused):
                raise error
            log.warning("%s could not start (%s): again in %.0f s", _name(front), error, delay)
            with contextlib.suppress(Exception):
                await front.stop()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)
            if stop.is_set():
                return False
            delay = min(30.0, delay * 2)
    return True


def _name(front: Front) -> str:
    return type(front).__name__


async def run(
    platforms: Sequence[str],
    settings: Settings,
    extra_tasks: Sequence[ExtraTask] = (),
    *,
    briefbot: BriefBot | None = None,
    asker: Asker | None = None,
    on_subscription_change: SubscriptionHook | None = None,
    context_ready: Callable[[RunContext], None] | None = None,
) -> None:
    """Start the bots for ``platforms``, run ``extra_tasks``, and stop cleanly on signal."""
    if briefbot is None:
        from bot.app import build_bot

        briefbot = await asyncio.to_thread(build_bot, settings)
    if asker is None:
        from bot.qa import QuestionAnswerer

        asker = QuestionAnswerer(briefbot)
    core = CommandCore(briefbot, asker=asker, on_subscription_change=on_subscription_change)
    fronts = make_fronts(platforms, settings, core)
    context = RunContext(settings, briefbot, core)
    context.senders = {p: f.sender for p, f in zip(platforms, fronts, strict=True)}
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, context.stop.set)
    started: list[Front] = []
    tasks: list[asyncio.Task[None]] = []
    try:
        if not await _start_all(fronts, started, context.stop):
            return  # stopped before every bot could start
        log.info("running: %s", ", ".join(platforms))
        tasks = [asyncio.ensure_future(task(context)) for task in extra_tasks]
        if context_ready is not None:
            context_ready(context)
        await context.stop.wait()
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for front in reversed(started):
            try:
                await front.stop()
            except Exception:
                log.exception("stopping %s failed", type(front).__name__)
        for sig in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)
