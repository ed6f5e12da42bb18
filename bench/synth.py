"""A seeded synthetic corpus with the shape of real threat reporting, for load benchmarks.

A few hundred actors, each with aliases, a home country, working languages and a habitual
profile of techniques, sectors, countries and platforms drawn Zipf-wise from the
vocabularies (a few values are everywhere, most are rare). A report describes one to five
campaigns; a campaign states 3 to 30 facts, most from its actor's profile, so the same facts
recur across reports and a reload of a later report merges into edges an earlier one made.
Every fact has an evidence string. The same seed and size give the same files, byte for byte.

Examples
--------
>>> docs = list(findings_docs(3, seed=7))
>>> len(docs), docs[0]["report"]["id"]
(3, 'synth-0000')
>>> docs == list(findings_docs(3, seed=7))
True
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphkit.batch import GraphBatch
from graphkit.build import build_batch
from graphkit.export.stix import to_stix
from graphkit.findings import Findings
from graphkit.graphdata import GraphData, node_key
from graphkit.techniques import all_attack_techniques
from graphkit.vocab import PLATFORMS, SECTORS

__all__ = ["RUN", "findings_docs", "write_corpus", "write_stix"]

_COUNTRIES = [
    "US",
    "TW",
    "JP",
    "KR",
    "UA",
    "DE",
    "GB",
    "FR",
    "IN",
    "PH",
    "VN",
    "IL",
    "SA",
    "AE",
    "AU",
    "CA",
    "IT",
    "PL",
    "NL",
    "ES",
    "BR",
    "MX",
    "TR",
    "ID",
    "MY",
    "TH",
    "SG",
    "PK",
    "NG",
    "KE",
    "ZA",
    "EG",
    "IR",
    "CN",
    "RU",
    "KP",
    "BY",
]
_ORIGINS = ("CN", "RU", "IR", "KP", "BY", "VN", "PK", "TR", None)
_LANGUAGES = [
    "en",
    "zh",
    "ru",
    "ko",
    "fa",
    "es",
    "fr",
    "de",
    "ja",
    "ar",
    "vi",
    "tr",
    "pt",
    "hi",
    "uk",
]
_ADJ = [
    "amber",
    "brisk",
    "cobalt",
    "dusky",
    "ember",
    "feral",
    "gilded",
    "hollow",
    "ivory",
    "jagged",
    "keen",
    "lunar",
]
_NOUN = [
    "badger",
    "cobra",
    "drift",
    "falcon",
    "harbor",
    "lantern",
    "meadow",
    "needle",
    "orchid",
    "quarry",
    "raven",
]
_VERBS = ["observed", "used", "relied", "on", "was", "seen", "using", "ran", "turned", "to"]


def _zipf(rng: random.Random, items: list[Any], s: float = 1.1) -> Any:
    weights = [1 / (i + 1) ** s for i in range(len(items))]
    return rng.choices(items, weights)[0]


@dataclass
class _Actor:
    name: str
    aliases: list[str]
    origin: str | None
    languages: list[str]
    profile: dict[str, list[str]]


def _actors(rng: random.Random, n: int) -> list[_Actor]:
    techniques = sorted(all_attack_techniques())
    rng.shuffle(techniques)  # which techniques are common is itself seeded
    sectors, platforms = list(SECTORS), [p.id for p in PLATFORMS.values() if p.kind == "ai"]
    out = []
    for i in range(n):
        name = f"{rng.choice(_ADJ).title()} {rng.choice(_NOUN).title()} {i:03d}"
        origin = rng.choice(_ORIGINS)
        profile = {
            "techniques": sorted({_zipf(rng, techniques[:300]) for _ in range(12)}),
            "sectors": sorted({_zipf(rng, sectors) for _ in range(5)}),
            "countries": sorted({_zipf(rng, _COUNTRIES) for _ in range(4)}),
            "platforms": sorted({_zipf(rng, platforms) for _ in range(2)}),
        }
        langs = sorted({_zipf(rng, _LANGUAGES) for _ in range(2)})
        aliases = [f"SYN-{i:04d}", f"{rng.choice(_NOUN).title()} Group {i}"]
        out.append(_Actor(name, aliases, origin, langs, profile))
    return out


def _fact(rng: random.Random, key: str, value: str, actor: _Actor) -> dict[str, Any]:
    verb = rng.choice(_VERBS)
    fact = {
        "evidence": f"{actor.name} {verb} {value} in report text {rng.randrange(10**6)}.",
        "confidence": rng.choice((40, 55, 70, 85, 95)),
    }
    return {"name": PLATFORMS[value].name, **fact} if key == "platforms" else {"id": value, **fact}


def _campaign(rng: random.Random, actor: _Actor, name: str) -> dict[str, Any]:
    n_facts = rng.randint(3, 30)
    facts: dict[str, dict[str, dict[str, Any]]] = {k: {} for k in actor.profile}
    facts["languages"] = {}
    kinds = ["techniques"] * 5 + ["sectors"] * 2 + ["countries"] * 2 + ["platforms", "languages"]
    for _ in range(n_facts):
        kind = rng.choice(kinds)
        pool = actor.languages if kind == "languages" else actor.profile[kind]
        value = rng.choice(pool)
        facts[kind].setdefault(value, _fact(rng, kind, value, actor))
    actor_ref: dict[str, Any] = {
        "name": actor.name,
        "aliases": actor.aliases,
        "evidence": f"The report attributes {name} to {actor.name}.",
    }
    if actor.origin:
        actor_ref["country"] = {"id": actor.origin, "evidence": "Operators worked from there."}
    return {
        "name": name,
        "summary": f"{name}: a synthetic operation by {actor.name}.",
        "confidence": rng.choice((50, 70, 90)),
        "actor": actor_ref,
        "languages": list(facts["languages"].values()),
        "targets": {
            "sectors": list(facts["sectors"].values()),
            "countries": list(facts["countries"].values()),
        },
        "techniques": list(facts["techniques"].values()),
        "platforms": list(facts["platforms"].values()),
    }


def findings_docs(reports: int, *, seed: int = 1) -> Iterator[dict[str, Any]]:
    """Findings documents (dicts in the findings format), one per report, seeded."""
    rng = random.Random(seed)
    actors = _actors(rng, max(20, min(400, reports // 5)))
    publishers = ["Synth Lab", "Mock Threat Team", "Sample Intel", "Fixture Research"]
    for r in range(reports):
        year, day = 2022 + r * 5 // max(reports, 1), 1 + r % 28
        month = 1 + (r // 28) % 12
        campaigns = []
        for c in range(rng.randint(1, 5)):
            actor = _zipf(rng, actors, 0.8)
            campaigns.append(_campaign(rng, actor, f"Operation {r:05d}-{c} {actor.name}"))
        yield {
            "format": "graphkit-findings/1",
            "report": {
                "id": f"synth-{r:04d}",
                "title": f"Synthetic threat report {r}",
                "publisher": publishers[r % len(publishers)],
                "published": f"{year}-{month:02d}-{day:02d}",
                "url": f"https://example.org/reports/{r}",
            },
            "campaigns": campaigns,
        }


def _graph(batch: GraphBatch) -> GraphData:
    nodes = {node_key(label, i): props for (label, i), props in batch.nodes.items()}
    edges = [
        {**props, "source": node_key(k.src_label, k.src), "target": node_key(k.dst_label, k.dst)}
        for k, props in batch.edges.items()
    ]
    return GraphData(nodes, edges)


# Where the bench writes its corpora and stores (git-ignored).
RUN = Path(__file__).resolve().parent.parent / ".run" / "bench"


def write_corpus(directory: Path, reports: int, *, seed: int = 1) -> Path:
    """Write the corpus as findings JSON files, one per report; cached by size and seed."""
    out = directory / f"synth-{reports}-s{seed}" / "findings"
    if (out.parent / "complete").exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    for doc in findings_docs(reports, seed=seed):
        text = json.dumps(doc, indent=1, sort_keys=True)
        (out / f"{doc['report']['id']}.json").write_text(text + "\n")
    (out.parent / "complete").write_text("done\n")
    return out


def write_stix(directory: Path, reports: int, *, seed: int = 1, per_bundle: int = 100) -> Path:
    """The same corpus as STIX 2.1 bundles of ``per_bundle`` reports each (graphkit's export)."""
    out = directory / f"synth-{reports}-s{seed}" / "stix"
    if (out / "complete").exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    docs = list(findings_docs(reports, seed=seed))
    for n, start in enumerate(range(0, len(docs), per_bundle)):
        bundle = GraphBatch()
        for doc in docs[start : start + per_bundle]:
            bundle.merge(build_batch(Findings.model_validate(doc)))
        (out / f"bundle-{n:03d}.json").write_text(to_stix(_graph(bundle)))
    (out / "complete").write_text("done\n")
    return out
