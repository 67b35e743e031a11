"""The offline engine's version is a hash of its rule files, code, gazetteer and models: it
changes when any of them does, and stays put otherwise (cached analyses key on it)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.extract.rules.version import RULES, engine_version, rule_files
from tests.extract_support import engine


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(RULES, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_version_changes_when_a_rule_data_file_changes(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = engine_version("gaz", "models", root)
    assert engine_version("gaz", "models", root) == before  # stable
    data = root / "data" / "stance_verbs.toml"
    data.write_text(
        data.read_text(encoding="utf-8") + '\n[[verb]]\nstem = "x"\nlang = "fr"\nsense = "x"\n'
    )
    assert engine_version("gaz", "models", root) != before


def test_version_changes_with_code_gazetteer_and_models(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = engine_version("gaz", "models", root)
    assert engine_version("gaz2", "models", root) != before
    assert engine_version("gaz", "models2", root) != before
    (root / "offline.py").write_text("# changed\n", encoding="utf-8")
    assert engine_version("gaz", "models", root) != before


def test_the_engine_key_covers_every_rule_file() -> None:
    names = {f.relative_to(RULES).as_posix() for f in rule_files()}
    assert {"offline.py", "quotes.py", "data/stance_verbs.toml"} <= names
    assert engine().key.startswith("offline:") and len(engine().key) == len("offline:") + 12
