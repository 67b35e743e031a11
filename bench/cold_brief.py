"""Cold ``briefbot brief`` on five articles (the four samples + one of ../shared/corpus): a new
process and an empty data directory each run, so imports, the spaCy model, ingest and the
analysis are all paid. Prints wall and CPU time per run, their medians, and the load average
(the dev machine is shared: CPU time is the steadier figure). With ``--venv``, also the size of
that venv on disk (the install size of briefbot with all its dependencies).

    python -m bench.cold_brief --briefbot /tmp/venv/bin/briefbot --venv /tmp/venv --runs 3
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def inputs(corpus: Path) -> list[Path]:
    samples = sorted((ROOT / "bot" / "samples").glob("*.txt"))
    extra = sorted(corpus.glob("*.txt"))[:1]
    if not extra:
        sys.exit(f"no article in {corpus}")
    return [*samples, *extra]


def one_run(exe: str, files: list[Path]) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "PYTHON"))}
        env.update(BRIEFBOT_DATA_DIR=f"{tmp}/data", BRIEFBOT_CONFIG_DIR=f"{tmp}/config")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            [exe, "brief", *map(str, files)], cwd=tmp, env=env, capture_output=True, text=True
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or "Sources" not in proc.stdout:
        sys.exit(f"brief failed ({proc.returncode}): {proc.stderr[-1500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--briefbot", default=str(Path(sys.executable).with_name("briefbot")))
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--venv", type=Path, help="report this venv's size on disk")
    args = parser.parse_args()
    files = inputs(args.corpus)
    print(f"{len(files)} articles: {', '.join(f.name for f in files)}")
    walls, cpus = [], []
    for n in range(args.runs):
        wall, cpu = one_run(args.briefbot, files)
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {n + 1}: wall {wall:.2f} s, cpu {cpu:.2f} s, load {os.getloadavg()[0]:.1f}")
    print(
        f"median: wall {statistics.median(walls):.2f} s, cpu {statistics.median(cpus):.2f} s "
        f"({os.cpu_count()} cores)"
    )
    if args.venv:
        print(f"install size: {du(args.venv) / 1e6:.0f} MB ({args.venv})")


if __name__ == "__main__":
    main()
