"""What a store holds, counted two ways: what reports say, and everything with the catalogs.

A node no report names (``reference``) and an edge that cites no report, or that touches such
a node, are catalog data: the same rule as :meth:`graphkit.graphdata.GraphData.reported_only`.
"""

from __future__ import annotations

from graphkit.catalog import CATALOG_SOURCES
from graphkit.schema import NODES, RELS
from graphkit.store.base import GraphStore

__all__ = ["Counts", "count_graph"]

# part ("nodes" or "relationships") → label or type → (what reports say, everything)
Counts = dict[str, dict[str, tuple[int, int]]]


def count_graph(store: GraphStore) -> Counts:
    """Nodes by label and relationships by type: (what reports say, with the catalogs)."""
    counts: Counts = {"nodes": {}, "relationships": {}}
    for label in NODES:
        [[reported, total]] = store.run(
            f"MATCH (n:{label}) "
            "RETURN count(CASE WHEN n.reference THEN NULL ELSE 1 END) AS reported, "
            "count(n) AS total"
        ).rows
        counts["nodes"][label] = (reported, total)
    for rel in RELS:
        [[reported, total]] = store.run(
            f"MATCH (a)-[r:{rel}]->(b) WITH a, r, b, $catalogs AS catalogs "
            "RETURN count(CASE WHEN NOT a.reference AND NOT b.reference "
            "AND any(s IN r.sources WHERE NOT s IN catalogs) THEN 1 ELSE NULL END) AS reported, "
            "count(r) AS total",
            {"catalogs": list(CATALOG_SOURCES)},
        ).rows
        counts["relationships"][rel] = (reported, total)
    return counts
