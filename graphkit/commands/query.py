"""`graphkit queries` and `graphkit query`: the query library and ad-hoc Cypher."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from graphkit.commands.common import (
    EXIT_INPUT,
    Fmt,
    FormatOpt,
    ReferenceOpt,
    StoreOpt,
    app,
    err,
    fail,
    handled,
    opened,
    out,
    print_json,
)
from graphkit.commands.tables import show
from graphkit.commands.text import shown
from graphkit.graphdata import from_result
from graphkit.querylib import (
    Param,
    Query,
    cut_lists,
    find_query,
    load_library,
    next_page,
    parse_params,
    parse_query,
    run_query,
    source,
)
from graphkit.store.base import QueryResult
from graphkit.viz import render_html, write_html


class RowFmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _param_text(p: Param) -> str:
    default = "" if p.required else f" = {p.default!r}"
    return f"{p.name}: {p.type}{default}"


@app.command()
def queries(
    query_id: Annotated[
        str | None,
        typer.Argument(
            metavar="ID",
            help="A query's id: print its header and its Cypher instead of the list.",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """List the query library: each query's id, description and typed parameters.

    With an ID, print that query's file: its metadata header and its Cypher.
    """
    with handled():
        lib = load_library()
        if query_id is not None:
            q = find_query(query_id)
            if fmt is Fmt.json:
                meta = q.meta.model_dump() if q.meta else {}
                print_json({**meta, "cypher": q.cypher, "cypher_for": dict(q.variants)})
            else:
                sys.stdout.write(source(q))
            return
    metas = [q.meta for q in lib.values() if q.meta]
    if fmt is Fmt.json:
        print_json([m.model_dump() for m in metas])
        return
    rows = [
        [m.id, m.description, "\n".join(_param_text(p) for p in m.parameters) or "-"] for m in metas
    ]
    show(out, ["id", "description", "parameters"], rows, title=f"the query library ({len(lib)})")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render(result: QueryResult, fmt: RowFmt, title: str) -> None:
    if fmt is RowFmt.json:
        print_json(result.records())
    elif fmt is RowFmt.csv:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(result.columns)
        writer.writerows([_cell(v) for v in row] for row in result.rows)
        sys.stdout.write(buf.getvalue())
    else:
        show(out, result.columns, [[_cell(v) for v in row] for row in result.rows], title=title)
        out.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}", style="dim")


@app.command()
def query(
    id_or_file: Annotated[
        str | None,
        typer.Argument(
            metavar="QUERY",
            help="A library query's id (see `graphkit queries`) or a .cypher file.",
            show_default=False,
        ),
    ] = None,
    cypher: Annotated[
        str | None,
        typer.Option(
            "--cypher",
            "-c",
            metavar="CYPHER",
            help="Run this Cypher text instead.",
            show_default=False,
        ),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            metavar="KEY=VALUE",
            help="A parameter of the query; repeat it for more. Actors, countries, languages, "
            "sectors, techniques, platforms and reports take names as well as ids.",
            show_default=False,
        ),
    ] = None,
    write: Annotated[
        bool,
        typer.Option("--write", help="Allow the query to write; it runs read-only otherwise."),
    ] = False,
    reference: ReferenceOpt = False,
    store: StoreOpt = None,
    fmt: Annotated[
        RowFmt,
        typer.Option("--format", "-f", case_sensitive=False, help="The output format."),
    ] = RowFmt.table,
    viz: Annotated[
        Path | None,
        typer.Option(
            "--viz",
            metavar="FILE",
            help="Also draw the nodes and relationships the query returns, as an HTML page.",
        ),
    ] = None,
) -> None:
    """Run a library query, a .cypher file or Cypher text, read-only unless --write.

    Values reach the engine only as $parameters. A name that matches nothing is an error that
    suggests the nearest names. The output is a table, a JSON array of row objects, or CSV
    (lists joined with "; ").
    """
    if (id_or_file is None) == (cypher is None):
        fail("give a query id or file, or --cypher, but not both", EXIT_INPUT)
    with handled():
        given = parse_params(param or [])
        q: Query = find_query(id_or_file) if id_or_file else parse_query(cypher or "", "--cypher")
    with opened(store, read_only=not write) as s:
        result = run_query(s, q, given, write=write, reference=reference)
        where = f"{s.backend} store {s.location}"
    title = q.meta.name if q.meta else "query"
    render(result, fmt, title)
    start = next_page(q, given, len(result.rows))
    if start is not None:
        err.print(
            f"note: one page of {len(result.rows)} rows; more may follow: --param skip={start}"
        )
    for cut in cut_lists(q, result):
        err.print(
            f"note: {cut.column} is cut short on some rows ({cut.count} counts them all): "
            f"--param {cut.parameter}=N to list more"
        )
    if viz is not None:
        with handled():
            page = render_html(from_result(result), title=f"graphkit: {title}", subtitle=where)
            write_html(page, viz)
        err.print("wrote", shown(viz))
