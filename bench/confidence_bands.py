"""Precision of the extractor's facts by confidence band, on the labelled sets.

Run: ``.venv/bin/python bench/confidence_bands.py bench/extract`` (every set under the
folder). It prints precision by band of the raw scores, then of the calibrated confidences
cross-validated (fitted on half the sets, measured on the other half, and the other way
round); ``--write`` fits on all the sets into ``graphkit/data/confidence.yaml``. Each drafted
fact (graphkit.extract.confidence) is judged against its text's labels: a pair (LINKED_TO,
TARGETS, USES_LANGUAGE) by the labelled pairs when its campaign or actor is a labelled anchor,
else by the labelled entities of its kind; a technique at the parent level, a platform and a
named actor by the labelled entities. ``--by-kind`` splits the calibrated table by
relationship.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.extract_labels import _actor_name, _named, _parent, _platform
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from graphkit.extract.confidence import (
    LOAD_THRESHOLD,
    Band,
    DraftedFact,
    drafted_facts,
    fitted,
    uncalibrated,
)
from loaders.text import read_text

BANDS = ((0, 29), (30, 49), (50, 59), (60, 69), (70, 79), (80, 89), (90, 100))

_ENTITY = {"LINKED_TO": "Country", "TARGETS": None, "USES_LANGUAGE": "Language",
           "USES": "Technique", "ABUSES": "Platform", "ATTRIBUTED_TO": "Actor"}  # fmt: skip


def _correct(d: DraftedFact, labels: dict[str, Any], known: set[str]) -> bool | None:
    """Whether the labels hold the fact; None for what they do not judge (an unnamed actor)."""
    entities = {k: {str(x) for x in v} for k, v in labels["entities"].items()}
    if d.kind == "ATTRIBUTED_TO":
        return (
            _actor_name(d.id, [], known) in entities.get("Actor", set()) if _named(d.id) else None
        )
    if d.kind == "USES":
        return _parent(d.id) in {_parent(x) for x in entities.get("Technique", set())}
    if d.kind == "ABUSES":
        return _platform(d.id) in entities.get("Platform", set())
    pairs = {(str(a), str(b)) for a, b in labels["pairs"].get(d.kind, [])}
    anchors = {a for a, _ in pairs}
    subjects = {_actor_name(d.campaign, [], known), _actor_name(d.subject, [], known)}
    if subjects & anchors:
        return any((s, d.id) in pairs for s in subjects)
    kind = _ENTITY[d.kind]
    if kind is None:  # a target: a sector or a country
        return d.id in entities.get("Sector", set()) | entities.get("Country", set())
    return d.id in entities.get(kind, set())


def judged(folder: Path) -> list[tuple[DraftedFact, bool]]:
    """Every drafted fact of the labelled texts in ``folder``, with whether it is right, each
    with its raw score (before calibration)."""
    out: list[tuple[DraftedFact, bool]] = []
    for labels_path in sorted(folder.glob("*.labels.yaml")):
        stem = labels_path.name.removesuffix(".labels.yaml")
        text = next(p for p in folder.glob(stem + ".*") if p.suffix != ".yaml")
        labels = yaml.safe_load(labels_path.read_text())
        known = {str(a) for a in labels["entities"].get("Actor", [])}
        known |= {str(p[0]) for pairs in labels["pairs"].values() for p in pairs}
        try:
            with uncalibrated():
                draft = extract_findings(read_text(text), path=str(text))
        except InputError:
            continue  # nothing drafted: no fact to judge
        for d in drafted_facts(draft):
            verdict = _correct(d, labels, known)
            if verdict is not None:
                out.append((d, verdict))
    return out


def fit(facts: list[tuple[DraftedFact, bool]]) -> dict[str, list[Band]]:
    """Each kind's bands of ten raw scores: how many facts, how many right."""
    total, right = Counter[tuple[str, int]](), Counter[tuple[str, int]]()
    for d, ok in facts:
        key = (d.kind, min(d.confidence // 10 * 10, 90))
        total[key] += 1
        right[key] += ok
    out: dict[str, list[Band]] = {}
    for kind, start in sorted(total):
        out.setdefault(kind, []).append(Band(start=start, facts=total[kind, start],
                                             right=right[kind, start]))  # fmt: skip
    return out


def table(facts: list[tuple[int, bool]], title: str) -> str:
    """Precision by band of the (confidence, right) pairs."""
    total, right = Counter[tuple[int, int]](), Counter[tuple[int, int]]()
    for confidence, ok in facts:
        band = next(b for b in BANDS if b[0] <= confidence <= b[1])
        total[band] += 1
        right[band] += ok
    lines = [f"| {title} | facts | right | precision |", "|---|---:|---:|---:|"]
    for band in BANDS:
        n = total[band]
        share = f"{right[band] / n:.2f}" if n else "-"
        mark = " (held back by load)" if band[1] < LOAD_THRESHOLD else ""
        lines.append(f"| {band[0]}-{band[1]}{mark} | {n} | {right[band]} | {share} |")
    return "\n".join(lines)


def cross_validated(
    sets: list[list[tuple[DraftedFact, bool]]],
) -> list[tuple[DraftedFact, int, bool]]:
    """Each fact with the confidence a calibration fitted on the other half of the sets gives
    it (the sets split alternately into two halves)."""
    halves = [[f for i, s in enumerate(sets) if i % 2 == k for f in s] for k in (0, 1)]
    out = []
    for k in (0, 1):
        bands = fit(halves[1 - k])
        out += [(d, fitted(bands.get(d.kind, []), d.confidence), ok) for d, ok in halves[k]]
    return out


_HEADER = """# Calibration of the extractor's confidences (graphkit/extract/confidence.py): for each
# kind of fact and band of ten raw scores, how many facts the labelled sets gave and how many
# were right. Written by `bench/confidence_bands.py bench/extract --write`; do not edit by hand.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="a folder of labelled sets (bench/extract)")
    parser.add_argument("--by-kind", action="store_true", help="a calibrated table a kind")
    parser.add_argument("--write", action="store_true", help="fit graphkit/data/confidence.yaml")
    args = parser.parse_args()
    folders = sorted({p.parent for p in args.root.rglob("*.labels.yaml")})
    if not folders:
        parser.error(f"{args.root}: no labelled text (*.labels.yaml) under it")
    sets = [judged(folder) for folder in folders]
    facts = [f for s in sets for f in s]
    print(f"{len(facts)} facts judged in {len(folders)} sets")
    print(table([(d.confidence, ok) for d, ok in facts], "raw score"))
    print()
    checked = cross_validated(sets)
    print(table([(c, ok) for _, c, ok in checked], "calibrated (2-fold)"))
    if args.by_kind:
        for kind in sorted({d.kind for d, _ in facts}):
            print()
            print(table([(c, ok) for d, c, ok in checked if d.kind == kind], kind))
    if args.write:
        bands = {k: [b.model_dump() for b in v] for k, v in fit(facts).items()}
        out = Path(__file__).resolve().parent.parent / "graphkit" / "data" / "confidence.yaml"
        out.write_text(_HEADER + yaml.safe_dump(bands, sort_keys=True, width=100))
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
