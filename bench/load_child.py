"""graphkit's load of a corpus, first and again, in the benchmark's child process: ``python -m
bench.load_child STORE DIR`` prints one JSON line (seconds, counts, peak resident memory).

A module of its own with light imports: a large load reads its files in a child process
started by ``spawn`` (graphkit.read_ahead), which imports this main module again; the
benchmark's own module (pandas, the baselines) took that child 3.4 s and 190 MB to import.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _peak_rss_mb() -> float:
    """This process's high-water resident memory since its exec (not its parent's, as
    ``ru_maxrss`` of a forked child would count)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _main(store: str, corpus: str) -> None:
    from graphkit.ingest import load_paths
    from graphkit.store import open_store

    with open_store(store) as s:
        t0 = time.perf_counter()
        first = load_paths(s, [corpus])
        t1 = time.perf_counter()
        again = load_paths(s, [corpus])
        t2 = time.perf_counter()
        counts = s.stats()
    if first.failed or again.failed:
        raise SystemExit(f"graphkit's load failed: {(first.failed or again.failed)[0].error}")
    if any(f.status != "unchanged" for f in again.files):
        raise SystemExit("the reload changed the store")
    print(
        json.dumps(
            {
                "first_s": t1 - t0,
                "reload_s": t2 - t1,
                "reports": len(first.files),
                "nodes": sum(counts["nodes"].values()),
                "relationships": sum(counts["relationships"].values()),
                "peak_rss_mb": _peak_rss_mb(),
                # the load's reader process (graphkit.read_ahead), when it had one
                "reader_peak_rss_mb": round(
                    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
                ),
            }
        )
    )


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
