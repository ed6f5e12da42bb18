"""How batches are merged into Neo4j, where several loads may write at once.

One pass a transaction, counted as if the batches were written one by one. Three kinds of
item, each written the cheapest way that stays right when other loads write beside it:

- **known**: this load committed the item in an earlier transaction (:mod:`.neo4j_record`).
  Nothing is read. Versions that add nothing to what it wrote are not sent; an edge they add
  to is appended to on the server (:func:`~graphkit.store.statements.append_edges`). A
  known node that changes is read under lock like an unknown one (rare: names, aliases).
- **unknown nodes** are locked and read (``SET n.kind = n.kind`` takes the write lock, so a
  second load waits, then reads what the first wrote); the versions are merged here over
  what was read; new ones go in by a plain ``CREATE``, changed ones by a plain ``SET``.
- **unknown edges**: an edge touching a node this transaction creates is new without a
  read; an edge between held nodes is read with both ends locked (no other load can add it
  before this one commits), then created or set like a node.

The server and this process take turns as little as they can: every statement is sent
without waiting for its end (:data:`Send`), so that the server writes one label or edge shape
while the rows of the next are worked out here; the counts statements return are checked at
the end of the pass, before the commit.

A node another load created after the read breaks the uniqueness constraint, and a known
item another process took back makes a statement meet fewer items than it sent
(:class:`~graphkit.store.neo4j_record.StaleRecord`): the caller runs the transaction again,
the record forgotten in the second case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

from graphkit.batch import GraphBatch
from graphkit.merge import review_key
from graphkit.schema import NODES
from graphkit.store import statements as st
from graphkit.store.base import Runner, WriteResult
from graphkit.store.neo4j_record import Committed, StaleRecord
from graphkit.store.writing import Shape, Versions, _chunks, _Tally, _Versions

__all__ = ["Reply", "Send", "merge_on_server"]

Node = tuple[str, str]  # (label, id)


Reply = Callable[[], list[dict[str, Any]]]  # a sent statement's records, read when called
Send = Callable[[str, dict[str, Any]], Reply]  # sends a statement, returns without its end


def _eager(run: Runner) -> Send:
    """A :data:`Send` that waits for each statement (the default)."""

    def send(cypher: str, params: dict[str, Any]) -> Reply:
        rows = run(cypher, params)
        return lambda: rows

    return send


class _Sent:
    """Statements sent and not yet answered: the reads wanted later, and the writes whose
    counts are checked at the end of the pass."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.counted: list[tuple[Reply, int, str]] = []

    def locking(self, cypher: str, key: str, items: list[Any]) -> list[Reply]:
        """Lock and read ``items`` (node ids, or ``(src, dst)`` pairs), ``CHUNK`` at a
        time; each item is locked for writing before it is read."""
        return [
            self.send(cypher, {key: [list(i) for i in chunk] if key == "pairs" else chunk})
            for chunk in _chunks(items)
        ]

    def write(self, cypher: str, rows: list[dict[str, Any]], *, counted: bool = False) -> None:
        """Write ``rows``; with ``counted``, the statement returns how many items it met, and
        fewer than its rows (checked in :meth:`settle`) means an item the writer relied on
        is gone."""
        for chunk in _chunks(rows):
            reply = self.send(cypher, {"rows": chunk})
            if counted:
                self.counted.append((reply, len(chunk), cypher))

    def settle(self) -> None:
        for reply, sent, cypher in self.counted:
            if reply()[0]["n"] != sent:
                raise StaleRecord(cypher.split(" SET ", 1)[0])
        self.counted = []


def _held(replies: list[Reply], key: str) -> dict[Any, dict[str, Any]]:
    """The items the locking reads found, by id or ``(src, dst)``."""
    found: dict[Any, dict[str, Any]] = {}
    for reply in replies:
        for r in reply():
            found[r["id"] if key == "ids" else (r["src"], r["dst"])] = r
    return found


def _fold(tally: _Tally, old: dict[str, Any] | None, versions: Versions, node: bool) -> Any:
    """Count the versions over ``old`` (None: new to the store); the state after (every
    declared property, no other), and whether it differs from ``old``. A new item stated
    once is its one version as :class:`GraphBatch` built it (merged by the schema's rules
    already): the common case of a load, and no copy."""
    if old is None and len(versions) == 1 and versions[0][1].keys() == tally.declared:
        tally.count(versions, [True], node, new=True)
        return versions[0][1], True
    before, state, changes = tally.fold(old, versions)
    tally.count(versions, changes, node, new=old is None)
    return state, state != before


class _Pass:
    """One transaction's pass over the batches."""

    def __init__(self, send: Send, batches: list[GraphBatch], known: Committed) -> None:
        self.sent, self.known = _Sent(send), known
        self.v = _Versions(batches)
        self.fresh: set[Node] = set()  # nodes this transaction creates: none of their edges
        self.locked: set[Node] = set()  # nodes locked and read here (held or fresh)

    def lock_nodes(self, label: str, wanted: dict[str, Versions]) -> tuple[list[str], list[Reply]]:
        """The label's nodes the record does not settle, and the locking reads sent for them;
        versions that add nothing to what this load wrote are counted, not sent."""
        tally, known = self.v.node_tally[label], self.known
        unknown = []
        for node_id in sorted(wanted):  # one order for every load: fewer lock waits
            key = (label, node_id)
            old = known.get(key)
            if old is not None:
                before, state, changes = tally.fold(old, wanted[node_id])
                if state == before:  # adds nothing to what this load wrote: not sent
                    tally.count(wanted[node_id], changes, True, new=False)
                    known.note(key, old)
                    continue
            unknown.append(node_id)
        return unknown, self.sent.locking(st.lock_read_nodes(label), "ids", unknown)

    def nodes(
        self, label: str, wanted: dict[str, Versions], unknown: list[str], replies: list[Reply]
    ) -> None:
        """Merge the versions over what the locking reads found; send the new and changed."""
        tally = self.v.node_tally[label]
        held = _held(replies, "ids")
        new: list[dict[str, Any]] = []
        changed: list[dict[str, Any]] = []
        for node_id in unknown:
            old = held.get(node_id)
            state, differs = _fold(tally, old, wanted[node_id], True)
            self.known.note((label, node_id), state)
            if differs:
                (new if old is None else changed).append(state)
        self.locked.update((label, i) for i in unknown)
        self.fresh.update((label, i) for i in unknown if i not in held)
        self.sent.write(st.create_nodes(label), new)
        self.sent.write(st.write_nodes(label, "neo4j"), changed)

    def loose_ends(self) -> set[Node]:
        """Lock the edges' ends neither locked here nor known (the node writes above lock the
        rest); those the store does not hold either: their edges cannot be written."""
        ends: dict[str, set[str]] = defaultdict(set)
        for (_, src, dst), wanted in self.v.shapes():
            for s, d in wanted:
                for end in ((src, s), (dst, d)):
                    if end not in self.locked and self.known.get(end) is None:
                        ends[end[0]].add(end[1])
        return self._lock(ends, missing_ok=True)

    def _lock(self, ends: dict[str, set[str]], *, missing_ok: bool) -> set[Node]:
        missing: set[Node] = set()
        for label in NODES:
            if ends.get(label):
                ids = sorted(ends[label])
                held = _held(self.sent.locking(st.lock_read_nodes(label), "ids", ids), "ids")
                missing.update((label, i) for i in ids if i not in held)
                self.locked.update((label, i) for i in ids)
        if missing and not missing_ok:
            raise StaleRecord(f"nodes gone: {sorted(missing)[:3]}")
        return missing

    def edges(
        self, shape: Shape, wanted: dict[tuple[str, str], Versions], missing: set[Node]
    ) -> None:
        rel, src, dst = shape
        tally, known, fresh = self.v.edge_tally, self.known, self.fresh
        new, appended, read = [], [], []
        for p in sorted(wanted):
            versions = wanted[p]
            a, b = (src, p[0]), (dst, p[1])
            if a in missing or b in missing:  # matched nothing, as a lone report's would
                tally.count(versions, [False] * len(versions), False, new=False)
                continue
            key = (rel, src, p[0], dst, p[1])
            old = known.get(key)
            if old is not None:
                before, state, changes = tally.fold(old, versions)
                tally.count(versions, changes, False, new=False)
                known.note(key, state)
                if state != before:  # what the versions bring; the server adds what it lacks
                    brought = (
                        versions[0][1] if len(versions) == 1 else tally.fold(None, versions)[1]
                    )
                    appended.append({"src": p[0], "dst": p[1], **brought})
            elif a in fresh or b in fresh:
                state, _ = _fold(tally, None, versions, False)
                known.note(key, state)
                new.append({"src": p[0], "dst": p[1], "p": _keyed(state, shape, p)})
            else:
                read.append(p)
        # Ends known but not locked yet: locked now, so that no other load adds one of these
        # edges before this transaction commits.
        ends: dict[str, set[str]] = defaultdict(set)
        for s, d in read:
            for end in ((src, s), (dst, d)):
                if end not in self.locked:
                    ends[end[0]].add(end[1])
        self._lock(ends, missing_ok=False)
        held = _held(self.sent.locking(st.lock_read_edges(*shape), "pairs", read), "pairs")
        changed: list[dict[str, Any]] = []
        for p in read:
            old = held.get(p)
            state, differs = _fold(tally, old, wanted[p], False)
            known.note((rel, src, p[0], dst, p[1]), state)
            if differs and old is None:
                new.append({"src": p[0], "dst": p[1], "p": _keyed(state, shape, p)})
            elif differs:
                changed.append({"src": p[0], "dst": p[1], **_keyed(state, shape, p)})
        self.sent.write(st.create_edges(*shape), new, counted=True)
        self.sent.write(st.append_edges(*shape), appended, counted=True)
        self.sent.write(st.write_edges(*shape, "neo4j"), changed)


def _keyed(state: dict[str, Any], shape: Shape, pair: tuple[str, str]) -> dict[str, Any]:
    """An edge's merged state as written: with its ``review_key`` (the record of what a load
    committed keeps the state without it, as a merge gives it)."""
    _, src, dst = shape
    return {**state, "review_key": review_key(state, (src, pair[0]), (dst, pair[1]))}


def merge_on_server(
    run: Runner,
    batches: list[GraphBatch],
    known: Committed | None = None,
    *,
    send: Send | None = None,
) -> list[WriteResult]:
    """Merge several batches into Neo4j in one pass. Call it inside one transaction; with
    ``known`` (what this load committed before), call ``known.commit()`` once the store has
    committed, and ``known.clear()`` before running it again after :class:`StaleRecord`.
    ``send`` sends a statement without waiting for its end (by default ``run``, waiting)."""
    known = known if known is not None else Committed(cap=0)
    known.begin()
    p = _Pass(send or _eager(run), batches, known)
    # Every label's locking reads first: the server runs them while the first label's
    # versions are merged here.
    locks = [(label, wanted, *p.lock_nodes(label, wanted)) for label, wanted in p.v.labels()]
    for label, wanted, unknown, replies in locks:
        p.nodes(label, wanted, unknown, replies)
    missing = p.loose_ends()
    for shape, wanted_edges in p.v.shapes():
        p.edges(shape, wanted_edges, missing)
    p.sent.settle()
    return p.v.results()
