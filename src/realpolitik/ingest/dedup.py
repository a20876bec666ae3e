"""Duplicates, found before coding: exact copies by content hash, near copies by MinHash-LSH.

- ``content_hash``: SHA-1 of the text's words, lower-cased (whitespace, punctuation and case
  differences do not make a new article).
- ``signature``: a datasketch ``MinHash`` (128 permutations, fixed seed, so signatures are
  comparable across runs and machines) over word 3-shingles, cut into LSH bands (datasketch's
  choice for ``LSH_THRESHOLD``). Texts under ``MIN_WORDS`` words get none: too short to call a
  near copy (exact copies are still found).
- A near copy is a candidate whose estimated Jaccard similarity is at least ``THRESHOLD`` AND
  that has nearly the same capitalised words and numbers (``same_names``): a short item that
  swaps "Ukraine" for "Belarus", or 40 dead for 91, shares most shingles but reports another event.
- Copies (exact or near) must be dated within ``WINDOW_DAYS`` of each other (unknown dates
  match any): the same sentence a month later is a new event, not a re-publication.
- The LSH index lives in the store (table ``lsh_bands``: one row per band bucket of an
  article; signatures in ``articles.minhash``), so it works across runs without being held in
  memory; ``rebuild_index`` recomputes it from the stored texts.

``Deduplicator.classify`` decides, for a batch in input order, which articles are already
stored, exact or near copies (of a stored article or of an earlier one in the batch), and
which are first copies to code. A copy is linked to the first copy of whatever it matched.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from realpolitik.records import Article

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 3
THRESHOLD = 0.6  # estimated Jaccard similarity of 3-shingle sets at which a text is a near copy
# LSH bands are cut for a lower similarity, so that pairs just above THRESHOLD are (almost)
# always candidates (P = 0.99 at 0.6 with 32 bands of 4); candidates are then checked exactly.
LSH_THRESHOLD = 0.4
MIN_WORDS = 12
# A copy must also name (nearly) the same people, places and figures: "Russia imposed sanctions
# on Ukraine ..." and "... on Belarus ..." share most shingles of a short text but are two events.
NAMES_THRESHOLD = 0.8
# Copies are published within days of each other; the same words weeks apart ("At least 40
# Palestinians are killed in Israeli attacks across the Gaza Strip") report another event.
WINDOW_DAYS = 3

_WORD = re.compile(r"\w+", re.UNICODE)
_NAME = re.compile(r"\b[A-Z][\w'’-]*|\d[\d,.]*")


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def content_hash(text: str) -> str:
    return hashlib.sha1(" ".join(words(text)).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def lsh_params() -> tuple[int, int]:
    """(bands, rows per band) that datasketch picks for LSH_THRESHOLD and NUM_PERM."""
    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def params_meta() -> dict[str, str]:
    bands, rows = lsh_params()
    return {
        "lsh_num_perm": str(NUM_PERM),
        "lsh_seed": str(SEED),
        "lsh_shingle_words": str(SHINGLE_WORDS),
        "lsh_threshold": str(LSH_THRESHOLD),
        "lsh_bands": str(bands),
        "lsh_rows": str(rows),
        "lsh_min_words": str(MIN_WORDS),
    }


@lru_cache(maxsize=1)
def _template() -> MinHash:
    # MinHash draws its permutations from the seed; copying a template skips redrawing them.
    return MinHash(num_perm=NUM_PERM, seed=SEED)


@dataclass(frozen=True)
class Signature:
    hashvalues: np.ndarray
    bands: tuple[tuple[int, int], ...]

    def to_bytes(self) -> bytes:
        return self.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u8")


def band_keys(hashvalues: np.ndarray) -> tuple[tuple[int, int], ...]:
    bands, rows = lsh_params()
    keys = []
    for band in range(bands):
        chunk = hashvalues[band * rows : (band + 1) * rows].astype("<u8").tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return tuple(keys)


def signature(text: str) -> Signature | None:
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(tokens) - SHINGLE_WORDS + 1)}
    minhash = _template().copy()
    minhash.update_batch(list(shingles))
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    return Signature(values, band_keys(values))


def names(text: str) -> set[str]:
    """Capitalised words and numbers: the names, figures (and sentence-initial words) a copy
    must share. "At least 91 Palestinians are killed ..." and "At least 60 ..." are two reports."""
    return {token.rstrip(",.") for token in _NAME.findall(text)}


def same_names(a: str, b: str) -> bool:
    x, y = names(a), names(b)
    if not x and not y:
        return True
    return len(x & y) / len(x | y) >= NAMES_THRESHOLD


def close_in_time(a: str | None, b: str | None) -> bool:
    """Dates within WINDOW_DAYS of each other (an unknown date is close to any)."""
    if not a or not b:
        return True
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= WINDOW_DAYS
    except ValueError:
        return True


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures (what ``MinHash.jaccard`` computes)."""
    return float(np.count_nonzero(a == b)) / len(a)


# -- classifying a batch ---------------------------------------------------------------------


@dataclass
class Verdict:
    """What to do with one article of a batch."""

    article: Article
    content_hash: str
    status: str  # new | exact | near | stored | conflict
    signature: Signature | None = None
    duplicate_of: str | None = None
    similarity: float | None = None
    extra: dict = field(default_factory=dict)


class Deduplicator:
    """Classifies batches against the store (``stored_hashes``, ``copies_by_hash``,
    ``lsh_candidates``, ``signatures``) and against the batch itself."""

    def __init__(self, store) -> None:
        self.store = store

    def ensure_index(self) -> bool:
        """Check the stored LSH parameters; rebuild the index if they differ. True if rebuilt."""
        if getattr(self.store, "_lsh_checked", False):
            return False
        wanted = params_meta()
        stored = {key: self.store.meta(key) for key in wanted}
        if stored == wanted:
            self.store._lsh_checked = True
            return False
        if all(v is None for v in stored.values()) and self.store.counts()["articles"] == 0:
            for key, value in wanted.items():
                self.store.set_meta(key, value)
            self.store._lsh_checked = True
            return False
        rebuild_index(self.store)
        self.store._lsh_checked = True
        return True

    def classify(self, articles: list[Article]) -> list[Verdict]:
        hashes = [content_hash(a.text) for a in articles]
        stored = self.store.stored_hashes(a.id for a in articles)
        by_hash = self.store.copies_by_hash(hashes)  # digest -> [(root, date)]
        signatures = [signature(a.text) for a in articles]
        keys = {k for s in signatures if s is not None for k in s.bands}
        buckets = self.store.lsh_candidates(keys)  # (band, key) -> [seq]
        known = self.store.signatures({q for seqs in buckets.values() for q in seqs})  # seq -> (bytes, doc_id, root, date)
        known_values = {q: from_bytes(v[0]) for q, v in known.items()}

        batch_ids: dict[str, str] = {}  # doc_id -> content hash, for this batch
        batch_hash_roots: dict[str, list[tuple[str, str | None]]] = {}
        batch_buckets: dict[tuple[int, int], list[int]] = {}  # (band, key) -> positions in batch
        batch_values: dict[int, np.ndarray] = {}
        batch_root: dict[int, str] = {}

        verdicts: list[Verdict] = []
        for position, (article, digest, sig) in enumerate(zip(articles, hashes, signatures)):
            doc_id = article.id
            previous = stored.get(doc_id, batch_ids.get(doc_id))
            if previous is not None:
                status = "stored" if previous == digest else "conflict"
                verdicts.append(Verdict(article, digest, status))
                continue
            batch_ids[doc_id] = digest
            same = [*by_hash.get(digest, ()), *batch_hash_roots.get(digest, ())]
            root = next((r for r, day in same if close_in_time(article.date, day)), None)
            if root is not None:
                verdicts.append(Verdict(article, digest, "exact", None, root, 1.0))
                continue
            # best match: highest similarity, then the earliest (stored before batch), that also
            # names the same people and places
            candidates: list[tuple[float, int, str, int | None, int | None]] = []
            if sig is not None:
                seen_stored: set[int] = set()
                seen_batch: set[int] = set()
                for key in sig.bands:
                    for seq in buckets.get(key, ()):
                        if seq in seen_stored or seq not in known_values:
                            continue
                        seen_stored.add(seq)
                        if not close_in_time(article.date, known[seq][3]):
                            continue
                        score = similarity(sig.hashvalues, known_values[seq])
                        if score >= THRESHOLD:
                            candidates.append((score, -seq, known[seq][2], seq, None))
                    for other in batch_buckets.get(key, ()):
                        if other in seen_batch:
                            continue
                        seen_batch.add(other)
                        if not close_in_time(article.date, articles[other].date):
                            continue
                        score = similarity(sig.hashvalues, batch_values[other])
                        if score >= THRESHOLD:
                            candidates.append((score, -(2**62 + other), batch_root[other], None, other))
            best: tuple[float, str] | None = None
            if candidates:
                candidates.sort(reverse=True)
                texts = self.store.texts([c[3] for c in candidates if c[3] is not None])
                for score, _, root_id, seq, other in candidates:
                    text = texts.get(seq) if seq is not None else articles[other].text
                    if text is not None and same_names(article.text, text):
                        best = (score, root_id)
                        break
            if best is not None:
                verdict = Verdict(article, digest, "near", sig, best[1], round(best[0], 4))
                root = best[1]
            else:
                verdict = Verdict(article, digest, "new", sig)
                root = doc_id
                batch_hash_roots.setdefault(digest, []).append((doc_id, article.date))
            verdicts.append(verdict)
            if sig is not None:
                batch_values[position] = sig.hashvalues
                batch_root[position] = root
                for key in sig.bands:
                    batch_buckets.setdefault(key, []).append(position)
        return verdicts


def rebuild_index(store) -> int:
    """Recompute every stored article's MinHash signature and LSH bands from its text (after the
    parameters change, or if the index is lost); one transaction. Returns the articles indexed."""
    signatures: dict[str, bytes | None] = {}
    bands: list[tuple[int, int, int]] = []
    for seq, doc_id, text, kind in store.iter_texts():
        sig = signature(text)
        signatures[doc_id] = sig.to_bytes() if sig is not None else None
        if sig is not None and kind != "exact":
            bands.extend((b, k, seq) for b, k in sig.bands)
    store.replace_lsh_index(signatures, bands, params_meta())
    return sum(1 for v in signatures.values() if v is not None)
