"""The query library: one ``.cypher`` file per query, with its metadata in a comment header.

A query file starts with a YAML block inside ``//`` comments, between ``// ---`` lines::

    // ---
    // id: actors-by-country
    // name: Actors by attribution country
    // category: actors
    // description: Every actor with the countries it is linked to.
    // parameters:
    //   - {name: country, type: country, default: "", description: "a country; empty: all"}
    // columns: [country, actor, confidence, sources]
    // ---
    MATCH (a:Actor)-[r:LINKED_TO]->(c:Country) ...

Every library query keeps to the Cypher that both LadybugDB and Neo4j accept. Where that text
cannot be fast on one store, the file may add that store's own text after it, under a line
``// --- for neo4j`` (or ``ladybug``): the same parameters, the same rows, a test comparing the
two on that store (``review-queue``: Neo4j reads a page from its ordered indexes with
``CALL { ... UNION ALL ... }``, which LadybugDB does not parse). A parameter
typed ``actor``, ``country``, ``language``, ``sector``, ``technique``, ``platform``,
``report`` or ``entity`` (anything) takes a name as well as an id (:mod:`graphkit.lookup`).
Two parameters are bound by the library and never declared: ``$reference`` (true when catalog
data that no report names should count) and ``$catalogs`` (the source ids catalogs cite).

Examples
--------
>>> lib = load_library()
>>> "actors-by-country" in lib
True
>>> sorted(used_parameters("MATCH (a {id: $actor}) RETURN a LIMIT $limit"))
['actor', 'limit']
>>> parse_params(["country=North Korea", "limit=5"])
{'country': 'North Korea', 'limit': '5'}
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from graphkit.catalog import CATALOG_SOURCES
from graphkit.errors import InputError, QueryError
from graphkit.lookup import NAME_TYPES, resolve_in_store
from graphkit.store.base import GraphStore, QueryResult

__all__ = [
    "IMPLICIT",
    "Cut",
    "Param",
    "Query",
    "QueryMeta",
    "bind",
    "cut_lists",
    "find_query",
    "load_library",
    "next_page",
    "parse_params",
    "parse_query",
    "queries_dir",
    "run_query",
    "source",
    "used_parameters",
]

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# A store's own text of a query starts at this line (graphkit.store's dialects).
_VARIANT = re.compile(r"^// --- for (\S+)[ \t]*$", re.MULTILINE)
DIALECTS = frozenset({"neo4j", "ladybug"})
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
# Bound by the library, never declared: see the module's docstring.
IMPLICIT = frozenset({"reference", "catalogs"})
ParamType = Literal[
    "string", "int", "float", "bool", "entity", "review_threshold",
    "actor", "country", "language", "sector", "technique", "platform", "report",
]  # fmt: skip
_TYPE_WORDS = {
    "string": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "entity": "a name or an id",
    "review_threshold": "a confidence threshold (a whole number, 0-100)",
    "actor": "an actor's name or id",
    "report": "a report's id or title",
}


class Param(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    type: ParamType = "string"
    default: str | int | float | bool | None = None
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None

    @property
    def takes(self) -> str:
        """What the parameter takes, in words ("a whole number", "a country's name or code")."""
        return _TYPE_WORDS.get(self.type, f"a {self.type}'s name or id")

    def convert(self, raw: Any, names: Callable[[str | None, str], str] | None = None) -> Any:
        """A value given on the command line (a string), as this parameter's type.

        ``names(label, text)`` resolves a name to an id for the name types; an empty string
        stays empty (a query reads it as "all").
        """
        if self.type == "review_threshold":
            return _review_bound(self, raw)
        if not isinstance(raw, str) or self.type == "string":
            return raw
        if self.type in NAME_TYPES:
            return names(NAME_TYPES[self.type], raw) if names and raw.strip() else raw
        bad = QueryError(f"parameter {self.name} takes {self.takes}, not {raw!r}")
        try:
            if self.type == "int":
                return int(raw)
            if self.type == "float":
                return float(raw)
        except ValueError:
            raise bad from None
        if raw.lower() in ("true", "yes", "1"):
            return True
        if raw.lower() in ("false", "no", "0"):
            return False
        raise bad


def _review_bound(param: Param, raw: Any) -> str:
    """A confidence threshold as the review queue's query takes it: the bound below which a
    ``review_key`` is in the queue (``1`` and the threshold in three digits, the threshold
    kept within 0..101, past which the queue no longer changes). Worked out here, once: as an
    expression of the query, LadybugDB worked it out again for every edge it scanned.

    >>> _review_bound(Param(name="below", type="review_threshold"), "50")
    '1050'
    """
    try:
        if isinstance(raw, bool) or not isinstance(raw, int | str):
            raise ValueError
        below = int(raw)
    except ValueError:
        raise QueryError(f"parameter {param.name} takes {param.takes}, not {raw!r}") from None
    return f"1{min(max(below, 0), 101):03d}"


class Cut(BaseModel):
    """A list column a parameter caps (``column``), and the column that counts it whole."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    column: str
    count: str
    parameter: str


class QueryMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    category: str = Field(min_length=1)
    description: str = Field(min_length=1)
    parameters: list[Param] = Field(default_factory=list)
    columns: list[str] = Field(min_length=1)
    cuts: list[Cut] = Field(default_factory=list)

    @model_validator(mode="after")
    def _cuts_name_columns_and_parameters(self) -> QueryMeta:
        params = {p.name for p in self.parameters}
        for cut in self.cuts:
            if {cut.column, cut.count} - set(self.columns) or cut.parameter not in params:
                raise ValueError(f"cut {cut.column}: columns and parameter must be declared")
        return self


@dataclass(frozen=True)
class Query:
    meta: QueryMeta | None
    cypher: str
    path: str | None = None
    # (dialect, text): a store's own text of the query, for the stores whose dialect it names
    variants: tuple[tuple[str, str], ...] = ()

    @property
    def id(self) -> str:
        return self.meta.id if self.meta else "(ad hoc)"

    def text_for(self, dialect: str) -> str:
        """The text a store of this dialect runs: its own, where the file gives one.

        >>> q = Query(None, "RETURN 1 AS x", variants=(("neo4j", "RETURN 1 AS x, 2 AS y"),))
        >>> q.text_for("neo4j"), q.text_for("ladybug")
        ('RETURN 1 AS x, 2 AS y', 'RETURN 1 AS x')
        """
        return dict(self.variants).get(dialect, self.cypher)


def used_parameters(cypher: str) -> set[str]:
    """The ``$names`` a query uses, outside string literals and comments."""
    return set(_PARAM.findall(_STRINGS_AND_COMMENTS.sub("", cypher)))


def parse_query(text: str, path: str = "<query>") -> Query:
    """A query file's metadata and body; a file with no header is an ad-hoc query."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "// ---":
        return Query(None, text.strip(), path)
    try:
        end = next(i for i, ln in enumerate(lines[1:], 1) if ln.strip() == "// ---")
    except StopIteration:
        raise InputError("the metadata header has no closing `// ---`", path=path) from None
    header = "\n".join(ln.strip().removeprefix("//").removeprefix(" ") for ln in lines[1:end])
    try:
        meta = QueryMeta.model_validate(yaml.safe_load(header))
    except (yaml.YAMLError, ValidationError) as exc:
        first = str(exc).splitlines()
        raise InputError(f"bad metadata: {' '.join(first[:3])}", path=path) from None
    body, *parts = _VARIANT.split("\n".join(lines[end + 1 :]))
    if not body.strip():
        raise InputError("the query has no Cypher after its header", path=path)
    variants = tuple((d, text.strip()) for d, text in zip(parts[::2], parts[1::2], strict=True))
    for dialect, text in variants:
        if dialect not in DIALECTS or not text:
            raise InputError(f"`// --- for {dialect}`: no such store, or no Cypher", path=path)
        if used_parameters(text) != used_parameters(body):
            raise InputError(f"its text for {dialect} takes other parameters", path=path)
    return Query(meta, body.strip(), path, variants)


def queries_dir() -> Path:
    """``cypher/queries``: inside the installed package, or at the top of a source checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "cypher" / "queries", here.parent / "cypher" / "queries"):
        if candidate.is_dir():
            return candidate
    raise QueryError("the query library (cypher/queries) is missing from this installation")


@cache
def load_library() -> dict[str, Query]:
    """Every query of the library, by id, in file-name order."""
    out: dict[str, Query] = {}
    for path in sorted(queries_dir().glob("*.cypher")):
        q = parse_query(path.read_text("utf-8"), str(path))
        if q.meta is None:
            raise InputError("a library query needs a metadata header", path=str(path))
        if q.meta.id in out:
            raise InputError(f"duplicate query id {q.meta.id!r}", path=str(path))
        out[q.meta.id] = q
    return out


def _looks_like_a_path(text: str) -> bool:
    return text.endswith(".cypher") or "/" in text or "\\" in text or Path(text).exists()


def find_query(id_or_file: str) -> Query:
    """A library query by id, or a ``.cypher`` file by path."""
    lib = load_library()
    if id_or_file in lib:
        return lib[id_or_file]
    if _looks_like_a_path(id_or_file):
        path = Path(id_or_file).expanduser()
        if not path.is_file():
            raise InputError("no such file", path=id_or_file)
        try:
            return parse_query(path.read_text("utf-8"), str(path))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read the query: {exc}", path=id_or_file) from None
    near = difflib.get_close_matches(id_or_file, list(lib), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `graphkit queries` lists them"
    raise QueryError(f"no query {id_or_file!r} in the library{hint}")


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``KEY=VALUE`` pairs (as given to ``--param``) as a dict; the value may hold ``=``."""
    given: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"a parameter is KEY=VALUE, not {pair!r}")
        given[key.strip()] = value
    return given


def bind(
    query: Query,
    given: dict[str, Any],
    *,
    names: Callable[[str | None, str], str] | None = None,
    reference: bool = False,
) -> dict[str, Any]:
    """The parameters to send: given values converted, defaults filled, nothing missing.

    ``names(label, text)`` turns a name into an id for the parameters typed as a kind of thing
    (without it, names pass as they are); ``reference`` is bound to ``$reference``.
    """
    used = used_parameters(query.cypher)
    declared = {p.name: p for p in query.meta.parameters} if query.meta else {}
    unknown = sorted(set(given) - used - set(declared))
    if unknown:
        raise QueryError(f"the query takes no parameter {', '.join(unknown)}")
    if IMPLICIT & set(given) - set(declared):
        raise QueryError("graphkit sets $reference and $catalogs itself (--reference)")
    implicit = {"reference": reference, "catalogs": list(CATALOG_SOURCES)}
    out: dict[str, Any] = {}
    for name in sorted(used):
        p = declared.get(name)
        if name in given:
            out[name] = p.convert(given[name], names) if p else given[name]
        elif name in implicit and p is None:
            out[name] = implicit[name]
        elif p is not None and not p.required:
            out[name] = p.convert(p.default)
        else:
            kind = f" ({p.takes})" if p else ""
            raise QueryError(f"missing parameter ${name}{kind}: give --param {name}=VALUE")
    return out


def run_query(
    store: GraphStore,
    query: Query,
    given: dict[str, Any] | None = None,
    *,
    write: bool = False,
    reference: bool = False,
) -> QueryResult:
    """Bind the parameters and run the query, read-only unless ``write``.

    Names given for typed parameters resolve against the store ("North Korea" is ``KP``);
    catalog data no report names is left out unless ``reference``.
    """

    def names(label: str | None, text: str) -> str:
        return resolve_in_store(store, label, text)

    params = bind(query, given or {}, names=names, reference=reference)
    return store.run(query.text_for(store.dialect), params, write=write)


def next_page(query: Query, given: dict[str, Any], rows: int) -> int | None:
    """Where the next page starts when a paged query filled its page, else None.

    A library query that takes ``limit`` and ``skip`` returns one page; a full page may have
    more rows behind it, which the caller should say rather than let the cut pass unseen.

    >>> q = Query(QueryMeta(id="q", name="q", category="c", description="d", columns=["x"],
    ...     parameters=[Param(name="limit", type="int", default=2),
    ...                 Param(name="skip", type="int", default=0)]), "RETURN 1")
    >>> next_page(q, {}, 2), next_page(q, {"skip": "4"}, 2), next_page(q, {}, 1)
    (2, 6, None)
    """
    declared = {p.name: p for p in (query.meta.parameters if query.meta else [])}
    if "limit" not in declared or "skip" not in declared:
        return None
    limit = int(given.get("limit", declared["limit"].default or 0))
    skip = int(given.get("skip", declared["skip"].default or 0))
    return skip + limit if limit and rows >= limit else None


def cut_lists(query: Query, result: QueryResult) -> list[Cut]:
    """The capped list columns that left items out on some row (shorter than their count).

    A query that caps a list (the latest 20 reports of an actor) says so in its ``cuts``, with
    the column that counts the whole list and the parameter that sets the cap, so that the
    caller can say what was left out and how to see it.
    """
    found = []
    for cut in query.meta.cuts if query.meta else []:
        at, count = result.columns.index(cut.column), result.columns.index(cut.count)
        if any(len(row[at] or []) < (row[count] or 0) for row in result.rows):
            found.append(cut)
    return found


def source(query: Query) -> str:
    """The text of a query's file: its metadata header and its Cypher."""
    if query.path is None or not Path(query.path).is_file():
        return query.cypher + "\n"
    return Path(query.path).read_text("utf-8")
