"""The fake Telegram Bot API server in a process of its own, for ``bench/fanout.py``: a real
API is remote, so the benchmark should not share a GIL with it. Prints its base URL, serves
``GET /stats`` (sent, 429s, errors, duplicates, chats reached) until stdin closes."""

from __future__ import annotations

import asyncio
import sys

from aiohttp import web

from tests.fakes.telegram_api import FakeTelegram, RateLimits


async def main() -> None:
    fake = FakeTelegram(
        limits=RateLimits(overall_per_sec=30, per_chat_per_sec=1), record_messages=False
    )

    async def stats(_request: web.Request) -> web.Response:
        per_chat = fake.stats.per_chat
        return web.json_response(
            {
                "sent": fake.stats.sent,
                "rejected": fake.stats.rejected,
                "errors": fake.stats.errors,
                "duplicates": sum(n - 1 for n in per_chat.values() if n > 1),
                "chats": len(per_chat),
            }
        )

    app = web.Application()
    app.router.add_get("/stats", stats)
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
