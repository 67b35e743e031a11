"""Paced and retried sends through the real PTB bot and the real Slack Bolt app, against fakes
that enforce the platforms' limits; update / event ids remembered in the database."""

from __future__ import annotations

import asyncio
import time

from bot.adapters.common import SeenIds
from bot.adapters.telegram_pace import paced_bot
from bot.adapters.telegram_send import send_reply
from bot.richtext import Reply
from bot.schedule.pacer import new_pacer
from bot.store import Database
from bot.store import seen as seen_store
from tests.chat.test_slack_e2e import Env, env  # noqa: F401  (the fixture)
from tests.fakes.telegram_api import FakeTelegram, RateLimits
from tests.outbox_support import TOKEN


def long_reply(parts: int) -> Reply:
    """A reply that Telegram needs ``parts`` messages for (each part near the 4,096 limit)."""
    reply = Reply()
    for n in range(parts):
        reply.add(f"part {n} " + "x" * 3900)
    return reply


async def test_long_reply_is_paced_not_flooded_and_a_429_is_retried() -> None:
    fake = FakeTelegram(limits=RateLimits())
    await fake.start()
    bot = paced_bot(TOKEN, fake.base_url, None, pacer=new_pacer("telegram", TOKEN, None))
    try:
        async with bot:
            started = time.monotonic()
            sent = await send_reply(bot, 77, long_reply(11))
            elapsed = time.monotonic() - started
            group = await send_reply(bot, -500, long_reply(4))
            fake.fail_next("sendMessage", retry_after=1)  # a 429 the pacer did not foresee
            again = await send_reply(bot, 78, long_reply(1))
    finally:
        await fake.stop()
    assert len(sent) == 11 and len(group) == 4 and len(again) == 1
    assert fake.stats.per_chat[77] == 11 and fake.stats.per_chat[78] == 1
    assert fake.stats.rejected == 1  # only the injected one: the pace itself got no 429
    assert elapsed > 7.5  # a burst of 3, then one a second (the rate: bench/fanout.py)


async def test_interactive_send_outlives_a_short_outage() -> None:
    fake = FakeTelegram(limits=RateLimits())
    await fake.start()
    bot = paced_bot(TOKEN, fake.base_url, None, pacer=new_pacer("telegram", TOKEN, None))

    async def back_up() -> None:
        await asyncio.sleep(1.5)
        fake.down = False

    try:
        async with bot:
            fake.down = True
            recovery = asyncio.create_task(back_up())
            sent = await send_reply(bot, 5, long_reply(1))
            await recovery
    finally:
        await fake.stop()
    assert len(sent) == 1 and fake.stats.per_chat[5] == 1
    assert fake.stats.calls["refused"] >= 1


async def test_five_simultaneous_mentions_in_one_channel_are_all_answered(env: Env) -> None:  # noqa: F811
    events = [
        {
            "type": "app_mention",
            "channel": "C9",
            "user": f"U{n}",
            "text": f"<@UBOT> question {n}",
            "ts": f"1700000{n}.000100",
        }
        for n in range(5)
    ]
    statuses = await asyncio.gather(*(env.event(e, f"Ev{n}") for n, e in enumerate(events)))
    assert statuses == [200] * 5
    await env.fake.wait_for(lambda: len(env.fake.posted) >= 5, timeout=20)
    answered = sorted(p["thread_ts"] for p in env.fake.posted)
    assert answered == sorted(e["ts"] for e in events)
    assert env.fake.limited == 0  # paced at 1/s in the channel: no 429 at all


async def test_a_429_on_a_mention_answer_is_retried_not_lost(env: Env) -> None:  # noqa: F811
    env.fake.per_channel_per_sec = 1
    env.fake._recent["C8"] = [time.monotonic()]  # someone else just posted there
    event = {"type": "app_mention", "channel": "C8", "user": "U1", "text": "<@UBOT> hi"}
    assert await env.event({**event, "ts": "1700000.1"}, "EvA") == 200
    await env.fake.wait_for(lambda: len(env.fake.posted) >= 1, timeout=20)
    assert env.fake.posted[0]["thread_ts"] == "1700000.1"


def test_seen_ids_survive_a_restart_and_expire(any_db: Database) -> None:
    async def scenario() -> list[bool]:
        first = SeenIds(any_db, "telegram")
        answers = [await first.first_time(101), await first.first_time(101)]
        restarted = SeenIds(any_db, "telegram")  # a new process, same database
        answers += [await restarted.first_time(101), await restarted.first_time(102)]
        answers.append(await SeenIds(any_db, "slack").first_time(101))  # another platform
        return answers

    assert asyncio.run(scenario()) == [True, False, False, True, True]
    from datetime import timedelta

    from bot.store.meta import utcnow

    later = utcnow() + seen_store.KEEP + timedelta(minutes=1)
    assert seen_store.forget_older(any_db, now=later) == 3
    assert seen_store.first_time(any_db, "telegram", "101")
