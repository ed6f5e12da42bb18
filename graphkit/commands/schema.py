"""`graphkit schema`: the findings JSON Schema and the graph schema, generated from code."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from graphkit.commands.common import app, print_json
from graphkit.findings import findings_json_schema
from graphkit.schema import ladybug_ddl, markdown_table, neo4j_schema_cypher


class Dialect(StrEnum):
    neo4j = "neo4j"
    ladybug = "ladybug"


@app.command()
def schema(
    json_schema: Annotated[
        bool,
        typer.Option("--json-schema", help="Print the JSON Schema of the findings format instead."),
    ] = False,
    cypher: Annotated[
        Dialect | None,
        typer.Option(
            "--cypher",
            case_sensitive=False,
            help="Print the graph schema as DDL instead: neo4j (constraints) or ladybug.",
        ),
    ] = None,
) -> None:
    """Print the schema: by default the graph model as a Markdown table."""
    if json_schema:
        print_json(findings_json_schema())
    elif cypher is Dialect.neo4j:
        sys.stdout.write(neo4j_schema_cypher())
    elif cypher is Dialect.ladybug:
        sys.stdout.write(";\n".join(ladybug_ddl()) + ";\n")
    else:
        sys.stdout.write(markdown_table())
