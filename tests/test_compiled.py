"""The extractor compiled with mypyc (``make compile``) drafts exactly what its source drafts,
and compiled modules older than their source are refused."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.compiled import COMPILED, MODULES, check, is_compiled, source_hashes
from tests.conftest import in_ci

ROOT = Path(__file__).resolve().parent.parent

# Drafts every labelled text and prints them as one JSON object, with the file the reading
# module came from: run once on the compiled tree, once on a copy holding only sources.
_DRAFT_ALL = """
import json, sys
from pathlib import Path
import graphkit.extract.reading as reading
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from loaders.text import read_text
out = {"module": reading.__file__}
for p in sorted(Path(sys.argv[1], "bench/extract").glob("*/*")):
    if p.suffix in (".yaml", ".yml"):
        continue
    try:
        draft = extract_findings(read_text(p), title="t", publisher="p", published="2025-01-01")
        out[str(p.relative_to(sys.argv[1]))] = draft.model_dump(mode="json")
    except InputError as exc:
        out[str(p.relative_to(sys.argv[1]))] = str(exc)
print(json.dumps(out))
"""


def _drafts(pythonpath: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    run = subprocess.run(
        [sys.executable, "-c", _DRAFT_ALL, str(ROOT)],
        cwd=pythonpath,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def test_compiled_extractor_drafts_what_its_source_drafts(tmp_path: Path) -> None:
    if not is_compiled():
        reason = "the extractor is not compiled (no C compiler?): run `make compile`"
        if in_ci():
            pytest.fail(reason)  # CI measures and ships the compiled form
        pytest.skip(reason)
    plain = tmp_path / "plain"
    for package in ("graphkit", "loaders"):  # the sources alone: Python imports the .py files
        shutil.copytree(
            ROOT / package, plain / package, ignore=shutil.ignore_patterns("*.so", "__pycache__")
        )
    compiled, source = _drafts(ROOT), _drafts(plain)
    assert compiled.pop("module").endswith(".so")  # type: ignore[union-attr]
    assert source.pop("module").endswith("reading.py")  # type: ignore[union-attr]
    assert len(compiled) > 90  # every labelled text
    differ = [name for name in compiled if compiled[name] != source.get(name)]
    assert not differ, f"compiled and source drafts differ for {differ[:5]}"


def _tree(tmp_path: Path) -> Path:
    """A copy of the extractor's sources with a compiled module and its stamp."""
    here = tmp_path / "extract"
    here.mkdir()
    for module in MODULES:
        shutil.copyfile(ROOT / "graphkit" / "extract" / f"{module}.py", here / f"{module}.py")
    (here / "reading.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")  # only its name counts
    stamp = "".join(f"{n} {d}\n" for n, d in source_hashes(here).items())
    (here / COMPILED.name).write_text(stamp)
    return here


def test_compiled_modules_built_from_these_sources_are_accepted(tmp_path: Path) -> None:
    check(_tree(tmp_path))


def test_compiled_modules_older_than_a_source_are_refused(tmp_path: Path) -> None:
    here = _tree(tmp_path)
    with (here / "roles.py").open("a") as f:
        f.write("# edited after the build\n")
    with pytest.raises(ImportError, match=r"roles\.py changed since .*make compile"):
        check(here)


def test_compiled_modules_without_a_stamp_are_refused(tmp_path: Path) -> None:
    here = _tree(tmp_path)
    (here / COMPILED.name).unlink()
    with pytest.raises(ImportError, match=r"changed since the extractor was compiled"):
        check(here)


def test_sources_alone_need_no_stamp(tmp_path: Path) -> None:
    here = _tree(tmp_path)
    (here / "reading.cpython-311-x86_64-linux-gnu.so").unlink()
    (here / COMPILED.name).unlink()
    check(here)


def test_the_command_reports_a_stale_build_in_one_line(tmp_path: Path) -> None:
    for package in ("graphkit", "loaders"):  # a copy whose "compiled" module is out of date
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.so", "__pycache__")
        )
    here = tmp_path / "graphkit" / "extract"
    (here / f"reading{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    (here / COMPILED.name).write_text("reading.py 0\n")
    run = subprocess.run(
        [sys.executable, "-c", "from graphkit.cli import main; main()", "stats"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "changed since the extractor was compiled" in lines[0], run.stderr
