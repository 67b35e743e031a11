"""Benchmark: a hostile corpus (generated at run time, nothing committed) through ``ingest``.

Each case runs in its own process: a local hostile HTTP server on 127.0.0.1, then one ingest
batch of [hostile input, good article page], timed after a warm-up batch of one good page (the
language model and the extraction worker start once per process). Printed per case: wall
seconds of the batch, peak
RSS of the ingesting process and of its children (the extraction child), the hostile input's
one line, and whether the good article of the same batch was stored. Goal: every case under
5 s and 300 MB, one clear line, the good article stored.
Run: ``.venv/bin/python bench/hostile.py`` (or ``--case NAME`` for one).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ingest.pipeline import ingest
from bot.settings import Settings
from bot.store import Database
from tests.fakes.ingest_http import redirect, reply, serve

MB = 1_000_000
RSS = "text/html; charset=utf-8"
FEED = {"Content-Type": "application/rss+xml"}
GOOD = (
    "<html><head><title>Pourparlers</title></head><body><article><p>Le porte-parole du "
    "ministère a déclaré mardi que les négociations reprendraient la semaine prochaine à "
    "Genève.</p><p>Selon lui, les deux délégations ont accepté un calendrier précis.</p>"
    "</article></body></html>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&" + bytes([97 + i]) + b";") * 10)
        for i in range(9)
    )
    + b']><rss version="2.0"><channel><title>&j;</title><item><title>&j;</title></item>'
    + b"</channel></rss>"
)
DTD_TAIL = b'<rss version="2.0"><channel><item><title>&b;</title></item></channel></rss>'
SMALL_DTD = b'<!DOCTYPE rss [<!ENTITY a "x"><!ENTITY b "&a;&a;">]>'


def _bomb(kind: str) -> bytes:
    raw = zlib.compressobj(9, zlib.DEFLATED, 31 if kind == "gzip" else 15)
    chunk = b"\0" * MB
    return b"".join(raw.compress(chunk) for _ in range(200)) + raw.flush()  # 200 MB -> ~200 KB


def _feed(n: int, title: bytes = b"Big & malformed") -> bytes:
    items = b"".join(
        b"<item><title>n%d</title><description>r%d</description></item>" % (i, i) for i in range(n)
    )
    return b'<?xml version="1.0"?><rss version="2.0"><channel><title>' + title + b"</title>" + items


def _routes() -> dict[str, Any]:
    return {
        "/good": reply(GOOD),
        "/warm": reply(GOOD.replace("Genève", "Vienne")),
        "/gzip-bomb": reply(_bomb("gzip"), headers={"Content-Encoding": "gzip"}),
        "/deflate-bomb": reply(_bomb("deflate"), headers={"Content-Encoding": "deflate"}),
        "/laughs": reply(LAUGHS, headers=FEED),
        "/quadratic": reply(
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 50_000 + b'">]>'
            b'<rss version="2.0"><channel><item><title>' + b"&a;" * 50_000 + b"</title></item>"
            b"</channel></rss>",
            headers=FEED,
        ),
        "/external": reply(
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<rss version="2.0"><channel><item><title>&e;</title></item></channel></rss>',
            headers=FEED,
        ),
        "/cdata-hidden-dtd": reply(
            b'<?xml version="1.0"?><!-- <![CDATA[ -->' + SMALL_DTD + b"<!-- ]]> -->" + DTD_TAIL,
            headers=FEED,
        ),
        "/space-before-xml": reply(b' <?xml version="1.0"?>' + SMALL_DTD + DTD_TAIL, headers=FEED),
        "/unclosed-comments": reply(GOOD.replace("mardi", "lundi") + "<!--x" * 990_000),
        "/unclosed-scripts": reply(GOOD.replace("mardi", "jeudi") + "<script " * 620_000),
        "/feed-100000": reply(_feed(100_000)[: 5 * MB - 100], headers=FEED),
        "/deep-html": reply("<div>" * 990_000 + GOOD),
        "/deep-feed": reply(
            b'<rss version="2.0"><channel><title>Deep</title>' + b"<x>" * 1_600_000,
            headers=FEED,
        ),
        "/many-paragraphs": reply("<html><body>" + "<p>a</p>" * 600_000 + GOOD[12:]),
        "/redirect-metadata": redirect("http://169.254.169.254/latest/meta-data/"),
        "/redirect-loop": redirect("/redirect-loop"),
    }


SSRF = [
    "http://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/",
    "http://[fe80::1]/",
    "http://10.0.0.1/",
    "http://192.168.1.1/",
    "http://100.64.0.1/",
    "http://[fd00::1]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[2002:a9fe:a9fe::]/",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://017700000001/",
    "http://0/",
    "http://user:pw@example.com/",
    "http://[127.0.0.1]/",
    "http://[::1",
    "file:///etc/passwd",
    "gopher://127.0.0.1:70/",
    "http://localhost:1/",
]


def cases() -> list[str]:
    return [path for path in _routes() if path not in ("/good", "/warm")] + SSRF


def run_case(case: str) -> dict[str, Any]:
    settings = Settings(fetch_allow_private=True)  # loopback only: our servers; defaults else
    with tempfile.TemporaryDirectory() as tmp, serve(_routes()) as srv:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        hostile = srv.base + case if case.startswith("/") else case
        # one-time costs (language model, extraction worker start-up) are not the input's
        ingest([srv.base + "/warm"], db, settings)
        started = time.monotonic()
        report = ingest([hostile, srv.base + "/good"], db, settings)
        elapsed = time.monotonic() - started
        db.close()
    lines = [
        f"{i.status}: {i.reason or i.title}" for i in report.items if i.input != srv.base + "/good"
    ]
    good = [i for i in report.items if i.input == srv.base + "/good"]
    return {
        "case": case,
        "seconds": round(elapsed, 2),
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "child_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024,
        "lines": lines,
        "good_stored": bool(good) and good[0].status in ("new", "near_duplicate"),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    worst = 0.0
    failures = 0
    for case in cases():
        proc = subprocess.run(
            [sys.executable, __file__, "--case", case], capture_output=True, text=True
        )
        try:
            row = json.loads(proc.stdout.strip().splitlines()[-1])
        except (IndexError, json.JSONDecodeError):
            print(f"{case}: bench process failed: {proc.stderr[-500:]}")
            failures += 1
            continue
        ok = (
            row["seconds"] < 5
            and max(row["rss_mb"], row["child_rss_mb"]) < 300
            and row["good_stored"]
            and all("\n" not in line for line in row["lines"])
            and "Traceback" not in proc.stderr
        )
        failures += not ok
        worst = max(worst, row["seconds"])
        shown = " | ".join(row["lines"])[:110]
        print(
            f"{'ok ' if ok else 'BAD'} {case[:44]:<44} {row['seconds']:>5.2f} s "
            f"{row['rss_mb']:>4} MB (child {row['child_rss_mb']:>3} MB) good={row['good_stored']}"
            f"  {shown}"
        )
    print(f"{len(cases())} cases, {failures} outside the goal, slowest {worst:.2f} s")


if __name__ == "__main__":
    main()
