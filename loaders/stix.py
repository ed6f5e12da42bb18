"""STIX 2.1 bundles (OpenCTI, MISP, graphkit's own export) into findings, one per report.

What maps: intrusion-set and threat-actor → actors (with aliases); campaign → campaigns;
attack-pattern → techniques (by their ATT&CK, ATLAS or graphkit id); identity of class
``class`` or with ``sectors`` → sectors; other identities → organisations; location →
countries; report → the report; relationships ``uses``, ``targets``, ``attributed-to``,
``originates-from``/``located-at`` with their confidence and dates. A relationship's evidence
is its description (or a line naming it), its sources the reports that list it. Everything
else is counted and skipped: an unknown object type is not an error.

Examples
--------
>>> bundle = '''{"type": "bundle", "id": "bundle--1", "objects": [
...  {"type": "intrusion-set", "id": "intrusion-set--1", "name": "Fancy Bear",
...   "created": "2025-01-02T00:00:00Z", "modified": "2025-01-02T00:00:00Z"},
...  {"type": "location", "id": "location--1", "country": "UA", "name": "Ukraine"},
...  {"type": "relationship", "id": "relationship--1", "relationship_type": "targets",
...   "source_ref": "intrusion-set--1", "target_ref": "location--1", "confidence": 80}]}'''
>>> result = parse_stix(bundle, path="b.json")
>>> [(a.name, a.targets.countries[0].id) for a in result.findings[0].actors]
[('Fancy Bear', 'UA')]
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from graphkit.errors import InputError
from graphkit.findings import Findings
from graphkit.identity import resolve_country, slugify
from graphkit.stixmap import SOURCE_NAME, stix_sector_to_ours
from graphkit.techniques import technique
from graphkit.vocab import PLATFORMS, resolve_sector
from loaders.findings import parse_json

__all__ = ["DEFAULT_CONFIDENCE", "StixImport", "is_stix_bundle", "parse_stix"]

# The confidence of a STIX relationship that states none.
DEFAULT_CONFIDENCE = 50
_ACTORS = ("intrusion-set", "threat-actor")
_HOLDERS = (*_ACTORS, "campaign")


@dataclass
class StixImport:
    findings: list[Findings]
    skipped: Counter[str] = field(default_factory=Counter)


def is_stix_bundle(data: Any) -> bool:
    return isinstance(data, dict) and data.get("type") == "bundle" and "objects" in data


def _date(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and len(value) >= 10 else None


def _ext(obj: dict[str, Any], source: str) -> list[str]:
    return [
        r["external_id"]
        for r in obj.get("external_references") or []
        if isinstance(r, dict) and r.get("source_name") == source and r.get("external_id")
    ]


def _technique_id(obj: dict[str, Any]) -> str | None:
    for candidate in [
        obj.get("x_graphkit_id"),
        *_ext(obj, "mitre-attack"),
        *_ext(obj, "mitre-atlas"),
        *_ext(obj, "graphkit-llm"),
        obj.get("x_mitre_id"),
    ]:
        if isinstance(candidate, str) and technique(candidate) is not None:
            return candidate
    return None


def _platform(obj: dict[str, Any]) -> str | None:
    if obj.get("x_graphkit_kind") == "Platform" or slugify(obj.get("name", "")) in PLATFORMS:
        return str(obj.get("name"))
    return None


def _sector(obj: dict[str, Any]) -> str | None:
    if obj.get("x_graphkit_kind") == "Sector" and obj.get("x_graphkit_id"):
        return str(obj["x_graphkit_id"])
    by_name = resolve_sector(obj.get("name", ""))
    if by_name:
        return by_name
    for value in obj.get("sectors") or []:
        mapped = stix_sector_to_ours(str(value))
        if mapped:
            return mapped
    return None


def _country(obj: dict[str, Any]) -> str | None:
    for candidate in (obj.get("country"), obj.get("x_graphkit_id"), obj.get("name")):
        if isinstance(candidate, str) and candidate:
            code = resolve_country(candidate if len(candidate) != 2 else candidate.upper())
            if code:
                return code
    return None


class _Reader:
    def __init__(self, bundle: dict[str, Any], path: str) -> None:
        self.path = path
        self.skipped: Counter[str] = Counter()
        self.objects: dict[str, dict[str, Any]] = {}
        for i, obj in enumerate(bundle["objects"]):
            if not isinstance(obj, dict) or not isinstance(obj.get("id"), str) or "type" not in obj:
                raise InputError(
                    f"objects[{i}] is not a STIX object with a type and an id", path=path
                )
            if obj.get("revoked"):
                self.skipped["revoked object"] += 1
                continue
            self.objects[obj["id"]] = obj
        self.reports = {k: o for k, o in self.objects.items() if o["type"] == "report"}
        self.by_key = {self.report_key(r): r for r in self.reports.values()}
        # report key → holder stix id → facts; holder kinds: campaign or actor
        self.facts: dict[str, dict[str, dict[str, list[dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        self.attributions: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.countries: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)

    def report_key(self, obj: dict[str, Any]) -> str:
        ids = _ext(obj, SOURCE_NAME) or [obj.get("x_graphkit_id") or ""]
        return ids[0] or slugify(obj.get("name", "report"))

    def sources_of(self, rel: dict[str, Any]) -> list[str]:
        """The report keys that state a relationship."""
        given = _ext(rel, SOURCE_NAME)
        if given:
            kept = [g for g in given if g in self.by_key] if self.by_key else given
            if len(kept) < len(given):
                self.skipped["statement of a report not in the bundle"] += len(given) - len(kept)
            return kept
        listing = [k for k, r in self.by_key.items() if rel["id"] in (r.get("object_refs") or [])]
        if listing:
            return listing
        ends = {rel.get("source_ref"), rel.get("target_ref")}
        near = [k for k, r in self.by_key.items() if ends <= set(r.get("object_refs") or [])]
        return near or ["__bundle__"]

    def statements(self, rel: dict[str, Any], source: str) -> dict[str, Any]:
        text = rel.get("description") or ""
        prefix = f"{source}: "
        lines = [ln[len(prefix) :] for ln in text.splitlines() if ln.startswith(prefix)]
        if not lines:
            src = self.objects.get(rel["source_ref"], {}).get("name", rel["source_ref"])
            dst = self.objects.get(rel["target_ref"], {}).get("name", rel["target_ref"])
            lines = [text.strip()[:2000] or f"STIX: {src} {rel['relationship_type']} {dst}"]
        conf = rel.get("confidence")
        return {
            "evidence": lines[0][:2000],
            "confidence": conf
            if isinstance(conf, int) and 0 <= conf <= 100
            else DEFAULT_CONFIDENCE,
        }

    def relationship(self, rel: dict[str, Any]) -> None:
        src = self.objects.get(rel.get("source_ref", ""))
        dst = self.objects.get(rel.get("target_ref", ""))
        kind = rel.get("relationship_type")
        if src is None or dst is None:
            self.skipped["relationship to an object not in the bundle"] += 1
            return
        st, dt_ = src["type"], dst["type"]
        target: tuple[str, dict[str, Any]] | None = None
        if kind == "attributed-to" and st == "campaign" and dt_ in _ACTORS:
            for source in self.sources_of(rel):
                self.attributions[source][src["id"]].append(
                    (dst["id"], self.statements(rel, source))
                )
            return
        if (
            kind in ("originates-from", "located-at", "attributed-to")
            and st in _ACTORS
            and dt_ == "location"
        ):
            code = _country(dst)
            if code is None:
                self.skipped["location that is not a country"] += 1
                return
            for source in self.sources_of(rel):
                self.countries[source][src["id"]] = {"id": code, **self.statements(rel, source)}
            return
        if st not in _HOLDERS:
            self.skipped[f"{st} {kind} {dt_}"] += 1
            return
        if kind == "uses" and dt_ == "attack-pattern":
            tid = _technique_id(dst)
            target = ("techniques", {"id": tid}) if tid else None
            if tid is None:
                self.skipped["attack-pattern with no known technique id"] += 1
                return
        elif kind == "uses" and dt_ == "tool" and _platform(dst):
            target = ("platforms", {"name": _platform(dst)})
        elif kind == "targets" and dt_ == "identity":
            sector = (
                _sector(dst) if dst.get("identity_class") == "class" or dst.get("sectors") else None
            )
            if sector:
                target = ("sectors", {"id": sector})
            elif dst.get("name"):
                target = ("organizations", {"name": str(dst["name"])[:200]})
        elif kind == "targets" and dt_ == "location":
            code = _country(dst)
            if code is None:
                self.skipped["location that is not a country"] += 1
                return
            target = ("countries", {"id": code})
        if target is None:
            self.skipped[f"{st} {kind} {dt_}"] += 1
            return
        for source in self.sources_of(rel):
            self.facts[source][src["id"]][target[0]].append(
                {**target[1], **self.statements(rel, source)}
            )

    def languages(self, holder: dict[str, Any]) -> None:
        for entry in holder.get("x_graphkit_languages") or []:
            for source in entry.get("sources") or ["__bundle__"]:
                evidence = [
                    e[len(source) + 2 :]
                    for e in entry.get("evidence") or []
                    if e.startswith(f"{source}: ")
                ]
                self.facts[source][holder["id"]]["languages"].append(
                    {
                        "id": entry.get("language"),
                        "evidence": (
                            evidence
                            or [f"STIX: {holder.get('name')} works in {entry.get('language')}"]
                        )[0],
                        "confidence": entry.get("confidence", DEFAULT_CONFIDENCE),
                    }
                )

    def meta(self, key: str) -> dict[str, Any]:
        report = self.by_key.get(key)
        if report is None:
            dates = sorted(
                d
                for o in self.objects.values()
                for d in [_date(o.get("modified")), _date(o.get("created"))]
                if d
            )
            if not dates:
                raise InputError("the bundle has no report and no dated object", path=self.path)
            creators = Counter(
                o.get("created_by_ref") for o in self.objects.values() if o.get("created_by_ref")
            )
            top = str(creators.most_common(1)[0][0]) if creators else ""
            who = self.objects.get(top, {})
            return {
                "title": "STIX bundle import",
                "publisher": who.get("name") or "STIX import",
                "published": dates[-1],
            }
        creator = self.objects.get(report.get("created_by_ref", ""), {})
        urls = [
            r["url"]
            for r in report.get("external_references") or []
            if isinstance(r, dict) and r.get("url")
        ]
        return {
            "id": key if _ext(report, SOURCE_NAME) else None,  # else publisher-date-title
            "title": str(report.get("name") or key)[:200],
            "publisher": report.get("x_graphkit_publisher") or creator.get("name") or "unknown",
            "published": _date(report.get("published")) or _date(report.get("created")),
            "url": urls[0] if urls else None,
            "summary": report.get("description"),
        }

    def findings(self) -> list[Findings]:
        for obj in self.objects.values():
            if obj["type"] == "relationship":
                self.relationship(obj)
            elif obj["type"] in _HOLDERS:
                self.languages(obj)
            elif obj["type"] not in (
                "report",
                "attack-pattern",
                "identity",
                "location",
                "tool",
                "extension-definition",
            ):
                self.skipped[obj["type"]] += 1
        keys = sorted(set(self.facts) | set(self.attributions) | set(self.countries))
        for key, r in self.by_key.items():  # a report that lists campaigns, no relationship
            if key not in keys and any(
                self.objects.get(i, {}).get("type") == "campaign"
                for i in r.get("object_refs") or []
            ):
                keys.append(key)
        out = []
        for key in keys:
            doc = self.document(key)
            if doc["campaigns"] or doc["actors"]:
                try:
                    out.append(Findings.model_validate(doc))
                except ValidationError as exc:
                    err = exc.errors()[0]
                    where = ".".join(str(p) for p in err["loc"])
                    raise InputError(
                        f"{err['msg']} (report {key})", path=self.path, field=where
                    ) from None
        return out

    def _actor_ref(self, key: str, actor_id: str) -> dict[str, Any]:
        actor = self.objects[actor_id]
        ref: dict[str, Any] = {
            "name": str(actor.get("name"))[:200],
            "aliases": [a for a in actor.get("aliases") or [] if a != actor.get("name")][:500],
        }
        if actor_id in self.countries[key]:
            ref["country"] = self.countries[key][actor_id]
        return ref

    def document(self, key: str) -> dict[str, Any]:
        facts, attributions = self.facts[key], self.attributions[key]
        report = self.by_key.get(key)
        listed = set(report.get("object_refs") or []) if report else set()
        campaign_ids = sorted(
            {h for h in facts if self.objects[h]["type"] == "campaign"}
            | set(attributions)
            | {i for i in listed if self.objects.get(i, {}).get("type") == "campaign"}
        )
        campaigns, attributed = [], set()
        told = {d.get("campaign"): d for d in (report or {}).get("x_graphkit_describes") or []}
        for cid in campaign_ids:
            c = self.objects[cid]
            own = told.get(cid, {})
            actors = []
            for actor_id, stmt in attributions.get(cid, []):
                actors.append({**self._actor_ref(key, actor_id), **stmt})
                attributed.add(actor_id)
            campaigns.append(
                {
                    "name": str(c.get("name"))[:200],
                    "id": c.get("x_graphkit_id"),
                    "aliases": [a for a in c.get("aliases") or [] if a != c.get("name")],
                    "summary": own.get("summary") or c.get("description"),
                    "disruption": c.get("x_graphkit_disruption"),
                    "first_seen": own.get("first_seen") or _date(c.get("first_seen")),
                    "last_seen": own.get("last_seen") or _date(c.get("last_seen")),
                    "actors": actors,
                    **self._activity(facts.get(cid, {})),
                }
            )
        actor_ids = sorted(
            {h for h in facts if self.objects[h]["type"] in _ACTORS}
            | (set(self.countries[key]) - attributed)
        )
        actors = [
            {**self._actor_ref(key, a), **self._activity(facts.get(a, {}))} for a in actor_ids
        ]
        meta = self.meta(key)
        return {
            "report": {k: v for k, v in meta.items() if v is not None},
            "campaigns": campaigns,
            "actors": actors,
        }

    @staticmethod
    def _activity(facts: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
        def unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            seen: dict[str, dict[str, Any]] = {}
            for item in items:
                seen.setdefault(json.dumps(item, sort_keys=True), item)
            return list(seen.values())

        return {
            "languages": unique(facts.get("languages", [])),
            "techniques": unique(facts.get("techniques", [])),
            "platforms": unique(facts.get("platforms", [])),
            "targets": {
                "sectors": unique(facts.get("sectors", [])),
                "countries": unique(facts.get("countries", [])),
                "organizations": unique(facts.get("organizations", [])),
            },
        }


def parse_stix(text: str, *, path: str = "<bundle>") -> StixImport:
    """Findings (one per report the bundle holds) and counts of what was skipped."""
    data = parse_json(text, path)
    if not is_stix_bundle(data) or not isinstance(data["objects"], list):
        raise InputError(
            "not a STIX 2.1 bundle (a JSON object with type bundle and objects)", path=path
        )
    reader = _Reader(data, path)
    return StixImport(reader.findings(), reader.skipped)
