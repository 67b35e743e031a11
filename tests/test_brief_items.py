"""What the composer shows of a position: the speaker's name left out of the claim it opens,
and counted strikes kept out of the briefing."""

from __future__ import annotations

import pytest

from bot.brief.filters import is_statement
from bot.brief.items import speaker_act, without_speaker
from bot.brief.sources import article_title, clean_title
from bot.domain.i18n import role_label
from bot.domain.models import Article, Position


@pytest.mark.parametrize(
    ("claim", "name", "told"),
    [
        # a verb in the present after the name, and a word that refers back to the article
        (
            "Sergueï Lavrov rejette par ailleurs toute garantie discutée sans Moscou",
            "Sergueï Lavrov",
            "rejette toute garantie discutée sans Moscou",
        ),
        (
            "Tusk also urged the Union to act before winter",
            "Donald Tusk",
            "urged the Union to act before winter",
        ),
        (
            "Mette Frederiksen a de son côté salué un accord utile",
            "Mette Frederiksen",
            "a salué un accord utile",
        ),
        # a reflexive verb after the name
        (
            "Erik Lund s’est félicité sur son réseau d’un « grand progrès à Bergen »",
            "Erik Lund",
            "s’est félicité sur son réseau d’un « grand progrès à Bergen »",
        ),
        (
            "Erik Lund se dit prêt à signer avant l'été",
            "Erik Lund",
            "se dit prêt à signer avant l'été",
        ),
        # an apposition between the name and the verb, and another subject's clause after
        (
            "Erik Lund, his Swedish counterpart, opposes any quota before a deal, and Ola Strand"
            " of Norway would go further",
            "Erik Lund",
            "opposes any quota before a deal",
        ),
        # two people: the name is not the subject alone
        (
            "Lavrov et Rubio ont parlé longuement hier soir",
            "Sergueï Lavrov",
            "Lavrov et Rubio ont parlé longuement hier soir",
        ),
    ],
)
def test_the_speaker_named_in_a_claim_is_left_out(claim: str, name: str, told: str) -> None:
    assert without_speaker(claim, name) == told


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        ("Dans la nuit, la Russie a lancé 52 drones et trois missiles sur Kharkiv", False),
        ("Overnight, Russia fired dozens of drones at the port of Odesa", False),
        ("Moscou exige le retrait des troupes ukrainiennes de la région", True),
        ("L'attention portée aux frappes sur les raffineries inquiète Kiev", True),
    ],
)
def test_counted_strikes_are_no_position(claim: str, statement: bool) -> None:
    p = Position(
        party_id="UA",
        party_name="Ukraine",
        speaker="",
        speaker_role="",
        claim=claim,
        evidence=claim + ", selon l'armée de l'air.",
        source="a.txt",
    )
    assert is_statement(p) is statement


@pytest.mark.parametrize(
    ("claim", "told"),
    [
        (
            "He accused Kyiv of stalling the exchange of prisoners",
            "accused Kyiv of stalling the exchange of prisoners",
        ),
        ("Elle a salué un accord utile pour tous", "a salué un accord utile pour tous"),
        # a modal after the pronoun
        (
            "He would sign only if the quota were binding for every fleet",
            "would sign only if the quota were binding for every fleet",
        ),
        # impersonal "il": nobody's name to leave out
        (
            "Il n'y avait « pas de solution simple » à ce stade",
            "Il n'y avait « pas de solution simple » à ce stade",
        ),
        ("Il semble que la paix soit encore loin", "Il semble que la paix soit encore loin"),
    ],
)
def test_the_pronoun_the_speaker_was_found_through_is_left_out(claim: str, told: str) -> None:
    assert without_speaker(claim, "Vassily Nebenzia") == told


@pytest.mark.parametrize(
    ("claim", "statement"),
    [
        ("STARMER: I agree with that.", False),
        ("Oui, exactement.", False),
        ("We will not lift sanctions in exchange for promises.", True),
    ],
)
def test_words_that_only_point_back_are_no_position(claim: str, statement: bool) -> None:
    p = Position(
        party_id="GB",
        party_name="United Kingdom",
        speaker="Keir Starmer",
        speaker_role="",
        claim=claim,
        evidence=claim,
        source="a.txt",
        quote=claim,
    )
    assert is_statement(p) is statement


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        # a » that closes a « is part of the headline, not a separator
        (
            "Bruxelles : les Vingt-Sept adoptent le « bouclier financier » malgré Budapest",
            "Bruxelles : les Vingt-Sept adoptent le « bouclier financier » malgré Budapest",
        ),
        (
            "Accueil » International » Kiev rejette le plan en vingt points",
            "Kiev rejette le plan en vingt points",
        ),
        ("#} ", ""),
        # a headline ending on a quotation in single curly quotes keeps its closing mark
        (
            "Oslo warns a deal over Europe’s head ‘will not hold’",
            "Oslo warns a deal over Europe’s head ‘will not hold’",
        ),
    ],
)
def test_source_titles_keep_their_quotations(raw: str, title: str) -> None:
    assert clean_title(raw) == title


@pytest.mark.parametrize(
    ("evidence", "claim", "act"),
    [
        # a negated stance is not the stance: "n'a pas exclu" does not read "rejects"
        (
            "Le ministre n'a pas exclu que Berne suive une levée partielle des sanctions.",
            "N'a pas exclu que Berne suive une levée partielle des sanctions",
            "does_not_rule_out",
        ),
        (
            "The chancellor did not rule out sending engineers after a ceasefire.",
            "The chancellor did not rule out sending engineers after a ceasefire",
            "does_not_rule_out",
        ),
        (
            "Le ministre a exclu toute levée des sanctions avant un retrait.",
            "A exclu toute levée des sanctions avant un retrait",
            "rejects",
        ),
        # another side's verb in the rest of the sentence is not what the speaker did
        (
            "Le ministre a déclaré jeudi qu'il n'y avait \"pas de raccourci\", une idée à "
            "laquelle Moscou s'oppose depuis des mois.",
            "pas de raccourci",
            "says",
        ),
        # a stance word deep in the quoted clause is not what the speaker did
        (
            'The envoy has said Brussels "will keep its tariffs in place even if London and '
            'Washington agree to lift theirs"',
            "will keep its tariffs in place even if London and Washington agree to lift theirs",
            "says",
        ),
        # a first name is no verb: "Denys" does not deny
        (
            "« Sans la zone nord, la Norvège ne retrouvera pas son autonomie », a affirmé Denys "
            "Halvorsen, ministre de la Pêche.",
            "Sans la zone nord, la Norvège ne retrouvera pas son autonomie",
            "says",
        ),
        # a verb inside the speaker's own quoted words is theirs, not the act that frames them
        (
            "« L'accord de Bergen répond pleinement aux intérêts de la Norvège », a déclaré le "
            "porte-parole.",
            "L'accord de Bergen répond pleinement aux intérêts de la Norvège",
            "says",
        ),
        # a negated "accept"/"agree" is a refusal, not an acceptance
        (
            'The spokeswoman said Norway would never agree to a truce watched by "foreign '
            'troops under any flag".',
            "foreign troops under any flag",
            "refuses_to_accept",
        ),
        # a passive or a condition is not what the speaker did
        (
            "“Whatever is agreed in Oslo, the aggressor pays.”",
            "Whatever is agreed in Oslo, the aggressor pays.",
            None,
        ),
        (
            "Lars Berg, the Danish minister, said his government would not sign unless other "
            "states agreed to share the risk “fully and without a ceiling”.",
            "fully and without a ceiling",
            "says",
        ),
        # the speaker's own verb comes first: "accused … of denying" accuses, it does not deny
        (
            "He accused Russia of systematically denying the International Committee of the "
            'Red Cross access to its detention sites, calling it "a plain breach of the '
            'conventions."',
            "a plain breach of the conventions.",
            "accuses",
        ),
    ],
)
def test_a_negated_stance_is_not_the_stance(evidence: str, claim: str, act: str | None) -> None:
    found = speaker_act(evidence, claim)
    assert (found.key if found is not None else None) == act


def test_an_impersonal_il_stays() -> None:
    claim = "Il restait « des questions difficiles, mais moins nombreuses »"
    assert without_speaker(claim, "Marco Rubio") == claim


@pytest.mark.parametrize(
    ("first_lines", "title"),
    [
        (
            "Le Quotidien — Monde\nJeudi 4 décembre 2026\n\nREPORTAGE\nÀ Kharkiv, la paix se discute loin",
            "À Kharkiv, la paix se discute loin",
        ),
        (
            "Published 3 April 2026\nTalks stall as both sides dig in\n",
            "Talks stall as both sides dig in",
        ),
        # a publication line with its time is no title either
        (
            "Par Le Quotidien\nPublié le 11/02/2028 à 07:58, mis à jour le 11/02/2028 à 19:42\n"
            "Quotas : Oslo et Copenhague s'accordent enfin",
            "Quotas : Oslo et Copenhague s'accordent enfin",
        ),
    ],
)
def test_a_date_line_is_no_title(first_lines: str, title: str) -> None:
    article = Article(text=first_lines + "\n\nLe ministre a parlé longuement.", path="x.txt")
    assert article_title(article) == title


def test_an_owner_ending_in_s_takes_an_apostrophe_alone() -> None:
    assert role_label("spokesperson", "United Nations", "en") == "United Nations' spokesperson"
    assert role_label("spokesperson", "Russia", "en") == "Russia's spokesperson"


def test_a_verb_form_inside_quoted_words_addresses_no_one() -> None:
    """ "called it “a welcome step towards ending Norway's blockade”": the noun "welcome" in
    the speaker's words does not make the bullet "welcomes the stance of Norway"."""
    from bot.brief.items import addressed
    from bot.brief.vocab import acts

    welcomes = next(a for a in acts() if a.key == "welcomes")
    quoted = "The minister called it “a welcome step towards ending Norway's blockade”"
    framed = "The minister welcomed Norway's decision to reopen the port"
    assert not addressed(welcomes, quoted, quoted.index("Norway"))
    assert addressed(welcomes, framed, framed.index("Norway"))


def test_a_known_person_is_named_in_english_in_english_copy() -> None:
    """A surname alone in English copy takes the party book's English form, not its French one
    ("Yulia Svyrydenko", not "Ioulia Svyrydenko")."""
    from bot.brief.people import People
    from bot.domain.parties import PartyBook
    from tests.extract_support import PARTIES

    people = People(PartyBook.load(PARTIES))
    said = Position(
        "UA",
        "UA",
        "Ioulia Svyrydenko",
        "Ukrainian prime minister",
        "the fund would open in June",
        "Svyrydenko said the fund would open in June.",
        "a.txt",
        lang="en",
    )
    people.learn_spellings([said])
    assert people.name(said, "en") == "Yulia Svyrydenko"
