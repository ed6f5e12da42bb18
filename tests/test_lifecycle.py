"""A report taken back, on both stores: the graph equals the one the other reports make alone."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graphkit.build import build_batch
from graphkit.catalog import load_catalogs
from graphkit.cli import app
from graphkit.commands import register_all
from graphkit.errors import GraphkitError
from graphkit.findings import Findings
from graphkit.ingest import load_paths
from graphkit.lifecycle import list_reports, unload
from graphkit.store import GraphStore
from tests.conftest import NEO4J_PASSWORD
from tests.helpers import BASE, expected_review_key, write

register_all()


def doc(rid: str, published: str, **changes: Any) -> dict[str, Any]:
    """A findings document: BASE under another id and date, with campaign fields changed."""
    d = copy.deepcopy(BASE)
    d["report"]["id"] = rid
    d["report"]["published"] = published
    d["campaigns"][0].update(changes)
    return d


# Two reports that share an actor, a technique and a sector, each with facts of its own.
A = doc(
    "lab-2025-01-01-a",
    "2025-01-01",
    confidence=90,
    techniques=[
        {"id": "T1566.001", "evidence": "A: lures", "confidence": 95},
        {"id": "T1059", "evidence": "A: scripts"},
    ],
)
B = doc(
    "lab-2025-03-01-b",
    "2025-03-01",
    name="Second operation",
    confidence=60,
    techniques=[{"id": "T1566.001", "evidence": "B: lures", "confidence": 50}],
)


def graph(store: GraphStore) -> tuple[list, list]:
    nodes = store.run(
        "MATCH (n) RETURN n.kind AS k, n.id AS id, n.name AS name, n.reference AS ref, "
        "n.first_seen AS f, n.last_seen AS l ORDER BY k, id"
    ).rows
    edges = store.run(
        "MATCH (a)-[r]->(b) RETURN r.kind AS k, a.id AS s, b.id AS d, r.sources, r.evidence, "
        "r.claims, r.confidence, r.first_seen, r.last_seen, r.extracted, r.sole_source, "
        "r.review_key "
        "ORDER BY k, s, d"
    ).rows
    return nodes, edges


def review_keys(store: GraphStore) -> tuple[dict[tuple[str, str, str], str | None], dict]:
    """Every edge's ``review_key`` as the store holds it, and as the rule says it should be."""
    rows = store.run(
        "MATCH (a)-[r]->(b) RETURN r.kind, a.kind, a.id, b.kind, b.id, r.sources, r.extracted, "
        "r.confidence, r.review_key"
    ).rows
    held = {(k, s, d): key for k, _, s, _, d, *_, key in rows}
    due = {
        (k, s, d): expected_review_key(k, (sl, s), (dl, d), *rest)
        for k, sl, s, dl, d, *rest, _ in rows
    }
    return held, due


def test_the_review_key_follows_the_sources(store: GraphStore, tmp_path: Path) -> None:
    """Right after a first load; gone when a second report states the fact (it leaves the
    queue); back when that report is taken back; and first in line on extracted facts."""
    load(store, tmp_path, A)
    first, due = review_keys(store)
    assert first == due
    # T1059 takes the campaign's confidence (90); the campaign's id is its slug
    key = first[("USES", "operation-alpha", "T1059")]
    assert key == "1090\toperation-alpha\tUSES\tT1059\tCampaign\tTechnique"
    assert all(v is None for (k, _, _), v in first.items() if k == "MENTIONS")
    load(store, tmp_path, B)  # shares the actor's facts with A
    both, due = review_keys(store)
    assert both == due
    left = [k for k, v in first.items() if v is not None and both[k] is None]
    assert ("LINKED_TO", "apt28", "RU") in left
    unload(store, [B["report"]["id"]])
    assert review_keys(store)[0] == first
    machine = doc("lab-2025-05-01-c", "2025-05-01", name="Machine operation", confidence=80)
    store.write_batch(build_batch(Findings.model_validate(machine), extracted=True))
    drafted, due = review_keys(store)
    assert drafted == due
    assert drafted[("USES", "machine-operation", "T1566.001")] == (
        "0080\tmachine-operation\tUSES\tT1566.001\tCampaign\tTechnique"
    )
    assert drafted[("LINKED_TO", "apt28", "RU")] is None  # a report states it too


def wipe(store: GraphStore) -> None:
    store.run("MATCH (n) DETACH DELETE n", write=True)


def load(store: GraphStore, tmp_path: Path, *docs: dict[str, Any]) -> None:
    paths = [str(write(tmp_path / f"{d['report']['id']}.yaml", d)) for d in docs]
    assert not load_paths(store, paths).failed


@pytest.mark.parametrize("gone", ["a", "b"])
def test_unloading_a_report_leaves_what_the_other_makes_alone(
    store: GraphStore, tmp_path: Path, gone: str
) -> None:
    keep = B if gone == "a" else A
    load(store, tmp_path, keep)
    alone = graph(store)
    wipe(store)
    load(store, tmp_path, A, B)
    assert graph(store) != alone
    plan = unload(store, [(A if gone == "a" else B)["report"]["id"]])
    assert plan.edges_deleted > 0 and plan.edges_rewritten > 0
    assert graph(store) == alone


def test_a_catalog_technique_a_report_named_goes_back_to_reference(
    store: GraphStore, tmp_path: Path
) -> None:
    load_catalogs(store, ["attack"])
    catalog_only = graph(store)
    load(store, tmp_path, A)
    named = store.run("MATCH (t:Technique {id: 'T1059'}) RETURN t.reference").rows
    assert named == [[False]]
    unload(store, [A["report"]["id"]])
    assert graph(store) == catalog_only


def test_dry_run_changes_nothing_and_says_the_same(store: GraphStore, tmp_path: Path) -> None:
    load(store, tmp_path, A, B)
    before = graph(store)
    planned = unload(store, [A["report"]["id"]], dry_run=True)
    assert graph(store) == before
    done = unload(store, [A["report"]["id"]])
    assert planned.summary() == done.summary()


def test_an_unknown_report_is_an_error_with_the_nearest(store: GraphStore, tmp_path: Path) -> None:
    load(store, tmp_path, A)
    with pytest.raises(GraphkitError, match=r"no report 'lab-2025-01-01-x'.*lab-2025-01-01-a\?"):
        unload(store, ["lab-2025-01-01-x"])


def test_replace_swaps_a_changed_report(store: GraphStore, tmp_path: Path) -> None:
    fixed = copy.deepcopy(A)
    fixed["campaigns"][0]["techniques"] = [{"id": "T1204", "evidence": "fixed: user ran it"}]
    load(store, tmp_path / "x", fixed)  # what the corrected report makes alone
    alone = graph(store)
    wipe(store)
    load(store, tmp_path, A)
    path = write(tmp_path / "fixed.yaml", fixed)
    assert not load_paths(store, [str(path)]).failed
    assert graph(store) != alone  # a plain reload keeps the old facts
    assert not load_paths(store, [str(path)], replace=True).failed
    assert graph(store) == alone


def test_the_cli_lists_and_unloads(store: GraphStore, target: str, tmp_path: Path) -> None:
    store.close()
    runner = CliRunner()
    env = {"NEO4J_PASSWORD": NEO4J_PASSWORD, "COLUMNS": "120"}
    paths = [str(write(tmp_path / f"{d['report']['id']}.yaml", d)) for d in (A, B)]
    res = runner.invoke(app, ["load", *paths, "--store", target, "--no-catalog", "-q"], env=env)
    assert res.exit_code == 0, res.stderr
    res = runner.invoke(app, ["reports", "--store", target, "--format", "json"], env=env)
    assert res.exit_code == 0, res.stderr
    listed = json.loads(res.stdout)
    assert [r["id"] for r in listed] == ["lab-2025-03-01-b", "lab-2025-01-01-a"]
    assert all(r["facts"] > 0 and r["campaigns"] == 1 for r in listed)
    res = runner.invoke(app, ["unload", "lab-2025-01-01-a", "--store", target], env=env)
    assert res.exit_code == 0, res.stderr
    assert "took back lab-2025-01-01-a" in res.stdout
    res = runner.invoke(app, ["unload", "lab-2025-01-01-a", "--store", target], env=env)
    assert res.exit_code == 1
    assert res.stderr.startswith("error: no report 'lab-2025-01-01-a' in the store")


def test_list_reports_counts_what_each_report_contributes(
    store: GraphStore, tmp_path: Path
) -> None:
    load(store, tmp_path, A)
    [info] = list_reports(store)
    assert (info.id, info.publisher, info.campaigns, info.extracted) == (
        A["report"]["id"],
        A["report"]["publisher"],
        1,
        0,
    )
    cited = store.run(
        "MATCH ()-[r]->() WHERE $id IN r.sources RETURN count(r) AS c", {"id": info.id}
    ).rows
    assert info.facts == cited[0][0]
