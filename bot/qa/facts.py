"""The short answer to a factual question, read from the supporting sentences: the place
(where), the date (when), the duration (how long), the number (how many) or the person (who).

Patterns are built from the calendar and place words of bot/qa/data/questions.toml; the
answer is always a verbatim piece of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from bot.domain.gazetteer import Gazetteer
from bot.domain.models import Person
from bot.qa.lexicon import Phrase, bridge_forms, bridge_words
from bot.qa.search import Passage
from bot.qa.text import STOPWORDS, both_stems, tokens
from bot.qa.vocabulary import office_titles, question_data
from bot.textnorm import fold

_CAP = r"[A-ZÀ-Þ][a-zß-ÿ][\w’'-]*"
# a middle initial may stand in a name ("Yuri V. Ushakov")
_NAME_RUN = re.compile(
    rf"(?<![\w’'-])({_CAP}(?:\s+(?:{_CAP}|[A-ZÀ-Þ]\.|de|von|van|al|ben|bin))*\s+{_CAP})"
)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _number() -> str:
    # number words run together ("trois cent quarante", "twenty-five", "two hundred and ten")
    cal = question_data()["calendar"]
    word = _alt(cal["numbers"])
    exact = _alt([w for w in cal["numbers"] if w not in cal["vague_numbers"]])
    joined = r"(?:[\s-]+|(?<=hundred)\s+and\s+|[\s-]+et[\s-]+(?=un\b|une\b|onze\b))"
    return rf"(?:\d[\d\s  .,]*\d|\d|(?:{exact})(?:{joined}(?:{exact}))+|{word})"


def _approximately(section: str = "calendar") -> str:
    """ "au moins ", "as many as ": words that may come before a duration (or a count)."""
    return _alt(question_data()[section]["approximately"]).replace("'", "['’]")


def _duration_body() -> str:
    units = _alt(question_data()["calendar"]["units"])
    approx = _approximately()
    clock = _alt(question_data()["calendar"]["clock"])  # "7 h 50": hours and minutes
    return (
        rf"((?:{approx})?"
        rf"(?:\d{{1,2}}\s?(?:{clock})\s?\d{{2}}|{_number()}\s+(?:{units})))(?![\w-])"
    )


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    cal = question_data()["calendar"]
    days, part = (_alt(cal[k]) for k in ("days", "part_of_month"))
    months = _alt([*cal["months"], *cal["months_short"]])
    before = _alt(question_data()["place"]["before"])
    venues = _alt(question_data()["place"]["venues"])
    directions = _alt(question_data()["place"]["directions"])
    number = _number()
    return {
        "duration": re.compile(rf"(?<![\w-]){_duration_body()}", re.IGNORECASE),
        "when": re.compile(
            rf"(?<![\w-])((?:(?:{part})(?:{months})(?:\s+\d{{4}})?)"
            rf"|(?:\d{{1,2}}(?:er)?\s+(?:{months})(?:\s+\d{{4}})?)|(?:(?:{months})\s+\d{{1,2}}"
            rf"(?:,?\s+\d{{4}})?)|(?:(?:en|in)\s+(?:{months})(?:\s+\d{{4}})?)|(?:{days})"
            rf"|(?:(?:en|in)\s+\d{{4}}))(?![\w-])",
            re.IGNORECASE,
        ),
        "count": re.compile(
            rf"(?<![\w-])((?:{_approximately('count')})?{number})\s+(?:d['’]|de |of )?([^\W\d]+(?:\s+[^\W\d]+)?)",
            re.IGNORECASE,
        ),
        "where": re.compile(
            rf"(?<![\w-])(?i:{before})\s+((?:(?:l['’]|la |le |the )?(?i:{directions})\s+"
            rf"(?i:de la |de l['’]|du |des |de |d['’]|of the |of ))?"
            rf"(?:l['’]|la |le |the )?(?:(?i:{venues})\s+"
            rf"(?:de |du |d['’]|of )?)?{_CAP}(?:[\s-]+{_CAP})?)"
        ),
    }


def _not_in(value: str, question: str) -> bool:
    return fold(value) not in fold(question)


def names_place(question: str) -> bool:
    """Whether the question names a place ("where did they meet in Istanbul?"): then it asks
    for a place within it, a building ("au palais de Dolmabahçe")."""
    return any(_is_place(m.group(1)) for m in _patterns()["where"].finditer(question))


def _is_place(value: str) -> bool:
    head = value.split()[-1]
    return head[:1].isupper() and fold(head) not in {
        fold(w) for w in question_data()["calendar"]["months"]
    }


def places(text: str, question: str) -> list[str]:
    """The places ``text`` names that the question does not; only buildings when the
    question names a place itself."""
    venues = {fold(w) for w in question_data()["place"]["venues"]}
    within = names_place(question)
    return [
        value
        for m in _patterns()["where"].finditer(text)
        for value in [m.group(1)]
        if _is_place(value)
        and _not_in(value, question)
        and (not within or bool(venues & set(tokens(value))))
    ]


def is_venue(value: str) -> bool:
    """Whether a place is a building or a site within a town ("l'hôtel Intercontinental",
    "the Nordlys hotel"): [place] venues of bot/qa/data/questions.toml."""
    venues = {fold(w) for w in question_data()["place"]["venues"]}
    return bool(venues & set(tokens(value)))


def venue(passages: list[Passage], question: str) -> tuple[str, Passage | None]:
    """The first building or site of ``passages`` (best first) the question does not name,
    with its sentence; of several in one sentence, the one nearest after a word the question
    uses ("ouverts mercredi au palais X, … jeudi à l'hôtel Y" for a question of Thursday)."""
    asked = {w for w in tokens(question) if len(w) > 3 and w not in STOPWORDS}
    for p in passages:
        found = [v for v in places(p.text, question) if is_venue(v)]
        if not found:
            continue
        text = fold(p.text)
        cues = [m.start() for m in re.finditer(r"\w+", text) if m.group() in asked]
        return min(found, key=lambda value: _after_cue(text, fold(value), cues)), p
    return "", None


def _after_cue(text: str, value: str, cues: list[int]) -> int:
    """How far ``value`` comes after the nearest of ``cues`` (offsets in ``text``) before it."""
    at = text.find(value)
    before = [at - c for c in cues if c < at]
    return min(before) if before else len(text)


def place(passages: list[Passage], question: str, gazetteer: Gazetteer | None = None) -> str:
    """The place ``passages`` give most often (the best sentence's first of equals): "a
    proposal to meet in X, … they will instead meet in Y" is outvoted by the sentences giving
    Y alone. A side's adjective ("a Russian proposal") is no place."""
    found = [
        value
        for p in passages
        for value in places(p.text, question)
        if gazetteer is None or not _adjective_of_side(value, gazetteer)
    ]
    return max(found, key=found.count, default="")


def _adjective_of_side(value: str, gazetteer: Gazetteer) -> bool:
    return any(
        h.kind == "demonym" and h.start == 0 and h.end == len(value)
        for h in gazetteer.party_hits(value)
    )


_DATELINE = re.compile(r"^\W*[A-ZÀ-Þ][A-ZÀ-Þ'’ -]{2,}(?:\s*\([^)]*\))?,\s*")


@lru_cache(maxsize=1)
def _clock_time() -> re.Pattern[str]:
    """A time of day: "6 h 40", "6h40", "18 h", "6:40", "6.40 am", "6 a.m."."""
    clock = _alt(question_data()["calendar"]["clock"])
    return re.compile(
        rf"(?<![\w.,:-])(\d{{1,2}}\s?(?:(?:{clock})(?:\s?\d{{2}})?|[:.]\d{{2}}(?:\s?[ap]\.?m\.?)?"
        rf"|\s?[ap]\.?m\.?))(?![\w-])",
        re.IGNORECASE,
    )


def asks_time_of_day(question: str) -> bool:
    """ "À quelle heure…", "at what time…": the answer is a clock time, not a date."""
    folded = fold(question).replace("’", "'")
    return any(
        re.search(rf"(?<!\w){re.escape(fold(w))}(?!\w)", folded)
        for w in question_data()["calendar"]["time_of_day"]
    )


def asks_start(question: str) -> bool:
    """ "When do the talks start?", "quand commencent-elles ?": the date something begins."""
    folded = fold(question).replace("’", "'")
    return any(
        re.search(rf"(?<![\w']){re.escape(fold(w))}(?!\w)", folded)
        for w in question_data()["calendar"]["starts"]
    )


@lru_cache(maxsize=1)
def _start_cue() -> re.Pattern[str]:
    """A start cue ending the text before a date ("… dès le", "… from"), accents kept ("dès"
    is not "des")."""
    cues = [c.lower() for c in question_data()["calendar"]["start_cues"]]
    return re.compile(rf"(?<![\w'])(?:{_alt(cues)})\s*$")


def start_date(passages: list[Passage], question: str) -> str:
    """The first date a start cue gives in ``passages`` ("dès le 14 avril" -> "14 avril")."""
    for p in passages:
        for m in _patterns()["when"].finditer(p.text):
            before = p.text[max(0, m.start() - 20) : m.start()].lower().replace("’", "'")
            if _start_cue().search(before) and _not_in(m.group(1), question):
                return m.group(1)
    return ""


def date(passages: list[Passage], question: str) -> str:
    if asks_time_of_day(question):
        for p in passages:
            for m in _clock_time().finditer(p.text):
                if _not_in(m.group(1), question):
                    return m.group(1)
        return ""
    if asks_start(question):  # the date it starts, before the day it was announced
        started = start_date(passages, question)
        if started:
            return started
    for p in passages:
        dateline = _DATELINE.match(p.text)
        for m in _patterns()["when"].finditer(p.text):
            if dateline and m.start() == dateline.end():
                continue  # "GENÈVE, 3 décembre 2026 (AFP) -": when it was written
            if _not_in(m.group(1), question):
                return m.group(1)
    return ""


def duration(passages: list[Passage], question: str) -> str:
    for p in passages:  # a duration after a word of lasting, else none
        m = _lasting().search(p.text) or _compound_duration().search(p.text)
        if m:
            return m.group(1).strip()
    return ""


@lru_cache(maxsize=1)
def _compound_duration() -> re.Pattern[str]:
    """A duration joined to its noun ("a 30-day pause", "a two-week halt"): how long that
    lasts, with no word of lasting before it."""
    units = _alt(question_data()["calendar"]["units"])
    return re.compile(
        rf"(?<![\w-])((?:\d{{1,3}}|{_alt(question_data()['calendar']['numbers'])})-(?:{units}))-?(?=\s+\w)",
        re.IGNORECASE,
    )


def counted(question: str) -> set[str]:
    """What a "how many" question counts: the two words after its cue ("how many MEPs
    voted" -> MEPs, voted), with their translations (folded); empty without such a cue."""
    return {form for w in _counted_words(question) for form in bridge_words(w)}


def _counted_words(question: str) -> list[str]:
    folded = fold(question).replace("’", "'")
    for cue in sorted(question_data()["count"]["counted_after"], key=len, reverse=True):
        at = folded.find(fold(cue))
        if at >= 0:
            return [w for w in tokens(folded[at + len(cue) :]) if w not in STOPWORDS][:2]
    return []


def _alike(word: str, nouns: set[str]) -> bool:
    word = fold(word)
    return any(
        word == n or (len(n) >= 4 and len(word) >= 4 and word[:5] == n[:5])
        for n in nouns
        if " " not in n
    )


def amount(passages: list[Passage], kind: str) -> str:
    """An amount of money ("140 milliards d'euros"), a share ("5%"), a vote's tally ("372
    voix contre 148") or a length ("a 15-kilometer buffer", "de 15 kilomètres")."""
    pattern = _amounts()[kind]
    for p in passages:
        m = pattern.search(p.text)
        if m:
            return m.group(0).strip()
    return ""


@lru_cache(maxsize=1)
def _amounts() -> dict[str, re.Pattern[str]]:
    data = question_data()["count"]
    big = r"(?:\s+(?:milliards?|millions?|billions?)\b|\s*(?:bn|m)\b)?"
    return {
        "money": re.compile(
            rf"(?:[$€£]\s?)?(?:\d[\d\s  .,]*|{_number()}(?=\s+(?:milliards?|millions?|billions?)\b))"
            rf"{big}\s*(?:d['’]|de |of )?(?:{_alt(data['currency'])})"
            rf"|[$€£]\s?\d[\d\s  .,]*\d{big}",
            re.IGNORECASE,
        ),
        "share": re.compile(rf"\d+(?:[.,]\d+)?\s?(?:{_alt(data['percent'])})", re.IGNORECASE),
        "tally": re.compile(
            rf"(?<![\w-]){_number()}\s+(?:{_alt(data['tally_votes'])})\s+"
            rf"(?:{_alt(data['tally_joins'])})\s+{_number()}(?:\s+(?:{_alt(data['tally_votes'])}))?"
            r"(?![\w-])",
            re.IGNORECASE,
        ),
        "length": re.compile(
            rf"(?<![\w-])(?:{_approximately('count')})?{_number()}[\s-]?"
            rf"(?:{_alt(data['length_units'])})"
            r"(?![\w-])",
            re.IGNORECASE,
        ),
    }


def asks_for(question: str) -> str:
    """ "money", "share", "tally" or "length" when the question asks for an amount, a
    percentage, a vote's result or a width, else ""."""
    words = set(tokens(question))
    folded = fold(question)
    for kind in ("money", "share", "tally", "length"):
        cues = question_data()["count"][kind]
        if any((" " in c and fold(c) in folded) or fold(c) in words for c in cues):
            return kind
    currencies = {fold(c) for c in question_data()["count"]["currency"]}
    nouns = counted(question)
    if nouns & currencies:  # "combien d'euros", "how many dollars"
        return "money"
    giving = {fold(w) for w in question_data()["count"]["money_verbs"]}
    if not nouns and words & giving:  # "combien la Norvège a-t-elle promis ?"
        return "money"
    if words & currencies and _in_currency().search(folded):  # "how large…, in euros?"
        return "money"
    return ""


@lru_cache(maxsize=1)
def _in_currency() -> re.Pattern[str]:
    names = _alt([fold(c) for c in question_data()["count"]["currency"] if c.isalpha()])
    return re.compile(rf"(?<!\w)(?:in|en)\s+(?:{names})(?!\w)")


# number words that are also articles: no count of their own when nothing counted is asked
ARTICLES = frozenset({"un", "une", "one"})
_DIGIT = re.compile(r"\d")
# "un jour", "one soldier" counts only in a sentence covering this much of the question by
# itself
ONE_COVERAGE = 0.5
# an amount "of" what is counted: the words read after it
OF_WORDS = 5
OF = frozenset({"of", "de", "d", "des", "du"})
# the counted word may follow what is counted by this many words ("people were killed")
COUNTED_WITHIN = 4
AUXILIARIES = frozenset(
    {
        "were",
        "was",
        "are",
        "is",
        "been",
        "have",
        "has",
        "had",
        "ont",
        "ete",
        "sont",
        "etaient",
        "avaient",
        "furent",
        "y",
        "reportedly",
        "officially",
    }
)
_WORDS = re.compile(r"[^\W\d]+|\d+")


def count(
    passages: list[Passage], question: str, words: set[str], gazetteer: Gazetteer | None = None
) -> str:
    """A number and what it counts: the noun the question counts must follow it ("how many
    drones" -> "112 drones"); without one, a noun of the question is preferred. A people
    counted by its demonym ("how many Ukrainians") is counted by whatever number of them a
    sentence gives ("212 soldiers")."""
    wanted = asks_for(question)
    if wanted:
        return amount(passages, wanted)
    nouns = counted(question)
    head = {form for w in _counted_words(question)[:1] for form in bridge_words(w)}
    first_word = _counted_words(question)[:1]
    if gazetteer is not None and first_word and _demonym(first_word[0], gazetteer):
        nouns = head = set()
    first = ""
    past = bool(_past().search(fold(question).replace("’", "'")))
    asked_days = days_named(question)
    for p in passages:
        if past and _planned().search(fold(p.text).replace("’", "'")):
            continue  # "how many were swapped": not a swap that "devrait intervenir"
        named = days_named(p.text)
        if asked_days and named and not named & asked_days:
            continue  # "in the exchange of 5 December": not the one of another day
        for m in _amounts()["money"].finditer(p.text):
            # "210 billion euros of Russian central bank assets": an amount of what is counted
            after = tokens(p.text[m.end() :])[:OF_WORDS]
            if nouns and after[:1] and after[0] in OF and any(_alike(w, nouns) for w in after):
                return m.group(0).strip()
        for m in _counts(p.text):
            noun = m.group(2).split()
            value = m.group(0).strip()
            number = fold(m.group(1).split()[-1])
            if number in _no_count():
                continue  # "quelques jours": no number of days
            if number in ARTICLES and (
                # ("combien de drones la mission aurait-elle": "une mission" is no count of
                # drones; an article counts only what the question counts first)
                (nouns and not _alike(noun[0], head or nouns))
                or _DIGIT.search(p.text, m.end()) is not None  # "une force de 24 000 hommes"
                or (p.alone if p.alone >= 0 else p.coverage) < ONE_COVERAGE
            ):
                continue  # "une présence militaire", "confiait-il un jour": an article
            low = _range_start(p.text[: m.start()])  # "entre 2 000 et 4 000 militaires"
            if nouns:
                if not _names_counted(p.text, head, first_word, noun[:2]):
                    continue  # "deux morts" for "how many civilians were killed"
                for k, word in enumerate(noun[:2]):
                    if _alike(word, nouns):  # up to the counted noun ("112 drones")
                        counted_value = m.group(0)[: m.start(2) - m.start(0)]
                        return low + counted_value + " ".join(noun[: k + 1])
                # what happened to those counted ("seven people were killed", "sept
                # civils ont été tués"): the counted word a few words after the number
                # (what the question counts first, with only "were", "ont été" between)
                # or the counted noun after the words that qualify it ("25 additional air
                # defense systems"); no punctuation between ("40 trucks, pumps": not counted)
                following = list(_WORDS.finditer(p.text, m.start(2)))[:COUNTED_WITHIN]
                auxiliaries = modifiers = True
                for k, found in enumerate(following):
                    joined = not k or p.text[following[k - 1].end() : found.start()].strip() in (
                        "",
                        "-",
                    )
                    if k and _alike(found.group(0), head) and joined and (auxiliaries or modifiers):
                        return low + p.text[m.start(0) : found.end()]
                    word = fold(found.group(0))
                    auxiliaries = auxiliaries and (not k or word in AUXILIARIES)
                    modifiers = (
                        modifiers and joined and word not in STOPWORDS and not word.isdigit()
                    )
                    if not auxiliaries and not modifiers:
                        break
                continue
            if fold(m.group(1).split()[-1]) in ARTICLES:
                continue  # "une armée", "one day": an article, no number given
            if any(fold(noun[0]).startswith(w[:5]) for w in words if len(w) >= 4):
                return low + value
            # what is counted is its first word ("25,000 troops", not "25,000 troops stationed")
            first = first or low + m.group(0)[: m.start(2) - m.start(0)] + noun[0]
    return first


_TO_NUMBER = re.compile(r"(?:to|à|a)\s+", re.IGNORECASE)


def _counts(text: str) -> Iterator[re.Match[str]]:
    """The numbers of ``text`` and the words after each (``count`` pattern), where the first
    number of a range ("from four to twelve experts") does not take the second and its noun
    as what it counts: the second is read with its own noun."""
    pattern = _patterns()["count"]
    at = 0
    while (m := pattern.search(text, at)) is not None:
        to = _TO_NUMBER.match(text, m.start(2))
        if to is not None and pattern.match(text, to.end()) is not None:
            at = to.end()
            continue
        yield m
        at = m.end()


def _names_counted(text: str, head: set[str], first: list[str], noun: list[str]) -> bool:
    """A number of casualties (``[count] casualties``: "deux morts") counts what the question
    counts first ("how many civilians were killed") only in a sentence naming it, or when that
    is anyone (``[count] anyone``: "how many people were killed")."""
    if not head or any(_alike(w, head) for w in noun):
        return True
    casualties = {fold(w) for w in question_data()["count"]["casualties"]}
    if not any(_alike(w, casualties) for w in noun):
        return True  # "448 voix" for "how many MEPs voted": the votes they cast
    if {fold(w) for w in first} & {fold(w) for w in question_data()["count"]["anyone"]}:
        return True
    return any(_alike(w, head) for w in tokens(fold(text)))


@lru_cache(maxsize=1)
def _no_count() -> frozenset[str]:
    return frozenset(fold(w).split()[-1] for w in question_data()["calendar"]["no_count"])


def days_named(text: str) -> set[tuple[int, int]]:
    """The days of the year ``text`` names ("Dec. 5", "5 décembre", "December 5th"), as
    (month, day); the year is left out."""
    months, pattern = _days()
    out: set[tuple[int, int]] = set()
    for m in pattern.finditer(fold(text)):
        day = m.group(1) or m.group(4)
        month = m.group(2) or m.group(3)
        out.add((months[month.rstrip(".")], int(day)))
    return out


@lru_cache(maxsize=1)
def _days() -> tuple[dict[str, int], re.Pattern[str]]:
    cal = question_data()["calendar"]
    full = [fold(m) for m in cal["months"]]
    months = {m: k % 12 + 1 for k, m in enumerate(full)}
    for short in cal["months_short"]:
        word = fold(short).rstrip(".")
        months[word] = next(months[m] for m in full if m.startswith(word))
    names = _alt(sorted({*months, *(m + "." for m in months if m not in full)}))
    day = r"(\d{1,2})(?:er|st|nd|rd|th)?"
    return months, re.compile(
        rf"(?<![\w-])(?:{day}\s+({names})|({names})\s+(\d{{1,2}})(?:st|nd|rd|th)?)(?![\w-])"
    )


def _demonym(word: str, gazetteer: Gazetteer) -> bool:
    """A people named by its demonym as a plural noun ("Ukrainians", "Ukrainiens"), not an
    adjective ("Russian soldiers")."""
    return word.endswith(("s", "x")) and any(
        h.kind == "demonym" for h in gazetteer.party_hits(word.capitalize())
    )


@lru_cache(maxsize=1)
def _past() -> re.Pattern[str]:
    """A question asking how many were (not will be): "were swapped", "ont été échangés"."""
    return _words_pattern(question_data()["count"]["past"])


@lru_cache(maxsize=1)
def _planned() -> re.Pattern[str]:
    """A sentence telling what is yet to happen ("qui devrait intervenir", "is expected
    to")."""
    return _words_pattern(question_data()["count"]["planned"])


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    alts = _alt([fold(w) for w in words]).replace("'", "['’]").replace("\\ ", r"\s+")
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


@lru_cache(maxsize=1)
def _range() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w-])((?:entre|between|from)\s+{_number()}\s+(?:et|and|à|to)\s+)$",
        re.IGNORECASE,
    )


def _range_start(before: str) -> str:
    """The low end of a range ending where a number starts ("entre 2 000 et ", "between 10
    and "), or ""."""
    m = _range().search(before)
    return m.group(1) if m else ""


def by_role(text: str, gazetteer: Gazetteer) -> Person | None:
    """The known person whose role the text names ("le porte-parole du Kremlin"), when no
    other known person holds a role the text names (two foreign ministers: nobody)."""
    folded = fold(text)
    found: dict[str, Person] = {}
    for person in gazetteer.book.people:
        for role in (person.role_fr, person.role_en):
            if len(role) > 8 and fold(role) in folded:
                found[person.name] = person
    return next(iter(found.values())) if len(found) == 1 else None


def _named(p: Passage, question: str, gazetteer: Gazetteer, parties: list[str]) -> tuple[str, str]:
    """(a person of the asked parties, anyone) named in one sentence, by name or by role."""
    other = ""
    # a name inside the words a speaker is quoted saying is what they say, not who speaks
    # ('"President X wants this war finished," he said, adding that …': the speaker)
    spoken = _quotations(p.text) if p.speaker and _not_in(p.speaker, question) else []
    for hit in gazetteer.person_hits(p.text):
        if hit.person is None or _asked(hit.person, question):
            continue
        if any(s <= hit.start < e for s, e in spoken):
            continue
        if not parties or hit.person.party_id in parties:
            return hit.person.name, hit.person.name
        other = other or hit.person.name
    if p.speaker and _not_in(p.speaker, question):
        other = other or p.speaker
    role = by_role(p.text, gazetteer)
    asked = {w for w in tokens(question) if w not in STOPWORDS}
    if role is not None and len(asked & set(tokens(role.role_fr + " " + role.role_en))) >= 2:
        role = None  # the question's own words ("le Conseil de sécurité"), not a role
    if role is not None and not _asked(role, question):
        if not parties or role.party_id in parties:
            return role.name, role.name
        other = other or role.name
    return "", other


_QUOTATION = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


def _quotations(text: str) -> list[tuple[int, int]]:
    """Where the quotations of ``text`` are (« … », “ … ”, " … ")."""
    return [m.span() for m in _QUOTATION.finditer(text)]


def _asked(known: Person, question: str) -> bool:
    """Whether the question names the known person, in any of their spellings ("Putin" for
    "Vladimir Poutine"): then they are part of what is asked, not who answers."""
    forms = (known.name, known.name_en, *known.aliases)
    return any(f and not _not_in(f.split()[-1], question) for f in forms)


# a sentence whose subject is a pronoun: who it is, the sentence before says
_PRONOUN_SUBJECT = re.compile(r"^\W*(?:he|she|il|elle)\b", re.IGNORECASE)


def opens_with_pronoun(text: str) -> bool:
    """Whether a sentence's subject is a pronoun ("He also suggested…", "Elle a proposé…")."""
    return bool(_PRONOUN_SUBJECT.match(text))


def person(
    passages: list[Passage],
    question: str,
    gazetteer: Gazetteer,
    parties: list[str],
    around: dict[int, list[Passage]] | None = None,
) -> str:
    """A person named in the best sentence that names one and not in the question (one of the
    asked parties first, else a statement's speaker, else a known person's role: "le
    porte-parole du Kremlin"), else any full name; a quotation without its speaker is
    attributed by the sentences just before it (``around``: sentence id -> its neighbours,
    closest first)."""
    fallback = ""
    for p in passages:
        before = (around or {}).get(p.sentence_id, [])
        if before and _PRONOUN_SUBJECT.match(p.text):
            # "He accused Tusk of …": the subject of the sentence before, when it opens
            # with a name ("Jarosław Kaczyński, the leader of …, was less conciliatory.")
            m = _NAME_RUN.match(before[0].text.lstrip(' «“"-–—'))
            name = m.group(1) if m else _quoted_speaker(before[0].text)
            if name and _not_in(name, question) and not gazetteer.party_hits(name):
                return name
        for sentence in [p, *before]:
            asked, anyone = _named(sentence, question, gazetteer, parties)
            if asked:
                return asked
            if anyone:  # the best sentence naming someone answers
                return anyone
        for m in _NAME_RUN.finditer(p.text):
            name = _without_country(m.group(1), gazetteer)
            if not _not_in(name, question) or gazetteer.party_hits(name):
                continue
            if m.start() == 0 and _subject_name(name, p.text[m.end() :]):
                return name  # "Jane Roe, now deputy minister, leads …": the sentence's subject
            if m.start() > 0:
                fallback = fallback or name
    return fallback


def _quoted_speaker(text: str) -> str:
    """The name a verb of saying follows or comes after in ``text`` ('"…," Harbour Minister
    Jana Holm told reporters', "« … », a déclaré Jana Holm"), without the words of office
    before it ("Jana Holm"); "" when none does."""
    opening, ending = _saying_around()
    for m in _NAME_RUN.finditer(text):
        after = fold(text[m.end() :]).lstrip(" ,")
        before = fold(text[: m.start()]).rstrip(" ,")
        if opening.match(after) or ending.search(before):
            words = m.group(1).split()
            titles = office_titles()
            office = max((k for k, w in enumerate(words) if fold(w) in titles), default=-1)
            rest = words[office + 1 :]
            return " ".join(rest) if len(rest) >= 2 else ""
    return ""


@lru_cache(maxsize=1)
def _saying_around() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A verb of saying opening a text ("told reporters", "a déclaré"), and one ending it."""
    stems = _alt([fold(s) for s in question_data()["saying"]["stems"]])
    return (
        re.compile(rf"(?:(?:a|has|had)\s+)?(?:{stems})\w*(?!\w)"),
        re.compile(rf"(?<!\w)(?:{stems})\w*$"),
    )


def _without_country(name: str, gazetteer: Gazetteer) -> str:
    """A run of capitalised words without the party opening it, when a full name follows
    ("Prime Minister of Norway Kari Lunde": "Kari Lunde", not "Norway Kari Lunde")."""
    hits = gazetteer.party_hits(name)
    if hits and hits[0].start == 0:
        rest = name[hits[0].end :].strip()
        if len(rest.split()) >= 2 and _NAME_RUN.fullmatch(rest):
            return rest
    return name


def _subject_name(name: str, after: str) -> bool:
    """A run of capitalised words opening a sentence is a person's name when an apposition
    follows it ("Jane Roe, now deputy minister, …"), not a heading's or an article's words."""
    words = tokens(name)
    return after.startswith(",") and len(words) >= 2 and not set(words) & STOPWORDS


# how far after the word of office its holder's name may come ("le ministre de l'Europe et
# des Affaires étrangères, Antoine Ferrand"), in words
HOLDER_WITHIN = 10
_TOKEN = re.compile(r"[\w’'-]+")


def office_holder(passages: list[Passage], office: str, question: str, gazetteer: Gazetteer) -> str:
    """ "Which minister…?", "who is the prefect…?": the name a sentence gives the office
    asked, right after its word ("Le préfet du Nord, Thierry Lamarque, a rappelé…"), not one
    the question names; "" when no sentence names its holder."""
    forms: set[Phrase] = {f for f in bridge_forms(office) if len(f) == 1}
    for p in passages:
        for m in _TOKEN.finditer(p.text):
            if not {(s,) for s in both_stems(fold(m.group()))} & forms:
                continue
            after = p.text[m.end() :]
            for name in _NAME_RUN.finditer(after):
                if len(_TOKEN.findall(after[: name.start()])) > HOLDER_WITHIN:
                    break
                value = _without_country(name.group(1), gazetteer)
                if _not_in(value, question) and not gazetteer.party_hits(value):
                    return value
    return ""


def answer_value(
    kind: str,
    passages: list[Passage],
    question: str,
    *,
    gazetteer: Gazetteer,
    parties: list[str],
    words: set[str],
    around: dict[int, list[Passage]] | None = None,
) -> str:
    """The short answer of a factual ``kind`` from ``passages`` (best first), or ""."""
    if kind == "where":
        return place(passages, question, gazetteer)
    if kind == "when":
        return date(passages, question)
    if kind == "duration":
        return duration(passages, question)
    if kind == "count":
        return count(passages, question, words, gazetteer)
    if kind == "who":
        return person(passages, question, gazetteer, parties, around)
    return ""


def has_value(kind: str, passage: Passage, question: str = "") -> bool:
    """Whether a sentence holds the kind of value asked for (ranks sentences that answer); a
    duration must follow a word of lasting ("ont duré trois heures", "for three hours"); a
    place must be one the question does not name."""
    pattern = _patterns().get(kind)
    if pattern is None:
        return kind != "who" or bool(_NAME_RUN.search(passage.text))
    if kind == "duration":
        return bool(_lasting().search(passage.text) or _compound_duration().search(passage.text))
    if kind == "where":
        return bool(places(passage.text, question))
    if kind == "when" and asks_time_of_day(question):
        return bool(_clock_time().search(passage.text))
    return bool(pattern.search(passage.text))


@lru_cache(maxsize=1)
def _lasting() -> re.Pattern[str]:
    cues = _alt(question_data()["calendar"]["lasting"])
    return re.compile(
        rf"(?<![\w-])(?:{cues})\s+(?:\S+\s+){{0,2}}?{_duration_body()}",
        re.IGNORECASE,
    )
