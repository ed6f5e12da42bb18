"""Names wherever an id is asked: an analyst's word for a thing, resolved to the thing's id.

The words are the ones the loaders resolve (ISO codes in any case, country names and demonyms,
language names, sector synonyms, ATT&CK group aliases, technique names), then the names and
aliases the graph itself holds. A word that names nothing is an error that suggests the nearest
names; it is never taken as an id that matches nothing.

Examples
--------
>>> canonical("Country", "North Korean"), canonical("Country", "kp")
(['KP'], ['KP'])
>>> canonical("Actor", "emerald sleet"), canonical("Sector", "semiconductor")
(['kimsuky'], ['semiconductors'])
>>> resolve("Country", "Norh Korea", [])
Traceback (most recent call last):
...
graphkit.lookup.UnknownNameError: unknown country 'Norh Korea': did you mean North Korea (KP)?
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from graphkit.actors import actor_index, name_key
from graphkit.errors import InputError
from graphkit.identity import (
    country_name,
    country_words,
    language_name,
    language_words,
    resolve_country,
    resolve_language,
    slugify,
)
from graphkit.schema import NODES
from graphkit.store.base import GraphStore
from graphkit.techniques import all_attack_techniques, technique
from graphkit.vocab import (
    ATLAS_TECHNIQUES,
    LLM_TECHNIQUES,
    PLATFORMS,
    SECTORS,
    resolve_sector,
    sector_words,
)

__all__ = [
    "NAME_TYPES",
    "Entry",
    "UnknownNameError",
    "canonical",
    "entries_in_store",
    "find_entry",
    "held_as_id",
    "match",
    "nearest",
    "resolve",
    "resolve_in_store",
]

# The parameter types of the query library that name a thing, and the label each one names
# (an entity is anything in the graph).
NAME_TYPES: dict[str, str | None] = {
    "entity": None,
    "actor": "Actor",
    "country": "Country",
    "language": "Language",
    "sector": "Sector",
    "technique": "Technique",
    "platform": "Platform",
    "report": "Report",
}


class UnknownNameError(InputError):
    """A name that nothing known is called, or that several things are called."""


@dataclass(frozen=True)
class Entry:
    """One thing a name can mean: its label, id, name and other names."""

    label: str
    id: str
    name: str
    aliases: tuple[str, ...] = ()

    def shown(self) -> str:
        return self.id if self.name in ("", self.id) else f"{self.name} ({self.id})"


def _technique_by_id(text: str) -> list[str]:
    for candidate in (text, text.upper(), text.lower()):
        if technique(candidate) is not None:
            return [candidate]
    return []


@cache
def _techniques() -> tuple[tuple[str, str], ...]:
    """Every technique a catalog knows, as (id, name)."""
    vocab = {**LLM_TECHNIQUES, **ATLAS_TECHNIQUES}
    return (
        *((t.id, t.name) for t in all_attack_techniques().values()),
        *((t.id, t.name) for t in vocab.values()),
    )


@cache
def _technique_names() -> dict[str, tuple[str, ...]]:
    names: dict[str, list[str]] = {}
    for tid, name in _techniques():
        names.setdefault(name_key(name), []).append(tid)
    return {k: tuple(v) for k, v in names.items()}


def _platform(text: str) -> list[str]:
    want = name_key(text)
    return [
        p.id
        for p in PLATFORMS.values()
        if slugify(text) == p.id or want in {name_key(w) for w in (p.name, *p.synonyms)}
    ]


def canonical(label: str, text: str) -> list[str]:
    """The ids the loaders' vocabularies give a word (none, one, or several when it is shared)."""
    raw = text.strip()
    if label == "Country":
        code = resolve_country(raw) or (resolve_country(raw.upper()) if len(raw) == 2 else None)
        return [code] if code else []
    if label == "Language":
        code = resolve_language(raw) or (resolve_language(raw.lower()) if len(raw) == 2 else None)
        return [code] if code else []
    if label == "Sector":
        sector = resolve_sector(raw)
        return [sector] if sector else []
    if label == "Actor":
        known = actor_index().resolve(raw)
        return [known.id] if known else []
    if label == "Technique":
        return _technique_by_id(raw) or list(_technique_names().get(name_key(raw), ()))
    if label == "Platform":
        return _platform(raw)
    return []


@cache
def _vocabulary(label: str) -> tuple[Entry, ...]:
    """What the vocabularies know of a label, for suggestions."""
    if label == "Country":
        return tuple(Entry(label, c, country_name(c), (w,)) for w, c in country_words().items())
    if label == "Language":
        found = []
        for word, code in language_words().items():
            try:
                found.append(Entry(label, code, language_name(code), (word,)))
            except KeyError:
                continue
        return tuple(found)
    if label == "Sector":
        return tuple(Entry(label, s, SECTORS[s].name, (w,)) for w, s in sector_words().items())
    if label == "Actor":
        return tuple(Entry(label, a.id, a.name, a.aliases) for a in actor_index().actors.values())
    if label == "Technique":
        return tuple(Entry(label, tid, name) for tid, name in _techniques())
    if label == "Platform":
        return tuple(Entry(label, p.id, p.name, p.synonyms) for p in PLATFORMS.values())
    return ()


def _likeness(want: str, word: str) -> float:
    """How alike two keys are, 0 to 1; a word's start counts alone (a report id's date)."""
    whole = difflib.SequenceMatcher(None, want, word).ratio()
    start = difflib.SequenceMatcher(None, want, word[: len(want)]).ratio() if want else 0.0
    return max(whole, start)


def nearest(text: str, entries: Iterable[Entry], n: int = 3) -> list[str]:
    """The closest names to a word, each with the id it stands for, best first."""
    by_word: dict[str, list[tuple[str, Entry]]] = {}
    for e in entries:
        for word in (e.id, e.name, *e.aliases):
            by_word.setdefault(name_key(word), []).append((word, e))
    want = name_key(text)
    scored = sorted(((_likeness(want, w), w) for w in by_word), reverse=True)
    best = scored[0][0] if scored else 0.0
    found: dict[tuple[str, str], str] = {}
    for ratio, key in scored:
        if ratio < max(0.6, best - 0.1) or len(found) >= n:
            break
        for word, e in by_word[key]:
            # an alias as written ("Fancy Bear") says more than the primary name; a
            # lower-case vocabulary word ("north korean") less
            shown = e.shown() if word in (e.id, e.name) or word.islower() else f"{word} ({e.id})"
            found.setdefault((e.label, e.id), shown)
    return list(found.values())[:n]


def _unknown(label: str | None, text: str, entries: Iterable[Entry]) -> UnknownNameError:
    near = nearest(text, entries)
    hint = f": did you mean {' or '.join(near)}?" if near else ""
    if label is None:
        return UnknownNameError(f"nothing in the graph is called {text!r}{hint}")
    return UnknownNameError(f"unknown {label.lower()} {text!r}{hint}")


def _ambiguous(text: str, hits: list[Entry]) -> UnknownNameError:
    named = ", ".join(sorted(e.shown() for e in hits))
    return UnknownNameError(f"{text!r} names more than one thing: {named}; give the id")


def match(text: str, entries: Iterable[Entry]) -> list[Entry]:
    """The entries a word names: by id first (as written, then in any case), else by name."""
    pool = list(entries)
    exact = [e for e in pool if e.id == text.strip()]  # "RU" is Russia, "ru" Russian
    if exact:
        return exact
    want = text.strip().casefold()
    by_id = [e for e in pool if e.id.casefold() == want]
    if by_id:
        return by_id
    key = name_key(text)
    named = [e for e in pool if key and key in {name_key(w) for w in (e.name, *e.aliases)}]
    return named or [e for e in pool if e.id == slugify(text)]


def resolve(label: str, text: str, entries: Iterable[Entry]) -> str:
    """The id of the one ``label`` a word names, from the vocabularies or from ``entries``.

    ``entries`` are the things of that label a store holds (actors a report named that no
    catalog knows, report ids); an unknown or shared word raises :class:`UnknownNameError`.
    """
    pool = [e for e in entries if e.label == label]
    ids = canonical(label, text)
    if len(ids) == 1:
        return ids[0]
    if len(ids) > 1:
        known = {e.id: e for e in _vocabulary(label)}
        raise _ambiguous(text, [known.get(i, Entry(label, i, i)) for i in ids])
    hits = {e.id: e for e in match(text, pool)}
    if len(hits) == 1:
        return next(iter(hits))
    if hits:
        raise _ambiguous(text, list(hits.values()))
    raise _unknown(label, text, [*pool, *_vocabulary(label)])


def find_entry(text: str, entries: Iterable[Entry]) -> Entry:
    """The one entry, of any label, a word names: by id, name or alias, else by vocabulary."""
    pool = list(entries)
    hits = {(e.label, e.id): e for e in match(text, pool)}
    known = [(label, i) for label in NODES for i in canonical(label, text)] if not hits else []
    held = {(e.label, e.id): e for e in pool}
    hits.update({k: held[k] for k in known if k in held})
    if len(hits) == 1:
        return next(iter(hits.values()))
    if hits:
        raise _ambiguous(text, list(hits.values()))
    if known:
        label, i = known[0]
        raise UnknownNameError(
            f"nothing in the graph is called {text!r}: the catalogs know it as {label} {i}, "
            "which no report names (--reference takes catalog data in)"
        )
    raise _unknown(None, text, pool)


def entries_in_store(store: GraphStore, label: str | None = None) -> list[Entry]:
    """Every node of a label (of every label if None) in a store, as entries."""
    if label is None:
        return [e for each in NODES for e in entries_in_store(store, each)]
    has_aliases = any(p.name == "aliases" for p in NODES[label].props)
    aliases = "n.aliases" if has_aliases else "[]"
    rows = store.run(f"MATCH (n:{label}) RETURN n.id, n.name, {aliases}").rows
    return [Entry(label, i, name or "", tuple(more or ())) for i, name, more in rows]


def held_as_id(store: GraphStore, labels: Iterable[str], text: str) -> list[Entry]:
    """The nodes of ``labels`` whose id is ``text`` as written: one key lookup a label, in
    one statement (a label-less ``{id: $x}`` would scan every node)."""
    parts = [
        f"MATCH (n:{label} {{id: $id}}) RETURN '{label}' AS label, n.id AS id, n.name AS name"
        for label in labels
    ]
    rows = store.run(" UNION ALL ".join(parts), {"id": text.strip()}).rows
    return [Entry(label, i, name or "") for label, i, name in rows]


def resolve_in_store(store: GraphStore, label: str | None, text: str) -> str:
    """:func:`resolve` against what the store holds of that label (any label if None).

    A word that is an id the store holds is answered by key lookups, as :func:`match` would
    answer it from every entry (an exact id comes first); only other words read every name.
    """
    if label is None:
        exact = held_as_id(store, NODES, text)
        return find_entry(text, exact or entries_in_store(store)).id
    if canonical(label, text):  # the vocabularies answer alone: no need to read the store
        return resolve(label, text, [])
    exact = held_as_id(store, [label], text)
    return resolve(label, text, exact or entries_in_store(store, label))
