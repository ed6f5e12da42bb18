"""`graphkit similar` and `graphkit central`: networkx analytics over the graph."""

from __future__ import annotations

from dataclasses import asdict
from enum import StrEnum
from typing import Annotated

import typer

from graphkit.analytics import centrality, similar_actors
from graphkit.commands.common import (
    Fmt,
    FormatOpt,
    ReferenceOpt,
    StoreOpt,
    app,
    handled,
    opened,
    out,
    print_json,
)
from graphkit.commands.tables import show
from graphkit.graphdata import fetch_graph


class Measure(StrEnum):
    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"


@app.command()
def similar(
    actor: Annotated[
        str,
        typer.Argument(
            metavar="ACTOR",
            help="An actor's name, alias or id (Emerald Sleet).",
            show_default=False,
        ),
    ],
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="How many actors to list.")
    ] = 10,
    reference: ReferenceOpt = False,
    store: StoreOpt = None,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """Rank actors by shared techniques, targets and languages, with the overlap and sources.

    The score is a weighted Jaccard overlap (techniques 0.4, targets 0.35, languages 0.25;
    ATT&CK sub-techniques count as their parent), from 0 to 1. Only what reports say counts,
    unless --reference.
    """
    with opened(store, read_only=True) as s, handled():
        data = fetch_graph(s)
        ranked = similar_actors(data if reference else data.reported_only(), actor, top)
    if fmt is Fmt.json:
        print_json([asdict(r) for r in ranked])
        return
    columns = ["actor", "score", "shared techniques", "shared targets", "shared languages"]
    rows = [
        [
            r.name,
            f"{r.score:.3f}",
            ", ".join(r.shared.get("USES", [])),
            ", ".join(r.shared.get("TARGETS", [])),
            ", ".join(r.shared.get("USES_LANGUAGE", [])),
            ", ".join(r.sources),
        ]
        for r in ranked
    ]
    show(out, [*columns, "sources"], rows, title=f"actors similar to {actor}")


@app.command()
def central(
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            metavar="KIND",
            help="Rank only the nodes of this kind, in any case (Actor, technique, ...).",
        ),
    ] = None,
    measure: Annotated[
        Measure,
        typer.Option("--measure", case_sensitive=False, help="How to measure centrality."),
    ] = Measure.degree,
    top: Annotated[
        int, typer.Option("--top", min=1, metavar="N", help="How many nodes to list.")
    ] = 10,
    reference: ReferenceOpt = False,
    store: StoreOpt = None,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """List the most central nodes of the graph, optionally of one kind.

    Report mentions are left out, and so is catalog data no report names, unless --reference.
    """
    with opened(store, read_only=True) as s, handled():
        data = fetch_graph(s)
        rows = centrality(data if reference else data.reported_only(), kind, measure.value, top)
    if fmt is Fmt.json:
        print_json(rows)
        return
    title = f"{measure.value} centrality" + (
        f" of {rows[0]['kind']} nodes" if kind and rows else ""
    )
    show(
        out,
        ["kind", "id", "name", "score", "degree"],
        [[r["kind"], r["id"], r["name"] or "", str(r["score"]), str(r["degree"])] for r in rows],
        title=title,
    )
