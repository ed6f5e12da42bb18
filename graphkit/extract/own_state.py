"""The actors' own state is no target: "The workers pass their pay to the government of North
Korea", "Their wages fund the North Korean government", "a unit of the Russian military" (of
North Korean or Russian actors) name whom the actors serve. Read on a drafted campaign, where
its actors' countries are known.

>>> campaign = {"actor": {"name": "IT workers", "country": {"id": "KP"}}, "targets": {"sectors":
... [{"id": "government", "evidence": "They pay the government of North Korea."}]}}
>>> unserved(campaign)
>>> campaign["targets"]["sectors"]
[]
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Final

from graphkit.identity import country_words

__all__ = ["unserved"]

# A state's arms, by the sector they are: its government, its armed forces
_BODIES: Final = {
    "government": r"(?:government|regime|leadership)",
    "defense": r"(?:military|army)",
}


def unserved(campaign: dict[str, Any]) -> None:
    """Drop a government or defense sector whose evidence speaks of that body only as the
    state of the campaign's own actors ("the government of North Korea", "the North Korean
    government", "North Korea's military"); not where another body of its kind is there too
    ("working for the Syrian government ... the government of Jordan")."""
    actors = campaign.get("actors") or ([campaign["actor"]] if campaign.get("actor") else [])
    own = {a["country"]["id"] for a in actors if a.get("country")}
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
