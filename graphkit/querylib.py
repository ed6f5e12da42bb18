"""The query library: one ``.cypher`` file per query, with its metadata in a comment header.

A query file starts with a YAML block inside ``//`` comments, between ``// ---`` lines::

    // ---
    // id: actors-by-country
    // name: Actors by attribution country
    // category: actors
    // description: Every actor with the countries it is linked to.
    // parameters:
    //   - {name: country, type: string, default: "", description: "ISO code; empty: all"}
    // columns: [country, actor, confidence, sources]
    // ---
    MATCH (a:Actor)-[r:LINKED_TO]->(c:Country) ...

Every library query keeps to the Cypher that both LadybugDB and Neo4j accept.

Examples
--------
>>> lib = load_library()
>>> "actors-by-country" in lib
True
>>> sorted(used_parameters("MATCH (a {id: $actor}) RETURN a LIMIT $limit"))
['actor', 'limit']
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graphkit.errors import InputError, QueryError
from graphkit.store.base import GraphStore, QueryResult

__all__ = [
    "Param",
    "Query",
    "QueryMeta",
    "bind",
    "find_query",
    "load_library",
    "parse_query",
    "queries_dir",
    "run_query",
    "used_parameters",
]

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")


class Param(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    type: Literal["string", "int", "float", "bool"] = "string"
    default: str | int | float | bool | None = None
    description: str = ""

    @property
    def required(self) -> bool:
        return self.default is None

    def convert(self, raw: Any) -> Any:
        """A value given on the command line (a string), as this parameter's type."""
        if not isinstance(raw, str) or self.type == "string":
            return raw
        try:
            if self.type == "int":
                return int(raw)
            if self.type == "float":
                return float(raw)
        except ValueError:
            raise QueryError(f"parameter {self.name} takes a {self.type}, not {raw!r}") from None
        if raw.lower() in ("true", "yes", "1"):
            return True
        if raw.lower() in ("false", "no", "0"):
            return False
        raise QueryError(f"parameter {self.name} takes true or false, not {raw!r}")


class QueryMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=1)
    category: str = Field(min_length=1)
    description: str = Field(min_length=1)
    parameters: list[Param] = Field(default_factory=list)
    columns: list[str] = Field(min_length=1)


@dataclass(frozen=True)
class Query:
    meta: QueryMeta | None
    cypher: str
    path: str | None = None

    @property
    def id(self) -> str:
        return self.meta.id if self.meta else "(ad hoc)"


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
    body = "\n".join(lines[end + 1 :]).strip()
    if not body:
        raise InputError("the query has no Cypher after its header", path=path)
    return Query(meta, body, path)


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


def find_query(id_or_file: str) -> Query:
    """A library query by id, or a ``.cypher`` file by path."""
    lib = load_library()
    if id_or_file in lib:
        return lib[id_or_file]
    path = Path(id_or_file)
    if path.suffix == ".cypher" and path.is_file():
        return parse_query(path.read_text("utf-8"), str(path))
    near = difflib.get_close_matches(id_or_file, list(lib), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `graphkit queries` lists them"
    raise QueryError(f"no query {id_or_file!r} in the library{hint}")


def bind(query: Query, given: dict[str, Any]) -> dict[str, Any]:
    """The parameters to send: given values converted, defaults filled, nothing missing."""
    used = used_parameters(query.cypher)
    declared = {p.name: p for p in query.meta.parameters} if query.meta else {}
    unknown = sorted(set(given) - used - set(declared))
    if unknown:
        raise QueryError(f"the query takes no parameter {', '.join(unknown)}")
    out: dict[str, Any] = {}
    for name in sorted(used):
        p = declared.get(name)
        if name in given:
            out[name] = p.convert(given[name]) if p else given[name]
        elif p is not None and not p.required:
            out[name] = p.default
        else:
            kind = f" ({p.type})" if p else ""
            raise QueryError(f"missing parameter ${name}{kind}: give --param {name}=VALUE")
    return out


def run_query(
    store: GraphStore, query: Query, given: dict[str, Any] | None = None, *, write: bool = False
) -> QueryResult:
    """Bind the parameters and run the query, read-only unless ``write``."""
    return store.run(query.cypher, bind(query, given or {}), write=write)
