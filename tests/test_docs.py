"""The README stays true: every setting documented, Quick start has exactly two commands."""

from __future__ import annotations

import re

from bot.settings import PROJECT_DIR, Settings

README = (PROJECT_DIR / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme() -> None:
    missing = [name for name in Settings.model_fields if f"`{name}`" not in README]
    assert missing == []


def test_quick_start_has_two_commands_and_ci_runs_the_second() -> None:
    section = README.split("## Quick start", 1)[1]
    block = re.search(r"```\n(.*?)```", section, re.DOTALL)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    assert "briefbot demo" in lines[0] and "pytest" in lines[1]
    ci = (PROJECT_DIR / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 2p" in ci  # .ci/run executes README line 2 verbatim
