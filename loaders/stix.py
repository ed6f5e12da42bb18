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
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from graphkit.errors import InputError
from graphkit.findings import Findings
from graphkit.identity import slugify
from graphkit.limits import (
    LIST_MAX_ITEMS,
    NAME_MAX_CHARS,
    STIX_EVIDENCE_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    TEXT_MAX_CHARS,
    MiB,
)
from graphkit.stixmap import SOURCE_NAME
from loaders.findings import parse_json
from loaders.stix_objects import (
    country_code,
    external_ids,
    platform_name,
    sector_id,
    statements_by_source,
    technique_id,
)
from loaders.stix_values import check_object, confidence, date, text, texts

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


class _Reader:
    def __init__(self, bundle: dict[str, Any], path: str) -> None:
        self.path = path
        self.skipped: Counter[str] = Counter()
        self.objects: dict[str, dict[str, Any]] = {}
        for i, obj in enumerate(bundle["objects"]):
            check_object(obj, i, path)
            if obj.get("revoked"):
                self.skipped["revoked object"] += 1
                continue
            self.objects[obj["id"]] = obj
        self.reports = {k: o for k, o in self.objects.items() if o["type"] == "report"}
        self.by_key = {self.report_key(r): r for r in self.reports.values()}
        # object id → the keys of the reports that list it (looked up once per relationship)
        self.listed_by: dict[str, list[str]] = defaultdict(list)
        for key, report in self.by_key.items():
            for ref in dict.fromkeys(report.get("object_refs") or []):
                self.listed_by[ref].append(key)
        self.evidence_chars = 0
        # report key → holder stix id → facts; holder kinds: campaign or actor
        self.facts: dict[str, dict[str, dict[str, list[dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        self.attributions: dict[str, dict[str, list[tuple[str, dict[str, Any]]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        # report -> actor -> its country statements, in the order the bundle gives them
        self.countries: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(dict)

    def report_key(self, obj: dict[str, Any]) -> str:
        ids = external_ids(obj, SOURCE_NAME) or [obj.get("x_graphkit_id") or ""]
        return ids[0] or slugify(obj.get("name") or "report")

    def sources_of(self, rel: dict[str, Any]) -> list[str]:
        """The report keys that state a relationship."""
        given = external_ids(rel, SOURCE_NAME)
        if given:
            kept = [g for g in given if g in self.by_key] if self.by_key else given
            if len(kept) < len(given):
                self.skipped["statement of a report not in the bundle"] += len(given) - len(kept)
            return kept
        listing = self.listed_by.get(rel["id"])
        if listing:
            return listing
        with_target = set(self.listed_by.get(rel.get("target_ref") or "", []))
        near = [k for k in self.listed_by.get(rel.get("source_ref") or "", []) if k in with_target]
        return near or ["__bundle__"]

    def label(self, ref: str) -> str:
        """What a generated evidence line calls an object: its name, or its id."""
        name = self.objects.get(ref, {}).get("name")
        return name if isinstance(name, str) and len(name) <= NAME_MAX_CHARS else ref

    def statements(self, rel: dict[str, Any], source: str) -> list[dict[str, Any]]:
        """The evidence and confidence a relationship gives for one report that states it:
        one statement each time the report states it."""
        description = rel.get("description") or ""
        said = statements_by_source(description).get(source)
        if said is None:
            generated = f"STIX: {self.label(rel['source_ref'])} {rel['relationship_type']} "
            said = [description.strip() or generated + self.label(rel["target_ref"])]
        level = confidence(rel, self.path, DEFAULT_CONFIDENCE)
        out = []
        for value in said:
            evidence = text(rel, "description", TEXT_MAX_CHARS, self.path, value=value)
            self.evidence_chars += len(evidence)
            if self.evidence_chars > STIX_EVIDENCE_MAX_CHARS:
                raise InputError(
                    f"the relationships give more than {STIX_EVIDENCE_MAX_CHARS // MiB} Mi "
                    "characters of evidence in all (a description repeated for many reports?)",
                    path=self.path,
                )
            out.append({"evidence": evidence, "confidence": level})
        return out

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
                self.attributions[source][src["id"]].extend(
                    (dst["id"], said) for said in self.statements(rel, source)
                )
            return
        if (
            kind in ("originates-from", "located-at", "attributed-to")
            and st in _ACTORS
            and dt_ == "location"
        ):
            code = country_code(dst)
            if code is None:
                self.skipped["location that is not a country"] += 1
                return
            for source in self.sources_of(rel):
                self.countries[source].setdefault(src["id"], []).extend(
                    {"id": code, **said} for said in self.statements(rel, source)
                )
            return
        if st not in _HOLDERS:
            self.skipped[f"{st} {kind} {dt_}"] += 1
            return
        if kind == "uses" and dt_ == "attack-pattern":
            tid = technique_id(dst)
            target = ("techniques", {"id": tid}) if tid else None
            if tid is None:
                self.skipped["attack-pattern with no known technique id"] += 1
                return
        elif kind == "uses" and dt_ == "tool" and platform_name(dst):
            target = ("platforms", {"name": self.name(dst)})
        elif kind == "targets" and dt_ == "identity":
            sector = (
                sector_id(dst)
                if dst.get("identity_class") == "class" or dst.get("sectors")
                else None
            )
            if sector:
                target = ("sectors", {"id": sector})
            elif dst.get("name"):
                target = ("organizations", {"name": self.name(dst)})
        elif kind == "targets" and dt_ == "location":
            code = country_code(dst)
            if code is None:
                self.skipped["location that is not a country"] += 1
                return
            target = ("countries", {"id": code})
        if target is None:
            self.skipped[f"{st} {kind} {dt_}"] += 1
            return
        for source in self.sources_of(rel):
            self.facts[source][src["id"]][target[0]].extend(
                {**target[1], **said} for said in self.statements(rel, source)
            )

    def name(self, obj: dict[str, Any]) -> str:
        """An object's name, whole, or an error naming the object."""
        name = text(obj, "name", NAME_MAX_CHARS, self.path)
        if not slugify(name):
            raise InputError("a name needs a letter or a digit: its id is made from them",
                             path=self.path, field=f"{obj['id']}.name")  # fmt: skip
        return name

    def languages(self, holder: dict[str, Any]) -> None:
        for i, entry in enumerate(holder.get("x_graphkit_languages") or []):
            where = f"x_graphkit_languages[{i}]"
            language = text(holder, f"{where}.language", NAME_MAX_CHARS, self.path,
                            entry.get("language"))  # fmt: skip
            for source in entry.get("sources") or ["__bundle__"]:
                evidence = [
                    e[len(source) + 2 :]
                    for e in entry.get("evidence") or []
                    if e.startswith(f"{source}: ")
                ]
                said = evidence[0] if evidence else f"STIX: {self.label(holder['id'])} works in "
                self.facts[source][holder["id"]]["languages"].append(
                    {
                        "id": language,
                        "evidence": said if evidence else said + language,
                        "confidence": confidence(entry, self.path, DEFAULT_CONFIDENCE),
                    }
                )

    def meta(self, key: str) -> dict[str, Any]:
        report = self.by_key.get(key)
        if report is None:
            dates = sorted(
                d
                for o in self.objects.values()
                for d in [date(o, "modified", self.path), date(o, "created", self.path)]
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
                "publisher": self.name(who) if who.get("name") else "STIX import",
                "published": dates[-1],
            }
        creator = self.objects.get(report.get("created_by_ref") or "", {})
        urls = [  # the first web address: a report's page (not a file:// or a javascript: link)
            r["url"]
            for r in report.get("external_references") or []
            if re.match(r"https?://\S+$", r.get("url") or "")
        ]
        publisher = (
            text(report, "x_graphkit_publisher", NAME_MAX_CHARS, self.path)
            if report.get("x_graphkit_publisher")
            else self.name(creator)
            if creator.get("name")
            else "unknown"
        )
        return {
            "id": text(report, "external_references", NAME_MAX_CHARS, self.path, key)
            if external_ids(report, SOURCE_NAME)
            else None,  # else publisher-date-title
            "title": self.name(report) if report.get("name") else key,
            "publisher": publisher,
            "published": date(report, "published", self.path) or date(report, "created", self.path),
            "url": text(report, "url", TEXT_MAX_CHARS, self.path, urls[0]) if urls else None,
            "summary": self.summary(report, "description"),
        }

    def summary(self, obj: dict[str, Any], prop: str) -> str | None:
        return text(obj, prop, SUMMARY_MAX_CHARS, self.path) if obj.get(prop) else None

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

    def aliases(self, obj: dict[str, Any]) -> list[str]:
        found = texts(obj, "aliases", NAME_MAX_CHARS, self.path)
        if len(found) > LIST_MAX_ITEMS:
            raise InputError(f"{len(found)} aliases, more than the {LIST_MAX_ITEMS} graphkit "
                             "stores", path=self.path, field=f"{obj['id']}.aliases")  # fmt: skip
        return [a for a in found if a != obj.get("name")]

    def _actor_ref(self, actor_id: str, country: dict[str, Any] | None) -> dict[str, Any]:
        actor = self.objects[actor_id]
        ref: dict[str, Any] = {"name": self.name(actor), "aliases": self.aliases(actor)}
        if country is not None:
            ref["country"] = country
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
        country_for = _CountryStatements(self.countries[key])
        told = {d.get("campaign"): d for d in (report or {}).get("x_graphkit_describes") or []}
        for cid in campaign_ids:
            c = self.objects[cid]
            own = told.get(cid, {})
            actors = []
            for actor_id, stmt in attributions.get(cid, []):
                actors.append({**self._actor_ref(actor_id, country_for(actor_id)), **stmt})
                attributed.add(actor_id)
            campaigns.append(
                {
                    "name": self.name(c),
                    "id": c.get("x_graphkit_id"),
                    "aliases": self.aliases(c),
                    "summary": self.summary(own, "summary") or self.summary(c, "description"),
                    "disruption": text(c, "x_graphkit_disruption", TEXT_MAX_CHARS, self.path)
                    if c.get("x_graphkit_disruption")
                    else None,
                    "first_seen": date(own, "first_seen", self.path)
                    or date(c, "first_seen", self.path),
                    "last_seen": date(own, "last_seen", self.path)
                    or date(c, "last_seen", self.path),
                    "actors": actors,
                    **self._activity(facts.get(cid, {})),
                }
            )
        actor_ids = sorted(
            {h for h in facts if self.objects[h]["type"] in _ACTORS}
            | (set(self.countries[key]) - attributed)
            | country_for.unused()
        )
        rolled_up = _rolled_up(facts, attributions)
        actors = []
        for a in actor_ids:
            own = {kind: [f for f in items if _said(a, kind, f) not in rolled_up]
                   for kind, items in facts.get(a, {}).items()}  # fmt: skip
            stated = country_for.rest(a)  # the statements no campaign's actor took
            if any(own.values()) or stated:
                first = stated.pop(0) if stated else None
                actors.append({**self._actor_ref(a, first), **self._activity(own)})
            actors.extend(self._actor_ref(a, c) for c in stated)
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


def _said(holder: str, kind: str, fact: dict[str, Any]) -> tuple[str, str, str]:
    """A statement of a fact as the roll-up repeats it: who, what kind, what and the words."""
    what = {k: v for k, v in fact.items() if k != "confidence"}
    return holder, kind, json.dumps(what, sort_keys=True)


def _rolled_up(
    facts: dict[str, dict[str, list[dict[str, Any]]]],
    attributions: dict[str, list[tuple[str, dict[str, Any]]]],
) -> set[tuple[str, str, str]]:
    """The actor statements that a campaign's facts give its actors again when loaded.

    graphkit's export lists a campaign's fact on the campaign and on its actors; read back as
    the actor's own, it would take the report's date instead of the campaign's."""
    out = set()
    for cid, attributed in attributions.items():
        for kind, items in facts.get(cid, {}).items():
            out |= {_said(actor, kind, f) for actor, _ in attributed for f in items}
    return out


class _CountryStatements:
    """Hands out a report's country statements for each actor, one per campaign that names
    it, in order: the actor of two campaigns that each stated its country gets both statements
    back; statements left over go to the report's own actor entries (``rest``)."""

    def __init__(self, statements: dict[str, list[dict[str, Any]]]) -> None:
        self.pending = {a: list(s) for a, s in statements.items()}
        self.given: dict[str, dict[str, Any]] = {}

    def __call__(self, actor_id: str) -> dict[str, Any] | None:
        """The next statement for the actor, or the last one given when none is left."""
        if self.pending.get(actor_id):
            self.given[actor_id] = self.pending[actor_id].pop(0)
        return self.given.get(actor_id)

    def unused(self) -> set[str]:
        return {a for a, left in self.pending.items() if left}

    def rest(self, actor_id: str) -> list[dict[str, Any]]:
        left, self.pending[actor_id] = self.pending.get(actor_id, []), []
        return left


def parse_stix(text: str, *, path: str = "<bundle>") -> StixImport:
    """Findings (one per report the bundle holds) and counts of what was skipped."""
    data = parse_json(text, path)
    if not is_stix_bundle(data) or not isinstance(data["objects"], list):
        raise InputError(
            "not a STIX 2.1 bundle (a JSON object with type bundle and objects)", path=path
        )
    reader = _Reader(data, path)
    return StixImport(reader.findings(), reader.skipped)
