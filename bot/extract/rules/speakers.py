"""Who is speaking: resolves a cue's subject to a person and/or a party, with article memory.

Keeps, per article, the people mentioned so far (with the role and party read around them) and
the last salient speaker, so that "il", "selon lui", "M. X", "le négociateur russe" or "the
Ukrainian president" point back to the right person, and an unknown name lands on the party its
described role or nationality gives ("un collaborateur du président ukrainien, Ihor Zhovkva").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain.gazetteer import Gazetteer, Hit, PersonHit
from bot.domain.models import Person
from bot.extract.rules import mentions, roles
from bot.extract.rules import subject_patterns as sp
from bot.extract.rules.cue_patterns import NOT_SUBJECT_SEGMENT
from bot.extract.rules.mentions import NATIONAL_NOUN
from bot.extract.rules.quote_marks import inside_quotes, outside_quotes
from bot.extract.rules.subject_np import body_of_person, in_adjunct, is_complement, subject_np
from bot.textnorm import fold


@dataclass
class Speaker:
    name: str  # "" for a collective speaker or an unnamed official
    role: str
    party_id: str | None  # None: no known party (the engine files it under OTHER)
    person: Person | None = None
    indefinite: bool = False  # "un proche", "un diplomate": never who a later "il" means


_LABEL_COLON = re.compile(r"\s*:\s")
_VOCATIVE = re.compile(r"\s*(?:Monsieur|Madame)\s+(?:l[ea]\s+)?(?:[a-zà-ÿ\-]+\s+){1,2}")
# a side as the subject with an apposition naming its representative, then the verb
_SIDE_APPOSITION = re.compile(
    r"\s*(?P<side>(?:La|Le|L['’]|Les|The)?\s*[A-ZÀ-Ý][\w\-’']+(?:\s+[A-ZÀ-Ý][\w\-’']+)?),\s*"
    r"(?:représentée?s?\s+par|conduite?s?\s+par|represented\s+by|led\s+by)\b[^.;:]{3,160}?,"
    r"\s*(?=[a-zà-ÿ])"
)
_PATRONYMIC = frozenset({"bin", "ben", "ibn", "bint"})
_HONOURED = r"(?:Prince|Princess|Sheikh|Sheikha|Emir|King|Sultan|Cheikh|Émir|Roi|Prinz)"
_GAPPED_BY = re.compile(r",\s*(?P<side>[^,;]{2,40}?)\s+(?:by|par)\s+[^,;]{0,40}$")
# a newsletter item's lead-in before the sentence proper: "No easing on Rosatom: …"
_ITEM_LEAD = re.compile(r"\s*[A-ZÀ-Ý][^:.!?«»\"“”]{2,40}:\s+(?=[A-ZÀ-Ý])")
_HEADED_AFTER = re.compile(
    r",\s*(?:who|qui)\s+(?:heads|headed|leads|led|chairs|chaired|dirige|dirigeait|a\s+dirigé|"
    r"conduit|conduisait|a\s+conduit)\s+(?P<body>(?:the|la|le|l['’])\s*[^,.;:]{3,60}?"
    r"(?:delegation|délégation|government|gouvernement|ministry|ministère))\b",
    re.IGNORECASE,
)
# the offices "the President", "le Premier ministre" name, which a minister described does not hold
_LEADERS = frozenset({"president", "prime_minister", "chancellor", "vice_president"})
_DELEGATION = re.compile(
    r"(?:the|la|its|sa)\s+(?:\w+['’]s\s+)?(?:delegation|délégation)", re.IGNORECASE
)
_OWN_SIDE = re.compile(
    r"(?:his|her|their)\s+(?:country|Government|government|delegation|nation)"
    r"|(?:[Ss]on|[Ll]eur)\s+(?:pays|gouvernement)|[Ss]a\s+délégation",
    re.IGNORECASE,
)
# "…, où les États participants de l'Organisation …": a body a noun of a relative clause
# belongs to, not what the sentence is about ("Le Haut-Commissariat de l'ONU a …" is)
_RELATIVE_WORD = re.compile(r"\b(?:où|qui|que|dont|where|which|who|that)\b", re.IGNORECASE)
_GENITIVE_BEFORE = re.compile(r"\w\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|of\s+the\s+)$", re.I)


@dataclass
class _Known:
    name: str
    role: str
    party_id: str | None
    person: Person | None
    quoted: bool = False  # met only inside quotation marks: never what a title points back to


class SpeakerResolver:
    """Per-article memory and resolution of speakers."""

    def __init__(self, gaz: Gazetteer, lang: str) -> None:
        self.gaz = gaz
        self.lang = lang
        self._finite = sp.FINITE["en" if lang == "en" else "fr"]
        self.known: list[_Known] = []
        self._gender: dict[str, str] = {}  # name -> "f" / "m", when the article tells
        self.salient: Speaker | None = None
        self.last_collective: Speaker | None = None
        # "« … », confie un diplomate. Selon lui, …": an unnamed speaker is who "il" means in
        # the next sentence only; after that "il" goes back to the last named one
        self._indefinite: tuple[Speaker, int] | None = None
        self._collective: tuple[Speaker, int] | None = None
        self._sentence = 0
        self._person_at = -1  # the sentence where a person last spoke
        self._prev_party: str | None = None  # first party named by the sentence before
        self._prev_lead: str | None = None  # party the sentence before opens with
        self._this_lead: str | None = None
        self._prev_pronoun = self._this_pronoun = False  # the sentence opens with "il"/"she"
        self._this_party: str | None = None
        self._pair: list[Speaker] = []  # the two sides' people a sentence last named together
        self._pair_spoke = -10  # the sentence where "the leaders" last spoke
        # a portrait: "Le patron de la diplomatie norvégienne…", "L'ancien négociateur…" before
        # the name; the same description later means that person again, not who spoke last
        self._pending: list[str] = []
        self._bound: list[tuple[str, Speaker]] = []
        self.revealed: list[tuple[Speaker, Speaker]] = []  # (unnamed described, who it was)
        # the side a run of sentences is about, no person named: a heading naming one side, a
        # sentence opening with one, then sentences opening with a pronoun ("It opposes …")
        self.side_topic: str | None = None
        # the side of the ministry a transcript or statement is published under ("Ministry of
        # Foreign Affairs of Japan"): a bare office in it ("Foreign Minister X") is that side's
        self.masthead: str | None = None
        # the body whose release the article is ("Conseil de l'UE" on its first line): its
        # head noun folded ("conseil") and its side; "Le Conseil …" is that body speaking
        self.body: tuple[str, str] | None = None
        # offices written next to a name ("Ola Strand, the fisheries minister"): the same
        # office said of no one, before or after, is that person's
        self._offices: list[tuple[str, _Known]] = []
        self._last_body: tuple[Speaker, int] | None = None  # a side's body, where last named
        # people of no side a later description gave one ("ce responsable nommé par Kyiv")
        self.sided_later: dict[str, Speaker] = {}
        # the side of the person whose interview or briefing answer this is: "the President"
        # in a White House spokesperson's answer is the American one
        self.turn_party: str | None = None
        self.turn_name = ""  # the person whose interview turn it is: "me" in "il m'a dit"
        # towns the article itself places in a country ("Berdytchiv, dans le centre de
        # l'Ukraine"): their officials serve that side, as the gazetteer's places do
        self._places: dict[str, str] = {}
        self._dateline: str | None = None  # the side of the dateline's place ("" if none)
        # a portrait's subject (surname) and the side its title and standfirst name first
        self.portrait: tuple[str, str] | None = None

    # ------------------------------------------------------------------ mentions
    def people_in(
        self, text: str, ner: list[tuple[int, int]], use_caps: bool = False
    ) -> list[PersonHit]:
        """Person mentions of a sentence (see mentions.people_in), not a town the article
        placed."""
        hits = mentions.people_in(self.gaz, text, ner, use_caps)
        kept = [h for h in hits if fold(h.text) not in self._places]
        if len(kept) < len(hits) and not use_caps:  # the model took the town for a name: the
            # names it may have missed beside it are read from the capitals
            hits = mentions.people_in(self.gaz, text, ner, True)
            kept = [h for h in hits if fold(h.text) not in self._places]
        # "Monsieur le député Kerhervé, je vous remercie …": the one addressed, not a speaker
        kept = [
            h
            for h in kept
            if not (_VOCATIVE.fullmatch(text[: h.start]) and text[h.end :].lstrip().startswith(","))
        ]
        return self._met_again(text, kept)

    def _met_again(self, text: str, hits: list[PersonHit]) -> list[PersonHit]:
        """``hits`` and the full names of people already met that ``text`` writes again where
        the model saw no name ("Ingrid Solberg : Non." in a transcript, after "Ingrid Solberg,
        ambassadrice …")."""
        added: list[PersonHit] = []
        for k in self.known:
            if len(k.name.split()) < 2 or k.quoted:
                continue
            start = text.find(k.name)
            while start >= 0:
                end = start + len(k.name)
                whole = not (start and text[start - 1].isalnum()) and not (
                    end < len(text) and text[end].isalnum()
                )
                if whole and not any(h.start < end and start < h.end for h in (*hits, *added)):
                    added.append(PersonHit(start, end, k.name, k.person))
                start = text.find(k.name, end)
        for k in self.known:
            # "Prince Faisal told reporters" after "Prince Faisal bin Farhan": a name with a
            # patronymic particle, called by the title and the given name
            words = k.name.split()
            if len(words) < 3 or fold(words[1]) not in _PATRONYMIC or k.quoted:
                continue
            for m in re.finditer(rf"\b{_HONOURED}\s+(?P<given>{re.escape(words[0])})\b", text):
                after = text[m.end("given") :].split()[:1]
                if after and fold(after[0]) in _PATRONYMIC:
                    continue  # the full name, read above
                if not any(h.start < m.end() and m.start("given") < h.end for h in (*hits, *added)):
                    added.append(PersonHit(m.start("given"), m.end("given"), k.name, k.person))
        return sorted((*hits, *added), key=lambda h: h.start) if added else hits

    def remember(self, text: str, hits: list[PersonHit]) -> None:
        """Record the people of a sentence with the role written next to them."""
        self._sentence += 1
        self._learn_places(text)
        plain = outside_quotes(text)  # the words quoted set no context, nor the party accused
        named = [h for h in self.gaz.party_hits(plain) if not _ACCUSED.search(plain[: h.start])]
        # "Elle sort de trois jours de négociations à Vienne.": where the talks were is not whose
        # office the next sentence's "conseillère fédérale" is; "À Kiev, …" opening a sentence
        # is the side's view
        sided = [h for h in named if _about(plain, h)]
        # the side a sentence opens with, its subject's ("La délégation russe arrive.")
        opening = [h for h in named if len(plain[: h.start].split()) <= 3]
        this = sided[0].party_id if sided else None
        if hits and len(text[: hits[0].start].split()) <= 3 and not opening:
            # "X added that the government is counting on the European Union": a person's
            # sentence is about the person's side (when known), not a side in what X said
            opener = self.known_speaker(hits[0])
            person = hits[0].person
            this = opener.party_id if opener is not None else None
            this = this or (person.party_id if person is not None else None)
        self._prev_party, self._this_party = self._this_party, this
        self._prev_lead, self._this_lead = self._this_lead, opening[0].party_id if opening else None
        self._prev_pronoun, self._this_pronoun = (
            self._this_pronoun,
            bool(sp.SINGULAR_PRONOUN_START.match(text)),
        )
        self.side_topic = self._side_topic(text, opening, hits)
        ctx = roles.lead_context_party(self.gaz, text)
        met: list[_Known] = []
        for h in hits:
            after = mentions.role_after(text, h.end)
            role = (
                mentions.role_before(text, h.start) or after or mentions.role_predicate(text, h.end)
            )
            if not role and h.person is None and roles.INTERVIEWER_BEFORE.search(text[: h.start]):
                role = "journaliste"  # "… répondait aux questions de Julien Morel": the host
            if roles.is_former(role):
                # "ancienne négociatrice …, X, est vice-ministre …": the office held now
                role = mentions.role_predicate(text, h.end) or role
            # "le colonel X, attaché de défense à l'ambassade d'Ukraine": the rank names no
            # side, the apposition does
            unsided = h.person is None and after and after != role and not self._sided(role)
            if unsided and self._sided(after):
                role = f"{role}, {after}"
            pm = None if role else sp.POSSESSIVE_END.search(text[: h.start])
            if pm and roles.has_office(pm.group(0)):  # "Pékin a dépêché son envoyé, Li H."
                role = pm.group(0).strip(" ,")
            ctx = ctx or self._possessive_party(role, text[: h.start])
            fresh = len(self.known)
            k = self._learn(h, role, ctx, text[: h.start])
            if role and roles.has_office(role) and not roles.is_former(role):
                self._offices.append((_description(role), k))
            if self.known.index(k) >= fresh:  # first met here
                k.quoted = inside_quotes(text, h.start)
            met.append(k)
        sides = {k.party_id: k for k in met if k.name and k.party_id and not k.quoted}
        if len(sides) == 2:
            self._pair = [Speaker(k.name, k.role, k.party_id, k.person) for k in sides.values()]
        near = self.salient
        if (
            len(sides) == 1
            and sp.SINGULAR_PRONOUN_START.match(text)
            and _COUNTERPART.search(text)
            and near is not None
            and near.name
            and near.party_id not in (None, *sides)
        ):  # "He spoke alongside his Lithuanian counterpart, X": the two of them
            other = next(iter(sides.values()))
            self._pair = [near, Speaker(other.name, other.role, other.party_id, other.person)]

    def _learn_places(self, text: str) -> None:
        dateline = _DATELINE.match(text) if self._dateline is None else None
        if dateline is not None:  # "CITY, Country (AP) —": where the story is told from
            hits = self.gaz.party_hits(dateline.group("where"))
            self._dateline = hits[0].party_id if hits else ""
        for m in _PLACED.finditer(text):
            hits = [h for h in self.gaz.party_hits(m.group("country")) if h.kind != "place"]
            if hits and not self.gaz.party_hits(m.group("place")):
                town = fold(m.group("place"))
                self._places[town] = hits[0].party_id
                self.known = [k for k in self.known if fold(k.name) != town]  # not a person

    def _by_first_name(self, name: str) -> _Known | None:
        """The one person met under a full name whose first name is ``name`` alone ("Marco"
        after "Marco Rubio", "Marco [Rubio]"), or None."""
        if " " in name or not name[:1].isupper():
            return None
        found = {
            k.name: k
            for k in self.known
            if k.party_id and len(k.name.split()) >= 2 and k.name.split()[0] == name
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _local_side(self, role: str) -> str | None:
        """The side of a town the article placed, named in ``role`` ("maire de Berdytchiv")."""
        folded = fold(role)
        return next((p for town, p in self._places.items() if town in folded), None)

    def _sided(self, role: str) -> bool:
        return roles.infer_party(self.gaz, role) is not None

    def both_leaders(self, subject: str) -> list[Speaker]:
        """ "The leaders agreed that…", "les deux dirigeants ont appelé…": the two people of
        two sides that a sentence last named together (a meeting's readout)."""
        last = subject.rsplit(",", 1)[-1].strip().lstrip('«“"').strip()
        if sp.BOTH_LEADERS.fullmatch(last) and self._pair:
            self._pair_spoke = self._sentence
            return list(self._pair)
        if _THEY.fullmatch(last) and self._pair and self._sentence - self._pair_spoke <= 2:
            # "« Les dirigeants saluent … » Ils soulignent que …": the two leaders still
            self._pair_spoke = self._sentence
            return list(self._pair)
        return []

    def last_pair(self) -> list[Speaker]:
        """The two people of two sides a sentence last named together."""
        return list(self._pair)

    def note_byline(self, hits: list[PersonHit]) -> None:
        """The people of a byline are reporters: known, but speaking for no party."""
        for h in hits:
            self._learn(h, "journaliste")

    def _learn(self, h: PersonHit, role: str, ctx: str | None = None, before: str = "") -> _Known:
        person = h.person
        gender = _gender_of(role, before)
        if gender:
            self._gender.setdefault(mentions.display_name(h.text, person), gender)
        # "le haut représentant adjoint, le Belge X": the office speaks for the party, not the
        # nationality, which counts only when nothing else names one
        office, _, nationality = role.rpartition(", ")
        if not (office and NATIONAL_NOUN.fullmatch(nationality.strip())):
            office, nationality = role, ""
        party = (
            person.party_id if person else (roles.infer_party(self.gaz, office) if role else None)
        )
        if person is None and roles.is_former(office):
            party = None  # "l'ancien secrétaire général de l'Otan": speaks for no one now
        now = _NOW_OFFICE.search(office)
        if person is not None and now:
            # "the former Nato secretary-general who is now Norway's finance minister": the
            # office the text gives today outranks the gazetteer's
            party = roles.infer_party(self.gaz, now.group("office")) or party
        if (
            party is None
            and person is None
            and self.masthead
            and roles.has_office(office)
            and not nationality
            and not self.gaz.party_hits(office)
        ):
            # "Foreign Minister X" under "Ministry of Foreign Affairs of Japan"
            party = self.masthead
        if party is None and person is None and ctx and roles.speaks_for_context(role):
            party = ctx  # "Côté russe, le vice-ministre X": the office, of the side named first
        if (
            party is None
            and person is None
            and roles.speaks_for_context(role)
            and not _LOCAL.search(role)
        ):
            # "Moscou (…), mais le porte-parole, X" / "La France soutient… Le ministre des Affaires
            # étrangères, X, a assuré": an office with no nationality serves the party named
            # before it in the sentence, else the one the sentence before was about
            cut = before.rfind(nationality.strip()) if nationality else -1
            told = _without_adjuncts(outside_quotes(before[:cut] if cut >= 0 else before))
            item = _ITEM_LEAD.match(told)
            if item is not None:
                told = told[item.end() :]  # "No easing on Rosatom: That line is backed by …"
            # "l'envoyé spécial pour l'Ukraine, le diplomate ghanéen X": the file an envoy is
            # sent on is not the envoy's side
            named = [
                h
                for h in self.gaz.party_hits(told)
                if not roles.hosted(told, h.start) and not _ACCUSED.search(told[: h.start])
            ]
            # a general with no army named is as likely a commentator on a set as an officer
            ranked = roles.head_office(office) == "commander"
            party = named[0].party_id if named else (None if ranked else self._prev_party)
            gapped = _GAPPED_BY.search(told)
            if gapped is not None and named:
                # "Russia was represented by X, Ukraine by Foreign Minister Y": the side the
                # gapped clause names, just before the office
                near = [h for h in named if h.start >= gapped.start("side")]
                party = near[0].party_id if near else party
        if party is None and nationality:
            party = roles.infer_party(self.gaz, nationality)
        if party is None and person is None and role and self._places:
            party = self._local_side(role)
        if party is None and person is None and self._dateline and _LOCAL_TITLE.match(role):
            party = self._dateline  # "Regional Gov. X" in a story datelined in that country
        if person is None and (_OPPOSITION.search(role) or _OPPOSITION_THEN.search(before)):
            party = None  # "a lawmaker from the opposition …": speaks for no government
        name = mentions.display_name(h.text, person)
        called = self._by_first_name(name) if person is None and not role else None
        if called is not None:
            return called  # "I told Marco [Rubio] so. … Marco told me himself that …"
        if party is None and person is None and self.portrait is not None:
            surname, side = self.portrait
            party = side if fold(name).split()[-1:] == [surname] else None
        for k in reversed(self.known):
            if _same(k, name, person):
                k.name = name if len(name) > len(k.name) else k.name
                # a transcript's caption in capitals does not replace the office already read
                k.role = k.role if k.role and role.isupper() else role or k.role
                k.party_id = k.party_id or party
                self.known.remove(k)
                self.known.append(k)
                return k
        k = _Known(
            name,
            role
            or (
                person.role_fr if self.lang == "fr" and person else person.role_en if person else ""
            ),
            party,
            person,
        )
        self.known.append(k)
        return k

    # ------------------------------------------------------------------ resolution
    def resolve(
        self, mode: str, subject: str, sentence: str, hits: list[PersonHit], offset: int
    ) -> Speaker | None:
        """The speaker of a cue; ``offset`` is where ``subject`` starts in ``sentence``."""
        bullet = sp.BULLET.match(subject)
        if bullet:  # "- Ushakov told …": a list item's mark is no part of the subject
            subject, offset = subject[bullet.end() :], offset + bullet.end()
        stressed = _STRESSED_SUBJECT.search(subject)
        if stressed and subject[: stressed.start()].strip():
            subject = subject[: stressed.start()]  # "Varsovie, elle, réclame": Varsovie
        clitic = _CLITIC_AFTER.match(subject)
        if clitic:  # "Il lui a redit que …": the subject is "il"
            subject = clitic.group("pron")
        elif self.lang == "fr":  # "Mon homologue allemand m'a assuré": not "… m'"
            subject = _OBJECT_CLITIC_END.sub("", subject)
        lead_pp = _LEAD_PHRASE.match(subject) if self.lang == "en" else None
        if lead_pp:  # "In both calls the Secretary underscored": the phrase is no subject
            subject, offset = subject[lead_pp.end() :], offset + lead_pp.end()
        if mode == "pre":
            subject = _opening_name(subject, hits, offset)
        np, np_start = subject_np(self.gaz, self.lang, mode, subject, offset)
        np = _STRESSED.sub("", np)  # "Le président ukrainien, lui, …": the title alone
        setting = _SETTING.match(np)
        if setting and roles.is_title(np[setting.end() :]):
            np, np_start = np[setting.end() :], np_start + setting.end()  # "À Denain, la ministre"
        if not np:
            return None
        released = self.body_side(np)
        if released is not None:
            return Speaker("", np.strip(), released)  # "Le Conseil condamne …" under its name
        if _OWN_SIDE.fullmatch(np.strip()):
            return self.own_side(np)
        behalf = (
            roles.behalf_party(self.gaz, sentence) if _DELEGATION.fullmatch(np.strip()) else None
        )
        if behalf:  # "Speaking for the European Union, the Union's delegation said …"
            return Speaker("", "", behalf)
        if sp.PRONOUN.match(np.strip()):
            side_pronoun = sp.side_pronoun(self.lang)
            opens = self.lang == "en" or not sentence[:np_start].strip(" -–—•*")
            if self.side_topic and opens and side_pronoun.match(np):
                return Speaker("", "", self.side_topic)  # "Norway … It demands that …"
            if sp.PLURAL_PRONOUN.match(np.strip()):
                if (
                    np.strip().lower() == "it"
                    and self.salient is not None
                    and not self.salient.name
                ):
                    return self.salient  # "…," it said: the body that spoke last
                return self.last_collective  # "ils"/"they": a group, never the last person
            target = self._subject_here(sentence, hits, np_start)
            titled = title_opening(sentence) if target is None and np_start > 0 else ""
            if titled:  # "The Secretary spoke with X, … but he was clear that …"
                target = self.resolve("source", titled, sentence, [], 0)
            target = target or self.pronoun_target()
            after_np = np_start + len(np.rstrip())
            if _TO_ME.match(sentence, after_np) and target is not None:
                # "J'ai eu X au téléphone. Il m'a dit que …": "il" told the one speaking (the
                # interview's turn), so it is the last other person named
                target = self._other_than(self.turn_name or target.name) or target
            elif (
                _TOLD_ME.match(sentence, after_np)
                and self.turn_name
                and (target is None or target.name == self.turn_name)
            ):
                target = self._other_than(self.turn_name) or target
            said = _GENDER_OF_PRONOUN.get(np.strip().lower())
            theirs = self._gender.get(target.name) if target is not None else None
            if said and theirs and said != theirs:
                # "elle" of a man, "il" of a woman: someone else, unknown
                return None
            if said and target is not None and not target.name and _plural_role(target.role):
                return None  # "répète-t-elle" after "Ses homologues russes disent …"
            if said and target is not None and target.name and not theirs:
                self._gender[target.name] = said  # "…," she said: who "she" is from now on
            return target
        inside = [h for h in hits if np_start <= h.start and h.end <= np_start + len(np) + 1]
        if not inside and sp.DEMONSTRATIVE_PERSON.match(np) and not self.gaz.party_hits(np):
            pointed = self.pronoun_target()
            if pointed is not None and pointed.name:
                return pointed
        speaker_hit = None
        first = np.split(",")[0]
        if inside and inside[0].start <= np_start + 1 and sp.NAME_ONLY.match(first.strip()):
            inside = inside[:1]  # "Jane Doe, a researcher at Some House": the name comes first
        elif inside and "," in np and np_start + len(first.rstrip()) <= inside[0].end:
            # "Senator Lindsey Graham, a close Trump ally, said": a title and the name, then
            # an apposition whose names are not the speaker
            title = sentence[np_start : inside[0].start]
            if roles.has_office(title) and not _OF.search(title) and len(title.split()) <= 4:
                inside = inside[:1]
        for h in inside:
            if not is_complement(sentence[np_start : h.start], sentence[h.end :]):
                speaker_hit = h
        if speaker_hit is not None:
            role_text = sp.TRAILING_HONORIFIC.sub("", np[: speaker_hit.start - np_start])
            clause = list(sp.SUBJECT_CLAUSE_START.finditer(role_text))
            if clause:  # "Ministers meet in Bergen as X says": no role
                role_text = role_text[clause[-1].end() :]
            if mentions.PLACE_OR_TIME.search(role_text):
                # "At prime minister's questions, X told MPs", "In Washington, State Department
                # spokesperson X": the setting is no part of the role
                role_text = role_text[role_text.rfind(",") + 1 :] if "," in role_text else ""
            after = np[speaker_hit.end - np_start :]
            apposed = roles.ROLE_RE.search(after)
            plural = apposed is not None and apposed.group(0).split()[0].endswith("s")
            if after.lstrip().startswith(",") and not plural:
                # "X, the minister": an apposition, not a setting ("Secretary X, European
                # foreign ministers said …" names X, then the subject)
                role_text += after
            role = (
                roles.strip_determiner(role_text.strip(" ,"))
                if roles.has_office(role_text) and not mentions.media_office(role_text)
                else ""
            )
            if not role:
                role = mentions.role_after(sentence, speaker_hit.end)
            ctx = roles.lead_context_party(self.gaz, sentence) or roles.behalf_party(
                self.gaz, sentence
            )
            ctx = ctx or self._possessive_party(role, sentence[: speaker_hit.start])
            ctx = ctx or self._headed_party(sentence, speaker_hit.end)
            known = self._learn(speaker_hit, role, ctx, sentence[: speaker_hit.start])
            described = _APPOSED.match(sentence, speaker_hit.end)  # "X, a senior fellow at …"
            if self._pending and not known.party_id and not known.role and not described:
                # "la ministre des Armées promet …" in the title, then "Hélène Marchal a
                # défendu …": the bare name is the office's holder
                return self._reveal(Speaker(known.name, known.role, known.party_id, known.person))
            return Speaker(known.name, known.role, known.party_id, known.person)
        body = any(body_of_person(sentence[np_start : h.start], sentence[h.end :]) for h in inside)
        if inside and speaker_hit is None and not body and not roles.head_office(np.split(",")[0]):
            # "L'ami de trente ans de Donald Trump, …, se dit convaincu": not Trump; the
            # person the text is about, when there is one
            about = self.pronoun_target()
            if about is not None and about.name and not _same_person(about, inside):
                return about
        if sp.NAME_ONLY.match(np.strip()) and not self.gaz.party_hits(np):
            for k in reversed(self.known):  # a surname met before ("Nowak said", "M. Demir")
                if _same(k, np.strip(), None):
                    return Speaker(k.name, k.role, k.party_id, k.person)
            called = self._by_first_name(np.strip())  # "Espen told me", after "Espen Barth Eide"
            if called is not None:
                return Speaker(called.name, called.role, called.party_id, called.person)
        # "L'ancienne négociatrice de l'OSCE": a former office speaks for no side of today
        party = None if roles.is_former(np) else roles.infer_party(self.gaz, np)
        key = roles.head_office(np)
        definite = _DEFINITE.match(np)
        if party is None and key in roles.PERSON_KEYS and definite:
            party = roles.lead_context_party(self.gaz, sentence)  # "Côté ukrainien, la ministre"
        if party is None and key:
            party = roles.behalf_party(self.gaz, sentence)  # "Speaking for France, the delegate"
        if party is None and definite and key and self._indefinite is not None:
            # '"…," a senior Turkish official said. … The official said …': the same one
            prior, said_at = self._indefinite
            office = fold(roles.strip_determiner(np)).strip()
            if self._sentence - said_at <= 2 and re.search(
                rf"\b{re.escape(office)}$", fold(prior.role)
            ):
                return prior
        this = self._this_one(np, party, key)
        if this is not None:
            return this
        holder = self._described(np, party, key)
        if holder is not None:
            return holder
        role = roles.strip_determiner(np) if key else ""
        if party is None and key in roles.PERSON_KEYS:
            party = self._possessive_party(np, sentence[:np_start])
        if party is None and key is None:
            last = self._last_body
            if _OWNERLESS_DOCUMENT.fullmatch(np) and last and self._sentence - last[1] <= 2:
                return last[0]  # '"…," the statement reads.': the words of the body just named
            if mode in ("pre", "post") and ANONYMOUS_SOURCE.fullmatch(np):
                return Speaker("", "", None, indefinite=True)  # "one of the people familiar …"
            return None
        indefinite = bool(re.match(r"\s*(?:un|une|a|an|one)\s", np, re.IGNORECASE))
        return Speaker("", role, party, indefinite=indefinite)

    def _subject_here(self, sentence: str, hits: list[PersonHit], at: int) -> Speaker | None:
        """ "Poland's prime minister Donald Tusk has posted on X. Warsaw, he wrote, …": the one
        person a sentence opens on, before any verb, is who its "he"/"il" means."""
        verb = self._finite.search(sentence)
        lead = [
            h
            for h in hits
            if h.end <= at
            and (verb is None or h.end <= verb.start())
            and not in_adjunct(sentence, h.start)
            and not inside_quotes(sentence, h.start)
            and not (h.person is None and self.gaz.party_hits(h.text))  # "X. Vilnius"
            and (h.person is not None or len(h.text.split()) >= 2)  # "Questionnée sur …, elle"
        ]
        # "President X, he added, has …": X is the subject of the words reported, not "he"
        lead = [h for h in lead if sentence[h.end : at].strip() not in ("", ",")]
        if verb is None or title_opening(sentence):
            # "The Secretary spoke with X, and he …": not X, the object
            lead = [h for h in lead if not _OBJECT_BEFORE.search(sentence[: h.start])]
        names = {fold(mentions.display_name(h.text, h.person)) for h in lead}
        if len(names) != 1:
            return None
        return self.known_speaker(lead[0])

    def _described(self, np: str, party: str | None, key: str | None) -> Speaker | None:
        """The person a description points back to, or None: "l'ancien premier ministre
        néerlandais", "L'Argentin", "le vice-président du Conseil de sécurité", "le négociateur
        russe", "le secrétaire d'État adjoint", "la responsable européenne", "le diplomate"."""
        bound = self._bound_to(np)
        if bound is not None:
            return bound
        office = fold(roles.strip_determiner(np))
        for k in reversed(self.known):
            # "Le directeur général de l'AIEA a précisé …" after Rafael Grossi was named among
            # others: the one named whose office that is, in the gazetteer's words
            if (
                k.person is not None
                and not k.quoted
                and len(office) > 12
                and office in (fold(k.person.role_fr), fold(k.person.role_en))
            ):
                return Speaker(k.name, k.role, k.party_id, k.person)
        media = mentions.media_office(np)  # "le journal": a paper, no one's office
        for k in reversed(self.known if key not in roles.PERSON_KEYS and not media else []):
            # "le cardinal X, envoyé du pape Y, …. Le cardinal, lui, …": the one met with
            # that very office, not the last person of its side (titles of persons, "the
            # President", "la ministre", are read below)
            if (
                k.name
                and not k.quoted
                and office
                and fold(roles.strip_determiner(k.role)) == office
                and not self._gender_clash(np, Speaker(k.name, k.role, k.party_id, k.person))
            ):
                return Speaker(k.name, k.role, k.party_id, k.person)
        if party and _COUNTERPART.search(np) and _POSSESSIVE_COUNTERPART.match(np):
            # "Mon homologue allemand m'a assuré …" after "je l'ai dit à Johann Wadephul"
            counterpart = self._last_of(party, quoted=False)
            if counterpart is not None:
                return counterpart
        if sp.FORMER.match(np) and self.salient is not None and self.salient.name:
            return self.salient  # a former office: who spoke last
        named = self._anaphor(np, party, key)
        if named is not None:
            return named
        definite = _DEFINITE.match(np)
        if party is None and _HEAD_OF_STATE.search(np):
            party = self._this_party  # "D'après la présidence ukrainienne, le chef de l'État"
        if party is None and definite and key in roles.PERSON_KEYS and self.turn_party:
            party = self.turn_party  # not the president a reporter's question named
        if key in roles.PERSON_KEYS and definite and roles.is_title(np):
            last = self.salient  # "the president said", right after the president spoke
            if (
                last is not None
                and last.name
                and not self._gender_clash(np, last)
                and party in (None, last.party_id)
                and key not in roles.GENERIC_KEYS
                and roles.role_matches(last.role, key)
                and _secretary_fits(np, last.role)
                and not _other_portfolio(np, last)
            ):
                return last
            for k in reversed(self.known):
                if k.quoted or not _secretary_fits(np, k.role):
                    continue
                if _other_portfolio(np, Speaker(k.name, k.role, k.party_id, k.person)):
                    continue  # "le ministre des Finances": not the foreign minister
                if self._gender_clash(np, Speaker(k.name, k.role, k.party_id, k.person)):
                    continue  # "La négociatrice": not the man who leads the delegation
                if (party is None or k.party_id == party) and _holds(k, key):
                    return Speaker(k.name, k.role, k.party_id, k.person)
            near = self.pronoun_target()  # "Le secrétaire d'État adjoint": who just spoke
            if (
                near is not None
                and near.name
                and party in (None, near.party_id)
                and not self._gender_clash(np, near)
                and not _holds_another(near, key)
                and _secretary_fits(np, near.role)
                and not _other_portfolio(np, near)
                # "le ministre des Finances" right after an MP spoke: not the MP
                and (
                    not roles.portfolios(np)
                    or roles.role_matches(near.role, key)
                    or roles.gazetteer_holds(near.person, key)
                )
            ):
                return near
        if key != "official" or not definite or sp.PLURAL_NP.match(np):
            return None
        if party:  # "la responsable européenne", "le diplomate russe": the last of that party
            return self._last_of(party)
        near = self.pronoun_target()  # "a insisté le prélat", "The official said": who spoke
        return near if near is not None and (near.name or near.party_id) else None

    def _other_than(self, name: str) -> Speaker | None:
        """The person last met in the article who is not ``name`` (named, not only quoted; not
        a transcript's label of initials, "K. K.", met as a name)."""
        for k in reversed(self.known):
            if k.name and not k.quoted and k.name != name and "." not in k.name:
                return Speaker(k.name, k.role, k.party_id, k.person)
        return None

    def _this_one(self, np: str, party: str | None, key: str | None) -> Speaker | None:
        """A demonstrative description ("ce responsable nommé par Kyiv", "this official") is
        the person just spoken of; a side it names becomes that person's when they had none."""
        if key is None or not _DEMONSTRATIVE.match(np):
            return None
        near = self.pronoun_target()
        if near is None or not near.name or self._gender_clash(np, near):
            return None
        if near.party_id is None and party is not None:
            near = self.adopt(near, near.role, party)
            self.sided_later[near.name] = near
            self.salient = near
        return near if party in (None, near.party_id) else None

    def _gender_clash(self, np: str, who: Speaker) -> bool:
        """Whether a title and a person are of two genders ("la négociatrice", a man)."""
        said = _gender_of(roles.strip_determiner(np), np)
        theirs = self._gender.get(who.name) or _gender_of(who.role, "")
        return bool(said and theirs and said != theirs)

    def _anaphor(self, np: str, party: str | None, key: str | None) -> Speaker | None:
        """ "L'Argentin a plaidé…" (a nationality noun) or "le vice-président du Conseil de
        sécurité" (the office of the person just named): the person the text is about."""
        last = self.salient
        if last is None or not last.name:
            return None
        noun = np.strip()
        if NATIONAL_NOUN.fullmatch(noun[:1].lower() + noun[1:]) and not self.gaz.party_hits(np):
            if party is None or party == last.party_id:
                return last
            return self._last_of(party)
        office = roles.strip_determiner(np)
        if key and len(office) > 12 and fold(office) in fold(last.role):
            return (
                last  # "le vice-président du Conseil de sécurité" of "… Conseil de sécurité russe"
            )
        return None

    def _possessive_party(self, role: str, before: str) -> str | None:
        """ "son porte-parole", "sa ministre": the party of the owner, the first party named
        earlier in the sentence, else the last collective speaker."""
        if not sp.POSSESSIVE_ROLE.match(role) and not sp.POSSESSIVE_END.search(before):
            return None
        hits = self.gaz.party_hits(outside_quotes(before))  # not a place the quotation names
        if hits:  # the owner is the sentence's subject, not a place named after it
            return hits[0].party_id
        if self._prev_lead:  # "La délégation russe arrive. Son chef, X, …"
            return self._prev_lead
        near = self.salient  # "La maire … Son adjoint, X, …": the side of the one just quoted
        if self._prev_pronoun and near is not None and near.name and near.party_id:
            return near.party_id  # "Il exige … d'investisseurs russes. Son ministre, X": his
        if self._prev_party:
            return self._prev_party
        if near is not None and near.name and near.party_id:
            return near.party_id
        return self.last_collective.party_id if self.last_collective else None

    def meet(self, hit: PersonHit, role: str) -> Speaker:
        """The person a mention names, learnt with ``role`` if the article had not named them."""
        k = self._learn(hit, role)
        return Speaker(k.name, k.role, k.party_id, k.person)

    def known_speaker(self, hit: PersonHit) -> Speaker | None:
        """The person a mention names, as met so far in the article (None if not met)."""
        name = mentions.display_name(hit.text, hit.person)
        for k in reversed(self.known):
            if _same(k, name, hit.person):
                return Speaker(k.name, k.role, k.party_id, k.person)
        return None

    def note_statement(self, speaker: Speaker) -> None:
        """After a statement: a person or a single official becomes who "il"/"he" means next."""
        if speaker.indefinite:
            self._indefinite = (speaker, self._sentence)
            return
        self._indefinite = None
        if speaker.name or (speaker.role and not sp.PLURAL_NP.match(speaker.role)):
            if (
                not speaker.name
                and roles.head_office(speaker.role) in roles.PERSON_KEYS
                and (self.salient is None or not self.salient.name)
                and speaker.role not in self._pending
            ):
                self._pending.append(speaker.role)  # "Le ministre des Armées a détaillé …"
            self.salient = speaker
            self._collective = None
            self._person_at = self._sentence
        elif not speaker.name:
            self.last_collective = speaker
            if speaker.party_id:
                self._last_body = (speaker, self._sentence)
            if self._person_at == self._sentence:
                return  # "La France, a-t-elle assuré, est prête": "elle" next is still her
            # "Le ministère russe a annoncé… Il accuse…": a body that spoke in the sentence
            # before is who "il" means, until a person speaks
            self._collective = (speaker, self._sentence)

    def note_main_clause(self, sentence: str) -> None:
        """A sentence closing on its main clause after a quotation ("…», le ministre n'a pas
        mâché ses mots."): the office or person that clause opens with turns salient."""
        m = MAIN_CLAUSE_AFTER_QUOTE.search(sentence)
        if m is None or not roles.is_title(m.group("np")):
            return
        who = self.resolve("source", m.group("np"), sentence, [], m.start("np"))
        if who is not None and who.name:
            self.salient = who

    def body_side(self, np: str) -> str | None:
        """The side of the body whose release this is, when ``np`` names it by its head noun
        ("Le Conseil", "The Council" under "Conseil de l'UE"); None otherwise."""
        head = roles.strip_determiner(np.strip()).split()
        if self.body is None or not head or fold(head[0]) != self.body[0]:
            return None
        return self.body[1]

    def _headed_party(self, sentence: str, end: int) -> str | None:
        """ "Foreign Minister X, who headed the Ukrainian delegation at …": the side of the
        delegation or body the relative clause right after the name says X heads."""
        headed = _HEADED_AFTER.match(sentence, end)
        if headed is None:
            return None
        sides = {h.party_id for h in self.gaz.party_hits(headed.group("body"))}
        return sides.pop() if len(sides) == 1 else None

    def own_side(self, np: str) -> Speaker | None:
        """ "The representative of France said … His country backed …": the side of the one
        "his" means, for "his country", "her Government", "son pays"; None for other words."""
        if not _OWN_SIDE.fullmatch(np.strip()):
            return None
        target = self.pronoun_target()
        if target is None or not target.party_id:
            return None
        if target.name and roles.head_office(target.role) in _LEADERS:
            return target  # "Zelensky … His government has refused …": the leader's word
        return Speaker("", "", target.party_id)

    def pronoun_target(self) -> Speaker | None:
        """Who "il"/"elle"/"lui" means now (see ``_indefinite``)."""
        if self._indefinite is not None and self._sentence - self._indefinite[1] <= 1:
            return self._indefinite[0]
        if self._collective is not None and self._sentence - self._collective[1] == 1:
            body = self._collective[0]
            near = self.salient
            if near is not None and near.name and near.party_id == body.party_id:
                # "Le ministre allemand, X, … Berlin est favorable… « … », a-t-il expliqué":
                # the person who speaks for that side, not the side
                return near
            return body
        return self.salient

    def note_subject(self, text: str, hits: list[PersonHit], parsed_subject: str = "") -> None:
        """A sentence without a statement: its subject person (before the first verb) turns
        salient; ``parsed_subject`` is the main verb's subject by the parse, when there is one."""
        issued = _ISSUES_DOCUMENT.search(text) and _ISSUES_DOCUMENT.search(outside_quotes(text))
        named = self.gaz.party_hits(text[: issued.start()]) if issued else []
        if named:  # "the parliament adopted a resolution. The text states that …": its text
            self._last_body = (Speaker("", "", named[-1].party_id), self._sentence)
        met = self._met_by_surname(parsed_subject) if parsed_subject and not hits[:1] else None
        if met is not None:  # "Bell, a Democrat who …, struck a similar note.": Bell, met before
            self.salient = met
            return
        # "Julien Morel : Bonjour …": a transcript's label gives the floor, it is no subject
        hits = [h for h in hits if text[: h.start].strip() or not _LABEL_COLON.match(text, h.end)]
        verb = self._finite.search(text)
        before = [h for h in hits if h.end <= verb.start()] if verb else []
        # "Issu d'une famille déportée sous Staline, l'ancien homme d'affaires a…": a name
        # inside a leading participle or adverbial phrase is not the subject
        before = [h for h in before if not in_adjunct(text, h.start)]
        # "Aujourd'hui secrétaire du Conseil, il a reçu de X un mandat": the subject is "il"
        pronoun_subject = verb is not None and bool(
            sp.PRONOUN_START.match(text[: verb.start()].rsplit(",", 1)[-1])
        )
        if not before and hits and not sp.PRONOUN_START.match(text) and not pronoun_subject:
            # no auxiliary ("X, lui, ne veut pas…", "…, Y, présente…") or the person comes
            # after it ("Pékin a dépêché son envoyé, Y."): a sentence naming one person
            # makes that person who "il"/"selon elle" means next
            free = [h for h in hits if not in_adjunct(text, h.start)]
            names = {fold(mentions.display_name(h.text, h.person)) for h in free}
            appositive = bool(free) and bool(sp.APPOSITION_AFTER.match(text, free[0].end))
            before = free[:1] if len(names) == 1 or appositive else []
        head = text[: verb.start()] if verb else parsed_subject
        if not head and not hits:
            # the parse found no subject ("Un diplomate turc … tempère les attentes"): an
            # indefinite office opening the sentence
            lead = _INDEFINITE_LEAD.match(text)
            head = lead.group(0) if lead else ""
        last = head.rsplit(",", 1)[-1].strip()
        if not before and head and not hits:
            if self._note_title(_LINK_WORD.sub("", head.strip(), count=1), text):
                return
            opener = head.rsplit(",", 1)[0] if "," in head else ""
            opens_office = roles.head_office(" ".join(last.split()[:3])) is not None
            if opens_office and len(opener.split()) <= 2 and self._note_title(last, text):
                return  # "Look, the Secretary is in close touch …"
        if not before and not hits and NATIONAL_NOUN.fullmatch(last):
            # "Interrogé sur ces propos, le Turc s'est montré conciliant.": "il" next is him
            party = roles.infer_party(self.gaz, last)
            national = self._last_of(party, quoted=False) if party is not None else None
            if national is not None:
                self.salient = national
                return
        body = _BODY_SUBJECT.match(head.strip()) if not before and not hits else None
        party = roles.infer_party(self.gaz, head) if body else None
        if party is not None and len(head.split()) <= 10:
            # "The Office of the President of Ukraine has just put out a statement. It
            # rejects …": the body is what "it" means next
            side = Speaker("", "", party)
            self.last_collective = side
            self._last_body = (side, self._sentence)
            if self.salient is None or not self.salient.name:
                self.salient = side
            return
        first = hits[0] if hits else None
        if (
            not before
            and first is not None
            and first.person is not None
            and roles.is_title_words(text[: first.start])
            and len(text[: first.start].split()) <= 5
            and "," not in text[: first.start]
        ):
            # "Secretary Rubio met today with X and Y": a person of the party book opening
            # the sentence is its subject, who "the Secretary" means next
            known = self.known_speaker(first)
            self.salient = known or self.meet(first, text[: first.start].strip())
            return
        if len(before) > 1 and sp.APPOSITION_AFTER.match(text, before[0].end):
            # "X, the aide to President Y who headed …, made the
            # remarks": the names inside the apposition are not the subject
            before = before[:1]
        if before:
            known = self.known_speaker(before[-1])
            if known is not None:
                bare = not known.party_id and not known.role
                if (
                    self._pending
                    and known.name
                    and (
                        known.party_id
                        or (bare and _is_subject(before[-1], parsed_subject, text, verb))
                    )
                ):
                    known = self._reveal(known)
                self.salient = known

    def by_initials(self, label: str) -> Speaker | None:
        """The one person met whose name has these initials ("J.-N. B." for Jean-Noël Barrot),
        or None."""
        wanted = re.sub(r"[^A-ZÀ-Ý]", "", label)
        found = {
            k.name: k
            for k in self.known
            if k.name
            and "." not in k.name  # not the label itself, met as a name
            and "".join(w[0] for w in re.split(r"[\s\-]+", k.name) if w) == wanted
        }
        if len(found) != 1:
            return None
        k = next(iter(found.values()))
        return Speaker(k.name, k.role, k.party_id, k.person)

    def _met_by_surname(self, subject: str) -> Speaker | None:
        """The person met before whose surname is the whole subject ("Bell"), or None."""
        words = subject.split()
        if len(words) != 1 or not words[0][:1].isupper():
            return None
        for k in reversed(self.known):
            if k.name and not k.quoted and fold(k.name).split()[-1] == fold(words[0]):
                return Speaker(k.name, k.role, k.party_id, k.person)
        return None

    def _last_of(self, party: str, quoted: bool = True) -> Speaker | None:
        """The person of ``party`` named last (``quoted``: also one only named in quotes)."""
        for k in reversed(self.known):
            if k.party_id == party and k.name and (quoted or not k.quoted):
                return Speaker(k.name, k.role, k.party_id, k.person)
        return None

    def _note_title(self, head: str, text: str) -> bool:
        """ "Le chef de l'État a donné le ton." / "The UK Foreign Secretary has posted…": a
        title as the subject makes its holder who "il"/"she" means next (True when it does)."""
        if not roles.is_title(head) or len(head.split()) > 8:
            return False
        unnamed = self.salient is None or not self.salient.name
        titled = self.resolve("source", head, text, [], 0)
        if _DEFINITE.match(head) and unnamed and (titled is None or not titled.name):
            self._pending.append(head)  # named further on, maybe
        if titled is not None and (titled.name or titled.role) and not titled.indefinite:
            self.salient = titled
            return True
        if titled is not None and titled.indefinite and titled.party_id:
            # "Un diplomate turc … tempère les attentes. Selon lui, …": that diplomat, not the
            # minister named before
            self._indefinite = (titled, self._sentence)
            return True
        return False

    def _reveal(self, known: Speaker) -> Speaker:
        """A person named after descriptions of someone unnamed: those descriptions were him
        or her when they fit (``_may_be``), and so were the words the unnamed one said. A name
        written bare ("Le ministre des Armées a détaillé …", then "Stéphane Royer a longé le
        quai") takes the office and side of the description. Returns the person as now known."""
        fits = [d for d in self._pending if self._may_be(known, d)]
        if fits and not known.party_id:
            sided = [(d, roles.infer_party(self.gaz, d)) for d in fits]
            office, party = next(((d, p) for d, p in sided if p), (fits[0], None))
            office = _PLACE_AFTER.sub("", roles.strip_determiner(office))  # "… à Brest"
            known = self.adopt(known, office, party)
        self._bound += [(_description(d), known) for d in fits]
        was = self.salient
        if fits and was is not None and not was.name and was.party_id in (None, known.party_id):
            self.revealed.append((was, known))
        self._pending = []
        return known

    def _side_topic(self, text: str, opening: list[Hit], hits: list[PersonHit]) -> str | None:
        if sp.side_pronoun(self.lang).match(_LEAD_ADVERBIAL.sub("", text, count=1)):
            # "It demands that …", "More precisely, it wants …": the same side goes on
            return self.side_topic
        line = text.strip()
        if len(line.split()) <= 6 and not _CLOSES.search(line):  # "LA NORVÈGE", "Europe"
            sides = {
                h.party_id for h in self.gaz.party_hits(line.title() if line.isupper() else line)
            }
            return sides.pop() if len(sides) == 1 else None
        apposed = _SIDE_APPOSITION.match(text)
        if (
            opening
            and apposed is not None
            and opening[0].start < apposed.end("side")
            and all(apposed.end("side") <= h.start < apposed.end() for h in hits)
        ):
            # "La Chine, représentée par son envoyé spécial, Li Hui, a joué …": the side is
            # the subject, the person only its apposition; "Elle …" next is the side
            return opening[0].party_id
        if [h for h in hits if not inside_quotes(text, h.start)] or not opening:
            return None  # a person named: who a pronoun may mean next
        # a French "il"/"elle" after a side's sentence is mostly a person named before; a run
        # under a heading naming one side ("LA NORVÈGE", "- Oslo exige …", "- Il refuse …")
        # is the side's
        return opening[0].party_id if self.lang == "en" or self.side_topic else None

    def named_holder(self, speaker: Speaker) -> Speaker | None:
        """The one person the article names with the office an unnamed speaker is described by
        ("the fisheries minister" told reporters …, then "Ola Strand, the fisheries minister")."""
        if speaker.name or speaker.indefinite or not speaker.party_id:
            return None
        if not roles.has_office(speaker.role) or roles.is_former(speaker.role):
            return None
        office = _description(speaker.role)
        holders = {
            k.name: k
            for d, k in self._offices
            if d == office and k.name and k.party_id == speaker.party_id
        }
        if len(holders) != 1:
            return None
        (k,) = holders.values()
        return Speaker(k.name, speaker.role, k.party_id, k.person)

    def adopt(self, known: Speaker, role: str, party: str | None) -> Speaker:
        """``known`` takes an office and a side the article gives elsewhere."""
        for k in reversed(self.known):
            if k.name == known.name:
                k.role, k.party_id = role, party
                return Speaker(k.name, k.role, k.party_id, k.person)
        return known

    def _may_be(self, person: Speaker, description: str) -> bool:
        """Whether a description given before any name can be this person: it names no side,
        or the person's side and an office the gazetteer gives the person."""
        # "l'ancienne négociatrice de l'OSCE": a former office names no side of today
        party = None if roles.is_former(description) else roles.infer_party(self.gaz, description)
        if party is None:
            return bool(person.party_id) or not person.role
        key = roles.head_office(description)
        if not person.party_id and not person.role:
            return key in roles.PERSON_KEYS  # a bare name: the office described is his
        return (
            party == person.party_id
            and key is not None
            and (roles.role_matches(person.role, key) or roles.gazetteer_holds(person.person, key))
        )

    def _bound_to(self, np: str) -> Speaker | None:
        """The person an earlier use of the same description turned out to be."""
        words = _description(np)
        for description, person in self._bound:
            shorter, longer = sorted((words, description), key=len)
            if len(shorter.split()) >= 2 and (longer + " ").startswith(shorter + " "):
                return person
        return None


_CLOSES = re.compile(r"[.!?:;»\"”)]\s*$")
_STRESSED = re.compile(r",\s*(?:lui|elle|eux|elles)(?:-mêmes?)?\s*,?\s*$", re.IGNORECASE)
# "Varsovie, elle, réclame" (not "…, elle affirme": there "elle" is the subject)
_STRESSED_SUBJECT = re.compile(
    r",\s*(?:(?:elle|eux|elles)(?:-mêmes?)?\s*,|lui(?:-même)?\s*,?)\s*$", re.IGNORECASE
)
_HEAD_OF_STATE = re.compile(r"\bchef(?:fe)? de l['’][ée]tat\b|\bhead of state\b", re.IGNORECASE)
# a side's body as a sentence's subject: "The Office of the President of Ukraine", "Le ministère"
_BODIES = (
    r"(?:office|bureau|ministry|ministère|government|gouvernement|presidency|présidence|"
    r"foreign\s+ministry|defen[cs]e\s+ministry|state\s+department|département\s+d['’]état|"
    r"cabinet|chancellery|chancellerie)"
)
_DOCUMENTS = (
    r"(?:statement|communiqué|texte|text|document|déclaration|declaration|resolution|résolution)"
)
# "the parliament adopted a resolution", "le Parlement a voté une résolution": the side that issued
# the document the next sentence quotes ("The text states that …")
_ISSUES_DOCUMENT = re.compile(
    r"\b(?:adopted|issued|released|published|passed|put\s+out|a\s+(?:adopté|publié|voté|diffusé)|"
    rf"ont\s+(?:adopté|publié|voté))\s+(?:a|an|the|une?|le|la)\s+(?:\w+\s+)?{_DOCUMENTS}\b",
    re.IGNORECASE,
)
_BODY_SUBJECT = re.compile(rf"(?:the|le|la|l['’])\s*{_BODIES}\b", re.IGNORECASE)
_OWNERLESS_DOCUMENT = re.compile(
    rf"\s*(?:the|le|la|ce|cette|this)\s+{_DOCUMENTS}\s*", re.IGNORECASE
)
# a body or a document the text names without its side: "the government", "le communiqué"
UNSIDED_BODY = re.compile(rf"\s*(?:the|le|la|l['’])\s*(?:{_BODIES}|{_DOCUMENTS})\s*", re.IGNORECASE)
# "But an Elysée official was keen to …": a linking word before the subject
_LINK_WORD = re.compile(r"^(?:But|And|Yet|Still|Mais|Et|Pourtant|Or)\s+(?=\w)")
_INDEFINITE_LEAD = re.compile(r"\s*(?:un|une|a|an)\s+[^\W\d]+(?:\s+[^\W\d]+)?", re.IGNORECASE)
_DEMONSTRATIVE = re.compile(r"^\s*(?:ce|cet|cette|this|that)\s", re.IGNORECASE)
_THEY = re.compile(r"(?:ils|elles|they)", re.IGNORECASE)
_DEFINITE = re.compile(r"^\s*(?:le|la|l['’]|the|[A-Z][\w\-.]*['’]s)\b", re.IGNORECASE)


# a governor or a mayor serves a place, not the side a sentence names ("Russian drones hit …,
# regional governor X said")
# sources of no side: "two people familiar with the matter", "one of the people", "une source"
ANONYMOUS_SOURCE = re.compile(
    r"\s*(?:(?:one|two|three|several|some|other|une|deux|trois|plusieurs|d['’]autres)\s+"
    r"(?:of\s+the\s+|des\s+)?)?(?:(?:people|persons|sources?)\s+(?:familiar|briefed|close|"
    r"with\s+knowledge)[^,;:]*|(?:people|sources?)|sources?\s+(?:proches?|au\s+fait|informées?)"
    r"[^,;:]*)\s*",
    re.IGNORECASE,
)
# a place the sentence opens on before its subject: "À Denain, …", "In Brussels, …"
_SETTING = re.compile(
    r"\s*(?:à|au|aux|en|depuis|in|at|from)\s+[A-ZÀ-Ý][^,]{0,40},\s*", re.IGNORECASE
)
_LOCAL = re.compile(r"\b(?:gouverneure?|governors?|maires?|mayors?)\b", re.IGNORECASE)
_NOW_OFFICE = re.compile(
    r"\b(?:former|ex-|ancien(?:ne)?)\b.*?\b(?:now|aujourd['’]hui|désormais|devenue?)\s+"
    r"(?:(?:is|est|the|le|la|l['’])\s+)*(?P<office>.+)$",
    re.IGNORECASE,
)
MAIN_CLAUSE_AFTER_QUOTE = re.compile(
    r"[»\"”]\s*,\s*(?P<np>(?:le|la|l['’]|the)\s[^,;:«»\"“”]{2,60}?)\s+(?:n['’]|ne\s+)?"
    r"(?:a|avait|est|était|has|had|is|was)\s"
)
_PLACE_AFTER = re.compile(r"\s+(?:à|au|en|in|at)\s+[A-ZÀ-Ý][\w\-]*$")


_GENDER_OF_PRONOUN = {"il": "m", "lui": "m", "he": "m", "him": "m", "elle": "f", "she": "f"}
_FEMININE = re.compile(
    r"(?:\b(?:Mme|Madame|Ms\.?|Mrs\.?)\s*$)|\b(?:présidente|cheffe|ambassadrice|directrice|"
    r"chancelière|déléguée|adjointe|sénatrice|spokeswoman|congresswoman|première\s+ministre|"
    r"secrétaire\s+générale|négociatrice|conseillère|envoyée|première)\b",
    re.IGNORECASE,
)
_MASCULINE = re.compile(
    r"(?:\b(?:M\.|Monsieur|Mr\.?)\s*$)|\b(?:ambassadeur|directeur|chancelier|sénateur|"
    r"spokesman|congressman|premier|négociateur|conseiller|envoyé)\b",
    re.IGNORECASE,
)


def _about(text: str, hit: Hit) -> bool:
    """Whether a side ``text`` names is what the sentence is about: one opening it ("À Kiev,
    …"), or one named elsewhere but as a place things happen in ("… à Vienne") or as the body
    a noun of a relative clause belongs to ("…, où les États participants de l'Organisation")."""
    before = text[: hit.start]
    if len(before.split()) <= 2:
        return True
    if roles.locative(text, hit):
        return False
    return not (_GENITIVE_BEFORE.search(before) and _RELATIVE_WORD.search(before))


def _plural_role(role: str) -> bool:
    """Whether an unnamed speaker's role is plural ("homologues russes", "les diplomates")."""
    words = roles.strip_determiner(role).split()
    return bool(sp.PLURAL_NP.match(role)) or (
        bool(words) and words[0].islower() and words[0].endswith(("s", "x")) and len(words[0]) > 4
    )


_OPPOSITION = re.compile(r"(?<![\w\-])(?:opposition|opposant|opposante)s?(?![\w\-])", re.I)
# "l'opposition démocrate reste divisée : la sénatrice X": the person the colon introduces
_OPPOSITION_THEN = re.compile(
    r"(?<![\w\-])(?:l['’]|the\s+)?opposition\b[^.:;«»\"“”]{0,60}:\s*[^:]{0,40}$", re.I
)


# a preposition or verb before a name: the name is no subject ("spoke with Foreign Minister X")
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|to|for|by|from|and|avec|à|pour|par|de|et|[a-z]+ed|[a-z]+é)\b[^,.;:]{0,40}$"
)
# an English sentence may open on a phrase with no comma before its subject, a title
_LEAD_PHRASE = re.compile(
    r"(?:In|At|On|During|After|Before|Throughout|Over)\s[^,]{1,40}?\s(?=the\s+[A-Z][a-z])"
)


_CLITIC_AFTER = re.compile(
    r"\s*(?:(?:et|mais|puis)\s+)?(?P<pron>\s*(?:il|elle|ils|elles))\s+"
    r"(?:lui|leur|nous|vous|me|m['’]|te|les|l['’]|y|en)"
    r"(?:\s*(?:en|y|l['’]|le|la|les)(?=\s|$|a\b))?\s*$",
    re.IGNORECASE,
)
# "Berdytchiv, dans le centre de l'Ukraine", "Velden, a port town in southern Ukraine"
_PLACED = re.compile(
    r"(?P<place>[A-ZÀ-Ý][\w’'\-]+(?:\s[A-ZÀ-Ý][\w’'\-]+)?),\s+(?:"
    r"(?:une?\s+)?(?:ville|commune|localité|bourgade|village|port)?[^,.;«»]{0,40}?\s?"
    r"(?:dans|en|au)\s+(?:le\s+|la\s+|l['’])?(?:(?:centre|nord|sud|est|ouest)(?:-\w+)?\s+"
    r"(?:de\s+l['’]|de\s+la\s+|du\s+|de\s+))?"
    r"|(?:a|the)\s+(?:[\w\-]+\s+){0,3}(?:city|town|village|port|region)\s+in\s+"
    r"(?:(?:central|northern|southern|eastern|western|north|south|east|west)(?:ern)?\s+)?)"
    r"(?P<country>(?:l['’])?[A-ZÀ-Ý][\w\-]+)"
)
_DATELINE = re.compile(
    r"(?P<where>[A-ZÀ-Ý][A-ZÀ-Ý\-’' ]{2,30}(?:,\s+[A-ZÀ-Ý][\w\-]+)?)\s*(?:\([^)]{1,20}\))?\s*[—–]\s"
)
# a local office with no town named: "Regional Gov.", "the governor", "le maire"
_LOCAL_TITLE = re.compile(
    r"(?:(?:the|le|la|l['’]|regional|oblast|local)\s+)*"
    r"(?:gov\.|governor|gouverneure?|mayor|maire)\s*$",
    re.IGNORECASE,
)
_COUNTERPART = re.compile(r"\b(?:counterparts?|homologues?)\b", re.IGNORECASE)
# an object pronoun between a noun subject and its verb: "Mon homologue allemand m'a assuré"
_POSSESSIVE_COUNTERPART = re.compile(
    r"^\s*(?:mon|ma|son|sa|notre|votre|leur|my|his|her|our|their)\s+(?:homologue|counterpart)\s",
    re.IGNORECASE,
)
_OBJECT_CLITIC_END = re.compile(
    r"(?<=\w)\s+(?:m['’]|me|lui|leur|nous|vous|l['’]|te)(?:\s+(?:en|y))?\s*$", re.IGNORECASE
)


# a short adverbial opening a sentence before its subject: "More precisely, ", "Pour l'heure, "
_LEAD_ADVERBIAL = re.compile(r"^\s*[A-ZÀ-Ý][\w’']*(?:\s+[\w’']+){0,3},\s+")
# a name followed by an apposition that describes the person ("X, a senior fellow at …")
# a pronoun subject whose verb has the one speaking as its object: "il m'a dit", "she told me"
_TO_ME = re.compile(r"\s*(?:m['’]|me\s|nous\s+a)", re.IGNORECASE)
# "I spoke with Mr. X last night. He told me that …" in a turn: never the one speaking
_TOLD_ME = re.compile(
    r"\s+(?:also\s+|then\s+|later\s+)?(?:told|assured|promised|reminded|informed)\s+(?:me|us)\b",
    re.IGNORECASE,
)
_APPOSED = re.compile(r"\s*,\s*(?:a|an|the|un|une|le|la|l['’])\s", re.IGNORECASE)
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|qui|dont)\b")
_LEADING_QUOTATION = re.compile(r"\s*[“\"«][^”\"»]{1,400}[”\"»]\s*,?\s*")


# "The Secretary spoke with X last night, … but he was clear that …": "he" is the Secretary
_OPENING_NP = re.compile(r"^\s*(?:(?:The|Le|La)\s+|L['’]\s*)[\w\-]+(?:\s+[\w\-]+){0,2}")


def title_opening(sentence: str) -> str:
    """The title a sentence opens on as its subject ("The Secretary", "Le ministre russe"), or
    ""."""
    m = _OPENING_NP.match(sentence)
    words = m.group(0).split() if m else []
    for n in range(2, len(words) + 1):
        np = " ".join(words[:n])
        if roles.is_title(np) and roles.office_keys(np):
            return np
    return ""


def _opening_name(subject: str, hits: list[PersonHit], offset: int) -> str:
    """ "X, speaking alongside the Belgian prime minister, Y, said": the subject is X, the
    person the subject opens with, not a name inside the aside; else ``subject`` unchanged."""
    # '"…," X, Russia's foreign minister, who … with Y, Z, told': the quotation is no subject
    quoted = _LEADING_QUOTATION.match(subject)
    skip = quoted.end() if quoted and _RELATIVE_ASIDE.search(subject, quoted.end()) else 0
    end = sp.opening_name_end(subject[skip:], possessive=bool(skip))
    inside = [h for h in hits if offset + skip <= h.start and h.end <= offset + len(subject)]
    if end is None or len(inside) < 2 or inside[0].end - offset - skip != end:
        return subject
    return " " * skip + subject[skip : skip + end]


def _gender_of(role: str, before: str) -> str:
    """ "f" or "m" when the words of a person's role or the title right before the name say
    it ("Mme", "la présidente", "spokesman"), else ""."""
    tail = before[-12:]
    first = role.split()[0] if role.split() else ""
    article = (
        re.search(rf"\b(la|le)\s+{re.escape(first)}\b", before, re.IGNORECASE) if first else None
    )
    feminine = bool(_FEMININE.search(role) or _FEMININE.search(tail))
    masculine = bool(_MASCULINE.search(role) or _MASCULINE.search(tail))
    if article is not None:  # "le chef de la diplomatie turque", "la porte-parole"
        feminine = feminine or article.group(1).lower() == "la"
        masculine = masculine or article.group(1).lower() == "le"
    return "f" if feminine and not masculine else "m" if masculine and not feminine else ""


def _without_adjuncts(before: str) -> str:
    """The words before a name without the leading phrases that name no speaker ("Interrogé
    sur la demande russe, le porte-parole X": not Russia's spokesman)."""
    segments = before.split(",")
    kept = [seg for seg in segments[:-1] if not NOT_SUBJECT_SEGMENT.match(seg)]
    return ",".join([*kept, segments[-1]])


def _is_subject(hit: PersonHit, parsed_subject: str, text: str, verb: re.Match[str] | None) -> bool:
    """Whether the mentioned name is the main verb's subject, by the parse or, when the parse
    found none, by the name standing right before the first finite verb (not a place or a
    photo credit the capitals-only reading took for a name)."""
    if parsed_subject:
        return fold(hit.text) in fold(parsed_subject)
    return verb is not None and text[hit.end : verb.start()].strip() in ("", "ne", "n'", "n’")


def _description(np: str) -> str:
    """A description's words without its article, folded: "ancien negociateur des …"."""
    return " ".join(fold(_DEFINITE.sub("", np, count=1)).split())


_OF = re.compile(r"\b(?:of|de|du|des|d['’])\b|['’]s\b", re.IGNORECASE)


def _holds(k: _Known, key: str) -> bool:
    """Whether a known person holds the office ``key``: by the role the article gave, else by
    the gazetteer's ("Volodymyr Zelensky à ses côtés" then "le président ukrainien")."""
    return roles.role_matches(k.role, key) or roles.gazetteer_holds(k.person, key)


def _secretary_fits(np: str, role: str) -> bool:
    """ "the Secretary" is a secretary (of State, General…), not any foreign minister."""
    return "secretary" not in fold(np) or "secretary" in fold(role)


def _other_portfolio(np: str, speaker: Speaker) -> bool:
    """Whether a minister's description names a portfolio ("le ministre des Finances") that
    is not the speaker's, in the article's words or the gazetteer's."""
    wanted = roles.portfolios(np)
    if not wanted:  # most descriptions name no portfolio: nothing to compare
        return False
    person = speaker.person
    known = [speaker.role, *((person.role_fr, person.role_en) if person is not None else ())]
    theirs = set().union(*(roles.portfolios(r) for r in known if r))
    return bool(theirs) and not wanted & theirs


def _holds_another(speaker: Speaker, key: str) -> bool:
    """Whether the gazetteer gives the speaker an office other than ``key`` (the president is
    not "le porte-parole du Kremlin")."""
    person = speaker.person
    if person is None:
        # "The President, closing the meeting, …" after a foreign minister the article
        # described: the office the article gave her is another
        own = roles.head_office(speaker.role) if speaker.role else None
        return (
            key in _LEADERS
            and own in roles.PERSON_KEYS
            and own != key
            and not roles.role_matches(speaker.role, key)
        )
    if not (person.role_fr or person.role_en):
        return False
    return not roles.role_matches(speaker.role, key) and not roles.gazetteer_holds(person, key)


def _same(k: _Known, name: str, person: Person | None) -> bool:
    if person is not None and k.person is not None:
        return person is k.person
    if translit_key(k.name.split()[-1]) == translit_key(name.split()[-1]):
        return True
    # "Lin Jian says …", then "Lin said": a family name written first (Chinese, Hungarian)
    words = k.name.split()
    return (
        k.person is None
        and len(words) == 2
        and len(name.split()) == 1
        and translit_key(words[0]) == translit_key(name)
    )


def _same_person(speaker: Speaker, hits: list[PersonHit]) -> bool:
    return any(
        translit_key(h.text.split()[-1]) == translit_key(speaker.name.split()[-1]) for h in hits
    )


def translit_key(surname: str) -> str:
    """A surname folded across French and English transliterations: Ovtchar/Ovchar,
    Savtchouk/Savchuk, Zelensky/Zelenskyy."""
    key = fold(surname)
    for a, b in (("tch", "ch"), ("ou", "u"), ("kh", "h"), ("yy", "y"), ("iy", "y"), ("ii", "i")):
        key = key.replace(a, b)
    return key


# "a accusé la Russie", "reproche à Moscou": the party accused is not the sentence's side
_ACCUSED = re.compile(
    r"\b(?:accus\w*|reproch\w*|condamn\w*|contre|blam\w*|against|met\s+en\s+garde|"
    r"mettent\s+en\s+garde|exhort\w*|warn\w*|urg\w*)\s+"
    r"(?:à\s+|la\s+|le\s+|les\s+|l['’]|the\s+)?$",
    re.IGNORECASE,
)
