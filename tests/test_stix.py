"""STIX 2.1 in and out: OpenCTI- and MISP-style bundles, export validity, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_string

from graphkit.errors import InputError
from graphkit.export.stix import to_stix
from graphkit.graphdata import GraphData, fetch_graph
from graphkit.ingest import load_paths
from graphkit.store import GraphStore
from graphkit.store.embedded import EmbeddedStore
from loaders import read_report

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def corpus(corpus_graph: GraphData) -> GraphData:
    """The sample corpus alone (conftest.py loads it once a session)."""
    return corpus_graph


def test_opencti_bundle(store: GraphStore) -> None:
    [result] = load_paths(store, [str(DATA / "opencti-bundle.json")]).files
    assert result.status == "loaded", result.error
    assert (
        result.report_id == "example-cti-team-2025-03-02-sofacy-activity-against-ukraine-march-2025"
    )
    assert result.skipped == {
        "malware": 1,
        "indicator": 1,
        "intrusion-set uses malware": 1,
        "attack-pattern with no known technique id": 1,
        "location that is not a country": 1,
    }
    rows = store.run(
        "MATCH (a:Actor)-[r]->(x) WHERE r.kind <> 'MENTIONS' "
        "RETURN a.name AS actor, r.kind AS rel, x.id AS target, r.confidence AS c "
        "ORDER BY rel, target"
    ).rows
    # Sofacy is APT28 by its ATT&CK aliases; a relationship without confidence gets 50.
    assert rows == [
        ["APT28", "LINKED_TO", "RU", 90],
        ["APT28", "TARGETS", "UA", 50],
        ["APT28", "TARGETS", "defense", 70],
        ["APT28", "USES", "T1566.001", 85],
    ]
    evidence = store.run("MATCH (:Actor)-[r:TARGETS]->(s:Sector) RETURN r.evidence AS e").rows[0][0]
    assert evidence[0].endswith(": The set goes after defence ministries.")


def test_misp_bundle(store: GraphStore) -> None:
    [result] = load_paths(store, [str(DATA / "misp-bundle.json")]).files
    assert result.status == "loaded", result.error
    assert result.skipped == {"x-misp-object": 1}
    rows = store.run(
        "MATCH (c:Campaign)-[:ATTRIBUTED_TO]->(a:Actor) "
        "OPTIONAL MATCH (c)-[t:TARGETS]->(s:Sector) "
        "RETURN c.name AS campaign, a.name AS actor, s.id AS sector, t.confidence AS c"
    ).rows
    # the actor resolves through MISP's threat-actor galaxy, which spells it UNK_DropPitch
    assert rows == [["Chip phishing wave", "UNK_DropPitch", "semiconductors", 75]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"type": "bundle", "objects": "nope"}', "not a STIX 2.1 bundle"),
        ('{"type": "bundle", "objects": [{"id": "x--1"}]}', "objects[0] is not a STIX object"),
        ('{"type": "bundle", "objects": []}', "holds no actor or campaign"),
        ('{"type": "bundle", "objects": [', "invalid JSON"),
    ],
)
def test_malformed_bundles_get_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(InputError) as info:
        read_report(path)
    assert message in str(info.value)
    assert str(info.value).startswith(str(path))
    assert "\n" not in str(info.value)


def test_export_validates_with_zero_errors_and_is_stable(corpus: GraphData) -> None:
    text = to_stix(corpus)
    assert to_stix(corpus) == text  # deterministic ids and timestamps
    results = validate_string(text, ValidationOptions(version="2.1"))
    assert results.is_valid
    assert [str(e) for e in results.errors] == []
    objects = json.loads(text)["objects"]
    types = {o["type"] for o in objects}
    assert {"intrusion-set", "campaign", "attack-pattern", "location", "identity", "tool",
            "report", "relationship", "extension-definition"} <= types  # fmt: skip
    apt28 = next(o for o in objects if o.get("x_graphkit_id") == "apt28")
    assert "Forest Blizzard" in apt28["aliases"]
    assert {"source_name": "mitre-attack", "external_id": "G0007"} in apt28["external_references"]


def _edges(data: GraphData) -> dict[tuple[str, str, str], dict]:
    return {(e["kind"], e["source"], e["target"]): e for e in data.edges}


def test_export_then_import_round_trips(corpus: GraphData, tmp_path: Path) -> None:
    bundle = tmp_path / "corpus.stix.json"
    bundle.write_text(to_stix(corpus))
    with EmbeddedStore(tmp_path / "again") as store:
        summary = load_paths(store, [str(bundle)])
        assert not summary.failed, summary.failed[0].error
        again = fetch_graph(store)
    assert set(again.nodes) == set(corpus.nodes)
    for key, node in corpus.nodes.items():
        other = again.nodes[key]
        for prop in ("name", "aliases", "attack_id", "publisher", "published", "first_seen"):
            assert other.get(prop) == node.get(prop), (key, prop)
    before, after = _edges(corpus), _edges(again)
    assert set(after) == set(before)
    for key, e in before.items():
        f = after[key]
        assert f["sources"] == e["sources"], key
        assert sorted(f["evidence"]) == sorted(e["evidence"]), key
        assert (f.get("first_seen"), f.get("last_seen")) == (
            e.get("first_seen"),
            e.get("last_seen"),
        )
        rolled_up = key[1].startswith("Actor:") and key[0] in (
            "USES",
            "TARGETS",
            "USES_LANGUAGE",
            "ABUSES",
        )
        if rolled_up:
            # A campaign fact rolled up to its actor was capped by that report's attribution
            # confidence; the merged ATTRIBUTED_TO edge keeps only the highest, so it may rise.
            assert f["confidence"] >= e["confidence"], key
        else:
            assert f["confidence"] == e["confidence"], key
    changed = [k for k in before if after[k]["confidence"] != before[k]["confidence"]]
    assert len(changed) <= 2


_TWO_CAMPAIGNS = """\
format: graphkit-findings/1
report: {id: r-two, title: Two cases, publisher: Lab, published: 2026-05-01}
campaigns:
  - name: First case
    first_seen: 2026-01-10
    last_seen: 2026-02-20
    actor:
      name: Harbour Crew
      evidence: Both cases name the same crew.
      country: {id: IR, evidence: The crew worked Tehran office hours.}
    techniques: [{id: T1566, evidence: It sent lure emails.}]
  - name: Second case
    first_seen: 2026-03-01
    last_seen: 2026-03-30
    actor:
      name: Harbour Crew
      evidence: The same crew again.
      country: {id: IR, evidence: Its payments went through an Iranian exchange.}
"""


def test_a_fact_stated_twice_by_one_report_comes_back_twice(tmp_path: Path) -> None:
    """Two campaigns of one report state the actor's country in different words: the STIX
    export carries both statements on one relationship, and reading it back keeps both, with
    the campaigns' dates (not the report's)."""
    findings = tmp_path / "two.yaml"
    findings.write_text(_TWO_CAMPAIGNS)
    with EmbeddedStore(tmp_path / "a") as store:
        load_paths(store, [str(findings)])
        before = _edges(fetch_graph(store))
    bundle = tmp_path / "two.stix.json"
    bundle.write_text(to_stix(fetch_graph_of(tmp_path / "a")))
    with EmbeddedStore(tmp_path / "b") as store:
        load_paths(store, [str(bundle)])
        after = _edges(fetch_graph(store))
    key = ("LINKED_TO", "Actor:harbour-crew", "Country:IR")
    assert sorted(after[key]["evidence"]) == [
        "r-two: Its payments went through an Iranian exchange.",
        "r-two: The crew worked Tehran office hours.",
    ]
    uses = ("USES", "Actor:harbour-crew", "Technique:T1566")
    for k in (key, uses):
        assert (after[k]["first_seen"], after[k]["last_seen"]) == (
            before[k]["first_seen"],
            before[k]["last_seen"],
        ), k
    assert (after[uses]["first_seen"], after[uses]["last_seen"]) == ("2026-01-10", "2026-02-20")


def fetch_graph_of(path: Path) -> GraphData:
    with EmbeddedStore(path) as store:
        return fetch_graph(store)
