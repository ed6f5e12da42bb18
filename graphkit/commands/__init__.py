"""The CLI's commands, one module per group; each adds itself to the app of ``common``."""

from __future__ import annotations

import importlib

__all__ = ["register_all"]

_MODULES = (
    "load",
    "reports",
    "stats",
    "query",
    "viz",
    "analytics",
    "catalog",
    "actor",
    "export",
    "extract",
    "schema",
)


def register_all() -> None:
    for name in _MODULES:
        importlib.import_module(f"graphkit.commands.{name}")
