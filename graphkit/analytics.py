"""Graph analytics with networkx: similar actors, communities, centrality.

Examples
--------
>>> from graphkit.graphdata import GraphData, node_label
>>> g = GraphData(
...     {"Actor:a": {"kind": "Actor", "id": "a", "name": "A"},
...      "Actor:b": {"kind": "Actor", "id": "b", "name": "B"},
...      "Technique:T1566": {"kind": "Technique", "id": "T1566", "name": "Phishing"}},
...     [{"kind": "USES", "source": "Actor:a", "target": "Technique:T1566", "sources": ["r1"]},
...      {"kind": "USES", "source": "Actor:b", "target": "Technique:T1566", "sources": ["r2"]}])
>>> [(s.name, s.score) for s in similar_actors(g, "A")]
[('B', 1.0)]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from graphkit.errors import GraphkitError
from graphkit.graphdata import GraphData, node_label

__all__ = ["FEATURES", "Similar", "centrality", "communities", "similar_actors", "to_networkx"]

# What two actors can share, and how much each kind of overlap counts.
FEATURES: dict[str, float] = {"USES": 0.4, "TARGETS": 0.35, "USES_LANGUAGE": 0.25}


@dataclass
class Similar:
    id: str
    name: str
    score: float
    shared: dict[str, list[str]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)


def to_networkx(data: GraphData) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for key, node in data.nodes.items():
        g.add_node(key, **node)
    for e in data.edges:
        g.add_edge(
            e["source"],
            e["target"],
            key=e["kind"],
            **{k: v for k, v in e.items() if k not in ("source", "target")},
        )
    return g


def _feature(target_key: str) -> str:
    """Compare techniques at the parent level: T1566.001 and T1566 are the same behaviour."""
    kind, _, ident = target_key.partition(":")
    if kind == "Technique" and ident.startswith("T") and "." in ident:
        return f"{kind}:{ident.split('.')[0]}"
    return target_key


def _profiles(data: GraphData) -> dict[str, dict[str, dict[str, list[str]]]]:
    """Actor key → relationship type → feature key → sources."""
    out: dict[str, dict[str, dict[str, list[str]]]] = {}
    for e in data.edges:
        if e["kind"] in FEATURES and e["source"].startswith("Actor:"):
            feats = out.setdefault(e["source"], {}).setdefault(e["kind"], {})
            feats.setdefault(_feature(e["target"]), []).extend(e.get("sources") or [])
    return out


def similar_actors(data: GraphData, actor: str, top: int = 10) -> list[Similar]:
    """Actors ranked by weighted Jaccard overlap of techniques, targets and languages.

    The score is the sum over :data:`FEATURES` of weight * |shared| / |either|, scaled by the
    weights of the feature kinds either actor has at all (0 to 1).
    """
    key = data.find(actor)
    if not key.startswith("Actor:"):
        raise GraphkitError(f"{actor!r} is a {key.split(':')[0]}, not an Actor")
    profiles = _profiles(data)
    mine = profiles.get(key, {})
    if not mine:
        raise GraphkitError(f"{data.nodes[key]['name']} has no techniques, targets or languages")
    ranked = []
    for other, theirs in profiles.items():
        if other == key:
            continue
        score, weight = 0.0, 0.0
        shared: dict[str, list[str]] = {}
        sources: set[str] = set()
        for rel, w in FEATURES.items():
            a, b = mine.get(rel, {}), theirs.get(rel, {})
            if not a and not b:
                continue
            weight += w
            common = sorted(set(a) & set(b))
            if common:
                score += w * len(common) / len(set(a) | set(b))
                shared[rel] = [c.split(":", 1)[1] for c in common]
                for c in common:
                    sources.update(a[c])
                    sources.update(b[c])
        if shared:
            node = data.nodes[other]
            ranked.append(
                Similar(
                    node["id"],
                    node.get("name") or node["id"],
                    round(score / weight, 3),
                    shared,
                    sorted(sources),
                )
            )
    ranked.sort(key=lambda s: (-s.score, s.name))
    return ranked[:top]


def _undirected(data: GraphData) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(data.nodes)
    for e in data.edges:
        if e["kind"] not in ("MENTIONS", "DESCRIBES"):
            g.add_edge(e["source"], e["target"])
    return g


def communities(data: GraphData, seed: int = 42) -> dict[str, int]:
    """Node key → community number (Louvain, seeded; 0 is the largest community)."""
    parts = nx.community.louvain_communities(_undirected(data), seed=seed)
    parts = sorted(parts, key=lambda p: (-len(p), min(p)))
    return {k: i for i, part in enumerate(parts) for k in part}


def centrality(
    data: GraphData, kind: str | None = None, measure: str = "degree", top: int = 10
) -> list[dict[str, Any]]:
    """The most central nodes by degree, betweenness or PageRank (of one kind, in any case)."""
    label = node_label(kind) if kind else None
    g = _undirected(data)
    if measure == "degree":
        values = nx.degree_centrality(g)
    elif measure == "betweenness":
        values = nx.betweenness_centrality(g)
    elif measure == "pagerank":
        values = nx.pagerank(g)
    else:
        raise GraphkitError(f"unknown measure {measure!r}: degree, betweenness or pagerank")
    rows = [
        {
            "kind": data.nodes[k]["kind"],
            "id": data.nodes[k]["id"],
            "name": data.nodes[k].get("name"),
            "score": round(v, 4),
            "degree": g.degree(k),
        }
        for k, v in values.items()
        if label is None or data.nodes[k]["kind"] == label
    ]
    rows.sort(key=lambda r: (-r["score"], r["id"]))
    return rows[:top]
