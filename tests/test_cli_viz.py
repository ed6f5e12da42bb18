"""`graphkit viz`, `similar` and `central` as an analyst runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, app
from graphkit.commands import register_all

register_all()


def nodes_in(page: Path) -> list[dict]:
    match = re.search(r"var rawNodes = (\[.*?\]);\n", page.read_text(), re.S)
    assert match
    return json.loads(match.group(1))


def test_focus_draws_a_neighbourhood(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "apt28.html"
    res = CliRunner().invoke(
        app, ["viz", "-s", corpus_dir, "--focus", "Fancy Bear", "--depth", "1", "-o", str(out)]
    )
    assert res.exit_code == 0, res.stderr
    ids = {n["gkId"] for n in nodes_in(out)}
    assert {"apt28", "RU", "UA", "promptsteal", "forest-blizzard-llm-use"} <= ids
    assert "kimsuky" not in ids


def test_kinds_and_report_and_since(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "k.html"
    args = ["viz", "-s", corpus_dir, "--kinds", "Actor,Country", "-o", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert {n["gkId"] for n in nodes_in(out)} >= {"apt28", "CN"}
    assert {n["shape"] for n in nodes_in(out)} == {"dot", "triangle"}
    args = ["viz", "-s", corpus_dir, "--report", "gtig-2025-11-ai-threat-tracker", "-o", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    ids = {n["gkId"] for n in nodes_in(out)}
    assert "promptsteal" in ids and "kimsuky" not in ids
    args = ["viz", "-s", corpus_dir, "--since", "2025-08-01", "-o", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    ids = {n["gkId"] for n in nodes_in(out)}
    assert "gtg-2002" in ids and "bad-grammar-operators" not in ids


def test_a_query_draws_what_it_returns(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "q.html"
    cypher = "MATCH (a:Actor)-[r:LINKED_TO]->(c:Country {id: 'KP'}) RETURN a, r, c"
    res = CliRunner().invoke(app, ["viz", "-s", corpus_dir, "--query", cypher, "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    assert "KP" in {n["gkId"] for n in nodes_in(out)}
    assert len(nodes_in(out)) == 8  # seven North Korean actors and the country


def test_community_colouring(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "c.html"
    res = CliRunner().invoke(app, ["viz", "-s", corpus_dir, "--color", "community", "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    assert len({n["color"] for n in nodes_in(out)}) > len({"Actor", "Campaign"})
    assert "communities" in out.read_text()


def test_viz_errors_are_one_line(corpus_dir: str, tmp_path: Path) -> None:
    for args, message in (
        (["--focus", "Nobody At All"], "nothing in the graph is called 'Nobody At All'"),
        (["--focus", "Fancy Baer"], "did you mean Fancy Bear (apt28)?"),
        (["--kinds", "Actor,Weapon"], "unknown kind 'Weapon': the kinds are Report, Campaign"),
        (["--since", "last week"], "since takes a date as YYYY-MM-DD, not 'last week'"),
        (["--since", "2025-02-30"], "since takes a date as YYYY-MM-DD, not '2025-02-30'"),
        (["--report", "opneai-2025-02-21"], "unknown report 'opneai-2025-02-21': did you mean"),
        (["--query", "MATCH (a:Actor) RETURN a.name"], "returns no nodes to draw"),
    ):
        res = CliRunner().invoke(
            app, ["viz", "-s", corpus_dir, "-o", str(tmp_path / "x.html"), *args]
        )
        assert res.exit_code == EXIT_INPUT, args
        assert message in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.html").exists()


def test_similar_and_central_json(corpus_dir: str) -> None:
    res = CliRunner().invoke(
        app, ["similar", "Emerald Sleet", "-s", corpus_dir, "-f", "json", "--top", "3"]
    )
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    assert len(rows) == 3 and {"id", "name", "score", "shared", "sources"} <= set(rows[0])
    res = CliRunner().invoke(app, ["central", "--kind", "Actor", "-s", corpus_dir, "-f", "json"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)[0]["name"] == "Kimsuky"


def test_query_viz_draws_what_the_query_returns(corpus_dir: str, tmp_path: Path) -> None:
    out = tmp_path / "q.html"
    cypher = "MATCH (a:Actor)-[r:USES_LANGUAGE]->(l:Language {id: 'ko'}) RETURN a, r, l"
    res = CliRunner().invoke(
        app, ["query", "-c", cypher, "-s", corpus_dir, "--viz", str(out), "-f", "json"]
    )
    assert res.exit_code == 0, res.stderr
    rows = json.loads(res.stdout)
    drawn = {n["gkId"] for n in nodes_in(out)}
    assert drawn == {r["a"]["id"] for r in rows} | {"ko"}
