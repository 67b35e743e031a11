"""Errors shared across packages."""

from __future__ import annotations


class EngineUnavailable(Exception):
    """An engine could not do this piece of work (timeout, outage, budget, bad output).

    The caller falls back to the next engine; ``reason`` goes to the log.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
