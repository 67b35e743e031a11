"""Duplicate detection: exact (content hash, canonical URL) and near (MinHash + LSH).

``content_hash`` hashes the text after ``textnorm.ground_key`` normalisation, so spacing,
quote style and case do not make two copies look different. ``minhash`` signs the text's word
5-shingles with ``NUM_PERM`` fixed affine permutations of 32-bit shingle hashes (fixed seed, so
signatures from different runs compare) and serialises them little-endian (``NUM_PERM * 4``
bytes). ``NearDupIndex`` buckets recent signatures by bands (LSH) and a candidate only counts
when its estimated Jaccard similarity reaches ``THRESHOLD``. A wire story re-published with each
outlet's own header/footer stays well above it, while two different stories on one topic share
almost no 5-shingles. The few lines of numpy here replace a MinHash library whose import alone
(SciPy) cost a second of every command's start-up.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from bot.store.articles import recent_minhashes
from bot.store.db import Database
from bot.textnorm import ground_key

NUM_PERM = 128
SEED = 1
SHINGLE = 5
THRESHOLD = 0.7
BANDS, ROWS = 16, 8  # LSH bands: candidates from about 0.7 similarity up
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.RandomState(SEED)
_A = _rng.randint(1, 1 << 31, size=NUM_PERM, dtype=np.uint64)
_B = _rng.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)

_WORD = re.compile(r"\w+")
_TRACKING = frozenset(
    {
        "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref_src",
        "ref_url", "xtor", "cmpid", "ocid", "ncid", "sr_share", "at_medium", "at_campaign",
        "at_source", "at_content", "at_format", "at_link", "spm", "s_cid",
    }
)  # fmt: skip
_DEFAULT_PORTS = {"http": 80, "https": 443}


def content_hash(text: str) -> str:
    """sha256 (hex) of ``text`` normalised like ``textnorm.ground_key``."""
    return hashlib.sha256(ground_key(text).encode("utf-8")).hexdigest()


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key.startswith(("utm_", "pk_", "mtm_")) or key in _TRACKING


def canonical_url(url: str) -> str:
    """``url`` with lower-case scheme/host, no fragment, tracking parameters, default port
    or trailing slash, and a sorted query."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        cred = parts.username + (f":{parts.password}" if parts.password else "")
        netloc = f"{cred}@{netloc}"
    path = parts.path.rstrip("/")
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(ground_key(text))
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {
        " ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)
    }


def minhash(text: str) -> bytes:
    """MinHash signature of ``text``'s word 5-shingles, ``NUM_PERM * 4`` bytes."""
    grams = shingles(text)
    if not grams:
        return np.full(NUM_PERM, 0xFFFFFFFF, dtype="<u4").tobytes()
    hashes = np.array(
        [int.from_bytes(hashlib.sha1(g).digest()[:4], "little") for g in grams], dtype=np.uint64
    )
    permuted = (_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME
    return (permuted & np.uint64(0xFFFFFFFF)).min(axis=1).astype("<u4").tobytes()


def load_minhash(sig: bytes) -> np.ndarray:
    values = np.frombuffer(sig, dtype="<u4")
    if len(values) != NUM_PERM:
        raise ValueError(f"signature has {len(values)} values, expected {NUM_PERM}")
    return values


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two serialised signatures."""
    return float(np.mean(load_minhash(a) == load_minhash(b)))


class NearDupIndex:
    """Recent article signatures, queried for the group of a near-duplicate."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._buckets: dict[tuple[int, bytes], list[int]] = {}
        self._groups: dict[int, int] = {}
        self._sigs: dict[int, np.ndarray] = {}

    @classmethod
    def from_db(cls, db: Database, limit: int = 5000) -> NearDupIndex:
        index = cls()
        for article_id, group_id, sig in reversed(recent_minhashes(db, limit)):
            try:
                index.add(article_id, group_id, sig)
            except ValueError:
                continue  # a signature from another NUM_PERM: ignore it
        return index

    def __len__(self) -> int:
        return len(self._groups)

    @staticmethod
    def _bands(values: np.ndarray) -> list[tuple[int, bytes]]:
        return [(i, values[i * ROWS : (i + 1) * ROWS].tobytes()) for i in range(BANDS)]

    def find(self, sig: bytes) -> int | None:
        """Group id of the most similar indexed article at or above the threshold."""
        values = load_minhash(sig)
        candidates = {key for band in self._bands(values) for key in self._buckets.get(band, ())}
        best: tuple[float, int] | None = None
        for key in candidates:
            score = float(np.mean(values == self._sigs[key]))
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, self._groups[key])
        return best[1] if best else None

    def add(self, article_id: int, group_id: int, sig: bytes) -> None:
        if article_id in self._groups:
            return
        values = load_minhash(sig)
        for band in self._bands(values):
            self._buckets.setdefault(band, []).append(article_id)
        self._groups[article_id] = group_id
        self._sigs[article_id] = values
