"""A country as the subject of its sentence, standing for its actors: "Cuba made relatively
modest use of the platform", "Peru, Bolivia and Cuba all used it". Where the actors are, not
whom they went after.
"""

from __future__ import annotations

from functools import cache

from graphkit.extract.cues import words
from graphkit.extract.gazetteer import lookup_table
from graphkit.extract.reading import Mention

__all__ = ["country_used"]


_USING = words("country_uses")


def country_used(m: Mention) -> bool:
    """Whether a country opens its sentence (alone or as the last of a list of countries) and
    the verb after it says its actors used what the report is about: "Cuba used the platform",
    "Peru mostly leaned on it", "Peru, Bolivia and Cuba all used it"."""
    places = _place_words()
    if not all(w in places or w in ("and", "or") for w in m.words[: m.index]):
        return False
    verb = next((w for w in m.after if not w.endswith("ly") and w not in ("also", "all")), "")
    if verb in ("was", "were", "is", "are"):  # "Cuba was by far the heaviest user"
        said = m.words[m.index + m.width : m.index + m.width + 7]
        return not _USERS.isdisjoint(said)
    return verb in _USING


_USERS = words("users")


@cache
def _place_words() -> frozenset[str]:
    """The words of the countries' names ("north", "korea", "peru")."""
    table = lookup_table().items()
    return frozenset(
        w for k, v in table if any(e.kind == "Country" for e in v[0]) for w in k.split()
    )
