"""What every store is: the GraphStore protocol, what a write and a query return, counts.

How batches are written lives in :mod:`graphkit.store.writing`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from graphkit.batch import GraphBatch
from graphkit.schema import NODES, RELS
from graphkit.store import statements as st

__all__ = [
    "WRITE_REFUSED",
    "GraphStore",
    "QueryResult",
    "Runner",
    "WriteResult",
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
    dialect: str
    location: str

    def write_batch(self, batch: GraphBatch) -> WriteResult: ...

    def write_batches(
        self, batches: list[GraphBatch], *, before: Callable[[Runner], Any] | None = None
    ) -> list[WriteResult]: ...

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult: ...

    def stats(self) -> dict[str, dict[str, int]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...


def count_all(run: Runner) -> dict[str, dict[str, int]]:
    """Counts by node label and by relationship type, every one the schema declares."""
    nodes = {label: run(st.count_nodes(label), {})[0]["c"] for label in NODES}
    rels = {t: run(st.count_edges(t), {})[0]["c"] for t in RELS}
    return {"nodes": nodes, "relationships": rels}
