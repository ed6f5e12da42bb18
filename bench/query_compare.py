"""Library queries old against new, side by side on one loaded store: same rows? what cost?

The old text of each query is read from a git revision (``--base``), the new from the working
tree; both run with the same parameters (drawn as ``bench.queries`` draws them), alternately.
Cost is what a busy machine does not inflate: on the embedded store the process's CPU time
(p50 over the runs), on Neo4j the db hits of one ``PROFILE`` per parameter set (summed over
the plan). Rows are compared in order, run by run.

    python -m bench.query_compare embedded --store .run/data/emb-1k review-queue
    python -m bench.query_compare neo4j --base main --runs 5 review-queue report-additions
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.queries import _params, _percentile, param_pool
from bench.server import Profiler
from graphkit.lookup import resolve_in_store
from graphkit.querylib import Query, bind, load_library, parse_query
from graphkit.store.base import GraphStore

__all__ = ["compare", "main"]

ROOT = Path(__file__).resolve().parent.parent


def old_query(query: Query, base: str) -> Query:
    """The query's file as it was at git revision ``base``."""
    rel = Path(query.path or "").resolve().relative_to(ROOT)
    text = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{base}:{rel}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return parse_query(text, f"{base}:{rel}")


def _cost(store: GraphStore, query: Query, params: dict[str, Any]) -> tuple[float, list[Any]]:
    start = time.process_time()
    rows = store.run(query.text_for(store.dialect), params).rows
    return (time.process_time() - start) * 1000, rows


def compare(
    store: GraphStore, ids: list[str], base: str, runs: int, profiler: Profiler | None
) -> dict[str, Any]:
    """For each query: CPU p50 (ms) or db hits (median), old and new, and whether rows agree."""
    rng = random.Random(5)
    pool = param_pool(store)
    library = load_library()
    out: dict[str, Any] = {}
    for qid in ids:
        new = library[qid]
        old = old_query(new, base)
        cost: dict[str, list[float]] = {"old": [], "new": []}
        same, rows = True, 0
        for n in range(runs + 1):
            given = _params(new, pool, rng)

            def names(label: str | None, text: str) -> str:
                return resolve_in_store(store, label, text)

            results = {}
            for side, q in (("old", old), ("new", new)):
                params = bind(q, {k: v for k, v in given.items() if k in _declared(q)}, names=names)
                ms, results[side] = _cost(store, q, params)
                if profiler is not None:
                    ms = profiler.hits(q.text_for("neo4j"), params)
                if n:  # the first run warms plans and caches
                    cost[side].append(ms)
            same = same and results["old"] == results["new"]
            rows = len(results["new"])
        unit = "db_hits" if profiler else "cpu_ms"
        out[qid] = {
            f"old_{unit}": round(_percentile(cost["old"], 0.5), 1),
            f"new_{unit}": round(_percentile(cost["new"], 0.5), 1),
            "same_rows": same,
            "rows_last": rows,
        }
    return out


def _declared(query: Query) -> set[str]:
    return {p.name for p in (query.meta.parameters if query.meta else [])}


def main(argv: list[str] | None = None) -> None:
    from bench.queries import _store

    parser = argparse.ArgumentParser(prog="python -m bench.query_compare", description=__doc__)
    parser.add_argument("kind", choices=["neo4j", "embedded"])
    parser.add_argument("queries", nargs="+", help="library query ids")
    parser.add_argument("--store", type=Path, help="the embedded store's directory")
    parser.add_argument("--base", default="main", help="the git revision of the old queries")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    with _store(args.kind, args.store, False) as store:
        profiler = Profiler() if args.kind == "neo4j" else None
        counts = {k: sum(v.values()) for k, v in store.stats().items()}
        result = compare(store, args.queries, args.base, args.runs, profiler)
    print(json.dumps({"kind": args.kind, "counts": counts, "queries": result}, indent=1))


if __name__ == "__main__":
    main()
