"""Reference catalogs as graph batches: ATT&CK (techniques, groups, campaigns), ATLAS, and the
LLM-themed techniques with their MAPS_TO edges.

Catalog nodes carry ``reference = true`` until a report names them (the merge keeps the
lowest value, so a report's ``false`` wins). Catalog edges cite the catalog as their source.

Examples
--------
>>> batch = llm_batch()
>>> batch.edge("MAPS_TO", "Technique", "llm-aided-development", "Technique", "T1587.001")["sources"]
['graphkit-llm-taxonomy']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graphkit.actors import TABLE_SOURCE, actor_index, attack_lookup
from graphkit.atlas import ATLAS_SOURCE, atlas_data
from graphkit.batch import GraphBatch
from graphkit.build import ATTACK_SOURCE
from graphkit.errors import InputError
from graphkit.identity import slugify
from graphkit.schema import CATALOG_SOURCES
from graphkit.store.base import GraphStore, WriteResult
from graphkit.techniques import all_attack_techniques, technique
from graphkit.vocab import LLM_TECHNIQUES

__all__ = [
    "ATLAS_SOURCE",
    "CATALOGS",
    "CATALOG_SOURCES",
    "GENERATIVE_AI",
    "LLM_SOURCE",
    "atlas_batch",
    "attack_batch",
    "llm_batch",
    "load_catalog_file",
    "load_catalogs",
]

LLM_SOURCE = "graphkit-llm-taxonomy"
# ATLAS's "Obtain Capabilities: Generative AI": every LLM-themed technique is a use of it.
GENERATIVE_AI = "AML.T0016.002"
# CATALOG_SOURCES, the sources a catalog cites (ATTACK_SOURCE, ATLAS_SOURCE, LLM_SOURCE), is
# the schema's (the review queue's key is worked out from it); tests/test_schema.py checks it.


def _technique_node(batch: GraphBatch, tid: str) -> tuple[str, str]:
    info = technique(tid)
    assert info is not None, tid
    return batch.add_node(
        "Technique", info.id, name=info.name, framework=info.framework,
        tactics=list(info.tactics), url=info.url, reference=True,
    )  # fmt: skip


def _cite(source: str, text: str, confidence: int) -> dict[str, object]:
    return {"sources": [source], "evidence": [f"{source}: {text}"], "confidence": confidence}


def attack_batch() -> GraphBatch:
    """Every current ATT&CK enterprise technique (with SUBTECHNIQUE_OF), group (with every
    alias the actor join gives it, and the project's own actors) and campaign."""
    batch = GraphBatch(report_id=ATTACK_SOURCE)
    techniques = all_attack_techniques()
    for tid, info in techniques.items():
        node = _technique_node(batch, tid)
        if info.parent and info.parent in techniques:
            _sub_of(batch, node, _technique_node(batch, info.parent), ATTACK_SOURCE)
    groups_by_stix: dict[str, tuple[str, str]] = {}
    for known in actor_index().actors.values():
        if not (known.attack_id or any(TABLE_SOURCE in s for _, s in known.ties)):
            continue  # a galaxy's actor joins the graph when a report names it
        node = batch.add_node(
            "Actor", known.id, name=known.name, aliases=list(known.aliases),
            attack_id=known.attack_id, reference=True,
        )  # fmt: skip
        if known.attack_id:
            group = attack_lookup().group(known.attack_id)
            if group:
                groups_by_stix[group["stix_id"]] = node
    for c in attack_lookup().all_campaigns():
        if c.get("revoked") or c.get("deprecated"):
            continue
        camp = batch.add_node(
            "Campaign", slugify(c["name"]), name=c["name"],
            aliases=[a for a in c.get("aliases") or [] if a != c["name"]],
            attack_id=c.get("external_id"), first_seen=(c.get("first_seen") or "")[:10] or None,
            last_seen=(c.get("last_seen") or "")[:10] or None, reference=True,
        )  # fmt: skip
        for rel in attack_lookup().relationships_for(source_id=c["stix_id"]):
            group = groups_by_stix.get(rel.get("target_ref", ""))
            if rel.get("relationship_type") == "attributed-to" and group:
                text = f"ATT&CK attributes {c.get('external_id')} to {group[1]}"
                batch.add_edge("ATTRIBUTED_TO", camp, group, **_cite(ATTACK_SOURCE, text, 90))
    return batch


def _sub_of(batch: GraphBatch, node: tuple[str, str], parent: tuple[str, str], src: str) -> None:
    text = f"{node[1]} is a sub-technique of {parent[1]}"
    batch.add_edge("SUBTECHNIQUE_OF", node, parent, **_cite(src, text, 100))


def atlas_batch() -> GraphBatch:
    """Every ATLAS technique and sub-technique (SUBTECHNIQUE_OF), tactic (IN_TACTIC) and
    mitigation (MITIGATES), from the ATLAS data graphkit ships."""
    batch = GraphBatch(report_id=ATLAS_SOURCE)
    data = atlas_data()
    tactics = {}
    for t in data["tactics"]:
        tactics[t["shortname"]] = batch.add_node(
            "Tactic", t["id"], name=t["name"], framework="atlas",
            url=f"https://atlas.mitre.org/tactics/{t['id']}", reference=True,
        )  # fmt: skip
    for t in data["techniques"]:
        node = _technique_node(batch, t["id"])
        if t["parent"]:
            _sub_of(batch, node, _technique_node(batch, t["parent"]), ATLAS_SOURCE)
        for shortname in t["tactics"]:
            text = f"{t['id']} serves the tactic {shortname}"
            batch.add_edge("IN_TACTIC", node, tactics[shortname], **_cite(ATLAS_SOURCE, text, 100))
    for m in data["mitigations"]:
        mitigation = batch.add_node(
            "Mitigation", m["id"], name=m["name"], framework="atlas",
            url=f"https://atlas.mitre.org/mitigations/{m['id']}", reference=True,
        )  # fmt: skip
        for tid in m["techniques"]:
            text = f"{m['id']} mitigates {tid}"
            target = _technique_node(batch, tid)
            batch.add_edge("MITIGATES", mitigation, target, **_cite(ATLAS_SOURCE, text, 100))
    return batch


def llm_batch() -> GraphBatch:
    """The LLM-themed techniques, each MAPS_TO its nearest ATT&CK or ATLAS techniques."""
    batch = GraphBatch(report_id=LLM_SOURCE)
    for tid, t in LLM_TECHNIQUES.items():
        node = _technique_node(batch, tid)
        for target in (*t.maps_to, GENERATIVE_AI):
            other = _technique_node(batch, target)
            text = f"{t.name} is closest to {target} ({technique(target).name})"  # type: ignore[union-attr]
            batch.add_edge("MAPS_TO", node, other, **_cite(LLM_SOURCE, text, 60))
    return batch


CATALOGS: dict[str, Callable[[], GraphBatch]] = {
    "attack": attack_batch,
    "atlas": atlas_batch,
    "llm": llm_batch,
}


def load_catalogs(store: GraphStore, names: list[str] | None = None) -> dict[str, WriteResult]:
    """Write catalogs into a store, one transaction each; idempotent."""
    return {name: store.write_batch(CATALOGS[name]()) for name in names or list(CATALOGS)}


def load_catalog_file(store: GraphStore, path: str | Path) -> tuple[str, WriteResult]:
    """Write a catalog bundle (techniques, tactics, mitigations and no actor, such as ATLAS's
    ``stix-atlas.json``) into a store as reference data: its source name and what was written.
    """
    from loaders import read_report

    loaded = read_report(path)
    if loaded.catalog is None:
        raise InputError(
            "not a catalog: the file holds reports (load it with graphkit load)", path=str(path)
        )
    return loaded.catalog.report_id or "stix-catalog", store.write_batch(loaded.catalog)
