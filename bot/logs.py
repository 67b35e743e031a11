"""Logging set-up: one line per record on stderr, with every known secret redacted.

Secrets are scrubbed twice: a record factory redacts each record when it is created (so every
handler sees the redacted text, whatever the order handlers were added in), and the stderr
handler carries a ``RedactSecrets`` filter as well. ``redact`` scrubs any other text bound for
a user (top-level error messages, error details stored in the database).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable
from typing import Any

_secrets: list[str] = []
_base_factory = logging.getLogRecordFactory()


def _clean(secrets: Iterable[str]) -> list[str]:
    return sorted({s for s in secrets if len(s) >= 6}, key=len, reverse=True)


class RedactSecrets(logging.Filter):
    """Replaces any secret value found in a record's message or arguments by '***'."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self.secrets = _clean(secrets)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            _redact_record(record, self.redact)
        return True


def _redact_record(record: logging.LogRecord, scrub: Any) -> None:
    try:
        message = record.getMessage()
    except Exception:  # a malformed format string: keep what we can
        message = f"{record.msg!s} {record.args!r}"
    record.msg = scrub(message)
    record.args = None
    if record.exc_info and record.exc_info[1] is not None:
        record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
        record.exc_info = None
    elif record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)


def register_secrets(secrets: Iterable[str]) -> None:
    """Add values that ``redact`` and every log record must never show."""
    global _secrets
    _secrets = _clean([*_secrets, *secrets])


def redact(text: str) -> str:
    """``text`` with every registered secret replaced by '***'."""
    for secret in _secrets:
        text = text.replace(secret, "***")
    return text


def _factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    if _secrets:
        _redact_record(record, redact)
    return record


def setup_logging(verbosity: int, secrets: Iterable[str] = ()) -> None:
    secrets = list(secrets)
    register_secrets(secrets)
    logging.setLogRecordFactory(_factory)
    level = logging.WARNING - 10 * max(0, min(verbosity, 2))
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL at INFO, and the Telegram token is part of that URL
    for noisy in (
        *("httpx", "httpcore", "httpx2", "httpcore2", "urllib3", "trafilatura", "apscheduler"),
    ):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
