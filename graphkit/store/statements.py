"""The Cypher a store writes and counts with, generated from the schema.

Labels and relationship types come only from the schema; every value is a ``$parameter``.
The two backends differ in one place: LadybugDB needs a ``CAST`` so that a column of nulls or
empty lists binds to the declared type, where Neo4j takes the value as it is.
"""

from __future__ import annotations

from graphkit.schema import (
    DERIVED,
    MAX,
    MIN,
    NODES,
    REL_PROPS,
    RELS,
    REPLACE,
    UNION,
    Prop,
    derived_sets,
)

__all__ = [
    "append_edges",
    "count_edges",
    "count_nodes",
    "create_edges",
    "create_nodes",
    "lock_read_edges",
    "lock_read_nodes",
    "read_nodes",
    "stable_plans",
    "write_edges",
    "write_nodes",
]


# Neo4j plans a statement again when the counts it was planned on have changed enough and
# 10 s have passed: in a load, every statement of the first transaction again in a later one
# (about 50 ms of server CPU each; BENCHMARKS.md, "The Neo4j write path, session 12"). The
# statements that only look nodes up by their unique key, or create, have one plan whatever
# the counts (tests/test_neo4j_pipeline.py checks it): they keep the plan they have. Those
# that follow an edge do not (on an empty store the planner expands from one end and filters,
# on a full one it seeks both ends): they are planned again as the store grows.
_STABLE = "CYPHER replan=skip "


def _value(p: Prop, dialect: str) -> str:
    return f"CAST(row.{p.name} AS {p.type})" if dialect == "ladybug" else f"row.{p.name}"


def read_nodes(label: str) -> str:
    cols = _columns("n", NODES[label].all_props)
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN {cols}"


def write_nodes(label: str, dialect: str) -> str:
    sets = ", ".join(
        f"n.{p.name} = {_value(p, dialect)}" for p in NODES[label].all_props if p.name != "id"
    )
    return f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET {sets}"


def write_edges(rel_type: str, src: str, dst: str, dialect: str) -> str:
    assert (src, dst) in RELS[rel_type].endpoints
    sets = ", ".join(f"r.{p.name} = {_value(p, dialect)}" for p in REL_PROPS)
    return (
        f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}), (b:{dst} {{id: row.dst}}) "
        f"MERGE (a)-[r:{rel_type}]->(b) SET {sets}"
    )


def _columns(var: str, props: tuple[Prop, ...], kind: str | None = None) -> str:
    """Every property as a column; with ``kind``, that one as the literal it always is (the
    label or type again): a statement that sets ``kind`` to take the lock and also read it
    would have to finish setting before it reads (an ``Eager`` step in the plan)."""
    return ", ".join(
        f"'{kind}' AS kind" if kind and p.name == "kind" else f"{var}.{p.name} AS {p.name}"
        for p in props
    )


def lock_read_nodes(label: str) -> str:
    """Neo4j: the nodes of ``$ids`` the store holds, each locked for writing until commit
    before it is read (setting a property to its own value takes the lock and changes
    nothing). Another writer waits for the lock: what is read stays true until commit, and
    no other load can add an edge between two nodes this transaction holds."""
    assert label in NODES
    return (
        f"{_STABLE}UNWIND $ids AS i MATCH (n:{label} {{id: i}}) SET n.kind = n.kind "
        f"RETURN {_columns('n', NODES[label].all_props, label)}"
    )


def lock_read_edges(rel_type: str, src: str, dst: str) -> str:
    """Neo4j: as :func:`lock_read_nodes`, for the edges of one shape between the ``$pairs``
    (``[src, dst]``); read with both ends locked, an edge found absent stays absent."""
    assert (src, dst) in RELS[rel_type].endpoints
    return (
        f"UNWIND $pairs AS p MATCH (a:{src} {{id: p[0]}})-[r:{rel_type}]->(b:{dst} {{id: p[1]}}) "
        f"SET r.kind = r.kind RETURN a.id AS src, b.id AS dst, {_columns('r', REL_PROPS, rel_type)}"
    )


def create_nodes(label: str) -> str:
    """Neo4j: create new nodes from rows that are already their merged state (nothing read
    on the server), each row the node's declared properties, set as one map (the server
    plans that in about half the time of a ``SET`` item a property). A node another writer
    created since the read breaks the uniqueness constraint: the caller runs the
    transaction again."""
    assert label in NODES
    return f"{_STABLE}UNWIND $rows AS row CREATE (n:{label}) SET n = row"


def create_edges(rel_type: str, src: str, dst: str) -> str:
    """Neo4j: as :func:`create_nodes`, for edges the store does not hold (both ends locked,
    or created by this transaction, or known to the writer): rows of ``src``, ``dst`` and
    ``p``, the edge's declared properties. Returns how many it created:
    fewer than the rows when an end the writer knew was taken back by another process."""
    assert (src, dst) in RELS[rel_type].endpoints
    return (
        f"{_STABLE}UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}), (b:{dst} {{id: row.dst}}) "
        f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.p RETURN count(*) AS n"
    )


def _appended(p: Prop) -> str:
    """The merge rule of one edge property as a Cypher expression over the held value ``r``
    and the row's (either may be null: the other one stands, as in :mod:`graphkit.merge`)."""
    held, new = f"r.{p.name}", f"row.{p.name}"
    if p.merge == UNION:
        return (
            f"coalesce({held}, []) + [x IN coalesce({new}, []) WHERE NOT x IN coalesce({held}, [])]"
        )
    if p.merge in (MIN, MAX):
        wins = f"{new} < {held}" if p.merge == MIN else f"{new} > {held}"
        return f"CASE WHEN {held} IS NULL OR {wins} THEN {new} ELSE {held} END"
    raise ValueError(f"no append for the merge rule {p.merge!r} of {p.name}")


def append_edges(rel_type: str, src: str, dst: str) -> str:
    """Neo4j: merge rows into edges the store holds, by the schema's rules, on the server: a
    list gets the row's values it lacks, appended; a minimum or maximum is compared. What
    another load added meanwhile stays. The edge is locked (its ``kind`` set to itself)
    before its values are read. Returns how many edges it met."""
    assert (src, dst) in RELS[rel_type].endpoints
    merged = (p for p in REL_PROPS if p.merge not in (REPLACE, DERIVED))
    sets = ", ".join(f"r.{p.name} = {_appended(p)}" for p in merged)
    return (
        f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}})-[r:{rel_type}]->"
        f"(b:{dst} {{id: row.dst}}) SET r.kind = r.kind WITH a, r, b, row SET {sets} "
        f"WITH a, r, b SET {derived_sets('neo4j', rel_type)} RETURN count(*) AS n"
    )


def count_nodes(label: str) -> str:
    assert label in NODES
    return f"MATCH (n:{label}) RETURN count(n) AS c"


def count_edges(rel_type: str) -> str:
    assert rel_type in RELS
    return f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS c"


def stable_plans() -> list[str]:
    """Every statement that keeps its first plan (``CYPHER replan=skip``)."""
    out = [f(label) for label in NODES for f in (lock_read_nodes, create_nodes)]
    return out + [create_edges(r, s, d) for r, rel in RELS.items() for s, d in rel.endpoints]
