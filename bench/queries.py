"""Latency of every library query on a loaded store: p50 and p95 over varied parameters.

Parameters are drawn from what the store holds (actor names, attribution countries, sectors,
languages, reports, a related pair of entities), so each run asks a different question of
the same shape, as analysts do. Wall time of ``run_query`` includes the transaction and
fetching every row.
"""

from __future__ import annotations

import random
import time
from typing import Any

from graphkit.querylib import Query, load_library, run_query
from graphkit.store.base import GraphStore

__all__ = ["latencies", "param_pool"]


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


def latencies(store: GraphStore, runs: int, *, seed: int = 1) -> dict[str, dict[str, float]]:
    """For each library query: p50 and p95 in milliseconds over ``runs`` varied runs."""
    rng = random.Random(seed)
    pool = param_pool(store)
    out: dict[str, dict[str, float]] = {}
    for qid, query in sorted(load_library().items()):
        times, rows = [], 0
        run_query(store, query, _params(query, pool, rng))  # warm: plans and caches
        for _ in range(runs):
            params = _params(query, pool, rng)
            start = time.perf_counter()
            rows = len(run_query(store, query, params).rows)
            times.append((time.perf_counter() - start) * 1000)
        out[qid] = {
            "p50_ms": round(_percentile(times, 0.5), 1),
            "p95_ms": round(_percentile(times, 0.95), 1),
            "rows_last": rows,
        }
    return out
