"""MITRE ATLAS as graphkit ships it: every technique's id, name and tactics, the tactics and the
mitigations (``graphkit/data/atlas.json``, derived from ATLAS.yaml by tools/atlas_catalog.py).

Examples
--------
>>> t = atlas_techniques()["AML.T0051.000"]
>>> t["name"], t["parent"], t["tactics"]
('Direct', 'AML.T0051', ['execution'])
>>> len(atlas_techniques()) >= 170
True
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["ATLAS_SOURCE", "atlas_data", "atlas_techniques"]

# What ATLAS facts cite as their source (a sub-technique's parent, a tactic, a mitigation).
ATLAS_SOURCE = "mitre-atlas"


@cache
def atlas_data() -> dict[str, Any]:
    """The whole file: version, tactics, techniques, mitigations."""
    text = resources.files("graphkit.data").joinpath("atlas.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def atlas_techniques() -> dict[str, dict[str, Any]]:
    """Every ATLAS technique and sub-technique by id."""
    return {t["id"]: t for t in atlas_data()["techniques"]}
