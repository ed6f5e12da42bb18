"""Where an embedded load's time goes, statement by statement: ``python -m bench.load_profile
CORPUS STORE OUT.json``. Loads CORPUS into STORE (a fresh directory, as the bench's child
does) with every LadybugDB statement timed, wall and CPU of the process, by kind (reading
held edges of a shape, updating them, creating, commits, checkpoints); then the same for the
store's close, which checkpoints what the load left in its log. Run it with the code to
measure first on ``PYTHONPATH`` (a ``git archive`` of a commit) to compare versions on one
corpus (BENCHMARKS.md, session 12). Into a fresh directory a load goes through the first-load
scratch and one ``COPY`` a table (``graphkit.store.first_load``); with
``GRAPHKIT_FIRST_LOAD_COPY=0`` it is written group by group, as into a store that holds rows."""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug

_SHAPE = re.compile(r"MATCH \(a:(\w+)[^)]*\)(?: MATCH \(a\))?-\[r:(\w+)\]->\(b:(\w+)\)")
_PLAIN = ("COMMIT", "CHECKPOINT", "BEGIN TRANSACTION", "BEGIN TRANSACTION READ ONLY", "ROLLBACK")


def kind(cypher: Any) -> str:
    """A statement's kind: the plain ones as they are, the write path's by what they do and,
    for edges, the shape (``update_edges Actor-USES->Technique``)."""
    text = str(cypher).strip()
    if text in _PLAIN or text.startswith("COPY"):
        return text.split(" FROM")[0]
    m = _SHAPE.search(text)
    shape = f" {m.group(1)}-{m.group(2)}->{m.group(3)}" if m else ""
    if "CREATE (a)-[r" in text:
        return "create_edges" + shape
    if "[r:" in text:
        return ("read_edges" if "RETURN" in text else "update_edges") + shape
    if "CREATE (n:" in text:
        return "create_nodes"
    return "other reads" if "RETURN" in text else "other"


@contextmanager
def timed_statements(into: dict[str, list[float]]) -> Iterator[None]:
    """While inside, every ``ladybug.Connection.execute`` adds [calls, wall s, CPU s] to
    ``into`` under its kind (the process's CPU: LadybugDB's threads and the reader's too)."""
    original = ladybug.Connection.execute

    def execute(self: Any, query: Any, parameters: Any = None) -> Any:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            return original(self, query, parameters)
        finally:
            row = into[kind(query)]
            row[0] += 1
            row[1] += time.perf_counter() - t0
            row[2] += time.process_time() - c0

    ladybug.Connection.execute = execute  # type: ignore[method-assign]
    try:
        yield
    finally:
        ladybug.Connection.execute = original  # type: ignore[method-assign]


def _phase(stats: dict[str, list[float]]) -> dict[str, Any]:
    ordered = sorted(stats.items(), key=lambda kv: -kv[1][2])
    return {k: {"calls": int(v[0]), "wall_s": v[1], "cpu_s": v[2]} for k, v in ordered}


def profile(corpus: Path, store_dir: Path) -> dict[str, Any]:
    from graphkit.ingest import load_paths
    from graphkit.store.embedded import EmbeddedStore

    load: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    close: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0])
    store = EmbeddedStore(store_dir)
    with timed_statements(load):
        w0, c0 = time.perf_counter(), time.process_time()
        summary = load_paths(store, [str(corpus)])
        w1, c1 = time.perf_counter(), time.process_time()
    with timed_statements(close):
        store.close()
    w2, c2 = time.perf_counter(), time.process_time()
    return {
        "reports": len(summary.files),
        "failed": len(summary.failed),
        "load": {"wall_s": w1 - w0, "cpu_s": c1 - c0, "statements": _phase(load)},
        "close": {"wall_s": w2 - w1, "cpu_s": c2 - c1, "statements": _phase(close)},
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.load_profile", description=__doc__)
    parser.add_argument("corpus", type=Path, help="a directory of findings files")
    parser.add_argument("store", type=Path, help="an embedded store's directory (fresh)")
    parser.add_argument("out", type=Path, help="where to write the result (JSON)")
    args = parser.parse_args(argv)
    result = profile(args.corpus, args.store)
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    for phase in ("load", "close"):
        p = result[phase]
        print(f"{phase}: {p['wall_s']:.1f} s wall, {p['cpu_s']:.1f} s CPU")
        for name, s in list(p["statements"].items())[:12]:
            print(f"  {name:48s} {s['calls']:6d} {s['wall_s']:8.2f} {s['cpu_s']:8.2f}")


if __name__ == "__main__":
    main()
