"""The Neo4j store: any Neo4j 5.26+ over Bolt (``bolt://``, ``neo4j://``, ``neo4j+s://``)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    IncompleteCommit,
    Neo4jError,
    ServiceUnavailable,
)

from graphkit.batch import GraphBatch
from graphkit.errors import QueryError, StoreAuthError, StoreError, StoreUnavailableError
from graphkit.schema import RELS, fill_derived, neo4j_schema_statements
from graphkit.store.base import WRITE_REFUSED, QueryResult, Runner, WriteResult, count_all
from graphkit.store.neo4j_record import Committed, StaleRecord
from graphkit.store.neo4j_write import Reply, merge_on_server
from graphkit.values import plain_rows

__all__ = ["Neo4jStore"]

_SCHEMA_RACE = {
    "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
    "Neo.ClientError.Schema.ConstraintAlreadyExists",
    "Neo.ClientError.Schema.IndexAlreadyExists",
}

RETRY_WAIT_S = 30.0  # the driver's own default

# Rows a load gathers into one transaction. Larger than the embedded store's 10,000: a fact
# stated again in a later transaction is sent again (appended to on the server), and with
# 80,000 rows the 1k synthetic corpus sends 3,180 such rows instead of 11,910, in 2 commits
# instead of 8 (BENCHMARKS.md, "The Neo4j write path, session 11"). Below the ~100,000 rows
# where a server's transaction memory limit (Aura's) starts to matter.
BATCH_ROWS = 80_000
# Rows of a load's first transaction: the server starts on it (constraints made, statements
# planned) after a few dozen files are read instead of 500, while the reader reads on.
FIRST_ROWS = 10_000


def _retry_wait_s() -> float:
    raw = os.environ.get("GRAPHKIT_RETRY_WAIT", "")
    if not raw:
        return RETRY_WAIT_S
    try:
        return max(0.0, float(raw))
    except ValueError:
        raise StoreError(f"GRAPHKIT_RETRY_WAIT must be a number of seconds, not {raw!r}") from None


class Neo4jStore:
    """A Neo4j database reached through the official driver.

    Parameters
    ----------
    uri : str
        ``bolt://host:7687``, ``neo4j://host`` (routing: clusters, Aura) or ``neo4j+s://``.
    user, password : str
        Credentials; the password is never put in a message.
    database : str, optional
        The database name; the server's default when omitted.
    read_only : bool
        Refuse writes: every statement runs in read access mode.

    A transaction that meets a transient error or a lost server is tried again for up to
    ``GRAPHKIT_RETRY_WAIT`` seconds (default 30), then :class:`StoreUnavailableError`.
    """

    backend = "neo4j"
    dialect = "neo4j"  # of the write statements (graphkit.store.statements) and the queries
    batch_rows = BATCH_ROWS  # a load's rows a transaction (graphkit.ingest.group_rows)
    first_rows = FIRST_ROWS  # ... and in its first one

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        *,
        database: str | None = None,
        read_only: bool = False,
    ) -> None:
        self.location = uri
        self.database = database
        self.read_only = read_only
        self._schema_ready = False
        self._filled = False  # whether the store is known to carry the derived properties
        # What this store's loads committed: items written again later are neither read
        # back nor rewritten whole (graphkit.store.neo4j_record).
        self._known = Committed()
        retry_wait = _retry_wait_s()
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=(user, password),
                max_transaction_retry_time=retry_wait,
                # The store's own statements read properties a new graph lacks yet: no warnings.
                notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
            )
            self._driver.verify_connectivity()
        except AuthError:
            raise StoreAuthError(
                f"Neo4j at {uri} refused the credentials of user {user!r}"
            ) from None
        except (ServiceUnavailable, OSError, ValueError) as exc:
            raise StoreUnavailableError(f"cannot reach Neo4j at {uri}: {_reason(exc)}") from None
        except Neo4jError as exc:
            raise StoreUnavailableError(f"Neo4j at {uri}: {_first_line(exc)}") from None

    def _session(self, write: bool) -> neo4j.Session:
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        # A write takes every record of a statement at once (fetch_size -1): the write path's
        # reads return up to 2,000 rows, each 1,000 more another round trip by default.
        return self._driver.session(
            database=self.database, default_access_mode=mode, fetch_size=-1 if write else 1000
        )

    def ensure_schema(self) -> None:
        """Create the constraints and indexes of ``cypher/schema.cypher``, and fill in the
        derived properties of a store an older graphkit wrote (idempotent)."""
        if self._schema_ready:
            return
        with self._session(write=True) as session:
            for statement in neo4j_schema_statements():
                # A managed transaction: the driver retries a deadlock with another load
                # writing at the same moment (schema changes take a label lock).
                _create(session, statement)
            if not _filled(session):
                # A store an older graphkit wrote: its derived properties. A store without
                # edges has none to fill (a first load: a dozen statements less to plan).
                if session.execute_read(_holds_edges):
                    for rel_type in RELS:
                        session.execute_write(_consume, fill_derived(rel_type, "neo4j"))
                _create(session, _FILLED_MARK)
        self._schema_ready = self._filled = True

    def _check_filled(self) -> None:
        """Before the first query: a store an older graphkit wrote lacks derived properties the
        queries read (``sole_source``, ``review_key``); fill them in, or refuse on a read-only
        store rather than answer without the facts they mark."""
        with self._session(write=False) as session:
            filled = _filled(session) or not session.execute_read(_holds_edges)
        if not filled and self.read_only:
            raise QueryError(
                f"the Neo4j store at {self.location} was written by an older graphkit and "
                "lacks sole_source or review_key, which the queries read: open it for writing "
                "once (any query or load without --read-only fills them in)"
            )
        if not filled:
            self.ensure_schema()
        self._filled = True

    def write_batch(self, batch: GraphBatch) -> WriteResult:
        """Merge one batch in one managed transaction (retried by the driver if it must)."""
        return self.write_batches([batch])[0]

    def write_batches(
        self, batches: list[GraphBatch], *, before: Callable[[Runner], Any] | None = None
    ) -> list[WriteResult]:
        """Merge several batches in one managed transaction: all of them or none.

        ``before`` runs first in the same transaction (taking back the reports a batch
        replaces); the driver may run the whole again on a transient error, so it must
        read what it changes, as :func:`graphkit.lifecycle.unload_in` does.
        """
        if self.read_only:
            raise StoreError("the store is open read-only")
        self.ensure_schema()

        # A take-back changes items behind the record's back: it is forgotten, and not used.
        known = self._known if before is None else None
        if known is None:
            self._known.clear()

        def work(tx: neo4j.ManagedTransaction) -> list[WriteResult]:
            # Plain values only come back here: records as dicts, without .data()'s walk
            # through every value for graph types (a third of the client's time on reads).
            run: Runner = lambda q, p: [dict(r.items()) for r in tx.run(q, p)]  # noqa: E731
            if before is not None:
                before(run)
            return merge_on_server(run, batches, known, send=partial(_sent, tx))

        try:
            with self._session(write=True) as session:
                written = _write_racing(session, work, self._known)
            if known is not None:
                known.commit()
            return written
        except IncompleteCommit:
            raise StoreUnavailableError(
                f"lost Neo4j at {self.location} while it committed: that transaction is "
                "either whole in the store or absent"
            ) from None
        except ServiceUnavailable as exc:
            raise StoreUnavailableError(f"lost Neo4j at {self.location}: {_reason(exc)}") from None
        except Neo4jError as exc:
            raise StoreError(f"write failed and was rolled back: {_first_line(exc)}") from None

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, write: bool = False
    ) -> QueryResult:
        """Run one statement; in read access mode unless ``write`` is true."""
        if write and self.read_only:
            raise QueryError(WRITE_REFUSED)
        if not self._filled:
            self._check_filled()
        if write:  # it may change what the record holds
            self._known.clear()

        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(cypher, params or {})
            keys = list(result.keys())
            return QueryResult(keys, plain_rows([list(r.values()) for r in result]))

        try:
            with self._session(write=write) as session:
                if write:
                    return session.execute_write(work)
                return session.execute_read(work)
        except ClientError as exc:
            if "read access mode" in _first_line(exc):
                raise QueryError(WRITE_REFUSED) from None
            raise QueryError(_first_line(exc)) from None
        except ServiceUnavailable as exc:
            raise StoreUnavailableError(f"lost Neo4j at {self.location}: {_reason(exc)}") from None

    def stats(self) -> dict[str, dict[str, int]]:
        def work(tx: neo4j.ManagedTransaction) -> dict[str, dict[str, int]]:
            return count_all(lambda q, p: tx.run(q, p).data())

        with self._session(write=False) as session:
            return session.execute_read(work)

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Times a write is run again after another load created one of its new nodes first.
RACES = 8


def _write_racing(
    session: neo4j.Session,
    work: Callable[[neo4j.ManagedTransaction], list[WriteResult]],
    known: Committed,
) -> list[WriteResult]:
    """Run ``work`` in a managed transaction; again when a node it read as new was created by
    another load before it committed (the uniqueness constraint refuses the second: the run
    again reads the node and merges into it), or when an item this load wrote before was
    taken back by another process (the run again forgets what it wrote and reads). The
    driver itself retries only transient errors."""
    for _ in range(RACES):
        try:
            return session.execute_write(work)
        except ConstraintError as exc:
            if exc.code != "Neo.ClientError.Schema.ConstraintValidationFailed":
                raise
        except StaleRecord:
            known.clear()
    return session.execute_write(work)


def _sent(tx: neo4j.ManagedTransaction, cypher: str, params: dict[str, Any]) -> Reply:
    """Send a statement, and return once the server has taken it (planned), not run it: the
    server runs it while this process works out the next one. Bolt answers in order, so the
    next statement is taken only after this one ended; its records are read when the reply is
    called. An error of the server's surfaces at the next statement or at the reply, inside
    the same transaction either way."""
    result = tx.run(cypher, params)
    return lambda: [dict(r.items()) for r in result]


def _consume(tx: neo4j.ManagedTransaction, statement: str) -> None:
    tx.run(statement).consume()


# An index over a label no node has, costing nothing to keep: its name says the store's
# derived properties (graphkit.schema's DERIVED) were filled in, so no load or query scans for
# missing ones again. v2: review_key. Each version indexes a property of its own: Neo4j
# takes `CREATE INDEX ... IF NOT EXISTS` of an index the same as one held under another name
# (v1's, on `version`) for done, and makes none.
FILLED_MARK = "graphkit_derived_filled_v2"
_FILLED_MARK = (
    f"CREATE INDEX {FILLED_MARK} IF NOT EXISTS FOR (n:GraphkitMark) ON (n.derived_filled_v2)"
)


def _filled(session: neo4j.Session) -> bool:
    return bool(
        session.execute_read(
            lambda tx: tx.run(
                "SHOW INDEXES YIELD name WHERE name = $name RETURN name", name=FILLED_MARK
            ).values()
        )
    )


def _holds_edges(tx: neo4j.ManagedTransaction) -> bool:
    return bool(tx.run("MATCH ()-[r]->() RETURN 1 LIMIT 1").values())


def _create(session: neo4j.Session, statement: str) -> None:
    """A schema rule; another load may have created it at the same moment."""
    try:
        session.execute_write(_consume, statement)
    except ClientError as exc:
        if exc.code not in _SCHEMA_RACE:
            raise StoreError(f"cannot set up the schema: {_first_line(exc)}") from None


# The socket's own words at the end of the driver's message: "(reason [Errno 111] Connection
# refused)", on a line of its own after "Couldn't connect to ...:".
_REASON = re.compile(r"\(reason (.+)\)\s*$", re.M)


def _reason(exc: Exception) -> str:
    """Why the server could not be reached, in one line.

    >>> _reason(OSError("Couldn't connect to h:9:\\nFailed (reason [Errno 111] Refused)"))
    '[Errno 111] Refused'
    """
    found = _REASON.search(str(exc))
    return found.group(1) if found else _first_line(exc)


def _first_line(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc)
    return str(message).strip().splitlines()[0] if message else type(exc).__name__
