"""LadybugDB's bulk path: rows new to the store go in by ``COPY FROM`` an Arrow table.

``COPY`` runs inside the caller's transaction (a rollback takes it back), into tables that
already hold rows, and is two orders of magnitude faster than ``UNWIND ... MERGE`` for
relationships. It may only insert: rows the store already holds, changed by a merge, still go
through ``MERGE ... SET``. Only the embedded store uses it, and only because one process at a
time can write there: a row read as absent stays absent until the transaction commits.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from graphkit.schema import NODES, REL_PROPS, RELS, Prop
from graphkit.store import statements as st
from graphkit.store.base import Runner
from graphkit.store.writing import CHUNK, UnwindWriter

__all__ = ["CopyWriter", "arrow_schema"]

_ARROW = {
    "STRING": pa.string(),
    "STRING[]": pa.list_(pa.string()),
    "INT64": pa.int64(),
    "BOOL": pa.bool_(),
}
# Fewer rows than this go through UNWIND: a COPY has a fixed cost of its own.
COPY_FROM = 200


def arrow_schema(props: tuple[Prop, ...], first: tuple[str, ...] = ()) -> pa.Schema:
    return pa.schema(
        [pa.field(name, pa.string()) for name in first]
        + [pa.field(p.name, _ARROW[p.type]) for p in props]
    )


class CopyWriter(UnwindWriter):
    """New rows by ``COPY FROM`` an Arrow table, changed rows by ``UNWIND ... MERGE``."""

    def __init__(self, run: Runner, execute: Any) -> None:
        super().__init__(run, "ladybug")
        self.execute = execute

    def nodes(self, label: str, new: list[dict[str, Any]], changed: list[dict[str, Any]]) -> None:
        if len(new) < COPY_FROM:
            super().nodes(label, new, changed)
            return
        table = pa.Table.from_pylist(new, schema=arrow_schema(NODES[label].all_props))
        self.execute(f"COPY {label} FROM $rows", {"rows": table})
        super().nodes(label, [], changed)

    def edges(
        self, shape: tuple[str, str, str], new: list[dict[str, Any]], changed: list[dict[str, Any]]
    ) -> None:
        if len(new) < COPY_FROM:
            super().edges(shape, new, [])
        else:
            rel, src, dst = shape
            table = pa.Table.from_pylist(new, schema=arrow_schema(REL_PROPS, ("src", "dst")))
            pairs = f" (from='{src}', to='{dst}')" if len(RELS[rel].endpoints) > 1 else ""
            self.execute(f"COPY {rel} FROM $rows{pairs}", {"rows": table})
        for start in range(0, len(changed), CHUNK):  # held already: found from the source
            self.run(st.update_edges(*shape), {"rows": changed[start : start + CHUNK]})
