"""What a question asks: its kind (a party's position, a person's words, who, where, when, how
long, how many, or anything else), the parties, people and topics it names (through the
gazetteer, in French or English) and the words to look for in the articles.

The kinds and their cue words are data (bot/qa/data/questions.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from bot.domain.models import Person
from bot.qa.lexicon import Mention, MentionFinder, bridge_forms, bridge_words
from bot.qa.query import CALENDAR, Concept, Query, parse_question, repeated_mentions
from bot.qa.roles import office_mentions, role_mentions, with_people
from bot.qa.text import STOPWORDS, both_stems, name_variants
from bot.qa.vocabulary import office_titles, question_data
from bot.textnorm import fold

Kind = Literal["position", "person", "who", "where", "when", "duration", "count", "general"]
FACT_KINDS: tuple[Kind, ...] = ("where", "when", "duration", "count", "who")
KINDS: tuple[Kind, ...] = ("position", "person", "general", *FACT_KINDS)
# the words that make a name after an office the office's place, not its holder
_PLACE_OF = re.compile(r"(?:\b(?:of|of the|des|du|de|de la|from)|\bd['’]|\bde l['’])\s*$", re.I)
_NAME = re.compile(r"([A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+){0,2})")


@dataclass(frozen=True)
class KindRule:
    id: Kind
    patterns: tuple[re.Pattern[str], ...]
    drop: tuple[re.Pattern[str], ...]
    unknown_name_after: tuple[re.Pattern[str], ...] = ()
    unless: tuple[re.Pattern[str], ...] = ()  # questions of another kind that match it


@dataclass
class Understanding:
    """A question understood: what to answer and what to look for."""

    kind: Kind
    query: Query
    parties: list[str] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    unknown_person: str = ""  # a name the gazetteer does not know, asked about as a person
    cued: bool = False  # a cue of the question said its kind ("qu'a dit", "where")
    seat: tuple[str, ...] = ()  # a seat of power asked about as a speaker, its folded forms
    several: bool = False  # a "who" asking for several ("which prime ministers", "quels pays")
    # the offices asked about ("le ministre des Armées"), each its folded forms: only what a
    # speaker of that role said answers
    offices: list[frozenset[str]] = field(default_factory=list)
    # the word of office a "who" asks by ("which minister", "who is the prefect"): the
    # answering sentence names it
    office_word: str = ""

    @property
    def person_label(self) -> str:
        return self.people[0].name if self.people else self.unknown_person


def _word_pattern(text: str) -> re.Pattern[str]:
    body = re.escape(fold(text)).replace("\\ ", r"\s+").replace("'", "['’]")
    return re.compile(rf"(?<![\w]){body}(?![\w])")


@lru_cache(maxsize=1)
def kind_rules() -> tuple[KindRule, ...]:
    rules = []
    for entry in question_data()["kind"]:
        rules.append(
            KindRule(
                id=entry["id"],
                patterns=tuple(re.compile(p) for p in entry["patterns"]),
                drop=tuple(
                    _word_pattern(w) for w in sorted(entry.get("drop", ()), key=len, reverse=True)
                ),
                unknown_name_after=tuple(
                    re.compile(p) for p in entry.get("unknown_name_after", ())
                ),
                unless=tuple(re.compile(p) for p in entry.get("unless", ())),
            )
        )
    return tuple(rules)


def _folded(question: str) -> str:
    return fold(question).replace("’", "'")


def _blank(question: str, patterns: tuple[re.Pattern[str], ...]) -> str:
    """``question`` with the words of ``patterns`` replaced by spaces (same length)."""
    folded = _folded(question)
    chars = list(question)
    for pattern in patterns:
        for m in pattern.finditer(folded):
            for k in range(m.start(), min(m.end(), len(chars))):
                chars[k] = " "
    return "".join(chars)


def _unknown_person(question: str, rule: KindRule, finder: MentionFinder) -> str:
    """A capitalised name right after "qu'a dit", "what did"… that is no party or topic, or
    after the words of an office ("selon la vice-ministre X", "what did Russian deputy
    foreign minister X say")."""
    folded = _folded(question)
    for pattern in rule.unknown_name_after:
        m = pattern.search(folded)
        if not m:
            continue
        rest = question[m.end() :]
        for name in _NAME.finditer(rest):
            before = rest[: name.start()]
            direct = not before.strip(" ,'’-").strip()
            if not direct and not _office_before(before, finder):
                break  # the name must follow the cue ("what did Boris Johnson say")
            words = name.group(1)
            if finder.find(words) or fold(words) in CALENDAR:
                if direct or _office_before(before + words, finder):
                    continue  # a party's adjective in the office ("Russian deputy minister")
                break
            at = m.end() + name.start()
            if any(s <= at < e for s, e in (x.span for x in finder.find(question))):
                break  # the start of a known name with small words ("Ursula von der Leyen")
            if not direct and _PLACE_OF.search(before):
                continue  # the office's place ("la sénatrice des Landes", "head of the X …")
            return words
    return ""


_SMALL = frozenset(
    {"the", "le", "la", "les", "l", "de", "des", "du", "d", "of", "a", "an", "un", "une"}
)


def _office_before(text: str, finder: MentionFinder) -> int:
    """Where the text of an office before a name ends ("Russian deputy foreign minister ",
    "la vice-ministre "): small words, the parties' names and adjectives and lower-case words
    with at least one word of office ([person_roles] titles); 0 when the text is no office."""
    for m in finder.find(text):
        text = text[: m.span[0]] + " " * (m.span[1] - m.span[0]) + text[m.span[1] :]
    words = re.findall(r"[\w’'-]+", text)
    if not words or len(words) > 7:
        return 0
    if any(w[:1].isupper() for w in words) and fold(words[-1]) not in office_titles():
        # a capitalised word that is no party: the name itself, or another (unless a word of
        # office ends the text: "Armed Forces minister", "Foreign Secretary")
        return 0
    # (an elided article is no word of its own: "l'ambassadrice", "d'envoyé")
    folded = [re.sub(r"^[ld]['’]", "", fold(w)).strip("'’") for w in words]
    if not any(w in office_titles() for w in folded):
        return 0
    if not all(w in office_titles() or w in _SMALL or w.isalpha() or "-" in w for w in folded):
        return 0
    last = max(k for k, w in enumerate(folded) if w in office_titles())
    if any(w not in _SMALL and w not in _office_words() for w in folded[last + 1 :]):
        # "what did X's foreign minister say about the Y talks": the office ends before the
        # question's own words; the name after them is no holder of it
        return 0
    return len(text.rstrip())


@lru_cache(maxsize=1)
def _office_words() -> frozenset[str]:
    """The words of the offices of [person_roles] groups ("affaires", "étrangères",
    "diplomatie"), folded: they may follow a word of office before its holder's name."""
    groups = question_data()["person_roles"]["groups"]
    return frozenset(w for row in groups for phrase in row for w in fold(phrase).split())


_ARTICLE = re.compile(r"\s*(?:the|le|la|les|l')?\s*$")


def _party_after_cue(
    question: str, rule: KindRule, mentions: list[Mention], finder: MentionFinder
) -> Mention | None:
    """The party named right after "what did", "qu'a dit" (an institution, a capital: "what
    did the White House say"), before any person: it is who is asked about."""
    folded = _folded(question)
    for pattern in rule.unknown_name_after:
        m = pattern.search(folded)
        if not m:
            continue
        for mention in mentions:
            if mention.span[0] < m.end():
                continue
            between = folded[m.end() : mention.span[0]]
            if mention.kind == "party" and _ARTICLE.fullmatch(between):
                if _unknown_person(question, rule, finder):
                    break  # "what did Russian deputy minister Mikhail X say": X's words
                if _titled_person(question, mention, mentions, finder):
                    break  # "what did Chilean President X say": the known X's words
                return mention
            break
    return None


# "which countries does Moscow", "what guarantees did the EU": a party right after the
# question's noun and an auxiliary is its subject; "quels pays Moscou propose-t-il": right
# after the noun, written with a capital (not "quel ministre russe")
_WHICH_AUX = re.compile(
    r"\b(?:which|what)\s+(?:[\w'’-]+\s+){1,2}?"
    r"(?:does|do|did|will|would|has|have|had|is|are|was|were|can|could)\s+(?:the\s+)?$",
    re.I,
)
_QUEL_NOUN = re.compile(r"\bquel(?:le)?s?\s+[\w'’-]+\s+(?:la\s+|le\s+|les\s+|l['’])?$", re.I)


def _party_subject(question: str, mentions: list[Mention]) -> bool:
    """Whether a "which …" question names a party as the subject of its verb ("which
    countries does Moscow propose instead?", "quels pays Moscou propose-t-il ?")."""
    for mention in mentions:
        if mention.kind != "party":
            continue
        before = question[: mention.span[0]]
        if _WHICH_AUX.search(before):
            return True
        named = re.sub(r"^(?:la|le|les|l['’])\s*", "", question[mention.span[0] : mention.span[1]])
        if _QUEL_NOUN.search(before) and named[:1].isupper():
            return True
    return False


def _titled_person(
    question: str, party: Mention, mentions: list[Mention], finder: MentionFinder
) -> bool:
    """Whether a party's adjective opens the office of a known person named right after it
    ("Chilean President X", "le président chilien X" has the office first)."""
    after = [m for m in mentions if m.kind == "person" and m.span[0] >= party.span[1]]
    if not after:
        return False
    between = question[party.span[1] : after[0].span[0]]
    return bool(between.strip()) and bool(_office_before(" " + between, finder))


@lru_cache(maxsize=1)
def _sources() -> tuple[re.Pattern[str], ...]:
    data = question_data()["source"]
    cues = "|".join(_word_pattern(c).pattern for c in data["cues"])
    docs = "|".join(
        _word_pattern(d).pattern for d in sorted(data["documents"], key=len, reverse=True)
    )
    small = r"(?:(?:the|la|le|les|l'|une?|an?)\s*)?"
    name = r"(?:\s+(?:de la|du|de l'|des|de|d'|of the|of)\s*[\w'-]+)?"
    return (re.compile(rf"(?:{cues}),?\s+{small}(?:[\w.'-]+\s+){{0,3}}?(?:{docs}){name}"),)


def without_source(question: str) -> str:
    """``question`` with where it was read blanked ("selon l'explication de la BBC",
    "according to the Downing Street readout"): the source is not what is asked."""
    return _blank(question, _sources())


def _owned_first(question: str, mentions: list[Mention], people: list[Person]) -> list[Person]:
    """ "Putin's adviser Ushakov": the person asked about is the one named after the
    possessive, not its owner (who comes last)."""
    named = [m for m in mentions if m.kind == "person"]
    owners = {
        m.key
        for m in named
        if re.match(r"['’]s?\b", question[m.span[1] :])
        and any(o.span[0] > m.span[1] for o in named)
    }
    return [p for p in people if p.name not in owners] + [p for p in people if p.name in owners]


def understand(question: str, finder: MentionFinder) -> Understanding:
    """The kind of ``question``, what it names and the query of its remaining words."""
    asked = question
    question = without_source(question)
    roles = role_mentions(question, finder)
    if roles:  # "le chef de la diplomatie russe": the person who holds the role
        question = with_people(question, roles)
    folded = _folded(question)
    mentions = finder.find(question)
    parties = [m.key for m in mentions if m.kind == "party"]
    names = [m.key for m in mentions if m.kind == "person"]
    people = [p for name in names for p in finder.book.people if p.name == name]
    people = _owned_first(question, mentions, people)
    kind: Kind = "general"
    chosen: KindRule | None = None
    unknown = ""
    seat: tuple[str, ...] = ()
    for rule in kind_rules():
        if not any(p.search(folded) for p in rule.patterns):
            continue
        if any(p.search(folded) for p in rule.unless):
            continue
        if rule.id == "person":
            speaker = _party_after_cue(question, rule, mentions, finder)
            if speaker:  # "what did the White House say Trump offered…": the party's words
                parties = [speaker.key]
                surface = fold(question[speaker.span[0] : speaker.span[1]])
                rows = [tuple(fold(w) for w in row) for row in question_data()["speakers"]["seats"]]
                seat = next((row for row in rows if surface in row), ())
                kind = "position"
                chosen = next(r for r in kind_rules() if r.id == "position")
                people = []
                break
            # a name right after the cue is who is asked about, even when it is unknown and
            # a known person comes later ("what did Charles Michel tell Putin")
            unknown = _unknown_person(question, rule, finder)
            if not people and not unknown:
                continue
            if unknown:
                people = []
        elif rule.id == "position" and (not parties or people):
            continue
        elif rule.id == "who" and not people and _party_subject(question, mentions):
            # "which countries does Moscow propose?": the party does what is asked, and
            # the things it names are the answer: its stance, not who did it
            kind = "position"
            chosen = next(r for r in kind_rules() if r.id == "position")
            break
        kind, chosen = rule.id, rule
        break
    if kind == "general" and people:
        kind = "person"  # "Zelensky renoncerait-il… ?": about what this person said
    elif kind == "general" and parties and not _has_content(question, finder):
        kind = "position"  # "Et la Turquie ?", "Russia?"
    text = _blank(question, chosen.drop) if chosen else question
    if kind == "who" and chosen is not None:  # "which Kremlin official": who is asked
        text = _without_office(text, chosen, finder)
    offices = office_mentions(question, finder) if kind in _OFFICE_KINDS else []
    if offices and not people and not unknown:
        # "que répond le ministre des Armées", "selon le secrétaire général de l'Otan": the
        # words of whoever the articles give that role, for its party; the office's words
        # are not looked for in them
        kind, seat = "position", ()
        kept = [m.span for m in mentions if m.kind == "party"]  # "russe" in "le chef de la
        # diplomatie russe" says whose statements are looked for
        text = "".join(
            " "
            if any(s <= k < e for s, e in (o.span for o in offices))
            and not any(a <= k < b for a, b in kept)
            else ch
            for k, ch in enumerate(text)
        )
    else:
        offices = []
    query = parse_question(text, finder)
    query.text = asked
    if unknown:  # "Galuzin" is "Galouzine" in a French article
        _spell_both_ways(query, unknown)
    parties = subject_parties(query) or parties
    if offices:
        parties = list(dict.fromkeys(o.party_id for o in offices))
    if kind == "position":
        _weigh_addressees(question, query, finder)
    if kind in FACT_KINDS:  # "the Istanbul talks": a word to look for, not a must
        for c in query.concepts:
            if c.kind == "entity" and not c.parties and not c.people:
                c.kind, c.weight = "content", 1.5
    if kind == "who" and chosen is not None:
        _weigh_said_parties(question, query, finder, chosen)
        _weigh_named_people(query)
        parties = subject_parties(query)
    if kind == "who":  # "qui a demandé la réunion": the verb is the fact asked about
        for k, c in enumerate(query.concepts):
            if c.kind == "soft" and not _complement(question, c.label):
                query.concepts[k] = Concept(
                    c.label, "content", bridge_forms(c.label), 1.0, words=bridge_words(c.label)
                )
    several = kind == "who" and chosen is not None and _asks_several(question, chosen)
    office_word = _office_word(question, chosen) if kind == "who" and chosen else ""
    if kind == "general" and not people and not parties:
        office_word = _titled_speaker(question)  # "qu'a déclaré la maire de X ?"
        kind = "person" if office_word else kind
    return Understanding(
        kind,
        query,
        parties,
        people,
        unknown,
        cued=chosen is not None,
        seat=seat,
        several=several,
        offices=[o.forms for o in offices],
        office_word=office_word,
    )


# the kinds a question naming an office may be of: what the office holder said
_OFFICE_KINDS: tuple[Kind, ...] = ("position", "person", "general")


# "côté russe", "du côté ukrainien", "on the Russian side": the side of whoever is asked
_SIDE = re.compile(
    r"(?<!\w)(?:(?:du |de son |de leur )?cote\s+[\w'-]+|on the\s+[\w'-]+\s+side)(?!\w)"
)


def _spell_both_ways(query: Query, name: str) -> None:
    """The words of an unknown name looked for in their English and French spellings."""
    words = set(fold(name).split())
    for c in query.concepts:
        if c.kind == "entity" and c.label in words:
            for variant in name_variants(c.label) - {c.label}:
                c.forms |= {(s,) for s in both_stems(variant)}
                c.words.add(variant)


def _office_spans(question: str, rule: KindRule) -> list[tuple[int, int]]:
    """Where a "who" question names the office of whom it asks ("which Kremlin official",
    "quel commissaire européen", the adjective after the word in French)."""
    folded = _folded(question)
    spans = [m.span() for p in rule.patterns for m in p.finditer(folded)]
    # French puts the side's adjective after the word of office ("quel ministre turc")
    return [
        (s, _next_word_end(folded, e) if folded[s:e].lstrip(" ,.-").startswith(_QUEL) else e)
        for s, e in spans
        if e - s > 4
    ]


_QUEL = ("quel", "et quel", "qui ", "et qui ")


def _titled_speaker(question: str) -> str:
    """The word of office right after a cue of a person's words ("qu'a déclaré la maire de
    X", "what did the mayor of X say"): whose words are asked, named by office; or ""."""
    rule = next(r for r in kind_rules() if r.id == "person" and r.unknown_name_after)
    folded = _folded(question)
    for pattern in rule.unknown_name_after:
        m = pattern.search(folded)
        if m:
            words = re.findall(r"[\w'-]+", folded[m.end() :])
            words = [w for w in words[:3] if w not in _SMALL and w not in ("l'",)]
            if words and words[0].removeprefix("l'") in office_titles():
                return words[0].removeprefix("l'")
    return ""


def _office_word(question: str, rule: KindRule) -> str:
    """The word of office a "who" question asks by ("which Kremlin official" -> official,
    "qui est le préfet" -> préfet), or ""."""
    folded = _folded(question)
    for pattern in rule.patterns:
        for m in pattern.finditer(folded):
            words = re.findall(r"[\w'-]+", m.group())
            if len(words) > 1:
                return words[-1]
    return ""


def _without_office(question: str, rule: KindRule, finder: MentionFinder) -> str:
    """``question`` with the words of the office it asks about blanked ("which prime
    ministers", "quel commissaire"), the parties among them kept ("Kremlin", "européen"): the
    office says who is asked, the answering sentence may name it otherwise or not at all."""
    spans = _office_spans(question, rule)
    if not spans:
        return question
    kept = [m.span for m in finder.find(question) if m.kind == "party"]
    chars = list(question)
    for s, e in spans:
        for k in range(s, min(e, len(chars))):
            if not any(a <= k < b for a, b in kept):
                chars[k] = " "
    return "".join(chars)


def _weigh_said_parties(question: str, query: Query, finder: MentionFinder, rule: KindRule) -> None:
    """ "Qui a affirmé que Russes et Ukrainiens n'avaient jamais été aussi proches…", "who
    assured the Ukrainians that Washington…": in a "who" question, a party is the side of the
    person asked only where it qualifies them ("which Kremlin official", "quel commissaire
    européen", "côté russe"); a party named elsewhere is part of what was said or done, which
    the answering sentence may name otherwise ("les deux parties", "nous"): a content word.
    A party's adjective on a group ("who led the Russian delegation", "la délégation russe")
    says the side too."""
    spans = _office_spans(question, rule)
    spans += [m.span() for m in _SIDE.finditer(_folded(question))]
    found = [*finder.find(question), *repeated_mentions(question, finder)]
    mentions = [m for m in found if m.kind == "party"]
    spans += [m.span for m in mentions if _adjective(question, m, finder)]
    for k, c in enumerate(query.concepts):
        if c.kind != "entity" or c.people or not c.parties:
            continue
        at = [m.span for m in mentions if m.key in c.parties]
        if at and not any(s <= a < e for a, _ in at for s, e in spans):
            weight = question_data()["addressee"]["weight"]
            query.concepts[k] = replace(c, kind="content", weight=weight)


def _weigh_named_people(query: Query) -> None:
    """ "Who gave the Kremlin's account of the Tusk-Orbán call?", "qui a proposé une rencontre
    entre X et Y ?": the people a "who" question names are part of what was done, not the
    one asked about (who is unknown); the answering sentence may name them otherwise ("the
    two leaders", "the call"): content words of the addressee's weight."""
    weight = question_data()["addressee"]["weight"]
    for k, c in enumerate(query.concepts):
        if c.kind == "entity" and c.people:
            query.concepts[k] = replace(c, kind="content", weight=weight)


_PLURAL = re.compile(r"^(?:which\s+(?:[\w'-]+\s+)*[\w'-]+(?:s|people|men|women)|quel(?:le)?s\s.*)$")


def _asks_several(question: str, rule: KindRule) -> bool:
    """Whether a "who" question asks for several by its office ("which prime ministers",
    "quels responsables", "quelles capitales")."""
    folded = _folded(question)
    return any(
        _PLURAL.match(m.group().strip())
        for p in rule.patterns
        for m in p.finditer(folded)
        if m.end() - m.start() > 4
    )


def _adjective(question: str, mention: Mention, finder: MentionFinder) -> bool:
    """Whether a party is named by its adjective on a noun: "the Russian delegation" (before
    a word that is no small word), "la délégation russe" (in lower case)."""
    party = finder.book.get(mention.key)
    surface = question[mention.span[0] : mention.span[1]]
    if party is None or fold(surface) not in {fold(d) for d in party.demonyms}:
        return False
    if _compound(question, mention.span, finder):
        return False  # "the Franco-British statement": of both sides, not whose person
    if surface[:1].islower():
        return True
    after = re.match(r"\s+([a-z][\w-]*)", question[mention.span[1] :])
    return after is not None and fold(after.group(1)) not in STOPWORDS


_COMBINING_BEFORE = re.compile(r"(?<![\w-])([\w.]+)-$")
_COMBINING_AFTER = re.compile(r"^-([\w]+)")


def _compound(question: str, span: tuple[int, int], finder: MentionFinder) -> bool:
    """Whether a side's adjective is one half of a compound of two sides ("Franco-British",
    "the Norwegian-Danish talks", "germano-polonais"): joined by a hyphen to a combining form
    ("franco-", "anglo-", "russo-": a word of four letters or more ending in "o", so not
    "pro-") or to another party's name. Such a
    word says what both sides did or share, not the side of the person a "who" asks about."""

    def party(word: str) -> bool:
        return any(m.kind == "party" for m in finder.find(word))

    before = _COMBINING_BEFORE.search(question[: span[0]])
    if before and (_combining(before.group(1)) or party(before.group(1))):
        return True
    after = _COMBINING_AFTER.match(question[span[1] :])
    return after is not None and party(after.group(1))


def _combining(word: str) -> bool:
    return len(word) >= 4 and word.isalpha() and word.lower().endswith("o")


def _next_word_end(text: str, end: int) -> int:
    """The end of the word after ``end`` ("quel commissaire| européen|"): French puts the
    side's adjective after the word of office."""
    m = re.match(r"\s*[\w'-]+", text[end:])
    return end + m.end() if m else end


@lru_cache(maxsize=1)
def _addressed() -> re.Pattern[str]:
    words = sorted(question_data()["addressee"]["before"], key=len, reverse=True)
    cue = "|".join(_word_pattern(w).pattern for w in words)
    return re.compile(rf"(?:{cue})\s*(?:(?:the|la|le|les|l')\s*)?$")


def _weigh_addressees(question: str, query: Query, finder: MentionFinder) -> None:
    """ "Quelle ligne Washington a-t-il fixée à Kiev sur…", "Washington's approach to
    sanctions on Russia": a party after the one asked about, to whom or on whom the stance
    bears, is part of what is asked, not who must be named; it weighs as a content word. A
    question with no other subject keeps it whole, and so does a party named by one of its
    bodies ("que propose la Turquie au Conseil de sécurité ?": the body is the subject)."""
    if not query.content:
        return
    spans = {}
    for m in finder.find(question):
        party = finder.book.get(m.key) if m.kind == "party" else None
        surface = fold(question[m.span[0] : m.span[1]])
        if party is not None and surface not in {fold(i) for i in party.institutions}:
            spans[m.key] = m.span
    asked = False
    for k, c in enumerate(query.concepts):
        if c.kind != "entity" or c.people or not c.parties:
            continue
        if not asked:
            asked = True
            continue
        span = spans.get(c.parties[0])
        if span and _addressed().search(_folded(question[: span[0]])):
            weight = question_data()["addressee"]["weight"]
            query.concepts[k] = replace(c, kind="content", weight=weight)


def subject_parties(query: Query) -> list[str]:
    """The parties a question asks about: the first it names, with those coordinated with it
    ("la Roumanie et la Bulgarie"); the others are what it asks about ("que réclame Kiev à la
    Russie")."""
    for c in query.entities:
        if c.parties and not c.people:
            return list(c.parties)
    return []


def without_person(understood: Understanding) -> Query:
    """The query without the person asked about ("what others said on the subject")."""
    names = {p.name for p in understood.people}
    unknown = fold(understood.unknown_person)
    kept = [
        c
        for c in understood.query.concepts
        if not (set(c.people) & names) and not (unknown and c.label in unknown.split())
    ]
    return Query(understood.query.text, kept)


def without_titles(understood: Understanding) -> Understanding:
    """ "Qu'a déclaré la sénatrice X sur …", "qu'a dit le président chilien X sur …",
    "what did Chilean President X say about …": the words of office and the side's adjective
    right before the person's name say who is asked about, not what ([person_roles] titles;
    the party only when those words name it by its adjective next to a title)."""
    names = [understood.unknown_person] if understood.unknown_person else []
    names += [f for p in understood.people[:1] for f in (p.name, *p.aliases)]
    firsts = {fold(n).split()[0] for n in names if n.strip()}
    if not firsts:
        return understood
    question = fold(understood.query.text).replace("’", "'")
    runs = [_office_run(question[: m.start()]) for n in firsts for m in _at_word(n, question)]
    words = {w for run in runs for w in run}
    if not words:
        return understood
    titles = office_titles()
    kept = [
        c
        for c in understood.query.concepts
        if not (
            c.kind != "soft"
            and not c.parties
            and not c.people
            and (
                (fold(c.label) in titles and set(c.words) & words)  # "President" capitalised
                # is a name's word; "X's foreign minister Y": an office of several words, all
                # of them in the run
                or (" " in c.label and set(fold(c.label).split()) <= words)
            )
        )
        and not (c.kind == "entity" and c.parties and not c.people and set(c.words) & words)
    ]
    if len(kept) == len(understood.query.concepts):
        return understood
    return replace(understood, query=Query(understood.query.text, kept))


def _at_word(word: str, text: str) -> list[re.Match[str]]:
    return list(re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text))


def _office_run(before: str) -> list[str]:
    """The words ending ``before`` (folded) back to a small word, at most four ("le
    | president chilien", "did | chilean president", "la | senatrice"), without elided
    articles and possessives; [] unless one is a word of office ([person_roles] titles)."""
    words = [re.sub(r"^[ld]'|'s?$", "", w) for w in re.findall(r"[\w'-]+", before)[-4:]]
    run: list[str] = []
    for w in reversed(words):
        if w in _SMALL or w in STOPWORDS:
            break
        run.insert(0, w)
    return run if any(w in office_titles() for w in run) else []


def _has_content(question: str, finder: MentionFinder) -> bool:
    return bool(parse_question(question, finder).content)


def _complement(question: str, word: str) -> bool:
    """Whether ``word`` follows "de" or "of" in the question: the verb of what someone is
    said to want ("qui accuse X de vouloir …", "who accused X of wanting …"), not what they
    did, which the question asks about."""
    return bool(re.search(rf"(?<!\w)(?:de|d'|of)\s*{re.escape(fold(word))}(?!\w)", fold(question)))
