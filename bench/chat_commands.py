"""Every command of the README, sent to the real ``python -m bot run telegram`` and
``python -m bot run slack`` processes through the local fakes (flood limits enforced).

    python bench/chat_commands.py [--corpus ../shared/corpus] [--platform telegram|slack|both]
                                  [--transcript FILE]

The articles of the corpus are ingested first (``python -m bot ingest``, offline engine) into
a temporary data directory. Then each command is sent as a user would (one at a time, at
most one a second in one chat), and the script waits for the bot's answer: a new message, an
edited message, an answer to the button press, an ephemeral message or a response_url post.
Each step says what a user expects of its answer (language, where it is shown: in the
thread, only to the asker, in place of the chooser; its wording) and whether it was so. The
party chooser of ``/positions`` is then walked through: every party, every page, and back.
Several commands then arrive at once: 5 group members on Telegram, one user pasting 6
commands in a private chat, 5 mentions in one Slack channel. Prints one line per step (answered or
not, seconds, messages, size, where it was shown, the expectation and its verdict) and totals:
answered, expectations met, 429s, refused messages. ``--transcript`` writes every answer in
full, as the user saw it.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.commands import registry  # noqa: E402
from tests.fakes.slack_api import FakeSlack, section_texts  # noqa: E402
from tests.fakes.telegram_api import FakeTelegram, RateLimits, check_html  # noqa: E402

ADMIN_TG, ADMIN_SLACK = 7, "UADMIN"
PACE = 1.1  # seconds between two commands in one chat (Telegram: 1 message/s per chat)
TIMEOUT = 60.0
SETTLE = 1.1  # after the first answer: let the other messages of a long reply arrive


@dataclass
class Answer:
    """One thing the bot showed: where (as the user sees it), its text, its buttons."""

    where: str
    text: str
    buttons: list[tuple[str, str]] = field(default_factory=list)  # (label, data)


Check = Callable[[list[Answer], dict[str, str]], bool]


@dataclass
class Step:
    chat: Any
    text: str
    user: Any
    expect: str = ""  # what a user expects of the answer
    check: Check | None = None  # whether the answers meet it (context: the asked event's ts)


def body(answers: list[Answer]) -> str:
    return "\n".join(a.text for a in answers)


def where(*places: str) -> Check:
    return lambda answers, ctx: bool(answers) and all(a.where in places for a in answers)


def both(*checks: Check) -> Check:
    return lambda answers, ctx: all(check(answers, ctx) for check in checks)


def has(*words: str, absent: tuple[str, ...] = ()) -> Check:
    def check(answers: list[Answer], ctx: dict[str, str]) -> bool:
        text = body(answers)
        return all(w in text for w in words) and not any(w in text for w in absent)

    return check


def shorter(chars: int) -> Check:
    return lambda answers, ctx: 0 < len(body(answers)) <= chars


def in_thread(answers: list[Answer], ctx: dict[str, str]) -> bool:
    return bool(answers) and all(a.where == f"thread {ctx['thread']}" for a in answers)


def help_lists(platform: str, lang: str, admin: bool = False) -> Check:
    """Every command of the registry for this platform (admin ones only for admins)."""
    names = [
        c.usage(lang)  # type: ignore[arg-type]
        for c in registry.commands()
        if c.available_on(platform) and (admin or not c.admin)
    ]
    hidden = [f"/{c.name}" for c in registry.commands() if c.admin and not admin]
    return has(*names, absent=tuple(hidden))


FRENCH_BRIEF, ENGLISH_BRIEF = "Briefing du ", "Briefing, "
TG_HELP_FR = help_lists("telegram", "fr")
SLACK_HELP_FR = both(
    help_lists("slack", "fr"),
    has("/briefbot brief en", "fil", "canal", absent=("groupe", "répondez à l'un de mes")),
)
READABLE_STATUS = has("règles hors ligne", absent=("offline:", "moteur v"))
SHORT_HINT = both(shorter(300), has("/positions"))
BAD_TIME = has("Heure invalide", "demain", absent=("Fuseau horaire inconnu",))
REFUSED = has("administrateurs", "/addsource")
CHOOSER = lambda answers, ctx: len(answers) == 1 and len(answers[0].buttons) >= 2  # noqa: E731
ENGLISH_POSITIONS = has("Russia (RU)", "Vladimir Putin (Russian president)", "(in French)")

# fmt: off
TELEGRAM_SCRIPT = [
    Step(1, "/start", 1, "help: every command, in French", TG_HELP_FR),
    Step(1, "/help", 1, "help: every command, in French", TG_HELP_FR),
    Step(1, "/brief", 1, "the briefing, in French", has(FRENCH_BRIEF)),
    Step(1, "/brief en", 1, "the same briefing again, in English", has(ENGLISH_BRIEF)),
    Step(2, "/brief en", 2, "French chat, first /brief en: in English", has(ENGLISH_BRIEF)),
    Step(1, "/positions", 1, "a party chooser (buttons)", CHOOSER),
    Step(1, "<button:first party>", 1, "the chooser becomes the party's page", where("edit")),
    Step(1, "/positions russie", 1, "Russia's first page", has("Russie (RU)")),
    Step(1, "/positions RU", 1, "Russia's first page", has("Russie (RU)")),
    Step(1, "/positions narnia", 1, "a short hint", SHORT_HINT),
    Step(1, "/ask Que demande l'Ukraine ?", 1, "an answer with sources", has("Ukraine")),
    Step(1, "Que dit la Russie des négociations ?", 1, "a private question answered", has("Russie")),
    Step(1, "/subscribe 07:30 Europe/Paris", 1, "subscribed at 07:30", has("07:30")),
    Step(1, "/subscribe demain", 1, "the time is wrong (not the time zone)", BAD_TIME),
    Step(1, "/unsubscribe", 1, "unsubscribed", has("arrêté")),
    Step(1, "/sources", 1, "the sources", shorter(4096)),
    Step(1, "/addsource https://example.org/feed.xml", 1, "refused: admins only", REFUSED),
    Step(ADMIN_TG, "/addsource https://example.org/feed.xml", ADMIN_TG, "an admin: checked"),
    Step(ADMIN_TG, "/removesource 1", ADMIN_TG, "an admin: checked"),
    Step(1, "/status", 1, "status, the engine in words", READABLE_STATUS),
    Step(1, "/lang en", 1, "now in English", has("English")),
    Step(1, "/positions russia", 1, "English; French claims marked", ENGLISH_POSITIONS),
    Step(-100, "/help@BriefTestBot", 5, "help in reply, how to ask in a group",
         both(where("reply"), TG_HELP_FR, has("mentionnez-moi"))),
    Step(-100, "@BriefTestBot what does Ukraine demand?", 5, "answered in reply", where("reply")),
]
SLACK_SCRIPT = [
    Step("C1", "/help", "U1", "ephemeral help in Slack's words",
         both(where("ephemeral"), SLACK_HELP_FR)),
    Step("C1", "/briefbot", "U1", "ephemeral help in Slack's words",
         both(where("ephemeral"), SLACK_HELP_FR)),
    Step("C1", "/brief", "U1", "the briefing in the channel, in French",
         both(where("channel"), has(FRENCH_BRIEF))),
    Step("C1", "/brief en", "U1", "the same briefing again, in English",
         both(where("channel"), has(ENGLISH_BRIEF))),
    Step("C2", "/brief en", "U1", "French channel, first /brief en: in English",
         has(ENGLISH_BRIEF)),
    Step("C1", "/positions", "U1", "a party chooser (buttons)", CHOOSER),
    Step("C1", "<button:first party>", "U1", "the chooser becomes the party's page",
         where("replaced")),
    Step("C1", "/positions russie", "U1", "Russia's first page", has("Russie (RU)")),
    Step("C1", "/positions narnia", "U1", "an ephemeral short hint",
         both(where("ephemeral"), SHORT_HINT)),
    Step("C1", "/ask Que demande l'Ukraine ?", "U1", "an answer in the channel",
         both(where("channel"), has("Ukraine"))),
    Step("C1", "<mention>Que dit la Russie des négociations ?", "U1",
         "answered in the mention's thread", in_thread),
    Step("C1", "<thread>et l'Ukraine ?", "U2", "a follow-up in that thread", in_thread),
    Step("C1", "<mention>/positions narnia", "U1", "an error: ephemeral, in the thread",
         both(lambda a, ctx: all(x.where == f"ephemeral thread {ctx['thread']}" for x in a),
              SHORT_HINT)),
    Step("D1", "<dm>Que demande l'Ukraine ?", "U3", "answered in the DM", where("channel")),
    Step("D1", "<dmthread>et la Russie ?", "U3", "a follow-up in the DM answer's thread",
         in_thread),
    Step("C1", "/subscribe 07:30 Europe/Paris", "U1", "subscribed at 07:30", has("07:30")),
    Step("C1", "/subscribe demain", "U1", "ephemeral: the time is wrong",
         both(where("ephemeral"), BAD_TIME)),
    Step("C1", "/unsubscribe", "U1", "unsubscribed", has("arrêté")),
    Step("C1", "/sources", "U1", "the sources", shorter(3000)),
    Step("C1", "/addsource https://example.org/feed.xml", "U1", "ephemeral refusal",
         both(where("ephemeral"), REFUSED)),
    Step("C1", "/addsource https://example.org/feed.xml", ADMIN_SLACK, "an admin: checked"),
    Step("C1", "/removesource 1", ADMIN_SLACK, "an admin: checked"),
    Step("C1", "/status", "U1", "ephemeral status, the engine in words",
         both(where("ephemeral"), READABLE_STATUS)),
    Step("C1", "/lang en", "U1", "now in English", has("English")),
    Step("C1", "/briefbot positions russia", "U1", "English; French claims marked",
         ENGLISH_POSITIONS),
]
# fmt: on


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
    def __init__(self, platform: str, transcript: list[str]) -> None:
        self.platform = platform
        self.transcript = transcript
        self.rows: list[tuple[str, bool, float, bool | None]] = []

    def add(
        self,
        label: str,
        ok: bool,
        seconds: float,
        answers: list[Answer],
        expect: str = "",
        met: bool | None = None,
    ) -> None:
        size = sum(len(a.text) for a in answers)
        self.rows.append((label, ok, seconds, met))
        mark = "ok " if ok else "NO "
        places = ",".join(sorted({a.where.split(" ")[0] for a in answers})) or "-"
        verdict = {None: "", True: "yes", False: "NO "}[met]
        print(
            f"  {mark} {seconds:6.2f}s {len(answers):2d} msg {size:5d} ch {places:17s} "
            f"{label[:38]:38s} | {verdict:3s} {expect}",
            flush=True,
        )
        self.transcript.append(
            f"=== {self.platform}: {label}  [expect: {expect or '-'}: {verdict or '-'}]"
        )
        for a in answers:
            buttons = " ".join(f"[{label}]" for label, _ in a.buttons)
            self.transcript.append(f"--- ({a.where}) {buttons}\n{a.text}")

    def summary(self) -> str:
        answered = sum(1 for r in self.rows if r[1])
        checked = [r for r in self.rows if r[3] is not None]
        met = sum(1 for r in checked if r[3])
        slowest = max((r[2] for r in self.rows), default=0.0)
        return (
            f"{self.platform}: {answered}/{len(self.rows)} answered, "
            f"{met}/{len(checked)} as expected, slowest {slowest:.2f}s"
        )


async def start_bot(platform: str, env: dict[str, str], log: Path) -> asyncio.subprocess.Process:
    with log.open("wb") as err:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            platform,
            env=env,
            cwd=ROOT,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=err,
        )


async def stop_bot(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), 20)
        except TimeoutError:
            proc.kill()


# Telegram -----------------------------------------------------------------------------------
def tg_marks(fake: FakeTelegram) -> tuple[int, int, int]:
    return len(fake.sent), len(fake.edited), len(fake.callback_answers)


def tg_shown(fake: FakeTelegram) -> tuple[int, int, int]:
    """What the user can see: messages, edits, alerts (not the silent answer to a press)."""
    alerts = sum(1 for a in fake.callback_answers if a.get("text"))
    return len(fake.sent), len(fake.edited), alerts


def tg_visible(html: str) -> str:
    """The text as Telegram shows it (tags applied, entities decoded)."""
    return check_html(html)[1]


def tg_buttons(params: dict[str, Any]) -> list[tuple[str, str]]:
    rows = (params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [(b["text"], b["callback_data"]) for row in rows for b in row]


def tg_answers(fake: FakeTelegram, marks: tuple[int, int, int]) -> list[Answer]:
    sent, edited, answers = marks
    out = [
        Answer(
            "reply" if m["params"].get("reply_parameters") else "message",
            tg_visible(m["text"]),
            tg_buttons(m["params"]),
        )
        for m in fake.sent[sent:]
    ]
    out += [
        Answer("edit", tg_visible(m["text"]), tg_buttons(m["params"])) for m in fake.edited[edited:]
    ]
    out += [
        Answer("alert", str(a["text"])) for a in fake.callback_answers[answers:] if a.get("text")
    ]
    return out


class TelegramUser:
    """Sends as a user of the fake Bot API and collects what the bot shows after each step."""

    def __init__(self, fake: FakeTelegram, results: Results) -> None:
        self.fake = fake
        self.results = results
        self.last: dict[int, float] = {}

    async def act(
        self, chat: int, user: int, send: Callable[[], str]
    ) -> tuple[bool, float, list[Answer], str]:
        fake = self.fake
        await asyncio.sleep(max(0.0, self.last.get(chat, 0) + PACE - time.monotonic()))
        marks, shown, start = tg_marks(fake), tg_shown(fake), time.monotonic()
        label = send()
        ok = await wait(lambda: tg_shown(fake) != shown)
        await asyncio.sleep(SETTLE * ok)
        self.last[chat] = time.monotonic()
        return ok, self.last[chat] - start - SETTLE * ok, tg_answers(fake, marks), label

    def press(self, message: dict[str, Any], data: str, user: int) -> str:
        message = {k: v for k, v in message.items() if k != "params"}
        self.fake.push_callback(message, data, user_id=user)
        return f"[button {data}]"

    async def step(self, step: Step) -> None:
        fake = self.fake
        if step.text.startswith("<button:"):
            chooser = [m for m in fake.messages_to(step.chat) if m.get("reply_markup")][-1]
            data = tg_buttons(chooser["params"])[0][1]
            send = lambda: self.press(chooser, data, step.user)  # noqa: E731
        else:
            send = lambda: (fake.push_text(step.chat, step.text, user_id=step.user), step.text)[1]  # noqa: E731
        ok, seconds, answers, label = await self.act(step.chat, step.user, send)
        met = step.check(answers, {}) if step.check and ok else (False if step.check else None)
        self.results.add(label, ok, seconds, answers, step.expect, met)

    async def walk_parties(self, chat: int, user: int) -> None:
        """Every party of the chooser, every page, back to the chooser: all in one message."""
        fake = self.fake
        chooser = [m for m in fake.messages_to(chat) if m.get("reply_markup")][-1]
        sent_before = len(fake.sent)
        ok, seconds, answers, _ = await self.act(
            chat, user, lambda: self.press(chooser, "pos:*", user)
        )
        parties = [data for _, data in answers[-1].buttons] if answers else []
        pages = presses = 0
        all_ok, fit = ok, True
        for party in parties:
            data: str | None = party
            while data is not None:
                ok, _, answers, _ = await self.act(
                    chat, user, functools.partial(self.press, chooser, data, user)
                )
                presses += 1
                all_ok &= ok and [a.where for a in answers] == ["edit"]
                fit &= all(len(a.text) <= 4096 for a in answers)
                pages += 1
                nexts = [d for label, d in (answers[-1].buttons if answers else []) if "›" in label]
                data = nexts[0] if nexts else None
            ok, _, _, _ = await self.act(chat, user, lambda: self.press(chooser, "pos:*", user))
            presses += 1
            all_ok &= ok
        in_place = all_ok and len(fake.sent) == sent_before
        self.results.add(
            f"chooser walk: {len(parties)} parties, {pages} pages, {presses} presses",
            bool(parties),
            seconds,
            [],
            "every page edited in place, nothing new sent",
            in_place and fit,
        )

    async def simultaneous(self, chat: int, texts: list[str], users: list[int]) -> None:
        """Several commands at once in one chat (group members, or one user pasting several):
        every one answered, none refused by the flood limits."""
        fake, before, limited = self.fake, len(self.fake.sent), self.fake.stats.rejected
        start = time.monotonic()
        for text, user in zip(texts, users, strict=True):
            fake.push_text(chat, text, user_id=user)
        ok = await wait(lambda: len(fake.sent) - before >= len(texts))
        answered = len(fake.sent) - before
        self.results.add(
            f"{len(texts)} at once in {chat}: {answered}/{len(texts)}",
            ok, time.monotonic() - start, [], "all answered, paced: no 429",
            ok and fake.stats.rejected == limited,
        )  # fmt: skip


async def run_telegram(
    data_dir: Path, log_dir: Path, transcript: list[str]
) -> tuple[Results, dict[str, int]]:
    fake = FakeTelegram(limits=RateLimits())  # 30/s overall, 1/s per chat, 20/min per group
    base_url = await fake.start()
    env = {**base_env(data_dir), "TELEGRAM_BOT_TOKEN": fake.token}
    env["BRIEFBOT_TELEGRAM_BASE_URL"] = base_url
    proc = await start_bot("telegram", env, log_dir / "telegram.log")
    results = Results("telegram", transcript)
    try:
        if not await wait(lambda: "" in fake.commands and bool(fake.stats.calls["getUpdates"])):
            raise SystemExit("the telegram bot did not start: see " + str(log_dir))
        user = TelegramUser(fake, results)
        for step in TELEGRAM_SCRIPT:
            await user.step(step)
        await user.walk_parties(1, 1)
        await user.simultaneous(-100, ["/positions RU"] * 5, [11, 12, 13, 14, 15])
        await user.simultaneous(1, [f"/positions ua {n}" for n in (1, 2, 3, 1, 2, 3)], [1] * 6)
    finally:
        await stop_bot(proc)
        await fake.stop()
    stats = {"429": fake.stats.rejected, "refused (400/403)": fake.stats.errors}
    return results, stats


# Slack --------------------------------------------------------------------------------------
def slack_marks(fake: FakeSlack) -> tuple[int, int, int, int]:
    return len(fake.posted), len(fake.ephemeral), len(fake.responses), len(fake.rejected)


def slack_blocks(message: dict[str, Any]) -> list[dict[str, Any]]:
    blocks = message.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def slack_visible(message: dict[str, Any]) -> str:
    """The sections' mrkdwn as Slack shows it: escapes decoded (markup left as written)."""
    text = "\n".join(section_texts(message))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def slack_buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (e["text"]["text"], e["value"])
        for b in slack_blocks(message)
        if b["type"] == "actions"
        for e in b["elements"]
    ]


def slack_answers(fake: FakeSlack, marks: tuple[int, int, int, int]) -> list[Answer]:
    """Each new message as the user sees it: in the channel, in a thread, only to the asker,
    or in place of the message whose button was pressed."""
    posted, ephemeral, responses, rejected = marks
    out = []
    for m in fake.posted[posted:]:
        place = f"thread {m['thread_ts']}" if m.get("thread_ts") else "channel"
        out.append(Answer(place, slack_visible(m), slack_buttons(m)))
    for m in fake.ephemeral[ephemeral:]:
        place = f"ephemeral thread {m['thread_ts']}" if m.get("thread_ts") else "ephemeral"
        out.append(Answer(place, slack_visible(m), slack_buttons(m)))
    for m in fake.responses[responses:]:
        if m.get("replace_original"):
            place = "replaced"
        else:
            place = "ephemeral" if m.get("response_type") == "ephemeral" else "channel"
        out.append(Answer(place, slack_visible(m), slack_buttons(m)))
    out += [Answer("refused", f"{method}: {error}") for method, error in fake.rejected[rejected:]]
    return out


def event_envelope(n: int, event: dict[str, Any]) -> dict[str, Any]:
    return {
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


class SlackUser:
    """Sends as Slack would over Socket Mode and collects what the bot shows after each step."""

    def __init__(self, fake: FakeSlack, results: Results) -> None:
        self.fake = fake
        self.results = results
        self.counter = iter(range(1, 100_000))
        self.threads: dict[str, str] = {}  # channel -> the last bot answer's thread root
        self.last_posted: dict[str, dict[str, Any]] = {}

    async def act(self, send: Callable[[int], Any]) -> tuple[bool, float, list[Answer], str]:
        fake, n = self.fake, next(self.counter)
        marks, start = slack_marks(fake), time.monotonic()
        label = await send(n)
        ok = await wait(lambda: slack_marks(fake) != marks)
        await asyncio.sleep(SETTLE * ok)  # several messages, and Slack's 1/s per channel
        return ok, time.monotonic() - start - SETTLE * ok, slack_answers(fake, marks), label

    async def press(self, channel: str, message_ts: str, value: str, user: str, n: int) -> str:
        payload = {
            "type": "block_actions",
            "user": {"id": user},
            "team": {"id": "T1"},
            "channel": {"id": channel},
            "container": {"type": "message", "message_ts": message_ts},
            "actions": [
                {
                    "type": "button",
                    "action_id": "briefbot:0",
                    "value": value,
                    "block_id": "b",
                    "action_ts": "1",
                }
            ],
            "response_url": self.fake.response_url(n),
            "trigger_id": "t",
        }
        await self.fake.socket_send(
            {"envelope_id": f"e{n}", "type": "interactive", "payload": payload}
        )
        return f"[button {value}]"

    async def command(self, channel: str, text: str, user: str, n: int) -> str:
        command, _, arg = text.partition(" ")
        payload = {
            "command": command,
            "text": arg,
            "channel_id": channel,
            "user_id": user,
            "team_id": "T1",
            "response_url": self.fake.response_url(n),
        }
        await self.fake.socket_send(
            {"envelope_id": f"e{n}", "type": "slash_commands", "payload": payload}
        )
        return text

    async def message(self, channel: str, text: str, user: str, n: int, ctx: dict[str, str]) -> str:
        kind, _, question = text[1:].partition(">")
        ts = f"{5000 + n}.1"
        event: dict[str, Any] = {"user": user, "channel": channel, "ts": ts}
        if kind == "mention":
            event |= {"type": "app_mention", "text": f"<@UBOT> {question}"}
            ctx["thread"] = ts
        elif kind in ("thread", "dmthread"):
            kind_of = "im" if kind == "dmthread" else "channel"
            event |= {"type": "message", "channel_type": kind_of, "text": question}
            event["thread_ts"] = ctx["thread"] = self.threads[channel]
        else:
            event |= {"type": "message", "channel_type": "im", "text": question}
        await self.fake.socket_send(event_envelope(n, event))
        return text

    async def step(self, step: Step) -> None:
        ctx: dict[str, str] = {}
        if step.text.startswith("<button:"):
            chooser = self.last_posted[step.chat]
            value = slack_buttons(chooser)[0][1]
            send = lambda n: self.press(step.chat, chooser["ts"], value, step.user, n)  # noqa: E731
        elif step.text.startswith("<"):
            send = lambda n: self.message(step.chat, step.text, step.user, n, ctx)  # noqa: E731
        else:
            send = lambda n: self.command(step.chat, step.text, step.user, n)  # noqa: E731
        before = len(self.fake.posted)
        ok, seconds, answers, label = await self.act(send)
        for message in self.fake.posted[before:]:
            self.threads[step.chat] = str(message.get("thread_ts") or message["ts"])
            if slack_buttons(message):
                self.last_posted[step.chat] = message
        met = step.check(answers, ctx) if step.check and ok else (False if step.check else None)
        self.results.add(label, ok, seconds, answers, step.expect, met)

    async def walk_parties(self, channel: str, user: str) -> None:
        """Every party of the chooser, every page, back to the chooser: all in place."""
        ts = self.last_posted[channel]["ts"]
        posted_before = len(self.fake.posted)
        ok, seconds, answers, _ = await self.act(
            lambda n: self.press(channel, ts, "pos:*", user, n)
        )
        parties = [value for _, value in answers[-1].buttons] if answers else []
        pages = presses = 0
        all_ok = ok
        for party in parties:
            value: str | None = party
            while value is not None:
                ok, _, answers, _ = await self.act(
                    functools.partial(self.press, channel, ts, value, user)
                )
                presses += 1
                pages += 1
                all_ok &= ok and [a.where for a in answers] == ["replaced"]
                nexts = [v for label, v in (answers[-1].buttons if answers else []) if "›" in label]
                value = nexts[0] if nexts else None
            ok, _, _, _ = await self.act(lambda n: self.press(channel, ts, "pos:*", user, n))
            presses += 1
            all_ok &= ok
        in_place = all_ok and len(self.fake.posted) == posted_before
        self.results.add(
            f"chooser walk: {len(parties)} parties, {pages} pages, {presses} presses",
            bool(parties),
            seconds,
            [],
            "every page replaces the chooser, none refused",
            in_place and not self.fake.rejected,
        )

    async def simultaneous_mentions(self, channel: str, count: int) -> None:
        before, start = len(self.fake.posted), time.monotonic()
        asked = [f"{9000 + i}.5" for i in range(count)]
        for i, ts in enumerate(asked):
            event = {
                "type": "app_mention",
                "user": f"U{i}",
                "channel": channel,
                "ts": ts,
                "text": f"<@UBOT> que demande l'Ukraine ({i}) ?",
            }
            await self.fake.socket_send(event_envelope(90_000 + i, event))

        def answered() -> int:
            return len({p.get("thread_ts") for p in self.fake.posted[before:]} & set(asked))

        ok = await wait(lambda: answered() >= count)
        self.results.add(
            f"{count} simultaneous mentions in {channel}: {answered()}/{count}",
            ok,
            time.monotonic() - start,
            [],
            "each answered in its own thread",
            ok,
        )


async def run_slack(
    data_dir: Path, log_dir: Path, transcript: list[str]
) -> tuple[Results, dict[str, int]]:
    fake = FakeSlack(per_channel_per_sec=1.0)
    await fake.start()
    env = {**base_env(data_dir), "SLACK_BOT_TOKEN": fake.token, "SLACK_APP_TOKEN": fake.app_token}
    env["BRIEFBOT_SLACK_API_URL"] = fake.api_url
    proc = await start_bot("slack", env, log_dir / "slack.log")
    results = Results("slack", transcript)
    try:
        await asyncio.wait_for(fake._ws_ready.wait(), TIMEOUT)
        user = SlackUser(fake, results)
        for step in SLACK_SCRIPT:
            await user.step(step)
        await user.walk_parties("C1", "U1")
        await user.simultaneous_mentions("C5", 5)
    finally:
        await stop_bot(proc)
        await fake.stop()
    stats = {"429 (ratelimited)": fake.limited, "refused messages": len(fake.rejected)}
    return results, stats


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--platform", choices=["telegram", "slack", "both"], default="both")
    parser.add_argument("--transcript", type=Path, help="write every answer in full here")
    args = parser.parse_args()
    transcript: list[str] = []
    with tempfile.TemporaryDirectory(prefix="briefbot-chat-bench-") as tmp:
        data_dir, log_dir = Path(tmp) / "data", Path(tmp)
        t0 = time.monotonic()
        await ingest(args.corpus, data_dir)
        print(f"ingested {args.corpus} in {time.monotonic() - t0:.1f}s", flush=True)
        summaries = []
        if args.platform in ("telegram", "both"):
            print("telegram (python -m bot run telegram):", flush=True)
            results, stats = await run_telegram(data_dir, log_dir, transcript)
            summaries.append(f"{results.summary()}; {stats}")
        if args.platform in ("slack", "both"):
            print("slack (python -m bot run slack, Socket Mode):", flush=True)
            results, stats = await run_slack(data_dir, log_dir, transcript)
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
    if args.transcript:
        args.transcript.write_text("\n".join(transcript) + "\n", encoding="utf-8")
        print(f"transcript: {args.transcript}")


if __name__ == "__main__":
    asyncio.run(main())
