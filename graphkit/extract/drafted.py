"""Passes over the drafted campaigns, where each one's actors and their countries are known.

An origin a case lends to an actor its sentence does not name: "The report describes two
groups, Red Ledger and Tin Drum." then "Red Ledger is based in China. ... Tin Drum is based in
Iran.": the first case holds both names, and China, said of Red Ledger, is not Tin Drum's when
the text says by name where Tin Drum is from.

>>> cn = {"id": "CN", "evidence": "Red Ledger is based in China."}
>>> ir = {"id": "IR", "evidence": "Tin Drum is based in Iran."}
>>> first = {"actors": [{"name": "Red Ledger", "country": cn}, {"name": "Tin Drum", "country": cn}]}
>>> second = {"actor": {"name": "Tin Drum", "country": ir}}
>>> unlent([first, second])
>>> [a.get("country", {}).get("id") for a in first["actors"]]
['CN', None]

The actors' own state is no target: "The workers pass their pay to the government of North
Korea", "Their wages fund the North Korean government", "a unit of the Russian military" (of
North Korean or Russian actors) name whom the actors serve.

>>> campaign = {"actor": {"name": "IT workers", "country": {"id": "KP"}}, "targets": {"sectors":
... [{"id": "government", "evidence": "They pay the government of North Korea."}]}}
>>> unserved([campaign])
>>> campaign["targets"]["sectors"]
[]
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Final

from graphkit.extract.cues import word_list
from graphkit.identity import country_words

__all__ = ["drafted_actors", "unlent", "unserved"]


def drafted_actors(campaign: dict[str, Any]) -> list[dict[str, Any]]:
    """A drafted campaign's actors: its one ``actor``, or its ``actors``."""
    return list(campaign.get("actors") or ([campaign["actor"]] if campaign.get("actor") else []))


def unlent(campaigns: list[dict[str, Any]]) -> None:
    """Drop the country of an actor whose evidence names another actor of its campaign and not
    it, where another sentence that names it gives it another country."""
    said: dict[str, set[str]] = {}  # an actor's name → countries a sentence naming it gives
    for actors in map(drafted_actors, campaigns):
        for a in actors:
            if a.get("country") and _names(a, str(a["country"]["evidence"])):
                said.setdefault(a["name"], set()).add(a["country"]["id"])
    for actors in map(drafted_actors, campaigns):
        for a in actors if len(actors) > 1 else ():
            country = a.get("country")
            if not country or not said.get(a["name"], {country["id"]}) - {country["id"]}:
                continue
            evidence = str(country["evidence"])
            if not _names(a, evidence) and any(_names(b, evidence) for b in actors if b is not a):
                del a["country"]


def _names(actor: dict[str, Any], text: str) -> bool:
    """Whether ``text`` names the actor, by its name or an alias."""
    return any(n and n in text for n in [actor["name"], *actor.get("aliases", ())])


# A state's arms, by the sector they are: its government, its armed forces (words.yaml)
_BODIES: Final = {
    "government": f"(?:{'|'.join(word_list('state_government'))})",
    "defense": f"(?:{'|'.join(word_list('state_military'))})",
}


def unserved(campaigns: list[dict[str, Any]]) -> None:
    """Drop a government or defense sector whose evidence speaks of that body only as the
    state of the campaign's own actors ("the government of North Korea", "the North Korean
    government", "North Korea's military"); not where another body of its kind is there too
    ("working for the Syrian government ... the government of Jordan")."""
    for campaign in campaigns:
        own = {a["country"]["id"] for a in drafted_actors(campaign) if a.get("country")}
        sectors = (campaign.get("targets") or {}).get("sectors") or []
        if own and any(s["id"] in _BODIES for s in sectors):
            campaign["targets"]["sectors"] = [s for s in sectors if not _only_theirs(s, own)]


def _only_theirs(sector: dict[str, Any], own: set[str]) -> bool:
    """Whether every word of a state body of the sector's kind in its evidence is the own
    state's."""
    if sector["id"] not in _BODIES:
        return False
    text = str(sector["evidence"])
    said = [m.start() for m in _body(sector["id"]).finditer(text)]
    theirs = {
        m.start("body") if m.group("body") else m.start("b2")
        for code in own
        for m in _owned(code, sector["id"]).finditer(text)
    }
    return bool(said) and all(at in theirs for at in said)


@cache
def _body(sector: str) -> re.Pattern[str]:
    return re.compile(rf"\b{_BODIES[sector]}(?![\w-])", re.I)  # not "government-backed"


@cache
def _owned(code: str, sector: str) -> re.Pattern[str]:
    """A body of the country ``code``: "government of North Korea", "the North Korean
    government", "North Korea's military" (its word in the group ``body`` or ``b2``)."""
    words = sorted((re.escape(w) for w, c in country_words().items() if c == code), key=len)
    names, body = "|".join(reversed(words)), _BODIES[sector]
    return re.compile(
        rf"\b(?P<body>{body}) of (?:the )?(?:{names})\b|\b(?:{names})(?:['\u2019]s)? (?P<b2>{body})"
        r"(?![\w-])",
        re.I,
    )
