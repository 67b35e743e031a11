"""Questions about the stored articles, answered from their sentences with numbered sources.

``QuestionAnswerer(bot)`` is the ``asker`` the chat command core calls:
``answerer(question, lang, platform, chat_id, about_tag) -> Reply``. It parses the question
(parties, people, topics, words, in French or English), resolves short follow-ups against the
chat's previous question, retrieves supporting sentences from the recent window (or from a
digest's articles when the question replies to one), and answers with the LLM when configured
(checked verbatim, falling back on any failure) or offline with quotes.
"""

from __future__ import annotations

import logging
import uuid
from typing import TYPE_CHECKING

from bot import metrics
from bot.domain.i18n import t
from bot.domain.models import Lang
from bot.qa import followup
from bot.qa.answer import LLMAnswerFn, llm_answer, offline_answer
from bot.qa.lexicon import MentionFinder
from bot.qa.query import Query, parse_question
from bot.qa.retrieve import Retrieval, retrieve
from bot.qa.search import Passage, passages_by_id, score, sentences_of
from bot.richtext import Reply
from bot.textnorm import collapse_space, strip_invisible

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

__all__ = ["QuestionAnswerer"]

MAX_QUESTION_CHARS = 500


def _digest_articles(bot: BriefBot, about_tag: str | None) -> list[int] | None:
    """The article ids of the digest a question replies to (``digest:<ids>`` or a stored key)."""
    if not about_tag or not about_tag.startswith("digest:"):
        return None
    body = about_tag[len("digest:") :]
    try:
        return [int(x) for x in body.split(",") if x.strip()]
    except ValueError:
        pass
    import sqlalchemy as sa

    try:
        with bot.db.engine.connect() as conn:
            ids = conn.execute(
                sa.text("SELECT article_ids FROM digests WHERE key = :k"), {"k": body}
            ).scalar()
    except sa.exc.DBAPIError:
        return None
    if isinstance(ids, str):
        import json

        ids = json.loads(ids)
    return [int(i) for i in ids] if ids is not None else None


class QuestionAnswerer:
    """Answers questions about the stored articles; one instance serves every chat."""

    def __init__(self, bot: BriefBot, *, llm: LLMAnswerFn | None = None) -> None:
        self.bot = bot
        self.finder = MentionFinder(bot.book)
        self._llm = llm
        self._llm_tried = llm is not None

    # -- LLM seam ------------------------------------------------------------------------------
    def llm(self) -> LLMAnswerFn | None:
        """The grounded-answer function of bot/llm when the LLM engine is configured."""
        if self._llm_tried:
            return self._llm
        self._llm_tried = True
        settings = self.bot.settings
        if settings.engine != "llm" or not settings.llm_enabled:
            return None
        try:
            from bot.llm.answer import complete_grounded_answer
            from bot.llm.client import LLMClient

            client = LLMClient(settings, self.bot.db)
        except Exception as exc:
            log.warning("LLM answers unavailable, answering offline: %s", exc)
            return None

        def ask(question: str, passages: list[tuple[int, str]], lang: str) -> tuple[str, list[int]]:
            return complete_grounded_answer(client, question, passages, lang)

        self._llm = ask
        return ask

    # -- the asker -----------------------------------------------------------------------------
    @metrics.timed_question
    def __call__(
        self, question: str, lang: Lang, platform: str, chat_id: str, about_tag: str | None
    ) -> Reply:
        question = collapse_space(strip_invisible(question))[:MAX_QUESTION_CHARS]
        answer_id = uuid.uuid4().hex[:12]
        if not question:
            return Reply(tag=f"answer:{answer_id}").add(t(lang, "qa.ask_something"))
        db, settings = self.bot.db, self.bot.settings
        previous = followup.load(db, platform, chat_id, settings.followup_ttl_minutes)
        parsed = parse_question(question, self.finder)
        scope = _digest_articles(self.bot, about_tag)
        if about_tag and previous and about_tag == f"answer:{previous.answer_id}":
            scope = scope if scope is not None else previous.scope
        resolved = followup.resolve(question, parsed, previous)
        if scope is None:
            scope = resolved.scope
        retrieval = self._retrieve(resolved, scope)
        reply = self._answer(question, retrieval, lang, answer_id, why=resolved.why)
        ctx = followup.Context(
            answer_id=answer_id,
            lang=lang,
            question=question,
            query=resolved.query,
            passages=[p.sentence_id for p in retrieval.passages],
            articles=sorted({p.article_id for p in retrieval.passages}),
            scope=scope,
        )
        followup.save(db, platform, chat_id, ctx, reply.plain)
        return reply

    def _retrieve(self, resolved: followup.Resolved, scope: list[int] | None) -> Retrieval:
        previous = resolved.previous
        if resolved.why and previous is not None:
            return _explain(self.bot, resolved.query, previous)
        return retrieve(self.bot, resolved.query, article_ids=scope)

    def _answer(
        self, question: str, retrieval: Retrieval, lang: Lang, answer_id: str, *, why: bool
    ) -> Reply:
        ask = self.llm()
        if ask is not None and retrieval.supported:
            try:
                reply = llm_answer(ask, question, retrieval, lang, answer_id)
            except Exception as exc:  # EngineUnavailable or anything else: answer offline
                log.warning("LLM answer failed, answering offline: %s", exc)
                metrics.fallback("answer")
                reply = None
            if reply is not None:
                return reply
        return offline_answer(retrieval, lang, self.bot.book, answer_id, why=why)


CAUSAL = frozenset(
    {"car", "parc", "raison", "afin", "caus", "puisqu", "becaus", "sinc", "due", "reason"}
)


def _explain(bot: BriefBot, query: Query, previous: followup.Context) -> Retrieval:
    """A "why?" after an answer: sentences of the same articles that give reasons (causal
    words), preferring those just around the sentences quoted before."""
    quoted = passages_by_id(bot.db, previous.passages)
    near = {(p.article_id, p.seq + d) for p in quoted for d in (-1, 1)}
    used = set(previous.passages)
    pool: list[Passage] = []
    for p in sentences_of(bot.db, previous.articles):
        if p.sentence_id in used:
            continue
        causal = bool(CAUSAL & set(p.stems))
        score(query, p)
        p.score = (1.0 if causal else 0.0) + (0.5 if (p.article_id, p.seq) in near else 0.0)
        p.score += 0.5 * p.coverage * p.entities
        if causal or ((p.article_id, p.seq) in near and p.coverage * p.entities > 0):
            pool.append(p)
    pool.sort(key=lambda p: (-p.score, p.article_id, p.seq))
    chosen = [p for p in pool[:3] if p.score >= 0.75]
    ids = sorted({p.article_id for p in chosen})
    arts = {a.id: a for a in bot.articles(ids=ids)} if ids else {}
    return Retrieval(query, chosen, {k: v for k, v in arts.items() if k is not None})
