"""The schema is the one source: generated files and docs must not drift from it."""

from __future__ import annotations

import re
from pathlib import Path

from graphkit.findings import findings_json_schema
from graphkit.schema import (
    CATALOG_SOURCES,
    NODES,
    RELS,
    ladybug_ddl,
    markdown_table,
    neo4j_schema_cypher,
)
from graphkit.vocab import SECTORS

ROOT = Path(__file__).parent.parent


def test_schema_cypher_file_is_generated_from_the_schema() -> None:
    assert (ROOT / "cypher" / "schema.cypher").read_text() == neo4j_schema_cypher()


def test_ladybug_ddl_file_is_generated_from_the_schema() -> None:
    text = (ROOT / "cypher" / "schema.ladybug.cypher").read_text()
    assert text == ";\n".join(ladybug_ddl()) + ";\n"


def test_readme_schema_table_is_generated_from_the_schema() -> None:
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"<!-- schema:start -->\n(.*?)<!-- schema:end -->", readme, re.S)
    assert block, "README.md lacks the schema block"
    assert block.group(1) == markdown_table()


def test_every_node_key_has_a_uniqueness_constraint() -> None:
    text = neo4j_schema_cypher()
    for label in NODES:
        assert f"FOR (n:{label}) REQUIRE n.id IS UNIQUE" in text


def test_endpoints_name_declared_labels() -> None:
    for rel in RELS.values():
        for src, dst in rel.endpoints:
            assert src in NODES and dst in NODES


def test_json_schema_lists_the_sector_vocabulary_rules() -> None:
    schema = findings_json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["required"] == ["report"]
    assert {"campaigns", "actors"} <= set(schema["properties"])
    assert schema["$defs"]["CampaignFindings"]["additionalProperties"] is False
    assert set(SECTORS) >= {"semiconductors", "think-tanks", "ai-providers"}


def test_the_review_queue_reads_a_range_index_on_every_type_it_names() -> None:
    from graphkit.querylib import load_library

    text = neo4j_schema_cypher()
    q = load_library()["review-queue"]
    named = q.cypher.split("[r:", 1)[1].split("]", 1)[0].split("|")
    assert named
    assert re.findall(r"\[r:(\w+)\]", q.text_for("neo4j")) == named  # Neo4j's own text
    for rel in named:
        assert f"FOR ()-[r:{rel}]-() ON (r.review_key);" in text
    assert "[r:MENTIONS]" not in text


def test_the_catalogs_cite_the_sources_the_schema_names() -> None:
    from graphkit.atlas import ATLAS_SOURCE
    from graphkit.build import ATTACK_SOURCE
    from graphkit.catalog import LLM_SOURCE, llm_batch

    assert set(CATALOG_SOURCES) == {ATTACK_SOURCE, ATLAS_SOURCE, LLM_SOURCE}
    cited = {s for e in llm_batch().edges.values() for s in e["sources"]}
    assert cited and cited <= set(CATALOG_SOURCES)
