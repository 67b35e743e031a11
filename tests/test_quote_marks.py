"""The quoted words of a sentence, as positions carry them."""

from __future__ import annotations

import pytest

from bot.extract.rules.quote_marks import quote_text


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        # English puts the sentence's comma inside the marks: it is not part of the words
        ('"A truce is only a pause," the envoy said.', "A truce is only a pause"),
        ("« Nous resterons, quoi qu'il arrive », a-t-il dit.", "Nous resterons, quoi qu'il arrive"),
        ('He called it "a start", then "a trap;" and left.', "a start […] a trap"),
    ],
)
def test_quoted_words(sentence: str, quoted: str) -> None:
    assert quote_text(sentence) == quoted
    for part in quoted.split(" […] "):
        assert part in sentence  # still verbatim
