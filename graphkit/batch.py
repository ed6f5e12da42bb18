"""A graph batch: the nodes and edges some findings add, each with its merged properties.

The unit every store writes. Nodes are keyed by ``(label, id)``, edges by :class:`EdgeKey`;
adding the same node or edge twice merges by the schema's rules, so a batch of many reports
holds each fact once with all its sources.

Examples
--------
>>> b = GraphBatch()
>>> a = b.add_node("Actor", "apt28", name="APT28", reference=False)
>>> c = b.add_node("Country", "RU", name="Russia", reference=False)
>>> b.add_edge("LINKED_TO", a, c, sources=["r1"], confidence=80)
>>> b.add_edge("LINKED_TO", a, c, sources=["r2"], confidence=60)
>>> b.edge("LINKED_TO", "Actor", "apt28", "Country", "RU")["sources"]
['r1', 'r2']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from graphkit.errors import GraphkitError
from graphkit.merge import merge_edge, merge_node
from graphkit.schema import allowed

__all__ = ["EdgeKey", "GraphBatch", "claims_of", "parse_claim"]


class EdgeKey(NamedTuple):
    type: str
    src_label: str
    src: str
    dst_label: str
    dst: str


def claims_of(props: dict[str, Any]) -> list[str]:
    """Each source's own statement of an edge, kept so that one source can be taken back.

    >>> claims_of({"sources": ["r1"], "confidence": 80, "first_seen": "2025-01-01"})
    ['r1|80|2025-01-01||']
    """

    def text(value: Any) -> str:
        return (
            "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
        )

    fields = [props.get(k) for k in ("confidence", "first_seen", "last_seen", "extracted")]
    return ["|".join([source, *map(text, fields)]) for source in props.get("sources") or []]


def parse_claim(claim: str) -> dict[str, Any]:
    """The fields of one claim.

    >>> c = parse_claim("r1|80|2025-01-01||true")
    >>> c["source"], c["confidence"], c["last_seen"], c["extracted"]
    ('r1', 80, None, True)
    """
    source, confidence, first, last, extracted = claim.rsplit("|", 4)
    return {
        "source": source,
        "confidence": int(confidence) if confidence else None,
        "first_seen": first or None,
        "last_seen": last or None,
        "extracted": {"true": True, "false": False}.get(extracted),
    }


@dataclass
class GraphBatch:
    """Nodes by (label, id) and edges by :class:`EdgeKey`, each with its properties."""

    report_id: str | None = None
    nodes: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    edges: dict[EdgeKey, dict[str, Any]] = field(default_factory=dict)

    def add_node(self, label: str, node_id: str, **props: Any) -> tuple[str, str]:
        key = (label, node_id)
        new = {**props, "id": node_id, "kind": label}
        self.nodes[key] = merge_node(label, self.nodes.get(key), new)
        return key

    def add_edge(
        self, rel_type: str, src: tuple[str, str], dst: tuple[str, str], **props: Any
    ) -> None:
        if not allowed(rel_type, src[0], dst[0]):
            raise GraphkitError(f"the schema has no ({src[0]})-[:{rel_type}]->({dst[0]})")
        key = EdgeKey(rel_type, src[0], src[1], dst[0], dst[1])
        if "claims" not in props:
            props["claims"] = claims_of(props)
        self.edges[key] = merge_edge(self.edges.get(key), {**props, "kind": rel_type})

    def edge(self, rel_type: str, src_label: str, src: str, dst_label: str, dst: str) -> dict:
        return self.edges[EdgeKey(rel_type, src_label, src, dst_label, dst)]

    def merge(self, other: GraphBatch) -> None:
        """Add another batch's nodes and edges to this one."""
        for (label, node_id), props in other.nodes.items():
            self.add_node(
                label, node_id, **{k: v for k, v in props.items() if k not in ("id", "kind")}
            )
        for k, props in other.edges.items():
            self.add_edge(k.type, (k.src_label, k.src), (k.dst_label, k.dst), **props)
