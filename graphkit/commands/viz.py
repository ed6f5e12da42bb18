"""`graphkit viz`: an interactive HTML picture of the graph, or of part of it."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.analytics import communities
from graphkit.commands.common import ReferenceOpt, StoreOpt, app, err, handled, opened
from graphkit.commands.text import shown
from graphkit.querylib import parse_params
from graphkit.selection import Selection, select
from graphkit.viz import render_html, write_html


class ColorBy(StrEnum):
    kind = "kind"
    community = "community"


class SizeBy(StrEnum):
    degree = "degree"
    centrality = "centrality"


@app.command()
def viz(
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write.")
    ] = Path("graph.html"),
    store: StoreOpt = None,
    query: Annotated[
        str | None,
        typer.Option(
            "--query",
            "-q",
            metavar="QUERY",
            help="Draw what a query returns: a library query id, a .cypher file or Cypher text.",
        ),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="KEY=VALUE",
            help="A parameter of the --query query; repeat it for more.",
        ),
    ] = None,
    focus: Annotated[
        str | None,
        typer.Option(
            "--focus",
            metavar="NAME",
            help="Draw the neighbourhood of one entity, given by its name, an alias or its id.",
        ),
    ] = None,
    depth: Annotated[
        int,
        typer.Option(
            "--depth", min=1, max=6, metavar="N", help="How many hops around --focus to draw."
        ),
    ] = 2,
    kinds: Annotated[
        str | None,
        typer.Option(
            "--kinds",
            metavar="KINDS",
            help="Draw only these node kinds, comma-separated and in any case (Actor,Sector).",
        ),
    ] = None,
    report: Annotated[
        str | None,
        typer.Option(
            "--report", metavar="REPORT", help="Draw only what this report (id or title) states."
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Draw only the facts last seen on or after this date (YYYY-MM-DD).",
        ),
    ] = None,
    reference: ReferenceOpt = False,
    mentions: Annotated[
        bool,
        typer.Option("--mentions", help="Also draw the Report-MENTIONS edges (there are many)."),
    ] = False,
    color: Annotated[
        ColorBy,
        typer.Option(
            "--color", case_sensitive=False, help="Colour the nodes by kind or by community."
        ),
    ] = ColorBy.kind,
    size: Annotated[
        SizeBy,
        typer.Option(
            "--size",
            case_sensitive=False,
            help="Size the nodes by degree or by betweenness centrality.",
        ),
    ] = SizeBy.degree,
    title: Annotated[
        str | None, typer.Option("--title", metavar="TITLE", help="The page's title.")
    ] = None,
) -> None:
    """Draw the graph as one self-contained HTML page that works offline.

    Every string from a report is escaped. Nodes take a colour and shape by kind (with a
    legend) and a size by degree; tooltips show sources, evidence and confidence; a search box
    finds a node. Large graphs get a layout computed beforehand, with physics off.
    """
    with opened(store, read_only=True) as s, handled():
        sel = Selection(
            query=query,
            params=parse_params(param or []),
            report=report,
            kinds=tuple((kinds or "").split(",")) if kinds else (),
            since=since,
            focus=focus,
            depth=depth,
            reference=reference,
            mentions=mentions,
        )
        data = select(s, sel)
        groups = communities(data) if color is ColorBy.community else None
        html = render_html(
            data,
            title=title or "graphkit: " + (sel.describe() or "the whole graph"),
            subtitle=f"{s.backend} store {s.location}",
            color_by=color.value,
            communities=groups,
            size_by=size.value,
        )
        path = write_html(html, output)
    err.print(shown(f"wrote {path} ({len(data.nodes)} nodes, {len(data.edges)} relationships)"))
