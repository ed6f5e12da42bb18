"""The extractor: report text into draft findings, with an evidence sentence for every fact."""

from graphkit.compiled import check

check()  # compiled modules built from older sources would run old code: refuse them

from graphkit.extract.drafting import extract_findings  # noqa: E402

__all__ = ["extract_findings"]
