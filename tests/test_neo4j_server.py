"""The test loop itself: a real Neo4j over Bolt, as users run it."""

from __future__ import annotations

import neo4j
import pytest
from neo4j.exceptions import AuthError

from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER

pytestmark = pytest.mark.neo4j


def test_write_and_read_back_in_managed_transactions(neo4j_empty: neo4j.Driver) -> None:
    def write(tx: neo4j.ManagedTransaction) -> None:
        tx.run("CREATE (:Probe {id: $id, n: $n})", id="p1", n=42)

    def read(tx: neo4j.ManagedTransaction) -> list[tuple[str, int]]:
        result = tx.run("MATCH (p:Probe) RETURN p.id AS id, p.n AS n")
        return [(r["id"], r["n"]) for r in result]

    with neo4j_empty.session() as session:
        session.execute_write(write)
        assert session.execute_read(read) == [("p1", 42)]


def test_each_test_starts_on_an_empty_database(neo4j_empty: neo4j.Driver) -> None:
    records = neo4j_empty.execute_query("MATCH (n) RETURN count(n) AS c").records
    assert records[0]["c"] == 0


def test_server_is_neo4j_5_26(neo4j_driver: neo4j.Driver) -> None:
    info = neo4j_driver.get_server_info()
    assert info.agent.startswith("Neo4j/5.26.")
    edition = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD edition RETURN edition"
    ).records[0]["edition"]
    assert edition == "community"


def test_wrong_password_is_rejected() -> None:
    wrong = (NEO4J_USER, NEO4J_PASSWORD + "x")
    with neo4j.GraphDatabase.driver(NEO4J_URI, auth=wrong) as driver, pytest.raises(AuthError):
        driver.verify_connectivity()


def test_routing_scheme_works_against_the_single_server(neo4j_driver: neo4j.Driver) -> None:
    uri = NEO4J_URI.replace("bolt://", "neo4j://")
    with neo4j.GraphDatabase.driver(uri, auth=(NEO4J_USER, NEO4J_PASSWORD)) as driver:
        records, _, _ = driver.execute_query(
            "RETURN $x + 1 AS y", x=41, routing_=neo4j.RoutingControl.READ
        )
        assert records[0]["y"] == 42
