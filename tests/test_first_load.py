"""A first load into an empty embedded store, merged in a scratch and written once by COPY:
the store it leaves is the one a load group by group leaves, and whatever ends it, the store
holds what the load says it holds. The real LadybugDB, real processes for the kills."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bench.synth import write_corpus
from graphkit.cli import app
from graphkit.commands import register_all
from graphkit.errors import StoreError
from graphkit.ingest import FileResult, LoadSummary, load_paths
from graphkit.schema import NODES, REL_PROPS, RELS
from graphkit.store.embedded import DB_FILE, EmbeddedStore
from graphkit.store.scratch import PREFIX, Scratch

register_all()


def everything(store: EmbeddedStore) -> list[tuple[Any, ...]]:
    """Every node and relationship with all its properties, lists in their stored order."""
    out: list[tuple[Any, ...]] = []
    for label, node in NODES.items():
        cols = ", ".join(f"n.{p.name}" for p in node.all_props)
        out += [(label, *map(repr, r)) for r in store.run(f"MATCH (n:{label}) RETURN {cols}").rows]
    cols = ", ".join(f"r.{p.name}" for p in REL_PROPS)
    for rel, rt in RELS.items():
        for a, b in rt.endpoints:
            q = f"MATCH (x:{a})-[r:{rel}]->(y:{b}) RETURN x.id, y.id, {cols}"
            out += [(rel, a, b, *map(repr, r)) for r in store.run(q).rows]
    return sorted(out)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "bench", 40, seed=7)


def transactions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the store's write transactions (a scratch's writes are none)."""
    count = [0]
    real = EmbeddedStore._transaction

    def counted(self: EmbeddedStore, *args: Any) -> Any:
        count[0] += 1
        return real(self, *args)

    monkeypatch.setattr(EmbeddedStore, "_transaction", counted)
    return count


def load(
    store: Path, paths: list[str], monkeypatch: pytest.MonkeyPatch, *, copy: bool, **kw: Any
) -> LoadSummary:
    monkeypatch.setenv("GRAPHKIT_FIRST_LOAD_COPY", "1" if copy else "0")
    with EmbeddedStore(store) as s:
        return load_paths(s, paths, batch_rows=800, **kw)


def outcome(summary: LoadSummary) -> list[tuple[str, str, str | None, Any]]:
    return [(Path(f.path).name, f.status, f.error, f.written) for f in summary.files]


def test_a_first_load_by_copy_leaves_the_store_a_load_group_by_group_leaves(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = transactions(monkeypatch)
    old = load(tmp_path / "old", [str(corpus)], monkeypatch, copy=False)
    assert count[0] > 5  # groups of 800 rows, each its own transaction
    count[0] = 0
    new = load(tmp_path / "new", [str(corpus)], monkeypatch, copy=True)
    assert count[0] == 0  # merged in the scratch, copied at the end
    assert outcome(new) == outcome(old)  # what each file created, matched and changed
    with EmbeddedStore(tmp_path / "old") as a, EmbeddedStore(tmp_path / "new") as b:
        assert everything(a) == everything(b)
        assert b.stats()["nodes"]["Report"] == 40
        again = load_paths(b, [str(corpus)])  # the reload: nothing new, the old path
        assert {f.status for f in again.files} == {"unchanged"}
        assert everything(a) == everything(b)
    assert not list((tmp_path / "new").glob(PREFIX + "*"))  # the scratch is gone
    assert not (tmp_path / "new" / (DB_FILE + ".wal")).exists()  # checkpointed


def test_a_second_load_into_the_store_a_first_load_left_writes_group_by_group(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(str(f) for f in corpus.iterdir())
    count = transactions(monkeypatch)
    load(tmp_path / "old", files[:15], monkeypatch, copy=False)
    load(tmp_path / "old", files[15:], monkeypatch, copy=False)
    count[0] = 0
    load(tmp_path / "new", files[:15], monkeypatch, copy=True)
    assert count[0] == 0
    load(tmp_path / "new", files[15:], monkeypatch, copy=True)
    assert count[0] > 0  # the store holds rows now: the existing path
    with EmbeddedStore(tmp_path / "old") as a, EmbeddedStore(tmp_path / "new") as b:
        assert everything(a) == everything(b)


def test_a_bad_file_in_the_middle_fails_alone_as_before(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(corpus.iterdir())
    files[20].write_text('{"campaigns": [', encoding="utf-8")
    old = load(tmp_path / "old", [str(corpus)], monkeypatch, copy=False)
    count = transactions(monkeypatch)
    new = load(tmp_path / "new", [str(corpus)], monkeypatch, copy=True)
    assert count[0] == 0
    assert [f.path for f in new.failed] == [str(files[20])]
    assert outcome(new) == outcome(old)
    with EmbeddedStore(tmp_path / "old") as a, EmbeddedStore(tmp_path / "new") as b:
        assert everything(a) == everything(b)
        assert b.stats()["nodes"]["Report"] == 39


def stopping_after(n: int) -> Any:
    """An ``on_file`` that stops the load (Ctrl-C) once ``n`` files were told."""
    told: list[FileResult] = []

    def on_file(result: FileResult) -> None:
        told.append(result)
        if len(told) == n:
            raise KeyboardInterrupt

    return on_file


def test_an_interrupted_first_load_leaves_the_files_it_told_whole_as_before(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = transactions(monkeypatch)
    for copy in (False, True):
        count[0] = 0
        with pytest.raises(KeyboardInterrupt):
            load(
                tmp_path / f"s{copy}",
                [str(corpus)],
                monkeypatch,
                copy=copy,
                on_file=stopping_after(22),
            )
    assert count[0] == 0  # the second load's: none
    with EmbeddedStore(tmp_path / "sFalse") as a, EmbeddedStore(tmp_path / "sTrue") as b:
        reports = b.stats()["nodes"]["Report"]
        assert 22 <= reports < 40  # the group the 22nd file was in, whole; none after it
        assert everything(a) == everything(b)
        again = load_paths(b, [str(corpus)])  # the same load again completes it
        assert sorted({f.status for f in again.files}) == ["loaded", "unchanged"]
    assert not list((tmp_path / "sTrue").glob(PREFIX + "*"))


def test_ctrl_c_during_the_copy_leaves_the_store_empty_and_says_no_file_is_in_it(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = Scratch.copies

    def interrupted(self: Scratch) -> Iterator[str]:
        for cypher in real(self):
            if cypher.startswith("COPY USES"):  # the nodes and some relationships copied
                raise KeyboardInterrupt
            yield cypher

    monkeypatch.setattr(Scratch, "copies", interrupted)
    told: list[FileResult] = []
    monkeypatch.setenv("GRAPHKIT_FIRST_LOAD_COPY", "1")
    with EmbeddedStore(tmp_path / "s") as s:
        with pytest.raises(KeyboardInterrupt):
            load_paths(s, [str(corpus)], on_file=told.append)
        assert everything(s) == []  # what it had copied is undone
        assert {f.status for f in told} == {"failed"}  # what the CLI counts as stored: none
        assert not list((tmp_path / "s").glob(PREFIX + "*"))
        monkeypatch.setattr(Scratch, "copies", real)
        assert not load_paths(s, [str(corpus)]).failed  # and the same load again loads it
        got = everything(s)
    with EmbeddedStore(tmp_path / "clean") as s:
        assert not load_paths(s, [str(corpus)]).failed
        assert everything(s) == got


# Loads CORPUS into a new store by the first-load path and kills itself with SIGKILL at the
# given point of the final write: before the N-th COPY's transaction, after the N-th COPY's
# COMMIT (before the checkpoint that writes the copied pages), or before the Reports' hashes.
KILLER = """
import os, signal, sys
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.first_load import FirstLoadByCopy

store_dir, corpus, point = sys.argv[1], sys.argv[2], sys.argv[3]
real = FirstLoadByCopy._copied
copies = 0

def dying(self, write):
    global copies
    copies += 1
    if point == "hashes" and write.func.__name__ == "_hashes":
        os.kill(os.getpid(), signal.SIGKILL)
    if point.startswith("commit") and copies == int(point[6:]):
        self._ensure_open()
        self._conn.execute("BEGIN TRANSACTION")
        write()
        self._conn.execute("COMMIT")
        os.kill(os.getpid(), signal.SIGKILL)
    if point.isdigit() and copies == int(point):
        os.kill(os.getpid(), signal.SIGKILL)
    real(self, write)

FirstLoadByCopy._copied = dying
store = EmbeddedStore(store_dir)
load_paths(store, [corpus])
"""


@pytest.mark.parametrize("point", ["3", "12", "commit4", "hashes"])
def test_a_load_killed_during_the_copy_is_undone_by_the_next_writer(
    tmp_path: Path, corpus: Path, point: str
) -> None:
    store = tmp_path / "store"
    env = {**os.environ, "GRAPHKIT_FIRST_LOAD_COPY": "1"}
    child = subprocess.run(
        [sys.executable, "-c", KILLER, str(store), str(corpus), point],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    assert list(store.glob(PREFIX + "*"))  # a kill leaves its scratch
    with EmbeddedStore(store, read_only=True) as s:  # part of the load, maybe: not as loaded
        q = "MATCH (r:Report) WHERE r.sha256 IS NOT NULL RETURN count(*)"
        assert s.run(q).rows == [[0]]
    with EmbeddedStore(store) as s:  # the next writer: the part undone, the scratch removed
        assert everything(s) == []
        assert not list(store.glob(PREFIX + "*"))
        assert not load_paths(s, [str(corpus)]).failed  # a first load again, whole
        got = everything(s)
    with EmbeddedStore(tmp_path / "clean") as s:
        assert not load_paths(s, [str(corpus)]).failed
        assert everything(s) == got


def test_a_setting_of_the_first_load_that_is_not_0_or_1_is_refused(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRAPHKIT_FIRST_LOAD_COPY", "yes")
    with EmbeddedStore(tmp_path / "s") as s, pytest.raises(StoreError, match="0 or 1"):
        load_paths(s, [str(corpus)])


def test_the_command_loads_the_catalogs_and_the_files_into_an_empty_store_by_one_copy(
    runner: CliRunner, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = transactions(monkeypatch)
    for copy in ("0", "1"):
        monkeypatch.setenv("GRAPHKIT_FIRST_LOAD_COPY", copy)
        count[0] = 0
        res = runner.invoke(app, ["load", str(corpus), "--store", str(tmp_path / copy), "-q"])
        assert res.exit_code == 0, res.output
    assert count[0] == 0  # the catalogs too went into the scratch
    with EmbeddedStore(tmp_path / "0") as a, EmbeddedStore(tmp_path / "1") as b:
        assert b.stats()["nodes"]["Technique"] > 500  # the catalogs'
        assert everything(a) == everything(b)
