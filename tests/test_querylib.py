"""The query library: well-formed, and the same rows on LadybugDB and Neo4j."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from graphkit.errors import InputError, QueryError
from graphkit.querylib import (
    IMPLICIT,
    bind,
    find_query,
    load_library,
    parse_query,
    run_query,
    used_parameters,
)
from graphkit.store import GraphStore
from graphkit.store.base import WRITE_REFUSED

# Parameters an analyst would pass against the sample corpus (chosen by hand, not by the code).
EXAMPLE_PARAMS: dict[str, dict[str, Any]] = {
    "actor-profile": {"actor": "Fancy Bear"},
    "actor-campaigns": {"actor": "APT28"},
    "similar-actors": {"actor": "Kimsuky"},
    "relationship-evidence": {"source": "apt28", "target": "RU"},
    "report-additions": {"report": "microsoft-2024-02-14-staying-ahead"},
    "connections": {"from": "apt28", "to": "kimsuky"},
    "neighbourhood": {"id": "kimsuky"},
    "find-entity": {"text": "typhoon"},
    "sector-languages-techniques": {"sector": "think-tanks"},
}

# Queries an analyst writes against the documented schema, not from the library.
ANALYST_QUERIES = [
    "MATCH (a:Actor)-[:TARGETS]->(s:Sector) RETURN s.id AS sector, count(DISTINCT a) AS n "
    "ORDER BY n DESC, sector",
    "MATCH (a:Actor) OPTIONAL MATCH (a)-[:USES_LANGUAGE]->(l:Language) "
    "RETURN a.id AS actor, l.id AS language ORDER BY actor",
    "MATCH (a:Actor)-[r:USES]->(t:Technique) WHERE r.confidence >= 80 "
    "WITH a, collect(DISTINCT t.id) AS ts RETURN a.name AS actor, ts ORDER BY actor",
    "MATCH (c:Campaign)-[:ATTRIBUTED_TO]->(a:Actor)-[:LINKED_TO]->(k:Country {id: 'CN'}) "
    "RETURN DISTINCT a.name AS actor ORDER BY actor LIMIT 3",
    "MATCH (t:Technique {framework: 'llm'})<-[u:USES]-(x:Campaign) "
    "RETURN t.id AS technique, count(x) AS campaigns, max(u.confidence) AS best "
    "ORDER BY campaigns DESC, technique",
    "MATCH (r:Report) RETURN r.publisher AS publisher, count(r) AS reports ORDER BY publisher",
]


def normal(value: Any) -> Any:
    """Rows compared without order: lists sorted, floats to 9 places (summation order)."""
    if isinstance(value, list):
        return sorted((normal(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, float):
        return round(value, 9) if math.isfinite(value) else value
    return value


def test_the_library_is_well_formed() -> None:
    lib = load_library()
    assert len(lib) >= 20
    for qid, q in lib.items():
        assert q.meta is not None and q.path is not None
        assert Path(q.path).stem == qid, "a query file is named after its id"
        declared = {p.name for p in q.meta.parameters}
        assert declared == used_parameters(q.cypher) - IMPLICIT, qid
        assert not declared & IMPLICIT, qid
        assert q.meta.description.endswith("."), qid


def test_every_example_names_a_query_and_its_parameters() -> None:
    lib = load_library()
    for qid, params in EXAMPLE_PARAMS.items():
        assert qid in lib
        assert set(params) <= {p.name for p in lib[qid].meta.parameters}  # type: ignore[union-attr]


@pytest.mark.parametrize("qid", sorted(load_library()))
def test_each_query_runs_on_the_embedded_store(corpus_embedded: GraphStore, qid: str) -> None:
    q = load_library()[qid]
    result = run_query(corpus_embedded, q, EXAMPLE_PARAMS.get(qid, {}))
    assert q.meta is not None
    assert result.columns == q.meta.columns
    assert result.rows, f"{qid} returns nothing on the sample corpus"


@pytest.mark.neo4j
@pytest.mark.parametrize("qid", sorted(load_library()))
def test_each_query_returns_the_same_rows_on_both_stores(
    corpus_embedded: GraphStore, corpus_neo4j: GraphStore, qid: str
) -> None:
    q = load_library()[qid]
    params = EXAMPLE_PARAMS.get(qid, {})
    on_embedded = run_query(corpus_embedded, q, params)
    on_neo4j = run_query(corpus_neo4j, q, params)
    assert on_embedded.columns == on_neo4j.columns
    assert normal(on_embedded.rows) == normal(on_neo4j.rows)


def test_the_review_queue_reads_every_relationship_type_but_mentions() -> None:
    # The pattern names its types (the largest one, MENTIONS, left out for speed): a type the
    # schema gains must be added there too.
    from graphkit.schema import RELS

    q = load_library()["review-queue"]
    named = q.cypher.split("[r:", 1)[1].split("]", 1)[0].split("|")
    assert sorted(named) == sorted(set(RELS) - {"MENTIONS"})
    # Neo4j's own text reads each type apart, from its index
    assert sorted(re.findall(r"\(\)-\[r:(\w+)\]->\(\)", q.text_for("neo4j"))) == sorted(named)


def test_a_store_may_have_its_own_text_with_the_same_parameters() -> None:
    head = (
        "// ---\n// id: q\n// name: q\n// category: c\n// description: d.\n"
        "// columns: [x]\n// ---\n"
    )
    q = parse_query(head + "RETURN $a AS x\n// --- for neo4j\n// why\nRETURN $a + 0 AS x\n")
    assert q.cypher == "RETURN $a AS x"
    assert q.text_for("neo4j") == "// why\nRETURN $a + 0 AS x"
    assert q.text_for("ladybug") == q.cypher
    with pytest.raises(InputError, match="its text for neo4j takes other parameters"):
        parse_query(head + "RETURN $a AS x\n// --- for neo4j\nRETURN $b AS x\n")
    with pytest.raises(InputError, match="no such store"):
        parse_query(head + "RETURN $a AS x\n// --- for oracle\nRETURN $a AS x\n")


@pytest.mark.parametrize("qid", ["connections", "neighbourhood", "relationship-evidence"])
def test_queries_that_find_a_node_by_id_alone_name_every_label(qid: str) -> None:
    # Neo4j looks a node up by its key only under a label: these name them all, so a label the
    # schema gains must be added there too.
    from graphkit.schema import NODES

    cypher = load_library()[qid].cypher
    patterns = re.findall(r"\(\w+:([\w|]+) \{id: \$\w+\}\)", cypher)
    assert patterns
    assert all(sorted(p.split("|")) == sorted(NODES) for p in patterns), qid


# The queries that page, the parameters that make their whole list long on the sample corpus,
# and how many leading columns are their sort keys.
PAGED: dict[str, tuple[dict[str, str], int]] = {
    "actor-campaigns": ({"actor": "spamouflage-operators"}, 3),
    # ordered by its stored key, which no two facts share (ids, not the names it returns):
    # the whole row is the key here
    "review-queue": ({"below": "101"}, 8),
    "reports-timeline": ({}, 2),
    "campaigns-per-report": ({}, 3),
    "find-entity": ({"text": "a"}, 2),
    "multi-report-actors": ({}, 2),
    "connections": ({"from": "apt28", "to": "kimsuky"}, 2),
}


def test_the_schema_holds_what_the_queries_count_by_degree() -> None:
    # top-techniques counts the campaigns as the users of a technique that are not actors;
    # unattributed-campaigns takes any ATTRIBUTED_TO edge of a campaign as one to an actor.
    from graphkit.schema import RELS

    assert {src for src, _ in RELS["USES"].endpoints} == {"Actor", "Campaign"}
    assert RELS["ATTRIBUTED_TO"].endpoints == (("Campaign", "Actor"),)


def test_every_query_with_a_limit_and_a_skip_is_tested_for_paging() -> None:
    paging = {
        qid for qid, q in load_library().items() if {"skip", "limit"} <= used_parameters(q.cypher)
    }
    assert paging == set(PAGED)


@pytest.mark.parametrize("qid", sorted(PAGED))
def test_pages_join_into_the_whole_list(corpus: GraphStore, qid: str) -> None:
    # (before the tests that empty the Neo4j server: the corpus there is loaded once a module)
    # With the catalogs' own data (--reference), and pages of 2: every list is long enough.
    q = load_library()[qid]
    params, keys = PAGED[qid]

    def page(**more: str) -> list[list[Any]]:
        return run_query(corpus, q, {**params, **more}, reference=True).rows

    whole = page(limit="100000")
    assert len(whole) > 3, f"the sample corpus gives {qid} more than a page of 2"
    assert len(whole) < 100000, "the whole list fits in one page"
    first, second = page(limit="2"), page(limit="2", skip="2")
    assert len(first) == 2 and second
    # the sort keys, as a multiset: rows that tie keep no order
    assert sorted(map(repr, (r[:keys] for r in first + second))) == sorted(
        map(repr, (r[:keys] for r in whole[:4]))
    )
    assert page(skip=str(len(whole))) == []


@pytest.mark.neo4j
@pytest.mark.parametrize("cypher", ANALYST_QUERIES)
def test_analyst_queries_return_the_same_rows(
    corpus_embedded: GraphStore, corpus_neo4j: GraphStore, cypher: str
) -> None:
    a = corpus_embedded.run(cypher)
    b = corpus_neo4j.run(cypher)
    assert a.rows, cypher
    assert a.columns == b.columns
    assert normal(a.rows) == normal(b.rows)


@pytest.mark.neo4j
def test_nodes_and_relationships_come_back_alike(
    corpus_embedded: GraphStore, corpus_neo4j: GraphStore
) -> None:
    cypher = "MATCH (a:Actor {id: 'apt28'})-[r:LINKED_TO]->(c:Country) RETURN a, r, c"
    a = corpus_embedded.run(cypher).rows
    b = corpus_neo4j.run(cypher).rows
    assert normal(a) == normal(b)
    assert a[0][1]["source"] == "apt28" and a[0][1]["target"] == "RU"
    assert a[0][2] == {"id": "RU", "name": "Russia", "kind": "Country", "reference": False}


def test_a_write_is_refused_in_read_mode(store: GraphStore) -> None:
    with pytest.raises(QueryError) as info:
        store.run("CREATE (:Actor {id: 'x', name: 'x'})")
    assert str(info.value) == WRITE_REFUSED
    store.run("CREATE (:Actor {id: 'x', name: 'x'})", write=True)
    assert store.run("MATCH (a:Actor) RETURN a.id AS id").rows == [["x"]]


def test_a_syntax_error_is_one_line_with_a_position(store: GraphStore) -> None:
    with pytest.raises(QueryError) as info:
        store.run("MATCH (a:Actor RETURN a")
    message = str(info.value)
    assert "\n" not in message
    assert "offset" in message and "15" in message


def test_unknown_query_id_suggests_the_nearest() -> None:
    with pytest.raises(QueryError, match="did you mean similar-actors"):
        find_query("similar-actor")


def test_missing_and_unknown_parameters_are_named() -> None:
    q = find_query("actor-profile")
    with pytest.raises(QueryError, match=r"missing parameter \$actor \(an actor's name or id\)"):
        bind(q, {})
    with pytest.raises(QueryError, match="takes no parameter colour"):
        bind(q, {"actor": "APT28", "colour": "red"})
    assert bind(find_query("top-techniques"), {"limit": "5"}) == {"limit": 5}
    with pytest.raises(QueryError, match="takes a whole number, not 'five'"):
        bind(find_query("top-techniques"), {"limit": "five"})


def test_parameters_inside_strings_and_comments_do_not_count() -> None:
    q = parse_query("// $nope\nMATCH (a) WHERE a.name = '$not' RETURN a LIMIT $limit")
    assert used_parameters(q.cypher) == {"limit"}


def test_a_missing_query_file_says_so() -> None:
    with pytest.raises(InputError, match=r"missing\.cypher: no such file"):
        find_query("missing.cypher")
    with pytest.raises(InputError, match="queries/chain: no such file"):
        find_query("queries/chain")


def test_reference_and_catalogs_are_not_parameters_to_give() -> None:
    with pytest.raises(QueryError, match="sets \\$reference and \\$catalogs itself"):
        bind(find_query("actor-campaigns"), {"actor": "apt28", "reference": "true"})
    assert bind(find_query("actor-campaigns"), {"actor": "apt28"}, reference=True) == {
        "actor": "apt28",
        "reference": True,
        "limit": 200,
        "skip": 0,
    }


def test_a_review_threshold_reaches_the_query_as_the_queue_keys_bound() -> None:
    from graphkit.querylib import bind

    q = load_library()["review-queue"]
    assert bind(q, {})["below"] == "1050"  # the default, 50
    assert [bind(q, {"below": b})["below"] for b in ("60", 7, -5, 1000)] == [
        "1060",
        "1007",
        "1000",
        "1101",
    ]
    for bad in ("high", True, 5.5):
        with pytest.raises(QueryError, match="parameter below takes a confidence threshold"):
            bind(q, {"below": bad})
