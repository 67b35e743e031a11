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
import re
import uuid
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from bot import metrics
from bot.domain.gazetteer import Gazetteer
from bot.domain.i18n import t
from bot.domain.models import Lang
from bot.domain.parties import PartyBook
from bot.qa import followup, memo
from bot.qa.answer import LLMAnswerFn
from bot.qa.lexicon import MentionFinder
from bot.qa.lines import Unsaid
from bot.qa.query import Concept, Query, parse_question
from bot.qa.respond import Answer, Responder, explained
from bot.qa.retrieve import Retrieval
from bot.qa.search import Passage, passages_by_id, score, sentences_of
from bot.qa.statements import MAX_STATEMENTS, from_passage
from bot.qa.text import grounded, stem
from bot.qa.understand import (
    FACT_KINDS,
    KINDS,
    Kind,
    Understanding,
    subject_parties,
    understand,
)
from bot.qa.vocabulary import question_data
from bot.richtext import Reply
from bot.textnorm import collapse_space, fold, strip_invisible

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
        self.responder = Responder(bot)
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
        with memo.one_answer():  # one window, each retrieval statement run once
            return self._answer(question, lang, platform, chat_id, about_tag, answer_id)

    def _answer(
        self,
        question: str,
        lang: Lang,
        platform: str,
        chat_id: str,
        about_tag: str | None,
        answer_id: str,
    ) -> Reply:
        db, settings = self.bot.db, self.bot.settings
        previous = followup.load(db, platform, chat_id, settings.followup_ttl_minutes)
        understood = understand(question, self.finder)
        scope = _digest_articles(self.bot, about_tag)
        if about_tag and previous and about_tag == f"answer:{previous.answer_id}":
            scope = scope if scope is not None else previous.scope
        # a cue says a new question, unless it asks nothing else ("where?")
        alone = understood.cued and bool(understood.query.concepts)
        context = None if alone and not followup.is_led(question) else previous
        resolved = followup.resolve(
            question, understood.query, context, fact=understood.kind in FACT_KINDS
        )
        if scope is None:
            scope = resolved.scope
        replying = resolved.previous is not None and _replies(question)
        if previous is not None and previous.person and followup.refers_to_person(question):
            understood = _about_previous_person(understood, previous, self.bot.book)
        elif resolved.previous is not None:
            understood = _continued(understood, resolved, self.bot.book)
            if replying:
                understood = self._replying(understood, resolved.previous)
        thread = resolved.previous
        if thread is None and previous is not None and followup.refers_back(question):
            thread = previous  # "pourquoi Kyiv refuse-t-il ce délai ?": the previous answer's
        if thread is not None and resolved.why:
            found = explained(
                _explain(self.bot, resolved.query, thread, self.responder.gazetteer).passages
            )
        elif thread is not None and followup.is_who_said(question):
            understood = Understanding("who", resolved.query, cued=True)
            found = self.responder.said_that(thread, lang)
        elif thread is not None and followup.is_who_else(question):
            understood = Understanding("who", resolved.query, cued=True)
            found = self.responder.who_else(thread, lang, scope)
        else:
            found = self.responder.find(
                understood,
                lang,
                scope,
                thread=thread.articles if thread else None,
                answered=frozenset(thread.passages) if thread and replying else frozenset(),
            )
            if followup.asks_why(question) and not found.refused:
                _with_reasons(self.bot, found, self.responder.gazetteer, understood.parties)
        reply = self.responder.write(
            understood, found, lang, answer_id, scope, why=resolved.why, llm=self.llm()
        )
        ctx = followup.Context(
            answer_id=answer_id,
            lang=lang,
            question=question,
            query=resolved.query,
            passages=found.sentences,
            articles=found.articles,
            scope=scope,
            kind=understood.kind,
            speakers=[st.speaker or st.party_id or "" for st in found.statements],
            person=understood.person_label,
        )
        followup.save(db, platform, chat_id, ctx, reply.plain)
        return reply

    def _replying(self, understood: Understanding, previous: followup.Context) -> Understanding:
        """ "Que veut Moscou ?" then "Et que répond Kyiv ?": what Kyiv answers is what the
        previous answer said; the words of its statements are looked for too (lighter than
        the question's own)."""
        said = passages_by_id(self.bot.db, previous.passages)
        asked = {c.label for c in understood.query.concepts}
        extra: dict[str, Concept] = {}
        for p in said:
            for c in parse_question(p.text, self.finder).content:
                if c.label not in asked:
                    extra.setdefault(c.label, replace(c, weight=c.weight * REPLIED_WEIGHT))
        if not extra:
            return understood
        query = Query(understood.query.text, [*understood.query.concepts, *extra.values()])
        return replace(understood, query=query)


REPLIED_WEIGHT = 1.0  # a word of the answer replied to, against one of the question


@lru_cache(maxsize=1)
def _reply_words() -> frozenset[str]:
    return frozenset(fold(w) for w in question_data()["followup"]["replies"])


def _replies(question: str) -> bool:
    """A question asking how someone answers ("Et que répond Kyiv ?")."""
    return bool(_reply_words() & set(fold(question).replace("’", " ").replace("'", " ").split()))


def _about_previous_person(
    understood: Understanding, previous: followup.Context, book: PartyBook
) -> Understanding:
    """ "What does he think Putin still wants?": the person of the previous question, the
    rest of this one as what is asked."""
    known = [p for p in book.people if p.name == previous.person]
    unknown = "" if known else previous.person
    return Understanding("person", understood.query, understood.parties, known, unknown, True)


def _continued(understood: Understanding, resolved: followup.Resolved, book: PartyBook):
    """A follow-up understood in the thread of the previous question: its query, and the
    previous kind unless the follow-up names a party after a person or the reverse."""
    previous = resolved.previous
    query = resolved.query
    kind: Kind = understood.kind
    if previous is not None and previous.kind in KINDS and not understood.cued:
        kind = KINDS[KINDS.index(previous.kind)]
    names = set(query.people)
    people = [p for p in book.people if p.name in names]
    if kind == "person" and not people and query.parties:
        kind = "position"
    elif kind == "position" and people:
        kind = "person"
    # the parties asked about are the named ones, not one the previous question weighed as
    # what a stance bears on ("…sending troops to Ukraine?" then "Et la Hongrie ?")
    parties = subject_parties(query) or query.parties
    return Understanding(kind, query, parties, people, understood.unknown_person)


@lru_cache(maxsize=1)
def _causes() -> frozenset[str]:
    """Stems of the words that give a reason (bot/qa/data/questions.toml, [why])."""
    words = question_data()["why"]["causes"]
    return frozenset(stem(fold(w), lang) for w in words for lang in ("fr", "en"))


@lru_cache(maxsize=1)
def _purposes() -> re.Pattern[str]:
    phrases = question_data()["why"]["purpose"]
    # a phrase ending with an elided word ("dans le cadre d'") runs into the next word
    return re.compile(
        "|".join(
            rf"(?<!\w){re.escape(fold(p))}" + ("" if p.endswith(("'", "’")) else r"(?!\w)")
            for p in phrases
        )
    )


def _purpose(sentence: str) -> bool:
    """A phrase of purpose ("dans le cadre d'une visite", "in order to")."""
    return bool(_purposes().search(fold(sentence)))


REASON_SPAN = 2  # sentences after a statement read for its reason
SIDES_REASON = 1.25  # a side's own reason after its position: a causal sentence, and more


def _with_reasons(bot: BriefBot, found: Answer, gazetteer: Gazetteer, parties: list[str]) -> None:
    """ "Why won't Poland send soldiers?": the first statement is what the party does; the
    sentences just after it that give a reason ("a justifié", "because") are its why, shown
    second."""
    first = next((s for s in found.statements if s.sentence_id is not None), None)
    if first is None or first.sentence_id is None:
        return
    anchor = passages_by_id(bot.db, [first.sentence_id])
    if not anchor:
        return
    at = anchor[0]
    shown = {s.sentence_id for s in found.statements}
    causes = _causes()
    party = first.party_id or at.party_id or next(iter(parties), None)
    unsaid = Unsaid(bot.articles(ids=[at.article_id]))
    reasons = [
        p
        for p in sentences_of(bot.db, [at.article_id])
        if at.seq < p.seq <= at.seq + REASON_SPAN
        and not unsaid(p.article_id, p.text)
        and p.sentence_id not in shown
        and (
            bool(causes & set(p.stems))
            or _purpose(p.text)
            or (p.seq == at.seq + 1 and _quoted_for(gazetteer, p.text, party))
        )
    ]
    if reasons:
        k = found.statements.index(first) + 1
        found.statements[k:k] = [from_passage(p) for p in reasons[:1]]
        del found.statements[MAX_STATEMENTS:]


_OPENS_QUOTE = re.compile(r"^\W{0,2}[«\"“]")


def _quoted_for(gazetteer: Gazetteer, sentence: str, party: str | None) -> bool:
    """ "Kyiv rejects the 90-day wait. 'Ninety days is how long Russia needs to regroup,' said
    a Ukrainian official": a quotation right after what a party does, said for that party,
    is its reason."""
    if not party or not _OPENS_QUOTE.match(sentence):
        return False
    return any(h.party_id == party for h in gazetteer.party_hits(sentence))


def _going_on(bot: BriefBot, first: list[Passage], speakers: list[str]) -> set[int]:
    """The sentence right after the first one answered when its speaker goes on in it
    ("Le port rouvrira au printemps, pas avant. On ne navigue pas dans la glace…"): the
    speaker's own next words are the why of what they said."""
    if not first or not speakers or not speakers[0]:
        return set()
    at = first[0]
    after = [p for p in sentences_of(bot.db, [at.article_id]) if p.seq == at.seq + 1]
    if not after:
        return set()
    try:
        positions = bot.positions(bot.articles(ids=[at.article_id]), all_speakers=True)
    except Exception:  # the analysis engines are optional for answering
        return set()
    sentence = grounded(after[0].text)
    evidence = [
        grounded(pos.evidence or pos.quote or "") for pos in positions if pos.speaker == speakers[0]
    ]
    said = any(e and (sentence[:60] in e or e[:60] in sentence) for e in evidence)
    return {after[0].sentence_id} if said else set()


@lru_cache(maxsize=1)
def _judges() -> frozenset[str]:
    """Stems of the words of a side's own judgement ([why] judges of questions.toml)."""
    words = question_data()["why"]["judges"]
    return frozenset(stem(fold(w), lang) for w in words for lang in ("fr", "en"))


def _sides_sentences(
    bot: BriefBot, gazetteer: Gazetteer, sides: list[str], sentences: list[Passage]
) -> set[int]:
    """The sentences that are a side's: naming it, or the evidence of its stored positions."""
    out = {
        p.sentence_id
        for p in sentences
        if {h.party_id for h in gazetteer.party_hits(p.text)} & set(sides)
    }
    ids = sorted({p.article_id for p in sentences})
    try:
        positions = bot.positions(bot.articles(ids=ids), all_speakers=True) if ids else []
    except Exception:  # the analysis engines are optional for answering
        positions = []
    evidence = [grounded(pos.evidence)[:60] for pos in positions if pos.party_id in sides]
    for p in sentences:
        key = grounded(p.text)
        if any(e and e in key for e in evidence):
            out.add(p.sentence_id)
    return out


def _explain(
    bot: BriefBot, query: Query, previous: followup.Context, gazetteer: Gazetteer | None = None
) -> Retrieval:
    """A "why?" after an answer: sentences of the same articles that give reasons (causal
    words), preferring those just around the sentences quoted before; after a side's position
    ("Quelle est la position de la Hongrie…" "pourquoi ?"), the side's own reasons (its
    sentences with a causal word, or its judgement: "estime que le prêt prolongera la guerre")
    before anyone else's."""
    quoted = passages_by_id(bot.db, previous.passages)
    near = {(p.article_id, p.seq + d) for p in quoted for d in (-2, -1, 1, 2)}
    first = [p for p in quoted if p.sentence_id in previous.passages[:1]]
    going_on = _going_on(bot, first, previous.speakers[:1])
    used = set(previous.passages)
    pool: list[Passage] = []
    causes = _causes()
    unsaid = Unsaid(bot.articles(ids=previous.articles)) if previous.articles else None
    for p in sentences_of(bot.db, previous.articles):
        if unsaid is not None and unsaid(p.article_id, p.text):
            continue  # a heading, a rubric, a title gives no reason
        causal = bool(causes & set(p.stems)) or _purpose(p.text) or p.sentence_id in going_on
        if p.sentence_id in previous.passages[:1] and not causal:
            continue  # what was answered; the other sentences shown may hold its reason
        close = (p.article_id, p.seq) in near or p.sentence_id in used
        related = score(query, p).coverage
        p.score = (1.0 if causal else 0.0) + (0.5 if close else 0.0) + 0.5 * related
        # a reason far from what was answered, about something else, explains nothing
        if (causal and (close or related > 0)) or (close and related > 0):
            pool.append(p)
    # the side the position was asked of (not one it bears on: "…que l'UE finance la force")
    asked = subject_parties(query) or query.parties
    sides = list(asked[:1]) if previous.kind == "position" and gazetteer else []
    if sides and gazetteer is not None:
        sentences = sentences_of(bot.db, previous.articles)
        theirs = _sides_sentences(bot, gazetteer, sides, sentences)
        judges = _judges()
        own: list[Passage] = []
        for p in sentences:
            if p.sentence_id not in theirs or unsaid is None or unsaid(p.article_id, p.text):
                continue
            if p.sentence_id in previous.passages[:1]:
                continue  # what was answered is no reason of itself
            reason = bool(causes & set(p.stems)) or bool(judges & set(p.stems))
            close = (p.article_id, p.seq) in near
            related = score(query, p).coverage
            if reason and (close or related > 0):
                p.score = SIDES_REASON + (0.5 if close else 0.0) + 0.5 * related
                own.append(p)
        # the side's reasons first, then the others' causal words near them
        theirs_first = {p.sentence_id for p in own}
        pool = own + [p for p in pool if p.sentence_id not in theirs_first]
    pool.sort(key=lambda p: (-p.score, p.article_id, p.seq))
    chosen = [p for p in pool[:3] if p.score >= 1.0]
    ids = sorted({p.article_id for p in chosen})
    arts = {a.id: a for a in bot.articles(ids=ids)} if ids else {}
    return Retrieval(query, chosen, {k: v for k, v in arts.items() if k is not None})
