"""Report files read and built ahead of the writer: in a thread, or for a large load in a
child process.

The writer spends most of a load waiting on its store; the next files are read and built
meanwhile. A thread shares the interpreter with the writer, so the two take turns; a child
process reads and builds beside it (BENCHMARKS.md, "The Neo4j write path, session 13"). The
child costs a process start and the import of the loaders, and what it builds comes back
pickled, so only large loads use it (:func:`in_a_process`).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from queue import Empty, Queue
from typing import Any, TypeVar

from graphkit.errors import GraphkitError

__all__ = ["PROCESS_FROM", "ReaderStopped", "in_a_process", "read_ahead"]

T = TypeVar("T")

# Files a load must have before they are read in a child process: the child's start and its
# import of the loaders (about 1 s of one core) must be small beside reading the files
# (about 3 ms of one core each for the synthetic corpus's findings files).
PROCESS_FROM = 300
# Files the child reads and builds per task, sent back as one pickle: large enough that a
# task's round trip is small beside its work, small enough that the writer gets the first
# files soon.
CHUNK_FILES = 16
# Formats read in the child: findings files (YAML, JSON) and STIX bundles. Report text is
# left in this process: reading it can set facts aside for review, which the caller collects.
_STRUCTURED = frozenset({".yaml", ".yml", ".json"})


class ReaderStopped(GraphkitError):
    """The process reading the report files ended before it had read them all."""


def in_a_process(paths: Sequence[Path], prepare: Callable[[Path], Any]) -> bool:
    """Whether to read ``paths`` in a child process: many files, all findings or STIX files
    (no report text, no standard input), and a ``prepare`` that can be sent to a child."""
    if len(paths) < PROCESS_FROM or any(p.suffix.lower() not in _STRUCTURED for p in paths):
        return False
    try:
        pickle.dumps(prepare)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


def read_ahead(
    paths: list[Path], prepare: Callable[[Path], T], ahead: int, *, process: bool = False
) -> Generator[T, None, None]:
    """``prepare(path)`` for each path, in order, worked out about ``ahead`` files ahead of
    the caller: by a thread, or with ``process`` by a child process (``prepare`` must then
    pickle, and so must what it returns). Close it when done with it early: the thread or
    the process stops then.

    Raises
    ------
    ReaderStopped
        The child process ended (killed, out of memory) before the last file.
    """
    if process:
        return _in_process(paths, prepare, ahead)
    return _in_thread(paths, prepare, ahead)


def _in_thread(
    paths: list[Path], prepare: Callable[[Path], T], ahead: int
) -> Generator[T, None, None]:
    queue: Queue[tuple[T] | BaseException | None] = Queue(ahead)
    stop = threading.Event()

    def produce() -> None:
        try:
            for path in paths:
                if stop.is_set():
                    return
                queue.put((prepare(path),))
            queue.put(None)
        except BaseException as exc:  # handed to the consumer, raised there
            queue.put(exc)

    worker = threading.Thread(target=produce, name="graphkit-read-ahead", daemon=True)
    worker.start()
    try:
        while (item := queue.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item[0]
    finally:
        stop.set()
        while worker.is_alive():  # unblock a producer waiting on a full queue
            with contextlib.suppress(Empty):
                queue.get(timeout=0.1)


def _in_process(
    paths: list[Path], prepare: Callable[[Path], T], ahead: int
) -> Generator[T, None, None]:
    """One child process (started by ``spawn``: a fresh interpreter, nothing inherited from
    this one's threads or open connections) reads ``CHUNK_FILES`` files a task; at most
    ``ahead`` files' results wait, pickled, for the caller. Whatever way the caller stops,
    the child is stopped and waited for before this returns."""
    chunks = iter([paths[i : i + CHUNK_FILES] for i in range(0, len(paths), CHUNK_FILES)])
    pool = ProcessPoolExecutor(
        max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_no_sigint
    )
    pending: deque[Future[bytes]] = deque()
    try:
        with _sigint_blocked():  # the child starts with the first task: Ctrl-C is ours
            pending.extend(
                pool.submit(_prepared_chunk, prepare, c)
                for c in islice(chunks, max(2, ahead // CHUNK_FILES))
            )
        while pending:
            try:
                data = pending.popleft().result()
            except BrokenProcessPool:
                raise ReaderStopped("the process reading the report files stopped") from None
            pending.extend(pool.submit(_prepared_chunk, prepare, c) for c in islice(chunks, 1))
            yield from _unpickled(data)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _prepared_chunk(prepare: Callable[[Path], T], paths: list[Path]) -> bytes:
    """In the child: the chunk's results, pickled here, so that the caller unpickles them
    with the collector paused (:func:`_unpickled`)."""
    return pickle.dumps([prepare(p) for p in paths], protocol=pickle.HIGHEST_PROTOCOL)


def _unpickled(data: bytes) -> list[Any]:
    """Unpickling a chunk makes tens of thousands of small dicts and lists at once, each of
    which counts towards a garbage collection: paused, it costs a third of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return list(pickle.loads(data))
    finally:
        if enabled:
            gc.enable()


def _no_sigint() -> None:
    """In the child: Ctrl-C is for the load (the CLI stops between files, then stops this
    child); at a terminal the signal reaches every process of the job."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """SIGINT held back in this thread while the child starts: the child inherits the mask,
    so a Ctrl-C cannot reach it before :func:`_no_sigint` runs; one that arrives meanwhile
    is delivered here once the mask is restored."""
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
