"""The committed dataset (dataset/) against the findings it is made from."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from stix2validator import ValidationOptions, validate_string

from graphkit.export.dataset import BUNDLE, build_dataset, write_dataset

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "dataset"


@pytest.fixture(scope="module")
def fresh() -> dict[str, str]:
    return build_dataset([str(ROOT / "examples" / "reports")])


def test_the_committed_dataset_is_what_the_findings_give(fresh: dict[str, str]) -> None:
    committed = {
        str(p.relative_to(COMMITTED)): p.read_text("utf-8")
        for p in COMMITTED.rglob("*") if p.is_file()
    }  # fmt: skip
    stale = sorted(f for f in set(fresh) | set(committed) if fresh.get(f) != committed.get(f))
    assert not stale, f"dataset/ is stale ({', '.join(stale)}): run `make dataset`"


def test_the_bundle_is_valid_stix_and_holds_every_report(fresh: dict[str, str]) -> None:
    result = validate_string(fresh[BUNDLE], ValidationOptions(version="2.1"))
    assert result.is_valid and [str(e) for e in result.errors] == []
    reports = [o for o in json.loads(fresh[BUNDLE])["objects"] if o["type"] == "report"]
    findings = list((ROOT / "examples" / "reports").glob("*.yaml"))
    assert len(reports) == len(findings) > 0


def test_tables_and_layers(fresh: dict[str, str]) -> None:
    facts = list(csv.DictReader(io.StringIO(fresh["facts.csv"])))
    assert facts and all(f["sources"] and f["evidence"] for f in facts)
    uses = [f for f in facts if f["relationship"] == "USES" and f["to_id"] == "T1059"]
    assert uses and all(0 <= int(f["confidence"]) <= 100 for f in uses)
    actors = {a["id"]: a for a in csv.DictReader(io.StringIO(fresh["actors.csv"]))}
    assert actors["apt28"]["attack_id"] == "G0007" and "Fancy Bear" in actors["apt28"]["aliases"]
    operations = list(csv.DictReader(io.StringIO(fresh["operations.csv"])))
    assert all(o["reports"] for o in operations)
    assert f"{len(operations)} operations" in fresh["README.md"]
    layers = [f for f in fresh if f.startswith("navigator/")]
    assert "navigator/publisher-openai.json" in layers and "navigator/year-2025.json" in layers
    layer = json.loads(fresh["navigator/year-2025.json"])
    assert layer["domain"] == "enterprise-attack" and layer["techniques"]


def test_write_dataset_removes_files_a_run_no_longer_makes(tmp_path: Path) -> None:
    write_dataset({"a.csv": "x\n", "navigator/old.json": "{}\n"}, tmp_path)
    write_dataset({"a.csv": "y\n"}, tmp_path)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()) == [
        "a.csv"
    ]
    assert (tmp_path / "a.csv").read_text() == "y\n"
