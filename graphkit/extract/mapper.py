"""The learned technique mapper: a sentence in, the techniques it describes with a score out.

A linear support vector machine (scikit-learn's ``LinearSVC``, one class against the rest)
over TF-IDF features of words, word pairs and letter runs (:mod:`~graphkit.extract.features`),
trained on ATT&CK's procedure examples, technique definitions and the sentences written here
(:mod:`~graphkit.extract.examples`). One class per parent technique, per LLM-themed technique,
and one for "no technique".

Scores become probabilities by a sigmoid fitted on held-out actors (Platt scaling,
:mod:`~graphkit.extract.training`): every actor's sentences are scored by a fit that did not
see the actor (five folds of actors), and on those scores the sigmoid is fitted and the
threshold picked that drafts techniques with the best F1.
A sentence is read as pieces (:func:`~graphkit.extract.masking.mapper_pieces`): whole, clause
by clause, and each list item of two words ("encrypted tunnels, domain fronting, and ...":
"domain fronting" scores 0.94 alone, 0.14 in its sentence). An item has few features and
scores to extremes, and a list of two-word items is as often sectors or places, so items
have a threshold of their own (``training.calibrate_items``): the lowest at which what they
add is right as often as what the clauses add to the whole sentences, a technique counting as
right when ATT&CK gives it to the sentence's actor or software (a list names others of its
techniques than the one its sentence is filed under). It is 0.86 with ATT&CK v18.1 (the
sentences' 0.26; BENCHMARKS.md, "Session 21: learned mapper"); over 1, no item is read, and
``tests/test_mapper.py`` says so.
Sentences that name no technique weigh as much in all as those that name one: how many a
report holds is not known, and the ATT&CK data has few. The model kept is fitted on
everything, and weights under ``training.PRUNE`` are dropped: 7 % of them stay, a sparse
product with each sentence, and held-out top-1 accuracy does not move (BENCHMARKS.md).

Training takes 25-40 s on two cores (six fits, two at a time in two processes) and needs no
network:
:func:`~graphkit.extract.trained.technique_model` trains on first use and keeps the model in
the cache folder
(``$GRAPHKIT_CACHE``, else ``$XDG_CACHE_HOME/graphkit``, else ``~/.cache/graphkit``), named by
a digest of the ATT&CK data, the sentences written here, this code and scikit-learn's
version; ``make model`` (``tools/train_techniques.py``) builds it ahead. The file holds plain
arrays (``numpy.savez``, no pickle) and its digest, checked before it is used.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from graphkit.errors import GraphkitError
from graphkit.extract.examples import NONE, data_digest
from graphkit.extract.features import MIN_WORDS, PLACEHOLDER, Vectorizer

__all__ = [
    "SEED",
    "TechniqueModel",
    "best_of_pieces",
    "by_rank",
    "dense",
    "item_rows",
    "model_digest",
    "product",
]

SEED = 0


@dataclass
class TechniqueModel:
    vectorizer: Vectorizer
    classes: np.ndarray  # technique ids and NONE, as strings
    weights: sp.csr_matrix  # features x classes
    intercept: np.ndarray
    slope: float  # probability = sigmoid(slope * score + offset)
    offset: float
    threshold: float  # a technique is drafted at this probability or more
    item_threshold: float  # the same for a list's item of two words (over 1: never)
    digest: str

    def __post_init__(self) -> None:
        self._dense = dense(self.weights)
        self._none = int(np.flatnonzero(self.classes == NONE)[0])  # the column of no technique

    def scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """The SVM's score of every class for every sentence (lower-case word lists): the
        word block's product plus the letter-run block's, each summed in float32 on its own
        (one matrix of both blocks' rows, :meth:`Vectorizer.stacked`), added in float64."""
        both = self.vectorizer.stacked(sentences, np.float32) @ self._dense
        count = len(sentences)
        # float64 sums of the float32 halves, as product() would give them: no float64 copy
        scores = np.add(both[:count], both[count:], dtype=np.float64)
        scores += self.intercept
        return scores

    def probability(self, scores: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(self.slope * scores + self.offset)))

    def probabilities(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        return self.probability(self.scores(sentences))

    def drafts(self, sentences: Sequence[Sequence[Sequence[str]]]) -> list[list[tuple[str, int]]]:
        """Per sentence (given as its pieces: the whole, its clauses and its list items of two
        words, each a word list), the techniques at the threshold or over it in any piece, an
        item at its own threshold, best first, each with its probability in percent."""
        out: list[list[tuple[str, int]]] = [[] for _ in sentences]
        if not sentences:
            return out
        order, pieces, items, ranks = by_rank(sentences)
        # the same words score the same: each distinct piece is scored once ("emergency
        # services" comes back in many lists, a boilerplate clause in many sentences)
        distinct: dict[tuple[str, ...], int] = {}
        where = [distinct.setdefault(tuple(p), len(distinct)) for p in pieces]
        scores = np.take(self.scores(list(distinct)), where, axis=0)
        if items.any():  # scored as if at the threshold for the whole when at their own
            scores[items] -= self.item_penalty()
        # each class's best over a sentence's pieces: every sentence has a first piece, in
        # ``order`` the first rows; the sentences with a j-th piece are the first of
        # ``order``, their j-th pieces one block of rows after (no rows gathered)
        best = scores[: ranks[0]]
        start = ranks[0]
        for n in ranks[1:]:
            np.maximum(best[:n], scores[start : start + n], out=best[:n])
            start += n
        best[:, self._none] = -np.inf
        # the score the threshold's probability stands for: the sigmoid only where it passes
        passing = (np.log(self.threshold / (1 - self.threshold)) - self.offset) / self.slope
        rows, cols = np.divmod(np.flatnonzero(best >= passing), best.shape[1])
        p = self.probability(best[rows, cols])
        rows = np.array(order, dtype=np.intp)[rows]
        found = sorted(zip(rows.tolist(), (-p).tolist(), cols.tolist(), strict=True))
        for row, minus_p, col in found:
            if -minus_p >= self.threshold:
                out[row].append((str(self.classes[col]), round(-100 * minus_p)))
        return out

    def item_penalty(self) -> float:
        """What a list item's score gives up so that the sentence's threshold is its own."""
        if self.item_threshold >= 1:
            return np.inf
        return (_logit(self.item_threshold) - _logit(self.threshold)) / self.slope

    def arrays(self) -> dict[str, np.ndarray]:
        """The model as plain arrays."""
        w = self.weights
        return {
            **self.vectorizer.arrays(),
            "classes": self.classes.astype(str),
            "w_data": w.data,
            "w_indices": w.indices,
            "w_indptr": w.indptr,
            "w_shape": np.array(w.shape),
            "intercept": self.intercept,
            "calibration": np.array([self.slope, self.offset, self.threshold, self.item_threshold]),
            "digest": np.array(self.digest),
        }

    def fingerprint(self) -> str:
        """A SHA-256 of every array: two trainings that agree on it give the same scores."""
        digest = hashlib.sha256()
        for name, array in sorted(self.arrays().items()):
            digest.update(name.encode())
            digest.update(np.ascontiguousarray(array).tobytes())
        return digest.hexdigest()

    def save(self, path: Path) -> None:
        """Write the model as plain arrays, atomically (a half-written file is never read)."""
        arrays = self.arrays()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez(f, allow_pickle=False, **arrays)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: Path, digest: str) -> TechniqueModel:
        """A saved model, if it was trained from the data and code ``digest`` names."""
        with np.load(path, allow_pickle=False) as f:
            arrays = {k: f[k] for k in f.files}
        if str(arrays["digest"]) != digest:
            raise GraphkitError(f"{path}: the technique model was trained from other data")
        slope, offset, threshold, item_threshold = (float(v) for v in arrays["calibration"])
        weights = sp.csr_matrix(
            (arrays["w_data"], arrays["w_indices"], arrays["w_indptr"]),
            shape=tuple(arrays["w_shape"]),
        )
        return cls(
            Vectorizer.from_arrays(arrays),
            arrays["classes"],
            weights,
            arrays["intercept"],
            slope,
            offset,
            threshold,
            item_threshold,
            digest,
        )


def _logit(p: float) -> float:
    return float(np.log(p / (1 - p)))


def item_rows(sentences: Sequence[Sequence[Sequence[str]]]) -> np.ndarray:
    """Which of the sentences' pieces, one after the other, are list items of two words: a
    piece after a sentence's first with fewer than three words (a clause has three).

    >>> item_rows([[["a", "b", "c"], ["a", "b"]], [["xactor", "b", "c"]]]).tolist()
    [False, True, False]
    """
    return np.array(
        [
            j > 0 and len(w) - w.count(PLACEHOLDER) < MIN_WORDS
            for s in sentences
            for j, w in enumerate(s)
        ],
        dtype=bool,
    )


def by_rank(
    sentences: Sequence[Sequence[Sequence[str]]],
) -> tuple[list[int], list[Sequence[str]], np.ndarray, list[int]]:
    """The sentences by how many pieces they have, most first (else in their order), and
    their pieces rank by rank: each sentence's first piece in that order, then the second of
    each that has two, and so on; which pieces are list items (:func:`item_rows`), and how
    many sentences have a piece of each rank.

    >>> order, pieces, items, ranks = by_rank([[["a", "b", "c"]], [["d", "e", "f"], ["g", "h"]]])
    >>> order, pieces, items.tolist(), ranks
    ([1, 0], [['d', 'e', 'f'], ['a', 'b', 'c'], ['g', 'h']], [False, False, True], [2, 1])
    """
    sizes = [len(s) for s in sentences]
    order = sorted(range(len(sentences)), key=sizes.__getitem__, reverse=True)
    pieces: list[Sequence[str]] = []
    items: list[bool] = []
    ranks: list[int] = []
    n = len(order)
    for j in range(sizes[order[0]] if order else 0):
        while sizes[order[n - 1]] <= j:
            n -= 1
        ranks.append(n)
        for i in order[:n]:
            w = sentences[i][j]
            pieces.append(w)
            items.append(j > 0 and len(w) - w.count(PLACEHOLDER) < MIN_WORDS)
    return order, pieces, np.array(items, dtype=bool), ranks or [0]


def dense(weights: sp.csr_matrix) -> np.ndarray:
    """The weights as a dense array: the product with a sparse batch is four times faster
    than sparse by sparse (the scores are all but dense anyway)."""
    return np.ascontiguousarray(weights.toarray(), dtype=np.float32)


def product(x: sp.csr_matrix, weights: np.ndarray) -> np.ndarray:
    """Sentences' features times the dense weights: every class's score, before intercepts."""
    return np.asarray(x.astype(np.float32, copy=False) @ weights, dtype=np.float64)


def best_of_pieces(values: np.ndarray, sentences: Sequence[Sequence[object]]) -> np.ndarray:
    """Rows of piece values to rows of sentence values: each class's best over the pieces.

    >>> best_of_pieces(np.array([[1.0, 5.0], [3.0, 0.0], [2.0, 2.0]]), [["a", "b"], ["c"]])
    array([[3., 5.],
           [2., 2.]])
    """
    sizes = np.fromiter(map(len, sentences), dtype=np.intp, count=len(sentences))
    first = np.concatenate([[0], np.cumsum(sizes[:-1])]).astype(np.intp)
    last = first + sizes - 1
    best = values[first]
    # the j-th piece of every sentence at once, its last again once it has no more (a maximum
    # is the same whatever the order and however often a value comes): a few passes over the
    # rows, where ``np.maximum.reduceat`` along rows took five times as long
    for j in range(1, int(sizes.max(initial=1))):
        np.maximum(best, values[np.minimum(first + j, last)], out=best)
    return best


@cache
def model_digest() -> str:
    """What the model is built from: the data, the sentences written here, this code and
    the version of scikit-learn that trains it."""
    digest = hashlib.sha256(data_digest().encode())
    here = Path(__file__).resolve().parent
    # The sources by name: a compiled module's ``__file__`` is its C extension (make compile),
    # and the model is the same whether its features are computed compiled or not.
    for name in ("examples.py", "features.py", "mapper.py", "training.py"):
        digest.update((here / name).read_bytes())
    digest.update(metadata.version("scikit-learn").encode())
    return digest.hexdigest()
