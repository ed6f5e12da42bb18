"""One suite, both stores: load, idempotent reload, provenance merge, atomicity, alias merge."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from graphkit.batch import EdgeKey, GraphBatch
from graphkit.build import build_batch
from graphkit.errors import StoreError
from graphkit.findings import Findings
from graphkit.ingest import load_paths
from graphkit.store import GraphStore
from tests.helpers import BASE, findings, write

EXAMPLES = Path(__file__).parent.parent / "examples" / "reports"


def edge_props(store: GraphStore, rel: str, src: str, dst: str) -> list[dict]:
    result = store.run(
        f"MATCH (a {{id: $src}})-[r:{rel}]->(b {{id: $dst}}) "
        "RETURN r.sources AS sources, r.evidence AS evidence, r.confidence AS confidence, "
        "r.first_seen AS first_seen, r.last_seen AS last_seen",
        {"src": src, "dst": dst},
    )
    return result.records()


def test_load_writes_what_the_batch_holds(store: GraphStore) -> None:
    batch = build_batch(Findings.model_validate(BASE))
    written = store.write_batch(batch)
    assert written.nodes_created == len(batch.nodes)
    assert written.rels_created == len(batch.edges)
    counts = store.stats()
    assert sum(counts["nodes"].values()) == len(batch.nodes)
    assert sum(counts["relationships"].values()) == len(batch.edges)
    assert counts["nodes"]["Actor"] == 1
    assert counts["relationships"]["TARGETS"] == 6  # 3 targets, on campaign and actor


def test_reload_is_idempotent(store: GraphStore) -> None:
    batch = build_batch(Findings.model_validate(BASE))
    store.write_batch(batch)
    before = store.stats()
    props_before = edge_props(store, "TARGETS", "apt28", "aerospace")
    again = store.write_batch(build_batch(Findings.model_validate(BASE)))
    assert not again.changed
    assert again.nodes_matched == len(batch.nodes)
    assert store.stats() == before
    assert edge_props(store, "TARGETS", "apt28", "aerospace") == props_before


def test_second_report_adds_sources_without_duplicating(store: GraphStore) -> None:
    store.write_batch(build_batch(Findings.model_validate(BASE)))
    before = store.stats()
    second = findings(id="lab-2025-03-01-beta", title="Beta", published="2025-03-01")
    second["campaigns"][0]["actor"]["name"] = "Fancy Bear"  # another name, the same actor
    second["campaigns"][0]["targets"]["sectors"][0]["confidence"] = 85
    second["campaigns"][0]["targets"]["sectors"][0]["evidence"] = "Radar imaging research."
    result = store.write_batch(build_batch(Findings.model_validate(second)))
    after = store.stats()
    assert after["nodes"]["Actor"] == 1
    assert after["nodes"]["Report"] == 2
    assert after["relationships"]["TARGETS"] == before["relationships"]["TARGETS"]
    assert after["relationships"]["MENTIONS"] == 2 * before["relationships"]["MENTIONS"]
    assert result.rels_matched > 0
    [props] = edge_props(store, "TARGETS", "apt28", "aerospace")
    assert props["sources"] == ["lab-2025-01-01-alpha", "lab-2025-03-01-beta"]
    assert props["evidence"] == [
        "lab-2025-01-01-alpha: Satellite research.",
        "lab-2025-03-01-beta: Radar imaging research.",
    ]
    assert props["confidence"] == 85
    assert (props["first_seen"], props["last_seen"]) == ("2025-01-01", "2025-03-01")
    aliases = store.run("MATCH (a:Actor {id: 'apt28'}) RETURN a.aliases AS x").rows[0][0]
    assert "Forest Blizzard" in aliases and "Fancy Bear" in aliases


def test_a_report_that_fails_half_way_leaves_nothing(store: GraphStore) -> None:
    batch = build_batch(Findings.model_validate(BASE))
    # Values the stores refuse, on the last edge written, after every node and other edge:
    # Neo4j cannot hold a map in a list, LadybugDB cannot make an INT64 of a word.
    broken = GraphBatch(report_id=batch.report_id, nodes=batch.nodes, edges=dict(batch.edges))
    key = EdgeKey("MAPS_TO", "Technique", "T1566.001", "Technique", "T1566")
    broken.edges[key] = {"sources": [{"a": "map"}], "evidence": ["x"], "confidence": "high"}
    with pytest.raises(StoreError):
        store.write_batch(broken)
    counts = store.stats()
    assert sum(counts["nodes"].values()) == 0
    assert sum(counts["relationships"].values()) == 0
    # The store still works afterwards.
    assert store.write_batch(batch).nodes_created == len(batch.nodes)


def test_bad_files_fail_alone(store: GraphStore, tmp_path: Path) -> None:
    good = write(tmp_path / "a-good.yaml", BASE)
    bad_doc = copy.deepcopy(BASE)
    bad_doc["report"]["id"] = "lab-2025-02-02-bad"
    bad_doc["campaigns"][0]["targets"]["sectors"][0]["id"] = "farming"
    bad = write(tmp_path / "b-bad.yaml", bad_doc)
    empty = write(tmp_path / "c-empty.json", "")
    summary = load_paths(store, [str(tmp_path)])
    status = {Path(f.path).name: f.status for f in summary.files}
    assert status == {"a-good.yaml": "loaded", "b-bad.yaml": "failed", "c-empty.json": "failed"}
    assert str(bad) in (summary.files[1].error or "")
    assert str(empty) in (summary.files[2].error or "")
    reports = store.run("MATCH (r:Report) RETURN r.id AS id").rows
    assert reports == [["lab-2025-01-01-alpha"]]
    assert good.exists()


def test_the_sample_reports_load_clean_and_reload_unchanged(store: GraphStore) -> None:
    first = load_paths(store, [str(EXAMPLES)])
    assert first.files and not first.failed
    before = store.stats()
    assert before["nodes"]["Report"] == len(first.files)
    second = load_paths(store, [str(EXAMPLES)])
    assert {f.status for f in second.files} == {"unchanged"}
    assert store.stats() == before
