"""How a bullet reads to an analyst: one plain lead-in, quotations never stitched together, a
subject for every claim, the speaker named once, and the language of the evidence said once.
Fiction: Nordic fisheries talks."""

from __future__ import annotations

from typing import Any

from bot.brief.items import ItemWriter
from bot.brief.people import People
from bot.domain.models import BriefingItem, Lang, Party, Person, Position
from bot.domain.parties import PartyBook
from bot.render.briefing import item_spans
from tests.test_compose import pos as compose_pos

BOOK = PartyBook(
    [
        Party("NO", "Norvège", "Norway", aliases=("Oslo",), demonyms=("norvégien", "Norwegian")),
        Party("DK", "Danemark", "Denmark", aliases=("Copenhague",), demonyms=("danois", "Danish")),
        Party("SE", "Suède", "Sweden", aliases=("Stockholm",), demonyms=("suédois", "Swedish")),
    ],
    [
        Person(
            "Espen Barth Eide",
            "NO",
            role_fr="ministre norvégien des Affaires étrangères",
            role_en="Norwegian foreign minister",
        ),
        Person(
            "Lars Løkke Rasmussen",
            "DK",
            role_fr="ministre danois des Affaires étrangères",
            role_en="Danish foreign minister",
        ),
        Person(
            "Mette Frederiksen",
            "DK",
            role_fr="première ministre danoise",
            role_en="Danish prime minister",
        ),
        Person(
            "Ulf Kristersson",
            "SE",
            role_fr="premier ministre suédois",
            role_en="Swedish prime minister",
        ),
    ],
)


def pos(party: str, speaker: str, evidence: str, **kw: Any) -> Position:
    """A position in English unless told, with the role the party book gives."""
    return compose_pos(party, speaker, evidence, lang=kw.pop("lang", "en"), role="", **kw)


def bullet(p: Position, lang: Lang) -> tuple[BriefingItem, str]:
    writer = ItemWriter(People(BOOK))
    item = writer.item(writer.candidate(p), lang, 240)
    assert item is not None
    return item, "".join(s.text for s in item_spans(item, BOOK.name(p.party_id, lang), lang))


def test_the_lead_in_names_issue_and_party_in_one_phrase() -> None:
    """Not "on sanctions, says, about Denmark:" nor "insists, addressing Denmark"."""
    said = pos(
        "NO",
        "Espen Barth Eide",
        "“Danish trawlers will not fish our waters before the quota deal is signed,” Espen"
        " Barth Eide said.",
        claim="Danish trawlers will not fish our waters before the quota deal is signed",
        quote="Danish trawlers will not fish our waters before the quota deal is signed",
        topics=["sanctions"],
    )
    item, text = bullet(said, "en")
    assert item.frame == "on sanctions and Denmark, says", text
    assert ", about" not in text
    insisted = pos(
        "NO",
        "Espen Barth Eide",
        "Espen Barth Eide insisted to Denmark: “A shared quota for the whole Skagerrak is the"
        " only way forward for our fleets.”",
        claim="",
        quote="A shared quota for the whole Skagerrak is the only way forward for our fleets.",
        topics=["talks"],
    )
    item, text = bullet(insisted, "en")
    assert item.frame == "on the talks and Denmark, insists", text
    replied = pos(
        "SE",
        "Ulf Kristersson",
        "Ulf Kristersson responded: “Our boats have waited long enough for these talks.”",
        claim="Our boats have waited long enough for these talks",
        quote="Our boats have waited long enough for these talks",
    )
    item, text = bullet(replied, "en")
    assert "responds the following" not in text, text


def test_two_quotations_are_never_joined_as_one() -> None:
    """'[…]' marks a cut inside one quotation; two quotations of the sentence are not welded."""
    two = pos(
        "DK",
        "Mette Frederiksen",
        "“Our fishermen cannot wait another season for a quota we all know is fair,” Mette"
        " Frederiksen said, adding that Denmark wanted “a deal signed in Bergen before June.”",
        claim="Our fishermen cannot wait another season for a quota we all know is fair",
        quote="Our fishermen cannot wait another season for a quota we all know is fair […] a"
        " deal signed in Bergen before June.",
        topics=["talks"],
    )
    for lang in ("en", "fr"):
        item, text = bullet(two, lang)  # type: ignore[arg-type]
        assert item.quote == (
            "Our fishermen cannot wait another season for a quota we all know is fair"
        ), text
    one = pos(
        "DK",
        "Mette Frederiksen",
        "“Our fishermen cannot wait another season, and the Swedish fleet knows it, for a quota"
        " we all know is fair,” Mette Frederiksen said.",
        claim="",
        quote="Our fishermen cannot wait another season […] for a quota we all know is fair",
        topics=["talks"],
    )
    item, text = bullet(one, "en")
    assert "[…]" in item.quote, text  # a cut inside one quotation stays marked


# the extractor's claim "Exige que …", cut from "Il exige que …"
CUT_FROM_SUBJECT = pos(
    "NO",
    "Jonas Gahr Støre",
    "Le Premier ministre norvégien a reçu les pêcheurs à Tromsø. Il exige que Copenhague"
    " partage les quotas de hareng avant l’hiver.",
    claim="Exige que Copenhague partage les quotas de hareng avant l’hiver",
    lang="fr",
    topics=["talks"],
)


def test_a_claim_cut_from_its_subject_gets_it_back() -> None:
    """ "Exige que …" cut from "Il exige que …": no capitalised verb with no subject, and the
    words between quote marks are the article's, character for character."""
    item, text = bullet(CUT_FROM_SUBJECT, "fr")
    assert item.claim == "exige que Copenhague partage les quotas de hareng avant l’hiver", text
    item, text = bullet(CUT_FROM_SUBJECT, "en")
    assert item.quote in " ".join(CUT_FROM_SUBJECT.evidence.split()), text
    assert not item.quote.startswith("Exige"), text
    lower = pos(
        "SE",
        "Ulf Kristersson",
        "Ulf Kristersson a répété que son pays, qui pêche en mer Baltique, refuserait toute"
        " baisse des quotas suédois.",
        claim="Son pays, qui pêche en mer Baltique, refuserait toute baisse des quotas suédois",
        lang="fr",
    )
    item, text = bullet(lower, "en")
    assert item.quote in lower.evidence, text


def test_the_speaker_is_not_named_twice() -> None:
    """ "Lars Løkke Rasmussen (Danish foreign minister): Denmark’s foreign minister said …"
    names him twice; another party's minister, or a nationality alone, is someone else."""
    twice = pos(
        "DK",
        "Lars Løkke Rasmussen",
        "Denmark’s foreign minister said Copenhagen would open its ports to Norwegian boats"
        " once the quota deal is signed.",
        claim="Denmark’s foreign minister said Copenhagen would open its ports to Norwegian"
        " boats once the quota deal is signed",
    )
    item, text = bullet(twice, "en")
    assert item.claim.startswith("said Copenhagen would open its ports"), text
    for who in ("Sweden’s foreign minister", "Danish officials"):
        claim = f"{who} said Copenhagen would open its ports to Norwegian boats"
        other = pos("DK", "Lars Løkke Rasmussen", claim + ".", claim=claim)
        assert bullet(other, "en")[0].claim.startswith(f"{who} said"), who


def test_french_evidence_in_english_is_a_french_sentence_of_its_own() -> None:
    """Only the article's French sentence to show: it keeps its short subject ("Il exige …")
    so the English lead-in does not run on in French ("demands: “exige que …”"), and the
    bullet says once that these are the article's words, in French."""
    item, text = bullet(CUT_FROM_SUBJECT, "en")
    assert item.quote == "Il exige que Copenhague partage les quotas de hareng avant l’hiver", text
    assert text.endswith("(article, in French) [0]"), text
    assert text.count("French") == 1, text
