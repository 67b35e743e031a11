"""Versions that are hashes of the files that shape an output (code and reviewed data files),
so caches keyed on them are never reused after a change and nobody bumps a number by hand."""

from __future__ import annotations

import hashlib
from pathlib import Path


def shaping_files(root: Path) -> list[Path]:
    """The ``*.py`` modules of ``root`` and every file under ``root/data``, in a stable order."""
    files = [*root.glob("*.py"), *(root / "data").rglob("*")]
    return sorted((f for f in files if f.is_file()), key=lambda f: f.relative_to(root).as_posix())


def files_hash(root: Path, *extra: str) -> str:
    """A 12-hex-digit hash of the shaping files under ``root`` and the ``extra`` strings."""
    digest = hashlib.sha256()
    for f in shaping_files(root):
        digest.update(f.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(f.read_bytes())
        digest.update(b"\0")
    for text in extra:
        digest.update(text.encode())
    return digest.hexdigest()[:12]
