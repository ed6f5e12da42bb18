"""A picture's worth of graph: nodes and edges read from a store, then narrowed.

Nodes are keyed ``Kind:id`` (ids are unique per label, not across labels). Every narrowing an
analyst asks for (kinds, one report, since a date, the neighbourhood of one entity, what a
query returns) is a pure function on :class:`GraphData`.

Examples
--------
>>> g = GraphData({"Actor:a": {"kind": "Actor", "id": "a", "name": "A"}}, [])
>>> g.find("a")
'Actor:a'
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from graphkit.catalog import CATALOG_SOURCES
from graphkit.errors import GraphkitError
from graphkit.lookup import Entry, find_entry, resolve
from graphkit.merge import review_key
from graphkit.schema import NODES, RELS
from graphkit.store.base import GraphStore, QueryResult

__all__ = ["GraphData", "fetch_graph", "from_result", "node_key", "node_label", "reported"]


def node_key(kind: str, node_id: str) -> str:
    return f"{kind}:{node_id}"


def node_label(word: str) -> str:
    """A node kind in any case ("actor") as its label ("Actor"); an unknown one names them all."""
    for label in NODES:
        if label.casefold() == word.strip().casefold():
            return label
    raise GraphkitError(f"unknown kind {word.strip()!r}: the kinds are {', '.join(NODES)}")


@dataclass
class GraphData:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[dict[str, Any]] = field(default_factory=list)  # with "source"/"target" keys

    def entries(self, label: str | None = None) -> list[Entry]:
        """The nodes (of one label, if given) as names to look things up by."""
        return [
            Entry(n["kind"], n["id"], n.get("name") or "", tuple(n.get("aliases") or ()))
            for n in self.nodes.values()
            if label is None or n["kind"] == label
        ]

    def find(self, name_or_id: str, label: str | None = None) -> str:
        """The key of the one node (of a label, if given) a name, alias or id names.

        Ids in any case, names and aliases, and the vocabularies' words (country demonyms,
        sector synonyms, ATT&CK aliases) all find it; an unknown name suggests the nearest.
        """
        if label is None:
            entry = find_entry(name_or_id, self.entries())
            return node_key(entry.label, entry.id)
        key = node_key(label, resolve(label, name_or_id, self.entries(label)))
        if key not in self.nodes:
            raise GraphkitError(f"no {label} {key.split(':', 1)[1]!r} in the graph")
        return key

    def _keep_edges(self, edges: list[dict[str, Any]], extra: set[str] | None = None) -> GraphData:
        keys = {e["source"] for e in edges} | {e["target"] for e in edges} | (extra or set())
        return GraphData({k: v for k, v in self.nodes.items() if k in keys}, edges)

    def without_mentions(self) -> GraphData:
        """Drop MENTIONS: every report names many things, and the picture drowns in them."""
        return GraphData(dict(self.nodes), [e for e in self.edges if e["kind"] != "MENTIONS"])

    def only_kinds(self, kinds: set[str]) -> GraphData:
        """The nodes of these kinds (any case: "actor" is Actor) and the edges between them."""
        labels = {node_label(k) for k in kinds}
        nodes = {k: v for k, v in self.nodes.items() if v["kind"] in labels}
        edges = [e for e in self.edges if e["source"] in nodes and e["target"] in nodes]
        return GraphData(nodes, edges)

    def from_report(self, report: str) -> GraphData:
        """What one report (by id or title) states, with only its own evidence on each fact."""
        key = self.find(report, "Report")
        report_id = self.nodes[key]["id"]
        prefix = f"{report_id}: "
        edges = [
            {  # only this report's word on each fact
                **e,
                "sources": [report_id],
                "sole_source": report_id,
                "evidence": [v for v in e.get("evidence") or [] if v.startswith(prefix)],
            }
            for e in self.edges
            if report_id in (e.get("sources") or [])
        ]
        for e in edges:  # as the store would key the fact if this report alone stated it
            src, dst = e["source"].split(":", 1), e["target"].split(":", 1)
            e["review_key"] = review_key(e, (src[0], src[1]), (dst[0], dst[1]))
        return self._keep_edges(edges, {key})

    def since(self, date: str) -> GraphData:
        edges = [e for e in self.edges if (e.get("last_seen") or "") >= date]
        return self._keep_edges(edges)

    def around(self, name_or_id: str, depth: int) -> GraphData:
        """The neighbourhood of one entity, ``depth`` hops in either direction."""
        start = self.find(name_or_id)
        adjacent: dict[str, set[str]] = defaultdict(set)
        for e in self.edges:
            adjacent[e["source"]].add(e["target"])
            adjacent[e["target"]].add(e["source"])
        seen = {start: 0}
        queue = deque([start])
        while queue:
            k = queue.popleft()
            if seen[k] >= depth:
                continue
            for n in adjacent[k]:
                if n not in seen:
                    seen[n] = seen[k] + 1
                    queue.append(n)
        edges = [e for e in self.edges if e["source"] in seen and e["target"] in seen]
        return GraphData({k: v for k, v in self.nodes.items() if k in seen}, edges)

    def about_actor(self, name_or_id: str) -> GraphData:
        """An actor, the campaigns attributed to it, what both do, and the reports behind it."""
        actor = self.find(name_or_id)
        if not actor.startswith("Actor:"):
            raise GraphkitError(f"{name_or_id!r} is a {actor.split(':')[0]}, not an Actor")
        holders = {actor} | {
            e["source"] for e in self.edges if e["kind"] == "ATTRIBUTED_TO" and e["target"] == actor
        }
        edges = [e for e in self.edges if e["source"] in holders and e["kind"] != "MENTIONS"]
        edges += [e for e in self.edges if e["kind"] == "DESCRIBES" and e["target"] in holders]
        keep = {e["source"] for e in edges} | {e["target"] for e in edges} | {actor}
        reports = {k for k in keep if k.startswith("Report:")} | {
            e["source"] for e in self.edges if e["kind"] == "MENTIONS" and e["target"] == actor
        }
        edges += [
            e
            for e in self.edges
            if e["kind"] == "MENTIONS" and e["source"] in reports and e["target"] in keep
        ]
        return self._keep_edges(edges, {actor} | reports)

    def reported_only(self) -> GraphData:
        """What reports say: drop what only reference catalogs know.

        A node no report names (``reference``: ATT&CK's 700 techniques, its groups and
        campaigns) goes, and so does an edge that cites no report (a sub-technique's link to
        its parent, an LLM-themed technique's nearest ATT&CK technique).
        """
        nodes = {k: v for k, v in self.nodes.items() if not v.get("reference")}
        edges = [
            e for e in self.edges if e["source"] in nodes and e["target"] in nodes and reported(e)
        ]
        return GraphData(nodes, edges)

    def linked_to(self, country: str) -> GraphData:
        """The actors linked to a country (a name, demonym or code) and what they do."""
        code = resolve("Country", country, self.entries("Country"))
        actors = {
            e["source"]
            for e in self.edges
            if e["kind"] == "LINKED_TO" and e["target"] == node_key("Country", code)
        }
        return self._keep_edges([e for e in self.edges if e["source"] in actors])


def reported(edge: dict[str, Any]) -> bool:
    """True when a report states the edge: a source that is not a catalog's."""
    return any(s not in CATALOG_SOURCES for s in edge.get("sources") or ())


def fetch_graph(store: GraphStore) -> GraphData:
    """Every node and relationship of the store."""
    data = GraphData()
    for label in NODES:
        for (node,) in store.run(f"MATCH (n:{label}) RETURN n").rows:
            data.nodes[node_key(label, node["id"])] = node
    for rel in RELS:
        result = store.run(
            f"MATCH (a)-[r:{rel}]->(b) RETURN a.kind AS sk, a.id AS s, r, b.kind AS tk, b.id AS t"
        )
        for sk, s, r, tk, t in result.rows:
            data.edges.append({**r, "source": node_key(sk, s), "target": node_key(tk, t)})
    return data


def from_result(result: QueryResult) -> GraphData:
    """The nodes and relationships a query returned (``RETURN a, r, b`` or paths)."""
    data = GraphData()
    pending: list[dict[str, Any]] = []

    def visit(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                visit(v)
        elif isinstance(value, dict):
            if value.get("kind") in NODES and "id" in value:
                data.nodes[node_key(value["kind"], value["id"])] = value
            elif value.get("kind") in RELS and "source" in value:
                pending.append(value)
            else:
                for v in value.values():
                    visit(v)

    for row in result.rows:
        visit(row)
    by_id: dict[str, list[str]] = defaultdict(list)
    for k, n in data.nodes.items():
        by_id[n["id"]].append(k)
    for r in pending:
        src, dst = by_id.get(r.get("source") or ""), by_id.get(r.get("target") or "")
        if src and dst and len(src) == 1 and len(dst) == 1:
            data.edges.append({**r, "source": src[0], "target": dst[0]})
    if not data.nodes:
        raise GraphkitError(
            "the query returns no nodes to draw: return nodes and relationships (RETURN a, r, b)"
        )
    return data
