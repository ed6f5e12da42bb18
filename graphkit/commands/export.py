"""`graphkit export`: STIX 2.1, ATT&CK Navigator layers, GraphML, node-link JSON."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.cli import EXIT_INPUT, StoreOpt, app, err, fail, handled, opened, shown
from graphkit.exporters import navigator_layer, to_graphml, to_node_link_json
from graphkit.files import write_atomic
from graphkit.graphdata import fetch_graph
from graphkit.stix_export import to_stix


class ExportFormat(StrEnum):
    stix = "stix"
    navigator = "navigator"
    graphml = "graphml"
    json = "json"


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="What to write.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="The file to write (default: stdout).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only one actor, its campaigns and what they do.")
    ] = None,
    report: Annotated[
        str | None, typer.Option("--report", help="Only what one report states.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="navigator: the actors linked to this country.")
    ] = None,
    reference: Annotated[
        bool, typer.Option("--reference", help="Include catalog data no report names.")
    ] = False,
    store: StoreOpt = None,
) -> None:
    """Export the graph, or one actor's or one report's part of it.

    stix: a STIX 2.1 bundle (deterministic ids, sources as external references, evidence as
    descriptions) that `graphkit load` reads back; navigator: an ATT&CK Navigator layer of the
    techniques in use, scored by how many sources report them; graphml and json: for other
    graph tools (networkx writers; lists become JSON text in GraphML).
    """
    if sum(x is not None for x in (actor, report, country)) > 1:
        fail("give at most one of --actor, --report, --country", EXIT_INPUT)
    if country and fmt is not ExportFormat.navigator:
        fail("--country goes with --format navigator", EXIT_INPUT)
    with opened(store, read_only=True) as s, handled():
        data = fetch_graph(s)
        if not reference:
            data = data.reported_only()
        title = "the whole graph"
        if actor:
            data = data.about_actor(actor)
            title = data.nodes[data.find(actor)]["name"]
        elif report:
            data = data.from_report(report)
            title = f"report {report}"
        elif country:
            code = country.upper()
            actors = {
                e["source"]
                for e in data.edges
                if e["kind"] == "LINKED_TO" and e["target"] == f"Country:{code}"
            }
            data.edges = [e for e in data.edges if e["source"] in actors]
            title = f"actors linked to {code}"
        if fmt is ExportFormat.stix:
            text = to_stix(data)
        elif fmt is ExportFormat.navigator:
            text = json.dumps(navigator_layer(data, f"graphkit: {title}"), indent=2) + "\n"
        elif fmt is ExportFormat.graphml:
            text = to_graphml(data)
        else:
            text = to_node_link_json(data)
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(text, output)
            err.print(
                shown(f"wrote {output} ({len(data.nodes)} nodes, {len(data.edges)} relationships)")
            )
