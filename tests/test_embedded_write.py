"""The embedded store's write path: when it checkpoints, and that what it commits between
checkpoints survives a killed process. Real LadybugDB, real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from bench.synth import write_corpus
from graphkit.batch import GraphBatch
from graphkit.errors import QueryError, StoreCapacityError, StoreError, StoreUnavailableError
from graphkit.ingest import load_paths
from graphkit.lifecycle import unload
from graphkit.store import embedded
from graphkit.store.embedded import DB_FILE, EmbeddedStore
from tests.test_faults import graph, split_corpus

# Loads the first files, then the rest, reports the log's size (the commits left in it), and
# dies before closing.
KILLED_AFTER_COMMIT = """
import os, signal, sys
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore

store_dir, first, rest = sys.argv[1], sys.argv[2], sys.argv[3]
store = EmbeddedStore(store_dir)
assert not load_paths(store, [first]).failed
assert not load_paths(store, [rest]).failed
print(store._log_mb(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def thirds(tmp_path: Path) -> tuple[list[str], list[str], list[str]]:
    """A 40-report corpus in three loads: 5 reports, 30 (about 2 MB of log), 5 (well under
    1 MB)."""
    files = [str(f) for f in sorted(write_corpus(tmp_path / "bench", 40, seed=3).iterdir())]
    return files[:5], files[5:35], files[35:]


def log_bytes(directory: Path) -> int:
    wal = directory / (DB_FILE + ".wal")
    return wal.stat().st_size if wal.exists() else 0


def test_commits_left_in_the_log_survive_a_killed_process(tmp_path: Path) -> None:
    corpus, first, rest = split_corpus(tmp_path)
    store = tmp_path / "store"
    child = subprocess.run(
        [sys.executable, "-c", KILLED_AFTER_COMMIT, str(store), str(first), str(rest)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert float(child.stdout) > 0  # commits were in the log only when it died
    with EmbeddedStore(tmp_path / "expected") as expected:
        assert not load_paths(expected, [str(corpus)]).failed
        want = graph(expected)
    with EmbeddedStore(store) as s:  # replays the log: both loads whole
        assert graph(s) == want
        again = load_paths(s, [str(corpus)])
        assert sorted(f.status for f in again.files) == ["unchanged"] * 12


def test_the_log_is_checkpointed_past_its_threshold_and_on_close(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, rest, last = thirds(tmp_path)
    kept, small = tmp_path / "kept", tmp_path / "small"
    with EmbeddedStore(kept) as s:
        load_paths(s, first)
        load_paths(s, rest)
        assert log_bytes(kept) > 1 << 20  # under the default threshold: left in the log
    assert log_bytes(kept) == 0  # closing checkpoints it
    monkeypatch.setenv("GRAPHKIT_CHECKPOINT_MB", "1")
    with EmbeddedStore(small) as s:
        load_paths(s, first)
        load_paths(s, rest)
        assert log_bytes(small) > 1 << 20  # past 1 MB: a checkpoint due at the next write
        load_paths(s, last)
        assert 0 < log_bytes(small) < 1 << 20  # checkpointed, then only the last commit logged
    with EmbeddedStore(kept) as s:
        load_paths(s, last)
    with EmbeddedStore(kept, read_only=True) as a, EmbeddedStore(small, read_only=True) as b:
        assert graph(a) == graph(b)
        assert a.stats()["nodes"]["Report"] == 40


def test_the_log_is_checkpointed_once_the_process_holds_more_than_its_memory_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, rest, last = thirds(tmp_path)
    monkeypatch.setenv("GRAPHKIT_MEMORY_MB", "64")  # a process with LadybugDB open holds more
    monkeypatch.setattr(embedded, "LEAST_LOG_MB", 1)  # the log this corpus leaves is 2 MB
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        load_paths(s, first)
        load_paths(s, rest)
        assert log_bytes(store) > 1 << 20  # a checkpoint due at the next write
        load_paths(s, last)  # the same loads left the log whole under 640 MB (above)
        assert 0 < log_bytes(store) < 1 << 20
        assert s.stats()["nodes"]["Report"] == 40


def no_checkpoint_due(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 64 MB page cache, and neither the log's size, the process's memory nor the cache's
    use makes a checkpoint due: what the load commits stays in the cache until it fills."""
    monkeypatch.setenv("GRAPHKIT_BUFFER_POOL_MB", "64")
    monkeypatch.setenv("GRAPHKIT_CHECKPOINT_MB", "65536")
    monkeypatch.setenv("GRAPHKIT_MEMORY_MB", "65536")
    monkeypatch.setattr(embedded, "CACHE_FULL", 2.0)


def test_the_log_is_checkpointed_once_a_commit_leaves_the_page_cache_nearly_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, rest, last = thirds(tmp_path)
    no_checkpoint_due(monkeypatch)
    monkeypatch.setattr(embedded, "CACHE_FULL", 0.0)  # any use of the cache is past it
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        load_paths(s, first)
        load_paths(s, rest)
        assert log_bytes(store) > 1 << 20  # a checkpoint due at the next write
        load_paths(s, last)
        assert 0 < log_bytes(store) < 1 << 20
        assert s.stats()["nodes"]["Report"] == 40


def test_a_transaction_the_uncheckpointed_commits_leave_no_room_for_runs_again_after_a_checkpoint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages a commit leaves in the log stay in the page cache until a checkpoint: a later
    transaction that finds the cache full is rolled back, the log checkpointed and the same
    transaction run again (before: the load stopped with StoreCapacityError, as a 10k-report
    load beside another did once at the default settings)."""
    corpus = str(write_corpus(tmp_path / "bench", 100, seed=1))
    with EmbeddedStore(tmp_path / "expected") as s:
        assert not load_paths(s, [corpus], batch_rows=4000).failed
        want = graph(s)
    no_checkpoint_due(monkeypatch)
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, [corpus], batch_rows=4000).failed
        assert graph(s) == want
        again = load_paths(s, [corpus], batch_rows=4000)
        assert {f.status for f in again.files} == {"unchanged"}
    with EmbeddedStore(store, read_only=True) as s:  # what the checkpoints wrote reads back
        assert graph(s) == want


def test_a_transaction_too_large_for_the_page_cache_after_a_checkpoint_stops_the_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run again after a checkpoint, a transaction that still does not fit stops the load with
    the one line of StoreCapacityError, the groups before it committed whole."""
    files = [str(f) for f in sorted(write_corpus(tmp_path / "bench", 200, seed=2).iterdir())]
    no_checkpoint_due(monkeypatch)
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, files[:1]).failed  # by COPY: checkpointed
        assert not load_paths(s, files[1:2]).failed  # logged: the log is not empty
        assert log_bytes(store) > 0
        with pytest.raises(StoreCapacityError, match=r"page cache \(64 MB\) is too small for one"):
            load_paths(s, files[2:], batch_rows=1_000_000)
        assert log_bytes(store) == 0  # checkpointed before the second try
        assert s.stats()["nodes"]["Report"] == 2
    with EmbeddedStore(store) as s:
        assert not load_paths(s, files[2:4]).failed
        assert s.stats()["nodes"]["Report"] == 4


@pytest.mark.parametrize("name", ["GRAPHKIT_CHECKPOINT_MB", "GRAPHKIT_MEMORY_MB"])
def test_a_memory_setting_that_is_not_a_number_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "lots")
    with pytest.raises(StoreError, match=f"{name} must be a whole number"):
        EmbeddedStore(tmp_path / "s")


def test_reads_do_not_pile_up_in_the_page_cache_so_a_large_unload_can_be_planned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One LadybugDB connection keeps pages of everything it read until it is closed: the
    forty-odd reads that plan taking one report back out of 200 filled a 64 MB page cache
    ("the buffer pool is full"), as they filled 320 MB on a store of 10,000 reports. Each read
    now runs on a fresh connection."""
    corpus = write_corpus(tmp_path / "bench", 200, seed=1)
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, [str(corpus)]).failed
    monkeypatch.setenv("GRAPHKIT_BUFFER_POOL_MB", "64")  # the smallest the store accepts
    with EmbeddedStore(store) as s:
        plan = unload(s, ["synth-0099"], dry_run=True)
        assert plan.edges_deleted > 0 and plan.edges_rewritten > 0
        assert s.stats()["nodes"]["Report"] == 200  # a dry run


def test_a_query_answer_too_large_for_the_page_cache_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "bench", 100, seed=1)
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, [str(corpus)]).failed
    monkeypatch.setenv("GRAPHKIT_BUFFER_POOL_MB", "64")  # the smallest the store accepts
    pairs = "MATCH (a)-[r]->(b), (c)-[q]->(d) RETURN r.evidence, q.evidence ORDER BY a.id, c.id"
    with (
        EmbeddedStore(store, read_only=True) as s,
        pytest.raises(QueryError, match=r"page cache \(64 MB\) is too small for this query's"),
    ):
        s.run(pairs)


def test_an_unload_too_large_for_the_page_cache_says_what_applies_to_an_unload(
    tmp_path: Path,
) -> None:
    """An unload is one transaction: the way out is a larger page cache or fewer reports at a
    time, not a load's ``--batch-rows``."""
    corpus = write_corpus(tmp_path / "bench", 200, seed=1)
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, [str(corpus)]).failed
    graphkit = str(Path(sys.executable).with_name("graphkit"))
    ids = [f"synth-{i:04d}" for i in range(150)]
    res = subprocess.run(
        [graphkit, "unload", *ids, "--store", str(store)],
        env={**os.environ, "GRAPHKIT_BUFFER_POOL_MB": "64"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert res.returncode == 3, res.stderr
    assert res.stderr.strip() == (
        "error: the embedded store's page cache (64 MB) is too small for the unload; nothing "
        "of it was written: set GRAPHKIT_BUFFER_POOL_MB higher or unload fewer reports at a "
        "time, then run the unload again"
    )
    with EmbeddedStore(store) as s:  # nothing half-written, and the store opens again
        assert s.stats()["nodes"]["Report"] == 200


# Opens the store for writing, says so, and holds it until its input closes.
HOLDER = """
import sys
from graphkit.store.embedded import EmbeddedStore

with EmbeddedStore(sys.argv[1]):
    print("open", flush=True)
    sys.stdin.read()
"""


def test_after_a_checkpoint_the_store_is_shut_and_a_writer_that_took_it_stops_the_load_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The store closes LadybugDB after a checkpoint (what it holds of past transactions
    goes with it) and opens it again at the next statement. Another process may take the
    store in between: the load then stops as when the store is lost, with the groups it
    committed whole."""
    first, rest, last = thirds(tmp_path)
    monkeypatch.setenv("GRAPHKIT_CHECKPOINT_MB", "1")
    monkeypatch.setenv("GRAPHKIT_LOCK_WAIT", "0")
    store = tmp_path / "store"
    with EmbeddedStore(store) as s:
        assert not load_paths(s, first + rest).failed  # by COPY: checkpointed, shut
        assert log_bytes(store) == 0
        holder = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(store)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline() == "open\n"
            with pytest.raises(StoreUnavailableError, match="in use by another process"):
                load_paths(s, last)
        finally:
            holder.communicate("")
        assert holder.returncode == 0
        assert s.stats()["nodes"]["Report"] == 35  # the store is this process's again
        assert not load_paths(s, last).failed
        assert s.stats()["nodes"]["Report"] == 40


def test_a_source_appended_in_the_store_updates_the_sole_source(tmp_path: Path) -> None:
    """Held lists are appended to inside the store, the merge in Python seeing only the items
    a load asks about: the derived ``sole_source`` is worked out there too."""

    def fact(report: str) -> GraphBatch:
        batch = GraphBatch(report_id=report)
        a = batch.add_node("Actor", "apt-x", name="APT-X", reference=False)
        c = batch.add_node("Country", "RU", name="Russia", reference=False)
        batch.add_edge("LINKED_TO", a, c, sources=[report], evidence=[f"{report}: says so"])
        return batch

    sole = "MATCH ()-[r:LINKED_TO]->() RETURN r.sole_source, r.sources, r.evidence, r.claims"
    with EmbeddedStore(tmp_path / "db") as store:
        store.write_batches([fact("r1")])
        assert store.run(sole).rows == [["r1", ["r1"], ["r1: says so"], ["r1||||"]]]
        store.write_batches([fact("r2")])
        both = [["", ["r1", "r2"], ["r1: says so", "r2: says so"], ["r1||||", "r2||||"]]]
        assert store.run(sole).rows == both
        store.write_batches([fact("r2")])  # again: nothing new
        assert store.run(sole).rows == both
