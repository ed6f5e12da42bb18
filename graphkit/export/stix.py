"""The graph as a STIX 2.1 bundle, built with the ``stix2`` library.

Ids are deterministic (uuid5 of graphkit's keys), so exporting the same graph twice gives
the same bundle. A fact's sources travel as external references (``graphkit-report``), its
evidence as the relationship's description, one line per statement, its confidence as STIX
confidence. Operator languages have no STIX object: they travel as ``x_graphkit_languages``
on the intrusion-set or campaign. Reports list what they describe and mention in
``object_refs``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import stix2

from graphkit.graphdata import GraphData
from graphkit.stixmap import REL_TO_STIX, SECTOR_TO_STIX, SOURCE_NAME, stix_id

__all__ = ["EPOCH", "to_stix"]

# The created/modified time of objects whose data carries no date: fixed, so ids and bundles
# stay the same from one export to the next.
EPOCH = "2024-01-01T00:00:00.000Z"
_TYPE = {
    "Actor": "intrusion-set",
    "Campaign": "campaign",
    "Technique": "attack-pattern",
    "Country": "location",
    "Sector": "identity",
    "Organization": "identity",
    "Platform": "tool",
    "Report": "report",
}
_FRAMEWORK_SOURCE = {"attack": "mitre-attack", "atlas": "mitre-atlas", "llm": "graphkit-llm"}


IDENTITY_ID = stix_id("identity", "graphkit")
EXTENSION_ID = stix_id("extension-definition", "graphkit-properties")
_EXTENSIONS = {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}


def _preamble() -> list[Any]:
    """graphkit's identity and the definition of its top-level properties (x_graphkit_*)."""
    identity = stix2.Identity(
        id=IDENTITY_ID, name="graphkit", identity_class="system", created=EPOCH, modified=EPOCH
    )
    definition = stix2.ExtensionDefinition(
        id=EXTENSION_ID,
        created_by_ref=IDENTITY_ID,
        created=EPOCH,
        modified=EPOCH,
        name="graphkit properties",
        description="graphkit's ids, kinds, operator languages, dates and extraction flags.",
        schema="https://github.com/graphkit-cti/graphkit/blob/main/README.md#stix",
        version="1.0.0",
        extension_types=["toplevel-property-extension"],
        extension_properties=[
            "x_graphkit_id", "x_graphkit_kind", "x_graphkit_languages", "x_graphkit_disruption",
            "x_graphkit_vendor", "x_graphkit_extracted", "x_graphkit_publisher",
            "x_graphkit_describes",
        ],
    )  # fmt: skip
    return [identity, definition]


def _ts(date: str | None) -> str:
    return f"{date}T00:00:00.000Z" if date else EPOCH


def _common(key: str, node: dict[str, Any]) -> dict[str, Any]:
    kind, _, node_id = key.partition(":")
    return {
        "id": stix_id(_TYPE[kind], key),
        "created": EPOCH,
        "modified": EPOCH,
        "x_graphkit_id": node_id,
        "x_graphkit_kind": kind,
        "extensions": _EXTENSIONS,
        "allow_custom": True,
    }


def _language_props(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "language": e["target"].split(":", 1)[1],
            "confidence": e.get("confidence"),
            "sources": e.get("sources") or [],
            "evidence": e.get("evidence") or [],
            "first_seen": e.get("first_seen"),
            "last_seen": e.get("last_seen"),
        }
        for e in sorted(edges, key=lambda e: e["target"])
    ]


def _sdo(key: str, node: dict[str, Any], languages: list[dict[str, Any]]) -> Any:
    kind = node["kind"]
    base = _common(key, node)
    name = node.get("name") or node["id"]
    if kind == "Actor":
        refs = []
        if node.get("attack_id"):
            refs.append({"source_name": "mitre-attack", "external_id": node["attack_id"]})
        extra = {"x_graphkit_languages": languages} if languages else {}
        return stix2.IntrusionSet(
            name=name, aliases=node.get("aliases") or None, external_references=refs or None,
            **base, **extra,
        )  # fmt: skip
    if kind == "Campaign":
        extra = {"x_graphkit_languages": languages} if languages else {}
        if node.get("disruption"):
            extra["x_graphkit_disruption"] = node["disruption"]
        return stix2.Campaign(
            name=name, aliases=node.get("aliases") or None, description=node.get("description"),
            first_seen=_ts(node["first_seen"]) if node.get("first_seen") else None,
            last_seen=_ts(node["last_seen"]) if node.get("last_seen") else None,
            **base, **extra,
        )  # fmt: skip
    if kind == "Technique":
        source = _FRAMEWORK_SOURCE.get(node.get("framework") or "", "graphkit")
        ref = {"source_name": source, "external_id": node["id"]}
        if node.get("url"):
            ref["url"] = node["url"]
        phases = [{"kill_chain_name": source, "phase_name": t} for t in node.get("tactics") or []]
        return stix2.AttackPattern(
            name=name, external_references=[ref], kill_chain_phases=phases or None, **base
        )
    if kind == "Country":
        return stix2.Location(name=name, country=node["id"], **base)
    if kind == "Sector":
        return stix2.Identity(
            name=name, identity_class="class", sectors=[SECTOR_TO_STIX[node["id"]]], **base
        )
    if kind == "Organization":
        return stix2.Identity(name=name, identity_class="organization", **base)
    if kind == "Platform":
        extra = {"x_graphkit_vendor": node["vendor"]} if node.get("vendor") else {}
        return stix2.Tool(name=name, **base, **extra)
    raise ValueError(kind)


def _relationship(e: dict[str, Any], ids: dict[str, str]) -> stix2.Relationship:
    key = f"{e['kind']}:{e['source']}->{e['target']}"
    sources = e.get("sources") or []
    return stix2.Relationship(
        id=stix_id("relationship", key),
        relationship_type=REL_TO_STIX[e["kind"]],
        source_ref=ids[e["source"]],
        target_ref=ids[e["target"]],
        # one "report-id: text" line per statement; a text's own further lines indented
        description="\n".join(t.replace("\n", "\n  ") for t in e.get("evidence") or []) or None,
        confidence=e.get("confidence"),
        external_references=[{"source_name": SOURCE_NAME, "external_id": s} for s in sources]
        or None,
        created=_ts(e.get("first_seen")),
        modified=_ts(e.get("last_seen") or e.get("first_seen")),
        x_graphkit_kind=e["kind"],
        x_graphkit_extracted=bool(e.get("extracted")),
        extensions=_EXTENSIONS,
        allow_custom=True,
    )


def to_stix(data: GraphData) -> str:
    """A STIX 2.1 bundle (JSON text) of the nodes and edges in ``data``."""
    languages: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in data.edges:
        if e["kind"] == "USES_LANGUAGE":
            languages[e["source"]].append(e)
    ids: dict[str, str] = {}
    objects: list[Any] = []
    reports = []
    for key in sorted(data.nodes):
        node = data.nodes[key]
        if node["kind"] not in _TYPE:  # languages go on their holders; tactics, mitigations
            continue  # are catalog data that ATT&CK's and ATLAS's own bundles carry
        if node["kind"] == "Report":
            reports.append(key)
            ids[key] = stix_id("report", key)
            continue
        obj = _sdo(key, node, _language_props(languages.get(key, [])))
        ids[key] = obj.id
        objects.append(obj)
    exported = [
        e
        for e in sorted(data.edges, key=lambda e: (e["kind"], e["source"], e["target"]))
        if e["kind"] in REL_TO_STIX and e["source"] in ids and e["target"] in ids
    ]
    relationships = [_relationship(e, ids) for e in exported]
    objects += relationships
    refs_of: dict[str, set[str]] = defaultdict(set)
    describes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in data.edges:
        if e["kind"] in ("MENTIONS", "DESCRIBES") and e["target"] in ids:
            refs_of[e["source"]].add(ids[e["target"]])
        if e["kind"] == "DESCRIBES":  # what this report, not the merged campaign, says
            rid = e["source"].split(":", 1)[1]
            text = next((v for v in e.get("evidence") or [] if v.startswith(f"{rid}: ")), "")
            describes[e["source"]].append(
                {
                    "campaign": ids[e["target"]],
                    "summary": text[len(rid) + 2 :],
                    "first_seen": e.get("first_seen"),
                    "last_seen": e.get("last_seen"),
                }
            )
    for rel, e in zip(relationships, exported, strict=True):
        for source in e.get("sources") or []:
            refs_of[f"Report:{source}"].add(rel.id)
    for key in reports:
        node = data.nodes[key]
        refs = [
            {"source_name": SOURCE_NAME, "external_id": node["id"]},
            {"source_name": node.get("publisher") or "unknown", "description": "publisher"},
        ]
        if node.get("url"):
            refs[1]["url"] = node["url"]
        objects.append(
            stix2.Report(
                id=ids[key],
                name=node.get("name") or node["id"],
                published=_ts(node.get("published")),
                report_types=["threat-report"],
                description=node.get("summary"),
                object_refs=sorted(refs_of[key]) or [IDENTITY_ID],
                external_references=refs,
                created=_ts(node.get("published")),
                modified=_ts(node.get("published")),
                x_graphkit_id=node["id"],
                x_graphkit_publisher=node.get("publisher"),
                x_graphkit_describes=sorted(describes[key], key=lambda d: d["campaign"]),
                extensions=_EXTENSIONS,
                allow_custom=True,
            )
        )
    objects = _preamble() + objects
    bundle = {
        "type": "bundle",
        "id": stix_id("bundle", "|".join(sorted(o.id for o in objects))),
        "objects": [json.loads(o.serialize()) for o in objects],
    }
    return json.dumps(bundle, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
