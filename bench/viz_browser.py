"""Benchmark: how large graphs behave in headless Chromium, pyvis defaults vs graphkit.

For each size it writes two pages for the same synthetic graph (about two edges a node, kinds
mixed like the real graph) and measures in Debian's chromium:
- pyvis default: ``pyvis.network.Network(cdn_resources="in_line")`` with physics on;
- graphkit: ``graphkit.viz.render_html`` (above 300 nodes: networkx layout, physics off).
Reported: Python build time, HTML size, time to the first drawn frame and to the end of
stabilisation (or the timeout). Run: ``.venv/bin/python bench/viz_browser.py 1000 5000 20000``;
with ``--graphkit-only`` first, graphkit's pages alone (pyvis's take the whole timeout from 5k on).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pyvis.network import Network

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from graphkit.graphdata import GraphData
from graphkit.schema import NODES
from graphkit.viz import render_html
from tests.browser import ARGS, CHROMIUM

TIMEOUT_S = 120
# Installed before any page script runs: records when vis-network first draws and settles.
WATCH = """(() => {
  window.__bench = {t0: performance.now()};
  const hook = () => {
    if (!window.vis || !window.vis.Network) { return setTimeout(hook, 5); }
    const Original = window.vis.Network;
    window.vis.Network = function (c, d, o) {
      const net = new Original(c, d, o);
      const since = () => (performance.now() - window.__bench.t0) / 1000;
      net.once('afterDrawing', () => { window.__bench.first_draw_s = since(); });
      net.once('stabilizationIterationsDone', () => { window.__bench.stabilised_s = since(); });
      return net;
    };
  };
  hook();
})();"""


def synthetic(n: int, seed: int = 1) -> GraphData:
    rnd = random.Random(seed)
    kinds = list(NODES)
    nodes = {
        f"k{i}": {"kind": kinds[i % len(kinds)], "id": f"n{i}", "name": f"node {i}"}
        for i in range(n)
    }
    keys = list(nodes)
    edges = [
        {"kind": "TARGETS", "source": keys[i], "target": keys[rnd.randrange(n)],
         "sources": ["r"], "confidence": 50, "evidence": ["r: e"]}
        for i in range(n)
        for _ in range(2)
    ]  # fmt: skip
    return GraphData(nodes, edges)


def pyvis_default(data: GraphData) -> str:
    net = Network(cdn_resources="in_line")
    # Network.add_node/add_edge are linear per call; set the records pyvis would have made.
    net.nodes = [
        {"id": k, "label": v["name"], "shape": "dot", "size": 10} for k, v in data.nodes.items()
    ]
    net.node_ids = list(data.nodes)
    net.node_map = {n["id"]: n for n in net.nodes}
    net.edges = [{"from": e["source"], "to": e["target"]} for e in data.edges]
    return net.generate_html()


def _measure_in_browser(path: Path, physics: bool) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        blocked: list[str] = []
        page.on(
            "request", lambda r: blocked.append(r.url) if not r.url.startswith("file:") else None
        )
        page.add_init_script(WATCH)
        t0 = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit")
        done = (
            "window.__bench && window.__bench.stabilised_s"
            if physics
            else ("window.__bench && window.__bench.first_draw_s")
        )
        page.wait_for_function(done, timeout=TIMEOUT_S * 1000, polling=200)
        out = page.evaluate("window.__bench || {}")
        out.pop("t0", None)
        out = {k: round(v, 2) for k, v in out.items()}
        out["wall_s"] = round(time.perf_counter() - t0, 2)
        out["network_requests"] = len(blocked)
        page.screenshot(path=str(path.with_suffix(".png")))
        browser.close()
    return out


def measure(html: str, tmp: Path, name: str) -> dict[str, object]:
    """One page in a child process, killed with its browser if it runs past the timeout: a
    page whose main thread is busy with physics never answers the driver."""
    path = tmp / f"{name}.html"
    path.write_text(html)
    physics = "graphkit" not in name
    cmd = [sys.executable, __file__, "--one", str(path), "physics" if physics else "static"]
    child = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        stdout, stderr = child.communicate(timeout=TIMEOUT_S + 30)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)  # the driver and its chromium go with it
        child.communicate()
        return {"not_settled_after_s": TIMEOUT_S}
    if child.returncode != 0:
        return {"not_settled_after_s": TIMEOUT_S, "error": stderr.strip().splitlines()[-1:]}
    return json.loads(stdout)


def main(sizes: list[int], graphkit_only: bool = False) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    print(f"pages and screenshots in {tmp}", file=sys.stderr)
    variants = [("pyvis-default", pyvis_default), ("graphkit", render_html)]
    for n in sizes:
        data = synthetic(n)
        for name, build in variants[1:] if graphkit_only else variants:
            t0, cpu0 = time.perf_counter(), time.process_time()
            html = build(data)
            built, cpu = time.perf_counter() - t0, time.process_time() - cpu0
            result = measure(html, tmp, f"{name}-{n}")
            row = {"nodes": n, "edges": len(data.edges), "variant": name}
            row |= {
                "build_s": round(built, 2),
                "build_cpu_s": round(cpu, 2),
            }  # CPU: on a busy machine
            row |= {"html_mb": round(len(html) / 1e6, 2), **result}
            print(json.dumps(row), flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(_measure_in_browser(Path(sys.argv[2]), sys.argv[3] == "physics")))
    else:
        only = "--graphkit-only" in sys.argv[1:]
        sizes = [int(a) for a in sys.argv[1:] if a != "--graphkit-only"]
        main(sizes or [1000, 5000, 20000], only)
