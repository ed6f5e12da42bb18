"""Tables that fit the terminal without breaking a word: ids, numbers and statuses stay whole.

A column is never narrower than its longest word, so only text with spaces wraps (at a space).
A table that cannot fit that way is printed as records, one block of ``column: value`` lines a
row, instead of a table that cuts ids in two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from graphkit.commands.text import shown

__all__ = ["show"]

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
# What a rich table spends beside its cells: a border and a space each side of every column.
_PER_COLUMN = 3
# Text squeezed narrower than this reads a word a line: records read better then.
_PROSE_WIDTH = 20


def _words(text: str) -> list[str]:
    return text.split() or [""]


def _is_numeric(values: list[str]) -> bool:
    present = [v for v in values if v]
    return bool(present) and all(_NUMBER.match(v) for v in present)


def _widths(natural: list[int], least: list[int], room: int) -> list[int] | None:
    """Each column's width: its natural width if all fit, else shrunk no lower than ``least``."""
    if sum(natural) <= room:
        return natural
    if sum(least) > room:
        return None
    widths = list(least)
    spare = room - sum(widths)
    while spare > 0:  # water-filling: the column furthest from its natural width first
        gap, i = max((natural[i] - w, i) for i, w in enumerate(widths))
        if gap <= 0:
            break
        widths[i] += 1
        spare -= 1
    return widths


def _cell(value: str | Text) -> Text:
    return shown(value)


def show(
    console: Console,
    columns: Sequence[str],
    rows: Sequence[Sequence[str | Text]],
    *,
    title: str | None = None,
) -> None:
    """Print rows under their column names, whole words only, as a table or as records.

    Values are plain text (``[red]`` in a report's words prints as itself); pass a rich
    ``Text`` to style a cell.
    """
    plain = [[v.plain if isinstance(v, Text) else v for v in row] for row in rows]
    by_column = [[row[i] for row in plain] for i in range(len(columns))]
    natural = [
        max(cell_len(line) for v in [name, *values] for line in (v.splitlines() or [""]))
        for name, values in zip(columns, by_column, strict=True)
    ]
    words = [
        max(cell_len(w) for v in [name, *values] for w in _words(v))
        for name, values in zip(columns, by_column, strict=True)
    ]
    least = [max(w, min(n, _PROSE_WIDTH)) for w, n in zip(words, natural, strict=True)]
    widths = _widths(natural, least, console.width - _PER_COLUMN * len(columns) - 1)
    if widths is None:
        _records(console, columns, rows, title)
        return
    table = Table(title=shown(title) if title else None)
    for name, width, values in zip(columns, widths, by_column, strict=True):
        numeric = _is_numeric(values)
        table.add_column(
            name,
            width=width,
            justify="right" if numeric else "left",
            no_wrap=numeric,
            overflow="fold",
        )
    for row in rows:
        table.add_row(*(_cell(v) for v in row))
    console.print(table)


def _records(
    console: Console,
    columns: Sequence[str],
    rows: Sequence[Sequence[str | Text]],
    title: str | None,
) -> None:
    if title:
        console.print(shown(title), style="italic")
    label = max(cell_len(c) for c in columns) + 1
    for n, row in enumerate(rows):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=label, no_wrap=True, style="bold")
        grid.add_column(overflow="fold")
        for name, value in zip(columns, row, strict=True):
            grid.add_row(f"{name}:", _cell(value))
        if n:
            console.print()
        console.print(grid)
