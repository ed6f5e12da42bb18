"""Benchmark: the learned technique mapper against the cue words, on actors neither has seen.

Cross-validation over ATT&CK's procedure examples, grouped by the actor or software each
belongs to (scikit-learn's ``GroupKFold``, five folds: no actor has sentences on both sides;
a campaign counts as the group ATT&CK attributes it to). The sentences of the group and
campaign descriptions (no technique) are split with their actor. Each fold trains the model
as ``graphkit.extract.mapper.train`` does (definitions and the sentences written here always
train) and scores the held-out sentences as extraction reads a report's: whole and clause by
clause, places, languages and actor-sense words masked (``graphkit.extract.masking``). The
sigmoid and the threshold a fold uses are fitted on the other folds' held-out scores, so no
sentence helps choose the threshold it is judged by.

The cue words (the gazetteer's phrases, technique names and ids, and the verb-object classes
of ``graphkit.extract.behaviour``: the mapper before the model) read the same sentences.

Reported over the procedure examples of techniques with at least ten of them:

- top-1 and top-3 accuracy: the true technique is the model's best (three best) class; for
  the cue words, the first (three first) techniques they name, in the order of the sentence;
- macro F1 of what is drafted (the model at its threshold; every technique the cue words
  name), over those techniques; precision and recall pooled over all sentences; and how many
  sentences without a technique get one.

Run: ``.venv/bin/python bench/techniques_cv.py`` (a few minutes on two cores).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sklearn.model_selection import GroupKFold

from graphkit.extract.examples import NONE, all_examples
from graphkit.extract.features import Vectorizer, words
from graphkit.extract.mapper import SEED, best_of_pieces, dense, item_rows, product
from graphkit.extract.masking import mapper_pieces
from graphkit.extract.reading import read_sentence
from graphkit.extract.training import FOLDS, calibrate, calibrate_items, fit, known_techniques

MIN_EXAMPLES = 10


def _parent(tid: str) -> str:
    return tid.split(".")[0] if tid.startswith("T") else tid


def cue_words(text: str) -> list[str]:
    """The techniques the cue words name in a sentence, in order, without repeats."""
    found = [
        _parent(m.entry.id) for m in read_sentence(text).mentions if m.entry.kind == "Technique"
    ]
    return list(dict.fromkeys(found))


def compounds(examples, test, seed):  # type: ignore[no-untyped-def]
    """Long sentences as reports write them: the held-out procedure examples of a fold, in a
    shuffled order, two or three at a time joined as one sentence, each with the set of its
    parts' techniques: every other one as a list ("A, B and C.", which the clauses part
    again), the others run on ("A as well as B as well as C.", which they do not)."""
    rng = np.random.default_rng(seed)
    order = [i for i in rng.permutation(test).tolist() if examples[i].kind == "procedure"]
    out, start = [], 0
    while start + 1 < len(order):
        size = 2 + len(out) % 2
        parts = [examples[i].text.rstrip(" .") for i in order[start : start + size]]
        listed = len(out) % 4 < 2
        joint = ", ".join(parts[:-1]) + " and " if listed else " as well as ".join(parts[:-1])
        text = joint + ("" if listed else " as well as ") + parts[-1] + "."
        truth = {str(examples[i].label) for i in order[start : start + size]}
        out.append((text, truth, "list" if listed else "run-on"))
        start += size
    return out


def piece_scores(read, vec, w, b):  # type: ignore[no-untyped-def]
    """Each sentence's score per class as a whole, its best over its sentence and clause
    pieces, and its best over its list items of two words (-inf without any), as
    ``TechniqueModel.drafts`` reads them."""
    flat = [p for s in read for p in s]
    values = product(vec.transform(flat), dense(w)) + b
    whole = values[np.cumsum([0, *map(len, read[:-1])])]
    items = item_rows(read)
    values_items = np.where(items[:, None], values, -np.inf)
    values = np.where(items[:, None], -np.inf, values)
    return whole, best_of_pieces(values, read), best_of_pieces(values_items, read)


def out_of_fold(examples, tokens, pieces, labels, folds):  # type: ignore[no-untyped-def]
    """Each evaluated sentence's scores from the fold that held it out, the classes, and
    each fold's compound sentences (:func:`compounds`) with their scores."""
    scores: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    joined = []
    classes = None
    always = [i for i, e in enumerate(examples) if e.kind in ("definition", "written")]
    for k, (train, test) in enumerate(folds):
        started = time.time()
        rows = [*train, *always]
        vec = Vectorizer.fit([tokens[i] for i in rows])
        fold_classes, w, b = fit(vec.transform([tokens[i] for i in rows]), labels[rows], SEED)
        assert classes is None or list(classes) == list(fold_classes)
        classes = fold_classes
        whole, best, items = piece_scores([pieces[i] for i in test], vec, w, b)
        scores.update(zip(test.tolist(), zip(best, items, whole, strict=True), strict=True))
        made = compounds(examples, test, SEED + k)
        read = [mapper_pieces(read_sentence(text, codes=False)) for text, _, _ in made]
        joined.append((made, *piece_scores(read, vec, w, b)[1:]))
        print(
            f"fold {k + 1}: {len(test)} sentences, {time.time() - started:.0f} s", file=sys.stderr
        )
    return scores, classes, joined


def passing(classes, best, items, calibration, item_threshold):  # type: ignore[no-untyped-def]
    """The techniques whose probability passes the threshold, or an item's its own."""
    slope, offset, threshold = calibration
    p, q = (1 / (1 + np.exp(-(slope * v + offset))) for v in (best, items))
    return set(classes[(classes != NONE) & ((p >= threshold) | (q >= item_threshold))].tolist())


def fitted(scores, classes, labels, known, rows):  # type: ignore[no-untyped-def]
    """The calibration (sigmoid and threshold) and the list items' threshold fitted on the
    held-out scores of ``rows``, as ``graphkit.extract.training.train`` fits them."""
    whole, best, items = (np.array([scores[i][j] for i in rows]) for j in (2, 0, 1))
    calibration = calibrate(best, classes, labels[rows])
    return calibration, calibrate_items((whole, best, items), classes, known[rows], calibration)


def learned_drafts(examples, scores, classes, labels, folds, joined):  # type: ignore[no-untyped-def]
    """Per sentence, the techniques drafted at the thresholds fitted on the other folds (the
    sentence's and clauses', and the list items' of two words); the same for each fold's
    compound sentences: (drafted, truth, joined) triples; and per fold, the thresholds fitted
    on it alone and on the other four, and its sentences' precision, recall and F1 at the
    next fold's alone and at the other four's."""
    drafted: dict[int, set[str]] = {}
    compound, per_fold = [], []
    known = known_techniques(examples, classes)
    alone = [fitted(scores, classes, labels, known, test.tolist()) for _, test in folds]
    for k, (_, test) in enumerate(folds):
        others = [i for j, (_, t) in enumerate(folds) if j != k for i in t.tolist()]
        calibration, item_threshold = fitted(scores, classes, labels, known, others)
        truth = {i: str(labels[i]) for i in test.tolist()}
        for i in truth:
            drafted[i] = passing(classes, *scores[i][:2], calibration, item_threshold)
        nxt = alone[(k + 1) % len(folds)]
        by_next = {i: passing(classes, *scores[i][:2], *nxt) for i in truth}
        per_fold.append(
            (alone[k], (calibration, item_threshold), pooled(by_next, truth),
             pooled({i: drafted[i] for i in truth}, truth))
        )  # fmt: skip
        made, best_made, items_made = joined[k]
        for (_, truth_made, style), row, items in zip(made, best_made, items_made, strict=True):
            compound.append(
                (passing(classes, row, items, calibration, item_threshold), truth_made, style)
            )
    return drafted, compound, per_fold


def fold_table(per_fold) -> None:  # type: ignore[no-untyped-def]
    """The thresholds each fold's calibration gives, and what they draft on a fold."""
    print("\nCalibration per fold: threshold (list items) fitted on the fold's held-out scores")
    print("alone and on the other four; the fold's sentences at the next fold's alone and at")
    print("the other four's (precision, recall, F1)\n")
    print("| fold | alone | other four | at the next fold's | at the other four's |")
    print("|---|---|---|---|---|")
    for k, (one, four, (p1, r1), (p4, r4)) in enumerate(per_fold):
        f1, f4 = (2 * p * r / (p + r) for p, r in ((p1, r1), (p4, r4)))
        print(
            f"| {k + 1} | {one[0][2]:.2f} ({one[1]:.2f}) | {four[0][2]:.2f} ({four[1]:.2f}) | "
            f"{p1:.3f} {r1:.3f} {f1:.3f} | {p4:.3f} {r4:.3f} {f4:.3f} |"
        )


def compound_table(compound) -> None:  # type: ignore[no-untyped-def]
    """Precision and recall of compound sentences' techniques, pooled, by how they are joined
    and by how many techniques they hold."""
    print("\nCompound sentences: two or three held-out examples in one sentence\n")
    print("| joined | techniques | sentences | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for style in ("list", "run-on", "all"):
        for size in ("2", "3+", "all"):
            pairs = [
                (d, t)
                for d, t, how in compound
                if style in (how, "all") and size in ("all", str(len(t)), f"{min(len(t), 3)}+")
            ]
            tp = sum(len(d & t) for d, t in pairs)
            fp = sum(len(d - t) for d, t in pairs)
            fn = sum(len(t - d) for d, t in pairs)
            p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
            f1 = 2 * p * r / max(p + r, 1e-9)
            print(f"| {style} | {size} | {len(pairs)} | {p:.3f} | {r:.3f} | {f1:.3f} |")


def macro_f1(drafted, truth, techniques):  # type: ignore[no-untyped-def]
    f1s = []
    for c in techniques:
        tp = sum(1 for i, t in truth.items() if t == c and c in drafted[i])
        fp = sum(1 for i, t in truth.items() if t != c and c in drafted[i])
        fn = sum(1 for i, t in truth.items() if t == c and c not in drafted[i])
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(f1s))


def pooled(drafted, truth):  # type: ignore[no-untyped-def]
    tp = sum(1 for i, t in truth.items() if t in drafted[i])
    fp = sum(len(drafted[i] - {t}) for i, t in truth.items())
    fn = sum(1 for i, t in truth.items() if t != NONE and t not in drafted[i])
    return tp / (tp + fp), tp / (tp + fn)


def main() -> None:
    started = time.time()
    examples = all_examples()
    tokens = [words(e.text) for e in examples]
    # held out, a sentence is read as extraction reads a report's (graphkit.extract.masking)
    pieces = [mapper_pieces(read_sentence(e.text, codes=False)) for e in examples]
    labels = np.array([e.label for e in examples])
    judged = np.array([i for i, e in enumerate(examples) if e.kind in ("procedure", "description")])
    folds = [
        (judged[a], judged[b])
        for a, b in GroupKFold(FOLDS).split(judged, groups=[examples[i].group for i in judged])
    ]
    scores, classes, joined = out_of_fold(examples, tokens, pieces, labels, folds)
    learned, compound, per_fold = learned_drafts(examples, scores, classes, labels, folds, joined)
    ranked = {
        i: [str(c) for c in classes[np.argsort(-s[0])] if c != NONE][:3] for i, s in scores.items()
    }
    cues = {i: cue_words(examples[i].text) for i in scores}
    both = {i: learned[i] | set(cues[i]) for i in scores}
    truth = {i: str(labels[i]) for i in scores}
    counts: dict[str, int] = {}
    for e in examples:
        if e.kind == "procedure":
            counts[e.label] = counts.get(e.label, 0) + 1
    common = sorted(c for c, n in counts.items() if n >= MIN_EXAMPLES)
    scored = {i: t for i, t in truth.items() if t in common}
    negatives = [i for i, t in truth.items() if t == NONE]
    print(
        f"{len(scored)} procedure examples of {len(common)} techniques with at least "
        f"{MIN_EXAMPLES}, {len(negatives)} sentences without a technique, {FOLDS} folds by actor\n"
    )
    print("| mapper | top-1 | top-3 | macro F1 | precision | recall | none drafted |")
    print("|---|---|---|---|---|---|---|")
    rows = [("learned", learned, ranked), ("cue words", {i: set(c) for i, c in cues.items()}, cues),
            ("both", both, None)]  # fmt: skip
    for name, drafted, order in rows:
        top1 = f"{np.mean([t in order[i][:1] for i, t in scored.items()]):.3f}" if order else "-"
        top3 = f"{np.mean([t in order[i][:3] for i, t in scored.items()]):.3f}" if order else "-"
        precision, recall = pooled(drafted, truth)
        false = np.mean([bool(drafted[i]) for i in negatives])
        print(
            f"| {name} | {top1} | {top3} | {macro_f1(drafted, truth, common):.3f} | "
            f"{precision:.3f} | {recall:.3f} | {false:.1%} |"
        )
    compound_table(compound)
    fold_table(per_fold)
    print(f"\n{time.time() - started:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
