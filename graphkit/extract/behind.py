"""The actor behind an operation the text describes but does not name: "A sophisticated
China-linked espionage campaign targets ..." names what was done, not who did it.

Examples
--------
>>> behind("Sophisticated China-linked cyber espionage campaign")
'Actors behind the sophisticated China-linked cyber espionage campaign'
>>> behind("Chinese influence operation")
'Actors behind the Chinese influence operation'
>>> behind("Accounts tied to a fraud operation") is None, behind("Chinese hackers") is None
(True, True)
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.name_checks import only_places

__all__ = ["behind", "case_name"]


# A noun phrase headed by a word for what was done, with no preposition inside ("accounts
# tied to a fraud operation" is headed by "accounts")
_DONE: Final = re.compile(
    r"^(?!Actors\b)(?:[\w-]+ ){0,5}(?:campaign|operation|intrusion|attack|effort)s?$"
)
_INSIDE: Final = re.compile(
    r"(?<![\w-])(?:to|of|for|by|with|from|in|on|behind|against|tied|linked)(?![\w-])"
)


def behind(subject: str) -> str | None:
    """The name of who is behind an operation a subject phrase names, or None where the
    phrase names who (the case then keeps the phrase as its actor's name)."""
    if not _DONE.match(subject) or _INSIDE.search(subject):
        return None
    first, _, rest = subject.partition(" ")
    keep = only_places(first.split("-")[0]) or not first[1:].islower()  # "Russian-linked"
    first = first if keep else first.lower()
    return f"Actors behind the {first} {rest}".rstrip()


def case_name(subject: str | None, named: bool, actor: str) -> str:
    """The name of a case with none of its own: the phrase of what was done where the case
    names no actor (``named``: "Sophisticated China-linked espionage campaign"), else its
    first actor's with "activity"."""
    return subject if subject and not named and behind(subject) else f"{actor} activity"
