"""The provenance queries on both stores: the scalar they read instead of the source lists,
the same answers on a store written before it, and report ids capped without a silent cut."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graphkit.build import build_batch
from graphkit.errors import QueryError
from graphkit.findings import Findings
from graphkit.querylib import Query, cut_lists, load_library, run_query
from graphkit.schema import RELS
from graphkit.store import GraphStore
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import FILLED_MARK, Neo4jStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, copy_store
from tests.helpers import CATALOG_IDS, findings

# What `multi-report-actors` answered before it was paged and capped: every report id.
WHOLE_LISTS = """
MATCH (r:Report)-[:MENTIONS]->(a:Actor)
WITH a, count(DISTINCT r) AS reports, collect(DISTINCT r.id) AS report_ids,
     min(r.published) AS first_report, max(r.published) AS last_report
WHERE reports > 1
RETURN a.name AS actor, reports, report_ids, first_report, last_report
ORDER BY reports DESC, actor
"""


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def loaded(request: pytest.FixtureRequest) -> GraphStore:
    """The module's own loaded corpus on each store (a test here may change it)."""
    store: GraphStore = request.getfixturevalue(f"corpus_{request.param}")
    return store


def test_every_edge_keeps_its_sole_source(loaded: GraphStore) -> None:
    rows = loaded.run("MATCH ()-[r]->() RETURN r.sources AS s, r.sole_source AS one").rows
    assert len(rows) > 1000
    assert {len(s) for s, _ in rows} >= {1, 2}
    assert all(one == (s[0] if len(s) == 1 else "") for s, one in rows)


def _queue_by_hand(store: GraphStore, below: int) -> list[list[Any]]:
    """The review queue as a plain filter over every edge, sorted here: facts not a catalog's
    alone, resting on machine extraction only, or on one source below the threshold; the
    extracted ones first, then by confidence, source id, type, target id."""
    rows = store.run(
        "MATCH (x)-[r]->(y) RETURN x.kind, x.name, x.id, r.kind, y.kind, y.name, y.id, "
        "r.confidence, r.extracted, r.evidence, r.sources"
    ).rows
    picked = []
    for xk, xn, xi, kind, yk, yn, yi, conf, extracted, evidence, sources in rows:
        one = len(sources) == 1
        if kind == "MENTIONS" or (one and sources[0] in CATALOG_IDS):
            continue
        if extracted is True or (one and conf is not None and conf < below):
            order = (extracted is not True, 999 if conf is None else conf, xi, kind, yi, xk, yk)
            picked.append((order, [xk, xn, kind, yk, yn, conf, extracted, evidence]))
    return [row for _, row in sorted(picked, key=lambda p: p[0])]


def test_the_review_queue_is_a_filter_over_every_edge(loaded: GraphStore) -> None:
    """The same rows, in the key's order, as the filter written out by hand; pages cut it."""
    drafted = findings(id="lab-2025-06-01-drafted", published="2025-06-01")
    drafted["campaigns"][0]["name"] = "Drafted operation"
    loaded.write_batch(build_batch(Findings.model_validate(drafted), extracted=True))
    q = load_library()["review-queue"]
    for below in (-5, 0, 40, 50, 60, 101, 1000):
        whole = run_query(loaded, q, {"below": str(below), "limit": "100000"}).rows
        assert whole == _queue_by_hand(loaded, below), below
    assert whole[0][6] is True and whole[-1][6] is False and len(whole) > 200
    pages = [
        run_query(loaded, q, {"below": "101", "limit": "50", "skip": str(n)}).rows
        for n in range(0, 200, 50)
    ]
    assert [row for page in pages for row in page] == whole[:200]


def test_review_queue_pages_cut_across_types(loaded: GraphStore) -> None:
    """Short pages, each a run of the key over every type (Neo4j's text reads each type
    apart, up to `skip + limit` of it): together they are the whole queue."""
    q = load_library()["review-queue"]
    for below in ("50", "101"):
        whole = run_query(loaded, q, {"below": below, "limit": "100000"}).rows
        pages = [
            run_query(loaded, q, {"below": below, "limit": "7", "skip": str(n)}).rows
            for n in range(0, len(whole) + 7, 7)
        ]
        assert [row for page in pages for row in page] == whole, below
    assert len({row[2] for row in whole}) >= 4
    assert sum(len({row[2] for row in page}) > 1 for page in pages) > 1  # pages mix types


@pytest.mark.neo4j
def test_neo4j_s_own_review_queue_answers_as_the_common_text(corpus_neo4j: GraphStore) -> None:
    q = load_library()["review-queue"]
    common = Query(q.meta, q.cypher, q.path)  # the text LadybugDB runs
    assert q.text_for("neo4j") != common.text_for("neo4j")
    for below in ("0", "40", "50", "101"):
        for skip, limit in (("0", "100000"), ("0", "9"), ("9", "9"), ("40", "25")):
            given = {"below": below, "skip": skip, "limit": limit}
            rows = run_query(corpus_neo4j, q, given).rows
            assert rows == run_query(corpus_neo4j, common, given).rows, given
            assert rows or below == "0" or int(skip) > 0


def test_multi_report_actors_caps_the_ids_and_says_so(loaded: GraphStore) -> None:
    q = load_library()["multi-report-actors"]
    whole = loaded.run(WHOLE_LISTS).rows
    everything = run_query(loaded, q, {"ids": "1000", "limit": "1000"})
    assert len(whole) > 3
    assert [[*r[:2], sorted(r[2]), *r[3:]] for r in everything.rows] == [
        [*r[:2], sorted(r[2]), *r[3:]] for r in whole
    ]
    assert cut_lists(q, everything) == []
    for row in everything.rows:  # the latest report first
        dates = loaded.run(
            "UNWIND $ids AS i MATCH (r:Report {id: i}) RETURN r.id AS id, r.published AS p",
            {"ids": row[2]},
        ).rows
        published = dict(map(tuple, dates))
        assert [published[i] for i in row[2]] == sorted(published.values(), reverse=True)
    capped = run_query(loaded, q, {"ids": "1", "limit": "1000"})
    assert [len(r[2]) for r in capped.rows] == [1] * len(whole)
    assert [r[2][0] for r in capped.rows] == [r[2][0] for r in everything.rows]
    assert [c.column for c in cut_lists(q, capped)] == ["report_ids"]


def _answers(store: GraphStore) -> list[Any]:
    library = load_library()
    reports = [r[0] for r in store.run("MATCH (r:Report) RETURN r.id ORDER BY r.id").rows]
    out: list[Any] = [
        run_query(store, library["review-queue"], {"below": str(b), "limit": "100000"}).rows
        for b in (50, 101)
    ]
    out += [run_query(store, library["report-additions"], {"report": r}).rows for r in reports]
    return out


def test_a_store_an_older_graphkit_wrote_gains_the_derived_properties(
    corpus_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    directory = copy_store(corpus_template, tmp_path_factory)
    with EmbeddedStore(directory) as store:
        before = _answers(store)
        for rel in RELS:
            store.run(f"ALTER TABLE {rel} DROP sole_source", write=True)
            store.run(f"ALTER TABLE {rel} DROP review_key", write=True)
    assert before[0] and before[1] and sum(map(bool, before[2:])) > 3
    with (
        EmbeddedStore(directory, read_only=True) as store,
        pytest.raises(QueryError, match=r"review_key .*older graphkit: open it for writing once"),
    ):
        _answers(store)  # read-only, it cannot fill them in: no answer without them
    with EmbeddedStore(directory) as store:  # opened for writing, as a load opens it
        test_every_edge_keeps_its_sole_source(store)
        assert _answers(store) == before


@pytest.mark.neo4j
def test_an_older_neo4j_store_gains_the_derived_properties(corpus_neo4j: GraphStore) -> None:
    # (last in the module: it changes the module's Neo4j store and puts it back)
    before = _answers(corpus_neo4j)
    corpus_neo4j.run("MATCH ()-[r]->() REMOVE r.sole_source, r.review_key", write=True)
    assert corpus_neo4j.run("MATCH ()-[r]->() WHERE r.sole_source IS NOT NULL RETURN r").rows == []
    assert _answers(corpus_neo4j) != before  # the queries read it: gone, they miss facts
    corpus_neo4j.run(f"DROP INDEX {FILLED_MARK}", write=True)  # as an older graphkit left it:
    corpus_neo4j.run(  # with the mark that it filled in sole_source, before review_key was
        "CREATE INDEX graphkit_derived_filled_v1 IF NOT EXISTS FOR (n:GraphkitMark) ON (n.version)",
        write=True,
    )
    with (
        Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, read_only=True) as store,
        pytest.raises(QueryError, match="older graphkit and lacks sole_source"),
    ):
        _answers(store)  # a read-only store cannot fill it in: no answer without it
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        assert _answers(store) == before  # the first query filled it in, and marked it done
        marks = store.run("SHOW INDEXES YIELD name WHERE name STARTS WITH 'graphkit_'").rows
        assert [FILLED_MARK] in marks
        test_every_edge_keeps_its_sole_source(store)
