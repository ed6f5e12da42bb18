"""The two forms of a draft: a findings file (YAML) for review, and the graph form (JSON)."""

from __future__ import annotations

from typing import Any

import yaml

from graphkit.build import build_batch
from graphkit.findings import Findings

__all__ = ["draft_graph", "draft_yaml"]


def draft_yaml(findings: Findings, source: str) -> str:
    """A findings file, the format `graphkit load` reads, with a header asking for review."""
    data = findings.model_dump(mode="json", exclude_none=True)
    order = ["name", "actor", "actors", "confidence", "languages", "targets", "techniques"]
    for i, campaign in enumerate(data["campaigns"]):
        campaign["targets"] = {k: v for k, v in campaign["targets"].items() if v}
        kept = {k: v for k, v in campaign.items() if v not in ([], {})}
        data["campaigns"][i] = dict(
            sorted(
                kept.items(),
                key=lambda kv: (kv[0] not in order, order.index(kv[0]) if kv[0] in order else 0),
            )
        )
    if not data.get("actors"):
        data.pop("actors", None)
    header = (
        f"# Draft findings extracted by graphkit from {source}.\n"
        "# Every fact carries the sentence it came from; check each one, fix or delete it,\n"
        "# then `graphkit load` this file. Loaded unreviewed (graphkit load on the report\n"
        "# itself), the same facts are marked as machine-extracted.\n"
    )
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def draft_graph(findings: Findings) -> dict[str, Any]:
    """The draft as nodes and relations with canonical ids (``Kind:id``), evidence, confidence."""
    batch = build_batch(findings, extracted=True)
    rid = batch.report_id or ""
    report = next(p for (label, _), p in batch.nodes.items() if label == "Report")
    entities = [
        {
            "kind": label,
            "id": node_id,
            "name": props.get("name"),
            "aliases": props.get("aliases") or [],
        }
        for (label, node_id), props in batch.nodes.items()
        if label != "Report"
    ]
    relations = []
    for key, props in batch.edges.items():
        if key.type in ("MENTIONS", "SUBTECHNIQUE_OF"):
            continue
        evidence = next(iter(props.get("evidence") or []), "")
        relations.append(
            {
                "type": key.type,
                "source": f"{key.src_label}:{key.src}",
                "target": f"{key.dst_label}:{key.dst}",
                "evidence": evidence.removeprefix(f"{rid}: "),
                "confidence": props.get("confidence"),
            }
        )
    return {
        "report": {k: report.get(k) for k in ("id", "name", "publisher", "published", "url")},
        "entities": entities,
        "relations": relations,
    }
