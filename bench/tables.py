"""The tables of one ``python -m bench --out FILE`` run, as Markdown for BENCHMARKS.md.

    python -m bench.tables bench/results-latest.json

Loads (first load, reload, the raw ``UNWIND`` and naive baselines, their ratios, peak RSS) and
query latency (p50 and p95 of wall time; p95 of the CPU that does the query's work: the Neo4j
server's where the bench could read it, the process's for the embedded store, which runs in it)
for each size the run holds, then the catalogs, the extractor and the pages. Nothing is
computed here that the run did not measure: a missing number is printed as what the run said
(its error) or left blank.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

__all__ = ["render"]

STORES = ("neo4j", "embedded")


def _s(value: float | None) -> str:
    return "" if value is None else f"{value:.1f} s"


def _x(value: float | None) -> str:
    return "" if value is None else f"**{value:.2f}x**"


def _load_row(store: str, load: dict[str, Any]) -> str:
    if "error" in load:
        return f"| {store} | error: {load['error']} |"
    raw = _s(load.get("raw_s"))
    if load.get("copy_s") is not None:
        raw += f" (COPY {load['copy_s']:.1f} s)"
    naive = f"{_s(load.get('naive_s'))} ({load.get('naive_rows', 0):,})"
    cells = [
        store,
        _s(load.get("first_s")),
        _s(load.get("reload_s")),
        raw,
        _x(load.get("load_vs_raw")),
        f"{load.get('reload_vs_raw', 0):.1f}x",
        naive,
        f"{load.get('load_vs_naive', 0):.1f}x",
        f"{load.get('peak_rss_mb', 0):.0f} MB",
        f"{load.get('nodes', 0):,}",
        f"{load.get('relationships', 0):,}",
    ]
    return "| " + " | ".join(cells) + " |"


def _loads(loads: dict[str, Any]) -> list[str]:
    head = (
        "| store | first load | reload | raw UNWIND | vs raw | reload vs raw | naive (rows) "
        "| vs naive | peak RSS | nodes | relationships |"
    )
    lines = [head, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    return lines + [_load_row(s, loads[s]) for s in STORES if s in loads]


def _queries(queries: dict[str, Any], over: float = 250.0) -> list[str]:
    stores = [s for s in STORES if s in queries and isinstance(queries[s], dict)]
    if not stores:
        return []
    head = "| query | " + " | ".join(
        f"{s} p50 | {s} p95 | {s} work CPU p95" for s in stores
    )  # fmt: skip
    lines = [head + " |", "|---|" + "---:|---:|---:|" * len(stores)]
    ids = sorted({q for s in stores for q in queries[s] if isinstance(queries[s][q], dict)})
    for q in ids:
        cells = [f"`{q}`"]
        for s in stores:
            m = queries[s].get(q) or {}
            p95 = m.get("p95_ms")
            mark = "**" if p95 is not None and p95 > over else ""
            work = m.get("server_cpu_p95_ms" if s == "neo4j" else "cpu_p95_ms")
            cells += [
                f"{m['p50_ms']:.0f}" if "p50_ms" in m else "",
                f"{mark}{p95:.0f}{mark}" if p95 is not None else "",
                f"{work:.0f}" if work is not None else "",
            ]
        lines.append("| " + " | ".join(cells) + " |")
    errors = [f"{s}: {queries[s]['error']}" for s in STORES if "error" in queries.get(s, {})]
    return lines + (["", *errors] if errors else [])


def render(result: dict[str, Any]) -> str:
    """The run's tables, one section a size, then what else it measured."""
    out: list[str] = []
    for size, measured in result.get("sizes", {}).items():
        out += [f"#### {int(size):,} reports", ""]
        out += [*_loads(measured.get("loads", {})), ""]
        out += [*_queries(measured.get("queries", {})), ""]
    catalogs = result.get("catalog_load_s") or {}
    if catalogs:
        out.append("Catalogs: " + ", ".join(f"{s} {v:.1f} s" for s, v in catalogs.items()) + ".")
    if result.get("extract_mb_per_s") is not None:
        # results before session 16 measured the dev set repeated, about three times as fast
        text = result.get("extract_text", "the dev set repeated")
        out.append(f"Extractor: {result['extract_mb_per_s']:.2f} MB/s on one core ({text}).")
    for page in result.get("viz") or []:
        drawn = (
            f"first frame {page['first_draw_s']:.2f} s"
            if "first_draw_s" in page
            else f"no first frame: {'; '.join(page.get('error') or ['not measured'])}"
        )
        out.append(f"HTML, {page['nodes']:,} nodes: build {page['build_s']:.2f} s, {drawn}.")
    if "summary" in result:
        out += ["", "Summary: `" + json.dumps(result["summary"]) + "`"]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", type=Path, help="a results file of python -m bench --out")
    args = parser.parse_args()
    print(render(json.loads(args.results.read_text())), end="")


if __name__ == "__main__":
    main()
