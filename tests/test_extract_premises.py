"""What a sentence quotes of the question put to a speaker, and what a reporter's question says
of others: neither is the speaker's own statement."""

from __future__ import annotations

from tests.extract_support import extract, one


def test_words_quoted_in_the_question_are_not_the_answer() -> None:
    text = (
        "Interrogé sur la « coalition des volontaires », le ministre suédois de la Pêche, Erik "
        "Lund, a répondu : « Cette décision appartient au Parlement. »"
    )
    p = one(extract(text), "Cette décision appartient au Parlement")
    assert p.quote == "Cette décision appartient au Parlement."


def test_a_question_turn_ranks_below_the_answers() -> None:
    text = """Department Press Briefing – March 4, 2027
Erik Lund, Swedish Foreign Ministry spokesperson

MR. LUND: Good afternoon, everyone. We welcome the agreement reached today on the northern zone.

QUESTION: Ola Strand, the Norwegian fisheries minister, said on television that Oslo will never accept a Swedish inspector on its boats. Is that a deal-breaker?

MR. LUND: No. Nobody is going to inspect anybody's boats without their consent."""
    positions = extract(text, "en")
    asked = one(positions, "never accept a Swedish inspector")
    answer = one(positions, "without their consent")
    assert asked.score < answer.score
