"""Findings files: what validates, and the one-line error every kind of bad input gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.errors import InputError
from graphkit.limits import FINDINGS_MAX_BYTES
from loaders import read_report
from loaders.findings import parse_findings
from tests.helpers import BASE, findings, write

GOOD_YAML = """\
report:
  title: Alpha report
  publisher: Lab
  published: 2025-01-01
campaigns:
  - name: Operation Alpha
    targets:
      sectors:
        - id: chip makers
          evidence: e
"""


def error_of(tmp_path: Path, name: str, content: str | bytes) -> InputError:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(InputError) as info:
        read_report(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return info.value


def test_yaml_and_json_forms_read_the_same(tmp_path: Path) -> None:
    [y] = read_report(write(tmp_path / "a.yaml", BASE)).findings
    [j] = read_report(write(tmp_path / "a.json", json.dumps(BASE))).findings
    assert y == j
    assert y.report_id == "lab-2025-01-01-alpha"
    assert y.campaigns[0].actor is not None
    assert y.campaigns[0].actor.country is not None
    assert y.campaigns[0].actor.country.id == "RU"  # a name becomes its ISO code


def test_default_report_id_is_publisher_date_slug() -> None:
    f = parse_findings(GOOD_YAML.replace("chip makers", "semiconductors"), path="x.yaml")
    assert f.report_id == "lab-2025-01-01-alpha-report"


def test_unknown_sector_names_file_line_and_field(tmp_path: Path) -> None:
    e = error_of(tmp_path, "r.yaml", GOOD_YAML)
    assert e.line == 9
    assert e.field == "campaigns.0.targets.sectors.0.id"
    assert "unknown sector 'chip makers'" in e.message


def test_unknown_field_is_refused(tmp_path: Path) -> None:
    doc = findings()
    doc["campaigns"][0]["colour"] = "red"
    e = error_of(tmp_path, "r.yaml", json.dumps(doc, indent=1))
    assert e.field == "campaigns.0.colour"
    assert e.message == "unknown field"


def test_unknown_technique_in_json_has_a_line(tmp_path: Path) -> None:
    doc = findings()
    doc["campaigns"][0]["techniques"][0]["id"] = "T9999"
    e = error_of(tmp_path, "r.json", json.dumps(doc, indent=2))
    assert e.field == "campaigns.0.techniques.0.id"
    assert e.line is not None and e.line > 1
    assert "unknown technique 'T9999'" in e.message


def test_wrong_type(tmp_path: Path) -> None:
    doc = findings()
    doc["campaigns"][0]["confidence"] = "very"
    e = error_of(tmp_path, "r.yaml", json.dumps(doc))
    assert e.field == "campaigns.0.confidence"


def test_missing_evidence_is_refused(tmp_path: Path) -> None:
    doc = findings()
    del doc["campaigns"][0]["languages"][0]["evidence"]
    e = error_of(tmp_path, "r.yaml", json.dumps(doc))
    assert e.field == "campaigns.0.languages.0.evidence"
    assert e.message == "required field is missing"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("r.yaml", "report: [unclosed\n", "invalid YAML"),
        ("r.json", '{"report": ', "invalid JSON"),
        ("r.yaml", "", "file is empty"),
        ("r.yaml", "  \n\n", "file is empty"),
        ("r.yaml", b"\x89PNG\r\n\x1a\n\x00\x00binary", "binary"),
        ("r.yaml", b"caf\xe9: 1\n", "not UTF-8"),
        ("r.yaml", "- a\n- b\n", "one mapping"),
        ("r.xlsx", "report: {}", "unsupported file type"),
        ("r.json", "[" * 100_000 + "]" * 100_000, "nested"),
        ("r.yaml", "a: " + "[" * 200 + "]" * 200 + "\n", "nested deeper"),
    ],
)
def test_bad_input_gets_one_line(
    tmp_path: Path, name: str, content: str | bytes, expected: str
) -> None:
    assert expected in error_of(tmp_path, name, content).message


def test_yaml_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    e = error_of(tmp_path, "bomb.yaml", "\n".join(lines) + "\n")
    assert "aliases" in e.message
    assert e.line == 2


def test_a_3mb_field_is_refused_by_length(tmp_path: Path) -> None:
    doc = findings()
    doc["campaigns"][0]["summary"] = "x" * (3 * 1024 * 1024)
    e = error_of(tmp_path, "big.json", json.dumps(doc))
    assert e.field == "campaigns.0.summary"
    assert "at most" in e.message


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    e = error_of(tmp_path, "huge.yaml", "#" * (FINDINGS_MAX_BYTES + 1))
    assert "larger than" in e.message


def test_two_campaigns_with_one_id_are_refused(tmp_path: Path) -> None:
    doc = findings()
    doc["campaigns"].append(dict(doc["campaigns"][0]))
    e = error_of(tmp_path, "dup.yaml", json.dumps(doc))
    assert "share the id 'operation-alpha'" in e.message
