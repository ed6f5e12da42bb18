"""`graphkit catalog load`: the reference catalogs (ATT&CK, ATLAS, LLM-themed techniques)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.catalog import CATALOGS, load_catalog_file, load_catalogs
from graphkit.commands.common import StoreOpt, app, handled, opened, out
from graphkit.commands.tables import show

catalog_app = typer.Typer(help="Reference catalogs: ATT&CK v18.1, ATLAS, LLM-themed techniques.")
app.add_typer(catalog_app, name="catalog")


class Which(StrEnum):
    attack = "attack"
    atlas = "atlas"
    llm = "llm"
    all = "all"


@catalog_app.command("load")
def catalog_load(
    which: Annotated[
        Which,
        typer.Argument(metavar="CATALOG", case_sensitive=False, help="Which catalog to load."),
    ] = Which.all,
    store: StoreOpt = None,
    from_file: Annotated[
        Path | None,
        typer.Option("--from", metavar="FILE", help="A catalog STIX bundle to load instead."),
    ] = None,
) -> None:
    """Load reference catalogs into the store (idempotent), marked as reference data.

    attack: every current ATT&CK enterprise technique and sub-technique (SUBTECHNIQUE_OF), the
    groups with their aliases, the campaigns; atlas: every ATLAS technique and sub-technique
    with its tactics and mitigations; llm: the LLM-themed techniques, each MAPS_TO its nearest
    ATT&CK/ATLAS technique.
    `graphkit load` loads all of them by itself into an empty store.

    --from FILE loads a catalog STIX bundle (techniques, tactics and mitigations with no actor,
    such as ATLAS's stix-atlas.json) as reference data; `graphkit load FILE` does the same.
    """
    names = list(CATALOGS) if which is Which.all else [which.value]
    with opened(store) as s, handled():
        if from_file is not None:
            source, written = load_catalog_file(s, from_file)
            results = {f"{source} ({from_file.name})": written}
        else:
            results = load_catalogs(s, names)
    rows = [
        [name, *map(str, (w.nodes_created, w.nodes_matched, w.rels_created, w.rels_matched))]
        for name, w in results.items()
    ]
    columns = [
        "catalog",
        "nodes new",
        "nodes matched",
        "relationships new",
        "relationships matched",
    ]
    show(out, columns, rows, title="reference catalogs")
