"""Every labelled text's draft as JSON, one file each, to diff the extractor before and after
a change: ``.venv/bin/python bench/extract_drafts.py OUT`` then ``diff -r OLD OUT``. Scores
can stay the same while drafts change; this shows every change, scored or not."""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder the drafts are written to (made if missing)")
    out = parser.parse_args().out
    print(f"{dump(out)} drafts written to {out}")


if __name__ == "__main__":
    main()
