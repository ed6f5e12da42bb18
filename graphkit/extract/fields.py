"""Labelled fields ("Actor: GTG-2002", "Targets: ...") and what each label says it holds:
a name, who, a language, a target, or text to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from graphkit.extract.cues import field_roles

__all__ = [
    "FIELD_HEAD",
    "FIELD_ROLES",
    "fact_sheets",
    "field_block",
    "field_list",
    "field_role",
    "labelled_fields",
    "listed_values",
]


# "**Actor:** GTG-5004" (bold already gone or not): a line that is one labelled field
FIELD_LINE: Final = re.compile(r"^\s*(?:\*\*|__)?[A-Z][A-Za-z ]{1,24}:(?:\*\*|__)?\s+\S")


# A labelled field's first line: "Actor: GTG-5004", or "Summary:" over an indented value.
FIELD_HEAD: Final = re.compile(r"^(?:\*\*|__)?[A-Z][A-Za-z ]{1,24}:(?:\*\*|__)?(?:\s+\S.*)?$")


def field_block(lines: list[str]) -> str | None:
    """A block of labelled fields as one "Label: value; Label: value" paragraph: a field a
    line ("Actor: GTG-5004"), or a label over its value's indented lines ("Summary:" then
    "    A single operator ..."). None when the block is anything else.

    >>> field_block(["Incident: GTG-2002", "Summary:", "    A lone operator", "    ran it."])
    'Incident: GTG-2002; Summary: A lone operator ran it.'
    """
    if all(FIELD_LINE.match(ln) for ln in lines):
        return "; ".join(ln.strip() for ln in lines)
    fields: list[str] = []
    for line in lines:
        if line[:1].isspace() and line.strip() and fields:
            fields[-1] = f"{fields[-1]} {line.strip()}"
        elif FIELD_HEAD.match(line):
            fields.append(line.strip())
        else:
            return None
    if len(fields) < 2 or any(f.endswith(":") for f in fields):
        return None  # a label with no value: not fields
    return "; ".join(fields)


# A paragraph that is a label alone, its values in the list below: "Languages used:"
_LABEL_ONLY: Final = re.compile(r"^([A-Z][A-Za-z ]{1,30}):$")


_LISTED_ROLES: Final = ("language", "target", "who")  # what a list under a label may give


def listed_values(
    triples: Iterator[tuple[str | None, str, bool]],
) -> Iterator[tuple[str | None, str, bool]]:
    """A label alone ("Languages used:") over list items ("- Chinese", "- English") becomes one
    field, "Languages used: Chinese, English", when the label says what the items are."""
    pending: tuple[str | None, str, list[str]] | None = None

    def field(heading: str | None, label: str, values: list[str]) -> tuple[str | None, str, bool]:
        return heading, f"{label} {', '.join(values)}" if values else label, False

    for heading, paragraph, item in triples:
        if pending is not None:
            if item and heading == pending[0] and paragraph.strip():
                pending[2].append(paragraph.strip())
                continue
            yield field(*pending)
            pending = None
        label = _LABEL_ONLY.match(paragraph.strip()) if paragraph and not item else None
        if label and field_role(label.group(1)) in _LISTED_ROLES:
            pending = (heading, paragraph.strip(), [])
            continue
        yield heading, paragraph, item
    if pending is not None:
        yield field(*pending)


# Labelled fields of list items and table rows: label → what it says (layout.yaml).
FIELD_ROLES: Final = {label: role for role, labels in field_roles().items() for label in labels}


_FIELD: Final = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,24}?)\s?:\s*")


# A label not in FIELD_ROLES, by the word it ends with or holds: "Country of origin",
# "Audience or target", "Languages observed", "Operation name"
_ROLE_WORDS: Final = (
    (re.compile(r"\b(?:origin|attribution|nexus|sponsor)\b"), "who"),
    (re.compile(r"\blanguages?\b"), "language"),
    (re.compile(r"\b(?:targets?|audiences?|victims?|targeting)\b"), "target"),
    (re.compile(r"^(?:operation|campaign|network)(?: name)?$"), "name"),
)


def field_role(label: str) -> str | None:
    """What a field's label says it holds ("who", "language", "target", "name", "text", ...),
    or None for a label that is no field's.

    >>> field_role("Country of origin"), field_role("Audience or target"), field_role("Note")
    ('who', 'target', 'text')
    """
    key = label.strip().lower()
    role = FIELD_ROLES.get(key)
    if role is not None or len(key.split()) > 4:
        return role
    if FIELD_ROLES.get(key.split(" ", 1)[0]) == "text":
        return "text"  # "Notes on targets": notes, whatever they are on
    return next((r for pattern, r in _ROLE_WORDS if pattern.search(key)), None)


def labelled_fields(paragraph: str) -> list[tuple[str, str]] | None:
    """(role, value) pairs of a paragraph that is labelled fields ("Actor: GTG-2002"), else None."""
    if ":" not in paragraph.lstrip()[:30]:
        return None  # the label and its colon come first: most paragraphs have none there
    first = _FIELD.match(paragraph)
    if not first or field_role(first.group(1)) is None:
        return None
    out: list[tuple[str, str]] = []
    for part in paragraph.split("; ") if "; " in paragraph else [paragraph]:
        m = _FIELD.match(part)
        role = field_role(m.group(1)) if m else None
        if m and role:
            out.append((role, part[m.end() :].strip()))
        elif m:  # a label not known ("How Claude was used: ...") is text to read, label and all
            out.append(("text", part.strip()))
        elif out:  # a value that holds "; " itself
            out[-1] = (out[-1][0], f"{out[-1][1]}; {part}")
    return out


# A label written in sentence case, as a record's labels are ("Attack speed", "Misused tools"),
# not as a name is ("Tin Vane")
_SENTENCE_CASE: Final = re.compile(r"^[A-Z][a-z]+ [a-z]")
_TITLE_CASE: Final = re.compile(r"^[A-Z][\w-]*(?: [A-Z][\w-]*)+$")


def field_list(items: list[str]) -> str | None:
    """A list's items that are each a labelled field, as one block of fields ("Targets: ...;
    Attack speed: ..."), when their labels are a record's: each once, half of them or more a
    field's known label or written in sentence case, or one a known label and none written as
    a name ("Targets: ...", "Landing: ..."), or the first one naming the case or its actor
    ("Threat Actor: Tin Vane", then "Financial Damage: ..."). Names each with what it did
    ("Tin Vane: a Bolivian crew ...") stay items, each a case.

    >>> field_list(["Tracked name: Tin-42", "Targets: ministries", "Pace: slow"])
    'Tracked name: Tin-42; Targets: ministries; Pace: slow'
    >>> field_list(["Tin Vane: a crew", "Grey Loom: a crew", "Salt Reed: a crew"]) is None
    True
    >>> field_list(["Threat actor: Tin Vane", "Money Lost: $2m", "Defense Tips: use keys"])
    'Threat actor: Tin Vane; Money Lost: $2m; Defense Tips: use keys'
    """
    if not all(FIELD_LINE.match(i) for i in items):
        return None
    labels = [i.split(":", 1)[0] for i in items]
    if len(set(labels)) < len(labels):
        return None  # "Case: A; Note: ...", "Case: B; ...": a table's rows, one a case
    known = [x for x in labels if field_role(x) is not None]
    recorded = [x for x in labels if x in known or _SENTENCE_CASE.match(x)]
    # ... or a known label at least and no other that is written as a name ("Tin Vane")
    named = [x for x in labels if x not in known and _TITLE_CASE.match(x)]
    record = 2 * len(recorded) >= len(labels) or (known and not named)
    # ... or its first field names the case or its actor ("Threat Actor: Tin Vane, ...", then
    # "Financial Damage: ...", "Defense Tips: ..."): the fields after it are that one's
    record = record or field_role(labels[0]) in ("name", "actor")
    return "; ".join(items) if record else None


# A paragraph as the reader yields it: its heading, its text, whether it is a list item
_Triple = tuple[str | None, str, bool]


def fact_sheets(triples: Iterable[_Triple]) -> Iterator[_Triple]:
    """The paragraphs, with each run of three list items or more that :func:`field_list`
    reads as one record's fields as one paragraph: a block may open with prose lines before
    its list ("Incident overview" over "- Targets: ...", "- Landing: ...")."""
    run: list[_Triple] = []
    for t in triples:
        if t[2]:
            run.append(t)
            continue
        yield from _sheet(run)
        run = []
        yield t
    yield from _sheet(run)


def _sheet(items: list[_Triple]) -> Iterator[_Triple]:
    sheet = field_list([text.strip() for _, text, _ in items]) if len(items) > 2 else None
    if sheet is None:
        yield from items
    else:
        yield items[0][0], sheet, False
