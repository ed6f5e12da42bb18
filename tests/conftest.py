"""Shared fixtures: the real Neo4j test server and empty embedded stores."""

from __future__ import annotations

import copy
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from bench.server import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, empty_database
from graphkit.catalog import load_catalogs
from graphkit.graphdata import GraphData, fetch_graph
from graphkit.ingest import load_paths
from graphkit.schema import neo4j_schema_statements
from graphkit.store import GraphStore
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import FILLED_MARK, Neo4jStore

EXAMPLES = Path(__file__).parent.parent / "examples" / "reports"


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


@pytest.fixture
def neo4j_empty(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    """The test server's driver, on a database emptied of data, constraints and indexes."""
    empty_database(neo4j_driver)
    return neo4j_driver


# The constraints and indexes graphkit sets up in Neo4j (cypher/schema.cypher), by name.
# An emptied store keeps the mark that its derived properties are filled in: it has none missing.
SCHEMA_RULES = {s.split()[2] for s in neo4j_schema_statements()} | {FILLED_MARK}


@pytest.fixture
def neo4j_no_data(neo4j_driver: neo4j.Driver) -> neo4j.Driver:
    """The test server's driver, on a database emptied of data and of every constraint and
    index but graphkit's own. Those stay as the first load set them up: setting them up again
    takes seconds a test (dropping them more); the tests of that set-up, on a database as a
    fresh install has it, take ``neo4j_empty``."""
    with neo4j_driver.session() as session:  # IN TRANSACTIONS needs an implicit transaction
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    for record in neo4j_driver.execute_query("SHOW CONSTRAINTS YIELD name").records:
        if record["name"] not in SCHEMA_RULES:
            neo4j_driver.execute_query(f"DROP CONSTRAINT `{record['name']}`")
    indexes = neo4j_driver.execute_query(
        "SHOW INDEXES YIELD name, type, owningConstraint "
        "WHERE type <> 'LOOKUP' AND owningConstraint IS NULL RETURN name"
    ).records
    for record in indexes:
        if record["name"] not in SCHEMA_RULES:
            neo4j_driver.execute_query(f"DROP INDEX `{record['name']}` IF EXISTS")
    return neo4j_driver


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[GraphStore]:
    """Each test that takes it runs twice: on a fresh embedded store and on the Neo4j test
    server emptied of data (``neo4j_no_data``)."""
    if request.param == "embedded":
        s: GraphStore = EmbeddedStore(tmp_path / "store")
    else:
        request.getfixturevalue("neo4j_no_data")
        s = Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)
    yield s
    s.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A --store value for an empty store, with nothing holding it open (for CLI tests)."""
    if request.param == "embedded":
        return str(tmp_path / "store")
    request.getfixturevalue("neo4j_no_data")
    return NEO4J_URI


def _load_corpus(store: GraphStore) -> GraphStore:
    load_catalogs(store)  # as `graphkit load` does into an empty store
    assert not load_paths(store, [str(EXAMPLES)]).failed
    return store


@pytest.fixture(scope="session")
def corpus_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogs and the sample corpus, loaded once a session into an embedded store that
    is then closed (the store `graphkit load examples/reports` makes). Fixtures hand out
    copies of it (``copy_store``): a copy takes a fraction of a second, a load ten or more."""
    directory = tmp_path_factory.mktemp("corpus-template") / "store"
    with EmbeddedStore(directory) as store:
        _load_corpus(store)
    return directory


def copy_store(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a closed embedded store, of the caller's own to read or change."""
    into = tmp_path_factory.mktemp("copy") / "store"
    shutil.copytree(template, into)
    return into


@pytest.fixture(scope="module")
def corpus_dir(corpus_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """What `graphkit load examples/reports` makes of an empty store, in a directory of the
    module's own, closed: a --store for commands (tests/test_cli_query.py runs that load
    itself through the command)."""
    return str(copy_store(corpus_template, tmp_path_factory))


@pytest.fixture(scope="session")
def corpus_alone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus without the catalogs, loaded once a session into an embedded store
    that is then closed: open it read-only, or copy it (``copy_store``) to change it."""
    directory = tmp_path_factory.mktemp("corpus-alone") / "store"
    with EmbeddedStore(directory) as store:
        assert not load_paths(store, [str(EXAMPLES)]).failed
    return directory


@pytest.fixture(scope="session")
def _corpus_graph(corpus_alone: Path) -> GraphData:
    with EmbeddedStore(corpus_alone, read_only=True) as store:
        return fetch_graph(store)


@pytest.fixture(scope="module")
def corpus_graph(_corpus_graph: GraphData) -> GraphData:
    """The sample corpus alone as graph data: a copy of the module's own, to change at will."""
    return copy.deepcopy(_corpus_graph)


@pytest.fixture(scope="module")
def corpus_embedded(
    corpus_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    """The catalogs and the sample corpus in an embedded store of the module's own."""
    with EmbeddedStore(copy_store(corpus_template, tmp_path_factory)) as store:
        yield store


@pytest.fixture(scope="module")
def corpus_neo4j(neo4j_driver: neo4j.Driver) -> Iterator[GraphStore]:
    """The same in the Neo4j test server; a test module that also empties it must not use it."""
    empty_database(neo4j_driver)
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        yield _load_corpus(store)


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def corpus(request: pytest.FixtureRequest) -> GraphStore:
    """Each test that takes it runs on the loaded corpus of both stores."""
    store: GraphStore = request.getfixturevalue(f"corpus_{request.param}")
    return store


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A CLI runner with the test server's password and no store chosen by the environment."""
    for var in ("GRAPHKIT_STORE", "NEO4J_URI"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD)
    monkeypatch.setenv("COLUMNS", "200")
    return CliRunner()
