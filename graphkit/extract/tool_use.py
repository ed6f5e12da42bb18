"""Techniques told by a tool the actors install, deploy or run: ATT&CK's legitimate tools that
actors use for one technique (``graphkit/data/tool_techniques.yaml``, derived from the ATT&CK
data by ``tools/tool_techniques.py``): "installed ScreenConnect" is Remote Access Tools
(T1219), "ran ipconfig" System Network Configuration Discovery (T1016).

The learned mapper reads behaviour, and a tool's name tells it little: ATT&CK's procedure
examples link most tools' names, and training masks linked names (``examples.clean``), so
"The actors installed ScreenConnect on the servers." scores 0.02 for T1219 (the letters of
"screen" pull to Screen Capture), where "they installed AnyDesk" (a name ATT&CK writes unlinked)
scores 0.62. This module reads the name: a tool's technique is drafted where a word of use
comes within :data:`REACH` words before its name ("installed", "deployment of the", "via") or
a passive one right after it ("Rclone was used"), in a sentence that neither negates nor
advises ("should block AnyDesk") and whose subject is not the reporter ("we ran"), nor where
a flaw in the tool is what was used ("used a flaw in ScreenConnect"). Only the
sentences the learned mapper reads are read here (a case's).

Examples
--------
>>> from graphkit.extract.reading import read_sentence
>>> tool_techniques(read_sentence("Later they installed ScreenConnect on two servers."))
['T1219']
>>> tool_techniques(read_sentence("ScreenConnect is a popular remote support product."))
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from graphkit.data import Strict, load
from graphkit.extract.cues import words
from graphkit.extract.features import words as tokens
from graphkit.extract.reading import Sentence

__all__ = ["REACH", "SCORE", "Tool", "tool_techniques", "with_tools"]

REACH: Final = 4  # how many words before a tool's name a word of use may come
SCORE: Final = 80  # the raw score of a tool's technique (calibrated as the mapper's probabilities)

_WORD: Final = re.compile(r"[\w.\-]+")
_PASSIVE: Final = frozenset({"was", "were", "is", "are", "been", "being"})
_REPORTER: Final = frozenset({"we", "our", "us"})


class Tool(Strict):
    id: str
    technique: str
    names: tuple[str, ...]


@cache
def _tools() -> tuple[frozenset[str], re.Pattern[str], dict[str, str]]:
    """The first words of every tool's names (a sentence without one names no tool: most), one
    pattern of the names (the longest first; a name in lower case or with an inner capital
    also matches in any case, "Tor" only as written), and each name's technique by its lower
    case."""
    tools: list[Tool] = load("tool_techniques.yaml", list[Tool])
    technique = {n.lower(): t.technique for t in tools for n in t.names}
    firsts = frozenset(w[0] for t in tools for n in t.names if (w := tokens(n)))
    names = sorted({n for t in tools for n in t.names}, key=len, reverse=True)
    parts = [
        re.escape(n) if n[:1].isupper() and n[1:].islower() else f"(?i:{re.escape(n)})"
        for n in names
    ]
    pattern = re.compile(rf"(?<![\w\-.])(?:{'|'.join(parts)})(?![\w\-]|\.\w)")
    return firsts, pattern, technique


def tool_techniques(s: Sentence) -> list[str]:
    """The techniques of the tools the sentence says the actors install, deploy or run."""
    firsts, pattern, technique = _tools()
    if firsts.isdisjoint(s.words):  # most sentences
        return []
    found = list(pattern.finditer(s.text))
    if not found or not words("tool_no_use").isdisjoint(s.words):
        return []
    out: list[str] = []
    for m in found:
        before = [w.lower() for w in _WORD.findall(s.text[: m.start()])]
        after = [*(w.lower() for w in _WORD.findall(s.text[m.end() :])[:2]), "", ""]
        # "installed remote tools such as ScreenConnect": the word of use before the list
        listed = not words("tool_list_openers").isdisjoint([" ".join(before[-2:]), *before[-1:]])
        reach = REACH + REACH * listed
        used = not words("tool_use_before").isdisjoint(before[-reach:]) or (
            after[0] in _PASSIVE and after[1] in words("tool_use_after")
        )
        # "used a flaw in ScreenConnect", "ScreenConnect vulnerabilities were used": the
        # victim's software, no tool of the actors
        used = used and words("tool_flawed").isdisjoint([*before[-REACH:], *after])
        if used and _REPORTER.isdisjoint(before) and technique[m.group().lower()] not in out:
            out.append(technique[m.group().lower()])
    return out


def with_tools(
    groups: Sequence[tuple[Sequence[Sentence], Sequence[str]]],
    learned: dict[int, list[tuple[str, int]]],
) -> dict[int, list[tuple[str, int]]]:
    """The learned mapper's techniques by sentence (``learned_techniques``), with the
    techniques of the tools each sentence of the groups says the actors use, at
    :data:`SCORE` unless the mapper gave more."""
    firsts = _tools()[0]
    for sentences, _ in groups:
        for s in sentences:
            told = [] if firsts.isdisjoint(s.words) else tool_techniques(s)
            if not told:
                continue
            drafted = dict(learned.get(id(s), ()))
            for t in told:
                drafted[t] = max(drafted.get(t, 0), SCORE)
            learned[id(s)] = sorted(drafted.items(), key=lambda x: -x[1])
    return learned
