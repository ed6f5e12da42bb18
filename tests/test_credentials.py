"""The Neo4j password comes from NEO4J_PASSWORD or a prompt: never from the command line, and
never in an error, a traceback or a file graphkit writes. Against the real test server."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import termios
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, EXIT_STORE, app
from graphkit.commands import register_all
from tests.conftest import NEO4J_PASSWORD, NEO4J_URI
from tests.helpers import BASE, write

register_all()
GRAPHKIT = [sys.executable, "-c", "from graphkit.cli import main; main()"]
SECRET = "s3cret-Not-The-Password-0815"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "GRAPHKIT_STORE"))}
    return {**env, "COLUMNS": "200", **extra}


def test_no_command_takes_a_password_option() -> None:
    command = typer.main.get_command(app)
    options = {
        opt
        for sub in command.commands.values()  # type: ignore[attr-defined]
        for param in sub.params
        for opt in param.opts
    }
    assert "--store" in options  # the walk does see the options
    assert not [o for o in options if any(w in o.lower() for w in ("pass", "auth", "cred"))]


@pytest.mark.parametrize("where", ["--store", "NEO4J_URI"])
def test_a_uri_holding_credentials_is_refused_without_echo(where: str) -> None:
    uri = f"bolt://neo4j:{SECRET}@127.0.0.1:7687"
    args, env = (
        (["stats", "--store", uri], _env())
        if where == "--store"
        else (["stats"], _env(NEO4J_URI=uri))
    )
    res = CliRunner().invoke(app, args, env=env)
    assert res.exit_code == EXIT_INPUT
    assert res.stderr == (
        "error: the store URI holds credentials: put none in it; give them in NEO4J_USERNAME "
        "and NEO4J_PASSWORD (or at the password prompt)\n"
    )
    assert SECRET not in res.stdout + res.stderr


@pytest.mark.neo4j
def test_a_wrong_password_is_one_line_from_a_real_process(neo4j_driver: object) -> None:
    done = subprocess.run(
        [*GRAPHKIT, "stats", "--store", NEO4J_URI],
        env=_env(NEO4J_PASSWORD=SECRET),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == EXIT_STORE
    assert done.stderr == (
        f"error: Neo4j at {NEO4J_URI} refused the credentials of user 'neo4j' (the default "
        "user, the password from $NEO4J_PASSWORD): set NEO4J_USERNAME and NEO4J_PASSWORD\n"
    )
    assert done.stdout == "" and SECRET not in done.stderr and "Traceback" not in done.stderr


def _wait_for_echo_off(fd: int) -> None:
    """Wait until the terminal stops echoing (the password prompt is reading): typed earlier,
    the answer would be flushed away or shown."""
    for _ in range(6000):  # a minute at most: a prompt that shows the input never gets there
        if not termios.tcgetattr(fd)[3] & termios.ECHO:
            return
        select.select([], [], [], 0.01)
    raise AssertionError("the password prompt never turned echo off")


def _run_in_terminal(args: list[str], env: dict[str, str], answer: str) -> tuple[int, str]:
    """Run a command on a pseudo-terminal, type ``answer`` at its prompt; its exit code and
    everything the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: graphkit, its stdin a terminal
        os.execve(sys.executable, [sys.executable, *args[1:]], env)
    shown, answered = b"", False
    while True:
        ready, _, _ = select.select([fd], [], [], 120)
        if not ready:  # a guard against a hang, not a timing check
            os.kill(pid, 9)
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
        if not answered and b"Neo4j password:" in shown:
            _wait_for_echo_off(fd)
            os.write(fd, answer.encode() + b"\n")
            answered = True
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


@pytest.mark.neo4j
def test_without_neo4j_password_a_terminal_is_asked_and_nothing_echoes(
    neo4j_empty: object,
) -> None:
    code, screen = _run_in_terminal(
        [*GRAPHKIT, "stats", "--store", NEO4J_URI, "--format", "json"], _env(), NEO4J_PASSWORD
    )
    assert code == 0, screen
    assert "Neo4j password:" in screen and '"nodes"' in screen
    assert NEO4J_PASSWORD not in screen  # typed, not shown


@pytest.mark.neo4j
def test_exported_files_hold_no_password(neo4j_empty: object, tmp_path: Path) -> None:
    runner, env = CliRunner(), _env(NEO4J_PASSWORD=NEO4J_PASSWORD)
    store = ["--store", NEO4J_URI]
    res = runner.invoke(app, ["load", str(write(tmp_path / "a.yaml", BASE)), *store], env=env)
    assert res.exit_code == 0, res.stderr
    outputs = []
    for fmt in ("stix", "graphml", "json"):
        outputs.append(tmp_path / f"out.{fmt}")
        res = runner.invoke(app, ["export", "-f", fmt, "-o", str(outputs[-1]), *store], env=env)
        assert res.exit_code == 0, res.stderr
    outputs.append(tmp_path / "graph.html")
    res = runner.invoke(app, ["viz", "-o", str(outputs[-1]), *store], env=env)
    assert res.exit_code == 0, res.stderr
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        assert "Alpha report" in text or "lab-2025-01-01-alpha" in text  # the data is there
        assert NEO4J_PASSWORD not in text, path
