"""Exact and near-duplicate detection: hashes, canonical URLs, MinHash groups in SQLite."""

from __future__ import annotations

from pathlib import Path

from bot.ingest.dedupe import NearDupIndex, canonical_url, content_hash, minhash, similarity
from bot.ingest.pipeline import ingest
from bot.settings import Settings
from bot.store.db import Database

WIRE = """Les ministres des Affaires étrangères de sept pays se sont réunis lundi à Helsinki pour
tenter de relancer les discussions sur un cessez-le-feu dans l'est du continent, a-t-on appris
auprès de plusieurs délégations. La rencontre, organisée à huis clos dans un manoir au bord
de la mer, a duré près de six heures et s'est achevée sans déclaration commune. Selon un
diplomate présent, les participants ont surtout échangé sur la surveillance d'une future ligne
de démarcation et sur le rôle que pourraient y jouer des observateurs civils venus de pays
neutres. « Nous avons posé les bases d'un calendrier, mais rien n'est acquis », a résumé la
ministre finlandaise devant la presse à la sortie de la réunion. Son homologue norvégien a
insisté sur la nécessité d'un accord sur l'échange de prisonniers avant tout autre sujet,
estimant que ce geste permettrait de rétablir un minimum de confiance entre les parties. Les
délégations doivent se retrouver dans trois semaines à Oslo, où un premier texte pourrait
être soumis aux belligérants. Plusieurs ONG ont salué l'initiative tout en rappelant que les
précédentes tentatives de médiation avaient échoué faute de mécanisme de contrôle crédible.
Les marchés de l'énergie ont réagi avec prudence, le prix du gaz restant stable en fin de
séance à Amsterdam."""

OTHER = """Les ministres des Affaires étrangères européens ont discuté mardi à Bruxelles d'un
nouveau paquet de sanctions visant le secteur bancaire, sans parvenir à un accord. Deux pays
ont demandé des exemptions pour leurs importations d'engrais, tandis que d'autres réclamaient
un mécanisme de sortie progressif. Le haut représentant a déclaré que le cessez-le-feu restait
l'objectif, mais que la pression économique devait être maintenue d'ici là. Une nouvelle
réunion est prévue à la fin du mois pour tenter de lever les derniers blocages juridiques."""

OUTLETS = [
    ("Le Quotidien du Nord — Monde — publié le 3 mars à 18 h 02", "Abonnez-vous à notre lettre."),
    ("AGENCE | Dépêche | Helsinki, 3 mars", "© Agence. Reproduction interdite sans accord."),
    ("Info Continue · International", "Lire aussi : nos analyses sur le conflit."),
    ("La Gazette de l'Ouest\nPolitique étrangère", "Partager sur les réseaux | Imprimer"),
    ("Radio Horizon - Journal de 19 heures", "Retrouvez l'intégralité du journal en podcast."),
]


def test_content_hash_ignores_spacing_quotes_and_case() -> None:
    assert content_hash("L’accord  est « signé »") == content_hash('l\'accord est "signé"')
    assert content_hash("accord signé") != content_hash("accord rejeté")
    assert len(content_hash("x")) == 64


def test_canonical_url() -> None:
    assert (
        canonical_url("HTTPS://Www.Example.TEST:443/Monde/Article/?utm_source=rss&b=2&a=1#top")
        == "https://www.example.test/Monde/Article?a=1&b=2"
    )
    assert canonical_url("http://example.test:80/a?fbclid=1&gclid=2&xtor=RSS-3") == (
        "http://example.test/a"
    )
    assert canonical_url("http://example.test:8080/") == "http://example.test:8080"
    assert canonical_url("https://example.test/a?id=5") != canonical_url(
        "https://example.test/a?id=6"
    )


def test_minhash_is_compact_and_deterministic() -> None:
    sig = minhash(WIRE)
    assert sig == minhash(WIRE) and len(sig) == 512
    assert similarity(sig, minhash(OUTLETS[0][0] + "\n" + WIRE)) > 0.8
    assert similarity(sig, minhash(OTHER)) < 0.2


def test_same_wire_story_from_five_outlets_is_one_group(tmp_path: Path) -> None:
    files = []
    for i, (head, foot) in enumerate(OUTLETS):
        path = tmp_path / f"outlet{i}.txt"
        path.write_text(f"{head}\n\n{WIRE}\n\n{foot}\n", encoding="utf-8")
        files.append(str(path))
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    db = Database(f"sqlite:///{tmp_path / 'dedupe.sqlite3'}")
    report = ingest([*files, str(other)], db, Settings())
    statuses = [i.status for i in report.items]
    assert statuses == ["new"] + ["near_duplicate"] * 4 + ["new"]
    first = report.items[0].article_id
    assert first is not None
    index = NearDupIndex.from_db(db)
    assert len(index) == 6
    assert index.find(minhash(WIRE)) == first
    assert index.find(minhash(OTHER)) == report.items[5].article_id
    # a later run (fresh index built from the store) still groups the story
    late = tmp_path / "late.txt"
    late.write_text("Édition du soir\n" + WIRE + "\nFin de l'édition", encoding="utf-8")
    again = ingest([str(late)], db, Settings())
    assert again.items[0].status == "near_duplicate"
