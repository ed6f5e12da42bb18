"""Reference catalogs, ATT&CK Navigator layers, GraphML and JSON exports, and their CLI."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from graphkit.catalog import GENERATIVE_AI, atlas_batch, attack_batch, llm_batch, load_catalogs
from graphkit.cli import EXIT_INPUT, app
from graphkit.commands import register_all
from graphkit.store import GraphStore, open_store
from graphkit.vocab import LLM_TECHNIQUES

register_all()
EXAMPLES = Path(__file__).parent.parent / "examples" / "reports"


def test_attack_catalog_holds_techniques_groups_and_campaigns() -> None:
    batch = attack_batch()
    techniques = [k for k in batch.nodes if k[0] == "Technique"]
    assert len(techniques) > 650  # ATT&CK v18.1 enterprise, revoked and deprecated left out
    assert batch.nodes[("Technique", "T1566.001")]["tactics"] == ["initial-access"]
    assert ("SUBTECHNIQUE_OF", "Technique", "T1566.001", "Technique", "T1566") in batch.edges
    apt28 = batch.nodes[("Actor", "apt28")]
    assert apt28["attack_id"] == "G0007" and "Fancy Bear" in apt28["aliases"]
    assert all(p["reference"] for p in batch.nodes.values())
    assert any(k[0] == "Campaign" for k in batch.nodes)
    assert any(k.type == "ATTRIBUTED_TO" for k in batch.edges)


def test_llm_catalog_maps_every_mapped_technique() -> None:
    batch = llm_batch()
    for tid, t in LLM_TECHNIQUES.items():
        for target in t.maps_to:
            edge = batch.edge("MAPS_TO", "Technique", tid, "Technique", target)
            assert edge["sources"] == ["graphkit-llm-taxonomy"] and edge["evidence"]
    assert len(atlas_batch().nodes) >= 5


def test_catalogs_load_idempotently_and_reports_unmark_what_they_name(store: GraphStore) -> None:
    first = load_catalogs(store)
    assert first["attack"].nodes_created > 800
    again = load_catalogs(store)
    assert all(not w.changed for w in again.values())
    from graphkit.ingest import load_paths

    load_paths(store, [str(EXAMPLES / "microsoft-openai-2024-02-staying-ahead.yaml")])
    rows = store.run(
        "MATCH (t:Technique) WHERE t.id IN ['T1566', 'T1110', 'llm-aided-translation'] "
        "RETURN t.id AS id, t.reference AS ref ORDER BY id"
    ).rows
    # Named by the report: no longer only reference data. T1110 the report does not name.
    assert rows == [["T1110", True], ["T1566", False], ["llm-aided-translation", False]]


def test_load_into_an_empty_store_brings_the_catalogs(corpus_dir: str) -> None:
    with open_store(corpus_dir, read_only=True) as store:
        assert store.stats()["nodes"]["Technique"] > 650


def test_navigator_layer_for_an_actor(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "apt28-layer.json"
    res = CliRunner().invoke(
        app,
        ["export", "-f", "navigator", "--actor", "Fancy Bear", "-s", corpus_dir, "-o", str(out)],
    )
    assert res.exit_code == 0, res.stderr
    layer = json.loads(out.read_text())
    assert layer["domain"] == "enterprise-attack" and layer["versions"]["layer"] == "4.5"
    scores = {t["techniqueID"]: t["score"] for t in layer["techniques"]}
    # T1059 is mapped for APT28 by the Microsoft report and by GTIG's PROMPTSTEAL: two sources.
    assert scores["T1059"] == 2
    assert scores["T1593"] == 1
    assert not any(t.startswith("llm-") for t in scores)
    assert layer["gradient"]["maxValue"] == max(scores.values())


def test_navigator_by_country_and_errors(corpus_dir: str) -> None:
    res = CliRunner().invoke(
        app, ["export", "-f", "navigator", "--country", "kp", "-s", corpus_dir]
    )
    assert res.exit_code == 0, res.stderr
    ids = {t["techniqueID"] for t in json.loads(res.stdout)["techniques"]}
    assert {"T1566", "T1110"} <= ids
    res = CliRunner().invoke(app, ["export", "-f", "stix", "--country", "KP", "-s", corpus_dir])
    assert res.exit_code == EXIT_INPUT
    res = CliRunner().invoke(
        app, ["export", "-f", "navigator", "--actor", "Nobody", "-s", corpus_dir]
    )
    assert res.exit_code == EXIT_INPUT and "nothing in the graph is called" in res.stderr


def test_graphml_and_json_read_back_with_networkx(corpus_dir: str, tmp_path: Path) -> None:
    ml, js = tmp_path / "g.graphml", tmp_path / "g.json"
    for fmt, path in (("graphml", ml), ("json", js)):
        res = CliRunner().invoke(app, ["export", "-f", fmt, "-s", corpus_dir, "-o", str(path)])
        assert res.exit_code == 0, res.stderr
    g = nx.read_graphml(ml)
    h = nx.node_link_graph(json.loads(js.read_text()), edges="edges")
    assert g.number_of_nodes() == h.number_of_nodes() > 200
    assert g.number_of_edges() == h.number_of_edges()
    assert json.loads(g.nodes["Actor:apt28"]["aliases"])[0]
    assert h.nodes["Actor:apt28"]["attack_id"] == "G0007"


def test_stix_export_of_one_report_loads_back(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    rid = "gtig-2025-11-ai-threat-tracker"
    res = CliRunner().invoke(
        app, ["export", "-f", "stix", "--report", rid, "-s", corpus_dir, "-o", str(out)]
    )
    assert res.exit_code == 0, res.stderr
    target = str(tmp_path / "again")
    res = CliRunner().invoke(app, ["load", str(out), "-s", target, "--no-catalog", "-f", "json"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)[0]["report_id"] == rid


def test_catalog_command(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["catalog", "load", "llm", "-s", str(tmp_path / "c")])
    assert res.exit_code == 0, res.stderr
    with open_store(str(tmp_path / "c"), read_only=True) as store:
        counts = store.stats()
    assert counts["relationships"]["MAPS_TO"] == sum(  # each also maps to ATLAS's Generative AI
        len({*t.maps_to, GENERATIVE_AI}) for t in LLM_TECHNIQUES.values()
    )
