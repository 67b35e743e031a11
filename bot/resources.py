"""Where briefbot's files are: packaged defaults, the user's overrides, and the data directory.

The defaults ship inside the package (``bot/config/*.toml``, ``bot/prompts/*.md``,
``bot/samples/``) and are found through ``importlib.resources``, so an editable checkout, a
``PYTHONPATH`` run and an installed wheel read them the same way. A user overrides any of them
by putting a file of the same name in the user config directory (``briefbot config path``):

* ``default.toml`` there is merged key by key over the packaged one;
* ``parties.toml``, ``sources.toml``, ``prices.toml``, ``topics.toml``, ``glossary.toml`` and
  ``prompts/<name>.md`` replace theirs.

``BRIEFBOT_CONFIG_DIR`` moves the user config directory, ``BRIEFBOT_DATA_DIR`` the data
directory (default: the platform's user data directory, e.g. ``~/.local/share/briefbot``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import platformdirs

APP = "briefbot"
CONFIG_FILES = (
    "default.toml",
    "parties.toml",
    "sources.toml",
    "prices.toml",
    "topics.toml",
    "glossary.toml",
)


def package_dir(kind: str) -> Path:
    """The packaged ``config``, ``prompts`` or ``samples`` directory (a real directory)."""
    return Path(str(files("bot").joinpath(kind)))


def user_config_dir() -> Path:
    """The user's override directory (may not exist)."""
    explicit = os.environ.get("BRIEFBOT_CONFIG_DIR")
    return Path(explicit).expanduser() if explicit else Path(platformdirs.user_config_dir(APP))


def default_data_dir() -> Path:
    explicit = os.environ.get("BRIEFBOT_DATA_DIR")
    return Path(explicit).expanduser() if explicit else Path(platformdirs.user_data_dir(APP))


def config_file(name: str) -> Path:
    """``name`` from the user config directory when it is there, else the packaged default."""
    user = user_config_dir() / name
    return user if user.is_file() else package_dir("config") / name


def prompt_file(filename: str) -> Path | None:
    """A prompt file (``brief.fr.md``): the user's copy first, then the packaged one."""
    for path in (user_config_dir() / "prompts" / filename, package_dir("prompts") / filename):
        if path.is_file():
            return path
    return None


@dataclass(frozen=True)
class FileInForce:
    name: str
    path: Path
    origin: str  # "default" | "user" | "default + user"


def files_in_force() -> list[FileInForce]:
    """Every configuration and prompt file the bot reads, with where it comes from."""
    out = []
    user_dir = user_config_dir()
    for name in CONFIG_FILES:
        user = user_dir / name
        if name == "default.toml" and user.is_file():
            out.append(FileInForce(name, user, "default + user"))
        elif user.is_file():
            out.append(FileInForce(name, user, "user"))
        else:
            out.append(FileInForce(name, package_dir("config") / name, "default"))
    names = {p.name for p in package_dir("prompts").glob("*.md")}
    if (user_dir / "prompts").is_dir():
        names |= {p.name for p in (user_dir / "prompts").glob("*.md")}
    for name in sorted(names):
        path = prompt_file(name)
        if path is not None:
            origin = "user" if path.is_relative_to(user_dir) else "default"
            out.append(FileInForce(f"prompts/{name}", path, origin))
    return out
