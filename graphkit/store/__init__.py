"""Graph stores: the embedded LadybugDB default and Neo4j, behind one protocol.

Which store: ``--store`` (a directory or a Neo4j URI), else ``GRAPHKIT_STORE``, else
``NEO4J_URI``, else the directory ``./graphkit-data``. Neo4j credentials come from
``NEO4J_USERNAME`` (default ``neo4j``) and ``NEO4J_PASSWORD``; ``NEO4J_DATABASE`` picks a
database other than the server's default.

Examples
--------
>>> is_neo4j_uri("neo4j+s://abc.databases.neo4j.io"), is_neo4j_uri("./graphkit-data")
(True, False)
"""

from __future__ import annotations

import os
import re

from graphkit.store.base import GraphStore, QueryResult, WriteResult

__all__ = [
    "DEFAULT_DIRECTORY",
    "GraphStore",
    "QueryResult",
    "WriteResult",
    "is_neo4j_uri",
    "open_store",
    "resolve_target",
]

DEFAULT_DIRECTORY = "graphkit-data"
_URI = re.compile(r"^(bolt|neo4j)(\+s|\+ssc)?://", re.IGNORECASE)


def is_neo4j_uri(target: str) -> bool:
    return bool(_URI.match(target))


def resolve_target(store: str | None = None) -> str:
    """The store a command uses: the argument, GRAPHKIT_STORE, NEO4J_URI, or ./graphkit-data."""
    return (
        store
        or os.environ.get("GRAPHKIT_STORE")
        or os.environ.get("NEO4J_URI")
        or DEFAULT_DIRECTORY
    )


def open_store(store: str | None = None, *, read_only: bool = False) -> GraphStore:
    """Open the embedded store (a directory) or a Neo4j server (a URI).

    Raises
    ------
    StoreUnavailableError
        Neo4j cannot be reached or refuses the credentials.
    StoreError
        The embedded store cannot be opened (or, read-only, does not exist).
    """
    target = resolve_target(store)
    if is_neo4j_uri(target):
        from graphkit.store.neo4j import Neo4jStore

        return Neo4jStore(
            target,
            os.environ.get("NEO4J_USERNAME", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE") or None,
            read_only=read_only,
        )
    from graphkit.store.embedded import EmbeddedStore

    return EmbeddedStore(target, read_only=read_only)
