"""Start-up stays light: what a cold ``briefbot brief`` skips, and that skipping it changes no
annotation the engine reads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from bot.settings import PROJECT_DIR

SAMPLES = PROJECT_DIR / "bot" / "samples"


def run_python(code: str) -> str:
    """stdout of ``code`` in a fresh interpreter (nothing imported by this test process)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_ingesting_text_needs_no_html_extractor() -> None:
    out = run_python(
        """
        import sys
        import bot.app
        print("trafilatura" in sys.modules)
        """
    )
    assert out.strip() == "False"


def annotations(doc: object) -> list[tuple[object, ...]]:
    """Every token attribute the rules read, with sentences and entities."""
    return [
        (
            t.idx,
            t.text,
            t.pos_,
            t.tag_,
            str(t.morph),
            t.dep_,
            t.head.i,
            t.ent_type_,
            t.is_sent_start,
        )
        for t in doc  # type: ignore[attr-defined]
    ]


def plain_english(spacy: object, names: tuple[str, ...]) -> object | None:
    for name in names:
        try:
            return spacy.load(name, exclude=["lemmatizer"])  # type: ignore[attr-defined]
        except OSError:
            continue
    return None


def test_light_loading_gives_the_same_annotations() -> None:
    """The pipelines load without the string table and (English) without the default tokenizer
    built first; a plain ``spacy.load`` of the same pipes annotates the samples identically."""
    import spacy

    from bot.extract.rules import nlp
    from bot.ingest.lang import detect_lang

    fr = nlp.get_nlp("fr")
    assert len(fr.vocab.strings) < 100_000  # the model's 10 MB strings.json was not read
    # the same French pipes, tokenizer and order as nlp.py, with the string table
    model_pipes = [p for p in fr.pipe_names if p != "briefbot_paragraphs"]
    config = {"nlp": {"tokenizer": fr.config["nlp"]["tokenizer"], "pipeline": model_pipes}}
    full = {
        "fr": spacy.load(nlp.FR_MODEL, exclude=["attribute_ruler", "lemmatizer"], config=config)
    }
    full["fr"].enable_pipe("senter")
    full["fr"] = nlp.with_paragraph_breaks(spacy, full["fr"])  # the project's own component
    assert len(full["fr"].vocab.strings) > len(fr.vocab.strings)
    light = {"fr": fr, "en": nlp.get_nlp("en")}
    english = plain_english(spacy, nlp.en_model_names())
    full["en"] = nlp.with_paragraph_breaks(spacy, english) if english is not None else light["en"]
    seen = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        lang = "en" if detect_lang(text) == "en" else "fr"
        seen.add(lang)
        assert annotations(light[lang](text)) == annotations(full[lang](text)), path.name
    assert seen == {"fr", "en"}
