"""Loading a synthetic corpus: graphkit against the raw and the naive loader, side by side.

graphkit's own load runs in a child process (``python -m bench.loads STORE DIR``) so that its
peak resident memory is its own; the child times ``load_paths`` itself, first load and
reload (nothing new), and prints one JSON line. What the store holds then can be measured
further (``on_loaded``: the query latencies) before the baselines run in this process on the
rows graphkit's load left in the store, written again into an emptied store.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bench import baselines
from bench.server import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, driver, emptied_store
from graphkit.batch import GraphBatch
from graphkit.ingest import expand_paths, prepare

__all__ = ["measure"]


def _child(store: str, corpus: Path) -> dict[str, Any]:
    """graphkit's load of ``corpus`` into ``store`` in a child process: seconds and peak RSS."""
    env = {**os.environ, "NEO4J_USERNAME": NEO4J_USER, "NEO4J_PASSWORD": NEO4J_PASSWORD}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.loads", store, str(corpus)],
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )  # its stderr (the error line, if any) goes to the run's own stderr
    assert proc.stdout is not None
    out = proc.stdout.read()
    if proc.wait() != 0:
        raise LoadFailed(f"graphkit's load failed (exit {proc.returncode})")
    return json.loads(out)


class LoadFailed(RuntimeError):
    """graphkit's own load did not finish: the result records it instead of a ratio."""


def _final_rows(corpus: Path) -> tuple[baselines.Rows, list[baselines.Rows]]:
    """All reports merged (what the store ends with), and each report's own rows."""
    total = GraphBatch()
    per_report = []
    for path in expand_paths([str(corpus)]):
        batch, _ = prepare(path)
        per_report.append(baselines.rows_of(batch))
        total.merge(batch)
    return baselines.rows_of(total), per_report


# Rows the naive loop is timed on before its rate is extrapolated to the corpus: its cost a row
# does not grow with the corpus, and it is about 40 times slower than graphkit's load.
NAIVE_ROWS = 3000


def _neo4j_warm_up(rows: baselines.Rows) -> float:
    """The raw baseline once, not counted, before graphkit's load: a server just started runs
    its first load on a cold JVM, and graphkit's load comes first, so without this the raw
    baseline ran warm and graphkit's load cold (session 12: 28.9 s against 14.9-17.1 s)."""
    emptied_store(schema=True).close()
    drv = driver()
    try:
        return baselines.raw_unwind(
            lambda cypher, chunk: drv.execute_query(cypher, {"rows": chunk}), rows, "neo4j"
        )
    finally:
        drv.close()


def _neo4j_baselines(
    rows: baselines.Rows, per_report: list[baselines.Rows], naive_rows: int
) -> dict[str, Any]:
    emptied_store(schema=True).close()  # the same constraints graphkit's load creates
    drv = driver()
    try:

        def unwind(cypher: str, chunk: list[Any]) -> None:
            drv.execute_query(cypher, {"rows": chunk})  # a managed write transaction each

        raw = baselines.raw_unwind(unwind, rows, "neo4j")
        emptied_store(schema=True).close()
        with drv.session() as session:

            def one(cypher: str, params: dict[str, Any]) -> None:
                session.run(cypher, params).consume()  # auto-commit, one statement a row

            naive_s, naive_rows = baselines.naive_load(one, per_report, "neo4j", naive_rows)
    finally:
        drv.close()
    return {"raw_s": raw, "naive_s": naive_s, "naive_rows": naive_rows}


# The baselines' page cache: graphkit's bound (320 MB) is graphkit's; the raw UNWIND of a 10k
# corpus ran out of it ("the buffer pool is full", the first full run), so the baselines get a
# cache of their own, large enough for any size measured here. Their memory is not graphkit's:
# its peak RSS is measured in the load's own process.
BASELINE_POOL_MB = 4096


@contextlib.contextmanager
def _pool(megabytes: int) -> Iterator[None]:
    """GRAPHKIT_BUFFER_POOL_MB set for the stores opened inside, restored after."""
    before = os.environ.get("GRAPHKIT_BUFFER_POOL_MB")
    os.environ["GRAPHKIT_BUFFER_POOL_MB"] = str(megabytes)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("GRAPHKIT_BUFFER_POOL_MB", None)
        else:
            os.environ["GRAPHKIT_BUFFER_POOL_MB"] = before


def _embedded_baselines(
    rows: baselines.Rows, per_report: list[baselines.Rows], tmp: Path, naive_rows: int
) -> dict[str, Any]:
    from graphkit.store.embedded import EmbeddedStore

    out: dict[str, Any] = {"baseline_buffer_pool_mb": BASELINE_POOL_MB}
    for name in ("raw", "copy", "naive"):
        with _pool(BASELINE_POOL_MB), EmbeddedStore(tmp / name) as s:
            conn = s._conn
            if name == "raw":

                def unwind(cypher: str, chunk: list[Any], conn: Any = conn) -> None:
                    conn.execute("BEGIN TRANSACTION")
                    conn.execute(cypher, {"rows": chunk})
                    conn.execute("COMMIT")

                out["raw_s"] = baselines.raw_unwind(unwind, rows, "ladybug")
            elif name == "copy":
                out["copy_s"] = baselines.raw_copy(conn, rows)
            else:

                def one(cypher: str, params: dict[str, Any], conn: Any = conn) -> None:
                    conn.execute(cypher, params)

                out["naive_s"], out["naive_rows"] = baselines.naive_load(
                    one, per_report, "ladybug", naive_rows
                )
    return out


# Called with the store's kind and location after graphkit's load, before the baselines
# empty the store: one load serves both the load timings and the query latencies.
OnLoaded = Callable[[str, str], None]


def measure(
    corpus: Path,
    stores: list[str],
    on_loaded: OnLoaded | None = None,
    naive_rows: int = NAIVE_ROWS,
) -> dict[str, dict[str, Any]]:
    """For each store ("neo4j", "embedded"): graphkit's load and the baselines, on one corpus;
    the naive loop timed on its first ``naive_rows`` rows."""
    rows, per_report = _final_rows(corpus)
    n_rows = baselines.count_rows(rows)
    n_report_rows = sum(baselines.count_rows(r) for r in per_report)
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in stores:
            try:
                warm_up = None
                if kind == "neo4j":
                    warm_up = _neo4j_warm_up(rows)
                    emptied_store().close()
                    location = NEO4J_URI
                else:
                    location = str(Path(tmp) / "graphkit")
                ours = _child(location, corpus)
                if on_loaded is not None:
                    on_loaded(kind, location)
                if kind == "neo4j":
                    base = _neo4j_baselines(rows, per_report, naive_rows)
                else:
                    base = _embedded_baselines(rows, per_report, Path(tmp), naive_rows)
            except LoadFailed as exc:  # said in the results, not hidden by a crash of the run
                results[kind] = {"error": str(exc), "rows": n_rows}
                continue
            if ours["nodes"] + ours["relationships"] != n_rows:
                raise RuntimeError(f"{kind}: graphkit's load left other rows than the baseline's")
            naive_full_s = base["naive_s"] / base["naive_rows"] * n_report_rows
            results[kind] = {
                **ours,
                **base,
                "rows": n_rows,
                "report_rows": n_report_rows,
                "naive_full_s_extrapolated": naive_full_s,
                "load_vs_raw": base["raw_s"] / ours["first_s"],
                "load_vs_naive": naive_full_s / ours["first_s"],
                "reload_vs_raw": base["raw_s"] / ours["reload_s"],
            }
            if warm_up is not None:
                results[kind]["warm_up_raw_s"] = warm_up  # not counted: the JVM's first load
            if "copy_s" in base:
                results[kind]["load_vs_copy"] = base["copy_s"] / ours["first_s"]
    return results


def _peak_rss_mb() -> float:
    """This process's high-water resident memory since its exec (not its parent's, as
    ``ru_maxrss`` of a forked child would count)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def _main(store: str, corpus: str) -> None:
    from graphkit.ingest import load_paths
    from graphkit.store import open_store

    with open_store(store) as s:
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
            }
        )
    )


if __name__ == "__main__":
    _main(sys.argv[1], sys.argv[2])
