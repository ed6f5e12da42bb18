"""Small findings documents for tests, written by hand (not produced by the code under test)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

BASE: dict[str, Any] = {
    "format": "graphkit-findings/1",
    "report": {
        "id": "lab-2025-01-01-alpha",
        "title": "Alpha report",
        "publisher": "Lab",
        "published": "2025-01-01",
    },
    "campaigns": [
        {
            "name": "Operation Alpha",
            "confidence": 70,
            "actor": {
                "name": "Forest Blizzard",
                "evidence": "The report names Forest Blizzard.",
                "confidence": 90,
                "country": {"id": "Russia", "evidence": "A Russian actor.", "confidence": 95},
            },
            "languages": [{"id": "ru", "evidence": "Russian-language prompts."}],
            "targets": {
                "sectors": [
                    {"id": "aerospace", "evidence": "Satellite research.", "confidence": 60}
                ],
                "countries": [{"id": "UA", "evidence": "Aimed at Ukraine."}],
                "organizations": [{"name": "Example Org", "evidence": "Named target."}],
            },
            "techniques": [{"id": "T1566.001", "evidence": "Attachments.", "confidence": 80}],
            "platforms": [{"name": "ChatGPT", "evidence": "Used the chatbot."}],
        }
    ],
}


def findings(**report: Any) -> dict[str, Any]:
    """A copy of BASE with report fields replaced."""
    doc = copy.deepcopy(BASE)
    doc["report"].update(report)
    return doc


def write(path: Path, doc: dict[str, Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc, sort_keys=False))
    return path


TS = "2025-02-01T00:00:00.000Z"
# A small STIX 2.1 bundle in the shape OpenCTI exports: a report that lists a campaign
# attributed to an intrusion set, which uses a technique and targets an organisation.
STIX_BASE: dict[str, Any] = {
    "type": "bundle",
    "id": "bundle--00000000-0000-4000-8000-000000000000",
    "objects": [
        {"type": "identity", "id": "identity--00000000-0000-4000-8000-000000000001",
         "name": "Example Lab", "identity_class": "organization", "created": TS, "modified": TS},
        {"type": "report", "id": "report--00000000-0000-4000-8000-000000000002",
         "name": "Beta report", "published": TS, "created": TS, "modified": TS,
         "created_by_ref": "identity--00000000-0000-4000-8000-000000000001",
         "description": "What the lab saw.",
         "object_refs": ["campaign--00000000-0000-4000-8000-000000000003",
                         "intrusion-set--00000000-0000-4000-8000-000000000004",
                         "relationship--00000000-0000-4000-8000-000000000007",
                         "relationship--00000000-0000-4000-8000-000000000008",
                         "relationship--00000000-0000-4000-8000-000000000009"]},
        {"type": "campaign", "id": "campaign--00000000-0000-4000-8000-000000000003",
         "name": "Operation Beta", "created": TS, "modified": TS},
        {"type": "intrusion-set", "id": "intrusion-set--00000000-0000-4000-8000-000000000004",
         "name": "Beta Group", "aliases": ["Beta Crew"], "created": TS, "modified": TS},
        {"type": "attack-pattern", "id": "attack-pattern--00000000-0000-4000-8000-000000000005",
         "name": "Phishing", "created": TS, "modified": TS,
         "external_references": [{"source_name": "mitre-attack", "external_id": "T1566"}]},
        {"type": "identity", "id": "identity--00000000-0000-4000-8000-000000000006",
         "name": "Example Ministry", "identity_class": "organization", "created": TS,
         "modified": TS},
        {"type": "relationship", "id": "relationship--00000000-0000-4000-8000-000000000007",
         "relationship_type": "attributed-to", "created": TS, "modified": TS,
         "source_ref": "campaign--00000000-0000-4000-8000-000000000003",
         "target_ref": "intrusion-set--00000000-0000-4000-8000-000000000004",
         "description": "The lab ties the operation to Beta Group.", "confidence": 80},
        {"type": "relationship", "id": "relationship--00000000-0000-4000-8000-000000000008",
         "relationship_type": "uses", "created": TS, "modified": TS,
         "source_ref": "campaign--00000000-0000-4000-8000-000000000003",
         "target_ref": "attack-pattern--00000000-0000-4000-8000-000000000005",
         "description": "Lures were sent by mail.", "confidence": 70},
        {"type": "relationship", "id": "relationship--00000000-0000-4000-8000-000000000009",
         "relationship_type": "targets", "created": TS, "modified": TS,
         "source_ref": "campaign--00000000-0000-4000-8000-000000000003",
         "target_ref": "identity--00000000-0000-4000-8000-000000000006",
         "description": "The ministry was targeted."},
    ],
}  # fmt: skip


def stix_bundle(**changes: dict[str, Any]) -> dict[str, Any]:
    """A copy of STIX_BASE with properties of objects replaced, by object id prefix:
    ``stix_bundle(**{"intrusion-set--": {"name": "X"}})``."""
    doc = copy.deepcopy(STIX_BASE)
    for prefix, props in changes.items():
        [obj] = [o for o in doc["objects"] if o["id"].startswith(prefix)]
        obj.update(props)
    return doc


def stix_id(doc: dict[str, Any], prefix: str) -> str:
    """The id of the one object of ``doc`` whose id starts with ``prefix``."""
    [oid] = [o["id"] for o in doc["objects"] if o["id"].startswith(prefix)]
    return str(oid)


# The sources the reference catalogs cite, and the review queue's key as the project states it
# (README, "The review queue"): written out here apart from graphkit's own code, which the
# tests hold to it.
CATALOG_IDS = frozenset({"mitre-attack-v18.1", "mitre-atlas", "graphkit-llm-taxonomy"})


def expected_review_key(
    kind: str,
    src: tuple[str, str],
    dst: tuple[str, str],
    sources: list[str],
    extracted: Any,
    confidence: Any,
) -> str | None:
    """``0`` (only machine extraction) or ``1`` (one source, not a catalog), the confidence in
    three digits, then source id, type, target id, source label, target label, a tab
    between; None for the rest. ``src`` and ``dst`` are ``(label, id)``."""
    one = len(sources) == 1
    if kind == "MENTIONS" or (one and sources[0] in CATALOG_IDS):
        return None
    if extracted is True:
        head = "0" + ("999" if confidence is None else f"{confidence:03d}")
    elif one and confidence is not None:
        head = f"1{confidence:03d}"
    else:
        return None
    return "\t".join((head, src[1], kind, dst[1], src[0], dst[0]))
