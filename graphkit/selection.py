"""Part of a store's graph, chosen the ways an analyst asks: one call for a picture or an export.

Examples
--------
>>> Selection(focus="Fancy Bear", depth=1).describe()
'1 hop around Fancy Bear'
>>> Selection(kinds=("actor", "Sector")).kind_labels()
['Actor', 'Sector']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from graphkit.errors import GraphkitError
from graphkit.graphdata import GraphData, fetch_graph, from_result, node_label
from graphkit.querylib import find_query, parse_query, run_query
from graphkit.store.base import GraphStore

__all__ = ["Selection", "select"]


@dataclass(frozen=True)
class Selection:
    """What to keep of the graph; every field left at its default keeps everything.

    ``query`` (a library id, a ``.cypher`` file or Cypher text, with ``params``) replaces the
    whole graph by what it returns. ``reference`` keeps catalog data no report names;
    ``mentions`` keeps the Report-MENTIONS edges, which every report has dozens of.
    """

    query: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    actor: str | None = None
    country: str | None = None
    report: str | None = None
    kinds: tuple[str, ...] = ()
    since: str | None = None
    focus: str | None = None
    depth: int = 2
    reference: bool = False
    mentions: bool = False

    def kind_labels(self) -> list[str]:
        return [node_label(k) for k in self.kinds if k.strip()]

    def describe(self) -> str:
        """A few words on what is kept, for a title ("" for the whole graph)."""
        hops = f"{self.depth} hop{'s' if self.depth != 1 else ''}"
        parts = [
            f"query {self.query}" if self.query and " " not in self.query else "",
            "a query" if self.query and " " in self.query else "",
            f"actor {self.actor}" if self.actor else "",
            f"actors linked to {self.country}" if self.country else "",
            f"report {self.report}" if self.report else "",
            f"kinds {', '.join(self.kind_labels())}" if self.kinds else "",
            f"since {self.since}" if self.since else "",
            f"{hops} around {self.focus}" if self.focus else "",
        ]
        return ", ".join(p for p in parts if p)


def _checked_date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise GraphkitError(f"since takes a date as YYYY-MM-DD, not {text!r}") from None


def _base(store: GraphStore, sel: Selection) -> GraphData:
    if sel.query:
        q = find_query(sel.query) if not any(c.isspace() for c in sel.query) else None
        q = q or parse_query(sel.query, "--query")
        return from_result(run_query(store, q, sel.params, reference=sel.reference))
    data = fetch_graph(store)
    if not sel.reference:
        data = data.reported_only()
    return data if sel.mentions else data.without_mentions()


def select(store: GraphStore, sel: Selection) -> GraphData:
    """The part of the store's graph a selection keeps; an empty part is an error."""
    if sum(x is not None for x in (sel.actor, sel.country, sel.report)) > 1:
        raise GraphkitError("give at most one of an actor, a country and a report")
    since = _checked_date(sel.since) if sel.since else None
    labels = sel.kind_labels()
    data = _base(store, sel)
    if sel.actor:
        data = data.about_actor(sel.actor)
    elif sel.country:
        data = data.linked_to(sel.country)
    elif sel.report:
        data = data.from_report(sel.report)
    if labels:
        data = data.only_kinds(set(labels))
    if since:
        data = data.since(since)
    if sel.focus:
        data = data.around(sel.focus, sel.depth)
    if not data.nodes:
        raise GraphkitError("nothing to draw or export: the filters leave no nodes")
    return data
