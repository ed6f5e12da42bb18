"""The Cypher a store writes and counts with, generated from the schema.

Labels and relationship types come only from the schema; every value is a ``$parameter``.
The two backends differ in one place: LadybugDB needs a ``CAST`` so that a column of nulls or
empty lists binds to the declared type, where Neo4j takes the value as it is.
"""

from __future__ import annotations

from graphkit.schema import KEEP, MIN, NODES, REL_PROPS, RELS, REPLACE, UNION, Prop

__all__ = [
    "count_edges",
    "count_nodes",
    "create_edges",
    "create_nodes",
    "held_edges",
    "held_nodes",
    "lock_nodes",
    "merge_edges",
    "merge_nodes",
    "read_nodes",
    "write_edges",
    "write_nodes",
]


def _value(p: Prop, dialect: str) -> str:
    return f"CAST(row.{p.name} AS {p.type})" if dialect == "ladybug" else f"row.{p.name}"


def read_nodes(label: str) -> str:
    cols = ", ".join(f"n.{p.name} AS {p.name}" for p in NODES[label].all_props)
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


def _merged(var: str, p: Prop) -> str:
    """Neo4j Cypher for one property merged by its rule, as graphkit.merge does in Python."""
    old, new = f"{var}.{p.name}", f"row.{p.name}"
    if p.merge == UNION:
        return (
            f"coalesce({old}, []) + [x IN coalesce({new}, []) WHERE NOT x IN coalesce({old}, [])]"
        )
    if p.merge == REPLACE:
        return f"coalesce({new}, {old})"
    if p.merge == KEEP:
        return f"coalesce({old}, {new})"
    pick = "<" if p.merge == MIN else ">"
    return f"CASE WHEN {old} IS NULL OR {new} {pick} {old} THEN {new} ELSE {old} END"


def _merge_tail(var: str, props: tuple[Prop, ...]) -> str:
    sets = ", ".join(f"{var}.{p.name} = {_merged(var, p)}" for p in props if p.name != "id")
    return (
        f"WITH row, {var}, properties({var}) AS before SET {sets} "
        f"RETURN collect(CASE WHEN before.kind IS NULL THEN row.i END) AS created, "
        f"collect(CASE WHEN before.kind IS NOT NULL AND before <> properties({var}) "
        f"THEN row.i END) AS changed"
    )


def merge_nodes(label: str) -> str:
    """Neo4j: merge rows into nodes on the server, under its locks (concurrent loads lose
    nothing). One row back: the ``i`` of the rows that were new, and of those that changed
    what was there."""
    head = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
    return head + _merge_tail("n", NODES[label].all_props)


def merge_edges(rel_type: str, src: str, dst: str) -> str:
    """Neo4j: as :func:`merge_nodes`, for one edge shape; rows carry ``src`` and ``dst``."""
    assert (src, dst) in RELS[rel_type].endpoints
    head = (
        f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}), (b:{dst} {{id: row.dst}}) "
        f"MERGE (a)-[r:{rel_type}]->(b) "
    )
    return head + _merge_tail("r", REL_PROPS)


def held_nodes(label: str) -> str:
    """Neo4j: which of ``$ids`` the store holds (ids only: the cheapest read of the index)."""
    assert label in NODES
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN n.id AS id"


def held_edges(rel_type: str, src: str, dst: str) -> str:
    """Neo4j: which of the ``$pairs`` (``[src, dst]``) the store holds an edge of this shape
    between. Read with both ends locked (:func:`lock_nodes`), the answer holds until commit."""
    assert (src, dst) in RELS[rel_type].endpoints
    return (
        f"UNWIND $pairs AS p MATCH (a:{src} {{id: p[0]}})-[:{rel_type}]->(b:{dst} {{id: p[1]}}) "
        "RETURN DISTINCT a.id AS src, b.id AS dst"
    )


def lock_nodes(label: str) -> str:
    """Neo4j: take the write lock on each of ``$ids`` until commit. Setting a property to its
    own value changes nothing but takes the lock; another writer waits for it."""
    assert label in NODES
    return f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) SET n.id = n.id"


def create_nodes(label: str) -> str:
    """Neo4j: create new nodes from rows that are already the merged state (no merge rules,
    nothing read). A node another writer created meanwhile breaks the uniqueness constraint:
    the caller runs the transaction again."""
    sets = ", ".join(f"n.{p.name} = row.{p.name}" for p in NODES[label].all_props if p.name != "id")
    return f"UNWIND $rows AS row CREATE (n:{label} {{id: row.id}}) SET {sets}"


def create_edges(rel_type: str, src: str, dst: str) -> str:
    """Neo4j: as :func:`create_nodes`, for edges the store does not hold (both ends locked)."""
    assert (src, dst) in RELS[rel_type].endpoints
    sets = ", ".join(f"r.{p.name} = row.{p.name}" for p in REL_PROPS)
    return (
        f"UNWIND $rows AS row MATCH (a:{src} {{id: row.src}}), (b:{dst} {{id: row.dst}}) "
        f"CREATE (a)-[r:{rel_type}]->(b) SET {sets}"
    )


def count_nodes(label: str) -> str:
    assert label in NODES
    return f"MATCH (n:{label}) RETURN count(n) AS c"


def count_edges(rel_type: str) -> str:
    assert rel_type in RELS
    return f"MATCH ()-[r:{rel_type}]->() RETURN count(r) AS c"
