"""The `graphkit` command: a thin layer, each command one library call plus rendering.

Exit codes: 0 success; 1 bad input (a file, a query, a parameter); 2 wrong usage (also: a
compiled extractor older than its source); 3 the store cannot be reached, refuses the
credentials or fails.
"""

from __future__ import annotations

import logging
import sys

from graphkit.commands import register_all
from graphkit.commands.common import EXIT_INPUT, EXIT_STORE, app, err
from graphkit.errors import StaleBuildError

__all__ = ["EXIT_INPUT", "EXIT_STORE", "app", "main"]


def main() -> None:
    # The Neo4j driver logs each retry of a transient error (a deadlock between concurrent
    # loads, a leader change) as a warning; the retry is the driver's job and the message
    # would land between the command's own lines. Errors still reach the user as errors.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    logging.getLogger("neo4j").propagate = False
    try:
        register_all()
    except StaleBuildError as exc:  # the commands import the extractor
        err.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True, soft_wrap=True)
        sys.exit(2)
    app()
