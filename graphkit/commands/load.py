"""`graphkit load`: report files into the store."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from graphkit.catalog import load_catalogs
from graphkit.commands.common import (
    EXIT_INPUT,
    Fmt,
    FormatOpt,
    StoreOpt,
    app,
    err,
    handled,
    opened,
    out,
    print_json,
)
from graphkit.ingest import (
    BATCH_ROWS,
    FileResult,
    LoadSummary,
    expand_paths,
    is_empty,
    load_paths,
)

PROGRESS_FROM = 5  # files; fewer load too fast for a bar to help


@app.command()
def load(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Findings files (.yaml, .yml, .json), folders or globs.", show_default=False
        ),
    ],
    store: StoreOpt = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Validate and show what would be written; write nothing."),
    ] = False,
    no_catalog: Annotated[
        bool,
        typer.Option(
            "--no-catalog", help="Do not load the reference catalogs into an empty store."
        ),
    ] = False,
    fmt: FormatOpt = Fmt.table,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print no table and no progress bar: only errors and the exit code.",
        ),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="A report already loaded is swapped for this version in one transaction: "
            "facts it no longer states are taken back.",
        ),
    ] = False,
    batch_rows: Annotated[
        int,
        typer.Option(
            "--batch-rows",
            min=1,
            help="Gather reports into one transaction until they hold about this many nodes and "
            "relationships.",
        ),
    ] = BATCH_ROWS,
) -> None:
    """Load report findings into the graph, several reports a transaction, idempotent.

    A file that fails is reported and skipped; the others still load (a transaction that fails
    is written again report by report, so the error names the file). The exit code is 1 when
    any file failed. Into an empty store, the reference catalogs (ATT&CK, ATLAS, LLM-themed
    techniques) are loaded first, unless --no-catalog. On a terminal, a long load shows a
    progress bar with reports a second and the time left.
    """
    with handled():
        files = expand_paths(paths)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=quiet or len(files) < PROGRESS_FROM or not err.is_terminal,
    ) as progress:
        task = progress.add_task("loading", total=len(files), rate="")

        def advance(_: FileResult) -> None:
            progress.advance(task)
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:.0f} reports/s" if speed else "")

        if dry_run:
            with handled():
                summary = load_paths(
                    None, [str(f) for f in files], on_file=advance, batch_rows=batch_rows
                )
        else:
            with opened(store) as s:
                if not no_catalog and is_empty(s):
                    load_catalogs(s)
                    if not quiet:
                        err.print("loaded the reference catalogs (ATT&CK v18.1, ATLAS, LLM-themed)")
                summary = load_paths(
                    s,
                    [str(f) for f in files],
                    on_file=advance,
                    batch_rows=batch_rows,
                    replace=replace,
                )
    if quiet:
        pass
    elif fmt is Fmt.json:
        print_json([asdict(f) for f in summary.files])
    else:
        _render(summary, dry_run)
    for f in summary.failed:
        err.print(f"[bold red]error:[/] {f.error}", highlight=False, soft_wrap=True)
    if summary.failed:
        raise typer.Exit(EXIT_INPUT)


def _render(summary: LoadSummary, dry_run: bool) -> None:
    table = Table(title="graphkit load" + (" (dry run: nothing written)" if dry_run else ""))
    table.add_column("file")
    table.add_column("report")
    table.add_column("status")
    if dry_run:
        table.add_column("nodes", justify="right")
        table.add_column("relationships", justify="right")
    else:
        for col in ("nodes new", "nodes matched", "rels new", "rels matched"):
            table.add_column(col, justify="right")
    for f in summary.files:
        status = {"failed": "[red]failed[/]", "loaded": "[green]loaded[/]"}.get(f.status, f.status)
        if dry_run:
            counts = [str(sum(f.nodes.values())), str(sum(f.relationships.values()))]
        else:
            w = f.written
            counts = [
                str(w.nodes_created),
                str(w.nodes_matched),
                str(w.rels_created),
                str(w.rels_matched),
            ]
        table.add_row(f.path, f.report_id or "-", status, *counts)
    if not dry_run and len(summary.files) > 1:
        t = summary.total
        table.add_row(
            "total",
            "",
            f"{len(summary.files) - len(summary.failed)} ok, {len(summary.failed)} failed",
            str(t.nodes_created),
            str(t.nodes_matched),
            str(t.rels_created),
            str(t.rels_matched),
        )
    out.print(table)
