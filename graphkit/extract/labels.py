"""Labels before a colon or a dash, and whether one names an operation: "Sneer Review: a
network that ...", "IUVM, Iran: long-form articles" do; "Risk Level: high", "What Went Wrong:
the inside story", "Reconnaissance: finding think tanks" and a role a list defines ("Builders:
coders who wrote the proxy", "Users: ...") do not.

>>> label_name("Sneer Review: a network that posted comments.")
[(0, 'Sneer Review')]
>>> label_name("Status: ongoing"), a_role("Creators: Developers who designed the tools.")
([], True)
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import word_list
from graphkit.extract.headings import GENERIC_HEADINGS, STAGE_HEADINGS, code_named, is_topic
from graphkit.extract.name_checks import NOT_NAMES, names_a_technique, only_places, says_nothing

__all__ = ["TITLED", "a_role", "label_name"]


_LABEL: Final = re.compile(r"^([A-Z][^:.!?\"]{1,60}?)\s?:\s+\S")


# A writer's aside before a labelled name: "Add Wrong Number: ...", "Also Sneer Review: ..."
_ASIDE: Final = re.compile(rf"^(?:{'|'.join(word_list('asides'))})\s+(?=[A-Z])")


_DASH_LABEL: Final = re.compile(r"^([A-Z][^:.!?\"\u2013\u2014-]{1,60}?) (?:--?|\u2013|\u2014) \S")


_NOT_LABELS: Final = re.compile(rf"^({'|'.join(word_list('not_labels'))})$", re.I)


# A label that numbers a case: "Case two", "Operation 3"
_CASE_LABEL: Final = re.compile(r"^(?:Case|Operation|Network|Campaign|Cluster)\s+\S+$")


# What a role is, after its label: a bare plural and a relative clause ("coders who wrote");
# or the label is a plural of who does something ("Creators", "Providers", "Users")
_PEOPLE_DEFINED: Final = re.compile(r"(?i:(?:[a-z-]+ ){0,2}[a-z-]+s (?:who|that|whose))\b")
_AGENTS: Final = re.compile(r"[A-Z][a-z]+(?:ers|ors|ists|ants|ents)")


# A run-in head that is a name: title case, or a noun phrase that ends with who it is.
TITLED: Final = re.compile(  # small words inside, not at the end: "Zoom in" is a news page's label
    r"^(?:[A-Z0-9][\w'-]*|and|of|the|in|for)(?: (?:[A-Z0-9][\w'-]*|and|of|the|in|for))*"
    r"(?<! and)(?<! of)(?<! the)(?<! in)(?<! for)$"
)


def _label(head: str) -> re.Match[str] | None:
    """The label a line opens with, before a colon or a dash."""
    label = _LABEL.match(head) if ":" in head[:64] else None
    if label is None and (" - " in head[:64] or " \u2013 " in head[:64]):
        label = _DASH_LABEL.match(head)  # "Sneer Review - likely China. Comments in ..."
    return label


def a_role(head: str) -> bool:
    """Whether a line defines a role by its label: one word, a plural of who does something
    ("Creators", "Users"), or a value that is people ("Builders: coders who wrote ...")."""
    label = _label(head)
    if label is None or " " in label.group(1):
        return False
    value = head[label.end(1) :].lstrip(" :\u2013\u2014-")
    return bool(_PEOPLE_DEFINED.match(value) or _AGENTS.fullmatch(label.group(1)))


def label_name(head: str) -> list[tuple[int, str]]:
    """A label before a colon or a dash: "Sneer Review: a network that ...", not "Activity
    consistent with North Korea: ..."."""
    label = _label(head)
    if not label or len(label.group(1).split()) > 6:
        return []
    value = head[label.end(1) :].lstrip(" :\u2013\u2014-").rstrip(".")
    if len(value.split()) <= 2 and value[:1].islower() and says_nothing(value):
        return []  # "Risk Level: high", "Status: ongoing": a field and its value, no name
    if a_role(head):
        return []  # "Builders: coders who wrote the proxy", "Users: ...": a role, no name
    name = _ASIDE.sub("", label.group(1).strip())  # "Add Wrong Number: a task scam ..."
    first, comma, said = name.partition(", ")
    if comma and only_places(said):
        name = first  # "IUVM, Iran: long-form articles": the name, then where it is from
    if (TITLED.match(name) or _CASE_LABEL.match(name)) and not (
        GENERIC_HEADINGS.match(name)
        or is_topic(name)  # "What Went Wrong: the inside story": what a section is about
        or _NOT_LABELS.match(name)
        or NOT_NAMES.match(name)
        or STAGE_HEADINGS.match(name)  # "Reconnaissance: finding think tanks ...": a stage
        or names_a_technique(name)  # "Supply Chain Compromise: ...": a kind of attack
    ):
        return [(0, code_named(name))]  # "Understanding Storm-2139: ..."
    return []
