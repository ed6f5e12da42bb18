"""Findings into a batch: ids, alias merge, provenance. No database."""

from __future__ import annotations

import copy

from graphkit.build import build_batch
from graphkit.findings import Findings
from graphkit.schema import allowed
from tests.helpers import BASE, findings

RID = "lab-2025-01-01-alpha"


def test_canonical_ids() -> None:
    batch = build_batch(Findings.model_validate(BASE))
    assert set(batch.nodes) == {
        ("Report", RID),
        ("Campaign", "operation-alpha"),
        ("Actor", "apt28"),
        ("Country", "RU"),
        ("Country", "UA"),
        ("Language", "ru"),
        ("Sector", "aerospace"),
        ("Organization", "example-org"),
        ("Technique", "T1566.001"),
        ("Technique", "T1566"),
        ("Platform", "chatgpt"),
    }
    actor = batch.nodes[("Actor", "apt28")]
    assert actor["name"] == "APT28" and actor["attack_id"] == "G0007"
    assert "Forest Blizzard" in actor["aliases"] and "Fancy Bear" in actor["aliases"]


def test_every_edge_is_allowed_and_carries_provenance() -> None:
    batch = build_batch(Findings.model_validate(BASE))
    assert batch.edges
    for key, props in batch.edges.items():
        assert allowed(key.type, key.src_label, key.dst_label), key
        assert props["sources"], key
        assert props["evidence"], key
        assert 0 <= props["confidence"] <= 100
        if key.type != "SUBTECHNIQUE_OF":
            assert props["sources"] == [RID]
            assert all(e.startswith(RID + ": ") for e in props["evidence"])
            assert props["first_seen"] == props["last_seen"] == "2025-01-01"


def test_campaign_facts_roll_up_to_the_actor_at_the_lower_confidence() -> None:
    batch = build_batch(Findings.model_validate(BASE))
    on_campaign = batch.edge("TARGETS", "Campaign", "operation-alpha", "Sector", "aerospace")
    on_actor = batch.edge("TARGETS", "Actor", "apt28", "Sector", "aerospace")
    assert on_campaign["confidence"] == 60
    assert on_actor["confidence"] == 60  # min(60, attribution 90)
    lang = batch.edge("USES_LANGUAGE", "Actor", "apt28", "Language", "ru")
    assert lang["confidence"] == 70  # the campaign default, under the attribution's 90
    linked = batch.edge("LINKED_TO", "Actor", "apt28", "Country", "RU")
    assert linked["confidence"] == 95


def test_two_names_of_one_actor_in_one_report_make_one_actor() -> None:
    doc = findings()
    second = copy.deepcopy(doc["campaigns"][0])
    second["name"] = "Operation Beta"
    second["actor"]["name"] = "Fancy Bear"
    second["targets"]["sectors"] = [{"id": "defense", "evidence": "Military.", "confidence": 50}]
    doc["campaigns"].append(second)
    batch = build_batch(Findings.model_validate(doc))
    assert [k for k in batch.nodes if k[0] == "Actor"] == [("Actor", "apt28")]
    ev = batch.edge("MENTIONS", "Report", RID, "Actor", "apt28")["evidence"]
    assert ev == [f"{RID}: The report names Forest Blizzard."]  # stated twice, kept once
    assert ("Sector", "defense") in batch.nodes
    assert batch.edge("TARGETS", "Actor", "apt28", "Sector", "defense")["confidence"] == 50


def test_unknown_actor_keeps_its_own_name() -> None:
    doc = findings()
    doc["campaigns"][0]["actor"]["name"] = "Cluster Zeta-9"
    batch = build_batch(Findings.model_validate(doc))
    assert batch.nodes[("Actor", "cluster-zeta-9")]["name"] == "Cluster Zeta-9"


def test_extracted_marks_every_fact() -> None:
    batch = build_batch(Findings.model_validate(BASE), extracted=True)
    flags = {p["extracted"] for k, p in batch.edges.items() if k.type != "SUBTECHNIQUE_OF"}
    assert flags == {True}
