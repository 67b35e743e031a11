"""The one error type of the ingest package: a bad input with a short human reason."""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot become an article; ``reason`` is short and readable."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
