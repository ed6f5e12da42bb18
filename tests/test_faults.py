"""A load killed in the middle of a write: the store keeps whole reports only, and the same
load run again completes it. Real processes, SIGKILL, the real stores."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from bench.synth import write_corpus
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore

# A child that loads the first files whole, then kills itself with SIGKILL in the middle of
# the next transaction: after the given number of its reads have run, before COMMIT (the
# second load of the split corpus reads 15 times: nodes by label, then held edges by shape).
KILLER = """
import os, signal, sys
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore

store_dir, first, rest, after = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with EmbeddedStore(store_dir) as store:
    assert not load_paths(store, [first]).failed
    run = store._run
    count = 0

    def dying(cypher, params):
        global count
        count += 1
        if count == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return run(cypher, params)

    store._run = dying
    load_paths(store, [rest])
"""


def graph(store: EmbeddedStore) -> tuple[list, list]:
    nodes = store.run("MATCH (n) RETURN n.kind, n.id, n.name ORDER BY n.kind, n.id").rows
    edges = store.run(
        "MATCH (a)-[r]->(b) RETURN r.kind, a.id, b.id, r.sources, r.evidence, r.confidence "
        "ORDER BY r.kind, a.id, b.id"
    ).rows
    return nodes, edges


def split_corpus(tmp_path: Path) -> tuple[Path, Path, Path]:
    corpus = write_corpus(tmp_path / "bench", 12, seed=21)
    first, rest = tmp_path / "first", tmp_path / "rest"
    first.mkdir()
    rest.mkdir()
    for n, f in enumerate(sorted(corpus.iterdir())):
        (first if n < 5 else rest).joinpath(f.name).write_bytes(f.read_bytes())
    return corpus, first, rest


def test_a_load_killed_mid_write_leaves_whole_reports_and_reruns_clean(tmp_path: Path) -> None:
    corpus, first, rest = split_corpus(tmp_path)
    store = tmp_path / "store"
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(store), str(first), str(rest), "12"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    with EmbeddedStore(tmp_path / "expected-first") as expected:
        assert not load_paths(expected, [str(first)]).failed
        only_first = graph(expected)
    with EmbeddedStore(store) as s:  # opens after the crash, holding the first files whole
        assert graph(s) == only_first
        again = load_paths(s, [str(corpus)])
        assert not again.failed
        statuses = sorted(f.status for f in again.files)
        assert statuses == ["loaded"] * 7 + ["unchanged"] * 5
        after = graph(s)
    with EmbeddedStore(tmp_path / "expected-all") as expected:
        assert not load_paths(expected, [str(corpus)]).failed
        assert after == graph(expected)


def test_the_kill_really_lands_inside_the_transaction(tmp_path: Path) -> None:
    """The test above must be able to fail: the same child with a kill point past the end
    finishes the load, so the killed run stopped inside a write."""
    _, first, rest = split_corpus(tmp_path)
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(tmp_path / "s"), str(first), str(rest), "100000"],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ},
    )
    assert child.returncode == 0, child.stderr
    with EmbeddedStore(tmp_path / "s") as s:
        assert s.stats()["nodes"]["Report"] == 12


def test_a_page_cache_too_small_for_a_transaction_stops_the_load_cleanly(tmp_path: Path) -> None:
    """Into a store that holds something (into an empty one, COPY fits 200 reports in 64 MB)."""
    corpus = write_corpus(tmp_path / "bench", 200, seed=2)
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, [str(sorted(corpus.iterdir())[0])]).failed
    graphkit = str(Path(sys.executable).with_name("graphkit"))
    flags = ["--store", str(store), "--no-catalog", "--batch-rows", "1000000"]
    res = subprocess.run(
        [graphkit, "load", str(corpus), *flags],
        env={**os.environ, "GRAPHKIT_BUFFER_POOL_MB": "64"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert res.returncode == 3
    assert res.stderr.strip() == (
        "error: the embedded store's page cache (64 MB) is too small for one transaction; "
        "nothing of it was written: set GRAPHKIT_BUFFER_POOL_MB higher or load with a lower "
        "--batch-rows, then run the same load again"
    )
    with EmbeddedStore(store) as s:  # nothing half-written, and the store opens again
        assert s.stats()["nodes"]["Report"] == 1
