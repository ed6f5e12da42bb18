"""A first load into an empty embedded store: merged in a scratch on disk, written once by COPY.

Into a store that holds rows, each of a load's transactions is logged, and LadybugDB must
checkpoint before its page cache fills with the commits (BENCHMARKS.md): a checkpoint rewrites
every table the store holds, so a load pays for the store's size again and again (at 10k
reports, two thirds of the load). Into an empty one, the load's groups are merged instead into
a SQLite database in a temporary directory of the store's (:class:`Scratch`), by the same code
and rules as into the store (:func:`graphkit.store.writing.apply_batches`, with a
:class:`ScratchWriter` where the store has its :class:`~graphkit.store.bulk.CopyWriter`): what
the scratch holds is read back for the group's keys, merged in Python, and what is new or
changed written back, a group all or nothing. At the end every table is written once, into a
Parquet file and from it into LadybugDB by ``COPY``, all in one transaction, then checkpointed
once (:meth:`Scratch.copy_into`).

An edge's lists (sources, evidence, claims) are held item by item, in order, so that a group
reads of them only the items it states again, as from the store: the scratch holds what the
store would, in the same order, and the store it leaves is the one a load group by group
leaves (``tests/test_first_load.py`` compares the two).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from graphkit.batch import GraphBatch
from graphkit.errors import StoreError
from graphkit.schema import NODES, REL_PROPS, RELS
from graphkit.store.base import WriteResult
from graphkit.store.bulk import LISTS, SCALARS, CopyWriter, arrow_schema, check_rows
from graphkit.store.writing import apply_batches

__all__ = ["COPYING", "PREFIX", "FirstLoad", "Scratch", "ScratchWriter"]

# The scratch's directory in the store's: one a killed load left is removed by the next
# writer, and what it copied undone if it holds this file (graphkit.store.first_load).
PREFIX = ".graphkit-first-load-"
COPYING = "copying"
SHAPES = [(rel, src, dst) for rel, r in RELS.items() for src, dst in r.endpoints]
_SHAPE = {shape: n for n, shape in enumerate(SHAPES)}
_OTHERS = tuple(p.name for p in REL_PROPS if p not in LISTS)  # scalars and derived
_SOURCES = [p.name for p in LISTS].index("sources")
# Rows of a Parquet row group, and list items at most (an actor's edges hold thousands).
GROUP_ROWS = 20_000
GROUP_ITEMS = 200_000
# Rows of one COPY, and list items at most: each is a transaction of its own, checkpointed
# (all of a 10k-report load's tables in one transaction filled a 320 MB page cache).
FILE_ROWS = 200_000
FILE_ITEMS = 2_000_000
# Keys a statement asks for at once (SQLite's limit on parameters is higher).
KEYS = 500
# SQLite's page cache, in KiB: its memory is the load's, bounded as LadybugDB's is.
CACHE_KB = 65_536

_TABLES = """
CREATE TABLE nodes (label TEXT, id TEXT, props TEXT, PRIMARY KEY (label, id)) WITHOUT ROWID;
CREATE TABLE edges (shape INTEGER, src TEXT, dst TEXT, props TEXT, sizes TEXT,
                    PRIMARY KEY (shape, src, dst)) WITHOUT ROWID;
CREATE TABLE items (shape INTEGER, src TEXT, dst TEXT, list INTEGER, pos INTEGER, item TEXT,
                    PRIMARY KEY (shape, src, dst, list, pos)) WITHOUT ROWID;
CREATE UNIQUE INDEX held ON items (shape, src, dst, list, item);
"""


@dataclass
class FirstLoad:
    """Whether a first load went through a scratch (``active``), and whether what it merged
    is in the store (``written``): if not, none of it is."""

    active: bool = False
    written: bool = False


def _plain(path: Path) -> bool:
    """Whether ``path`` can stand in a Cypher string literal as it is (COPY takes a file's
    name only as a literal, not as a parameter)."""
    return not any(c in str(path) for c in "'\\\n")


class Scratch:
    """The merged rows of a first load, on disk until :meth:`copy_into` writes them."""

    def __init__(self, store_dir: Path) -> None:
        where = store_dir if _plain(store_dir.resolve()) else None
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=where)).resolve()
        self.db = sqlite3.connect(self.path / "rows.sqlite", isolation_level=None)
        # Nothing in it outlives the process: no need to survive a crash.
        for pragma in ("synchronous = OFF", f"cache_size = -{CACHE_KB}", "temp_store = FILE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_TABLES)
        self.rows = 0

    def write(self, batches: list[GraphBatch]) -> list[WriteResult]:
        """Merge the batches into the scratch, all of them or none."""
        self.db.execute("BEGIN")
        try:
            results = apply_batches(batches, ScratchWriter(self.db, batches))
        except sqlite3.Error as exc:  # the disk full, say
            self.db.execute("ROLLBACK")
            raise StoreError(f"write failed and was rolled back: {exc}") from None
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        self.rows += sum(len(b.nodes) + len(b.edges) for b in batches)
        return results

    def copies(self) -> Iterator[str]:
        """The ``COPY`` statements that write the scratch into LadybugDB, each from a Parquet
        file of at most FILE_ROWS rows and FILE_ITEMS list items, written just before it is
        asked for and removed after: node tables first, then the relationships. The Report
        nodes go in without their file's hash (:meth:`hashes`)."""
        for label in NODES:
            schema = arrow_schema(NODES[label].all_props)
            for path in self._files(label, schema, self._nodes(label)):
                yield f"COPY {label} FROM '{path}'"
                path.unlink()
        for n, (rel, src, dst) in enumerate(SHAPES):
            schema = arrow_schema(REL_PROPS, ("src", "dst"))
            ends = f" (from='{src}', to='{dst}')" if len(RELS[rel].endpoints) > 1 else ""
            for path in self._files(f"{rel}-{src}-{dst}", schema, self._edges(n)):
                yield f"COPY {rel} FROM '{path}'{ends}"
                path.unlink()

    def hashes(self) -> Iterator[pa.Table]:
        """Each Report's ``sha256`` (its file's hash), in tables of at most GROUP_ROWS: set
        last, so that a store the copy did not finish holds no report as loaded from its
        file, and the next load of the same files writes them again
        (:func:`graphkit.ingest._skip_unchanged`)."""
        rows = self.db.execute("SELECT props FROM nodes WHERE label = 'Report' ORDER BY id")
        schema = pa.schema([pa.field("id", pa.string()), pa.field("sha256", pa.string())])
        while chunk := rows.fetchmany(GROUP_ROWS):
            props = [json.loads(p) for (p,) in chunk]
            yield pa.Table.from_pylist(
                [{"id": p["id"], "sha256": p["sha256"]} for p in props], schema=schema
            )

    def _files(
        self, stem: str, schema: pa.Schema, rows: Iterator[dict[str, Any]]
    ) -> Iterator[Path]:
        """The rows written into Parquet files a row group at a time, each file yielded once
        it holds FILE_ROWS rows or FILE_ITEMS list items, or the rows ran out."""
        part = 0
        writer: pq.ParquetWriter | None = None
        group: list[dict[str, Any]] = []
        in_group = in_file = rows_in_file = 0
        for row in rows:
            group.append(row)
            weight = sum(len(v) for v in row.values() if isinstance(v, list))
            in_group, in_file, rows_in_file = in_group + weight, in_file + weight, rows_in_file + 1
            if len(group) >= GROUP_ROWS or in_group >= GROUP_ITEMS:
                path = self.path / f"{stem}-{part}.parquet"
                writer = writer or pq.ParquetWriter(path, schema)
                writer.write_table(pa.Table.from_pylist(group, schema=schema))
                group, in_group = [], 0
                if rows_in_file >= FILE_ROWS or in_file >= FILE_ITEMS:
                    writer.close()
                    writer, part, in_file, rows_in_file = None, part + 1, 0, 0
                    yield path
        if group:
            path = self.path / f"{stem}-{part}.parquet"
            writer = writer or pq.ParquetWriter(path, schema)
            writer.write_table(pa.Table.from_pylist(group, schema=schema))
        if writer is not None:
            writer.close()
            yield self.path / f"{stem}-{part}.parquet"

    def _nodes(self, label: str) -> Iterator[dict[str, Any]]:
        rows = self.db.execute("SELECT props FROM nodes WHERE label = ? ORDER BY id", (label,))
        for (props,) in rows:
            row = json.loads(props)
            if label == "Report":
                row["sha256"] = None  # set last (hashes)
            yield row

    def _edges(self, shape: int) -> Iterator[dict[str, Any]]:
        """The shape's edges with their lists, from two scans in the same key order."""
        edges = self.db.execute(
            "SELECT src, dst, props FROM edges WHERE shape = ? ORDER BY src, dst", (shape,)
        )
        items = self.db.cursor().execute(
            "SELECT src, dst, list, item FROM items WHERE shape = ? ORDER BY src, dst, list, pos",
            (shape,),
        )
        item = next(items, None)
        for src, dst, props in edges:
            row = {"src": src, "dst": dst, **json.loads(props)}
            lists: list[list[str]] = [[] for _ in LISTS]
            while item is not None and (item[0], item[1]) == (src, dst):
                lists[item[2]].append(item[3])
                item = next(items, None)
            for p, values in zip(LISTS, lists, strict=True):
                row[p.name] = values
            yield row

    def close(self) -> None:
        """Remove the scratch (its directory and all in it)."""
        self.db.close()
        shutil.rmtree(self.path, ignore_errors=True)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


class ScratchWriter(CopyWriter):
    """What :class:`~graphkit.store.bulk.CopyWriter` does in the store, done in the scratch:
    the same rows read (of a held edge's lists only the items asked again) and written."""

    def __init__(self, db: sqlite3.Connection, batches: list[GraphBatch]) -> None:
        super().__init__(None, None, batches, copy=False)
        self.db = db
        self._sizes: dict[tuple[int, str, str], list[int]] = {}  # held edges' list lengths

    def read_nodes(self, label: str, ids: list[str]) -> list[dict[str, Any]]:
        out = []
        for start in range(0, len(ids), KEYS):
            some = ids[start : start + KEYS]
            rows = self.db.execute(
                f"SELECT props FROM nodes WHERE label = ? AND id IN ({_marks(len(some))})",
                (label, *some),
            )
            out += [json.loads(props) for (props,) in rows]
        return out

    def read_edges(
        self, shape: tuple[str, str, str], pairs: list[tuple[str, str]]
    ) -> dict[tuple[str, str], dict[str, Any]]:
        n = _SHAPE[shape]
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for (s, d), asked in zip(pairs, self.asked(shape, pairs), strict=True):
            row = self.db.execute(
                "SELECT props, sizes FROM edges WHERE shape = ? AND src = ? AND dst = ?", (n, s, d)
            ).fetchone()
            if row is None:
                continue
            props, sizes = json.loads(row[0]), json.loads(row[1])
            held = {
                p.name: self._held_items(n, s, d, i, asked[p.name]) for i, p in enumerate(LISTS)
            }
            out = {p.name: props[p.name] for p in SCALARS}
            out.update({p.name: [x for x in asked[p.name] if x in held[p.name]] for p in LISTS})
            self._held[(shape, s, d)] = (sizes[_SOURCES], props["sole_source"], held)
            self._sizes[(n, s, d)] = sizes
            found[(s, d)] = out
        return found

    def _held_items(self, n: int, s: str, d: str, i: int, asked: list[str]) -> frozenset[str]:
        """Which of the ``asked`` items list ``i`` of the edge holds."""
        held: set[str] = set()
        wanted = sorted(set(asked))
        for start in range(0, len(wanted), KEYS):
            some = wanted[start : start + KEYS]
            rows = self.db.execute(
                "SELECT item FROM items WHERE shape = ? AND src = ? AND dst = ? AND list = ? "
                f"AND item IN ({_marks(len(some))})",
                (n, s, d, i, *some),
            )
            held.update(item for (item,) in rows)
        return frozenset(held)

    def nodes(self, label: str, new: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
        schema = arrow_schema(NODES[label].all_props)
        check_rows(new, schema)
        check_rows(changed, schema)
        self.db.executemany(
            "INSERT OR REPLACE INTO nodes VALUES (?, ?, ?)",
            ((label, row["id"], json.dumps(row)) for row in new + changed),
        )

    def edges(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None:
        appended = self.written(shape, new, changed)
        schema = arrow_schema(REL_PROPS, ("src", "dst"))
        check_rows(new, schema)
        check_rows(appended, schema)
        n = _SHAPE[shape]
        edges: list[tuple[Any, ...]] = []
        items: list[tuple[Any, ...]] = []
        for row in new:
            self._put(n, row, [0] * len(LISTS), edges, items)
        for row in appended:
            self._put(n, row, self._sizes[(n, row["src"], row["dst"])], edges, items)
        self.db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?)", edges)
        self.db.executemany("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)", items)

    @staticmethod
    def _put(
        n: int,
        row: dict[str, Any],
        sizes: list[int],
        edges: list[tuple[Any, ...]],
        items: list[tuple[Any, ...]],
    ) -> None:
        """The edge's row (its other properties as set) and its lists' items, appended after
        those held."""
        s, d = row["src"], row["dst"]
        for i, p in enumerate(LISTS):
            values = row[p.name] or []
            items += [(n, s, d, i, sizes[i] + k, v) for k, v in enumerate(values)]
            sizes[i] += len(values)
        props = {k: row[k] for k in _OTHERS}
        edges.append((n, s, d, json.dumps(props), json.dumps(sizes)))
