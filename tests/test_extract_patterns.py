"""Offline extraction: source appositions, roles without circumstances, quote-first incises,
post-name roles, headlines and claims cut inside a quotation (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tests.extract_support import extract, one


@pytest.mark.parametrize(
    ("lang", "text", "party", "speaker", "role", "claim"),
    [
        (
            "fr",
            "Selon le ministre hongrois de l'Énergie, Gábor Kertész, les livraisons de gaz "
            "reprendront avant le printemps.",
            "HU",
            "Gábor Kertész",
            "ministre hongrois de l'Énergie",
            "Les livraisons de gaz reprendront avant le printemps",
        ),
        (
            "fr",
            "D'après la porte-parole du gouvernement allemand, Katrin Vogel, « Berlin n'enverra "
            "pas de missiles supplémentaires ».",
            "DE",
            "Katrin Vogel",
            "porte-parole du gouvernement allemand",
            "Berlin n'enverra pas de missiles supplémentaires",
        ),
        (
            "fr",
            "Pour le chef de la diplomatie finlandaise, Mikko Laine, l'Alliance doit renforcer "
            "sa présence sur le flanc est.",
            "FI",
            "Mikko Laine",
            "chef de la diplomatie finlandaise",
            "L'Alliance doit renforcer sa présence sur le flanc est",
        ),
        (
            "fr",
            "Selon Pavel Sokolov, le vice-ministre russe de la Défense, les frappes ont visé "
            "des dépôts de carburant.",
            "RU",
            "Pavel Sokolov",
            "vice-ministre russe de la Défense",
            "Les frappes ont visé des dépôts de carburant",
        ),
        (
            "en",
            "According to Hungary's foreign minister, Laszlo Farkas, Budapest will block the "
            "next sanctions package.",
            "HU",
            "Laszlo Farkas",
            "Hungary's foreign minister",
            "Budapest will block the next sanctions package",
        ),
        (
            "fr",
            "La frontière restera fermée jusqu'à lundi, selon le ministre polonais de "
            "l'Intérieur, M. Kowalski.",
            "PL",
            "Kowalski",
            "ministre polonais de l'Intérieur",
            "La frontière restera fermée jusqu'à lundi",
        ),
        (
            "en",
            "According to the Swedish defence minister, Erik Lund, the new brigade will be ready "
            '"well before the summer".',
            "SE",
            "Erik Lund",
            "Swedish defence minister",
            'The new brigade will be ready "well before the summer"',
        ),
    ],
)
def test_source_phrase_with_role_and_name_in_apposition(
    lang: str, text: str, party: str, speaker: str, role: str, claim: str
) -> None:
    (p,) = extract(text, lang)
    assert (p.party_id, p.speaker, p.speaker_role, p.claim) == (party, speaker, role, claim)
    assert p.evidence == text


@pytest.mark.parametrize(
    ("lang", "text", "party", "speaker", "role"),
    [
        (
            "fr",
            "« Nous ne signerons rien sous la menace », a martelé le négociateur russe Ilia "
            "Orlov à la sortie du dîner de travail.",
            "RU",
            "Ilia Orlov",
            "négociateur russe",
        ),
        (
            "fr",
            "« Le texte reste sur la table », a indiqué le porte-parole du ministère turc au "
            "terme du conseil des ministres.",
            "TR",
            "",
            "porte-parole du ministère turc",
        ),
        (
            "fr",
            "« Rien n'est encore acquis », a prévenu la ministre  polonaise de la Défense "
            "Ewa Lis devant les sénateurs mercredi.",
            "PL",
            "Ewa Lis",
            "ministre polonaise de la Défense",
        ),
        (
            "en",
            '"The convoy left at dawn," said the Ukrainian defence minister Petro Savchuk '
            "in a television interview.",
            "UA",
            "Petro Savchuk",
            "Ukrainian defence minister",
        ),
        (
            "en",
            '"Sanctions will stay," said Jan Nowak, the Polish deputy foreign minister after '
            "the vote.",
            "PL",
            "Jan Nowak",
            "Polish deputy foreign minister",
        ),
    ],
)
def test_role_leaves_out_circumstances_and_collapses_spaces(
    lang: str, text: str, party: str, speaker: str, role: str
) -> None:
    (p,) = extract(text, lang)
    assert (p.party_id, p.speaker, p.speaker_role) == (party, speaker, role)


@pytest.mark.parametrize(
    ("lang", "text", "claim", "speaker"),
    [
        (
            "en",
            '"The corridor must stay open," Poland\'s defence minister Piotr Zalewski told '
            "journalists after the vote.",
            "The corridor must stay open",
            "Piotr Zalewski",
        ),
        (
            "en",
            "Ukraine's energy minister, Irina Bondar, said the grid had held overnight. "
            '"We will rebuild every substation," she said in a video address.',
            "We will rebuild every substation",
            "Irina Bondar",
        ),
        (
            "en",
            '"The talks are over," Sweden\'s foreign minister, Karin Holm, told reporters in '
            "Stockholm on Friday.",
            "The talks are over",
            "Karin Holm",
        ),
        (
            "fr",
            "« Nous garderons nos distances », le chef de la diplomatie hongroise a déclaré "
            "aux journalistes à Budapest.",
            "Nous garderons nos distances",
            "",
        ),
    ],
)
def test_quote_before_its_attribution_is_the_claim(
    lang: str, text: str, claim: str, speaker: str
) -> None:
    p = one(extract(text, lang), claim.split()[-1])
    assert (p.claim, p.speaker, p.kind) == (claim, speaker, "quote")


def test_quote_first_with_indefinite_subject_participle_and_surname() -> None:
    pos = extract(
        '"It is far too early," a Kremlin spokesman said on Friday, adding that Moscow would '
        "study the draft.\n\nPoland's prime minister, Jan Nowak, arrived late. "
        '"We are ready," Nowak said, "but not at any price."',
        "en",
    )
    a = one(pos, "far too early")
    assert (a.party_id, a.speaker_role, a.claim) == (
        "RU",
        "Kremlin spokesman",
        "It is far too early",
    )
    b = one(pos, "any price")
    assert (b.party_id, b.speaker) == ("PL", "Jan Nowak")
    assert b.claim.startswith("We are ready […] but not at any price")


@pytest.mark.parametrize(
    ("lang", "text", "party", "speaker", "role"),
    [
        (
            "en",
            '"No deal is better than a bad deal," said Anna Kowalczyk, the EU\'s trade chief.',
            "EU",
            "Anna Kowalczyk",
            "EU's trade chief",
        ),
        (
            "en",
            '"Our border is calm," said Jukka Virtanen, Finland\'s interior minister.',
            "FI",
            "Jukka Virtanen",
            "Finland's interior minister",
        ),
        (
            "fr",
            "« Nous restons mobilisés », a déclaré Paul Girard, le porte-parole du ministère "
            "français des Armées.",
            "FR",
            "Paul Girard",
            "porte-parole du ministère français des Armées",
        ),
    ],
)
def test_role_in_apposition_after_the_name(
    lang: str, text: str, party: str, speaker: str, role: str
) -> None:
    (p,) = extract(text, lang)
    assert (p.party_id, p.speaker, p.speaker_role) == (party, speaker, role)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le Kremlin rejette le plan, Kiev salue une avancée\n\n"
            "Le porte-parole du Kremlin a affirmé que le plan était inacceptable.",
        ),
        (
            "fr",
            "#\n\nBerlin promet des chars, Budapest s'y oppose\nNotre envoyé spécial\n\n"
            "Le porte-parole du Kremlin a affirmé que le plan était inacceptable.",
        ),
        (
            "en",
            "Kyiv welcomes the plan as Moscow warns of escalation\n\n"
            "The Kremlin spokesman said the plan was unacceptable.",
        ),
    ],
)
def test_headlines_are_not_statements(lang: str, text: str) -> None:
    (p,) = extract(text, lang)
    assert "inacceptable" in p.claim or "unacceptable" in p.claim


def test_headline_quoting_someone_is_kept_and_unpunctuated_body_is_not_a_headline() -> None:
    text = '"We will not give in," says Zelensky\n\nThe Ukrainian president spoke in Kyiv.'
    (p,) = extract(text, "en")
    assert (p.party_id, p.claim) == ("UA", "We will not give in")
    body = "La Pologne a affirmé qu'elle fermerait sa frontière\nsi la crise s'aggravait"
    assert [p.party_id for p in extract(body, "fr")] == ["PL"]


@pytest.mark.parametrize(
    ("lang", "text", "claim"),
    [
        (
            "fr",
            "Le chef de la diplomatie russe, Igor Lebedev, a jugé que la proposition était "
            "« irréaliste ».",
            "La proposition était « irréaliste »",
        ),
        (
            "fr",
            "Le Premier ministre polonais a rejeté le compromis, le qualifiant de « capitulation "
            "déguisée ».",
            "« capitulation déguisée »",
        ),
        (
            "en",
            "A Ukrainian official, Ivan Hordiy, insisted that Kyiv must receive "
            '"binding guarantees".',
            'Kyiv must receive "binding guarantees"',
        ),
        (
            "en",
            "The German chancellor warned that any truce must hold “for more than a week”.",
            "Any truce must hold “for more than a week”",
        ),
    ],
)
def test_claim_keeps_the_closing_quote_mark(lang: str, text: str, claim: str) -> None:
    (p,) = extract(text, lang)
    assert p.claim.endswith(claim)


@pytest.mark.parametrize(
    ("lang", "text", "party", "speaker", "role", "claim"),
    [
        (
            "fr",
            "Le ministre ukrainien de la Défense, Oleh Vantchouk, a visité le front mardi. "
            "M. Vantchouk a été catégorique : « Nous ne céderons pas un mètre de terrain. »",
            "UA",
            "Oleh Vantchouk",
            "ministre ukrainien de la Défense",
            "Nous ne céderons pas un mètre de terrain.",
        ),
        (
            "fr",
            "La ministre polonaise des Affaires étrangères s'est montrée ferme : « Varsovie ne "
            "reconnaîtra jamais cette annexion. »",
            "PL",
            "",
            "ministre polonaise des Affaires étrangères",
            "Varsovie ne reconnaîtra jamais cette annexion.",
        ),
        (
            "fr",
            "Le chancelier allemand a été très clair : « L'Allemagne continuera de livrer des "
            "munitions. »",
            "DE",
            "",
            "chancelier allemand",
            "L'Allemagne continuera de livrer des munitions.",
        ),
        (
            "fr",
            "Le président finlandais Sauli Koivisto a reçu son homologue estonien. Il est resté "
            "inflexible : « Aucune concession sur les frontières ne sera faite. »",
            "FI",
            "Sauli Koivisto",
            "président finlandais",
            "Aucune concession sur les frontières ne sera faite.",
        ),
        (
            "fr",
            "Le message de Kiev est limpide : « Sans défense aérienne, nos villes tomberont. »",
            "UA",
            "",
            "",
            "Sans défense aérienne, nos villes tomberont.",
        ),
        (
            "en",
            'The Polish foreign minister was blunt: "Warsaw will never recognise this annexation."',
            "PL",
            "",
            "Polish foreign minister",
            "Warsaw will never recognise this annexation.",
        ),
        (
            "en",
            'Petro Savchuk, the Ukrainian defence minister, remained adamant: "We will not give '
            'up a metre of ground."',
            "UA",
            "Petro Savchuk",
            "Ukrainian defence minister",
            "We will not give up a metre of ground.",
        ),
    ],
)
def test_verdict_then_colon_then_quote(
    lang: str, text: str, party: str, speaker: str, role: str, claim: str
) -> None:
    """ "X a été catégorique : « … »": the quote after the verdict is the subject's position."""
    (p,) = extract(text, lang)
    assert (p.party_id, p.speaker, p.speaker_role, p.claim) == (party, speaker, role, claim)
    assert p.kind == "quote"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La situation sur le front est claire : « Les combats se poursuivent. »"),
        ("en", 'The weather was awful: "Nobody could move," a soldier wrote in his diary.'),
    ],
)
def test_verdict_on_a_thing_names_no_speaker(lang: str, text: str) -> None:
    assert all(p.party_id == "OTHER" or p.speaker for p in extract(text, lang))
