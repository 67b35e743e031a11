"""The offline briefing composer and its rendering: selection, disputes, budget, languages."""

from __future__ import annotations

from bot.brief.compose import OfflineComposer, shorten
from bot.domain.models import Party, Position, briefing_from_json, briefing_to_json
from bot.domain.parties import PartyBook
from bot.render.briefing import briefing_reply
from bot.render.text import render_text
from bot.textnorm import ground_key

BOOK = PartyBook(
    [
        Party("UA", "Ukraine", "Ukraine"),
        Party("RU", "Russie", "Russia"),
        Party("TR", "Turquie", "Turkey"),
    ]
)


def pos(party: str, speaker: str, evidence: str, *, score: float, topics=(), lang="fr", src="a"):  # type: ignore[no-untyped-def]
    return Position(
        party_id=party,
        party_name=party,
        speaker=speaker,
        speaker_role="négociateur",
        claim=evidence,
        evidence=evidence,
        source=f"https://news.example/{src}",
        kind="reported",
        topics=list(topics),
        lang=lang,
        score=score,
    )


POSITIONS = [
    pos("UA", "Ovtchar", f"Kiev veut un corridor sûr numéro {i}.", score=i, topics=["ceasefire"])
    for i in range(5)
] + [
    pos(
        "RU",
        "Brantsev",
        "Moscou juge inacceptable tout corridor sans inspection.",
        score=3,
        topics=["ceasefire"],
        src="b",
    ),
    pos("TR", "Arslanoglu", "Ankara propose une inspection commune.", score=1, topics=["talks"]),
    pos("OTHER", "Un analyste", "Un analyste doute de tout accord.", score=9),
]


def test_top_positions_per_party_and_sources_numbered() -> None:
    briefing = OfflineComposer(BOOK, items_per_party=3).compose(POSITIONS, "fr")
    assert [s.party_id for s in briefing.sections] == ["UA", "RU", "TR"]  # OTHER left out
    ukraine = briefing.sections[0]
    assert len(ukraine.items) == 3
    assert "numéro 4" in ukraine.items[0].claim  # the highest score first
    assert briefing.sources == ["https://news.example/a", "https://news.example/b"]
    assert briefing.sections[1].items[0].source_no == 2


def test_dispute_needs_two_parties_and_a_rejection() -> None:
    briefing = OfflineComposer(BOOK).compose(POSITIONS, "fr")
    assert len(briefing.disputes) == 1
    dispute = briefing.disputes[0]
    assert dispute.topic == "cessez-le-feu"
    assert {side[0] for side in dispute.sides} == {"Ukraine", "Russie"}
    calm = [p for p in POSITIONS if "inacceptable" not in p.evidence]
    assert OfflineComposer(BOOK).compose(calm, "fr").disputes == []


def test_budget_is_respected_and_quotes_stay_verbatim() -> None:
    long_text = "Le négociateur a longuement détaillé la position de son pays. " * 8
    many = [pos("UA", "Ovtchar", long_text + str(i), score=i) for i in range(3)] + POSITIONS
    briefing = OfflineComposer(BOOK).compose(many, "fr", max_chars=700)
    text = render_text(briefing_reply(briefing))
    assert len(text) <= 700
    assert briefing.sections  # something is always kept
    evidence = " ".join(ground_key(p.evidence) for p in many)
    for section in briefing.sections:
        for item in section.items:
            if item.quote:
                assert ground_key(item.quote.rstrip("…")) in evidence


def test_english_briefing_keeps_french_quotes_marked() -> None:
    briefing = OfflineComposer(BOOK).compose(POSITIONS, "en")
    text = render_text(briefing_reply(briefing))
    assert "Briefing," in text and "Russia" in text and "Turkey" in text
    assert "(in French)" in text
    assert "Kiev veut un corridor sûr" in text  # the French words are kept, not translated


def test_briefing_round_trips_through_json() -> None:
    briefing = OfflineComposer(BOOK).compose(POSITIONS, "fr")
    assert briefing_from_json(briefing_to_json(briefing)) == briefing


def test_shorten_cuts_on_a_word() -> None:
    assert shorten("un deux trois quatre", 10) == "un deux…"
    assert shorten("court", 10) == "court"


def test_roles_are_restated_in_the_briefing_language() -> None:
    french = pos("TR", "Kemal Arslan", "Le ministre turc a salué un progrès.", score=1)
    french.speaker_role = "ministre turc des Affaires étrangères"
    english = pos("PL", "", "The Polish prime minister warned Europe.", score=1, lang="en")
    english.speaker_role = "Polish prime minister"
    in_english = OfflineComposer(BOOK).compose([french], "en")
    assert in_english.sections[0].items[0].role == "Turkey's foreign minister"
    book = PartyBook([*BOOK.parties, Party("PL", "Pologne", "Poland")])
    in_french = OfflineComposer(book).compose([english], "fr")
    item = in_french.sections[0].items[0]
    assert item.role == "Premier ministre, Pologne"
    text = render_text(briefing_reply(in_french))
    assert "Premier ministre, Pologne" in text and "position officielle" not in text


def test_open_quotations_are_closed_in_claims() -> None:
    from bot.brief.compose import balance_quotes

    assert balance_quotes("jugée d'« inacceptable") == "jugée d'« inacceptable »"
    assert balance_quotes('must recognise "the realities') == 'must recognise "the realities"'
    assert balance_quotes("« complet »") == "« complet »"
