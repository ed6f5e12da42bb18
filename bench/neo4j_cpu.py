"""Where a Neo4j load's server time goes: the same statements, replayed, in server CPU seconds.

``.venv/bin/python -m bench.neo4j_cpu [REPORTS] [--rounds N] [--batch-rows N]`` (the test
server up, started by ``tools/neo4j/neo4j-up`` on this machine: its pid is read from
``.run/neo4j.pid``). Into the emptied server, alternating in each round:

- ``graphkit``: graphkit's load of the synthetic corpus (``load_paths``, in this process);
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
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench import baselines, synth
from bench.loads import _final_rows
from bench.server import NEO4J_PASSWORD, NEO4J_URI, NEO4J_USER, driver, emptied_store
from graphkit.ingest import load_paths
from graphkit.store.neo4j import Neo4jStore

RUN = Path(__file__).resolve().parent.parent / ".run"


def server_cpu_s() -> float:
    """The test server's CPU seconds so far (its JVM, user and system)."""
    pid = (RUN / "neo4j.pid").read_text().strip()
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _settled() -> None:
    """Wait until the server's own work after the emptying has ended."""
    settled = server_cpu_s()
    time.sleep(2)
    while server_cpu_s() - settled > 0.2:
        settled = server_cpu_s()
        time.sleep(2)


def measured(write: Callable[[], object]) -> dict[str, float]:
    """Run ``write`` against the emptied server: its CPU seconds, ours, and the wall time."""
    emptied_store(schema=True).close()
    _settled()
    server, client, wall = server_cpu_s(), time.process_time(), time.perf_counter()
    write()
    return {
        "server_cpu_s": round(server_cpu_s() - server, 1),
        "client_cpu_s": round(time.process_time() - client, 1),
        "wall_s": round(time.perf_counter() - wall, 1),
    }


def _raw(statements: list[tuple[str, list[Any]]]) -> None:
    drv = driver()
    try:
        for cypher, rows in statements:
            drv.execute_query(cypher, {"rows": rows})  # a managed write transaction each
    finally:
        drv.close()


def _graphkit(corpus: Path, batch_rows: int | None) -> None:
    with Neo4jStore(NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD) as store:
        assert not load_paths(store, [str(corpus)], batch_rows=batch_rows).failed


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.neo4j_cpu", description=__doc__)
    parser.add_argument("reports", type=int, nargs="?", default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-rows", type=int, help="rows a transaction (the store's default)")
    args = parser.parse_args()
    corpus = synth.write_corpus(RUN / "bench", args.reports)
    final, _ = _final_rows(corpus)
    print(f"final rows {baselines.count_rows(final)}")
    raw = list(baselines._statements(final, "neo4j", 5000))
    for n in range(args.rounds):
        for name, write in (
            ("graphkit", partial(_graphkit, corpus, args.batch_rows)),
            ("raw", partial(_raw, raw)),
        ):
            result = measured(write)
            print(n, name, result, f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
