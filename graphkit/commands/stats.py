"""`graphkit stats`: counts by node label and relationship type."""

from __future__ import annotations

from rich.table import Table

from graphkit.cli import Fmt, FormatOpt, StoreOpt, app, opened, out, print_json


@app.command()
def stats(store: StoreOpt = None, fmt: FormatOpt = Fmt.table) -> None:
    """Count nodes by label and relationships by type.

    With --format json: {"nodes": {label: n}, "relationships": {type: n}}.
    """
    with opened(store, read_only=True) as s:
        counts = s.stats()
        where = f"{s.backend} store {s.location}"
    if fmt is Fmt.json:
        print_json(counts)
        return
    for kind, title in (("nodes", "label"), ("relationships", "type")):
        table = Table(title=f"{kind} in the {where}")
        table.add_column(title)
        table.add_column("count", justify="right")
        for name, n in counts[kind].items():
            table.add_row(name, str(n))
        table.add_row("[bold]total[/]", f"[bold]{sum(counts[kind].values())}[/]")
        out.print(table)
