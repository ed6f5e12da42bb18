"""Report text from PDF files: the text layer (pypdf), paragraphs and headings recovered.

A PDF without a text layer is an error, not an empty result. Lines are set apart into
paragraphs by the gaps between them, headings found by their size and weight, running
headers and page numbers dropped, and words split at line ends joined.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from itertools import pairwise
from typing import Any

from graphkit.errors import InputError
from graphkit.limits import (
    PDF_MAX_CONTENT_BYTES,
    PDF_MAX_PAGES,
    PDF_MAX_TEXT_CHARS,
    MiB,
)

__all__ = ["dehyphenated", "pdf_text"]


def _page_text(page: Any) -> str:
    """A PDF page's text, with a blank line where the gap to the next line is a paragraph's,
    and its headings marked as Markdown headings.

    Text layers seldom keep blank lines; the vertical positions of the lines show them: a gap
    well over the page's usual line spacing (or a jump up, to a new column) ends a paragraph.
    A short line set wholly in bold, or larger than the body text, is a heading ("## ...").
    """
    # [y, text, smallest size, all bold, where it ends (estimated), the length of its last
    # piece, that piece's width]
    lines: list[list[Any]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        name = str(font.get("/BaseFont", "")) if isinstance(font, dict) else ""
        bold = "bold" in name.lower() or "black" in name.lower()
        height = float(size or 0) * max(abs(float(tm[3])), 1e-9) if tm else float(size or 0)
        for i, piece in enumerate(text.split("\n")):
            if not piece.strip():
                continue
            width = (0.6 * len(piece) if "courier" in name.lower() else _width(piece)) * height
            if i == 0 and lines and abs(lines[-1][0] - y) < 1.0:
                last = lines[-1]  # the same line, continued
                gap = x - last[4]
                # a gap of more than a letter after where the last piece ends is a table's
                # cell boundary ("Threat actor | Likely China"); after a long piece, only a gap
                # wider than the estimate of its end can be out
                cell = (
                    gap > height
                    and (last[5] <= 40 or gap > 0.15 * last[6])
                    and piece[:1] != " "
                    and last[1][-1:] != " "
                    and last[1].strip() not in _PDF_BULLETS  # "\u2022" then its item's text
                )
                # a wide gap after a long piece of prose is a column's: a sidebar beside the text
                column = cell and gap > 3 * height and last[5] > 40
                # a word's gap between two runs ("... for a while" + "and continues"): a space
                space = gap > 0.2 * height and piece[:1] != " " and last[1][-1:] != " "
                last[1] += ("\x00" if column else " | " if cell else " " if space else "") + piece
                last[2] = min(last[2], height)
                last[3] = last[3] and bold
                last[4] = max(last[4], x + width)
                last[5], last[6] = len(piece), width
            else:
                lines.append([y, piece, height, bold, x + width, len(piece), width])

    plain = page.extract_text(visitor_text=visit) or ""
    gaps = [a[0] - b[0] for a, b in pairwise(lines) if a[0] - b[0] > 1.0]
    if len(gaps) < 2:
        return plain.strip()
    # the line spacing: the most common gap (a median would be a paragraph's gap on a page of
    # short paragraphs); the body's size: the most common size, counted in characters
    usual = Counter(round(g) for g in gaps).most_common(1)[0][0]
    sizes: Counter[float] = Counter()
    for _, text, size, *_ in lines:
        sizes[round(size, 1)] += len(text)
    body = sizes.most_common(1)[0][0]

    def shown(text: str, size: float, bold: bool) -> str:
        if text[:1] in _PDF_BULLETS:  # a bullet glyph, in whatever font: a list item
            return "- " + text[1:].strip()
        heading = (bold or size > body + 0.5) and size >= body - 0.5
        title = heading and len(text) <= 90 and not text.rstrip().endswith((".", ",", ";"))
        return "## " + text.strip() if title and any(c.isalpha() for c in text) else text

    out = [shown(*lines[0][1:4])]
    for (y0, *_), (y1, text, size, bold, *_) in pairwise(lines):
        gap = y0 - y1
        out.append(("\n\n" if gap > 1.35 * usual or gap < -1.0 else "\n") + shown(text, size, bold))
    return _columns_apart("".join(out).strip())


def _columns_apart(text: str) -> str:
    r"""A page's paragraphs with a column set beside them (a sidebar, drawn line by line with the
    text, each line's two parts split by "\x00") as two paragraphs: the text, then the column.

    >>> _columns_apart("Main one\x00Side one\nmain two\x00side two\nmain three")
    'Main one\nmain two\nmain three\n\nSide one\nside two'
    """
    if "\x00" not in text:
        return text
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if "\x00" in paragraph:
            lines = paragraph.split("\n")
            main = "\n".join(line.split("\x00", 1)[0] for line in lines)
            side = "\n".join(line.split("\x00", 1)[1] for line in lines if "\x00" in line)
            paragraph = f"{main}\n\n{side}"
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def _width(text: str) -> float:
    """The width of a text in ems as Helvetica sets it, near enough (capitals 0.67, other
    letters and digits 0.52, spaces and punctuation 0.28): where a piece ends."""
    wide = sum(c.isupper() for c in text)
    narrow = sum(not c.isalnum() for c in text)
    return 0.67 * wide + 0.28 * narrow + 0.52 * (len(text) - wide - narrow)


# Bullet glyphs as text layers give them: "•", Word's Symbol-font "\uf0b7", "\x7f" of the
# standard fonts' encoding, squares and circles
_PDF_BULLETS = frozenset(
    "\u2022\uf0b7\uf0a7\uf076\uf0d8\x7f\u25cf\u25aa\u25a0\u25e6\u2023\u2043\u2219"
)

# A word split at a line's end ("gover-\nnment"), the second half in lower case. A line that
# goes on with a hyphenated word ("Mark-\nof-the-Web", "command-\nand-control") is none.
_HYPHENATED = re.compile(r"\b([A-Za-z]*[a-z])-\n([a-z]+)(?![\w-])")

_WORD = re.compile(r"[A-Za-z]+")


def dehyphenated(text: str) -> str:
    r"""The text with words split at line ends joined again ("gover-\nnment"), except a
    compound of two words the text also uses elsewhere ("remote-\naccess" beside "remote
    access trojans"): typesetting splits words anywhere, a word processor only at a hyphen.

    >>> dehyphenated("a remote-\naccess tool and remote access; the gover-\nnment")
    'a remote-\naccess tool and remote access; the government'
    """
    if "-\n" not in text:
        return text
    counts = Counter(w.lower() for w in _WORD.findall(text))

    def join(m: re.Match[str]) -> str:
        first, second = m.group(1).lower(), m.group(2)
        if counts[first] > 1 and counts[second] > 1 and not counts[first + second]:
            return m.group(0)
        return m.group(1) + second

    return _HYPHENATED.sub(join, text)


def _numberless(line: str) -> str:
    """A line with its numbers as "#": the running line of every page, its page number aside."""
    return re.sub(r"[0-9]+", "#", line.strip())


def _without_running_lines(pages: list[str]) -> list[str]:
    """The pages without page numbers and without the running header or footer: a line among
    the first or last three of a page that recurs on another page, its numbers aside."""
    lines = [[ln for ln in page.split("\n") if ln.strip()] for page in pages]
    edges: dict[str, int] = {}
    for page_lines in lines:
        for ln in {_numberless(ln) for ln in (*page_lines[:3], *page_lines[-3:])}:
            edges[ln] = edges.get(ln, 0) + 1
    running = {ln for ln, n in edges.items() if n > 1 and len(ln) < 200}
    out = []
    for text, page_lines in zip(pages, lines, strict=True):
        edge = {*page_lines[:3], *page_lines[-3:]}  # a header split in two, then its number
        # a page number is "#" on every page; "Deck 3 / 6" on page 3 is "Deck 4 / 6" on page 4
        drop = {ln for ln in edge if _numberless(ln) in running}
        if drop:
            kept = [ln for ln in text.split("\n") if ln not in drop]
            text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
        if text:
            out.append(text)
    return out


def _pdf_pages(data: bytes, path: str) -> list[str]:
    """Each page's text, within the bounds on pages, decompressed content and text."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if len(reader.pages) > PDF_MAX_PAGES:
        raise InputError(f"{len(reader.pages):,} pages, more than {PDF_MAX_PAGES:,}", path=path)
    pages, content, chars = [], 0, 0
    for page in reader.pages:  # pypdf stops any one stream at 75 MB decompressed
        stream = page.get_contents()
        content += len(stream.get_data()) if stream is not None else 0
        if content > PDF_MAX_CONTENT_BYTES:
            raise InputError(
                f"the pages decompress to more than {PDF_MAX_CONTENT_BYTES // MiB} MiB", path=path
            )
        pages.append(_page_text(page))
        chars += len(pages[-1])
        if chars > PDF_MAX_TEXT_CHARS:
            raise InputError(f"more than {PDF_MAX_TEXT_CHARS // MiB} Mi characters of text",
                             path=path)  # fmt: skip
    return pages


def pdf_text(data: bytes, path: str = "<pdf>") -> str:
    """The text layer of a PDF, page by page, paragraphs apart."""
    from pypdf.errors import LimitReachedError

    try:
        pages = _pdf_pages(data, path)
    except InputError:
        raise
    except LimitReachedError:
        raise InputError(
            "a stream decompresses past pypdf's limit (75 MB): refused as a compression bomb",
            path=path,
        ) from None
    except Exception as exc:  # pypdf raises many kinds on a malformed file; all mean the same
        message = f"unreadable PDF: {exc}".splitlines()[0]
        raise InputError(message if len(message) < 200 else "unreadable PDF", path=path) from None
    text = dehyphenated("\n\n".join(_without_running_lines(pages)))
    head = text.split("\n", 5)
    for i, line in enumerate(head[:5]):
        if line.startswith("## "):  # the first heading near the top is the title
            head[i] = line[1:]
            text = "\n".join(head)
            break
    if len(text.strip()) < 20:
        raise InputError("the PDF has no text layer (scanned?): nothing to extract", path=path)
    return text
