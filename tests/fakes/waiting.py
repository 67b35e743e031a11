"""The one wait loop of the fake servers: re-check a condition each time the fake signals."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable


async def wait_until(check: Callable[[], object], changed: asyncio.Event, timeout: float) -> None:
    """Return once ``check()`` is true; ``changed`` is set by the fake after every call it
    serves. TimeoutError after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not check():
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("condition not met")
        changed.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), min(left, 0.2))
