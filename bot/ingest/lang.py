"""Language detection with py3langid, restricted to the languages news inputs plausibly use.

The model is loaded once, lazily, and shared (py3langid classification is thread-safe once
the identifier exists). ``detect_lang`` returns an ISO 639-1 code, ``"und"`` for no text.
"""

from __future__ import annotations

import threading
from typing import Any

PLAUSIBLE = ("fr", "en", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "ro", "ar")
_SAMPLE_CHARS = 20_000  # enough for a stable answer, keeps long articles fast

_identifier: Any = None
_lock = threading.Lock()


def _model() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages(list(PLAUSIBLE))
                _identifier = ident
    return _identifier


def detect_lang(text: str) -> str:
    """``"fr"``, ``"en"`` or another code from ``PLAUSIBLE``; ``"und"`` for empty text."""
    sample = text[:_SAMPLE_CHARS]
    if not sample.strip():
        return "und"
    lang, _prob = _model().classify(sample)
    return str(lang)
