"""The domain model, in one place: node labels, relationship types, endpoints, properties.

The LadybugDB DDL, ``cypher/schema.cypher`` (Neo4j constraints and indexes), batch
validation and the README's schema table are all generated from here.

Examples
--------
>>> NODES["Actor"].key
'id'
>>> ("Actor", "Sector") in RELS["TARGETS"].endpoints
True
>>> allowed("LINKED_TO", "Sector", "Country")
False
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "CATALOG_SOURCES",
    "NODES",
    "RELS",
    "REL_PROPS",
    "REVIEWED",
    "REVIEW_SEP",
    "NodeType",
    "Prop",
    "RelType",
    "allowed",
    "derived_sets",
    "fill_derived",
    "ladybug_ddl",
    "markdown_table",
    "neo4j_schema_cypher",
    "neo4j_schema_statements",
]

# How a property merges when a second report (or a reload) writes a node or edge again.
# DERIVED: not merged but computed from the merged item (``graphkit.merge``).
KEEP, REPLACE, UNION, MIN, MAX = "keep", "replace", "union", "min", "max"
DERIVED = "derived"

# The sources the reference catalogs cite (ATT&CK, ATLAS, the LLM-themed taxonomy; the
# catalogs' own modules name them from here): a fact with no other source is catalog data,
# not a report's word, and never up for review.
CATALOG_SOURCES = ("mitre-attack-v18.1", "mitre-atlas", "graphkit-llm-taxonomy")
# Between the parts of ``review_key``: below every printable character, so that the key's
# order is the order of its parts. A tab, not a control character: exports carry the key,
# and XML (GraphML) takes no control character but tab, newline and carriage return.
REVIEW_SEP = "\t"


@dataclass(frozen=True)
class Prop:
    name: str
    type: str  # LadybugDB type: STRING, STRING[], INT64, BOOL
    merge: str = KEEP
    doc: str = ""


@dataclass(frozen=True)
class NodeType:
    label: str
    doc: str
    id_rule: str
    props: tuple[Prop, ...]
    key: str = "id"

    @property
    def all_props(self) -> tuple[Prop, ...]:
        return (*_NODE_COMMON, *self.props)


@dataclass(frozen=True)
class RelType:
    type: str
    doc: str
    endpoints: tuple[tuple[str, str], ...]


_NODE_COMMON = (
    Prop("id", "STRING", KEEP, "canonical id (the key)"),
    Prop("name", "STRING", KEEP, "display name"),
    Prop("kind", "STRING", REPLACE, "the label again: portable Cypher has no label function"),
    Prop("reference", "BOOL", MIN, "true while only reference catalogs, no report, name it"),
)
_ALIASES = Prop("aliases", "STRING[]", UNION, "other names")
_DESCRIPTION = Prop("description", "STRING", KEEP, "short description")

NODES: dict[str, NodeType] = {
    n.label: n
    for n in [
        NodeType(
            "Report",
            "a published threat report",
            "`publisher-yyyy-mm-dd-slug`",
            (
                Prop("publisher", "STRING", REPLACE),
                Prop("published", "STRING", REPLACE, "ISO date"),
                Prop("url", "STRING", REPLACE),
                Prop("sha256", "STRING", REPLACE, "hash of the findings file"),
                Prop("summary", "STRING", REPLACE),
            ),
        ),
        NodeType(
            "Campaign",
            "an operation, network or campaign a report names",
            "slug of its name",
            (
                _ALIASES,
                _DESCRIPTION,
                Prop("attack_id", "STRING", KEEP, "ATT&CK campaign id (C0001)"),
                Prop("disruption", "STRING", KEEP, "what was done to stop it"),
                Prop("first_seen", "STRING", MIN, "ISO date"),
                Prop("last_seen", "STRING", MAX, "ISO date"),
            ),
        ),
        NodeType(
            "Actor",
            "a named group or an unnamed actor cluster",
            "slug of its primary name",
            (_ALIASES, Prop("attack_id", "STRING", KEEP, "ATT&CK group id (G0007)"), _DESCRIPTION),
        ),
        NodeType("Country", "a country of attribution or target", "ISO 3166-1 alpha-2", ()),
        NodeType("Language", "a language the operators work in", "ISO 639-1", ()),
        NodeType("Sector", "a targeted sector (controlled vocabulary)", "vocabulary slug", ()),
        NodeType("Organization", "a specific targeted organisation or group", "slug", ()),
        NodeType(
            "Technique",
            "an ATT&CK, ATLAS or LLM-themed technique",
            "`T1566.001`, `AML.T0051`, `llm-aided-development`",
            (
                Prop("framework", "STRING", KEEP, "attack, atlas or llm"),
                Prop("tactics", "STRING[]", UNION),
                Prop("url", "STRING", KEEP),
            ),
        ),
        NodeType(
            "Tactic",
            "an ATT&CK or ATLAS tactic: the why of a technique",
            "`TA0043`, `AML.TA0002`",
            (Prop("framework", "STRING", KEEP, "attack or atlas"), Prop("url", "STRING", KEEP)),
        ),
        NodeType(
            "Mitigation",
            "an ATT&CK or ATLAS mitigation",
            "`M1017`, `AML.M0000`",
            (Prop("framework", "STRING", KEEP, "attack or atlas"), Prop("url", "STRING", KEEP)),
        ),
        NodeType(
            "Platform",
            "an AI service or tool the operators used or abused",
            "slug",
            (Prop("vendor", "STRING", KEEP),),
        ),
    ]
}

REL_PROPS: tuple[Prop, ...] = (
    Prop("kind", "STRING", REPLACE, "the type again: portable Cypher has no type function"),
    Prop("sources", "STRING[]", UNION, "ids of the reports that state it"),
    Prop("evidence", "STRING[]", UNION, "`report-id: quote or paraphrase`, one per statement"),
    Prop("confidence", "INT64", MAX, "0-100, the highest any source gives"),
    Prop("first_seen", "STRING", MIN, "ISO date"),
    Prop("last_seen", "STRING", MAX, "ISO date"),
    Prop("extracted", "BOOL", MIN, "true while only machine extraction supports it"),
    Prop(
        "claims",
        "STRING[]",
        UNION,
        "each source's own word, `source|confidence|first_seen|last_seen|extracted`: "
        "what unloading a report recomputes the others from",
    ),
    Prop(
        "sole_source",
        "STRING",
        DERIVED,
        "the one report that states it, `''` when several do: kept with `sources`, so that a "
        "query asking for one-source facts reads a scalar, not the list",
    ),
    Prop(
        "review_key",
        "STRING",
        DERIVED,
        "the review queue's order, on the facts that can be in it (one source that is not a "
        "catalog, or only machine extraction; not `MENTIONS`), null on the others: `0` "
        "extracted or `1`, the confidence in three digits, then the source's id, the type, "
        "the target's id and the two labels, a tab between",
    ),
)

_ACTIVE = ("Actor", "Campaign")
_MENTIONABLE = ("Actor", "Country", "Language", "Sector", "Organization", "Technique", "Platform")

RELS: dict[str, RelType] = {
    r.type: r
    for r in [
        RelType("DESCRIBES", "a report describes a campaign", (("Report", "Campaign"),)),
        RelType(
            "MENTIONS",
            "a report names an entity",
            tuple(("Report", dst) for dst in _MENTIONABLE),
        ),
        RelType("ATTRIBUTED_TO", "a campaign is attributed to an actor", (("Campaign", "Actor"),)),
        RelType("LINKED_TO", "an actor is linked to a country", (("Actor", "Country"),)),
        RelType(
            "USES_LANGUAGE",
            "operators work in a language",
            tuple((src, "Language") for src in _ACTIVE),
        ),
        RelType(
            "TARGETS",
            "a sector, country or organisation is targeted",
            tuple((s, d) for s in _ACTIVE for d in ("Sector", "Country", "Organization")),
        ),
        RelType("USES", "a technique is used", tuple((s, "Technique") for s in _ACTIVE)),
        RelType(
            "ABUSES", "an AI platform is used or abused", tuple((s, "Platform") for s in _ACTIVE)
        ),
        RelType("SUBTECHNIQUE_OF", "a sub-technique of its parent", (("Technique", "Technique"),)),
        RelType("IN_TACTIC", "a technique serves a tactic", (("Technique", "Tactic"),)),
        RelType("MITIGATES", "a mitigation counters a technique", (("Mitigation", "Technique"),)),
        RelType(
            "MAPS_TO",
            "a technique's nearest technique in another framework",
            (("Technique", "Technique"),),
        ),
    ]
}


# The types whose facts an analyst reviews: all but MENTIONS (the largest, never reviewed).
REVIEWED = tuple(t for t in RELS if t != "MENTIONS")


def allowed(rel_type: str, src_label: str, dst_label: str) -> bool:
    """True when the schema declares that relationship between those labels."""
    rel = RELS.get(rel_type)
    return rel is not None and (src_label, dst_label) in rel.endpoints


def ladybug_ddl() -> list[str]:
    """The LadybugDB statements that create every table (idempotent)."""
    out = []
    for node in NODES.values():
        cols = ", ".join(
            f"{p.name} {p.type}" + (" PRIMARY KEY" if p.name == node.key else "")
            for p in node.all_props
        )
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {node.label}({cols})")
    for rel in RELS.values():
        pairs = ", ".join(f"FROM {s} TO {d}" for s, d in rel.endpoints)
        cols = ", ".join(f"{p.name} {p.type}" for p in REL_PROPS)
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rel.type}({pairs}, {cols})")
    return out


def _cypher_strings(values: tuple[str, ...]) -> str:
    """A list literal of constant strings from this module (never a report's value)."""
    assert all(v.replace("-", "").replace(".", "").isalnum() for v in values), values
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def derived_sets(dialect: str, rel_type: str) -> str:
    """The ``SET`` items that work out the derived properties of an edge ``r`` of
    ``rel_type`` from ``(a)-[r]->(b)`` (``sole_source`` from ``sources``, ``review_key``
    from them, ``extracted``, ``confidence`` and the ends' ids), as
    :func:`graphkit.merge.merge_edge` and :func:`graphkit.merge.review_key` do."""
    # LadybugDB works out every branch of a CASE: an index into an empty list would fail
    first = "list_any_value(r.sources)" if dialect == "ladybug" else "r.sources[0]"
    sole = f"r.sole_source = CASE WHEN size(r.sources) = 1 THEN {first} ELSE '' END"
    if rel_type not in REVIEWED:
        return sole
    digits = "string(r.confidence)" if dialect == "ladybug" else "toString(r.confidence)"
    sep = "'\\t'"
    key = (
        "CASE WHEN r.extracted = true THEN '0' ELSE '1' END + "
        f"CASE WHEN r.confidence IS NULL THEN '999' ELSE right('00' + {digits}, 3) END + "
        f"{sep} + a.id + {sep} + r.kind + {sep} + b.id + {sep} + a.kind + {sep} + b.kind"
    )
    one = "size(r.sources) = 1"
    catalog = f"({one} AND {first} IN {_cypher_strings(CATALOG_SOURCES)})"
    queued = (
        f"NOT coalesce({catalog}, false) AND ({one} OR r.extracted = true) "
        "AND (r.confidence IS NOT NULL OR r.extracted = true)"
    )
    return f"{sole}, r.review_key = CASE WHEN {queued} THEN {key} ELSE NULL END"


def fill_derived(rel_type: str, dialect: str) -> str:
    """The statement that gives the edges of a store an older graphkit wrote their derived
    properties; it changes nothing on a store that has them. Every edge a review could hold
    is worked out again (an absent ``review_key`` is also what a fact out of the queue has),
    the others only where ``sole_source`` is missing."""
    assert rel_type in RELS
    where = "" if rel_type in REVIEWED else "WHERE r.sole_source IS NULL "
    return f"MATCH (a)-[r:{rel_type}]->(b) {where}SET {derived_sets(dialect, rel_type)}"


def neo4j_schema_statements() -> list[str]:
    """Neo4j DDL: a uniqueness constraint on every node key, an index on every name, a range
    index on ``review_key`` for each reviewed type (the review queue reads one range of it)."""
    out = []
    for node in NODES.values():
        low = node.label.lower()
        out.append(
            f"CREATE CONSTRAINT {low}_{node.key}_unique IF NOT EXISTS "
            f"FOR (n:{node.label}) REQUIRE n.{node.key} IS UNIQUE"
        )
    for node in NODES.values():
        low = node.label.lower()
        out.append(f"CREATE INDEX {low}_name IF NOT EXISTS FOR (n:{node.label}) ON (n.name)")
    for rel_type in REVIEWED:  # the review queue: one range of this index a type
        low = rel_type.lower()
        out.append(
            f"CREATE INDEX {low}_review_key IF NOT EXISTS FOR ()-[r:{rel_type}]-() "
            "ON (r.review_key)"
        )
    return out


def neo4j_schema_cypher() -> str:
    """The text of ``cypher/schema.cypher``: :func:`neo4j_schema_statements` as a script."""
    header = [
        "// Generated from graphkit/schema.py by `graphkit schema --cypher neo4j`. Do not edit.",
        "// A uniqueness constraint on every node key, an index on every name, and one on the",
        "// review queue's key of every type a review reads.",
    ]
    return "\n".join(header + [s + ";" for s in neo4j_schema_statements()]) + "\n"


def markdown_table() -> str:
    """The README's schema section: nodes with their properties, relationships with endpoints."""
    rows = ["| label | what | `id` | properties |", "|---|---|---|---|"]
    for n in NODES.values():
        props = ", ".join(f"`{p.name}`" for p in n.all_props)
        rows.append(f"| `{n.label}` | {n.doc} | {n.id_rule} | {props} |")
    rows += ["", "| relationship | what | from → to |", "|---|---|---|"]
    for r in RELS.values():
        by_src: dict[str, list[str]] = {}
        for s, d in r.endpoints:
            by_src.setdefault(s, []).append(d)
        ends = "; ".join(f"{s} → {'/'.join(ds)}" for s, ds in by_src.items())
        rows.append(f"| `{r.type}` | {r.doc} | {ends} |")
    rel_props = ", ".join(f"`{p.name}` ({p.doc})" for p in REL_PROPS)
    rows += ["", f"Every relationship carries {rel_props}."]
    return "\n".join(rows) + "\n"
