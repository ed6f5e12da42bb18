"""How batches are written: merged by the schema's rules, inside the caller's transaction.

Two ways, one result. Both gather the versions of each node and edge that several reports
bring (:class:`_Versions`), and count what each report created, matched or changed as if the
reports were written one by one (:class:`WriteResult` per batch, :class:`_Tally`).

- :func:`apply_batches` (the embedded store, one writer at a time): read what the store holds,
  merge in Python (:mod:`graphkit.merge`), write only what is new or changed.
- :func:`graphkit.store.neo4j_write.merge_on_server` (Neo4j, where several loads may write at
  once): the same, with each item the store holds locked before it is read, and what the load
  committed itself neither read nor rewritten.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from graphkit.batch import GraphBatch
from graphkit.merge import merge_edge, merge_node
from graphkit.schema import NODES, REL_PROPS, RELS
from graphkit.store.base import WriteResult

__all__ = ["CHUNK", "RowWriter", "apply_batches"]

# Rows per statement: large enough that a round trip carries real work, small enough that
# one statement's parameters stay a few megabytes.
CHUNK = 2000


def _chunks(items: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class RowWriter(Protocol):
    """Reads the nodes and edges the store holds and writes merged rows inside the current
    transaction: new ones and changed ones."""

    def read_nodes(self, label: str, ids: list[str]) -> list[dict[str, Any]]: ...

    def read_edges(
        self, shape: tuple[str, str, str], pairs: list[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, Any]]: ...

    def nodes(
        self, label: str, new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None: ...

    def edges(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None: ...


Versions = list[tuple[int, dict[str, Any]]]  # (which batch, its props), in batch order
Shape = tuple[str, str, str]  # relationship type, source label, target label


class _Tally:
    """Replays each batch over the store's state in order: what each one created or changed."""

    def __init__(
        self, n: int, merge: Callable[[Any, dict[str, Any]], dict[str, Any]], declared: set[str]
    ) -> None:
        self.results = [WriteResult() for _ in range(n)]
        self.merge = merge
        self.declared = declared  # the properties a merged state holds

    def fold(
        self, old: dict[str, Any] | None, versions: Versions
    ) -> tuple[dict[str, Any] | None, dict[str, Any], list[bool]]:
        """Merge the versions over ``old`` in order: the state before, the state after, and
        whether each version changed it. Nothing is counted."""
        state = None if old is None else self.merge(None, old)
        before, changes = state, []
        for _, props in versions:
            merged = self.merge(state, props)
            changes.append(merged != state)
            state = merged
        assert state is not None
        return before, state, changes

    def count(self, versions: Versions, changes: list[bool], node: bool, *, new: bool) -> None:
        """Count each version: the first creates the item when it is ``new`` to the store,
        every other one matches it, and updates it where it changed it."""
        for n, ((i, _), changed) in enumerate(zip(versions, changes, strict=True)):
            r = self.results[i]
            if new and n == 0:
                r.nodes_created += node
                r.rels_created += not node
            else:
                r.nodes_matched += node
                r.rels_matched += not node
                r.nodes_updated += node and changed
                r.rels_updated += (not node) and changed

    def replay(
        self, old: dict[str, Any] | None, versions: Versions, node: bool
    ) -> dict[str, Any] | None:
        """Count the versions; the merged item to write, or None when the store already
        holds it as it would be."""
        before, state, changes = self.fold(old, versions)
        self.count(versions, changes, node, new=old is None)
        return None if state == before else state


class _Versions:
    """Every node and edge of the batches, with the versions each batch brings."""

    def __init__(self, batches: list[GraphBatch]) -> None:
        self.n = len(batches)
        self.nodes: dict[str, dict[str, Versions]] = defaultdict(dict)
        self.edges: dict[Shape, dict[tuple[str, str], Versions]] = defaultdict(dict)
        for i, batch in enumerate(batches):
            for (label, node_id), props in batch.nodes.items():
                self.nodes[label].setdefault(node_id, []).append((i, props))
            for k, props in batch.edges.items():
                shape = (k.type, k.src_label, k.dst_label)
                self.edges[shape].setdefault((k.src, k.dst), []).append((i, props))
        self.node_tally = {
            label: _Tally(
                self.n, partial(merge_node, label), {p.name for p in NODES[label].all_props}
            )
            for label in NODES
        }
        self.edge_tally = _Tally(self.n, merge_edge, {p.name for p in REL_PROPS})

    def labels(self) -> list[tuple[str, dict[str, Versions]]]:
        """Node labels in the schema's order (deterministic, and nodes before edges)."""
        return [(label, self.nodes[label]) for label in NODES if self.nodes.get(label)]

    def shapes(self) -> list[tuple[Shape, dict[tuple[str, str], Versions]]]:
        return [
            ((rel_type, s, d), self.edges[(rel_type, s, d)])
            for rel_type, rel in RELS.items()
            for s, d in rel.endpoints
            if self.edges.get((rel_type, s, d))
        ]

    def results(self) -> list[WriteResult]:
        results = self.edge_tally.results
        for tally in self.node_tally.values():
            for total, part in zip(results, tally.results, strict=True):
                total.add(part)
        return results


def apply_batches(batches: list[GraphBatch], writer: RowWriter) -> list[WriteResult]:
    """Merge several batches in one pass (one read and one write per label and edge shape).

    Call it inside one transaction: ``writer`` reads the nodes and edges the store holds,
    and writes the merged rows, told which are new to the store and which change what it
    holds.
    """
    v = _Versions(batches)
    fresh: set[tuple[str, str]] = set()  # nodes new to the store: no edge of theirs is there
    for label, wanted in v.labels():
        tally = v.node_tally[label]
        existing: dict[str, dict[str, Any]] = {}
        for ids in _chunks(sorted(wanted)):
            existing.update({r["id"]: r for r in writer.read_nodes(label, ids)})
        new: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for node_id in sorted(wanted):
            old = existing.get(node_id)
            merged = tally.replay(old, wanted[node_id], node=True)
            if merged is not None:
                (new if old is None else changed).append(merged)
            if old is None:
                fresh.add((label, node_id))
        writer.nodes(label, new, changed)
    for shape, wanted_edges in v.shapes():
        _, src, dst = shape
        held = [(s, d) for s, d in wanted_edges if (src, s) not in fresh and (dst, d) not in fresh]
        found = writer.read_edges(shape, sorted(held))
        new, changed = [], []
        for s, d in sorted(wanted_edges):
            old = found.get((s, d))
            merged = v.edge_tally.replay(old, wanted_edges[(s, d)], node=False)
            if merged is not None:
                (new if old is None else changed).append({"src": s, "dst": d, **merged})
        writer.edges(shape, new, changed)
    return v.results()
