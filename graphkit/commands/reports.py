"""`graphkit reports` and `graphkit unload`: what is loaded, and taking a report back."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from graphkit.commands.common import Fmt, FormatOpt, StoreOpt, app, handled, opened, out, print_json
from graphkit.commands.tables import show
from graphkit.lifecycle import list_reports, unload


@app.command()
def reports(store: StoreOpt = None, fmt: FormatOpt = Fmt.table) -> None:
    """List the loaded reports, newest first: id, publisher, date, title, campaigns, facts.

    Facts are the relationships that cite the report; extracted counts those only machine
    extraction supports.
    """
    with opened(store, read_only=True) as s, handled():
        rows = list_reports(s)
    if fmt is Fmt.json:
        print_json([asdict(r) for r in rows])
        return
    columns = ["id", "publisher", "published", "title", "campaigns", "facts", "extracted"]
    table = [
        [
            r.id,
            r.publisher or "",
            r.published or "",
            r.title or "",
            *map(str, (r.campaigns, r.facts, r.extracted)),
        ]
        for r in rows
    ]
    show(out, columns, table, title=f"{len(rows)} reports")


@app.command(name="unload")
def unload_command(
    report_ids: Annotated[
        list[str],
        typer.Argument(
            help="The ids of the reports to take back (graphkit reports lists them).",
            metavar="REPORT_ID",
            show_default=False,
        ),
    ],
    store: StoreOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would change; change nothing.")
    ] = False,
    fmt: FormatOpt = Fmt.table,
) -> None:
    """Take reports back out of the graph, in one transaction.

    Each report's id leaves every relationship's sources and its words leave the evidence;
    confidence and dates are recomputed from the other sources. A relationship no other
    source states is deleted, and so is a node left with nothing, unless a reference catalog
    defines it.
    """
    with opened(store) as s, handled():
        plan = unload(s, report_ids, dry_run=dry_run)
    summary = plan.summary()
    if fmt is Fmt.json:
        print_json({**summary, "dry_run": dry_run})
        return
    rows = [[k.replace("_", " "), str(v)] for k, v in summary.items() if k != "reports"]
    title = ("would take back " if dry_run else "took back ") + ", ".join(plan.reports)
    show(out, ["what", "count"], rows, title=title)
