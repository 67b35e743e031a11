"""Local files and folders: encodings, verbatim text, binary/empty/missing inputs, HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.ingest.errors import IngestError
from bot.ingest.files import list_files, load_file
from bot.ingest.pipeline import ingest
from bot.settings import Settings
from bot.store.db import Database

STORY = (
    "Négociations à Genève\r\n\r\n"
    "Le ministre a déclaré mardi : « Nous ne céderons rien sur les frontières. »\r\n"
    "Les délégations se retrouveront   jeudi pour une nouvelle séance.\r\n"
)

HTML = """<html><head><title>Sommet de Vienne</title>
<meta property="article:published_time" content="2026-02-14T09:30:00Z">
</head><body><nav>Accueil | Monde | Contact</nav><article><h1>Sommet de Vienne</h1>
<p>Les représentants des deux camps se sont retrouvés samedi à Vienne pour discuter d'un
cessez-le-feu durable, a annoncé le médiateur dans un communiqué publié en fin de matinée.</p>
<p>« Le dialogue est la seule voie possible », a affirmé la porte-parole de la délégation,
ajoutant que les discussions techniques reprendraient la semaine suivante à Genève.</p>
<p>Les observateurs notent toutefois que les positions restent éloignées sur la question des
garanties de sécurité et du calendrier d'un éventuel retrait des troupes.</p>
</article><footer>Tous droits réservés</footer></body></html>"""


def _db(tmp_path: Path) -> Database:
    return Database(f"sqlite:///{tmp_path / 'files.sqlite3'}")


def test_utf8_text_kept_verbatim_with_normalised_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(STORY.encode("utf-8"))
    article = load_file(path)
    assert article.text == STORY.replace("\r\n", "\n")
    assert "relèveront" not in article.text and "   jeudi" in article.text
    assert article.title == "Négociations à Genève"
    assert article.path == str(path.resolve())


def test_utf8_bom_and_utf16_are_decoded(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + "Déclaration officielle".encode())
    assert load_file(tmp_path / "bom.txt").text == "Déclaration officielle"
    (tmp_path / "u16.txt").write_bytes("Trêve annoncée".encode("utf-16"))
    assert load_file(tmp_path / "u16.txt").text == "Trêve annoncée"


def test_cp1252_bytes(tmp_path: Path) -> None:
    path = tmp_path / "cp.txt"
    path.write_bytes("L’État a payé 5 € « tout de suite »".encode("cp1252"))
    assert load_file(path).text == "L’État a payé 5 € « tout de suite »"


def test_latin1_fallback_when_cp1252_fails(tmp_path: Path) -> None:
    path = tmp_path / "l1.txt"
    path.write_bytes("Côte".encode("latin-1") + b" \x81 fin")
    assert load_file(path).text == "Côte \x81 fin"


def test_binary_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(IngestError, match="binary file"):
        load_file(path)
    ctrl = tmp_path / "ctrl.md"
    ctrl.write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08 text" * 50)
    with pytest.raises(IngestError, match="binary file"):
        load_file(ctrl)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_files_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match="empty article"):
        load_file(path)


def test_markdown_title(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("\n# Sanctions prolongées\n\nLe Conseil a prolongé les mesures.\n")
    article = load_file(path)
    assert article.title == "Sanctions prolongées"
    assert article.text.startswith("\n# Sanctions")


def test_html_file_extracted_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    article = load_file(path)
    assert "Le dialogue est la seule voie possible" in article.text
    assert "Accueil | Monde" not in article.text
    assert article.title == "Sommet de Vienne"
    assert article.published is not None and article.published.year == 2026


def test_folder_recursion_is_sorted_and_skips_hidden_and_other_types(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.md").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b" / "c.HTM").write_text("c")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".git" / "x.txt").write_text("x")
    names = [p.relative_to(tmp_path).as_posix() for p in list_files(tmp_path)]
    assert names == ["a.txt", "b/c.HTM", "b/z.md"]


def test_pipeline_reports_each_file_and_keeps_going(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1.txt").write_bytes(STORY.encode("cp1252"))
    (folder / "2.txt").write_bytes(b"")
    (folder / "3.txt").write_bytes(b"\x00\x01binary")
    (folder / "4.html").write_text(HTML)
    missing = str(tmp_path / "nope.txt")
    db = _db(tmp_path)
    seen: list[str] = []
    report = ingest(
        [missing, str(folder)], db, Settings(), on_progress=lambda i: seen.append(i.status)
    )
    statuses = [(Path(i.input).name, i.status) for i in report.items]
    assert statuses == [
        ("nope.txt", "error"),
        ("1.txt", "new"),
        ("2.txt", "error"),
        ("3.txt", "error"),
        ("4.html", "new"),
    ]
    reasons = [i.reason for i in report.items if i.status == "error"]
    assert reasons[0] == f"no such file or folder: {missing}"
    assert reasons[1].startswith("empty article") and reasons[2].startswith("binary file")
    assert report.ok_count == 2 and report.error_count == 3 and len(report.articles) == 2
    assert seen == [s for _n, s in statuses]
    again = ingest([str(folder / "1.txt")], db, Settings())
    assert again.items[0].status == "duplicate"
    assert again.articles == report.articles[:1]
