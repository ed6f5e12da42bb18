"""Loaders: one module per input format, each turning a file into validated findings.

``read_report(path)`` picks the loader from the file's name and content. Loaders never touch
a store.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.batch import GraphBatch
from graphkit.errors import InputError
from graphkit.findings import Findings
from graphkit.limits import FINDINGS_MAX_BYTES
from loaders.findings import decode_text, parse_findings, read_bounded
from loaders.stix import is_stix_bundle, parse_stix
from loaders.stix_catalog import parse_catalog
from loaders.text import TEXT_SUFFIXES, read_text

__all__ = ["SUFFIXES", "Loaded", "detect_format", "read_report"]

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


def detect_format(path: Path, text: str) -> str:
    """``findings-yaml``, ``findings-json`` or ``stix``, from the suffix and the content."""
    suffix = path.suffix.lower()
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
        f"unsupported file type {suffix or '(none)'}: expected one of "
        f"{', '.join(SUFFIXES + TEXT_SUFFIXES)}",
        path=str(path),
    )


def read_report(path: str | Path) -> Loaded:
    """Read one report file into findings; report text goes through the extractor."""
    p = Path(path)
    if p.suffix.lower() in TEXT_SUFFIXES:
        from graphkit.extract import extract_findings

        text = read_text(p)
        draft = extract_findings(text, path=str(p))
        return Loaded([draft], text.encode("utf-8"), "text", extracted=True)
    data = read_bounded(p, FINDINGS_MAX_BYTES)
    text = decode_text(data, str(p))
    fmt = detect_format(p, text)
    if fmt == "stix":
        result = parse_stix(text, path=str(p))
        if not result.findings:
            catalog = parse_catalog(json.loads(text), str(p))
            if catalog is None:
                raise InputError(
                    "the bundle holds no actor or campaign graphkit can use, and no technique "
                    "(it is no catalog either)",
                    path=str(p),
                )
            return Loaded([], data, "stix-catalog", catalog=catalog)
        return Loaded(result.findings, data, fmt, skipped=result.skipped)
    findings = parse_findings(text, path=str(p), fmt=fmt.removeprefix("findings-"))
    return Loaded([findings], data, fmt)
