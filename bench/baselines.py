"""The loads graphkit is measured against, on the same rows.

- *raw*: the final nodes and edges (what graphkit's load leaves in the store), written into an
  empty store by one ``UNWIND $rows`` statement per label or edge shape and batch, inside one
  managed transaction per batch; no parsing, no reading back, no merging. For LadybugDB also
  its bulk path, ``COPY FROM`` a temporary Parquet file per table.
- *naive*: the loop most hobby loaders write: for each report, one auto-committed ``MERGE``
  statement per node and per edge, ``SET`` overwriting what was there.
"""

from __future__ import annotations

import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from graphkit.batch import GraphBatch
from graphkit.merge import merge_edge, merge_node
from graphkit.schema import NODES, REL_PROPS, RELS
from graphkit.store import statements as st
from graphkit.store.bulk import arrow_schema

__all__ = ["Rows", "naive_load", "raw_copy", "raw_unwind", "rows_of"]

# label -> node rows; (type, src label, dst label) -> edge rows with "src" and "dst"
Rows = tuple[dict[str, list[dict[str, Any]]], dict[tuple[str, str, str], list[dict[str, Any]]]]


def rows_of(batch: GraphBatch) -> Rows:
    """A batch as the plain rows a raw loader would send, every declared property present."""
    nodes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (label, _), props in sorted(batch.nodes.items()):
        nodes[label].append(merge_node(label, None, props))
    edges: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for k, props in sorted(batch.edges.items()):
        edges[(k.type, k.src_label, k.dst_label)].append(
            {"src": k.src, "dst": k.dst, **merge_edge(None, props)}
        )
    return dict(nodes), dict(edges)


def count_rows(rows: Rows) -> int:
    return sum(map(len, rows[0].values())) + sum(map(len, rows[1].values()))


def _statements(rows: Rows, dialect: str, size: int) -> Iterable[tuple[str, list[Any]]]:
    nodes, edges = rows
    for label in NODES:
        for i in range(0, len(nodes.get(label, [])), size):
            yield st.write_nodes(label, dialect), nodes[label][i : i + size]
    for shape, items in sorted(edges.items()):
        for i in range(0, len(items), size):
            yield st.write_edges(*shape, dialect), items[i : i + size]


def raw_unwind(execute: Callable[[str, list[Any]], None], rows: Rows, dialect: str) -> float:
    """Seconds to write ``rows`` with one UNWIND statement per batch of 5,000."""
    start = time.perf_counter()
    for cypher, chunk in _statements(rows, dialect, 5000):
        execute(cypher, chunk)
    return time.perf_counter() - start


def _naive_statements(label: str) -> str:
    sets = ", ".join(f"n.{p.name} = ${p.name}" for p in NODES[label].all_props if p.name != "id")
    return f"MERGE (n:{label} {{id: $id}}) SET {sets}"


def _naive_edge(rel: str, src: str, dst: str, dialect: str) -> str:
    def value(name: str, kind: str) -> str:
        return f"CAST(${name} AS {kind})" if dialect == "ladybug" else f"${name}"

    sets = ", ".join(f"r.{p.name} = {value(p.name, p.type)}" for p in REL_PROPS)
    return (
        f"MATCH (a:{src} {{id: $src}}), (b:{dst} {{id: $dst}}) MERGE (a)-[r:{rel}]->(b) SET {sets}"
    )


def naive_load(
    execute: Callable[[str, dict[str, Any]], None],
    per_report: Iterable[Rows],
    dialect: str,
    budget_rows: int,
) -> tuple[float, int]:
    """Seconds and rows of the naive loop, stopped after ``budget_rows`` rows.

    The rate (rows per second) is what a comparison uses: the loop is far too slow to run on
    a whole corpus in a benchmark, and its cost per row does not grow with the corpus.
    """
    done, start = 0, time.perf_counter()
    node_q = {label: _naive_statements(label) for label in NODES}
    for nodes, edges in per_report:
        for label, items in nodes.items():
            for row in items:
                execute(node_q[label], row)
        for (rel, src, dst), items in edges.items():
            cypher = _naive_edge(rel, src, dst, dialect)
            for row in items:
                execute(cypher, row)
        done += count_rows((nodes, edges))
        if done >= budget_rows:
            break
    return time.perf_counter() - start, done


def raw_copy(conn: Any, rows: Rows) -> float:
    """Seconds for LadybugDB's ``COPY FROM`` of ``rows`` (Parquet files) into empty tables."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    nodes, edges = rows
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for label, items in nodes.items():
            path = Path(tmp) / f"{label}.parquet"
            table = pa.Table.from_pylist(items, schema=arrow_schema(NODES[label].all_props))
            pq.write_table(table, path)
            files.append(f"COPY {label} FROM '{path}'")
        for (rel, src, dst), items in edges.items():
            path = Path(tmp) / f"{rel}-{src}-{dst}.parquet"
            schema = arrow_schema(REL_PROPS, ("src", "dst"))
            pq.write_table(pa.Table.from_pylist(items, schema=schema), path)
            many = len(RELS[rel].endpoints) > 1
            opts = f" (from='{src}', to='{dst}')" if many else ""
            files.append(f"COPY {rel} FROM '{path}'{opts}")
        start = time.perf_counter()
        for cypher in files:
            conn.execute(cypher)
        return time.perf_counter() - start
