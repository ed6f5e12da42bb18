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

from graphkit.batch import GraphBatch
from graphkit.merge import merge_edge, merge_node
from graphkit.schema import NODES, RELS
from graphkit.store import statements as st

__all__ = [
    "WRITE_REFUSED",
    "GraphStore",
    "QueryResult",
    "RowWriter",
    "Runner",
    "UnwindWriter",
    "WriteResult",
    "apply_batch",
    "apply_batches",
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


class RowWriter(Protocol):
    """Writes merged rows inside the current transaction: new ones and changed ones."""

    def nodes(
        self, label: str, new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None: ...

    def edges(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None: ...


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

    def write_batches(self, batches: list[GraphBatch]) -> list[WriteResult]: ...

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult: ...

    def stats(self) -> dict[str, dict[str, int]]: ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...


# Rows per statement: large enough that a round trip carries real work, small enough that
# one statement's parameters stay a few megabytes.
CHUNK = 2000


def _chunks(items: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class UnwindWriter:
    """Writes merged rows by ``UNWIND $rows ... MERGE ... SET``, new and changed alike."""

    def __init__(self, run: Runner, dialect: str) -> None:
        self.run = run
        self.dialect = dialect

    def nodes(self, label: str, new: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
        for chunk in _chunks(new + changed):
            self.run(st.write_nodes(label, self.dialect), {"rows": chunk})

    def edges(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None:
        for chunk in _chunks(new + changed):
            self.run(st.write_edges(*shape, self.dialect), {"rows": chunk})


def apply_batch(run: Runner, batch: GraphBatch, dialect: str) -> WriteResult:
    """Merge a batch into the store that ``run`` talks to; call it inside one transaction."""
    return apply_batches(run, [batch], UnwindWriter(run, dialect))[0]


class _Tally:
    """Replays each batch over the store's state in order: what each one created or changed."""

    def __init__(self, n: int, merge: Callable[[Any, dict[str, Any]], dict[str, Any]]) -> None:
        self.results = [WriteResult() for _ in range(n)]
        self.merge = merge

    def replay(
        self, old: dict[str, Any] | None, versions: list[tuple[int, dict[str, Any]]], node: bool
    ) -> dict[str, Any] | None:
        """The merged item to write, or None when the store already holds it as it would be."""
        state = None if old is None else self.merge(None, old)
        before = state
        for i, props in versions:
            merged = self.merge(state, props)
            r = self.results[i]
            if state is None:
                r.nodes_created += node
                r.rels_created += not node
            else:
                r.nodes_matched += node
                r.rels_matched += not node
                if merged != state:
                    r.nodes_updated += node
                    r.rels_updated += not node
            state = merged
        return None if state == before else state


def apply_batches(run: Runner, batches: list[GraphBatch], writer: RowWriter) -> list[WriteResult]:
    """Merge several batches in one pass (one read and one write per label and edge shape).

    Call it inside one transaction: ``run`` reads what the store holds, ``writer`` writes the
    merged rows, told which are new to the store and which change what it holds. Each batch
    gets its own :class:`WriteResult`, counted as if the batches were written one by one.
    """
    node_versions: dict[str, dict[str, list[tuple[int, dict[str, Any]]]]] = defaultdict(dict)
    edge_versions: dict[tuple[str, str, str], dict[tuple[str, str], list]] = defaultdict(dict)
    for i, batch in enumerate(batches):
        for (label, node_id), props in batch.nodes.items():
            node_versions[label].setdefault(node_id, []).append((i, props))
        for k, props in batch.edges.items():
            edge_versions[(k.type, k.src_label, k.dst_label)].setdefault((k.src, k.dst), [])
            edge_versions[(k.type, k.src_label, k.dst_label)][(k.src, k.dst)].append((i, props))
    tally_nodes: dict[str, _Tally] = {}
    for label in NODES:  # the schema's order: deterministic, and nodes before their edges
        wanted = node_versions.get(label)
        if not wanted:
            continue
        tally = tally_nodes[label] = _Tally(
            len(batches), lambda old, new, label=label: merge_node(label, old, new)
        )
        existing: dict[str, dict[str, Any]] = {}
        for ids in _chunks(sorted(wanted)):
            existing.update({r["id"]: r for r in run(st.read_nodes(label), {"ids": ids})})
        new, changed = [], []
        for node_id in sorted(wanted):
            old = existing.get(node_id)
            merged = tally.replay(old, wanted[node_id], node=True)
            if merged is not None:
                (new if old is None else changed).append(merged)
        writer.nodes(label, new, changed)
    tally_edges = _Tally(len(batches), merge_edge)
    for rel_type, rel in RELS.items():
        for src_label, dst_label in rel.endpoints:
            wanted_edges = edge_versions.get((rel_type, src_label, dst_label))
            if not wanted_edges:
                continue
            found: dict[tuple[str, str], dict[str, Any]] = {}
            pairs = [{"src": s, "dst": d} for s, d in sorted(wanted_edges)]
            for chunk in _chunks(pairs):
                for r in run(st.read_edges(rel_type, src_label, dst_label), {"pairs": chunk}):
                    found[(r.pop("src"), r.pop("dst"))] = r
            new, changed = [], []
            for s, d in sorted(wanted_edges):
                old = found.get((s, d))
                merged = tally_edges.replay(old, wanted_edges[(s, d)], node=False)
                if merged is not None:
                    (new if old is None else changed).append({"src": s, "dst": d, **merged})
            writer.edges((rel_type, src_label, dst_label), new, changed)
    results = tally_edges.results
    for tally in tally_nodes.values():
        for total, part in zip(results, tally.results, strict=True):
            total.add(part)
    return results


def count_all(run: Runner) -> dict[str, dict[str, int]]:
    """Counts by node label and by relationship type, every one the schema declares."""
    nodes = {label: run(st.count_nodes(label), {})[0]["c"] for label in NODES}
    rels = {t: run(st.count_edges(t), {})[0]["c"] for t in RELS}
    return {"nodes": nodes, "relationships": rels}
