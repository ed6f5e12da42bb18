"""Fuzzing the loaders with hypothesis: arbitrary bytes and structures never raise anything but
a GraphkitError, a refused file writes nothing, and a file that loads loads again unchanged.

Each property runs a fixed number of examples (derandomized under CI=true, so every run tries
the same ones); GRAPHKIT_FUZZ_EXAMPLES=N runs N examples a property, drawn afresh each time.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from graphkit.build import build_batch
from graphkit.errors import GraphkitError
from graphkit.ingest import load_paths
from graphkit.store.embedded import EmbeddedStore
from loaders import read_report
from loaders.findings import parse_findings
from loaders.stix import parse_stix
from tests.conftest import in_ci
from tests.helpers import BASE, STIX_BASE

# Examples a property in CI: the module stays within about a minute on a busy 2-core machine.
PARSE_EXAMPLES, STORE_EXAMPLES, FILE_EXAMPLES = 300, 60, 100
_ASKED = int(os.environ.get("GRAPHKIT_FUZZ_EXAMPLES", "0"))


def _settings(examples: int) -> settings:
    return settings(
        max_examples=_ASKED or examples,
        deadline=None,  # no timing: a busy machine must not fail a run
        derandomize=in_ci() and not _ASKED,
        database=None if in_ci() else settings.default.database,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# Any JSON value: what a hostile file can hold once parsed.
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside a document."""
    yield prefix
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else []
    )
    for key, value in items:
        yield from _paths(value, (*prefix, key))


def _like(value: Any) -> st.SearchStrategy[Any]:
    """Values of the same kind: most mutations should still validate, to reach the stores."""
    if isinstance(value, str):
        return st.text(min_size=1, max_size=60)
    if isinstance(value, bool) or not isinstance(value, int):
        return JSON
    return st.integers(-5, 105)


@st.composite
def mutated(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """``base`` with one to three values replaced (by one of the same kind, or by anything),
    a list item dropped or repeated, or a key renamed."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(doc))[1:]))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        old, how = parent[path[-1]], draw(st.sampled_from(["like", "like", "any", "list", "key"]))
        if how == "list" and isinstance(parent, list):
            parent.insert(path[-1], copy.deepcopy(old)) if draw(st.booleans()) else parent.pop(
                path[-1]
            )
        elif how == "key" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = parent.pop(path[-1])
        else:
            parent[path[-1]] = draw(_like(old) if how == "like" else JSON)
    return doc


def _only_graphkit_errors(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except GraphkitError:
        return None


# Inputs that once raised something other than a GraphkitError, tried on every run.
@_settings(PARSE_EXAMPLES)
@given(text=st.text(max_size=400), fmt=st.sampled_from(["yaml", "json"]))
@example(text="a: 2025-13-45", fmt="yaml")  # a date PyYAML resolves but cannot build
@example(text="a: " + "1" * 5000, fmt="yaml")  # past Python's 4,300 digits
@example(text="1" * 5000, fmt="json")
@example(text="a: \x07", fmt="yaml")  # a character YAML does not allow
def test_any_text_as_findings(text: str, fmt: str) -> None:
    _only_graphkit_errors(parse_findings, text, path="f", fmt=fmt)


@_settings(PARSE_EXAMPLES)
@given(doc=JSON | mutated(BASE), fmt=st.sampled_from(["yaml", "json"]))
def test_any_structure_as_findings(doc: Any, fmt: str) -> None:
    text = json.dumps(doc) if fmt == "json" else yaml.safe_dump(doc)
    findings = _only_graphkit_errors(parse_findings, text, path="f", fmt=fmt)
    if findings is not None:
        build_batch(findings)  # what validates also builds


def _objects(*objects: dict[str, Any]) -> dict[str, Any]:
    return {"type": "bundle", "id": "bundle--1", "objects": list(objects)}


@_settings(PARSE_EXAMPLES)
@given(doc=JSON | mutated(STIX_BASE))
@example(doc=_objects({"type": ["report"], "id": "x"}))  # a type that is no string
@example(doc=_objects({"type": "relationship", "id": "r", "source_ref": ["a"]}))
@example(doc=_objects({"type": "campaign", "id": "c", "name": "C", "x_graphkit_languages": ["ru"]}))
@example(doc=_objects({"type": "report", "id": "r", "name": None, "object_refs": 3}))
def test_any_structure_as_a_stix_bundle(doc: Any) -> None:
    result = _only_graphkit_errors(parse_stix, json.dumps(doc), path="b.json")
    for findings in result.findings if result is not None else []:
        build_batch(findings)


@contextmanager
def _folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:  # hypothesis runs the body many times
        yield Path(tmp)


SUFFIXES = [".yaml", ".json", ".txt", ".md", ".html", ".csv", ".pdf"]


@_settings(FILE_EXAMPLES)
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES), pdf=st.booleans())
def test_any_bytes_as_a_report_file(data: bytes, suffix: str, pdf: bool) -> None:
    with _folder() as folder:
        path = folder / f"report{suffix}"
        path.write_bytes((b"%PDF-1.7\n" if pdf and suffix == ".pdf" else b"") + data)
        _only_graphkit_errors(read_report, path)


@_settings(STORE_EXAMPLES)
@given(doc=mutated(BASE) | mutated(STIX_BASE))
def test_a_refused_file_writes_nothing_and_a_loaded_one_reloads_the_same(doc: Any) -> None:
    with _folder() as folder, EmbeddedStore(folder / "store") as store:
        path = folder / "report.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        [first] = load_paths(store, [str(path)]).files
        after = store.stats()
        if first.status == "failed":
            assert not any(after["nodes"].values()), first.error
            return
        [again] = load_paths(store, [str(path)]).files
        assert again.status == "unchanged", again
        assert store.stats() == after
