"""The offline briefing composer and its rendering: coverage, budget, disputes, languages,
names and roles, sources and dates."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.app import briefing_length
from bot.brief.compose import OfflineComposer
from bot.brief.items import ItemWriter
from bot.brief.people import People
from bot.brief.vocab import act_of
from bot.domain.models import Party, Person, Position, briefing_from_json, briefing_to_json
from bot.domain.parties import PartyBook
from bot.render.briefing import briefing_reply
from bot.render.text import render_text
from bot.textnorm import ground_key

BOOK = PartyBook(
    [
        Party("UA", "Ukraine", "Ukraine", aliases=("Kiev", "Kyiv"), demonyms=("ukrainien",)),
        Party("RU", "Russie", "Russia", aliases=("Moscou",), demonyms=("russe", "russes")),
        Party("TR", "Turquie", "Turkey", demonyms=("turc",)),
        Party("PL", "Pologne", "Poland", demonyms=("polonais",)),
        Party("EU", "Union européenne", "European Union", demonyms=("européennes",)),
    ],
    [
        Person(
            "Ivan Brantsevski",
            "RU",
            role_fr="ministre russe des Affaires étrangères",
            role_en="Russian foreign minister",
            aliases=("Brantsevski", "Brantsevsky"),
            name_en="Ivan Brantsevsky",
        )
    ],
)


def pos(  # type: ignore[no-untyped-def]
    party,
    speaker,
    evidence,
    *,
    score=1.0,
    topics=(),
    lang="fr",
    src="a",
    claim=None,
    quote=None,
    role="négociateur",
):
    return Position(
        party_id=party,
        party_name=party,
        speaker=speaker,
        speaker_role=role,
        claim=claim if claim is not None else evidence,
        evidence=evidence,
        source=f"https://news.example/{src}",
        kind="quote" if quote else "reported",
        quote=quote,
        topics=list(topics),
        lang=lang,
        score=score,
    )


def composer(items: int = 3) -> OfflineComposer:
    return OfflineComposer(BOOK, items_per_party=items, measure=briefing_length)


UA = [
    pos(
        "UA",
        "Olena Ovtchar",
        f"Kiev réclame un corridor sûr numéro {i} pour les civils, a déclaré Olena Ovtchar.",
        claim=f"Kiev réclame un corridor sûr numéro {i} pour les civils",
        score=i,
        topics=["humanitarian"],
    )
    for i in range(5)
]
RU = pos(
    "RU",
    "Brantsevski",
    "Le ministre a déclaré que Moscou juge inacceptable tout corridor voulu par Kiev sans inspection.",
    claim="Moscou juge inacceptable tout corridor voulu par Kiev sans inspection",
    score=3,
    topics=["humanitarian"],
    src="b",
)
TR = pos(
    "TR",
    "Kemal Arslan",
    "Ankara propose une inspection commune, a affirmé Kemal Arslan.",
    claim="Ankara propose une inspection commune",
    topics=["talks"],
    role="homologue turc",
)
OTHER = pos("OTHER", "Un analyste", "Un analyste doute de tout accord, a-t-il dit.", score=9)
POSITIONS = [*UA, RU, TR, OTHER]


def test_one_bullet_per_party_first_then_the_most_active() -> None:
    briefing = composer(items=2).compose(POSITIONS, "fr")
    assert [s.party_id for s in briefing.sections] == ["UA", "RU", "TR"]  # OTHER left out
    assert (
        len(briefing.sections[0].items) == 2 and "numéro 4" in briefing.sections[0].items[0].claim
    )
    assert briefing.sources == ["https://news.example/a", "https://news.example/b"]
    assert briefing.sections[1].items[0].source_no == 2


def test_a_tight_budget_keeps_every_party_before_second_bullets() -> None:
    briefing = composer().compose(POSITIONS, "fr", max_chars=700)
    text = render_text(briefing_reply(briefing))
    assert len(text) <= 700
    assert {s.party_id for s in briefing.sections} == {"UA", "RU", "TR"}


def test_names_are_canonical_and_english_for_english_readers() -> None:
    spelled = pos(
        "RU",
        "Brantsevsky",
        "Brantsevsky a déclaré que Moscou est prête à discuter.",
        claim="Moscou est prête à discuter",
    )
    fr = composer().compose([spelled], "fr").sections[0].items[0]
    en = composer().compose([spelled], "en").sections[0].items[0]
    assert (fr.speaker, fr.role) == ("Ivan Brantsevski", "ministre russe des Affaires étrangères")
    assert (en.speaker, en.role) == ("Ivan Brantsevsky", "Russian foreign minister")


def test_two_spellings_of_an_unknown_person_are_one_person() -> None:
    a = pos(
        "UA",
        "Olena Ovtchar",
        "Olena Ovtchar a déclaré que Kiev veut la paix maintenant.",
        claim="Kiev veut la paix maintenant",
        score=2,
    )
    b = pos(
        "UA",
        "Olena Ovchar",
        "Olena Ovchar a affirmé que les corridors doivent rester ouverts.",
        claim="les corridors doivent rester ouverts",
    )
    c = pos(
        "UA",
        "Olena Ovtchar",
        "Olena Ovtchar a ajouté que la trêve est fragile.",
        claim="la trêve est fragile",
    )
    speakers = {i.speaker for i in composer().compose([a, b, c], "fr").sections[0].items}
    assert speakers == {"Olena Ovtchar"}


@pytest.mark.parametrize(
    ("role", "fr", "en"),
    [
        ("négociateurs russe", "négociateur russe", "Russia's negotiator"),
        ("semaine dernière encore", "", ""),
        ("homologue turc", "", ""),
        ("Pour le ministre français des Affaires étrangères", "", ""),
        ("le porte-parole du ministère", "porte-parole du ministère", "Russia's spokesperson"),
    ],
)
def test_roles_are_offices_or_nothing(role: str, fr: str, en: str) -> None:
    p = pos(
        "RU",
        "Piotr Vask",
        "Piotr Vask a déclaré que Moscou attend une réponse.",
        claim="Moscou attend une réponse",
        role=role,
    )
    assert composer().compose([p], "fr").sections[0].items[0].role == fr
    assert composer().compose([p], "en").sections[0].items[0].role == en


def test_narration_headings_and_figures_are_not_positions() -> None:
    background = pos(
        "RU",
        "",
        "Lorsque la Russie a annexé la Crimée, les combats ont commencé.",
        claim="Lorsque la Russie a annexé la Crimée, les combats ont commencé",
    )
    heading = pos(
        "UA",
        "",
        "Pas d'avancée dans les négociations, selon Le Drian",
        claim="Pas d'avancée dans les négociations",
    )
    toll = pos(
        "UA",
        "",
        "Plus de 14 000 civils ont été tués, selon l'ONU.",
        claim="Plus de 14 000 civils ont été tués",
    )
    no_verb = pos("RU", "", "La Russie et l'Ukraine sont en guerre depuis 2022.")
    assert composer().compose([background, heading, toll, no_verb], "fr").is_empty()
    stance = pos("RU", "", "Moscou a rejeté le plan européen.", topics=["talks"])
    assert not composer().compose([stance], "fr").is_empty()


def test_the_same_sentence_under_two_speakers_is_left_out() -> None:
    text = "« Les deux parties se retrouvent enfin autour de la table », a déclaré le ministre."
    a = pos(
        "UA", "Dmytro Koval", text, quote="Les deux parties se retrouvent enfin autour de la table"
    )
    b = pos(
        "TR", "Kemal Arslan", text, quote="Les deux parties se retrouvent enfin autour de la table"
    )
    assert composer().compose([a, b, TR], "fr").sections[0].party_id == "TR"
    assert len(composer().compose([a, b, TR], "fr").sections) == 1


def test_no_words_twice_and_prose_never_ends_mid_clause() -> None:
    evidence = (
        "« Nous insistons pour qu'il s'agisse d'un accord international signé par tous les garants, "
        "et nous voulons un mécanisme de garanties qui agira vite, sans attendre des mois de "
        "discussions, ni dépendre d'un seul pays », a insisté le négociateur."
    )
    quote = evidence.split("« ")[1].split(" »")[0]
    twice = pos(
        "UA", "Dmytro Koval", evidence, quote=quote, claim=quote, topics=["security_guarantees"]
    )
    again = pos(
        "UA",
        "Dmytro Koval",
        "Il a répété que « Nous insistons pour qu'il s'agisse d'un accord international signé par tous les garants ».",
        claim="Nous insistons pour qu'il s'agisse d'un accord international signé par tous les garants",
        score=0.5,
    )
    briefing = composer().compose([twice, again], "fr", max_chars=600)
    text = render_text(briefing_reply(briefing))
    assert len(briefing.sections[0].items) == 1  # the second repeats the first's words
    item = briefing.sections[0].items[0]
    assert "[…]" in item.quote
    assert all(ground_key(seg) in ground_key(evidence) for seg in item.quote.split("[…]"))
    assert "…" not in item.claim and not text.split("Sources")[0].rstrip().endswith("…")


def test_english_bullets_say_what_was_done_in_english() -> None:
    briefing = composer().compose([RU, TR], "en")
    text = render_text(briefing_reply(briefing))
    assert (
        "Ivan Brantsevsky (Russian foreign minister): on humanitarian issues, rejects the position of Ukraine: “"
        in text
    )
    assert "juge inacceptable" in text  # the French words kept verbatim
    # reported speech: the article's sentence, said to be the article's and not the speaker's
    assert (
        "Kemal Arslan: on the talks, proposes: “Ankara propose une inspection commune” "
        "(article, in French)" in text
    )


def test_a_short_quotation_in_another_language_keeps_the_plain_language_marker() -> None:
    quoted = pos(
        "RU",
        "Brantsevski",
        "« Aucun corridor sans inspection ne sera accepté par Moscou », a déclaré le ministre.",
        claim="Aucun corridor sans inspection ne sera accepté par Moscou",
        quote="Aucun corridor sans inspection ne sera accepté par Moscou",
        topics=["humanitarian"],
    )
    text = render_text(briefing_reply(composer().compose([quoted], "en")))
    assert "“Aucun corridor sans inspection ne sera accepté par Moscou” (in French)" in text
    assert "(article, in French)" not in text


def test_a_dispute_needs_a_demand_and_its_rejection_by_another_party() -> None:
    briefing = composer().compose([*UA, RU], "fr")
    (dispute,) = briefing.disputes
    assert dispute.topic == "humanitaire"
    assert [side[0] for side in dispute.sides] == ["Ukraine", "Russie"]
    assert dispute.sides[0][1] != dispute.sides[1][1]


@pytest.mark.parametrize(
    "other",
    [
        # the same party on both sides
        pos(
            "UA",
            "Olena Ovtchar",
            "Olena Ovtchar a rejeté tout corridor voulu par Moscou sans garanties.",
            topics=["humanitarian"],
        ),
        # a rejection that addresses nobody in particular
        pos(
            "RU",
            "",
            "Moscou a rejeté les accusations sur les prisonniers.",
            topics=["humanitarian"],
        ),
        # opposed acts on different issues
        pos("RU", "", "Moscou a rejeté toute trêve voulue par Kiev.", topics=["ceasefire"]),
        # two parties that agree
        pos(
            "RU",
            "",
            "Moscou a salué la proposition de Kiev sur les civils.",
            topics=["humanitarian"],
        ),
    ],
)
def test_statements_that_do_not_oppose_are_no_dispute(other: Position) -> None:
    assert composer().compose([UA[4], other], "fr").disputes == []


def test_headline_is_dated_by_the_articles_and_sources_are_readable() -> None:
    a = pos("RU", "", "Moscou a rejeté le plan européen.", topics=["talks"])
    a.published = datetime(2022, 3, 4, 9, tzinfo=UTC)
    a.source, a.title = "/home/someone/corpus/002_article.txt", "Moscou rejette le plan"
    b = pos("TR", "", "Ankara a proposé une médiation.", topics=["talks"])
    b.ingested = datetime(2022, 3, 5, 18, tzinfo=UTC)
    fr = render_text(briefing_reply(composer().compose([a, b], "fr")))
    en = render_text(briefing_reply(composer().compose([a, b], "en")))
    assert fr.startswith("Briefing du 4-5 mars 2022") and en.startswith("Briefing, 4-5 March 2022")
    assert "[1] Moscou rejette le plan (002_article.txt)" in fr
    assert "/home/someone" not in fr
    assert "[2] https://news.example/a" in fr


def test_a_budget_needs_the_measure_function() -> None:
    with pytest.raises(ValueError):
        OfflineComposer(BOOK).compose(POSITIONS, "fr", max_chars=500)


def test_briefing_round_trips_through_json() -> None:
    briefing = composer().compose(POSITIONS, "fr")
    assert briefing_from_json(briefing_to_json(briefing)) == briefing


def test_a_party_is_addressed_only_right_after_the_act() -> None:
    from bot.brief.items import addressed
    from bot.brief.vocab import acts

    responds = next(a for a in acts() if a.key == "responds")
    near = "Kiev a répondu à Washington par un texte"
    far = (
        "Kiev a répondu au plan par son propre document, tels que la reconnaissance par Washington"
    )
    assert addressed(responds, near, near.index("Washington"))
    assert not addressed(responds, far, far.index("Washington"))


def test_a_few_quoted_words_across_languages_come_with_their_clause() -> None:
    few = pos(
        "TR",
        "Arslan",
        "Kemal Arslan a mis en garde contre un accord conclu « à tout prix », mardi.",
        claim="a mis en garde contre un accord conclu « à tout prix »",
        quote="à tout prix",
        topics=["talks"],
    )
    text = render_text(briefing_reply(composer().compose([few], "en")))
    assert "“à tout prix” (in French)" not in text
    assert "a mis en garde contre un accord conclu « à tout prix »" in text


def test_a_quotation_in_two_parts_introduced_by_two_acts_shows_its_first_part() -> None:
    two = pos(
        "CN",
        "Wang Yi",
        'Wang Yi said China supported "all efforts conducive to a ceasefire" and opposed '
        '"unilateral sanctions and long-arm jurisdiction," a readout said.',
        claim="all efforts conducive to a ceasefire […] unilateral sanctions and long-arm jurisdiction",
        quote="all efforts conducive to a ceasefire […] unilateral sanctions and long-arm jurisdiction",
        lang="en",
        topics=["ceasefire"],
    )
    text = render_text(briefing_reply(composer().compose([two], "en")))
    assert "unilateral sanctions" not in text
    assert "rejects" not in text


def test_prose_cut_to_a_bare_subject_is_not_shown() -> None:
    cut = pos(
        "EU",
        "Kallas",
        "The 19-point draft, in the form she had seen, rewarded Russia for “a war it started "
        "and has failed to win”, and a settlement built on it would buy Moscow time to rearm, "
        "she said, adding that Europe would not pay for a deal it had not shaped.",
        claim="The 19-point draft, in the form she had seen, rewarded Russia for “a war it "
        "started and has failed to win”, and a settlement built on it would buy Moscow time to "
        "rearm",
        quote="a war it started and has failed to win",
        lang="en",
        topics=["talks"],
    )
    writer = ItemWriter(People(BOOK))
    item = writer.item(writer.candidate(cut), "en", 60)
    assert item is None or item.claim != "The 19-point draft"


def test_an_article_clause_across_languages_keeps_its_subject_and_verb() -> None:
    """Across languages the article's sentence is shown from its start (subject and verb), or
    not at all, never as small later clauses only ("[…] au terme de deux jours […]")."""
    short_first = (
        "La Turquie et la Grèce ont annoncé vendredi s'être entendues sur un « cadre commun » "
        "pour la mer Noire, au terme de deux jours de discussions à Ankara, une initiative "
        "aussitôt critiquée par Moscou, qui y voit une provocation inutile et dangereuse pour la "
        "sécurité régionale et pour la navigation des navires marchands dans les détroits."
    )
    long_first = (
        "La Turquie et la Grèce ont annoncé vendredi s'être entendues sur un « cadre commun » "
        "de financement de la surveillance navale et aérienne de la mer Noire pour les trois "
        "prochaines années avec leurs partenaires européens et les garde-côtes des pays "
        "riverains qui le souhaiteraient dans le cadre d'un accord plus large sur la sécurité "
        "de la navigation commerciale et des ports de la région dont le détail reste à "
        "négocier entre les ministères concernés, au terme de deux jours de discussions à "
        "Ankara, une initiative aussitôt critiquée par Moscou."
    )
    for sentence in (short_first, long_first):
        statement = pos(
            "TR",
            "Kemal Arslan",
            sentence,
            claim=sentence,
            quote="cadre commun",
            score=3,
            topics=["military"],
        )
        text = render_text(briefing_reply(composer().compose([statement], "en")))
        for shown in re.findall(r"“([^”]*)”", text):
            assert shown.startswith("La Turquie et la Grèce ont annoncé"), shown


def test_the_frame_names_an_issue_once() -> None:
    book = PartyBook(
        [
            Party("PL", "Pologne", "Poland", demonyms=("polonais",)),
            Party("NATO", "OTAN", "NATO", aliases=("Otan",)),
        ],
        [],
    )
    said = pos(
        "PL",
        "Adam Nowak",
        "\u201cMr Brantsevsky says no NATO soldiers in the northern zone. Fine. We never offered"
        " any,\u201d Adam Nowak said.",
        claim="Mr Brantsevsky says no NATO soldiers in the northern zone. Fine. We never offered any",
        quote="Mr Brantsevsky says no NATO soldiers in the northern zone. Fine. We never offered any",
        topics=["nato"],
        lang="en",
        role="Polish foreign minister",
    )
    composed = OfflineComposer(book, items_per_party=1, measure=briefing_length)
    text = render_text(briefing_reply(composed.compose([said], "en")))
    assert "on NATO" in text
    assert "about NATO" not in text


def test_a_claim_that_is_the_speakers_act_reads_as_one() -> None:
    urged = pos(
        "EU",
        "Kaja Kallas",
        "Kaja Kallas spoke in Brussels and urged allies to keep the patrol boats at sea.",
        claim="And urged allies to keep the patrol boats at sea through the winter",
        lang="en",
        role="EU foreign policy chief",
    )
    text = render_text(briefing_reply(composer().compose([urged], "en")))
    assert ": urged allies to keep the patrol boats at sea" in text


@pytest.mark.parametrize(
    ("evidence", "claim", "shown", "hidden"),
    [
        # the article's verb of saying is the English frame's ("welcomes"): shown once
        (
            "Le chef de la diplomatie turque, Kemal Arslan, a salué les « progrès les plus "
            "nets » depuis le début des pourparlers sur la mer Noire.",
            "Le chef de la diplomatie turque, Kemal Arslan, a salué les « progrès les plus "
            "nets » depuis le début des pourparlers sur la mer Noire",
            "les « progrès les plus nets » depuis le début des pourparlers",
            "a salué",
        ),
        # the party the frame names as addressed is not repeated between the quote marks
        (
            "Le ministre turc des Affaires étrangères, Kemal Arslan, a appelé l'Union "
            "européenne à ouvrir très vite ses ports aux navires de la mer Noire.",
            "Le ministre turc des Affaires étrangères, Kemal Arslan, a appelé l'Union "
            "européenne à ouvrir très vite ses ports aux navires de la mer Noire",
            "ouvrir très vite ses ports aux navires de la mer Noire",
            "l'Union européenne à",
        ),
    ],
)
def test_an_article_sentence_across_languages_drops_the_verb_the_frame_says(
    evidence: str, claim: str, shown: str, hidden: str
) -> None:
    statement = pos("TR", "Kemal Arslan", evidence, claim=claim, score=3, topics=["military"])
    text = render_text(briefing_reply(composer().compose([statement], "en")))
    assert f"“{shown}" in text, text
    assert hidden not in text, text


def test_a_verb_that_is_no_act_of_saying_stays_in_the_sentence() -> None:
    """ "a passé trois jours …" is what the article tells, not a verb the frame says."""
    sentence = (
        "Le médiateur turc, Kemal Arslan, a passé trois jours à Ankara avec les listes des "
        "navires retenus dans les ports de la mer Noire, selon son entourage."
    )
    statement = pos("TR", "Kemal Arslan", sentence, claim=sentence, score=3, topics=["military"])
    text = render_text(briefing_reply(composer().compose([statement], "en")))
    assert "“trois jours" not in text, text


def test_a_past_verb_with_an_aside_opens_the_bullet_in_lower_case() -> None:
    """ "insisted, however, that …" goes on from the speaker's name, in lower case."""
    aside = pos(
        "TR",
        "Kemal Arslan",
        "Kemal Arslan welcomed the plan but insisted, however, that the Black Sea force would "
        '"not be a NATO mission" under any circumstances.',
        claim='Insisted, however, that the Black Sea force would "not be a NATO mission" under '
        "any circumstances",
        quote="not be a NATO mission",
        lang="en",
        score=3,
    )
    text = render_text(briefing_reply(composer().compose([aside], "en")))
    assert "insisted, however, that" in text, text


@pytest.mark.parametrize(
    "text",
    [
        "Five thousand inspectors on our boats — no responsible state would agree to this.",
        "Oslo will not accept a quota set in Copenhagen.",
        "La Norvège n'acceptera jamais un quota fixé à Copenhague.",
    ],
)
def test_a_refused_acceptance_is_a_rejection(text: str) -> None:
    act = act_of(text)
    assert act is not None and act.key == "rejects", act
