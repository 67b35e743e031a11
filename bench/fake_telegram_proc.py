"""The fake Telegram Bot API server in a process of its own, for ``bench/fanout.py``: a real
API is remote, so the benchmark should not share a GIL with it. Prints its base URL, serves
``GET /stats`` (sent, 429s, errors, duplicates, chats reached, first and last accepted send on
its clock) and ``POST /down`` / ``POST /up`` (an outage: every Bot API call answered 502)
until stdin closes. Limits: Telegram's (30/s overall, 1/s per chat after a burst of 3)."""

from __future__ import annotations

import asyncio
import itertools
import sys
import time
from typing import Any, ClassVar

from aiohttp import web

from tests.fakes.telegram_api import FakeTelegram, RateLimits


class TimedTelegram(FakeTelegram):
    """Also notes when the first and the last message were accepted."""

    first = 0.0
    last = 0.0

    rejections: ClassVar[list[str]] = []

    def _too_many(self, retry_after: float) -> web.Response:
        accepted = list(self._all)
        gaps = sorted(b - a for a, b in itertools.pairwise(accepted))
        self.rejections.append(
            f"{len(accepted)} in {accepted[-1] - accepted[0]:.3f} s, smallest gaps ms "
            + ",".join(f"{1000 * g:.0f}" for g in gaps[:4])
            if accepted
            else "per-chat"
        )
        return super()._too_many(retry_after)

    async def _m_sendmessage(self, params: dict[str, Any]) -> web.Response:
        response = await super()._m_sendmessage(params)
        if response.status == 200:
            self.last = time.monotonic()
            self.first = self.first or self.last
        return response


async def main() -> None:
    fake = TimedTelegram(limits=RateLimits(), record_messages=False)

    async def stats(_request: web.Request) -> web.Response:
        per_chat = fake.stats.per_chat
        return web.json_response(
            {
                "sent": fake.stats.sent,
                "rejected": fake.stats.rejected,
                "errors": fake.stats.errors,
                "refused": fake.stats.calls["refused"],
                "duplicates": sum(n - 1 for n in per_chat.values() if n > 1),
                "chats": len(per_chat),
                "span": fake.last - fake.first,
                "rejections": fake.rejections[-10:],
            }
        )

    async def switch(request: web.Request) -> web.Response:
        fake.down = request.match_info["state"] == "down"
        return web.json_response({"down": fake.down})

    app = web.Application()
    app.router.add_get("/stats", stats)
    app.router.add_post("/{state:down|up}", switch)
    app.router.add_post("/bot{token}/{method}", fake._dispatch)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    fake.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(fake.base_url, flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
