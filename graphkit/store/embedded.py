"""The embedded store: LadybugDB in a directory on disk, no server."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ladybug

from graphkit.batch import GraphBatch
from graphkit.errors import (
    QueryError,
    StoreCapacityError,
    StoreError,
    StoreInUseError,
    StoreUnavailableError,
)
from graphkit.schema import DERIVED, NODES, REL_PROPS, RELS, fill_derived, ladybug_ddl
from graphkit.store.base import WRITE_REFUSED, QueryResult, Runner, WriteResult, count_all
from graphkit.store.bulk import CopyWriter
from graphkit.store.first_load import FirstLoadByCopy
from graphkit.store.process import LOCKED as _LOCKED
from graphkit.store.process import resident_mb as _resident_mb
from graphkit.store.process import return_freed_memory as _return_freed_memory
from graphkit.store.process import writer_pid as _writer_pid
from graphkit.store.scratch import Scratch
from graphkit.store.writing import apply_batches
from graphkit.values import plain_rows

__all__ = ["DB_FILE", "EmbeddedStore"]

DB_FILE = "graph.lbug"
# LadybugDB's page cache takes most of the machine's memory unless told otherwise. A write
# transaction's pages must fit in it; with edges read from their source (graphkit.store.bulk),
# 256 MB held groups of 125 synthetic reports (20,000 rows). What was committed since the last
# checkpoint stays in it, where nothing evicts it (about 2 MB of cache for each MB of log,
# ``CALL bm_info()``), and in memory outside it: a transaction that finds the cache full so is
# run again after a checkpoint (``write_batches``). The rest of the cache fills up with pages
# read; the process holds more than the cache.
BUFFER_POOL_MB = 320
# Rows a load gathers into one transaction. 20,000 filled the page cache late in a 10k-report
# load once every reviewable edge carried `review_key` (exit 3 after 10 min, 936 MB); 10,000
# loaded it whole at 875 MB peak RSS (a page cache of 384 MB with 20,000: 990 MB). BENCHMARKS.md,
# "The first full run, `make bench`, session 13".
BATCH_ROWS = 10_000
# LadybugDB checkpoints at every commit by default once its log passes 16 MB, and a checkpoint
# rewrites every relationship table that changed, whole: at 10k reports that was most of a
# load's time. The store checkpoints itself instead: after a transaction that used COPY, when
# it closes, and before the next write transaction once a commit has left the log past this
# many MB (``GRAPHKIT_CHECKPOINT_MB``).
CHECKPOINT_MB = 128
# ... and, sooner, once the process's resident memory passes this many MB after a commit
# (``GRAPHKIT_MEMORY_MB``) while the log holds at least LEAST_LOG_MB: the committed data held in
# memory until a checkpoint, not the log's size, is what took a 10k-report load past 1 GB
# (BENCHMARKS.md). The peak is this plus one transaction and one checkpoint. Both bound memory
# only: whether the next transaction fits in the page cache is not read from them (a reading
# just under this left a 10k-report load to fill it once), but met by running it again after a
# checkpoint when it does not.
MEMORY_MB = 640
LEAST_LOG_MB = 8
# ... and once the page cache holds more than this share of its size after a commit: at 10k
# reports in 320 MB, each of 37 transactions that found it full came after a commit that left it
# 81-91 % full (BENCHMARKS.md, session 15); the commits in the log are what a checkpoint empties.
CACHE_FULL = 0.8


def _too_small(*, unload: bool) -> str:
    """What to do when one transaction's pages outgrow the page cache: a load may be cut into
    smaller transactions (``--batch-rows``); an unload is one transaction, whole or nothing."""
    said = (
        f"the embedded store's page cache ({_buffer_pool_mb()} MB) is too small for "
        f"{'the unload' if unload else 'one transaction'}; nothing of it was written: "
    )
    if unload:
        return said + (
            "set GRAPHKIT_BUFFER_POOL_MB higher or unload fewer reports at a time, "
            "then run the unload again"
        )
    return said + (
        "set GRAPHKIT_BUFFER_POOL_MB higher or load with a lower --batch-rows, "
        "then run the same load again"
    )


def _answer_too_large() -> str:
    """What to do when what one query holds at once outgrows the page cache (a page of the
    review queue of 100k facts at 10k reports, read with its evidence)."""
    return (
        f"the embedded store's page cache ({_buffer_pool_mb()} MB) is too small for this "
        "query's answer: ask for less (a smaller page: --param limit=N) or set "
        "GRAPHKIT_BUFFER_POOL_MB higher"
    )


def _lock_wait_s() -> float:
    raw = os.environ.get("GRAPHKIT_LOCK_WAIT", "10")
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise StoreError(f"GRAPHKIT_LOCK_WAIT must be a number of seconds, not {raw!r}") from None


def _megabytes(name: str, default: int, least: int) -> int:
    raw = os.environ.get(name, "")
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < least:
        raise StoreError(f"{name} must be a whole number of at least {least}, not {raw!r}")
    return int(raw)


def _buffer_pool_mb() -> int:
    return _megabytes("GRAPHKIT_BUFFER_POOL_MB", BUFFER_POOL_MB, 64)


def _checkpoint_mb() -> int:
    return _megabytes("GRAPHKIT_CHECKPOINT_MB", CHECKPOINT_MB, 1)


def _memory_mb() -> int:
    return _megabytes("GRAPHKIT_MEMORY_MB", MEMORY_MB, 64)


def _older_store_hint(message: str) -> str:
    """What to do when a query reads a derived property a store an older graphkit wrote
    lacks (it gains it when opened for writing, not read-only)."""
    derived = [p.name for p in REL_PROPS if p.merge == DERIVED]
    if "Cannot find property" in message and any(f"property {d} " in message for d in derived):
        return (
            " (the store was written by an older graphkit: open it for writing once to fill "
            "it in, e.g. graphkit query --write -c 'RETURN 1')"
        )
    return ""


class EmbeddedStore(FirstLoadByCopy):
    """A LadybugDB database kept as ``DIRECTORY/graph.lbug``.

    Parameters
    ----------
    directory : str or Path
        Where the database lives; created on the first write.
    read_only : bool
        Open it read-only: LadybugDB itself refuses any write.

    The page cache is ``GRAPHKIT_BUFFER_POOL_MB`` megabytes (default 320); once a commit has
    left the log past ``GRAPHKIT_CHECKPOINT_MB`` (default 128), or sooner the process's
    resident memory past ``GRAPHKIT_MEMORY_MB`` (default 640), a writer checkpoints before its
    next write transaction or when it closes, and after a checkpoint closes LadybugDB until its
    next statement; a write transaction that fills the page cache while the log holds commits
    is checkpointed and run again, once. One process at a time may write:
    another waits ``GRAPHKIT_LOCK_WAIT`` seconds (default 10) for the store, then gets
    :class:`StoreInUseError`.
    """

    backend = "embedded"
    dialect = "ladybug"  # of the write statements (graphkit.store.statements) and the queries

    batch_rows = BATCH_ROWS  # a load's rows a transaction (graphkit.ingest.group_rows)

    def __init__(self, directory: str | Path, *, read_only: bool = False) -> None:
        self.directory = Path(directory)
        self.location = str(self.directory)
        self.read_only = read_only
        db_path = self.directory / DB_FILE
        if read_only and not db_path.exists():
            raise StoreError(f"no graph in {self.directory} yet: load reports into it first")
        if self.directory.exists() and not self.directory.is_dir():
            raise StoreError(f"{self.directory} is not a directory")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot open the embedded store {self.directory}: {exc}") from None
        self._checkpoint_mb = 0 if read_only else _checkpoint_mb()
        self._memory_mb = 0 if read_only else _memory_mb()
        self._db = self._open(db_path, read_only)
        self._closed = False
        self._due = False  # a checkpoint, at the next write transaction or at close
        self._empty: bool | None = None
        self._scratch: Scratch | None = None  # a first load's merged rows (first_load)
        try:
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            raise StoreError(f"cannot open the embedded store {self.directory}: {exc}") from None
        if not read_only:
            for ddl in ladybug_ddl():
                self._conn.execute(ddl)
            self._add_new_columns()
            self._undo_killed_first_load()

    def _add_new_columns(self) -> None:
        """A store made by an older graphkit gains the properties the schema declares since
        (empty lists and nulls: what an older load did not record; a derived one filled in)."""
        tables = [(n.label, n.all_props) for n in NODES.values()]
        tables += [(rel, REL_PROPS) for rel in RELS]
        for table, props in tables:
            rows = self._run(f"CALL table_info('{table}') RETURN *", {})
            have = {list(r.values())[1] for r in rows}
            added = [p for p in props if p.name not in have]
            for p in added:
                default = " DEFAULT []" if p.type.endswith("[]") else ""
                self._conn.execute(f"ALTER TABLE {table} ADD {p.name} {p.type}{default}")
            if any(p.merge == DERIVED for p in added):  # once every column is there
                self._conn.execute(fill_derived(table, "ladybug"))

    def _open(self, db_path: Path, read_only: bool) -> ladybug.Database:
        """Open the database, waiting up to GRAPHKIT_LOCK_WAIT seconds (default 10) while
        another process holds it for writing.

        A reader takes no lock, but while a writer appends to the log or checkpoints it,
        LadybugDB may refuse a read-only open ("the WAL file is corrupted", "checkpoint
        recovery is pending", "Reading past the end of the file ...wal"): the reader then waits
        for the writer too. Refused so by a writer that has gone by the time it asks (a load's
        last checkpoint, at its close), it tries once more.
        """
        deadline = time.monotonic() + _lock_wait_s()
        log_retried = not read_only
        while True:
            try:
                return ladybug.Database(
                    str(db_path),
                    read_only=read_only,
                    buffer_pool_size=_buffer_pool_mb() << 20,
                    auto_checkpoint=False,
                )
            except RuntimeError as exc:
                first = str(exc).strip().splitlines()[0]
                held = _LOCKED.search(str(exc))
                if held:
                    writer: int | None = int(held.group(1))
                else:  # a reader takes no lock: ask who holds it
                    writer = _writer_pid(db_path) if read_only else None
                # "the WAL file is corrupted", "Reading past the end of the file .../graph.lbug.wal
                # with size 0": the log as a writer that has just gone left it
                in_log = "WAL" in first or ".wal" in first or "heckpoint" in first
                if writer is None and not log_retried and in_log:
                    log_retried = True
                    continue
                if writer is None:
                    raise StoreError(
                        f"cannot open the embedded store {self.directory}: {first}"
                    ) from None
                if time.monotonic() >= deadline:
                    raise StoreInUseError(
                        f"the embedded store {self.directory} is in use by another process "
                        f"(pid {writer}): wait for it to finish, or set GRAPHKIT_LOCK_WAIT to wait "
                        "longer; for several writers at once, use Neo4j"
                    ) from None
                time.sleep(0.2)  # poll the lock; the holder releases it when it closes

    def _run(self, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        self._ensure_open()
        result = self._conn.execute(cypher, params)
        assert not isinstance(result, list)
        columns = result.get_column_names()
        return [dict(zip(columns, row, strict=True)) for row in result.get_all()]

    def write_batch(self, batch: GraphBatch) -> WriteResult:
        """Merge one batch in one transaction: all of it or nothing."""
        return self.write_batches([batch])[0]

    def write_batches(
        self, batches: list[GraphBatch], *, before: Callable[[Runner], Any] | None = None
    ) -> list[WriteResult]:
        """Merge several batches in one transaction: all of them or none; ``before`` runs
        first in the same transaction.

        A transaction that fills the page cache is rolled back. If a commit since the last
        checkpoint is in the log, what it holds in the cache may be what filled it: the log is
        checkpointed, LadybugDB closed and opened again, and the same transaction run once
        more (BENCHMARKS.md, session 15). Only if it fills the cache then too, or the log was
        empty, does the write stop (:class:`StoreCapacityError`)."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        if self._scratch is not None and before is None:
            return self._scratch.write(batches)
        result = self._transaction(batches, before)
        if result is None and self._log_mb() > 0:
            self._due = True
            result = self._transaction(batches, before)
        if result is None:
            raise StoreCapacityError(_too_small(unload=not batches))
        return result

    def _transaction(
        self, batches: list[GraphBatch], before: Callable[[Runner], Any] | None
    ) -> list[WriteResult] | None:
        """One write transaction, committed; None if it filled the page cache (rolled back).
        No exception is left alive on that path: its frames hold LadybugDB's result objects,
        and a database closed while they lived did not checkpoint as it closed, and the store
        read as corrupted later (session 15)."""
        self._checkpoint_if_due()
        self._ensure_open()
        writer = CopyWriter(self._run, self._conn.execute, batches, copy=self._is_empty())
        self._conn.execute("BEGIN TRANSACTION")
        try:
            if before is not None:
                before(self._run)
            result = apply_batches(batches, writer)
        except RuntimeError as exc:
            self._rollback()
            if "buffer pool is full" not in str(exc):
                raise StoreError(f"write failed and was rolled back: {exc}") from None
            result = None
        except BaseException:
            self._rollback()
            raise
        if result is None:
            return None
        self._conn.execute("COMMIT")
        self._empty = False
        self._renew_connection()
        if writer.copied:
            self._conn.execute("CHECKPOINT")  # copied pages are not in the log: write them now
            self._shut()
        else:
            self._due = self._checkpoint_due()
        return result

    def _checkpoint_if_due(self) -> None:
        """The checkpoint that the last commit made due, before the next write transaction
        begins (or at :meth:`close`): the same memory given back before the next transaction
        as right after the commit, and no checkpoint inside a load's last group, which closing
        the store does anyway (BENCHMARKS.md, session 12)."""
        if not self._due:
            return
        self._ensure_open()
        self._conn.execute("CHECKPOINT")
        self._shut()
        self._due = False

    def _shut(self) -> None:
        """Close the database after a checkpoint, until the next statement: LadybugDB keeps
        native memory from the transactions it ran until the database closes (at 10k reports,
        240 MB still held after a group's checkpoint, BENCHMARKS.md)."""
        self._conn.close()
        self._db.close()
        _return_freed_memory()
        self._closed = True

    def _ensure_open(self) -> None:
        """Open the database again if :meth:`_shut` closed it. Another writer may have taken
        the store in between: the load stops there, what it committed whole, the rest to load
        again."""
        if not self._closed:
            return
        try:
            self._db = self._open(self.directory / DB_FILE, read_only=False)
        except StoreInUseError as exc:
            raise StoreUnavailableError(str(exc)) from None
        self._conn = ladybug.Connection(self._db)
        self._closed = False

    def _checkpoint_due(self) -> bool:
        """Whether the log is long enough, or the memory it stands for large enough, or the
        page cache too full for another transaction, to write the log into the database file
        now."""
        log = self._log_mb()
        if log >= self._checkpoint_mb or (self._cache_full_next() and log > 0):
            return True
        resident = _resident_mb()
        return resident is not None and resident >= self._memory_mb and log >= LEAST_LOG_MB

    def _cache_full_next(self) -> bool:
        """Whether the page cache is past CACHE_FULL of its size after this commit (``CALL
        bm_info()``). What it holds counts the pages read, which it may evict, with the commits
        since the last checkpoint, which it may not: a guess, which :meth:`write_batches`
        backs."""
        rows = self._run("CALL bm_info() RETURN mem_usage AS used", {})
        return rows[0]["used"] >= CACHE_FULL * (_buffer_pool_mb() << 20)

    def _is_empty(self) -> bool:
        """Whether the store holds no node at all (then new rows go in by COPY)."""
        if self._empty is None:
            self._empty = not self._run("MATCH (n) RETURN n.id AS id LIMIT 1", {})
        return self._empty

    def _log_mb(self) -> float:
        wal = self.directory / (DB_FILE + ".wal")
        return wal.stat().st_size / (1 << 20) if wal.exists() else 0.0

    def _renew_connection(self) -> None:
        """A fresh connection after each write transaction: one connection keeps native memory
        from every transaction it ran (25 MB a group of 125 reports, 2 GB over 10k reports;
        the Arrow tables of each COPY among it), which only closing it returns."""
        self._conn.close()
        self._conn = ladybug.Connection(self._db)
        _return_freed_memory()

    def _rollback(self) -> None:
        # LadybugDB has already rolled back a transaction whose statement failed.
        with contextlib.suppress(RuntimeError):
            self._conn.execute("ROLLBACK")

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run one Cypher statement and return its columns and rows.

        Unless ``write``, it runs in a read-only transaction: a statement that would write is
        refused by LadybugDB itself.
        """
        if write and self.read_only:
            raise QueryError(WRITE_REFUSED)
        begin = "BEGIN TRANSACTION" if write else "BEGIN TRANSACTION READ ONLY"
        self._ensure_open()
        self._conn.execute(begin)
        try:
            result = self._conn.execute(cypher, params or {})
            assert not isinstance(result, list)
            out = QueryResult(
                result.get_column_names(), plain_rows([list(r) for r in result.get_all()])
            )
        except RuntimeError as exc:
            self._rollback()
            message = str(exc).strip().splitlines()[0]  # the position is on the first line
            if "read-only" in message:
                raise QueryError(WRITE_REFUSED) from None
            if "buffer pool is full" in message:
                raise QueryError(_answer_too_large()) from None
            raise QueryError(message + _older_store_hint(message)) from None
        self._conn.execute("COMMIT")
        if not write:  # the connection keeps pages of what it read (_renew_connection)
            self._conn.close()
            self._conn = ladybug.Connection(self._db)
        return out

    def stats(self) -> dict[str, dict[str, int]]:
        return count_all(self._run)

    def close(self) -> None:
        if self._closed:  # shut after a checkpoint: nothing left to write
            return
        if not self.read_only and self._log_mb() > 0:
            with contextlib.suppress(RuntimeError):  # LadybugDB checkpoints on close as well
                self._conn.execute("CHECKPOINT")
        self._conn.close()
        self._db.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
