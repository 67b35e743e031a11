"""A grounded answer to a reader's question from numbered passages, in one model call.

For the Q&A engine: ``complete_grounded_answer(llm, question, passages, lang)`` returns the
answer text and the passage numbers it cites; any failure raises EngineUnavailable.
"""

from __future__ import annotations

import re

from bot.domain.errors import EngineUnavailable
from bot.llm.client import LLMClient
from bot.llm.grounding import safe_text
from bot.llm.prompts import escape_data, load_prompt
from bot.llm.schemas import AnswerOut
from bot.textnorm import strip_invisible

LANG_NAMES = {"fr": "French", "en": "English"}
_CITATION = re.compile(r"\[(\d+)\]")


def answer_messages(
    question: str, passages: list[tuple[int, str]], lang: str
) -> list[dict[str, str]]:
    prompt = load_prompt("answer", lang)
    block = "\n\n".join(f"[{n}] {strip_invisible(text)}" for n, text in passages)
    return prompt.render(
        lang_name=LANG_NAMES.get(lang, "English"),
        question=escape_data(strip_invisible(question), "question"),
        passages=escape_data(block, "passages"),
    ).messages()


def complete_grounded_answer(
    llm: LLMClient, question: str, passages: list[tuple[int, str]], lang: str
) -> tuple[str, list[int]]:
    """(answer text, cited passage numbers); only numbers of given passages are kept, and
    citations in the text to unknown numbers are removed."""
    if not passages:
        raise EngineUnavailable("answer: no passages to answer from")
    known = {n for n, _ in passages}
    result = llm.structured("answer", answer_messages(question, passages, lang), AnswerOut)
    text = safe_text(result.value.answer)
    text = _CITATION.sub(lambda m: m.group(0) if int(m.group(1)) in known else "", text)
    text = re.sub(r"\s{2,}", " ", text)
    cited = [n for n in dict.fromkeys(result.value.cited) if n in known]
    for match in _CITATION.finditer(text):
        n = int(match.group(1))
        if n not in cited:
            cited.append(n)
    if not text.strip():
        raise EngineUnavailable("answer: empty answer")
    return text.strip(), cited
