"""A paragraph that first tells of unnamed actors from several countries, then brings in one
of them, or another, by an indefinite noun and names it ("Meta removed networks run from Peru,
Chile and Bolivia. A network from Peru also pushed a fake movement it called Operation Lark."):
the first sentence is an overview of several cases, not the named one's; read on its own, the
cases it lists that no other tells of keep their places (:func:`graphkit.extract.cases.
without_overviews`)."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cases import overview
from graphkit.extract.paragraphs import Paragraph
from graphkit.extract.reading import COUNTRY_KINDS
from graphkit.extract.subjects import subject_of

__all__ = ["overview_parts"]

# A clause that opens on a new referent: "A network from Peru ...", "Another one ..."
_INDEFINITE: Final = re.compile(r"^(?:[Aa]n?|[Aa]nother|[Oo]ne) ")


def overview_parts(p: Paragraph, named: str) -> tuple[str, str] | None:
    """The paragraph's first sentence and the text after it, when that sentence tells of
    unnamed actors from several countries (an overview) and a later sentence, which says
    ``named``, opens on an indefinite noun, its own subject; None otherwise (most named
    paragraphs)."""
    body = p.body
    if len(body) < 2 or named in body[0].text:
        return None
    if sum(1 for m in body[0].mentions if m.entry.kind in COUNTRY_KINDS) < 2:
        return None  # a list of places: two at least
    naming = next((s for s in body[1:] if named in s.text), None)
    if naming is None or not _INDEFINITE.match(naming.text):
        return None  # "They also pushed a movement it called X": all of them, named; "It
        # tracked a cluster known as X": whom the reporter met, maybe one of them
    subject = subject_of(body[0], None)
    if subject is None or not overview(subject, body[0]):
        return None
    end = p.text.find(body[0].text) + len(body[0].text)
    rest = p.text[end:].strip() if end >= len(body[0].text) else ""
    return (p.text[:end], rest) if rest else None
