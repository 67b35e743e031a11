"""HTML extraction under a hard wall-clock budget: trafilatura runs in a worker process that is
killed when a page's time is up.

trafilatura is superlinear on some page shapes (600 KB of short paragraphs took 42 s) and a
Python thread cannot be interrupted, so a deadline checked between steps cannot bound one
pass. One long-lived worker (``python -m bot.ingest.sandbox``, started on first use, address
space capped) extracts pages one at a time over a pipe (length-prefixed JSON both ways); when a
page overruns its budget the worker is killed, the page is one clear IngestError, and the next
page starts a fresh worker. No fork of our threads, no re-import of ``__main__``.
"""

from __future__ import annotations

import json
import os
import resource
import select
import struct
import subprocess
import sys
import threading
import time
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from bot.domain.models import Article
from bot.ingest.errors import IngestError

STARTUP_TIMEOUT = 60.0  # seconds for the worker to import trafilatura on a loaded machine
WORKER_MEMORY_BYTES = 1_500_000_000  # address space; extraction of a capped page needs far less
_HEADER = struct.Struct(">I")
_WARM_UP_PAGE = (
    "<html><head><title>Essai</title><meta name='date' content='2026-01-01'></head><body>"
    "<article><h1>Essai</h1><p>Ceci est une page d'essai du processus d'extraction, écrite "
    "pour l'échauffer avant la première vraie page.</p><p>Second paragraphe, sans plus.</p>"
    "</article></body></html>"
)
_ROOT = str(Path(__file__).resolve().parent.parent.parent)


def _send(stream: IO[bytes], data: dict[str, Any]) -> None:
    payload = json.dumps(data).encode()
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


def _receive(proc: subprocess.Popen[bytes], deadline: float) -> dict[str, Any]:
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    (size,) = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline))
    return dict(json.loads(_read_exact(fd, size, deadline)))


def _read_exact(fd: int, size: int, deadline: float) -> bytes:
    out = bytearray()
    while len(out) < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise TimeoutError
        chunk = os.read(fd, size - len(out))
        if not chunk:
            raise EOFError
        out += chunk
    return bytes(out)


class _Worker:
    """The extraction worker process and the lock that serialises its use."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen[bytes] | None = None
        self.ready = False  # the worker said "ready" (its imports are done)
        self.lock = threading.Lock()

    def _start(self) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")])),
        }
        return subprocess.Popen(
            [sys.executable, "-m", "bot.ingest.sandbox"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    def _restart(self) -> None:
        self._stop()
        self.proc, self.ready = self._start(), False

    def _stop(self) -> None:
        if self.proc is not None:
            with suppress(OSError):
                self.proc.kill()
            self.proc.wait()
            for stream in (self.proc.stdin, self.proc.stdout):
                if stream is not None:
                    stream.close()
            self.proc, self.ready = None, False

    def extract(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        with self.lock:
            try:
                if self.proc is None or self.proc.poll() is not None:
                    self._restart()
                proc = self.proc
                assert proc is not None and proc.stdin is not None
                if not self.ready:
                    # start-up (imports) is not the page's time: wait for "ready" apart
                    _receive(proc, time.monotonic() + STARTUP_TIMEOUT)
                    self.ready = True
                _send(proc.stdin, request)
                return _receive(proc, time.monotonic() + timeout)
            except TimeoutError:
                self._restart()  # the next worker imports while the batch goes on
                raise IngestError(
                    f"article extraction over its {timeout:.3g} s budget (stopped)"
                ) from None
            except (EOFError, OSError, ValueError):
                self._stop()
                raise IngestError("extraction stopped (out of memory or crashed)") from None


_worker = _Worker()


def stop_worker() -> None:
    """Stop the extraction worker and reap it (the next page starts a fresh one)."""
    with _worker.lock:
        _worker._stop()


def extract_with_timeout(
    html: str, *, url: str | None, path: str | None, timeout: float
) -> Article:
    """The page's article, extracted by the worker; IngestError when it takes over ``timeout``."""
    if timeout <= 0:
        raise IngestError("article over its time budget")
    reply = _worker.extract({"html": html, "url": url, "path": path}, timeout)
    if "error" in reply:
        raise IngestError(str(reply["error"]))
    published = reply.get("published")
    return Article(
        text=reply["text"],
        title=reply["title"],
        url=url,
        path=path,
        published=datetime.fromisoformat(published) if published else None,
        source_name=reply["source_name"],
    )


def _serve() -> None:
    """The worker: read requests from stdin, answer each on stdout, until stdin closes."""
    with suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_BYTES, WORKER_MEMORY_BYTES))
    from bot.ingest.extract import extract_article

    # trafilatura initialises a lot on its first page: do it before "ready", not on a budget
    with suppress(Exception):
        extract_article(_WARM_UP_PAGE)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    _send(stdout, {"ready": True})
    while header := stdin.read(_HEADER.size):
        (size,) = _HEADER.unpack(header)
        request = json.loads(stdin.read(size))
        try:
            article = extract_article(request["html"], url=request["url"], path=request["path"])
            reply: dict[str, Any] = {
                "text": article.text,
                "title": article.title,
                "published": article.published.isoformat() if article.published else None,
                "source_name": article.source_name,
            }
        except IngestError as exc:
            reply = {"error": exc.reason}
        except MemoryError:
            reply = {"error": "page too large to extract (memory cap)"}
        except Exception as exc:  # one clear line, never a traceback
            reply = {"error": f"extraction failed ({type(exc).__name__})"}
        _send(stdout, reply)


if __name__ == "__main__":
    _serve()
