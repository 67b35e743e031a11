"""Daily digests: scheduler (``jobs``), feed polling (``feeds``), digest decisions (``digest``,
``shifts``, ``content``), the outbox and its sender loop (``outbox``, ``sender``, ``pacing``),
leader election (``leader``) and the entry points for ``briefbot run`` / ``worker`` (``run``).

See docs/scale-out.md for running several processes on PostgreSQL.
"""
