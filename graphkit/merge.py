"""How nodes and edges merge when the same thing is written again: by the schema's rules.

Pure functions, used inside a batch (two campaigns stating one fact) and against a store
(a second report stating a known fact). Merging is idempotent: merging a value into itself
changes nothing, so loading a report twice changes nothing.

Examples
--------
>>> e = merge_edge({"sources": ["a"], "confidence": 60}, {"sources": ["b"], "confidence": 40})
>>> e["sources"], e["confidence"], e["sole_source"]
(['a', 'b'], 60, '')
"""

from __future__ import annotations

from typing import Any

from graphkit.schema import (
    CATALOG_SOURCES,
    DERIVED,
    KEEP,
    MAX,
    MIN,
    NODES,
    REL_PROPS,
    REPLACE,
    REVIEW_SEP,
    REVIEWED,
    UNION,
    Prop,
)

__all__ = ["merge_edge", "merge_node", "merge_props", "review_key", "sole_source"]


def _merge_value(rule: str, old: Any, new: Any) -> Any:
    if rule == DERIVED:  # computed from the merged item by its caller
        return None
    if rule == UNION:
        out = list(old or [])
        out.extend(v for v in (new or []) if v not in out)
        return out
    if old is None:
        return new
    if new is None:
        return old
    if rule == KEEP:
        return old
    if rule == REPLACE:
        return new
    if rule == MIN:
        return min(old, new)
    if rule == MAX:
        return max(old, new)
    raise ValueError(f"unknown merge rule {rule!r}")


def _unique(values: Any) -> list[Any]:
    try:
        return list(dict.fromkeys(values or ()))
    except TypeError:  # unhashable values: the store will refuse them, keep them for it to say
        return _merge_value(UNION, None, values)


def merge_props(
    props: tuple[Prop, ...], old: dict[str, Any] | None, new: dict[str, Any]
) -> dict[str, Any]:
    """Every declared property, merged by its rule; ``old`` is None for a new item."""
    if old is None:  # the common case of a load, and the cheap one: copy lists, take values
        return {
            p.name: _unique(new.get(p.name))
            if p.merge == UNION
            else None
            if p.merge == DERIVED
            else new.get(p.name)
            for p in props
        }
    return {p.name: _merge_value(p.merge, old.get(p.name), new.get(p.name)) for p in props}


def merge_node(label: str, old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    return merge_props(NODES[label].all_props, old, new)


def sole_source(sources: list[str] | None) -> str:
    """The one report that states an edge, ``''`` when several (or none) do.

    >>> sole_source(["a"]), sole_source(["a", "b"])
    ('a', '')
    """
    return sources[0] if sources and len(sources) == 1 else ""


def merge_edge(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    out = merge_props(REL_PROPS, old, new)
    out["sole_source"] = sole_source(out["sources"])
    return out


def review_key(edge: dict[str, Any], src: tuple[str, str], dst: tuple[str, str]) -> str | None:
    """The review queue's key of an edge from node ``src`` to ``dst`` (each ``(label, id)``)
    once its ``sole_source`` is worked out; None when the edge can never be in the queue
    (several sources and not only extracted, a catalog's fact, a ``MENTIONS``). The queue for
    a threshold is every key below ``1`` and the threshold in three digits: machine-extracted
    facts first, then one-source facts; by confidence, source id, type, target id, and the
    ends' labels last (an actor and a campaign may share an id: no two edges share a key).
    ``graphkit.schema.derived_sets`` is the same in Cypher.

    >>> e = {"kind": "USES", "sole_source": "r1", "extracted": None, "confidence": 40}
    >>> review_key(e, ("Actor", "apt28"), ("Technique", "T1566")).split("\\t")
    ['1040', 'apt28', 'USES', 'T1566', 'Actor', 'Technique']
    >>> review_key({**e, "sole_source": "mitre-atlas"}, ("Actor", "a"), ("Technique", "t"))
    """
    sole, confidence = edge["sole_source"], edge.get("confidence")
    extracted = edge.get("extracted") is True
    if edge["kind"] not in REVIEWED or sole in CATALOG_SOURCES or not (sole or extracted):
        return None
    if confidence is None and not extracted:
        return None
    digits = "999" if confidence is None else ("00" + str(confidence))[-3:]
    first = ("0" if extracted else "1") + digits
    return REVIEW_SEP.join((first, src[1], edge["kind"], dst[1], src[0], dst[0]))
