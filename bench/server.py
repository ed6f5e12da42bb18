"""The Neo4j a benchmark talks to: the repo's test server (``make neo4j-up``), emptied."""

from __future__ import annotations

import os
from pathlib import Path

import neo4j

__all__ = ["NEO4J_PASSWORD", "NEO4J_URI", "NEO4J_USER", "driver", "empty_database"]

PORT_FILE = Path(__file__).resolve().parent.parent / ".run" / "neo4j.port"


def _uri() -> str:
    """GRAPHKIT_TEST_NEO4J_URI, else the port GRAPHKIT_NEO4J_PORT names, else the one
    ``tools/neo4j/neo4j-up`` wrote to .run/neo4j.port (it picks a free one)."""
    if os.environ.get("GRAPHKIT_TEST_NEO4J_URI"):
        return os.environ["GRAPHKIT_TEST_NEO4J_URI"]
    port = os.environ.get("GRAPHKIT_NEO4J_PORT") or (
        PORT_FILE.read_text().strip() if PORT_FILE.exists() else "7687"
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
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    for record in drv.execute_query("SHOW CONSTRAINTS YIELD name").records:
        drv.execute_query(f"DROP CONSTRAINT `{record['name']}`")
    indexes = drv.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
    ).records
    for record in indexes:
        drv.execute_query(f"DROP INDEX `{record['name']}` IF EXISTS")
