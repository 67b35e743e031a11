"""Benchmark of the offline engine: articles/second, and whole-engine time over bare nlp.pipe.

Repeats the shared corpus (../shared/corpus, relative to the repo root) to about 200 articles.
Usage: .venv/bin/python bench/extract.py [N articles, default 200] [rounds, default 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.models import Article  # noqa: E402
from bot.domain.parties import PartyBook  # noqa: E402
from bot.extract.rules import nlp  # noqa: E402
from bot.extract.rules.offline import OfflineEngine  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", type=int, default=200, help="articles (default 200)")
    ap.add_argument("rounds", nargs="?", type=int, default=2, help="rounds (default 2)")
    args = ap.parse_args()
    n = args.articles
    corpus = ROOT.parent / "shared" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        print(f"no corpus in {corpus}")
        return 1
    # a zero-width variation per copy keeps any cache from helping either side
    arts = [
        Article(text=texts[i % len(texts)] + " " * (i // len(texts)), path=f"a{i}", lang="fr")
        for i in range(n)
    ]
    engine = OfflineEngine(PartyBook.load(ROOT / "bot" / "config" / "parties.toml"))
    pipe = nlp.get_nlp("fr")
    list(pipe.pipe([a.text for a in arts[:3]]))  # warm up
    engine.extract_many(arts[:3])
    rounds = args.rounds
    t_pipe = t_engine = t_rules = float("inf")
    for _ in range(rounds):  # alternate and keep the best of each: the host is shared
        t0 = time.perf_counter()
        docs = list(nlp.parse_many([a.text for a in arts], "fr"))
        t_pipe = min(t_pipe, time.perf_counter() - t0)
        t0 = time.perf_counter()
        results = engine.extract_many(arts)
        t_engine = min(t_engine, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for art, doc in zip(arts, docs, strict=True):
            engine.extract_parsed(art, doc)
        t_rules = min(t_rules, time.perf_counter() - t0)
    positions = sum(len(r) for r in results)
    print(f"pipeline: {pipe.pipe_names}")
    print(f"articles: {n}  positions: {positions}")
    print(f"bare nlp.pipe: {t_pipe:.2f}s  ({n / t_pipe:.1f} articles/s)")
    print(f"whole engine:  {t_engine:.2f}s  ({n / t_engine:.1f} articles/s)")
    print(f"rules only (on parsed docs): {t_rules:.2f}s  ({n / t_rules:.1f} articles/s)")
    print(
        f"engine / bare pipe = {t_engine / t_pipe:.2f}  (our logic adds {100 * t_rules / t_pipe:.0f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
