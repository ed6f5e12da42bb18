"""A large load's files read and built in a child process (graphkit.read_ahead): the same
errors, counts and graph as when they are read in the loading process, a crash of the child
an error rather than a hang, Ctrl-C for the load alone, no child left behind."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import asdict
from functools import partial
from pathlib import Path

import pytest

import graphkit.read_ahead
from bench.synth import write_corpus
from graphkit.commands.interrupt import stop_between_files
from graphkit.errors import InputError
from graphkit.ingest import (
    FileResult,
    LoadSummary,
    _prepared_file,
    expand_paths,
    load_files,
    load_paths,
)
from graphkit.read_ahead import ReaderStopped, in_a_process
from graphkit.store.embedded import EmbeddedStore
from graphkit.store.neo4j import Neo4jStore
from loaders import Loaded, read_report
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER
from tests.test_concurrency import graph

REPORTS = 40


@pytest.fixture
def in_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every load of this test reads in a child process, however few its files."""
    monkeypatch.setattr(graphkit.read_ahead, "PROCESS_FROM", 1)


@pytest.fixture(autouse=True)
def _no_child_left() -> Iterator[None]:
    yield
    assert multiprocessing.active_children() == []


def corpus_with_bad_files(tmp_path: Path) -> Path:
    """The synthetic corpus, and two bad files: JSON broken on its line 3, and findings
    with an unknown sector."""
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=3)
    (corpus / "synth-0004b.json").write_text('{\n "report": {\n  "id": ,\n}\n')
    doc = json.loads((corpus / "synth-0007.json").read_text())
    doc["report"]["id"] = "bad-sector"
    doc["campaigns"][0]["targets"] = {
        "sectors": [{"id": "farms", "confidence": 50, "evidence": "seen"}]
    }
    (corpus / "synth-0007b.json").write_text(json.dumps(doc, indent=1))
    return corpus


def outputs(summary: LoadSummary) -> list[dict]:
    return [asdict(f) for f in summary.files]


def _crashing_read(path: Path) -> Loaded:
    """A reader that kills its process at the twentieth file, as the kernel's OOM killer
    would."""
    if path.name == "synth-0019.json":
        os._exit(3)
    return read_report(path)


def _telling_read(path: Path) -> Loaded:
    """A reader whose one error names the process it ran in."""
    if path.name == "synth-0002.json":
        raise InputError(f"read in process {os.getpid()}", path=str(path))
    return read_report(path)


def test_only_large_loads_of_findings_and_stix_files_use_a_process(tmp_path: Path) -> None:
    many = [tmp_path / f"r{i}.json" for i in range(graphkit.read_ahead.PROCESS_FROM)]
    assert in_a_process(many, read_report)
    assert not in_a_process(many[:-1], read_report)  # too few to pay a process start
    assert not in_a_process([*many, tmp_path / "report.pdf"], read_report)  # report text
    assert not in_a_process(many, lambda p: p)  # cannot reach a child
    assert in_a_process(many, partial(_prepared_file, read_report))  # what the load passes


def test_a_bad_file_read_in_the_child_is_named_as_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = corpus_with_bad_files(tmp_path)
    with EmbeddedStore(tmp_path / "thread") as store:
        in_process = load_paths(store, [str(corpus)], batch_rows=800)
    monkeypatch.setattr(graphkit.read_ahead, "PROCESS_FROM", 1)
    with EmbeddedStore(tmp_path / "child") as store:
        in_child = load_paths(store, [str(corpus)], batch_rows=800)
        held = graph(store)
    errors = {Path(f.path).name: f.error for f in in_child.failed}
    assert sorted(errors) == ["synth-0004b.json", "synth-0007b.json"]
    assert errors["synth-0004b.json"].startswith(f"{corpus / 'synth-0004b.json'}:3: ")
    assert re.match(
        rf"{re.escape(str(corpus / 'synth-0007b.json'))}:\d+: ", errors["synth-0007b.json"]
    )
    assert "farms" in errors["synth-0007b.json"]
    assert outputs(in_child) == outputs(in_process)
    assert len(held[0]) > 0 and "bad-sector" not in {row[1] for row in held[0]}


def test_the_reader_really_is_another_process(tmp_path: Path, in_the_child: None) -> None:
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=3)
    summary = load_files(None, expand_paths([str(corpus)]), read=_telling_read)
    (failed,) = summary.failed
    pid = int(failed.error.rsplit(" ", 1)[1])
    assert pid != os.getpid()
    assert sum(f.status == "planned" for f in summary.files) == REPORTS - 1


def test_a_crash_of_the_reader_is_an_error_not_a_hang(tmp_path: Path, in_the_child: None) -> None:
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=3)
    files = expand_paths([str(corpus)])
    done: list[FileResult] = []
    raised: list[BaseException] = []
    with EmbeddedStore(tmp_path / "store") as store:

        def load() -> None:
            try:
                load_files(store, files, on_file=done.append, batch_rows=300, read=_crashing_read)
            except BaseException as exc:
                raised.append(exc)

        loading = threading.Thread(target=load)
        loading.start()
        loading.join(timeout=600)  # a bound against a hang, not a measure
        assert not loading.is_alive(), "the load hangs after its reader died"
        (exc,) = raised
        assert isinstance(exc, ReaderStopped)
        assert "the process reading the report files stopped" in str(exc)
        assert "run the same load again" in str(exc)
        # what was written is whole: the rerun completes it, each stored file unchanged
        stored = store.stats()["nodes"]["Report"]
        assert stored == sum(f.status == "loaded" for f in done) < 19
        assert f"{REPORTS - stored} of {REPORTS} files did not load" in str(exc)
        again = load_paths(store, [str(corpus)])
        assert not again.failed
        assert sum(f.status == "unchanged" for f in again.files) == stored
        after = graph(store)
    with EmbeddedStore(tmp_path / "expected") as expected:
        assert not load_paths(expected, [str(corpus)]).failed
        assert after == graph(expected)


@pytest.fixture
def _ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """As in test_cli_interrupt: a run in the background may have SIGINT ignored."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def test_ctrl_c_stops_the_load_and_not_the_reader(
    tmp_path: Path, in_the_child: None, _ctrl_c_as_at_a_terminal: None
) -> None:
    """Ctrl-C at a terminal reaches the reader too: it reads on, and the load stops between
    files, as the CLI makes it, with the reader stopped."""
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=3)
    done: list[FileResult] = []
    children: list[multiprocessing.Process] = []
    with EmbeddedStore(tmp_path / "store") as store, stop_between_files() as stopping:

        def on_file(result: FileResult) -> None:
            done.append(result)
            if len(done) == 1:
                children.extend(multiprocessing.active_children())
                assert len(children) == 1 and children[0].pid
                os.kill(children[0].pid, signal.SIGINT)
            if len(done) == 30:
                os.kill(os.getpid(), signal.SIGINT)
            stopping()

        with pytest.raises(KeyboardInterrupt):
            load_paths(store, [str(corpus)], on_file=on_file, batch_rows=150)
        assert multiprocessing.active_children() == []  # stopped before the load returned
        assert children[0].exitcode == 0  # it ignored the signal and ended when told
        assert 30 <= len(done) < REPORTS
        assert store.stats()["nodes"]["Report"] == sum(f.status == "loaded" for f in done)


@pytest.mark.neo4j
def test_the_graph_loaded_through_the_child_is_the_one_loaded_in_process(
    neo4j_empty, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = corpus_with_bad_files(tmp_path)
    loaded = {}
    for where, process_from in (("thread", 10**9), ("child", 1)):
        monkeypatch.setattr(graphkit.read_ahead, "PROCESS_FROM", process_from)
        with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
            store.run("MATCH (n) DETACH DELETE n", write=True)
            first = load_paths(store, [str(corpus)], batch_rows=800)
            again = load_paths(store, [str(corpus)], batch_rows=800)
            loaded[where] = (outputs(first), outputs(again), graph(store))
    assert loaded["child"] == loaded["thread"]
    first, again, (nodes, edges) = loaded["child"]
    assert sum(f["status"] == "loaded" for f in first) == REPORTS
    assert sum(f["status"] == "unchanged" for f in again) == REPORTS
    assert len(nodes) > REPORTS and len(edges) > REPORTS
