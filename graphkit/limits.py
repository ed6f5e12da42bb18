"""The bounds graphkit puts on what it reads, in one place (SECURITY.md lists them).

Reports come from outside: each limit keeps a hostile or broken file from costing unbounded
memory or time, and each one refuses with a message naming the file. Nothing is ever cut to
fit a limit: a value over one is refused, the file is not loaded, and nothing of it is written.

Examples
--------
>>> NAME_MAX_CHARS, LIST_MAX_ITEMS, NESTING_MAX_DEPTH
(200, 500, 32)
>>> FINDINGS_MAX_BYTES // MiB, REPORT_TEXT_MAX_BYTES // MiB, PDF_MAX_BYTES // MiB
(8, 20, 50)
"""

from __future__ import annotations

__all__ = [
    "FINDINGS_MAX_BYTES",
    "LIST_MAX_ITEMS",
    "NAME_MAX_CHARS",
    "NESTING_MAX_DEPTH",
    "PDF_MAX_BYTES",
    "PDF_MAX_CONTENT_BYTES",
    "PDF_MAX_PAGES",
    "PDF_MAX_TEXT_CHARS",
    "REPORT_TEXT_MAX_BYTES",
    "STIX_EVIDENCE_MAX_CHARS",
    "SUMMARY_MAX_CHARS",
    "TABLE_MAX_COLUMNS",
    "TEXT_MAX_CHARS",
    "MiB",
]

MiB = 1024 * 1024

# Values (characters). A name is an identity shown on every picture and table row: names,
# aliases, titles, publishers, ids. Evidence and a campaign's disruption note are quotes or
# paraphrases; summaries (a STIX report's or campaign's description) may be whole abstracts.
NAME_MAX_CHARS = 200
TEXT_MAX_CHARS = 10_000
SUMMARY_MAX_CHARS = 100_000

# Structure: the items one list of a findings file may hold, and how deep YAML or JSON may nest
# (a findings file needs 6 levels, a STIX bundle about 8).
LIST_MAX_ITEMS = 500
NESTING_MAX_DEPTH = 32

# Files (bytes), checked before a file is read whole.
FINDINGS_MAX_BYTES = 8 * MiB  # a findings file or a STIX bundle
REPORT_TEXT_MAX_BYTES = 20 * MiB  # .txt, .md, .html and the other text formats
PDF_MAX_BYTES = 50 * MiB

# Expansion: what a small file could grow into once read. pypdf itself stops any one stream at
# 75 MB decompressed; these bound the whole file.
PDF_MAX_PAGES = 2_000
PDF_MAX_CONTENT_BYTES = 64 * MiB  # the pages' content streams, decompressed, all together
PDF_MAX_TEXT_CHARS = 20 * MiB  # the text the pages give
TABLE_MAX_COLUMNS = 200  # the cells of one HTML table row, spans included
# A STIX relationship's description is the evidence for each report that states it: a bundle
# whose relationships would hand out more evidence than this in all is refused.
STIX_EVIDENCE_MAX_CHARS = 64 * MiB
