"""ATLAS as shipped data, and catalog bundles (techniques, tactics, mitigations, no actor)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from graphkit.atlas import atlas_data
from graphkit.catalog import llm_batch
from graphkit.cli import app
from graphkit.commands import register_all
from graphkit.techniques import technique

register_all()

REF = "mitre-atlas"


def _obj(kind: str, n: int, ext_id: str, name: str, **more: Any) -> dict[str, Any]:
    return {
        "type": kind,
        "spec_version": "2.1",
        "id": f"{kind}--00000000-0000-4000-8000-{n:012d}",
        "created": "2024-01-01T00:00:00.000Z",
        "modified": "2024-01-01T00:00:00.000Z",
        "name": name,
        "external_references": [
            {
                "source_name": REF,
                "url": f"https://atlas.mitre.org/x/{ext_id}",
                "external_id": ext_id,
            }
        ],
        **more,
    }


def _phase(name: str) -> list[dict[str, str]]:
    return [{"kill_chain_name": REF, "phase_name": name}]


def atlas_shaped_bundle() -> dict[str, Any]:
    """A catalog in the shape of ATLAS's stix-atlas.json: a tactic, a technique with a
    sub-technique, a mitigation and their relationships; no actor, no report."""
    tactic = _obj("x-mitre-tactic", 1, "AML.TA0005", "Execution", x_mitre_shortname="execution")
    inj = _obj(
        "attack-pattern",
        2,
        "AML.T0051",
        "LLM Prompt Injection",
        kill_chain_phases=_phase("execution"),
    )
    # ids ATLAS does not have: what the store then holds can only come from this bundle
    direct = _obj(
        "attack-pattern",
        3,
        "AML.T0051.900",
        "Test variant",
        kill_chain_phases=_phase("execution"),
        x_mitre_is_subtechnique=True,
    )
    guard = _obj("course-of-action", 4, "AML.M0990", "Test guardrail")
    rels = [
        {
            "type": "relationship",
            "spec_version": "2.1",
            "id": f"relationship--00000000-0000-4000-8000-00000000001{i}",
            "created": "2024-01-01T00:00:00.000Z",
            "modified": "2024-01-01T00:00:00.000Z",
            "relationship_type": kind,
            "source_ref": src["id"],
            "target_ref": dst["id"],
        }
        for i, (kind, src, dst) in enumerate(
            [("subtechnique-of", direct, inj), ("mitigates", guard, inj)]
        )
    ]
    return {
        "type": "bundle",
        "id": "bundle--00000000-0000-4000-8000-000000000099",
        "objects": [tactic, inj, direct, guard, *rels],
    }


def _graph(runner: CliRunner, store: str, query: str) -> list[list[Any]]:
    res = runner.invoke(app, ["query", "--cypher", query, "--store", store, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows: list[dict[str, Any]] = json.loads(res.output)
    return [list(r.values()) for r in rows]


def _check_catalog(runner: CliRunner, store: str) -> None:
    techniques = _graph(
        runner,
        store,
        "MATCH (s:Technique)-[:SUBTECHNIQUE_OF]->(p:Technique)-[:IN_TACTIC]->(t:Tactic) "
        "RETURN s.id, p.id, p.framework, t.id",
    )
    assert ["AML.T0051.900", "AML.T0051", "atlas", "AML.TA0005"] in techniques
    mitigations = _graph(
        runner,
        store,
        "MATCH (m:Mitigation)-[r:MITIGATES]->(t:Technique {id: 'AML.T0051'}) "
        "RETURN m.id, m.reference, r.sources",
    )
    assert ["AML.M0990", True, ["mitre-atlas"]] in mitigations


def test_graphkit_load_takes_a_catalog_bundle_as_reference_data(
    runner: CliRunner, tmp_path: Path, target: str
) -> None:
    path = tmp_path / "stix-atlas.json"
    path.write_text(json.dumps(atlas_shaped_bundle()))
    res = runner.invoke(app, ["load", str(path), "--store", target])
    assert res.exit_code == 0, res.output
    _check_catalog(runner, target)


def test_catalog_load_from_a_file(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "atlas.json"
    path.write_text(json.dumps(atlas_shaped_bundle()))
    store = str(tmp_path / "store")
    res = runner.invoke(app, ["catalog", "load", "--from", str(path), "--store", store])
    assert res.exit_code == 0, res.output
    assert "mitre-atlas" in res.output
    _check_catalog(runner, store)


def test_a_bundle_with_neither_actor_nor_technique_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    bundle = atlas_shaped_bundle()
    bundle["objects"] = [o for o in bundle["objects"] if o["type"] == "x-mitre-tactic"]
    path = tmp_path / "tactics.json"
    path.write_text(json.dumps(bundle))
    res = runner.invoke(
        app, ["catalog", "load", "--from", str(path), "--store", str(tmp_path / "store")]
    )
    assert res.exit_code == 1 and "no technique" in res.output and "tactics.json" in res.output


def test_every_atlas_technique_is_known_without_any_bundle() -> None:
    data = atlas_data()
    assert len(data["techniques"]) >= 170 and len(data["tactics"]) >= 16
    for t in data["techniques"]:
        info = technique(t["id"])
        assert info is not None and info.framework == "atlas" and info.tactics, t["id"]
        assert info.parent == (t["id"].rsplit(".", 1)[0] if t["id"].count(".") == 2 else None)
    mitigated = {tid for m in data["mitigations"] for tid in m["techniques"]}
    assert mitigated <= {t["id"] for t in data["techniques"]}


def test_the_data_file_is_what_the_tool_derives_from_atlas_yaml() -> None:
    """The derivation on a small ATLAS.yaml: a sub-technique takes its parent's tactics."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from atlas_catalog import derive

    out = derive(
        {
            "version": "9.9",
            "matrices": [
                {
                    "id": "ATLAS",
                    "tactics": [{"id": "AML.TA0005", "name": "Execution"}],
                    "techniques": [
                        {
                            "id": "AML.T0051",
                            "name": "LLM Prompt Injection",
                            "tactics": ["AML.TA0005"],
                            "description": "long text",
                        },
                        {"id": "AML.T0051.000", "name": "Direct", "subtechnique-of": "AML.T0051"},
                    ],
                    "mitigations": [
                        {
                            "id": "AML.M0020",
                            "name": "Guardrails",
                            "techniques": [{"id": "AML.T0051", "use": "text"}],
                        }
                    ],
                }
            ],
        }
    )
    assert out["techniques"][1] == {
        "id": "AML.T0051.000",
        "name": "Direct",
        "parent": "AML.T0051",
        "tactics": ["execution"],
    }
    assert "description" not in json.dumps(out)
    assert out["mitigations"] == [
        {"id": "AML.M0020", "name": "Guardrails", "techniques": ["AML.T0051"]}
    ]


def test_llm_themed_techniques_map_onto_atlas() -> None:
    batch = llm_batch()
    targets = {k.dst for k in batch.edges if k.type == "MAPS_TO"}
    assert {"AML.T0016.002", "AML.T0052.000", "AML.T0102"} <= targets


def test_a_report_that_names_an_atlas_sub_technique_cites_atlas_for_its_parent() -> None:
    from graphkit.build import build_batch
    from graphkit.findings import Findings

    f = Findings.model_validate(
        {
            "report": {"title": "Update", "publisher": "OpenAI", "published": "2025-06-05"},
            "campaigns": [
                {
                    "name": "Op Inject",
                    "techniques": [{"id": "AML.T0051.000", "evidence": "direct injection"}],
                }
            ],
        }
    )
    edge = build_batch(f).edge(
        "SUBTECHNIQUE_OF", "Technique", "AML.T0051.000", "Technique", "AML.T0051"
    )
    assert edge["sources"] == ["mitre-atlas"]
