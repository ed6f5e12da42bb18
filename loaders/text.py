"""Report text from .txt, .md, .html and .pdf files (and .rst, .adoc, .csv as plain text), for
the extractor: one module a format (:mod:`loaders.html`, :mod:`loaders.pdf`,
:mod:`loaders.markdown`, :mod:`loaders.plain`), chosen here by the file's suffix.

HTML gives its main text: scripts, styles, navigation, headers, footers and asides are
dropped, and ``<main>`` is preferred when the page has one. PDF gives its
text layer (pypdf); a PDF without one is an error, not an empty result. Headings become
Markdown headings (``## ...``) so the extractor can see sections in every format.
"""

from __future__ import annotations

from pathlib import Path

from graphkit.errors import InputError
from graphkit.limits import (
    PDF_MAX_BYTES,
    REPORT_TEXT_MAX_BYTES,
)
from loaders.findings import read_bounded
from loaders.html import html_text
from loaders.markdown import markdown_text
from loaders.pdf import pdf_text
from loaders.plain import plain_text

__all__ = ["TEXT_SUFFIXES", "html_text", "markdown_text", "pdf_text", "read_text", "text_of"]

# Plain text includes the markups analysts write in (reStructuredText, AsciiDoc) and a
# spreadsheet's comma-separated export: the extractor reads their layouts (loaders.text).
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".rst", ".adoc",
                 ".asciidoc", ".csv")  # fmt: skip


def read_text(path: str | Path) -> str:
    """Plain text (with Markdown headings) from a report file."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            f"not a report text: expected one of {', '.join(TEXT_SUFFIXES)}", path=str(p)
        )
    data = read_bounded(p, PDF_MAX_BYTES if suffix == ".pdf" else REPORT_TEXT_MAX_BYTES)
    return text_of(data, suffix, str(p))


def text_of(data: bytes, suffix: str, path: str) -> str:
    """Plain text (with Markdown headings) from a report's bytes, read as its ``suffix`` says
    (``.pdf``, ``.html``, ``.md``; any other is plain text); ``path`` names it in errors.

    >>> text_of(b"<p>Iranian actors.</p>", ".html", "-")
    'Iranian actors.'
    """
    if not data.strip():
        raise InputError("file is empty", path=path)
    if suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError("not a PDF file", path=path)
        return _visible(pdf_text(data, path))
    if b"\x00" in data[:65536]:
        raise InputError("file is binary, not text", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"file is not UTF-8 text (byte {exc.start})", path=path) from None
    if suffix in (".html", ".htm"):
        text = html_text(text)
    elif suffix in (".md", ".markdown"):
        text = markdown_text(text)
    else:
        text = plain_text(text)
    if not text.strip():
        raise InputError("the file holds no text", path=path)
    return _visible(text)


# A form feed or vertical tab breaks a line (pdftotext puts a form feed between pages); any
# other control character is not text: it reads as U+FFFD, which the draft shows.
_CONTROLS = {
    **dict.fromkeys(range(0x20), "\ufffd"),
    **{ord(c): c for c in "\t\n\r"},
    0x0B: "\n",
    0x0C: "\n",
}


def _visible(text: str) -> str:
    r"""Report text with control characters made line breaks or U+FFFD (see ``_CONTROLS``).

    >>> _visible("Page one\fPage two\x1b[31m")
    'Page one\nPage two\ufffd[31m'
    """
    return text.translate(_CONTROLS)
