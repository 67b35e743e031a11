"""The wheel works anywhere: built from a copy of the sources, installed in a fresh venv outside
the checkout, ``briefbot demo`` and ``briefbot brief`` run from another directory with the
packaged config, prompts and samples, and the demo never writes into the user's database.

The fresh venv gets the wheel alone (``--no-deps``); its dependencies come from the running
interpreter's site-packages through a ``.pth`` line added *after* the install, so pip never
sees (or touches) another installation of briefbot.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from bot.settings import PROJECT_DIR

pytestmark = pytest.mark.slow


def clean_env() -> dict[str, str]:
    """No PYTHONPATH (it could show pip a checkout's egg-info) and no BRIEFBOT_* settings."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "PYTHON"))}


def run(
    *cmd: str | Path, cwd: Path, env: dict[str, str] | None = None, check: bool = True
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"{cmd}: exit {proc.returncode}\n{proc.stdout[-2000:]}{proc.stderr[-3000:]}"
        )
    return proc


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT_DIR / name, src / name)
    shutil.copytree(
        PROJECT_DIR / "bot", src / "bot", ignore=shutil.ignore_patterns("__pycache__", "*.pyc")
    )
    pip = (sys.executable, "-m", "pip")
    run(*pip, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", tmp / "dist", src, cwd=tmp)
    wheels = list((tmp / "dist").glob("briefbot-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", env_dir, cwd=tmp)
    python = env_dir / "bin" / "python"
    run(*pip, "--python", python, "install", "-q", "--no-deps", "--no-index", wheels[0], cwd=tmp)
    site = Path(
        run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp
        ).stdout.strip()
    )
    (site / "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return env_dir


def briefbot(venv: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = clean_env()
    env.update(BRIEFBOT_DATA_DIR=str(home / "data"), BRIEFBOT_CONFIG_DIR=str(home / "config"))
    return run(venv / "bin" / "briefbot", *args, cwd=home, env=env, check=False)


def test_the_wheel_runs_demo_and_brief_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    where = run(venv / "bin" / "python", "-c", "import bot; print(bot.__file__)", cwd=tmp_path)
    assert str(venv) in where.stdout  # the installed copy, not the checkout

    demo = briefbot(venv, tmp_path, "demo")
    assert demo.returncode == 0, demo.stderr
    assert "Briefing du" in demo.stdout and "Sources" in demo.stdout
    assert (tmp_path / "data" / "demo.sqlite3").is_file()
    assert not (tmp_path / "data" / "briefbot.sqlite3").exists()  # the demo stays a demo

    empty = briefbot(venv, tmp_path, "brief", "--since", "all")
    assert empty.returncode == 1 and "Nothing is stored yet" in empty.stderr

    article = tmp_path / "article.txt"
    shutil.copy(PROJECT_DIR / "bot" / "samples" / "03_istanbul_prisoners.txt", article)
    brief = briefbot(venv, tmp_path, "brief", "--lang", "EN", str(article))
    assert brief.returncode == 0, brief.stderr
    assert "Sources" in brief.stdout and "article.txt" in brief.stdout

    shown = briefbot(venv, tmp_path, "config", "show")
    assert shown.returncode == 0, shown.stderr
    packaged = [line for line in shown.stdout.splitlines() if line.startswith("default ")]
    assert packaged and all(str(venv) in line for line in packaged)
    assert not (tmp_path / "data" / "chat_history").exists()


def test_a_user_file_overrides_the_packaged_default(venv: Path, tmp_path: Path) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "default.toml").write_text('lang = "en"\n', encoding="utf-8")
    shown = briefbot(venv, tmp_path, "config", "show")
    assert shown.returncode == 0, shown.stderr
    assert "lang = en" in shown.stdout
    assert "default + user  default.toml" in shown.stdout
    assert "engine = offline" in shown.stdout  # other keys still come from the packaged file
