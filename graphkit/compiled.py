"""Which of the extractor's modules are compiled (mypyc), and whether they match their source.

``tools/compile_extractor.py`` (run by ``make``) compiles :data:`MODULES` to C extensions next
to their sources; Python imports those before the ``.py`` files. Edit a source and its compiled
module would run the old code, so :func:`check` (called when :mod:`graphkit.extract` is
imported) refuses compiled modules whose source hash differs from the one recorded when they
were built.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
from pathlib import Path

from graphkit.errors import StaleBuildError

__all__ = ["COMPILED", "GROUP", "HERE", "MODULES", "check", "compiled_files", "is_compiled",
           "source_hashes"]  # fmt: skip

HERE = Path(__file__).resolve().parent / "extract"

# The modules that read a text sentence by sentence: nearly all of the extractor's time.
MODULES = ("agents", "behaviour", "behind", "business_doers", "bystanders", "case_starts",
           "cases", "clause_actors", "clause_names", "coordination", "counted", "country_subject",
           "described", "drafting", "facts", "features", "fields", "fronted", "gazetteer",
           "grouping", "groups", "heading_named", "heading_who", "headings", "headline_case",
           "included", "labels", "learned", "lede", "listed_origins", "masking", "members", "meta",
           "name_checks", "named_actors", "named_origins", "namelike", "names", "openers",
           "overview_first", "paragraphs", "passing", "place_in", "poses", "quoted", "ranked",
           "reading", "reporter", "roles", "roster", "sections", "sector_context", "sectors",
           "sentence_clauses", "sentence_cues", "set_apart", "shipped", "speaker_labels",
           "spoken", "subject_text", "subjects", "tables", "tool_use", "topics", "unhit", "voices",
           "war_context")  # fmt: skip

# The shared library mypyc builds for the modules compiled together.
GROUP = "graphkit.extract.native"

# What was compiled, a line per module: "reading.py <sha256 of its source>".
COMPILED = HERE / "compiled.txt"

_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def source_hashes(here: Path = HERE) -> dict[str, str]:
    """Each compiled module's source file name → the SHA-256 of its text."""
    return {f"{m}.py": hashlib.sha256((here / f"{m}.py").read_bytes()).hexdigest() for m in MODULES}


def compiled_files(here: Path = HERE) -> list[Path]:
    """The compiled modules (and their shared library) present next to the sources."""
    return sorted(p for p in here.iterdir() if p.name.endswith(_SUFFIXES))


def is_compiled() -> bool:
    """Whether the extractor runs compiled (after :func:`check` let it)."""
    return bool(compiled_files())


def check(here: Path = HERE) -> None:
    """Raise StaleBuildError (an ImportError) when compiled modules are there but built from
    other sources."""
    if not compiled_files(here):
        return
    stamp = here / COMPILED.name
    recorded = dict(
        line.split() for line in (stamp.read_text().splitlines() if stamp.exists() else [])
    )
    changed = sorted(n for n, digest in source_hashes(here).items() if recorded.get(n) != digest)
    if changed:
        raise StaleBuildError(
            f"graphkit/extract/{changed[0]} changed since the extractor was compiled: run "
            "`make compile` (or `make pure` to run it as plain Python)"
        )
