"""Sentences as TF-IDF vectors of words, word pairs and the letters inside words.

The learned technique mapper (:mod:`graphkit.extract.mapper`) reads a sentence as the reader
(:mod:`graphkit.extract.reading`) cuts it: lower-case word tokens, accents dropped. Two blocks
of features, each weighted by TF-IDF (``1 + log(count)`` times the smoothed inverse document
frequency, as scikit-learn's ``TfidfTransformer(sublinear_tf=True)``) and scaled to unit length:

- words and pairs of neighbouring words ("spear", "spear phishing");
- the letters of each word in runs of four, the word padded with a space on either side
  (" phi", "hing"), so "scanned", "scans" and "scanning" share most of their features. Runs of
  three to five letters were no better on held-out actors and took twice the time
  (``bench/techniques_cv.py``).

Letter runs are a function of the word alone: a text's runs are counted word by word (a
sparse product of "which words each sentence holds" and "which runs each word holds"), so a
word that comes back costs one look-up. Training and extraction build vectors with the same
code here; scikit-learn is needed to train, not to extract.

Examples
--------
>>> words("Spear-phishing e-mails, sent in 2024.")
['spear', 'phishing', 'e', 'mails', 'sent', 'in', '2024']
>>> word_features(["spear", "phishing", "emails"])
['spear', 'phishing', 'emails', 'spear phishing', 'phishing emails']
>>> letter_runs("scan")
[' sca', 'scan', 'can ']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

import numpy as np
import scipy.sparse as sp

from graphkit.extract.gazetteer import TOKEN, fold

__all__ = [
    "MIN_WORDS",
    "PLACEHOLDER",
    "Vectorizer",
    "clauses",
    "letter_runs",
    "word_features",
    "words",
]

# What stands in the training text for the actor or software a procedure names: no feature.
PLACEHOLDER = "xactor"

_RUN = 4

# The fewest words a training sentence has, and so the fewest a scored sentence or clause has:
# two words ("emergency services", "Task scam") are a name or a list item, not a behaviour told.
MIN_WORDS = 3


def words(text: str) -> list[str]:
    """Lower-case word tokens, accents dropped: the words the reader gives each sentence."""
    joined = " ".join(TOKEN.findall(text)).lower().replace("\u2019", "'")
    if not joined.isascii():
        joined = fold(joined)
    return joined.split()


# Where a sentence's clauses part: punctuation inside it, and the words that join clauses.
_CLAUSE = re.compile(r"[,;:()]\s*|\s+(?:and|or|but|while|whereas|then)\s+|\s[-\u2013\u2014]+\s")


def clauses(text: str) -> list[list[str]]:
    """Each clause's words, when a sentence has more than one clause: ATT&CK's examples tell
    one behaviour a sentence, reports often list several ("harvested credentials, moved
    laterally and deployed ransomware"). A sentence is scored whole and clause by clause.

    >>> clauses("It scanned hosts, then it stole keys and left.")
    [['it', 'scanned', 'hosts'], ['then', 'it', 'stole', 'keys']]
    >>> clauses("It scanned hosts.")
    []
    """
    parts = _CLAUSE.split(text)
    if len(parts) < 2:
        return []
    found = [w for p in parts if len(w := words(p)) >= MIN_WORDS]
    return found if len(found) > 1 else []


def word_features(tokens: Sequence[str]) -> list[str]:
    """The words and each pair of neighbours (none across the placeholder)."""
    kept = [t for t in tokens if t != PLACEHOLDER]
    pairs = [f"{a} {b}" for a, b in pairwise(tokens) if a != PLACEHOLDER and b != PLACEHOLDER]
    return kept + pairs


def letter_runs(token: str) -> list[str]:
    """Runs of four letters of a word padded with spaces."""
    padded = f" {token} "
    return [padded[i : i + _RUN] for i in range(len(padded) - _RUN + 1)]


def _idf(df: np.ndarray, documents: int) -> np.ndarray:
    return (np.log((1 + documents) / (1 + df)) + 1).astype(np.float64)


def _weighted(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Counts to 1 + log(count), times idf, each row scaled to unit length."""
    counts.sum_duplicates()
    data = (1 + np.log(counts.data)) * idf[counts.indices]
    sizes = np.diff(counts.indptr)
    rows = np.repeat(np.arange(counts.shape[0]), sizes)
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=counts.shape[0]))
    norms[norms == 0] = 1
    counts.data = data / np.repeat(norms, sizes)
    return counts


@dataclass
class Vectorizer:
    """The vocabulary and document frequencies learned from training sentences."""

    word_index: dict[str, int]
    run_index: dict[str, int]
    word_idf: np.ndarray
    run_idf: np.ndarray
    pair_index: dict[str, dict[str, int]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def fit(cls, sentences: Sequence[Sequence[str]], min_df: int = 2) -> Vectorizer:
        """Features seen in at least ``min_df`` sentences, in sorted order (reproducible)."""
        word_df: dict[str, int] = {}
        for tokens in sentences:
            for f in set(word_features(tokens)):
                word_df[f] = word_df.get(f, 0) + 1
        kept_words = sorted(f for f, n in word_df.items() if n >= min_df)
        run_df = _run_frequencies(sentences)
        kept_runs = sorted(r for r, n in run_df.items() if n >= min_df)
        return cls(
            {f: i for i, f in enumerate(kept_words)},
            {r: i for i, r in enumerate(kept_runs)},
            _idf(np.array([word_df[f] for f in kept_words], dtype=np.float64), len(sentences)),
            _idf(np.array([run_df[r] for r in kept_runs], dtype=np.float64), len(sentences)),
        )

    def _pairs(self) -> dict[str, dict[str, int]]:
        """First word of every pair feature → the second words and the features' columns."""
        if self.pair_index is None:
            self.pair_index = {}
            for feature, i in self.word_index.items():
                first, space, second = feature.partition(" ")
                if space:
                    self.pair_index.setdefault(first, {})[second] = i
        return self.pair_index

    @property
    def size(self) -> int:
        return len(self.word_index) + len(self.run_index)

    def transform(self, sentences: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """One row per sentence: the word block, then the letter-run block."""
        return sp.csr_matrix(sp.hstack(self.blocks(sentences)))

    def blocks(self, sentences: Sequence[Sequence[str]]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """The word block and the letter-run block, apart (no matrix built to join them)."""
        return self._words(sentences), self._runs(sentences)

    def _words(self, sentences: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Words and pairs looked up without joining the pairs' words: the features of
        :func:`word_features` (the placeholder is in no feature, so it needs no test)."""
        index = self.word_index
        pairs = self._pairs()
        rows: list[int] = []
        cols: list[int] = []
        for row, tokens in enumerate(sentences):
            found = [i for t in tokens if (i := index.get(t)) is not None]
            found += [
                j
                for a, b in pairwise(tokens)
                if (following := pairs.get(a)) is not None and (j := following.get(b)) is not None
            ]
            cols += found
            rows += [row] * len(found)
        counts = _counts(rows, cols, (len(sentences), len(index)))
        return _weighted(counts, self.word_idf)

    def _runs(self, sentences: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """Sentences x words they hold, times words x letter runs they hold."""
        holds, local = _holds(sentences)
        runs = _counts(*self._run_rows(local), (len(local), len(self.run_index)))
        return _weighted(sp.csr_matrix(holds @ runs), self.run_idf)

    def _run_rows(self, local: dict[str, int]) -> tuple[list[int], list[int]]:
        index = self.run_index
        rows: list[int] = []
        cols: list[int] = []
        for token, row in local.items():
            found = [i for r in letter_runs(token) if (i := index.get(r)) is not None]
            cols += found
            rows += [row] * len(found)
        return rows, cols

    def arrays(self) -> dict[str, np.ndarray]:
        """The vectorizer as plain arrays (for ``numpy.savez``, no pickle)."""
        return {
            "word_features": np.array(list(self.word_index), dtype=str),
            "run_features": np.array(list(self.run_index), dtype=str),
            "word_idf": self.word_idf,
            "run_idf": self.run_idf,
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Vectorizer:
        return cls(
            {str(f): i for i, f in enumerate(arrays["word_features"])},
            {str(r): i for i, r in enumerate(arrays["run_features"])},
            arrays["word_idf"],
            arrays["run_idf"],
        )


def _holds(sentences: Sequence[Sequence[str]]) -> tuple[sp.csr_matrix, dict[str, int]]:
    """Which words each sentence holds (counts), and the column of each word."""
    local: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for row, tokens in enumerate(sentences):
        kept = [local.setdefault(t, len(local)) for t in tokens if t != PLACEHOLDER]
        cols += kept
        rows += [row] * len(kept)
    return _counts(rows, cols, (len(sentences), len(local))), local


def _run_frequencies(sentences: Sequence[Sequence[str]]) -> dict[str, int]:
    """In how many sentences each letter run stands."""
    every = Vectorizer({}, {r: i for i, r in enumerate(sorted(_all_runs(sentences)))}, *_NO_IDF)
    holds, local = _holds(sentences)
    runs = _counts(*every._run_rows(local), (len(local), len(every.run_index)))
    df = np.asarray(((holds @ runs) > 0).sum(axis=0)).ravel()
    return dict(zip(every.run_index, df.tolist(), strict=True))


def _all_runs(sentences: Sequence[Sequence[str]]) -> set[str]:
    types = {t for tokens in sentences for t in tokens if t != PLACEHOLDER}
    return {r for t in types for r in letter_runs(t)}


_NO_IDF = (np.zeros(0), np.zeros(0))


def _counts(rows: Iterable[int], cols: Iterable[int], shape: tuple[int, int]) -> sp.csr_matrix:
    """Ones at (row, column), summed where they repeat; rows come in order."""
    r = np.fromiter(rows, dtype=np.int32)
    c = np.fromiter(cols, dtype=np.int32)
    indptr = np.concatenate([[0], np.cumsum(np.bincount(r, minlength=shape[0]))])
    counts = sp.csr_matrix((np.ones(len(c)), c, indptr), shape=shape)
    counts.sum_duplicates()
    return counts
