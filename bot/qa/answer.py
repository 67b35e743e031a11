"""Answers as rich-text Replies: the offline answer (verbatim quotes grouped by party, numbered
sources), the refusal, and the rendering of an LLM answer whose quotes are checked verbatim.

The answer is written in the chat's language; quotes stay in the article's language and are
marked when it differs ("(in French)").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.domain.i18n import t
from bot.domain.models import Article, Lang
from bot.domain.parties import PartyBook
from bot.qa.retrieve import Retrieval
from bot.qa.search import Passage, matches
from bot.richtext import Reply, Span
from bot.textnorm import collapse_space, is_grounded

# (question, numbered passages, lang) -> (answer text with [n] citations, cited numbers)
LLMAnswerFn = Callable[[str, list[tuple[int, str]], str], tuple[str, list[int]]]

_QUOTED = re.compile(r"«\s*([^»]+?)\s*»|“([^”]+)”|\"([^\"]+)\"")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CITATION = re.compile(r"\[(\d+)\]")


_OWN_QUOTE = re.compile(r"[«»“”„]|\"[^\"]+\"")


def _marks(lang: str) -> tuple[str, str]:
    return ("« ", " »") if lang == "fr" else ("“", "”")


def shown_quote(text: str, lang: Lang) -> str:
    """A supporting sentence as quoted in the answer: between the answer's quotation marks,
    unless it contains a quotation of its own (« … », “ … ”, "…"), which would give
    « « … », a déclaré … »: such a sentence is shown as it is. Verbatim either way."""
    if _OWN_QUOTE.search(text):
        return text
    opening, closing = _marks(lang)
    return f"{opening}{text}{closing}"


def lang_marker(quote_lang: str, lang: Lang) -> str:
    if quote_lang == lang:
        return ""
    return t(lang, "qa.in_french" if quote_lang == "fr" else "qa.in_english")


def refusal(lang: Lang, answer_id: str) -> Reply:
    reply = Reply(tag=f"answer:{answer_id}")
    reply.add(t(lang, "qa.unsupported"))
    return reply


def source_numbers(passages: list[Passage]) -> dict[int, int]:
    """Article id -> citation number, in order of first use."""
    numbers: dict[int, int] = {}
    for p in passages:
        numbers.setdefault(p.article_id, len(numbers) + 1)
    return numbers


def add_sources(reply: Reply, numbers: dict[int, int], articles: dict[int, Article], lang: Lang):
    reply.add(Span(t(lang, "qa.sources"), bold=True), kind="heading")
    for article_id, number in numbers.items():
        article = articles.get(article_id)
        source = article.source if article else f"article:{article_id}"
        link = source if source.startswith(("http://", "https://")) else None
        title = f" — {article.title}" if article and article.title else ""
        reply.add(Span(f"[{number}] "), Span(source, link=link), Span(title), kind="source")


def _party_of(passage: Passage, retrieval: Retrieval) -> str | None:
    if passage.party_id:
        return passage.party_id
    for concept in retrieval.query.entities:
        if len(concept.parties) == 1 and matches(concept, passage):
            return concept.parties[0]
    return None


def _role(book: PartyBook, passage: Passage, lang: Lang) -> str:
    """The speaker's role in the answer's language when the party book knows the person."""
    for person in book.people:
        if passage.speaker in (person.name, *person.aliases):
            return person.role_fr if lang == "fr" else person.role_en
    return collapse_space(passage.speaker_role) if passage.lang == lang else ""


def offline_answer(
    retrieval: Retrieval, lang: Lang, book: PartyBook, answer_id: str, *, why: bool = False
) -> Reply:
    """Two to five sentences: an introduction, then the supporting quotes with citations."""
    if not retrieval.supported:
        return refusal(lang, answer_id)
    passages = retrieval.passages
    numbers = source_numbers(passages)
    groups: dict[str | None, list[Passage]] = {}
    for p in passages:
        groups.setdefault(_party_of(p, retrieval), []).append(p)
    reply = Reply(tag=f"answer:{answer_id}")
    reply.add(t(lang, "qa.intro_why" if why else "qa.intro"))
    show_heads = len(groups) > 1 or None not in groups
    for party, members in groups.items():
        if show_heads:
            name = book.name(party, lang) if party else t(lang, "qa.other")
            reply.add(Span(name, bold=True), kind="heading")
        for p in members:
            spans: list[Span] = []
            if p.speaker:
                role = _role(book, p, lang)
                who = f"{p.speaker} ({role})" if role else p.speaker
                spans.append(Span(who, bold=True))
                spans.append(Span(" : " if lang == "fr" else ": "))
            spans.append(Span(shown_quote(p.text, lang), italic=True))
            marker = lang_marker(p.lang, lang)
            if marker:
                spans.append(Span(marker))
            spans.append(Span(f" [{numbers[p.article_id]}]"))
            reply.add(*spans, kind="quote")
    add_sources(reply, numbers, retrieval.articles, lang)
    return reply


def _grounded_sentences(text: str, sources: list[str]) -> str:
    """``text`` without the sentences quoting something no source contains verbatim."""
    kept = []
    for sentence in _SENTENCE_END.split(text):
        fragments = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(sentence)]
        if all(any(is_grounded(f, s) for s in sources) for f in fragments):
            kept.append(sentence)
    return " ".join(kept).strip()


def llm_answer(
    ask: LLMAnswerFn,
    question: str,
    retrieval: Retrieval,
    lang: Lang,
    answer_id: str,
) -> Reply | None:
    """The LLM's answer grounded on the retrieved passages, or None when it cannot be used
    (refusal, nothing cited, or no sentence left after the verbatim check)."""
    passages = retrieval.passages
    if not passages:
        return None
    numbered = [(n, p.text) for n, p in enumerate(passages, 1)]
    text, cited = ask(question, numbered, lang)
    text = _grounded_sentences(text, [p.text for p in passages])
    if not text or not cited or t(lang, "qa.unsupported").rstrip(".") in text:
        return None
    used = [passages[n - 1] for n in cited if 0 < n <= len(passages)]
    numbers = source_numbers(used or passages)

    def renumber(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 0 < n <= len(passages) and passages[n - 1].article_id in numbers:
            return f"[{numbers[passages[n - 1].article_id]}]"
        return ""

    reply = Reply(tag=f"answer:{answer_id}")
    reply.add(_CITATION.sub(renumber, text))
    add_sources(reply, numbers, retrieval.articles, lang)
    return reply
