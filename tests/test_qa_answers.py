"""Answers of issue 13 over a small French store, asked in French and English: the party a
position question asks about (the first it names), an unknown name asked about before a known
one, counts/amounts/dates read from the right words, the French/English glossary, "who said
that?" (a speaker named by role before a quotation) and "who else?", on SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest

from bot.domain.models import Article, Position
from bot.domain.parties import PartyBook
from bot.domain.topics import merged_rows
from bot.qa import QuestionAnswerer, facts, followup
from bot.qa.lexicon import MentionFinder
from bot.qa.query import parse_question
from bot.qa.search import Passage
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store import Database
from tests.test_qa_unit import NoComposer, add

KINDS = [
    ("Que réclame Kiev à la Russie dans ces pourparlers ?", "position", ["UA"], [], ""),
    ("What does Warsaw want from Moscow?", "position", ["PL"], [], ""),
    ("Que pensent la Roumanie et la Bulgarie de l'initiative ?", "position", ["RO", "BG"], [], ""),
    ("What is the Kremlin's stance on the text?", "position", ["RU"], [], ""),
    ("What did Marie Dupontel tell Putin?", "person", [], [], "Marie Dupontel"),
    ("Qu'a dit Erdogan à Poutine ?", "person", [], ["Recep Tayyip Erdogan"], ""),
    ("Quel est le montant du prêt voté ?", "count", [], [], ""),
    ("What share of its GDP does Poland spend on defence?", "count", ["PL"], [], ""),
    ("Quelle date a été fixée pour le sommet ?", "when", [], [], ""),
    # a known name with small words after the cue is no unknown "Ursula"
    ("Qu'a dit Ursula von der Leyen à Lille ?", "person", [], ["Ursula von der Leyen"], ""),
    ("Which ministers will Kaja Kallas meet next week?", "who", [], ["Kaja Kallas"], ""),
    ("Quels responsables ont signé le texte ?", "who", [], [], ""),
    # the party named right after the cue is who is asked about, not the people after it
    ("What did the Kremlin say Trump offered Putin?", "position", ["RU"], [], ""),
    ("Qu'a dit Moscou à Kiev sur les prisonniers ?", "position", ["RU"], [], ""),
    # suggesting and floating an idea are a party's stance, as proposing is
    ("Which idea has the Turkish mediator floated?", "position", ["TR"], [], ""),
    ("Que suggère la Roumanie pour les ports ?", "position", ["RO"], [], ""),
]


@pytest.mark.parametrize(("question", "kind", "parties", "people", "unknown"), KINDS)
def test_kind_and_who_is_asked(
    book: PartyBook, question: str, kind: str, parties: list[str], people: list[str], unknown: str
) -> None:
    understood = understand(question, MentionFinder(book))
    assert understood.kind == kind
    assert understood.parties == parties
    assert [p.name for p in understood.people][:1] == people
    assert understood.unknown_person == unknown


def test_glossary_bridges_both_ways(book: PartyBook) -> None:
    """An English question's words reach their French forms and the reverse."""
    finder = MentionFinder(book)
    english = parse_question("What about the frozen assets and the prisoner swap?", finder)
    words = english.all_words()
    assert "avoirs geles" in words and "echange de prisonniers" in words
    french = parse_question("Que dit-on du couloir en mer Noire ?", finder)
    assert {"corridor", "black sea"} <= french.all_words()


def test_bridge_rows_sharing_a_word_merge() -> None:
    rows = merged_rows([("a", "b"), ("c", "d"), ("b", "e"), ("d", "f"), ("e", "c")])
    assert rows == (("a", "b", "e", "c", "d", "f"),)
    assert merged_rows([("x", "y"), ("z",)]) == (("x", "y"), ("z",))


def passage(text: str, lang: str = "fr") -> Passage:
    return Passage(1, 1, 0, lang, text, [])


def test_count_needs_the_counted_noun() -> None:
    overnight = [passage("L'armée de l'air a abattu 96 missiles et intercepté 112 drones.")]
    assert facts.count(overnight, "How many drones did Russia launch?", set()) == "112 drones"
    swap = [passage("Au total, 1 200 prisonniers ont été libérés samedi.")]
    assert (
        facts.count(swap, "Combien de prisonniers ont été libérés ?", set()) == "1 200 prisonniers"
    )
    assert facts.count(swap, "How many civilians were freed?", set()) == ""


def test_amounts_shares_and_datelines() -> None:
    loan = [passage("Le Parlement a voté un prêt de 140 milliards d'euros à l'Ukraine.")]
    assert facts.count(loan, "Quel est le montant du prêt ?", set()) == "140 milliards d'euros"
    spend = [passage("Poland spends almost 5% of its GDP on defence.", "en")]
    assert facts.count(spend, "What share of its GDP does Poland spend?", set()) == "5%"
    assert facts.count(spend, "How much will the mission cost?", set()) == ""
    dateline = [passage("GENÈVE, 3 décembre 2026 (AFP) - La trêve entrera en vigueur.")]
    assert facts.date(dateline, "Quand la trêve entrera-t-elle en vigueur ?") == ""
    summit = [passage("Le sommet aura lieu le 24 mars à Bruxelles.")]
    assert facts.date(summit, "Quand aura lieu le sommet ?") == "24 mars"


def test_followup_forms() -> None:
    assert followup.is_who_said("Who said that?") and followup.is_who_said("Qui a dit ça ?")
    assert followup.is_who_else("Who else?") and followup.is_who_else("Et qui d'autre ?")
    assert followup.refers_to_person("What does he think Putin still wants?")
    assert followup.refers_to_person("Qu'a-t-il dit ensuite ?")
    assert not followup.refers_to_person("What does Poland want?")


def test_short_whys_follow_up(book: PartyBook) -> None:
    finder = MentionFinder(book)
    for question in ("Why was he there?", "So why hasn't the meeting happened?", "Pourquoi ?"):
        assert followup.is_why(question, parse_question(question, finder))
    question = "Why does Poland oppose sending a mission to Ukraine?"
    assert not followup.is_why(question, parse_question(question, finder))


TEXT = (
    "Varsovie s'oppose à tout allègement des sanctions contre Moscou.\n\n"
    "Le chef de la diplomatie hongroise, Peter Szijjarto, a estimé que les sanctions devaient "
    "être levées rapidement.\n\n"
    "La Pologne réclame le retrait des troupes russes de l'ensemble du territoire ukrainien.\n\n"
    "Les pourparlers ont duré trois heures au palais présidentiel.\n\n"
    "Le porte-parole du Kremlin s'est exprimé devant la presse russe.\n\n"
    "« Les Européens n'ont rien apporté de constructif. »"
)
POSITIONS = [  # (party, speaker, role, evidence, topics)
    ("PL", "", "", TEXT.split("\n\n")[0], ["sanctions"]),
    (
        "HU",
        "Peter Szijjarto",
        "chef de la diplomatie hongroise",
        TEXT.split("\n\n")[1],
        ["sanctions"],
    ),
    ("PL", "", "", TEXT.split("\n\n")[2], ["military", "territory"]),
]


class Stored:
    """An extractor giving the positions of POSITIONS (their evidence verbatim)."""

    key = "test:issue13"

    def extract(self, article: Article) -> list[Position]:
        return [
            Position(
                party,
                party,
                speaker,
                role,
                evidence.rstrip("."),
                evidence,
                article.source,
                lang="fr",
                topics=topics,
            )
            for party, speaker, role, evidence, topics in POSITIONS
            if evidence in article.text
        ]


@pytest.fixture
def asker(any_db: Database, book: PartyBook, settings: Settings) -> QuestionAnswerer:
    from bot.service import BriefBot

    add(any_db, TEXT)
    bot = BriefBot(settings, any_db, book, [Stored()], [NoComposer()])  # type: ignore[list-item]
    return QuestionAnswerer(bot)


def lines(reply: object) -> list[str]:
    return [b.plain for b in reply.blocks]  # type: ignore[attr-defined]


def test_position_of_the_asked_party_across_languages(asker: QuestionAnswerer) -> None:
    reply = lines(asker("What does Poland demand about Russian troops?", "en", "c", "1", None))
    assert reply[0].startswith("Poland: La Pologne réclame le retrait des troupes russes")
    reply = lines(asker("What is Poland's position on sanctions relief?", "en", "c", "2", None))
    assert reply[0].startswith("Poland: Varsovie s'oppose à tout allègement des sanctions")


def test_who_said_a_quotation_named_by_role(asker: QuestionAnswerer) -> None:
    reply = lines(
        asker("Who said the Europeans had brought nothing constructive?", "en", "c", "3", None)
    )
    assert reply[0] == "Who: Dmitri Peskov"


def test_who_else_names_other_speakers(asker: QuestionAnswerer) -> None:
    first = lines(asker("Que dit la Pologne des sanctions ?", "fr", "c", "4", None))
    assert first[0].startswith("Pologne : Varsovie s'oppose")
    other = lines(asker("Qui d'autre ?", "fr", "c", "4", None))
    assert other[0] == "D'autres voix : Peter Szijjarto"
    assert any("devaient être levées" in line for line in other)


def test_who_said_that_after_an_answer(asker: QuestionAnswerer) -> None:
    asker("Que pense la Hongrie des sanctions ?", "fr", "c", "5", None)
    reply = lines(asker("Qui a dit ça ?", "fr", "c", "5", None))
    assert reply[0] == "Qui : Peter Szijjarto"


def test_count_refused_without_its_noun(asker: QuestionAnswerer) -> None:
    reply = lines(asker("Combien de civils ont été libérés ?", "fr", "c", "6", None))
    assert reply[0] == "Les articles dont je dispose ne le disent pas."
    reply = lines(asker("How long did the talks last?", "en", "c", "7", None))
    assert reply[0] == "How long: trois heures"


def test_asked_roles_in_both_languages() -> None:
    from bot.qa.respond import asked_roles

    [role] = asked_roles("What did France's ambassador say at the Security Council?")
    assert {"ambassador", "ambassadeur"} <= role
    [role] = asked_roles("Qu'a dit le ministre des Affaires étrangères hongrois ?")
    assert "foreign minister" in role
    assert asked_roles("What does Poland want?") == []


def test_a_role_nobody_holds_is_refused(asker: QuestionAnswerer) -> None:
    reply = lines(asker("What did Poland's ambassador say about sanctions?", "en", "c", "8", None))
    assert reply[0] == "The articles I have do not say."
    reply = lines(
        asker("What did Hungary's foreign minister say about sanctions?", "en", "c", "9", None)
    )
    assert reply[0].startswith("Hungary: ")


def test_linking_and_time_words_weigh_less(book: PartyBook) -> None:
    finder = MentionFinder(book)
    query = parse_question("Que veut la Russie en échange d'un accord en mer Noire ?", finder)
    assert "echange" not in {c.label for c in query.concepts}  # "en échange de" only links
    query = parse_question("What is the Kremlin's stance on a ceasefire after the swap?", finder)
    weights = {c.label: c.weight for c in query.content}
    assert weights["swap"] < weights["ceasefire"]


def test_an_interviewers_question_gives_way_to_the_answer(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from bot.service import BriefBot

    add(
        any_db,
        "INTERVIEWER: Would Poland send troops to Ukraine?\n\n"
        "MINISTER: No. Our soldiers are needed on our own border.\n\n"
        "INTERVIEWER: And the weather in Warsaw?",
        lang="en",
    )
    bot = BriefBot(settings, any_db, book, [Stored()], [NoComposer()])  # type: ignore[list-item]
    reply = lines(
        QuestionAnswerer(bot)("Will Poland send troops to Ukraine?", "en", "c", "i", None)
    )
    assert any("Our soldiers are needed" in line for line in reply)
    assert not any(line.endswith("Ukraine?") for line in reply if line.startswith("•"))


def test_proper_names_the_gazetteer_does_not_know(book: PartyBook) -> None:
    from bot.qa.query import proper_names

    finder = MentionFinder(book)
    query = parse_question("Qu'a dit la Pologne à la conférence de Lille ?", finder)
    assert [c.label for c in proper_names(query)] == ["lille"]
    council = parse_question("Que propose la Turquie au Conseil de sécurité ?", finder)
    assert proper_names(council) == []  # an institution of a known party
    unknown = parse_question("What did Marie Dupontel say in Lyon?", finder)
    assert [c.label for c in proper_names(unknown, besides="Marie Dupontel")] == ["lyon"]


def test_a_place_no_article_names_is_refused(asker: QuestionAnswerer) -> None:
    """What the party said elsewhere does not answer what it said at a named place."""
    asked = "Que dit la Pologne des sanctions à la conférence de Lille ?"
    reply = lines(asker(asked, "fr", "c", "20", None))
    assert reply[0] == "Les articles dont je dispose ne le disent pas."
    reply = lines(asker("Que dit la Pologne des sanctions ?", "fr", "c", "21", None))
    assert reply[0].startswith("Pologne : Varsovie s'oppose")


def test_a_compound_is_one_concept(book: PartyBook) -> None:
    """ "le plan de paix" is not "paix" alone: a statement on peace does not answer it."""
    finder = MentionFinder(book)
    for question in ("Que pense la Chine du plan de paix ?", "What about the peace plan?"):
        labels = [c.label for c in parse_question(question, finder).content]
        assert len(labels) == 1 and {"plan de paix", "peace plan"} & set(labels)


def test_amounts_asked_by_currency_or_of_what_is_counted() -> None:
    law = [passage("La loi prévoit 413 milliards d'euros sur sept ans.")]
    assert facts.count(law, "Combien d'euros prévoit la loi ?", set()) == "413 milliards d'euros"
    assets = [passage("Some 210 billion euros of central bank assets remain frozen.", "en")]
    asked = "Combien d'avoirs de la banque centrale restent gelés ?"
    assert facts.count(assets, asked, set()) == "210 billion euros"
    assert facts.count(assets, "Combien de drones ?", set()) == ""
    spoken = [passage("We will provide three billion pounds of support every year.", "en")]
    assert facts.count(spoken, "How much support does Britain promise?", set()) == (
        "three billion pounds"
    )


def test_durations_after_words_of_needing() -> None:
    restart = [passage("Il faudrait au moins dix-huit mois pour remettre un réacteur en service.")]
    assert facts.duration(restart, "") == "au moins dix-huit mois"
    talks = [passage("Les pourparlers ont duré plus d’une heure.")]
    assert facts.duration(talks, "") == "plus d’une heure"


def test_linking_phrases_and_negative_subjects(book: PartyBook) -> None:
    """ "à la place de" only links; "personne ne" is "nobody" in English."""
    finder = MentionFinder(book)
    query = parse_question("Qui a dit que personne ne signerait rien à la place de Kiev ?", finder)
    labels = [c.label for c in query.content]
    assert "place" not in labels
    assert any("nobody" in c.words for c in query.content)


def test_a_why_question_shows_the_reason_given_just_after(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from tests.test_qa_unit import make_bot

    add(
        any_db,
        "La Pologne refuse d'envoyer des soldats en Ukraine.\n\n"
        "« Notre armée doit défendre la frontière », a justifié le Premier ministre.\n\n"
        "Le sommet s'est achevé dans la soirée sans déclaration commune.",
    )
    asker = QuestionAnswerer(make_bot(any_db, book, settings))
    reply = lines(asker("Why won't Poland send soldiers to Ukraine?", "en", "c", "w", None))
    assert any("refuse d'envoyer" in line for line in reply)
    assert any("a justifié" in line for line in reply)
    assert not any("sommet" in line for line in reply)
    assert followup.asks_why("Pourquoi la Pologne refuse-t-elle ?")
    assert not followup.asks_why("What does Poland want?")


def test_the_party_a_sentence_opens_with(book: PartyBook) -> None:
    from bot.domain.gazetteer import Gazetteer
    from bot.qa.statements import opening_party

    gazetteer = Gazetteer(book)
    assert opening_party(gazetteer, "Kiev, à l'inverse, exige la restitution du site.") == "UA"
    assert opening_party(gazetteer, "La Russie refuse tout retrait.") == "RU"
    assert opening_party(gazetteer, "Selon les experts, la Russie refuse tout retrait.") is None
    assert opening_party(gazetteer, "Les experts doutent de tout accord.") is None


def test_a_statement_referring_back_is_shown_with_the_sentence_before(book: PartyBook) -> None:
    from bot.qa.statements import rank, subject
    from bot.textnorm import ground_key

    before = "Le plan de Washington prévoyait une exploitation de la centrale par une entreprise."
    evidence = "Le secrétaire d'État continue de défendre cette option devant le Congrès."
    position = Position("US", "US", "", "", evidence, evidence, "s", article_id=1, lang="fr")
    query = parse_question("Que propose Washington pour la centrale ?", MentionFinder(book))
    topic = subject(query, {"US"})
    context = {(1, ground_key(evidence)[:60]): before}
    shown = rank(query, [position], topic, {1: 1.0}, context=context)
    assert shown and shown[0].text == f"{before} {evidence}" and not shown[0].quoted
    alone = rank(query, [position], topic, {1: 1.0})
    assert alone and alone[0].text == evidence


def test_a_sentence_before_is_not_shown_under_another_name(book: PartyBook) -> None:
    """The sentence before is shown with a statement only when it is no other speaker's
    statement, and never before a live blog's heading (another entry's quotation would read as
    the heading's speaker's)."""
    from bot.qa.statements import rank, subject
    from bot.textnorm import ground_key

    before = "Sur la centrale : « Une exploitation par une entreprise serait la solution. »"
    query = parse_question("Que propose Washington pour la centrale ?", MentionFinder(book))
    topic = subject(query, {"US"})
    heading = "Le secrétaire d'État défend cette option devant le Congrès"
    sentence = heading + "."
    for evidence, others in ((heading, []), (sentence, [("GB", "Ann Lee")])):
        position = Position("US", "US", "", "", evidence, evidence, "s", article_id=1, lang="fr")
        owner = [Position(p, p, who, "", before, before, "s", article_id=1) for p, who in others]
        context = {(1, ground_key(evidence)[:60]): before}
        shown = rank(query, [position, *owner], topic, {1: 1.0}, context=context)
        mine = [s for s in shown if "Congrès" in s.text]
        assert mine and mine[0].text == evidence, mine[0].text


def test_a_seat_of_power_asked_as_a_speaker(book: PartyBook) -> None:
    """ "What did the White House say": the party's position, from what the White House
    itself said (its French name too); a capital is the party, with no such restriction."""
    finder = MentionFinder(book)
    seat = understand("What did the White House say about sanctions relief?", finder)
    assert seat.kind == "position" and seat.parties == ["US"]
    assert {"white house", "maison-blanche"} <= set(seat.seat)
    capital = understand("What did Moscow say about the prisoners?", finder)
    assert capital.kind == "position" and capital.parties == ["RU"] and capital.seat == ()


def test_a_heading_is_never_shown_as_a_supporting_statement() -> None:
    from bot.qa.respond import _is_heading

    assert _is_heading("EN DIRECT - Pourparlers de Genève : deuxième journée de discussions")
    assert not _is_heading("Le chef de la délégation, Ivan Petrov, a parlé à la presse.")
    assert not _is_heading("« Nous ne signerons rien sans garanties »")


def test_a_reply_is_ranked_on_the_question_put_to_the_speaker(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    """In a question-and-answer article, a reply that does not repeat what it was asked about
    answers it: the paragraph before it that asks something is its subject."""
    from bot.qa.statements import asked_before, rank, subject
    from bot.textnorm import ground_key
    from tests.test_qa_unit import make_bot

    asked = "Et les avoirs gelés de la banque centrale ? Certains pays hésitent."
    reply = "Nous comprenons leurs craintes et nous partagerons le risque avec eux."
    other = "Le printemps sera pluvieux dans toute la région cette année."
    article = add(any_db, f"QUESTION : {asked}\n\nMINISTRE : {reply}\n\n{other}")
    bot = make_bot(any_db, book, settings)
    positions = [
        Position("PL", "PL", "Jan Nowak", "", text, text, "s", article_id=article.id, lang="fr")
        for text in (reply, other)
    ]
    found = asked_before(bot, positions)
    assert found == {(article.id, ground_key(reply)[:60]): (f"QUESTION : {asked}", True)}
    query = parse_question("Que dit la Pologne des avoirs gelés ?", MentionFinder(book))
    topic = subject(query, {"PL"})
    shown = rank(query, positions, topic, replies=found)
    assert [s.text for s in shown] == [reply]  # the other paragraph answers nothing asked
    assert shown[0].match > 0.5
    assert rank(query, positions, topic) == []  # without the question, nothing matches


def test_a_sentence_about_what_is_asked_names_its_articles_parties(book: PartyBook) -> None:
    """ "We will provide…" in an article naming Britain and Ukraine is about them; the same
    words in an article naming neither are not."""
    from bot.qa.retrieve import in_context
    from bot.qa.search import score
    from bot.qa.text import stems

    query = parse_question(
        "How much support does Britain promise Ukraine each year?", MentionFinder(book)
    )

    def sentence(sid: int, article: int, text: str) -> Passage:
        return score(query, Passage(sid, article, sid, "en", text, stems(text, "en")))

    naming = sentence(1, 1, "Britain has sent support to Ukraine since the war began.")
    spoken = sentence(2, 1, "We will promise more support every year.")
    elsewhere = sentence(3, 2, "We will promise more support every year.")
    assert spoken.entities == 0 and spoken.coverage >= 0.75
    in_context(query, [naming, spoken, elsewhere])
    assert spoken.entities == 1.0
    assert elsewhere.entities == 0


def test_a_word_saying_when_weighs_less_than_any_word_asked(book: PartyBook) -> None:
    from bot.qa.statements import when_lighter

    query = parse_question(
        "What is Romania's stance on the tariffs after the summit?", MentionFinder(book)
    )
    summit = next(c for c in query.content if c.label == "summit")
    assert summit.when and not any(c.when for c in query.content if c is not summit)
    summit.weight = 5.0  # as if it were rare among the articles found
    for c in query.content:
        if c is not summit:
            c.weight = 0.2  # as if common
    when_lighter(query)
    assert summit.weight == pytest.approx(0.1)


def test_a_statement_is_not_shown_twice() -> None:
    from bot.qa.statements import Statement, distinct

    first = Statement("Le port restera ouvert aux navires civils.", 1, "fr")
    held = Statement("restera ouvert aux navires civils", 1, "fr")
    joined = Statement(
        "Le port restera ouvert aux navires civils. Les inspections reprendront lundi.",
        1,
        "fr",
        own="Les inspections reprendront lundi.",
    )
    kept = distinct([first, held, joined])
    assert [s.text for s in kept] == [first.text, "Les inspections reprendront lundi."]


def test_a_place_asked_within_a_named_place_is_a_building() -> None:
    question = "Where did the two delegations meet in Ankara?"
    assert facts.names_place(question)
    assert not facts.names_place("Where were the talks held in May 2024?")
    venue = passage("Les délégations se sont retrouvées au palais de Çankaya.")
    city = passage("Les délégations se sont retrouvées à Ankara, puis à Izmir.")
    assert facts.places(venue.text, question) == ["palais de Çankaya"]
    assert facts.places(city.text, question) == []  # Ankara is asked; Izmir is no building
    assert facts.place([city, venue], question) == "palais de Çankaya"
    assert facts.has_value("where", venue, question) and not facts.has_value(
        "where", city, question
    )
    assert facts.place([city], "Where did the delegations meet?") == "Ankara"


def test_another_partys_speaker_does_not_stand_for_the_asked_party() -> None:
    from bot.qa.respond import of_parties
    from bot.qa.statements import Statement

    own = Statement("La Roumanie veut rouvrir ses ports.", 1, "fr", party_id="RO")
    unnamed = Statement("Un accord sur les ports semble proche.", 1, "fr")
    other = Statement(
        "Romania wants the ports reopened, the minister said.", 2, "en", "Jan Nowak", "", "PL"
    )
    assert of_parties([own, unnamed, other], ["RO"]) == [own, unnamed]
