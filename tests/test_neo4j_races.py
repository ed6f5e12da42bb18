"""Two loads writing the same fact into Neo4j at the same moment, step by step.

The Neo4j write creates new nodes and edges plainly after reading which the store holds
(graphkit.store.neo4j_write.merge_on_server). These tests hold one writer's transaction open at
the point where the race would hurt, let the second writer run into it, and check that the
second waits for the first (it shows as blocked on the server) and then merges into what the
first wrote instead of writing a second copy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import neo4j
import pytest

from graphkit.batch import GraphBatch
from graphkit.lifecycle import unload
from graphkit.store.base import WriteResult
from graphkit.store.neo4j import Neo4jStore
from graphkit.store.neo4j_write import merge_on_server
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

pytestmark = pytest.mark.neo4j


def fact(report: str, actor: str = "apt-x") -> GraphBatch:
    """One report stating that an actor is linked to Russia."""
    batch = GraphBatch(report_id=report)
    a = batch.add_node("Actor", actor, name=actor.upper(), reference=False)
    c = batch.add_node("Country", "RU", name="Russia", reference=False)
    batch.add_edge("LINKED_TO", a, c, sources=[report], evidence=[f"{report}: says so"])
    return batch


def reported(report: str) -> GraphBatch:
    """:func:`fact` with its Report node, so that it can be taken back."""
    batch = fact(report)
    batch.add_node("Report", report, name=report, reference=False)
    return batch


@pytest.fixture
def store(neo4j_no_data: neo4j.Driver) -> Iterator[Neo4jStore]:
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as s:
        s.ensure_schema()
        yield s


def blocked(driver: neo4j.Driver) -> bool:
    records = driver.execute_query(
        "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n"
    ).records
    return records[0]["n"] > 0


def race(driver: neo4j.Driver, store: Neo4jStore, first: GraphBatch, second: GraphBatch) -> list:
    """Write ``first`` in an open transaction, start writing ``second`` through the store,
    wait until the server shows it blocked, then commit the first: the second's results."""
    out: list[list[WriteResult]] = []
    with driver.session() as session:
        tx = session.begin_transaction()
        merge_on_server(lambda q, p: tx.run(q, p).data(), [first])
        writer = threading.Thread(target=lambda: out.append(store.write_batches([second])))
        writer.start()
        while not blocked(driver):
            writer.join(0.05)  # returns at once if the writer ended: it must not have
            assert writer.is_alive(), "the second writer did not wait for the first"
        tx.commit()
    writer.join()
    return out[0]


def edges(store: Neo4jStore) -> list[list]:
    rows = store.run(
        "MATCH (a:Actor)-[r:LINKED_TO]->(b:Country) RETURN a.id, b.id, r.sources, r.evidence"
    ).rows
    return [[a, b, sorted(s), sorted(e)] for a, b, s, e in rows]


def test_a_new_edge_between_held_nodes_is_written_once(
    neo4j_no_data: neo4j.Driver, store: Neo4jStore
) -> None:
    held = fact("r0")
    held.edges.clear()
    store.write_batches([held])  # both ends in the store, no edge yet
    [second] = race(neo4j_no_data, store, fact("r1"), fact("r2"))
    assert edges(store) == [["apt-x", "RU", ["r1", "r2"], ["r1: says so", "r2: says so"]]]
    assert (second.rels_created, second.rels_matched, second.rels_updated) == (0, 1, 1)


def test_a_node_both_loads_create_is_written_once(
    neo4j_no_data: neo4j.Driver, store: Neo4jStore
) -> None:
    [second] = race(neo4j_no_data, store, fact("r1", "apt-new"), fact("r2", "apt-new"))
    actors = store.run("MATCH (n:Actor) RETURN n.id AS id, count(*) AS c").rows
    assert actors == [["apt-new", 1]]
    assert edges(store) == [["apt-new", "RU", ["r1", "r2"], ["r1: says so", "r2: says so"]]]
    assert (second.nodes_created, second.rels_created, second.rels_updated) == (0, 0, 1)


def test_a_fact_another_process_took_back_is_written_again(store: Neo4jStore) -> None:
    """The store remembers what it wrote and appends to it without a read; when another
    process has taken that back meanwhile, the write is run again with nothing remembered."""
    store.write_batches([reported("r1")])
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as other:
        unload(other, ["r1"])  # the edge and both its ends go: nothing else states them
    assert store.stats()["relationships"]["LINKED_TO"] == 0
    [again] = store.write_batches([reported("r2")])
    assert edges(store) == [["apt-x", "RU", ["r2"], ["r2: says so"]]]
    assert (again.nodes_created, again.rels_created) == (3, 1)  # the report, actor, country


def test_a_fact_stated_again_keeps_what_another_load_added(store: Neo4jStore) -> None:
    """An edge this store wrote is appended to on the server, not rewritten from what the
    store remembers: a source another load added in between stays."""
    store.write_batches([fact("r1")])
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as other:
        other.write_batches([fact("r2")])
    [again] = store.write_batches([fact("r3")])
    assert edges(store) == [
        ["apt-x", "RU", ["r1", "r2", "r3"], ["r1: says so", "r2: says so", "r3: says so"]]
    ]
    assert (again.rels_created, again.rels_matched, again.rels_updated) == (0, 1, 1)


def test_a_source_appended_on_the_server_updates_the_sole_source(store: Neo4jStore) -> None:
    """The derived ``sole_source`` is worked out again on the server after an append: one
    report, then two (``''``), whatever the store remembered."""
    store.write_batches([fact("r1")])
    sole = "MATCH ()-[r:LINKED_TO]->() RETURN r.sole_source"
    assert store.run(sole).rows == [["r1"]]
    [again] = store.write_batches([fact("r2")])  # appended: the store remembers the edge
    assert (again.rels_matched, again.rels_updated) == (1, 1)
    assert store.run(sole).rows == [[""]]
