"""What a draft's confidences mean: each drafted fact's confidence is the share of facts like
it that were right on the labelled sets, and a draft splits at a threshold into what is loaded
and what is held back for review.

The extractor first scores a fact by how it was read (a labelled field, the words around a
mention, a hedge such as "likely", the learned mapper's probability). That raw score orders
facts of one kind, but its numbers differ between kinds: a hedged attribution scored 40 was
right on the labelled sets as often as a plain one. :func:`calibrated` maps a raw score to
the measured precision of its kind and band of ten (``graphkit/data/confidence.yaml``, written
by ``bench/confidence_bands.py --write``; a band with few facts stays near its raw score), so
a fact at 80 is right about four times in five, whatever its kind. ``graphkit load`` of a
report text writes only the facts at or above :data:`LOAD_THRESHOLD` and lists the others.

>>> from graphkit.findings import Findings
>>> f = Findings.model_validate({
...     "report": {"title": "T", "publisher": "P", "published": "2025-01-01"},
...     "campaigns": [{"name": "Op", "confidence": 60, "actor": {"name": "X", "evidence": "e"},
...                    "languages": [{"id": "ru", "evidence": "in Russian", "confidence": 30}]}]})
>>> kept, held = hold_back(f, 50)
>>> [x.id for x in kept.campaigns[0].languages], [(h.kind, h.id, h.confidence) for h in held]
([], [('USES_LANGUAGE', 'ru', 30)])
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from graphkit.data import Strict, load
from graphkit.extract.drafted import drafted_actors
from graphkit.findings import CampaignFindings, Fact, Findings

__all__ = ["LOAD_THRESHOLD", "Band", "DraftedFact", "calibrate", "calibrated", "drafted_facts",
           "fitted", "hold_back", "uncalibrated"]  # fmt: skip

# The confidence below which `graphkit load TEXT` does not write an extracted fact: with
# calibrated confidences, the facts more likely wrong than right (BENCHMARKS.md, "Confidence").
LOAD_THRESHOLD = 50

# How many facts a band's raw score counts as: a band of few facts stays near its raw score.
PRIOR = 5


class Band(Strict):
    """A band of ten raw scores of one kind of fact, as measured on the labelled sets."""

    start: int
    facts: int
    right: int


@cache
def _table() -> dict[str, list[Band]]:
    table: dict[str, list[Band]] = load("confidence.yaml", dict[str, list[Band]])
    return table


_RAW: list[bool] = []  # set inside `uncalibrated()`: the bench measures raw scores


@contextmanager
def uncalibrated() -> Iterator[None]:
    """Drafts made inside keep their raw scores (the bench fits the calibration on them)."""
    _RAW.append(True)
    try:
        yield
    finally:
        _RAW.pop()


def fitted(bands: list[Band], raw: int) -> int:
    """The confidence of a raw score: its band's precision, pulled toward the raw score when
    the band holds few facts."""
    start = min(raw // 10 * 10, 90)
    band = next((b for b in bands if b.start == start), None)
    if band is None:
        return raw
    share = (band.right + PRIOR * raw / 100) / (band.facts + PRIOR)
    return max(1, min(99, round(100 * share)))


def calibrated(kind: str, raw: int) -> int:
    """A raw score of a fact of ``kind`` (USES, TARGETS, LINKED_TO ...) as a confidence."""
    return raw if _RAW else _fitted(kind, raw)


@cache
def _fitted(kind: str, raw: int) -> int:
    """:func:`fitted` by the table's bands of ``kind``: a few hundred pairs at most, each
    worked out once (the bands are read once per process)."""
    return fitted(_table().get(kind, []), raw)


_BODY_LISTS = (("USES_LANGUAGE", ("languages",)), ("TARGETS", ("targets", "sectors")),
               ("TARGETS", ("targets", "countries")), ("USES", ("techniques",)),
               ("ABUSES", ("platforms",)))  # fmt: skip


def calibrate(body: dict[str, Any]) -> None:
    """A drafted campaign's facts (a findings dict) with their raw scores made confidences."""
    for kind, path in _BODY_LISTS:
        owner: Any = body
        for part in path:
            owner = owner.get(part, {} if part != path[-1] else [])
        for fact in owner:
            fact["confidence"] = calibrated(kind, fact["confidence"])
    for actor in drafted_actors(body):
        actor["confidence"] = calibrated("ATTRIBUTED_TO", actor["confidence"])
        if actor.get("country"):  # one origin may be several actors': each gets its copy
            country = actor["country"]
            actor["country"] = {
                **country,
                "confidence": calibrated("LINKED_TO", country["confidence"]),
            }


# A campaign's lists of facts, as (relationship in the graph, field path)
_LISTS = (
    ("USES_LANGUAGE", ("languages",)),
    ("TARGETS", ("targets", "sectors")),
    ("TARGETS", ("targets", "countries")),
    ("TARGETS", ("targets", "organizations")),
    ("USES", ("techniques",)),
    ("ABUSES", ("platforms",)),
)


@dataclass(frozen=True)
class DraftedFact:
    """One fact of a draft: the relationship it makes, the campaign and its subject (the actor
    for LINKED_TO), the object's id or name, its confidence and its evidence."""

    kind: str
    campaign: str
    subject: str
    id: str
    confidence: int
    evidence: str


def _object(fact: Fact) -> str:
    return str(getattr(fact, "id", None) or getattr(fact, "name", ""))


def _confidence(fact: Fact, campaign: CampaignFindings) -> int:
    return fact.confidence if fact.confidence is not None else campaign.confidence


def _facts(c: CampaignFindings) -> Iterator[tuple[DraftedFact, list[Any], Fact]]:
    """Each fact of a campaign with the list that holds it (None for an actor's country)."""
    for kind, path in _LISTS:
        owner: Any = c
        for part in path:
            owner = getattr(owner, part)
        for fact in owner:
            d = DraftedFact(kind, c.name, c.name, _object(fact), _confidence(fact, c),
                            fact.evidence)  # fmt: skip
            yield d, owner, fact
    for actor in c.all_actors:
        yield (
            DraftedFact("ATTRIBUTED_TO", c.name, c.name, actor.name, _confidence(actor, c),
                        actor.evidence),
            [],
            actor,
        )  # fmt: skip
        if actor.country is not None:
            d = DraftedFact("LINKED_TO", c.name, actor.name, actor.country.id,
                            _confidence(actor.country, c), actor.country.evidence)  # fmt: skip
            yield d, [], actor.country


def drafted_facts(f: Findings) -> list[DraftedFact]:
    """Every fact of a draft, campaign by campaign."""
    return [d for c in f.campaigns for d, _, _ in _facts(c)]


def hold_back(f: Findings, threshold: int) -> tuple[Findings, list[DraftedFact]]:
    """The draft without its facts below ``threshold``, and those facts. A campaign keeps its
    actors (who did it names the campaign); an actor's country below the threshold goes."""
    kept = f.model_copy(deep=True)
    held: list[DraftedFact] = []
    for c in kept.campaigns:
        for d, owner, fact in list(_facts(c)):
            if d.confidence >= threshold or d.kind == "ATTRIBUTED_TO":
                continue
            held.append(d)
            if d.kind == "LINKED_TO":
                for actor in c.all_actors:
                    if actor.country is fact:
                        actor.country = None
            else:
                owner.remove(fact)
    return kept, held
