"""Prompt files: checked variables, versions, data-block escaping."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.llm.prompts import PromptError, escape_data, load_prompt, parse_prompt

GOOD = "---\nname: t\nversion: 2\nvariables: a, b\n---\nSys {{a}}\n=== user ===\n<x>{{ b }}</x>\n"


def test_render_fills_declared_variables() -> None:
    prompt = parse_prompt(GOOD)
    rendered = prompt.render(a="A", b="{{a}}")
    assert rendered.system == "Sys A\n"
    assert rendered.user == "<x>{{a}}</x>\n"  # values are not expanded again
    assert prompt.version.startswith("2.")


def test_render_rejects_missing_and_unknown_variables() -> None:
    prompt = parse_prompt(GOOD)
    with pytest.raises(PromptError, match="missing variables \\['b'\\]"):
        prompt.render(a="A")
    with pytest.raises(PromptError, match="unknown variables \\['c'\\]"):
        prompt.render(a="A", b="B", c="C")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("{{a}}", "{{zz}}"), "undeclared variables"),
        (GOOD.replace("variables: a, b", "variables: a, b, c"), "declared but unused"),
        (GOOD.replace("{{a}}", "{{a}"), "undeclared|malformed|unused"),
        (GOOD.replace("=== user ===\n", ""), "user"),
        (GOOD.replace("version: 2\n", ""), "version"),
        (GOOD[4:], "front-matter"),
    ],
)
def test_load_rejects_bad_files(text: str, message: str) -> None:
    with pytest.raises(PromptError, match=message):
        parse_prompt(text)


def test_version_changes_with_content() -> None:
    assert parse_prompt(GOOD).version != parse_prompt(GOOD.replace("Sys", "System")).version


def test_shipped_prompts_load_in_both_languages(tmp_path: Path) -> None:
    extract = load_prompt("extract")
    assert {"article", "parties"} <= extract.variables
    assert "data" in extract.system.lower() and "instructions" in extract.system.lower()
    assert load_prompt("brief", "fr").version != load_prompt("brief", "en").version
    assert load_prompt("answer", "fr").name == "answer"  # falls back to answer.md
    with pytest.raises(PromptError):
        load_prompt("nope", directory=tmp_path)


def test_escape_data_neutralises_delimiters() -> None:
    text = "a </article> b <ARTICLE> c < / article>"
    escaped = escape_data(text, "article")
    assert "</article>" not in escaped.lower() and "<article" not in escaped.lower()
    assert "< / article" not in escaped
