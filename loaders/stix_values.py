"""The STIX properties graphkit reads, checked before use, each error naming the object's id.

A bundle comes from outside: a property of the wrong type, a name over the limit, a control
character or an out-of-range confidence refuses the bundle with one line naming the file, the
object and the property. Nothing is cut to fit and nothing is replaced by a default.

Examples
--------
>>> check_object({"type": "campaign", "id": "campaign--1", "aliases": "Op"}, 0, "b.json")
Traceback (most recent call last):
...
graphkit.errors.InputError: b.json: campaign--1.aliases: expected a list of strings
>>> text({"id": "intrusion-set--1", "name": "x" * 201}, "name", 200, "b.json")
Traceback (most recent call last):
...
graphkit.errors.InputError: b.json: intrusion-set--1.name: 201 characters: at most 200 are \
stored, and nothing is cut (shorten it)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from graphkit.errors import InputError
from graphkit.findings import not_text

__all__ = ["check_object", "confidence", "date", "text", "texts"]


def _str(v: Any) -> bool:
    return isinstance(v, str)


def _strs(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _dicts(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, dict) for x in v)


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


_Check = Callable[[Any], bool]
_EXPECTED: dict[_Check, str] = {
    _str: "a string",
    _strs: "a list of strings",
    _dicts: "a list of objects",
    _int: "an integer",
}
_STRINGS = ("type", "id", "name", "description", "source_ref", "target_ref", "relationship_type",
            "created", "modified", "published", "first_seen", "last_seen", "identity_class",
            "country", "created_by_ref", "x_graphkit_id", "x_graphkit_kind",
            "x_graphkit_publisher", "x_graphkit_disruption", "x_mitre_id")  # fmt: skip
_NESTED_LISTS = ("external_references", "x_graphkit_languages", "x_graphkit_describes")

# Every property graphkit reads, top level and nested, with the shape it must have when present.
_PROPS: dict[str, _Check] = {
    **dict.fromkeys(_STRINGS, _str),
    **dict.fromkeys(("aliases", "object_refs", "sectors"), _strs),
    **dict.fromkeys(_NESTED_LISTS, _dicts),
    "confidence": _int,
}
_NESTED: dict[str, dict[str, _Check]] = {
    "external_references": dict.fromkeys(("source_name", "external_id", "url"), _str),
    "x_graphkit_languages": {
        "language": _str,
        "sources": _strs,
        "evidence": _strs,
        "confidence": _int,
    },
    "x_graphkit_describes": dict.fromkeys(("campaign", "summary", "first_seen", "last_seen"), _str),
}


def _where(obj: dict[str, Any], prop: str) -> str:
    oid = obj.get("id")
    return f"{oid if isinstance(oid, str) else 'an object'}.{prop}"


def check_object(obj: Any, index: int, path: str) -> None:
    """Refuse an object whose properties graphkit reads have the wrong shape."""
    if not isinstance(obj, dict) or not _str(obj.get("id")) or not _str(obj.get("type")):
        raise InputError(f"objects[{index}] is not a STIX object with a type and an id", path=path)
    for prop, ok in _PROPS.items():
        value = obj.get(prop)
        if value is not None and not ok(value):
            raise InputError(f"expected {_EXPECTED[ok]}", path=path, field=_where(obj, prop))
        for i, item in enumerate(value if value is not None and prop in _NESTED else []):
            for key, ok_item in _NESTED[prop].items():
                if item.get(key) is not None and not ok_item(item[key]):
                    field = _where(obj, f"{prop}[{i}].{key}")
                    raise InputError(f"expected {_EXPECTED[ok_item]}", path=path, field=field)


def text(obj: dict[str, Any], prop: str, limit: int, path: str, value: Any = None) -> str:
    """A string property (or ``value`` taken from it), whole, or an error naming the object."""
    value = obj.get(prop) if value is None else value
    where = _where(obj, prop)
    if not isinstance(value, str) or not value.strip():
        raise InputError("a non-empty string is required", path=path, field=where)
    size = len(value.strip())
    if size > limit:
        raise InputError(
            f"{size:,} characters: at most {limit:,} are stored, and nothing is cut (shorten it)",
            path=path,
            field=where,
        )
    problem = not_text(value)
    if problem:
        raise InputError(problem, path=path, field=where)
    return value


def texts(obj: dict[str, Any], prop: str, limit: int, path: str) -> list[str]:
    """Each string of a list property, checked as :func:`text`."""
    return [text(obj, f"{prop}[{i}]", limit, path, v) for i, v in enumerate(obj.get(prop) or [])]


def confidence(obj: dict[str, Any], path: str, default: int) -> int:
    """The object's confidence (0-100), or ``default`` when it states none."""
    value = obj.get("confidence")
    if value is None:
        return default
    if not _int(value) or not 0 <= value <= 100:
        raise InputError(f"{value!r} is not a confidence from 0 to 100", path=path,
                         field=_where(obj, "confidence"))  # fmt: skip
    return int(value)


def date(obj: dict[str, Any], prop: str, path: str) -> str | None:
    """The date (yyyy-mm-dd) a timestamp property starts with, or None when it is absent."""
    value = obj.get(prop)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise InputError(f"{value!r:.40} is not a STIX timestamp", path=path,
                         field=_where(obj, prop)) from None  # fmt: skip
