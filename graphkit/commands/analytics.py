"""`graphkit similar` and `graphkit central`: networkx analytics over the graph."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from graphkit.analytics import centrality, similar_actors
from graphkit.cli import Fmt, FormatOpt, StoreOpt, app, handled, opened, out, print_json, shown
from graphkit.graphdata import fetch_graph


@app.command()
def similar(
    actor: Annotated[str, typer.Argument(help="An actor's name, alias or id.", show_default=False)],
    top: Annotated[int, typer.Option("--top", min=1, help="How many actors.")] = 10,
    store: StoreOpt = None,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """Rank actors by shared techniques, targets and languages, with the overlap and sources.

    The score is a weighted Jaccard overlap (techniques 0.4, targets 0.35, languages 0.25;
    ATT&CK sub-techniques count as their parent), from 0 to 1.
    """
    with opened(store, read_only=True) as s, handled():
        ranked = similar_actors(fetch_graph(s), actor, top)
    if fmt is Fmt.json:
        print_json([asdict(r) for r in ranked])
        return
    table = Table(title=shown(f"actors similar to {actor}"))
    for col in (
        "actor",
        "score",
        "shared techniques",
        "shared targets",
        "shared languages",
        "sources",
    ):
        table.add_column(col, overflow="fold")
    for r in ranked:
        table.add_row(
            shown(r.name),
            f"{r.score:.3f}",
            *(shown(", ".join(r.shared.get(k, []))) for k in ("USES", "TARGETS", "USES_LANGUAGE")),
            shown(", ".join(r.sources)),
        )
    out.print(table)


@app.command()
def central(
    kind: Annotated[
        str | None, typer.Option("--kind", help="Only nodes of this kind (Actor, Technique, ...).")
    ] = None,
    measure: Annotated[
        str, typer.Option("--measure", help="degree, betweenness or pagerank.")
    ] = "degree",
    top: Annotated[int, typer.Option("--top", min=1, help="How many nodes.")] = 10,
    store: StoreOpt = None,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """The most central nodes of the graph (report mentions left out), optionally of one kind."""
    with opened(store, read_only=True) as s, handled():
        rows = centrality(fetch_graph(s), kind, measure, top)
    if fmt is Fmt.json:
        print_json(rows)
        return
    table = Table(title=f"{measure} centrality" + (f" of {kind} nodes" if kind else ""))
    table_keys = ("kind", "id", "name", "score", "degree")
    for col in table_keys:
        table.add_column(col)
    for r in rows:
        table.add_row(*(shown(r[k] if r[k] is not None else "") for k in table_keys))
    out.print(table)
