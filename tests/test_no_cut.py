"""One rule for findings files and STIX bundles: a value is stored whole or the file is refused
with one line naming it (and, in a bundle, the object); nothing is ever cut to fit."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from graphkit.errors import InputError
from graphkit.ingest import load_paths
from graphkit.limits import NAME_MAX_CHARS, TEXT_MAX_CHARS
from graphkit.store import GraphStore
from loaders import read_report
from tests.helpers import BASE, stix_bundle, stix_id, write

SET = "intrusion-set--"


def _bundle(tmp_path: Path, doc: dict[str, Any], name: str = "b.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _refusal(tmp_path: Path, doc: dict[str, Any]) -> str:
    with pytest.raises(InputError) as info:
        read_report(_bundle(tmp_path, doc))
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_stix_name_of_5000_characters_is_refused_naming_file_and_object(
    store: GraphStore, tmp_path: Path
) -> None:
    doc = stix_bundle(**{SET: {"name": "N" * 5000}})
    path = _bundle(tmp_path, doc)
    before = store.stats()
    [result] = load_paths(store, [str(path)]).files
    assert result.status == "failed"
    assert result.error == (
        f"{path}: {stix_id(doc, SET)}.name: 5,000 characters: at most 200 are stored, and nothing "
        "is cut (shorten it)"
    )
    assert store.stats() == before  # nothing of the bundle was written


@pytest.mark.parametrize("fmt", ["stix", "findings"])
def test_a_name_at_the_limit_is_stored_whole(store: GraphStore, tmp_path: Path, fmt: str) -> None:
    name = "Long Name " + "x" * (NAME_MAX_CHARS - 10)
    if fmt == "stix":
        path = _bundle(tmp_path, stix_bundle(**{SET: {"name": name, "aliases": []}}))
    else:
        doc = copy.deepcopy(BASE)
        doc["campaigns"][0]["actor"]["name"] = name
        path = write(tmp_path / "f.yaml", doc)
    [result] = load_paths(store, [str(path)]).files
    assert result.status == "loaded", result.error
    rows = store.run("MATCH (a:Actor) WHERE a.name = $n RETURN a.name", {"n": name}).rows
    assert rows == [[name]] and len(name) == NAME_MAX_CHARS


def test_a_findings_name_over_the_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    doc = copy.deepcopy(BASE)
    doc["campaigns"][0]["actor"]["name"] = "N" * (NAME_MAX_CHARS + 1)
    path = write(tmp_path / "f.yaml", doc)
    with pytest.raises(InputError) as info:
        read_report(path)
    assert str(info.value) == (
        f"{path}:11: campaigns.0.actor.name: String should have at most 200 characters"
    )


@pytest.mark.parametrize(
    ("prefix", "props", "where", "problem"),
    [
        ("report--", {"name": "T" * 201}, "name", "201 characters"),
        (SET, {"aliases": ["ok", "A" * 300]}, "aliases[1]", "300 characters"),
        ("identity--00000000-0000-4000-8000-000000000006", {"name": "O" * 201}, "name", "201"),
        ("campaign--", {"name": "Op\x1b[31m"}, "name", "control character U+001B"),
        ("relationship--00000000-0000-4000-8000-000000000008", {"confidence": 150},
         "confidence", "150 is not a confidence from 0 to 100"),
        ("relationship--00000000-0000-4000-8000-000000000008",
         {"description": "E" * (TEXT_MAX_CHARS + 1)}, "description", "10,001 characters"),
        (SET, {"aliases": "Beta Crew"}, "aliases", "expected a list of strings"),
        ("campaign--", {"first_seen": "last spring"}, "first_seen", "not a STIX timestamp"),
    ],
)  # fmt: skip
def test_a_bad_stix_value_names_its_object_and_property(
    tmp_path: Path, prefix: str, props: dict[str, Any], where: str, problem: str
) -> None:
    doc = stix_bundle(**{prefix: props})
    message = _refusal(tmp_path, doc)
    assert message.startswith(f"{tmp_path / 'b.json'}: {stix_id(doc, prefix)}.{where}: ")
    assert problem in message


def test_long_descriptions_and_summaries_are_stored_whole(
    store: GraphStore, tmp_path: Path
) -> None:
    evidence = "Lures were sent by mail. " * 200  # 5,000 characters
    summary = "A long abstract. " * 3000  # 51,000 characters
    doc = stix_bundle(
        **{
            "relationship--00000000-0000-4000-8000-000000000008": {"description": evidence},
            "report--": {"description": summary},
        }
    )
    [result] = load_paths(store, [str(_bundle(tmp_path, doc))]).files
    assert result.status == "loaded", result.error
    [[stored]] = store.run("MATCH (:Campaign)-[r:USES]->(:Technique) RETURN r.evidence").rows
    assert [e.split(": ", 1)[1] for e in stored] == [evidence.strip()]
    [[kept]] = store.run("MATCH (r:Report) RETURN r.summary").rows
    assert kept == summary.strip()


def test_evidence_of_several_lines_survives_export_and_import(tmp_path: Path) -> None:
    from graphkit.export.stix import to_stix
    from graphkit.graphdata import fetch_graph
    from graphkit.store.embedded import EmbeddedStore

    evidence = "First line.\nother-report: not a statement of another report\u2028still this one."
    doc = copy.deepcopy(BASE)
    doc["campaigns"][0]["techniques"][0]["evidence"] = evidence
    with EmbeddedStore(tmp_path / "a") as first:
        load_paths(first, [str(write(tmp_path / "f.yaml", doc))])
        bundle = to_stix(fetch_graph(first))
    (tmp_path / "x.json").write_text(bundle, encoding="utf-8")
    with EmbeddedStore(tmp_path / "b") as second:
        [result] = load_paths(second, [str(tmp_path / "x.json")]).files
        assert result.status == "loaded", result.error
        rows = second.run(
            "MATCH (:Campaign)-[r:USES]->(t:Technique {id: 'T1566.001'}) RETURN r.evidence"
        ).rows
    assert rows == [[[f"lab-2025-01-01-alpha: {evidence}"]]]
