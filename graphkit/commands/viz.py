"""`graphkit viz`: an interactive HTML picture of the graph, or of part of it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.analytics import communities
from graphkit.cli import EXIT_INPUT, StoreOpt, app, err, fail, handled, opened, shown
from graphkit.graphdata import fetch_graph, from_result
from graphkit.querylib import find_query, parse_query, run_query
from graphkit.viz import render_html, write_html


class ColorBy(StrEnum):
    kind = "kind"
    community = "community"


class SizeBy(StrEnum):
    degree = "degree"
    centrality = "centrality"


@app.command()
def viz(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path(
        "graph.html"
    ),
    store: StoreOpt = None,
    query: Annotated[
        str | None,
        typer.Option(
            "--query",
            "-q",
            help="Draw what a query returns: a library id, a .cypher file or Cypher.",
        ),
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="A query parameter as KEY=VALUE.")
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option("--focus", help="Draw the neighbourhood of one entity (name or id)."),
    ] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="Hops around --focus.")] = 2,
    kinds: Annotated[
        str | None,
        typer.Option("--kinds", help="Only these node kinds, comma-separated: Actor,Sector."),
    ] = None,
    report: Annotated[
        str | None, typer.Option("--report", help="Only what this report id states.")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Only facts last seen on or after this date (YYYY-MM-DD)."),
    ] = None,
    reference: Annotated[
        bool, typer.Option("--reference", help="Also draw catalog data no report names (ATT&CK).")
    ] = False,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="Also draw Report-MENTIONS edges (many).")
    ] = False,
    color: Annotated[
        ColorBy, typer.Option("--color", help="Colour nodes by kind or by community.")
    ] = ColorBy.kind,
    size: Annotated[
        SizeBy, typer.Option("--size", help="Node size by degree or betweenness centrality.")
    ] = SizeBy.degree,
    title: Annotated[str | None, typer.Option("--title", help="The page title.")] = None,
) -> None:
    """Draw the graph as a self-contained HTML page: works offline, escapes every report string.

    Colour and shape by node kind with a legend, size by degree, tooltips with sources, evidence
    and confidence, a search box. Large graphs get a precomputed layout with physics off.
    """
    from graphkit.commands.query import _params  # one parser for --param

    what: list[str] = []
    with opened(store, read_only=True) as s, handled():
        if query:
            q = (
                find_query(query)
                if not any(c.isspace() for c in query)
                else parse_query(query, "--query")
            )
            data = from_result(run_query(s, q, _params(param or [])))
            what.append(f"query {q.id}")
        else:
            data = fetch_graph(s)
            if not reference:
                data = data.reported_only()
            if not mentions:
                data = data.without_mentions()
        if kinds:
            data = data.only_kinds({k.strip() for k in kinds.split(",") if k.strip()})
            what.append(f"kinds {kinds}")
        if report:
            data = data.from_report(report)
            what.append(f"report {report}")
        if since:
            if len(since) != 10 or since[4] != "-" or since[7] != "-":
                fail(f"--since takes a date as YYYY-MM-DD, not {since!r}", EXIT_INPUT)
            data = data.since(since)
            what.append(f"since {since}")
        if focus:
            data = data.around(focus, depth)
            what.append(f"{depth} hops around {focus}")
        if not data.nodes:
            fail("nothing to draw: the filters leave no nodes", EXIT_INPUT)
        groups = communities(data) if color is ColorBy.community else None
        html = render_html(
            data,
            title=title or "graphkit: " + (", ".join(what) or "the whole graph"),
            subtitle=f"{s.backend} store {s.location}",
            color_by=color.value,
            communities=groups,
            size_by=size.value,
        )
        path = write_html(html, output)
    err.print(shown(f"wrote {path} ({len(data.nodes)} nodes, {len(data.edges)} relationships)"))
