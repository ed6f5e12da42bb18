"""Ctrl-C during `graphkit load`: a real SIGINT to a real child process at a terminal (a pty),
sent once its progress bar shows a file written. The load says how many files are in the
store and exits 130; the store holds whole reports, and the same load run again completes it.
"""

from __future__ import annotations

import os
import pty
import re
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.synth import write_corpus
from graphkit.commands.interrupt import stop_between_files
from graphkit.ingest import load_paths
from graphkit.store import GraphStore
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import Neo4jStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER
from tests.test_concurrency import graph

GRAPHKIT = str(Path(sys.executable).with_name("graphkit"))
REPORTS = 120
INTERRUPTED = re.compile(
    rb"interrupted: (\d+) of 120 files are in the store, each whole; run the same load again"
)


@pytest.fixture(autouse=True)
def _ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """A run started in the background by a non-interactive shell (a CI runner's, `make test
    &`, `nohup`) ignores SIGINT, and its children inherit that: the load would never see the
    test's Ctrl-C and would run to the end. A Python handler here (reset to the default in a
    child at exec) gives the child what a terminal gives it."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def _read(fd: int, until: re.Pattern[bytes] | None, seen: bytearray) -> re.Match[bytes] | None:
    """Read the pty into ``seen`` until ``until`` matches it (or, with None, the end)."""
    while True:
        found = until.search(seen) if until is not None else None
        if found:
            return found
        ready, _, _ = select.select([fd], [], [], 300)
        assert ready, f"no output for 300 s; so far: {bytes(seen[-500:])!r}"
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the child has closed the terminal
            return None
        if not chunk:
            return None
        seen.extend(chunk)


def interrupted_load(corpus: Path, target: str) -> tuple[int, int]:
    """Run the load at a pty, SIGINT it once a file is written: its exit code and the
    number of files it says are in the store."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("GRAPHKIT_STORE", "NEO4J_URI")}
    env.update(NEO4J_PASSWORD=NEO4J_PASSWORD, TERM="xterm", COLUMNS="120")
    child = subprocess.Popen(
        [GRAPHKIT, "load", str(corpus), "--store", target, "--no-catalog", "--batch-rows", "60"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
        start_new_session=True,
    )
    os.close(follower)
    seen = bytearray()
    try:
        # the bar's count ("3/120") once at least one file is written
        assert _read(leader, re.compile(rb"\b[1-9]\d*/120\b"), seen), bytes(seen)
        child.send_signal(signal.SIGINT)
        _read(leader, None, seen)
        code = child.wait(timeout=300)
    finally:
        os.close(leader)
        if child.poll() is None:
            child.kill()
    said = INTERRUPTED.search(seen)
    assert said, bytes(seen[-2000:])
    return code, int(said.group(1))


def _rerun_completes(store: GraphStore, corpus: Path, stored: int) -> list:
    """The store holds whole files only, at least as many as the load said, not all of them;
    the same load run again completes it. Returns the graph after the rerun."""
    reports = store.stats()["nodes"]["Report"]
    assert 1 <= stored <= reports < REPORTS
    again = load_paths(store, [str(corpus)])
    assert not again.failed
    assert sum(f.status == "unchanged" for f in again.files) == reports
    return graph(store)


def test_ctrl_c_during_an_embedded_load(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=7)
    code, stored = interrupted_load(corpus, str(tmp_path / "store"))
    assert code == 130
    with EmbeddedStore(tmp_path / "store") as store:
        after = _rerun_completes(store, corpus, stored)
    with EmbeddedStore(tmp_path / "expected") as expected:
        assert not load_paths(expected, [str(corpus)]).failed
        assert after == graph(expected)


@pytest.mark.neo4j
def test_ctrl_c_during_a_neo4j_load(neo4j_empty, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=7)
    code, stored = interrupted_load(corpus, NEO4J_URI)
    assert code == 130
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        after = _rerun_completes(store, corpus, stored)
        store.run("MATCH (n) DETACH DELETE n", write=True)
        assert not load_paths(store, [str(corpus)]).failed
        assert after == graph(store)


def test_the_first_ctrl_c_asks_and_the_second_stops_at_once() -> None:
    with stop_between_files() as stopping:
        stopping()  # nothing asked yet
        os.kill(os.getpid(), signal.SIGINT)  # the handler runs before the next line
        with pytest.raises(KeyboardInterrupt):
            stopping()  # between files: the load stops here
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)  # asked twice: stops wherever it is
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # given back
