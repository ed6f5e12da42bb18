"""The Neo4j server SIGKILLed in the middle of a multi-report load: the load stops naming the
files that did not load, the restarted server holds whole reports only, and the same load run
again completes it with no duplicates. A server of the test's own (not the shared test
server), its data directory kept across the kill and the restart."""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest

from bench.server import NEO4J_PASSWORD, NEO4J_USER, empty_database
from bench.synth import write_corpus
from graphkit.ingest import load_paths
from graphkit.store.neo4j import Neo4jStore
from tests.conftest import in_ci

pytestmark = pytest.mark.neo4j

TOOLS = Path(__file__).resolve().parent.parent / "tools" / "neo4j"
GRAPHKIT = str(Path(sys.executable).with_name("graphkit"))
REPORTS = 30
BATCH_ROWS = "400"  # about three reports a transaction: ten commits
KILL_AT = 6  # committed reports seen before the kill
DEADLINE_S = 600  # bounds every wait; none of them is a sleep


class OwnServer:
    """A Neo4j started by the repo's launcher on a free port, with its own state and a data
    directory that outlives the process."""

    def __init__(self, root: Path) -> None:
        self.run_dir = root / "run"
        env = {k: v for k, v in os.environ.items() if k != "GRAPHKIT_NEO4J_PORT"}
        self.env = {
            **env,
            "GRAPHKIT_NEO4J_RUN": str(self.run_dir),
            "GRAPHKIT_NEO4J_DATA": str(root / "data"),
        }
        self.pid = 0
        self.uri = ""

    def start(self) -> None:
        up = subprocess.run(
            [str(TOOLS / "neo4j-up")],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=DEADLINE_S,
        )
        assert up.returncode == 0, up.stdout + up.stderr
        self.pid = int((self.run_dir / "neo4j.pid").read_text())
        self.uri = f"bolt://127.0.0.1:{(self.run_dir / 'neo4j.port').read_text().strip()}"

    def kill(self) -> None:
        """SIGKILL, then wait (bounded) until the process has exited."""
        fd = os.pidfd_open(self.pid)
        try:
            signal.pidfd_send_signal(fd, signal.SIGKILL)
            ready, _, _ = select.select([fd], [], [], DEADLINE_S)  # readable once it exited
            assert ready, f"the server (pid {self.pid}) outlived SIGKILL"
        finally:
            os.close(fd)

    def stop(self) -> None:
        subprocess.run([str(TOOLS / "neo4j-down")], env=self.env, timeout=DEADLINE_S, check=False)

    def store(self) -> Neo4jStore:
        return Neo4jStore(self.uri, NEO4J_USER, NEO4J_PASSWORD)


@pytest.fixture
def server(tmp_path: Path):
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        reason = f"{' and '.join(missing)} not found: the test starts a Neo4j of its own"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    own = OwnServer(tmp_path / "neo4j")
    own.start()
    yield own
    own.stop()


def graph(store: Neo4jStore) -> tuple[list, list]:
    """Nodes and edges with every merged property, in a fixed order; a duplicate node or edge
    shows as an extra row."""
    nodes = store.run("MATCH (n) RETURN n.kind, n.id, n.name, n.aliases ORDER BY n.kind, n.id")
    edges = store.run(
        "MATCH (a)-[r]->(b) RETURN r.kind, a.id, b.id, r.sources, r.evidence, r.confidence, "
        "r.first_seen, r.last_seen, r.claims ORDER BY r.kind, a.id, b.id"
    )
    return nodes.rows, edges.rows


def load(uri: str, corpus: Path, *extra: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("GRAPHKIT_STORE", "NEO4J_URI")}
    flags = ["--store", uri, "--no-catalog", "--batch-rows", BATCH_ROWS, *extra]
    return subprocess.Popen(
        [GRAPHKIT, "load", str(corpus), *flags],
        # A lost server is tried again for two seconds, not the default thirty.
        env={**env, "NEO4J_PASSWORD": NEO4J_PASSWORD, "GRAPHKIT_RETRY_WAIT": "2"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def driver(server: OwnServer) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        server.uri,
        auth=(NEO4J_USER, NEO4J_PASSWORD),
        notifications_min_severity=neo4j.NotificationMinimumSeverity.OFF,
    )


# Committed reports, and open transactions holding locks: a write in flight.
COMMITTED = "MATCH (r:Report) RETURN count(r) AS c"
WRITING = "SHOW TRANSACTIONS YIELD activeLockCount WHERE activeLockCount > 0 RETURN count(*) AS c"


def kill_mid_write(server: OwnServer, loader: subprocess.Popen) -> None:
    """SIGKILL the server once KILL_AT reports are committed, while a write of the load holds
    its locks. The load is stopped (SIGSTOP) while the server is asked, so the transaction
    seen open cannot commit before the kill, however busy the machine; it goes on (SIGCONT)
    after the kill, and finds the server gone."""
    with driver(server) as drv:
        while True:
            try:
                loader.wait(timeout=0.05)  # the load must still be running at the kill
            except subprocess.TimeoutExpired:
                pass
            else:
                pytest.fail(f"the load ended before the kill: {loader.communicate()}")
            if drv.execute_query(COMMITTED).records[0]["c"] < KILL_AT:
                continue
            loader.send_signal(signal.SIGSTOP)
            if drv.execute_query(WRITING).records[0]["c"]:
                break
            loader.send_signal(signal.SIGCONT)
    try:
        server.kill()
    finally:
        loader.send_signal(signal.SIGCONT)


def not_loaded(plan: list, first: int) -> str:
    """How the load's error ends when the files from ``plan[first]`` on did not load."""
    missing = [f.path for f in plan[first:]]
    names = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
    return (
        f"; {len(missing)} of {len(plan)} files did not load: {names}; the files loaded before "
        "are stored whole: run the same load again to finish"
    )


def test_a_server_killed_mid_load_keeps_whole_reports_and_the_load_reruns_clean(
    server: OwnServer, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "bench", REPORTS, seed=5)
    plan = load_paths(None, [str(corpus)]).files  # each file's report id, in load order
    loader = load(server.uri, corpus, "-q")
    kill_mid_write(server, loader)
    _, err = loader.communicate(timeout=DEADLINE_S)
    assert loader.returncode == 3, err
    lost = server.uri

    server.start()  # the same data directory: Neo4j recovers it from its transaction log
    with server.store() as store:
        held = {r[0] for r in store.run("MATCH (r:Report) RETURN r.id").rows}
        crashed = graph(store)
    # Transactions commit in the load's order: the reports held are the first ones.
    kept = len(held)
    assert KILL_AT <= kept < REPORTS
    assert held == {f.report_id for f in plan[:kept]}
    # The error names the files from the first one not held (or, if the server died while it
    # committed, from the first of that transaction, which is whole or absent).
    count = re.search(r"; (\d+) of \d+ files did not load", err)
    assert count, err
    first = REPORTS - int(count.group(1))
    assert first == kept or (" while it committed: " in err and first < kept), err
    assert err.startswith(f"error: lost Neo4j at {lost}"), err
    assert err.endswith(not_loaded(plan, first) + " (the URI given with --store)\n"), err
    assert err.count("\n") == 1, err

    rerun = load(server.uri, corpus, "--format", "json")
    out, err = rerun.communicate(timeout=DEADLINE_S)
    assert (rerun.returncode, err) == (0, ""), err
    statuses = [f["status"] for f in json.loads(out)]
    assert statuses == ["unchanged"] * kept + ["loaded"] * (REPORTS - kept)
    with server.store() as store:
        finished = graph(store)

    # What a clean load of the same files writes: first the files held after the crash (every
    # report whole, nothing of the interrupted ones), then all of them (nothing twice).
    with driver(server) as drv:
        empty_database(drv)
    with server.store() as clean:
        rows = int(BATCH_ROWS)
        assert not load_paths(clean, [f.path for f in plan[:kept]], batch_rows=rows).failed
        assert graph(clean) == crashed
        assert not load_paths(clean, [str(corpus)], batch_rows=rows).failed
        assert graph(clean) == finished
