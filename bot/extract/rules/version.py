"""The offline engine's version: a hash of what shapes its output, so cached analyses are
never reused after a change and nobody bumps a number by hand.

It covers the rule code (every ``*.py`` of bot/extract/rules), the reviewed data files under
bot/extract/rules/data/, the gazetteer (parties and people of the party book) and the spaCy
models that read the text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RULES = Path(__file__).resolve().parent


def rule_files(root: Path = RULES) -> list[Path]:
    """The files whose content is the engine: rule modules and data files, in a stable order."""
    files = [*root.glob("*.py"), *(root / "data").rglob("*")]
    return sorted((f for f in files if f.is_file()), key=lambda f: f.relative_to(root).as_posix())


def engine_version(gazetteer: str, models: str = "", root: Path = RULES) -> str:
    """A 12-hex-digit hash of the rule files under ``root``, the gazetteer and the models."""
    digest = hashlib.sha256()
    for f in rule_files(root):
        digest.update(f.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(f.read_bytes())
        digest.update(b"\0")
    digest.update(gazetteer.encode())
    digest.update(models.encode())
    return digest.hexdigest()[:12]
