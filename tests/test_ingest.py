"""What a load sets for its own run and gives back (graphkit.ingest): the collector's
threshold for the youngest generation."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bench.synth import write_corpus
from graphkit.ingest import GC_YOUNG, FileResult, load_paths
from graphkit.store.embedded import EmbeddedStore


def test_a_load_collects_less_often_and_gives_the_threshold_back(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "bench", 12, seed=6)
    before = gc.get_threshold()
    assert before[0] < GC_YOUNG  # Python's default, or what the caller set
    during: list[tuple[int, int, int]] = []

    def on_file(result: FileResult) -> None:
        during.append(gc.get_threshold())
        if len(during) == 5:
            raise KeyboardInterrupt  # Ctrl-C between files: the threshold is given back too

    with EmbeddedStore(tmp_path / "store") as store:
        summary = load_paths(store, [str(corpus)], batch_rows=200)
        assert not summary.failed and len(summary.files) == 12
        assert gc.get_threshold() == before
        with pytest.raises(KeyboardInterrupt):
            load_paths(store, [str(corpus)], on_file=on_file, replace=True, batch_rows=200)
    assert gc.get_threshold() == before
    assert during and all(t == (GC_YOUNG, *before[1:]) for t in during)
