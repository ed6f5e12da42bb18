"""Actor identity joined with MISP's galaxies: read from the installed pymispgalaxies data."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any

from typer.testing import CliRunner

from graphkit.actor_review import review_queue
from graphkit.actors import ATTACK_SOURCE, actor_index, name_key
from graphkit.build import build_batch
from graphkit.cli import app
from graphkit.commands import register_all
from graphkit.findings import Findings
from graphkit.store.base import GraphStore

register_all()

WEATHER = re.compile(
    r"\b(Blizzard|Typhoon|Sandstorm|Sleet|Tempest|Hail|Flood|Cyclone|Dust|Rain|Tsunami)$"
    r"|^Storm-\d{4}$"
)


def _galaxy(name: str) -> dict[str, Any]:
    """The cluster file as the package ships it, read here without graphkit's reader."""
    path = resources.files("pymispgalaxies") / f"data/misp-galaxy/clusters/{name}.json"
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def _names(data: dict[str, Any]) -> set[str]:
    return {
        n.strip()
        for v in data["values"]
        for n in [v["value"], *(v.get("meta") or {}).get("synonyms", [])]
        if name_key(n)
    }


def test_nearly_every_threat_actor_name_in_the_galaxy_resolves_to_one_actor() -> None:
    names = _names(_galaxy("threat-actor"))
    index = actor_index()
    resolved = [n for n in names if index.resolve(n) is not None]
    assert len(names) > 2000
    assert len(resolved) / len(names) >= 0.95


def test_every_microsoft_weather_name_is_known_and_each_one_not_resolved_is_contested() -> None:
    weather = {
        n
        for g in ("threat-actor", "microsoft-activity-group")
        for n in _names(_galaxy(g))
        if WEATHER.search(n)
    }
    index = actor_index()
    assert len(weather) > 100
    for name in weather:
        assert index.resolve(name) is not None or index.claimants(name), name
    for name in ("Flax Typhoon", "Void Blizzard", "Jade Sleet", "Cotton Sandstorm", "Lace Tempest"):
        assert index.resolve(name) is not None, name


def test_a_name_two_galaxy_clusters_claim_resolves_to_no_actor_on_its_own() -> None:
    index = actor_index()
    # MISP gives Cadet Blizzard to SaintBear and to DEV-0586, which ATT&CK keeps apart
    assert index.resolve("Cadet Blizzard") is None
    assert {a.id for a in index.claimants("Cadet Blizzard")} == {"ember-bear", "saint-bear"}
    # Two clusters claim Mint Sandstorm and Nobelium too, but the join leaves one actor
    # for each (both Mint Sandstorm clusters are Magic Hound; UNC2452 holds no name of its own)
    assert index.resolve("Mint Sandstorm").id == "magic-hound"
    assert index.resolve("Nobelium").id == "apt29"
    # ATT&CK's own names still resolve, and an alias it shares with a wider cluster stays its
    assert index.resolve("APT29").id == "apt29"
    assert index.resolve("Sapphire Sleet").id == "apt38"


def test_every_name_carries_the_sources_that_tie_it() -> None:
    version = _galaxy("threat-actor")["version"]
    ties = dict(actor_index().resolve("APT28").ties)
    assert ATTACK_SOURCE in ties["Fancy Bear"]
    assert f"misp-galaxy threat-actor v{version}" in ties["Fancy Bear"]
    assert ties["APT28"][0] == ATTACK_SOURCE
    apt4 = dict(actor_index().resolve("APT4").ties)
    assert "graphkit-actors" in apt4["Salmon Typhoon"]


def _report(name: str, aliases: list[str]) -> Findings:
    return Findings.model_validate(
        {
            "report": {"title": "Update", "publisher": "OpenAI", "published": "2025-06-05"},
            "campaigns": [
                {
                    "name": "Op Lure",
                    "actor": {"name": name, "aliases": aliases, "evidence": "the group ran it"},
                }
            ],
        }
    )


def test_the_loader_keeps_a_contested_name_as_its_own_actor() -> None:
    alone = build_batch(_report("Cadet Blizzard", []))
    assert ("Actor", "cadet-blizzard") in alone.nodes and ("Actor", "ember-bear") not in alone.nodes
    told = build_batch(_report("Cadet Blizzard", ["Ember Bear"]))
    assert ("Actor", "ember-bear") in told.nodes and ("Actor", "cadet-blizzard") not in told.nodes
    galaxy_only = build_batch(_report("Flax Typhoon", []))
    assert galaxy_only.nodes[("Actor", "flax-typhoon")]["name"] == "Flax Typhoon"


def test_the_review_queue_lists_an_actor_named_by_a_contested_name(store: GraphStore) -> None:
    store.write_batch(build_batch(_report("Cadet Blizzard", [])))
    store.write_batch(build_batch(_report("Mint Sandstorm", [])))
    [row] = review_queue(store)
    assert row["id"] == "cadet-blizzard"
    assert row["reports"] == ["openai-2025-06-05-update"]
    assert any("ember-bear" in c for c in row["candidates"])
    assert any("saint-bear" in c for c in row["candidates"])


def test_actor_command_shows_sources_and_the_galaxy_reference_data(runner: CliRunner) -> None:
    result = runner.invoke(app, ["actor", "Flax Typhoon", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["actor"]["galaxy"][0]["country"] == "CN"
    assert {
        "name": "Storm-0919",
        "sources": ["misp-galaxy threat-actor v336"],
        "resolves": "here",
    } in found["actor"]["ties"]
    table = runner.invoke(app, ["actor", "APT28"])
    assert "Fancy Bear" in table.output and "suspected sponsor" in table.output
    assert "Russian Federation" in table.output
    contested = runner.invoke(app, ["actor", "Cadet Blizzard"])
    assert contested.exit_code == 0 and "contested" in contested.output
    assert "Ember Bear" in contested.output and "Saint Bear" in contested.output
    unknown = runner.invoke(app, ["actor", "no such group anywhere"])
    assert unknown.exit_code == 1 and "no source knows" in unknown.output
