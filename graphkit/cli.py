"""The `graphkit` command: a thin layer, each command one library call plus rendering.

Exit codes: 0 success; 1 bad input (a file, a query, a parameter); 2 wrong usage (also: a
compiled extractor older than its source); 3 the store cannot be reached, refuses the
credentials or fails.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from graphkit import __version__
from graphkit.errors import GraphkitError, InputError, QueryError, StaleBuildError, StoreError
from graphkit.store import GraphStore, open_store

__all__ = ["EXIT_INPUT", "EXIT_STORE", "app", "main"]

EXIT_INPUT = 1
EXIT_STORE = 3

app = typer.Typer(
    name="graphkit",
    help="A knowledge graph of threat actors, their languages, targets and techniques, "
    "built from public threat reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


class Fmt(StrEnum):
    table = "table"
    json = "json"


StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        help="A directory for the embedded store or a Neo4j URI (bolt://, neo4j://, neo4j+s://). "
        "Default: $GRAPHKIT_STORE, else $NEO4J_URI, else ./graphkit-data.",
        show_default=False,
    ),
]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="Output format.")]


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error and exit with ``code``."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


@contextmanager
def handled() -> Iterator[None]:
    """Turn graphkit's exceptions into one-line messages and exit codes."""
    try:
        yield
    except StoreError as exc:
        fail(str(exc), EXIT_STORE)
    except (InputError, QueryError) as exc:
        fail(str(exc), EXIT_INPUT)
    except GraphkitError as exc:
        fail(str(exc), EXIT_INPUT)


@contextmanager
def opened(store: str | None, *, read_only: bool = False) -> Iterator[GraphStore]:
    with handled():
        s = open_store(store, read_only=read_only)
        try:
            yield s
        finally:
            s.close()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def _version(value: bool) -> None:
    if value:
        out.print(f"graphkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """graphkit: who is doing what to whom, according to public threat reports."""


def main() -> None:
    from graphkit.commands import register_all

    try:
        register_all()
    except StaleBuildError as exc:  # the commands import the extractor
        err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True, soft_wrap=True)
        sys.exit(2)
    app()
