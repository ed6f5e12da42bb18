"""Place mentions with the role the labels give them: the data of ``bench/roles_cv.py``.

Every labelled text under ``bench/extract/*/`` is drafted as ``graphkit extract`` drafts it;
each country or demonym mention that reaches the extractor's place decision
(``graphkit.extract.facts._place``) is recorded once (per text, sentence and position) with:

- its gold role, from the text's labelled pairs for its country: ``origin`` when the country
  is in a LINKED_TO pair only, ``target`` when in a TARGETS pair only, ``none`` when the
  labels do not name the country at all. A country in both (``both``), or labelled as an
  entity but in no pair (``unpaired``: an unnamed cluster's origin or target) has no role a
  mention can be scored against; those rows are kept, marked, and left out of training and
  scoring. The gold is the text's, not the sentence's: a mention of an origin country in
  passing ("two Chinese models") counts as ``origin``. Rules and model are scored against
  the same labels, so the noise is the same for both;
- the rules' role: ``none`` when ``said_about``, ``posed_as``, ``researched`` or ``made_in``
  (graphkit.extract.roles) drop it, else ``country_role``'s attribution (``origin``) or
  target; and which part of the extractor decided it there (``friends``: those four;
  ``field``: a labelled field such as "Target:"; ``structure``: a sponsor, a name's brackets,
  an actor's own origin; ``rules``: ``country_role``).

The sentences stay in memory (they are the labelled texts'); nothing is written to the repo.

Run: ``.venv/bin/python bench/roles_data.py`` prints the counts.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import graphkit.extract.facts as facts
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.roles import country_role, made_in, posed_as, researched, said_about
from graphkit.findings import Findings
from loaders.text import read_text

EXTRACT = Path(__file__).resolve().parent / "extract"
COUNTRY = re.compile(r"^[A-Z]{2}$")
ROLES = ("origin", "target", "none")
WINDOW = 8  # words each side in the bags of words


@dataclass(frozen=True)
class Row:
    folder: str
    doc: str
    words: tuple[str, ...]  # the sentence's lower-case tokens
    index: int
    width: int
    kind: str  # Country or Demonym
    country: str
    actors: tuple[int, ...]  # token positions of the sentence's actor mentions
    gold: str  # origin, target, none, both or unpaired
    rules: str  # origin, target or none
    decided_by: str  # friends, field, structure or rules
    source: str = ""  # the report the text retells (:func:`sources`)


def gold_roles(labels: dict[str, Any]) -> dict[str, str]:
    """Country → its role in a text's labels (``none`` for countries the labels lack)."""
    pairs = labels.get("pairs") or {}
    origins = {str(b) for _, b in pairs.get("LINKED_TO") or []}
    targets = {str(b) for _, b in pairs.get("TARGETS") or [] if COUNTRY.match(str(b))}
    named = {str(c) for c in (labels.get("entities") or {}).get("Country") or []}
    out = {c: "unpaired" for c in named}
    out.update({c: "origin" for c in origins} | {c: "target" for c in targets})
    out.update({c: "both" for c in origins & targets})
    return out


def rules_decision(m: Mention, s: Sentence, origin: set[int]) -> tuple[str, str]:
    """The rules' role of a place mention, and which part of the extractor decides it."""
    if said_about(m) or posed_as(m, s) or researched(m, s) or made_in(m):
        return "none", "friends"
    if s.field in facts._FIELD_COUNTRY_ROLE:
        return _role_name(facts._FIELD_COUNTRY_ROLE[s.field]), "field"
    if m.entry.kind == "Sponsor" or m.index in origin or facts.set_after_actor(m, s):
        return "origin", "structure"
    return _role_name(country_role(m, s.text)), "rules"


def _role_name(role: str) -> str:
    return "origin" if role == "attribution" else role


def actor_positions(s: Sentence) -> tuple[int, ...]:
    return tuple(x.index for x in s.mentions if x.entry.kind == "Actor")


@contextmanager
def recording(out: list[tuple[Mention, Sentence, set[int]]]) -> Iterator[None]:
    """Every place mention the extractor decides a role for, while the block runs."""
    original = facts._place

    def _place(f: Any, group: Any, m: Mention, s: Sentence, origin: set[int], lists: Any) -> None:
        original(f, group, m, s, origin, lists)
        out.append((m, s, set(origin)))

    setattr(facts, "_place", _place)  # noqa: B010  (a type of its own, not _place's)
    try:
        yield
    finally:
        setattr(facts, "_place", original)  # noqa: B010


def texts(folder: Path) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    """A labelled folder's texts: name, text path and labels."""
    for labels_path in sorted(folder.glob("*.labels.yaml")):
        stem = labels_path.name.removesuffix(".labels.yaml")
        path = next(p for p in folder.glob(stem + ".*") if not p.name.endswith(".yaml"))
        yield stem, path, yaml.safe_load(labels_path.read_text(encoding="utf-8"))


def draft(path: Path) -> Findings | None:
    try:
        return extract_findings(read_text(path), path=str(path))
    except InputError:
        return None  # nothing drafted: every label of the text counts as missed


def folder_rows(folder: Path) -> tuple[list[Row], list[tuple[str, Findings | None, dict]]]:
    """The place mentions of a folder's texts, and the rules' drafts (name, draft, labels)."""
    rows: list[Row] = []
    drafts = []
    for stem, path, labels in texts(folder):
        seen: list[tuple[Mention, Sentence, set[int]]] = []
        with recording(seen):
            found = draft(path)
        drafts.append((stem, found, labels))
        gold = gold_roles(labels)
        keys = set()
        for m, s, origin in seen:
            if m.entry.kind not in ("Country", "Demonym"):
                continue  # a sponsor ("the IRGC") is always whom the actor works for
            key = (s.text, m.index)
            if key in keys:
                continue  # a sentence read in two groups
            keys.add(key)
            rules, by = rules_decision(m, s, origin)
            rows.append(Row(folder.name, stem, tuple(m.words), m.index, m.width, m.entry.kind,
                            m.entry.id, actor_positions(s), gold.get(m.entry.id, "none"),
                            rules, by))  # fmt: skip
    return rows, drafts


def folders() -> list[Path]:
    return sorted(p for p in EXTRACT.iterdir() if p.is_dir())


def features(words: tuple[str, ...] | list[str], index: int, width: int, kind: str,
             actors: tuple[int, ...]) -> dict[str, float]:  # fmt: skip
    """What a model sees of a mention: the words around it (the mention itself masked), by
    position and as two bags, its kind, where it stands, and where the sentence's actors are."""
    end = index + width
    left, right = list(words[max(0, index - WINDOW) : index]), list(words[end : end + WINDOW])
    f: dict[str, float] = {f"kind={kind}": 1.0}
    for i in range(1, 4):
        f[f"l{i}={left[-i] if len(left) >= i else '<s>'}"] = 1.0
        f[f"r{i}={right[i - 1] if len(right) >= i else '</s>'}"] = 1.0
    f[f"l2l1={' '.join(left[-2:])}"] = 1.0
    f[f"r1r2={' '.join(right[:2])}"] = 1.0
    for w in left:
        f[f"lw={w}"] = 1.0
    for w in right:
        f[f"rw={w}"] = 1.0
    f["first"] = float(index == 0)
    f["early"] = float(index <= 3)
    f["actor_before"] = float(any(a < index for a in actors))
    f["actor_after"] = float(any(a >= end for a in actors))
    f["actor_next"] = float(any(abs(a - index) <= 2 or a == end for a in actors))
    return f


def row_features(r: Row) -> dict[str, float]:
    return features(r.words, r.index, r.width, r.kind, r.actors)


# A name opening with a publisher and a month says which report a text retells.
_REPORT = re.compile(
    r"^(?:(ms-openai|microsoft|ms)-2024(?:-02)?|(ant)-2025-08|([a-z]+-20\d\d-\d\d))(?=-|$)"
)


def _report(stem: str) -> str | None:
    m = _REPORT.match(stem)
    if m is None:
        return None
    return "ms-2024-02" if m[1] else "anthropic-2025-08" if m[2] else m[3]


def facts_of(labels: dict[str, Any]) -> set[tuple[str, str]]:
    return {(re.sub(r"[^a-z0-9]", "", str(a).lower()), str(b))
            for pairs in (labels.get("pairs") or {}).values() for a, b in pairs or []}  # fmt: skip


def sources(drafts: dict[str, list]) -> dict[tuple[str, str], str]:
    """(folder, text) → the report it retells. Most labelled texts are one report retold in
    another layout, and their names say which (``openai-2025-06-bluf``); a text whose name
    does not is the report it shares the most labelled pairs with (most such texts mix two
    or three reports: it counts as the one it shares most with)."""
    named = {(f, stem): _report(stem) for f, ds in drafts.items() for stem, _, _ in ds}
    said = {(f, stem): facts_of(labels) for f, ds in drafts.items() for stem, _, labels in ds}
    pooled: dict[str, set[tuple[str, str]]] = {}
    for key, report in named.items():
        if report:
            pooled.setdefault(report, set()).update(said[key])
    out = {}
    for key, report in named.items():
        out[key] = report or max(sorted(pooled), key=lambda r: len(said[key] & pooled[r]))
    return out


def collect(progress: Callable[[str], None] | None = None) -> tuple[list[Row], dict[str, list]]:
    """Rows of every labelled folder, and the rules' drafts by folder."""
    rows: list[Row] = []
    drafts: dict[str, list] = {}
    for folder in folders():
        got, drafts[folder.name] = folder_rows(folder)
        rows += got
        if progress:
            progress(folder.name)
    report = sources(drafts)
    return [replace(r, source=report[r.folder, r.doc]) for r in rows], drafts


def main() -> None:
    rows, drafts = collect()
    texts_n = sum(len(d) for d in drafts.values())
    print(f"{len(drafts)} folders, {texts_n} texts, {len(rows)} place mentions")
    print("gold:", dict(Counter(r.gold for r in rows)))
    print("decided by:", dict(Counter(r.decided_by for r in rows)))
    print("reports retold:", dict(Counter(r.source for r in rows)))
    scored = [r for r in rows if r.gold in ROLES]
    print("scorable by decider:", dict(Counter((r.decided_by, r.gold) for r in scored)))


if __name__ == "__main__":
    main()
