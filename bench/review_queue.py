"""``review-queue`` against its text at a git revision, side by side on one loaded store.

``bench.query_compare`` compares rows in order, at drawn parameters, by one cost; this is for
a queue whose order changed: the two texts run alternately, at each threshold given, on the
same store in the same process, so that a busy machine weighs on both alike. For each: p50
and p95 of wall time, of this process's CPU (the embedded store's whole work), of the Neo4j
server's CPU (where it runs on this machine) and of the db hits of Neo4j's ``PROFILE``
(untimed, apart). The rows of both texts are compared as sets: with different orders, the
first pages may differ, so the whole queue (``--whole``) is what settles it::

    python -m bench.review_queue neo4j --base main --runs 10
    python -m bench.review_queue embedded --store .run/data/emb-10k --base main --runs 10
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.queries import _percentile, _server_cpu, _store
from bench.query_compare import old_query
from bench.server import Profiler
from graphkit.querylib import Query, bind, load_library, run_query
from graphkit.store.base import GraphStore

__all__ = ["compare_texts", "main"]


def _summary(values: list[float]) -> dict[str, float]:
    return {"p50": round(_percentile(values, 0.5), 1), "p95": round(_percentile(values, 0.95), 1)}


def compare_texts(
    store: GraphStore,
    texts: dict[str, Query],
    below: int,
    runs: int,
    *,
    whole: bool = False,
    profiler: Profiler | None = None,
    server_cpu: Callable[[], float] | None = None,
) -> dict[str, Any]:
    """Each text's costs at one threshold (``runs`` alternated runs after a warm-up), and
    whether they answered the same rows."""
    given = {"below": below} | ({"limit": 10**7} if whole else {})
    answers = {name: run_query(store, q, given).rows for name, q in texts.items()}  # warm-up
    same = len({json.dumps(sorted(map(repr, rows))) for rows in answers.values()}) == 1
    costs: dict[str, dict[str, list[float]]] = {
        name: {"wall_ms": [], "cpu_ms": [], "server_cpu_ms": [], "db_hits": []} for name in texts
    }
    for _ in range(runs):
        for name, q in texts.items():
            c = costs[name]
            served = server_cpu() if server_cpu else 0.0
            start, cpu = time.perf_counter(), time.process_time()
            run_query(store, q, given)
            c["wall_ms"].append((time.perf_counter() - start) * 1000)
            c["cpu_ms"].append((time.process_time() - cpu) * 1000)
            if server_cpu:
                c["server_cpu_ms"].append((server_cpu() - served) * 1000)
            if profiler is not None:
                c["db_hits"].append(profiler.hits(q.text_for("neo4j"), bind(q, given)))
    out: dict[str, Any] = {"below": below, "rows": len(answers["new"]), "same_rows": same}
    for name, c in costs.items():
        out[name] = {k: _summary(v) for k, v in c.items() if v}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.review_queue", description=__doc__)
    parser.add_argument("kind", choices=["neo4j", "embedded"])
    parser.add_argument("--store", type=Path, help="the embedded store's directory")
    parser.add_argument("--base", default="main", help="the git revision of the old text")
    parser.add_argument("--below", type=int, nargs="+", default=[50, 60])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--whole", action="store_true", help="every row, not the first page")
    args = parser.parse_args(argv)
    new = load_library()["review-queue"]
    texts = {"old": old_query(new, args.base), "new": new}
    with _store(args.kind, args.store, False) as store:
        profiler = Profiler() if args.kind == "neo4j" else None
        server_cpu = _server_cpu(args.kind)
        results = [
            compare_texts(
                store, texts, b, args.runs, whole=args.whole, profiler=profiler,
                server_cpu=server_cpu,
            )
            for b in args.below
        ]  # fmt: skip
    print(json.dumps({"kind": args.kind, "results": results}, indent=1))


if __name__ == "__main__":
    main()
