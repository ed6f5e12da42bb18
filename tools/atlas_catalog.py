"""Derive graphkit/data/atlas.json from MITRE ATLAS's ``dist/ATLAS.yaml`` (atlas-data).

    .venv/bin/python tools/atlas_catalog.py PATH/TO/ATLAS.yaml [-o graphkit/data/atlas.json]

Keeps facts only: the ids, names and tactics of every technique and sub-technique (a
sub-technique takes its parent's tactics, as ATLAS's own STIX bundle gives them), the tactics,
and the mitigations with the techniques each one mitigates; no descriptions. The output is
sorted and written the same way every run, so rebuilding from the same ATLAS.yaml gives the
same file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.identity import slugify

OUT = Path(__file__).resolve().parent.parent / "graphkit" / "data" / "atlas.json"


def derive(atlas: dict[str, Any]) -> dict[str, Any]:
    """The catalog's facts from ATLAS.yaml's data."""
    [matrix] = [m for m in atlas["matrices"] if m["id"] == "ATLAS"]
    tactics = {t["id"]: slugify(t["name"]) for t in matrix["tactics"]}
    own = {t["id"]: t.get("tactics") or [] for t in matrix["techniques"]}
    techniques = []
    for t in matrix["techniques"]:
        parent = t.get("subtechnique-of")
        ids = own[t["id"]] or own.get(parent or "", [])
        techniques.append(
            {
                "id": t["id"],
                "name": t["name"],
                "parent": parent,
                "tactics": [tactics[i] for i in ids],
            }
        )
    return {
        "source": "MITRE ATLAS (atlas-data dist/ATLAS.yaml), Apache-2.0",
        "version": str(atlas["version"]),
        "tactics": [
            {"id": i, "name": t["name"], "shortname": tactics[i]}
            for t in matrix["tactics"]
            for i in [t["id"]]
        ],
        "techniques": sorted(techniques, key=lambda t: t["id"]),
        "mitigations": sorted(
            (
                {
                    "id": m["id"],
                    "name": m["name"],
                    "techniques": sorted({u["id"] for u in m.get("techniques") or []}),
                }
                for m in matrix.get("mitigations") or []
            ),
            key=lambda m: m["id"],
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("atlas_yaml", type=Path)
    parser.add_argument("-o", "--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = derive(yaml.safe_load(args.atlas_yaml.read_text("utf-8")))
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(
        f"{args.out}: ATLAS {data['version']}, {len(data['techniques'])} techniques, "
        f"{len(data['tactics'])} tactics, {len(data['mitigations'])} mitigations"
    )


if __name__ == "__main__":
    main()
