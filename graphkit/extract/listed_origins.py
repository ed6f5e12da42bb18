"""An actor the text does not name, from several countries in one list ("groups from Russia,
China, and Iran"): one actor a country, each named for its own."""

from __future__ import annotations

import re
from typing import Any, Final

from graphkit.extract.cues import noun_pattern
from graphkit.identity import country_name
from graphkit.vocab import countries

__all__ = ["one_each", "one_of_them"]


def one_each(actor: dict[str, Any], origins: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An actor the text does not name, from several countries in one list ("groups from
    Russia, China, and Iran"): one actor a country, each named for its own. A name that opens
    with the list ("Chinese, Russian and Iranian operators") or names the first country
    ("Hackers from Russia") takes each one's own ("Russian operators", "Hackers from China")."""
    places = countries().words
    name = actor["name"]
    rest = _after_demonyms(name, [d for o in origins for d in _demonyms(places, o["id"])])
    says_first = (  # not inside the quoted title of "Unnamed actor in “...”"
        None if "\u201c" in name else _listed_span(name, [country_name(o["id"]) for o in origins])
    )
    # ... or holds the list of their peoples: "Accounts run by Peruvian and Bolivian crews"
    peoples = [d[0].title() for o in origins if (d := _demonyms(places, o["id"]))]
    whole = not (rest or says_first) and len(peoples) == len(origins)
    inside = _listed_span(name, peoples) if whole else None
    out = []
    for o, own in ((o, _demonyms(places, o["id"])) for o in origins):
        if rest and own:
            named = f"{own[0].title()} {rest}"
        elif says_first:
            named = name[: says_first.start()] + country_name(o["id"]) + name[says_first.end() :]
        elif inside and own:
            named = name[: inside.start()] + own[0].title() + name[inside.end() :]
        else:
            named = f"{name} ({country_name(o['id'])})"
        out.append({**actor, "name": named, "country": o})
    return out


_ONE: Final = re.compile(rf"^(?:{noun_pattern('subject')})$", re.I)


def one_of_them(name: str) -> bool:
    """Whether an unnamed actor's name is headed by a noun for one of them ("Group based in
    China", "Israeli firm"): one actor, not one a country as "groups" or "operators" are."""
    if name.startswith("Unnamed "):
        return False  # no phrase of its own: "Unnamed actor in ..."
    head = None  # the last noun of the first run of them: "Scam centres likely based in"
    for word in name.split():
        if _ONE.match(word):
            head = word
        elif head:
            break
    return head is not None and not head.lower().endswith("s")


def _listed_span(name: str, names: list[str]) -> re.Match[str] | None:
    """Where a name says the list of countries, from the first to the last it holds: "Russia,
    China, and Iran" in "Hackers from Russia, China, and Iran"."""
    others = "|".join(re.escape(n) for n in sorted(names[1:], key=len, reverse=True))
    tail = rf"(?:(?:,\s*|\s+)(?:(?:and|or)\s+)?(?:{others}))*" if others else ""
    return re.search(rf"\b{re.escape(names[0])}\b{tail}", name)


def _demonyms(places: dict[str, Any], code: str) -> tuple[str, ...]:
    words = places.get(code)
    return words.demonyms if words else ()


def _after_demonyms(name: str, demonyms: list[str]) -> str | None:
    """What follows a name's opening list of demonyms ("Chinese, Russian and Iranian
    operators" gives "operators"), or None when it does not open with one."""
    alternatives = "|".join(re.escape(d) for d in sorted(demonyms, key=len, reverse=True))
    if not alternatives:
        return None
    item = rf"(?:{alternatives})"
    opening = re.match(rf"(?i){item}(?:(?:,\s*|\s+)(?:(?:and|or)\s+)?{item})*\s+(\S.*)$", name)
    return opening.group(1) if opening else None
