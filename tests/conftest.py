"""Shared fixtures: the real Neo4j test server and empty embedded stores."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from graphkit.store import GraphStore
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import Neo4jStore

NEO4J_URI = os.environ.get(
    "GRAPHKIT_TEST_NEO4J_URI", f"bolt://127.0.0.1:{os.environ.get('GRAPHKIT_NEO4J_PORT', '7687')}"
)
NEO4J_USER = "neo4j"
NEO4J_PASSWORD = os.environ.get("GRAPHKIT_NEO4J_PASSWORD", "graphkit-dev")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def neo4j_driver() -> Iterator[neo4j.Driver]:
    """A driver for the test server; skips without one, but fails in CI."""
    driver = neo4j.GraphDatabase.driver(NEO4J_URI, auth=(NEO4J_USER, NEO4J_PASSWORD))
    try:
        driver.verify_connectivity()
    except Exception as exc:  # any failure to reach it means the same thing here
        driver.close()
        reason = f"no Neo4j test server at {NEO4J_URI} ({type(exc).__name__}); run `make neo4j-up`"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    yield driver
    driver.close()


def _empty_database(driver: neo4j.Driver) -> None:
    with driver.session() as session:  # IN TRANSACTIONS needs an implicit transaction
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    for record in driver.execute_query("SHOW CONSTRAINTS YIELD name").records:
        driver.execute_query(f"DROP CONSTRAINT `{record['name']}`")
    indexes = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
    ).records
    for record in indexes:
        driver.execute_query(f"DROP INDEX `{record['name']}` IF EXISTS")


@pytest.fixture
def neo4j_empty(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    """The test server's driver, on a database emptied of data, constraints and indexes."""
    _empty_database(neo4j_driver)
    return neo4j_driver


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """Each test that takes it runs twice: on a fresh embedded store and on the emptied Neo4j."""
    if request.param == "embedded":
        s: GraphStore = EmbeddedStore(tmp_path / "store")
    else:
        request.getfixturevalue("neo4j_empty")
        s = Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
    yield s
    s.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A --store value for an empty store, with nothing holding it open (for CLI tests)."""
    if request.param == "embedded":
        return str(tmp_path / "store")
    request.getfixturevalue("neo4j_empty")
    return NEO4J_URI


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner with the test server's password and no store chosen by the environment."""
    for var in ("GRAPHKIT_STORE", "NEO4J_URI"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()
