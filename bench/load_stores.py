"""Benchmark: loading the sample corpus into the embedded store and into Neo4j, side by side.

Needs the Neo4j test server (``make neo4j-up``). Each round loads the ten reports into an
empty store (catalogs left out), then loads them again (every fact matched, nothing written).
Run: ``.venv/bin/python bench/load_stores.py [rounds]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import Neo4jStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, _empty_database

EXAMPLES = str(Path(__file__).resolve().parent.parent / "examples" / "reports")


def timed(store: object) -> tuple[float, float]:
    t0 = time.perf_counter()
    first = load_paths(store, [EXAMPLES])  # type: ignore[arg-type]
    t1 = time.perf_counter()
    load_paths(store, [EXAMPLES])  # type: ignore[arg-type]
    t2 = time.perf_counter()
    assert not first.failed
    return t1 - t0, t2 - t1


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rows = {"embedded": [], "neo4j": []}  # type: ignore[var-annotated]
    for _ in range(rounds):
        with EmbeddedStore(Path(tempfile.mkdtemp()) / "s") as store:
            rows["embedded"].append(timed(store))
        with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
            _empty_database(store._driver)
            rows["neo4j"].append(timed(store))
    for name, runs in rows.items():
        first = min(r[0] for r in runs)
        again = min(r[1] for r in runs)
        print(f"{name:<9} first load {first:.2f} s, reload {again:.2f} s (best of {rounds})")
    ratio = min(r[0] for r in rows["neo4j"]) / min(r[0] for r in rows["embedded"])
    print(f"neo4j / embedded, first load: {ratio:.2f}x; cpu count {os.cpu_count()}")


if __name__ == "__main__":
    main()
