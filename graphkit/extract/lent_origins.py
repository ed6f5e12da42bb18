"""Origins a campaign lends to an actor the sentence does not name: "The report describes two
groups, Red Ledger and Tin Drum." then "Red Ledger is based in China. ... Tin Drum is based in
Iran.": the first case holds both names, and China, said of Red Ledger, is not Tin Drum's
when the text says by name where Tin Drum is from.

>>> cn = {"id": "CN", "evidence": "Red Ledger is based in China."}
>>> ir = {"id": "IR", "evidence": "Tin Drum is based in Iran."}
>>> first = {"actors": [{"name": "Red Ledger", "country": cn}, {"name": "Tin Drum", "country": cn}]}
>>> second = {"actor": {"name": "Tin Drum", "country": ir}}
>>> unlent([first, second])
>>> [a.get("country", {}).get("id") for a in first["actors"]]
['CN', None]
"""

from __future__ import annotations

from typing import Any

__all__ = ["unlent"]


def unlent(campaigns: list[dict[str, Any]]) -> None:
    """Drop the country of an actor whose evidence names another actor of its campaign and not
    it, where another sentence that names it gives it another country."""
    said: dict[str, set[str]] = {}  # an actor's name → countries a sentence naming it gives
    for actors in map(_actors, campaigns):
        for a in actors:
            if a.get("country") and _names(a, str(a["country"]["evidence"])):
                said.setdefault(a["name"], set()).add(a["country"]["id"])
    for actors in map(_actors, campaigns):
        for a in actors if len(actors) > 1 else ():
            country = a.get("country")
            if not country or not said.get(a["name"], {country["id"]}) - {country["id"]}:
                continue
            evidence = str(country["evidence"])
            if not _names(a, evidence) and any(_names(b, evidence) for b in actors if b is not a):
                del a["country"]


def _actors(campaign: dict[str, Any]) -> list[dict[str, Any]]:
    return list(campaign.get("actors") or ([campaign["actor"]] if campaign.get("actor") else []))


def _names(actor: dict[str, Any], text: str) -> bool:
    """Whether ``text`` names the actor, by its name or an alias."""
    return any(n and n in text for n in [actor["name"], *actor.get("aliases", ())])
