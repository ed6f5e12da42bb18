"""The corpus as an open dataset: one STIX 2.1 bundle, an ATT&CK Navigator layer per publisher
and per year, CSV tables of operations, actors and facts with their sources, and a README.

Built from the findings files alone (no store): each file is read and built as ``graphkit
load`` would, the batches merged, and the result written with graphkit's own STIX and
Navigator exporters. The same findings give the same files byte for byte, which is what the
staleness test compares.

Examples
--------
>>> batch = GraphBatch()
>>> lang = batch.add_node("Language", "ko", name="Korean", reference=False)
>>> g = graph_of(batch)
>>> g.nodes["Language:ko"]["kind"], g.edges
('Language', [])
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graphkit.batch import GraphBatch
from graphkit.errors import GraphkitError
from graphkit.export.formats import navigator_layer
from graphkit.export.stix import to_stix
from graphkit.files import write_atomic
from graphkit.graphdata import GraphData, node_key
from graphkit.identity import slugify
from graphkit.ingest import expand_paths, prepare

__all__ = ["BUNDLE", "build_dataset", "graph_of", "write_dataset"]

BUNDLE = "graphkit-corpus.stix.json"


def graph_of(batch: GraphBatch) -> GraphData:
    """A batch in the form the exporters read (what a store's selection would return)."""
    nodes = {
        node_key(label, node_id): {**props, "kind": label, "id": node_id}
        for (label, node_id), props in batch.nodes.items()
    }
    edges = [
        {
            **props,
            "kind": k.type,
            "source": node_key(k.src_label, k.src),
            "target": node_key(k.dst_label, k.dst),
        }
        for k, props in batch.edges.items()
    ]
    return GraphData(nodes, edges)


def _merged(batches: Iterable[GraphBatch]) -> GraphBatch:
    out = GraphBatch()
    for b in batches:
        out.merge(b)
    return out


def _csv(header: list[str], rows: Iterable[list[Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(sorted(rows))
    return buf.getvalue()


def _joined(values: Iterable[Any]) -> str:
    return "; ".join(sorted({str(v) for v in values if v}))


def _tables(g: GraphData) -> dict[str, str]:
    out_of: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in g.edges:
        out_of[e["source"]].append(e)
    name = {k: n.get("name") or n["id"] for k, n in g.nodes.items()}

    def targets(key: str, kind: str) -> list[dict[str, Any]]:
        return [e for e in out_of[key] if e["kind"] == kind]

    operations = [
        [
            n["id"],
            n["name"],
            n.get("first_seen") or "",
            n.get("last_seen") or "",
            _joined(name[e["target"]] for e in targets(k, "ATTRIBUTED_TO")),
            _joined(
                s
                for e in g.edges
                if e["kind"] == "DESCRIBES" and e["target"] == k
                for s in e["sources"]
            ),
            n.get("disruption") or "",
            n.get("description") or "",
        ]
        for k, n in g.nodes.items()
        if n["kind"] == "Campaign"
    ]
    actors = [
        [
            n["id"],
            n["name"],
            n.get("attack_id") or "",
            _joined(n.get("aliases") or []),
            _joined(g.nodes[e["target"]]["id"] for e in targets(k, "LINKED_TO")),
            _joined(
                s
                for e in g.edges
                if e["kind"] == "MENTIONS" and e["target"] == k
                for s in e["sources"]
            ),
        ]
        for k, n in g.nodes.items()
        if n["kind"] == "Actor"
    ]
    facts = [
        [
            e["kind"],
            g.nodes[e["source"]]["kind"],
            g.nodes[e["source"]]["id"],
            name[e["source"]],
            g.nodes[e["target"]]["kind"],
            g.nodes[e["target"]]["id"],
            name[e["target"]],
            str(e.get("confidence", "")),
            e.get("first_seen") or "",
            e.get("last_seen") or "",
            _joined(e.get("sources") or []),
            " | ".join(sorted(e.get("evidence") or [])),
        ]
        for e in g.edges
        if e["kind"] != "MENTIONS"
    ]
    return {
        "operations.csv": _csv(
            ["id", "name", "first_seen", "last_seen", "actors", "reports", "disruption", "summary"],
            operations,
        ),
        "actors.csv": _csv(["id", "name", "attack_id", "aliases", "countries", "reports"], actors),
        "facts.csv": _csv(
            [
                "relationship",
                "from_kind",
                "from_id",
                "from_name",
                "to_kind",
                "to_id",
                "to_name",
                "confidence",
                "first_seen",
                "last_seen",
                "sources",
                "evidence",
            ],
            facts,
        ),
    }


def _layers(reports: list[tuple[dict[str, Any], GraphBatch]]) -> dict[str, str]:
    """A Navigator layer per publisher and per year; a group with no ATT&CK technique in use
    has no layer (the README lists it)."""
    groups: dict[str, list[GraphBatch]] = defaultdict(list)
    for report, batch in reports:
        groups[f"publisher-{slugify(report['publisher'])}"].append(batch)
        groups[f"year-{report['published'][:4]}"].append(batch)
    out = {}
    for group, batches in sorted(groups.items()):
        kind, value = group.split("-", 1)
        try:
            layer = navigator_layer(graph_of(_merged(batches)), f"graphkit corpus: {kind} {value}")
        except GraphkitError:
            continue
        out[f"navigator/{group}.json"] = json.dumps(layer, indent=2, ensure_ascii=False) + "\n"
    return out


def build_dataset(paths: Iterable[str]) -> dict[str, str]:
    """Every file of the dataset (relative path → text) from the findings under ``paths``."""
    reports: list[tuple[dict[str, Any], GraphBatch]] = []
    for path in expand_paths(paths):
        batch, _ = prepare(path)
        for (label, _), props in batch.nodes.items():
            if label == "Report":
                reports.append((props, batch))
    reports.sort(key=lambda r: (r[0]["published"], r[0]["publisher"], r[0]["name"]))
    corpus = graph_of(_merged(b for _, b in reports))
    files = {BUNDLE: to_stix(corpus), **_tables(corpus), **_layers(reports)}
    files["README.md"] = _readme(corpus, reports, files)
    return files


def _readme(
    g: GraphData, reports: list[tuple[dict[str, Any], GraphBatch]], files: dict[str, str]
) -> str:
    count: dict[str, int] = defaultdict(int)
    for n in g.nodes.values():
        count[n["kind"]] += 1
    facts = sum(1 for e in g.edges if e["kind"] != "MENTIONS")
    layers = sorted(f for f in files if f.startswith("navigator/"))
    lines = [
        "# The graphkit corpus as an open dataset",
        "",
        "Generated by `make dataset` from the findings files in `examples/reports/`; do not edit",
        "by hand (a test fails when these files are stale against the findings).",
        "",
        "## Licence",
        "",
        "The findings are the project's own reading of public reports, written in its own words,",
        "and this dataset is released under the repository's MIT licence. Technique ids and names",
        "are MITRE ATT&CK® (ATT&CK terms of use) and MITRE ATLAS (Apache-2.0); each report",
        "belongs to its publisher, linked from its row.",
        "",
        "## How it is made",
        "",
        "Each findings file is read, validated and built as `graphkit load` builds it (canonical",
        "ids, actor aliases joined through ATT&CK, MISP's galaxies and the project's table,",
        "provenance on every relationship); the reports are merged and written by graphkit's",
        "STIX 2.1 and ATT&CK Navigator exporters. The bundle passes the OASIS `stix2-validator`.",
        "",
        "## Files and counts",
        "",
        f"- `{BUNDLE}`: {len(json.loads(files[BUNDLE])['objects'])} STIX objects.",
        f"- `operations.csv`: {count['Campaign']} operations (campaigns) with actors and reports.",
        f"- `actors.csv`: {count['Actor']} actors with ATT&CK ids, aliases, countries, reports.",
        f"- `facts.csv`: {facts} facts (every relationship but a report's mentions), each with",
        "  its confidence, dates, sources and evidence.",
        f"- `navigator/`: {len(layers)} ATT&CK Navigator layers, one per publisher and per year",
        "  with ATT&CK techniques in use, scored by the number of reports.",
        "",
        f"{len(reports)} reports:",
        "",
        *(
            f"- {r['published']} {r['publisher']}: {r['name']} ({r.get('url') or 'no url'})"
            for r, _ in reports
        ),
        "",
    ]
    return "\n".join(lines)


def write_dataset(files: dict[str, str], out: str | Path) -> list[Path]:
    """Write the files under ``out``, and remove the ones a previous run wrote that are gone."""
    root = Path(out)
    for old in sorted(root.rglob("*")) if root.exists() else []:
        if old.is_file() and str(old.relative_to(root)) not in files:
            old.unlink()
    return [write_atomic(text, root / rel) for rel, text in sorted(files.items())]
