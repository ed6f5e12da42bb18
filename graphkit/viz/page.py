"""Interactive HTML graphs: vis-network (as bundled by pyvis), self-contained and escaped.

The page inlines vis-network's JavaScript and CSS from the pyvis package, loads nothing from
the network, and puts every string from a report into the page only as JSON data that the
browser turns into text (``textContent``), never into markup.

pyvis's own ``add_node``/``add_edge`` are linear per call (20,000 edges take 15 s to add), and
its template pulls Bootstrap from a CDN, so graphkit builds the node and edge records itself,
takes pyvis's option model and vis-network build, and renders its own template.

Examples
--------
>>> STYLES["Actor"].shape
'dot'
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
from pyvis.options import Options

from graphkit import __version__
from graphkit.files import write_atomic
from graphkit.graphdata import GraphData
from graphkit.schema import NODES
from graphkit.viz.force import force_layout

__all__ = ["LAYOUT_THRESHOLD", "STYLES", "Style", "render_html", "write_html"]

# Above this many nodes, positions are computed in Python and physics is off (BENCHMARKS.md).
LAYOUT_THRESHOLD = 300
# Above this many edges, edge labels are left to the tooltips.
EDGE_LABEL_LIMIT = 400


@dataclass(frozen=True)
class Style:
    color: str
    shape: str


STYLES: dict[str, Style] = {
    "Report": Style("#9e9e9e", "box"),
    "Campaign": Style("#fb8c00", "diamond"),
    "Actor": Style("#e53935", "dot"),
    "Country": Style("#1e88e5", "triangle"),
    "Language": Style("#8e24aa", "hexagon"),
    "Sector": Style("#43a047", "square"),
    "Organization": Style("#00897b", "triangleDown"),
    "Technique": Style("#fdd835", "dot"),
    "Platform": Style("#d81b60", "star"),
    "Tactic": Style("#6d4c41", "box"),
    "Mitigation": Style("#546e7a", "square"),
}
SHAPE_GLYPHS = {
    "box": "▬", "diamond": "◆", "dot": "●", "triangle": "▲", "hexagon": "⬢", "square": "■",
    "triangleDown": "▼", "star": "★",
}  # fmt: skip
COMMUNITY_COLORS = [
    "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45",
    "#fabed4", "#469990", "#dcbeff", "#9a6324", "#800000", "#aaffc3", "#808000", "#000075",
]  # fmt: skip


def _clip(text: Any, limit: int = 300) -> str:
    s = str(text)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def _node_tip(node: dict[str, Any], reports: list[str]) -> str:
    lines = [f"{node['kind']}: {node.get('name') or node['id']}", f"id: {node['id']}"]
    if node.get("aliases"):
        extra = len(node["aliases"]) - 8
        lines.append(
            "aka: " + ", ".join(node["aliases"][:8]) + (f" (+{extra})" if extra > 0 else "")
        )
    for prop in ("attack_id", "framework", "publisher", "published", "vendor"):
        if node.get(prop):
            lines.append(f"{prop}: {node[prop]}")
    if node.get("reference"):
        lines.append("reference data: no report names it")
    if reports:
        lines.append("reports: " + ", ".join(sorted(reports)))
    return "\n".join(_clip(x) for x in lines)


def _edge_tip(edge: dict[str, Any]) -> str:
    lines = [f"{edge['kind']}  confidence {edge.get('confidence', '?')}"]
    if edge.get("extracted"):
        lines.append("machine-extracted, not yet reviewed")
    lines.append("sources: " + ", ".join(edge.get("sources") or []))
    evidence = edge.get("evidence") or []
    lines += [f"- {_clip(e)}" for e in evidence[:6]]
    if len(evidence) > 6:
        lines.append(f"(+{len(evidence) - 6} more)")
    return "\n".join(lines)


def _layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Positions for a large graph: force-directed in numpy, seeded (graphkit.viz.force)."""
    n = graph.number_of_nodes()
    pos = force_layout(list(graph.nodes), list(graph.edges), iterations=60 if n <= 5000 else 35)
    scale = 40 * math.sqrt(n)
    return {k: (x * scale, y * scale) for k, (x, y) in pos.items()}


def _options(large: bool) -> dict[str, Any]:
    opts = Options()
    opts.interaction.hideEdgesOnDrag = large
    opts.edges.smooth.enabled = not large
    out: dict[str, Any] = {
        "interaction": {**vars(opts.interaction), "hover": True, "tooltipDelay": 150},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"inherit": False, "color": "#b0b0b0", "highlight": "#333333"},
            "font": {"size": 9, "color": "#666666", "strokeWidth": 0},
            "smooth": {"enabled": not large, "type": "continuous"},
        },
        "nodes": {"font": {"size": 13}},
    }
    if large:
        out["physics"] = {"enabled": False}
        out["interaction"]["hideEdgesOnZoom"] = True
    else:
        out["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    return out


def render_html(
    data: GraphData,
    *,
    title: str = "graphkit",
    subtitle: str = "",
    color_by: str = "kind",
    communities: dict[str, int] | None = None,
    size_by: str = "degree",
) -> str:
    """The HTML page for a graph.

    Parameters
    ----------
    data : GraphData
        Nodes and edges to draw; MENTIONS edges should already be dropped if unwanted.
    color_by : {"kind", "community"}
        Colour nodes by kind, or by the community in ``communities``.
    size_by : {"degree", "centrality"}
        Node size by degree, or by betweenness centrality.
    """
    graph = nx.Graph()
    graph.add_nodes_from(data.nodes)
    graph.add_edges_from((e["source"], e["target"]) for e in data.edges)
    large = graph.number_of_nodes() > LAYOUT_THRESHOLD
    positions = _layout(graph) if large else {}
    if size_by == "centrality" and not large:
        weight = nx.betweenness_centrality(graph)
        sizes = {k: 10 + 40 * math.sqrt(v) for k, v in weight.items()}
    else:
        sizes = {k: 8 + 4 * math.sqrt(d) for k, d in graph.degree()}
    reports: dict[str, list[str]] = {}
    for e in data.edges:
        if e["kind"] == "MENTIONS":
            reports.setdefault(e["target"], []).append(e["source"].split(":", 1)[1])

    nodes = []
    for key, node in data.nodes.items():
        style = STYLES[node["kind"]]
        color = style.color
        if color_by == "community" and communities is not None:
            color = COMMUNITY_COLORS[communities.get(key, 0) % len(COMMUNITY_COLORS)]
        record: dict[str, Any] = {
            "id": key,
            "gkId": node["id"],
            "label": _clip(node.get("name") or node["id"], 60),
            "shape": style.shape,
            "color": color,
            "size": round(sizes.get(key, 8), 1),
            "tip": _node_tip(node, reports.get(key, [])),
        }
        if key in positions:
            record["x"], record["y"] = (round(v, 1) for v in positions[key])
        nodes.append(record)
    label_edges = len(data.edges) <= EDGE_LABEL_LIMIT
    edges = [
        {
            "from": e["source"],
            "to": e["target"],
            "label": e["kind"] if label_edges else None,
            "width": 1 + (e.get("confidence") or 0) / 40,
            "dashes": bool(e.get("extracted")),
            "tip": _edge_tip(e),
        }
        for e in data.edges
    ]
    counts: dict[str, int] = {}
    for node in data.nodes.values():
        counts[node["kind"]] = counts.get(node["kind"], 0) + 1
    by_community = color_by == "community" and communities is not None
    legend = [
        {
            "label": f"{label} {SHAPE_GLYPHS[STYLES[label].shape]}",
            "color": "#cccccc" if by_community else STYLES[label].color,
            "count": counts[label],
        }
        for label in NODES
        if label in counts
    ]
    if by_community:
        n_groups = len(set((communities or {}).values()))
        subtitle = (subtitle + " · " if subtitle else "") + f"colour: {n_groups} communities"
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    subtitle = (subtitle + " · " if subtitle else "") + (
        f"{len(nodes)} nodes, {len(edges)} relationships · drawn {when}"
    )
    vis = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return _template().render(
        title=title,
        subtitle=subtitle,
        legend=legend,
        nodes=nodes,
        edges=edges,
        options=_options(large),
        vis_js=_inline_safe((vis / "vis-network.min.js").read_text("utf-8")),
        vis_css=_inline_safe((vis / "vis-network.css").read_text("utf-8")),
        version=__version__,
    )


def _inline_safe(code: str) -> str:
    # An inlined library must not close its own <script> or <style> element early.
    return code.replace("</script", "<\\/script").replace("</style", "<\\/style")


@cache
def _template() -> jinja2.Template:
    text = resources.files("graphkit.viz").joinpath("graph.html.jinja").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(text)


def write_html(html: str, path: str | Path) -> Path:
    """Write the page atomically: a reader never sees half a file."""
    return write_atomic(html, path)
