"""The learned technique mapper: a sentence in, the techniques it describes with a score out.

A linear support vector machine (scikit-learn's ``LinearSVC``, one class against the rest)
over TF-IDF features of words, word pairs and letter runs (:mod:`~graphkit.extract.features`),
trained on ATT&CK's procedure examples, technique definitions and the sentences written here
(:mod:`~graphkit.extract.examples`). One class per parent technique, per LLM-themed technique,
and one for "no technique".

Scores become probabilities by a sigmoid fitted on held-out actors (Platt scaling): the
training keeps one fifth of the actors out (``GroupKFold``), fits there, and on their
sentences fits the sigmoid and picks the threshold that drafts techniques with the best F1.
A sentence is read as pieces (:func:`~graphkit.extract.masking.mapper_pieces`): whole, clause
by clause, and each list item of two words ("encrypted tunnels, domain fronting, and ...":
"domain fronting" scores 0.94 alone, 0.14 in its sentence). An item has few features and
scores to extremes, and a list of two-word items is as often sectors or places, so items
have a threshold of their own (:func:`calibrate_items`): the lowest at which what they add
keeps the held-out precision of the sentences and clauses alone, a technique counting as
right when ATT&CK gives it to the sentence's actor or software (a list names others of its
techniques than the one its sentence is filed under). It is 0.93 with ATT&CK v18.1, at the
rule's edge (BENCHMARKS.md, "Session 20: learned mapper"); over 1, no item is read.
Sentences that name no technique weigh as much in all as those that name one: how many a
report holds is not known, and the ATT&CK data has few. The model is then fitted again on
everything, and weights under :data:`PRUNE` are dropped: 7 % of them stay, a sparse product
with each sentence, and held-out top-1 accuracy does not move (BENCHMARKS.md).

Training takes about half a minute on two cores (both fits run at once, in two processes)
and needs no network:
:func:`technique_model` trains on first use and keeps the model in the cache folder
(``$GRAPHKIT_CACHE``, else ``$XDG_CACHE_HOME/graphkit``, else ``~/.cache/graphkit``), named by
a digest of the ATT&CK data, the sentences written here, this code and scikit-learn's
version; ``make model`` (``tools/train_techniques.py``) builds it ahead. The file holds plain
arrays (``numpy.savez``, no pickle) and its digest, checked before it is used.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import tempfile
import zipfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from graphkit.errors import GraphkitError
from graphkit.extract.examples import NONE, Example, all_examples, data_digest
from graphkit.extract.features import MIN_WORDS, PLACEHOLDER, Vectorizer, clause_parts, words

__all__ = [
    "FOLDS",
    "SEED",
    "TechniqueModel",
    "best_of_pieces",
    "cache_path",
    "calibrate",
    "calibrate_items",
    "dense",
    "fit",
    "held_out",
    "held_pieces",
    "item_rows",
    "known_techniques",
    "model_digest",
    "product",
    "technique_model",
    "train",
]

SEED = 0
C = 0.5  # the SVM's regularisation: the best of 0.2, 0.5 and 1.0 on a held-out fold
PRUNE = 0.02  # weights smaller than this are dropped
FOLDS = 5  # one fold of actors of five is held out for the sigmoid and the threshold


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

    def scores(self, sentences: Sequence[Sequence[str]]) -> np.ndarray:
        """The SVM's score of every class for every sentence (lower-case word lists): the
        word block's product plus the letter-run block's, each summed in float32 on its own
        (one matrix of both blocks' rows, :meth:`Vectorizer.stacked`)."""
        both = product(self.vectorizer.stacked(sentences, np.float32), self._dense)
        count = len(sentences)
        return both[:count] + both[count:] + self.intercept

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
        scores = self.scores([w for s in sentences for w in s])
        items = item_rows(sentences)
        if items.any():  # scored as if at the threshold for the whole when at their own
            scores[items] -= self.item_penalty()
        best = best_of_pieces(scores, sentences)
        best[:, self.classes == NONE] = -np.inf
        # the score the threshold's probability stands for: the sigmoid only where it passes
        passing = (np.log(self.threshold / (1 - self.threshold)) - self.offset) / self.slope
        rows, cols = np.nonzero(best >= passing)
        p = self.probability(best[rows, cols])
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
    for name in ("examples.py", "features.py", "mapper.py"):
        digest.update((here / name).read_bytes())
    digest.update(metadata.version("scikit-learn").encode())
    return digest.hexdigest()


def cache_path() -> Path:
    """Where the trained model is kept."""
    root = os.environ.get("GRAPHKIT_CACHE")
    if root:
        folder = Path(root)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "graphkit"
    return folder / f"techniques-{model_digest()[:24]}.npz"


@cache
def technique_model() -> TechniqueModel:
    """The trained model: from the cache, else trained now (about half a minute) and cached.

    A cached file that cannot be read (cut short, or not this model's) is trained again and
    replaced; a cache that cannot be written is no error: the model is then kept in memory."""
    path = cache_path()
    if path.exists():
        try:
            return TechniqueModel.load(path, model_digest())
        except (GraphkitError, OSError, ValueError, KeyError, zipfile.BadZipFile):
            pass  # trained again below
    model = train()
    with contextlib.suppress(OSError):  # a read-only home: trained again by the next process
        model.save(path)
    return model


def fit(x: sp.csr_matrix, y: np.ndarray, seed: int) -> tuple[np.ndarray, sp.csr_matrix, np.ndarray]:
    """One SVM fit: its classes, pruned sparse weights (features x classes), intercepts."""
    from sklearn.svm import LinearSVC  # scikit-learn trains; extraction does not import it

    svm = LinearSVC(C=C, random_state=seed).fit(x, y)
    w = svm.coef_.T.astype(np.float32)
    w[np.abs(w) < PRUNE] = 0
    return svm.classes_, sp.csr_matrix(w), svm.intercept_.astype(np.float64)


_Fit = tuple[np.ndarray, sp.csr_matrix, np.ndarray]


def _fit_both(
    first: tuple[sp.csr_matrix, np.ndarray], second: tuple[sp.csr_matrix, np.ndarray], seed: int
) -> tuple[_Fit, _Fit]:
    """Two fits at once in two forked processes where the system forks, else one after the
    other. Not in threads: liblinear draws from one random generator per process, so two
    fits in threads would take turns on it and differ from run to run. Forked, not spawned: a
    spawned process imports the caller's main script again, which a script without a
    ``__main__`` guard does not survive."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return fit(*first, seed), fit(*second, seed)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        a = pool.submit(fit, *first, seed)
        b = pool.submit(fit, *second, seed)
        return a.result(), b.result()


def held_out(examples: Sequence[Example]) -> np.ndarray:
    """Which examples the calibration holds out: the last of :data:`FOLDS` folds of actors.
    Definitions and the sentences written here always train."""
    from sklearn.model_selection import GroupKFold

    actors = np.array([i for i, e in enumerate(examples) if e.kind in ("procedure", "description")])
    groups = [examples[i].group for i in actors]
    *_, (_, test) = GroupKFold(FOLDS).split(actors, groups=groups)
    mask = np.zeros(len(examples), dtype=bool)
    mask[actors[test]] = True
    return mask


def held_pieces(tokens: list[str], text: str) -> tuple[list[list[str]], list[list[str]]]:
    """A held-out training sentence's pieces, as extraction reads a report's: the whole and
    its clauses, and its list items of two words (:func:`clause_parts`)."""
    parts, items = clause_parts(text)
    return [tokens, *parts], [i for i in items if PLACEHOLDER not in i]


def train(seed: int = SEED) -> TechniqueModel:
    """Train the model from the installed ATT&CK data and the sentences written here."""
    examples = all_examples()
    tokens = [words(e.text) for e in examples]
    labels = np.array([e.label for e in examples])
    held = held_out(examples)
    part = Vectorizer.fit([t for t, h in zip(tokens, held, strict=True) if not h])
    full = Vectorizer.fit(tokens)
    x_part = part.transform([t for t, h in zip(tokens, held, strict=True) if not h])
    x_full = full.transform(tokens)
    part_fit, final = _fit_both((x_part, labels[~held]), (x_full, labels), seed)
    classes, w, b = part_fit
    read = [held_pieces(t, e.text) for t, e, h in zip(tokens, examples, held, strict=True) if h]
    sentences = [whole for whole, _ in read]
    rows = part.transform([p for s in sentences for p in s])
    scores = best_of_pieces(product(rows, dense(w)) + b, sentences)
    slope, offset, threshold = calibrate(scores, classes, labels[held])
    items = [its for _, its in read]
    item_scores = np.full_like(scores, -np.inf)
    has = [i for i, its in enumerate(items) if its]
    if has:
        rows = part.transform([p for i in has for p in items[i]])
        item_scores[has] = best_of_pieces(product(rows, dense(w)) + b, [items[i] for i in has])
    known = known_techniques(examples, classes)[held]
    calibration = (slope, offset, threshold)
    item_threshold = calibrate_items(scores, item_scores, classes, known, calibration)
    return TechniqueModel(full, *final, slope, offset, threshold, item_threshold, model_digest())


def _weights(truth: np.ndarray) -> np.ndarray:
    """Sentences with no technique weigh as much in all as those with one."""
    none = truth == NONE
    w = np.ones(len(truth))
    if none.any() and (~none).any():
        w[none] = (~none).sum() / none.sum()
    return w


def calibrate(
    scores: np.ndarray, classes: np.ndarray, truth: np.ndarray
) -> tuple[float, float, float]:
    """The sigmoid (slope, offset) that makes held-out scores probabilities, and the
    probability threshold that drafts techniques with the best weighted F1."""
    from sklearn.linear_model import LogisticRegression

    weights = _weights(truth)
    technique = classes != NONE
    top = np.argsort(-np.where(technique, scores, -np.inf), axis=1)[:, :3]
    picked = np.take_along_axis(scores, top, axis=1)
    right = classes[top] == truth[:, None]
    platt = LogisticRegression(C=1e4).fit(
        picked.reshape(-1, 1), right.ravel(), sample_weight=np.repeat(weights, 3)
    )
    slope, offset = float(platt.coef_[0, 0]), float(platt.intercept_[0])
    p = 1 / (1 + np.exp(-(slope * scores + offset)))
    p[:, ~technique] = 0
    hit = classes[None, :] == truth[:, None]
    positive = truth != NONE
    best, threshold = -1.0, 0.5
    for t in np.round(np.arange(0.05, 0.96, 0.01), 2):
        drafted = p >= t
        tp = (weights[:, None] * (drafted & hit)).sum()
        fp = (weights[:, None] * (drafted & ~hit)).sum()
        fn = (weights * (positive & ~(drafted & hit).any(axis=1))).sum()
        f1 = 2 * tp / (2 * tp + fp + fn)
        if f1 > best:
            best, threshold = f1, float(t)
    return slope, offset, threshold


def known_techniques(examples: Sequence[Example], classes: np.ndarray) -> np.ndarray:
    """Per example, the techniques ATT&CK's procedure examples give its actor or software
    (its own label for a sentence with none): one sentence tells one of them, a list in it
    may name others ("webcam captures and screenshots")."""
    column = {c: j for j, c in enumerate(classes.tolist())}
    by_group: dict[str, set[int]] = {}
    for e in examples:
        if e.kind == "procedure" and e.label in column:
            by_group.setdefault(e.group, set()).add(column[e.label])
    known = np.zeros((len(examples), len(classes)), dtype=bool)
    for row, e in enumerate(examples):
        if e.label in column:
            known[row, column[e.label]] = True
        if e.label != NONE:
            known[row, list(by_group.get(e.group, ()))] = True
    return known


def calibrate_items(
    scores: np.ndarray,
    item_scores: np.ndarray,
    classes: np.ndarray,
    known: np.ndarray,
    calibration: tuple[float, float, float],
) -> float:
    """The lowest probability threshold for list items of two words at which what is drafted
    keeps held-out precision where the sentences and clauses alone have it (the items may
    add recall, not cost precision); over 1 when none does. A technique drafted counts as
    right when it is one ATT&CK gives the sentence's actor or software (``known``): a list
    item often names another of its techniques than the one its sentence is filed under."""
    slope, offset, threshold = calibration
    truth = np.where(known[:, classes == NONE][:, 0], NONE, "technique")
    weights = _weights(truth)[:, None]
    technique = classes != NONE

    def precision(drafted: np.ndarray) -> float:
        drafted = drafted & technique
        right = (weights * (drafted & known)).sum()
        return float(right / max((weights * drafted).sum(), 1e-9))

    base = 1 / (1 + np.exp(-(slope * scores + offset))) >= threshold
    floor = precision(base)
    p = 1 / (1 + np.exp(-(slope * item_scores + offset)))
    for t in np.round(np.arange(threshold, 0.995, 0.01), 2):
        if precision(base | (p >= t)) >= floor:
            return float(t)
    return 2.0
