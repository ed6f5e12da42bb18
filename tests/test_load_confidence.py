"""`graphkit load TEXT` writes the drafted facts at or above --min-confidence and lists the
others for review; findings files keep every fact. The store is the real embedded one."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.commands import register_all
from graphkit.extract import extract_findings
from graphkit.extract.confidence import LOAD_THRESHOLD, drafted_facts
from graphkit.store import open_store

register_all()

TEXT = (
    "# Notes\n\n## Ash Kite\n\nChilean hackers likely sent phishing emails to the Uyghur "
    "community in broken English and used Claude to write scripts. They debugged code and "
    "scanned networks.\n"
)
META = ["--publisher", "Example Lab", "--published", "2025-06-05"]


def _techniques(store: str) -> set[str]:
    with open_store(store, read_only=True) as s:
        rows = s.run("MATCH (:Campaign)-[:USES]->(t:Technique) RETURN t.id AS id").rows
    return {r[0] for r in rows}


def test_facts_below_the_threshold_are_listed_not_written(tmp_path: Path) -> None:
    article = tmp_path / "ash.md"
    article.write_text(TEXT)
    facts = drafted_facts(extract_findings(TEXT, publisher="Example Lab", published="2025-06-05"))
    uses = {d.id: d.confidence for d in facts if d.kind == "USES"}
    threshold = 70
    low = {t for t, c in uses.items() if c < threshold}
    high = {t for t, c in uses.items() if c >= threshold}
    assert low and high  # the text has techniques on both sides of the threshold
    runner = CliRunner()
    store = str(tmp_path / "store")
    args = ["load", str(article), "-s", store, "--no-catalog", *META]
    res = runner.invoke(app, [*args, "--min-confidence", str(threshold)])
    assert res.exit_code == 0, res.stderr
    assert f"below confidence {threshold}" in res.stdout
    assert all(t in res.stdout for t in low)
    written = _techniques(store)
    assert high <= written and not low & written
    res = runner.invoke(app, [*args, "--min-confidence", "0", "--replace"])
    assert res.exit_code == 0, res.stderr
    assert "below confidence" not in res.stdout
    assert low | high <= _techniques(store)


def test_the_default_threshold_is_documented() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    assert f"--min-confidence` (default {LOAD_THRESHOLD})" in readme
