"""What a STIX object names in graphkit's terms: its external ids, and the technique,
platform, sector or country it stands for; and the statements of a relationship description
as graphkit exports it.

Examples
--------
>>> country_code({"type": "location", "country": "ua"})
'UA'
>>> technique_id({"external_references": [{"source_name": "mitre-attack",
...     "external_id": "T1566"}]})
'T1566'
"""

from __future__ import annotations

from typing import Any

from graphkit.identity import resolve_country, slugify
from graphkit.stixmap import stix_sector_to_ours
from graphkit.techniques import technique
from graphkit.vocab import PLATFORMS, resolve_sector

__all__ = [
    "country_code",
    "external_ids",
    "platform_name",
    "sector_id",
    "statements_by_source",
    "technique_id",
]


def external_ids(obj: dict[str, Any], source: str) -> list[str]:
    return [
        r["external_id"]
        for r in obj.get("external_references") or []
        if isinstance(r, dict) and r.get("source_name") == source and r.get("external_id")
    ]


def technique_id(obj: dict[str, Any]) -> str | None:
    for candidate in [
        obj.get("x_graphkit_id"),
        *external_ids(obj, "mitre-attack"),
        *external_ids(obj, "mitre-atlas"),
        *external_ids(obj, "graphkit-llm"),
        obj.get("x_mitre_id"),
    ]:
        if isinstance(candidate, str) and technique(candidate) is not None:
            return candidate
    return None


def platform_name(obj: dict[str, Any]) -> str | None:
    if obj.get("x_graphkit_kind") == "Platform" or slugify(obj.get("name") or "") in PLATFORMS:
        return str(obj.get("name"))
    return None


def sector_id(obj: dict[str, Any]) -> str | None:
    if obj.get("x_graphkit_kind") == "Sector" and obj.get("x_graphkit_id"):
        return str(obj["x_graphkit_id"])
    by_name = resolve_sector(obj.get("name") or "")
    if by_name:
        return by_name
    for value in obj.get("sectors") or []:
        mapped = stix_sector_to_ours(str(value))
        if mapped:
            return mapped
    return None


def country_code(obj: dict[str, Any]) -> str | None:
    for candidate in (obj.get("country"), obj.get("x_graphkit_id"), obj.get("name")):
        if isinstance(candidate, str) and candidate:
            code = resolve_country(candidate if len(candidate) != 2 else candidate.upper())
            if code:
                return code
    return None


def statements_by_source(description: str) -> dict[str, list[str]]:
    """The statements in a relationship description as graphkit exports it, by report id: a
    "report-id: text" line each, a text's further lines indented by two spaces. A report that
    states the fact twice (two of its campaigns) keeps both statements.

    >>> statements_by_source("r1: Two\\n  lines.\\nr2: One.\\nr1: Later.")
    {'r1': ['Two\\nlines.', 'Later.'], 'r2': ['One.']}
    """
    said: list[list[str]] = []
    for line in description.split("\n"):
        if said and line.startswith("  "):
            said[-1][1] += "\n" + line[2:]
            continue
        key, sep, rest = line.partition(": ")
        said.append([key, rest] if sep and key and " " not in key else ["", line])
    out: dict[str, list[str]] = {}
    for key, rest in said:
        if key:
            out.setdefault(key, []).append(rest)
    return out
