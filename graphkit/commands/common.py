"""What every command shares: the typer app, the shared options, the consoles, the error handler.

The commands import from here and never from :mod:`graphkit.cli`, which imports them: no import
runs back up.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Annotated, Any, NoReturn
from urllib.parse import urlsplit

import typer
import typer.core
from rich.console import Console
from rich.text import Text

from graphkit import __version__
from graphkit.commands.text import shown
from graphkit.errors import GraphkitError, StoreAuthError, StoreError, StoreUnavailableError
from graphkit.store import GraphStore, is_neo4j_uri, open_store, resolve_target

__all__ = [
    "EXIT_INPUT",
    "EXIT_STORE",
    "Fmt",
    "FormatOpt",
    "ReferenceOpt",
    "StoreOpt",
    "app",
    "err",
    "fail",
    "handled",
    "opened",
    "out",
    "print_error",
    "print_json",
    "shown",
]

EXIT_INPUT = 1
EXIT_STORE = 3


def _placeholder(self: Any, ctx: Any) -> str | None:
    """Help shows a value as a word (FILE, NAME) or its choices; a flag shows nothing.

    typer 0.29 writes the Python type beside every option (``<str>``, ``<bool>``,
    ``<list[str]>``), which reads as code, not as a sentence.
    """
    desc = getattr(self, "type_descriptor", None)
    choices = desc.choices if desc is not None and desc.is_choice else None
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    if self.param_type_name == "argument":  # its name is its placeholder already
        return None
    if self.metavar is not None:
        return str(self.metavar)
    if getattr(self, "is_flag", False) or getattr(self, "count", False):
        return None
    return str(self.name or "value").upper()


typer.core.TyperOption.display_type_rich = _placeholder  # type: ignore[method-assign]
typer.core.TyperArgument.display_type_rich = _placeholder  # type: ignore[method-assign]

app = typer.Typer(
    name="graphkit",
    help="A knowledge graph of threat actors, their languages, targets and techniques, "
    "built from public threat reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",  # a docstring's paragraphs flow; its line breaks do not show
)
out = Console()
err = Console(stderr=True)


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


class Fmt(StrEnum):
    table = "table"
    json = "json"


StoreOpt = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        metavar="STORE",
        help="The store: a directory for the embedded store, or a Neo4j URI (bolt://, neo4j://, "
        "neo4j+s://). The default is $GRAPHKIT_STORE, else $NEO4J_URI, else ./graphkit-data.",
        show_default=False,
    ),
]
FormatOpt = Annotated[
    Fmt, typer.Option("--format", "-f", case_sensitive=False, help="The output format.")
]
ReferenceOpt = Annotated[
    bool,
    typer.Option(
        "--reference",
        help="Also take in catalog data that no report names (ATT&CK techniques, groups and "
        "campaigns).",
    ),
]


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


def _origin(store: str | None) -> str:
    """Where the store's URI came from, and what to set to give another."""
    if store:
        return "given with --store"
    if os.environ.get("GRAPHKIT_STORE"):
        return "from $GRAPHKIT_STORE: set it, or give --store, for another store"
    return "from $NEO4J_URI: set it, or give --store, for another server"


def _unavailable(exc: StoreUnavailableError, store: str | None) -> NoReturn:
    """Neo4j cannot be reached or refused the credentials: say where the URI and the
    credentials came from, and which variables to set."""
    if isinstance(exc, StoreAuthError):
        user = "user from $NEO4J_USERNAME" if os.environ.get("NEO4J_USERNAME") else "default user"
        password = (
            "the password from $NEO4J_PASSWORD"
            if os.environ.get("NEO4J_PASSWORD")
            else "NEO4J_PASSWORD is not set"
        )
        fail(
            f"{exc} (the {user}, {password}): set NEO4J_USERNAME and NEO4J_PASSWORD",
            EXIT_STORE,
        )
    fail(f"{exc} (the URI {_origin(store)})", EXIT_STORE)


@contextmanager
def opened(store: str | None, *, read_only: bool = False) -> Iterator[GraphStore]:
    """The store, opened for the command and closed after it; errors as one-line messages
    (one that names Neo4j says where its URI and credentials came from)."""
    _credentials(store)
    with handled():
        try:
            s = open_store(store, read_only=read_only)
        except StoreUnavailableError as exc:
            _unavailable(exc, store)
        try:
            yield s
        except StoreUnavailableError as exc:
            _unavailable(exc, store)
        finally:
            s.close()


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
