"""The `graphkit` command: a thin layer, each command one library call plus rendering.

Exit codes: 0 success; 1 bad input (a file, a query, a parameter); 2 wrong usage (also: a
compiled extractor older than its source); 3 the store cannot be reached, refuses the
credentials or fails.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any, NoReturn
from urllib.parse import urlsplit

import typer
from rich.console import Console
from rich.text import Text

from graphkit import __version__
from graphkit.errors import GraphkitError, InputError, QueryError, StaleBuildError, StoreError
from graphkit.store import GraphStore, is_neo4j_uri, open_store, resolve_target

__all__ = ["EXIT_INPUT", "EXIT_STORE", "app", "main", "print_error", "shown"]

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


# Bidi controls reorder what follows them on screen: a name could show as another.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    """A control or bidi-control character as the escape that names it (``\\x1b``)."""
    if (unicodedata.category(char) == "Cc" and char not in "\t\n") or char in _BIDI:
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def shown(value: object) -> Text:
    """A value from a report or a store as terminal text: never read as rich markup
    (``[/x]`` is shown, not parsed) and no control character reaches the terminal (an escape
    sequence or a right-to-left override shows as ``\\x1b``, ``\\u202e``).

    >>> shown("Op [/x] \\x1b[2J\\u202eabc").plain
    'Op [/x] \\\\x1b[2J\\\\u202eabc'
    """
    text = str(value)
    if not text.isascii() or any(c < " " and c not in "\t\n" for c in text):
        text = "".join(_escape(c) for c in text)
    return Text(text)


def print_error(message: str) -> None:
    """``error: message`` on stderr, the message shown as plain text (see :func:`shown`)."""
    err.print(Text("error:", style="bold red"), shown(message), highlight=False, soft_wrap=True)


def fail(message: str, code: int) -> NoReturn:
    """Print a one-line error and exit with ``code``."""
    print_error(message)
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


def _credentials(store: str | None) -> None:
    """Credentials come from the environment or a prompt, never from the command line: a URI
    that holds them is refused without being echoed; with no NEO4J_PASSWORD at a terminal,
    the password is asked for (not shown as it is typed)."""
    target = resolve_target(store)
    if not is_neo4j_uri(target):
        return
    if "@" in urlsplit(target).netloc:
        fail(
            "the store URI holds credentials: put none in it; give them in NEO4J_USERNAME and "
            "NEO4J_PASSWORD (or at the password prompt)",
            EXIT_INPUT,
        )
    if "NEO4J_PASSWORD" not in os.environ and sys.stdin.isatty():
        # open_store reads NEO4J_PASSWORD; this process only, for the one command it runs
        os.environ["NEO4J_PASSWORD"] = typer.prompt("Neo4j password", hide_input=True, err=True)


@contextmanager
def opened(store: str | None, *, read_only: bool = False) -> Iterator[GraphStore]:
    _credentials(store)
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
        print_error(str(exc))
        sys.exit(2)
    app()
