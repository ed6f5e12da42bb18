"""MISP's actor galaxies (threat-actor, Microsoft activity-group), read offline from the
``pymispgalaxies`` package: each cluster as one entry of names with its reference data.

Examples
--------
>>> entries = galaxy_entries("threat-actor")
>>> apt28 = next(e for e in entries if e.primary == "APT28")
>>> apt28.source.startswith("misp-galaxy threat-actor v"), apt28.country
(True, 'RU')
>>> "Fancy Bear" in apt28.names
True
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = ["GALAXIES", "Entry", "galaxy_entries"]

# The galaxies whose clusters are actors, in the order the join reads them.
GALAXIES = ("threat-actor", "microsoft-activity-group")


@dataclass(frozen=True)
class Entry:
    """One source's word that some names are one actor.

    ``source`` names the source and its version (``mitre-attack-v18.1``,
    ``misp-galaxy threat-actor v336``, ``graphkit-actors``); ``primary`` is the source's own
    name for the actor; ``country`` and ``sponsor`` are the galaxy's reference data.
    """

    source: str
    primary: str
    names: tuple[str, ...]
    attack_id: str | None = None
    description: str | None = None
    country: str | None = None
    sponsor: str | None = None


@cache
def _cluster_file(galaxy: str) -> dict[str, Any]:
    # Found through the distribution, not imported: the package's import validates with
    # jsonschema and takes seconds; graphkit needs only its data files.
    path = metadata.distribution("pymispgalaxies").locate_file(
        f"pymispgalaxies/data/misp-galaxy/clusters/{galaxy}.json"
    )
    data: dict[str, Any] = json.loads(Path(str(path)).read_text("utf-8"))
    return data


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def galaxy_entries(galaxy: str) -> list[Entry]:
    """Every cluster of one galaxy; clusters that share their value are one entry, as the
    galaxy lists some actors twice (two ``APT28`` clusters) with different synonyms."""
    data = _cluster_file(galaxy)
    source = f"misp-galaxy {galaxy} v{data['version']}"
    merged: dict[str, dict[str, Any]] = {}
    for value in data["values"]:
        meta = value.get("meta") or {}
        primary = value["value"].strip()
        entry = merged.setdefault(primary.casefold(), {"primary": primary, "names": {}})
        for name in [primary, *(meta.get("synonyms") or [])]:
            if isinstance(name, str) and name.strip():
                entry["names"].setdefault(name.strip(), None)
        for key, field in (("country", "country"), ("sponsor", "cfr-suspected-state-sponsor")):
            entry[key] = entry.get(key) or _text(meta.get(field))
    return [
        Entry(
            source=source,
            primary=e["primary"],
            names=tuple(e["names"]),
            country=e["country"],
            sponsor=e["sponsor"],
        )
        for e in merged.values()
    ]
