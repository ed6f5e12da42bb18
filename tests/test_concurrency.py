"""Several graphkit processes on one store at once: real processes, the real stores.

Neo4j takes concurrent loads (the server merges under its locks; the driver retries
deadlocks); the embedded store takes one writer at a time and says so to the next.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synth import write_corpus
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import Neo4jStore
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER
from tests.helpers import findings, write

GRAPHKIT = str(Path(sys.executable).with_name("graphkit"))


def env(**extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if k not in ("GRAPHKIT_STORE", "NEO4J_URI")}
    # Deadlocks between the loads are retried until this deadline (the driver's default is 30
    # s, which a busy machine can use up on retries alone).
    return {**out, "NEO4J_PASSWORD": NEO4J_PASSWORD, "GRAPHKIT_RETRY_WAIT": "600", **extra}


def graph(store: Neo4jStore) -> tuple[list, list]:
    """Nodes and edges with every merged property, lists sorted (their order is the order of
    the writes, which concurrent loads do not fix)."""
    nodes = store.run("MATCH (n) RETURN n.kind, n.id, n.name, n.aliases ORDER BY n.kind, n.id")
    edges = store.run(
        "MATCH (a)-[r]->(b) RETURN r.kind, a.id, b.id, r.sources, r.evidence, r.confidence, "
        "r.first_seen, r.last_seen, r.extracted ORDER BY r.kind, a.id, b.id"
    )

    def norm(row: list) -> list:
        return [sorted(v) if isinstance(v, list) else v for v in row]

    return [norm(r) for r in nodes.rows], [norm(r) for r in edges.rows]


@pytest.mark.neo4j
def test_four_concurrent_loads_into_neo4j_lose_nothing(neo4j_empty, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 40, seed=11)
    files = sorted(corpus.iterdir())
    # Four overlapping slices: each report is loaded by one to three processes.
    slices = [files[0:20], files[7:27], files[14:34], files[20:40]]
    flags = ["--store", NEO4J_URI, "--no-catalog", "-q", "--batch-rows", "300"]
    procs = [
        subprocess.Popen(
            [GRAPHKIT, "load", *map(str, part), *flags],
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in slices
    ]
    outcomes = [(p.wait(timeout=600), p.stderr.read() if p.stderr else "") for p in procs]
    assert outcomes == [(0, "")] * 4
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        concurrent = graph(store)
        ids = store.run("MATCH (n) RETURN n.kind AS k, n.id AS id, count(*) AS c").rows
        assert all(c == 1 for _, _, c in ids)
        store.run("MATCH (n) DETACH DELETE n", write=True)
        assert not load_paths(store, [str(corpus)]).failed
        assert concurrent == graph(store)


def hold(directory: Path, *, first: Path | None = None) -> subprocess.Popen:
    """A process that opens the embedded store for writing (and loads ``first`` into it, if
    given) and keeps it until its stdin ends."""
    # a load closes the database after its checkpoint (a first load's copy does): a statement
    # opens it again, held
    load = (
        "" if first is None else f"assert not load_paths(s, [{str(first)!r}]).failed\ns.stats()\n"
    )
    code = (
        "import sys\n"
        "from graphkit.ingest import load_paths\n"
        "from graphkit.store.embedded import EmbeddedStore\n"
        f"s = EmbeddedStore({str(directory)!r})\n"
        f"{load}"
        "print('open', flush=True)\n"
        "sys.stdin.read()\n"
        "s.close()\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env(),
    )
    assert proc.stdout is not None and proc.stdout.readline() == "open\n"
    return proc


# `graphkit load` in a process that also prints "refused" on stdout each time LadybugDB refuses
# it the database (the real engine's refusal, seen on its way to graphkit's wait loop): the
# tests below know, without a sleep, that the load has met the held store.
OBSERVED_LOAD = """
import sys
import ladybug

engine_open = ladybug.Database

def observed(*args, **kwargs):
    try:
        return engine_open(*args, **kwargs)
    except RuntimeError:
        print("refused", flush=True)
        raise

ladybug.Database = observed
from graphkit.cli import main

sys.argv = ["graphkit", "load", *sys.argv[1:]]
main()
"""


def observed_load(corpus: Path, store: Path, lock_wait: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            OBSERVED_LOAD,
            str(corpus),
            "--store",
            str(store),
            "--no-catalog",
            "-q",
        ],
        env=env(GRAPHKIT_LOCK_WAIT=lock_wait),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_writer_on_the_embedded_store_is_told_who_holds_it(tmp_path: Path) -> None:
    """The load meets the held store, waits its bounded time, and stops with graphkit's
    message while the holder still holds the store; nothing is written."""
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "bench", 3, seed=2)
    holder = hold(store)
    try:
        loader = observed_load(corpus, store, "0.5")
        out, err = loader.communicate(timeout=600)
        assert holder.poll() is None  # the load gave up on its own: the store was still held
    finally:
        holder.communicate("")
    assert loader.returncode == 3, err
    assert set(out.splitlines()) == {"refused"}, out
    assert err.strip() == (
        f"error: the embedded store {store} is in use by another process (pid {holder.pid}): "
        "wait for it to finish, or set GRAPHKIT_LOCK_WAIT to wait longer; for several "
        "writers at once, use Neo4j"
    )
    with EmbeddedStore(store) as s:  # the store is whole and empty, and opens again
        assert sum(s.stats()["nodes"].values()) == 0


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    """The load is refused while the holder (which has written a report) keeps the store;
    only then is the holder closed; the load goes on waiting, gets the store, and adds its
    three reports to the holder's one."""
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "bench", 3, seed=2)
    first = write(tmp_path / "first.yaml", findings())  # a report id the corpus has not
    holder = hold(store, first=first)
    try:
        loader = observed_load(corpus, store, "600")
        assert loader.stdout is not None
        refused = loader.stdout.readline()  # blocks until the engine has refused the load
        assert refused == "refused\n", (refused, loader.poll())
        assert holder.poll() is None  # refused while the first writer still held the store
    finally:
        holder.communicate("")  # the first writer closes; the second may now get the store
    assert holder.returncode == 0
    out, err = loader.communicate(timeout=600)
    assert (loader.returncode, err) == (0, ""), err
    # -q: nothing else on stdout (the first refusal was read above; more are the machine's pace)
    assert set(out.splitlines()) <= {"refused"}, out
    with EmbeddedStore(store) as s:
        assert s.stats()["nodes"]["Report"] == 4


def test_reads_while_a_load_writes_the_embedded_store_see_whole_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Readers open the store again and again while a load writes it: each opens (waiting
    while the writer holds its log) and sees the reports committed so far, never an engine
    error about the log."""
    # The readers here wait as long as the load may take: on a busy machine one checkpoint can
    # hold the log past the default ten seconds, and that wait is not what this test is about.
    monkeypatch.setenv("GRAPHKIT_LOCK_WAIT", "600")
    store = tmp_path / "store"
    EmbeddedStore(store).close()  # the store exists before the first read
    corpus = write_corpus(tmp_path / "bench", 150, seed=13)
    flags = ["--store", str(store), "--no-catalog", "-q", "--batch-rows", "200"]
    loader = subprocess.Popen(
        [GRAPHKIT, "load", str(corpus), *flags],
        env=env(),
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[int] = []
    while loader.poll() is None:
        with EmbeddedStore(store, read_only=True) as s:
            seen.append(s.stats()["nodes"]["Report"])
    assert loader.wait() == 0, loader.stderr.read() if loader.stderr else ""
    assert len(seen) >= 3, seen  # the reads really overlapped the load
    assert seen == sorted(seen) and seen[-1] <= 150


def test_a_reader_is_told_which_process_writes_the_embedded_store(tmp_path: Path) -> None:
    from graphkit.store.embedded import DB_FILE, _writer_pid

    store = tmp_path / "store"
    holder = hold(store)
    try:
        assert _writer_pid(store / DB_FILE) == holder.pid
    finally:
        holder.communicate("")
    assert _writer_pid(store / DB_FILE) is None
