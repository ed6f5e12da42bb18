"""`graphkit load`: report files into the store."""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console
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
    fail,
    handled,
    opened,
    out,
    print_error,
    print_json,
)
from graphkit.commands.interrupt import stop_between_files
from graphkit.commands.tables import show
from graphkit.commands.text import shown
from graphkit.extract.confidence import LOAD_THRESHOLD, DraftedFact, hold_back
from graphkit.ingest import (
    BATCH_ROWS,
    FileResult,
    LoadSummary,
    Reader,
    expand_paths,
    is_empty,
    load_files,
)
from loaders import Loaded, read_report

PROGRESS_FROM = 5  # files; fewer load too fast for a bar to help


@app.command()
def load(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Report files, folders or globs: findings and STIX bundles (.yaml, .yml, "
            ".json) and report text the extractor drafts from (.txt, .md, .html, .pdf, ...). "
            "A folder's files of other formats are skipped and named. A dash (-) reads "
            "standard input, its format told from its content.",
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
    title: Annotated[
        str | None,
        typer.Option(metavar="TITLE", help="Report text's title, where the text lacks one."),
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Report text's publisher, where the text lacks one (it starts the report's id).",
        ),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Report text's publication date (YYYY-MM-DD), where the text lacks one.",
        ),
    ] = None,
    min_confidence: Annotated[
        int,
        typer.Option(
            "--min-confidence",
            min=0,
            max=100,
            metavar="N",
            help="Facts the extractor drafts from report text below this confidence are not "
            "written; they are listed for review. 0 writes them all.",
        ),
    ] = LOAD_THRESHOLD,
    batch_rows: Annotated[
        int | None,
        typer.Option(
            "--batch-rows",
            min=1,
            metavar="N",
            help="Gather reports into one transaction until they hold about this many nodes and "
            f"relationships (default: 80,000 on Neo4j, {BATCH_ROWS:,} on the embedded store).",
        ),
    ] = None,
) -> None:
    """Load report findings into the graph, several reports a transaction, idempotent.

    A file that fails is reported and skipped; the others still load (a transaction that fails
    is written again report by report, so the error names the file). The exit code is 1 when
    any file failed. Into an empty store, the reference catalogs (ATT&CK, ATLAS, LLM-themed
    techniques) are loaded first, unless --no-catalog. On a terminal, a long load shows a
    progress bar with reports a second and the time left.

    Report text is drafted into findings on the way (as `graphkit extract` does); --title,
    --publisher and --published give what its own lines lack. Drafted facts below
    --min-confidence (default 50: more likely wrong than right on the labelled sets) are not
    written and are listed after the load for review. Interrupted (Ctrl-C), the load
    finishes the files it is writing (a second Ctrl-C stops it at once), says how many
    files are in the store, whole, and exits 130: the same load run again completes it.
    """
    skipped: list[Path] = []
    with handled():
        files = expand_paths(paths, skipped)
    if skipped and not quiet:
        names = ", ".join(str(p) for p in skipped[:5]) + (", ..." if len(skipped) > 5 else "")
        many = "files" if len(skipped) > 1 else "file"
        err.print(shown(f"skipped {len(skipped)} {many} of a format no loader reads: {names}"))
    held: list[tuple[str, DraftedFact]] = []
    read = partial(
        _holding_back,
        partial(read_report, title=title, publisher=publisher, published=published),
        min_confidence,
        held,
    )
    done: list[FileResult] = []
    try:
        summary = _load(
            files,
            store,
            dry_run=dry_run,
            no_catalog=no_catalog,
            quiet=quiet,
            replace=replace,
            batch_rows=batch_rows,
            read=read,
            done=done,
        )
    except KeyboardInterrupt:
        _interrupted(done, len(files), dry_run)
    if quiet:
        pass
    elif fmt is Fmt.json:
        print_json([asdict(f) for f in summary.files])
    else:
        _render(summary, dry_run)
    if held and not quiet:
        _render_held(held, min_confidence, err if fmt is Fmt.json else out)
    for f in summary.failed:
        print_error(f.error or "")
    if summary.failed:
        raise typer.Exit(EXIT_INPUT)


def _load(
    files: list[Path],
    store: str | None,
    *,
    dry_run: bool,
    no_catalog: bool,
    quiet: bool,
    replace: bool,
    batch_rows: int | None,
    read: Reader,
    done: list[FileResult],
) -> LoadSummary:
    """The load itself under a progress bar; each file's result is appended to ``done`` as
    it is written, so that an interrupted load can say how far it got."""
    with (
        ExitStack() as stack,
        Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=quiet or len(files) < PROGRESS_FROM or not err.is_terminal,
        ) as progress,
    ):
        task = progress.add_task("loading", total=len(files), rate="")
        stopping = stack.enter_context(stop_between_files())

        def advance(result: FileResult) -> None:
            done.append(result)
            progress.advance(task)
            speed = progress.tasks[0].speed
            progress.update(task, rate=f"{speed:.0f} reports/s" if speed else "")
            stopping()  # Ctrl-C: stop here, with this file whole in the store

        if dry_run:
            with handled():
                return load_files(None, files, on_file=advance, batch_rows=batch_rows, read=read)
        with opened(store) as s:
            catalogs = not no_catalog and is_empty(s)
            summary = load_files(
                s,
                files,
                on_file=advance,
                batch_rows=batch_rows,
                replace=replace,
                read=read,
                first=load_catalogs if catalogs else None,
            )
            if catalogs and not quiet:
                err.print("loaded the reference catalogs (ATT&CK v18.1, ATLAS, LLM-themed)")
            return summary


def _interrupted(done: list[FileResult], total: int, dry_run: bool) -> NoReturn:
    """Ctrl-C: what is in the store, and that the same load run again completes it (exit 130).

    A transaction is all or nothing, so the store holds whole reports: those of the files
    written before the interrupt, and nothing of the group being written.
    """
    if dry_run:
        fail(f"interrupted after checking {len(done)} of {total} files; nothing was written", 130)
    stored = sum(1 for f in done if f.status in ("loaded", "unchanged"))
    failed = sum(1 for f in done if f.status == "failed")
    note = f" ({failed} failed)" if failed else ""
    fail(
        f"interrupted: {stored} of {total} files are in the store{note}, each whole; run the "
        "same load again to load the rest (files already in the store are matched, not "
        "written twice)",
        130,
    )


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


def _holding_back(
    read: Reader, threshold: int, held: list[tuple[str, DraftedFact]], path: Path
) -> Loaded:
    """A file read, with the facts drafted from report text below ``threshold`` taken out
    and added to ``held``; findings and STIX files keep every fact."""
    loaded = read(path)
    if loaded.extracted:
        kept = []
        for findings in loaded.findings:
            rest, below = hold_back(findings, threshold)
            kept.append(rest)
            held.extend((path.name, d) for d in below)
        loaded.findings = kept
    return loaded


def _render_held(held: list[tuple[str, DraftedFact]], threshold: int, console: Console) -> None:
    """The facts not written, for review: draft the text with `graphkit extract` to keep one."""
    rows = [[name, d.campaign, d.kind, d.subject if d.kind == "LINKED_TO" else "", d.id,
             str(d.confidence), d.evidence[:120]] for name, d in held]  # fmt: skip
    title = f"not written: {len(held)} drafted facts below confidence {threshold}"
    show(console, ["file", "campaign", "fact", "actor", "object", "confidence", "evidence"], rows,
         title=title)  # fmt: skip
