"""The command registry: each chat command declared once (commands.toml), read into ``Command``s.

Dispatch (bot.commands.core), /help (bot.commands.reading), Telegram's command menus
(bot.adapters.telegram) and Slack's help are generated from ``COMMANDS``; nothing else lists
commands.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bot.domain.models import Lang

REGISTRY_FILE = Path(__file__).with_name("commands.toml")
LANGS: tuple[Lang, ...] = ("fr", "en")


@dataclass(frozen=True)
class Command:
    name: str
    handler: str
    summary: dict[str, str]
    help: dict[str, str]
    example: dict[str, str]
    args: dict[str, str]
    aliases: tuple[str, ...] = ()
    admin: bool = False
    private: bool = False
    platforms: frozenset[str] = frozenset()
    menu: bool = False

    def usage(self, lang: Lang) -> str:
        """``/name args`` as shown in help, in ``lang``."""
        args = self.args.get(lang, "")
        return f"/{self.name} {args}".strip()

    def available_on(self, platform: str) -> bool:
        return platform in self.platforms


def _by_lang(value: Any, field: str, name: str, *, optional: bool = False) -> dict[str, str]:
    """A {"fr", "en"} table from a TOML value: one string for both, or a table per language."""
    if value is None and optional:
        return {lang: "" for lang in LANGS}
    if isinstance(value, str):
        return {lang: value for lang in LANGS}
    if isinstance(value, dict) and all(isinstance(value.get(lang), str) for lang in LANGS):
        return {lang: value[lang] for lang in LANGS}
    raise ValueError(f"{REGISTRY_FILE.name}: /{name}: {field} needs a text for fr and en")


def parse_registry(data: dict[str, Any]) -> tuple[Command, ...]:
    """The commands of a parsed commands.toml, checked (unique names, Telegram's name rules)."""
    commands: list[Command] = []
    seen: set[str] = set()
    for entry in data.get("command", []):
        name = str(entry["name"])
        aliases = tuple(str(a) for a in entry.get("aliases", ()))
        for word in (name, *aliases):
            if not (word.islower() or word.isdigit()) or len(word) > 32 or word in seen:
                raise ValueError(f"{REGISTRY_FILE.name}: bad or repeated command name {word!r}")
            if not all(c.isalnum() or c == "_" for c in word):
                raise ValueError(f"{REGISTRY_FILE.name}: bad command name {word!r}")
            seen.add(word)
        commands.append(
            Command(
                name=name,
                handler=str(entry.get("handler", name)),
                summary=_by_lang(entry.get("summary"), "summary", name),
                help=_by_lang(entry.get("help"), "help", name),
                example=_by_lang(entry.get("example"), "example", name),
                args=_by_lang(entry.get("args"), "args", name, optional=True),
                aliases=aliases,
                admin=bool(entry.get("admin", False)),
                private=bool(entry.get("private", False)),
                platforms=frozenset(entry.get("platforms", ())),
                menu=bool(entry.get("menu", False)),
            )
        )
    return tuple(commands)


@cache
def commands() -> tuple[Command, ...]:
    """Every command, in the order of commands.toml (the order of help and menus)."""
    return parse_registry(tomllib.loads(REGISTRY_FILE.read_text(encoding="utf-8")))


def lookup(word: str, platform: str) -> Command | None:
    """The command ``word`` names (its name or an alias) on ``platform``, if any."""
    for command in commands():
        if word == command.name or word in command.aliases:
            return command if command.available_on(platform) else None
    return None


def menu(platform: str, lang: Lang) -> list[tuple[str, str]]:
    """(name, description) for a platform's command menu, in ``lang``."""
    return [
        (c.name, c.summary[lang][:256]) for c in commands() if c.menu and c.available_on(platform)
    ]
