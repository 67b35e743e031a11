"""Offline extraction on French sentences written for these tests (not taken from the corpus)."""

from __future__ import annotations

import pytest

from bot.textnorm import is_grounded
from tests.extract_support import about, extract, one


def test_postposed_subject_role_and_unknown_appositive_name() -> None:
    text = (
        "Les discussions avancent lentement, a déclaré un conseiller du ministre ukrainien de la "
        "Défense, Oleksandr Petrenko, à l'issue de la réunion.\n\n"
        "Un accord reste possible d'ici l'été, a-t-il toutefois estimé."
    )
    pos = extract(text)
    first = one(pos, "avancent lentement")
    assert (first.party_id, first.speaker) == ("UA", "Oleksandr Petrenko")
    assert first.evidence.startswith("Les discussions") and first.evidence.endswith("réunion.")
    second = one(pos, "possible d'ici l'été")
    assert (second.party_id, second.speaker) == ("UA", "Oleksandr Petrenko")
    assert second.kind == "reported"


def test_collaborator_of_a_known_leader_is_not_the_leader() -> None:
    pos = extract(
        "Le dialogue progresse, a affirmé un collaborateur du président ukrainien Volodymyr "
        "Zelensky, Ivan Bondar, lundi soir."
    )
    p = one(pos, "dialogue progresse")
    assert p.party_id == "UA"
    assert p.speaker == "Ivan Bondar"


@pytest.mark.parametrize(
    ("text", "party", "speaker"),
    [
        (
            "Le ministre turc des Affaires étrangères, Ahmet Yilmaz, a affirmé que son pays était "
            "prêt à accueillir un sommet.",
            "TR",
            "Ahmet Yilmaz",
        ),
        (
            "Après la réunion, le premier ministre polonais, Jan Kowalski, a exhorté les "
            "Vingt-Sept à accélérer l'aide militaire.",
            "PL",
            "Jan Kowalski",
        ),
        (
            "Le porte-parole du ministère ukrainien de la Défense, Petro Hnatenko, a démenti "
            "toute percée russe.",
            "UA",
            "Petro Hnatenko",
        ),
        (
            "La responsable de la politique étrangère de l'UE, Anna Virtanen, a jugé ces "
            "propositions inacceptables.",
            "EU",
            "Anna Virtanen",
        ),
        (
            "Le chancelier allemand Karl Weber a promis de nouvelles livraisons d'armes.",
            "DE",
            "Karl Weber",
        ),
    ],
)
def test_party_from_role_and_nationality_for_unseen_names(
    text: str, party: str, speaker: str
) -> None:
    pos = extract(text)
    assert len(pos) == 1
    assert (pos[0].party_id, pos[0].speaker) == (party, speaker)
    assert pos[0].evidence == text


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("Moscou a rejeté mardi toute idée de cessez-le-feu temporaire.", "RU"),
        ("Kiev réclame le retrait complet des forces d'occupation.", "UA"),
        ("La Maison-Blanche a indiqué que de nouvelles sanctions étaient à l'étude.", "US"),
        ("Le Kremlin a démenti ces informations jeudi.", "RU"),
        ("L'armée ukrainienne a affirmé avoir repoussé plusieurs assauts près de Koupiansk.", "UA"),
        ("Le ministère russe de la Défense a annoncé la prise d'un village.", "RU"),
        ("Les alliés européens de Kiev ont réclamé des garanties de sécurité solides.", "EU"),
        ("Le commandement militaire du sud de l'Ukraine a fait état de violents combats.", "UA"),
        ("L'Otan a salué la décision des deux pays.", "NATO"),
    ],
)
def test_collective_speakers(text: str, party: str) -> None:
    pos = extract(text)
    assert [(p.party_id, p.speaker) for p in pos] == [(party, "")]


def test_selon_source_and_relative_selon_laquelle() -> None:
    pos = extract(
        "Les frappes ont visé des infrastructures énergétiques, selon le porte-parole de "
        "l'armée de l'air ukrainienne.\n\n"
        "Cette affirmation, selon laquelle la ville serait tombée, circule depuis mardi."
    )
    assert [p.party_id for p in pos] == ["UA"]
    assert pos[0].kind == "attributed"
    assert about(pos, "circule") == []


def test_title_resolution_to_last_matching_person() -> None:
    text = (
        "Le secrétaire général de l'Otan, Mark Rutte, est arrivé à Vilnius.\n\n"
        "Le président ukrainien Volodymyr Zelensky l'y a rejoint dans la soirée.\n\n"
        "Le chef de l'Otan a ensuite appelé les alliés à tenir leurs engagements.\n\n"
        "Le président ukrainien a réclamé davantage de systèmes de défense aérienne."
    )
    pos = extract(text)
    assert one(pos, "tenir leurs engagements").speaker == "Mark Rutte"
    assert one(pos, "défense aérienne").speaker == "Volodymyr Zelensky"
    assert one(pos, "défense aérienne").party_id == "UA"


def test_negotiator_title_and_honorific_surname() -> None:
    text = (
        "Le vice-ministre ukrainien des Affaires étrangères Sergiy Koval a déclaré que la "
        "délégation resterait à Genève.\n\n"
        "M. Koval a ajouté que les échanges de prisonniers devaient reprendre.\n\n"
        "« Nous voulons des garanties écrites », avait déclaré plus tôt le négociateur ukrainien."
    )
    pos = extract(text)
    assert one(pos, "échanges de prisonniers").speaker == "Sergiy Koval"
    assert one(pos, "échanges de prisonniers").party_id == "UA"
    assert one(pos, "garanties écrites").party_id == "UA"


def test_pronoun_follows_the_subject_of_a_non_statement_sentence() -> None:
    text = (
        "Le président français Emmanuel Macron a reçu son homologue à l'Élysée.\n\n"
        "Un conseiller du chef de l'État russe, Boris Orlov, s'est montré plus réservé.\n\n"
        "Rien n'est encore décidé, a-t-il dit."
    )
    p = one(extract(text), "Rien n'est encore")
    assert (p.party_id, p.speaker) == ("RU", "Boris Orlov")


def test_bare_quote_paragraph_takes_the_previous_speaker() -> None:
    text = (
        "Dans un entretien télévisé, M. Zelensky a prévenu que l'Ukraine ne céderait aucun "
        "territoire.\n\n"
        "« Nous ne reconnaîtrons jamais l'occupation. Jamais. »"
    )
    p = one(extract(text), "reconnaîtrons jamais")
    assert (p.party_id, p.speaker, p.kind) == ("UA", "Volodymyr Zelensky", "quote")
    assert p.evidence == "« Nous ne reconnaîtrons jamais l'occupation. Jamais. »"


def test_direct_quote_split_by_incise_and_verbs_inside_quotes_ignored() -> None:
    text = (
        "« Nous sommes prêts à discuter, a-t-il dit, mais pas à capituler », a martelé Dmitri "
        "Peskov.\n\n"
        "« Les Russes ont promis un cessez-le-feu », a rappelé le ministre ukrainien des "
        "Affaires étrangères."
    )
    pos = extract(text)
    p = one(pos, "capituler")
    assert (p.party_id, p.speaker, p.kind) == ("RU", "Dmitri Peskov", "quote")
    assert "mais pas à capituler" in (p.quote or "")
    q = about(pos, "ont promis")
    assert [x.party_id for x in q] == ["UA"]


def test_analyst_is_other_and_narrative_is_not_a_position() -> None:
    text = (
        "« Les deux camps sont épuisés », estime Jean Martin, analyste à l'Institut de "
        "relations internationales.\n\n"
        "Les combats se sont poursuivis dans la région de Kharkiv.\n\n"
        "Sa demande d'adhésion a été déposée en 2022."
    )
    pos = extract(text)
    assert [(p.party_id, p.speaker) for p in pos] == [("OTHER", "Jean Martin")]


def test_pour_and_dapres_sources() -> None:
    text = (
        "Pour le Kremlin, toute présence de troupes occidentales serait une provocation.\n\n"
        "D'après la diplomatie française, la réunion aura lieu à Genève."
    )
    pos = extract(text)
    assert one(pos, "provocation").party_id == "RU"
    assert one(pos, "Genève").party_id == "FR"


def test_every_field_is_filled_and_grounded() -> None:
    text = "Le ministre russe des Affaires étrangères a affirmé que Moscou refusait tout gel du conflit."
    (p,) = extract(text)
    assert is_grounded(p.evidence, text)
    assert p.claim.startswith("Moscou refusait")
    assert p.party_name == "Russie"
    assert p.source == "test.txt" and p.article_hash == "h" and p.lang == "fr"
    assert p.score > 1.0


def test_incise_with_prepositional_phrase_and_appositive_role_after_name() -> None:
    text = (
        "« Aucune date n'est fixée », a déclaré à l'AFP un haut responsable ukrainien.\n\n"
        "Dmitri Peskov, porte-parole de la présidence russe, a affirmé que le dialogue continuait.\n\n"
        "Le ministre polonais de la Défense, cité par les agences, a jugé la menace sérieuse."
    )
    pos = extract(text)
    assert (one(pos, "Aucune date").party_id, one(pos, "Aucune date").speaker) == ("UA", "")
    assert one(pos, "dialogue continuait").speaker == "Dmitri Peskov"
    assert one(pos, "menace sérieuse").party_id == "PL"


def test_namings_and_bare_participles_are_not_statements() -> None:
    text = (
        "L'invasion a commencé par ce que Moscou appelle une opération militaire spéciale.\n\n"
        "Le plan russe annoncé mardi prévoit un gel de la ligne de front."
    )
    assert extract(text) == []


def test_media_are_other_voices() -> None:
    pos = extract("Les pourparlers reprendront lundi, selon l'agence de presse russe Tass.")
    assert [p.party_id for p in pos] == ["OTHER"]


def test_bare_quote_after_a_sentence_about_a_person() -> None:
    text = (
        "Le chef de la diplomatie hongroise, Péter Szabó, est arrivé à Bruxelles mardi.\n\n"
        "« Nous ne bloquerons pas l'accord. »"
    )
    p = one(extract(text), "bloquerons")
    assert (p.party_id, p.speaker, p.kind) == ("HU", "Péter Szabó", "quote")


def test_incise_subject_with_possessive_title_and_particle_name() -> None:
    text = (
        "La Commission a présenté un nouveau paquet de sanctions. « Nous maintiendrons la "
        "pression », a déclaré sa présidente, Ursula von der Leyen."
    )
    p = one(extract(text), "maintiendrons")
    assert (p.party_id, p.speaker) == ("EU", "Ursula von der Leyen")


def test_sentence_cut_without_final_punctuation_is_rejoined() -> None:
    (p,) = extract("Le ministre russe Ivan Petrov a démenti ces informations mardi soir.")
    assert (p.party_id, p.speaker) == ("RU", "Ivan Petrov")
    assert p.evidence.startswith("Le ministre russe")


def test_stressed_pronoun_and_plural_pronoun() -> None:
    text = (
        "Volodymyr Zelensky a, lui, assuré que l'Ukraine ne céderait rien.\n\n"
        "Les alliés européens ont réclamé une réunion. Ils ont aussi exigé une enquête."
    )
    pos = extract(text)
    assert one(pos, "céderait rien").speaker == "Volodymyr Zelensky"
    p = one(pos, "exigé une enquête")
    assert (p.party_id, p.speaker) == ("EU", "")  # "ils" is the group, not Zelensky


def test_described_role_without_office_word_and_participial_intro() -> None:
    text = (
        "Interrogé par la chaîne CNN, Volodymyr Zelensky a estimé que Moscou gagnait du temps.\n\n"
        "« C'est inacceptable », a réagi le Kremlin.\n\n"
        "Le numéro deux de la diplomatie russe, Sergueï Riabkov, a répété que Moscou refusait "
        "tout contingent européen."
    )
    pos = extract(text)
    z = one(pos, "gagnait du temps")
    assert (z.party_id, z.speaker) == ("UA", "Volodymyr Zelensky")
    assert "CNN" not in z.speaker_role
    assert one(pos, "inacceptable").party_id == "RU"
    r = one(pos, "contingent européen")
    assert (r.party_id, r.speaker) == ("RU", "Sergueï Riabkov")


def test_pipeline_is_cached_and_light() -> None:
    from bot.extract.rules import nlp

    first = nlp.get_nlp("fr")
    assert nlp.get_nlp("fr") is first
    # the sentence splitter runs before the parser, which keeps its boundaries
    names = first.pipe_names
    assert names.index("senter") < names.index("parser") and "lemmatizer" not in names
    doc = first("« Oui », a dit M. Zelensky aujourd'hui. Puis il est parti.")
    assert len(nlp.sentence_spans(doc)) == 2
    assert nlp.has_parse(doc) and [t.head.text for t in doc if t.dep_ == "nsubj"][:1] == ["dit"]


def test_english_pipeline_is_a_checked_model_or_a_sentencizer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.extract.rules import nlp

    en = nlp.get_nlp("en")
    if "parser" in en.pipe_names:  # an English model is installed: its meta was checked
        assert en.meta["lang"] == "en" and nlp.model_label("en").startswith("en_core_web_sm")
    else:
        assert en.pipe_names == ["sentencizer"]
    monkeypatch.setenv("BRIEFBOT_NLP_MODEL_EN", "none")
    assert nlp.en_model_names() == ()
    with pytest.raises(ValueError, match="not 'en'"):
        nlp.check_meta(nlp.get_nlp("fr"), "en")


@pytest.mark.parametrize(
    "text",
    [
        "Kiev a lancé une contre-offensive dans le sud.",
        "Moscou a rappelé son ambassadeur à Varsovie.",
        "Le Kremlin a confié la mission à un ancien ministre.",
    ],
)
def test_ambiguous_verbs_without_reported_clause_are_actions(text: str) -> None:
    assert extract(text) == []


def test_ambiguous_verb_with_reported_clause_is_speech() -> None:
    (p,) = extract("Moscou a rappelé que ses conditions restaient inchangées.")
    assert p.party_id == "RU" and p.claim.startswith("Ses conditions")


def test_bare_quote_before_the_paragraph_that_attributes_it() -> None:
    text = (
        "« Nous ne céderons pas un mètre. »\n\n"
        "C'est ce qu'a affirmé mardi le ministre ukrainien de la Défense, Ivan Kovalenko, "
        "devant le Parlement.\n\n"
        "Le cessez-le-feu reste fragile, comme l'a reconnu le porte-parole de l'Otan."
    )
    pos = extract(text)
    q = one(pos, "un mètre")
    assert (q.party_id, q.speaker, q.kind) == ("UA", "Ivan Kovalenko", "quote")
    assert one(pos, "reste fragile").party_id == "NATO"


def test_two_parties_in_one_sentence_get_their_own_clause() -> None:
    text = (
        "« L'Europe doit être à la table », a insisté le chancelier allemand Karl Weber, tandis "
        "que le premier ministre polonais a mis en garde contre « une paix imposée »."
    )
    pos = extract(text)
    de, pl = one(pos, "à la table"), one(pos, "paix imposée")
    assert (de.party_id, de.speaker, pl.party_id) == ("DE", "Karl Weber", "PL")
    assert "paix imposée" not in de.evidence and "à la table" not in pl.evidence
    assert de.evidence in text and pl.evidence in text
