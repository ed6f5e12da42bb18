"""How graphkit's model and STIX 2.1 correspond, in one place for import and export.

Examples
--------
>>> SECTOR_TO_STIX["think-tanks"], stix_sector_to_ours("government-national")
('non-profit', 'government')
"""

from __future__ import annotations

import uuid

__all__ = [
    "GRAPHKIT_NS",
    "REL_TO_STIX",
    "SECTOR_TO_STIX",
    "SOURCE_NAME",
    "stix_id",
    "stix_sector_to_ours",
]

# Deterministic STIX ids: uuid5 of graphkit's own key in this namespace.
GRAPHKIT_NS = uuid.UUID("6f0f7b2e-5c0e-5d8a-9a7e-67726170686b")
# The external reference that carries a graphkit report id (a fact's source).
SOURCE_NAME = "graphkit-report"


def stix_id(stix_type: str, key: str) -> str:
    return f"{stix_type}--{uuid.uuid5(GRAPHKIT_NS, key)}"


# graphkit sector → STIX 2.1 industry-sector-ov (the nearest; exact ids travel as x_graphkit_id).
SECTOR_TO_STIX: dict[str, str] = {
    "government": "government", "defense": "defense", "education": "education",
    "think-tanks": "non-profit", "civil-society": "non-profit", "political": "government",
    "media": "communications", "religious": "non-profit", "semiconductors": "technology",
    "technology": "technology", "telecommunications": "telecommunications",
    "aerospace": "aerospace", "energy": "energy", "healthcare": "healthcare",
    "emergency-services": "government-emergency-services",
    "financial-services": "financial-services", "cryptocurrency": "financial-services",
    "manufacturing": "manufacturing", "transportation": "transportation",
    "critical-infrastructure": "infrastructure", "gaming": "entertainment",
    "legal": "commercial", "retail": "retail", "hospitality": "hospitality-leisure",
    "individuals": "commercial", "ai-providers": "technology",
}  # fmt: skip

# STIX industry-sector-ov → graphkit sector, for bundles that did not come from graphkit.
_STIX_TO_SECTOR: dict[str, str] = {
    "agriculture": "manufacturing", "aerospace": "aerospace", "automotive": "manufacturing",
    "chemical": "manufacturing", "commercial": "retail", "communications": "telecommunications",
    "construction": "manufacturing", "defense": "defense", "education": "education",
    "energy": "energy", "entertainment": "gaming", "financial-services": "financial-services",
    "government": "government", "government-emergency-services": "emergency-services",
    "government-local": "government", "government-national": "government",
    "government-public-services": "government", "government-regional": "government",
    "healthcare": "healthcare", "hospitality-leisure": "hospitality",
    "infrastructure": "critical-infrastructure", "dams": "critical-infrastructure",
    "nuclear": "energy", "water": "critical-infrastructure", "insurance": "financial-services",
    "manufacturing": "manufacturing", "mining": "energy", "non-profit": "civil-society",
    "pharmaceuticals": "healthcare", "retail": "retail", "technology": "technology",
    "telecommunications": "telecommunications", "transportation": "transportation",
    "utilities": "critical-infrastructure",
}  # fmt: skip


def stix_sector_to_ours(value: str) -> str | None:
    return _STIX_TO_SECTOR.get(value.strip().lower())


# graphkit relationship type → STIX relationship_type (USES_LANGUAGE travels as a property).
REL_TO_STIX: dict[str, str] = {
    "USES": "uses",
    "ABUSES": "uses",
    "TARGETS": "targets",
    "ATTRIBUTED_TO": "attributed-to",
    "LINKED_TO": "originates-from",
    "SUBTECHNIQUE_OF": "subtechnique-of",
    "MAPS_TO": "related-to",
}
