"""Reply tags: how a bot message is recognised when someone replies to it.

A briefing is tagged ``digest:<article ids>`` so the Q&A module can answer a follow-up about
exactly the articles the digest was written from.
"""

from __future__ import annotations

DIGEST = "digest:"


def digest_tag(article_ids: list[int]) -> str:
    return DIGEST + ",".join(str(i) for i in sorted(article_ids))


def digest_articles(tag: str | None) -> list[int] | None:
    """The article ids of a digest tag; None when ``tag`` is not a digest's."""
    if not tag or not tag.startswith(DIGEST):
        return None
    body = tag[len(DIGEST) :]
    try:
        return [int(x) for x in body.split(",") if x]
    except ValueError:
        return None
