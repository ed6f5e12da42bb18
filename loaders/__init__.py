"""Loaders: one module per input format, each turning a file into validated findings.

``read_report(path)`` picks the loader from the file's name and content. Loaders never touch
a store.
"""

from __future__ import annotations

from pathlib import Path

from graphkit.errors import InputError
from graphkit.findings import Findings
from loaders.findings import decode_text, parse_findings

__all__ = ["SUFFIXES", "detect_format", "read_report"]

# What a folder given to `graphkit load` is searched for.
SUFFIXES = (".yaml", ".yml", ".json")


def detect_format(path: Path, text: str) -> str:
    """``findings-yaml`` or ``findings-json``, from the suffix and, for JSON, the content."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "findings-yaml"
    if suffix == ".json":
        head = text.lstrip()[:4096]
        if '"type"' in head and '"bundle"' in head and '"objects"' in text:
            raise InputError("STIX bundles are not supported yet", path=str(path))
        return "findings-json"
    raise InputError(
        f"unsupported file type {suffix or '(none)'}: expected one of {', '.join(SUFFIXES)}",
        path=str(path),
    )


def read_report(path: str | Path) -> tuple[Findings, bytes]:
    """Read one report file into findings; returns them with the file's bytes (for a hash)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(p)) from None
    text = decode_text(data, str(p))
    fmt = detect_format(p, text)
    return parse_findings(text, path=str(p), fmt=fmt.removeprefix("findings-")), data
