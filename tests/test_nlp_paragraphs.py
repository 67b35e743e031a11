"""The parse starts a sentence after every blank line (bot/extract/rules/nlp.py), so a list item
or a heading is never parsed as part of the paragraph before it."""

from __future__ import annotations

import pytest

from bot.extract.rules import nlp


@pytest.mark.parametrize(
    ("lang", "text", "item"),
    [
        (
            "en",
            "* Oslo demands the zone back before anything else\n\n* Norway wants a written guarantee.",
            "* Norway wants a written guarantee.",
        ),
        (
            "fr",
            "* Oslo exige le retour de la zone avant tout\n\n* La Norvège veut une garantie écrite.",
            "* La Norvège veut une garantie écrite.",
        ),
    ],
)
def test_a_blank_line_starts_a_sentence(lang: str, text: str, item: str) -> None:
    doc = nlp.parse(text, lang)
    if not nlp.has_parse(doc):
        pytest.skip("no parser installed for this language")
    spans = nlp.sentence_spans(doc)
    assert not any("\n\n" in text[a:b].strip() for a, b in spans)
    assert any(item.endswith(text[a:b].strip()) for a, b in spans)
