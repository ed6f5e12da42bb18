"""Measure the actor join against MISP's galaxies, side by side with ATT&CK and the table alone.

    .venv/bin/python tools/measure_actor_join.py [--json]

For each index (``before``: the project's table and ATT&CK, as graphkit resolved names before
the galaxy join; ``after``: the join of all four sources) it counts how many of the galaxies'
names resolve to one actor, how many are contested (two actors claim them: flagged, never
merged on their own) and how many are unknown; the same for Microsoft's weather names; and,
relative to the galaxy's clusters, the actors the join merges (two clusters in one actor) and
splits (one cluster's names over two actors).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graphkit.actor_join import Joined, name_key
from graphkit.actors import actor_entries, join_entries
from graphkit.galaxy import GALAXIES, Entry, galaxy_entries

# Microsoft's 2023 naming: a family word for the origin or motive (Typhoon: China, Blizzard:
# Russia, Sandstorm: Iran, Sleet: North Korea, Tempest: financial crime ...), and Storm-NNNN.
WEATHER = re.compile(
    r"\b(Blizzard|Typhoon|Sandstorm|Sleet|Tempest|Hail|Flood|Cyclone|Dust|Rain|Tsunami)$"
    r"|^Storm-\d{4}$"
)


def _names(entries: list[Entry]) -> list[str]:
    return sorted({n for e in entries for n in e.names if name_key(n)})


def resolved(joined: Joined, names: list[str]) -> dict[str, int]:
    """How many names resolve to one actor, are contested, or are unknown."""
    out = {"names": len(names), "resolved": 0, "contested": 0, "unknown": 0}
    for n in names:
        key = name_key(n)
        out[
            "resolved"
            if key in joined.index
            else "contested"
            if key in joined.contested
            else "unknown"
        ] += 1
    return out


def split_and_merged(joined: Joined, clusters: list[Entry]) -> dict[str, list[str]]:
    """Clusters the join puts together (merged) or spreads over two actors (split)."""
    actors_of: dict[str, set[str]] = {}
    for c in clusters:
        actors_of[c.primary] = {
            joined.index[k] for n in c.names if (k := name_key(n)) in joined.index
        }
    clusters_in: dict[str, list[str]] = defaultdict(list)
    for c in clusters:
        own = joined.index.get(name_key(c.primary))
        if own:
            clusters_in[own].append(c.primary)
    merged = sorted(f"{a}: {', '.join(sorted(cs))}" for a, cs in clusters_in.items() if len(cs) > 1)
    split = sorted(f"{c}: {', '.join(sorted(a))}" for c, a in actors_of.items() if len(a) > 1)
    return {"merged": merged, "split": split}


def measure() -> dict[str, object]:
    galaxy = {g: galaxy_entries(g) for g in GALAXIES}
    all_names = _names([e for es in galaxy.values() for e in es])
    weather = [n for n in all_names if WEATHER.search(n)]
    report: dict[str, object] = {}
    for label, sources in (
        ("before", ("table", "attack")),
        ("after", ("table", "attack", *GALAXIES)),
    ):
        joined = join_entries(actor_entries(sources))
        report[label] = {
            "actors": len(joined.actors),
            **{g: resolved(joined, _names(es)) for g, es in galaxy.items()},
            "weather": resolved(joined, weather),
            "unknown weather": [
                n
                for n in weather
                if name_key(n) not in joined.index and name_key(n) not in joined.contested
            ],
            "threat-actor clusters": split_and_merged(joined, galaxy["threat-actor"]),
        }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="the whole report as JSON")
    args = parser.parse_args()
    report = measure()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for label in ("before", "after"):
        r = report[label]
        assert isinstance(r, dict)
        print(f"{label}: {r['actors']} actors")
        for part in (*GALAXIES, "weather"):
            c = r[part]
            share = 100 * c["resolved"] / c["names"]
            print(
                f"  {part}: {c['resolved']}/{c['names']} resolve ({share:.1f} %), "
                f"{c['contested']} contested, {c['unknown']} unknown"
            )
        sm = r["threat-actor clusters"]
        print(f"  threat-actor clusters merged: {len(sm['merged'])}, split: {len(sm['split'])}")


if __name__ == "__main__":
    main()
