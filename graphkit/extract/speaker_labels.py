"""The labels that open lines of a transcript: "Dana Reyes: Welcome to the show." names who
speaks, not an operation (where a case's name labels one paragraph: "Sneer Review: ...")."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

__all__ = ["speakers"]

# A line that opens on a label: "Dana Reyes: Welcome to the show."
_LABEL: Final = r"([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):\s"
_FIRST_LABEL: Final = re.compile(_LABEL)
# ... on any line but the first, looked for from each line break, the label in a look-ahead (a
# pattern that starts with "^" is tried at every character of the text; a match of it ends on
# the line at most, so the line breaks find the same labels)
_LINE_LABEL: Final = re.compile(rf"\n(?={_LABEL})")


def speakers(text: str) -> frozenset[str]:
    """The labels that open two lines of a text or more: a transcript's speakers.

    >>> sorted(speakers("Dana Reyes: Hello.\\nSam Ortiz: Hi.\\nDana Reyes: Welcome."))
    ['Dana Reyes']
    """
    first = _FIRST_LABEL.match(text)
    said = Counter(m.group(1) for m in _LINE_LABEL.finditer(text))
    if first is not None:
        said[first.group(1)] += 1
    return frozenset(label for label, n in said.items() if n > 1)
