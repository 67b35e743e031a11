"""Module boundaries: chat SDKs only in bot/adapters, the openai SDK only in bot/llm."""

from __future__ import annotations

import ast
from pathlib import Path

from bot.settings import PROJECT_DIR

BOT = PROJECT_DIR / "bot"
RULES = {
    "telegram": "adapters",
    "slack_bolt": "adapters",
    "slack_sdk": "adapters",
    "openai": "llm",
}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_sdks_are_imported_only_where_they_belong() -> None:
    offenders = []
    for path in BOT.rglob("*.py"):
        package = path.relative_to(BOT).parts[0]
        for root in imported_roots(path) & set(RULES):
            if package != RULES[root]:
                offenders.append(f"{path.relative_to(PROJECT_DIR)} imports {root}")
    assert offenders == []


def test_the_rule_would_catch_an_offender(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text("import telegram.ext\nfrom openai import OpenAI\n", encoding="utf-8")
    assert imported_roots(sample) == {"telegram", "openai"}
