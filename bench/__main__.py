"""graphkit's benchmark suite: ``python -m bench [--quick] [--json] [--sizes N ...]``.

Needs the Neo4j test server (``make neo4j-up``) for the Neo4j half. For each corpus size it
generates the synthetic corpus (cached under ``.run/bench``), loads it with graphkit and with
the raw and naive baselines on both stores side by side, then times every library query on
graphkit's stores. Also measured: the reference catalogs' load, the extractor's throughput,
and (full run only) an HTML page's build and first frame in Chromium. ``--quick`` is the 1k
corpus only, a short extractor run and no browser (under three minutes on two cores);
``make bench`` is the full run, 10k reports included.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import loads, queries, synth
from bench.server import NEO4J_PASSWORD, NEO4J_USER, emptied_store
from bench.synth import RUN
from graphkit.errors import StoreError


def _queries_on(kind: str, location: str, runs: int) -> dict[str, Any]:
    """Latencies on the store graphkit's load just filled, opened anew as an analyst's next
    command opens it (read-only for the embedded store)."""
    from graphkit.store.embedded import EmbeddedStore
    from graphkit.store.neo4j import Neo4jStore

    store: Any
    if kind == "neo4j":
        store = Neo4jStore(location, NEO4J_USER, NEO4J_PASSWORD)
    else:
        store = EmbeddedStore(Path(location), read_only=True)
    with store:
        return queries.latencies(store, runs)


def _size(n: int, corpus: Path, stores: list[str], quick: bool, log: Any) -> dict[str, Any]:
    """Loads side by side at one corpus size, and the query latencies on graphkit's stores."""
    size: dict[str, Any] = {"queries": {}}

    def latencies(kind: str, location: str) -> None:
        print(f"queries on {n} reports, {kind} ...", file=log, flush=True)
        try:
            size["queries"][kind] = _queries_on(kind, location, 10 if quick else 20)
        except StoreError as exc:  # recorded, as a failed load is
            size["queries"][kind] = {"error": str(exc)}

    # The quick run times the naive loop on fewer rows (its rate, not its total, is compared).
    naive_rows = 1000 if quick else loads.NAIVE_ROWS
    size["loads"] = loads.measure(corpus, stores, on_loaded=latencies, naive_rows=naive_rows)
    return size


def _catalogs(kind: str, tmp: Path) -> float:
    from graphkit.catalog import load_catalogs
    from graphkit.store.embedded import EmbeddedStore

    if kind == "neo4j":
        store: Any = emptied_store()
    else:
        store = EmbeddedStore(tmp / "catalogs")
    with store:
        start = time.perf_counter()
        load_catalogs(store)
        return time.perf_counter() - start


def _extract_mb_per_s() -> float:
    """Extractor throughput on one core: MB of report text (every labelled text joined) per
    CPU second, best of five, in a process of its own (in this one, after the loads, the same
    call runs a third slower: BENCHMARKS.md, "The quick run on a quiet machine, end of session
    12"). Until session 16 this was the repeated synthetic text, about three times as fast."""
    run = subprocess.run(
        [sys.executable, "-m", "bench.extract_speed", "--mb-per-s"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(run.stdout.split()[-1])


def _viz(sizes: list[int], tmp: Path) -> list[dict[str, Any]]:
    from bench.viz_browser import measure, synthetic
    from graphkit.viz import render_html

    out = []
    for n in sizes:
        data = synthetic(n)
        start = time.perf_counter()
        html = render_html(data)
        built = time.perf_counter() - start
        out.append({"nodes": n, "build_s": round(built, 2), **measure(html, tmp, f"graphkit-{n}")})
    return out


def run(
    sizes: list[int], stores: list[str], quick: bool, log: Any, out: Path | None = None
) -> dict[str, Any]:
    """Every measure; with ``out``, the results so far are written there after each step."""
    result: dict[str, Any] = {"sizes": {}}

    def keep() -> None:
        if out is not None:
            out.write_text(json.dumps(result, indent=1) + "\n")

    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for n in sizes:
            print(f"corpus of {n} reports ...", file=log, flush=True)
            corpus = synth.write_corpus(RUN, n)
            result["sizes"][str(n)] = _size(n, corpus, stores, quick, log)
            keep()
        print("catalogs and extractor ...", file=log, flush=True)
        result["catalog_load_s"] = {k: _catalogs(k, tmp) for k in stores}
        result["extract_mb_per_s"] = _extract_mb_per_s()
        result["extract_text"] = "every labelled text joined"
        keep()
        if not quick:
            print("html pages in chromium ...", file=log, flush=True)
            result["viz"] = _viz([1000, 5000, 20000], tmp)
            keep()
    return result


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The headline keys, at the smallest size measured (the quick run's only one)."""
    n = min(result["sizes"], key=int)
    size = result["sizes"][n]
    out: dict[str, Any] = {"reports": int(n)}
    for kind, load in size["loads"].items():
        if "error" in load:
            out[f"load_vs_raw_{kind}"] = out[f"load_vs_naive_{kind}"] = None
            continue
        out[f"load_vs_raw_{kind}"] = round(load["load_vs_raw"], 2)
        out[f"load_vs_naive_{kind}"] = round(load["load_vs_naive"], 1)
    out["extract_mb_per_s"] = round(result["extract_mb_per_s"], 2)
    out["peak_rss_mb"] = max(
        load.get("peak_rss_mb", 0) for s in result["sizes"].values() for load in s["loads"].values()
    )
    measured = [q for q in size["queries"].values() if "error" not in q]
    out["query_p95_ms"] = {
        qid: max(q[qid]["p95_ms"] for q in measured) for qid in (measured[0] if measured else {})
    }
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1k reports, no browser")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes in reports")
    parser.add_argument(
        "--stores", nargs="+", default=["neo4j", "embedded"], choices=["neo4j", "embedded"]
    )
    parser.add_argument("--out", type=Path, help="also write the full results here (JSON)")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([1000] if args.quick else [1000, 10000])
    result = run(sizes, args.stores, args.quick, sys.stderr, args.out)
    result["summary"] = summary(result)
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n")
    if args.json:
        print(json.dumps(result["summary"]))
    else:
        print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
