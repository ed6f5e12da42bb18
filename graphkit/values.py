"""Plain values from either engine: nodes and relationships become dicts, dates strings.

Both stores pass every returned value through here, so a query returns the same rows on
LadybugDB and Neo4j. A node becomes its non-null properties (``id``, ``kind``, ``name``, ...);
a relationship becomes its non-null properties plus ``source`` and ``target``, the ids of its
end nodes where the same row returns them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

__all__ = ["plain_rows"]


def _is_ladybug_node(v: dict[str, Any]) -> bool:
    return "_LABEL" in v and "_ID" in v and "_SRC" not in v


def _is_ladybug_rel(v: dict[str, Any]) -> bool:
    return "_SRC" in v and "_DST" in v and "_LABEL" in v


def _key(internal: Any) -> Any:
    return tuple(sorted(internal.items())) if isinstance(internal, dict) else internal


def _collect_ids(value: Any, ids: dict[Any, str]) -> None:
    """Internal id → graphkit id, for every node anywhere in a row."""
    import neo4j.graph as g

    if isinstance(value, g.Node):
        if "id" in value:
            ids[value.element_id] = value["id"]
    elif isinstance(value, g.Path):
        for n in value.nodes:
            _collect_ids(n, ids)
    elif isinstance(value, dict):
        if _is_ladybug_node(value) and value.get("id") is not None:
            ids[_key(value["_ID"])] = value["id"]
        elif "_NODES" in value:  # a LadybugDB path
            for n in value["_NODES"]:
                _collect_ids(n, ids)
        else:
            for v in value.values():
                _collect_ids(v, ids)
    elif isinstance(value, list):
        for v in value:
            _collect_ids(v, ids)


def _plain(value: Any, ids: dict[Any, str]) -> Any:
    import neo4j.graph as g
    import neo4j.time as nt

    if isinstance(value, g.Node):
        return {k: v for k, v in dict(value).items() if v is not None}
    if isinstance(value, g.Relationship):
        out = {k: v for k, v in dict(value).items() if v is not None}
        if value.start_node is not None and value.end_node is not None:
            out["source"] = ids.get(value.start_node.element_id)
            out["target"] = ids.get(value.end_node.element_id)
        return out
    if isinstance(value, g.Path):
        return {
            "nodes": [_plain(n, ids) for n in value.nodes],
            "relationships": [_plain(r, ids) for r in value.relationships],
        }
    if isinstance(value, nt.Date | nt.DateTime | nt.Time | dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, nt.Duration | dt.timedelta):
        return str(value)
    if isinstance(value, dict):
        if _is_ladybug_rel(value):
            out = {k: v for k, v in value.items() if not k.startswith("_") and v is not None}
            out["source"] = ids.get(_key(value["_SRC"]))
            out["target"] = ids.get(_key(value["_DST"]))
            return out
        if _is_ladybug_node(value):
            return {k: v for k, v in value.items() if not k.startswith("_") and v is not None}
        if "_NODES" in value and "_RELS" in value:
            return {
                "nodes": [_plain(n, ids) for n in value["_NODES"]],
                "relationships": [_plain(r, ids) for r in value["_RELS"]],
            }
        return {k: _plain(v, ids) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v, ids) for v in value]
    return value


def plain_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows of engine values as rows of plain JSON-able values."""
    ids: dict[Any, str] = {}
    for row in rows:
        _collect_ids(row, ids)
    return [[_plain(v, ids) for v in row] for row in rows]
