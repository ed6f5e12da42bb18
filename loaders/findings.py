"""Findings files (YAML or JSON, one report each) into validated :class:`Findings`.

A pure ``parse_findings(text, ...)`` under a thin ``read_findings(path)``. Errors are
:class:`InputError` naming the file, the line where it can be known, and the field.

Examples
--------
>>> text = '''
... report: {title: T, publisher: OpenAI, published: 2025-06-05}
... campaigns:
...   - name: X
...     targets: {sectors: [{id: farming, evidence: e}]}
... '''
>>> try:
...     parse_findings(text, path="r.yaml")
... except InputError as e:
...     print(str(e).split(" (known")[0])
r.yaml:5: campaigns.0.targets.sectors.0.id: unknown sector 'farming'
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from graphkit.errors import InputError
from graphkit.findings import Findings
from graphkit.limits import FINDINGS_MAX_BYTES, NESTING_MAX_DEPTH, MiB

__all__ = [
    "decode_text",
    "parse_findings",
    "parse_json",
    "read_bounded",
    "read_findings",
]


def read_bounded(path: Path, limit: int) -> bytes:
    """A file's bytes, or an InputError when it cannot be read or holds more than ``limit``:
    never more than ``limit`` bytes are read."""
    try:
        with path.open("rb") as fh:  # its size first: a regular file over the limit is not read
            big = os.fstat(fh.fileno()).st_size > limit
            data = b"" if big else fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    if big or len(data) > limit:
        raise InputError(f"file is larger than {limit // MiB} MiB", path=str(path))
    return data


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 text from a file's bytes, or an InputError for empty or binary input."""
    if not data.strip():
        raise InputError("file is empty", path=path)
    if b"\x00" in data:
        raise InputError("file is binary, not text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"file is not UTF-8 text (byte {exc.start})", path=path) from None


# libyaml's parser when PyYAML has it: about forty times the pure-Python speed on a large file.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None


def _yaml_error(exc: yaml.YAMLError, path: str) -> InputError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return InputError(
        f"invalid YAML: {problem}".splitlines()[0], path=path, line=mark.line + 1 if mark else None
    )


def _yaml_guard(text: str, path: str) -> None:
    """Refuse anchors/aliases (alias bombs) and deep nesting before anything is built."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise InputError(
                    "YAML aliases (*name) are not allowed", path=path, line=_line(event)
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > NESTING_MAX_DEPTH:
                    message = f"nested deeper than {NESTING_MAX_DEPTH} levels"
                    raise InputError(message, path=path, line=_line(event))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _construct(text: str, path: str) -> tuple[Any, yaml.Node | None]:
    """The YAML document and its node tree (for error lines)."""
    try:
        root = _compose(text)
        return (_Loader(text).construct_document(root) if root is not None else None), root
    except yaml.YAMLError as exc:
        raise _yaml_error(exc, path) from None
    except ValueError as exc:  # a scalar PyYAML resolves but cannot build: 2025-13-45, 10**5000
        raise InputError(f"invalid YAML value: {exc}".splitlines()[0], path=path) from None


def _line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """The line of the deepest YAML node that a pydantic error location reaches."""
    node, line = root, None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == part), None)
            if node is None:  # an unknown or missing key: point at the key if it is there
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            break
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _validation_error(exc: ValidationError, root: yaml.Node | None, path: str) -> InputError:
    err = exc.errors()[0]
    loc = tuple(p for p in err["loc"] if not isinstance(p, str) or "[" not in p)
    field = ".".join(str(p) for p in loc) or None
    msg = err["msg"].removeprefix("Value error, ")
    if err["type"] == "extra_forbidden":
        msg = "unknown field"
    elif err["type"] == "missing":
        msg = "required field is missing"
    more = exc.error_count() - 1
    if more:
        msg += f" (and {more} more error{'s' if more > 1 else ''})"
    return InputError(msg, path=path, line=_line_of(root, loc), field=field)


def _too_deep(data: Any) -> bool:
    """Whether JSON data nests deeper than the limit (walked without recursion)."""
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            if depth > NESTING_MAX_DEPTH:
                return True
            stack.extend((child, depth + 1) for child in value)
    return False


def parse_json(text: str, path: str) -> Any:
    """JSON, or an InputError with the line of the syntax error."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
    except RecursionError:
        raise InputError(f"nested deeper than {NESTING_MAX_DEPTH} levels", path=path) from None
    except ValueError as exc:  # a number Python will not convert (over 4,300 digits)
        raise InputError(f"invalid JSON: {exc}".split(";")[0], path=path) from None
    if _too_deep(data):
        raise InputError(f"nested deeper than {NESTING_MAX_DEPTH} levels", path=path)
    return data


def parse_findings(text: str, *, path: str = "<text>", fmt: str | None = None) -> Findings:
    """Validate the text of a findings file. ``fmt`` is "yaml" or "json" (default: by path)."""
    fmt = fmt or ("json" if path.lower().endswith(".json") else "yaml")
    root: yaml.Node | None = None
    if fmt == "json":
        data = parse_json(text, path)
    else:
        _yaml_guard(text, path)
        data, root = _construct(text, path)
    if not isinstance(data, dict):
        raise InputError(
            "a findings file holds one mapping with `report` and `campaigns`", path=path
        )
    try:
        return Findings.model_validate(data)
    except ValidationError as exc:
        if fmt == "json" and root is None:
            try:  # JSON is YAML: use the YAML composer only to find the line
                _yaml_guard(text, path)
                root = _compose(text)
            except (InputError, yaml.YAMLError):
                root = None
        raise _validation_error(exc, root, path) from None


def read_findings(path: str | Path) -> Findings:
    """Read and validate one findings file."""
    p = Path(path)
    data = read_bounded(p, FINDINGS_MAX_BYTES)
    return parse_findings(decode_text(data, str(p)), path=str(p))
