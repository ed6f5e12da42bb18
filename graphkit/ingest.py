"""Loading report files into a store: expand paths, read and build each report, write in groups.

Several reports share a transaction; a bad file is reported and skipped, the others load.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import hashlib
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty, Queue

from graphkit.batch import GraphBatch
from graphkit.build import build_batch
from graphkit.errors import GraphkitError, InputError, StoreCapacityError, StoreUnavailableError
from graphkit.lifecycle import taking_back
from graphkit.store.base import GraphStore, WriteResult
from loaders import STDIN, SUFFIXES, Loaded, read_report

Reader = Callable[[Path], Loaded]

__all__ = [
    "FileResult",
    "LoadSummary",
    "expand_paths",
    "group_rows",
    "is_empty",
    "load_files",
    "load_paths",
    "prepare",
]


@dataclass
class FileResult:
    path: str
    status: str  # loaded, unchanged, failed, planned (dry run)
    report_id: str | None = None
    error: str | None = None
    written: WriteResult = field(default_factory=WriteResult)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)  # what a STIX bundle held unused


@dataclass
class LoadSummary:
    files: list[FileResult] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]

    @property
    def total(self) -> WriteResult:
        out = WriteResult()
        for f in self.files:
            out.add(f.written)
        return out


def expand_paths(paths: Iterable[str], skipped: list[Path] | None = None) -> list[Path]:
    """Files as given, folders searched recursively for report files, globs expanded;
    ``-`` (standard input) as it is.

    A folder's files of a format no loader reads are left out, and added to ``skipped``
    when it is given, so the caller can name them.

    Raises
    ------
    InputError
        A path that names nothing.
    """
    out: list[Path] = []
    for raw in paths:
        if raw == STDIN:
            out.append(Path(STDIN))
            continue
        matches = [Path(m) for m in sorted(glob.glob(raw, recursive=True))] or [Path(raw)]
        for p in matches:
            if p.is_dir():
                for f in sorted(p.rglob("*")):
                    if not f.is_file() or any(
                        part.startswith(".") for part in f.relative_to(p).parts
                    ):
                        continue
                    if f.suffix.lower() in SUFFIXES:
                        out.append(f)
                    elif skipped is not None:
                        skipped.append(f)
            elif p.is_file():
                out.append(p)
            else:
                raise InputError("no such file or folder", path=raw)
    unique: dict[Path, Path] = {}
    for p in out:
        unique.setdefault(p.resolve(), p)
    return list(unique.values())


def prepare(path: Path, read: Reader = read_report) -> tuple[GraphBatch, Loaded]:
    """Read, validate and build one file into one batch (all the reports it holds)."""
    loaded = read(path)
    if loaded.catalog is not None:  # reference data: techniques, tactics, mitigations
        return loaded.catalog, loaded
    sha = hashlib.sha256(loaded.data).hexdigest()
    batches = [build_batch(f, sha256=sha, extracted=loaded.extracted) for f in loaded.findings]
    batch = batches[0]
    for other in batches[1:]:
        batch.merge(other)
    return batch, loaded


# Rows (nodes and edges, as built) gathered from several reports into one transaction, unless
# the store names its own number (``batch_rows``: Neo4j's is larger, see graphkit.store.neo4j).
BATCH_ROWS = 20_000


def group_rows(store: GraphStore | None, batch_rows: int | None = None) -> int:
    """The rows a transaction gathers: ``batch_rows`` if given, else the store's default."""
    if batch_rows is not None:
        return batch_rows
    rows = getattr(store, "batch_rows", BATCH_ROWS)
    return rows if isinstance(rows, int) else BATCH_ROWS


def _first_rows(store: GraphStore | None, batch_rows: int) -> int:
    """The rows of the first transaction: fewer when the store names its ``first_rows``
    (Neo4j: it starts writing after a few dozen files are read, not a whole group)."""
    first = getattr(store, "first_rows", None)
    return min(batch_rows, first) if isinstance(first, int) else batch_rows


def load_paths(
    store: GraphStore | None,
    paths: Iterable[str],
    *,
    on_file: Callable[[FileResult], None] | None = None,
    batch_rows: int | None = None,
    replace: bool = False,
) -> LoadSummary:
    """Load every report file under ``paths`` (see :func:`expand_paths`); with ``store=None``
    only plan (dry run). See :func:`load_files`."""
    return load_files(
        store, expand_paths(paths), on_file=on_file, batch_rows=batch_rows, replace=replace
    )


def load_files(
    store: GraphStore | None,
    files: list[Path],
    *,
    on_file: Callable[[FileResult], None] | None = None,
    batch_rows: int | None = None,
    replace: bool = False,
    read: Reader = read_report,
    first: Callable[[GraphStore], object] | None = None,
) -> LoadSummary:
    """Load these report files (paths already expanded); with ``store=None`` only plan.

    Reports are gathered into transactions of about ``batch_rows`` rows each (by default the
    store's own number, :func:`group_rows`); a transaction
    that fails is rolled back and its reports are written again one at a time, so that the
    error names the report at fault and the others still land. Input errors are recorded per
    file and do not stop the others; a store that becomes unreachable stops the load
    (:class:`StoreUnavailableError`, its message naming the files that did not load). With
    ``replace``, a report already in the store is taken back (:mod:`graphkit.lifecycle`) in
    the transaction that writes its new version, so facts the new version no longer states go.
    ``read`` reads a file into findings (:func:`loaders.read_report` with a title, publisher or
    date for report text). ``first`` writes into the store before the files (the catalogs
    into an empty store: with them, into an empty embedded store, by its first-load path).
    """
    summary = LoadSummary()
    rows = group_rows(store, batch_rows)
    try:
        _load_files(store, files, summary, on_file, rows, replace, read, first)
    except StoreUnavailableError as exc:
        raise StoreUnavailableError(_interrupted(str(exc), files, summary)) from None
    return summary


def _load_files(
    store: GraphStore | None,
    files: list[Path],
    summary: LoadSummary,
    on_file: Callable[[FileResult], None] | None,
    batch_rows: int,
    replace: bool,
    read: Reader,
    first: Callable[[GraphStore], object] | None = None,
) -> None:
    group: list[tuple[FileResult, GraphBatch]] = []
    rows, limit, ready = 0, _first_rows(store, batch_rows), False
    with _prompt_switches(), _fewer_collections(), _first_load(store, replace, summary):
        if first is not None and store is not None:
            first(store)
        for result, batch in _read_ahead(files, read, _files_ahead(batch_rows)):
            summary.files.append(result)
            if batch is None or store is None:
                if batch is not None:
                    result.status = "planned"
                if on_file:
                    on_file(result)
                continue
            if not ready:  # the first report to write: the store sets itself up meanwhile
                ready = _set_up(store)
            group.append((result, batch))
            rows += len(batch.nodes) + len(batch.edges)
            if rows >= limit:
                _write_group(store, group, on_file, replace)
                group, rows, limit = [], 0, batch_rows
        if group and store is not None:
            _write_group(store, group, on_file, replace)


@contextlib.contextmanager
def _first_load(store: GraphStore | None, replace: bool, summary: LoadSummary) -> Iterator[None]:
    """A store with a path of its own for a first load (the embedded store: merged apart,
    written at the end in one transaction, however the load ends) takes it here. If that
    last write fails, no file of the load is in the store: each one told loaded is marked
    failed, so that what the load says it stored is what the store holds."""
    first_load = getattr(store, "first_load", None)
    if first_load is None or replace:
        yield
        return
    state = None
    try:
        with first_load() as state:
            yield
    finally:
        if state is not None and state.active and not state.written:
            for f in summary.files:
                if f.status in ("loaded", "unchanged"):
                    f.status = "failed"
                    f.error = f"{f.path}: not written: the load's write into the store failed"


def _set_up(store: GraphStore) -> bool:
    """A store that sets itself up before its first write (Neo4j's constraints and indexes)
    does it now, while the reader thread reads on. An error is left for the write to meet
    again and name the files, as it did before."""
    set_up = getattr(store, "ensure_schema", None)
    if set_up is not None and not getattr(store, "read_only", False):
        with contextlib.suppress(GraphkitError):
            set_up()
    return True


# The interpreter's switch interval during a load. A thread that waits on the store's socket
# gets the interpreter back only when the reader thread, busy building reports, lets go of it:
# by default after 5 ms, for each reply. Every round trip paid that (one that takes 1.5 s
# alone took 3.5 s beside a busy thread; BENCHMARKS.md, "The Neo4j write path, session 12").
SWITCH_S = 0.0005


@contextlib.contextmanager
def _prompt_switches() -> Iterator[None]:
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, SWITCH_S))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


# Container objects made between two collections of the youngest generation during a load
# (Python's default: 700). A load makes millions (versions, merged states, driver records)
# while it holds hundreds of thousands that live for a group (the batches read ahead, the
# group, the record of what it committed); at the default, those are scanned again and again
# and promoted, and each promotion brings the next full collection nearer: 9 to 17 full
# collections in a 1k load, 3 to 5 s of it (BENCHMARKS.md, "The Neo4j write path, session 13").
# Cycles are still collected, 100,000 allocations apart.
GC_YOUNG = 100_000


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], GC_YOUNG), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _interrupted(reason: str, files: list[Path], summary: LoadSummary) -> str:
    """The message for a load the store dropped: which files did not load, and what to do.

    Groups commit in file order, so the files loaded before the loss are whole in the store and
    the rest hold nothing (the group in flight was rolled back with the connection)."""
    done = {f.path for f in summary.files if f.status in ("loaded", "unchanged")}
    missing = [str(p) for p in files if str(p) not in done]
    names = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return (
        f"{reason}; {len(missing)} of {len(files)} files did not load: {names}; the files "
        "loaded before are stored whole: run the same load again to finish"
    )


# Files read and built ahead of the writer: the store's round trips and commits leave the
# interpreter idle, and reading the next reports fills that time.
READ_AHEAD = 64
# Past the default group size, about a whole group ahead (at the synthetic corpus's 160 rows
# a report): the next group is read and built while the server writes this one, instead of
# after it (with Neo4j's 80,000-row groups and 64 files ahead, the writer waited 10 s of a
# 50 s load on the reader).
ROWS_A_FILE = 160


def _files_ahead(batch_rows: int) -> int:
    return READ_AHEAD if batch_rows <= BATCH_ROWS else batch_rows // ROWS_A_FILE


def _read_ahead(
    paths: list[Path], read: Reader, ahead: int = READ_AHEAD
) -> Iterator[tuple[FileResult, GraphBatch | None]]:
    """Each file's result and batch, in order, prepared by a thread ``ahead`` files ahead."""
    queue: Queue[tuple[FileResult, GraphBatch | None] | BaseException | None] = Queue(ahead)
    stop = threading.Event()

    def produce() -> None:
        try:
            for path in paths:
                if stop.is_set():
                    return
                result = FileResult(path=str(path), status="failed")
                queue.put((result, _prepared(path, result, read)))
            queue.put(None)
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put(exc)

    worker = threading.Thread(target=produce, name="graphkit-read-ahead", daemon=True)
    worker.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(Empty):
                queue.get(timeout=0.1)


def _prepared(path: Path, result: FileResult, read: Reader) -> GraphBatch | None:
    """The file's batch, its counts noted on ``result``; None (the error noted) if it fails."""
    try:
        batch, loaded = prepare(path, read)
    except InputError as exc:
        result.error = str(exc if exc.path else exc.at(str(path)))
        return None
    except GraphkitError as exc:
        result.error = f"{path}: {exc}"
        return None
    result.report_id = ", ".join(f.report_id for f in loaded.findings) or batch.report_id
    result.skipped = dict(loaded.skipped)
    result.nodes = dict(Counter(label for label, _ in batch.nodes))
    result.relationships = dict(Counter(k.type for k in batch.edges))
    return batch


def _write_group(
    store: GraphStore,
    group: list[tuple[FileResult, GraphBatch]],
    on_file: Callable[[FileResult], None] | None,
    replace: bool = False,
) -> None:
    """One transaction for the group; if it fails, one per report so the error names it."""
    if not replace:  # a replace is asked for even when the file is the same: it rewrites
        group = _skip_unchanged(store, group, on_file)
        if not group:
            return
    batches = [batch for _, batch in group]
    ids = [i for b in batches for label, i in b.nodes if label == "Report"]
    try:
        if replace:
            written = store.write_batches(batches, before=taking_back(store, ids))
        else:
            written = store.write_batches(batches)
    except (StoreUnavailableError, StoreCapacityError):
        raise
    except GraphkitError as exc:
        if len(group) > 1:
            for one in group:
                _write_group(store, [one], on_file, replace)
            return
        result = group[0][0]
        result.error = f"{result.path}: {exc}"
        if on_file:
            on_file(result)
        return
    stop: KeyboardInterrupt | None = None
    for (result, _), w in zip(group, written, strict=True):
        result.written = w
        result.status = "loaded" if w.changed else "unchanged"
        try:
            if on_file:
                on_file(result)
        except KeyboardInterrupt as exc:  # Ctrl-C: every file of the committed group is told
            stop = exc
    if stop is not None:
        raise stop


def _skip_unchanged(
    store: GraphStore,
    group: list[tuple[FileResult, GraphBatch]],
    on_file: Callable[[FileResult], None] | None,
) -> list[tuple[FileResult, GraphBatch]]:
    """The group less the files whose every report the store holds from the same file (its
    hash on the Report node): loading them again would change nothing, so they are counted
    as matched without sending their rows."""
    reports = {
        (label, i): props.get("sha256")
        for _, batch in group
        for (label, i), props in batch.nodes.items()
        if label == "Report"
    }
    held = store.run(
        "UNWIND $ids AS i MATCH (r:Report {id: i}) RETURN r.id AS id, r.sha256 AS sha",
        {"ids": sorted(i for _, i in reports)},
    ).rows
    same = {i for i, sha in held if sha is not None and reports.get(("Report", i)) == sha}
    rest = []
    for result, batch in group:
        ids = [i for label, i in batch.nodes if label == "Report"]
        if ids and all(i in same for i in ids):
            result.written = WriteResult(
                nodes_matched=len(batch.nodes), rels_matched=len(batch.edges)
            )
            result.status = "unchanged"
            if on_file:
                on_file(result)
        else:
            rest.append((result, batch))
    return rest


def is_empty(store: GraphStore) -> bool:
    """True when the store holds no node at all."""
    return not any(store.stats()["nodes"].values())
