"""graphkit's load of a corpus, first and again, in the benchmark's child process: ``python -m
bench.load_child STORE DIR`` prints one JSON line (seconds, counts, peak resident memory).

A module of its own with light imports: a large load reads its files in a child process
started by ``spawn`` (graphkit.read_ahead), which imports this main module again; the
benchmark's own module (pandas, the baselines) took that child 3.4 s and 190 MB to import.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
import time
from pathlib import Path


def _peak_rss_mb(pid: str = "self") -> float:
    """A process's high-water resident memory since its exec (not its parent's, as
    ``ru_maxrss`` of a forked child would count: a child started by fork and exec counts
    the copy of its parent it was for a moment)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


class _Children:
    """The highest of this process's children's high-water marks (the load's reader
    process, graphkit.read_ahead), read every 0.2 s while the load runs."""

    def __init__(self) -> None:
        self.peak_mb = 0.0
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._watch, daemon=True)

    def _watch(self) -> None:
        while not self.done.wait(0.2):
            for children in Path("/proc/self/task").glob("*/children"):
                for pid in children.read_text().split():
                    with contextlib.suppress(OSError):  # ended meanwhile
                        self.peak_mb = max(self.peak_mb, _peak_rss_mb(pid))

    def __enter__(self) -> _Children:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


def _main(store: str, corpus: str) -> None:
    from graphkit.ingest import load_paths
    from graphkit.store import open_store

    with _Children() as children, open_store(store) as s:
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
                "reader_peak_rss_mb": children.peak_mb,
            }
        )
    )


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
