"""Small findings documents for tests, written by hand (not produced by the code under test)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

BASE: dict[str, Any] = {
    "format": "graphkit-findings/1",
    "report": {
        "id": "lab-2025-01-01-alpha",
        "title": "Alpha report",
        "publisher": "Lab",
        "published": "2025-01-01",
    },
    "campaigns": [
        {
            "name": "Operation Alpha",
            "confidence": 70,
            "actor": {
                "name": "Forest Blizzard",
                "evidence": "The report names Forest Blizzard.",
                "confidence": 90,
                "country": {"id": "Russia", "evidence": "A Russian actor.", "confidence": 95},
            },
            "languages": [{"id": "ru", "evidence": "Russian-language prompts."}],
            "targets": {
                "sectors": [
                    {"id": "aerospace", "evidence": "Satellite research.", "confidence": 60}
                ],
                "countries": [{"id": "UA", "evidence": "Aimed at Ukraine."}],
                "organizations": [{"name": "Example Org", "evidence": "Named target."}],
            },
            "techniques": [{"id": "T1566.001", "evidence": "Attachments.", "confidence": 80}],
            "platforms": [{"name": "ChatGPT", "evidence": "Used the chatbot."}],
        }
    ],
}


def findings(**report: Any) -> dict[str, Any]:
    """A copy of BASE with report fields replaced."""
    doc = copy.deepcopy(BASE)
    doc["report"].update(report)
    return doc


def write(path: Path, doc: dict[str, Any] | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc if isinstance(doc, str) else yaml.safe_dump(doc, sort_keys=False))
    return path
