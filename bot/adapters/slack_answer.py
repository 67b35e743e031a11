"""Where a Slack answer goes: in the channel or thread, only to the asker, or in place.

Every thread the bot answers in is remembered (with the answer's tag, else ``THREAD``), so
any later message in that thread is a follow-up question. Replies marked ephemeral (help,
status, errors, refusals) are shown only to the asker: through the slash command's or
button's ``response_url``, else ``chat.postEphemeral``; in a DM they are ordinary messages.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.common import SentTags
from bot.adapters.slack_send import post_reply
from bot.render.slack import render_slack
from bot.richtext import Reply
from bot.schedule.pacer import Pacer

log = logging.getLogger(__name__)
RESPOND_BACKOFF = (0.5, 1.0, 2.0)  # seconds before each new try of a failed response_url post
THREAD = "thread"  # tag of a thread the bot answered in, when the answer had no tag of its own
EPHEMERAL_OPTIONS: dict[str, Any] = {"link_names": False, "parse": "none"}


def followup_tag(tag: str | None) -> str | None:
    """The tag to hand the command core for a message in a remembered thread."""
    return None if tag == THREAD else tag


class SlackAnswers:
    """Posts the command core's replies for one Slack app."""

    def __init__(self, client: AsyncWebClient, tags: SentTags, pacer: Pacer | None = None) -> None:
        self.client = client
        self.tags = tags
        self.pacer = pacer  # the token's pacer: answers are paced and retried like digests

    async def post(self, channel: str, reply: Reply, *, thread_ts: str | None = None) -> None:
        """A public answer; its thread is remembered for follow-ups."""
        posted = await post_reply(
            self.client,
            channel,
            reply,
            self.tags,
            thread_ts=thread_ts,
            pacer=self.pacer,
            retry=True,
        )
        root = thread_ts or (posted[0] if posted else None)
        if root:
            await self.tags.remember(channel, root, reply.tag or THREAD)

    async def ephemeral(
        self, channel: str, user: str, reply: Reply, *, thread_ts: str | None = None
    ) -> None:
        """Only ``user`` sees ``reply`` (chat.postEphemeral)."""
        for message in render_slack(reply):
            kwargs: dict[str, Any] = {**EPHEMERAL_OPTIONS, **message}
            if thread_ts:
                kwargs["thread_ts"] = thread_ts
            await self.client.chat_postEphemeral(channel=channel, user=user, **kwargs)

    async def to_event(
        self, event: dict[str, Any], reply: Reply, *, private: bool, thread_ts: str | None
    ) -> None:
        """Answer a mention, DM or thread message. An answer that cannot be shown the way it
        should is shown the other way, as slash commands fall back to response_url: a public
        answer the bot may not post is shown to the asker only; a notice the asker cannot be
        shown privately is posted in the thread."""
        channel = str(event.get("channel", ""))
        asker = "" if private else str(event.get("user") or "")
        ways = ["ephemeral", "public"] if reply.ephemeral and asker else ["public"]
        if asker and not reply.ephemeral:
            ways.append("ephemeral")
        for way in ways:
            try:  # public posts are paced and retried (429, transport errors) in post_reply
                if way == "ephemeral":
                    await self.ephemeral(channel, asker, reply, thread_ts=thread_ts)
                else:
                    await self.post(channel, reply, thread_ts=thread_ts)
                return
            except Exception as exc:
                log.warning("%s answer in %s could not be posted: %s", way, channel, exc)

    async def to_command(self, channel: str, reply: Reply, respond: Any) -> None:
        """Answer a slash command: ephemeral through response_url, else in the channel (or
        through response_url when the bot may not post there, e.g. not_in_channel)."""
        if reply.ephemeral:
            await self.respond(respond, reply, response_type="ephemeral")
            return
        try:
            await self.post(channel, reply)
        except SlackApiError as exc:
            log.info("posting to %s failed (%s): using response_url", channel, exc)
            await self.respond(respond, reply, response_type="in_channel")

    async def to_action(
        self, channel: str, reply: Reply, respond: Any, *, thread_ts: str | None, single: bool
    ) -> None:
        """Answer a button press: notices to the presser, a one-message page in place of the
        message that had the button, anything longer as new messages in its thread."""
        if reply.ephemeral:
            await self.respond(respond, reply, response_type="ephemeral", replace_original=False)
        elif single and len(render_slack(reply)) == 1:
            await self.respond(respond, reply, replace_original=True)
        else:
            await self.post(channel, reply, thread_ts=thread_ts)

    @staticmethod
    async def respond(respond: Any, reply: Reply, **options: Any) -> None:
        """Post through response_url; a 429, a 5xx or a broken connection is tried again after
        ``RESPOND_BACKOFF`` seconds each (a failed interactive send is retried, not lost)."""
        for message in render_slack(reply):
            for wait in (*RESPOND_BACKOFF, None):
                try:
                    answer = await respond(
                        text=message["text"],
                        blocks=message["blocks"],
                        unfurl_links=False,
                        unfurl_media=False,
                        **options,
                    )
                    status = int(getattr(answer, "status_code", 200))
                except Exception as exc:
                    if not _transport_error(exc):
                        raise
                    status, failure = 0, type(exc).__name__
                else:
                    failure = f"HTTP {status}"
                if status and status != 429 and status < 500:
                    break
                if wait is None:
                    log.warning("response_url post failed for good (%s)", failure)
                    break
                await asyncio.sleep(wait)


def _transport_error(exc: Exception) -> bool:
    """A refused or broken connection or a timeout (the SDK's HTTP library raises its own
    types, which this adapter does not import)."""
    return isinstance(exc, (OSError, TimeoutError)) or type(exc).__module__.startswith("aiohttp")
