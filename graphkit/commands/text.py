"""Strings from reports and stores as terminal text: never markup, never control characters.

A report is outside input: ``[/x]`` in a name must print as itself (rich would read it as
markup, and a bad tag crashes the command), and an escape sequence or a right-to-left
override must not reach the terminal, where it would act or reorder what follows.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

__all__ = ["shown"]

# Bidi controls reorder what follows them on screen: a name could show as another.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    """A control or bidi-control character as the escape that names it (``\\x1b``)."""
    if (unicodedata.category(char) == "Cc" and char not in "\t\n") or char in _BIDI:
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def shown(value: object) -> Text:
    """A value from a report or a store as terminal text.

    >>> shown("Op [/x] \\x1b[2J\\u202eabc").plain
    'Op [/x] \\\\x1b[2J\\\\u202eabc'
    """
    if isinstance(value, Text):
        return value
    text = str(value)
    if not text.isascii() or any(c < " " and c not in "\t\n" for c in text):
        text = "".join(_escape(c) for c in text)
    return Text(text)
