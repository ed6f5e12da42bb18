"""How the embedded store writes merged rows into LadybugDB, and the statements it uses.

Rows new to the store are created, never merged: the store is read first, and only one
process at a time writes to it, so a row read as absent stays absent until the transaction
commits. Into an empty store they go by ``COPY FROM`` an Arrow table (LadybugDB's bulk path,
two orders of magnitude faster than ``UNWIND``), elsewhere by ``LOAD FROM`` the same kind
of table ``... CREATE``: a transaction holding a ``COPY`` must be checkpointed at its commit
(the copied pages are not in the write-ahead log: a process killed before the checkpoint
leaves none of them), and a checkpoint rewrites every table the store holds, which costs
more than the ``COPY`` saves once the store is not empty (BENCHMARKS.md). A whole load into
an empty store does not come here group by group: its groups are merged in a scratch on
disk, by :class:`CopyWriter`'s reads and rows in :class:`graphkit.store.scratch.ScratchWriter`,
and each table is copied once at the end (:mod:`graphkit.store.first_load`; at 10k reports
the checkpoints of a load group by group were two thirds of it). What comes here is the rest:
a load into a store that holds rows, and the writes outside a load (a catalog, an unload).

Edges the store holds are read and set from their source, by ``LOAD FROM`` too; of their
lists (sources, evidence, claims: thousands of items on an actor's edges at 10k reports) only
the items the transaction states again are read, and the store appends the ones it does not
hold, so that the long lists never travel to Python and back. ``LOAD FROM`` an Arrow table
is a logged write like any other; against ``UNWIND $rows`` it saves
LadybugDB's Python binding from walking every value of every row to type the parameter (a
sixth of a 1k-report load) and from preparing the statement again whenever a column's values
change width.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyarrow as pa

from graphkit.batch import EdgeKey, GraphBatch
from graphkit.errors import StoreError
from graphkit.merge import review_key
from graphkit.schema import DERIVED, NODES, REL_PROPS, RELS, UNION, Prop
from graphkit.store import statements as st

__all__ = [
    "LISTS",
    "SCALARS",
    "CopyWriter",
    "arrow_schema",
    "check_rows",
    "create_edges",
    "create_nodes",
    "read_edges",
]

_ARROW = {
    "STRING": pa.string(),
    "STRING[]": pa.list_(pa.string()),
    "INT64": pa.int64(),
    "BOOL": pa.bool_(),
}
# Fewer rows than this go through LOAD FROM: a COPY has a fixed cost of its own.
COPY_FROM = 200
# Rows per statement, and list items (sources, evidence, claims) at most: an edge an actor
# holds carries thousands of them at 10k reports.
CHUNK = 2000
CHUNK_ITEMS = 40_000


def arrow_schema(props: tuple[Prop, ...], first: tuple[str, ...] = ()) -> pa.Schema:
    return pa.schema(
        [pa.field(name, pa.string()) for name in first]
        + [pa.field(p.name, _ARROW[p.type]) for p in props]
    )


def _columns(props: tuple[Prop, ...]) -> str:
    return ", ".join(p.name for p in props)


def _values(props: tuple[Prop, ...]) -> str:
    """A map literal of the row's properties: the scanned table's columns, typed by
    :func:`arrow_schema`."""
    return ", ".join(f"{p.name}: {p.name}" for p in props)


def create_nodes(label: str) -> str:
    return f"LOAD FROM $rows CREATE (n:{label} {{{_values(NODES[label].all_props)}}})"


def create_edges(rel_type: str, src: str, dst: str) -> str:
    """Create edges between nodes found by key. The ends are matched one after the other:
    matched in one pattern, LadybugDB planned a cross product of both tables."""
    assert (src, dst) in RELS[rel_type].endpoints
    return (
        f"LOAD FROM $rows MATCH (a:{src} {{id: src}}) WITH a, dst, {_columns(REL_PROPS)} "
        f"MATCH (b:{dst} {{id: dst}}) CREATE (a)-[r:{rel_type} {{{_values(REL_PROPS)}}}]->(b)"
    )


# The list properties of an edge (sources, evidence, claims): they grow with every report that
# states it again, to thousands of items on an actor's edges at 10k reports.
LISTS = tuple(p for p in REL_PROPS if p.merge == UNION)
SCALARS = tuple(p for p in REL_PROPS if p.merge not in (UNION, DERIVED))


def _asked(p: Prop) -> str:
    """The column of the items a transaction brings for list ``p`` of an edge."""
    return f"asked_{p.name}"


_ASKING = pa.schema(
    [pa.field("src", pa.string()), pa.field("dst", pa.string())]
    + [pa.field(_asked(p), pa.list_(pa.string())) for p in LISTS]
)


def read_edges(rel_type: str, src: str, dst: str) -> str:
    """The edges the store holds between the scanned rows' ``src`` and ``dst``: each scalar
    property whole, and of each list only those of the row's items (``asked_sources`` ...)
    that it already holds. That is all a merge needs to tell what the transaction adds, and
    what is read no longer grows with the store (BENCHMARKS.md, session 11). The source is
    found by its key and its own edges walked: with both ends given by key, LadybugDB built a
    hash table over the whole shape."""
    assert (src, dst) in RELS[rel_type].endpoints
    cols = [f"r.{p.name} AS {p.name}" for p in SCALARS]
    cols += [
        f"list_filter({_asked(p)}, x -> list_contains(r.{p.name}, x)) AS {p.name}" for p in LISTS
    ]
    cols += ["size(r.sources) AS held_n_", "r.sole_source AS held_sole_"]  # for sole_source
    return (
        f"LOAD FROM $rows MATCH (a:{src} {{id: src}}) "
        f"MATCH (a)-[r:{rel_type}]->(b:{dst}) WHERE b.id = dst "
        f"RETURN src, b.id AS dst, {', '.join(cols)}"
    )


def update_edges(rel_type: str, src: str, dst: str) -> str:
    """Set the properties of edges the store holds, found from their source (a ``MERGE``
    looks for the edge from whichever end the planner picks, and from a technique or a
    sector that is every edge into it). The scalars are set to the merged value; each list
    gets the row's items appended, only those it does not hold yet (:meth:`CopyWriter.edges`),
    so its long lists never travel to Python and back, and no item is looked up in them."""
    assert (src, dst) in RELS[rel_type].endpoints
    sets = [f"r.{p.name} = {p.name}" for p in SCALARS]
    sets += [f"r.{p.name} = {p.name}" for p in REL_PROPS if p.merge == DERIVED]
    sets += [f"r.{p.name} = list_concat(r.{p.name}, {p.name})" for p in LISTS]
    # No WITH between the clauses: LadybugDB cannot SET a value carried through one.
    return (
        f"LOAD FROM $rows MATCH (a:{src} {{id: src}}) "
        f"MATCH (a)-[r:{rel_type}]->(b:{dst}) WHERE b.id = dst SET {', '.join(sets)}"
    )


def update_nodes(label: str) -> str:
    props = NODES[label].all_props
    sets = ", ".join(f"n.{p.name} = {p.name}" for p in props if p.name != "id")
    return f"LOAD FROM $rows MATCH (n:{label} {{id: id}}) SET {sets}"


def check_rows(rows: list[dict[str, Any]], schema: pa.Schema) -> None:
    """Refuse the rows as a statement of them would be refused (:class:`StoreError`)."""
    for chunk in _chunks(rows):
        _table(chunk, schema)


def _table(rows: list[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    """The rows as an Arrow table of the columns' types; a value of another type is refused
    here, as LadybugDB refuses it in a statement (the transaction is rolled back)."""
    try:
        return pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowException, TypeError, ValueError) as exc:
        raise StoreError(f"write failed and was rolled back: {exc}") from None


def _chunks(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The rows cut into statements of at most CHUNK rows and about CHUNK_ITEMS list items."""
    out: list[list[dict[str, Any]]] = []
    chunk: list[dict[str, Any]] = []
    items = 0
    for row in rows:
        weight = 1 + sum(len(v) for v in row.values() if isinstance(v, list))
        if chunk and (len(chunk) >= CHUNK or items + weight > CHUNK_ITEMS):
            out.append(chunk)
            chunk, items = [], 0
        chunk.append(row)
        items += weight
    if chunk:
        out.append(chunk)
    return out


class CopyWriter:
    """Writes one transaction's merged rows (of ``batches``): new ones created (by ``COPY``
    when ``copy``), changed ones set. ``copied`` tells the store that a checkpoint must follow
    the commit."""

    def __init__(self, run: Any, execute: Any, batches: list[GraphBatch], *, copy: bool) -> None:
        self.run = run
        self.execute = execute
        self.batches = batches
        self.copy = copy
        self.copied = False
        # per held edge read: how many sources it holds, its sole source, and of each list the
        # asked items it holds
        self._held: dict[tuple[Any, ...], tuple[int, str, dict[str, frozenset[str]]]] = {}
        self._stated: dict[EdgeKey, list[dict[str, Any]]] | None = None

    def read_nodes(self, label: str, ids: list[str]) -> list[dict[str, Any]]:
        """The nodes of ``label`` the store holds among ``ids``, every property."""
        return self.run(st.read_nodes(label), {"ids": ids})

    def asked(
        self, shape: tuple[str, str, str], pairs: list[tuple[str, str]]
    ) -> list[dict[str, list[str]]]:
        """Per edge, each list's items as the batches state them: what a read looks for."""
        if self._stated is None:  # each edge's versions, gathered in one pass over the batches
            self._stated = defaultdict(list)
            for b in self.batches:
                for key, props in b.edges.items():
                    self._stated[key].append(props)
        rel, src, dst = shape
        out = []
        for s, d in pairs:
            versions = self._stated.get(EdgeKey(rel, src, s, dst, d), ())
            out.append({p.name: [i for v in versions for i in v.get(p.name) or ()] for p in LISTS})
        return out

    def _asking(self, shape: tuple[str, str, str], pairs: list[tuple[str, str]]) -> pa.Table:
        rows = [
            {"src": s, "dst": d, **{_asked(p): lists[p.name] for p in LISTS}}
            for (s, d), lists in zip(pairs, self.asked(shape, pairs), strict=True)
        ]
        return _table(rows, _ASKING)

    def read_edges(
        self, shape: tuple[str, str, str], pairs: list[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        """The edges between ``pairs`` that the store holds: their scalar properties, and of
        their lists the items that the batches state again (:func:`read_edges`)."""
        cypher = read_edges(*shape)
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for start in range(0, len(pairs), CHUNK):
            table = self._asking(shape, pairs[start : start + CHUNK])
            for r in self.run(cypher, {"rows": table}):
                pair = (r.pop("src"), r.pop("dst"))
                lists = {p.name: frozenset(r[p.name] or ()) for p in LISTS}
                self._held[(shape, *pair)] = (r.pop("held_n_"), r.pop("held_sole_"), lists)
                found[pair] = r
        return found

    def _appended(self, shape: tuple[str, str, str], row: dict[str, Any]) -> dict[str, Any]:
        """A changed held edge's row as its update sets it: of each list only the items the
        edge does not hold yet (the merge in Python saw only those the row asked about, the
        read told which of them it holds), and the derived ``sole_source`` once they are
        appended, from how many sources the edge holds and its sole one, and ``review_key``
        from it."""
        count, sole, held = self._held[(shape, row["src"], row["dst"])]
        out = dict(row)
        for p in LISTS:
            out[p.name] = [x for x in row[p.name] or () if x not in held[p.name]]
        added = out["sources"]
        if count + len(added) != 1:
            out["sole_source"] = ""
        else:
            out["sole_source"] = str(sole) if count == 1 else added[0]
        _, src, dst = shape
        out["review_key"] = review_key(out, (src, row["src"]), (dst, row["dst"]))
        return out

    def _scan(self, cypher: str, rows: list[dict[str, Any]], schema: pa.Schema) -> None:
        for chunk in _chunks(rows):
            self.execute(cypher, {"rows": _table(chunk, schema)})

    def nodes(self, label: str, new: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
        schema = arrow_schema(NODES[label].all_props)
        if self.copy and len(new) >= COPY_FROM:
            self.execute(f"COPY {label} FROM $rows", {"rows": _table(new, schema)})
            self.copied = True
        else:
            self._scan(create_nodes(label), new, schema)
        self._scan(update_nodes(label), changed, schema)

    def written(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """The edges' rows as they are written: ``review_key`` set on the new ones, and the
        changed ones as their update sets them (:meth:`_appended`)."""
        _, src, dst = shape
        for row in new:  # rows of their own, made by the merge
            row["review_key"] = review_key(row, (src, row["src"]), (dst, row["dst"]))
        return [self._appended(shape, row) for row in changed]

    def edges(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None:
        rel, src, dst = shape
        schema = arrow_schema(REL_PROPS, ("src", "dst"))
        appended = self.written(shape, new, changed)
        if self.copy and len(new) >= COPY_FROM:
            pairs = f" (from='{src}', to='{dst}')" if len(RELS[rel].endpoints) > 1 else ""
            self.execute(f"COPY {rel} FROM $rows{pairs}", {"rows": _table(new, schema)})
            self.copied = True
        else:
            self._scan(create_edges(*shape), new, schema)
        self._scan(update_edges(*shape), appended, schema)
