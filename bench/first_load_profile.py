"""A first load of CORPUS into a new embedded store under cProfile: ``python -m
bench.first_load_profile STORE CORPUS`` prints the load's seconds, how many of them merged
into the scratch and how many copied it into LadybugDB, then the profile by own time and by
cumulative time."""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from typing import Any

from graphkit.ingest import load_paths
from graphkit.store import first_load
from graphkit.store.embedded import EmbeddedStore


def main(store: str, corpus: str) -> None:
    marks: dict[str, float] = {}
    copy = first_load.FirstLoadByCopy._copy

    def timed(self: Any, scratch: Any) -> None:
        marks["copy"] = time.perf_counter()
        copy(self, scratch)
        marks["copied"] = time.perf_counter()

    first_load.FirstLoadByCopy._copy = timed  # type: ignore[method-assign]
    s = EmbeddedStore(store)
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    load_paths(s, [corpus])
    profile.disable()
    end = time.perf_counter()
    s.close()
    merged = marks.get("copy", end) - start
    copied = marks.get("copied", end) - marks.get("copy", end)
    print(f"load {end - start:.1f} s: merge {merged:.1f} s, copy {copied:.1f} s")
    pstats.Stats(profile).sort_stats("tottime").print_stats(30)
    pstats.Stats(profile).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
