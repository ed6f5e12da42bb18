"""`graphkit load`, `stats` and `schema` as an analyst runs them: exit codes and messages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, EXIT_STORE, app
from graphkit.commands import register_all
from graphkit.store import open_store
from tests.conftest import NEO4J_URI
from tests.helpers import BASE, findings, write

register_all()
ROOT = Path(__file__).parent.parent


def test_load_then_stats_json(runner: CliRunner, target: str, tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", BASE)
    args = ["load", str(path), "--store", target, "--format", "json", "--no-catalog"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.stderr
    [row] = json.loads(res.stdout)
    assert row["status"] == "loaded" and row["report_id"] == "lab-2025-01-01-alpha"
    res = runner.invoke(app, ["stats", "--store", target, "--format", "json"])
    assert res.exit_code == 0, res.stderr
    counts = json.loads(res.stdout)
    assert set(counts) == {"nodes", "relationships"}
    assert counts["nodes"]["Actor"] == 1 and counts["nodes"]["Report"] == 1


def test_a_bad_file_fails_alone_with_one_line(
    runner: CliRunner, target: str, tmp_path: Path
) -> None:
    good = write(tmp_path / "good.yaml", BASE)
    bad_doc = findings(id="lab-2025-02-02-bad")
    bad_doc["campaigns"][0]["techniques"][0]["id"] = "T0000"
    bad = write(tmp_path / "bad.yaml", bad_doc)
    res = runner.invoke(app, ["load", str(good), str(bad), "--store", target, "--no-catalog"])
    assert res.exit_code == EXIT_INPUT
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {bad}:")
    assert "unknown technique 'T0000'" in lines[0]
    assert "Traceback" not in res.stdout + res.stderr
    with open_store(target, read_only=True) as store:
        assert store.run("MATCH (r:Report) RETURN count(r) AS c").rows == [[1]]


def test_dry_run_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "store"
    res = runner.invoke(
        app, ["load", str(write(tmp_path / "a.yaml", BASE)), "-s", str(target), "--dry-run"]
    )
    assert res.exit_code == 0, res.stderr
    assert "dry run" in res.stdout
    assert not target.exists()


def test_missing_path_is_an_input_error(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["load", str(tmp_path / "nope.yaml"), "-s", str(tmp_path / "s")])
    assert res.exit_code == EXIT_INPUT
    assert res.stderr.strip() == f"error: {tmp_path / 'nope.yaml'}: no such file or folder"


def test_unreachable_neo4j_has_its_own_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    res = runner.invoke(app, ["stats", "--store", "bolt://127.0.0.1:9"])
    assert res.exit_code == EXIT_STORE
    assert res.stderr == (
        "error: cannot reach Neo4j at bolt://127.0.0.1:9: [Errno 111] Connection refused "
        "(the URI given with --store)\n"
    )


def test_an_unreachable_neo4j_says_the_uri_came_from_the_environment(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    res = runner.invoke(app, ["viz", "-o", "unused.html"])
    assert res.exit_code == EXIT_STORE
    assert res.stderr == (
        "error: cannot reach Neo4j at bolt://127.0.0.1:9: [Errno 111] Connection refused "
        "(the URI from $NEO4J_URI: set it, or give --store, for another server)\n"
    )


@pytest.mark.neo4j
def test_a_missing_password_names_the_variable(
    runner: CliRunner, neo4j_driver: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD")
    monkeypatch.delenv("NEO4J_USERNAME", raising=False)
    res = runner.invoke(app, ["stats", "--store", NEO4J_URI])  # no terminal: no prompt
    assert res.exit_code == EXIT_STORE
    assert res.stderr == (
        f"error: Neo4j at {NEO4J_URI} refused the credentials of user 'neo4j' (the default "
        "user, NEO4J_PASSWORD is not set): set NEO4J_USERNAME and NEO4J_PASSWORD\n"
    )


@pytest.mark.neo4j
def test_wrong_password_is_refused_and_never_printed(
    runner: CliRunner, neo4j_driver: object, tmp_path: Path
) -> None:
    secret = "not-the-password-4711"
    res = runner.invoke(
        app,
        ["load", str(write(tmp_path / "a.yaml", BASE)), "--store", NEO4J_URI],
        env={**os.environ, "NEO4J_PASSWORD": secret},
    )
    assert res.exit_code == EXIT_STORE
    assert "refused the credentials of user 'neo4j'" in res.stderr
    assert secret not in res.stdout + res.stderr


def test_schema_command_prints_what_the_files_hold(runner: CliRunner) -> None:
    res = runner.invoke(app, ["schema", "--cypher", "neo4j"])
    assert res.stdout == (ROOT / "cypher" / "schema.cypher").read_text()
    res = runner.invoke(app, ["schema", "--json-schema"])
    assert json.loads(res.stdout)["title"] == "Findings"


def test_every_command_is_documented(runner: CliRunner) -> None:
    readme = (ROOT / "README.md").read_text()
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert command.callback is not None and command.callback.__doc__, name
        assert f"graphkit {name}" in readme, f"README does not show `graphkit {name}`"
        res = runner.invoke(app, [name, "--help"])
        assert res.exit_code == 0


def test_quiet_prints_nothing_but_errors(runner: CliRunner, tmp_path: Path) -> None:
    good = write(tmp_path / "good.yaml", BASE)
    store = str(tmp_path / "store")
    res = runner.invoke(app, ["load", str(good), "--store", store, "--quiet"])
    assert res.exit_code == 0, res.stderr
    assert res.stdout == "" and res.stderr == ""
    bad = tmp_path / "bad.yaml"
    bad.write_text("report: [unclosed\n")
    res = runner.invoke(app, ["load", str(bad), "--store", store, "-q", "--batch-rows", "1"])
    assert res.exit_code == EXIT_INPUT
    assert res.stdout == ""
    assert res.stderr.startswith(f"error: {bad}")


def test_a_folder_loads_every_format_and_names_what_it_skipped(
    runner: CliRunner, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.yaml", BASE)
    text = next(
        p for p in sorted((ROOT / "bench" / "extract" / "dev").iterdir()) if p.suffix == ".md"
    )
    (folder / "b.md").write_text(text.read_text())
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a format graphkit reads")
    store = str(tmp_path / "store")
    res = runner.invoke(app, ["load", str(folder), "--store", store, "-f", "json", "--no-catalog"])
    assert res.exit_code == 0, res.stderr
    assert sorted(Path(r["path"]).name for r in json.loads(res.stdout)) == ["a.yaml", "b.md"]
    assert (
        res.stderr.strip() == f"skipped 1 file of a format no loader reads: {folder / 'notes.docx'}"
    )


ARTICLE = (
    "# Operation Quiet Quill\n\n"
    "Operation Quiet Quill was run by APT42, an Iranian group, against think tanks.\n"
    "The operators wrote phishing emails in Farsi with ChatGPT.\n"
)


def test_a_dash_loads_what_extract_pipes_in(runner: CliRunner, target: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    article = tmp_path / "quill.md"
    article.write_text(ARTICLE)
    graphkit = str(Path(sys.executable).with_name("graphkit"))
    meta = ["--publisher", "Example Lab", "--published", "2025-05-02"]
    extract = subprocess.Popen([graphkit, "extract", str(article), *meta], stdout=subprocess.PIPE)
    load = subprocess.run(
        [graphkit, "load", "-", "--store", target, "--no-catalog", "-f", "json"],
        stdin=extract.stdout,
        capture_output=True,
        text=True,
        timeout=300,  # the environment: the runner fixture's (the test server's password)
    )
    assert extract.wait(timeout=300) == 0
    assert load.returncode == 0, load.stderr
    [row] = json.loads(load.stdout)
    assert (row["path"], row["status"]) == ("-", "loaded")
    assert row["report_id"] == "example-lab-2025-05-02-operation-quiet-quill"
    with open_store(target, read_only=True) as store:
        q = "MATCH (r:Report)-[:DESCRIBES]->(c:Campaign) RETURN r.publisher, c.name"
        assert store.run(q).rows == [["Example Lab", "Operation Quiet Quill"]]


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (ARTICLE, "loaded"),  # report text, drafted on the way
        ("<html><body><h1>Operation Quiet Quill</h1><p>" + ARTICLE[25:] + "</p></html>", "loaded"),
    ],
)
def test_report_text_on_standard_input_takes_its_title_publisher_and_date(
    runner: CliRunner, target: str, data: str, status: str
) -> None:
    meta = ["--publisher", "Example Lab", "--published", "2025-05-02", "--title", "Quill"]
    res = runner.invoke(
        app, ["load", "-", "--store", target, "--no-catalog", "-f", "json", *meta], input=data
    )
    assert res.exit_code == 0, res.stderr
    [row] = json.loads(res.stdout)
    assert (row["status"], row["report_id"]) == (status, "example-lab-2025-05-02-quill")
    with open_store(target, read_only=True) as store:
        q = "MATCH (r:Report) RETURN r.name, r.publisher, r.published"
        assert store.run(q).rows == [["Quill", "Example Lab", "2025-05-02"]]
        q = "MATCH (r:Report)-[:DESCRIBES]->(c)-[:ATTRIBUTED_TO]->(a) RETURN a.id"
        assert store.run(q).rows == [["apt42"]]


def test_a_text_file_takes_a_publisher_and_findings_refuse_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "quill.txt"
    article.write_text(ARTICLE)
    store = str(tmp_path / "store")
    res = runner.invoke(app, ["load", str(article), "-s", store, "-f", "json", "--no-catalog"])
    assert json.loads(res.stdout)[0]["report_id"].startswith("unknown-publisher-")
    res = runner.invoke(
        app,
        ["load", str(article), "-s", store, "-f", "json", "--publisher", "Example Lab"],
    )
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)[0]["report_id"].startswith("example-lab-")
    findings_file = write(tmp_path / "a.yaml", BASE)
    res = runner.invoke(app, ["load", "-", "-s", store, "--publisher", "X", "-q"], input="")
    assert res.exit_code == EXIT_INPUT
    assert res.stderr.strip() == "error: <stdin>: file is empty"
    res = runner.invoke(
        app,
        ["load", "-", "-s", store, "--publisher", "X", "-q"],
        input=findings_file.read_text(),
    )
    assert res.exit_code == EXIT_INPUT
    assert res.stderr.strip() == (
        "error: <stdin>: a title, publisher or date is for report text the extractor drafts "
        "from: findings and STIX bundles state their own"
    )


def test_every_choice_takes_any_case_and_help_names_the_choices(runner: CliRunner) -> None:
    import typer.main

    group = typer.main.get_command(app)
    choices = 0
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            desc = param.type_descriptor  # typer's own: 0.29 keeps no click types
            if desc.is_choice:
                choices += 1
                assert not desc.case_sensitive, f"{name} {param.name}"
    assert choices >= 10  # the formats, measures, mappers, dialects, colours and sizes
    res = runner.invoke(app, ["extract", "--techniques", "RULES", "--help"])
    assert res.exit_code == 0 and "both|learned|rules" in res.stdout
    res = runner.invoke(app, ["stats", "--format", "yaml"])
    assert res.exit_code == 2 and "'yaml' is not one of 'table', 'json'" in res.stderr
