"""Labelled fields ("Actor: GTG-2002", "Targets: ...") and what each label says it holds:
a name, who, a language, a target, or text to read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from graphkit.extract.cues import field_roles
from graphkit.extract.gazetteer import actor_codes

__all__ = [
    "FIELD_HEAD",
    "FIELD_ROLES",
    "fact_sheet",
    "fact_sheets",
    "field_block",
    "field_role",
    "labelled_fields",
    "listed_values",
]


# "**Actor:** GTG-5004" (bold already gone or not): a line that is one labelled field
FIELD_LINE = re.compile(r"^\s*(?:\*\*|__)?[A-Z][A-Za-z ]{1,24}:(?:\*\*|__)?\s+\S")


# A labelled field's first line: "Actor: GTG-5004", or "Summary:" over an indented value.
FIELD_HEAD = re.compile(r"^(?:\*\*|__)?[A-Z][A-Za-z ]{1,24}:(?:\*\*|__)?(?:\s+\S.*)?$")


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
_LABEL_ONLY = re.compile(r"^([A-Z][A-Za-z ]{1,30}):$")


_LISTED_ROLES = ("language", "target", "who")  # what a list under a label may give


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
FIELD_ROLES = {label: role for role, labels in field_roles().items() for label in labels}


_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,24}?)\s?:\s*")


# A label not in FIELD_ROLES, by the word it ends with or holds: "Country of origin",
# "Audience or target", "Languages observed", "Operation name"
_ROLE_WORDS = (
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


def fact_sheet(items: list[str]) -> str | None:
    """List items (their markers gone) that are each a labelled field, one label at least a
    known field's ("Targets: ..."), as one "Label: value; Label: value" paragraph: the fact
    sheet of one case ("Landing: ..." is its field, no case), not a list of cases ("Sneer
    Review: ...") nor a table's rows (a label again in each). None when they are anything else."""
    labels = [_FIELD.match(item) for item in items]
    if not all(labels) or not any(m and field_role(m.group(1)) for m in labels):
        return None
    named = {m.group(1).lower() for m in labels if m}
    if len(named) < len(items):
        return None  # "- Case: X; Note: ..." an item: a table's rows, each a record
    return "; ".join(item.strip() for item in items)


# A paragraph as the reader yields it: its heading, its text, whether it is a list item
_Triple = tuple[str | None, str, bool]


def fact_sheets(triples: Iterable[_Triple]) -> Iterator[_Triple]:
    """The paragraphs, with consecutive list items that are a fact sheet as one
    (:func:`fact_sheet`): "- Targets: ...", "- Landing: ..."."""
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
    sheet = fact_sheet([text for _, text, _ in items]) if len(items) > 1 else None
    if sheet is None:
        yield from items
    else:
        yield items[0][0], sheet, False


def labelled_fields(paragraph: str) -> list[tuple[str, str]] | None:
    """(role, value) pairs of a paragraph that is labelled fields ("Actor: GTG-2002"), else None.
    A first label no field's whose value opens on an actor's code ("Internal designation:
    GTG-1002 (...)") says who the actor is, where a later label is a known field's."""
    if ":" not in paragraph.lstrip()[:30]:
        return None  # the label and its colon come first: most paragraphs have none there
    first = _FIELD.match(paragraph)
    if not first:
        return None
    role = field_role(first.group(1))
    if role is None and "; " in paragraph:
        code = actor_codes(paragraph[first.end() :][:20])
        later = (_FIELD.match(part) for part in paragraph.split("; ")[1:])
        if code and code[0][0] == 0 and any(m and field_role(m.group(1)) for m in later):
            role = "actor"
    if role is None:
        return None
    out: list[tuple[str, str]] = []
    for part in paragraph.split("; ") if "; " in paragraph else [paragraph]:
        m = _FIELD.match(part)
        role = field_role(m.group(1)) if m else None
        if m and not out and role is None:
            role = "actor"  # the first label, read above: "Internal designation: GTG-1002"
        if m and role:
            out.append((role, part[m.end() :].strip()))
        elif m:  # a label not known ("How Claude was used: ...") is text to read, label and all
            out.append(("text", part.strip()))
        elif out:  # a value that holds "; " itself
            out[-1] = (out[-1][0], f"{out[-1][1]}; {part}")
    return out
