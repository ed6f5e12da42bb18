"""Latency of every library query on a loaded store: p50 and p95 over varied parameters.

Parameters are drawn from what the store holds (actor names, attribution countries, sectors,
languages, reports, a related pair of entities), so each run asks a different question of
the same shape, as analysts do. Wall time of ``run_query`` includes the transaction and
fetching every row.

Alone, on a store loaded once and kept (``python -m bench.queries --help``)::

    python -m bench.queries neo4j --reports 1000 --load     # empties the test server first
    python -m bench.queries embedded --reports 1000 --store .run/q1k --load
    python -m bench.queries embedded --store .run/q1k --runs 20   # the store as it is
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.server import Profiler
from graphkit.lookup import resolve_in_store
from graphkit.querylib import Query, bind, load_library, run_query
from graphkit.store.base import GraphStore

__all__ = ["latencies", "main", "param_pool"]


def _column(store: GraphStore, cypher: str) -> list[Any]:
    return [row[0] for row in store.run(cypher).rows if row[0] is not None]


def param_pool(store: GraphStore) -> dict[str, list[Any]]:
    """Values each parameter name can take, read from the store."""
    pairs = store.run(
        "MATCH (a:Actor)-[r:TARGETS]->(s:Sector) RETURN a.id AS a, s.id AS s LIMIT 50"
    ).rows
    return {
        "actor": _column(store, "MATCH (a:Actor) RETURN a.name AS x ORDER BY x LIMIT 200"),
        "country": _column(
            store, "MATCH (:Actor)-[:LINKED_TO]->(c:Country) RETURN DISTINCT c.id AS x"
        ),
        "sector": _column(store, "MATCH (s:Sector) RETURN s.id AS x"),
        "language": _column(store, "MATCH (l:Language) RETURN l.id AS x"),
        "report": _column(store, "MATCH (r:Report) RETURN r.id AS x ORDER BY x LIMIT 200"),
        "text": ["bear", "storm", "op", "ai", "group", "typhoon", "ember"],
        "id": _column(store, "MATCH (a:Actor) RETURN a.id AS x ORDER BY x LIMIT 100"),
        "pair": [list(p) for p in pairs],
        "limit": [10, 20, 50],
        "below": [40, 50, 60],
        "min_confidence": [0, 50, 70],
    }


def _params(query: Query, pool: dict[str, list[Any]], rng: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    pair = rng.choice(pool["pair"]) if pool["pair"] else ["", ""]
    for p in query.meta.parameters if query.meta else []:
        if p.name in ("from", "source"):
            out[p.name] = pair[0]
        elif p.name in ("to", "target"):
            out[p.name] = pair[1]
        elif pool.get(p.name):
            out[p.name] = rng.choice(pool[p.name])
    return out


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def latencies(
    store: GraphStore,
    runs: int,
    *,
    seed: int = 1,
    profiler: Profiler | None = None,
    server_cpu: Callable[[], float] | None = None,
) -> dict[str, dict[str, float]]:
    """For each library query: p50 and p95 in milliseconds over ``runs`` varied runs; with a
    Neo4j ``profiler``, also the db hits of each run's statement (profiled apart, untimed);
    with ``server_cpu`` (the server's CPU seconds so far), the server's CPU of each run."""
    rng = random.Random(seed)
    pool = param_pool(store)
    out: dict[str, dict[str, float]] = {}
    for qid, query in sorted(load_library().items()):
        times, cpu, served, rows = [], [], [], 0
        hits: list[float] = []
        run_query(store, query, _params(query, pool, rng))  # warm: plans and caches
        for _ in range(runs):
            params = _params(query, pool, rng)
            server_start = server_cpu() if server_cpu else 0.0
            start, cpu_start = time.perf_counter(), time.process_time()
            rows = len(run_query(store, query, params).rows)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - cpu_start) * 1000)
            if server_cpu:
                served.append((server_cpu() - server_start) * 1000)
            if profiler is not None:
                hits.append(profiler.hits(query.text_for("neo4j"), _bound(store, query, params)))
        out[qid] = {
            "p50_ms": round(_percentile(times, 0.5), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            # this process's CPU (all its threads): the embedded store's whole work, which a
            # busy machine does not inflate as it does wall time; for Neo4j only the client's
            "cpu_p50_ms": round(_percentile(cpu, 0.5), 1),
            "cpu_p95_ms": round(_percentile(cpu, 0.95), 1),
            "rows_last": rows,
        }
        if served:  # the JVM's CPU in the run: the query's, plus whatever it did in the background
            out[qid] |= {
                "server_cpu_p50_ms": round(_percentile(served, 0.5), 1),
                "server_cpu_p95_ms": round(_percentile(served, 0.95), 1),
            }
        if hits:
            out[qid] |= {
                "db_hits_p50": _percentile(hits, 0.5),
                "db_hits_p95": _percentile(hits, 0.95),
            }
    return out


def _bound(store: GraphStore, query: Query, given: dict[str, Any]) -> dict[str, Any]:
    """The parameters as ``run_query`` binds them."""
    return bind(query, given, names=lambda label, text: resolve_in_store(store, label, text))


def _server_cpu(kind: str) -> Callable[[], float] | None:
    """The test server's CPU clock, where this machine runs it (its pid in .run/neo4j.pid)."""
    from bench.neo4j_cpu import RUN, server_cpu_s

    pid_file = RUN / "neo4j.pid"
    if kind != "neo4j" or not pid_file.exists():
        return None
    return server_cpu_s if Path(f"/proc/{pid_file.read_text().strip()}").exists() else None


@contextmanager
def _store(kind: str, directory: Path | None, load: bool) -> Iterator[GraphStore]:
    from bench.server import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, emptied_store
    from graphkit.store.embedded import EmbeddedStore
    from graphkit.store.neo4j import Neo4jStore

    if kind == "neo4j":
        store: Any = emptied_store() if load else Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
    elif directory is None:
        raise SystemExit("the embedded store needs --store DIR")
    else:  # read-only, as a later command opens it after the load
        store = EmbeddedStore(directory, read_only=not load)
    with store:
        yield store


def main(argv: list[str] | None = None) -> None:
    from bench import synth
    from bench.synth import RUN
    from graphkit.ingest import load_paths

    parser = argparse.ArgumentParser(prog="python -m bench.queries", description=__doc__)
    parser.add_argument("kind", choices=["neo4j", "embedded"])
    parser.add_argument("--store", type=Path, help="the embedded store's directory")
    parser.add_argument("--reports", type=int, default=1000, help="the synthetic corpus's size")
    parser.add_argument(
        "--load", action="store_true", help="load the corpus first (Neo4j: emptied first)"
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        help="with --load: rows a transaction gathers (graphkit load's --batch-rows); larger "
        "groups build a big store sooner",
    )
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument(
        "--profile",
        action="store_true",
        help="Neo4j: PROFILE each run's statement too (untimed) and report its db hits",
    )
    args = parser.parse_args(argv)
    if args.load:
        corpus = synth.write_corpus(RUN, args.reports)
        start = time.perf_counter()
        with _store(args.kind, args.store, True) as loading:
            load_paths(loading, [str(corpus)], batch_rows=args.batch_rows)
        print(f"loaded {corpus} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    with _store(args.kind, args.store, False) as store:
        counts = {k: sum(v.values()) for k, v in store.stats().items()}
        result = {"kind": args.kind, "reports": args.reports, "counts": counts}
        profiler = Profiler() if args.profile and args.kind == "neo4j" else None
        result["queries"] = latencies(
            store, args.runs, profiler=profiler, server_cpu=_server_cpu(args.kind)
        )
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
