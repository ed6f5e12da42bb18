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
from rich.table import Table

from graphkit.cli import (
    EXIT_INPUT,
    Fmt,
    FormatOpt,
    StoreOpt,
    app,
    err,
    fail,
    handled,
    opened,
    out,
    print_json,
    shown,
)
from graphkit.graphdata import from_result
from graphkit.querylib import Query, find_query, load_library, parse_query, run_query
from graphkit.store.base import QueryResult
from graphkit.viz import render_html, write_html


class RowFmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


@app.command()
def queries(fmt: FormatOpt = Fmt.table) -> None:
    """List the query library: id, name, category, description and parameters."""
    with handled():
        lib = load_library()
    if fmt is Fmt.json:
        print_json([q.meta.model_dump() for q in lib.values() if q.meta])
        return
    table = Table(title=f"graphkit query library ({len(lib)} queries)")
    for col in ("id", "category", "name", "parameters"):
        table.add_column(col, overflow="fold")
    for q in lib.values():
        assert q.meta is not None
        params = ", ".join(
            f"{p.name}" + ("" if p.required else f"={p.default!r}") for p in q.meta.parameters
        )
        table.add_row(q.meta.id, q.meta.category, q.meta.name, params or "-")
    out.print(table)


def _params(pairs: list[str]) -> dict[str, str]:
    given: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            fail(f"--param takes KEY=VALUE, not {pair!r}", EXIT_INPUT)
        given[key.strip()] = value
    return given


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
        table = Table(title=title)
        for col in result.columns:
            table.add_column(col, overflow="fold")
        for row in result.rows:
            table.add_row(*(shown(_cell(v)) for v in row), end_section=False)
        out.print(table)
        out.print(f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}", style="dim")


@app.command()
def query(
    id_or_file: Annotated[
        str | None,
        typer.Argument(
            help="A library query id (see `graphkit queries`) or a .cypher file.",
            show_default=False,
        ),
    ] = None,
    cypher: Annotated[
        str | None,
        typer.Option("--cypher", "-c", help="Run this Cypher instead.", show_default=False),
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param", "-p", help="A parameter as KEY=VALUE; repeat for more.", show_default=False
        ),
    ] = None,
    write: Annotated[
        bool,
        typer.Option("--write", help="Allow the query to write (it runs read-only otherwise)."),
    ] = False,
    store: StoreOpt = None,
    fmt: Annotated[RowFmt, typer.Option("--format", "-f", help="Output format.")] = RowFmt.table,
    viz: Annotated[
        Path | None,
        typer.Option("--viz", help="Also draw the nodes and relationships it returns as HTML."),
    ] = None,
) -> None:
    """Run a library query, a .cypher file or ad-hoc Cypher, read-only unless --write.

    Values reach the engine only as $parameters. Output: a table, a JSON array of row objects,
    or CSV (lists joined with "; ").
    """
    if (id_or_file is None) == (cypher is None):
        fail("give a query id or file, or --cypher, but not both", EXIT_INPUT)
    given = _params(param or [])
    with handled():
        q: Query = find_query(id_or_file) if id_or_file else parse_query(cypher or "", "--cypher")
    with opened(store, read_only=not write) as s:
        result = run_query(s, q, given, write=write)
        where = f"{s.backend} store {s.location}"
    title = q.meta.name if q.meta else "query"
    render(result, fmt, title)
    if viz is not None:
        with handled():
            page = render_html(from_result(result), title=f"graphkit: {title}", subtitle=where)
            write_html(page, viz)
        err.print("wrote", shown(viz))
