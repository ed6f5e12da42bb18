"""The Neo4j load as a pipeline: the store sets itself up while the first files are read, the
first transaction is small, and statements are sent without waiting for their end (the
server writes one shape while the next is worked out here, the reader thread builds the next
group meanwhile). A statement the server refuses then fails a later step of the same
transaction, not its own: these tests check that what a failing group leaves is still what
one report at a time leaves."""

from __future__ import annotations

import sys
from pathlib import Path

import neo4j
import pytest

import graphkit.ingest as ingest
from bench.synth import write_corpus
from graphkit.batch import EdgeKey, GraphBatch
from graphkit.ingest import expand_paths, load_files
from graphkit.schema import NODES, RELS
from graphkit.store import statements as st
from graphkit.store.neo4j import Neo4jStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER
from tests.test_write_path import snapshot

pytestmark = pytest.mark.neo4j

ROWS = 600  # rows a transaction: about four of these reports; the corpus loads in several


def _broken(batch: GraphBatch) -> GraphBatch:
    """The batch with one more edge that holds a value Neo4j refuses (a list of maps), added
    last: its shape's statement is among the last the transaction sends."""
    out = GraphBatch(report_id=batch.report_id, nodes=batch.nodes, edges=dict(batch.edges))
    techniques = sorted(i for label, i in batch.nodes if label == "Technique")
    key = EdgeKey("MAPS_TO", "Technique", techniques[0], "Technique", techniques[-1])
    out.edges[key] = {"sources": [{"a": "map"}], "evidence": ["x"], "confidence": 50}
    return out


def test_a_group_refused_late_keeps_earlier_groups_and_names_the_report(
    neo4j_no_data: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = expand_paths([str(write_corpus(tmp_path / "bench", 16, seed=4))])
    bad = files[9]  # in the third group or later, while the reader thread reads ahead
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        # What the store holds when every report but the bad one is written alone, in order.
        alone = load_files(store, [f for f in files if f != bad], batch_rows=1)
        assert not alone.failed
        expected = snapshot(store)
        store.run("MATCH (n) DETACH DELETE n", write=True)

        prepare = ingest.prepare

        def breaking(path: Path, read: ingest.Reader) -> tuple[GraphBatch, object]:
            batch, loaded = prepare(path, read)
            return (_broken(batch) if path == bad else batch), loaded

        monkeypatch.setattr(ingest, "prepare", breaking)
        loaded = load_files(store, files, batch_rows=ROWS)

        assert [f.path for f in loaded.failed] == [str(bad)]
        error = loaded.failed[0].error
        assert error is not None and error.startswith(f"{bad}: write failed and was rolled back")
        assert {f.status for f in loaded.files if f.path != str(bad)} == {"loaded"}
        assert snapshot(store) == expected
        # The others' counts are what they were when written alone: nothing of the refused
        # report was left behind for them to match.
        theirs = [f.written for f in loaded.files if f.path != str(bad)]
        assert theirs == [f.written for f in alone.files]


def test_a_load_starts_small_and_leaves_the_switch_interval_as_it_was(
    neo4j_no_data: neo4j.Driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = expand_paths([str(write_corpus(tmp_path / "bench", 12, seed=6))])
    groups: list[int] = []
    write_group = ingest._write_group

    def counted(store: Neo4jStore, group: list, *args: object) -> None:
        groups.append(len(group))
        write_group(store, group, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest, "_write_group", counted)
    before = sys.getswitchinterval()
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        monkeypatch.setattr(store, "first_rows", 300)
        assert not load_files(store, files, batch_rows=100_000).failed
    assert sys.getswitchinterval() == before
    assert sum(groups) == len(files)
    # The first transaction stops at 300 rows (two or three of these reports); the second
    # takes the rest, up to the group size asked for.
    assert len(groups) == 2 and groups[0] < groups[1]


def _plan(driver: neo4j.Driver, cypher: str) -> tuple:
    """The operators of the statement's plan, made afresh on the store as it is now."""
    summary = driver.execute_query(
        f"EXPLAIN {cypher.replace('replan=skip', 'replan=force', 1)}",
        {"rows": [], "ids": []},
    ).summary
    assert summary is not None and summary.plan is not None

    def tree(plan: dict) -> tuple:
        return (plan["operatorType"], tuple(tree(c) for c in plan.get("children", [])))

    return tree(summary.plan)


def test_the_statements_that_keep_their_first_plan_have_one_plan(
    neo4j_no_data: neo4j.Driver,
) -> None:
    """``CYPHER replan=skip`` is right only for a statement whose plan does not depend on the
    store's counts: planned on the empty store and on one with nodes and edges of every
    label and shape, each has the same plan."""
    statements = st.stable_plans()
    assert all(s.startswith("CYPHER replan=skip ") for s in statements)
    empty = [_plan(neo4j_no_data, s) for s in statements]
    for label in NODES:
        neo4j_no_data.execute_query(
            f"UNWIND range(1, 3000) AS i CREATE (:{label} {{id: toString(i)}})"
        )
    for rel, spec in RELS.items():
        for src, dst in spec.endpoints:
            neo4j_no_data.execute_query(
                f"MATCH (a:{src}) WITH a LIMIT 300 MATCH (b:{dst}) WITH a, b LIMIT 20000 "
                f"CREATE (a)-[:{rel}]->(b)"
            )
    full = [_plan(neo4j_no_data, s) for s in statements]
    assert full == empty
