"""Findings into a graph batch: canonical ids, alias merge, provenance on every edge.

A pure function, tested without any database. What a campaign does is written on the
campaign and, when the report attributes it, on the actor too (with the lower of the two
confidences), so that actor-level questions are one hop and campaign detail is kept.

Examples
--------
>>> from graphkit.findings import Findings
>>> f = Findings.model_validate({
...     "report": {"title": "Update", "publisher": "OpenAI", "published": "2025-06-05"},
...     "campaigns": [{"name": "Op", "actor": {"name": "Fancy Bear", "evidence": "e"},
...                    "techniques": [{"id": "T1566.001", "evidence": "lures"}]}],
... })
>>> batch = build_batch(f)
>>> ("Actor", "apt28") in batch.nodes
True
>>> batch.edge("USES", "Actor", "apt28", "Technique", "T1566.001")["sources"]
['openai-2025-06-05-update']
"""

from __future__ import annotations

from typing import Any

from graphkit.actors import actor_index
from graphkit.atlas import ATLAS_SOURCE
from graphkit.batch import GraphBatch
from graphkit.errors import GraphkitError
from graphkit.findings import (
    Activity,
    ActorFindings,
    CampaignFindings,
    CountryFact,
    Fact,
    Findings,
)
from graphkit.identity import country_name, language_name, slugify
from graphkit.techniques import technique
from graphkit.vocab import PLATFORMS, SECTORS

__all__ = ["ATTACK_SOURCE", "build_batch"]

ATTACK_SOURCE = "mitre-attack-v18.1"


class _Builder:
    def __init__(self, findings: Findings, sha256: str | None, extracted: bool) -> None:
        self.f = findings
        self.rid = findings.report_id
        self.date = findings.report.published.isoformat()
        self.extracted = extracted
        self.batch = GraphBatch(report_id=self.rid)
        r = findings.report
        self.report = self.batch.add_node(
            "Report",
            self.rid,
            name=r.title,
            publisher=r.publisher,
            published=self.date,
            url=r.url,
            sha256=sha256,
            summary=r.summary,
            reference=False,
        )

    def provenance(self, evidence: str, confidence: int, first: str, last: str) -> dict[str, Any]:
        return {
            "sources": [self.rid],
            "evidence": [f"{self.rid}: {evidence}"],
            "confidence": confidence,
            "first_seen": first,
            "last_seen": last,
            "extracted": self.extracted,
        }

    def mention(self, node: tuple[str, str], evidence: str) -> None:
        self.batch.add_edge(
            "MENTIONS", self.report, node, **self.provenance(evidence, 100, self.date, self.date)
        )

    def campaign(self, c: CampaignFindings) -> None:
        first = (c.first_seen or self.f.report.published).isoformat()
        last = (c.last_seen or self.f.report.published).isoformat()
        camp = self.batch.add_node(
            "Campaign",
            c.campaign_id,
            name=c.name,
            aliases=list(c.aliases),
            description=c.summary,
            disruption=c.disruption,
            first_seen=first,
            last_seen=last,
            reference=False,
        )
        self.batch.add_edge(
            "DESCRIBES", self.report, camp, **self.provenance(c.summary or c.name, 100, first, last)
        )
        holders: list[tuple[tuple[str, str], int]] = [(camp, 100)]
        for ref in c.all_actors:
            conf = ref.confidence if ref.confidence is not None else c.confidence
            actor = self.actor(ref.name, ref.aliases, ref.country, c.confidence, first, last)
            self.batch.add_edge(
                "ATTRIBUTED_TO", camp, actor, **self.provenance(ref.evidence, conf, first, last)
            )
            self.mention(actor, ref.evidence)
            holders.append((actor, conf))
        self.facts(c, holders, first, last)

    def actor_findings(self, a: ActorFindings) -> None:
        node = self.actor(a.name, a.aliases, a.country, a.confidence, self.date, self.date)
        self.facts(a, [(node, 100)], self.date, self.date)

    def facts(
        self, act: Activity, holders: list[tuple[tuple[str, str], int]], first: str, last: str
    ) -> None:
        """Each fact on every holder (a campaign, its actors), capped by the holder's ceiling."""

        def state(rel: str, dst: tuple[str, str], fact: Fact) -> None:
            conf = fact.confidence if fact.confidence is not None else act.confidence
            self.mention(dst, fact.evidence)
            for src, ceiling in holders:
                props = self.provenance(fact.evidence, min(conf, ceiling), first, last)
                self.batch.add_edge(rel, src, dst, **props)

        add = self.batch.add_node
        for lang in act.languages:
            state(
                "USES_LANGUAGE",
                add("Language", lang.id, name=language_name(lang.id), reference=False),
                lang,
            )
        for s in act.targets.sectors:
            state("TARGETS", add("Sector", s.id, name=SECTORS[s.id].name, reference=False), s)
        for c in act.targets.countries:
            state("TARGETS", add("Country", c.id, name=country_name(c.id), reference=False), c)
        for org in act.targets.organizations:
            state(
                "TARGETS",
                add("Organization", slugify(org.name), name=org.name, reference=False),
                org,
            )
        for t in act.techniques:
            state("USES", self.technique(t.id, reference=False), t)
        for p in act.platforms:
            known = PLATFORMS.get(slugify(p.name))
            node = add(
                "Platform",
                known.id if known else slugify(p.name),
                name=known.name if known else p.name,
                vendor=known.vendor if known else None,
                reference=False,
            )
            state("ABUSES", node, p)

    def actor(
        self,
        name: str,
        aliases: list[str],
        country: CountryFact | None,
        default_conf: int,
        first: str,
        last: str,
    ) -> tuple[str, str]:
        """The Actor node for a name (resolved through the alias tables), and its country."""
        index = actor_index()
        known = index.resolve(name) or next((k for k in map(index.resolve, aliases) if k), None)
        if known:
            given = [n for n in [name, *aliases] if n != known.name]
            node = self.batch.add_node(
                "Actor",
                known.id,
                name=known.name,
                aliases=[*known.aliases, *given],
                attack_id=known.attack_id,
                reference=False,
            )
        else:
            node = self.batch.add_node(
                "Actor", slugify(name), name=name, aliases=list(aliases), reference=False
            )
        if country is not None:
            place = self.batch.add_node(
                "Country", country.id, name=country_name(country.id), reference=False
            )
            conf = country.confidence if country.confidence is not None else default_conf
            self.batch.add_edge(
                "LINKED_TO", node, place, **self.provenance(country.evidence, conf, first, last)
            )
            self.mention(place, country.evidence)
        return node

    def technique(self, tid: str, *, reference: bool) -> tuple[str, str]:
        info = technique(tid)
        if info is None:
            raise GraphkitError(f"unknown technique {tid!r}")
        node = self.batch.add_node(
            "Technique",
            info.id,
            name=info.name,
            framework=info.framework,
            tactics=list(info.tactics),
            url=info.url,
            reference=reference,
        )
        if info.parent:
            parent = self.technique(info.parent, reference=True)
            source = ATLAS_SOURCE if info.framework == "atlas" else ATTACK_SOURCE
            self.batch.add_edge(
                "SUBTECHNIQUE_OF",
                node,
                parent,
                sources=[source],
                evidence=[f"{source}: {info.id} is a sub-technique of {info.parent}"],
                confidence=100,
            )
        return node


def build_batch(
    findings: Findings, *, sha256: str | None = None, extracted: bool = False
) -> GraphBatch:
    """The nodes and edges one report's findings add to the graph.

    Parameters
    ----------
    findings : Findings
        A validated findings file.
    sha256 : str, optional
        The hash of the file it came from, kept on the Report node.
    extracted : bool
        True when the findings were drafted by the extractor, not curated by an analyst.
    """
    builder = _Builder(findings, sha256, extracted)
    for campaign in findings.campaigns:
        builder.campaign(campaign)
    for actor in findings.actors:
        builder.actor_findings(actor)
    return builder.batch
