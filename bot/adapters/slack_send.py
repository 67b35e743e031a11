"""Sending Replies to Slack: Block Kit messages (no unfurling, no mention parsing), SlackSender.

Every ``chat.postMessage`` waits for the channel's turn in the token's ``Pacer`` (about 1 per
second per channel). Interactive answers (``post_reply(..., retry=True)``) are retried through
the pacer when Slack answers 429 (``Retry-After`` holds that channel) or the request fails in
transit; an answer meant for a thread that cannot be posted there is posted in the channel.
The outbox's ``SlackSender`` tries once and reports the outcome.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.common import SentTags
from bot.delivery import BeforeRequest, SendOutcome
from bot.render.slack import render_slack
from bot.richtext import Reply
from bot.schedule.pacer import Pacer

log = logging.getLogger(__name__)
GONE = {
    "channel_not_found",
    "is_archived",
    "not_in_channel",
    "account_inactive",
    "user_disabled",
    "team_access_not_granted",
}
THREAD_GONE = {"thread_not_found", "message_not_found", "invalid_thread_ts"}
POST_OPTIONS: dict[str, Any] = {
    "unfurl_links": False,
    "unfurl_media": False,
    "link_names": False,
    "parse": "none",
    "mrkdwn": True,
}
MAX_TRIES = 6
MAX_HOLD = 120.0


class PostAborted(Exception):
    """``before`` answered False: the message was not posted."""


def error_code(exc: SlackApiError) -> str:
    """Slack's error code ("ratelimited", "not_in_channel"…); "" when the body was no JSON
    object (a 5xx page from a proxy during an outage)."""
    data = exc.response.data
    return str(data.get("error") or "") if isinstance(data, dict) else ""


def rate_limited(exc: SlackApiError) -> float | None:
    """Slack's Retry-After (seconds) when ``exc`` is a 429, else None."""
    error = error_code(exc)
    if exc.response.status_code == 429 or error == "ratelimited":
        return float(exc.response.headers.get("Retry-After", 1) or 1)
    return None


def is_transient(exc: Exception) -> bool:
    """Refused, timed out or 5xx: the request may succeed later."""
    if isinstance(exc, SlackApiError):
        return exc.response.status_code >= 500
    return isinstance(exc, OSError | asyncio.TimeoutError) or type(exc).__module__.startswith(
        "aiohttp"
    )


async def _post_one(
    client: AsyncWebClient,
    pacer: Pacer | None,
    channel: str,
    kwargs: dict[str, Any],
    retry: bool,
    before: BeforeRequest | None,
) -> Any:
    tries = 0
    while True:
        tries += 1
        first = before if tries == 1 else None
        if pacer is not None:
            if not await pacer.acquire(channel, first):
                raise PostAborted(f"post to {channel} given back before the request")
        elif first is not None and not await first():
            raise PostAborted(f"post to {channel} given back before the request")
        try:
            return await client.chat_postMessage(channel=channel, **kwargs)
        except SlackApiError as exc:
            wait = rate_limited(exc)
            if wait is not None and pacer is not None:
                pacer.hold(channel, wait)
            if not retry or tries >= MAX_TRIES or (wait or 0) > MAX_HOLD:
                raise
            if wait is None and not is_transient(exc):
                if kwargs.get("thread_ts") and error_code(exc) in THREAD_GONE:
                    kwargs = {k: v for k, v in kwargs.items() if k != "thread_ts"}
                    continue  # the thread is gone: answer in the channel
                raise
            if wait is None:
                await asyncio.sleep(min(30.0, 2.0 ** (tries - 1)))
            error = error_code(exc) or f"HTTP {exc.response.status_code}"
            log.info("posting to %s failed (%s): trying again", channel, error)
        except Exception as exc:
            if not retry or tries >= MAX_TRIES or not is_transient(exc):
                raise
            log.info("posting to %s failed (%s): trying again", channel, type(exc).__name__)
            await asyncio.sleep(min(30.0, 2.0 ** (tries - 1)))


async def post_reply(
    client: AsyncWebClient,
    channel: str,
    reply: Reply,
    tags: SentTags | None = None,
    *,
    thread_ts: str | None = None,
    pacer: Pacer | None = None,
    retry: bool = False,
    before: BeforeRequest | None = None,
) -> list[str]:
    """Post ``reply`` as one or more messages (in ``thread_ts`` when given); their ts."""
    posted: list[str] = []
    for index, message in enumerate(render_slack(reply)):
        kwargs: dict[str, Any] = {**POST_OPTIONS, **message}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        first = before if index == 0 else None
        response = await _post_one(client, pacer, channel, kwargs, retry, first)
        ts = str(response.get("ts") or "")
        posted.append(ts)
        if tags is not None and ts:
            await tags.remember(channel, ts, reply.tag)
    return posted


class SlackSender:
    """``bot.delivery.Sender`` for Slack: one reply to one channel, with the outcome."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient, pacer: Pacer, tags: SentTags | None = None) -> None:
        self.client = client
        self.pacer = pacer
        self.tags = tags

    async def send(
        self, chat_id: str, reply: Reply, *, before: BeforeRequest | None = None
    ) -> SendOutcome:
        try:
            await post_reply(
                self.client, chat_id, reply, self.tags, pacer=self.pacer, before=before
            )
        except PostAborted as exc:
            return SendOutcome(False, aborted=True, error=str(exc))
        except SlackApiError as exc:
            error = error_code(exc)
            wait = rate_limited(exc)
            if wait is not None:
                return SendOutcome(False, retry_after=wait, error=error or "ratelimited")
            if is_transient(exc):
                return SendOutcome(False, transient=True, error=error or str(exc))
            return SendOutcome(False, blocked=error in GONE, error=error or str(exc))
        except Exception as exc:  # network trouble: the outbox retries later
            log.warning("slack send to %s failed: %s", chat_id, exc)
            return SendOutcome(False, transient=True, error=str(exc) or type(exc).__name__)
        return SendOutcome(True)
