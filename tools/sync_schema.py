"""Regenerate what the schema module generates: cypher/schema*.cypher and the README table.

Run with `make schema` after changing graphkit/schema.py; tests/test_schema.py fails until then.
"""

from __future__ import annotations

import re
from pathlib import Path

from graphkit.schema import ladybug_ddl, markdown_table, neo4j_schema_cypher

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    (ROOT / "cypher" / "schema.cypher").write_text(neo4j_schema_cypher())
    (ROOT / "cypher" / "schema.ladybug.cypher").write_text(";\n".join(ladybug_ddl()) + ";\n")
    readme = ROOT / "README.md"
    text = readme.read_text()
    block = "<!-- schema:start -->\n" + markdown_table() + "<!-- schema:end -->"
    readme.write_text(
        re.sub(r"<!-- schema:start -->\n.*?<!-- schema:end -->", block, text, flags=re.S)
    )


if __name__ == "__main__":
    main()
