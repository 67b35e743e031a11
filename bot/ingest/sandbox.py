"""HTML extraction under a hard wall-clock budget: trafilatura runs in a child process that is
killed when its time is up.

trafilatura is superlinear on some page shapes (600 KB of short paragraphs took 42 s) and a
Python thread cannot be interrupted, so a deadline checked between steps cannot bound one
pass. Each page is handed to a short-lived child forked from a ``forkserver`` that preloaded
trafilatura (a few ms per page, no import cost, no fork of our threads); the child's address
space is capped too. On timeout the child is killed and the page is one clear IngestError.
"""

from __future__ import annotations

import multiprocessing
import resource
import threading
from contextlib import suppress
from multiprocessing.connection import Connection
from typing import Any

from bot.ingest.errors import IngestError
from bot.models import Article

CHILD_MEMORY_BYTES = 1_500_000_000  # address space; extraction of a capped page needs far less
_ctx: Any = None
_lock = threading.Lock()


def _context() -> Any:
    global _ctx
    with _lock:
        if _ctx is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["bot.ingest.extract"])
            _ctx = ctx
    return _ctx


def _child(conn: Connection, html: str, url: str | None, path: str | None) -> None:
    from bot.ingest.extract import extract_article  # preloaded in the fork server

    with suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    try:
        conn.send(("ok", extract_article(html, url=url, path=path)))
    except IngestError as exc:
        conn.send(("error", exc.reason))
    except MemoryError:
        conn.send(("error", "page too large to extract (memory cap)"))
    except Exception as exc:  # one clear line, never a traceback
        conn.send(("error", f"extraction failed ({type(exc).__name__})"))
    finally:
        conn.close()


def extract_with_timeout(
    html: str, *, url: str | None, path: str | None, timeout: float
) -> Article:
    """``extract_article`` in a child process; IngestError when it takes over ``timeout``."""
    if timeout <= 0:
        raise IngestError("article over its time budget (fetch and extraction)")
    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, html, url, path), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise IngestError(f"article extraction over its {timeout:.3g} s budget (stopped)")
        try:
            status, value = receive.recv()
        except EOFError:
            raise IngestError("extraction stopped (out of memory or killed)") from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join(5)
        child.close()
    if status != "ok" or not isinstance(value, Article):
        raise IngestError(str(value))
    return value
