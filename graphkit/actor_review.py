"""What graphkit knows of an actor's name, and the review queue of contested names.

:func:`describe_actor` says which actor a name is (or which actors claim it), which source ties
each of its names, and the galaxy's country and suspected sponsor, as reference data.
:func:`review_queue` lists the actors in a store that a report named by a contested name: the
loader kept each as an actor of its own, and an analyst decides.

Examples
--------
>>> d = describe_actor("Flax Typhoon")
>>> d["status"], d["actor"]["id"]
('resolved', 'flax-typhoon')
>>> d["actor"]["galaxy"][0]["country"]
'CN'
>>> describe_actor("Cadet Blizzard")["status"]
'contested'
>>> describe_actor("a brand new cluster")["status"]
'unknown'
"""

from __future__ import annotations

from typing import Any

from graphkit.actors import KnownActor, actor_index, name_key
from graphkit.store.base import GraphStore

__all__ = ["actor_record", "describe_actor", "review_queue"]


def actor_record(actor: KnownActor) -> dict[str, Any]:
    """An actor as plain data: names with the sources that tie them, the galaxy's data."""
    index = actor_index()
    ties = []
    for name, sources in actor.ties:
        resolves = index.resolve(name)
        ties.append(
            {
                "name": name,
                "sources": list(sources),
                "resolves": "here"
                if resolves is actor
                else "contested"
                if index.claimants(name)
                else resolves.id
                if resolves
                else "nowhere",
            }
        )
    return {
        "id": actor.id,
        "name": actor.name,
        "attack_id": actor.attack_id,
        "ties": ties,
        "galaxy": [dict(g) for g in actor.galaxy],
    }


def describe_actor(name: str) -> dict[str, Any]:
    """``status`` resolved (with ``actor``), contested (with ``sources`` that dispute it and
    ``candidates``) or unknown."""
    index = actor_index()
    known = index.resolve(name)
    if known is not None:
        return {"name": name, "status": "resolved", "actor": actor_record(known)}
    contest = index.contested.get(name_key(name))
    if contest is not None:
        return {
            "name": name,
            "status": "contested",
            "sources": list(contest["sources"]),
            "candidates": [actor_record(a) for a in index.claimants(name)],
        }
    return {"name": name, "status": "unknown"}


_REPORTED_ACTORS = (
    "MATCH (a:Actor) WHERE NOT a.reference "
    "OPTIONAL MATCH (r:Report)-[:MENTIONS]->(a) "
    "RETURN a.id AS id, a.name AS name, collect(r.id) AS reports ORDER BY id"
)


def review_queue(store: GraphStore) -> list[dict[str, Any]]:
    """Actors a report named by a contested name, with the actors that claim the name."""
    index = actor_index()
    out = []
    for row in store.run(_REPORTED_ACTORS).records():
        claimants = index.claimants(row["name"] or "")
        if claimants and row["id"] not in {a.id for a in claimants}:
            out.append(
                {
                    "id": row["id"],
                    "name": row["name"],
                    "reports": sorted(set(row["reports"])),
                    "candidates": [f"{a.name} ({a.id})" for a in claimants],
                    "disputed by": index.contested[name_key(row["name"])]["sources"],
                }
            )
    return out
