"""One first load, measured by CPU and by the collector: ``python -m bench.load_cpu CORPUS
{neo4j,embedded}``.

Loads CORPUS with ``load_paths`` into the emptied test server (graphkit's schema made by the
load, as in the bench) or into a fresh embedded store, and prints one JSON line: the server's
CPU seconds (Neo4j), this process's (and any child's it waited for), the wall time, and the
garbage collector's share: its seconds (wall, summed over collections) and how many full
collections it made. Run it with the code to measure first on ``PYTHONPATH`` (a ``git archive``
of a commit) to compare versions, alternated (BENCHMARKS.md, session 13).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any


class Collections:
    """The collector's time and its full collections while inside."""

    def __init__(self) -> None:
        self.seconds, self.full, self._start = 0.0, 0, 0.0

    def _note(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start
            self.full += info["generation"] == 2

    def __enter__(self) -> Collections:
        gc.callbacks.append(self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._note)


def _cpu_s() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def measure(corpus: Path, kind: str) -> dict[str, Any]:
    from bench.neo4j_cpu import _settled, server_cpu_s
    from bench.server import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, emptied_store
    from graphkit.ingest import load_paths
    from graphkit.store.embedded import EmbeddedStore
    from graphkit.store.neo4j import Neo4jStore

    with tempfile.TemporaryDirectory() as tmp:
        if kind == "neo4j":
            emptied_store().close()
            _settled()
        server = server_cpu_s() if kind == "neo4j" else 0.0
        cpu, wall = _cpu_s(), time.perf_counter()
        with Collections() as collections:
            store = (
                Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
                if kind == "neo4j"
                else EmbeddedStore(Path(tmp) / "store")
            )
            with store:
                failed = load_paths(store, [str(corpus)]).failed
        if failed:
            raise SystemExit(f"the load failed: {failed[0].error}")
        return {
            "store": kind,
            "server_cpu_s": round(server_cpu_s() - server, 1) if kind == "neo4j" else None,
            "client_cpu_s": round(_cpu_s() - cpu, 1),
            "wall_s": round(time.perf_counter() - wall, 1),
            "gc_s": round(collections.seconds, 2),
            "full_collections": collections.full,
            "load_average": round(os.getloadavg()[0], 1),
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load_cpu", description=__doc__)
    parser.add_argument("corpus", type=Path, help="a directory of findings files")
    parser.add_argument("store", choices=["neo4j", "embedded"])
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.corpus, args.store)), flush=True)


if __name__ == "__main__":
    main()
