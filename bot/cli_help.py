"""Finishing touches on the command line: ``.env`` loading, and help that shows names, not
Python types (``INPUT...`` rather than ``inputs... <list[str]>``) for every command."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from bot import resources

_NUMBERS: dict[Any, str] = {int: "N", float: "NUMBER"}


def load_env_file() -> Path | None:
    """Load ``BRIEFBOT_ENV_FILE``, else ``./.env``, else ``.env`` in the user config directory,
    into the environment; variables already set win. Returns the file loaded, if any."""
    from dotenv import load_dotenv

    explicit = os.environ.get("BRIEFBOT_ENV_FILE")
    candidates = (
        [Path(explicit)] if explicit else [Path(".env"), resources.user_config_dir() / ".env"]
    )
    for path in candidates:
        if path.is_file():
            load_dotenv(path, override=False)
            return path
    return None


def _metavar(param: Any) -> str | None:
    desc = getattr(param, "type_descriptor", None)
    if desc is None or getattr(param, "count", False):
        return None
    if desc.is_choice and desc.choices:
        return "|".join(str(getattr(c, "value", c)) for c in desc.choices)
    annotation = desc.annotation
    return _NUMBERS.get(annotation, (param.name or "value").upper())


def tidy_command(command: Any) -> Any:
    """Give every parameter without one a plain metavar; recurse into groups."""
    for param in command.params:
        if param.metavar is None and param.param_type_name == "argument":
            param.metavar = (param.name or "value").upper()
        elif param.metavar is None and not getattr(param, "is_flag", False):
            param.metavar = _metavar(param)
        if param.param_type_name == "argument":
            name = param.metavar.removesuffix("...")
            usage = name if param.required else f"[{name}]"
            usage += "..." if param.nargs != 1 else ""
            param._usage_display_name = lambda usage=usage: usage
            param.display_type_rich = lambda ctx: None  # no "<list[str]>" after the name
    for sub in getattr(command, "commands", {}).values():
        tidy_command(sub)
    return command
