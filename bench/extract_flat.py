"""The extractor when a text's layout is lost: every labelled text read as one run of prose.

Headings, lists, tables and paragraphs are flattened away ("#" marks and line breaks become
spaces), so only what sentences say is left. Entities are scored as in ``extract_score.py``,
pooled over every labelled set; pairs are not, since grouping needs the layout.

Run: ``.venv/bin/python bench/extract_flat.py``
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.extract_labels import KINDS, Tally, draft_entities
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from loaders.text import read_text

EXTRACT = Path(__file__).resolve().parent / "extract"


def flattened(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("#", " ")).strip()


def main() -> None:
    tallies = {kind: Tally() for kind in KINDS}
    texts = 0
    for labels_path in sorted(EXTRACT.glob("*/*.labels.yaml")):
        stem = labels_path.name.removesuffix(".labels.yaml")
        text_path = next(
            p for p in labels_path.parent.glob(stem + ".*") if not p.name.endswith(".yaml")
        )
        labels = yaml.safe_load(labels_path.read_text(encoding="utf-8"))["entities"]
        try:
            found = draft_entities(extract_findings(flattened(read_text(text_path))))
        except InputError:
            found = {kind: set() for kind in KINDS}
        texts += 1
        for kind in KINDS:
            want = {str(x).split(".")[0] if kind == "Technique" else str(x)
                    for x in labels.get(kind, [])}  # fmt: skip
            tallies[kind].count(stem, found[kind], want)
    print(f"{texts} labelled texts, each flattened to one run of prose")
    print(f"{'kind':<10} {'P':>5} {'R':>5} {'F1':>5}")
    for kind, t in tallies.items():
        print(f"{kind:<10} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}")


if __name__ == "__main__":
    main()
