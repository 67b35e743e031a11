"""Loads prompt files (bot/prompts/, or the user's copies) and renders them with checked variables.

A prompt file starts with a front-matter header::

    ---
    name: brief
    version: 3
    variables: lang_name, max_chars
    ---
    <system text, static first, with {{placeholders}}>
    === user ===
    <user text, ending with the delimited data block>

Every ``{{name}}`` in the body must be declared and every declared variable used (checked at
load); ``render`` requires exactly the declared variables. The effective version is the
declared one plus a short hash of the file, so an edited prompt never reuses a cached result.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot import resources

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
_STRAY = re.compile(r"\{\{|\}\}")
_USER_SPLIT = re.compile(r"^=== user ===[ \t]*$", re.MULTILINE)


class PromptError(ValueError):
    """A prompt file is malformed or was rendered with missing or unknown variables."""


@dataclass(frozen=True)
class Rendered:
    system: str
    user: str

    def messages(self) -> list[dict[str, str]]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    variables: frozenset[str]
    system: str
    user: str

    def render(self, **values: str) -> Rendered:
        missing = self.variables - values.keys()
        unknown = values.keys() - self.variables
        if missing or unknown:
            raise PromptError(
                f"prompt {self.name!r}: missing variables {sorted(missing)}, "
                f"unknown variables {sorted(unknown)}"
            )

        def fill(text: str) -> str:
            # one pass: a value containing "{{x}}" is never expanded again
            return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]), text)

        return Rendered(fill(self.system), fill(self.user))


def parse_prompt(text: str, *, origin: str = "<prompt>") -> Prompt:
    """A Prompt from a file's text; PromptError when the header or placeholders are wrong."""
    if not text.startswith("---\n"):
        raise PromptError(f"{origin}: missing '---' front-matter header")
    try:
        header, body = text[4:].split("\n---\n", 1)
    except ValueError:
        raise PromptError(f"{origin}: front-matter header is not closed by '---'") from None
    meta: dict[str, str] = {}
    for line in header.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise PromptError(f"{origin}: bad header line {line!r}")
        meta[key.strip()] = value.strip()
    for required in ("name", "version", "variables"):
        if required not in meta:
            raise PromptError(f"{origin}: header lacks {required!r}")
    declared = frozenset(v.strip() for v in meta["variables"].split(",") if v.strip())
    used = set(_PLACEHOLDER.findall(body))
    if used - declared:
        raise PromptError(f"{origin}: undeclared variables {sorted(used - declared)}")
    if declared - used:
        raise PromptError(f"{origin}: declared but unused variables {sorted(declared - used)}")
    if _STRAY.search(_PLACEHOLDER.sub("", body)):
        raise PromptError(f"{origin}: malformed placeholder (stray '{{{{' or '}}}}')")
    parts = _USER_SPLIT.split(body)
    if len(parts) != 2:
        raise PromptError(f"{origin}: needs exactly one '=== user ===' line")
    digest = hashlib.sha256(text.encode()).hexdigest()[:6]
    return Prompt(
        name=meta["name"],
        version=f"{meta['version']}.{digest}",
        variables=declared,
        system=parts[0].strip() + "\n",
        user=parts[1].strip() + "\n",
    )


@cache
def _load_file(path: Path) -> Prompt:
    return parse_prompt(path.read_text(encoding="utf-8"), origin=str(path))


def load_prompt(name: str, lang: str | None = None, *, directory: Path | None = None) -> Prompt:
    """``<name>.<lang>.md`` when it exists, else ``<name>.md``: from ``directory`` when given,
    else the user's ``prompts/`` override directory, then the packaged prompts."""
    filenames = [f"{name}.{lang}.md"] if lang else []
    filenames.append(f"{name}.md")
    for filename in filenames:
        if directory is None:
            path = resources.prompt_file(filename)
        else:
            path = directory / filename if (directory / filename).is_file() else None
        if path is not None:
            return _load_file(path)
    where = directory or "the prompts directories"
    raise PromptError(f"no prompt file for {name!r} ({lang or 'any language'}) in {where}")


def escape_data(text: str, tag: str) -> str:
    """``text`` made safe to put between ``<tag>`` and ``</tag>``: the delimiters are escaped."""
    return re.sub(rf"<(\s*/?\s*{re.escape(tag)})", r"&lt;\1", text, flags=re.IGNORECASE)


# the tags of every data block in prompts/ (escape_data's ``tag`` arguments)
DATA_TAGS = ("article", "title", "positions", "question", "passages")
_ESCAPED = re.compile(rf"&lt;(\s*/?\s*(?:{'|'.join(DATA_TAGS)}))", re.IGNORECASE)


def unescape_data(text: str) -> str:
    """Undo ``escape_data`` for our data-block tags only, and the JSON escape of ``"`` in the
    positions block (what the model was shown -> the source's characters); any other ``&lt;``
    or entity is left as it is."""
    return _ESCAPED.sub(r"<\1", text).replace('\\"', '"')
