"""graphkit in a notebook: a store's answers as pandas DataFrames, parts of its graph as
networkx graphs, drawn inline in Jupyter.

The same library calls as the CLI (the query library, names wherever an id is asked, the
selections of ``graphkit viz``), returning data instead of printing it. pandas is needed for
the DataFrames only (``pip install 'graphkit-cti[notebook]'``).

In a notebook::

    from graphkit.notebook import open_graph

    g = open_graph(".run/demo-store")                   # or a Neo4j URI
    g.query("actors-by-country", country="North Korea")  # a DataFrame
    kimsuky = g.subgraph(focus="Kimsuky", depth=1)      # a networkx MultiDiGraph
    g.draw(kimsuky)                                     # drawn inline

``examples/analyst-tour.ipynb`` does an analyst's tour this way.

Examples
--------
>>> from graphkit.store import QueryResult
>>> frame(QueryResult(["actor", "country"], [["APT38", "KP"], ["Kimsuky", "KP"]]))
     actor country
0    APT38      KP
1  Kimsuky      KP
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphkit.analytics import communities, to_networkx
from graphkit.catalog import load_catalogs
from graphkit.counts import count_graph
from graphkit.errors import StoreError
from graphkit.graphdata import GraphData
from graphkit.ingest import expand_paths, is_empty, load_files
from graphkit.lifecycle import list_reports
from graphkit.querylib import find_query, load_library, parse_query, run_query
from graphkit.selection import Selection, select
from graphkit.store import GraphStore, QueryResult, open_store
from graphkit.viz import render_html, write_html

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Drawing", "NotebookGraph", "frame", "open_graph"]


def open_graph(store: str | Path | None = None, *, write: bool = False) -> NotebookGraph:
    """Open a store for a notebook: a directory (the embedded store) or a Neo4j URI; without
    one, ``$GRAPHKIT_STORE``, else ``$NEO4J_URI``, else ``./graphkit-data``, as the CLI does.

    It is opened read-only unless ``write``. Close it (or use ``with``) when done: the
    embedded store takes one writer at a time.

    Raises
    ------
    StoreError
        The store cannot be opened (``StoreUnavailableError`` for a Neo4j out of reach).
    """
    target = str(Path(store).expanduser()) if isinstance(store, Path) else store
    return NotebookGraph(open_store(target, read_only=not write))


def frame(result: QueryResult) -> pd.DataFrame:
    """A query's result as a DataFrame: a column per returned column, lists kept as lists."""
    import pandas as pd

    return pd.DataFrame(result.rows, columns=result.columns)


class NotebookGraph:
    """A store opened for a notebook; see :func:`open_graph`."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def load(self, *paths: str | Path, replace: bool = False) -> pd.DataFrame:
        """Load report files, folders or globs (as ``graphkit load`` does, the catalogs first
        into an empty store); a row per file: its status, report id and error, if any. The
        store must be open for writing (``open_graph(..., write=True)``)."""
        import pandas as pd

        if getattr(self.store, "read_only", False):
            raise StoreError("the store is open read-only: open_graph(..., write=True) to load")
        files = expand_paths([str(Path(p).expanduser()) for p in paths])
        catalogs = load_catalogs if is_empty(self.store) else None
        summary = load_files(self.store, files, replace=replace, first=catalogs)
        rows = [(Path(f.path).name, f.report_id, f.status, f.error) for f in summary.files]
        return pd.DataFrame(rows, columns=["file", "report", "status", "error"])

    def query(self, query: str, /, *, reference: bool = False, **params: Any) -> pd.DataFrame:
        """Run a library query (its id), a ``.cypher`` file or Cypher text, read-only.

        Parameters are keyword arguments; actors, countries, languages, sectors, techniques,
        platforms and reports take names, aliases and demonyms as well as ids, and an unknown
        one raises :class:`~graphkit.errors.QueryError` naming the nearest. Catalog data no
        report names is left out unless ``reference``.
        """
        text = query.strip()
        q = parse_query(text, "<cypher>") if any(c.isspace() for c in text) else find_query(text)
        return frame(run_query(self.store, q, params, reference=reference))

    def queries(self) -> pd.DataFrame:
        """The query library: each query's id, description and typed parameters."""
        import pandas as pd

        rows = [
            (m.id, m.description, ", ".join(f"{p.name}: {p.type}" for p in m.parameters))
            for m in (q.meta for q in load_library().values())
            if m is not None
        ]
        return pd.DataFrame(rows, columns=["id", "description", "parameters"])

    def reports(self) -> pd.DataFrame:
        """The loaded reports, newest first: id, publisher, date, title and what they state."""
        import pandas as pd

        return pd.DataFrame([vars(r) for r in list_reports(self.store)])

    def stats(self) -> pd.DataFrame:
        """Nodes by label and relationships by type: what reports say, and with the catalogs."""
        import pandas as pd

        rows = [
            (part, name, reported, total)
            for part, counts in count_graph(self.store).items()
            for name, (reported, total) in counts.items()
        ]
        return pd.DataFrame(rows, columns=["part", "name", "in reports", "with catalogs"])

    def subgraph(self, **selection: Any) -> nx.MultiDiGraph:
        """Part of the graph as a networkx graph: nodes keyed ``Kind:id`` with their
        properties, one edge a relationship (its key the type).

        The keyword arguments are those of :class:`~graphkit.selection.Selection`, the
        filters of ``graphkit viz``: ``focus`` and ``depth``, ``kinds``, ``report``,
        ``actor``, ``country``, ``since``, ``query`` with ``params``, ``reference``,
        ``mentions``. Without any, the whole graph of what reports say.
        """
        return to_networkx(self._select(selection))

    def draw(
        self, graph: nx.MultiDiGraph | None = None, *, color: str = "kind", **selection: Any
    ) -> Drawing:
        """Draw part of the graph inline: a networkx graph from :meth:`subgraph` (filtered as
        you like), or the selection the keyword arguments make. ``color`` is ``"kind"`` or
        ``"community"``."""
        data = _from_networkx(graph) if graph is not None else self._select(selection)
        groups = communities(data) if color == "community" else None
        title = _selection(selection).describe() if graph is None else "a subgraph"
        page = render_html(
            data,
            title=f"graphkit: {title or 'the whole graph'}",
            subtitle=f"{self.store.backend} store {self.store.location}",
            color_by=color,
            communities=groups,
        )
        return Drawing(page)

    def _select(self, selection: dict[str, Any]) -> GraphData:
        return select(self.store, _selection(selection))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> NotebookGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _selection(given: dict[str, Any]) -> Selection:
    """A selection from keyword arguments; ``kinds`` may be one comma-separated string."""
    kinds = given.get("kinds", ())
    if isinstance(kinds, str):
        given = {**given, "kinds": tuple(kinds.split(","))}
    return Selection(**given)


def _from_networkx(graph: nx.MultiDiGraph) -> GraphData:
    """A networkx graph made by :meth:`NotebookGraph.subgraph` back as graph data to draw."""
    nodes = {key: dict(props) for key, props in graph.nodes(data=True)}
    edges = [
        {**props, "source": source, "target": target}
        for source, target, props in graph.edges(data=True)
    ]
    return GraphData(nodes, edges)


class Drawing:
    """A drawn graph: shown inline by Jupyter (the page in a frame of its own, so its script
    and styles stay apart from the notebook's), or saved as a standalone page."""

    def __init__(self, page: str, height: int = 640) -> None:
        self.html = page
        self.height = height

    def __repr__(self) -> str:
        return f"<graphkit drawing: {len(self.html):,} characters of HTML; save(path) writes it>"

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" width="100%" '
            f'height="{self.height}" style="border:none" sandbox="allow-scripts"></iframe>'
        )

    def save(self, path: str | Path) -> Path:
        """Write the page to a file (atomically) and return its path."""
        return write_html(self.html, Path(path).expanduser())
