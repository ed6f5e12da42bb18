"""A report's life in the store: list what is loaded, take a report back, swap it.

Unloading is exact because every edge keeps each source's own word (``claims``): the
report's id leaves ``sources``, its lines leave ``evidence``, and confidence, first and last
seen and ``extracted`` are recomputed from the claims that remain. An edge with no source
left goes; so does a node left with no edge, unless a reference catalog defines it (it goes
back to being reference data). A campaign's dates are recomputed from the reports that still
describe it. One known limit: a name a report added to an actor's or a campaign's
``aliases`` stays (aliases carry no source).

Examples
--------
>>> plan = UnloadPlan(["r1"])
>>> plan.edges_deleted, plan.nodes_deleted  # the report's own node goes
(0, 1)
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from graphkit.batch import parse_claim
from graphkit.catalog import CATALOG_SOURCES, CATALOGS
from graphkit.errors import GraphkitError
from graphkit.merge import review_key, sole_source
from graphkit.schema import REL_PROPS, RELS
from graphkit.store import statements as st
from graphkit.store.base import GraphStore, Runner

__all__ = [
    "ReportInfo",
    "UnloadPlan",
    "list_reports",
    "plan_unload",
    "take_back",
    "taking_back",
    "unload",
    "unload_in",
]


@dataclass
class ReportInfo:
    id: str
    publisher: str | None
    published: str | None
    title: str | None
    campaigns: int
    facts: int  # edges that cite it
    extracted: int  # of those, how many only machine extraction supports


def list_reports(store: GraphStore) -> list[ReportInfo]:
    """Every report in the store, newest first, with what it contributes."""
    reports = store.run(
        "MATCH (r:Report) RETURN r.id AS id, r.publisher AS publisher, "
        "r.published AS published, r.name AS title, "
        "COUNT { MATCH (r)-[:DESCRIBES]->(:Campaign) } AS campaigns "
        "ORDER BY published DESC, id"
    ).records()
    cited = store.run(
        "MATCH ()-[x]->() UNWIND x.sources AS s "
        "RETURN s AS id, count(*) AS facts, "
        "sum(CASE WHEN x.extracted = true THEN 1 ELSE 0 END) AS extracted"
    ).records()
    by_id = {row["id"]: row for row in cited}
    return [
        ReportInfo(
            **r,
            facts=int(by_id.get(r["id"], {}).get("facts", 0)),
            extracted=int(by_id.get(r["id"], {}).get("extracted", 0)),
        )
        for r in reports
    ]


@dataclass
class UnloadPlan:
    """What taking ``reports`` back does: edges and nodes to delete or rewrite."""

    reports: list[str]
    delete_edges: dict[tuple[str, str, str], list[dict[str, str]]] = field(default_factory=dict)
    rewrite_edges: dict[tuple[str, str, str], list[dict[str, Any]]] = field(default_factory=dict)
    delete_nodes: dict[str, list[str]] = field(default_factory=dict)
    back_to_reference: dict[str, list[str]] = field(default_factory=dict)
    campaign_dates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def edges_deleted(self) -> int:
        return sum(map(len, self.delete_edges.values()))

    @property
    def edges_rewritten(self) -> int:
        return sum(map(len, self.rewrite_edges.values()))

    @property
    def nodes_deleted(self) -> int:
        return sum(map(len, self.delete_nodes.values())) + len(self.reports)

    def summary(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "relationships_deleted": self.edges_deleted,
            "relationships_rewritten": self.edges_rewritten,
            "nodes_deleted": self.nodes_deleted,
            "nodes_back_to_reference": sum(map(len, self.back_to_reference.values())),
        }


def _held(run: Runner, ids: list[str]) -> set[str]:
    """Those of ``ids`` the store holds a report for."""
    found = run("UNWIND $ids AS i MATCH (r:Report {id: i}) RETURN r.id AS id", {"ids": ids})
    return {r["id"] for r in found}


def _known_reports(run: Runner, ids: list[str]) -> None:
    found = _held(run, ids)
    missing = [i for i in ids if i not in found]
    if not missing:
        return
    every = [r["id"] for r in run("MATCH (r:Report) RETURN r.id AS id", {})]
    near = difflib.get_close_matches(missing[0], every, n=1)
    hint = f": did you mean {near[0]}?" if near else " (graphkit reports lists them)"
    raise GraphkitError(f"no report {missing[0]!r} in the store{hint}")


def _rewritten(
    row: dict[str, Any], gone: set[str], labels: tuple[str, str]
) -> dict[str, Any] | None:
    """The edge (between nodes of ``labels``) without the reports in ``gone``; None when
    nothing else states it."""
    sources = [s for s in row["sources"] or [] if s not in gone]
    if not sources:
        return None
    out = {p.name: row[p.name] for p in REL_PROPS}
    out["sources"] = sources
    out["sole_source"] = sole_source(sources)
    out["evidence"] = [e for e in row["evidence"] or [] if e.split(": ", 1)[0] not in gone]
    claims = [c for c in row["claims"] or [] if parse_claim(c)["source"] not in gone]
    out["claims"] = claims
    parsed = [parse_claim(c) for c in claims]
    if {c["source"] for c in parsed} >= set(sources):  # every remaining source has its claim
        for name, pick in (
            ("confidence", max),
            ("first_seen", min),
            ("last_seen", max),
            ("extracted", min),
        ):
            values = [c[name] for c in parsed if c[name] is not None]
            out[name] = pick(values) if values else None
    out["review_key"] = review_key(out, (labels[0], row["src"]), (labels[1], row["dst"]))
    return out


def plan_unload(run: Runner, reports: list[str]) -> UnloadPlan:
    """Read what taking ``reports`` back would change (inside a transaction, or alone)."""
    _known_reports(run, reports)
    plan = UnloadPlan(list(reports))
    gone = set(reports)
    touched: dict[str, set[str]] = defaultdict(set)
    cols = ", ".join(f"r.{p.name} AS {p.name}" for p in REL_PROPS)
    for rel_type, rel in RELS.items():
        for src, dst in rel.endpoints:
            rows = run(
                # The list as a variable: LadybugDB takes no $parameter inside any().
                f"WITH $ids AS ids MATCH (a:{src})-[r:{rel_type}]->(b:{dst}) "
                "WHERE any(s IN r.sources WHERE s IN ids) "
                f"RETURN a.id AS src, b.id AS dst, {cols}",
                {"ids": reports},
            )
            for row in rows:
                touched[src].add(row["src"])
                touched[dst].add(row["dst"])
                new = _rewritten(row, gone, (src, dst))
                shape = (rel_type, src, dst)
                if new is None:
                    plan.delete_edges.setdefault(shape, []).append(
                        {"src": row["src"], "dst": row["dst"]}
                    )
                else:
                    plan.rewrite_edges.setdefault(shape, []).append(
                        {"src": row["src"], "dst": row["dst"], **new}
                    )
    touched.pop("Report", None)
    _plan_nodes(run, plan, touched, gone)
    return plan


def _plan_nodes(
    run: Runner, plan: UnloadPlan, touched: dict[str, set[str]], gone: set[str]
) -> None:
    """Nodes the unloaded reports leave without a report's word: deleted (with the catalog
    edges they brought, such as a sub-technique's link to its parent, and so on outwards),
    or reference data again where a catalog loaded whole defines them."""
    catalog_keys: set[tuple[str, str]] | None = None
    deleted: set[tuple[str, str]] = set()
    frontier = touched
    while frontier:
        further: dict[str, set[str]] = defaultdict(set)
        for label, ids in sorted(frontier.items()):
            edges = _edges_left(run, label, sorted(ids), gone, deleted)
            for node_id in sorted(ids):
                key = (label, node_id)
                left = edges.get(node_id, [])
                if key in deleted or any(s not in CATALOG_SOURCES for s, _ in left):
                    continue
                if catalog_keys is None:
                    catalog_keys = _loaded_catalog_keys(run)
                if key in catalog_keys:
                    if node_id not in plan.back_to_reference.get(label, []):
                        plan.back_to_reference.setdefault(label, []).append(node_id)
                    continue
                deleted.add(key)
                plan.delete_nodes.setdefault(label, []).append(node_id)
                for _, (other_label, other) in left:
                    if (other_label, other) not in deleted:
                        further[other_label].add(other)
        frontier = further
    campaigns = sorted(touched.get("Campaign", set()) - set(plan.delete_nodes.get("Campaign", [])))
    if campaigns:
        for row in run(
            "UNWIND $ids AS i MATCH (r:Report)-[d:DESCRIBES]->(c:Campaign {id: i}) "
            "WHERE NOT r.id IN $gone "
            "RETURN c.id AS id, min(d.first_seen) AS first, max(d.last_seen) AS last",
            {"ids": campaigns, "gone": sorted(gone)},
        ):
            plan.campaign_dates.append(row)


def _edges_left(
    run: Runner, label: str, ids: list[str], gone: set[str], deleted: set[tuple[str, str]]
) -> dict[str, list[tuple[str, tuple[str, str]]]]:
    """Each node's edges once the reports in ``gone`` and the nodes in ``deleted`` are out:
    (a remaining source, the node at the other end), one pair per source."""
    rows = run(
        f"UNWIND $ids AS i MATCH (n:{label} {{id: i}})-[x]-(m) "
        "RETURN n.id AS id, x.sources AS sources, m.id AS other, m.kind AS other_kind",
        {"ids": ids},
    )
    left: dict[str, list[tuple[str, tuple[str, str]]]] = defaultdict(list)
    for row in rows:
        other = (row["other_kind"], row["other"])
        if other in deleted or (other[0] == "Report" and other[1] in gone):
            continue
        for source in row["sources"] or []:
            if source not in gone:
                left[row["id"]].append((source, other))
    return left


def _loaded_catalog_keys(run: Runner) -> set[tuple[str, str]]:
    """The nodes of every catalog the store holds whole (a report naming a technique brings
    its node, not the catalog: only a catalog loaded whole keeps its bare nodes)."""
    out: set[tuple[str, str]] = set()
    for build in CATALOGS.values():
        keys = set(build().nodes)
        by_label: dict[str, list[str]] = defaultdict(list)
        for label, node_id in keys:
            by_label[label].append(node_id)
        held = sum(
            run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) RETURN count(n) AS c", {"ids": ids})[
                0
            ]["c"]
            for label, ids in by_label.items()
        )
        if held == len(keys):
            out |= keys
    return out


def unload_in(run: Runner, plan: UnloadPlan, dialect: str) -> None:
    """Carry out ``plan`` inside the caller's transaction."""
    for (rel_type, src, dst), pairs in plan.delete_edges.items():
        run(
            f"UNWIND $pairs AS p MATCH (a:{src} {{id: p.src}})-[r:{rel_type}]->"
            f"(b:{dst} {{id: p.dst}}) DELETE r",
            {"pairs": pairs},
        )
    for (rel_type, src, dst), rows in plan.rewrite_edges.items():
        run(st.write_edges(rel_type, src, dst, dialect), {"rows": rows})
    run("UNWIND $ids AS i MATCH (r:Report {id: i}) DETACH DELETE r", {"ids": plan.reports})
    for label, ids in plan.delete_nodes.items():
        run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) DETACH DELETE n", {"ids": ids})
    for label, ids in plan.back_to_reference.items():
        run(f"UNWIND $ids AS i MATCH (n:{label} {{id: i}}) SET n.reference = true", {"ids": ids})
    if plan.campaign_dates:
        run(
            "UNWIND $rows AS row MATCH (c:Campaign {id: row.id}) "
            "SET c.first_seen = row.first, c.last_seen = row.last",
            {"rows": plan.campaign_dates},
        )


def take_back(run: Runner, ids: list[str], dialect: str) -> None:
    """Inside a transaction: take back those of ``ids`` the store holds (for a reload that
    replaces them); ids it does not hold are new reports, nothing to take back."""
    held = sorted(_held(run, ids))
    if held:
        unload_in(run, plan_unload(run, held), dialect)


def _reader(store: GraphStore) -> Runner:
    """Reads outside a transaction of the caller's: each its own (on the embedded store, on
    a fresh connection)."""

    def read(q: str, p: dict[str, Any]) -> list[dict[str, Any]]:
        return store.run(q, p).records()

    return read


def taking_back(store: GraphStore, ids: list[str]) -> Callable[[Runner], None]:
    """The step a load that replaces ``ids`` runs first in its transaction. On Neo4j the
    take-back is planned there, under the transaction's locks (other loads may write); the
    embedded store has one writer, this process, so its plan is read now, each read on a
    fresh connection (see :func:`unload`), and the step only writes it."""
    dialect = store.dialect
    if dialect != "ladybug":
        return partial(take_back, ids=ids, dialect=dialect)

    read = _reader(store)
    held = sorted(_held(read, ids))
    plan = plan_unload(read, held) if held else None

    def step(run: Runner) -> None:
        if plan is not None:
            unload_in(run, plan, dialect)

    return step


def unload(store: GraphStore, reports: list[str], *, dry_run: bool = False) -> UnloadPlan:
    """Take ``reports`` back, in one transaction; with ``dry_run`` only say what it would do.

    Raises
    ------
    GraphkitError
        A report id the store does not hold (the nearest is suggested).
    """
    dialect = store.dialect
    if dry_run or dialect == "ladybug":
        # The embedded store has one writer, this process: the plan may be read before the
        # write, each read on a fresh connection (one connection holds pages of all it read,
        # and a large store's plan then fills LadybugDB's page cache).
        plan = plan_unload(_reader(store), reports)
        if not dry_run:
            store.write_batches([], before=lambda run: unload_in(run, plan, dialect))
        return plan
    done: list[UnloadPlan] = []

    def take_back(run: Runner) -> None:
        done.clear()  # the driver may run a transaction again: keep the last attempt's plan
        done.append(plan_unload(run, reports))
        unload_in(run, done[0], dialect)

    store.write_batches([], before=take_back)
    return done[0]
