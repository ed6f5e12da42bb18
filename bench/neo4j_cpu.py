"""Where a Neo4j load's server time goes: the same statements, replayed, in server CPU seconds.

``.venv/bin/python -m bench.neo4j_cpu [REPORTS] [--rounds N]`` (the test server up, started by
``tools/neo4j/neo4j-up`` on this machine: its pid is read from ``.run/neo4j.pid``). The
statements graphkit's load of the synthetic corpus sends are captured without a server (the
same groups of ``BATCH_ROWS`` rows, the same chunks), then replayed into the emptied server,
alternating in each round:

- ``merge``: graphkit's own statements (``merge_nodes``, ``merge_edges``), one transaction a
  group, as ``load_paths`` sends them;
- ``plain``: the same rows and transactions, written by ``UNWIND ... MERGE ... SET`` (no merge
  rules, no answer);
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
Group = list[tuple[str, list[dict[str, Any]]]]  # one transaction: (statement, rows) in order


def server_cpu_s() -> float:
    """The test server's CPU seconds so far (its JVM, user and system)."""
    pid = (RUN / "neo4j.pid").read_text().strip()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def captured(corpus: Path, batch_rows: int = BATCH_ROWS) -> list[Group]:
    """The transactions graphkit's first load sends, statement by statement (no server)."""
    groups: list[list[GraphBatch]] = [[]]
    rows = 0
    for path in expand_paths([str(corpus)]):
        batch, _ = prepare(path)
        groups[-1].append(batch)
        rows += len(batch.nodes) + len(batch.edges)
        if rows >= batch_rows:
            groups.append([])
            rows = 0
    out: list[Group] = []
    for group in filter(None, groups):
        sent: Group = []

        def run(cypher: str, params: dict[str, Any], sent: Group = sent) -> list[dict[str, Any]]:
            sent.append((cypher, list(params["rows"])))
            return [{"created": [], "changed": []}]

        merge_on_server(run, group)
        out.append(sent)
    return out


def _plain(cypher: str) -> str:
    """The plain ``SET`` statement for the label or edge shape a merge statement writes."""
    for label in NODES:
        if cypher == st.merge_nodes(label):
            return st.write_nodes(label, "neo4j")
    for rel_type, rel in RELS.items():
        for src, dst in rel.endpoints:
            if cypher == st.merge_edges(rel_type, src, dst):
                return st.write_edges(rel_type, src, dst, "neo4j")
    raise ValueError(f"not a merge statement: {cypher[:80]}")


def _write(tx: Any, group: Group) -> None:
    for cypher, rows in group:
        tx.run(cypher, {"rows": rows}).consume()


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
    args = parser.parse_args()
    corpus = synth.write_corpus(RUN / "bench", args.reports)
    merge = captured(corpus)
    plain = [[(_plain(q), rows) for q, rows in group] for group in merge]
    final, _ = _final_rows(corpus)
    raw = [[(q, chunk)] for q, chunk in baselines._statements(final, "neo4j", 5000)]
    sent = sum(len(rows) for group in merge for _, rows in group)
    print(f"rows sent {sent}, final rows {baselines.count_rows(final)}, groups {len(merge)}")
    for n in range(args.rounds):
        for name, groups in (("merge", merge), ("plain", plain), ("raw", raw)):
            print(n, name, replay(groups), f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
