"""The offline (no-LLM) extraction engine: article -> attributed positions with verbatim evidence.

Parses each text once (spaCy sentences and person names), walks sentences in order keeping a
per-article memory of speakers, turns every attribution cue into a Position whose evidence is the
exact sentence (or whole multi-sentence quote) of the article, and drops anything not grounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from bot.domain.gazetteer import Gazetteer, PersonHit
from bot.domain.models import OTHER_PARTY, Article, Lang, Position, PositionKind
from bot.domain.parties import PartyBook
from bot.domain.topics import topic_weight, topics_of
from bot.extract.rules import attribution, live_pages, nlp, past, roles, sides, syntax
from bot.extract.rules.cue_patterns import CONTRAST, Cue
from bot.extract.rules.discourse import (
    FIRST_PERSON,
    Discourse,
    blank_label,
    inherit_quotes,
    without_label,
)
from bot.extract.rules.quote_marks import quote_spans, quote_text, single_quotes_as_double
from bot.extract.rules.quotes import find_cues
from bot.extract.rules.sentences import Sentence, headline_end
from bot.extract.rules.sentences import split as sentences_of
from bot.extract.rules.speakers import MAIN_CLAUSE_AFTER_QUOTE, Speaker, SpeakerResolver
from bot.extract.rules.subject_patterns import FRAMED_HEADING, NAME_ONLY, VOICE_OF
from bot.extract.rules.subjects import colon_lead, cue_speaker
from bot.extract.rules.version import engine_version
from bot.extract.rules.voice import find_voice, portrait_side, portrait_subject
from bot.textnorm import fold, is_grounded

_MAX_CLAIM = 240


class OfflineEngine:
    """Rule-based Extractor over a PartyBook; see module docstring."""

    def __init__(self, book: PartyBook) -> None:
        self.book = book
        self.gaz = Gazetteer(book)
        self._key = ""
        self.trace: list[dict[str, Any]] | None = None  # filled by explain.py, one per sentence

    @property
    def key(self) -> str:
        """ "offline:<hash>": the rule files, the code, the gazetteer and the models (version.py)."""
        if not self._key:
            models = nlp.installed_models()
            gazetteer = repr((self.book.parties, self.book.people))
            self._key = f"offline:{engine_version(gazetteer, models)}"
        return self._key

    def extract(self, article: Article) -> list[Position]:
        return self.extract_parsed(article, nlp.parse(plain_text(article.text), _lang(article)))

    def extract_many(self, articles: Iterable[Article]) -> list[list[Position]]:
        """Like ``extract`` for many articles, parsing each language's texts in one batch."""
        items = list(articles)
        out: list[list[Position]] = [[] for _ in items]
        for lang in ("fr", "en"):
            idx = [i for i, a in enumerate(items) if _lang(a) == lang]
            docs = nlp.parse_many((plain_text(items[i].text) for i in idx), lang)
            for i, doc in zip(idx, docs, strict=True):
                out[i] = self.extract_parsed(items[i], doc)
        return out

    def extract_parsed(self, article: Article, doc: Any) -> list[Position]:
        """Positions of an article whose text (``plain_text`` of it) ``doc`` is the parse of.
        Rules read the plain text; evidence and quotes are given back in the article's own
        characters, so they stay verbatim."""
        original = article.text
        plain = plain_text(original)
        if plain == original:
            return self._extract(article, doc)
        found = self._extract(replace(article, text=plain), doc)
        for p in found:
            p.evidence = _verbatim(p.evidence, plain, original)
            p.quote = _verbatim(p.quote, plain, original) if p.quote else p.quote
            p.claim = _verbatim(p.claim, plain, original)
        return found

    def _extract(self, article: Article, doc: Any) -> list[Position]:
        self.gaz.forget()
        lang = _lang(article)
        text = article.text
        sentences = sentences_of(text, nlp.sentence_spans(doc))
        persons = nlp.person_spans(doc)
        resolver = SpeakerResolver(self.gaz, lang)
        found: list[list[tuple[Speaker, Cue | None]]] = []
        subjects: list[Speaker | None] = []  # the person a statement-less sentence is about
        heads = headline_end(text)
        people = _mentions(resolver, persons, nlp.has_ner(lang))
        talk = Discourse(resolver, sentences, find_voice(sentences, people))
        portrayed = portrait_subject(sentences, people)
        if portrayed is not None:
            resolver.portrait = portrait_side(self.gaz, sentences, portrayed)
        mentions: list[list[PersonHit]] = []
        live_starts = live_pages.entry_starts(sentences)
        live_entries = set(live_starts)
        premises: set[int] = set()  # sentences of a question turn: second-hand, ranked lower
        history = past.dated_before(sentences, past.article_year(sentences))
        for i, sent in enumerate(sentences):
            hits = people(sent)
            opens = i == 0 or sentences[i - 1].para != sent.para
            if portrayed is not None and opens and not hits:
                # a portrait: a paragraph that names nobody goes on about its subject
                resolver.salient = resolver.known_speaker(portrayed) or resolver.salient
            if i in live_entries:
                # newest first: "il", "la porte-parole" opening an entry mean someone below
                below = live_pages.named_below(sentences, i, live_starts, people, lang)
                resolver.salient = below or resolver.salient
            before = resolver.salient
            mentions.append(hits)
            talk.name_back(sent, hits, found)
            if talk.is_byline(sent) and not talk.signs(hits):
                resolver.note_byline(hits)  # the reporter: never a speaker of a party
                self._note(sent, hits, [], [], "byline")
                found.append([])
                subjects.append(None)
                continue
            resolver.remember(sent.text, hits)  # roles written next to names, before resolving
            talk.credit(len(found), hits, found, lambda s: not _finite(doc, s))
            talk.read_cleft(sent, hits)
            here: list[tuple[Speaker, Cue | None]] = []
            cues: list[Cue] = find_cues(sent.text, lang, self._looks_like_subject)
            for cue in cues:  # "BERGEN, Norway (AP) — Denmark and Sweden agreed …"
                stamp = _TIME_STAMP.match(cue.subject) if cue.mode == "pre" else None
                if stamp and cue.subj_start == 0 and cue.subject[stamp.end() :].strip():
                    cue.subject, cue.subj_start = cue.subject[stamp.end() :], stamp.end()
            if FRAMED_HEADING.match(sent.text) or _entry_heading(sentences, i):
                self._note(sent, hits, cues, [], "heading")
                found.append([])  # "- Kiev refuse de céder -": a sub-heading
                subjects.append(None)
                continue
            if sent.end <= heads and not (quote_spans(sent.text) and cues):
                self._note(sent, hits, cues, [], "headline")
                found.append([])  # a headline: no statement unless it quotes someone
                subjects.append(None)
                continue
            owner: tuple[Speaker, Cue] | None = None  # the last cue owning a reported clause
            talk.read_turn(sent, hits, len(found))
            if _BOLD_LINE.fullmatch(sent.text):
                self._note(sent, hits, cues, [], "heading")
                found.append([])  # "**La Turquie propose ses entreprises**": a post's heading
                subjects.append(None)
                continue
            if talk.record_line(sent):
                self._note(sent, hits, cues, [], "record")
                found.append([])  # "Mme X, ministre de …." or "(Applaudissements …)"
                subjects.append(None)
                continue
            for cue in cues:
                if cue.nested and owner is not None and owner[0].party_id is not None:
                    continue
                if attribution.in_relative_clause(cue):
                    continue  # "…, que Moscou refuse toujours": qualifies a noun, says nothing
                if _NOUN_VERB.fullmatch(sent.text[cue.start : cue.end].strip()) and not re.match(
                    r"\s*(?:that\s)?\w", sent.text[cue.end :]
                ):
                    continue  # "… India, Brazil or the Gulf states.": a noun, nothing said
                if attribution.source_about_other(sent.text, cue, here):
                    continue
                pair = resolver.both_leaders(cue.subject) if cue.mode == "pre" else []
                pair = pair or sides.named_pair(resolver, cue, hits)
                pair = pair or sides.joint_document(self.gaz, cue) or talk.joint_authors(cue)
                if pair:  # "The leaders agreed that …": each of the two
                    here += [(leader, cue) for leader in pair]
                    continue
                speaker = attribution.other_in_turn(
                    resolver, talk.turn, cue, sent.text, hits
                ) or cue_speaker(resolver, cue, sent.text, hits, here)
                speaker = attribution.anonymous_source_side(resolver, cue, speaker, sent.text)
                if speaker is None or speaker.party_id is None:
                    # "Le journal publie une déclaration du ministre, X : « … »": X's words
                    speaker = talk.declared_by(sent.text, hits, colon_lead(sent.text)) or speaker
                if speaker is None and i in live_entries and live_pages.pronoun_led(cue):
                    # "16h48 - Il a également estimé …" on a newest-first page: who "il" is,
                    # the entry below tells (speak_down)
                    here.append((live_pages.PENDING, cue))
                    continue
                said = speaker  # who spoke, for the pronouns after (not whose words these are)
                if speaker is not None:
                    speaker = attribution.by_voice(resolver, sent.text, hits, speaker)
                    speaker = attribution.same_side_voice(resolver, cue, speaker, hits)
                    speaker = attribution.in_turn(talk.turn, sent.text, speaker, cue)
                    speaker = attribution.reported_person(resolver, cue, speaker)
                    said = speaker
                    speaker = attribution.told_by(resolver, sent.text, speaker)
                if cue.nested and speaker is not None and speaker.party_id and owner in here:
                    here.remove(owner)  # "Le journal rappelle que X a dit…": X's words
                if cue.mode in ("pre", "part") and not cue.nested and speaker is not None:
                    owner = (speaker, cue)
                if speaker is not None and said is not None:
                    cue.claim = attribution.trim_claim(resolver, cue.claim, speaker.party_id)
                    here.append((speaker, cue))
                    resolver.note_statement(said)
            here = attribution.owned_by_incise(sent.text, here)
            if here and _POSSESSED_WORDS.match(sent.text):
                # "Son message, selon un diplomate onusien : « … »": the words of the one "son"
                # means, only relayed by the source
                possessor = resolver.salient
                if possessor is not None and possessor.name and possessor.party_id:
                    here = [(possessor, c) for _, c in here]
            here += sides.listed(self.gaz, here)
            if not here and found and _GOES_ON.match(sent.text):
                # "X m'a répété que … . Et que …": the words X said go on
                before_cue = {sp.name or sp.party_id: sp for sp, c in found[-1] if c is not None}
                if len(before_cue) == 1:
                    here = [(next(iter(before_cue.values())), None)]
            if not here:
                here = talk.unverbed(sent, hits, len(found)) or talk.turn_statement(sent, hits)
                if here and here[0][0] is talk.turn and talk.on_record and nlp.has_parse(doc):
                    here = _another_side_acts(resolver, doc, sent, hits, talk.turn, lang) or here
            here = attribution.drop_anonymous_reporters(here)
            here += sides.stance_statements(self.gaz, doc, sent, lang, here, talk, hits)
            announcer = talk.manner_announced(i, hits) if here and found and not found[-1] else None
            bare = [
                sp
                for sp, c in here
                if not sp.name and sp.party_id and (c is None or c.start > sent.text.find(":") >= 0)
            ]
            if announcer is None and bare:
                announcer = talk.colon_speaker(sent, hits)
            if announcer is not None:  # "X s'est montré plus précis. Kiev veut …": X's words
                here = [
                    (announcer, _after_colon(c))
                    if not sp.name and sp.party_id == announcer.party_id
                    else (sp, c)
                    for sp, c in here
                ]
            here = _merge_same_party(sent.text, here)
            if talk.asking(sent):
                premises.add(i)
                # a question's premise ("QUESTION: Moscow says …", "FT: The president says …"):
                # only what it credits by name or to a side, never the asker's own words
                here = [(sp, c) for sp, c in here if c is not None and _named_in(sp, sent.text)]
            if here and all(c is not None and _RELATIVE.search(c.subject) for _, c in here):
                # "Interrogé sur les propos de X, qui avait estimé …, le ministre n'a pas mâché
                # ses mots.": the sentence is about the minister, who "il" means next
                resolver.note_main_clause(sent.text)
                for _, c in here:
                    main = MAIN_CLAUSE_AFTER_QUOTE.search(c.claim) if c else None
                    if c is not None and main is not None:
                        c.claim = c.claim[: main.start() + 1]  # the words, not the main clause
            subjects.append(None)
            # an answer's sentence with no verb of saying is the interviewee's, but an office
            # as its subject ("the Secretary is in close touch …") is who "he" means next
            words = blank_label(sent.text) if here else sent.text
            turn_only = (
                bool(here)
                and all(c is None and s is talk.turn for s, c in here)
                and not [h for h in hits if words[h.start] != " "]
            )
            # "KK: Andrii Sybiha called me on his way back. He said …": a person an answer
            # names as its subject is who "he" means next
            turn_named = (
                bool(here)
                and all(c is None and s is talk.turn for s, c in here)
                and not turn_only
                and bool(hits)
                # (a host's turn, of no side, is narration: who it names is who "he" means)
                and (_opens_with_name(words, hits[0].start) or not here[0][0].party_id)
            )
            if not here or turn_only or turn_named:
                subject = (
                    syntax.main_subject(doc, sent.start, sent.end) if nlp.has_parse(doc) else ""
                )
                resolver.note_subject(words, [] if turn_only else hits, subject)
                if not here and resolver.salient is not None and resolver.salient is not before:
                    subjects[-1] = resolver.salient
            self._note(sent, hits, cues, here, "")
            found.append(here)
        talk.credit_later(found, mentions)
        inherit_quotes(sentences, found, subjects)
        # a newest-first live page: "il" opening an entry is the speaker of the entry below
        live_pages.speak_down(found, mentions, live_starts)
        talk.name_ahead(found, mentions)
        _interviewee_office(talk, resolver, sentences, found)
        if resolver.sided_later:  # "ce responsable nommé par Kyiv": the side, for all he said
            later = resolver.sided_later
            found[:] = [
                [(later.get(sp.name, sp) if sp.party_id is None else sp, c) for sp, c in here]
                for here in found
            ]
        for was, named in resolver.revealed:  # a portrait's subject, described before named
            found[:] = [[(named if sp is was else sp, c) for sp, c in here] for here in found]
        found[:] = [[(resolver.named_holder(sp) or sp, c) for sp, c in here] for here in found]
        if self.trace is not None:  # quotes given to the speaker before or after them
            for record, here in zip(self.trace, found, strict=False):
                record["final"] = [_who(sp) for sp, _ in here]
        positions: dict[tuple[str, str], Position] = {}
        last: tuple[int, Speaker, Position] | None = None  # the sentence before's lone turn
        for k_sent, (sent, here) in enumerate(zip(sentences, found, strict=True)):
            if k_sent in history:  # "En mai 2025, il plaidait pour …": then, not now
                continue
            split = len(here) > 1  # several statements in one sentence: each its own clause
            cues = [c for _, c in here if c is not None]
            made: list[tuple[Speaker, Position]] = []
            for speaker, found_cue in here:
                text = _clause(sent.text, found_cue, cues) if split and found_cue else sent.text
                pos = self._position(article, lang, text, speaker, found_cue, sent.text)
                if pos is None:
                    continue
                if k_sent in premises:  # "QUESTION: Medinsky said …": the asker's report
                    pos = replace(pos, score=round(pos.score - 1.5, 2))
                if len(here) == 1 and found_cue is None:
                    pos = self._joined_turn(article, lang, sentences, k_sent, speaker, pos, last)
                    if last is not None and pos.evidence.startswith(last[2].evidence):
                        positions.pop((last[2].party_id, last[2].evidence), None)
                made.append((speaker, pos))
                k = (pos.party_id, pos.evidence)
                if k not in positions or positions[k].score < pos.score:
                    positions[k] = pos
            lone = len(here) == 1 and here[0][1] is None and len(made) == 1
            last = (k_sent, *made[0]) if lone else None
        return list(positions.values())

    def _joined_turn(
        self,
        article: Article,
        lang: Lang,
        sentences: list[Sentence],
        k_sent: int,
        speaker: Speaker,
        pos: Position,
        last: tuple[int, Speaker, Position] | None,
    ) -> Position:
        """ "First an election, then a signature. Not the other way around.": a short sentence
        of a turn and the one before it, of the same speaker in the same paragraph, are one
        statement (evidence and claim), so neither is shown without the other."""
        if last is None or last[0] != k_sent - 1 or last[1] != speaker:
            return pos
        before, sent = sentences[k_sent - 1], sentences[k_sent]
        if before.para != sent.para or last[2].evidence != before.text.strip(" ,;"):
            return pos
        if min(len(before.text.split()), len(sent.text.split())) > _SHORT_TURN_WORDS:
            return pos
        joined = article.text[before.start : sent.end].strip(" ,;")
        if "\n" in joined or not joined.endswith(sent.text.strip(" ,;")):
            return pos
        both = self._position(article, lang, joined, speaker, None, joined)
        return both if both is not None else pos

    def _note(
        self,
        sent: Sentence,
        hits: list[Any],
        cues: list[Cue],
        here: list[tuple[Speaker, Cue | None]],
        skipped: str,
    ) -> None:
        """Record what each stage decided for one sentence (only while explaining)."""
        if self.trace is None:
            return
        self.trace.append(
            {
                "sentence": sent.text,
                "skipped": skipped,
                "mentions": [h.text for h in hits],
                "cues": [f"{c.mode}: {sent.text[c.start : c.end].strip()}" for c in cues],
                "speakers": [_who(sp) for sp, _ in here],
            }
        )

    def _told_of(self, words: str, speaker: Speaker) -> bool:
        """Whether ``words`` name the speaker or the speaker's side in the third person."""
        surname = fold(speaker.name.split()[-1]) if speaker.name else ""
        if surname and re.search(rf"\b{re.escape(surname)}\b", fold(words)):
            return True
        return any(h.party_id == speaker.party_id for h in self.gaz.party_hits(words))

    def _looks_like_subject(self, seg: str) -> bool:
        seg = seg.strip()
        voice = VOICE_OF.match(seg)  # "par la voix de son porte-parole X": X
        seg = re.sub(r"^du\s", "le ", seg[voice.end() :]) if voice else seg
        if not seg:
            return False
        people = self.gaz.person_hits(seg)
        if people and people[-1].end >= len(seg.rstrip(" .")) - 1:
            return True
        if NAME_ONLY.fullmatch(seg):
            return True
        return roles.is_title(seg) and len(seg.split()) <= 12

    def _position(
        self,
        article: Article,
        lang: Lang,
        text: str,
        speaker: Speaker,
        cue: Cue | None,
        sentence: str,
    ) -> Position | None:
        """The position of ``text`` (the sentence, or the clause of it that holds ``cue``;
        the cue's offsets are in ``sentence``)."""
        evidence = text.strip(" ,;")
        negated = cue is not None and cue.mode == "pre" and _NEGATED.search(sentence[: cue.start])
        if negated and cue is not None and len(re.findall(r"\w+", sentence[cue.end :])) < 3:
            return None  # "Washington n'a pas commenté": no position stated
        if not evidence or not (evidence in article.text or is_grounded(evidence, article.text)):
            return None
        party_id = speaker.party_id or OTHER_PARTY
        quote = quote_text(evidence) or None
        asked = cue is not None and cue.mode == "pre" and _ASKED_LEAD.search(sentence[: cue.start])
        if quote and cue is not None and asked and cue.end <= len(sentence):
            # "Interrogé sur la « coalition des volontaires », X a répondu : « … »": the words
            # quoted in the question put to the speaker are the question's, not the speaker's
            said = quote_text(sentence[cue.end :])
            if said and said != quote and said in quote:
                quote = said
        if quote is None and evidence.endswith(":"):
            return None  # "X has responded on X:": the words come next, credited there
        claim = (cue.claim if cue else "") or quote or evidence
        if cue is None and quote and len(evidence.split()) > 8 and _QUOTED_PART.fullmatch(quote):
            # "… avaient accepté « en principe » de …", "Kyiv will never recognise 'any of the
            # temporarily occupied territories' as Russian": a few quoted words are no claim
            claim = evidence
        if quote and " […] " in quote and quote.startswith(claim.lstrip('«“" ')):
            claim = quote  # the first half of a quote split by its incise: both halves
        claim = _one_line(without_label(claim))
        if (
            cue is not None
            and cue.mode == "part"
            and _TELLING.search(sentence[cue.start : cue.end])
        ):
            claim = _TOLD_WHOM.sub("", claim, count=1) or claim  # "telling guests that …"
        claim = _ITEM_LABEL.sub("", claim, count=1) or claim  # "WHO'S IN: Denmark …": Denmark …
        if quote and claim.strip(' «»“”"') == quote:
            claim = quote  # '"It is not a European army"' once its label is gone
        ours = _OUR_VIEW_AFTER.search(claim)
        if ours is not None and self._told_of(claim[: ours.start()], speaker):
            # "Fidan offered Istanbul …, and we think that's a very constructive offer": the
            # side told of in the third person, then the one telling it in the first
            claim = claim[: ours.start()].rstrip(" ,")
        said_it = cue is not None and cue.mode == "pre" and _IT_AFTER.fullmatch(sentence[cue.end :])
        said_it = said_it or (
            cue is not None and cue.mode == "pre" and _MANY_THINGS.fullmatch(sentence[cue.end :])
        )
        if said_it or _SAID_IT.fullmatch(claim):
            return None  # "said it on this program last week": what, the sentence does not say
        if _REACTION_ONLY.fullmatch(claim):
            return None  # "Kyiv has responded sharply to X's comments": the words come next
        if _POINTS_BACK.fullmatch(claim):
            return None  # "C'est ce qu'a confié X": the words before, credited on their own
        if cue is not None and claim != quote and len(_WORD.findall(claim)) == 1:
            rest = _AFTER_INCISE.match(sentence, cue.end)
            if quote is None and (_INTERJECTION.fullmatch(claim) or rest is None):
                return None  # "Well, Mr X says many things": no claim of X's
            # "Moscow, she told a weekly briefing, saw no reason to …": both sides of the incise
            if rest is not None:
                claim = f"{claim.strip(' ,')} {rest.group('rest').strip()}"
        claim = _EMPTIED_INCISE.sub(" :", claim)  # "Son message, [selon X] : « … »"
        if _COURTESY.fullmatch(claim):
            return None  # "Thank you, Martha.", "Good morning.": a greeting says nothing
        if _STAGE_NOTE.fullmatch(claim):
            return None  # "(Speaking Russian).", "[inaudible]": the transcriber's note
        preamble = _CLEAR_PREAMBLE.match(claim)
        if preamble and len(claim[preamble.end() :].split()) >= 4:
            # "Sur le fond, je veux être très claire : la France considère …": what she says
            words_said = claim[preamble.end() :]
            claim = words_said[:1].upper() + words_said[1:]
        if quote and _only_saying(quote):
            return None  # "We have said this many times, and I will say it again": nothing new
        kind: PositionKind = "quote" if quote else "reported"
        if not quote and (cue is None or cue.mode in ("source", "pour")):
            kind = "attributed"
        role = speaker.role
        if not role and speaker.person is not None:
            role = speaker.person.role_fr if lang == "fr" else speaker.person.role_en
        score = 1.0 + (1.0 if speaker.name else 0.0) + (0.5 if quote else 0.0)
        score += (
            0.25 * min(4, topic_weight(evidence))
            + (0.3 if cue and cue.mode not in ("source", "pour") else 0.0)
            - (0.5 if party_id == OTHER_PARTY else 0.0)
        )
        return Position(
            party_id=party_id,
            party_name=self.book.name(party_id, lang),
            speaker=speaker.name,
            speaker_role=role,
            claim=claim,
            evidence=evidence,
            source=article.source,
            kind=kind,
            quote=quote,
            topics=topics_of(claim + " " + evidence),
            published=article.published,
            article_hash=article.content_hash,
            article_id=article.id,
            lang=article.lang,
            score=round(score, 2),
        )


# hyphens and dashes that hide a name from the rules ("Maison‑Blanche" with U+2011): one
# character for one, so offsets are the same in the plain text and the article
_PLAIN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": "-"})


def plain_text(text: str) -> str:
    """The text the rules read: the same length as ``text``, odd hyphens made plain and
    quotations in single curly quotes set in double ones (quote_marks)."""
    return single_quotes_as_double(text.translate(_PLAIN))


def _verbatim(fragment: str, plain: str, original: str) -> str:
    """``fragment`` of the plain text in the article's own characters; a quote's halves
    ("… […] …") each."""
    at = plain.find(fragment)
    if at >= 0:
        return original[at : at + len(fragment)]
    if " […] " in fragment:
        return " […] ".join(_verbatim(part, plain, original) for part in fragment.split(" […] "))
    if "“" not in original and "”" not in original:
        return fragment.translate(_SINGLE_BACK)  # its double marks were the article's single
    return fragment


_SINGLE_BACK = str.maketrans("“”", "‘’")


# a newsletter item's label: "KALLAS'S INSURANCE POLICY: ", "Who's in: ", "Why now: "
_ITEM_LABEL = re.compile(
    r"^\s*\*\*(?:[^*]{1,60}\*\*)?\s*(?=\S)|"  # "**Beijing.** China …", or the "** " left of it
    r"^\s*[*•·\-–—]\s+(?=\S)|"  # a list item's mark
    r"^\s*(?:[A-Z][A-Z’'\-]+(?:\s+[A-Z][A-Z’'\-]+){0,5}|(?:Who|What|Why|How|Where|When)\b[\w’' ]{0,12})"
    r":\s+(?=\S)"
)
_NEGATED = re.compile(r"(?<![\w\-])(?:n['’]|ne\s*)$", re.IGNORECASE)


_REACTION_ONLY = re.compile(
    r"[^.;:«»\"“”]{0,40}?\b(?:has|have|had|a|ont|avait)?\s*(?:responded|reacted|replied|répondu|réagi)"
    r"(?:\s+\w+ly|\s+(?:sèchement|vivement|fermement|aussitôt))?\s+(?:to|à|aux)\s+[^.;:«»\"“”]{0,60}"
    r"\b(?:comments|remarks|statement|words|propos|déclarations?|remarques)\.?",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")
# a sentence going on with the words the one before reported: "Et que …", "And that …"
_GOES_ON = re.compile(r"\s*(?:et|mais|and|but)\s+(?:que|qu['’]|that)\b", re.IGNORECASE)
_TELLING = re.compile(r"\b(?:telling|disant|expliquant)\b", re.IGNORECASE)
# the people told, before what they were told: "(telling) guests that …", "(disant) aux élus que"
_TOLD_WHOM = re.compile(
    r"^(?:(?:the\s+|aux\s+|à\s+)?[\w\-’']+(?:\s+[\w\-’']+)?\s+(?:that|que|qu['’]))\s*",
    re.IGNORECASE,
)
_INTERJECTION = re.compile(
    r"\W*(?:well|so|yes|no|look|listen|right|sure|indeed|oui|non|bon|bref|alors|écoutez|voilà|"
    r"ok|okay)\W*",
    re.IGNORECASE,
)
_AFTER_INCISE = re.compile(r"[^,.;:!?«»\"“”]{0,60},\s*(?P<rest>[^;]{8,}?)\s*[.;]?$")
# a greeting or a thank-you that is the whole statement (a transcript's opening lines)
_COURTESY = re.compile(
    r"\s*(?:(?:thank\s+you|thanks)(?:\s+(?:so\s+much|very\s+much|again|all(?:\s+for\s+coming)?))?(?:\s+for\s+(?:having\s+me|(?:your|the|that)\s+question))?|"
    r"good\s+(?:morning|afternoon|evening)|(?:it['’]s\s+|always\s+)?(?:good|great|a\s+pleasure)\s+to\s+"
    r"be\s+(?:with\s+you|here)|(?:(?:bonjour|bonsoir),?\s+(?:et\s+)?)?merci(?:\s+beaucoup)?"
    r"(?:\s+de\s+(?:m['’]avoir\s+invitée?|me\s+recevoir)(?:\s+[^.!?,«»]{0,40})?)?|bonjour|bonsoir|"
    # a briefing's hand-over to the questions: "And with that, I'll take questions.", "Je suis à
    # vous."
    r"(?:and\s+)?with\s+that,\s+I['’]ll\s+(?:take\s+(?:your\s+)?questions|open\s+it\s+up)|"
    r"je\s+suis\s+à\s+vous|je\s+vous\s+écoute)"
    r"(?:,\s*[A-ZÀ-Ý][\w\-’']*(?:\s+[A-ZÀ-Ý][\w\-’']*)?)?\s*[.!]?\s*",
    re.IGNORECASE,
)
_POINTS_BACK = re.compile(
    r"(?:C['’]est|Voilà|Telle est)\s+(?:ce\s+qu['’]e?|ce\s+que|la\s+position)\W*|"
    r"(?:That|This)\s+(?:is|was)\s+what\W*",
    re.IGNORECASE,
)
_SAYING_CLAUSE = re.compile(
    r"^\s*(?:and\s+|et\s+|but\s+|mais\s+)?(?:"
    # "We have said this many times", "I will say it again"
    r"(?:we|I)\s+(?:have\s+|will\s+)?(?:said|say|repeat(?:ed)?|told\s+you)\s+(?:this|it|that|so)\b"
    # "je le redis", "nous l'avons dit"
    r"|(?:nous|je|on)\s+(?:l['’]\s*(?:ai|avons|a)\s+|le\s+)(?:dit|redis|redit|répète|répétons|répété)\b"
    r")",
    re.IGNORECASE,
)


def _only_saying(quote: str) -> bool:
    """A quotation whose every clause is its speaker saying that they say it ("We have said
    this many times, and I will say it again for those who …"): it points at words elsewhere."""
    clauses = [c for c in re.split(r",\s*|;\s*", quote) if c.strip()]
    return (
        bool(clauses) and len(quote.split()) <= 30 and all(_SAYING_CLAUSE.match(c) for c in clauses)
    )


_RELATIVE = re.compile(r"[,\s](?:qui|who)\s*$")


def _clause(sentence: str, cue: Cue, cues: list[Cue]) -> str:
    """The part of a sentence, between contrast markers ("tandis que", ";"…) and coordinated
    clauses with a subject of their own, holding ``cue``: the evidence when one sentence
    carries two parties' statements."""
    bounds = [
        (m.start(), m.start() + (1 if sentence[m.start()] in ",;" else 0))
        for m in CONTRAST.finditer(sentence)
    ] + [(c.lead, c.lead) for c in cues if c.lead >= 0]
    start, end = 0, len(sentence)
    for at, after in sorted(bounds):
        if at <= cue.start:
            start = after
        elif at < end:
            end = at
            break
    return sentence[start:end]


def _mentions(
    resolver: SpeakerResolver, persons: list[tuple[int, int]], has_ner: bool
) -> Callable[[Sentence], list[PersonHit]]:
    """The person mentions of a sentence, from the gazetteer and the model's names (names by
    capitals alone when the model found none there)."""

    def people(sent: Sentence) -> list[PersonHit]:
        ner = [
            (s - sent.start, e - sent.start)
            for s, e in persons
            if sent.start <= s and e <= sent.end
        ]
        return resolver.people_in(sent.text, ner, use_caps=not (has_ner and ner))

    return people


_QUOTED_PART = re.compile(r"(?:\S+\s+){0,6}\S+")  # seven words at most
_LABEL = re.compile(r"^\s*[A-ZÀ-Ý]{3,}\s*[-–—:]\s*")  # "ENTRETIEN - Le chef …"


def _interviewee_office(
    talk: Discourse,
    resolver: SpeakerResolver,
    sentences: list[Sentence],
    found: list[list[tuple[Speaker, Cue | None]]],
) -> None:
    """An interviewee named in the title with no side, whose office the standfirst gives
    unnamed ("Le chef d'état-major de l'armée de Terre détaille …"): that office and its side
    are the interviewee's, for the standfirst's words and the answers."""
    voice = talk.voice
    if voice is None or not voice.interview or not voice.paras:
        return
    person = resolver.known_speaker(voice.hit)
    if person is None or person.party_id is not None:
        return
    first_answer = min(voice.paras)
    offices = [
        (i, sp)
        for i, (sent, here) in enumerate(zip(sentences, found, strict=True))
        if sent.para < first_answer
        for sp, _ in here
        if not sp.name
        and sp.party_id
        and not sp.indefinite
        and _person_office(_LABEL.sub("", sp.role))
    ]
    # the title's and standfirst's offices, not those of a report the interview comes in
    lead = sorted({s.para for s in sentences})[:_STANDFIRST]
    offices = [(i, sp) for i, sp in offices if sentences[i].para in lead]
    if not offices:
        # "La ministre norvégienne de la Pêche, qui a présidé les débats, revient pour notre
        # journal sur …": an office the standfirst describes without a statement
        described = _bare_office(resolver, [s for s in sentences if s.para in lead[1:]])
        if described is None:
            return
        sided = resolver.adopt(person, *described)
        resolver.sided_later[sided.name] = sided
        return
    if len({sp.party_id for _, sp in offices}) != 1:
        return
    office = offices[0][1]
    role = roles.strip_determiner(_LABEL.sub("", office.role))
    sided = resolver.adopt(person, role, office.party_id or "")
    resolver.sided_later[sided.name] = sided
    for i, _ in offices:
        found[i] = [(sided if sp is office else sp, c) for sp, c in found[i]]


# "(Sur le fond,) je veux être très claire :", "Let me be clear:", "Our position is well known
# and it has not changed:": the words announce what follows
_CLEAR_PREAMBLE = re.compile(
    r"(?:[^:«»“”\"]{0,30},\s*)?(?:(?:mais|but|and|et)\s+)?(?:je\s+(?:veux|tiens\s+à|voudrais)\s+"
    r"(?:être|le\s+dire|dire\s+les\s+choses)[^:«»“”\"]{0,25}|let\s+me\s+be\s+(?:very\s+)?"
    r"(?:clear|frank|direct)[^:«»“”\"]{0,25}|I\s+want\s+to\s+be\s+(?:very\s+)?clear"
    r"[^:«»“”\"]{0,25}|(?:our|notre)\s+position\s+(?:is|est)\s+(?:well\s+known|known|clear|"
    r"(?:bien\s+)?connue|claire)[^:«»“”\"]{0,40})\s*:\s*",
    re.IGNORECASE,
)
_STAGE_NOTE = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])\s*\.?\s*")
_STANDFIRST = 3  # paragraphs: the title, then the standfirst (a kicker may come before it)
# where an office's description stops: "La ministre …, qui a présidé les débats"
_OFFICE_END = re.compile(r"\s*[,;:()«»“”\"]|\s+(?:qui|que|who|which)\s")


def _bare_office(resolver: SpeakerResolver, lead: list[Sentence]) -> tuple[str, str] | None:
    """The one office of a person the standfirst names with no name beside it, and its side
    ("ministre norvégienne de la Pêche"); None with none, or offices of several sides. The
    office runs to its own last word or the word naming its side: "chef d'état-major de
    l'armée de Terre", not "… détaille les conditions …"."""
    found: list[tuple[str, str]] = []
    for sent in lead:
        for m in roles.ROLE_RE.finditer(sent.text):
            phrase = _OFFICE_END.split(sent.text[m.start() :], maxsplit=1)[0]
            if resolver.gaz.person_hits(phrase) or not _person_office(phrase):
                continue
            side = roles.infer_party(resolver.gaz, phrase)
            if side:
                ends = [h.end for h in resolver.gaz.party_hits(phrase) if h.party_id == side]
                found.append((phrase[: max(m.end() - m.start(), *ends[:1])].strip(), side))
    return found[0] if len({side for _, side in found}) == 1 else None


def _entry_heading(sentences: list[Sentence], i: int) -> bool:
    """ "14 h 30 – Barrot : Paris prête à « prendre sa part »": a live page's entry heading, a
    line of its own with no full stop whose quoted words the entry below gives in full."""
    sent = sentences[i]
    if sent.text.rstrip(' »”"’').endswith((".", "!", "?")):
        return False
    if i and live_pages.TIME_LINE.fullmatch(sentences[i - 1].text):
        # "15:52 GMT" then "Kremlin open to observers from 'neutral' states": the entry's title
        # (one that quotes someone, "Kallas: No deal 'over …'", is read as their words)
        plain = ":" not in sent.text and not quote_spans(sent.text)
        return plain and len(sent.text.split()) <= 16
    if not _STAMP_ONLY.match(sent.text):
        return False
    if i and sentences[i - 1].para == sent.para:
        return False
    below = [s.text for s in sentences[i + 1 :] if s.para != sent.para][:4]
    quoted = quote_text(sent.text)
    return bool(quoted) and any(quoted in text for text in below)


_CLOCK = r"\d{1,2}\s?[:h.]\s?\d{2}\s*[-–—]\s*"  # "14 h 12 –", "10:42 -": a live page's time
_STAMP_ONLY = re.compile(rf"^\s*{_CLOCK}\S")


def _person_office(role: str) -> bool:
    """ "Le chef d'état-major", "vice-ministre norvégienne des Affaires étrangères": a person's
    office, with its determiner or without."""
    return roles.is_title(role) or roles.head_office(role) in roles.PERSON_KEYS


def _finite(doc: Any, sent: Sentence) -> bool:
    """Whether a sentence has a finite verb (True when the parse cannot tell)."""
    return not nlp.has_parse(doc) or syntax.has_finite_verb(doc, sent.start, sent.end)


def _who(speaker: Speaker) -> str:
    return (
        f"{speaker.party_id or OTHER_PARTY} {speaker.name or '(' + (speaker.role or 'side') + ')'}"
    )


def _lang(article: Article) -> Lang:
    return "en" if (article.lang or "").lower().startswith("en") else "fr"


def _one_line(text: str) -> str:
    raw = _TIME_STAMP.sub("", re.sub(r"\s+", " ", text)).strip(" ,;:")
    text = _rebalance(raw.strip(' «»"“”,;:'), raw)
    if len(text) > _MAX_CLAIM:
        text = text[:_MAX_CLAIM].rsplit(" ", 1)[0] + "…"
    if _VERB_FIRST.match(text):
        return text  # "a demandé que …": the speaker's name goes before it
    return text[:1].upper() + text[1:]


# what opens a claim without being said: a live blog's "16:00 - ", a newsletter's "**Yes,
# but:** ", a wire's dateline "KYIV, Ukraine (AP) — "
_TIME_STAMP = re.compile(
    rf"^\s*(?:{_CLOCK}|\*\*[^*\n]{{1,40}}:\*\*\s*"
    r"|(?:[A-ZÀ-Ý][A-ZÀ-Ý\-’' ]{2,}(?:,[^()\n—–]{0,40})?|\d{1,2}\s+\w+\.?\s+\d{4})"
    r"\s*\([^)\n]{2,30}\)\s*[—–-]\s+)"
)
_VERB_FIRST = re.compile(r"(?:a|ont|avait|avaient|has|had|have)\s")


def _rebalance(text: str, raw: str) -> str:
    """Give back a quotation mark that trimming took off a claim (``text``, cut out of ``raw``)
    when the quotation opens or closes inside it: 'qualifiant le plan d'« irréaliste »'."""
    at = raw.find(text)
    lead, trail = raw[: max(at, 0)], raw[max(at, 0) + len(text) :]
    for opener, closer in (("«", "»"), ("“", "”"), ('"', '"')):
        opened = text.count(opener) - text.count(closer) if opener != '"' else text.count('"') % 2
        space = " " if opener == "«" else ""
        if opened > 0 and closer in trail:
            text = f"{text.rstrip()}{space}{closer}"
        elif opened and opener in lead:  # a quotation closing inside the claim, opened before
            text = f"{opener}{space}{text.lstrip()}"
    return text


# verbs of saying that are also plural nouns: "the Gulf states", "his notes"
_NOUN_VERB = re.compile(r"(?i:states|notes|claims|remarks|comments|reports|statements)")
# the question put to a speaker before the speaker and the verb: "Interrogé sur …", "Asked
# whether …", "À une journaliste qui lui demandait s'il …"
_ASKED_LEAD = re.compile(
    r"\b(?:interrogée?s?|questionnée?s?|asked|pressed|demandait|demandé)\b", re.IGNORECASE
)


def _named_in(speaker: Speaker, sentence: str) -> bool:
    """Whether a speaker is a side, or a person whose surname the sentence writes, not as the
    one the question is put to ("QUESTION: Secretary Rubio, European ministers said …")."""
    if not speaker.name:
        return True
    addressed = _VOCATIVE.match(sentence)
    appositive = addressed and _APPOSITION_CLOSED.match(sentence, addressed.end())
    if addressed is not None and not (appositive and roles.has_office(appositive.group(0))):
        sentence = sentence[addressed.end() :]  # not "General X, a former chief of staff, wrote"
    return fold(speaker.name.split()[-1]) in fold(sentence)


_APPOSITION_CLOSED = re.compile(r"(?:the|a|an|le|la|l['’]|un|une)\s[^,]{1,60},", re.IGNORECASE)
# the person a question turn opens by addressing: "Q: Minister Fidan, …", "Madame la ministre, …"
_VOCATIVE = re.compile(
    r"^(?:[^:«»\"“”]{0,60}:)?\s*(?:[A-ZÀ-Ý][\w’'.\-]*\s+){0,3}[A-ZÀ-Ý][\w’'\-]+,\s"
)


def _after_colon(cue: Cue | None) -> Cue | None:
    """ "Sur un autre point, il s'est montré inflexible : Moscou n'acceptera …": the claim is
    what the colon opens."""
    if cue is not None and ":" in cue.claim and not quote_spans(cue.claim.split(":", 1)[0]):
        rest = cue.claim.split(":", 1)[1].strip()
        if len(rest.split()) >= 4:
            cue.claim = rest[:1].upper() + rest[1:]
    return cue


def _opens_with_name(text: str, start: int) -> bool:
    """Whether the person named at ``start`` opens ``text`` (a label blanked), with at most a
    title before ("Andrii Sybiha called me …", "Secretary Rubio told me …")."""
    lead = text[:start].strip(" :—–-")
    return not lead or roles.is_title_words(lead)


def _another_side_acts(
    resolver: SpeakerResolver,
    doc: Any,
    sent: Sentence,
    hits: list[PersonHit],
    turn: Speaker | None,
    lang: Lang,
) -> list[tuple[Speaker, Cue | None]]:
    """A sentence of a record's turn (a parliament's, a transcript's) whose subject, opening
    it, is another side or its person taking a stance ("Turkey made it clear …", "Mr Fidan,
    the Turkish Foreign Minister, offered to lead …", "The Dutch and Canadian Prime Ministers
    both offered …"): that side's stance, reported, not the speaker's own; none when the
    speaker says it in the first person or judges what a side must do."""
    if turn is None or turn.party_id is None:
        return []
    words = without_label(sent.text)
    if _JUDGED.search(words) or _CLEFT.match(words):
        return []  # "C'est la Russie qui refuse …": the speaker's charge, stressed
    offset = len(sent.text) - len(words.lstrip())
    out: list[tuple[Speaker, Cue | None]] = []
    for stance in syntax.stances(doc, sent.start, sent.end, lang):
        opens = sent.text[: max(stance.subjects[0][0], 0)]
        if len(opens) > offset + 4 and not _CLAUSE_JOIN.search(opens):
            continue  # the subject opens the sentence or a clause of its own, not inside one
        if FIRST_PERSON.search(sent.text[offset : stance.at]):
            return []  # "I think Moscow rejected …"; not "…, which I welcome" after the verb
        parties = syntax.stance_parties(resolver.gaz, sent.text, stance)
        subject = sent.text[max(stance.subjects[0][0], 0) : stance.subjects[-1][1]]
        if not parties and roles.has_office(subject) and not resolver.gaz.person_hits(subject):
            # "The Dutch and Canadian Prime Ministers both offered …": the sides of the offices
            parties = [h.party_id for h in resolver.gaz.party_hits(subject)]
        people = [] if parties else sides.subject_people(resolver, stance, hits, sent.text)
        found = [Speaker("", "", pid) for pid in dict.fromkeys(parties)] + people
        if not found or any(sp.party_id in (None, turn.party_id) for sp in found):
            return []
        out += [(sp, None) for sp in found]
    return out


# a line set in bold, Markdown's way, no sentence inside ending before it: a heading
_BOLD_LINE = re.compile(r"\s*\*\*[^*]+\*\*\s*")
_OUR_VIEW_AFTER = re.compile(
    r",?\s+(?:and|but|et|mais)\s+(?:we|I|nous|je)\s+(?:think|believe|consider|welcome|"
    r"pensons|pense|estimons|estime|saluons|salue)\b"
)
_SAID_IT = re.compile(
    r"(?:has\s+|had\s+)?(?:said|told|repeated)\s+(?:it|so)\b[^,;:«»“”\"]{0,40}?[.!]?",
    re.IGNORECASE,
)
# after a verb of saying: "… said it on this program last week."
_IT_AFTER = re.compile(
    r"\s+(?:it|so)\s+(?:on|in|at|last|again|before|yesterday|publicly)\b[^,;:«»“”\"]{0,40}?[.!]?\s*"
)
# after a verb of saying: "… say many things every day.", "… dit beaucoup de choses."
_MANY_THINGS = re.compile(
    r"\s+(?:many|a\s+lot\s+of|lots\s+of|all\s+sorts\s+of|all\s+kinds\s+of|beaucoup\s+de|"
    r"bien\s+des|tant\s+de|toutes\s+sortes\s+de)\s+(?:things|choses)\b[^,;:«»“”\"]{0,30}?[.!]?\s*",
    re.IGNORECASE,
)
# "Son message, selon X : « … »", "Her answer, according to X: "…"": someone's words, relayed
_POSSESSED_WORDS = re.compile(
    r"\s*(?:Son|Sa|His|Her)\s+(?:message|réponse|consigne|avertissement|verdict|answer|warning|"
    r"reply)\b[^«»\"“”:]{0,80}:\s*[«\"“]"
)
_EMPTIED_INCISE = re.compile(r",\s*:")
_SHORT_TURN_WORDS = 6  # a sentence this short is read with the one before it of the same turn
_CLEFT = re.compile(r"\s*(?:C['’]est|Ce\s+sont|It\s+is|It['’]s)\s+", re.IGNORECASE)
_CLAUSE_JOIN = re.compile(r"(?:,|;)\s+(?:and|but|while|et|mais|tandis\s+que)\s+$")
# what a side must or cannot do is the speaker's judgement, not the side's deed
_JUDGED = re.compile(
    r"\b(?:must|should|cannot|can['’]t|ought|needs?\s+to|doi(?:t|vent)|devrai(?:t|ent)|"
    r"ne\s+peu(?:t|vent)|faut)\b",
    re.IGNORECASE,
)


def _merge_same_party(
    sentence: str, here: list[tuple[Speaker, Cue | None]]
) -> list[tuple[Speaker, Cue | None]]:
    """One position per party and clause, keeping a named speaker over a collective one
    ("L'UE refuse … ; Kaja Kallas a parlé de « … »": two clauses, two positions)."""
    best: dict[tuple[str | None, int, int], tuple[Speaker, Cue | None]] = {}
    for speaker, cue in here:
        # "X said …, and Y, his foreign minister, announced …": Y's clause of its own
        own = cue.lead if cue is not None and cue.lead >= 0 and speaker.name else -1
        slot = (speaker.party_id, _clause_index(sentence, cue), own)
        cur = best.get(slot)
        if cur is None or (speaker.name and not cur[0].name):
            if cur is not None and cur[1] is not None and cue is not None and cur[1].mode == "pre":
                cue = cur[1] if len(cur[1].claim) > len(cue.claim) else cue
            best[slot] = (speaker, cue)
    return list(best.values())


def _clause_index(sentence: str, cue: Cue | None) -> int:
    """Which clause between semicolons a cue stands in."""
    return 0 if cue is None else sentence.count(";", 0, cue.start)
