"""Benchmark: extractor throughput on one core, in MB of text per second.

Builds about 4 MB of report text from the labelled dev set (each text repeated with its
section names numbered, so groups stay distinct), then times ``extract_findings`` on it five
times: CPU time, best and median, since the machines are shared and a busy neighbour slows a
run, not the code. ``bench/extract_instructions.sh`` counts instructions instead: slower to
run, but the same on a busy machine as on a quiet one.
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
    runs = []
    for _ in range(5):
        t0 = time.process_time()
        draft = extract_findings(text)
        runs.append(time.process_time() - t0)
    best, median = min(runs), sorted(runs)[len(runs) // 2]
    print(
        f"{size:.2f} MB in {best:.2f} s CPU (best of 5; median {median:.2f} s): "
        f"{size / best:.2f} MB/s best, {size / median:.2f} MB/s median, "
        f"{len(draft.campaigns)} campaigns"
    )


if __name__ == "__main__":
    main()
