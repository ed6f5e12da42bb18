"""The HTML graphs, checked in a real headless Chromium: counts, offline, escaped."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from graphkit.build import build_batch
from graphkit.findings import Findings
from graphkit.graphdata import fetch_graph
from graphkit.schema import NODES
from graphkit.store.embedded import EmbeddedStore
from graphkit.viz import STYLES, render_html, write_html
from tests.browser import hover, open_page
from tests.helpers import BASE

HOSTILE = [
    "<img src=x onerror=window.__xss=1>",
    '"><script>window.__xss=2</script>',
    "'; window.__xss=3; '",
    "</script><script>window.__xss=4</script>",
]


COUNT_CANVAS_COLOURS = """() => {
  const c = document.querySelector('#graph canvas');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  const seen = new Set();
  for (let i = 0; i < d.length; i += 4 * 97) { seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]); }
  return seen.size;
}"""


def test_every_kind_has_a_style() -> None:
    assert set(STYLES) == set(NODES)
    assert len({s.color for s in STYLES.values()}) == len(STYLES)


def test_the_sample_corpus_draws_offline_with_every_node(
    corpus_alone: Path, tmp_path: Path
) -> None:
    with EmbeddedStore(corpus_alone, read_only=True) as store:
        counts = store.stats()
        data = fetch_graph(store).without_mentions()
    expected_nodes = sum(counts["nodes"].values())
    expected_edges = sum(counts["relationships"].values()) - counts["relationships"]["MENTIONS"]
    page_path = write_html(render_html(data, title="sample corpus"), tmp_path / "graph.html")
    html = page_path.read_text()
    assert 'src="http' not in html and 'href="http' not in html  # nothing to fetch
    with open_page(page_path) as visit:
        page = visit.page
        n = page.evaluate("network.body.data.nodes.length")  # type: ignore[attr-defined]
        m = page.evaluate("network.body.data.edges.length")  # type: ignore[attr-defined]
        assert (n, m) == (expected_nodes, expected_edges)
        legend = page.inner_text("#legend")  # type: ignore[attr-defined]
        assert f"Actor ● ({counts['nodes']['Actor']})" in legend
        colours = page.evaluate(COUNT_CANVAS_COLOURS)  # type: ignore[attr-defined]
        assert colours > 8, "the canvas should show a drawn graph"
        # For a person to look at: written to the test's temp dir, not committed.
        page.screenshot(path=str(tmp_path / "graph.png"))  # type: ignore[attr-defined]
    assert (tmp_path / "graph.png").stat().st_size > 20_000
    assert visit.console_errors == []
    assert visit.requests == [page_path.resolve().as_uri()]


def test_hostile_names_render_as_text(tmp_path: Path) -> None:
    doc = copy.deepcopy(BASE)
    camp = doc["campaigns"][0]
    camp["name"] = HOSTILE[0]
    camp["actor"]["name"] = HOSTILE[1]
    camp["actor"]["evidence"] = HOSTILE[3]
    camp["targets"]["organizations"][0]["name"] = HOSTILE[2]
    doc["report"]["title"] = HOSTILE[3]
    with EmbeddedStore(tmp_path / "store") as store:
        store.write_batch(build_batch(Findings.model_validate(doc)))
        data = fetch_graph(store)
    page_path = write_html(
        render_html(data, title=HOSTILE[1], subtitle=HOSTILE[0]), tmp_path / "h.html"
    )
    with open_page(page_path) as visit:
        page = visit.page
        assert page.evaluate("window.__xss") is None  # type: ignore[attr-defined]
        assert page.evaluate("document.querySelectorAll('img').length") == 0  # type: ignore[attr-defined]
        assert page.title() == HOSTILE[1]  # type: ignore[attr-defined]
        labels = page.evaluate(  # type: ignore[attr-defined]
            "Array.from(document.querySelectorAll('#gk-names option')).map(o => o.value)"
        )
        for name in HOSTILE[:3]:
            assert name in labels
        tips = page.evaluate(  # type: ignore[attr-defined]
            "network.body.data.edges.get().map(e => e.title.textContent).join('\\n')"
        )
        assert HOSTILE[3] in tips
        # Hovering shows the tooltip, the names in it as text; still nothing runs.
        campaign = page.evaluate(  # type: ignore[attr-defined]
            "(name) => network.body.data.nodes.get().find(n => n.label === name).id", HOSTILE[0]
        )
        assert HOSTILE[0] in hover(page, campaign)
        assert page.evaluate("window.__xss") is None  # type: ignore[attr-defined]
        assert page.evaluate("document.querySelectorAll('img').length") == 0  # type: ignore[attr-defined]
    assert visit.console_errors == []


def test_a_large_graph_gets_a_layout_and_no_physics(tmp_path: Path) -> None:
    from graphkit.graphdata import GraphData

    nodes = {f"Actor:a{i}": {"kind": "Actor", "id": f"a{i}", "name": f"A{i}"} for i in range(400)}
    edges = [
        {
            "kind": "TARGETS",
            "source": f"Actor:a{i}",
            "target": f"Actor:a{(i * 7) % 400}",
            "sources": [],
        }
        for i in range(400)
    ]
    html = render_html(GraphData(nodes, edges))
    assert '"physics": {"enabled": false}' in html
    page_path = write_html(html, tmp_path / "big.html")
    with open_page(page_path) as visit:
        assert visit.page.evaluate("network.body.data.nodes.length") == 400  # type: ignore[attr-defined]
        assert visit.page.evaluate("network.physics.options.enabled") is False  # type: ignore[attr-defined]


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
