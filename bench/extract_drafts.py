"""Every labelled text's draft as JSON, one file each, to diff the extractor before and after
a change: ``.venv/bin/python bench/extract_drafts.py OUT`` then ``diff -r OLD OUT``. Scores
can stay the same while drafts change; this shows every change, scored or not."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graphkit.errors import InputError
from graphkit.extract import extract_findings
from loaders.text import read_text

SETS = Path(__file__).resolve().parent / "extract"


def dump(out: Path, pattern: str = "*/*.labels.yaml") -> int:
    """Writes a draft (or the refusal) per labelled text of ``pattern`` into ``out``; how
    many."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for labels in sorted(SETS.glob(pattern)):
        stem = labels.name.removesuffix(".labels.yaml")
        text = next(p for p in labels.parent.glob(stem + ".*") if not p.name.endswith(".yaml"))
        try:
            draft = extract_findings(read_text(text), path=str(text)).model_dump(mode="json")
        except InputError as exc:
            draft = {"refused": str(exc)}
        name = f"{labels.parent.name}__{stem}.json"
        (out / name).write_text(json.dumps(draft, indent=1, sort_keys=True))
        count += 1
    return count


if __name__ == "__main__":
    print(f"{dump(Path(sys.argv[1]))} drafts written to {sys.argv[1]}")
