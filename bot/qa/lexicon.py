"""What a question is about: parties and people (from the party book), topics, and the
French/English keyword bridge of ``bot.qa.vocabulary``, matched on stems.

Every term is kept as a tuple of stems (a phrase), matched against the stems of a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from bot.domain.parties import PartyBook
from bot.qa.text import STOPWORDS_OF, both_stems, stem, tokens
from bot.qa.vocabulary import BRIDGE, SOFT, SOFT_STEMMED, TOPIC_WORDS, question_data
from bot.textnorm import fold

Phrase = tuple[str, ...]


def phrase_forms(text: str) -> set[Phrase]:
    """A word or phrase stemmed as French and as English, stop-word-free forms included."""
    words = tokens(text)
    if not words:
        return set()
    forms = {tuple(stem(w, lang) for w in words) for lang in ("fr", "en")}
    if len(words) == 1:  # "due" stemmed as French is "du": no word's form is a stop word
        # of the language it was stemmed in ("proposal" stemmed as English is "propos")
        kept: set[Phrase] = {
            (s,)
            for lang in ("fr", "en")
            for s in [stem(words[0], lang)]
            if s not in STOPWORDS_OF[lang] or s == words[0]
        }
        forms = kept or forms
        forms |= plural_verb_forms(text)
    return forms


# the endings of a first-group verb's participle, infinitive and imperfect ("paraphé",
# "signer", "exigeait"): a noun's plural ("avoirs") or an English word has no verb's plural
VERB_ENDINGS = ("é", "ée", "és", "ées", "er", "ait", "aient")
MIN_VERB_STEM = 4  # shorter French stems are too often other words with "-ent" ("cent")


@lru_cache(maxsize=4096)
def demonym_forms(word: str) -> frozenset[Phrase]:
    """A capitalised word's spelling with the other language's demonym ending, stemmed
    ("colombians" -> "colombiens", "africain" -> "african"): the longest ending only."""
    pairs = question_data()["demonym"]["endings"]
    for ending, other in sorted(
        [*pairs, *([fr, en] for en, fr in pairs)], key=lambda pair: -len(pair[0])
    ):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_DEMONYM_ROOT:
            return frozenset((s,) for s in both_stems(word[: -len(ending)] + other))
    return frozenset()


MIN_DEMONYM_ROOT = 4  # "Colomb-ians": shorter roots end common words ("Iran", "Japan")


@lru_cache(maxsize=8192)
def plural_verb_forms(word: str) -> set[Phrase]:
    """The French third person plural of a word's verb where the stemmer keeps it whole:
    "paraphent", "signent", "exigent" stay as they are written while "paraphé", "signé" and
    "exige" are stemmed, so a question saying "paraphé" would miss a sentence saying "les
    délégations paraphent"; the plural, as the stemmer leaves it, is one of its forms."""
    folded = fold(word)
    base = stem(folded, "fr")
    plural = base + "ent"
    if (
        not word.strip().lower().endswith(VERB_ENDINGS)  # as written: "russes" is no verb
        or base == folded  # no ending taken off: no inflected verb ("chef", "talk")
        or len(base) < MIN_VERB_STEM
        or not base.isalpha()
        or stem(plural, "fr") != plural
    ):
        return set()
    return {(plural,)}


# an ordinal in figures as English and French write it ("21st", "21e", "21ème", "1er")
_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th|e|er|re|ere|eme)")
_ORDINAL_ENDINGS = ("st", "nd", "rd", "th", "e", "er", "re", "ere", "eme", "ème")


def ordinal_forms(word: str) -> set[Phrase]:
    """A question's ordinal in figures in every writing of both languages: "the 21st package"
    is "le 21e paquet" (each language's stemmer leaves its own ending whole)."""
    found = _ORDINAL.fullmatch(fold(word))
    if found is None:
        return set()
    number = found.group(1)
    return {(s,) for end in _ORDINAL_ENDINGS for s in both_stems(number + end)}


@lru_cache(maxsize=1)
def _bridge_index() -> dict[str, int]:
    index: dict[str, int] = {}
    for number, row in enumerate(BRIDGE):
        for word in row:
            for form in phrase_forms(word):
                if len(form) == 1:
                    index.setdefault(form[0], number)
    return index


def _bridge_row(word: str) -> int | None:
    key = fold(word.strip())
    if " " in word.strip():  # the first row listing the phrase
        return _bridge_words().get(key)
    exact = _bridge_words().get(key)
    if exact is not None:  # the row that lists the word itself ("proposals")
        return exact
    index = _bridge_index()
    rows = [index[s] for s in both_stems(key) if s in index]
    return min(rows) if rows else None


@lru_cache(maxsize=1)
def _bridge_words() -> dict[str, int]:
    out: dict[str, int] = {}
    for number, row in enumerate(BRIDGE):
        for word in row:
            out.setdefault(fold(word), number)
    return out


def bridge_forms(word: str) -> set[Phrase]:
    """Stem forms of a question word (or bridge phrase) and of its translations."""
    forms = phrase_forms(word)
    row = _bridge_row(word)
    if row is not None:
        for other in BRIDGE[row]:
            forms |= phrase_forms(other)
    return forms


def bridge_words(word: str) -> set[str]:
    """A question word and its translations in the bridge, as folded surface words."""
    out = {fold(word)}
    row = _bridge_row(word)
    if row is not None:
        out |= {fold(w) for w in BRIDGE[row]}
    return out


@lru_cache(maxsize=1)
def _soft_words() -> tuple[tuple[int, str, frozenset[str]], ...]:
    """(row, folded word, its stems when the row matches on stems) of each word of SOFT."""
    return tuple(
        (
            number,
            fold(other),
            frozenset(both_stems(fold(other))) if number in SOFT_STEMMED else frozenset(),
        )
        for number, row in enumerate(SOFT)
        for other in row
    )


def soft_group(word: str) -> int | None:
    """The row of SOFT a question word belongs to, if any."""
    forms = both_stems(word)
    key = fold(word)
    for number, other, stemmed in _soft_words():
        if other == key or forms & stemmed:
            return number
    return None


@dataclass
class Mention:
    """A party, person or topic named in a question, with the words that revealed it."""

    kind: str  # "party" | "person" | "topic"
    key: str  # party id, person name or topic id
    party_id: str | None
    forms: set[Phrase] = field(default_factory=set)
    span: tuple[int, int] = (0, 0)
    words: set[str] = field(default_factory=set)
    cased: frozenset[str] = frozenset()  # its short names in capitals ("EU"), as written


def _pattern(name: str, *, exact_case: bool) -> re.Pattern[str]:
    body = re.escape(name if exact_case else fold(name))
    body = body.replace("'", "['’]").replace("\\ ", r"\s+")
    end = "" if name.endswith(("'", "’")) else r"(?!\w)"  # "en échange d'" runs on
    return re.compile(rf"(?<!\w){body}{end}")


def _needle(name: str) -> str:
    """The longest run of ``name`` without spaces or apostrophes: a match of its pattern
    holds it as written, so a text without it needs no search."""
    return max(re.split(r"[\s'’]+", name), key=len)


def _is_short_upper(name: str) -> bool:
    letters = name.replace(".", "")
    return len(letters) <= 3 and letters.isupper()


class MentionFinder:
    """Finds parties (names, aliases, demonyms, institutions), people and topics in text."""

    def __init__(self, book: PartyBook) -> None:
        self.book = book
        entries: list[tuple[str, str, str, str | None, Iterable[str]]] = []
        for party in book.parties:
            party_names = (
                party.name_fr,
                party.name_en,
                *party.aliases,
                *party.demonyms,
                *party.institutions,
            )
            entries.append(("party", party.id, party.id, party.id, party_names))
        # a sentence naming a party's well-known person speaks of the party too
        people_names: dict[str, list[str]] = {}
        for person in book.people:
            people_names.setdefault(person.party_id, []).extend((person.name, *person.aliases))
        for person in book.people:
            entries.append(("person", person.name, person.name, person.party_id, person.aliases))
            entries.append(("person", person.name, person.name, person.party_id, [person.name]))
        for topic, topic_words in TOPIC_WORDS.items():
            entries.append(("topic", topic, topic, None, topic_words))
        self._entries: list[tuple[str, str, str | None, re.Pattern[str], bool, str]] = []
        for kind, key, _label, party_id, names in entries:
            for name in names:
                exact = _is_short_upper(name)
                needle = _needle(name if exact else fold(name))
                self._entries.append(
                    (kind, key, party_id, _pattern(name, exact_case=exact), exact, needle)
                )
        # forms: every name of the entity, so that a sentence naming it any way matches
        self._forms: dict[tuple[str, str], set[Phrase]] = {}
        self._words: dict[tuple[str, str], set[str]] = {}
        self._cased: dict[tuple[str, str], frozenset[str]] = {}
        for kind, key, _label, _party_id, names in entries:
            if kind == "party":
                names = [*names, *people_names.get(key, [])]
            bucket = self._forms.setdefault((kind, key), set())
            surfaces = self._words.setdefault((kind, key), set())
            for name in names:
                if _is_short_upper(name):
                    # "US", "UE": too ambiguous once folded and stemmed; matched as written
                    if kind == "party" and len(name.replace(".", "")) >= 2:
                        self._cased[(kind, key)] = self._cased.get((kind, key), frozenset()) | {
                            name
                        }
                    continue
                bucket |= {_drop_article(f) for f in phrase_forms(name)}
                surfaces.add(fold(name))

    def forms(self, kind: str, key: str) -> set[Phrase]:
        return self._forms.get((kind, key), set())

    def words(self, kind: str, key: str) -> set[str]:
        """Folded surface names of an entity, for PostgreSQL queries."""
        return self._words.get((kind, key), set())

    def find(self, text: str) -> list[Mention]:
        """Mentions in ``text``, longest match first, without overlaps; one per entity, its
        first."""
        folded = fold(text)
        hits: list[tuple[int, int, str, str, str | None]] = []
        for kind, key, party_id, pattern, exact, needle in self._entries:
            haystack = text if exact else folded
            if needle not in haystack:
                continue
            for match in pattern.finditer(haystack):
                hits.append((match.start(), match.end(), kind, key, party_id))
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int]] = []
        out: dict[tuple[str, str], Mention] = {}
        for start, end, kind, key, party_id in hits:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            # an entity named twice is where the question first names it ("la position de
            # l'OTAN … l'Alliance"), whichever name is longer
            if (kind, key) not in out or start < out[(kind, key)].span[0]:
                out[(kind, key)] = Mention(
                    kind,
                    key,
                    party_id,
                    self.forms(kind, key),
                    (start, end),
                    self.words(kind, key),
                    self._cased.get((kind, key), frozenset()),
                )
        return sorted(out.values(), key=lambda m: m.span[0])


_ARTICLES = {"l", "la", "le", "les", "the"}


def _drop_article(form: Phrase) -> Phrase:
    while len(form) > 1 and form[0] in _ARTICLES:
        form = form[1:]
    return form


@lru_cache(maxsize=1)
def _bridge_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(entry, needle, pattern) of each multi-word bridge entry, in bridge order."""
    return tuple(
        (entry, _needle(fold(entry)), _pattern(entry, exact_case=False))
        for row in BRIDGE
        for entry in row
        if " " in entry
    )


# the subject pronoun a French question puts after its verb ("mettra-t-elle", "peut-il")
_INVERSION = re.compile(r"(?<=\w)-(?:t-)?(?:il|elle|ils|elles|on)(?!\w)")


def without_inversion(folded: str) -> str:
    """``folded`` with the pronouns of a French question's inversion blanked (same length):
    "la Norvège mettra-t-elle à disposition" holds the phrase "mettra à disposition"."""
    return _INVERSION.sub(lambda m: " " * len(m.group()), folded)


def bridge_phrases(text: str) -> list[tuple[str, int, int]]:
    """Multi-word bridge entries found in ``text`` (folded, a question's inverted pronouns
    left out): (entry, start, end)."""
    folded = without_inversion(fold(text))
    out = []
    for entry, needle, pattern in _bridge_patterns():
        if needle not in folded:
            continue
        for match in pattern.finditer(folded):
            out.append((entry, match.start(), match.end()))
    return out


def contains(sentence: list[str], phrase: Phrase) -> bool:
    """True when the stems of ``phrase`` occur contiguously in ``sentence``."""
    if len(phrase) == 1:
        return phrase[0] in sentence
    n = len(phrase)
    first = phrase[0]
    return any(
        sentence[i] == first and tuple(sentence[i : i + n]) == phrase
        for i in range(len(sentence) - n + 1)
    )
