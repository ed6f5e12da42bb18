"""Benchmark: extractor throughput on one core, in MB of text per second.

Builds about 4 MB of report text from the labelled dev set (each text repeated with its
section names numbered, so groups stay distinct), then times ``extract_findings`` on it.
Run: ``.venv/bin/python bench/extract_speed.py [MB]``.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphkit.extract import extract_findings
from graphkit.extract.gazetteer import gazetteer
from loaders.text import read_text

DEV = Path(__file__).resolve().parent / "extract" / "dev"


def corpus(megabytes: float) -> str:
    texts = [read_text(p) for p in sorted(DEV.iterdir()) if not p.name.endswith(".yaml")]
    parts, size, n = ["# Benchmark corpus\n\nOpenAI, June 5, 2025\n"], 0, 0
    while size < megabytes * 1e6:
        for t in texts:
            n = (n + 1) % 60  # sections named again merge: at most 60 x 4 operations
            tag = str(n)
            body = re.sub(r"^## (.+)$", lambda m, tag=tag: f"## {m.group(1)} {tag}", t, flags=re.M)
            body = re.sub(r"^# .+$", "", body, flags=re.M)
            parts.append(body)
            size += len(body.encode())
    return "\n\n".join(parts)


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 4.0
    gazetteer()  # built once per process; not part of the throughput
    text = corpus(megabytes)
    size = len(text.encode()) / 1e6
    best = None
    for _ in range(3):
        t0 = time.process_time()
        draft = extract_findings(text)
        elapsed = time.process_time() - t0
        best = elapsed if best is None else min(best, elapsed)
    assert best is not None
    rate = size / best
    print(f"{size:.2f} MB in {best:.2f} s CPU: {rate:.2f} MB/s, {len(draft.campaigns)} campaigns")


if __name__ == "__main__":
    main()
