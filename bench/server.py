"""The Neo4j a benchmark talks to: the repo's test server (``make neo4j-up``), emptied."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import neo4j

if TYPE_CHECKING:
    from graphkit.store.neo4j import Neo4jStore

__all__ = [
    "NEO4J_PASSWORD",
    "NEO4J_URI",
    "NEO4J_USER",
    "Profiler",
    "driver",
    "emptied_store",
    "empty_database",
]

PORT_FILE = Path(__file__).resolve().parent.parent / ".run" / "neo4j.port"


def _uri() -> str:
    """GRAPHKIT_TEST_NEO4J_URI, else the port GRAPHKIT_NEO4J_PORT names, else the one
    ``tools/neo4j/neo4j-up`` wrote to .run/neo4j.port (it picks a free one). With none of
    them, port 0: nothing answers there, so the tests say to start the server, and never
    empty a Neo4j that someone else runs on the default port."""
    if os.environ.get("GRAPHKIT_TEST_NEO4J_URI"):
        return os.environ["GRAPHKIT_TEST_NEO4J_URI"]
    port = os.environ.get("GRAPHKIT_NEO4J_PORT") or (
        PORT_FILE.read_text().strip() if PORT_FILE.exists() else "0"
    )
    return f"bolt://127.0.0.1:{port}"


NEO4J_URI = _uri()
NEO4J_USER = "neo4j"
NEO4J_PASSWORD = os.environ.get("GRAPHKIT_NEO4J_PASSWORD", "graphkit-dev")


def driver() -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(NEO4J_URI, auth=(NEO4J_USER, NEO4J_PASSWORD))


def empty_database(drv: neo4j.Driver) -> None:
    """Delete every node, constraint and index: the database as a fresh install has it."""
    with drv.session() as session:  # IN TRANSACTIONS needs an implicit transaction
        # relationships first, in batches: a batch of 1,000 nodes detached with all their
        # relationships (a 10k store's actors and reports hold thousands each) overran the test
        # server's transaction memory (MemoryPoolOutOfMemoryError in the first full 10k run)
        session.run(
            "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
    for record in drv.execute_query("SHOW CONSTRAINTS YIELD name").records:
        drv.execute_query(f"DROP CONSTRAINT `{record['name']}`")
    indexes = drv.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
    ).records
    for record in indexes:
        drv.execute_query(f"DROP INDEX `{record['name']}` IF EXISTS")


def emptied_store(*, schema: bool = False) -> Neo4jStore:
    """The test server as a graphkit store, emptied first; with ``schema``, its constraints
    and indexes set up as graphkit's first load sets them."""
    from graphkit.store.neo4j import Neo4jStore

    drv = driver()
    try:
        empty_database(drv)
    finally:
        drv.close()
    store = Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
    if schema:
        store.ensure_schema()
    return store


def _db_hits(plan: Any) -> int:
    return int(plan.get("dbHits", 0)) + sum(_db_hits(c) for c in plan.get("children", []))


class Profiler:
    """Neo4j's ``PROFILE`` of one statement: its db hits summed over the plan, a cost that a
    busy machine does not inflate as it does wall time."""

    def __init__(self) -> None:
        # no notifications: a query names every relationship type, some of which a store lacks
        self.driver = neo4j.GraphDatabase.driver(
            NEO4J_URI,
            auth=(NEO4J_USER, NEO4J_PASSWORD),
            notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
        )

    def hits(self, cypher: str, params: dict[str, Any]) -> int:
        with self.driver.session() as session:
            result = session.run("PROFILE " + cypher, params)
            list(result)  # some plans give their profile only once every row was pulled
            summary = result.consume()
        return _db_hits(summary.profile or {})

    def close(self) -> None:
        self.driver.close()
