"""Score the extractor on every labelled set at once: tp, fp and fn summed over the sets.

Each folder under ``bench/extract/`` that holds labels is scored as ``bench/extract_score.py``
scores it; the counts are summed (micro-averaged over all texts), per kind and pair.
``--techniques rules|learned|both`` as there (default: both). ``--extras`` lists every wrong
technique draft, grouped by technique, with the sentence it was drafted from (its evidence)
and its confidence; ``--json FILE`` writes the counts and the wrong drafts for comparing runs.

Run: ``.venv/bin/python bench/extract_pooled.py [--techniques both] [--extras] [--json F]``
(a minute or two on two cores).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.extract_labels import KINDS, PAIR_TYPES, Tally, tally
from bench.extract_score import drafted

ROOT = Path(__file__).resolve().parent / "extract"


def _parent(tid: str) -> str:
    return tid.split(".")[0] if tid.startswith("T") else tid


def labelled_sets(root: Path = ROOT) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*.labels.yaml")))


def score_set(folder: Path, techniques: str) -> tuple[dict[str, Tally], list[dict[str, object]]]:
    """A set's tallies, and its wrong technique drafts with their evidence."""
    results = drafted(folder, techniques)
    wrong: list[dict[str, object]] = []
    for stem, draft, labels in results:
        want = {_parent(str(t)) for t in labels["entities"].get("Technique", [])}
        for c in draft.campaigns if draft else []:
            for t in c.techniques:
                if _parent(t.id) not in want:
                    wrong.append({"doc": f"{folder.name}/{stem}", "technique": _parent(t.id),
                                  "confidence": t.confidence, "evidence": t.evidence})  # fmt: skip
    return tally(results), wrong


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--techniques", default="both", choices=("both", "learned", "rules"))
    parser.add_argument("--extras", action="store_true", help="list wrong technique drafts")
    parser.add_argument("--json", type=Path, help="write the counts and wrong drafts here")
    args = parser.parse_args()
    total = {k: Tally() for k in (*KINDS, *PAIR_TYPES)}
    wrong: list[dict[str, object]] = []
    per_set: dict[str, list[int]] = {}
    sets = labelled_sets()
    for folder in sets:
        scores, extras = score_set(folder, args.techniques)
        wrong += extras
        for kind, t in scores.items():
            total[kind].tp += t.tp
            total[kind].fp += t.fp
            total[kind].fn += t.fn
        tech = scores["Technique"]
        per_set[folder.name] = [tech.tp, tech.fp, tech.fn]
    print(f"{'kind':<14} {'P':>6} {'R':>6} {'F1':>6}     tp    fp    fn   ({len(sets)} sets)")
    for kind, t in total.items():
        rates = f"{t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f}"
        print(f"{kind:<14} {rates}  {t.tp:5d} {t.fp:5d} {t.fn:5d}")
    if args.extras:
        by_technique: dict[str, list[dict[str, object]]] = defaultdict(list)
        for w in wrong:
            by_technique[str(w["technique"])].append(w)
        for tid, found in sorted(by_technique.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"\n{tid}: {len(found)}")
            for w in found:
                print(f"  {w['doc']} ({w['confidence']}): {w['evidence']}")
    if args.json:
        counts = {k: [t.tp, t.fp, t.fn] for k, t in total.items()}
        args.json.write_text(json.dumps({"counts": counts, "sets": per_set, "wrong": wrong},
                                        indent=1))  # fmt: skip


if __name__ == "__main__":
    main()
