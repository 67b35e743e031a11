"""The Q&A rules of the fifth pass (issue #13), each on questions and sentences of my own, in
French and English: "which/quel + office" questions ask who, the office and the verb of saying
are not looked for, a party named in what was said is no name the answer must carry, quoted
words identify the statement, sizes are counts, news-style abbreviated months are dates, a
quotation of several sentences is one passage, an unknown name after the words of an office
is who is asked about, and such a name is found in its other language's spelling."""

from __future__ import annotations

import pytest

from bot.domain.models import Article, Position
from bot.domain.parties import PartyBook
from bot.qa import QuestionAnswerer, facts
from bot.qa.lexicon import MentionFinder, bridge_words
from bot.qa.query import Concept, Query
from bot.qa.respond import quoted_labels
from bot.qa.search import Passage, score
from bot.qa.sentences import split_sentences
from bot.qa.text import name_variants
from bot.qa.understand import understand
from bot.settings import Settings
from bot.store import Database
from tests.test_qa_unit import NoComposer, add


def concepts(question: str, finder: MentionFinder) -> dict[str, Concept]:
    return {c.label: c for c in understand(question, finder).query.concepts}


@pytest.mark.parametrize(
    ("question", "parties"),
    [
        ("Which Danish official said the port would stay closed?", ["DK"]),
        ("Which Romanian MP called the vote a farce?", ["RO"]),
        ("Quel commissaire européen juge le calendrier intenable ?", ["EU"]),
        ("Quel ministre belge a reconnu l'erreur ?", ["BE"]),
    ],
)
def test_an_office_after_which_asks_who(
    question: str, parties: list[str], finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == "who" and u.parties == parties
    words = set(concepts(question, finder))
    # the office and the verb of saying say who is asked, not what to find
    assert not {"official", "mp", "commissaire", "ministre", "said", "juge"} & words


def test_which_with_a_verb_after_it_is_no_office(finder: MentionFinder) -> None:
    # "which did the minister…" has no office right after "which"
    assert (
        understand("Which did the minister sign first, the loan or the treaty?", finder).kind
        != "who"
    )


def test_a_party_in_what_was_said_is_no_required_name(finder: MentionFinder) -> None:
    found = concepts(
        "Qui a affirmé que Grecs et Turcs n'avaient jamais été aussi proches ?", finder
    )
    [pair] = [c for c in found.values() if c.parties]
    assert pair.kind == "content" and pair.weight < 1.0
    found = concepts("Who promised the Moldovans that Washington would pay?", finder)
    assert all(c.kind == "content" for c in found.values() if c.parties)
    # the side of whoever is asked stays a name to find
    found = concepts("Qui a dit, côté russe, que l'offre était caduque ?", finder)
    assert any(c.kind == "entity" and "RU" in c.parties for c in found.values())
    assert "cote" not in found
    found = concepts("Which Kremlin aide said the offer had lapsed?", finder)
    assert any(c.kind == "entity" and "RU" in c.parties for c in found.values())


def test_a_party_named_as_content_earns_no_bonus_of_the_asked_party() -> None:
    content = Concept("Greece", "content", {("grec",)}, 0.5, parties=("GR",))
    plain = Query("q", [content, Concept("proche", "content", {("proch",)})])
    said = Passage(1, 1, 0, "fr", "Les deux camps sont proches.", ["deux", "camp", "proch"])
    said.party_id = "GR"
    base = score(plain, said).score
    entity = Concept("Greece", "entity", {("grec",)}, 2.0, parties=("GR",))
    asked = Query("q", [entity, Concept("proche", "content", {("proch",)})])
    assert score(asked, said).score > base


def test_quoted_words_are_those_of_the_statement(finder: MentionFinder) -> None:
    u = understand("Qui a dit, côté turc, que la médiation était « au point mort » ?", finder)
    assert quoted_labels(u.query) and all(
        label in {"point", "mort", "point mort"} for label in quoted_labels(u.query)
    )
    u = understand("Which minister called the plan 'a fairy tale'?", finder)
    assert {"fairy", "tale"} <= quoted_labels(u.query) or "fairy tale" in quoted_labels(u.query)
    assert quoted_labels(understand("Qui a signé le texte ?", finder).query) == set()


@pytest.mark.parametrize(
    "question",
    [
        "How big would the monitoring mission be?",
        "How large is the Dutch contingent?",
        "Quelle serait la taille de la mission d'observation ?",
        "De quelle ampleur serait le contingent néerlandais ?",
    ],
)
def test_a_size_is_a_count(question: str, finder: MentionFinder) -> None:
    u = understand(question, finder)
    assert u.kind == "count"
    assert not {"big", "large", "taille", "ampleur"} & {c.label for c in u.query.concepts}


def test_a_size_in_a_currency_is_an_amount() -> None:
    said = [Passage(1, 1, 0, "en", "The fund would hold some 40 ships and 900 sailors.", [])]
    assert facts.count(said, "How large is the fund, in euros?", set()) == ""
    money = [Passage(2, 1, 1, "en", "The fund would hold 12 billion euros next year.", [])]
    assert facts.count(money, "How large is the fund, in euros?", set()) == "12 billion euros"
    force = [Passage(3, 1, 2, "en", "The plan foresees up to 8,000 troops stationed inland.", [])]
    assert facts.count(force, "How big would the force be?", set()) == "up to 8,000 troops"


def test_news_style_abbreviated_months_are_dates() -> None:
    said = [Passage(1, 1, 0, "en", "The envoys could meet in Vienna as early as Nov. 14.", [])]
    assert facts.date(said, "When will the envoys meet in Vienna?") == "Nov. 14"
    said = [Passage(2, 1, 1, "fr", "La commission rendra son avis le 9 déc. prochain.", [])]
    assert facts.date(said, "Quand la commission rendra-t-elle son avis ?") == "9 déc."


def test_abbreviated_months_and_quotations_do_not_end_a_sentence() -> None:
    text = (
        "The envoys could meet in Vienna as early as Dec. 14, an aide said. "
        '"We are in no rush. The calendar works for us," the delegate said. '
        "« Rien ne presse. Nous avons le temps », a-t-il ajouté."
    )
    assert split_sentences(text) == [
        "The envoys could meet in Vienna as early as Dec. 14, an aide said.",
        '"We are in no rush. The calendar works for us," the delegate said.',
        "« Rien ne presse. Nous avons le temps », a-t-il ajouté.",
    ]


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What did Russian deputy foreign minister Oleg Sokulov say?", "Oleg Sokulov"),
        ("Selon la vice-ministre Petrova, que veut la Moldavie ?", "Petrova"),
        ("Qu'a dit le porte-parole Anton Lebedev sur la trêve ?", "Anton Lebedev"),
    ],
)
def test_an_unknown_name_after_an_office_is_asked_about(
    question: str, name: str, finder: MentionFinder
) -> None:
    u = understand(question, finder)
    assert u.kind == "person" and u.unknown_person == name


def test_words_that_are_no_office_leave_no_unknown_name(finder: MentionFinder) -> None:
    assert understand("What did the talks in Geneva produce?", finder).unknown_person == ""
    u = understand("What did Russia say about the talks?", finder)
    assert u.kind == "position" and u.parties == ["RU"]


def test_a_name_in_its_other_spelling() -> None:
    assert "sokoulov" in name_variants("Sokulov")
    assert "sokulov" in name_variants("Sokoulov")
    assert "chmelov" in name_variants("Shmelov") and "shmelov" in name_variants("Chmelov")
    assert "zaritski" in name_variants("Zaritsky")
    assert "borodine" in name_variants("Borodin") and "borodin" in name_variants("Borodine")


def test_glossary_rows_of_this_pass() -> None:
    assert "settlement" in bridge_words("règlement")
    assert "not in a hurry" in bridge_words("pas pressé")
    assert "legally" in bridge_words("juridiquement")
    assert "time" in bridge_words("temps")


TEXT = (
    "« Nous ne sommes pas pressés. Le temps travaille pour nous », a déclaré Oleg Sokoulov, "
    "le chef de la délégation russe.\n\n"
    "Le vice-ministre russe Oleg Sokoulov a affirmé que Moscou ne signerait aucun document "
    "imposé.\n\n"
    "Les délégations se sont séparées sans date de reprise.\n\n"
    "« Aucun soldat ukrainien ne franchira la rivière », a ajouté Oleg Sokoulov.\n\n"
    "La Moldavie propose d'accueillir la prochaine réunion, une offre détaillée en présence du "
    "secrétaire général de l'OTAN, Mark Rutte."
)
SAID = [
    ("RU", "Oleg Sokoulov", "chef de la délégation russe", p)
    for p in TEXT.split("\n\n")[:4]
    if "Sokoulov" in p
] + [("MD", "", "", TEXT.split("\n\n")[4])]


class Stored:
    """An extractor giving the positions of SAID (their evidence verbatim)."""

    key = "test:qa-v5"

    def extract(self, article: Article) -> list[Position]:
        return [
            Position(party, party, speaker, role, evidence, evidence, article.source, lang="fr")
            for party, speaker, role, evidence in SAID
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


def test_who_said_the_quoted_words_across_languages(asker: QuestionAnswerer) -> None:
    asked = (
        "Which Russian official said Moscow was 'in no hurry' and that time played in its favour?"
    )
    reply = lines(asker(asked, "en", "c", "1", None))
    assert reply[0] == "Who: Oleg Sokoulov"


def test_an_unknown_name_is_found_in_its_french_spelling(asker: QuestionAnswerer) -> None:
    asked = "What did Russian deputy foreign minister Oleg Sokulov say about the document?"
    reply = lines(asker(asked, "en", "c", "2", None))
    assert "is not quoted" not in reply[0]
    assert any("aucun document" in line for line in reply)


FILLER = [  # articles naming Ukraine on other matters: a word every article uses weighs little
    f"Le convoi numéro {n} a livré des générateurs dans l'est de l'Ukraine, selon la mairie."
    for n in range(1, 11)
]


def test_a_persons_words_on_something_else_do_not_answer(
    asker: QuestionAnswerer, any_db: Database
) -> None:
    for text in FILLER:
        add(any_db, text)
    asked = "Qu'a déclaré Oleg Sokoulov sur l'adhésion de l'Ukraine à l'Union européenne ?"
    reply = lines(asker(asked, "fr", "c", "3", None))
    assert reply[0] == "Les articles dont je dispose ne le disent pas."


def test_another_partys_sentence_naming_a_person_is_not_their_words(
    asker: QuestionAnswerer,
) -> None:
    reply = lines(asker("Qu'a dit Mark Rutte sur la prochaine réunion ?", "fr", "c", "4", None))
    assert not any("Moldavie propose" in line for line in reply[:1])
    assert reply[0] in (
        "Les articles dont je dispose ne le disent pas.",
        "Mark Rutte n'est pas cité dans les articles dont je dispose.",
    )


def test_a_role_of_several_words_is_not_its_domain_alone() -> None:
    from bot.qa.respond import DEPUTY, _holds, asked_roles

    [role] = asked_roles("Que propose le chef de la diplomatie grecque pour les îles ?")
    assert "diplomatie" not in role and "chef de la diplomatie" in role and DEPUTY not in role
    # the spokeswoman of the diplomacy is not its head, a deputy minister not the minister
    assert not _holds("porte-parole de la diplomatie grecque", "chef de la diplomatie", False)
    assert not _holds("vice-ministre grec des affaires etrangeres", "affaires etrangeres", False)
    assert _holds("ministre grec des affaires etrangeres", "affaires etrangeres", False)


def test_a_role_asked_as_a_deputys() -> None:
    from bot.qa.respond import DEPUTY, _holds, asked_roles

    [role] = asked_roles("What does Athens's deputy foreign minister want from Brussels?")
    assert DEPUTY in role
    assert _holds("first deputy foreign minister of greece", "foreign minister", True)
    assert _holds("vice-ministre grecque des affaires etrangeres", "affaires etrangeres", True)
    assert not _holds("ministre grec des affaires etrangeres", "affaires etrangeres", True)


def test_the_words_of_a_role_are_not_looked_for(finder: MentionFinder) -> None:
    from bot.qa.respond import _without_roles, asked_roles

    asked = "What does Athens's deputy foreign minister want from Brussels right now?"
    u = understand(asked, finder)
    kept = {c.label for c in _without_roles(u.query, asked_roles(asked)).concepts}
    assert not {"deputy", "foreign minister", "right", "now"} & kept


def test_a_followup_asks_about_the_named_party_not_the_previous_addressee(
    finder: MentionFinder,
) -> None:
    from bot.qa import _continued, followup

    first = understand("What is Greece's stance on sending ships to Ukraine?", finder)
    previous = followup.Context("a1", "en", first.query.text, first.query, kind=first.kind)
    question = "Et la Bulgarie ?"
    resolved = followup.resolve(question, understand(question, finder).query, previous)
    u = _continued(understand(question, finder), resolved, finder.book)
    assert u.kind == "position" and u.parties[:1] == ["BG"]


def test_a_demonstrative_refers_to_the_previous_answer() -> None:
    from bot.qa import followup

    assert followup.refers_back("Pourquoi Athènes refuse-t-elle ce calendrier ?")
    assert followup.refers_back("Why does Sofia reject this deadline?")
    assert not followup.refers_back("Pourquoi Athènes refuse-t-elle le calendrier ?")


def test_a_quotation_for_the_same_side_right_after_is_the_reason(
    any_db: Database, book: PartyBook, settings: Settings
) -> None:
    from tests.test_qa_unit import make_bot

    add(
        any_db,
        "Athens rejects the sixty-day waiting period proposed by the mediators.\n\n"
        '"Sixty days is all the time the smugglers need to move their boats," said a senior '
        "Greek official.\n\n"
        '"We expect an answer next week," said a Turkish diplomat.',
        lang="en",
    )
    asker = QuestionAnswerer(make_bot(any_db, book, settings))
    asker("What does Greece reject?", "en", "c", "r", None)
    reply = lines(asker("Pourquoi la Grèce refuse-t-elle ce délai ?", "fr", "c", "r", None))
    assert any("waiting period" in line for line in reply)
    assert any("smugglers" in line for line in reply)
    assert not any("Turkish diplomat" in line for line in reply)


def test_a_side_of_a_place_is_the_place_asked() -> None:
    said = [
        Passage(1, 1, 0, "fr", "Les navires resteraient « à l'est de Chypre, hors de portée ».", [])
    ]
    assert facts.place(said, "Où resteraient les navires ?") == "l'est de Chypre"
    said = [Passage(2, 1, 1, "en", "The engineers would work in the north of Moldova.", [])]
    assert facts.place(said, "Where would the engineers work?") == "the north of Moldova"
    said = [Passage(3, 1, 2, "fr", "Les experts se retrouveront à Vienne lundi.", [])]
    assert facts.place(said, "Où se retrouveront les experts ?") == "Vienne"


def test_taking_part_is_participation() -> None:
    assert "take part" in bridge_words("participation")
    assert "participer" in bridge_words("participate")


def test_a_range_is_answered_whole() -> None:
    said = [Passage(1, 1, 0, "fr", "La mission compterait « entre 300 et 500 observateurs ».", [])]
    asked = "Combien d'observateurs compterait la mission ?"
    assert facts.count(said, asked, set()) == "entre 300 et 500 observateurs"
    said = [Passage(2, 1, 1, "en", "It would need between 40 and 60 boats in all.", [])]
    assert facts.count(said, "How many boats would it need?", set()) == "between 40 and 60 boats"


def test_a_partys_adjective_on_a_group_says_the_side_asked(finder: MentionFinder) -> None:
    for question in (
        "Who headed the Bulgarian delegation?",
        "Qui a dirigé la délégation bulgare ?",
    ):
        u = understand(question, finder)
        assert u.kind == "who" and u.parties == ["BG"]
        assert any(c.kind == "entity" and "BG" in c.parties for c in u.query.concepts)


def test_which_ministers_is_answered_by_the_sides_named(
    any_db: Database, book: PartyBook, settings: Settings, finder: MentionFinder
) -> None:
    from tests.test_qa_unit import make_bot

    assert understand("Quels pays ont rejeté l'offre ?", finder).several
    assert not understand("Which Kremlin official rejected the offer?", finder).several
    add(
        any_db,
        "Les ministres grec et bulgare ont quitté la salle par bateau, avant de saluer le "
        "président Zelensky sur le quai.",
    )
    asker = QuestionAnswerer(make_bot(any_db, book, settings))
    reply = lines(asker("Quels ministres ont quitté la salle par bateau ?", "fr", "c", "m", None))
    assert reply[0] == "Qui : grec et bulgare"


def test_an_article_is_no_count_and_a_change_is_no_range() -> None:
    said = [Passage(1, 1, 0, "fr", "Il réclame « une armée de 300 000 hommes bien formés ».", [])]
    assert facts.count(said, "How large an army does he call for?", {"armee", "army"}) == (
        "300 000 hommes"
    )
    said = [Passage(2, 1, 1, "fr", "Le texte est passé de 28 à 19 articles en une nuit.", [])]
    assert facts.count(said, "Combien d'articles compte le texte ?", set()) == "19 articles"


def test_sentences_added_to_a_role_answer_are_that_roles_too(
    book: PartyBook, finder: MentionFinder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    from bot.qa import respond
    from bot.qa.statements import Statement

    weak = Statement("Elle a vanté à Vienne la récolte de blé.", 1, "fr", party_id="RU")
    weak.speaker, weak.role, weak.match = "Olga Petrenko", "porte-parole de la diplomatie", 0.2
    other = Statement("Le sommet de Vienne est sans résultat, a dit un vice-ministre.", 1, "fr")
    other.party_id = "RU"
    monkeypatch.setattr(respond, "party_statements", lambda *a, **k: [weak])
    monkeypatch.setattr(respond.Responder, "_with_sentences", lambda *a: [weak, other])
    responder = respond.Responder(SimpleNamespace(book=book))  # type: ignore[arg-type]
    u = understand("What did the Russian foreign ministry spokeswoman say about Vienna?", finder)
    found = responder._position(u, "en", None, None)
    assert [s.text for s in found.statements] == [weak.text]
