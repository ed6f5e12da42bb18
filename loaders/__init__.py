"""Loaders: one module per input format, each turning a file into validated findings.

``read_report(path)`` picks the loader from the file's name and content (standard input's,
``-``, from its content alone). Loaders never touch a store.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.batch import GraphBatch
from graphkit.errors import InputError
from graphkit.findings import Findings
from graphkit.limits import FINDINGS_MAX_BYTES, PDF_MAX_BYTES, REPORT_TEXT_MAX_BYTES, MiB
from loaders.findings import decode_text, parse_findings, read_bounded
from loaders.stix import is_stix_bundle, parse_stix
from loaders.stix_catalog import parse_catalog
from loaders.text import TEXT_SUFFIXES, text_of

__all__ = [
    "STDIN",
    "SUFFIXES",
    "Loaded",
    "detect_format",
    "read_data",
    "read_report",
    "read_stdin",
    "sniff_suffix",
]

# The path that names standard input, and the name errors give it
STDIN = "-"
STDIN_NAME = "<stdin>"

# What a folder given to `graphkit load` is searched for: every format a loader reads
# (findings and STIX as YAML or JSON, report text that the extractor drafts from).
SUFFIXES = (".yaml", ".yml", ".json", *TEXT_SUFFIXES)


@dataclass
class Loaded:
    """What one file holds: its findings (a STIX bundle may hold several reports), or for a
    catalog bundle (techniques, tactics, mitigations, no actor) the reference data."""

    findings: list[Findings]
    data: bytes
    format: str
    extracted: bool = False
    skipped: Counter[str] = field(default_factory=Counter)
    catalog: GraphBatch | None = None


def detect_format(suffix: str, text: str, path: str = "") -> str:
    """``text``, ``findings-yaml``, ``findings-json`` or ``stix``, from the suffix and the
    content."""
    suffix = suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in (".yaml", ".yml"):
        return "findings-yaml"
    if suffix == ".json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return "findings-json"  # its parser reports the error with a line
        return "stix" if is_stix_bundle(data) else "findings-json"
    raise InputError(
        f"unsupported file type {suffix or '(none)'}: expected one of {', '.join(SUFFIXES)}",
        path=path,
    )


def read_report(
    path: str | Path,
    *,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
) -> Loaded:
    """Read one report file into findings; report text goes through the extractor.

    The path ``-`` reads standard input, its format told from its content
    (:func:`sniff_suffix`). ``title``, ``publisher`` and ``published`` are given to the
    extractor for report text, whose own lines may lack them; a findings file or a STIX
    bundle states its own, and giving them for one is an error.
    """
    if str(path) == STDIN:
        data = read_stdin()
        return read_data(data, sniff_suffix(data), STDIN_NAME, title, publisher, published)
    p = Path(path)
    suffix = p.suffix.lower()
    limit = PDF_MAX_BYTES if suffix == ".pdf" else REPORT_TEXT_MAX_BYTES
    data = read_bounded(p, limit if suffix in TEXT_SUFFIXES else FINDINGS_MAX_BYTES)
    return read_data(data, suffix, str(p), title, publisher, published)


def read_data(
    data: bytes,
    suffix: str,
    path: str,
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
) -> Loaded:
    """A report's bytes into findings, read as ``suffix`` says; ``path`` names it in errors."""
    if suffix in TEXT_SUFFIXES:
        from graphkit.extract import extract_findings

        text = text_of(data, suffix, path)
        draft = extract_findings(
            text, path=path, title=title, publisher=publisher, published=published
        )
        return Loaded([draft], text.encode("utf-8"), "text", extracted=True)
    if title or publisher or published:
        raise InputError(
            "a title, publisher or date is for report text the extractor drafts from: "
            "findings and STIX bundles state their own",
            path=path,
        )
    if len(data) > FINDINGS_MAX_BYTES:
        raise InputError(f"larger than {FINDINGS_MAX_BYTES // MiB} MiB", path=path)
    text = decode_text(data, path)
    fmt = detect_format(suffix, text, path)
    if fmt == "stix":
        result = parse_stix(text, path=path)
        if not result.findings:
            catalog = parse_catalog(json.loads(text), path)
            if catalog is None:
                raise InputError(
                    "the bundle holds no actor or campaign graphkit can use, and no technique "
                    "(it is no catalog either)",
                    path=path,
                )
            return Loaded([], data, "stix-catalog", catalog=catalog)
        return Loaded(result.findings, data, fmt, skipped=result.skipped)
    findings = parse_findings(text, path=path, fmt=fmt.removeprefix("findings-"))
    return Loaded([findings], data, fmt)


def read_stdin() -> bytes:
    """Standard input's bytes, no more than the largest report graphkit reads."""
    data = sys.stdin.buffer.read(PDF_MAX_BYTES + 1)
    if len(data) > PDF_MAX_BYTES:
        raise InputError(f"larger than {PDF_MAX_BYTES // MiB} MiB", path=STDIN_NAME)
    return data


_HTML = re.compile(rb"(?i)<(?:!doctype html|html|head|body|article|main|div|p|h[1-6])[\s>]")
_FINDINGS_YAML = re.compile(rb"(?m)^format:[ \t]*['\"]?graphkit-findings/")
_MARKDOWN = re.compile(rb"(?m)^#{1,6} \S|\]\(")


def sniff_suffix(data: bytes) -> str:
    """The suffix a file of these bytes would have: ``.pdf``, ``.json`` (findings or a STIX
    bundle, told apart later), ``.html``, ``.yaml`` (findings: their ``format:`` line),
    ``.md`` (Markdown headings or links), else ``.txt``.

    >>> sniff_suffix(b'{"type": "bundle"}'), sniff_suffix(b"format: graphkit-findings/1")
    ('.json', '.yaml')
    >>> sniff_suffix(b"<!DOCTYPE html><p>x</p>"), sniff_suffix(b"# Op\n\nText."), sniff_suffix(b"A")
    ('.html', '.md', '.txt')
    """
    head = data[:65536].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF"):
        return ".pdf"
    if head[:1] in (b"{", b"["):
        return ".json"
    if _HTML.match(head):
        return ".html"
    if _FINDINGS_YAML.search(head):
        return ".yaml"
    return ".md" if _MARKDOWN.search(head) else ".txt"
