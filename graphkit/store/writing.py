"""How batches are written: merged by the schema's rules, inside the caller's transaction.

Two ways, one result. Both gather the versions of each node and edge that several reports
bring, and count what each report created, matched or changed as if the reports were written
one by one (:class:`WriteResult` per batch).

- :func:`apply_batches` (the embedded store, one writer at a time): read what the store holds,
  merge in Python (:mod:`graphkit.merge`), write only what is new or changed.
- :func:`merge_on_server` (Neo4j, where several loads may write at once): send the merged
  rows once; the server merges them into what it holds under its own locks, so two loads
  stating one fact at the same moment both leave their source, and it returns only what was
  new or changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any, Protocol

from graphkit.batch import GraphBatch
from graphkit.merge import merge_edge, merge_node
from graphkit.schema import NODES, RELS
from graphkit.store import statements as st
from graphkit.store.base import Runner, WriteResult

__all__ = ["CHUNK", "RowWriter", "apply_batches", "merge_on_server"]

# Rows per statement: large enough that a round trip carries real work, small enough that
# one statement's parameters stay a few megabytes.
CHUNK = 2000


def _chunks(items: list[Any], size: int = CHUNK) -> list[list[Any]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


class RowWriter(Protocol):
    """Reads the edges the store holds and writes merged rows inside the current
    transaction: new ones and changed ones."""

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

    def __init__(self, n: int, merge: Callable[[Any, dict[str, Any]], dict[str, Any]]) -> None:
        self.results = [WriteResult() for _ in range(n)]
        self.merge = merge

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

    def matched(self, versions: Versions, node: bool, *, updated: bool) -> None:
        """The store held the item. When it changed, every version counts as changing it:
        what the store held is not read back (a version brings its own report's source, new
        to the item unless that report was loaded before)."""
        for i, _ in versions:
            r = self.results[i]
            r.nodes_matched += node
            r.rels_matched += not node
            r.nodes_updated += node and updated
            r.rels_updated += (not node) and updated


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
        self.node_tally = {label: _Tally(self.n, partial(merge_node, label)) for label in NODES}
        self.edge_tally = _Tally(self.n, merge_edge)

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


def apply_batches(run: Runner, batches: list[GraphBatch], writer: RowWriter) -> list[WriteResult]:
    """Merge several batches in one pass (one read and one write per label and edge shape).

    Call it inside one transaction: ``run`` reads the nodes the store holds, ``writer`` its
    edges, and writes the merged rows, told which are new to the store and which change what
    it holds.
    """
    v = _Versions(batches)
    fresh: set[tuple[str, str]] = set()  # nodes new to the store: no edge of theirs is there
    for label, wanted in v.labels():
        tally = v.node_tally[label]
        existing: dict[str, dict[str, Any]] = {}
        for ids in _chunks(sorted(wanted)):
            existing.update({r["id"]: r for r in run(st.read_nodes(label), {"ids": ids})})
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


def _on_server(
    run: Runner,
    cypher: str,
    rows: list[dict[str, Any]],
    changes: list[list[bool]],
    versions: list[Versions],
    tally: _Tally,
    node: bool,
) -> None:
    """Send merged rows; count each item from what the server says was new or changed."""
    for start in range(0, len(rows), CHUNK):
        chunk = [{**row, "i": start + n} for n, row in enumerate(rows[start : start + CHUNK])]
        [answer] = run(cypher, {"rows": chunk})
        created, changed = set(answer["created"]), set(answer["changed"])
        for i in range(start, start + len(chunk)):
            if i in created:
                tally.count(versions[i], changes[i], node, new=True)
            else:
                tally.matched(versions[i], node, updated=i in changed)


def _held(run: Runner, cypher: str, key: str, items: list[Any]) -> set[Any]:
    """Which of ``items`` the store holds, read ``CHUNK`` at a time."""
    found: set[Any] = set()
    for chunk in _chunks(items):
        rows = run(cypher, {key: chunk})
        found.update(r["id"] if key == "ids" else (r["src"], r["dst"]) for r in rows)
    return found


def _split_send(
    run: Runner,
    statements: tuple[str, str],
    keys: list[Any],
    held: set[Any],
    wanted: dict[Any, Versions],
    tally: _Tally,
    node: bool,
) -> None:
    """Write the items of ``keys`` (sorted): the new ones by a plain ``CREATE`` of the state
    their versions merge to, counted here; the held ones merged by the server."""
    create, merge = statements
    new_rows, held_keys = [], []
    for key in keys:
        if key in held:
            held_keys.append(key)
            continue
        _, state, changes = tally.fold(None, wanted[key])
        tally.count(wanted[key], changes, node, new=True)
        new_rows.append(state if node else {"src": key[0], "dst": key[1], **state})
    for chunk in _chunks(new_rows):
        run(create, {"rows": chunk})
    versions = [wanted[k] for k in held_keys]
    folds = [tally.fold(None, vs) for vs in versions]
    rows = [
        state if node else {"src": k[0], "dst": k[1], **state}
        for k, (_, state, _) in zip(held_keys, folds, strict=True)
    ]
    _on_server(run, merge, rows, [c for _, _, c in folds], versions, tally, node)


def merge_on_server(run: Runner, batches: list[GraphBatch]) -> list[WriteResult]:
    """Merge several batches into Neo4j in one pass. Call it inside one transaction.

    Each item's versions are merged once, here. Per label, one read of which ids the store
    holds: new nodes are created plainly (the row is already their merged state), held ones
    merged by the server under its locks (``statements.merge_nodes``), so two loads stating
    one fact both leave their source. Per edge shape likewise; the edges read are only those
    between held nodes, whose write locks this transaction took when it merged them, so no
    other load can add the same edge between the read and the commit. An edge with an end
    the batches do not carry is merged by the server, as before.

    A node another load created after the read breaks the uniqueness constraint: the caller
    runs the transaction again, and the read then finds it.
    """
    v = _Versions(batches)
    carried = {(label, i) for label, wanted in v.labels() for i in wanted}
    fresh: set[tuple[str, str]] = set()  # nodes this transaction creates: none of their edges
    for label, wanted in v.labels():
        ids = sorted(wanted)  # one order for every load: fewer lock waits between them
        held = _held(run, st.held_nodes(label), "ids", ids)
        fresh.update((label, i) for i in ids if i not in held)
        statements = (st.create_nodes(label), st.merge_nodes(label))
        _split_send(run, statements, ids, held, wanted, v.node_tally[label], True)
    for shape, wanted_edges in v.shapes():
        _, src, dst = shape
        pairs = sorted(wanted_edges)
        # Both ends carried by the batches and held: locked above, read here. An end not
        # carried is not locked: its edges go to the server's merge, which locks for itself.
        loose = {p for p in pairs if (src, p[0]) not in carried or (dst, p[1]) not in carried}
        both_held = [
            p
            for p in pairs
            if p not in loose and (src, p[0]) not in fresh and (dst, p[1]) not in fresh
        ]
        held = _held(run, st.held_edges(*shape), "pairs", [list(p) for p in both_held]) | loose
        statements = (st.create_edges(*shape), st.merge_edges(*shape))
        _split_send(run, statements, pairs, held, wanted_edges, v.edge_tally, False)
    return v.results()
