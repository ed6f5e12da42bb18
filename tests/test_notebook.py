"""graphkit.notebook on both stores, and the example notebook run from top to bottom (nbclient,
a real kernel), its drawing shown inline in real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graphkit.errors import GraphkitError
from graphkit.notebook import Drawing, NotebookGraph
from graphkit.store import GraphStore
from tests.browser import ARGS, CHROMIUM, WAIT_MS
from tests.conftest import EXAMPLES, in_ci
from tests.helpers import BASE, write

NOTEBOOK = Path(__file__).parent.parent / "examples" / "analyst-tour.ipynb"


def test_queries_take_names_and_answer_as_dataframes(store: GraphStore) -> None:
    g = NotebookGraph(store)
    loaded = g.load(EXAMPLES)
    assert list(loaded["status"]) == ["loaded"] * 28
    nk = g.query("actors-by-country", country="North Korea")
    assert {"APT38", "Kimsuky"} <= set(nk["actor"])  # the issue's own finding
    assert set(nk["country"]) == {"KP"}
    same = g.query("actors-by-country", country="kp")
    assert same.equals(nk)
    mine = g.query("MATCH (a:Actor {id: $id}) RETURN a.name AS name", id="apt28")
    assert mine.to_dict("records") == [{"name": "APT28"}]
    with pytest.raises(GraphkitError, match=r"did you mean North Korea \(KP\)\?"):
        g.query("actors-by-country", country="Norh Korea")
    reports = g.reports()
    assert len(reports) == 28 and {"id", "publisher", "published", "title"} <= set(reports)
    stats = g.stats().set_index(["part", "name"])
    assert stats.loc[("nodes", "Report"), "in reports"] == 28
    assert (
        stats.loc[("nodes", "Actor"), "in reports"] < stats.loc[("nodes", "Actor"), "with catalogs"]
    )


def test_a_subgraph_is_a_networkx_graph_that_draws(store: GraphStore) -> None:
    g = NotebookGraph(store)
    g.load(EXAMPLES)
    around = g.subgraph(focus="emerald sleet", depth=1)  # Kimsuky, by an alias
    assert isinstance(around, nx.MultiDiGraph)
    assert around.nodes["Actor:kimsuky"]["name"] == "Kimsuky"
    assert around.has_edge("Actor:kimsuky", "Country:KP")
    assert all(key == data["kind"] for _, _, key, data in around.edges(keys=True, data=True))
    kinds = {d["kind"] for _, d in g.subgraph(kinds="actor,Country").nodes(data=True)}
    assert kinds == {"Actor", "Country"}
    with pytest.raises(GraphkitError, match="did you mean Kimsuky"):
        g.subgraph(focus="Kimsukyy")
    only_actors = around.subgraph(n for n, d in around.nodes(data=True) if d["kind"] != "Report")
    drawing = g.draw(nx.MultiDiGraph(only_actors))
    assert isinstance(drawing, Drawing)
    assert "Kimsuky" in drawing.html and "Report" not in {
        n["kind"] for n in only_actors.nodes.values()
    }
    frame = drawing._repr_html_()
    assert frame.startswith('<iframe srcdoc="') and "<script" not in frame  # escaped whole


def test_a_store_opened_read_only_refuses_a_load(tmp_path: Path) -> None:
    from graphkit.notebook import open_graph

    with open_graph(tmp_path / "store", write=True) as g:
        g.load(write(tmp_path / "a.yaml", BASE))
    with open_graph(tmp_path / "store") as g:
        assert list(g.reports()["id"]) == ["lab-2025-01-01-alpha"]
        with pytest.raises(GraphkitError, match="open read-only"):
            g.load(write(tmp_path / "b.yaml", BASE))


@pytest.fixture(scope="module")
def tour() -> dict:
    """The example notebook, run from top to bottom in a real kernel as a reader would."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(  # deadlines against a hang (the kernel's start included)
        nb,
        timeout=600,
        startup_timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    )
    client.execute()  # raises CellExecutionError when any cell fails
    return nb


def _outputs(nb: dict, marker: str) -> list[dict]:
    [cell] = [c for c in nb["cells"] if c["cell_type"] == "code" and marker in c["source"]]
    return cell["outputs"]


def _text(outputs: list[dict]) -> str:
    return "".join(o.get("text") or o.get("data", {}).get("text/plain", "") for o in outputs)


def test_the_example_notebook_runs_and_answers(tour: dict) -> None:
    assert not [
        o for c in tour["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"
    ]
    nk = _text(_outputs(tour, 'country="North Korea"'))
    assert "APT38" in nk and "Kimsuky" in nk
    error = _text(_outputs(tour, 'country="Norh Korea"'))
    assert error == "unknown country 'Norh Korea': did you mean North Korea (KP)?\n"
    drawn = _outputs(tour, "drawing = g.draw(kimsuky)")
    assert drawn[0]["data"]["text/html"].startswith('<iframe srcdoc="')


def test_the_notebooks_drawing_shows_inline_in_chromium(tour: dict, tmp_path: Path) -> None:
    """The drawing's HTML as Jupyter puts it in the page: the graph draws inside its frame."""
    if not Path(CHROMIUM).exists():  # as tests/browser.py: a failure in CI, else a skip
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    [out] = _outputs(tour, "drawing = g.draw(kimsuky)")
    page_file = tmp_path / "notebook-output.html"
    page_file.write_text(f"<!doctype html><html><body>{out['data']['text/html']}</body></html>")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, timeout=WAIT_MS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.set_default_timeout(WAIT_MS)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.resolve().as_uri())
            [frame] = [f for f in page.frames if f is not page.main_frame]
            frame.wait_for_function("window.graphkitReady === true")
            labels = frame.evaluate("network.body.data.nodes.get().map(n => n.label)")
            assert errors == []
        finally:
            browser.close()
    # every node of the subgraph the notebook printed the size of, Kimsuky among them
    printed = _text(_outputs(tour, 'kimsuky = g.subgraph(focus="Kimsuky"'))
    assert printed.startswith(f"{len(labels)} nodes,")
    assert "Kimsuky" in labels
