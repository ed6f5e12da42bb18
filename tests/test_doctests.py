"""The examples in the modules' docstrings run as written."""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest

import graphkit
import loaders


@contextmanager
def _source(name: str) -> Iterator[ModuleType]:
    """The module as its source runs: a module compiled by mypyc (``make compile``) keeps no
    docstrings doctest can find, so its ``.py`` file is run as a module and stands in for the
    compiled one while doctest looks (doctest asks ``sys.modules`` where a function is from)."""
    module = importlib.import_module(name)
    parent, leaf = name.rsplit(".", 1)  # a compiled module's __file__ is not where it is
    source_file = Path(importlib.import_module(parent).__path__[0], leaf + ".py")
    if module.__file__ is None or module.__file__.endswith(".py") or not source_file.exists():
        yield module  # plain Python, or mypyc's shared library (no source, no examples)
        return
    spec = importlib.util.spec_from_file_location(name, source_file)
    assert spec is not None and spec.loader is not None
    source = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(source)
    sys.modules[name] = source
    try:
        yield source
    finally:
        sys.modules[name] = module


def _with_examples() -> list[str]:
    """Modules of graphkit and loaders whose docstrings hold examples."""
    names = []
    for package in (graphkit, loaders):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            with _source(info.name) as module:
                if any(t.examples for t in doctest.DocTestFinder().find(module)):
                    names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("name", _with_examples())
def test_docstring_examples(name: str) -> None:
    with _source(name) as module:
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
