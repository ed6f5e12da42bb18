"""The benchmark suite at a tiny size, so that it cannot rot. Nothing here asserts a timing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from bench import baselines
from bench.__main__ import summary
from bench.loads import _final_rows
from bench.synth import write_corpus, write_stix
from bench.tables import render
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import Neo4jStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

ROOT = Path(__file__).parent.parent


@pytest.mark.neo4j
def test_the_quick_bench_runs_end_to_end_at_a_tiny_size(neo4j_empty, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    res = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--json", "--sizes", "12", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    headline = json.loads(res.stdout)
    for key in (
        "load_vs_raw_neo4j",
        "load_vs_naive_neo4j",
        "load_vs_raw_embedded",
        "load_vs_naive_embedded",
        "extract_mb_per_s",
        "peak_rss_mb",
    ):
        assert headline[key] > 0, key
    full = json.loads(out.read_text())
    assert set(headline["query_p95_ms"]) == set(full["sizes"]["12"]["queries"]["neo4j"])
    assert len(headline["query_p95_ms"]) >= 25
    assert summary(full) == headline
    for kind in ("neo4j", "embedded"):
        load = full["sizes"]["12"]["loads"][kind]
        # graphkit's load and the raw baseline wrote the same rows.
        assert load["nodes"] + load["relationships"] == load["rows"]
    # The tables for BENCHMARKS.md: each store's load with its measured ratio, every query.
    tables = render(full)
    for kind in ("neo4j", "embedded"):
        load = full["sizes"]["12"]["loads"][kind]
        assert f"| {kind} | {load['first_s']:.1f} s |" in tables
        assert f"**{load['load_vs_raw']:.2f}x**" in tables
    assert all(f"| `{q}` |" in tables for q in headline["query_p95_ms"])


def test_the_raw_rows_are_what_graphkit_loads(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 8, seed=4)
    rows, per_report = _final_rows(corpus)
    assert len(per_report) == 8
    with EmbeddedStore(tmp_path / "store") as store:
        load_paths(store, [str(corpus)])
        stats = store.stats()
    counts = {label: len(items) for label, items in rows[0].items()}
    assert counts == {k: v for k, v in stats["nodes"].items() if v}
    assert baselines.count_rows(rows) == sum(stats["nodes"].values()) + sum(
        stats["relationships"].values()
    )


def test_the_stix_form_of_the_corpus_loads_to_the_same_graph(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 6, seed=8)
    bundles = write_stix(tmp_path / "bench", 6, seed=8, per_bundle=4)
    assert len(list(bundles.glob("bundle-*.json"))) == 2
    with EmbeddedStore(tmp_path / "a") as a, EmbeddedStore(tmp_path / "b") as b:
        assert not load_paths(a, [str(corpus)]).failed
        assert not load_paths(b, [str(bundles)]).failed
        query = "MATCH (x:Actor)-[r:USES]->(t:Technique) RETURN x.id, t.id ORDER BY x.id, t.id"
        assert a.run(query).rows == b.run(query).rows


def test_the_query_bench_runs_alone_on_a_store_it_keeps(tmp_path: Path) -> None:
    store = tmp_path / "store"
    cmd = [sys.executable, "-m", "bench.queries", "embedded", "--store", str(store)]
    for extra in (["--load", "--batch-rows", "400"], []):  # load once, then ask the store as it is
        res = subprocess.run(
            [*cmd, "--reports", "12", "--runs", "2", *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert res.returncode == 0, res.stderr[-2000:]
        result = json.loads(res.stdout)
        assert result["counts"]["relationships"] > 0
        assert len(result["queries"]) >= 25
        for q in result["queries"].values():
            assert {"p50_ms", "p95_ms", "cpu_p50_ms", "cpu_p95_ms"} <= set(q)


def test_old_against_new_queries_compare_on_one_store(corpus_dir: str) -> None:
    from bench.query_compare import compare

    with EmbeddedStore(Path(corpus_dir), read_only=True) as store:
        # the committed text against the working tree's: the same query, the same rows
        result = compare(store, ["report-additions", "review-queue"], "HEAD", 2, None)
    assert set(result) == {"report-additions", "review-queue"}
    for q in result.values():
        assert q["same_rows"] is True and {"old_cpu_ms", "new_cpu_ms"} <= set(q)


@pytest.mark.neo4j
def test_the_server_cpu_measure_runs_graphkits_load(neo4j_empty, tmp_path: Path) -> None:
    from bench.neo4j_cpu import _graphkit, measured

    corpus = write_corpus(tmp_path / "bench", 6, seed=2)
    result = measured(partial(_graphkit, corpus, 300))
    assert set(result) == {"server_cpu_s", "client_cpu_s", "wall_s"}
    final, _ = _final_rows(corpus)
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as s:
        counts = s.stats()
    held = sum(counts["nodes"].values()) + sum(counts["relationships"].values())
    assert held == baselines.count_rows(final)


@pytest.mark.neo4j
def test_the_query_bench_reports_neo4j_db_hits_and_server_cpu(neo4j_empty, tmp_path: Path) -> None:
    import time

    from bench.queries import latencies
    from bench.server import Profiler

    corpus = write_corpus(tmp_path / "bench", 12, seed=1)
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        load_paths(store, [str(corpus)], batch_rows=300)
        profiler = Profiler()
        try:  # any clock stands for the server's here: what is checked is that each run reads it
            result = latencies(store, 2, profiler=profiler, server_cpu=time.process_time)
        finally:
            profiler.close()
    assert len(result) >= 25
    for qid, q in result.items():
        assert q["db_hits_p50"] > 0 and q["db_hits_p95"] >= q["db_hits_p50"], qid
        assert 0 <= q["server_cpu_p50_ms"] <= q["server_cpu_p95_ms"], qid


def test_the_load_profile_times_every_statement_of_a_load_and_its_close(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 12, seed=5)
    out = tmp_path / "profile.json"
    res = subprocess.run(
        [sys.executable, "-m", "bench.load_profile", str(corpus), str(tmp_path / "s"), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "GRAPHKIT_FIRST_LOAD_COPY": "0"},  # group by group, as into a full store
    )
    assert res.returncode == 0, res.stderr[-2000:]
    result = json.loads(out.read_text())
    assert (result["reports"], result["failed"]) == (12, 0)
    load = result["load"]["statements"]
    assert load["COMMIT"]["calls"] >= 1
    assert any(k.startswith("create_edges") for k in load)
    close = result["close"]["statements"]
    assert set(close) <= {"CHECKPOINT"}  # closing only writes what the log holds
    assert load.get("CHECKPOINT", {"calls": 0})["calls"] + len(close) >= 1  # into the file
    with EmbeddedStore(tmp_path / "s", read_only=True) as s:
        assert s.stats()["nodes"]["Report"] == 12


def test_the_review_queue_compares_with_its_text_at_a_revision(corpus_dir: str) -> None:
    from bench.query_compare import old_query
    from bench.review_queue import compare_texts
    from graphkit.querylib import load_library

    new = load_library()["review-queue"]
    texts = {"old": old_query(new, "HEAD"), "new": new}
    with EmbeddedStore(Path(corpus_dir), read_only=True) as store:
        out = compare_texts(store, texts, 101, 2, whole=True)
    assert out["same_rows"] is True and out["rows"] > 200
    assert {"wall_ms", "cpu_ms"} <= set(out["new"]) and "db_hits" not in out["new"]


def test_the_raw_baseline_runs_alone_in_the_page_cache_it_is_given(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 8, seed=6)
    res = subprocess.run(
        [sys.executable, "-m", "bench.raw_only", str(corpus), str(tmp_path / "s")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "GRAPHKIT_BUFFER_POOL_MB": "256"},
    )
    assert res.returncode == 0, res.stderr[-2000:]
    result = json.loads(res.stdout)
    assert result["buffer_pool_mb"] == 256 and "error" not in result
    assert result["rows"] == baselines.count_rows(_final_rows(corpus)[0])
    with EmbeddedStore(tmp_path / "s", read_only=True) as s:
        stats = s.stats()
    assert result["rows"] == sum(stats["nodes"].values()) + sum(stats["relationships"].values())
