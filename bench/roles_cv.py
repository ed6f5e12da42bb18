"""Benchmark: a learned place-role classifier against the rules, on labelled sets neither has seen.

The data is ``bench/roles_data.py``'s: every country or demonym mention the extractor decides
a role for, with the role its text's labels give its country (origin, target, none). The
model is a logistic regression (scikit-learn) over the words around the mention (the mention
masked; three words each side by position, eight as bags), its kind and where the sentence's
actors stand. Cross-validation leaves one labelled folder out at a time (56 folds): the
model is trained on the other folders' mentions and judged on the held-out folder's.

Reported:

- mention level, on the mentions where ``country_role`` and its friends (``said_about``,
  ``posed_as``, ``researched``, ``made_in``) decide (the decisions a model would take over),
  and on every scorable mention (the model deciding those that a field or a name's brackets
  decide, too): accuracy, per-class precision and recall;
- document level: the held-out folder's texts drafted with the model's decision in place of
  those rules (``country_role`` and the four friends replaced inside
  ``graphkit.extract.facts``; fields, brackets, lists and everything else unchanged), scored
  on country facts: Country entities, LINKED_TO pairs, and TARGETS pairs whose target is a
  country; against the same texts drafted by the rules.

Run: ``.venv/bin/python bench/roles_cv.py`` (a few minutes on two cores; set
``GRAPHKIT_CACHE`` so that the technique model is trained once).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline

import graphkit.extract.facts as facts
from bench.extract_labels import Tally, draft_entities, draft_pairs
from bench.roles_data import (
    COUNTRY,
    ROLES,
    Row,
    actor_positions,
    collect,
    draft,
    facts_of,
    features,
    folders,
    row_features,
    sources,
    texts,
)
from graphkit.extract.reading import Mention, Sentence, read_sentence

SEED = 0
# What the model decides: "all" in place of country_role and its four friends (origin,
# target or none), "country_role" in place of country_role alone (origin or target; the
# friends, which graphkit.extract.sectors uses too, stay).
VARIANTS = {"all": ("rules", "friends"), "country_role": ("rules",)}


def train(rows: list[Row], variant: str) -> Pipeline:
    if variant == "country_role":
        rows = [r for r in rows if r.gold != "none"]
    model = make_pipeline(DictVectorizer(), LogisticRegression(max_iter=3000, random_state=SEED))
    model.fit([row_features(r) for r in rows], [r.gold for r in rows])
    return model


Fold = tuple[str, list[Row], set[tuple[str, str]]]


def folds(rows: list[Row], drafts: dict[str, list], by: str) -> list[Fold]:
    """(name, training rows, held-out texts as (folder, text)) for each fold. ``folder``: leave
    one labelled folder out; ``report``: leave out every text that retells one report, and
    train only on texts that share no labelled pair with any of them."""
    scorable = [r for r in rows if r.gold in ROLES]
    docs = {(f, stem): labels for f, ds in drafts.items() for stem, _, labels in ds}
    if by == "folder":
        return [(f, [r for r in scorable if r.folder != f], {k for k in docs if k[0] == f})
                for f in sorted(drafts)]  # fmt: skip
    report = {(r.folder, r.doc): r.source for r in rows}
    report |= {k: report.get(k) or sources(drafts)[k] for k in docs}
    out = []
    for name in sorted(set(report.values())):
        held = {k for k, v in report.items() if v == name}
        said = set().union(*(facts_of(docs[k]) for k in held))
        apart = {k for k in docs if k not in held and not facts_of(docs[k]) & said}
        out.append((name, [r for r in scorable if (r.folder, r.doc) in apart], held))
    return out


def out_of_fold(rows: list[Row], fold_list: list[Fold], variant: str) -> dict[int, str]:
    """Each scorable row's role from the model of the fold that held its text out."""
    out: dict[int, str] = {}
    for _, training, held in fold_list:
        model = train(training, variant)
        test = [r for r in rows if r.gold in ROLES and (r.folder, r.doc) in held]
        for r, role in zip(test, model.predict([row_features(r) for r in test]), strict=True):
            out[id(r)] = str(role)
    return out


def mention_table(rows: list[Row], predicted: dict[int, str], title: str) -> None:
    print(f"\n{title}: {len(rows)} mentions, gold {dict(Counter(r.gold for r in rows))}")
    print(f"{'':8} {'acc':>5}  " + "  ".join(f"{c + ' P':>8} {c + ' R':>8}" for c in ROLES))
    for who, guess in (("rules", lambda r: r.rules), ("model", lambda r: predicted[id(r)])):
        pairs = [(r.gold, guess(r)) for r in rows]
        acc = sum(g == p for g, p in pairs) / len(pairs)
        cells = []
        for c in ROLES:
            tp = sum(g == p == c for g, p in pairs)
            said, true = sum(p == c for _, p in pairs), sum(g == c for g, _ in pairs)
            cells.append(f"{_rate(tp, said):>8} {_rate(tp, true):>8}")
        print(f"{who:8} {acc:5.3f}  " + "  ".join(cells))


def _rate(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "-"


# --- the model in the extractor's place ---------------------------------------------------


@contextmanager
def model_decides(model: Pipeline, variant: str) -> Iterator[None]:
    """Inside the block, ``graphkit.extract.facts`` asks the model where it asked
    ``country_role`` (and its four friends, for the variant ``all``)."""
    current: list[Sentence] = []
    names = ("_place", "country_role", "said_about", "posed_as", "researched", "made_in")
    saved = {n: getattr(facts, n) for n in names}

    def role(m: Mention, s: Sentence | None) -> str:
        if s is None or s.words is not m.words:
            s = read_sentence(" ".join(m.words))
        f = features(m.words, m.index, m.width, m.entry.kind, actor_positions(s))
        return str(model.predict([f])[0])

    def _place(f: Any, group: Any, m: Mention, s: Sentence, origin: set[int], lists: Any) -> None:
        current[:] = [s]
        saved["_place"](f, group, m, s, origin, lists)

    def country_role(m: Mention, text: str = "") -> str:
        s = current[0] if current and current[0].words is m.words else read_sentence(text)
        return "attribution" if role(m, s) == "origin" else "target"

    def said_about(m: Mention) -> bool:  # the one of the four that _place asks first
        return role(m, current[0] if current else None) == "none"

    patched: dict[str, Any] = {"_place": _place, "country_role": country_role}
    if variant == "all":
        patched |= {"said_about": said_about, "posed_as": lambda m, s: False,
                    "researched": lambda m, s: False, "made_in": lambda m: False}  # fmt: skip
    for n, fn in patched.items():
        setattr(facts, n, fn)
    try:
        yield
    finally:
        for n, fn in saved.items():
            setattr(facts, n, fn)


KINDS = ("Country", "LINKED_TO", "TARGETS country")


def country_tally(results: list[tuple[str, Any, dict[str, Any]]], into: dict[str, Tally]) -> None:
    """Country entities, LINKED_TO pairs, and TARGETS pairs to a country, as extract_labels
    scores them (only pairs of a labelled anchor are judged)."""
    for name, found, labels in results:
        known = {str(a) for a in labels["entities"].get("Actor", [])}
        known |= {str(p[0]) for pairs in labels["pairs"].values() for p in pairs}
        want = {str(x) for x in labels["entities"].get("Country", [])}
        into["Country"].count(name, draft_entities(found, known)["Country"] if found else set(),
                              want)  # fmt: skip
        got = draft_pairs(found, known) if found else {"LINKED_TO": set(), "TARGETS": set()}
        for kind, pairs in (("LINKED_TO", got["LINKED_TO"]), ("TARGETS country", got["TARGETS"])):
            label = "TARGETS" if kind != "LINKED_TO" else kind
            want_p = {(str(a), str(b)) for a, b in labels["pairs"].get(label, [])
                      if COUNTRY.match(str(b))}  # fmt: skip
            anchors = {a for a, _ in labels["pairs"].get(label, [])}
            into[kind].count(name, {p for p in pairs if p[0] in anchors and COUNTRY.match(p[1])},
                             want_p)  # fmt: skip


def document_level(drafts: dict[str, list], fold_list: list[Fold], variant: str) -> None:
    """The held-out texts drafted by the rules and by each fold's model, pooled (micro)."""
    rules = {k: Tally() for k in KINDS}
    learned = {k: Tally() for k in KINDS}
    by_key = {(f, stem): (stem, found, labels) for f, ds in drafts.items()
              for stem, found, labels in ds}  # fmt: skip
    paths = {(f.name, stem): path for f in folders() for stem, path, _ in texts(f)}
    for _, training, held in fold_list:
        country_tally([by_key[k] for k in sorted(held)], rules)
        with model_decides(train(training, variant), variant):
            results = [(k[1], draft(paths[k]), by_key[k][2]) for k in sorted(held)]
        country_tally(results, learned)
    print(f"{'':16} {'rules P':>8} {'R':>6} {'F1':>6}   {'model P':>8} {'R':>6} {'F1':>6}")
    for k in KINDS:
        a, b = rules[k], learned[k]
        print(f"{k:16} {a.precision:8.3f} {a.recall:6.3f} {a.f1:6.3f}   "
              f"{b.precision:8.3f} {b.recall:6.3f} {b.f1:6.3f}")  # fmt: skip
    if "--misses" in sys.argv:
        for k in KINDS:
            for x in sorted(set(learned[k].misses) - set(rules[k].misses)):
                print(f"  model misses {k}: {x}")
            for x in sorted(set(rules[k].misses) - set(learned[k].misses)):
                print(f"  model finds  {k}: {x}")
            for x in sorted(set(learned[k].extras) - set(rules[k].extras)):
                print(f"  model adds   {k}: {x}")
            for x in sorted(set(rules[k].extras) - set(learned[k].extras)):
                print(f"  model drops  {k}: {x}")


def main() -> None:
    bys = [sys.argv[sys.argv.index("--by") + 1]] if "--by" in sys.argv else ["folder", "report"]
    variants = (
        [sys.argv[sys.argv.index("--variant") + 1]] if "--variant" in sys.argv else list(VARIANTS)
    )
    if not set(bys) <= {"folder", "report"} or not set(variants) <= set(VARIANTS):
        sys.exit("usage: roles_cv.py [--by folder|report] [--variant all|country_role] [--misses]")
    rows, drafts = collect()
    scorable = [r for r in rows if r.gold in ROLES]
    print(f"{len(drafts)} folders, {sum(len(d) for d in drafts.values())} texts, "
          f"{len(rows)} place mentions, {len(scorable)} scorable "
          f"(skipped: {dict(Counter(r.gold for r in rows if r.gold not in ROLES))})")  # fmt: skip
    for by in bys:
        fold_list = folds(rows, drafts, by)
        sizes = [len(t) for _, t, _ in fold_list]
        print(f"\n{len(fold_list)} folds by {by}; training mentions {min(sizes)}-{max(sizes)}")
        for variant in variants:
            predicted = out_of_fold(rows, fold_list, variant)
            decided = [r for r in scorable if r.decided_by in VARIANTS[variant]]
            if variant == "country_role":
                decided = [r for r in decided if r.gold != "none"]
            mention_table(decided, predicted, f"by {by}, mentions the model decides ({variant})")
            print(f"\ndocument level ({variant}, by {by}), every held-out text pooled:")
            document_level(drafts, fold_list, variant)


if __name__ == "__main__":
    main()
