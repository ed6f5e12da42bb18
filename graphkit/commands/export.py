"""`graphkit export`: STIX 2.1, ATT&CK Navigator layers, GraphML, node-link JSON."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.commands.common import (
    EXIT_INPUT,
    ReferenceOpt,
    StoreOpt,
    app,
    err,
    fail,
    handled,
    opened,
)
from graphkit.commands.text import shown
from graphkit.export import navigator_layer, to_graphml, to_node_link_json, to_stix
from graphkit.files import write_atomic
from graphkit.selection import Selection, select


class ExportFormat(StrEnum):
    stix = "stix"
    navigator = "navigator"
    graphml = "graphml"
    json = "json"


@app.command()
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="What to write."),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="The file to write; without it, standard output."
        ),
    ] = None,
    actor: Annotated[
        str | None,
        typer.Option(
            "--actor",
            metavar="NAME",
            help="Export only one actor (name, alias or id), its campaigns and what they do.",
        ),
    ] = None,
    report: Annotated[
        str | None,
        typer.Option(
            "--report", metavar="REPORT", help="Export only what one report (id or title) states."
        ),
    ] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country",
            metavar="COUNTRY",
            help="With --format navigator: the actors linked to this country (name, demonym or "
            "ISO code).",
        ),
    ] = None,
    reference: ReferenceOpt = False,
    store: StoreOpt = None,
) -> None:
    """Export the graph, or one actor's, one country's or one report's part of it.

    stix: a STIX 2.1 bundle (deterministic ids, sources as external references, evidence as
    descriptions) that `graphkit load` reads back; navigator: an ATT&CK Navigator layer of the
    techniques in use, scored by how many sources report them; graphml and json: for other
    graph tools (networkx writers; lists become JSON text in GraphML).
    """
    if country and fmt is not ExportFormat.navigator:
        fail("--country goes with --format navigator", EXIT_INPUT)
    with opened(store, read_only=True) as s, handled():
        sel = Selection(
            actor=actor, country=country, report=report, reference=reference, mentions=True
        )
        data = select(s, sel)
        title = sel.describe() or "the whole graph"
        if actor:
            title = data.nodes[data.find(actor, "Actor")]["name"]
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
