"""The error types of the ingest package: a bad input, and a URL that could not be fetched."""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot become an article; ``reason`` is short and readable."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class FetchError(IngestError):
    """A URL that could not be fetched, with a short human reason."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(reason)
        self.url = url

    def __str__(self) -> str:
        return f"{self.reason} ({self.url})"
