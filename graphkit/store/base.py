"""What every store does: the GraphStore protocol and the one way a batch is written.

A batch is written in one transaction: read what exists of its nodes and edges, merge by the
schema's rules (:mod:`graphkit.merge`) in Python, write only what changed. The same logic runs
on both backends; only the transaction and the dialect of two statements differ.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphkit.build import GraphBatch
from graphkit.merge import merge_edge, merge_node
from graphkit.schema import NODES, RELS
from graphkit.store import statements as st

__all__ = [
    "WRITE_REFUSED",
    "GraphStore",
    "QueryResult",
    "Runner",
    "WriteResult",
    "apply_batch",
    "count_all",
]

WRITE_REFUSED = "the query would write to the store: refused in read mode (add --write to allow it)"

# Runs one statement with parameters inside the current transaction; returns rows as dicts.
Runner = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


@dataclass
class WriteResult:
    """What one write did: created items are new, matched ones were there (maybe updated)."""

    nodes_created: int = 0
    nodes_matched: int = 0
    nodes_updated: int = 0
    rels_created: int = 0
    rels_matched: int = 0
    rels_updated: int = 0

    def add(self, other: WriteResult) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def changed(self) -> bool:
        return bool(
            self.nodes_created or self.nodes_updated or self.rels_created or self.rels_updated
        )


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class GraphStore(Protocol):
    """A graph store: the embedded LadybugDB or a Neo4j server."""

    backend: str
    location: str

    def write_batch(self, batch: GraphBatch) -> WriteResult: ...

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult: ...

    def stats(self) -> dict[str, dict[str, int]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...


def _chunks(items: list[Any], size: int = 1000) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def apply_batch(run: Runner, batch: GraphBatch, dialect: str) -> WriteResult:
    """Merge a batch into the store that ``run`` talks to; call it inside one transaction."""
    result = WriteResult()
    by_label: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for (label, node_id), props in batch.nodes.items():
        by_label[label][node_id] = props
    for label in NODES:  # the schema's order: deterministic
        wanted = by_label.get(label)
        if not wanted:
            continue
        existing: dict[str, dict[str, Any]] = {}
        for ids in _chunks(sorted(wanted)):
            existing.update({r["id"]: r for r in run(st.read_nodes(label), {"ids": ids})})
        rows = []
        for node_id, props in sorted(wanted.items()):
            old = existing.get(node_id)
            merged = merge_node(label, old, props)
            if old is None:
                result.nodes_created += 1
                rows.append(merged)
            else:
                result.nodes_matched += 1
                if merged != merge_node(label, None, old):
                    result.nodes_updated += 1
                    rows.append(merged)
        for chunk in _chunks(rows):
            run(st.write_nodes(label, dialect), {"rows": chunk})

    by_shape: dict[tuple[str, str, str], dict[tuple[str, str], dict[str, Any]]] = defaultdict(dict)
    for k, props in batch.edges.items():
        by_shape[(k.type, k.src_label, k.dst_label)][(k.src, k.dst)] = props
    for rel_type, rel in RELS.items():
        for src_label, dst_label in rel.endpoints:
            wanted_edges = by_shape.get((rel_type, src_label, dst_label))
            if not wanted_edges:
                continue
            found: dict[tuple[str, str], dict[str, Any]] = {}
            pairs = [{"src": s, "dst": d} for s, d in sorted(wanted_edges)]
            for chunk in _chunks(pairs):
                for r in run(st.read_edges(rel_type, src_label, dst_label), {"pairs": chunk}):
                    found[(r.pop("src"), r.pop("dst"))] = r
            rows = []
            for (s, d), props in sorted(wanted_edges.items()):
                old = found.get((s, d))
                merged = merge_edge(old, props)
                if old is None:
                    result.rels_created += 1
                    rows.append({"src": s, "dst": d, **merged})
                else:
                    result.rels_matched += 1
                    if merged != merge_edge(None, old):
                        result.rels_updated += 1
                        rows.append({"src": s, "dst": d, **merged})
            for chunk in _chunks(rows):
                run(st.write_edges(rel_type, src_label, dst_label, dialect), {"rows": chunk})
    return result


def count_all(run: Runner) -> dict[str, dict[str, int]]:
    """Counts by node label and by relationship type, every one the schema declares."""
    nodes = {label: run(st.count_nodes(label), {})[0]["c"] for label in NODES}
    rels = {t: run(st.count_edges(t), {})[0]["c"] for t in RELS}
    return {"nodes": nodes, "relationships": rels}
