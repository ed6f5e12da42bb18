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

What a feature is depends on the words alone, so a batch of sentences is looked up word type
by word type (a word's column, its letter runs' columns, kept for the process): a word that
comes back costs one look-up, and the rest (pairs of neighbours, counts, weights) is array
work. Training and extraction build vectors with the same code here; scikit-learn is needed
to train, not to extract.

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
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain, pairwise
from typing import Final

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped, unused-ignore]  # no stubs (mypyc)

from graphkit.extract.gazetteer import TOKEN, fold

__all__ = [
    "MIN_WORDS",
    "PLACEHOLDER",
    "SHORT_ITEM",
    "Vectorizer",
    "clause_parts",
    "clauses",
    "letter_runs",
    "verb_spans",
    "word_features",
    "words",
]

# What stands in the training text for the actor or software a procedure names: no feature.
PLACEHOLDER: Final = "xactor"

_RUN: Final = 4

# How a word type's numbers are kept (Vectorizer.types) and read back: 32 bits, little-endian.
_INT32: Final = np.dtype("<i4")

# Word types whose look-ups are kept (about 0.7 KB each: 13 MB); past that the table starts
# again (a long load of many reports keeps its memory bounded).
_TYPES_KEPT: Final = 20_000

# The fewest words a training sentence has, and so the fewest a scored sentence or clause has:
# two words ("emergency services", "Task scam") are a name or a list item, not a behaviour told.
MIN_WORDS: Final = 3
# A list's item of two words is read too, under a bar of its own ("domain fronting").
SHORT_ITEM: Final = 2


def words(text: str) -> list[str]:
    """Lower-case word tokens, accents dropped: the words the reader gives each sentence."""
    if text.isascii():  # most text: the tokens of the text in lower case are the same
        return TOKEN.findall(text.lower())
    joined = " ".join(TOKEN.findall(text)).lower().replace("\u2019", "'")
    if not joined.isascii():
        joined = fold(joined)
    return joined.split()


# Where a sentence's clauses part: punctuation inside it, and the words that join clauses
# ("[,;:()]\s*|\s+(?:and|or|but|while|whereas|then)\s+|\s[-\u2013\u2014]+\s"), written to
# open with one class of characters, so that Python's regex engine skips to those instead of
# trying every character of the sentence: the same parts, in two thirds of the time. The class
# spells out ``\s`` (tested by a table, not by a category); after white space, a look at the
# next character (a space, a dash, a joining word's first letter) ends most tries at once.
_SPACE: Final = "\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CLAUSE: Final = re.compile(
    rf"[,;:(){_SPACE}](?:(?<=[,;:()])\s*|(?<=\s)(?=[\s\-\u2013\u2014abotw])"
    r"(?:\s*(?:and|or|but|while|whereas|then)\s+|[-\u2013\u2014]+\s))"
)


_JOINS: Final = frozenset({"and", "or"})


def clauses(text: str) -> list[list[str]]:
    """Each clause's words, when a sentence has more than one clause: ATT&CK's examples tell
    one behaviour a sentence, reports often list several ("harvested credentials, moved
    laterally and deployed ransomware"). A sentence is scored whole and clause by clause.

    >>> clauses("It scanned hosts, then it stole keys and left.")
    [['it', 'scanned', 'hosts'], ['then', 'it', 'stole', 'keys']]
    >>> clauses("It scanned hosts.")
    []
    """
    return clause_parts(text)[0]


def clause_parts(text: str) -> tuple[list[list[str]], list[list[str]]]:
    """The clauses of :func:`clauses`, and the items of two words between the same marks: a
    list often names a behaviour in two ("employing encrypted channels, domain fronting and
    proxies"), which the whole sentence, long, scores low. The mapper reads those items with
    a bar of their own (:class:`~graphkit.extract.mapper.TechniqueModel`): two words are
    also a sector or a place in a list ("emergency services").

    >>> clause_parts("It used encrypted channels, domain fronting, and proxies.")
    ([], [['domain', 'fronting']])
    >>> clause_parts("It stole keys, moved laterally and used domain fronting.")
    ([['it', 'stole', 'keys'], ['used', 'domain', 'fronting']], [['moved', 'laterally']])
    """
    parts = _CLAUSE.split(text)
    if len(parts) < 2:
        return [], []
    cut = [words(p) for p in parts]
    found = [w for w in cut if len(w) >= MIN_WORDS]
    items = [w[w[0] in _JOINS :] for w in cut if w]  # ", and proxies": the item is "proxies"
    return found if len(found) > 1 else [], [w for w in items if len(w) == SHORT_ITEM]


# What opens a behaviour in a run-on sentence (:func:`verb_spans`): grammar's function words,
# like the clause joiners above. Auxiliaries and modals; forms of "be" (a passive opens one,
# "was sent", a copula does not); subjects (a masked name is one); words after which a verb
# is no finite verb of a new behaviour (articles, prepositions, a verb's own words);
# prepositions after a participle ("files stored in a folder"); participles that name.
_AUXILIARIES: Final = frozenset(
    {"has", "have", "had", "can", "could", "will", "would", "may", "might"}
)
_BE: Final = frozenset({"is", "are", "was", "were"})
_SUBJECTS: Final = frozenset({"it", "they", "he", "she", "we", PLACEHOLDER})
_NOT_BEFORE: Final = _AUXILIARIES | _BE | frozenset({
    "to", "be", "been", "being", "the", "a", "an", "its", "their", "his", "her", "our", "your",
    "this", "that", "these", "those", "of", "in", "on", "at", "by", "for", "from", "with", "into",
    "via", "over", "under", "as", "and", "or", "but", "than", "also", "not", "which",
    "who"})  # fmt: skip
_PREPOSITIONS: Final = frozenset({"in", "on", "at", "by", "with", "from", "to", "into", "via",
                                  "as", "for", "through", "within", "under", "over", "during",
                                  "onto"})  # fmt: skip
_NAMING: Final = frozenset({"named", "called", "dubbed", "titled", "labeled", "labelled",
                            "known", "based"})  # fmt: skip
_MARKS: Final = (",", ";", ":")  # where the clauses part a sentence


def _may_open(token: str, before: str) -> bool:
    """What :func:`_opens` needs of a word, asked first (cheap): a form of "be", an
    auxiliary, a word in -ed, or one in -s after a subject."""
    if token.endswith("ed") or token in _BE or token in _AUXILIARIES:
        return True
    return token.endswith("s") and before in _SUBJECTS


def _opens(before: str, token: str, after: str) -> bool:
    """Whether a finite verb opens a behaviour at ``token``: a passive ("was sent") after a
    word that is no function word; after a subject, an auxiliary or a verb in -ed or -s;
    after another word that is neither a function word nor a verb's, an auxiliary or a verb
    in -ed with no preposition next (a participle: "files stored in a folder")."""
    if token in _BE:
        return after.endswith(("ed", "en")) and before not in _NOT_BEFORE
    if before in _SUBJECTS:
        return token in _AUXILIARIES or (len(token) > 3 and token.endswith(("ed", "s")))
    if before in _NOT_BEFORE or before.endswith(("ed", "ing", "ly")) or not before.isalnum():
        return False
    if token in _AUXILIARIES:
        return True
    return (
        len(token) > 4
        and token.endswith("ed")
        and token.isalpha()
        and token not in _NAMING
        and after not in _PREPOSITIONS
    )


def verb_spans(text: str) -> list[tuple[int, int]]:
    """Where a run-on sentence's behaviours start and end, in its words (:func:`words`): a
    span opens at each finite verb after a noun phrase and runs to the next. ATT&CK tells one
    behaviour a sentence; a report runs two or three together with no mark between ("It
    rented servers registered domains and phished staff"), which the whole sentence scores
    low and the clauses do not part. None for fewer than two spans; a word after a comma
    opens none (the clauses part there), nor does a verb that ends at one: it closes an
    opening phrase ("Once compromised,", "When the link is opened,"), and a span from it would
    run on into the next clause's subject.

    >>> text = "They rented servers from a host registered domains and phished staff."
    >>> [" ".join(words(text)[a:b]) for a, b in verb_spans(text)]
    ['rented servers from a host', 'registered domains and phished staff']
    >>> verb_spans("It stored the files in a folder named after the host.")
    []
    """
    raw = text.lower().split()  # the text's words in lower case, each with its marks
    # (a word of letters and digits has no edge to strip: most of them, at a method's cost)
    low = [t if t.isalnum() else _inner(t) for t in raw]
    starts = [
        i
        for i in range(1, len(low) - 1)
        if _may_open(low[i], low[i - 1])
        and not raw[i - 1].endswith(_MARKS)
        and _opens(low[i - 1], low[i], low[i + 1])
        and not raw[i + 1 if low[i] in _BE else i].endswith(_MARKS)
    ]
    if len(starts) < 2:
        return []
    at = [0]
    for t in text.split():  # where each of the text's words starts among the sentence's words
        at.append(at[-1] + len(words(t)))
    return [(at[a], at[b]) for a, b in pairwise([*starts, len(raw)])]


def _inner(token: str) -> str:
    """The token from its first word character to its last (regex ``\\w``: a letter, a digit
    or "_"), else empty: "(phished," is "phished", "--" is ""."""
    start, end = 0, len(token)
    while start < end and not (token[start].isalnum() or token[start] == "_"):
        start += 1
    while end > start and not (token[end - 1].isalnum() or token[end - 1] == "_"):
        end -= 1
    return token[start:end]


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


# Each (row, column) that occurs, sorted: its row, column and count; where each row starts.
_Counted = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _counted(rows: np.ndarray, cols: np.ndarray, width: int, count: int) -> _Counted:
    """The (row, column) pairs of ``count`` rows counted: each pair a number, ``row * width +
    col``, sorted and counted (in 32 bits when the numbers fit: half the sort's work)."""
    width = max(width, 1)
    keys = rows * width + cols
    keys = np.sort(keys if count * width >= 2**31 else keys.astype(np.int32))
    at = np.flatnonzero(np.diff(keys, prepend=keys[:1] - 1))  # where each pair first comes
    counts = np.diff(at, append=len(keys))
    keys = keys[at]
    indptr = np.searchsorted(keys, np.arange(count + 1, dtype=keys.dtype) * keys.dtype.type(width))
    row = np.repeat(np.arange(count, dtype=np.int64), np.diff(indptr))
    return row, keys - row * width, counts, indptr


def _weighted(
    counted: _Counted, count: int, idf: np.ndarray, dtype: type = np.float64
) -> sp.csr_matrix:
    """Counts to 1 + log(count), times idf, each row scaled to unit length: ``count`` rows,
    their values computed in float64 and stored as ``dtype``."""
    rows, cols, counts, indptr = counted
    data = (1 + np.log(counts)) * idf[cols]
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=count))
    norms[norms == 0] = 1
    return sp.csr_matrix(
        ((data / norms[rows]).astype(dtype, copy=False), cols.astype(np.int32), indptr),
        shape=(count, len(idf)),
    )


@dataclass
class Vectorizer:
    """The vocabulary and document frequencies learned from training sentences."""

    word_index: dict[str, int]
    run_index: dict[str, int]
    word_idf: np.ndarray
    run_idf: np.ndarray
    # Looked up when first needed, then kept: what each word type gives (packed: see _type),
    # the words of pair features, the pairs as numbers.
    types: dict[str, tuple[bytes, bytes]] = field(default_factory=dict, repr=False, compare=False)
    pair_words: dict[str, int] | None = field(default=None, repr=False, compare=False)
    pair_table: tuple[np.ndarray, np.ndarray] | None = field(
        default=None, repr=False, compare=False
    )
    idf: np.ndarray | None = field(default=None, repr=False, compare=False)  # both, stacked

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

    @property
    def size(self) -> int:
        return len(self.word_index) + len(self.run_index)

    def transform(self, sentences: Sequence[Sequence[str]]) -> sp.csr_matrix:
        """One row per sentence: the word block, then the letter-run block."""
        return sp.csr_matrix(sp.hstack(self.blocks(sentences)))

    def blocks(
        self, sentences: Sequence[Sequence[str]], dtype: type = np.float64
    ) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """The word block and the letter-run block, apart (no matrix built to join them);
        ``dtype``: what their values are stored as (the scorer's float32 is cast once)."""
        batch = self._batch(sentences)
        return (
            _weighted(self._word_counts(batch), batch.count, self.word_idf, dtype),
            _weighted(self._run_counts(batch), batch.count, self.run_idf, dtype),
        )

    def stacked(
        self, sentences: Sequence[Sequence[str]], dtype: type = np.float64
    ) -> sp.csr_matrix:
        """The rows of both blocks in one matrix: the word block's rows, then the letter-run
        block's, over the word columns then the letter-run columns. Each row holds what
        :meth:`blocks` gives it, bit for bit (its values counted, weighted and scaled in the
        same order), so a product with the weights of both blocks stacked alike sums each
        block's row as the two products did; a report's batch builds one matrix, not two
        (scipy's checks and NumPy's calls cost per matrix, not per row)."""
        batch = self._batch(sentences)
        word_rows, word_cols = self._word_pairs(batch)
        run_rows, run_cols = self._run_pairs(batch)
        rows = np.concatenate([word_rows, run_rows + batch.count])
        cols = np.concatenate([word_cols, run_cols + len(self.word_index)])
        if self.idf is None:
            self.idf = np.concatenate([self.word_idf, self.run_idf])
        counted = _counted(rows, cols, len(self.idf), 2 * batch.count)
        return _weighted(counted, 2 * batch.count, self.idf, dtype)

    def _batch(self, sentences: Sequence[Sequence[str]]) -> _Batch:
        """Each word type of the sentences looked up once (its column, its number in pairs,
        its letter runs' columns, kept for the process in :attr:`types`); each token as the
        number of its type in the batch (gathered as four bytes a token, read as one array),
        with its sentence's row."""
        sizes = np.fromiter(map(len, sentences), dtype=np.int64, count=len(sentences))
        local: dict[str, bytes] = {}  # each type's number in the batch, as 4 bytes
        codes: list[bytes] = []
        for tokens in sentences:
            for t in tokens:
                code = local.get(t)
                if code is None:
                    code = local[t] = len(local).to_bytes(4, "little")
                codes.append(code)
        if len(self.types) > _TYPES_KEPT:
            self.types.clear()  # a long run of many texts: memory stays bounded
        known = [self.types.get(t) or self._type(t) for t in local]
        placeholder = local.get(PLACEHOLDER)
        return _Batch(
            len(sentences),
            np.frombuffer(b"".join([k[0] for k in known]), dtype=_INT32).reshape(-1, 3),
            np.frombuffer(b"".join([k[1] for k in known]), dtype=_INT32),
            np.frombuffer(b"".join(codes), dtype=_INT32).astype(np.int64),
            np.repeat(np.arange(len(sentences), dtype=np.int64), sizes),
            -1 if placeholder is None else int.from_bytes(placeholder, "little"),
        )

    def _word_counts(self, batch: _Batch) -> _Counted:
        return _counted(*self._word_pairs(batch), len(self.word_index), batch.count)

    def _word_pairs(self, batch: _Batch) -> tuple[np.ndarray, np.ndarray]:
        """Each (row, column) of words and pairs, uncounted: a pair is looked up by its two
        words' numbers, never across two sentences (the placeholder has no number, so no pair
        holds it): the features of :func:`word_features`."""
        row, token = batch.row, batch.token
        word_col = batch.fixed[:, 0].astype(np.int64)[token]
        code = batch.fixed[:, 1].astype(np.int64)[token]
        pair_codes, pair_cols = self._pairs()
        both = (row[1:] == row[:-1]) & (code[:-1] >= 0) & (code[1:] >= 0)
        joined = code[:-1][both] * len(self._pair_words()) + code[1:][both]
        at = np.searchsorted(pair_codes, joined).clip(max=max(len(pair_codes) - 1, 0))
        hit = pair_codes[at] == joined if len(pair_codes) else np.zeros(len(joined), dtype=bool)
        unigram = word_col >= 0
        rows = np.concatenate([row[unigram], row[:-1][both][hit]])
        cols = np.concatenate([word_col[unigram], pair_cols[at[hit]]])
        return rows, cols

    def _run_counts(self, batch: _Batch) -> _Counted:
        return _counted(*self._run_pairs(batch), len(self.run_index), batch.count)

    def _run_pairs(self, batch: _Batch) -> tuple[np.ndarray, np.ndarray]:
        """Each (row, column) of the tokens' letter runs (a token's are its type's, a slice of
        them all laid end to end), uncounted; the placeholder has none."""
        lengths = batch.fixed[:, 2].astype(np.int64)
        every = batch.runs.astype(np.int64)
        kept = batch.token != batch.placeholder
        token = batch.token[kept]
        n = lengths[token]
        start = np.repeat((np.cumsum(lengths) - lengths)[token] - (np.cumsum(n) - n), n)
        cols = every[start + np.arange(int(n.sum()))]
        return np.repeat(batch.row[kept], n), cols

    def _type(self, token: str) -> tuple[bytes, bytes]:
        """A word type's column (-1: none), number in pairs (-1: none, as the placeholder) and
        letter runs, then those runs' columns, as 32-bit numbers; kept in :attr:`types`."""
        index = self.run_index
        runs = [i for r in letter_runs(token) if (i := index.get(r)) is not None]
        fixed = (self.word_index.get(token, -1), self._pair_words().get(token, -1), len(runs))
        found = (
            np.array(fixed, dtype=_INT32).tobytes(),
            np.array(runs, dtype=_INT32).tobytes(),
        )
        self.types[token] = found
        return found

    def _pair_words(self) -> dict[str, int]:
        """Each word that stands in a pair feature → its number (pairs are coded by two)."""
        if self.pair_words is None:
            firsts_seconds = (f.split(" ") for f in self.word_index if " " in f)
            self.pair_words = {w: i for i, w in enumerate(sorted(set(chain(*firsts_seconds))))}
        return self.pair_words

    def _pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Every pair feature as ``first * n + second`` (sorted) and its column."""
        if self.pair_table is None:
            numbers = self._pair_words()
            pairs = [
                (numbers[a] * len(numbers) + numbers[b], i)
                for f, i in self.word_index.items()
                if " " in f
                for a, b in [f.split(" ")]
            ]
            pairs.sort()
            self.pair_table = (
                np.array([c for c, _ in pairs], dtype=np.int64),
                np.array([i for _, i in pairs], dtype=np.int64),
            )
        return self.pair_table

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


@dataclass
class _Batch:
    """Sentences as arrays: each token's word type (its number in the batch) and row."""

    count: int  # sentences
    fixed: np.ndarray  # each word type's column, number in pairs, letter runs: Vectorizer._type
    runs: np.ndarray  # every word type's letter runs' columns, one type's after another's
    token: np.ndarray
    row: np.ndarray
    placeholder: int  # the placeholder's number in the batch, -1 when no sentence holds it


def _run_frequencies(sentences: Sequence[Sequence[str]]) -> dict[str, int]:
    """In how many sentences each letter run stands."""
    every = Vectorizer({}, {r: i for i, r in enumerate(sorted(_all_runs(sentences)))}, *_NO_IDF)
    cols = every._run_counts(every._batch(sentences))[1]
    df = np.bincount(cols, minlength=len(every.run_index))
    return dict(zip(every.run_index, df.tolist(), strict=True))


def _all_runs(sentences: Sequence[Sequence[str]]) -> set[str]:
    types = {t for tokens in sentences for t in tokens if t != PLACEHOLDER}
    return {r for t in types for r in letter_runs(t)}


_NO_IDF: Final = (np.zeros(0), np.zeros(0))
