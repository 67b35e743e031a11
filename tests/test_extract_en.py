"""Offline extraction on English sentences written for these tests (blank English pipeline)."""

from __future__ import annotations

import pytest

from tests.extract_support import about, extract, one


@pytest.mark.parametrize(
    ("text", "party", "speaker"),
    [
        (
            "Ukraine's foreign minister said on Monday that Kyiv would never accept territorial "
            "concessions.",
            "UA",
            "",
        ),
        ("A Kremlin spokesman told reporters that the talks had been useful.", "RU", ""),
        (
            "The Polish prime minister, Jan Nowak, urged the EU to speed up new sanctions.",
            "PL",
            "Jan Nowak",
        ),
        (
            "The Turkish foreign minister, Ali Demir, said Ankara was ready to host another round.",
            "TR",
            "Ali Demir",
        ),
        ("Kyiv has repeatedly called for a full and unconditional ceasefire.", "UA", ""),
        ("The White House said the envoy would travel to Moscow next week.", "US", ""),
        (
            "NATO Secretary General Mark Rutte warned that Russia was rebuilding its forces.",
            "NATO",
            "Mark Rutte",
        ),
    ],
)
def test_reported_speech_and_party_inference(text: str, party: str, speaker: str) -> None:
    pos = extract(text, "en")
    assert [(p.party_id, p.speaker) for p in pos] == [(party, speaker)]
    assert pos[0].evidence == text


def test_direct_quotes_with_name_before_or_after_the_verb() -> None:
    text = (
        '"We will not give up an inch of our land," Zelensky said.\n\n'
        '"The proposals are unacceptable," said Dmitry Peskov, the Kremlin spokesman.'
    )
    pos = extract(text, "en")
    a = one(pos, "inch of our land")
    assert (a.party_id, a.speaker, a.kind) == ("UA", "Volodymyr Zelensky", "quote")
    b = one(pos, "unacceptable")
    assert (b.party_id, b.speaker) == ("RU", "Dmitry Peskov")
    assert b.quote == "The proposals are unacceptable"  # the comma is the sentence's


def test_pronoun_and_honorific_resolution() -> None:
    text = (
        "US envoy Steve Witkoff met Vladimir Putin in Moscow on Tuesday.\n\n"
        "Mr Witkoff told reporters the meeting had been productive.\n\n"
        '"There is still a lot of work to do," he added.'
    )
    pos = extract(text, "en")
    assert one(pos, "productive").speaker == "Steve Witkoff"
    p = one(pos, "lot of work")
    assert (p.party_id, p.speaker) == ("US", "Steve Witkoff")


def test_according_to_and_title_resolution() -> None:
    text = (
        "Ukrainian President Volodymyr Zelensky arrived in Berlin on Sunday.\n\n"
        "The Ukrainian president insisted that any deal must include security guarantees.\n\n"
        "Talks will resume in Geneva, according to the Russian foreign ministry."
    )
    pos = extract(text, "en")
    a = one(pos, "security guarantees")
    assert (a.party_id, a.speaker) == ("UA", "Volodymyr Zelensky")
    assert "security_guarantees" in a.topics
    b = one(pos, "resume in Geneva")
    assert (b.party_id, b.kind) == ("RU", "attributed")


def test_no_position_without_attribution() -> None:
    text = "Heavy fighting continued near Pokrovsk overnight. Several drones were shot down."
    assert extract(text, "en") == []


def test_analyst_goes_to_other() -> None:
    pos = extract(
        '"Both sides are exhausted," said John Smith, an analyst at a London think tank.', "en"
    )
    assert [(p.party_id, p.speaker) for p in pos] == [("OTHER", "John Smith")]
    assert about(pos, "exhausted")


def test_foreign_analyst_is_not_a_party_speaker() -> None:
    pos = extract("Russian analyst Pavel Ivanov said the Kremlin was in no hurry to sign.", "en")
    assert [(p.party_id, p.speaker) for p in pos] == [("OTHER", "Pavel Ivanov")]


def test_quote_opening_after_a_full_stop_starts_the_next_sentence() -> None:
    text = (
        'Ukraine\'s foreign minister, Andrii Sybiha, accused Russia of "double talk". '
        '"Russia talks about peace but bombs our cities," he wrote.\n\n'
        'US President Donald Trump said he was "very disappointed" with Moscow.'
    )
    pos = extract(text, "en")
    a = one(pos, "bombs our cities")
    assert a.evidence.startswith('"Russia talks') and a.speaker == "Andrii Sybiha"
    b = one(pos, "very disappointed")
    assert (b.party_id, b.speaker) == ("US", "Donald Trump")


def test_titles_in_front_of_an_unknown_name_are_not_the_name() -> None:
    pos = extract(
        "Russian Deputy Foreign Minister Ivan Petrov warned that any deployment would be a "
        'target. "Both sides are playing for time," said Jane Roe, a researcher at Chatham House.',
        "en",
    )
    assert (one(pos, "deployment").party_id, one(pos, "deployment").speaker) == (
        "RU",
        "Ivan Petrov",
    )
    assert (one(pos, "playing for time").party_id, one(pos, "playing for time").speaker) == (
        "OTHER",
        "Jane Roe",
    )


def test_ambiguous_english_verb_needs_a_clause() -> None:
    assert extract("Russia maintained control of the city.", "en") == []
    (p,) = extract("Ukraine maintained that the city was still contested.", "en")
    assert p.party_id == "UA"


@pytest.mark.parametrize(
    ("intro", "party", "role"),
    [
        ("The Ukrainian defence minister Mykola Hrebin", "UA", "Ukrainian defence minister"),
        ("Turkey's foreign minister Selim Aydar", "TR", "Turkey's foreign minister"),
        ("Polish deputy prime minister Adam Wrona", "PL", "Polish deputy prime minister"),
    ],
)
def test_nationality_before_the_office_stays_with_a_pronoun_reference(
    intro: str, party: str, role: str
) -> None:
    text = f'{intro} visited the port on Monday. He said: "We will not move back."'
    p = one(extract(text, "en"), "move back")
    assert (p.party_id, p.speaker_role) == (party, role)
