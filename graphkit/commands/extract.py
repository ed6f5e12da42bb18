"""`graphkit extract`: report text into draft findings for review."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from graphkit.commands.common import app, err, handled, print_json
from graphkit.commands.text import shown
from graphkit.extract import extract_findings
from graphkit.extract.output import draft_graph, draft_yaml
from graphkit.extract.trained import cache_path
from graphkit.files import write_atomic
from loaders.text import read_text


class DraftFormat(StrEnum):
    yaml = "yaml"
    json = "json"


class Mapper(StrEnum):
    both = "both"
    learned = "learned"
    rules = "rules"


@app.command()
def extract(
    report: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A report as .txt, .md, .html or .pdf (.rst, .adoc and .csv read as plain text).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the draft here; without it, standard output.",
        ),
    ] = None,
    fmt: Annotated[
        DraftFormat,
        typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="yaml: a findings file to review; json: the graph form.",
        ),
    ] = DraftFormat.yaml,
    title: Annotated[
        str | None, typer.Option(metavar="TITLE", help="The report's title, if the text lacks it.")
    ] = None,
    publisher: Annotated[
        str | None, typer.Option(metavar="NAME", help="The publisher, if the text lacks it.")
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(
            metavar="DATE", help="The publication date (YYYY-MM-DD), if the text lacks it."
        ),
    ] = None,
    techniques: Annotated[
        Mapper,
        typer.Option(
            case_sensitive=False,
            help="How techniques are found besides their ids and names: the model learned "
            "from ATT&CK's procedure examples, the cue words, or both.",
        ),
    ] = Mapper.both,
) -> None:
    """Draft findings from a report's text: every fact with its evidence sentence and a confidence.

    The YAML draft is a findings file: review it, then `graphkit load` it. `graphkit load
    report.pdf` extracts and loads in one step, marking the facts as machine-extracted.
    """
    with handled():
        text = read_text(report)
        if techniques is not Mapper.rules and not cache_path().exists():
            err.print("training the technique model once (under a minute, no network)")
        draft = extract_findings(
            text,
            path=str(report),
            title=title,
            publisher=publisher,
            published=published,
            techniques=techniques.value,
        )
        if fmt is DraftFormat.json:
            if output is None:
                print_json(draft_graph(draft))
                return
            import json

            body = json.dumps(draft_graph(draft), indent=2, ensure_ascii=False) + "\n"
        else:
            body = draft_yaml(draft, report.name)
        if output is None:
            sys.stdout.write(body)
            return
        write_atomic(body, output)
    facts = sum(
        len(c.languages) + len(c.techniques) + len(c.platforms) + len(c.targets.sectors)
        + len(c.targets.countries) + len(c.all_actors)
        for c in draft.campaigns
    )  # fmt: skip
    err.print(shown(f"wrote {output}: {len(draft.campaigns)} campaigns, {facts} facts to review"))
