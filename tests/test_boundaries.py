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


def top_package(name: str) -> str:
    """The package a top-level name belongs to: ``cli_ask.py`` is part of the ``cli`` family."""
    name = name.removesuffix(".py")
    return "cli" if name.startswith("cli_") else name


def package_graph() -> dict[str, set[str]]:
    """Which of bot's packages each package imports (modules at bot/ top level count as one)."""
    graph: dict[str, set[str]] = {}
    for path in BOT.rglob("*.py"):
        parts = path.relative_to(BOT).parts
        package = top_package(parts[0])
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                bits = name.split(".")
                if bits[0] == "bot" and len(bits) > 1 and top_package(bits[1]) != package:
                    target = top_package(bits[1])
                    if (BOT / target).is_dir() or list(BOT.glob(f"{target}*.py")):
                        graph.setdefault(package, set()).add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt == path[0]:
                found.append([*path, nxt])
            elif nxt not in path and nxt > path[0]:
                walk(nxt, [*path, nxt])

    for start in sorted(graph):
        walk(start, [start])
    return found


def test_no_import_cycles_between_packages() -> None:
    assert cycles(package_graph()) == []


def test_the_cycle_check_would_catch_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_llm_and_domain_stay_low() -> None:
    graph = package_graph()
    assert graph.get("domain", set()) <= {"textnorm", "settings"}
    assert not graph.get("llm", set()) & {"extract", "brief", "qa", "commands", "adapters"}
