"""The embedded store's first load: into an empty store, a load's writes are merged in a
scratch on disk (:mod:`graphkit.store.scratch`) and copied into LadybugDB when it ends, all of
them or none: a copy that fails is undone, and so is one a killed process left, by the next
process that opens the store for writing."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit.errors import StoreCapacityError, StoreError
from graphkit.schema import NODES, RELS, ladybug_ddl
from graphkit.store.scratch import COPYING, PREFIX, FirstLoad, Scratch

__all__ = ["FirstLoadByCopy"]

_TOO_SMALL = (
    "the embedded store's page cache is too small to copy a first load's table; nothing of "
    "the load was written: set GRAPHKIT_BUFFER_POOL_MB higher or GRAPHKIT_FIRST_LOAD_COPY=0, "
    "then run the same load again"
)
_HASHES = "LOAD FROM $rows MATCH (n:Report {id: id}) SET n.sha256 = sha256"


def _first_load_copy() -> bool:
    """Whether a first load goes through the scratch and COPY (``GRAPHKIT_FIRST_LOAD_COPY``,
    default 1; 0 loads it one transaction a group, as into a store that holds rows)."""
    raw = os.environ.get("GRAPHKIT_FIRST_LOAD_COPY", "1")
    if raw not in ("0", "1"):
        raise StoreError(f"GRAPHKIT_FIRST_LOAD_COPY must be 0 or 1, not {raw!r}")
    return raw == "1"


class FirstLoadByCopy:
    """The part of :class:`~graphkit.store.embedded.EmbeddedStore` that loads an empty store
    through a scratch."""

    directory: Path
    read_only: bool
    _conn: Any
    _empty: bool | None
    _scratch: Scratch | None

    if TYPE_CHECKING:  # the store's own

        def _is_empty(self) -> bool: ...
        def _checkpoint_if_due(self) -> None: ...
        def _ensure_open(self) -> None: ...
        def _rollback(self) -> None: ...
        def _renew_connection(self) -> None: ...
        def _shut(self) -> None: ...

    @contextlib.contextmanager
    def first_load(self) -> Iterator[FirstLoad]:
        """Into an empty store, the writes made inside are merged in a scratch and written
        when it ends, however it ends, by ``COPY``: all of them or none (``written`` tells
        which). Elsewhere (a store that holds rows, ``GRAPHKIT_FIRST_LOAD_COPY=0``, one
        inside another) they go to the store a transaction each, as outside."""
        state = FirstLoad()
        if self.read_only or self._scratch or not _first_load_copy() or not self._is_empty():
            yield state
            return
        self._scratch = scratch = Scratch(self.directory)
        state.active = True
        try:
            try:
                yield state
            finally:
                self._scratch = None
                if scratch.rows:
                    self._copy(scratch)
                state.written = True
        finally:
            scratch.close()

    def _copy(self, scratch: Scratch) -> None:
        """The scratch's rows into the store, each COPY a transaction checkpointed at once
        (the copied pages are not in the log: a crash before the checkpoint loses them), the
        Reports' file hashes last (:meth:`Scratch.hashes`). If it stops, what it copied is
        undone; if the process is killed, the next writer undoes it (the ``COPYING`` mark)."""
        (scratch.path / COPYING).touch()
        try:
            for cypher in scratch.copies():
                self._copied(partial(self._statement, cypher))
            self._copied(partial(self._hashes, scratch))
        except BaseException:
            self._wipe()
            raise
        (scratch.path / COPYING).unlink()

    def _statement(self, cypher: str) -> None:
        self._conn.execute(cypher)  # the connection open then (_copied opens it)

    def _hashes(self, scratch: Scratch) -> None:
        for table in scratch.hashes():
            self._conn.execute(_HASHES, {"rows": table})

    def _copied(self, write: Callable[[], Any]) -> None:
        self._checkpoint_if_due()
        self._ensure_open()
        self._conn.execute("BEGIN TRANSACTION")
        try:
            write()
        except RuntimeError as exc:
            self._rollback()
            if "buffer pool is full" in str(exc):
                raise StoreCapacityError(_TOO_SMALL) from None
            raise StoreError(f"write failed and was rolled back: {exc}") from None
        except BaseException:
            self._rollback()
            raise
        self._conn.execute("COMMIT")
        self._empty = False
        self._renew_connection()
        self._conn.execute("CHECKPOINT")
        self._shut()

    def _wipe(self) -> None:
        """The store empty again, as it was before a first load copied part of itself into
        it: every table dropped and made anew."""
        self._ensure_open()
        for table in [*RELS, *NODES]:
            self._conn.execute(f"DROP TABLE IF EXISTS {table}")
        for ddl in ladybug_ddl():
            self._conn.execute(ddl)
        self._conn.execute("CHECKPOINT")
        self._empty = True

    def _undo_killed_first_load(self) -> None:
        """A scratch a killed first load left: if it was copying, the store holds part of
        it, and nothing else (it was empty when the load began, and no one wrote since: this
        is the first writer after it), so the store is emptied; the scratch is removed."""
        for left in sorted(self.directory.glob(PREFIX + "*")):
            if (left / COPYING).exists():
                self._wipe()
            shutil.rmtree(left, ignore_errors=True)
