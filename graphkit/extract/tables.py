"""Tables in a report's text as rows, each row one paragraph of labelled cells ("Actor: X; Origin:
China"): Markdown pipe tables, rows split by bars, fixed-width and comma- or tab-separated rows.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.fields import field_role
from graphkit.extract.reading import read_sentence

__all__ = ["table_rows"]


_PIPE_START: Final = re.compile(r"\s*\|")


_TABLE_RULE: Final = re.compile(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?")  # |---|:--:|:-:|


def _named_cells(header: list[str], row: list[str]) -> str:
    """A table row as its cells named by their columns: "Header: cell; Header: cell". Ticks
    under columns named for languages are a "Languages" field, with an "Other" column's.

    >>> _named_cells(["Name", "English", "Russian", "Other"], ["Grey", "\u2713", "", "Polish"])
    'Name: Grey; Languages: English, Polish'
    """
    ticked = [h for h, v in zip(header, row, strict=True) if v.strip() in _TICKS]
    if not ticked or not _all_languages(ticked):
        return "; ".join(f"{h}: {v}" for h, v in zip(header, row, strict=True) if v)
    fields, languages = [], list(ticked)
    for h, v in zip(header, row, strict=True):
        if h.lower() in _OTHER_COLUMNS and v:
            languages.append(v)  # "Other: Italian, Polish" beside the language columns
        elif v and v.strip() not in _TICKS:
            fields.append(f"{h}: {v}")
    return "; ".join([*fields, f"Languages: {', '.join(languages)}"])


_TICKS: Final = words("ticks")


_OTHER_COLUMNS: Final = words("other_columns")


def _all_languages(names: list[str]) -> bool:
    """Whether each of the names is a language's ("English", "Russian")."""
    return all(
        any(m.entry.kind == "Language" for m in read_sentence(name).mentions) for name in names
    )


def _pipe_table(block: str) -> list[str] | None:
    """The rows of a Markdown pipe table as "Header: cell; Header: cell", or None."""
    if not _PIPE_START.match(block):
        return None  # most blocks: no table, and no need to split them into lines
    lines = [ln.strip() for ln in block.strip().splitlines()]
    if len(lines) < 3 or not all(ln.startswith("|") for ln in lines):
        return None
    if not _TABLE_RULE.fullmatch(lines[1]):
        return None
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header = cells[0]
    if len(header) == 2 and header[0].lower() in _KEY_COLUMNS:  # "| Field | Value |": fields
        fields = _labelled(r for r in cells[2:] if len(r) == 2)
        return [fields] if fields else []
    return [_named_cells(header, row) for row in cells[2:] if len(row) == len(header)]


def _labelled(pairs: Iterable[list[str]]) -> str:
    """Rows of a label and its value as one paragraph of fields: "Origin: China; Language: Thai"
    (a row with no value says nothing)."""
    return "; ".join(f"{key}: {value}" for key, value in pairs if value)


def _records(header: list[str], rows: list[list[str]]) -> list[str] | None:
    """Rows under a header, each cell named by its column; None unless every row has a cell for
    each column."""
    if any(len(row) != len(header) for row in rows):
        return None
    return [_named_cells(header, row) for row in rows]


_KEY_COLUMNS: Final = words("key_columns")


# A CSV file's header: three or more short column names split by commas, no sentence
_CSV_HEADER: Final = re.compile(r"^[A-Za-z][\w ]{0,30}(?:, ?[A-Za-z][\w ]{0,30}){2,}$")
# ... which holds no other character: a line of prose has one, found before the pattern above
# backtracks through its commas
_NOT_CSV: Final = re.compile(r"[^\w ,]")


def _csv_rows(block: str) -> list[str] | None:
    r"""The rows of comma-separated values under a header line, each cell named by its column,
    when every row has as many cells as the header ("operation,attribution,languages" over
    'Bad Grammar,Russia,"Russian, English"').

    >>> _csv_rows('operation,origin,languages\nBad Grammar,Russia,"Russian, English"')
    ['operation: Bad Grammar; origin: Russia; languages: Russian, English']
    """
    lines = block.strip().splitlines()
    header = lines[0].strip() if len(lines) > 1 else ""
    if not header or _NOT_CSV.search(header) or not _CSV_HEADER.match(header):
        return None
    rows = [[cell.strip() for cell in row] for row in csv.reader(lines) if any(row)]
    return _records(rows[0], rows[1:])


def _tsv_rows(lines: list[str]) -> list[str] | None:
    r"""Rows pasted from a spreadsheet: cells split by tabs, three or more, under a header line
    of short column names; each cell named by its column.

    >>> _tsv_rows(["case\tfrom\tlanguages", "Bad Grammar\tRussia\tRussian, English"])
    ['case: Bad Grammar; from: Russia; languages: Russian, English']
    """
    cells = [[c.strip() for c in line.split("\t")] for line in lines if line.strip()]
    if len(cells) < 2 or len(cells[0]) < 3:
        return None
    header = cells[0]
    if any(not h or len(h.split()) > 4 for h in header):
        return None  # column names are short, and every column has one
    return _records(header, cells[1:])


def _bar_rows(block: str) -> list[str] | None:
    r"""Lines of cells split by bars with no Markdown rule ("Operation | Run from | ..." over
    "Bad Grammar | Russia | ..."): the first line names the columns. Every line must have as
    many cells, three at least; or two, a label and its value, on lines two or more of which
    are labels of fields ("Threat actor | China", as a PDF's small table reads). None when the
    block is anything else.

    >>> _bar_rows("Name | From | Aim\nHigh Five | the Philippines | politics")
    ['Name: High Five; From: the Philippines; Aim: politics']
    >>> _bar_rows("Threat actor | Likely China\nOperator language | Chinese")
    ['Threat actor: Likely China; Operator language: Chinese']
    """
    lines = block.strip().splitlines()
    if len(lines) < 2:
        return None
    cells = [[c.strip() for c in ln.strip().strip("|").split(" | ")] for ln in lines]
    width = len(cells[0])
    if width == 2 and all(len(row) == 2 for row in cells):
        labels = sum(field_role(row[0]) is not None for row in cells)
        if labels >= 2:  # "Threat actor | China" over "Languages | Chinese": labelled values
            return [_labelled(cells)]
        return None
    if width < 3 or any(len(row) != width or not all(row) for row in cells):
        return None
    header = cells[0]
    if any(len(h.split()) > 5 for h in header):
        return None  # column names are short
    return [_named_cells(header, row) for row in cells[1:]]  # every cell holds something


# A plain-text table's rule under its header: runs of dashes, one a column ("-----  ----").
_DASH_RULE: Final = re.compile(r"^ *-{3,}(?: +-{3,})+ *$")


_DASHES: Final = re.compile(r"-{3,}")


def _fixed_table(block: str) -> list[str] | None:
    r"""The rows of a plain-text table, cells under the rule's runs of dashes, as "Header: cell;
    Header: cell"; a line with its first cell empty goes on with the row above. None when the
    block is no such table.

    >>> _fixed_table("Actor  Focus\n-----  ------\nSneer  a game and\n       an activist")
    ['Actor: Sneer; Focus: a game and an activist']
    """
    lines = block.strip("\n").splitlines()
    if len(lines) < 3 or not _DASH_RULE.match(lines[1]):
        return None
    starts = [m.start() for m in _DASHES.finditer(lines[1])]
    ends = [*starts[1:], None]
    header = [lines[0][a:b].strip() for a, b in zip(starts, ends, strict=True)]
    rows: list[list[str]] = []
    for line in lines[2:]:
        cells = [line[a:b].strip() for a, b in zip(starts, ends, strict=True)]
        if rows and not cells[0]:  # a cell wrapped onto the next line
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        elif any(cells):
            rows.append(cells)
    return [_named_cells(header, row) for row in rows]


def table_rows(block: str, lines: list[str]) -> list[str] | None:
    """A block's rows when it is a table of any kind this module reads, else None."""
    return (
        _pipe_table(block)
        or (_fixed_table(block) if "---" in block else None)
        or (_bar_rows(block) if " | " in block else None)
        or (_csv_rows(block) if lines and "," in lines[0] and ". " not in lines[0] else None)
        or (_tsv_rows(lines) if "\t" in block else None)
    )
