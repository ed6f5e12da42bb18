"""The extractor: report text into draft findings, with an evidence sentence for every fact."""

from graphkit.extract.drafting import extract_findings

__all__ = ["extract_findings"]
