"""Score the extractor on a labelled set: precision, recall and F1 per entity kind and pair.

Run: ``.venv/bin/python bench/extract_score.py bench/extract/dev`` (or ``.../heldout``);
``--misses`` lists what was missed and what was extra; ``--techniques rules`` finds
techniques with the cue words alone (``learned``: the model alone; default: both).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.extract_labels import tally
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from graphkit.findings import Findings
from loaders.text import read_text


def run(folder: Path, techniques: str = "both") -> dict:
    return tally(drafted(folder, techniques))


def drafted(folder: Path, techniques: str = "both") -> list[tuple[str, Findings | None, dict]]:
    """Each labelled text of the folder: its name, its draft (None: nothing drafted), labels."""
    results = []
    for labels_path in sorted(folder.glob("*.labels.yaml")):
        stem = labels_path.name.removesuffix(".labels.yaml")
        text_path = next(p for p in folder.glob(stem + ".*") if not p.name.endswith(".yaml"))
        try:
            draft: Findings | None = extract_findings(
                read_text(text_path), path=str(text_path), techniques=techniques
            )
        except InputError as exc:  # nothing drafted: every label of the text counts as missed
            print(f"no draft: {exc}")
            draft = None
        results.append((stem, draft, yaml.safe_load(labels_path.read_text())))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="one labelled set (bench/extract/dev)")
    parser.add_argument("--misses", action="store_true", help="list what was missed and extra")
    parser.add_argument("--techniques", choices=["both", "rules", "learned"], default="both")
    args = parser.parse_args()
    folder = args.folder
    if not any(folder.glob("*.labels.yaml")):
        parser.error(f"{folder}: no labelled text (*.labels.yaml) in it")
    scores = run(folder, args.techniques)
    print(f"{'kind':<14} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn   ({folder})")
    for kind, t in scores.items():
        rates = f"{t.precision:6.2f} {t.recall:6.2f} {t.f1:6.2f}"
        print(f"{kind:<14} {rates}  {t.tp:3d} {t.fp:3d} {t.fn:3d}")
    if args.misses:
        for kind, t in scores.items():
            for m in t.misses:
                print(f"  missed {kind}: {m}")
            for m in t.extras:
                print(f"  extra  {kind}: {m}")


if __name__ == "__main__":
    main()
