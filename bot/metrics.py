"""Prometheus metrics and the ``/healthz`` endpoint of ``briefbot run`` and ``briefbot worker``.

The counters live in one registry; the code that does the work counts with one-line calls
(``metrics.sent("telegram")``, ``metrics.ingested("new")``, …). The outbox depth and the age
of its oldest waiting row are read from the database at each scrape, so every process (and
a process that sends nothing) reports the same queue. ``serve`` starts a small HTTP server in
a daemon thread, bound to 127.0.0.1 by default (``metrics_host``, ``metrics_port``):

* ``GET /metrics``: the Prometheus text format;
* ``GET /healthz``: ``200 ok`` when the database answers, ``503`` otherwise.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ParamSpec, TypeVar

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.store import Database

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

REGISTRY = CollectorRegistry()
MESSAGES_SENT = Counter(
    "briefbot_messages_sent", "Digest messages delivered", ["platform"], registry=REGISTRY
)
MESSAGES_FAILED = Counter(
    "briefbot_messages_failed",
    "Digest deliveries that failed (retried later or given up)",
    ["platform"],
    registry=REGISTRY,
)
RATE_LIMITED = Counter(
    "briefbot_rate_limited", "429 answers from a chat platform", ["platform"], registry=REGISTRY
)
ARTICLES = Counter(
    "briefbot_articles_ingested",
    "Ingested inputs by outcome (new, duplicate, near_duplicate, error)",
    ["status"],
    registry=REGISTRY,
)
LLM_CALLS = Counter(
    "briefbot_llm_calls",
    "LLM calls by purpose and outcome",
    ["purpose", "outcome"],
    registry=REGISTRY,
)
LLM_FAILURES = Counter(
    "briefbot_llm_failures",
    "LLM calls that did not return a usable answer",
    ["purpose"],
    registry=REGISTRY,
)
LLM_TOKENS = Counter("briefbot_llm_tokens", "LLM tokens spent", ["direction"], registry=REGISTRY)
LLM_FALLBACKS = Counter(
    "briefbot_llm_fallbacks",
    "Work that fell back from the LLM engine to the offline engine",
    ["work"],
    registry=REGISTRY,
)
QUESTION_SECONDS = Histogram(
    "briefbot_question_seconds",
    "Time to answer a question",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30),
    registry=REGISTRY,
)


# one-line call sites -------------------------------------------------------------------------
def sent(platform: str) -> None:
    MESSAGES_SENT.labels(platform).inc()


def failed(platform: str) -> None:
    MESSAGES_FAILED.labels(platform).inc()


def rate_limited(platform: str) -> None:
    RATE_LIMITED.labels(platform).inc()


def ingested(*statuses: str) -> None:
    for status in statuses:
        ARTICLES.labels(status).inc()


def llm_call(purpose: str, outcome: str, tokens_in: int = 0, tokens_out: int = 0) -> None:
    kind = outcome.split(":", 1)[0]  # "error:timeout" -> "error": a bounded label set
    LLM_CALLS.labels(purpose, kind).inc()
    if kind != "ok":
        LLM_FAILURES.labels(purpose).inc()
    LLM_TOKENS.labels("in").inc(tokens_in)
    LLM_TOKENS.labels("out").inc(tokens_out)


def fallback(work: str) -> None:
    LLM_FALLBACKS.labels(work).inc()


def timed_question(func: Callable[P, R]) -> Callable[P, R]:
    """Decorator: observe the wall time of each call in ``briefbot_question_seconds``."""

    @functools.wraps(func)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            QUESTION_SECONDS.observe(time.perf_counter() - start)

    return run


# read at scrape time --------------------------------------------------------------------------
class OutboxCollector(Collector):
    """Rows waiting in the outbox (pending or sending) and the age of the oldest one."""

    def __init__(self) -> None:
        self.db: Database | None = None  # set by ``serve``

    def collect(self) -> Iterator[GaugeMetricFamily]:
        from bot.store.digest_tables import outbox

        if self.db is None:
            return
        depth = GaugeMetricFamily(
            "briefbot_outbox_depth", "Outbox rows per state", labels=["state"]
        )
        age = GaugeMetricFamily(
            "briefbot_outbox_oldest_age_seconds", "Age of the oldest pending or sending row"
        )
        try:
            with self.db.engine.connect() as conn:
                rows = conn.execute(
                    sa.select(outbox.c.state, sa.func.count()).group_by(outbox.c.state)
                ).all()
                oldest = conn.execute(
                    sa.select(sa.func.min(outbox.c.created_at)).where(
                        outbox.c.state.in_(("pending", "sending"))
                    )
                ).scalar()
        except sa.exc.SQLAlchemyError:
            log.warning("metrics: cannot read the outbox", exc_info=True)
            return
        counts: dict[str, int] = {str(state): int(n) for state, n in rows}
        for state in ("pending", "sending", "sent", "failed", "blocked"):
            depth.add_metric([state], counts.get(state, 0))
        if isinstance(oldest, str):  # SQLite hands back text from an aggregate
            oldest = datetime.fromisoformat(oldest)
        if oldest is not None and oldest.tzinfo is None:
            oldest = oldest.replace(tzinfo=UTC)
        age.add_metric([], (datetime.now(UTC) - oldest).total_seconds() if oldest else 0.0)
        yield depth
        yield age


def healthy(db: Database) -> bool:
    try:
        with db.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        return True
    except sa.exc.SQLAlchemyError:
        return False


class _Handler(BaseHTTPRequestHandler):
    db: Database

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/healthz":
            ok = healthy(self.db)
            self._send(200 if ok else 503, b"ok\n" if ok else b"database unreachable\n")
        elif path == "/metrics":
            self._send(200, generate_latest(REGISTRY), "text/plain; version=0.0.4; charset=utf-8")
        else:
            self._send(404, b"not found: try /metrics or /healthz\n")

    def _send(self, code: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # scrapes are not worth a log line
        return


OUTBOX = OutboxCollector()
REGISTRY.register(OUTBOX)


def serve(db: Database, host: str = "127.0.0.1", port: int = 9464) -> ThreadingHTTPServer | None:
    """Serve /metrics and /healthz in a daemon thread; None when ``port`` is 0 (disabled)."""
    if port == 0:
        return None
    OUTBOX.db = db
    handler = type("Handler", (_Handler,), {"db": db})
    try:
        server = ThreadingHTTPServer((host, port), handler)
    except OSError as exc:  # the bot matters more than its metrics: say so and go on
        log.error("cannot serve metrics on %s:%d (%s); set metrics_port (0: off)", host, port, exc)
        return None
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="metrics", daemon=True).start()
    log.info("metrics on http://%s:%d/metrics, health on /healthz", host, server.server_port)
    return server
