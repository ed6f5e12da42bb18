"""Technique identity: ATT&CK (from the shipped v18.1 data), ATLAS and LLM-themed ids.

Examples
--------
>>> t = technique("T1566.001")
>>> t.name, t.framework, t.parent
('Spearphishing Attachment', 'attack', 'T1566')
>>> technique("llm-aided-development").framework
'llm'
>>> technique("T9999") is None
True
>>> technique("AML.T0102").name, technique("AML.T0051.000").parent
('Generate Malicious Commands', 'AML.T0051')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graphkit.actors import attack_lookup
from graphkit.atlas import atlas_techniques
from graphkit.vocab import ATLAS_TECHNIQUES, LLM_TECHNIQUES

__all__ = ["ATTACK_ID", "TechniqueInfo", "all_attack_techniques", "technique"]

ATTACK_ID = re.compile(r"^T\d{4}(\.\d{3})?$")


@dataclass(frozen=True)
class TechniqueInfo:
    id: str
    name: str
    framework: str
    tactics: tuple[str, ...]
    url: str | None
    parent: str | None = None
    description: str | None = None


@cache
def all_attack_techniques() -> dict[str, TechniqueInfo]:
    """Every current ATT&CK enterprise technique and sub-technique, by id."""
    out: dict[str, TechniqueInfo] = {}
    for t in attack_lookup().all_techniques():
        if t.get("revoked") or t.get("deprecated"):
            continue
        tid = t["external_id"]
        out[tid] = TechniqueInfo(
            id=tid,
            name=t["name"],
            framework="attack",
            tactics=tuple(t.get("tactics") or ()),
            url=t.get("url"),
            parent=tid.split(".")[0] if "." in tid else None,
            description=t.get("description"),
        )
    return out


def technique(technique_id: str) -> TechniqueInfo | None:
    """What a technique id means, or None if no catalog knows it."""
    if ATTACK_ID.match(technique_id):
        return all_attack_techniques().get(technique_id)
    vocab = LLM_TECHNIQUES.get(technique_id) or ATLAS_TECHNIQUES.get(technique_id)
    if vocab is None:
        return _atlas(technique_id)
    url = f"https://atlas.mitre.org/techniques/{vocab.id}" if vocab.framework == "atlas" else None
    return TechniqueInfo(
        id=vocab.id,
        name=vocab.name,
        framework=vocab.framework,
        tactics=vocab.tactics,
        url=url,
        description=vocab.description,
    )


def _atlas(technique_id: str) -> TechniqueInfo | None:
    """Any ATLAS technique or sub-technique, from the shipped ATLAS data."""
    t = atlas_techniques().get(technique_id)
    if t is None:
        return None
    return TechniqueInfo(
        id=t["id"],
        name=t["name"],
        framework="atlas",
        tactics=tuple(t["tactics"]),
        url=f"https://atlas.mitre.org/techniques/{t['id']}",
        parent=t["parent"],
    )
