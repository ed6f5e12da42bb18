"""The batched write path, on both stores: many reports a transaction, the same graph and the
same per-report counts as one report at a time, a failed group retried report by report."""

from __future__ import annotations

import copy
from pathlib import Path

from bench.synth import findings_docs, write_corpus
from graphkit.batch import EdgeKey, GraphBatch
from graphkit.build import build_batch
from graphkit.findings import Findings
from graphkit.ingest import FileResult, _write_group, load_paths
from graphkit.store import GraphStore
from tests.helpers import BASE

PROPS = "r.sources AS s, r.evidence AS e, r.confidence AS c, r.first_seen AS f, r.last_seen AS l"


def snapshot(store: GraphStore) -> tuple[list, list]:
    """Every node and edge with the properties a load merges, in a stable order."""
    nodes = store.run(
        "MATCH (n) RETURN n.kind AS k, n.id AS id, n.name AS name, n.aliases AS a ORDER BY k, id"
    ).rows
    edges = store.run(
        f"MATCH (a)-[r]->(b) RETURN r.kind AS kind, a.id AS src, b.id AS dst, {PROPS} "
        "ORDER BY kind, src, dst"
    ).rows
    return nodes, edges


def test_grouped_load_equals_one_report_at_a_time(store: GraphStore, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 30, seed=3)
    one_by_one = load_paths(store, [str(corpus)], batch_rows=1)
    alone = snapshot(store)
    store.run("MATCH (n) DETACH DELETE n", write=True)
    grouped = load_paths(store, [str(corpus)])  # the default: all 30 in one or two groups
    assert snapshot(store) == alone
    assert not grouped.failed
    # Each report's own counts are the same as when it was written alone, in order.
    assert [f.written for f in grouped.files] == [f.written for f in one_by_one.files]
    assert grouped.total.rels_created == sum(store.stats()["relationships"].values())


def test_reload_in_groups_changes_nothing(store: GraphStore, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 20, seed=5)
    load_paths(store, [str(corpus)], batch_rows=500)
    before = snapshot(store)
    again = load_paths(store, [str(corpus)], batch_rows=500)
    assert {f.status for f in again.files} == {"unchanged"}
    assert again.total.nodes_created == again.total.rels_created == 0
    assert snapshot(store) == before


def test_a_failing_group_is_retried_report_by_report(store: GraphStore) -> None:
    docs = [copy.deepcopy(BASE) for _ in range(3)]
    for n, doc in enumerate(docs):
        doc["report"]["id"] = f"lab-2025-01-0{n + 1}-r{n}"
    batches = [build_batch(Findings.model_validate(d)) for d in docs]
    # The middle report holds a value both stores refuse (as in test_store's atomicity test).
    broken = GraphBatch(report_id="bad", nodes=batches[1].nodes, edges=dict(batches[1].edges))
    key = EdgeKey("MAPS_TO", "Technique", "T1566.001", "Technique", "T1566")
    broken.edges[key] = {"sources": [{"a": "map"}], "evidence": ["x"], "confidence": "high"}
    group = [(FileResult(path=f"r{n}.yaml", status="failed"), b) for n, b in enumerate(batches)]
    group[1] = (group[1][0], broken)
    seen: list[str] = []
    _write_group(store, group, lambda r: seen.append(r.path))
    statuses = [r.status for r, _ in group]
    assert statuses == ["loaded", "failed", "loaded"]
    assert group[1][0].error is not None and group[1][0].error.startswith("r1.yaml: ")
    assert sorted(seen) == ["r0.yaml", "r1.yaml", "r2.yaml"]
    reports = store.run("MATCH (r:Report) RETURN r.id AS id ORDER BY id").rows
    assert reports == [["lab-2025-01-01-r0"], ["lab-2025-01-03-r2"]]


def test_the_synthetic_corpus_is_the_same_for_the_same_seed() -> None:
    assert list(findings_docs(5, seed=9)) == list(findings_docs(5, seed=9))
    assert list(findings_docs(5, seed=9)) != list(findings_docs(5, seed=10))
