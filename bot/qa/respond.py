"""One understood question answered from the stored articles: a party's position from its
stored positions, a person's words from theirs (or the honest "X is not quoted"), a fact from
the sentences that hold it, anything else from the best sentences; else the refusal with
what the articles cover.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache, partial
from typing import TYPE_CHECKING

from bot import metrics
from bot.domain.gazetteer import Gazetteer
from bot.domain.models import Article, Lang
from bot.qa import facts, index
from bot.qa.answer import LLMAnswerFn, compose, llm_answer, refusal, shorten, text
from bot.qa.coverage import covers
from bot.qa.followup import Context
from bot.qa.lexicon import bridge_forms, bridge_words, phrase_forms
from bot.qa.lines import Unsaid, without_run_in
from bot.qa.query import Concept, Query, places_asked, proper_names, with_soft
from bot.qa.retrieve import Retrieval, retrieve, window_start
from bot.qa.search import Passage, candidates, matches, passages_by_id, score, sentences_of
from bot.qa.statements import (
    MAX_STATEMENTS,
    Statement,
    from_passage,
    opening_party,
    party_statements,
    person_statements,
    sets_condition,
    speaker_statements,
    subject,
)
from bot.qa.text import STOPWORDS, grounded, name_variants, tokens
from bot.qa.text import folded as folded_text
from bot.qa.understand import (
    FACT_KINDS,
    Understanding,
    without_person,
    without_titles,
)
from bot.qa.vocabulary import office_titles, question_data
from bot.richtext import Reply
from bot.textnorm import fold

if TYPE_CHECKING:
    from bot.service import BriefBot

log = logging.getLogger(__name__)

# facts whose value a sentence gives alone (a person is read with the sentences before)
VALUE_KINDS = ("where", "when", "duration", "count")
# facts whose sentence often leaves to its article where and when ("ont duré trois heures")
AROUND_KINDS = ("where", "duration", "count")
# facts a side's figure answers (a sum, a length of time): the side asked must be the figure's
MEASURED_KINDS = ("duration", "count")
# the rank of a sentence naming only other sides than those asked (``_sides_figure``)
OTHERS_ONLY = 2
# a person's own statements answer alone when the best covers this much of the question
OWN_ENOUGH = 0.5
# a person's own words matching less than this of what is asked, in an article matching less
# than this of it, are on something else
OFF_SUBJECT = 0.1
# sentences either side of a person's words read for whether they are on what is asked
NEAR = 2
# a party's statement saying this much of what is asked comes before those whose article does
SAYS_IT = 0.25
# a person answers "who" from a sentence covering this much of the question
WHO_COVERAGE = 0.6
# a place is another event's unless its own sentence covers this much of the question
WHERE_COVERAGE = 0.5
# a building named by a sentence covering this share of what the best sentence naming its town
# covers is where it happened
PRECISE_PLACE = 0.75
# "l'Ukraine, les États-Unis et l'Otan": parties named together answer a "who" as written
MAX_PARTY_RUN = 60
# a date is another event's unless its sentence covers this much of the question's words
WHEN_COVERAGE = 0.75
# an interviewer's question this much about what is asked is answered by what follows it
REPLY_COVERAGE = 0.5
# a fact's sentence in another language than those shown ranks at least this much of the best
OTHER_LANGUAGE = 0.6
# a follow-up's answer from the previous answer's articles whose best statement covers less of
# what is asked gives way to statements of all articles covering more
THREAD_ON_SUBJECT = 0.5
# a sentence giving a figure of the kind asked is shown beside the answer's when it covers this
# much of what the answer's covers
FIGURES_ALIKE = 0.95


@dataclass
class Answer:
    """What was found for a question, before it is written."""

    statements: list[Statement] = field(default_factory=list)
    line: str = ""  # the short answer, when the articles hold one
    lead: str = ""  # a first line that is not an answer ("X is not quoted")
    refused: bool = False

    @property
    def articles(self) -> list[int]:
        return sorted({s.article_id for s in self.statements})

    @property
    def sentences(self) -> list[int]:
        return [s.sentence_id for s in self.statements if s.sentence_id is not None]


class Responder:
    """Finds and writes answers for one bot (the gazetteer is compiled once)."""

    def __init__(self, bot: BriefBot) -> None:
        self.bot = bot
        self.gazetteer = Gazetteer(bot.book)

    def find(
        self,
        u: Understanding,
        lang: Lang,
        scope: list[int] | None,
        *,
        thread: list[int] | None = None,
        answered: frozenset[int] = frozenset(),
    ) -> Answer:
        """The answer to ``u``; a follow-up (``thread``: the articles of the previous answer)
        is first answered from the same articles, then from all (a party's position answered
        by fewer statements there than an answer shows, with those of all too); the sentences
        ``answered`` (what a reply answers) are none of its statements."""
        if answered:
            return self._without(self.find(u, lang, scope, thread=thread), answered, u, lang)
        if thread and scope is None:
            found = self._find(u, lang, thread)
            if found.lead and not found.refused:
                # "And what did X say on the same subject?": X not quoted in the previous
                # answer's articles may be in others
                wider = self._find(u, lang, None)
                if wider.statements and not wider.refused and not wider.lead:
                    return wider
            if (
                u.kind == "position"
                and u.parties
                and not found.refused
                and not any(s.party_id in u.parties for s in found.statements)
            ):
                # "Et le Vatican ?" after Turkey's answer: no word of the Vatican in those
                # articles (only sentences naming it); its own words elsewhere answer
                wider = self._find(u, lang, None)
                if not wider.refused and any(s.party_id in u.parties for s in wider.statements):
                    return wider
            if found.statements and not found.refused and u.kind == "position":
                self._with_conditions(found, u, lang)
            if found.statements and not found.refused:
                best = max(s.match for s in found.statements)
                if u.kind == "position" and (
                    len(found.statements) < MAX_STATEMENTS or best < THREAD_ON_SUBJECT
                ):
                    # "Et la France ?" after one article's answer: its few words there, then
                    # what it says elsewhere; its words elsewhere saying more of what is
                    # asked than any there ("And the United States?" after a question on a
                    # sea: its one sentence on that sea, in another article) come first
                    wider = self._find(u, lang, None)
                    if not wider.refused:
                        shown = {_same(s.text) for s in found.statements}
                        new = [s for s in wider.statements if _same(s.text) not in shown]
                        better = [s for s in new if s.match > best and best < THREAD_ON_SUBJECT]
                        rest = [s for s in new if s not in better]
                        found.statements = better + found.statements + rest
                        del found.statements[MAX_STATEMENTS:]
                        if better and u.parties:
                            found.line = self._stance(better[0], u.parties[0], lang)
                return found
        return self._find(u, lang, scope)

    def _with_conditions(self, found: Answer, u: Understanding, lang: Lang) -> None:
        """A follow-up asking on what terms ("And what is X asking for in exchange?") whose
        answer from the previous answer's articles sets no condition: the party's statements
        of all articles that set one come first ("…, provided that …")."""
        if any(sets_condition(u.query.text, s.text) for s in found.statements):
            return
        wider = self._find(u, lang, None)
        setting = [s for s in wider.statements if sets_condition(u.query.text, s.text)]
        if wider.refused or not setting:
            return
        shown = {_same(s.text) for s in setting}
        rest = [s for s in found.statements if _same(s.text) not in shown]
        found.statements = [*setting, *rest][:MAX_STATEMENTS]
        if u.parties:
            found.line = self._stance(setting[0], u.parties[0], lang)

    def _without(
        self, found: Answer, answered: frozenset[int], u: Understanding, lang: Lang
    ) -> Answer:
        """``found`` without the sentences a reply answers ("Moscou exige…" is no answer to
        "Et que répond Kiev ?")."""
        kept = [s for s in found.statements if s.sentence_id not in answered]
        if not kept:
            return Answer(refused=True, lead=found.lead)
        if u.kind == "position" and u.parties and kept[0] is not found.statements[0]:
            found.line = self._stance(kept[0], u.parties[0], lang)
        found.statements = kept
        return found

    def _stance(self, best: Statement, party: str, lang: Lang) -> str:
        """The answer line of a position: the party and its best statement."""
        name = self.bot.book.name(best.party_id or party, lang)
        return text(lang, "position", party=name, text=shorten(best.text))

    def _find(self, u: Understanding, lang: Lang, scope: list[int] | None) -> Answer:
        since = None if scope is not None else window_start(self.bot)
        if scope is None:
            index.index_pending(self.bot.db, since)
        else:
            index.ensure_indexed(self.bot.db, self.bot.articles(ids=scope))
        found = Answer()
        if u.kind == "position" and u.parties:
            found = self._position(u, lang, since, scope)
        if found.refused:  # a role nobody of the party holds in the articles
            return found
        if not found.statements and u.kind == "person":
            if u.office_word and not u.people and not u.unknown_person:
                u = self._holder(u, since, scope)
            if u.people or u.unknown_person:
                found = self._person(u, lang, since, scope)
            else:  # an office nobody of the articles holds: the best sentences
                found = self._sentences(u, u.query, lang, scope)
        elif not found.statements:
            found = self._sentences(u, u.query, lang, scope)
        found = self._in_named_articles(u, found)
        self._locate(found.statements)
        if u.kind == "person" and found.statements:
            self._with_quotations(found.statements)
            found.statements = unique(found.statements)
        return found

    def _with_quotations(self, statements: list[Statement]) -> None:
        """A person's sentence quoting nothing after a bare quotation (« La pêche n'est pas à
        vendre. » Le ministre a répondu aux critiques lors d'un point presse.) is shown after
        that quotation: the words it reports."""
        plain = [s for s in statements if s.sentence_id is not None and not _QUOTES.search(s.text)]
        if not plain:
            return
        sentences = sentences_of(self.bot.db, sorted({s.article_id for s in plain}))
        at: dict[int | None, Passage] = {p.sentence_id: p for p in sentences}
        by_seq = {(p.article_id, p.seq): p for p in sentences}
        for s in plain:
            here = at.get(s.sentence_id)
            before = by_seq.get((here.article_id, here.seq - 1)) if here else None
            if before is not None and _BARE_QUOTATION.match(before.text.strip()):
                s.text = f"{before.text.strip()} {s.text}"

    def _in_named_articles(self, u: Understanding, found: Answer) -> Answer:
        """Only statements from articles that name every place, event or venue the question
        names and the gazetteer does not know ("à la conférence de Lille"): what was said
        elsewhere does not answer; when nothing is left, the question is refused."""
        if not found.statements or found.refused:
            return found
        named = self._naming(u, [s.article_id for s in found.statements])
        if named is None:
            return found
        kept = [s for s in found.statements if s.article_id in named]
        if kept:
            found.statements = kept
            return found
        return Answer(refused=True)

    def _naming(self, u: Understanding, article_ids: list[int]) -> set[int] | None:
        """Those of ``article_ids`` that name every place, event or venue the question names
        and the gazetteer does not know; None when it names none."""
        names = proper_names(u.query, besides=u.unknown_person)
        wanted = [replace(c, forms=c.forms | bridge_forms(c.label)) for c in names]
        wanted += venues(u)
        if not wanted:
            return None
        named: dict[int, set[str]] = {}
        for p in sentences_of(self.bot.db, sorted(set(article_ids))):
            named.setdefault(p.article_id, set()).update(c.label for c in wanted if matches(c, p))
        labels = {c.label for c in wanted}
        return {a for a, found in named.items() if found >= labels}

    def _locate(self, statements: list[Statement]) -> None:
        """The sentence of each statement taken from a stored position (for "why?")."""
        missing = [s for s in statements if s.sentence_id is None]
        if not missing:
            return
        sentences = sentences_of(self.bot.db, sorted({s.article_id for s in missing}))
        for s in missing:
            key = grounded(s.text)[:60]
            for p in sentences:
                if p.article_id == s.article_id and key and key in grounded(p.text):
                    s.sentence_id = p.sentence_id
                    break

    def _article_texts(self, article_ids: set[int]) -> dict[int, str]:
        """Each article's stored sentences joined, read in one query."""
        texts: dict[int, list[str]] = {i: [] for i in article_ids}
        for p in sentences_of(self.bot.db, sorted(article_ids)):
            texts[p.article_id].append(p.text)
        return {i: " ".join(t) for i, t in texts.items()}

    def _position(
        self, u: Understanding, lang: Lang, since: datetime | None, scope: list[int] | None
    ) -> Answer:
        parties = u.parties[:2]
        roles = asked_roles(u.query.text) + [set(forms) for forms in u.offices]
        query = with_soft(_without_roles(u.query, roles), "want")
        share = MAX_STATEMENTS if len(parties) == 1 else 2
        chosen: list[Statement] = []
        for party in parties:
            found = party_statements(
                self.bot,
                party,
                query,
                since=since,
                scope=scope,
                opener=partial(opening_party, self.gazetteer),
                seat=u.seat,
            )
            if u.seat and subject(u.query, set(parties)).concepts:
                # its words on what is asked, not its words on anything
                found = [s for s in found if s.match > 0]
            elif subject(u.query, set(parties)).concepts:
                # its words on nothing of what is asked, in an article about it, give way to
                # its words on it further down
                found = _saying_it_first(found, share)
            if roles:  # "France's ambassador": only what someone of that role said
                found = [s for s in found if self._has_role(s, roles)]
            if _ORDINAL.search(u.query.text):
                articles = self._article_texts({s.article_id for s in found})
                found = [
                    s for s in found if same_ordinals(u.query.text, s.text, articles[s.article_id])
                ]
            chosen += found[:share]
        if (roles or u.seat) and not chosen:
            holder = self._role_holder(u, roles, since, scope) if roles else ""
            if holder:  # the articles name who holds the role: that person's words
                return self._person(_asked_of(u, roles, holder), lang, since, scope)
            return Answer(refused=True)
        chosen = chosen[:MAX_STATEMENTS]
        if subject(u.query, set(parties)).concepts and chosen and chosen[0].match < 0.34:
            # the sentences added too: only what someone of that role said (before the answer
            # is cut to its length: a sentence left out then takes no statement's place)
            keep = partial(self._has_role, roles=roles) if roles else None
            chosen = self._with_sentences(u, lang, scope, chosen, keep)
            if roles:
                chosen = [s for s in chosen if self._has_role(s, roles)]
        elif (
            chosen and subject(u.query, set(parties)).concepts and min(s.match for s in chosen) <= 0
        ):
            # statements on something else give way to an interview's answer to the question
            # on what is asked ("Et les avoirs russes gelés ?" "Ils doivent servir…")
            replies = [r for r in self._replies(u, chosen) if not roles or self._has_role(r, roles)]
            if replies:
                chosen = unique([s for s in chosen if s.match > 0] + replies)
        if not chosen:
            return Answer()
        if (
            asks_words(u.query.text)
            and subject(u.query, set(parties)).concepts
            and all(s.match <= 0 for s in chosen)
        ):
            # "what did X say about Y": X's words on nothing of Y, though in an article about
            # Y, are not its words on Y (as a person quoted only on something else)
            return Answer(refused=True)
        return Answer(chosen, line=self._stance(chosen[0], parties[0], lang))

    def _role_holder(
        self,
        u: Understanding,
        roles: list[set[str]],
        since: datetime | None,
        scope: list[int] | None,
    ) -> str:
        """ "What did the Chilean deputy foreign minister say…" when no statement's speaker
        holds the role by the analysis: the speaker a sentence gives that role with the asked
        side ("X, 51 ans, est vice-ministre chilienne des Affaires étrangères", "the
        Chilean deputy foreign minister, X"), named in it; the most often named, or ""."""
        forms = {f for r in roles for f in r - {DEPUTY}}
        concept = Concept(
            "office", "content", {f for w in forms for f in phrase_forms(w)}, words=set(forms)
        )
        found = candidates(
            self.bot.db, Query(u.query.text, [concept]), since=since, article_ids=scope
        )
        sides = set(u.parties)
        spoken = _speaking().search(fold(u.query.text))
        held = [
            p
            for p in found
            if any(
                _holds(fold(p.text), f, DEPUTY in r, speaking=bool(spoken))
                for r in roles
                for f in r - {DEPUTY}
            )
            and {h.party_id for h in self.gazetteer.party_hits(p.text)} & sides
        ]
        if not held:
            return ""
        articles = self.bot.articles(ids=sorted({p.article_id for p in held}))
        speakers = {
            (pos.article_id, pos.speaker)
            for pos in self.bot.positions(articles, all_speakers=True)
            if pos.speaker and len(pos.speaker.split()) >= 2
        }
        named = [
            name
            for p in held
            for article, name in speakers
            if article == p.article_id and fold(name) in fold(p.text)
        ]
        return max(dict.fromkeys(named), key=named.count) if named else ""

    def _holder(
        self, u: Understanding, since: datetime | None, scope: list[int] | None
    ) -> Understanding:
        """ "Qu'a déclaré la maire de X ?": the speaker the articles give that office (and the
        place the question names with it), asked about by name; the office's words are no
        part of what is asked."""
        office = bridge_words(u.office_word) | {fold(u.office_word)}
        places = [c for c in proper_names(u.query) if c.label in set(places_asked(u.query))]
        place_words = {w for c in places for w in c.words}
        said = speaker_statements(self.bot, u.query, since=since, scope=scope)
        speakers = [
            s.speaker
            for s in said
            if s.speaker
            and set(tokens(s.role)) & office
            and (not place_words or place_words & set(tokens(s.role)))
        ]
        if not speakers:
            return u
        holder = max(dict.fromkeys(speakers), key=speakers.count)
        dropped = {fold(u.office_word), *(c.label for c in places)}
        kept = [c for c in u.query.concepts if fold(c.label) not in dropped]
        return replace(u, unknown_person=holder, query=Query(u.query.text, kept))

    def _has_role(self, statement: Statement, roles: list[set[str]]) -> bool:
        """Whether the statement's speaker holds one of the roles (each a set of folded
        forms in both languages), by the article's words or the party book's."""
        known = [p for p in self.bot.book.people if statement.speaker in (p.name, *p.aliases)]
        role = statement.role
        others = [p for p in self.bot.book.people if p not in known]
        if any(f in role for p in others for f in (p.name, *p.aliases) if len(f) > 3):
            role = ""  # "NATO Secretary General Mark Rutte joined … co-anchor": someone else's
        held = [fold(r) for r in (role, *(f"{p.role_fr} {p.role_en}" for p in known))]
        return any(
            any(_holds(r, form, DEPUTY in forms) for r in held for form in forms - {DEPUTY})
            for forms in roles
        )

    def _with_sentences(
        self,
        u: Understanding,
        lang: Lang,
        scope: list[int] | None,
        chosen: list[Statement],
        keep: Callable[[Statement], bool] | None = None,
    ) -> list[Statement]:
        """Stored positions that match nothing of what is asked give way to sentences naming
        the party that do (a statement the extraction did not store); with ``keep``, only the
        statements it keeps."""
        found = self._sentences(u, u.query, lang, scope)
        strong = [s for s in chosen if s.match >= 0.34]
        extra = [
            s
            for s in of_parties(found.statements, u.parties)
            if not found.refused and not self._others_only(s.text, u.parties)
        ]
        # a sentence telling what a side the question names as what the stance bears on does
        # ("Que pense Oslo du plan danois ?" "Il y propose…") comes after the asked side's
        # own words; a quotation, whoever the analysis gave it to, may be the asked side's
        objects = set(u.query.parties) - set(u.parties)
        theirs = [s for s in extra if s.party_id in objects and not _OPENS_QUOTE.match(s.text)]
        extra = [s for s in extra if s not in theirs]
        # a statement matching little of what is asked, in an article about something else,
        # answers nothing
        weak = [s for s in chosen if s.match < 0.34 and (s.match > 0 or s.around >= 0.5)]
        return unique([s for s in strong + extra + weak + theirs if keep is None or keep(s)])

    def _others_only(self, sentence: str, parties: list[str]) -> bool:
        """Whether a sentence opens with another party as its subject and names none asked:
        added to a party's statements, it would show another side's words under that party's
        name ("Russia wants …" as the position of the side asked)."""
        opener = opening_party(self.gazetteer, sentence)
        named = {h.party_id for h in self.gazetteer.party_hits(sentence)}
        return opener is not None and opener not in parties and not named & set(parties)

    def _replies(self, u: Understanding, chosen: list[Statement]) -> list[Statement]:
        """In the articles of a party's statements, an interviewer's question on what is
        asked ("Et les avoirs russes gelés ?") gives the answer after it: the interviewee's
        words on it, though they name no party ("Ils doivent servir à la reconstruction…"),
        given to the one speaker of the party's statements in that article."""
        query = subject(u.query, set(u.parties))
        ids = sorted({s.article_id for s in chosen})
        if not ids or not query.content:
            return []
        # a link to another article ("Read more: - Explained: how would … work?") asks no one
        unsaid = Unsaid(self.bot.articles(ids=ids))
        questions = [
            score(query, p)
            for p in sentences_of(self.bot.db, ids)
            if _asks(p.text) and not _linked(unsaid, p)
        ]
        best = max(questions, key=lambda p: p.coverage, default=None)
        asked = [best] if best is not None and best.coverage >= REPLY_COVERAGE else []
        replies = [
            from_passage(p)
            for p in self._answered(asked)
            if p not in asked and not unsaid(p.article_id, p.text)
        ]
        for r in replies:
            said = {(s.speaker, s.role, s.party_id) for s in chosen if s.article_id == r.article_id}
            said = {who for who in said if who[0]}
            if len(said) == 1:
                r.speaker, r.role, r.party_id = next(iter(said))
        return replies

    def _person(
        self, u: Understanding, lang: Lang, since: datetime | None, scope: list[int] | None
    ) -> Answer:
        u = without_titles(u)
        person = u.people[0] if u.people else None
        own = person_statements(
            self.bot, person, u.unknown_person, u.query, since=since, scope=scope
        )
        own = naming_others(own, u, self._told_in)
        if own and own[0].match >= OWN_ENOUGH:
            return Answer(own[:MAX_STATEMENTS])
        named = self._sentences(u, u.query, lang, scope)
        # "qu'a accepté X": what the articles say X did, not only X's words
        asks_words = says(u.query.text) or not u.query.content
        forms = [person.name, *person.aliases] if person else [u.unknown_person]
        names = {v for f in forms if tokens(f) for v in name_variants(tokens(f)[-1])}
        named.statements = naming_others(named.statements, u, self._told_in)
        named.statements = [  # a sentence of the person's party is not the person's words,
            # nor one that only names the person without a word of saying or a quotation, nor
            # one whose speaker is someone else
            s
            for s in named.statements
            if names & set(tokens(s.text))
            and (says(_without_others_sourcing(s.text, names)) or not asks_words)
            and (not s.speaker or bool(names & set(tokens(s.speaker))))
        ]
        if own:  # the person's own words, unless sentences about them cover more
            better = [s for s in named.statements if s.match > own[0].match]
            if not better or named.refused:
                # (words on something else after a sentence on the subject: not on it,
                # unless shown with that sentence)
                said = own[0].match if own[0].own else own[0].alone
                topic = subject(without_person(u), set())
                # "what did X say after the Geneva round": when X spoke, which X's article
                # says (``around``), not what X spoke about
                about = _without_occasion(topic) if own[0].around >= OFF_SUBJECT else topic
                if own[0].around >= OFF_SUBJECT and self._names_place(own[0], u):
                    # "what did X say in Warsaw": where X spoke, which X's article names, as
                    # an occasion is
                    where = {c.label for c in venues(u)}
                    about = Query(about.text, [c for c in about.concepts if c.label not in where])
                weak = said < OFF_SUBJECT and (
                    own[0].around < OFF_SUBJECT
                    or (bool(about.concepts) and not self._near(own[0], about))
                )
                if weak and topic.concepts:
                    return Answer(refused=True)  # quoted, but not on what is asked
                return Answer(own[:MAX_STATEMENTS])
            # (a sentence about the person may be one of their stored statements too)
            return Answer(unique([*better, *own]))
        if named.statements and not named.refused:
            return named
        anything = person_statements(
            self.bot, person, u.unknown_person, u.query, since=since, scope=scope, strict=False
        )
        quoted = naming_others(anything, u, self._told_in)
        if anything and not quoted:
            return Answer(refused=True)  # "qu'a répondu X à Y ?": only X's words to others
        if quoted and subject(without_person(u), set()).concepts:
            return Answer(refused=True)  # quoted, but not on what is asked
        if quoted:  # the question asks nothing more than what the person said
            return Answer(quoted[:MAX_STATEMENTS])
        lead = text(lang, "not_quoted", name=u.person_label)
        others = without_person(u)
        if others.content:
            found = self._sentences(u, others, lang, scope)
            if found.statements:
                found.lead = f"{lead}\n{text(lang, 'on_subject')}"
                found.line = ""
                return found
        return Answer(lead=lead, refused=True)

    def _told_in(self, statement: Statement) -> tuple[str, set[str]]:
        """A statement's sentence with the one before it, and its article's words."""
        sentences = sentences_of(self.bot.db, [statement.article_id])
        key = grounded(statement.text)[:60]
        at = next((p.seq for p in sentences if key and key in grounded(p.text)), None)
        said = " ".join(p.text for p in sentences if at is not None and at - 1 <= p.seq <= at)
        return said or statement.text, {w for p in sentences for w in tokens(p.text)}

    def _names_place(self, statement: Statement, u: Understanding) -> bool:
        """Whether the article of ``statement`` names, in either language, a place the
        question says something happened in ("in Warsaw": "WARSAW –", "à Varsovie")."""
        forms = {f for w in venue_words(u) for f in bridge_forms(w)}
        return any(
            set(form) <= p.stem_set
            for p in sentences_of(self.bot.db, [statement.article_id])
            for form in forms
        )

    def _near(self, statement: Statement, topic: Query) -> bool:
        """Whether a statement or the sentences around it share a word with ``topic``: a
        person's words in an article naming what is asked a paragraph or more away are on
        something else (an article on frozen assets naming the talks once, quoting a leader
        on the euro), while "pas de plan finalisé" is on the peace plan."""
        sentences = sentences_of(self.bot.db, [statement.article_id])
        key = grounded(statement.own or statement.text)[:60]
        at = next((p.seq for p in sentences if key and key in grounded(p.text)), None)
        if at is None or not topic.concepts:
            return True
        words = {
            w
            for c in topic.concepts
            for form in c.forms
            for w in form
            if len(w) > 3 and w not in STOPWORDS
        }
        return any(words & p.stem_set for p in sentences if abs(p.seq - at) <= NEAR)

    def _sentences(
        self, u: Understanding, query: Query, lang: Lang, scope: list[int] | None
    ) -> Answer:
        surfaces = [fold(c.label) for c in query.entities]

        sides = asks_sides(u)
        figures = _figures(u.query.text) if u.kind == "who" else set()

        def prefer(p: Passage) -> float:
            bonus = 0.0
            if sides:  # "which countries…": a sentence naming parties holds the answer
                asked = set(u.query.parties)
                if any(h.party_id not in asked for h in self.gazetteer.party_hits(p.text)):
                    bonus += 0.25
            elif u.kind in FACT_KINDS and facts.has_value(u.kind, p, u.query.text):
                bonus += 0.25
            if figures and figures <= _figures(p.text):  # "who offered 150 monitors"
                bonus += 0.25
            folded = folded_text(p.text)
            return bonus + 0.05 * sum(1 for s in surfaces if s and s in folded)

        retrieval = retrieve(  # ``_find`` indexed the window or ``scope`` first
            self.bot,
            query,
            article_ids=scope,
            prefer=prefer,
            holds=self._holds(u) if u.kind in VALUE_KINDS else None,
            # "which minister opened the debate": a sentence naming a minister (the office
            # asked) leaves to its article the rest of what is asked, as for a place
            around=u.kind in AROUND_KINDS or (bool(u.office_word) and not sides),
            # "who led the delegation at the Geneva talks": its article names the place
            # (a place the gazetteer knows too: "at the Abu Dhabi talks")
            named=places_asked(u.query, [c.label for c in venues(u)])
            if u.kind in ("who", "when")
            else None,
            indexed=True,
            # "qui a qualifié l'accord de « grand accord » ?": the sentence holding the words
            quoted=quoted_labels(u.query) if u.kind == "who" else None,
            # a fact may be read in a title ("Joint visit of the mayor … Anna Berg"), which is
            # no one's statement
            statements=u.kind not in FACT_KINDS,
        )
        if not retrieval.supported:
            return Answer(refused=True)
        if u.kind in VALUE_KINDS:  # the value read where the place asked is named ("how many
            # … in X": an article never naming X gives no count of it, though it ranks first)
            named = self._naming(u, [p.article_id for p in retrieval.passages])
            kept = [p for p in retrieval.passages if named is None or p.article_id in named]
            retrieval.passages = kept or retrieval.passages
        return self._from_retrieval(u, retrieval, lang)

    def _holds(self, u: Understanding) -> Callable[[Passage], bool]:
        """Whether a sentence alone gives the value a factual question asks (as its answer
        line would read it)."""
        words = {w for c in u.query.content for w in c.words}

        def holds(p: Passage) -> bool:
            return bool(
                facts.answer_value(
                    u.kind, [p], u.query.text, gazetteer=self.gazetteer, parties=[], words=words
                )
            )

        return holds

    def _answered(self, passages: list[Passage]) -> list[Passage]:
        """A question the article asks (an interviewer's) gives way to the sentences that
        answer it: the next two of its article."""
        asked = [p for p in passages if _asks(p.text)]
        if not asked:
            return passages
        sentences = sentences_of(self.bot.db, sorted({p.article_id for p in asked}))
        following = {(s.article_id, s.seq): s for s in sentences}
        out: list[Passage] = []
        seen = {p.sentence_id for p in passages}
        for p in passages:
            if p not in asked:
                out.append(p)
                continue
            replies = [
                r
                for k in (1, 2)
                if (r := following.get((p.article_id, p.seq + k))) is not None
                and r.sentence_id not in seen
            ]
            if not replies:
                out.append(p)
            for r in replies:
                r.score = p.score
                seen.add(r.sentence_id)
            out += replies
        return out

    def _from_retrieval(self, u: Understanding, retrieval: Retrieval, lang: Lang) -> Answer:
        if u.kind not in FACT_KINDS:
            retrieval.passages = self._answered(retrieval.passages)
        passages = retrieval.passages[:MAX_STATEMENTS]
        line = value = holder = ""
        if u.kind in FACT_KINDS:
            words = {w for c in u.query.content for w in c.words}
            pool = retrieval.passages
            # "how much of the frozen Russian money", "combien d'argent russe": a side named
            # only by its adjective qualifies what is measured; the figure is not its own
            # (a sum only: "the mandate of the American plan" still says whose duration)
            owners = [
                s
                for s in u.parties
                if facts.asks_for(u.query.text) != "money"
                or s not in self._by_adjective_only(u.query.text, {s})
            ]
            if u.kind in MEASURED_KINDS and owners:
                # "how much has the EU pledged": a sum another side's speaker gives for what
                # that side does, not naming the side asked, is none of its
                pool = [p for p in pool if not self._others_figure(p, owners)]
            if u.kind in MEASURED_KINDS and u.parties:
                # "how many troops will the UK provide": the side asked's figure before
                # another side's that covers more of the question ("Canada would send 1,000")
                pool = sorted(pool, key=lambda p: self._sides_figure(p, u.parties))
                if facts.asks_for(u.query.text) == "money" and owners:
                    # "how many euros will Germany put in": a sum of a sentence naming only
                    # other sides (the whole fund, of which the side may give part) is not its
                    pool = [p for p in pool if self._sides_figure(p, u.parties) < OTHERS_ONLY]
            if u.kind == "count" and facts.asks_for(u.query.text) == "money":
                # "combien coûtera la force": a sum in a sentence about the force, not the
                # cost of something else ("les coûts de la conférence … 4 millions")
                pool = [p for p in pool if p.matched & _priced(u.query)]
            if u.kind == "when":  # a date answers only in a sentence about what is asked
                pool = [p for p in pool if p.coverage >= WHEN_COVERAGE]
                if facts.asks_start(u.query.text):
                    # "when do the talks start": the date a sentence of their article says
                    # they start from ("prête à recevoir les délégations dès le 14 avril")
                    starting = self._starting(u, retrieval.passages[:MAX_STATEMENTS])
                    pool = [*starting, *pool]
                    first = {p.sentence_id for p in starting}
                    passages = [*starting, *(p for p in passages if p.sentence_id not in first)]
            elif u.kind == "who":  # a person, from a sentence about what they did
                # (or one holding the words the question quotes: « pas pressée »)
                quoted = quoted_labels(u.query)
                # the side qualifying a word ("Ukraine's delegation") though it was not taken as
                # the party asked (a "who" question weighs it as a word of what is asked)
                sided = sided_words(u.query, u.parties or u.query.parties, self.gazetteer)
                passages = [p for p in passages if not another_sides(p.text, sided, self.gazetteer)]
                pool = [
                    p
                    for p in pool
                    if (p.coverage >= WHO_COVERAGE or (quoted and quoted <= p.matched))
                    and not _title_case(p.text)  # a title's capitals are no one's name
                    and not another_sides(p.text, sided, self.gazetteer)
                ]
                if quoted:  # who said the words quoted, before who did the rest
                    pool = [p for p in pool if quoted <= p.matched] or pool
                figures = _figures(u.query.text)
                if figures:  # "who offered up to 150 monitors": someone offering 150, not 60
                    pool = [p for p in pool if figures <= _figures(p.text)]
                    passages = [p for p in passages if figures <= _figures(p.text)] or passages
                action = acted(u.query)
                if action and not quoted:  # "qui présidera le groupe ?": someone who will
                    # preside, not someone named near the group
                    pool = [p for p in pool if action in p.matched]
                if asks_sides(u):  # "which countries…": the parties named, no person
                    sides = self._parties_named(pool[:MAX_STATEMENTS], u)
                    if not sides:
                        return Answer(refused=True)
                    naming = [p for p in pool if sides in p.text][:1]
                    rest = [p for p in passages if p not in naming and not _is_heading(p.text)]
                    return Answer(
                        [from_passage(p) for p in naming + rest][:MAX_STATEMENTS],
                        line=text(lang, "who", value=sides),
                    )
                if u.office_word:  # "which minister…": the name a sentence gives a minister
                    holder = facts.office_holder(pool, u.office_word, u.query.text, self.gazetteer)
                    # else a person from a sentence about what is asked by itself (its
                    # article, read for the office's holder, says too little)
                    pool = [
                        p
                        for p in pool
                        if p.alone < 0
                        or p.alone >= WHO_COVERAGE
                        or (quoted and quoted <= p.matched)
                    ]
            elif u.kind == "where":  # a place, in a sentence about it itself
                # (a building within the place the question names: its article names it)
                within = facts.names_place(u.query.text)
                pool = [
                    p
                    for p in pool
                    if p.alone < 0
                    or p.alone >= WHERE_COVERAGE
                    or (within and p.coverage >= WHERE_COVERAGE)
                ]
            before = self._before(retrieval.passages[:2]) if u.kind == "who" else None
            value = facts.answer_value(
                u.kind,
                pool,
                u.query.text,
                gazetteer=self.gazetteer,
                parties=u.parties,
                words=words,
                around=before,
            )
            value = holder or value
            if u.kind == "who" and value and not holder and not quoted:
                # "who refused to send ground troops": the sides the sentence most about what
                # is asked names, when it names no one ("Italy and Poland ruled out…") and the
                # sentence naming the person says less of it
                value = self._sides_doing(pool, value, u) or value
            building_at: Passage | None = None
            if u.kind == "where" and value and not facts.is_venue(value):
                # the town, when sentences nearly as close to what is asked name the building
                # within it where it happened: the building ("à l'hôtel X" over "à Genève")
                top = max((p.coverage for p in pool), default=0.0)
                close = [
                    p
                    for p in retrieval.ranked
                    if p.coverage >= top * PRECISE_PLACE
                    and (p.alone < 0 or p.alone >= WHERE_COVERAGE or p.coverage >= WHERE_COVERAGE)
                ]
                building, building_at = facts.venue(close, u.query.text)
                value = building or value
            named = u.kind == "who" and self._parties_named(pool[:MAX_STATEMENTS], u)
            if u.kind == "who" and not value and acted(u.query):
                named = ""  # the parties named near what is to be done: not who will do it
            if u.several and named:  # "which prime ministers…": "polonais, tchèque et slovène"
                value = named
            label: str = u.kind
            if u.kind == "count" and facts.asks_for(u.query.text) in ("tally", "length"):
                label = facts.asks_for(u.query.text)  # "Result: 372 voix contre 148"
            line = text(lang, label, value=value) if value else ""
            if not value and not named:  # sentences on the subject, without the fact asked
                return Answer(refused=True)  # (a "who" may be parties: shown, not asserted)
        # a heading (the article's title, a sub-heading) is no statement: its source line shows it
        passages = [p for p in passages if not _is_heading(p.text)] or passages
        statements = [from_passage(p) for p in passages]
        if line:  # the sentences that hold the answer first
            holding = [s for s in statements if fold(value) in fold(s.text)]
            if holding and u.kind == "count":  # with those giving the number in other words
                # ("480 Ukrainiens sont rentrés" with "480 prisonniers ukrainiens")
                holding = [s for s in statements if s in holding or _same_number(value, s.text)]
            if u.kind == "when":  # with those giving the date in another order
                dated = {
                    _same(p.text)
                    for p in passages
                    if same_date(value, facts.date([p], u.query.text))
                }
                holding = [s for s in statements if s in holding or _same(s.text) in dated]
            if holding and u.kind == "who":  # with those spelling the name otherwise
                holding = [
                    s
                    for s in statements
                    if s in holding or _spells(value, s.text) or self._names(value, s.text)
                ]
                holding = _doing_first(holding, {p.sentence_id for p in pool})
                told = _told_by_pronoun(pool[:1], before or {}, value)
                shown = {_same(s.text) for s in told}
                holding = [*told, *(s for s in holding if _same(s.text) not in shown)]
            if not holding:
                holding = [
                    from_passage(p) for p in retrieval.passages if fold(value) in fold(p.text)
                ][:1]
            if not holding and before:  # "X, the leader of …, was less conciliatory. He
                # accused …": the sentence naming who, then the one saying what they did
                holding = [
                    statement
                    for p in retrieval.passages[:2]
                    for near in before.get(p.sentence_id, [])[:1]
                    if fold(value) in fold(near.text)
                    for statement in (from_passage(near), from_passage(p))
                ][:2]
            if not holding and u.kind == "who":  # a bare quotation, then "X, the aide to
                # Y, made the remarks": the quotation, then the sentence crediting it
                after = self._after(retrieval.passages[:2])
                holding = [
                    statement
                    for p in retrieval.passages[:2]
                    if (near := after.get(p.sentence_id)) is not None
                    and fold(value) in fold(near.text)
                    for statement in (from_passage(p), from_passage(near))
                ][:2]
            statements = holding or statements
            if u.kind in MEASURED_KINDS and holding:
                statements = self._with_other_figures(u, statements, retrieval, owners)
            if building_at is not None and _same(building_at.text) not in {
                _same(s.text) for s in statements
            }:
                statements = [from_passage(building_at), *statements][:MAX_STATEMENTS]
            if u.kind == "who":
                statements = self._with_introduction(statements, value)
                statements = self._with_side(statements, passages)
            statements = self._in_both_languages(statements, retrieval, value)
        return Answer(statements, line=line)

    def _with_other_figures(
        self,
        u: Understanding,
        statements: list[Statement],
        retrieval: Retrieval,
        owners: list[str],
    ) -> list[Statement]:
        """A figure's statements with the other sentences, while there is room, that give a
        figure of the same kind and are as much about what is asked (the same sum, or another
        article's "around 185 billion" beside "about 190 billion"): the sources are shown side
        by side rather than one of them alone."""
        shown = {_same(s.text) for s in statements}
        ids = {s.sentence_id for s in statements}
        held = [p for p in retrieval.ranked if p.sentence_id in ids]
        if not held:
            return statements
        floor = max(p.coverage for p in held) * FIGURES_ALIKE
        out = list(statements)
        for p in retrieval.ranked:
            if len(out) >= MAX_STATEMENTS:
                break
            if p.coverage < floor or _same(p.text) in shown or _is_heading(p.text):
                continue
            if owners and self._sides_figure(p, owners) != 0:
                continue  # another side's figure, or one naming no side, for a side's
            money = u.kind == "count" and facts.asks_for(u.query.text) == "money"
            if money and not p.matched & _priced(u.query):
                continue  # a sum of something else than what is priced
            words = {w for c in u.query.content for w in c.words}
            value = facts.answer_value(
                u.kind, [p], u.query.text, gazetteer=self.gazetteer, parties=[], words=words
            )
            if value:
                out.append(from_passage(p))
                shown.add(_same(p.text))
        return out

    def _names(self, name: str, sentence: str) -> bool:
        """Whether ``sentence`` names the known person ``name`` in another of their forms ("M.
        Guterres" for "Antonio Guterres")."""
        return any(
            h.person is not None and h.person.name == name
            for h in self.gazetteer.person_hits(sentence)
        )

    def _with_introduction(self, statements: list[Statement], name: str) -> list[Statement]:
        """A "who" answer whose sentences name the person without their office ("…, a
        enchaîné X", "le chef de la diplomatie a répondu") shown with the sentence of its
        article that introduces them by it ("le ministre …, X, et son homologue …, Y, ont
        tenu…"): who they are, in the article's words."""
        if not statements or any(titled(name, s.text) for s in statements):
            return statements
        if len(statements) >= MAX_STATEMENTS:  # no room: what answers comes first
            return statements
        shown = {_same(s.text) for s in statements}
        for article_id in dict.fromkeys(s.article_id for s in statements):
            for p in sentences_of(self.bot.db, [article_id]):
                if titled(name, p.text) and _same(p.text) not in shown and not _is_heading(p.text):
                    return [*statements, from_passage(p)]
        return statements

    def _in_both_languages(
        self, statements: list[Statement], retrieval: Retrieval, value: str
    ) -> list[Statement]:
        """A fact's statements all in one language are shown with the best sentence of
        another language giving the same value ("1.200 prisonniers de chaque camp" with
        "1,200 prisoners of war each"): the articles of both languages answer, each in its
        words."""
        ids = {s.sentence_id for s in statements}
        languages = {p.lang for p in retrieval.ranked if p.sentence_id in ids}
        if len(languages) != 1 or not retrieval.passages:
            return statements
        least = retrieval.passages[0].score * OTHER_LANGUAGE
        shown = {_same(s.text) for s in statements}
        other = next(
            (
                p
                for p in retrieval.ranked
                if p.score >= least
                and p.lang not in languages
                and _same(p.text) not in shown
                and not _is_heading(p.text)
                and same_value(value, p.text)
            ),
            None,
        )
        if other is None:
            return statements
        return [*statements[: MAX_STATEMENTS - 1], from_passage(other)]

    def _others_figure(self, p: Passage, parties: list[str]) -> bool:
        """Whether a sentence is a statement of another side than ``parties`` that names none
        of them ("Germany will fund the database, 40 million euros, said its minister" for
        what the EU pledged)."""
        if not p.party_id or p.party_id in parties:
            return False
        return not {h.party_id for h in self.gazetteer.party_hits(p.text)} & set(parties)

    def _sides_doing(self, pool: list[Passage], value: str, u: Understanding) -> str:
        """The sides named by the sentence of ``pool`` most about what is asked, when it opens
        with one, names no person and covers more of the question than the first naming
        ``value``."""
        if not pool:
            return ""
        best = max(pool, key=lambda p: p.coverage)
        naming = next((p for p in pool if fold(value) in fold(p.text)), None)
        if naming is not None and best.coverage <= naming.coverage:
            return ""
        if opening_party(self.gazetteer, best.text) is None or _QUOTE.search(best.text):
            return ""  # "It has proposed…", a quotation: whose, the sentence before says
        if facts.person([best], u.query.text, self.gazetteer, u.parties):
            return ""
        return self._parties_named([best], u)

    def _with_side(self, statements: list[Statement], passages: list[Passage]) -> list[Statement]:
        """A "who" answer's statements with the best sentences saying that the person's side
        did it ("Turkey offered to lead…" after "Turkey's minister X says Ankara is prepared
        to lead…"), while there is room."""
        if not statements:
            return statements
        side = opening_party(self.gazetteer, statements[0].text)
        shown = {_same(s.text) for s in statements}
        out = list(statements)
        for p in passages:
            if len(out) >= MAX_STATEMENTS:
                break
            if (
                side
                and opening_party(self.gazetteer, p.text) == side
                and _same(p.text) not in shown
            ):
                out.append(from_passage(p))
                shown.add(_same(p.text))
        return out

    def _sides_figure(self, p: Passage, parties: list[str]) -> int:
        """0 for a sentence of a side of ``parties`` or naming one, 1 for one naming no side,
        ``OTHERS_ONLY`` for one naming only other sides."""
        named = {h.party_id for h in self.gazetteer.party_hits(p.text)}
        if p.party_id in parties or named & set(parties):
            return 0
        return OTHERS_ONLY if named or p.party_id else 1

    def _starting(self, u: Understanding, passages: list[Passage]) -> list[Passage]:
        """The sentences of the articles of ``passages`` giving the date something starts
        from, on what is asked (a word of it besides when it starts), best first."""
        ids = sorted({p.article_id for p in passages})
        found = [
            p
            for p in sentences_of(self.bot.db, ids)
            if facts.start_date([p], u.query.text)
            and score(u.query, p).matched & _topic_labels(u.query)
        ]
        return sorted(found, key=lambda p: -p.coverage)[:2]

    def _parties_named(self, passages: list[Passage], u: Understanding) -> str:
        """ "Who rejected…?" answered by parties ("L'Ukraine, les États-Unis et l'Otan ont
        rejeté…"): those the best sentence names as they are written, the question's left out.
        A side the question names only by its adjective ("who refused to let Russian wounded
        be treated…") may be who did it, when the sentence opens with its name ("Moscou a
        refusé que des blessés russes…")."""
        asked = set(u.query.parties)
        by_adjective = self._by_adjective_only(u.query.text, asked)
        for p in passages:
            found = self.gazetteer.party_hits(p.text)
            hits = [
                h
                for k, h in enumerate(found)
                if h.party_id not in asked
                or (k == 0 and h.party_id in by_adjective and h.kind != "demonym")
            ]
            if hits:
                first, last = hits[0].start, max(h.end for h in hits)
                if last - first <= MAX_PARTY_RUN:
                    return p.text[first:last]
                return p.text[hits[0].start : hits[0].end]
        return ""

    def _by_adjective_only(self, question: str, asked: set[str]) -> set[str]:
        """The sides of ``asked`` that ``question`` names only by their adjective."""
        hits = self.gazetteer.party_hits(question)
        return {
            side for side in asked if {h.kind for h in hits if h.party_id == side} == {"demonym"}
        }

    def said_that(self, previous: Context, lang: Lang) -> Answer:
        """ "Who said that?": the speaker of the previous answer's first statement (by name,
        by role, or named just before a quotation)."""
        order = {sid: n for n, sid in enumerate(previous.passages)}
        passages = sorted(
            passages_by_id(self.bot.db, previous.passages), key=lambda p: order[p.sentence_id]
        )
        if not passages:
            return Answer(refused=True)
        name = next((s for s in previous.speakers[:1] if s and self.bot.book.get(s) is None), "")
        if not name:
            name = facts.person(passages[:1], "", self.gazetteer, [], self._before(passages[:1]))
        if not name:
            return Answer(refused=True)
        statements = [from_passage(p) for p in passages[:MAX_STATEMENTS]]
        return Answer(statements, line=text(lang, "who", value=name))

    def who_else(self, previous: Context, lang: Lang, scope: list[int] | None) -> Answer:
        """ "Who else?": other speakers on the previous question's subject (its words, without
        the party or person it asked about), one statement each."""
        since = None if scope is not None else window_start(self.bot)
        said = {s for s in previous.speakers if s}
        found = [
            s
            for s in speaker_statements(self.bot, previous.query, since=since, scope=scope)
            if s.speaker and s.speaker not in said and s.party_id not in said
        ]
        chosen: list[Statement] = []
        for s in found:
            if all(c.speaker != s.speaker for c in chosen):
                chosen.append(s)
        chosen = chosen[:MAX_STATEMENTS]
        if not chosen:
            return Answer(refused=True)
        names = ", ".join(dict.fromkeys(s.speaker for s in chosen))
        return Answer(chosen, line=text(lang, "also", value=names))

    def _before(self, passages: list[Passage]) -> dict[int, list[Passage]]:
        """Sentence id -> the two sentences before it in its article, closest first (a
        quotation's speaker is often named just before it)."""
        out: dict[int, list[Passage]] = {}
        ids = sorted({p.article_id for p in passages})
        sentences = sentences_of(self.bot.db, ids)
        for p in passages:
            same = [s for s in sentences if s.article_id == p.article_id]
            out[p.sentence_id] = [s for s in reversed(same) if p.seq - 2 <= s.seq < p.seq]
        return out

    def _after(self, passages: list[Passage]) -> dict[int, Passage]:
        """Sentence id -> the sentence right after it in its article (the next paragraph's
        first sentence may say whose words a bare quotation was)."""
        ids = sorted({p.article_id for p in passages})
        following = {(s.article_id, s.seq): s for s in sentences_of(self.bot.db, ids)}
        return {
            p.sentence_id: near
            for p in passages
            if (near := following.get((p.article_id, p.seq + 1))) is not None
        }

    def write(
        self,
        u: Understanding,
        found: Answer,
        lang: Lang,
        answer_id: str,
        scope: list[int] | None,
        *,
        why: bool = False,
        llm: LLMAnswerFn | None = None,
    ) -> Reply:
        book = self.bot.book
        self._statements_only(u, found, lang)
        if found.refused or not found.statements:
            since = None if scope is not None else window_start(self.bot)
            return refusal(lang, answer_id, covers(self.bot, lang, since, scope), found.lead)
        articles = self.articles(found.articles)
        if llm is not None:
            try:
                reply = llm_answer(
                    llm, u.query.text, found.statements, articles, book, lang, answer_id
                )
            except Exception as exc:  # EngineUnavailable or anything else: answer offline
                log.warning("LLM answer failed, answering offline: %s", exc)
                metrics.fallback("answer")
                reply = None
            if reply is not None:
                return reply
        return compose(
            found.statements,
            articles,
            book,
            lang,
            answer_id,
            line=found.line,
            lead=found.lead,
            why=why,
        )

    def _statements_only(self, u: Understanding, found: Answer, lang: Lang) -> None:
        """No title, heading, link, summary bullet, caption, rubric or host's turn is shown as
        a statement; a position's answer line read from one is read from the first left."""
        if found.refused or not found.statements:
            return
        unsaid = Unsaid(self.bot.articles(ids=found.articles))
        fact = u.kind in FACT_KINDS  # a title may give a fact; it is no one's statement
        kept = [
            s
            for s in found.statements
            if (fact and not s.speaker and not s.party_id)
            or not unsaid(s.article_id, s.own or s.text, s.speaker)
        ]
        changed = [s for s in found.statements if s not in kept]
        for s in kept:  # "**Veto watch.** Hungary blocked…": the sentence, not its run-in
            plain = without_run_in(s.text)
            if plain != s.text:
                changed.append(replace(s))
                s.text = plain
        if not changed:
            return
        found.statements = kept
        if kept and u.kind == "position" and u.parties:
            if any(shorten(s.text) in found.line for s in changed):
                found.line = self._stance(kept[0], u.parties[0], lang)
        elif not kept:
            found.line = ""

    def articles(self, ids: list[int]) -> dict[int, Article]:
        found = self.bot.articles(ids=ids) if ids else []
        return {a.id: a for a in found if a.id is not None}


_ACTED = re.compile(r"\W*(?:qui|who)\s+(?:(?P<aux>will|would|va|vont)\s+)?(?P<verb>[^\W\d]+)")
# a French verb in the future or the conditional ("présidera", "commanderaient")
_FUTURE = re.compile(r"(?:ra|rai|ras|rons|rez|ront|rait|raient)$")
_QUOTES = re.compile(r"[«»“”\"]")
# a sentence that is one quotation and nothing else
_BARE_QUOTATION = re.compile(r"^[«“\"]\s*[^«»“”\"]{12,}[»”\"]$")
_OPENS_QUOTE = re.compile(r"^\W{0,2}[«“\"]")
_QUOTED = re.compile(r"«([^»]+)»|“([^”]+)”|\"([^\"]+)\"|(?<!\w)'([^']+)'(?!\w)")


def quoted_labels(query: Query) -> set[str]:
    """The content words of what the question quotes (« pas pressée », 'a poem'): the words of
    the statement itself, which its sentence holds or translates."""
    quoted = " ".join(
        next(g for g in m.groups() if g) for m in _QUOTED.finditer(query.text.replace("’", "'"))
    )
    if not quoted:
        return set()
    inside = fold(quoted)
    return {c.label for c in query.content if fold(c.label) in inside}


DEPUTY = "+deputy"  # the mark of a role asked as a deputy's ("deputy foreign minister")


@lru_cache(maxsize=1)
def _deputy() -> re.Pattern[str]:
    words = "|".join(re.escape(fold(w)) for w in question_data()["roles"]["deputy"])
    return re.compile(rf"(?<![\w-])(?:{words})[\s-]")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Words of office that say who a named person is ("ministre", "homologue")."""
    extra = question_data()["who"]["introduced_by"]
    return office_titles() | frozenset(fold(w) for w in extra)


def titled(name: str, sentence: str) -> bool:
    """Whether ``sentence`` names the person ``name`` with an office next to the name: in
    apposition ("le ministre français …, X", "X, the aide to …") or before it ("Kremlin
    spokesman X")."""
    text, folded_name = fold(sentence), fold(name)
    at = text.find(folded_name)
    if not folded_name or at < 0:
        return False
    before, after = text[:at].rstrip(), text[at + len(folded_name) :]
    chunks = [" ".join(tokens(before)[-2:])]
    if before.endswith(","):
        chunks.append(re.split(r"[,;:(«\"“]", before[:-1])[-1])
    following = re.match(r"\s*,([^,;:)]*)", after)
    if following:
        chunks.append(following.group(1))
    return any(set(tokens(c)) & _titles() for c in chunks)


_QUOTE = re.compile(r"[«“\"]")


def _priced(query: Query) -> set[str]:
    """The labels of what a question of money asks the price of: its words besides those
    asking a sum ("coûtera", "budget")."""
    data = question_data()["count"]
    cues = {fold(w) for w in (*data["money"], *data["money_verbs"], *data["currency"])}
    return {c.label for c in query.content if fold(c.label) not in cues} or {
        c.label for c in query.content
    }


def _topic_labels(query: Query) -> set[str]:
    """The labels of what a question of when asks about: its words besides those asking when
    it starts."""
    starts = {fold(w) for w in question_data()["calendar"]["starts"]}
    return {c.label for c in query.content if fold(c.label) not in starts}


def _figures(text: str) -> set[str]:
    """The numbers ``text`` writes in figures, as digits only ("1,200" and "1 200": "1200")."""
    return {re.sub(r"\D", "", n) for n in _NUMBER.findall(text)}


def _same_number(value: str, sentence: str) -> bool:
    """Whether ``sentence`` gives the number in figures of a count ``value`` ("480
    prisonniers" and "480 Ukrainiens"); a count in words has none to compare."""
    return bool(re.search(r"\d", value)) and same_value(value, sentence)


def _doing_first(statements: list[Statement], doing: set[int]) -> list[Statement]:
    """A "who" answer's sentences naming the person, those saying what the question asks they
    did (``doing``: the sentences read for the name) first."""
    return sorted(statements, key=lambda s: s.sentence_id not in doing)


def _spells(name: str, sentence: str) -> bool:
    """Whether ``sentence`` names the person ``name`` in either language's spelling, each
    word of it ("Rustem Umerov" in "Rustem Oumerov")."""
    words = tokens(name)
    said = set(tokens(sentence))
    return len(words) >= 2 and all(name_variants(w) & said for w in words)


def asks_sides(u: Understanding) -> bool:
    """Whether a "who" question asks for sides by its word ("which countries", "quels pays")."""
    words = {fold(w) for w in question_data()["who"]["parties"]}
    return u.kind == "who" and fold(u.office_word) in words


def _asked_of(u: Understanding, roles: list[set[str]], holder: str) -> Understanding:
    """A question asked of a role's side, asked of the role's holder by name: the role's
    words and its side are who is asked, not what."""
    query = _without_roles(u.query, roles)
    kept = [
        c
        for c in query.concepts
        if not (c.kind == "entity" and not c.people and set(c.parties) & set(u.parties))
    ]
    return replace(
        u,
        kind="person",
        parties=[],
        people=[],
        unknown_person=holder,
        query=Query(query.text, kept),
    )


def _holds(held: str, form: str, deputy: bool, *, speaking: bool | None = None) -> bool:
    """Whether a speaker's role (folded) is the role ``form`` names, as its holder or, when
    ``deputy``, as a deputy's: a deputy foreign minister or the spokeswoman of the foreign
    ministry does not speak as the foreign minister, nor the reverse; ``speaking`` (when not
    None) tells the spokesperson from the deputy."""
    for m in re.finditer(rf"(?<!\w){re.escape(form)}", held):
        before = held[: m.start()][-40:]
        if bool(_deputy().search(before)) != deputy:
            continue
        if speaking is None or bool(_speaking().search(before)) == speaking:
            return True
    return False


@lru_cache(maxsize=1)
def _speaking() -> re.Pattern[str]:
    words = "|".join(re.escape(fold(w)) for w in question_data()["roles"]["speaking"])
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])")


def _without_roles(query: Query, roles: list[set[str]]) -> Query:
    """ "What does Kyiv's deputy foreign minister want?": the role says whose statements
    answer (``Responder._has_role``); its words are not looked for in them (a sentence naming
    its speaker's role says nothing more on what is asked)."""
    if not roles:
        return query
    words = {fold(w) for w in question_data()["roles"]["deputy"]}
    for forms in roles:
        words |= {w for form in forms for w in (form, *form.split())}
    kept = [c for c in query.concepts if c.kind != "content" or fold(c.label) not in words]
    return Query(query.text, kept)


def asked_roles(question: str) -> list[set[str]]:
    """The roles a question names ("the Hungarian foreign minister", "l'ambassadeur de
    France"), each as its folded forms in both languages (bot/qa/data/questions.toml); a form
    of one word standing for a role of several ("diplomatie" for "chef de la diplomatie") is
    none; a role asked as a deputy's is marked ``DEPUTY``."""
    folded = fold(question).replace("’", "'")
    out: list[set[str]] = []
    for role in sorted(question_data()["roles"]["words"], key=len, reverse=True):
        key = fold(role)
        m = re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded)
        if m:
            if any(key in forms or any(key in f for f in forms) for forms in out):
                continue  # "minister" within "foreign minister"
            many = " " in key
            forms = {w for w in bridge_words(role) if len(w) > 3 and (" " in w or not many)}
            deputy = _deputy().search(folded[: m.start()][-30:])
            out.append({key, *forms, *([DEPUTY] if deputy else [])})
    return out


@lru_cache(maxsize=1)
def _saying() -> re.Pattern[str]:
    stems = "|".join(re.escape(fold(s)) for s in question_data()["saying"]["stems"])
    return re.compile(rf"(?<!\w)(?:{stems})|[«»“”\"]")


# "…, according to an aide", "selon un diplomate": whom a sentence's claim is from
_SOURCED = re.compile(r"\b(?:according to|selon|d['’]apr[eè]s)\b[^,.;:]*", re.IGNORECASE)


def _without_others_sourcing(sentence: str, names: set[str]) -> str:
    """``sentence`` without the words giving its claim to someone other than the person
    ("X met Y on Wednesday, according to an aide": the aide's account, not X's words; "an
    official said Kyiv had been briefed by X": the official's)."""
    sentence = _SOURCED.sub(
        lambda m: m.group() if names & set(tokens(m.group())) else " ", sentence
    )
    folded = fold(sentence)
    named = [m.start() for n in names for m in _at(n, folded)]
    if not named:
        return sentence
    verbs = [v for v in _saying_verb().finditer(folded) if v.end() < min(named)]
    if not verbs or re.search(r"[«»“”\"]", folded[: verbs[-1].start()]):
        return sentence  # "« … », a déclaré X": X's words
    if names & set(tokens(folded[verbs[-1].end() :])[:4]):
        return sentence  # "…, said X"
    return folded[verbs[-1].end() :]


@lru_cache(maxsize=1)
def _saying_verb() -> re.Pattern[str]:
    stems = "|".join(re.escape(fold(s)) for s in question_data()["saying"]["stems"])
    return re.compile(rf"(?<!\w)(?:{stems})\w*")


# "the 21st package", "le 21e paquet", "la 3ème session": an ordinal written in figures
_ORDINAL = re.compile(r"(?<![\w,.])(\d{1,3})(?:st|nd|rd|th|e|er|ere|eme|ème|ère)(?!\w)")


def same_ordinals(question: str, statement: str, article: str = "") -> bool:
    """A statement naming only other ordinals than the question's ("the 22nd package" for
    "the 21st package") is about another of those things; one naming none may be about it
    when it names what the question counts ("package", "paquet": not "the rollover of EU
    sanctions" for "le 21e paquet de sanctions"), or when its article names the ordinal."""
    asked = set(_ORDINAL.findall(question))
    named = set(_ORDINAL.findall(statement))
    if not asked:
        return True
    if named:
        return bool(asked & named)
    if asked & set(_ORDINAL.findall(article)):
        return True
    head = _counted(question)
    forms = bridge_words(head) if head else set()
    if len(forms) < 2:
        return True  # no translation known: the statement's language may not be the question's
    return bool(forms & set(re.findall(r"\w+", fold(statement))))


_AFTER_ORDINAL = re.compile(
    r"(?<![\w,.])\d{1,3}(?:st|nd|rd|th|e|er|ere|eme|ème|ère)\s+(?P<first>[^\W\d]+)"
    r"(?:\s+(?P<second>[^\W\d]+))?",
    re.IGNORECASE,
)
_NOT_NOUN = frozenset(
    {"of", "de", "du", "des", "d", "the", "la", "le", "les", "on", "sur", "and", "et"}
)


def _counted(question: str) -> str | None:
    """The noun an ordinal counts: French puts it first ("21e paquet de sanctions"), English
    last in a compound ("21st sanctions package")."""
    m = _AFTER_ORDINAL.search(question)
    if m is None:
        return None
    first, second = m["first"], m["second"]
    english = re.search(r"\d(?:st|nd|rd|th)\b", m.group(0), re.IGNORECASE) is not None
    if english and second and fold(second) not in _NOT_NOUN:
        return second
    return first


@lru_cache(maxsize=1)
def _words_asked() -> re.Pattern[str]:
    verbs = "|".join(re.escape(fold(v)) for v in question_data()["saying"]["asked"])
    return re.compile(rf"(?<!\w)(?:{verbs})(?!\w)")


def asks_words(question: str) -> bool:
    """The question asks what was said or written ("what did X say about …", "qu'a dit X")."""
    return bool(_words_asked().search(fold(question)))


def says(sentence: str) -> bool:
    """A verb of saying or a quotation mark in ``sentence``."""
    return bool(_saying().search(fold(sentence)))


# a verb of telling right before a person the question names: whom the person spoke to
_TOLD = re.compile(
    r"(?:\b(?:tell|tells|told|telling|assure[ds]?|warn(?:ed|s)?)|"
    r"\b(?:say|says|said|speak|speaks|spoke|talk|talks|talked|explain|explained|write|wrote"
    r"|reply|replies|replied|respond|responds|responded|answer|answers|answered)\s+to|"
    r"\b(?:dit|dire|declare|repondu|repond|assure|explique|affirme|confie|promis|annonce)\s+a)"
    r"\s+(?:(?:the|le|la|l')\s*)?(?:[\w'-]+\s+){0,3}$"
    r"|(?:\b(?:dit|dire|declare|repondu|repond|assure|explique|affirme|confie|promis|annonce)"
    r"\b.*\sa\s+(?:(?:le|la|l')\s*)?$)"  # "qu'a dit X à Y"
    # "pendant sa rencontre avec Y", "about a meeting with Y", "about meeting Y": whom the
    # person met
    r"|(?:\b(?:with|avec|meet|meets|meeting|met|rencontrer)\s+(?:(?:the|le|la|l')\s*)?"
    r"(?:[\w'-]+\s+){0,2}$)"
)


def _at(word: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(fold(word))}(?!\w)", text))


# a person telling the article's speaker ("me le disait", "m'a assuré", "told me"): the one
# told is whoever speaks in the article
_TOLD_ME = re.compile(
    r"\b(?:m['’]|me\s+(?:l['’]|le\s+|la\s+|les\s+)?)\s*(?:a\s+|avait\s+|l['’]a\s+)?"
    r"(?:dit|disait|dira|assure|assurait|explique|expliquait|confie|confiait|repete|repetait"
    r"|redit|affirme|affirmait|ecrit|ecrivait|lance|lancait)\b"
    r"|\b(?:told|tells|tell|assured|assures|warned|wrote to|said to|explained to)\s+me\b"
)


def naming_others(
    statements: list[Statement],
    u: Understanding,
    told_in: Callable[[Statement], tuple[str, set[str]]] | None = None,
) -> list[Statement]:
    """ "What did X tell Y", "qu'a dit X à Y", "what did X say during the meeting with Y":
    when the question names whom the person spoke to or met, only the person's words naming
    that one are about what is asked (X's words on the subject to others do not say what X
    told Y); words X told "me" are told to Y in an article naming Y, an interview of Y
    (``told_in``: a statement's sentence with the one before, and its article's words)."""
    asked = {p.name for p in u.people[:1]}
    question = fold(u.query.text).replace("’", "'")
    people = [c for c in u.query.entities if c.people]
    starts = {
        c.label: min((m.start() for w in c.words for m in _at(w, question)), default=-1)
        for c in people
    }
    speaker = max((starts[c.label] for c in people if set(c.people) & asked), default=-1)

    def told(c: Concept, at: int) -> bool:
        # "according to X, what did Y tell Z": Y told Z, not X
        between = [c2 for c2 in people if c2 is not c and speaker < starts[c2.label] < at]
        return not any(not set(c2.people) & asked for c2 in between) and bool(
            _TOLD.search(question[:at])
        )

    others = [
        {v for f in c.words if tokens(f) for v in name_variants(tokens(f)[-1])}
        for c in people
        if not set(c.people) & asked
        and any(told(c, m.start()) for w in c.words for m in _at(w, question))
    ]
    if not others or not statements:
        return statements
    return [
        s
        for s in statements
        if any(names & set(tokens(s.text)) for names in others)
        or (told_in is not None and _told_me(s, others, told_in))
    ]


def _told_me(
    statement: Statement,
    others: list[set[str]],
    told_in: Callable[[Statement], tuple[str, set[str]]],
) -> bool:
    said, words = told_in(statement)
    return bool(_TOLD_ME.search(fold(said).replace("’", "'"))) and any(
        names & words for names in others
    )


# what may stand between a noun and the side that qualifies it ("Ukraine's delegation", "la
# délégation de la Russie")
_SIDE_GAP = re.compile(r"^(?:\s|['’]s\b|\b(?:de|du|des|la|le|l['’]|of|the)\b)*$", re.IGNORECASE)


def _sided_at(text: str, word: str, gazetteer: Gazetteer) -> list[set[str]]:
    """For each place ``text`` uses ``word`` (folded), the sides qualifying it there ("la
    délégation russe", "the Russian delegation")."""
    hits = gazetteer.party_hits(text)
    out: list[set[str]] = []
    for m in _at(word, fold(text)):
        out.append(
            {
                h.party_id
                for h in hits
                if _SIDE_GAP.match(text[h.end : m.start()] if h.end <= m.start() else "x")
                or _SIDE_GAP.match(text[m.end() : h.start] if m.end() <= h.start else "x")
            }
        )
    return out


def sided_words(
    query: Query, parties: list[str], gazetteer: Gazetteer
) -> list[tuple[set[str], set[str]]]:
    """The question's words that an asked side qualifies ("who leads the Russian
    delegation"): each word's surface forms, with those sides."""
    out: list[tuple[set[str], set[str]]] = []
    for c in query.content:
        forms = {w for w in c.words if " " not in w}
        sides = {s for w in forms for at in _sided_at(query.text, w, gazetteer) for s in at}
        if sides & set(parties):
            out.append((forms, sides & set(parties)))
    return out


def another_sides(
    sentence: str, sided: list[tuple[set[str], set[str]]], gazetteer: Gazetteer
) -> bool:
    """Whether ``sentence`` gives what the question qualifies by a side only to other sides
    ("le chef de la délégation ukrainienne" for "who leads the Russian delegation"); a word
    it leaves unqualified may be the side's."""
    for forms, sides in sided:
        found = [at for w in forms for at in _sided_at(sentence, w, gazetteer)]
        if found and all(at and not at & sides for at in found):
            return True
    return False


def venues(u: Understanding) -> list[Concept]:
    """The known places the question says something happened in ("the truce agreed in
    Riyadh", "les pourparlers à Genève"), other than the parties asked about: what an article
    that never names them says answers nothing of that event. Their names only (a sentence of
    the place's party does not name it)."""
    folded = fold(re.sub(r"(?<!\w)[àÀ](?=\s)", "@", u.query.text))
    # a person's question asks about the person's side, not the place's ("Qu'a dit X sur
    # l'accord de Vienne ?" names Vienna's country among its parties)
    asked = {p.party_id for p in u.people} if u.people else set(u.parties)
    out: list[Concept] = []
    for c in u.query.concepts:
        if not c.parties or set(c.parties) & asked or c.people:
            continue
        if any(_said_where(w, folded) for w in c.words):
            out.append(replace(c, parties=(), people=()))
    return out


def venue_words(u: Understanding) -> set[str]:
    """The names, as the question writes them (folded), of the places of ``venues``."""
    folded = fold(re.sub(r"(?<!\w)[àÀ](?=\s)", "@", u.query.text))
    return {w for c in venues(u) for w in c.words if _said_where(w, folded)}


def _said_where(word: str, folded: str) -> bool:
    """Whether the folded question says something happened in the place ``word``."""
    # "at the Abu Dhabi talks": the place may follow an article
    where = rf"(?<!\w)(?:in|at|@|au|aux)\s+(?:(?:the|la|le)\s+|l')?{re.escape(word)}(?!\w)"
    named = (  # "les pourparlers d'Oslo", "the Oslo talks"
        rf"(?<!\w)(?:(?:{_events()})\s+(?:de|d'|du|of)\s*{re.escape(word)}"
        rf"|{re.escape(word)}\s+(?:{_events()}))(?!\w)"
    )
    return any(re.search(pattern, folded) for pattern in (where, named))


@lru_cache(maxsize=1)
def _events() -> str:
    """The words of meetings a place may name ("talks", "pourparlers"), folded, as one
    alternation."""
    return "|".join(re.escape(fold(w)) for w in question_data()["venue"]["events"])


@lru_cache(maxsize=1)
def _occasion() -> re.Pattern[str]:
    cues = "|".join(
        re.escape(fold(w)).replace("\\ ", r"\s+").replace("'", "['’]")
        for w in sorted(question_data()["occasion"]["cues"], key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{cues})\s+(?P<what>[^?,;.]+)")


def _without_occasion(topic: Query) -> Query:
    """``topic`` without the words that say when something was said ("after the Geneva
    round", "à l'issue du sommet"): the occasion, not what was said."""
    occasion = {w for m in _occasion().finditer(fold(topic.text)) for w in tokens(m.group())}
    kept = [c for c in topic.concepts if not (set(tokens(c.label)) <= occasion)]
    return Query(topic.text, kept)


_NUMBER = re.compile(r"\d(?:[\d.,\u00a0\u202f ]*\d)?")


def same_value(value: str, sentence: str) -> bool:
    """Whether ``sentence`` gives ``value`` in its own language's writing: the same numbers
    ("1,200" and "1.200"), or the same names ("Hakan Fidan", "InterContinental")."""
    numbers = {re.sub(r"\D", "", n) for n in _NUMBER.findall(value)}
    if numbers:
        return numbers <= {re.sub(r"\D", "", n) for n in _NUMBER.findall(sentence)}
    names = [w for w in re.findall(r"[^\W\d]{4,}", value) if w[:1].isupper()]
    said = set(tokens(sentence))
    return bool(names) and all(name_variants(fold(w)) & said for w in names)


def _told_by_pronoun(
    best: list[Passage], before: dict[int, list[Passage]], name: str
) -> list[Statement]:
    """ "X, …, told reporters … He also suggested …": the best sentence, saying what was done
    by a pronoun, after the one just before it naming who (another sentence naming them is
    about something else); else none."""
    for p in best:
        near = before.get(p.sentence_id, [])[:1]
        if near and facts.opens_with_pronoun(p.text) and fold(name) in fold(near[0].text):
            return [from_passage(near[0]), from_passage(p)]
    return []


def acted(query: Query) -> str:
    """The label of what a "who" question asks someone will or would do, when it is the word
    right after "qui" or "who" ("qui présidera", "qui commanderait", "who will chair"): a
    sentence naming someone near the thing to be done says nothing of who will do it; else
    "" (what someone did may be told in other words)."""
    m = _ACTED.match(fold(query.text))
    if m is None or not (m.group("aux") or _FUTURE.search(m.group("verb"))):
        return ""
    word = m.group("verb")
    return next((c.label for c in query.content if fold(c.label) == word), "")


def same_date(value: str, other: str) -> bool:
    """Whether two dates read from sentences are the same day written in another order
    ("November 23", "23 November"), a month maybe shortened ("Oct. 14", "14 October")."""
    mine, theirs = tokens(value), tokens(other)
    if not other or len(mine) != len(theirs):
        return False
    if sorted(w for w in mine if w.isdigit()) != sorted(w for w in theirs if w.isdigit()):
        return False
    names = sorted(w for w in mine if not w.isdigit()), sorted(w for w in theirs if not w.isdigit())
    return all(
        a == b or (len(a) >= 3 and len(b) >= 3 and (a.startswith(b) or b.startswith(a)))
        for a, b in zip(*names, strict=True)
    )


def _saying_it_first(found: list[Statement], share: int) -> list[Statement]:
    """``found`` (best first) where the statements of the first ``share`` that match nothing
    of what is asked give way to later ones that say it (``SAYS_IT``)."""
    top = found[:share]
    if all(s.match > 0 for s in top):
        return found
    better = [s for s in found[share:] if s.match >= SAYS_IT]
    if not better:
        return found
    kept = [s for s in top if s.match > 0]
    shown = (kept + better + [s for s in top if s.match <= 0])[:share]
    return shown + [s for s in found if s not in shown]


def _linked(unsaid: Unsaid, p: Passage) -> bool:
    """A sentence that is a link to another article (or a title, a caption): not a heading,
    which may be an interviewer's question ("**Et les avoirs russes gelés ?**")."""
    return unsaid(p.article_id, p.text) and unsaid.kind(p.article_id, p.text) not in (
        "heading",
        "host",
    )


def of_parties(statements: list[Statement], parties: list[str]) -> list[Statement]:
    """The statements that may stand for ``parties``' position: not those another party's
    speaker said (that party's position, whatever party they name)."""
    return [s for s in statements if not (s.speaker and s.party_id and s.party_id not in parties)]


def explained(passages: list[Passage]) -> Answer:
    """A "why?" answer: the reasons found near the previous answer's sentences."""
    return Answer([from_passage(p) for p in passages[:MAX_STATEMENTS]])


def unique(statements: list[Statement]) -> list[Statement]:
    """The first ``MAX_STATEMENTS`` statements, each sentence once (whether a stored position
    gives it whole, in part or without its full stop)."""
    out: list[Statement] = []
    for s in statements:
        key = _same(s.text)
        if not any(key in _same(o.text) or _same(o.text) in key for o in out):
            out.append(s)
    return out[:MAX_STATEMENTS]


def _asks(text: str) -> bool:
    """A question in an article (an interviewer's, "**Et les avoirs russes gelés ?**")."""
    return text.rstrip(' »”"*').endswith("?")


def _same(text: str) -> str:
    """A statement's text as compared with another's (its closing full stop left out)."""
    return grounded(text).rstrip(" .!?…")


def _is_heading(text: str) -> bool:
    """A line with no sentence-final punctuation: a title or a sub-heading."""
    return not text.rstrip().endswith((".", "!", "?", "…", "»", "”", '"', ")")) and (
        len(text.split()) <= 25
    )


def _title_case(text: str) -> bool:
    """A heading whose every longer word is capitalised ("Leaders Meet by Phone, but Their
    Accounts Diverge"): its capitals say nothing of who is named."""
    words = [w for w in re.findall(r"[^\W\d]{4,}", text)]
    return _is_heading(text) and bool(words) and all(w[0].isupper() for w in words)
