"""The actors' own state is no target: "The workers pass their pay to the government of North
Korea", "Their wages fund the North Korean government" (North Korean actors) name whom the
actors serve. Read on a drafted campaign, where its actors' countries are known.

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

# The sectors that are a state's own arms
_STATE: Final = frozenset({"government", "defense"})


def unserved(campaign: dict[str, Any]) -> None:
    """Drop the government or defense sector its evidence names as the state of the campaign's
    own actors ("the government of North Korea", "the North Korean government", "North Korea's
    military")."""
    actors = campaign.get("actors") or ([campaign["actor"]] if campaign.get("actor") else [])
    own = {a["country"]["id"] for a in actors if a.get("country")}
    sectors = (campaign.get("targets") or {}).get("sectors") or []
    if not own or not any(s["id"] in _STATE for s in sectors):
        return
    campaign["targets"]["sectors"] = [
        s for s in sectors
        if s["id"] not in _STATE or not any(_owned(code).search(s["evidence"]) for code in own)
    ]  # fmt: skip


@cache
def _owned(code: str) -> re.Pattern[str]:
    """A state body of the country ``code``: "government of North Korea", "the North Korean
    government", "North Korea's military"."""
    names = "|".join(
        sorted(
            (re.escape(w) for w, c in country_words().items() if c == code), key=len, reverse=True
        )
    )
    body = r"(?:government|regime|military|army|leadership)(?![\w-])"  # not "government-backed"
    return re.compile(
        rf"\b{body} of (?:the )?(?:{names})\b|\b(?:{names})(?:['\u2019]s)? {body}", re.I
    )
