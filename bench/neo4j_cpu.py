"""Where a Neo4j load's server time goes: the same statements, replayed, in server CPU seconds.

``.venv/bin/python -m bench.neo4j_cpu [REPORTS] [--rounds N]`` (the test server up, started by
``tools/neo4j/neo4j-up`` on this machine: its pid is read from ``.run/neo4j.pid``). The
statements graphkit's load of the synthetic corpus sends are captured without a server (the
same groups of ``BATCH_ROWS`` rows, the same chunks), then replayed into the emptied server,
alternating in each round:

- ``graphkit``: graphkit's own statements, one transaction a group, as ``load_paths`` sends
  them: the ids-only reads of what the store holds, a plain ``CREATE`` of the new items and
  the server-side merge (``merge_nodes``, ``merge_edges``) of the held ones;
- ``merge-all``: the same groups with every item sent to the server-side merge (graphkit's
  write path before the split);
- ``raw``: the raw baseline of ``bench.baselines``: the final rows only, 5,000 a statement,
  one transaction each.

The server's CPU time (user and system, from ``/proc``) is the measure, not the wall time:
on a shared machine the wall time of one replay moves by a factor of two with the load, the
work the server does much less. Client CPU and wall are printed beside it.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

from bench import baselines, synth
from bench.loads import _final_rows
from bench.server import driver, emptied_store
from graphkit.batch import GraphBatch
from graphkit.ingest import BATCH_ROWS, expand_paths, prepare
from graphkit.schema import NODES, RELS
from graphkit.store import statements as st
from graphkit.store.writing import merge_on_server

RUN = Path(__file__).resolve().parent.parent / ".run"
Group = list[tuple[str, dict[str, Any]]]  # one transaction: (statement, parameters) in order


def server_cpu_s() -> float:
    """The test server's CPU seconds so far (its JVM, user and system)."""
    pid = (RUN / "neo4j.pid").read_text().strip()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _groups(corpus: Path, batch_rows: int) -> list[list[GraphBatch]]:
    groups: list[list[GraphBatch]] = [[]]
    rows = 0
    for path in expand_paths([str(corpus)]):
        batch, _ = prepare(path)
        groups[-1].append(batch)
        rows += len(batch.nodes) + len(batch.edges)
        if rows >= batch_rows:
            groups.append([])
            rows = 0
    return [g for g in groups if g]


class _Simulated:
    """Answers graphkit's reads as the server would after the groups before (every node and
    edge a group sends is in the store after it); with ``split`` off, says it holds all, so
    every item goes to the server-side merge (the reads themselves are not recorded)."""

    def __init__(self, split: bool) -> None:
        self.split = split
        self.held: set[tuple[str, Any]] = set()
        self.reads = {st.held_nodes(label): label for label in NODES}
        for rel_type, rel in RELS.items():
            for src, dst in rel.endpoints:
                self.reads[st.held_edges(rel_type, src, dst)] = f"{rel_type}:{src}:{dst}"

    def run(self, sent: Group, cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        what = self.reads.get(cypher)
        if what is None:
            sent.append((cypher, params))
            return [{"created": [], "changed": []}]
        if "ids" in params:
            keys: list[Any] = params["ids"]
            found = [k for k in keys if (what, k) in self.held or not self.split]
            self.held.update((what, k) for k in keys)
            if self.split:
                sent.append((cypher, params))
            return [{"id": k} for k in found]
        pairs = [tuple(p) for p in params["pairs"]]
        found = [p for p in pairs if (what, p) in self.held or not self.split]
        if self.split:
            sent.append((cypher, params))
        return [{"src": s, "dst": d} for s, d in found]

    def written(self, group: list[GraphBatch]) -> None:
        """After a group: its edges are held too (its nodes were noted when read)."""
        for batch in group:
            for k in batch.edges:
                self.held.add((f"{k.type}:{k.src_label}:{k.dst_label}", (k.src, k.dst)))


def captured(corpus: Path, *, split: bool, batch_rows: int = BATCH_ROWS) -> list[Group]:
    """The transactions graphkit's first load sends, statement by statement (no server)."""
    store = _Simulated(split)
    out: list[Group] = []
    for group in _groups(corpus, batch_rows):
        sent: Group = []
        merge_on_server(partial(store.run, sent), group)
        store.written(group)
        out.append(sent)
    return out


def _kinds() -> dict[str, str]:
    """Each statement graphkit writes with, by the function that makes it."""
    out = {}
    for label in NODES:
        for make in (st.held_nodes, st.create_nodes, st.merge_nodes):
            out[make(label)] = make.__name__
    for rel_type, rel in RELS.items():
        for src, dst in rel.endpoints:
            for make_edge in (st.held_edges, st.create_edges, st.merge_edges):
                out[make_edge(rel_type, src, dst)] = make_edge.__name__
    return out


def _write(tx: Any, group: Group) -> None:
    for cypher, params in group:
        tx.run(cypher, params).consume()


def replay(groups: list[Group]) -> dict[str, float]:
    """Write the groups into the emptied server; its CPU seconds, ours, and the wall time."""
    emptied_store(schema=True).close()
    settled = server_cpu_s()  # let the emptying's own work end first
    time.sleep(2)
    while server_cpu_s() - settled > 0.2:
        settled = server_cpu_s()
        time.sleep(2)
    drv = driver()
    try:
        server, client, wall = server_cpu_s(), time.process_time(), time.perf_counter()
        with drv.session() as session:
            for group in groups:
                session.execute_write(_write, group)
        return {
            "server_cpu_s": round(server_cpu_s() - server, 1),
            "client_cpu_s": round(time.process_time() - client, 1),
            "wall_s": round(time.perf_counter() - wall, 1),
        }
    finally:
        drv.close()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.neo4j_cpu", description=__doc__)
    parser.add_argument("reports", type=int, nargs="?", default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-rows", type=int, default=BATCH_ROWS, help="rows a transaction")
    parser.add_argument(
        "--only", nargs="+", choices=["graphkit", "merge-all", "raw"], help="replay only these"
    )
    args = parser.parse_args()
    corpus = synth.write_corpus(RUN / "bench", args.reports)
    ours = captured(corpus, split=True, batch_rows=args.batch_rows)
    merge_all = captured(corpus, split=False, batch_rows=args.batch_rows)
    final, _ = _final_rows(corpus)
    raw = [[(q, {"rows": chunk})] for q, chunk in baselines._statements(final, "neo4j", 5000)]
    kinds = _kinds()
    for name, groups in (("graphkit", ours), ("merge-all", merge_all)):
        sent: Counter[str] = Counter()
        for group in groups:
            for q, params in group:
                sent[kinds[q]] += len(next(iter(params.values())))
        print(name, f"{len(groups)} transactions, rows by statement: {dict(sent)}")
    print(f"final rows {baselines.count_rows(final)}")
    for n in range(args.rounds):
        for name, groups in (("graphkit", ours), ("merge-all", merge_all), ("raw", raw)):
            if args.only and name not in args.only:
                continue
            print(n, name, replay(groups), f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
