"""Helpers of the extractor's tests: a draft of a text, a saved PDF read back, campaigns by name."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from graphkit.extract import extract_findings
from graphkit.findings import CampaignFindings, Findings
from loaders.text import read_text


def draft(body: str) -> Findings:
    return extract_findings(body, publisher="OpenAI", published="2025-06-05")


def saved_pdf_text(pdf: Any, buffer: io.BytesIO, path: Path) -> str:
    """A reportlab canvas saved to ``path``, read back as a report text."""
    pdf.save()
    path.write_bytes(buffer.getvalue())
    return read_text(path)


def by_name(f: Findings) -> dict[str, CampaignFindings]:
    return {c.name: c for c in f.campaigns}


def country(c: CampaignFindings) -> str | None:
    actors = c.all_actors
    return actors[0].country.id if actors and actors[0].country else None


def actors_of(f: Findings) -> list[tuple[str, str | None]]:
    """Every drafted actor's name and country, sorted."""
    pairs = [
        (a.name, a.country.id if a.country else None) for c in f.campaigns for a in c.all_actors
    ]
    return sorted(pairs, key=lambda p: (p[0], p[1] or ""))  # one name with and without a country


def targeted_sectors(f: Findings) -> set[str]:
    """The sectors every drafted campaign targets."""
    return {x.id for c in f.campaigns for x in c.targets.sectors}


def targeted_countries(f: Findings) -> set[str]:
    """The countries every drafted campaign targets."""
    return {x.id for c in f.campaigns for x in c.targets.countries}


# A known actor's paragraph first, then the one a test is about: the second must be a case
# of its own, its facts not the known actor's.
KNOWN = "Kimsuky sent lures to think tanks in Japan.\n\n"


def known_and_other(f: Findings) -> tuple[CampaignFindings, CampaignFindings]:
    """The case of KNOWN's actor, and the one other case the text drafts."""
    kimsuky = next(c for c in f.campaigns if any(a.name == "Kimsuky" for a in c.all_actors))
    (other,) = [c for c in f.campaigns if c is not kimsuky]
    return kimsuky, other
