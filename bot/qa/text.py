"""Words of a text for question answering: folded tokens, stop words and stems.

Stems are computed on folded text (lower case, no diacritics) with the Snowball stemmer of
the text's language, so "négociation" and "négociations" share the stem ``negoci``. The same
function is used when indexing and when querying.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from bot.textnorm import fold, ground_key

_WORD = re.compile(r"\w+", re.UNICODE)

STOPWORDS_FR = frozenset(
    [
        "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "c", "ça", "d", "de", "des",
        "du", "dans", "elle", "elles", "en", "et", "est", "été", "être", "eu", "il", "ils", "j",
        "je", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me", "même",
        "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre", "nous", "on", "ont", "ou", "où",
        "par", "pas", "pour", "qu", "que", "qui", "quoi", "quel", "quelle", "quels", "quelles", "s",
        "sa", "sans", "se", "ses", "si", "son", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu",
        "un", "une", "vos", "votre", "vous", "y", "avait", "avaient", "sont", "sera", "seront",
        "fait", "faire", "ai", "as", "avons", "avez", "été", "était", "étaient", "comment",
        "pourquoi", "quand", "combien", "lequel", "laquelle", "lesquels", "est-ce", "ceci", "cela",
        "dont", "aussi", "plus", "très", "tout", "tous", "toute", "toutes", "alors", "donc",
        "selon", "entre", "vers", "chez", "sous", "après", "avant", "depuis", "pendant", "contre",
        "selon-lui", "dit", "dire", "déclaré", "déclare", "affirmé", "affirme", "indiqué", "estimé",
        "parlé", "parle", "pense", "pensé", "pensent", "propos", "sujet", "concernant", "qu'est",
        "qu'a", "qu'ont", "t-il", "t-elle", "a-t-il", "a-t-elle", "ont-ils", "quoi-que", "ceux",
        "celle", "celui", "celles", "rien", "chose", "choses", "fois", "ainsi", "déjà", "encore",
        "comme", "va", "vont",
    ]
)  # fmt: skip
STOPWORDS_EN = frozenset(
    [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
        "from", "about", "as", "into", "over", "after", "before", "is", "are", "was", "were", "be",
        "been", "being", "do", "does", "did", "done", "have", "has", "had", "having", "it", "its",
        "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "whose",
        "when", "where", "why", "how", "i", "you", "he", "she", "we", "they", "them", "his", "her",
        "their", "our", "your", "my", "me", "us", "him", "not", "no", "yes", "any", "some", "all",
        "can", "could", "would", "should", "will", "shall", "may", "might", "must", "also", "very",
        "more", "most", "than", "then", "so", "such", "just", "only", "said", "say", "says",
        "saying", "tell", "told", "think", "thinks", "thought", "stated", "state", "states",
        "declared", "claim", "claimed", "according", "regarding", "concerning", "s", "t", "don",
        "doesn", "didn", "isn", "aren", "wasn", "weren", "won", "wouldn", "couldn", "shouldn",
        "hasn", "haven", "hadn", "one", "ones", "other", "others", "between", "among",
        "against", "without", "towards", "toward", "along", "alongside", "across", "within",
        "own",
    ]
)  # fmt: skip
# generic verbs and nouns of questions, in both languages
STOPWORDS_QUESTION = frozenset(
    [
        "happen", "happened", "happens", "going", "kind", "kinds", "sort", "type", "passé", "passe",
        "arrivé", "arrive", "due", "during", "while", "amid", "despite", "now", "currently",
    ]
)  # fmt: skip
STOPWORDS = frozenset(fold(w) for w in STOPWORDS_FR | STOPWORDS_EN | STOPWORDS_QUESTION)
# each language's own ("propos" is a French word of questions, not an English stem)
STOPWORDS_OF = {
    "fr": frozenset(fold(w) for w in STOPWORDS_FR | STOPWORDS_QUESTION),
    "en": frozenset(fold(w) for w in STOPWORDS_EN | STOPWORDS_QUESTION),
}
QUESTION_WORDS_RAW = frozenset(
    [
        "que", "quoi", "quel", "quelle", "quels", "quelles", "comment", "pourquoi", "quand",
        "combien", "qui", "où", "est-ce", "what", "which", "who", "whom", "when", "where", "why",
        "how",
    ]
)  # fmt: skip
QUESTION_WORDS = frozenset(fold(w) for w in QUESTION_WORDS_RAW)


@lru_cache(maxsize=4)
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english" if lang == "en" else "french")


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str) -> str:
    """The stem of one folded word in ``lang`` ("fr" or "en")."""
    return str(_stemmer(lang).stemWord(word))


@lru_cache(maxsize=65536)
def folded(text: str) -> str:
    """``fold(text)``, remembered (sentences are folded again and again while ranking)."""
    return fold(text)


@lru_cache(maxsize=16384)
def grounded(text: str) -> str:
    """``ground_key(text)``, remembered (each stored position looks for its sentence among
    those of its article: every sentence's key, once per position)."""
    return ground_key(text)


def tokens(text: str) -> list[str]:
    """Folded word tokens (lower case, no diacritics)."""
    return _WORD.findall(fold(text))


def stems(text: str, lang: str) -> list[str]:
    return [stem(w, lang) for w in tokens(text)]


def stem_text(text: str, lang: str) -> str:
    """The stemmed form stored in the full-text column."""
    return " ".join(stems(text, lang))


def both_stems(word: str) -> set[str]:
    """A folded word stemmed as French and as English (a question term's possible forms)."""
    return {stem(word, "fr"), stem(word, "en")}


def content_words(text: str) -> list[str]:
    """Folded tokens of ``text`` that are not stop words, numbers or single letters."""
    return [w for w in tokens(text) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()]


# English and French spellings of the same (Slavic) name: "Galuzin"/"Galouzine",
# "Shmyhal"/"Chmyhal", "Medinsky"/"Medinski", "Kuleba"/"Kouleba"
_EN_TO_FR = ((r"shch", "chtch"), (r"ch", "tch"), (r"sh", "ch"), (r"zh", "j"), (r"(?<!o)u", "ou"))
_FR_TO_EN = ((r"chtch", "shch"), (r"tch", "\x00"), (r"ch", "sh"), (r"\x00", "ch"), (r"ou", "u"))


def name_variants(word: str) -> set[str]:
    """A name's word as written (folded) and as the other language would spell it: the usual
    English and French transliterations of Russian and Ukrainian names, for names the party
    book does not list."""
    word = fold(word)
    out = {word}
    french = word
    for a, b in _EN_TO_FR:
        french = re.sub(a, b, french)
    french = re.sub(r"sky$", "ski", re.sub(r"(?<=[aeiou][a-z])in$", "ine", french))
    english = word
    for a, b in _FR_TO_EN:
        english = re.sub(a, b, english)
    english = re.sub(r"ski$", "sky", re.sub(r"(?<=[aeiou][a-z])ine$", "in", english))
    out |= {french, english}
    return {w for w in out if w}
