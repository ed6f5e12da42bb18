"""The actor join: entries from several sources (ATT&CK's groups, the project's table, MISP's
galaxies) become one table of actors, each name tied by the sources that give it.

Rules, in order:

- The project's table settles: a name it lists is its actor's, whatever another source says.
- ATT&CK keeps its groups apart: no actor holds two ATT&CK groups (or two table entries), and
  an ATT&CK group's own name and id always resolve to it. Where a galaxy cluster wider than
  one ATT&CK group (MISP's Lazarus Group lists APT38's names) claims a name ATT&CK gives to one
  group, ATT&CK's alias stands.
- A name that one source gives to two of its own entries (MISP lists Cadet Blizzard under
  SaintBear and under DEV-0586) is *contested*: it links nothing and, when its claimants end
  as two actors, resolves to none on its own; the analyst sees the candidates. So is a name
  that ends up claimed by two actors of the join. When the claimants end as one actor (the
  join puts both of MISP's Mint Sandstorm clusters into Magic Hound) or only one of them is
  an actor (MISP's UNC2452 has no name APT29 does not hold: Nobelium), the name is that
  actor's.
- Any other name shared by entries of different sources joins them into one actor.

Examples
--------
>>> from graphkit.galaxy import Entry
>>> joined = join([
...     Entry("attack", "APT28", ("APT28", "Fancy Bear"), attack_id="G0007"),
...     Entry("galaxy", "APT28", ("APT28", "Sofacy", "Grizzly Steppe")),
...     Entry("galaxy", "APT29", ("APT29", "Grizzly Steppe")),
... ], settled_source="table", anchor_source="attack")
>>> joined.index["sofacy"], joined.index["apt29"]
('apt28', 'apt29')
>>> joined.contested["grizzlysteppe"]["candidates"]
['apt28', 'apt29']
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from graphkit.galaxy import Entry
from graphkit.identity import slugify

__all__ = ["Joined", "join", "name_key"]


def name_key(name: str) -> str:
    """A name as compared: case, spaces and punctuation do not count (Fancy-Bear is fancy bear)."""
    return re.sub(r"[^0-9a-z]+", "", name.casefold())


@dataclass
class Joined:
    """The join's result, plain data (it is cached as JSON).

    ``actors``: one dict per actor (id, name, attack_id, description, ties: name → sources,
    galaxy: the galaxy entries joined in, with their country and suspected sponsor);
    ``index``: name key → actor id; ``contested``: name key → {name, sources, candidates}.
    """

    actors: list[dict[str, Any]] = field(default_factory=list)
    index: dict[str, str] = field(default_factory=dict)
    contested: dict[str, dict[str, Any]] = field(default_factory=dict)


class _Components:
    """Union-find over entries; an anchored entry (ATT&CK group, table entry) per source at most."""

    def __init__(self, entries: list[Entry], anchored: tuple[str, ...]) -> None:
        self.parent = list(range(len(entries)))
        self.anchors: list[dict[str, int]] = [
            {e.source: i} if e.source in anchored else {} for i, e in enumerate(entries)
        ]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or set(self.anchors[ra]) & set(self.anchors[rb]):
            return  # one component already, or two ATT&CK groups (table entries): kept apart
        self.parent[rb] = ra
        self.anchors[ra].update(self.anchors[rb])


def _claims(entries: list[Entry]) -> dict[str, list[int]]:
    claims: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        for key in dict.fromkeys(name_key(n) for n in e.names):
            if key:
                claims[key].append(i)
    return claims


def _same_by_source(entries: list[Entry]) -> list[int]:
    """Each entry's group within its own source: two entries of one source are one actor by
    that source's word when one lists the other's own name (the Microsoft galaxy keeps
    STRONTIUM and Forest Blizzard apart, and Forest Blizzard lists STRONTIUM)."""
    group = list(range(len(entries)))

    def find(i: int) -> int:
        while group[i] != i:
            i = group[i]
        return i

    by_primary: dict[tuple[str, str], int] = {}
    for i, e in enumerate(entries):
        by_primary.setdefault((e.source, name_key(e.primary)), i)
    for i, e in enumerate(entries):
        for n in e.names:
            j = by_primary.get((e.source, name_key(n)))
            if j is not None and find(i) != find(j):
                group[find(j)] = find(i)
    return [find(i) for i in range(len(entries))]


def _contested_by(entries: list[Entry], claims: dict[str, list[int]]) -> dict[str, list[str]]:
    """Name key → the sources that give the name to two of their own actors."""
    groups = _same_by_source(entries)
    out: dict[str, list[str]] = {}
    for key, owners in claims.items():
        per_source: dict[str, set[int]] = defaultdict(set)
        for i in owners:
            per_source[entries[i].source].add(groups[i])
        if disputing := sorted(s for s, g in per_source.items() if len(g) > 1):
            out[key] = disputing
    return out


def _anchor_of(
    i: int, entries: list[Entry], claims: dict[str, list[int]], free: set[str], comps: _Components
) -> int | None:
    """The anchored component an entry joins: the one whose own name is the entry's own name,
    else one whose own name or ATT&CK id the entry lists, else the one it shares most names
    with; None when it shares none."""
    keys = [k for k in dict.fromkeys(name_key(n) for n in entries[i].names) if k in free]
    mine = name_key(entries[i].primary)
    score: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key in keys:
        for j in claims[key]:
            root = comps.find(j)
            if j != i and comps.anchors[root]:
                own = {name_key(entries[j].primary), name_key(entries[j].attack_id or "")}
                score[root][0] |= int(key == mine and key in own)
                score[root][1] |= int(key in own)
                score[root][2] += 1
    if not score:
        return None
    return max(sorted(score), key=lambda r: tuple(score[r]))


@dataclass
class _Work:
    """What the join's steps share: the entries, who claims each name, the contested names,
    the components so far, and which sources settle (the table) and anchor (ATT&CK)."""

    entries: list[Entry]
    claims: dict[str, list[int]]
    contested: dict[str, list[str]]
    comps: _Components
    settled: str
    anchor: str


def _link(w: _Work) -> None:
    """Join entries that share uncontested names: the table with ATT&CK first, then each other
    entry with the ATT&CK group (or table actor) it points to, then the rest with each other."""
    entries, claims, contested, comps = w.entries, w.claims, w.contested, w.comps
    settled, anchor = w.settled, w.anchor
    free = {k for k in claims if k not in contested}
    settled_keys = {name_key(n) for e in entries if e.source == settled for n in e.names}
    for key in sorted(settled_keys):
        owners = [i for i in claims[key] if entries[i].source in (settled, anchor)]
        for other in owners[1:]:
            comps.union(owners[0], other)
    for i, e in enumerate(entries):
        if e.source not in (settled, anchor):
            root = _anchor_of(i, entries, claims, free, comps)
            if root is not None:
                comps.union(root, i)
    for key in sorted(free):
        owners = [i for i in claims[key] if entries[i].source not in (settled, anchor)]
        for other in owners[1:]:
            comps.union(owners[0], other)


def _resolution(w: _Work) -> tuple[dict[str, int], dict[str, dict[str, Any]]]:
    """Name key → component root, and the contested names with the roots that claim them."""
    entries, contested, comps, anchor = w.entries, w.contested, w.comps, w.anchor
    index: dict[str, int] = {}
    disputed: dict[str, dict[str, Any]] = {}
    for key, owners in w.claims.items():
        roots = sorted({comps.find(i) for i in owners})
        table = [i for i in owners if entries[i].source == w.settled]
        primary = [
            i for i in owners if entries[i].source == anchor and name_key(entries[i].primary) == key
        ]
        attack = [i for i in owners if entries[i].source == anchor]
        if table or primary:
            index[key] = comps.find((table or primary)[0])
        elif attack and key not in contested and len({comps.find(i) for i in attack}) == 1:
            index[key] = comps.find(attack[0])  # ATT&CK's alias over a galaxy's wider cluster
        elif len(roots) > 1:  # contested, or joined by no source: two actors claim it
            sources = contested.get(key) or sorted({entries[i].source for i in owners})
            name = entries[owners[0]].names[
                [name_key(n) for n in entries[owners[0]].names].index(key)
            ]
            disputed[key] = {"name": name, "sources": sources, "roots": roots}
        else:
            index[key] = roots[0]
    for i, e in enumerate(entries):
        if e.source == anchor and e.attack_id:
            index[name_key(e.attack_id)] = comps.find(i)
    return index, disputed


def _actor(members: list[Entry], names: list[str], anchor: str) -> dict[str, Any]:
    """One actor's record: its name (ATT&CK's, else the first resolvable), ties and galaxy data."""
    attack = next((e for e in members if e.source == anchor), None)
    ties: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for e in members:
        for n in e.names:
            display = shown.setdefault(" ".join(n.split()).casefold(), n)  # spellings stay
            if e.source not in ties.setdefault(display, []):
                ties[display].append(e.source)
    return {
        "name": attack.primary if attack else names[0],
        "attack_id": attack.attack_id if attack else None,
        "description": attack.description if attack else None,
        "ties": ties,
        "galaxy": [
            {"source": e.source, "cluster": e.primary, "country": e.country, "sponsor": e.sponsor}
            for e in members
            if e.country is not None or e.sponsor is not None or e.source.startswith("misp")
        ],
    }


def join(entries: list[Entry], *, settled_source: str, anchor_source: str) -> Joined:
    """Join entries (in priority order: table, ATT&CK, galaxies) into actors."""
    claims = _claims(entries)
    contested = _contested_by(entries, claims)
    contested = {k: v for k, v in contested.items() if v != [settled_source]}
    comps = _Components(entries, (settled_source, anchor_source))
    work = _Work(entries, claims, contested, comps, settled_source, anchor_source)
    _link(work)
    index, disputed = _resolution(work)
    members: dict[int, list[Entry]] = defaultdict(list)
    for i, e in enumerate(entries):
        members[comps.find(i)].append(e)
    resolvable: dict[int, list[str]] = defaultdict(list)
    for root in members:
        for e in members[root]:
            resolvable[root].extend(n for n in e.names if index.get(name_key(n)) == root)
    out = Joined()
    ids: dict[int, str] = {}
    taken: set[str] = set()
    for root, group in members.items():
        if not resolvable[root]:
            continue  # every name it has is another actor's or contested: no actor of its own
        record = _actor(group, resolvable[root], anchor_source)
        record["id"] = ids[root] = _unique(slugify(record["name"]), taken)
        taken.add(record["id"])
        out.actors.append(record)
    out.index = {k: ids[r] for k, r in index.items() if r in ids}
    for key, d in disputed.items():
        candidates = sorted({ids[r] for r in d["roots"] if r in ids})
        if len(candidates) == 1:  # the other claimant holds no name of its own: no actor
            out.index[key] = candidates[0]
            continue
        out.contested[key] = {"name": d["name"], "sources": d["sources"], "candidates": candidates}
    return out


def _unique(slug: str, taken: set[str]) -> str:
    """The slug, or the slug with a number when another actor has it (two names, one slug)."""
    n, candidate = 2, slug
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
