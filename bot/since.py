"""Parse ``--since``: the start of a window of stored articles, from what a person would type.

Compact durations (``30m``, ``24h``, ``7d``, ``1w``, ``2 weeks``), ``today`` / ``yesterday``
(local midnight), ``all``, an ISO date or date-time, and otherwise any phrase dateparser reads
in French or English (``3 days ago``, ``il y a 2 jours``, ``last monday``, ``20 novembre``).
Our own regex handles the compact forms because dateparser does not read ``1w`` or ``30m``,
and it is only imported for the remaining phrases (it takes ~0.5 s to load).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

UNITS = {
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "j": 86400,
    "jour": 86400,
    "jours": 86400,
    "w": 604800,
    "week": 604800,
    "weeks": 604800,
    "semaine": 604800,
    "semaines": 604800,
}
_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([a-z]+)$")
HELP = "all, 30m, 24h, 7d, 1w, today, yesterday, a date (2026-11-20) or '3 days ago'"


class BadSince(ValueError):
    """The value is not a window start briefbot understands."""


def parse_since(value: str, *, now: datetime | None = None) -> datetime | None:
    """The UTC start of the window ``value`` names; None for ``all``."""
    now = now or datetime.now(UTC)
    text = value.strip().lower()
    if text in ("all", "tout", "everything"):
        return None
    match = _DURATION.match(text)
    if match and match.group(2) in UNITS:
        return now - timedelta(seconds=float(match.group(1)) * UNITS[match.group(2)])
    if text in ("today", "aujourd'hui", "yesterday", "hier"):
        local = now.astimezone()
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        if text in ("yesterday", "hier"):
            midnight -= timedelta(days=1)
        return midnight.astimezone(UTC)
    try:
        parsed = datetime.fromisoformat(text.upper() if "t" in text else text)
    except ValueError:
        parsed = _natural(value, now)
    if parsed.tzinfo is None:
        parsed = parsed.astimezone()  # a date typed by a person is in their local time
    parsed = parsed.astimezone(UTC)
    if parsed > now:
        raise BadSince(f"{value!r} is in the future")
    return parsed


def _natural(value: str, now: datetime) -> datetime:
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en", "fr"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": True,
            "RELATIVE_BASE": now.astimezone().replace(tzinfo=None),
        },
    )
    if parsed is None:
        raise BadSince(f"{value!r}: use {HELP}")
    return parsed
