"""The offline engine's version: a hash of what shapes its output, so cached analyses are
never reused after a change and nobody bumps a number by hand.

It covers the rule code (every ``*.py`` of bot/extract/rules), the reviewed data files under
bot/extract/rules/data/, the gazetteer (parties and people of the party book) and the spaCy
models that read the text.
"""

from __future__ import annotations

from pathlib import Path

from bot.domain.versioning import files_hash, shaping_files

RULES = Path(__file__).resolve().parent


def rule_files(root: Path = RULES) -> list[Path]:
    """The files whose content is the engine: rule modules and data files, in a stable order."""
    return shaping_files(root)


def engine_version(gazetteer: str, models: str = "", root: Path = RULES) -> str:
    """A 12-hex-digit hash of the rule files under ``root``, the gazetteer and the models."""
    return files_hash(root, gazetteer, models)
