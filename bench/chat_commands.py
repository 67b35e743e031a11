"""Every command of the README, sent to the real ``python -m bot run telegram`` and
``python -m bot run slack`` processes through the local fakes (flood limits enforced).

    python bench/chat_commands.py [--corpus ../shared/corpus] [--platform telegram|slack|both]

The articles of the corpus are ingested first (``python -m bot ingest``, offline engine) into
a temporary data directory. Then each command is sent as a user would (one at a time, at
most one a second in one chat), and the script waits for the bot's answer: a new message, an
edited message, an answer to the button press, an ephemeral message or a response_url post.
Slack also gets 5 simultaneous mentions in one channel. Prints one line per command
(answered or not, seconds, size) and totals: answered, 429s, refused messages.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fakes.slack_api import FakeSlack, section_texts  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram, RateLimits  # noqa: E402

ADMIN_TG, ADMIN_SLACK = 7, "UADMIN"
PACE = 1.1  # seconds between two commands in one chat (Telegram: 1 message/s per chat)
TIMEOUT = 60.0

# (chat, text, user): the README table, in a private chat and a group / a channel
TELEGRAM_SCRIPT: list[tuple[int, str, int]] = [
    (1, "/start", 1),
    (1, "/help", 1),
    (1, "/brief", 1),
    (1, "/brief en", 1),
    (1, "/positions", 1),
    (1, "<button:first party>", 1),
    (1, "/positions russie", 1),
    (1, "/positions RU", 1),
    (1, "/positions narnia", 1),
    (1, "/ask Que demande l'Ukraine ?", 1),
    (1, "Que dit la Russie des négociations ?", 1),
    (1, "/subscribe 07:30 Europe/Paris", 1),
    (1, "/subscribe demain", 1),
    (1, "/unsubscribe", 1),
    (1, "/sources", 1),
    (1, "/addsource https://example.org/feed.xml", 1),
    (ADMIN_TG, "/addsource https://example.org/feed.xml", ADMIN_TG),
    (ADMIN_TG, "/removesource 1", ADMIN_TG),
    (1, "/status", 1),
    (1, "/lang en", 1),
    (1, "/positions russia", 1),
    (-100, "/help@BriefTestBot", 5),
    (-100, "@BriefTestBot what does Ukraine demand?", 5),
]
SLACK_SCRIPT: list[tuple[str, str, str]] = [
    ("C1", "/help", "U1"),
    ("C1", "/briefbot", "U1"),
    ("C1", "/brief", "U1"),
    ("C1", "/brief en", "U1"),
    ("C1", "/positions", "U1"),
    ("C1", "<button:first party>", "U1"),
    ("C1", "/positions russie", "U1"),
    ("C1", "/positions narnia", "U1"),
    ("C1", "/ask Que demande l'Ukraine ?", "U1"),
    ("C1", "<mention>Que dit la Russie des négociations ?", "U1"),
    ("C1", "<thread>et l'Ukraine ?", "U2"),
    ("D1", "<dm>Que demande l'Ukraine ?", "U3"),
    ("C1", "/subscribe 07:30 Europe/Paris", "U1"),
    ("C1", "/subscribe demain", "U1"),
    ("C1", "/unsubscribe", "U1"),
    ("C1", "/sources", "U1"),
    ("C1", "/addsource https://example.org/feed.xml", "U1"),
    ("C1", "/addsource https://example.org/feed.xml", ADMIN_SLACK),
    ("C1", "/removesource 1", ADMIN_SLACK),
    ("C1", "/status", "U1"),
    ("C1", "/lang en", "U1"),
    ("C1", "/briefbot positions russia", "U1"),
]


def base_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "SLACK_"))}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    env.update(
        PYTHONPATH=str(ROOT),
        BRIEFBOT_DATA_DIR=str(data_dir),
        BRIEFBOT_ENGINE="offline",
        BRIEFBOT_TELEGRAM_ADMINS=json.dumps([str(ADMIN_TG)]),
        BRIEFBOT_SLACK_ADMINS=json.dumps([ADMIN_SLACK]),
        BRIEFBOT_FEED_POLL_MINUTES="100000",
    )
    return env


async def ingest(corpus: Path, data_dir: Path) -> None:
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "ingest", *files, env=base_env(data_dir), cwd=ROOT
    )
    if await proc.wait() != 0:
        raise SystemExit("ingest failed")


async def wait(check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + TIMEOUT
    while not check():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


class Results:
    def __init__(self, platform: str) -> None:
        self.platform = platform
        self.rows: list[tuple[str, bool, float, int]] = []

    def add(self, label: str, ok: bool, seconds: float, texts: list[str]) -> None:
        size = sum(len(t) for t in texts)
        self.rows.append((label, ok, seconds, size))
        mark = "ok " if ok else "NO "
        first = " ".join(texts[0].split())[:60] if texts else ""
        print(
            f"  {mark} {seconds:6.2f}s {len(texts):2d} msg {size:5d} ch  {label[:42]:42s} | {first}",
            flush=True,
        )

    def summary(self) -> str:
        answered = sum(1 for r in self.rows if r[1])
        slowest = max((r[2] for r in self.rows), default=0.0)
        return f"{self.platform}: {answered}/{len(self.rows)} answered, slowest {slowest:.2f}s"


async def start_bot(platform: str, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    with log.open("wb") as err:
        return await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", platform, env=env, cwd=ROOT,
            stdout=asyncio.subprocess.DEVNULL, stderr=err,
        )  # fmt: skip


async def stop_bot(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), 20)
        except TimeoutError:
            proc.kill()


def tg_events(fake: FakeTelegram) -> int:
    return len(fake.sent) + len(fake.edited) + len(fake.callback_answers)


def tg_marks(fake: FakeTelegram) -> tuple[int, int, int]:
    return len(fake.sent), len(fake.edited), len(fake.callback_answers)


def tg_new_texts(fake: FakeTelegram, marks: tuple[int, int, int]) -> list[str]:
    sent, edited, answers = marks
    texts = [m["text"] for m in fake.sent[sent:]] + [m["text"] for m in fake.edited[edited:]]
    alerts = [str(a["text"]) for a in fake.callback_answers[answers:] if a.get("text")]
    return texts + alerts


async def run_telegram(data_dir: Path, log_dir: Path) -> tuple[Results, dict[str, int]]:
    fake = FakeTelegram(limits=RateLimits())  # 30/s overall, 1/s per chat, 20/min per group
    base_url = await fake.start()
    env = {**base_env(data_dir), "TELEGRAM_BOT_TOKEN": fake.token}
    env["BRIEFBOT_TELEGRAM_BASE_URL"] = base_url
    proc = await start_bot("telegram", env, log_dir / "telegram.log")
    results = Results("telegram")
    try:
        if not await wait(lambda: "" in fake.commands and bool(fake.stats.calls["getUpdates"])):
            raise SystemExit("the telegram bot did not start: see " + str(log_dir))
        last: dict[int, float] = {}
        for chat, text, user in TELEGRAM_SCRIPT:
            await asyncio.sleep(max(0.0, last.get(chat, 0) + PACE - time.monotonic()))
            before, marks, start = tg_events(fake), tg_marks(fake), time.monotonic()
            if text.startswith("<button:"):
                chooser = [m for m in fake.messages_to(chat) if m.get("reply_markup")][-1]
                rows = chooser["reply_markup"]["inline_keyboard"]
                data = rows[0][0]["callback_data"]
                message = {k: v for k, v in chooser.items() if k != "params"}
                fake.push_callback(message, data, user_id=user)
                text = f"[button {data}]"
            else:
                fake.push_text(chat, text, user_id=user)
            ok = await wait(lambda b=before: tg_events(fake) > b)
            await asyncio.sleep(0.3)  # a reply of several messages: let them arrive
            texts = tg_new_texts(fake, marks)
            last[chat] = time.monotonic()
            results.add(text, ok, last[chat] - start - 0.3 * ok, texts)
    finally:
        await stop_bot(proc)
        await fake.stop()
    stats = {"429": fake.stats.rejected, "refused (400/403)": fake.stats.errors}
    return results, stats


def slack_events(fake: FakeSlack) -> int:
    return len(fake.posted) + len(fake.ephemeral) + len(fake.responses) + len(fake.rejected)


def slack_marks(fake: FakeSlack) -> tuple[int, int, int]:
    return len(fake.posted), len(fake.ephemeral), len(fake.responses)


def slack_new_texts(fake: FakeSlack, marks: tuple[int, int, int]) -> list[str]:
    """Each new message's text, marked (ephemeral) when only the asker sees it."""
    posted, ephemeral, responses = marks
    out = ["\n".join(section_texts(b)) for b in fake.posted[posted:]]
    out += ["(ephemeral) " + "\n".join(section_texts(b)) for b in fake.ephemeral[ephemeral:]]
    for body in fake.responses[responses:]:
        kind = body.get("response_type") or ("replaced" if body.get("replace_original") else "")
        out.append(f"({kind}) " + "\n".join(section_texts(body)))
    return out


async def run_slack(data_dir: Path, log_dir: Path) -> tuple[Results, dict[str, int]]:
    fake = FakeSlack(per_channel_per_sec=1.0)
    await fake.start()
    env = {**base_env(data_dir), "SLACK_BOT_TOKEN": fake.token, "SLACK_APP_TOKEN": fake.app_token}
    env["BRIEFBOT_SLACK_API_URL"] = fake.api_url
    proc = await start_bot("slack", env, log_dir / "slack.log")
    results = Results("slack")
    counter = iter(range(1, 10_000))
    try:
        await asyncio.wait_for(fake._ws_ready.wait(), TIMEOUT)
        thread_root = ""
        for channel, text, user in SLACK_SCRIPT:
            n = next(counter)
            before, marks, start = slack_events(fake), slack_marks(fake), time.monotonic()
            if text.startswith("<button:"):
                chooser = next(p for p in reversed(fake.posted) if '"actions"' in json.dumps(p))
                blocks = chooser["blocks"]
                blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
                button = next(b for b in blocks if b["type"] == "actions")["elements"][0]
                payload = {
                    "type": "block_actions",
                    "user": {"id": user},
                    "team": {"id": "T1"},
                    "channel": {"id": channel},
                    "container": {"type": "message", "message_ts": chooser["ts"]},
                    "actions": [{**button, "block_id": "b", "action_ts": "1"}],
                    "response_url": fake.response_url(n),
                    "trigger_id": "t",
                }
                await fake.socket_send(
                    {"envelope_id": f"e{n}", "type": "interactive", "payload": payload}
                )
                text = f"[button {button['value']}]"
            elif text.startswith(("<mention>", "<thread>", "<dm>")):
                kind, _, question = text[1:].partition(">")
                ts = f"{5000 + n}.1"
                event: dict[str, Any] = {"user": user, "channel": channel, "ts": ts}
                if kind == "mention":
                    event |= {"type": "app_mention", "text": f"<@UBOT> {question}"}
                    thread_root = ts
                elif kind == "thread":
                    event |= {"type": "message", "channel_type": "channel", "text": question}
                    event["thread_ts"] = thread_root
                else:
                    event |= {"type": "message", "channel_type": "im", "text": question}
                await fake.socket_send(
                    {
                        "envelope_id": f"e{n}",
                        "type": "events_api",
                        "payload": {
                            "type": "event_callback",
                            "team_id": "T1",
                            "event_id": f"Ev{n}",
                            "event": event,
                            "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
                        },
                    }
                )  # fmt: skip
            else:
                command, _, arg = text.partition(" ")
                payload = {
                    "command": command,
                    "text": arg,
                    "channel_id": channel,
                    "user_id": user,
                    "team_id": "T1",
                    "response_url": fake.response_url(n),
                }
                await fake.socket_send(
                    {"envelope_id": f"e{n}", "type": "slash_commands", "payload": payload}
                )
            ok = await wait(lambda b=before: slack_events(fake) > b)
            await asyncio.sleep(1.1)  # several messages, and Slack's 1/s per channel
            texts = slack_new_texts(fake, marks)
            results.add(text, ok, time.monotonic() - start - 1.1 * ok, texts)
        # 5 simultaneous mentions in one channel
        before_posted, start = len(fake.posted), time.monotonic()
        for i in range(5):
            ts = f"9000.{i}"
            await fake.socket_send(
                {
                    "envelope_id": f"m{i}",
                    "type": "events_api",
                    "payload": {
                        "type": "event_callback",
                        "team_id": "T1",
                        "event_id": f"EvM{i}",
                        "event": {"type": "app_mention", "user": f"U{i}", "channel": "C5",
                                  "ts": ts, "text": f"<@UBOT> que demande l'Ukraine ({i}) ?"},
                        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
                    },
                }
            )  # fmt: skip
        answered = lambda: len({p.get("thread_ts") for p in fake.posted[before_posted:]})  # noqa: E731
        ok = await wait(lambda: answered() >= 5)
        results.add(f"5 simultaneous mentions in C5: {answered()}/5 answered", ok,
                    time.monotonic() - start, [])  # fmt: skip
    finally:
        await stop_bot(proc)
        await fake.stop()
    stats = {"429 (ratelimited)": fake.limited, "refused messages": len(fake.rejected)}
    return results, stats


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--platform", choices=["telegram", "slack", "both"], default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefbot-chat-bench-") as tmp:
        data_dir, log_dir = Path(tmp) / "data", Path(tmp)
        t0 = time.monotonic()
        await ingest(args.corpus, data_dir)
        print(f"ingested {args.corpus} in {time.monotonic() - t0:.1f}s", flush=True)
        summaries = []
        if args.platform in ("telegram", "both"):
            print("telegram (python -m bot run telegram):", flush=True)
            results, stats = await run_telegram(data_dir, log_dir)
            summaries.append(f"{results.summary()}; {stats}")
        if args.platform in ("slack", "both"):
            print("slack (python -m bot run slack, Socket Mode):", flush=True)
            results, stats = await run_slack(data_dir, log_dir)
            summaries.append(f"{results.summary()}; {stats}")
        for line in summaries:
            print(line)
        for log in sorted(log_dir.glob("*.log")):
            lines = log.read_text(errors="replace").splitlines()
            starts = [i for i, x in enumerate(lines) if x.startswith("Traceback")]
            ends = set()
            for i in starts:  # the exception line: the first unindented line after the frames
                j = next((k for k in range(i + 1, len(lines)) if not lines[k].startswith(" ")), i)
                ends.add(lines[j][:160])
            print(f"{log.name}: {len(starts)} tracebacks {sorted(ends)}")


if __name__ == "__main__":
    asyncio.run(main())
