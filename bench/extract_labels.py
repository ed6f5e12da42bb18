"""Scoring drafts against hand-made labels: precision, recall and F1 per entity kind and pair.

Labels (``*.labels.yaml`` beside each text) list, per kind, the ids a reader finds in the
text, and the pairs (actor or operation → target) a reader draws. Techniques are compared at
the parent level (T1566.001 counts as T1566); actors are the named groups (canonical names);
a pair's first element is a named actor or the operation's name. Names are compared as the
graph compares them, by their slug: "SNEER REVIEW" is Sneer Review, "Nine—emdash Line" is
"Nine emdash Line".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graphkit.findings import Findings
from graphkit.identity import slugify

__all__ = ["KINDS", "PAIR_TYPES", "Tally", "draft_entities", "draft_pairs", "tally"]

KINDS = ("Country", "Language", "Sector", "Technique", "Platform", "Actor")
PAIR_TYPES = ("LINKED_TO", "TARGETS", "USES_LANGUAGE")


def _parent(tid: str) -> str:
    return tid.split(".")[0] if tid.startswith("T") else tid


def _platform(name: str) -> str:
    return slugify(name)


def _named(name: str) -> bool:
    """Named actors, not the drafts' stand-ins: "Phish and Scripts operators" (for a named
    operation) and descriptions, which have lower-case words ("Chinese threat actor")."""
    lower = [w for w in name.split() if w[:1].islower() and w not in {"and", "of", "the"}]
    return not name.endswith(" operators") and not lower


def _actor_name(name: str, aliases: list[str], known: set[str]) -> str:
    """The labelled name of an actor or operation, when the label writes it another way or
    uses one of its other names; names are the same when their slugs are (the graph's ids)."""
    labelled = {slugify(k): k for k in known}
    return next((labelled[slugify(n)] for n in [name, *aliases] if slugify(n) in labelled), name)


def draft_entities(f: Findings, known: set[str] | None = None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {k: set() for k in KINDS}
    for c in f.campaigns:
        for a in c.all_actors:
            if _named(a.name):
                out["Actor"].add(_actor_name(a.name, a.aliases, known or set()))
            if a.country:
                out["Country"].add(a.country.id)
        out["Country"] |= {x.id for x in c.targets.countries}
        out["Language"] |= {x.id for x in c.languages}
        out["Sector"] |= {x.id for x in c.targets.sectors}
        out["Technique"] |= {_parent(x.id) for x in c.techniques}
        out["Platform"] |= {_platform(x.name) for x in c.platforms}
    return out


def draft_pairs(f: Findings, known: set[str] | None = None) -> dict[str, set[tuple[str, str]]]:
    out: dict[str, set[tuple[str, str]]] = {k: set() for k in PAIR_TYPES}
    for c in f.campaigns:
        anchors = {_actor_name(c.name, [], known or set())} | {
            _actor_name(a.name, a.aliases, known or set()) for a in c.all_actors if _named(a.name)
        }
        for anchor in anchors:
            for a in c.all_actors:
                if a.country:
                    out["LINKED_TO"].add((anchor, a.country.id))
            for target in [
                *(x.id for x in c.targets.sectors),
                *(x.id for x in c.targets.countries),
            ]:
                out["TARGETS"].add((anchor, target))
            for lang in c.languages:
                out["USES_LANGUAGE"].add((anchor, lang.id))
    return out


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def count(self, doc: str, got: set[Any], want: set[Any]) -> None:
        self.tp += len(got & want)
        self.fp += len(got - want)
        self.fn += len(want - got)
        self.misses += [f"{doc}: {x}" for x in sorted(want - got)]
        self.extras += [f"{doc}: {x}" for x in sorted(got - want)]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def tally(results: list[tuple[str, Findings | None, dict[str, Any]]]) -> dict[str, Tally]:
    """Micro-averaged tallies over documents: (name, draft, labels) triples.

    A draft of None (the extractor found nothing to draft) scores as empty: every label missed.
    """
    out = {k: Tally() for k in (*KINDS, *PAIR_TYPES)}
    for name, draft, labels in results:
        known = {str(a) for a in labels["entities"].get("Actor", [])}
        known |= {str(p[0]) for pairs in labels["pairs"].values() for p in pairs}
        found = draft_entities(draft, known) if draft else {k: set() for k in KINDS}
        for kind in KINDS:
            want = {
                _parent(str(x)) if kind == "Technique" else str(x)
                for x in labels["entities"].get(kind, [])
            }
            out[kind].count(name, found[kind], want)
        pairs = draft_pairs(draft, known) if draft else {k: set() for k in PAIR_TYPES}
        for kind in PAIR_TYPES:
            want_p = {(str(a), str(b)) for a, b in labels["pairs"].get(kind, [])}
            # Only pairs of labelled anchors count: a draft's other operations are not judged.
            anchors = {a for a, _ in want_p}
            out[kind].count(name, {p for p in pairs[kind] if p[0] in anchors}, want_p)
    return out
