"""A STIX bundle of techniques, tactics and mitigations with no actor: a catalog (ATLAS's or
ATT&CK's own bundle), read as reference data rather than refused.

Techniques keep their framework's ids (``AML.T0051``, ``AML.T0051.000``, ``T1566.001``) and
their sub-technique links; tactics and mitigations become nodes of their own. Every edge cites
the catalog's source name (``mitre-atlas``).

Examples
--------
>>> bundle = {"type": "bundle", "id": "bundle--1", "objects": [
...     {"type": "attack-pattern", "id": "attack-pattern--1", "name": "LLM Prompt Injection",
...      "kill_chain_phases": [{"kill_chain_name": "mitre-atlas", "phase_name": "execution"}],
...      "external_references": [{"source_name": "mitre-atlas", "external_id": "AML.T0051"}]}]}
>>> batch = parse_catalog(bundle, "atlas.json")
>>> batch.nodes[("Technique", "AML.T0051")]["tactics"], batch.report_id
(['execution'], 'mitre-atlas')
"""

from __future__ import annotations

import re
from typing import Any

from graphkit.batch import GraphBatch
from graphkit.errors import InputError
from graphkit.limits import NAME_MAX_CHARS
from loaders.stix_values import text

__all__ = ["CATALOG_TYPES", "parse_catalog"]

CATALOG_TYPES = ("attack-pattern", "x-mitre-tactic", "course-of-action")
_FRAMEWORKS = {"mitre-atlas": "atlas", "mitre-attack": "attack"}
_SUB = re.compile(r"^(.+)\.\d{3}$")


def _ref(obj: dict[str, Any]) -> tuple[str, str, str | None] | None:
    """(source name, external id, url) of the object's first reference with an id."""
    for r in obj.get("external_references") or []:
        if isinstance(r, dict) and isinstance(r.get("external_id"), str):
            return str(r.get("source_name") or ""), r["external_id"], r.get("url")
    return None


class _Catalog:
    def __init__(self, objects: list[dict[str, Any]], path: str) -> None:
        self.path = path
        self.objects = {o["id"]: o for o in objects if not o.get("revoked")}
        refs = {k: _ref(o) for k, o in self.objects.items() if o["type"] in CATALOG_TYPES}
        self.refs = {k: r for k, r in refs.items() if r is not None}
        source = next((r[0] for r in self.refs.values() if r[0]), "stix-catalog")
        self.source = source
        self.batch = GraphBatch(report_id=source)
        self.nodes: dict[str, tuple[str, str]] = {}

    def cite(self, text_: str) -> dict[str, Any]:
        return {
            "sources": [self.source],
            "evidence": [f"{self.source}: {text_}"],
            "confidence": 100,
        }

    def node(self, key: str, label: str, **props: Any) -> None:
        source, ext_id, url = self.refs[key]
        name = text(self.objects[key], "name", NAME_MAX_CHARS, self.path)
        framework = _FRAMEWORKS.get(source, source)
        self.nodes[key] = self.batch.add_node(
            label, ext_id, name=name, framework=framework, url=url, reference=True, **props
        )

    def read(self) -> GraphBatch:
        tactics: dict[str, str] = {}  # shortname → stix id
        for key, obj in self.objects.items():
            if key in self.refs and obj["type"] == "x-mitre-tactic":
                self.node(key, "Tactic")
                tactics[str(obj.get("x_mitre_shortname") or "")] = key
            elif key in self.refs and obj["type"] == "course-of-action":
                self.node(key, "Mitigation")
        by_id: dict[str, str] = {}
        for key, obj in self.objects.items():
            if key in self.refs and obj["type"] == "attack-pattern":
                phases = [
                    p.get("phase_name")
                    for p in obj.get("kill_chain_phases") or []
                    if isinstance(p, dict) and isinstance(p.get("phase_name"), str)
                ]
                self.node(key, "Technique", tactics=phases)
                by_id[self.refs[key][1]] = key
                for phase in phases:
                    if phase in tactics:
                        self.edge("IN_TACTIC", key, tactics[phase], f"serves {phase}")
        self.links(by_id)
        return self.batch

    def edge(self, rel: str, src: str, dst: str, what: str) -> None:
        a, b = self.nodes[src], self.nodes[dst]
        self.batch.add_edge(rel, a, b, **self.cite(f"{a[1]} {what}"))

    def links(self, by_id: dict[str, str]) -> None:
        """Sub-techniques (by relationship or by id) and mitigations."""
        for ext_id, key in by_id.items():
            parent = _SUB.match(ext_id)
            if parent and parent.group(1) in by_id:
                self.edge(
                    "SUBTECHNIQUE_OF",
                    key,
                    by_id[parent.group(1)],
                    f"is a sub-technique of {parent.group(1)}",
                )
        for obj in self.objects.values():
            if obj["type"] != "relationship":
                continue
            src, dst = obj.get("source_ref"), obj.get("target_ref")
            if src not in self.nodes or dst not in self.nodes:
                continue
            kinds = (self.nodes[src][0], self.nodes[dst][0])
            if obj.get("relationship_type") == "mitigates" and kinds == ("Mitigation", "Technique"):
                self.edge("MITIGATES", src, dst, f"mitigates {self.nodes[dst][1]}")
            elif obj.get("relationship_type") == "subtechnique-of" and kinds == ("Technique",) * 2:
                self.edge(
                    "SUBTECHNIQUE_OF", src, dst, f"is a sub-technique of {self.nodes[dst][1]}"
                )


def parse_catalog(bundle: dict[str, Any], path: str) -> GraphBatch | None:
    """The bundle's techniques, tactics and mitigations as reference data; None when it holds
    no technique (then it is no catalog either)."""
    catalog = _Catalog([o for o in bundle["objects"] if isinstance(o, dict) and "id" in o], path)
    if not any(catalog.objects[k]["type"] == "attack-pattern" for k in catalog.refs):
        return None
    try:
        return catalog.read()
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"a catalog object the loader cannot read ({exc})", path=path) from None
