"""Shortening by whole clauses: the result is always source clauses and ``[…]`` marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.brief.clauses import CUT, clauses, shorten_prose, shorten_quote

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèà'", min_size=1, max_size=9)
PUNCT = st.sampled_from([", ", "; ", ". ", " : ", " - ", " ", " ", " ", " ", "! "])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(WORD, PUNCT), min_size=1, max_size=60))
    return "".join(w + p for w, p in parts).strip()


def _is_clause_sequence(source: str, out: str) -> bool:
    """Each run between cut marks is a run of whole consecutive clauses of the source."""
    pieces = [p.strip() for p in clauses(source)]
    for segment in (s.strip() for s in out.split(CUT)):
        if not segment:
            continue
        found = False
        for start in range(len(pieces)):
            joined = ""
            for end in range(start, len(pieces)):
                joined = (joined + " " + pieces[end]).strip()
                if joined.rstrip(",;:–—- ") == segment.rstrip(",;:–—- "):
                    found = True
                    break
            if found:
                break
        if not found:
            return False
    return True


@settings(max_examples=300, deadline=None)
@given(sentences(), st.integers(min_value=20, max_value=200))
def test_shortened_quotes_are_source_clauses_and_cut_marks(text: str, limit: int) -> None:
    out = shorten_quote(text, limit)
    assert _is_clause_sequence(text, out)
    assert "…" not in out.replace(CUT, "")
    if len(text) <= limit:
        assert out == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(sentences(), st.integers(min_value=20, max_value=200))
def test_shortened_prose_is_leading_clauses_within_the_limit(text: str, limit: int) -> None:
    out = shorten_prose(text, limit)
    assert len(out) <= limit
    assert " ".join(text.split()).startswith(out)
    assert CUT not in out and not out.endswith("…")


def test_clauses_join_back_to_the_text() -> None:
    text = "M. Trump a dit « oui, non » ; puis, il est parti. Fin - ou presque"
    assert "".join(clauses(text)) == text
    assert clauses(text)[0] == "M. Trump a dit « oui, non » ; "


def test_a_claim_cut_by_an_ellipsis_loses_its_unfinished_clause() -> None:
    assert (
        shorten_prose("Il n'y avait pas de solution, répétant que la…", 200)
        == "Il n'y avait pas de solution"
    )


def test_quotes_drop_whole_clauses() -> None:
    text = "L'Europe doit comprendre, si elle perd, qu'elle change. Elle ne sera plus l'Europe."
    assert shorten_quote(text, 60) == "L'Europe doit comprendre, si elle perd, qu'elle change. […]"


def test_prose_is_not_cut_at_a_comma_between_two_adjectives() -> None:
    text = (
        "Oslo turned down the proposal of a gradual, conditional easing of the embargo, "
        "calling it premature"
    )
    assert shorten_prose(text, 50) == ""  # "… of a gradual" would end inside a noun phrase
    assert shorten_prose(text, 90) == (
        "Oslo turned down the proposal of a gradual, conditional easing of the embargo"
    )


def test_prose_is_cut_at_a_comma_before_a_new_clause() -> None:
    text = "Le ministre a rejeté le texte, qui prévoyait un gel des lignes, puis a quitté la salle"
    assert shorten_prose(text, 40) == "Le ministre a rejeté le texte"


def test_a_gap_the_quote_already_had_separates_its_clauses() -> None:
    # two quoted passages joined by the extractor: a cut keeps the first whole, never the tail
    # of the second without its head
    quote = (
        "Nous ne signerons rien qui gèle la guerre pour trois ans […] des garanties écrites, "
        "avec des troupes alliées sur notre sol"
    )
    assert clauses(quote)[1].strip() == CUT
    short = shorten_quote(quote, 70)
    assert short.startswith("Nous ne signerons rien")
    assert not short.startswith(CUT)


def test_a_participle_announcing_the_words_cut_goes_with_them() -> None:
    text = (
        "Erik Lund a salué « un premier résultat » obtenu à Bergen, tout en prévenant : "
        "« Aucun quota ne tiendra sans contrôle commun des ports, ni cette année ni la suivante. »"
    )
    assert shorten_prose(text, 90) == "Erik Lund a salué « un premier résultat » obtenu à Bergen"


def test_prose_cut_drops_the_conjunction_of_the_clause_cut() -> None:
    text = (
        'The council "is not at that table," although, as observers note, most of the proposed '
        "inspectors come from its members"
    )
    short = shorten_prose(text, 70)
    assert short == 'The council "is not at that table,"'
    assert not short.endswith("although")
