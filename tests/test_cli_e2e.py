"""End to end through the real command line (``python -m bot``), in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_DIR
from bot.textnorm import is_grounded
from tests.conftest import CORPUS


def briefbot(*args: str, data: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "OPENAI_"))}
    env["BRIEFBOT_DATA_DIR"] = str(data)
    env["BRIEFBOT_CONFIG_DIR"] = str(data / "user-config")
    proc = subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=PROJECT_DIR,
        timeout=120,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"exit {proc.returncode}: {proc.stderr[-2000:]}")
    return proc


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
def test_positions_json_contract_and_verbatim_evidence(tmp_path: Path) -> None:
    files = sorted(str(p) for p in CORPUS.glob("*.txt"))
    proc = briefbot("positions", "--format", "json", "--all-speakers", *files, data=tmp_path)
    data = json.loads(proc.stdout)
    assert isinstance(data["parties"], list) and data["parties"]
    texts = {str(Path(f).resolve()): Path(f).read_text(encoding="utf-8") for f in files}
    seen_sources = set()
    for party in data["parties"]:
        assert set(party) >= {"id", "name", "positions"}
        assert party["id"].isupper() and party["name"]
        for position in party["positions"]:
            assert set(position) >= {"speaker", "claim", "evidence", "source"}
            source = str(Path(position["source"]).resolve())
            assert source in texts, position["source"]
            assert is_grounded(position["evidence"], texts[source]), position["evidence"]
            assert position["evidence"] in texts[source]  # verbatim, not only normalised
            seen_sources.add(source)
    assert seen_sources == set(texts)  # every article yields positions
    ids = {p["id"] for p in data["parties"]}
    assert {"UA", "RU"} <= ids


def test_demo_prints_a_french_briefing(tmp_path: Path) -> None:
    proc = briefbot("demo", data=tmp_path)
    out = proc.stdout
    assert "Briefing du" in out and "Sources" in out
    assert "Ukraine" in out and "Russie" in out
    assert len(out) <= 1600  # the digest budget, plus the final newline
    again = briefbot("demo", data=tmp_path)  # second run reads the stored briefing
    assert again.stdout == out


def test_brief_in_english_marks_french_quotes(tmp_path: Path) -> None:
    samples = PROJECT_DIR / "bot" / "samples"
    proc = briefbot("brief", "--lang", "en", "--full", str(samples), data=tmp_path)
    assert "Briefing," in proc.stdout and "Russia" in proc.stdout
    assert "(in French)" in proc.stdout


def test_bad_inputs_one_line_each_and_exit_codes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\x03binary\x00" * 50)
    good = PROJECT_DIR / "bot" / "samples" / "03_istanbul_prisoners.txt"
    proc = briefbot(
        "positions",
        str(tmp_path / "missing.txt"),
        str(empty),
        str(binary),
        str(good),
        data=tmp_path,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    for name in ("missing.txt", "empty.txt", "blob.txt"):
        assert sum(name in line for line in proc.stderr.splitlines()) == 1
    assert "Turkey" in proc.stdout or "Turquie" in proc.stdout
    nothing = briefbot("positions", str(tmp_path / "missing.txt"), data=tmp_path, check=False)
    assert nothing.returncode != 0 and "Traceback" not in nothing.stderr


def test_unknown_party_is_a_clear_error(tmp_path: Path) -> None:
    proc = briefbot("positions", "--party", "Atlantis", data=tmp_path, check=False)
    assert proc.returncode == 2
    assert "Unknown party 'Atlantis'" in proc.stderr


def test_ask_answers_in_the_questions_language_with_sources(tmp_path: Path) -> None:
    briefbot("ingest", str(PROJECT_DIR / "bot" / "samples"), data=tmp_path)
    english = briefbot(
        "ask", "What did the Kremlin spokesman say about NATO troops?", data=tmp_path
    )
    assert english.stdout.startswith("Russia: ")  # the answer first, framed in English
    assert "02_bruxelles_garanties.txt" in english.stdout and "(in French)" in english.stdout
    french = briefbot("ask", "Que disent les articles sur les prix du gaz en Asie ?", data=tmp_path)
    assert "ne le disent pas" in french.stdout
