"""`graphkit actor NAME` and `graphkit review`: actor identity and the contested names."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from graphkit.actor_review import describe_actor, review_queue
from graphkit.commands.common import (
    EXIT_INPUT,
    Fmt,
    FormatOpt,
    StoreOpt,
    app,
    fail,
    handled,
    opened,
    out,
    print_json,
)
from graphkit.commands.tables import show


def _show_actor(record: dict[str, Any]) -> None:
    title = f"{record['name']} ({record['id']}" + (
        f", ATT&CK {record['attack_id']})" if record["attack_id"] else ")"
    )
    rows = [[t["name"], ", ".join(t["sources"]), t["resolves"]] for t in record["ties"]]
    show(out, ["name", "tied by", "resolves"], rows, title=title)
    if record["galaxy"]:
        galaxy = [
            [g["source"], g["cluster"], g["country"] or "", g["sponsor"] or ""]
            for g in record["galaxy"]
        ]
        show(
            out,
            ["galaxy", "cluster", "country", "suspected sponsor"],
            galaxy,
            title="reference data from MISP's galaxies",
        )


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="Any name or alias, or an ATT&CK id (G0094).")],
    fmt: FormatOpt = Fmt.table,
) -> None:
    """Which actor a name is: each of its names with the sources that tie it (ATT&CK, MISP
    galaxy and version, the project's table), and the galaxy's country and suspected sponsor.

    A contested name (two actors claim it) shows the candidates: a report that names the
    actor by it alone keeps it as an actor of its own, listed by `graphkit review`.
    Exits 1 when no source knows the name.
    """
    found = describe_actor(name)
    if fmt is Fmt.json:
        print_json(found)
    elif found["status"] == "resolved":
        _show_actor(found["actor"])
    elif found["status"] == "contested":
        out.print(
            f"{name} is contested ({', '.join(found['sources'])}): it names "
            f"{len(found['candidates'])} actor(s) by different sources' word"
        )
        for candidate in found["candidates"]:
            _show_actor(candidate)
    if found["status"] == "unknown":
        fail(f"no source knows an actor named {name!r}", EXIT_INPUT)


@app.command()
def review(store: StoreOpt = None, fmt: FormatOpt = Fmt.table) -> None:
    """The review queue: actors that a report named by a contested name (two actors claim it),
    kept as actors of their own, with the candidates; an analyst decides which (if any) they
    are, and says so in the report's findings (an alias) or in graphkit/data/actors.yaml.
    """
    with opened(store, read_only=True) as s, handled():
        rows = review_queue(s)
    if fmt is Fmt.json:
        print_json(rows)
        return
    table = [
        [r["name"], r["id"], "; ".join(r["candidates"]), ", ".join(r["reports"])] for r in rows
    ]
    show(
        out,
        ["name", "actor", "candidates", "reports"],
        table,
        title=f"{len(rows)} actors to review",
    )
