"""The project's reference data, as YAML files beside this module, each read and checked once.

Vocabularies (sectors, countries, languages, platforms, publishers) and the extractor's cue
words live here as data, not as Python literals (STYLE.md). :func:`load` reads a file and
checks it against a pydantic model; a file that does not fit raises an
:class:`~graphkit.errors.InputError` naming the file and the field.

Examples
--------
>>> from pydantic import BaseModel
>>> class Entry(BaseModel):
...     name: str
...     aliases: list[str]
>>> load("actors.yaml", list[Entry])[0].name
'APT4'
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from graphkit.errors import InputError

__all__ = ["Strict", "load", "text"]

T = TypeVar("T")


class Strict(BaseModel):
    """A data file's record: unknown keys are errors (a typo must not pass as an empty list)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def text(name: str) -> str:
    """The text of a data file."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


@cache
def _parsed(name: str, folder: Path | None) -> Any:
    path = f"graphkit/data/{name}" if folder is None else str(folder / name)
    try:
        return yaml.safe_load(text(name) if folder is None else (folder / name).read_text("utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(
            f"not valid YAML: {getattr(exc, 'problem', exc)}",
            path=path,
            line=mark.line + 1 if mark else None,
        ) from None


def load(name: str, shape: Any, folder: Path | None = None) -> Any:
    """The data file ``name`` (of this package, or of ``folder``) checked against ``shape``
    (a pydantic model or a type such as ``dict[str, list[str]]``).

    Raises
    ------
    InputError
        The file is not valid YAML or does not fit ``shape``: names the file and the field.
    """
    try:
        return TypeAdapter(shape).validate_python(_parsed(name, folder))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or None
        path = f"graphkit/data/{name}" if folder is None else str(folder / name)
        raise InputError(first["msg"], path=path, field=where) from None
