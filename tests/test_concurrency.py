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


def hold(directory: Path) -> subprocess.Popen:
    """A process that opens the embedded store for writing and keeps it until its stdin ends."""
    code = (
        "import sys\n"
        "from graphkit.store.embedded import EmbeddedStore\n"
        f"s = EmbeddedStore({str(directory)!r})\n"
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


def test_a_second_writer_on_the_embedded_store_is_told_who_holds_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "bench", 3, seed=2)
    holder = hold(store)
    try:
        res = subprocess.run(
            [GRAPHKIT, "load", str(corpus), "--store", str(store), "--no-catalog"],
            env=env(GRAPHKIT_LOCK_WAIT="0.5"),
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        holder.communicate("")
    assert res.returncode == 3
    assert res.stderr.strip() == (
        f"error: the embedded store {store} is in use by another process (pid {holder.pid}): "
        "wait for it to finish, or set GRAPHKIT_LOCK_WAIT to wait longer; for several "
        "writers at once, use Neo4j"
    )
    with EmbeddedStore(store) as s:  # the store is whole and empty, and opens again
        assert sum(s.stats()["nodes"].values()) == 0


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    store = tmp_path / "store"
    corpus = write_corpus(tmp_path / "bench", 3, seed=2)
    holder = hold(store)
    loader = subprocess.Popen(
        [GRAPHKIT, "load", str(corpus), "--store", str(store), "--no-catalog", "-q"],
        env=env(GRAPHKIT_LOCK_WAIT="300"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    holder.communicate("")  # the first writer finishes; the second then gets the store
    _, err = loader.communicate(timeout=600)
    assert (loader.returncode, err) == (0, "")
    with EmbeddedStore(store) as s:
        assert s.stats()["nodes"]["Report"] == 3


def test_reads_while_a_load_writes_the_embedded_store_see_whole_reports(tmp_path: Path) -> None:
    """Readers open the store again and again while a load writes it: each opens (waiting
    while the writer holds its log) and sees the reports committed so far, never an engine
    error about the log."""
    from graphkit.store.embedded import EmbeddedStore

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
