"""Hostile strings through every loader (findings YAML and JSON, STIX, report text) into both
stores: stored and returned exactly or refused with one line, never read as Cypher, and shown
as text in a `graphkit viz` page in real Chromium (nothing runs, nothing is requested)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from graphkit.commands import register_all
from graphkit.errors import InputError
from graphkit.identity import slugify
from graphkit.ingest import load_paths
from graphkit.limits import NAME_MAX_CHARS
from graphkit.store import GraphStore
from loaders import read_report
from loaders.text import read_text
from tests.helpers import BASE, STIX_BASE, TS, write

register_all()

# Each goes in as a campaign's name and summary, an actor's alias, an organisation's name and
# the evidence for targeting it; the actor is named "Actor " + the value.
HOSTILE: dict[str, str] = {
    "cypher-quote": "x'}) DETACH DELETE n //",
    "cypher-double": 'x"}) MATCH (m) DETACH DELETE m //',
    "cypher-param": "$name} RETURN 1 UNION MATCH (n) DETACH DELETE n //",
    "cypher-comment": "*/ CALL db.clearQueryCaches() /* x",
    "script": "<script>window.__xss=1</script>",
    "closing-script": "</script><script>window.__xss=2</script>",
    "img-onerror": "<img src=x onerror=window.__xss=3>",
    "svg-onload": "<svg/onload=window.__xss=4>",
    "javascript-url": "javascript:window.__xss=5",
    "remote-css": '<link rel=stylesheet href="http://127.0.0.1:9/gk.css">',
    "template": "{{7*7}} ${7*7} {% raw %} `x`",
    "markup": "[bold red]red[/] [/x] [link=http://127.0.0.1:9]here[/link]",
    "quotes": 'O\'Brien "quoted" \\back\\slash\\',
    "rtl-override": "Report \u202egnp.exe\u202c final",
    "emoji": "Polar \U0001f43b\u200d\u2744\ufe0f team \U0001f469\U0001f3fd\u200d\U0001f4bb",
    "combining": "Ze\u0301\u0327\u0308bra Z\u0324\u0354\u0367\u0311algo",
    "other-scripts": "Газпром 日本銀行 وزارة",
    "whitespace": "two\tcolumns and\r\na second line",
    "at-the-limit": "L" * (NAME_MAX_CHARS - len("Actor ")),
}
LONG = "Long evidence, 5,000 characters. " * 151 + "end."  # over 5,000 characters
REPORT = "lab-2025-01-01-hostile"
# Refused with one line naming the file (and the field): what no store or page should get.
REFUSED: dict[str, tuple[str, str]] = {
    "nul": ("a\x00b", "control character U+0000"),
    "escape": ("\x1b[2J\x1b]0;owned\x07", "control character U+001B"),
    "bell": ("ding\x07", "control character U+0007"),
    "name-5000": ("N" * 5000, "at most 200"),
    "emoji-only": ("\U0001f43b\u200d\u2744\ufe0f", "a name needs a letter or a digit"),
}


def _findings() -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    doc["report"].update(id=REPORT, title=HOSTILE["cypher-quote"], summary=HOSTILE["script"])
    template = doc["campaigns"][0]
    doc["campaigns"] = []
    for value in HOSTILE.values():
        campaign = copy.deepcopy(template)
        campaign.update(name=value, summary=value)
        campaign["actor"].update(name="Actor " + value, aliases=[value])
        campaign["targets"]["organizations"] = [{"name": value, "evidence": value}]
        campaign["techniques"][0]["evidence"] = LONG
        doc["campaigns"].append(campaign)
    return doc


def _write_findings(tmp_path: Path, fmt: str) -> Path:
    doc = _findings()
    if fmt == "json":
        path = tmp_path / "hostile.json"
        path.write_text(json.dumps(doc), encoding="utf-8")  # non-ASCII as \\u escapes
        return path
    return write(tmp_path / "hostile.yaml", doc)


def _check_returned_exactly(store: GraphStore) -> None:
    for value in HOSTILE.values():
        rows = store.run(
            "MATCH (c:Campaign {id: $id})-[r:TARGETS]->(o:Organization {id: $id}) "
            "RETURN c.name, c.description, o.name, r.evidence",
            {"id": slugify(value)},
        ).rows
        assert rows == [[value, value, value, [f"{REPORT}: {value}"]]], value
        actors = store.run("MATCH (a:Actor) WHERE $v IN a.aliases RETURN a.name", {"v": value})
        assert actors.rows == [["Actor " + value]]
    techniques = store.run(
        "MATCH (:Campaign)-[r:USES]->(:Technique) WHERE $r IN r.sources RETURN r.evidence",
        {"r": REPORT},
    ).rows
    assert len(techniques) == len(HOSTILE)
    assert all(row == [[f"{REPORT}: {LONG}"]] for row in techniques)
    [[title, summary]] = store.run(
        "MATCH (r:Report {id: $r}) RETURN r.name, r.summary", {"r": REPORT}
    ).rows
    assert (title, summary) == (HOSTILE["cypher-quote"], HOSTILE["script"])


def test_the_hostile_values_have_ids_of_their_own() -> None:
    slugs = {slugify(v) for v in HOSTILE.values()}
    assert len(slugs) == len(HOSTILE) and "" not in slugs


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_findings_files_store_hostile_strings_exactly(
    store: GraphStore, tmp_path: Path, fmt: str
) -> None:
    [kept] = load_paths(store, [str(write(tmp_path / "base.yaml", BASE))]).files
    assert kept.status == "loaded", kept.error
    first = (
        "MATCH (c:Campaign {id: 'operation-alpha'})-[r]->(x) RETURN r.kind, x.id "
        "ORDER BY r.kind, x.id"
    )
    before = store.run(first).rows
    [result] = load_paths(store, [str(_write_findings(tmp_path, fmt))]).files
    assert result.status == "loaded", result.error
    _check_returned_exactly(store)
    # Nothing was deleted or matched by a fragment: the first report is whole.
    assert store.run(first).rows == before and len(before) > 5
    assert len(store.run("MATCH (r:Report) RETURN r.id").rows) == 2


def _stix(tmp_path: Path) -> Path:
    doc = copy.deepcopy(STIX_BASE)
    report = next(o for o in doc["objects"] if o["type"] == "report")
    report.update(name=HOSTILE["cypher-double"], description=HOSTILE["img-onerror"])
    for i, value in enumerate(HOSTILE.values()):
        kinds = ("campaign", "intrusion-set", "identity", "relationship", "relationship")
        ids = [f"{kind}--00000000-0000-4000-8000-{k + 1}{i:011d}" for k, kind in enumerate(kinds)]
        doc["objects"] += [
            {"type": "campaign", "id": ids[0], "name": value, "description": value,
             "created": TS, "modified": TS},
            {"type": "intrusion-set", "id": ids[1], "name": "Actor " + value,
             "aliases": [value], "created": TS, "modified": TS},
            {"type": "identity", "id": ids[2], "name": value, "identity_class": "organization",
             "created": TS, "modified": TS},
            {"type": "relationship", "id": ids[3], "relationship_type": "targets",
             "source_ref": ids[0], "target_ref": ids[2], "description": value,
             "created": TS, "modified": TS},
            {"type": "relationship", "id": ids[4], "relationship_type": "attributed-to",
             "source_ref": ids[0], "target_ref": ids[1], "description": value,
             "created": TS, "modified": TS},
        ]  # fmt: skip
        report["object_refs"] += ids
    path = tmp_path / "hostile.stix.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_stix_bundles_store_hostile_strings_exactly(store: GraphStore, tmp_path: Path) -> None:
    [result] = load_paths(store, [str(_stix(tmp_path))]).files
    assert result.status == "loaded", result.error
    [[report_id, title, summary]] = store.run(
        "MATCH (r:Report) RETURN r.id, r.name, r.summary"
    ).rows
    assert (title, summary) == (HOSTILE["cypher-double"], HOSTILE["img-onerror"])
    for value in HOSTILE.values():
        rows = store.run(
            "MATCH (c:Campaign {id: $id})-[r:TARGETS]->(o:Organization {id: $id}) "
            "MATCH (c)-[:ATTRIBUTED_TO]->(a:Actor) RETURN c.name, c.description, o.name, "
            "r.evidence, a.name, a.aliases",
            {"id": slugify(value)},
        ).rows
        assert rows == [
            [value, value, value, [f"{report_id}: {value}"], "Actor " + value, [value]]
        ], value


def test_report_text_is_quoted_exactly(store: GraphStore, tmp_path: Path) -> None:
    # (no "__": the extractor reads it as emphasis and leaves it out of a quote)
    named = {
        "Ukraine": "x'}) DETACH DELETE n //",
        "Poland": "<script>window.xss=1</script>",
        "Japan": "<img src=x onerror=window.xss=3>",
        "Brazil": HOSTILE["quotes"],
        "Kenya": HOSTILE["emoji"],
        "Chile": HOSTILE["combining"],
        "Peru": "\u202eexe.gnp",
    }
    # one country a sentence: each is a fact of its own, with that sentence as its evidence
    lines = [f"APT28, a Russia-based actor, targeted {country} with lures named {value}."
             for country, value in named.items()]  # fmt: skip
    path = tmp_path / "report.txt"
    path.write_text("Threat update\n\nBy OpenAI, 2025-03-01.\n\n" + "\n\n".join(lines) + "\n")
    [result] = load_paths(store, [str(path)]).files
    assert result.status == "loaded", result.error
    text = read_text(path)
    quoted = {
        e.split(": ", 1)[1]
        for [evidence] in store.run(
            "MATCH ()-[r]->() WHERE r.evidence IS NOT NULL RETURN r.evidence"
        ).rows
        for e in evidence
    }
    assert quoted and all(q in text for q in quoted)  # every quote is the text's own words
    for line in lines:
        assert line in quoted, line  # each hostile sentence, stored whole


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("fmt", ["yaml", "json", "stix"])
def test_what_cannot_be_stored_is_refused_with_one_line(
    store: GraphStore, tmp_path: Path, case: str, fmt: str
) -> None:
    value, problem = REFUSED[case]
    if fmt == "stix":
        doc = json.loads(_stix(tmp_path).read_text())
        doc["objects"][2]["name"] = value  # the campaign "Operation Beta"
    else:
        doc = copy.deepcopy(BASE)
        doc["campaigns"][0]["name"] = value
    path = tmp_path / f"bad.{'json' if fmt == 'stix' else fmt}"
    if fmt == "yaml":
        write(path, doc)
    else:
        path.write_text(json.dumps(doc), encoding="utf-8")
    before = store.stats()
    [result] = load_paths(store, [str(path)]).files
    assert result.status == "failed" and result.error is not None
    assert result.error.startswith(f"{path}") and "\n" not in result.error
    assert problem in result.error
    if fmt == "stix":
        assert "campaign--00000000-0000-4000-8000-000000000003.name: " in result.error
    assert store.stats() == before


def test_a_lone_surrogate_from_a_json_escape_is_refused(tmp_path: Path) -> None:
    text = json.dumps(BASE).replace('"Operation Alpha"', '"Op \\ud800"')
    path = tmp_path / "surrogate.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=r"surrogate.json(:\d+)?: campaigns\.0\.name: .*unicode"):
        read_report(path)
