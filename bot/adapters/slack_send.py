"""Sending Replies to Slack: Block Kit messages (no unfurling, no mention parsing), SlackSender."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.common import SentTags
from bot.delivery import SendOutcome
from bot.render.slack import render_slack
from bot.richtext import Reply

log = logging.getLogger(__name__)
GONE = {
    "channel_not_found",
    "is_archived",
    "not_in_channel",
    "account_inactive",
    "user_disabled",
    "team_access_not_granted",
}
POST_OPTIONS: dict[str, Any] = {
    "unfurl_links": False,
    "unfurl_media": False,
    "link_names": False,
    "parse": "none",
    "mrkdwn": True,
}


async def post_reply(
    client: AsyncWebClient,
    channel: str,
    reply: Reply,
    tags: SentTags | None = None,
    *,
    thread_ts: str | None = None,
) -> list[str]:
    """Post ``reply`` as one or more messages (in ``thread_ts`` when given); their ts."""
    posted: list[str] = []
    for message in render_slack(reply):
        kwargs: dict[str, Any] = {**POST_OPTIONS, **message}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        response = await client.chat_postMessage(channel=channel, **kwargs)
        ts = str(response.get("ts") or "")
        posted.append(ts)
        if tags is not None and ts:
            await tags.remember(channel, ts, reply.tag)
    return posted


class SlackSender:
    """``bot.delivery.Sender`` for Slack: one reply to one channel, with the outcome."""

    platform = "slack"

    def __init__(self, client: AsyncWebClient, tags: SentTags | None = None) -> None:
        self.client = client
        self.tags = tags

    async def send(self, chat_id: str, reply: Reply) -> SendOutcome:
        try:
            await post_reply(self.client, chat_id, reply, self.tags)
        except SlackApiError as exc:
            error = str(exc.response.get("error") or "")
            if exc.response.status_code == 429 or error == "ratelimited":
                wait = float(exc.response.headers.get("Retry-After", 1) or 1)
                return SendOutcome(False, retry_after=wait, error=error or "ratelimited")
            return SendOutcome(False, blocked=error in GONE, error=error or str(exc))
        except Exception as exc:  # network trouble: the outbox retries later
            log.warning("slack send to %s failed: %s", chat_id, exc)
            return SendOutcome(False, error=str(exc) or type(exc).__name__)
        return SendOutcome(True)
