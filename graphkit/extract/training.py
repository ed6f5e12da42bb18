"""Training the learned technique mapper (:mod:`~graphkit.extract.mapper`).

The SVM is fitted six times: once on everything (the model kept) and once per fold of
:data:`FOLDS` folds of actors (``GroupKFold``: each fold's actors and software out, the
definitions and the sentences written here always in). Every actor's sentence is scored by
the fit that did not see its actor, as extraction reads a report's (whole, clause by clause,
list items of two words), and on those out-of-fold scores of all five folds the sigmoid, the
threshold and the list items' threshold are fitted (:func:`calibrate`,
:func:`calibrate_items`). Calibrated on one fold, the threshold moved from fold to fold by
chance (F1 nearly flat from 0.18 to 0.34 on one: BENCHMARKS.md, "Session 21").

The six fits run two at a time in forked processes; the same seed gives the same arrays.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np
import scipy.sparse as sp

from graphkit.extract.examples import NONE, Example, all_examples
from graphkit.extract.features import (
    MIN_WORDS,
    PLACEHOLDER,
    Vectorizer,
    clause_parts,
    verb_spans,
    words,
)
from graphkit.extract.mapper import (
    SEED,
    TechniqueModel,
    best_of_pieces,
    dense,
    model_digest,
    product,
)

__all__ = [
    "FOLDS",
    "PRUNE",
    "C",
    "calibrate",
    "calibrate_items",
    "fit",
    "folds",
    "held_pieces",
    "known_techniques",
    "train",
]

C = 0.5  # the SVM's regularisation: the best of 0.2, 0.5 and 1.0 on a held-out fold
PRUNE = 0.02  # weights smaller than this are dropped
FOLDS = 5  # folds of actors, each held out once for the calibration

_Fit = tuple[np.ndarray, sp.csr_matrix, np.ndarray]


def fit(x: sp.csr_matrix, y: np.ndarray, seed: int) -> _Fit:
    """One SVM fit: its classes, pruned sparse weights (features x classes), intercepts."""
    from sklearn.svm import LinearSVC  # scikit-learn trains; extraction does not import it

    svm = LinearSVC(C=C, random_state=seed).fit(x, y)
    w = svm.coef_.T.astype(np.float32)
    w[np.abs(w) < PRUNE] = 0
    return svm.classes_, sp.csr_matrix(w), svm.intercept_.astype(np.float64)


def folds(examples: Sequence[Example]) -> list[np.ndarray]:
    """The rows of each of :data:`FOLDS` folds of actors (procedure examples and the group
    and campaign descriptions, grouped by actor or software)."""
    from sklearn.model_selection import GroupKFold

    actors = np.array([i for i, e in enumerate(examples) if e.kind in ("procedure", "description")])
    groups = [examples[i].group for i in actors]
    return [actors[test] for _, test in GroupKFold(FOLDS).split(actors, groups=groups)]


def held_pieces(tokens: list[str], text: str) -> tuple[list[list[str]], list[list[str]]]:
    """A held-out training sentence's pieces, as extraction reads a report's: the whole, its
    clauses and its run-on spans (:func:`verb_spans`), and its list items of two words
    (:func:`clause_parts`)."""
    parts, items = clause_parts(text)
    spans = verb_spans(text) if len(tokens) >= 2 * MIN_WORDS else []
    told = [w for a, b in spans if len(w := tokens[a:b]) - w.count(PLACEHOLDER) >= MIN_WORDS]
    return [tokens, *parts, *told], [i for i in items if PLACEHOLDER not in i]


def _fit_all(tokens: list[list[str]], labels: np.ndarray, seed: int) -> tuple[Vectorizer, _Fit]:
    """The vocabulary and the SVM on every training sentence: the model kept."""
    vectorizer = Vectorizer.fit(tokens)
    return vectorizer, fit(vectorizer.transform(tokens), labels, seed)


def _scored(
    vectorizer: Vectorizer, weights: _Fit, pieces: list[list[list[str]]]
) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's score per class of its first piece, and its best over its pieces
    (-inf for a sentence without any)."""
    classes, w, b = weights
    first, best = (np.full((len(pieces), len(classes)), -np.inf) for _ in range(2))
    has = [i for i, p in enumerate(pieces) if p]
    if has:
        values = product(vectorizer.transform([p for i in has for p in pieces[i]]), dense(w)) + b
        cut = [pieces[i] for i in has]
        best[has] = best_of_pieces(values, cut)
        first[has] = values[np.cumsum([0, *map(len, cut[:-1])])]
    return first, best


def _fold_scores(
    tokens: list[list[str]],
    labels: np.ndarray,
    held: np.ndarray,
    read: list[tuple[list[list[str]], list[list[str]]]],
    seed: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A fit on all but the ``held`` rows, and its scores of their sentences (``read``,
    :func:`held_pieces`): classes, the whole sentences' scores, the best piece's (whole or
    clause), the best list item's."""
    keep = np.ones(len(tokens), dtype=bool)
    keep[held] = False
    kept = [t for t, k in zip(tokens, keep, strict=True) if k]
    vectorizer = Vectorizer.fit(kept)
    weights = fit(vectorizer.transform(kept), labels[keep], seed)
    whole, best = _scored(vectorizer, weights, [pieces for pieces, _ in read])
    return weights[0], whole, best, _scored(vectorizer, weights, [items for _, items in read])[1]


def _run_all(jobs: list[tuple[Callable[..., Any], tuple[Any, ...]]]) -> list[Any]:
    """The jobs' results, two at a time in forked processes where the system forks, else one
    after the other. Not in threads: liblinear draws from one random generator per process,
    so two fits in threads would take turns on it and differ from run to run. Forked, not
    spawned: a spawned process imports the caller's main script again, which a script
    without a ``__main__`` guard does not survive."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return [job(*args) for job, args in jobs]
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        futures = [pool.submit(job, *args) for job, args in jobs]
        return [f.result() for f in futures]


def _aligned(scores: np.ndarray, these: np.ndarray, classes: np.ndarray) -> np.ndarray:
    """A fold's scores in the columns of the model's classes (-inf for a class it lacks)."""
    column = {c: j for j, c in enumerate(these.tolist())}
    out = np.full((len(scores), len(classes)), -np.inf)
    for j, c in enumerate(classes.tolist()):
        if c in column:
            out[:, j] = scores[:, column[c]]
    return out


def train(seed: int = SEED) -> TechniqueModel:
    """Train the model from the installed ATT&CK data and the sentences written here, and
    calibrate it on every actor's out-of-fold scores."""
    examples = all_examples()
    tokens = [words(e.text) for e in examples]
    labels = np.array([e.label for e in examples])
    held = folds(examples)
    read = [[held_pieces(tokens[i], examples[i].text) for i in rows] for rows in held]
    jobs: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [(_fit_all, (tokens, labels, seed))]
    jobs += [(_fold_scores, (tokens, labels, h, r, seed)) for h, r in zip(held, read, strict=True)]
    (vectorizer, final), *fold_fits = _run_all(jobs)
    classes = final[0]
    whole, best, item = (
        np.vstack([_aligned(f[j], f[0], classes) for f in fold_fits]) for j in (1, 2, 3)
    )
    rows = np.concatenate(held)
    calibration = calibrate(best, classes, labels[rows])
    known = known_techniques(examples, classes)[rows]
    items = calibrate_items((whole, best, item), classes, known, calibration)
    slope, offset, threshold = calibration
    _, weights, intercept = final
    return TechniqueModel(
        vectorizer, classes, weights, intercept, slope, offset, threshold, items, model_digest()
    )


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
    scores: tuple[np.ndarray, np.ndarray, np.ndarray],
    classes: np.ndarray,
    known: np.ndarray,
    calibration: tuple[float, float, float],
) -> float:
    """The lowest probability threshold for list items of two words at which what they add
    to the sentences and clauses is right as often as what the clauses add to the whole
    sentences: a piece of a sentence is held to the bar the other pieces meet. ``scores``:
    held-out scores of the whole sentences, of their best piece (whole or clause), of their
    best item. Over 1 when no threshold does. A technique drafted counts as right when it is
    one ATT&CK gives the sentence's actor or software (``known``): a list item often names
    another of its techniques than the one its sentence is filed under. Unweighted (a
    sentence without a technique weighs as one): a few group descriptions with a list
    would otherwise decide it."""
    slope, offset, threshold = calibration
    technique = classes != NONE

    def drafted(values: np.ndarray, bar: float) -> np.ndarray:
        return (1 / (1 + np.exp(-(slope * values + offset))) >= bar) & technique

    def precision(added: np.ndarray) -> float:
        return float((added & known).sum() / max(added.sum(), 1))

    whole, best, items = scores
    base = drafted(best, threshold)
    bar = precision(base & ~drafted(whole, threshold))
    for t in np.round(np.arange(threshold, 0.995, 0.01), 2):
        added = drafted(items, t) & ~base
        if added.any() and precision(added) >= bar:
            return float(t)
    return 2.0
