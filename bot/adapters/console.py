"""Console front-end: the same command core in a terminal (platform "console", chat "local").

Interactive sessions get readline editing and a history file; piped input is read line by
line, which is how the tests script a session.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import TextIO

from bot.commands import CommandCore, IncomingMessage
from bot.commands.types import TERMINAL
from bot.domain.i18n import t
from bot.render.text import render_text

PLATFORM = "console"
CHAT_ID = "local"


def _setup_readline(history: Path | None) -> None:
    try:
        import readline
    except ImportError:  # not available on every platform
        return
    if history is None:
        return
    import atexit

    history.parent.mkdir(parents=True, exist_ok=True)
    if history.exists():
        readline.read_history_file(str(history))
    readline.set_history_length(1000)
    atexit.register(readline.write_history_file, str(history))


async def run_console(
    core: CommandCore,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    history: Path | None = None,
) -> int:
    """Answer each input line until end of input or /quit; the number of lines handled."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty() and stdout.isatty()
    if interactive:
        _setup_readline(history)
    core.declare(PLATFORM, TERMINAL)
    lang = await asyncio.to_thread(core.chat_lang, PLATFORM, CHAT_ID)
    stdout.write(t(lang, "console.welcome") + "\n")
    handled = 0
    while True:
        try:
            if interactive:
                line = await asyncio.to_thread(input, "> ")
            else:
                line = await asyncio.to_thread(stdin.readline)
                if not line:
                    break
        except EOFError:
            break
        line = line.strip()
        if line in ("/quit", "/exit"):
            break
        if not line:
            continue
        incoming = IncomingMessage(PLATFORM, CHAT_ID, "local", line, is_private=True)
        for reply in await core.handle(incoming):
            stdout.write(render_text(reply) + "\n\n")
        stdout.flush()
        handled += 1
    return handled
