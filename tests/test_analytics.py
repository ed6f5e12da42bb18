"""Similar actors, communities, centrality: on hand-made graphs and the sample corpus."""

from __future__ import annotations

import pytest

from graphkit.analytics import centrality, communities, similar_actors
from graphkit.errors import GraphkitError
from graphkit.graphdata import GraphData


def actor(i: str) -> tuple[str, dict]:
    return f"Actor:{i}", {"kind": "Actor", "id": i, "name": i.upper()}


def edge(kind: str, src: str, dst: str, source: str) -> dict:
    return {"kind": kind, "source": f"Actor:{src}", "target": dst, "sources": [source]}


@pytest.fixture
def small() -> GraphData:
    nodes = dict([actor("a"), actor("b"), actor("c")])
    for key, kind in (("Technique:T1566", "Technique"), ("Technique:T1566.001", "Technique"),
                      ("Sector:defense", "Sector"), ("Language:ru", "Language"),
                      ("Technique:T1059", "Technique")):  # fmt: skip
        nodes[key] = {"kind": kind, "id": key.split(":", 1)[1], "name": key}
    edges = [
        edge("USES", "a", "Technique:T1566", "r1"),
        edge("USES", "b", "Technique:T1566.001", "r2"),  # the same behaviour at parent level
        edge("TARGETS", "a", "Sector:defense", "r1"),
        edge("TARGETS", "b", "Sector:defense", "r2"),
        edge("USES_LANGUAGE", "a", "Language:ru", "r1"),
        edge("USES", "c", "Technique:T1566", "r3"),
        edge("USES", "c", "Technique:T1059", "r3"),
    ]
    return GraphData(nodes, edges)


def test_similar_actors_rank_by_weighted_overlap(small: GraphData) -> None:
    ranked = similar_actors(small, "A")
    assert [r.name for r in ranked] == ["B", "C"]
    b, c = ranked
    # B shares T1566 (1/1) and defense (1/1), not ru (0/1): (0.4 + 0.35) / 1.0
    assert b.score == pytest.approx(0.75)
    assert b.shared == {"USES": ["T1566"], "TARGETS": ["defense"]}
    assert b.sources == ["r1", "r2"]
    # C shares T1566 of {T1566, T1059}; A and C have no common targets or languages,
    # but A has them, so those weights count: 0.4 * 1/2 / 1.0
    assert c.score == pytest.approx(0.2)


def test_similar_refuses_what_is_not_an_actor(small: GraphData) -> None:
    with pytest.raises(GraphkitError, match="not an Actor"):
        similar_actors(small, "defense")
    with pytest.raises(GraphkitError, match="nothing in the graph"):
        similar_actors(small, "nobody")


@pytest.fixture(scope="module")
def corpus(corpus_graph: GraphData) -> GraphData:
    """The sample corpus alone (conftest.py loads it once a session)."""
    return corpus_graph


def test_emerald_sleet_finds_north_korean_peers(corpus: GraphData) -> None:
    ranked = similar_actors(corpus, "Emerald Sleet", top=3)
    names = [r.name for r in ranked]
    assert "APT38" in names
    assert all(r.sources for r in ranked)
    assert ranked == sorted(ranked, key=lambda r: -r.score)


def test_communities_cover_every_node_deterministically(corpus: GraphData) -> None:
    a, b = communities(corpus), communities(corpus)
    assert a == b
    assert set(a) == set(corpus.nodes)
    assert 2 <= len(set(a.values())) < len(corpus.nodes)


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank"])
def test_centrality_of_actors(corpus: GraphData, measure: str) -> None:
    rows = centrality(corpus, "Actor", measure, top=5)
    assert len(rows) == 5 and {r["kind"] for r in rows} == {"Actor"}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    if measure == "degree":
        assert rows[0]["name"] == "Kimsuky"  # the actor three reports describe
