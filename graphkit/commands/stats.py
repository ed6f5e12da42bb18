"""`graphkit stats`: counts by node label and relationship type."""

from __future__ import annotations

from rich.text import Text

from graphkit.commands.common import (
    Fmt,
    FormatOpt,
    ReferenceOpt,
    StoreOpt,
    app,
    opened,
    out,
    print_json,
)
from graphkit.commands.tables import show
from graphkit.counts import count_graph


@app.command()
def stats(
    store: StoreOpt = None, reference: ReferenceOpt = False, fmt: FormatOpt = Fmt.table
) -> None:
    """Count nodes by label and relationships by type: what reports say, and with the catalogs.

    The table shows both counts. With --format json: {"nodes": {label: n}, "relationships":
    {type: n}}, counting what reports say, or everything with --reference.
    """
    with opened(store, read_only=True) as s:
        counts = count_graph(s)
        where = f"{s.backend} store {s.location}"
    if fmt is Fmt.json:
        pick = 1 if reference else 0
        print_json({part: {k: v[pick] for k, v in c.items()} for part, c in counts.items()})
        return
    for part, word in (("nodes", "label"), ("relationships", "type")):
        rows: list[list[str | Text]] = [
            [name, str(reported), str(total)] for name, (reported, total) in counts[part].items()
        ]
        reported = sum(r for r, _ in counts[part].values())
        total = sum(t for _, t in counts[part].values())
        rows.append([Text(s, style="bold") for s in ("total", str(reported), str(total))])
        show(out, [word, "in reports", "with catalogs"], rows, title=f"{part} in the {where}")
