"""`graphkit load`: report files into the store."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
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
from rich.text import Text

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
    print_error,
    print_json,
)
from graphkit.commands.tables import show
from graphkit.commands.text import shown
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
            help="Report files, folders or globs: findings and STIX bundles (.yaml, .yml, "
            ".json) and report text the extractor drafts from (.txt, .md, .html, .pdf, ...). "
            "A folder's files of other formats are skipped and named.",
            show_default=False,
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
    skipped: list[Path] = []
    with handled():
        files = expand_paths(paths, skipped)
    if skipped and not quiet:
        names = ", ".join(str(p) for p in skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        many = "files" if len(skipped) > 1 else "file"
        err.print(shown(f"skipped {len(skipped)} {many} of a format no loader reads: {names}"))
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
        print_error(f.error or "")
    if summary.failed:
        raise typer.Exit(EXIT_INPUT)


def _render(summary: LoadSummary, dry_run: bool) -> None:
    """One row a file (its name; the error line gives the path), counts right-aligned."""
    if dry_run:
        columns = ["file", "report", "status", "nodes", "relationships"]
    else:
        columns = ["file", "report", "status", "nodes new", "nodes matched", "rels new"]
        columns.append("rels matched")
    rows: list[list[str | Text]] = []
    for f in summary.files:
        style = {"failed": "red", "loaded": "green"}.get(f.status, "")
        status = Text(f.status, style=style)
        if dry_run:
            counts = [str(sum(f.nodes.values())), str(sum(f.relationships.values()))]
        else:
            w = f.written
            counts = [str(n) for n in (w.nodes_created, w.nodes_matched, w.rels_created)]
            counts.append(str(w.rels_matched))
        rows.append([Path(f.path).name, f.report_id or "-", status, *counts])
    if not dry_run and len(summary.files) > 1:
        t = summary.total
        ok = f"{len(summary.files) - len(summary.failed)} ok, {len(summary.failed)} failed"
        totals = [t.nodes_created, t.nodes_matched, t.rels_created, t.rels_matched]
        rows.append([Text("total", style="bold"), "", ok, *map(str, totals)])
    title = "graphkit load" + (" (dry run: nothing written)" if dry_run else "")
    show(out, columns, rows, title=title)
