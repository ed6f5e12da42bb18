"""`graphkit query`, `queries`, `stats`, `similar`, `central` and `export` as an analyst types
them: names for ids, catalog data apart, tables that keep ids whole, help in sentences."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, app
from graphkit.commands import register_all
from graphkit.querylib import load_library
from tests.conftest import EXAMPLES, NEO4J_PASSWORD

register_all()
ROOT = Path(__file__).parent.parent


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    for var in ("GRAPHKIT_STORE", "NEO4J_URI"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD", NEO4J_PASSWORD)
    return CliRunner()


def rows(runner: CliRunner, *args: str) -> list[dict]:
    res = runner.invoke(app, [*args, "-f", "json"])
    assert res.exit_code == 0, res.stderr
    data: list[dict] = json.loads(res.stdout)
    return data


def test_names_and_catalog_data_on_the_command_line(runner: CliRunner, target: str) -> None:
    res = runner.invoke(app, ["load", str(EXAMPLES), "-s", target])
    assert res.exit_code == 0, res.stderr
    assert "loaded the reference catalogs" in res.stderr  # into an empty store, they come first
    s = ["-s", target]
    by_code = rows(runner, "query", "actors-by-country", "-p", "country=KP", *s)
    assert {"Kimsuky", "APT38"} <= {r["actor"] for r in by_code}
    for name in ("North Korea", "kp", "North Korean"):
        assert rows(runner, "query", "actors-by-country", "-p", f"country={name}", *s) == by_code
    fancy = rows(runner, "query", "actor-campaigns", "-p", "actor=fancy bear", *s)
    assert sorted(r["campaign"] for r in fancy) == ["Forest Blizzard LLM use", "PROMPTSTEAL"]
    with_catalog = rows(runner, "query", "actor-campaigns", "-p", "actor=APT28", "--reference", *s)
    assert len(with_catalog) > len(fancy)
    assert rows(runner, "query", "chain", "-p", "sector=semiconductor", *s)
    assert rows(runner, "similar", "emerald sleet", *s)[0]["name"] == "APT38"

    page = runner.invoke(
        app, ["query", "actor-campaigns", "-p", "actor=APT28", "-p", "limit=1", *s]
    )
    assert (
        page.exit_code == 0 and page.stdout.count("PROMPTSTEAL") + page.stdout.count("Forest") == 1
    )
    assert "one page of 1 rows; more may follow: --param skip=1" in page.stderr  # a cut is said
    assert (
        "one page"
        not in runner.invoke(app, ["query", "actor-campaigns", "-p", "actor=APT28", *s]).stderr
    )

    cut = runner.invoke(app, ["query", "multi-report-actors", "-p", "ids=1", "-f", "json", *s])
    assert cut.exit_code == 0 and json.loads(cut.stdout)[0]["report_ids"] == [
        "openai-2025-06-05-disrupting-malicious-uses"  # STORM-2035's latest of 4
    ]
    assert "note: report_ids is cut short on some rows (reports counts them all)" in cut.stderr
    whole = runner.invoke(app, ["query", "multi-report-actors", *s])
    assert whole.exit_code == 0 and "cut short" not in whole.stderr

    res = runner.invoke(app, ["query", "actors-by-country", "-p", "country=Norh Korea", *s])
    assert res.exit_code == EXIT_INPUT and res.stdout == ""
    assert res.stderr == "error: unknown country 'Norh Korea': did you mean North Korea (KP)?\n"

    res = runner.invoke(app, ["export", "-f", "navigator", "--country", "North Korea", *s])
    assert res.exit_code == 0, res.stderr
    assert "T1566" in {t["techniqueID"] for t in json.loads(res.stdout)["techniques"]}
    res = runner.invoke(app, ["export", "-f", "NAVIGATOR", "--country", "Norh Korea", *s])
    assert res.exit_code == EXIT_INPUT and "did you mean North Korea (KP)?" in res.stderr

    central = rows(runner, "central", "--kind", "actor", "--measure", "PageRank", *s)
    assert central and {r["kind"] for r in central} == {"Actor"}
    # a technique no report names (T1546 led before) is catalog data, left out
    ranked = {r["id"] for r in rows(runner, "central", "--measure", "pagerank", "--top", "50", *s)}
    assert "T1546" not in ranked and "kimsuky" in ranked

    res = runner.invoke(app, ["stats", "-f", "json", *s])
    reported = json.loads(res.stdout)
    assert reported["nodes"]["Actor"] == 85 and reported["relationships"]["MAPS_TO"] == 0
    res = runner.invoke(app, ["stats", "-f", "json", "--reference", *s])
    assert json.loads(res.stdout)["nodes"]["Actor"] > 150


def test_queries_lists_and_shows_one(runner: CliRunner) -> None:
    listed = rows(runner, "queries")
    chain = next(q for q in listed if q["id"] == "chain")
    assert {p["name"]: p["type"] for p in chain["parameters"]} == {
        "sector": "sector",
        "language": "language",
        "min_confidence": "int",
    }
    res = runner.invoke(app, ["queries", "chain"])
    assert res.exit_code == 0
    assert res.stdout == (ROOT / "cypher" / "queries" / "chain.cypher").read_text()
    res = runner.invoke(app, ["queries", "review-queue", "--format", "json"])
    shown = json.loads(res.stdout)
    assert set(shown["cypher_for"]) == {"neo4j"} and "CALL" not in shown["cypher"]
    res = runner.invoke(app, ["queries", "chian"])
    assert res.exit_code == EXIT_INPUT and "did you mean chain?" in res.stderr
    res = runner.invoke(app, ["query", "missing.cypher"])
    assert res.exit_code == EXIT_INPUT
    assert res.stderr == "error: missing.cypher: no such file\n"


# One process runs several commands in turn, each as `graphkit` would from a shell (stdout a
# pipe, the width from COLUMNS), its output followed by a NUL line with its exit code: one
# start of Python and graphkit for all of them rather than one each.
COMMANDS_IN_TURN = """
import json, sys
from graphkit.cli import main

for args in json.loads(sys.argv[1]):
    sys.argv = ["graphkit", *args]
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    sys.stdout.flush()
    print(f"\\0{code}", flush=True)
"""


def graphkit(columns: int, commands: list[list[str]]) -> list[str]:
    """Each command's standard output as a terminal COLUMNS wide would get it."""
    env = {k: v for k, v in os.environ.items() if k not in ("GRAPHKIT_STORE", "NEO4J_URI")}
    env["COLUMNS"] = str(columns)
    done = subprocess.run(
        [sys.executable, "-c", COMMANDS_IN_TURN, json.dumps(commands)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,  # a deadline against a hang, not a measure: the machine may be busy
        check=False,
    )
    assert done.returncode == 0, done.stderr
    parts = re.split(r"\0(\w+)\n", done.stdout)  # output, code, output, code, ..., ""
    assert parts[1::2] == ["0"] * len(commands) and parts[-1] == "", done.stderr
    return parts[:-1:2]


# Commands whose tables hold long ids, and ids each must print whole (written by hand).
WHOLE = [
    (["queries"], sorted(load_library())),
    (["query", "chain", "-p", "sector=semiconductors"], ["llm-supported-social-engineering"]),
    (
        ["query", "actors-by-country", "-p", "country=North Korea"],
        ["north-korean-it-workers", "openai-2025-02-21-disrupting-malicious-uses"],
    ),
    (["similar", "Kimsuky"], ["openai-2025-10-07-disrupting-malicious-uses", "APT38"]),
    (["central", "--kind", "Technique"], ["llm-supported-social-engineering"]),
    (["stats"], ["SUBTECHNIQUE_OF", "USES_LANGUAGE"]),
]


@pytest.fixture(scope="module")
def printed(corpus_dir: str) -> Callable[[int], list[str]]:
    """The outputs of the WHOLE commands at a width, run once a width for the module."""
    seen: dict[int, list[str]] = {}

    def at(columns: int) -> list[str]:
        if columns not in seen:
            commands = [a if a == ["queries"] else [*a, "-s", corpus_dir] for a, _ in WHOLE]
            seen[columns] = graphkit(columns, commands)
        return seen[columns]

    return at


@pytest.mark.parametrize("columns", [80, 140])
@pytest.mark.parametrize("n", range(len(WHOLE)), ids=[" ".join(a) for a, _ in WHOLE])
def test_tables_keep_every_id_whole(
    printed: Callable[[int], list[str]], columns: int, n: int
) -> None:
    text = printed(columns)[n]
    assert text.strip(), WHOLE[n][0]
    assert max(cell_len(line) for line in text.splitlines()) <= columns
    words = set(re.split(r"[\s│┃|,;:()]+", text))
    missing = [i for i in WHOLE[n][1] if i not in words]
    assert not missing, f"broken or missing at {columns} columns: {missing}"


def test_help_is_sentences_with_words_for_placeholders(runner: CliRunner) -> None:
    names = [c.name or getattr(c.callback, "__name__", "") for c in app.registered_commands]
    commands = [[name] for name in names] + [["catalog", "load"]]
    for command in [[], *commands]:
        res = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
        assert res.exit_code == 0, command
        assert not re.search(r"<[a-z]+(\[[a-z]+\])?>", res.stdout), (command, res.stdout)
        for slip in (" a int", "1 hops", "stdout"):
            assert slip not in res.stdout, (command, slip)


def test_python_dash_m_graphkit_is_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "extract", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "COLUMNS": "100"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Usage: python -m graphkit extract" in done.stdout
