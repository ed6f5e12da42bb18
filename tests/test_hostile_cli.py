"""Hostile strings through the commands an analyst runs: `graphkit load`, `query` and `viz`,
the page checked in real headless Chromium (tests/browser.py)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, app
from graphkit.commands import register_all
from tests.browser import open_page
from tests.helpers import BASE, write
from tests.test_hostile import HOSTILE, LONG, REPORT, _stix, _write_findings

register_all()

NAMES = """() => Array.from(document.querySelectorAll('#gk-names option')).map(o => o.value)"""
TIPS = """() => network.body.data.edges.get().map(e => e.title.textContent)
            .concat(network.body.data.nodes.get().map(n => n.title.textContent))"""
ACTIVE = "img, svg, iframe, object, embed, link[rel=stylesheet], script[src], a[href]"


def _label(name: str) -> str:
    """A node's label on the page: its name, or past 60 characters its start and an ellipsis."""
    return name if len(name) <= 60 else name[:59] + "…"


def _loaded(runner: CliRunner, target: str, tmp_path: Path) -> None:
    files = [str(_write_findings(tmp_path, "yaml")), str(_stix(tmp_path))]
    res = runner.invoke(app, ["load", *files, "--store", target, "--no-catalog"])
    assert res.exit_code == 0, res.stderr


def test_a_viz_page_of_hostile_data_runs_nothing_and_fetches_nothing(
    runner: CliRunner, target: str, tmp_path: Path
) -> None:
    _loaded(runner, target, tmp_path)
    page_path = tmp_path / "hostile.html"
    res = runner.invoke(app, ["viz", "--store", target, "-o", str(page_path)])
    assert res.exit_code == 0, res.stderr
    with open_page(page_path) as visit:
        page = visit.page
        names = set(page.evaluate(NAMES))  # type: ignore[attr-defined]
        tips = "\n".join(page.evaluate(TIPS))  # type: ignore[attr-defined]
        for value in HOSTILE.values():
            assert _label(value) in names and _label("Actor " + value) in names, value
            assert f"Campaign: {value}\n" in tips and f"Actor: Actor {value}\n" in tips, value
        assert f"- {REPORT}: {LONG[: 299 - len(REPORT) - 2]}…" in tips  # a picture's tooltip
        for x in range(100, 1400, 150):  # hover over the drawing: tooltips open, nothing runs
            for y in range(150, 900, 150):
                page.mouse.move(x, y)  # type: ignore[attr-defined]
        search = page.locator("#search")  # type: ignore[attr-defined]
        search.fill(HOSTILE["img-onerror"])
        search.dispatch_event("change")
        assert page.evaluate("window.__xss") is None  # type: ignore[attr-defined]
        assert page.evaluate(f"document.querySelectorAll('{ACTIVE}').length") == 0  # type: ignore[attr-defined]
    assert visit.requests == [page_path.resolve().as_uri()]
    assert visit.console_errors == []


def test_query_output_shows_hostile_names_as_text(
    runner: CliRunner, target: str, tmp_path: Path
) -> None:
    _loaded(runner, target, tmp_path)
    cypher = "MATCH (c:Campaign) RETURN c.name AS name ORDER BY name"
    res = runner.invoke(app, ["query", "-c", cypher, "--store", target, "-f", "json"])
    assert res.exit_code == 0, res.stderr
    names = {row["name"] for row in json.loads(res.stdout)}
    assert names == {*HOSTILE.values(), "Operation Beta"}  # exact, both files' campaigns
    res = runner.invoke(app, ["query", "-c", cypher, "--store", target])
    assert res.exit_code == 0, res.stderr
    assert "[bold red]red[/] [/x]" in res.stdout  # markup shown, not applied
    assert "Report \\u202egnp.exe\\u202c" in res.stdout  # the override named, not obeyed
    assert "\u202e" not in res.stdout and "\x1b" not in res.stdout


def test_a_load_error_quoting_markup_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    doc = copy.deepcopy(BASE)
    doc["campaigns"][0]["targets"]["sectors"][0]["id"] = "[/x]"
    path = write(tmp_path / "markup.yaml", doc)
    res = runner.invoke(app, ["load", str(path), "--dry-run"])
    assert res.exit_code == EXIT_INPUT
    assert res.stderr.startswith(f"error: {path}:") and "unknown sector '[/x]'" in res.stderr
    assert len(res.stderr.splitlines()) == 1
