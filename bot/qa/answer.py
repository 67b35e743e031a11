"""Answers as rich-text Replies: answer first (one short line when the articles hold it), then
at most three attributed statements with numbered sources; the refusal with what the
articles cover; and the rendering of an LLM answer whose quotes are checked verbatim.

The framing is in the chat's language (bot/qa/data/questions.toml); statements stay verbatim
in the article's language, marked when it differs ("(in French)"), and only words the
article itself quotes are shown between quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from bot.domain.i18n import t
from bot.domain.models import Article, Lang
from bot.domain.parties import PartyBook
from bot.qa.statements import Statement
from bot.qa.vocabulary import question_data
from bot.richtext import Reply, Span
from bot.textnorm import collapse_space, is_grounded

# (question, numbered passages, lang) -> (answer text with [n] citations, cited numbers)
LLMAnswerFn = Callable[[str, list[tuple[int, str]], str], tuple[str, list[int]]]

_QUOTED = re.compile(r"«\s*([^»]+?)\s*»|“([^”]+)”|\"([^\"]+)\"")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CITATION = re.compile(r"\[(\d+)\]")
_LETTERS = re.compile(r"[^\W\d_]{3}")
_DEBRIS = re.compile(r"^[^\w«“\"(]+|[^\w»”\")!?.…]+$")
MAX_LINE = 220


def text(lang: Lang, key: str, **values: str) -> str:
    """A framing text of bot/qa/data/questions.toml in ``lang``."""
    template: str = question_data()["text"][lang][key]
    return template.format(**values) if values else template


def _marks(lang: str) -> tuple[str, str]:
    return ("« ", " »") if lang == "fr" else ("“", "”")


def lang_marker(quote_lang: str, lang: Lang) -> str:
    if quote_lang == lang:
        return ""
    return t(lang, "qa.in_french" if quote_lang == "fr" else "qa.in_english")


def shorten(words: str, limit: int = MAX_LINE) -> str:
    words = collapse_space(words)
    if len(words) <= limit:
        return words
    cut = words[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut} …"


def display_title(article: Article) -> str:
    """The article's title without page debris ("#}"), else its first line that reads as one."""
    raw = collapse_space(article.title or "")
    title = _DEBRIS.sub("", raw)
    if _LETTERS.search(title) or not raw:
        return title
    for line in article.text.splitlines()[:8]:  # the title was page debris
        line = _DEBRIS.sub("", collapse_space(line))
        if _LETTERS.search(line) and 3 <= len(line.split()) <= 20 and line[-1] not in ".:":
            return line
    return ""


def source_label(article: Article | None, article_id: int) -> tuple[str, str | None]:
    """(what to show, link): the title and link, or the title and the file name (never a
    path)."""
    if article is None:
        return f"article {article_id}", None
    title = display_title(article)
    if article.url:
        return (f"{title} — {article.url}" if title else article.url), article.url
    name = Path(article.path).name if article.path else article.source_name or f"{article_id}"
    return (f"{title} ({name})" if title and title != name else name), None


def source_numbers(statements: list[Statement]) -> dict[int, int]:
    """Article id -> citation number, in order of first use."""
    numbers: dict[int, int] = {}
    for s in statements:
        numbers.setdefault(s.article_id, len(numbers) + 1)
    return numbers


def add_sources(reply: Reply, numbers: dict[int, int], articles: dict[int, Article], lang: Lang):
    reply.add(Span(t(lang, "qa.sources"), bold=True), kind="heading")
    for article_id, number in numbers.items():
        label, link = source_label(articles.get(article_id), article_id)
        if link:
            reply.add(Span(f"[{number}] "), Span(label, link=link), kind="source")
        else:
            reply.add(Span(f"[{number}] {label}"), kind="source")


def role_of(book: PartyBook, statement: Statement, lang: Lang) -> str:
    """The speaker's role in the answer's language when the party book knows the person."""
    for person in book.people:
        if statement.speaker in (person.name, *person.aliases):
            return person.role_fr if lang == "fr" else person.role_en
    return collapse_space(statement.role) if statement.lang == lang else ""


def attribution(book: PartyBook, statement: Statement, lang: Lang) -> str:
    """ "Speaker (role, Party)", "Party" or "" when the statement is the journalist's."""
    party = book.name(statement.party_id, lang) if statement.party_id else ""
    if not statement.speaker:
        return party
    details = [d for d in (role_of(book, statement, lang), party) if d]
    return f"{statement.speaker} ({', '.join(details)})" if details else statement.speaker


def shown(statement: Statement, lang: Lang) -> str:
    """The statement's words, between quotation marks only when the article quotes them."""
    if statement.quoted:
        opening, closing = _marks(lang)
        return f"{opening}{statement.text}{closing}"
    return statement.text


def refusal(lang: Lang, answer_id: str, covers: str = "", lead: str = "") -> Reply:
    """One line saying the articles do not answer (or ``lead``), one saying what they cover."""
    reply = Reply(tag=f"answer:{answer_id}")
    reply.add(lead or t(lang, "qa.unsupported"))
    if covers:
        reply.add(covers)
    return reply


def compose(
    statements: list[Statement],
    articles: dict[int, Article],
    book: PartyBook,
    lang: Lang,
    answer_id: str,
    *,
    line: str = "",
    lead: str = "",
    why: bool = False,
) -> Reply:
    """The answer line (or ``lead``, or an introduction), then the statements with sources.
    Without an answer line, the first statement said by someone is the answer, first: "Kaja
    Kallas: L'ordre logique…" (an introduction only for what no one is quoted saying)."""
    reply = Reply(tag=f"answer:{answer_id}")
    for paragraph in lead.splitlines():
        reply.add(paragraph)
    first = statements[0] if statements else None
    if not line and not lead and not why and first is not None and first.speaker:
        line = text(lang, "position", party=first.speaker, text=shorten(first.text))
    if line:
        reply.add(Span(line, bold=True))
    elif not lead:
        reply.add(text(lang, "intro_why" if why else "intro"))
    numbers = source_numbers(statements)
    for s in statements:
        spans: list[Span] = [Span("• ")]
        who = attribution(book, s, lang)
        if who:
            spans += [Span(who, bold=True), Span(text(lang, "colon"))]
        spans.append(Span(shown(s, lang)))
        marker = lang_marker(s.lang, lang)
        if marker:
            spans.append(Span(marker))
        spans.append(Span(f" [{numbers[s.article_id]}]"))
        reply.add(*spans, kind="item")
    add_sources(reply, numbers, articles, lang)
    return reply


def _grounded_sentences(answer: str, sources: list[str]) -> str:
    """``answer`` without the sentences quoting something no source contains verbatim."""
    kept = []
    for sentence in _SENTENCE_END.split(answer):
        fragments = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(sentence)]
        if all(any(is_grounded(f, s) for s in sources) for f in fragments):
            kept.append(sentence)
    return " ".join(kept).strip()


def llm_answer(
    ask: LLMAnswerFn,
    question: str,
    statements: list[Statement],
    articles: dict[int, Article],
    book: PartyBook,
    lang: Lang,
    answer_id: str,
) -> Reply | None:
    """The LLM's answer written from the retrieved statements (each given with who said it),
    or None when it cannot be used (refusal, nothing cited, or no sentence left after the
    verbatim check of every quoted fragment against the statements' own words)."""
    if not statements:
        return None
    numbered = []
    for n, s in enumerate(statements, 1):
        who = attribution(book, s, lang)
        numbered.append((n, f"{who}: {s.text}" if who else s.text))
    answer, cited = ask(question, numbered, lang)
    answer = _grounded_sentences(answer, [s.text for s in statements])
    if not answer or not cited or t(lang, "qa.unsupported").rstrip(".") in answer:
        return None
    used = [statements[n - 1] for n in cited if 0 < n <= len(statements)]
    numbers = source_numbers(used or statements)

    def renumber(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 0 < n <= len(statements) and statements[n - 1].article_id in numbers:
            return f"[{numbers[statements[n - 1].article_id]}]"
        return ""

    reply = Reply(tag=f"answer:{answer_id}")
    reply.add(_CITATION.sub(renumber, answer))
    add_sources(reply, numbers, articles, lang)
    return reply
