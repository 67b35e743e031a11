"""Benchmark: a hostile corpus (generated at run time, nothing committed) through ``ingest``.

Each case runs in its own process: a local hostile HTTP server on 127.0.0.1 (or a hostile
local file, for the ``@`` cases), then one ingest batch of [hostile input, good article page],
timed after a warm-up batch of one good page (the language model and the extraction worker
start once per process). Printed per case: wall
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.ingest.pipeline import ingest
from bot.ingest.sandbox import stop_worker
from bot.settings import Settings
from bot.store import Database
from tests.fakes.ingest_http import Handler, redirect, reply, serve

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


def _feed(n: int, title: bytes = b"Big & malformed", closed: bool = False) -> bytes:
    """``n`` items under the 5 MB fetch cap; unclosed unless ``closed``."""
    items = b"".join(b"<item><description>n%d</description></item>" % i for i in range(n))
    head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>' + title + b"</title>"
    return head + items + (b"</channel></rss>" if closed else b"")


LINE = "Le porte-parole a déclaré que la trêve tiendrait <b>&amp;</b> \u202e "


def _ten_mb_line() -> str:
    return LINE * (10 * MB // len(LINE))


def _routes() -> dict[str, Callable[[], Handler]]:
    """Each case's handler, built only for the case run (some are 10 MB)."""
    return {
        "/good": lambda: reply(GOOD),
        "/warm": lambda: reply(GOOD.replace("Genève", "Vienne")),
        "/gzip-bomb": lambda: reply(_bomb("gzip"), headers={"Content-Encoding": "gzip"}),
        "/deflate-bomb": lambda: reply(_bomb("deflate"), headers={"Content-Encoding": "deflate"}),
        "/laughs": lambda: reply(LAUGHS, headers=FEED),
        "/quadratic": lambda: reply(
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "' + b"x" * 50_000 + b'">]>'
            b'<rss version="2.0"><channel><item><title>' + b"&a;" * 50_000 + b"</title></item>"
            b"</channel></rss>",
            headers=FEED,
        ),
        "/external": lambda: reply(
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<rss version="2.0"><channel><item><title>&e;</title></item></channel></rss>',
            headers=FEED,
        ),
        "/cdata-hidden-dtd": lambda: reply(
            b'<?xml version="1.0"?><!-- <![CDATA[ -->' + SMALL_DTD + b"<!-- ]]> -->" + DTD_TAIL,
            headers=FEED,
        ),
        "/space-before-xml": lambda: reply(
            b' <?xml version="1.0"?>' + SMALL_DTD + DTD_TAIL, headers=FEED
        ),
        "/param-entity": lambda: reply(
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p">'
            b" %p;]>" + DTD_TAIL,
            headers=FEED,
        ),
        "/external-dtd": lambda: reply(
            b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/x.dtd">' + DTD_TAIL,
            headers=FEED,
        ),
        "/utf16-laughs": lambda: reply(
            b'<?xml version="1.0" encoding="utf-16"?>'.decode().encode("utf-16")
            + LAUGHS.split(b"?>", 1)[1].decode().encode("utf-16")[2:],
            headers=FEED,
        ),
        "/unclosed-comments": lambda: reply(GOOD.replace("mardi", "lundi") + "<!--x" * 990_000),
        "/unclosed-scripts": lambda: reply(GOOD.replace("mardi", "jeudi") + "<script " * 620_000),
        "/unclosed-styles": lambda: reply(GOOD.replace("mardi", "samedi") + "<style>" * 700_000),
        "/feed-100000": lambda: reply(_feed(100_000), headers=FEED),
        "/feed-50000-wellformed": lambda: reply(_feed(50_000, b"Big", closed=True), headers=FEED),
        "/page-10mb-one-line": lambda: reply(f"<p>{_ten_mb_line()}</p>"),
        "/deep-html": lambda: reply("<div>" * 990_000 + GOOD),
        "/deep-feed": lambda: reply(
            b'<rss version="2.0"><channel><title>Deep</title>' + b"<x>" * 1_600_000,
            headers=FEED,
        ),
        "/many-paragraphs": lambda: reply("<html><body>" + "<p>a</p>" * 600_000 + GOOD[12:]),
        "/many-headings": lambda: reply("<html><body>" + "<h2>a</h2>" * 450_000 + GOOD[12:]),
        "/many-empty-paragraphs": lambda: reply("<html><body>" + "<p></p>" * 600_000 + GOOD[12:]),
        "/many-links": lambda: reply(
            "<html><body>" + "<li><a href='/x'>a</a></li>" * 180_000 + GOOD[12:]
        ),
        "/redirect-metadata": lambda: redirect("http://169.254.169.254/latest/meta-data/"),
        "/redirect-loop": lambda: redirect("/redirect-loop"),
        "/redirect-private-v6": lambda: redirect("http://[::ffff:a9fe:a9fe]/"),
        "/redirect-10": lambda: redirect("http://10.0.0.1/admin"),
        "/redirect-file": lambda: redirect("file:///etc/passwd"),
    }


FILES: dict[str, Callable[[], str]] = {  # local files given to ingest by path
    "@10mb-one-line.txt": _ten_mb_line,
    "@10mb-one-line.html": lambda: f"<html><body><p>{_ten_mb_line()}</p></body></html>",
    "@unclosed-comments.html": lambda: GOOD.replace("mardi", "vendredi") + "<!--x" * 990_000,
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
    "http://127.1/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://224.0.0.1/",
    "http://255.255.255.255/",
    "http://[fe80::1%25eth0]/",
    "http://[::a9fe:a9fe]/",
    "http://[2001:db8::1]/",
    "http://198.18.0.1/",
    "http://user:pw@example.com/",
    "http://[127.0.0.1]/",
    "http://[::1",
    "file:///etc/passwd",
    "gopher://127.0.0.1:70/",
    "http://localhost:1/",
]


def cases() -> list[str]:
    return [path for path in _routes() if path not in ("/good", "/warm")] + list(FILES) + SSRF


def run_case(case: str) -> dict[str, Any]:
    settings = Settings(fetch_allow_private=True)  # loopback only: our servers; defaults else
    routes = {path: make() for path, make in _routes().items() if path in (case, "/good", "/warm")}
    with tempfile.TemporaryDirectory() as tmp, serve(routes) as srv:
        db = Database(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}")
        hostile = srv.base + case if case.startswith("/") else case
        if case in FILES:
            hostile = str(Path(tmp) / case[1:])
            Path(hostile).write_text(FILES[case](), encoding="utf-8")
        # one-time costs (language model, extraction worker start-up) are not the input's
        ingest([srv.base + "/warm"], db, settings)
        started = time.monotonic()
        report = ingest([hostile, srv.base + "/good"], db, settings)
        elapsed = time.monotonic() - started
        db.close()
    stop_worker()  # reaped, so its peak RSS counts in RUSAGE_CHILDREN
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
