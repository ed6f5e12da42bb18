"""Names wherever an id is asked, and report data apart from catalog data, on both stores."""

from __future__ import annotations

import pytest

from graphkit.counts import count_graph
from graphkit.graphdata import GraphData, fetch_graph
from graphkit.lookup import UnknownNameError
from graphkit.querylib import find_query, parse_query, run_query
from graphkit.store import GraphStore
from tests.test_querylib import EXAMPLE_PARAMS

# What an analyst types, and the id it stands for (written by hand from the corpus and the
# vocabularies, not by the code).
NAMES = [
    ("actors-by-country", "country", "North Korea", "KP"),
    ("actors-by-country", "country", "kp", "KP"),
    ("actors-by-country", "country", "North Korean", "KP"),
    ("sectors-by-country", "country", "China-based", "CN"),
    ("actor-campaigns", "actor", "fancy bear", "apt28"),
    ("actor-profile", "actor", "emerald sleet", "kimsuky"),
    ("actor-profile", "actor", "north korean IT workers", "north-korean-it-workers"),
    ("similar-actors", "actor", "G0094", "kimsuky"),
    ("chain", "sector", "semiconductor", "semiconductors"),
    ("chain", "language", "Chinese", "zh"),
    ("chain", "language", "ZH", "zh"),
    (
        "report-additions",
        "report",
        "Staying ahead of threat actors in the age of AI",
        "microsoft-2024-02-14-staying-ahead",
    ),
    ("neighbourhood", "id", "Fancy Bear", "apt28"),
    ("relationship-evidence", "target", "Russia", "RU"),
]


@pytest.mark.parametrize(("qid", "param", "name", "ident"), NAMES)
def test_a_name_gives_the_rows_of_its_id(
    corpus: GraphStore, qid: str, param: str, name: str, ident: str
) -> None:
    q = find_query(qid)
    base = EXAMPLE_PARAMS.get(qid, {})
    by_id = run_query(corpus, q, {**base, param: ident})
    assert by_id.rows, f"{qid} finds nothing for {ident}"
    by_name = run_query(corpus, q, {**base, param: name}).rows
    # Some queries (neighbourhood: a UNION ALL) fix no row order; the rows must be the same.
    assert sorted(map(repr, by_name)) == sorted(map(repr, by_id.rows))


def test_north_korea_by_name_finds_its_actors(corpus: GraphStore) -> None:
    rows = run_query(corpus, find_query("actors-by-country"), {"country": "North Korea"}).rows
    assert {"Kimsuky", "APT38"} <= {r[2] for r in rows}
    assert {r[0] for r in rows} == {"KP"}


@pytest.mark.parametrize(
    ("qid", "given", "message"),
    [
        (
            "actors-by-country",
            {"country": "Norh Korea"},
            "unknown country 'Norh Korea': did you mean North Korea (KP)?",
        ),
        (
            "actor-campaigns",
            {"actor": "Fancy Baer"},
            "unknown actor 'Fancy Baer': did you mean Fancy Bear (apt28)?",
        ),
        (
            "chain",
            {"sector": "semiconductorz"},
            "unknown sector 'semiconductorz': did you mean Semiconductors (semiconductors)?",
        ),
        (
            "report-additions",
            {"report": "microsoft-2024-02-14"},
            "unknown report 'microsoft-2024-02-14': did you mean Staying ahead of threat actors "
            "in the age of AI (microsoft-2024-02-14-staying-ahead)?",
        ),
        (
            "neighbourhood",
            {"id": "Nobody At All"},
            "nothing in the graph is called 'Nobody At All'",
        ),
    ],
)
def test_an_unknown_name_is_an_error_naming_the_nearest(
    corpus: GraphStore, qid: str, given: dict[str, str], message: str
) -> None:
    with pytest.raises(UnknownNameError) as info:
        run_query(corpus, find_query(qid), given)
    assert str(info.value) == message


def test_a_name_two_things_share_asks_for_the_id(corpus: GraphStore) -> None:
    with pytest.raises(UnknownNameError, match=r"'Phishing' names more than one thing: .*T1566"):
        run_query(
            corpus,
            parse_query(
                "// ---\n// id: t\n// name: t\n// category: t\n"
                "// description: t.\n// parameters:\n"
                "//   - {name: t, type: technique}\n// columns: [id]\n"
                "// ---\nMATCH (x:Technique {id: $t}) RETURN x.id AS id"
            ),
            {"t": "Phishing"},
        )


def test_catalog_data_counts_only_with_reference(corpus: GraphStore) -> None:
    q = find_query("actor-campaigns")
    reported = run_query(corpus, q, {"actor": "APT28"}).rows
    assert sorted(r[1] for r in reported) == ["Forest Blizzard LLM use", "PROMPTSTEAL"]
    everything = run_query(corpus, q, {"actor": "APT28"}, reference=True).rows
    extra = [r for r in everything if r not in reported]
    assert extra and all(r[5] == ["mitre-attack-v18.1"] for r in extra)
    # a sub-technique's parent and an LLM-themed technique's nearest ATT&CK technique are the
    # catalogs' word, not a report's
    n = find_query("neighbourhood")
    near = run_query(corpus, n, {"id": "T1566.001"}, reference=True).rows  # UNION ALL: no order
    assert ["SUBTECHNIQUE_OF", "out", "Technique", "T1566"] in [r[:4] for r in near]
    assert "SUBTECHNIQUE_OF" not in {r[0] for r in run_query(corpus, n, {"id": "T1566.001"}).rows}
    maps = {r[0] for r in run_query(corpus, n, {"id": "llm-aided-development"}).rows}
    assert "MAPS_TO" not in maps and "USES" in maps
    found = run_query(corpus, find_query("find-entity"), {"text": "spearphishing"}).rows
    assert {r[1] for r in found} == {"T1566.001"}  # the one a report names, not T1566.002/003


def test_counts_of_what_reports_say_and_of_everything(corpus: GraphStore) -> None:
    counts = count_graph(corpus)
    reported = {label: n for label, (n, _) in counts["nodes"].items()}
    # the sample corpus, as the README describes it
    assert reported["Actor"] == 85 and reported["Campaign"] == 101
    assert (reported["Country"], reported["Language"], reported["Sector"]) == (49, 21, 22)
    assert reported["Platform"] == 10 and reported["Report"] == 28
    assert counts["nodes"]["Technique"][1] > 650 and counts["nodes"]["Actor"][1] > 150
    assert counts["relationships"]["SUBTECHNIQUE_OF"][0] == 0
    assert counts["relationships"]["MAPS_TO"][0] == 0
    # the Cypher count and the picture's filter agree
    graph = fetch_graph(corpus)
    assert sum(t for _, t in counts["nodes"].values()) == len(graph.nodes)
    picture = graph.reported_only()
    assert sum(n for n, _ in counts["nodes"].values()) == len(picture.nodes)
    assert sum(n for n, _ in counts["relationships"].values()) == len(picture.edges)


def test_a_picture_finds_a_node_by_any_of_its_names() -> None:
    g = GraphData(
        {
            "Country:KP": {"kind": "Country", "id": "KP", "name": "North Korea"},
            "Language:ko": {"kind": "Language", "id": "ko", "name": "Korean"},
            "Actor:kimsuky": {
                "kind": "Actor",
                "id": "kimsuky",
                "name": "Kimsuky",
                "aliases": ["Emerald Sleet", "Velvet Chollima"],
            },
        },
        [],
    )
    assert g.find("North Korean") == "Country:KP"  # a demonym, through the vocabulary
    assert g.find("kp") == "Country:KP"
    assert g.find("velvet chollima") == "Actor:kimsuky"
    assert g.find("G0094") == "Actor:kimsuky"  # ATT&CK's id for Kimsuky
    assert g.find("Korean", "Language") == "Language:ko"
    with pytest.raises(UnknownNameError, match="did you mean Emerald Sleet \\(kimsuky\\)"):
        g.find("Emerald Sleat")
    with pytest.raises(UnknownNameError, match="the catalogs know it as Actor apt1"):
        g.find("APT1")
