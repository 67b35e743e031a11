"""Keeps the garbage collector's full passes short in a long-running sending process.

A full collection walks every object the process holds, and stops the event loop while it does:
after start-up (PTB, SQLAlchemy, the engine's rules) that took 120-170 ms on the shared 2-core
box, every minute or two. A request caught in it reaches the platform that much after its paced
slot, among the next second's sends, and Telegram answers 429. What start-up built lives as
long as the process, so it is moved out of the collector's sight once, before the loop starts.
"""

from __future__ import annotations

import gc


def freeze_startup_heap(_ready: object = None) -> None:
    """Collect once, then leave everything alive now out of later collections (call it before
    the first send: the collection pauses the process; ``_ready``: a start-up hook's argument).
    """
    gc.collect()
    gc.freeze()
