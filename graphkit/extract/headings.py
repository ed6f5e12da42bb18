"""What a heading says: the operation it names ("Case 2: Remote worker fraud", 'Influence:
"Sneer Review"'), where its actors are from ("North Korea"), or only what the section is about
("Malware that queries a model"), which names nothing.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import by_first_letter, word_list, words
from graphkit.extract.gazetteer import actor_codes
from graphkit.extract.reading import Sentence, read_sentence

__all__ = [
    "ARTICLE",
    "BRACKETED_TAIL",
    "DATE_FIRST",
    "GENERIC_HEADINGS",
    "HEADING_LEAD",
    "PROSE_HEADING",
    "STAGE_HEADINGS",
    "TASK_HEADINGS",
    "code_named",
    "from_capitals",
    "headline_quotes",
    "is_topic",
    "names_a_country",
    "operation_name",
    "unnumbered",
]


MONTHS: Final = word_list("months")


_MONTH: Final = f"(?:{'|'.join(MONTHS)})"


# Headings of a writer's own tasks, of no operation, of a stage of an attack, of a kind of
# operation: regular expressions in layout.yaml, matched whole and in any case.
_TASKS: Final = "|".join(word_list("task_headings"))


TASK_HEADINGS: Final = re.compile(rf"^(?:{_TASKS}|to ?do)$", re.I)


_GENERIC: Final = [
    h.replace("{month}", _MONTH)
    for g in word_list("generic_headings")
    for h in (word_list("task_headings") if g == "{tasks}" else (g,))
]


# Those that open with a letter grouped by it (the pattern is tried at a heading's first
# character, where Python's re enters each alternative of an alternation one by one), after
# the others: whether a heading matches is all it is asked, and no order changes that
_ONE_GENERIC: Final = "(?:{}|{})".format(
    "|".join(g for g in _GENERIC if not g[:1].isalpha()),
    by_first_letter([g for g in _GENERIC if g[:1].isalpha()], folded=True),
)


# ... alone or joined to another ("Attribution & Identity", "Tooling and infrastructure")
GENERIC_HEADINGS: Final = re.compile(
    rf"^({_ONE_GENERIC}(?:\s*(?:,|&|/|\band\b)\s*{_ONE_GENERIC})*)$", re.I
)


# A date before a name, as a timeline writes its entries: "March 2025 \u2014 Helgoland Bite",
# "2025-03-04: ScopeCreep", "5 May 2025 - High Five". The name is what follows.
DATE_FIRST: Final = re.compile(
    rf"^(?:(?:[0-9]{{1,2}} )?{_MONTH}(?: [0-9]{{1,2}},?)? [0-9]{{4}}|"
    r"[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?)\s*[:\u2013\u2014-]\s+"
)


_STAGE: Final = "|".join(word_list("stage_headings"))


STAGE_HEADINGS: Final = re.compile(rf"^(?:{_STAGE})(?:\s*(?:,|and|&|/)\s*(?:{_STAGE}))*$", re.I)


# A line in capitals that heads what follows: "BAD GRAMMAR -- RUSSIA", "OPERATIONS".
CAPITALS: Final = re.compile(r"^[A-Z][A-Z0-9&'\u2019 ./_-]{2,80}$")


_SMALL_WORDS: Final = words("small_words")


@cache
def _place(word: str) -> bool:
    """Whether a word in capitals is a country's name ("CHINA", "IRAN")."""
    said = read_sentence(word.capitalize())
    return any(m.entry.kind == "Country" and m.width == 1 for m in said.mentions)


def from_capitals(line: str) -> str:
    """A heading in capitals as a name is written: "ZERO ZENO -- ISRAEL" is "Zero Zeno \u2014
    Israel"; a short name alone ("IUVM") or a word with digits ("STORM-2035") stays as it is."""
    words = line.strip().replace(" -- ", " \u2014 ").split()
    out = []
    for n, w in enumerate(words):
        if n == 0 and len(w) <= 5 and words[1:2] in ([], ["\u2014"]) and not _place(w):
            out.append(w)  # "IUVM", "IUVM -- IRAN": an acronym alone, but "CHINA" is China
            continue
        if any(c.isdigit() for c in w) or not w.isalpha():
            out.append(w if any(c.isdigit() for c in w) else w.capitalize())
        else:
            out.append(w.lower() if n and w.lower() in _SMALL_WORDS else w.capitalize())
    return " ".join(out)


HEADING_LEAD: Final = re.compile(
    r"^(case study|case|operation|network|campaign)\s*\d*\s*[:.\u2013\u2014-]\s*", re.I
)


_SECTION_NUMBER: Final = re.compile(r"^[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]?\s+(?=[A-Z])")  # "2)" too


_LEAD_FIRST: Final = frozenset("cCoOnN")  # the letters HEADING_LEAD starts with, in either case


_HEADING_TAIL: Final = re.compile(r"[:.\u2013\u2014-]\s.*$")


_OPERATION_WORD: Final = re.compile(
    r"^Operation\s+(?=[A-Z])"
)  # "Operation Sneer Review": Sneer Review


BRACKETED_TAIL: Final = re.compile(r"\s+\([^()]{1,40}\)$")


_POSSESSOR: Final = re.compile(r"^[A-Z][a-z]+(?:'s|\u2019s)\s+(?=[A-Z])")


_QUOTED: Final = re.compile(
    r"[\"\u201c]([^\"\u201c\u201d]{2,60})[\"\u201d]"
    r"|(?:^|(?<=\s))['\u2018]([A-Z][^'\u2018\u2019]{1,58})['\u2019](?=[\s,.;:]|$)"  # 'Sneer Review'
)


# A determiner right after a quoted word: the word is a verb with its object, not a name
_OBJECT_AFTER: Final = re.compile(r"\s+(?:the|a|an|its|their|his|her|our|your)\s", re.I)


_KIND_WORDS: Final = re.compile("^(" + "|".join(word_list("kind_headings")) + ")$", re.I)


_COUNTRY_HEADING_WORDS: Final = words("country_heading_words")


def names_a_country(heading: Sentence) -> bool:
    """A heading that only names a country ("North Korea", "Iranian APT actors"): the section is
    about that country's actors."""
    countries = [m for m in heading.mentions if m.entry.kind in ("Country", "Demonym", "Sponsor")]
    covered = {i for m in countries for i in range(m.index, m.index + m.width)}
    rest = [w for i, w in enumerate(heading.words) if i not in covered]
    return bool(countries) and all(w in _COUNTRY_HEADING_WORDS for w in rest)


def unnumbered(heading: str) -> str:
    """A heading without its section number: "2 Sneer Review", "3.1 Uncle Spam"."""
    return _SECTION_NUMBER.sub("", heading) if heading[:1].isdigit() else heading


# Where a heading's parts meet: "Details and AI Tools", "Overview: ..."
_PARTS: Final = re.compile(r"\s*(?:,|&|/|:|\band\b)\s*")


def operation_name(heading: str | None) -> str | None:
    if not heading:
        return None
    # Each pattern is tried only where it can match: most headings are a name and no more.
    heading = unnumbered(heading)  # "2 Sneer Review", "3.1 Uncle Spam"
    quoted = (
        _QUOTED.search(heading)
        if '"' in heading or "\u201c" in heading or "'" in heading or "\u2018" in heading
        else None
    )
    if quoted and _OBJECT_AFTER.match(heading, quoted.end()):
        return None  # 'Attackers "Jailbroke" the Model': a verb in scare quotes, no name
    name = DATE_FIRST.sub("", heading)  # "March 2025 \u2014 Helgoland Bite"
    if name.startswith("Operation"):
        name = _OPERATION_WORD.sub("", name)
        if GENERIC_HEADINGS.match(_PARTS.split(name, 1)[0]):
            return None  # "Operation Details and AI Tools": of the operation, no name
    if name[:1] in _LEAD_FIRST:  # "Case 4: ...", "Operation: ...", "Network - ..."
        name = HEADING_LEAD.sub("", name)
    titled = name != heading  # "Case 4: Operations against Vietnam" is a case's title
    kind, colon, rest = name.partition(":")
    if quoted:
        name = quoted.group(1) or quoted.group(2)
    elif colon and len(kind.split()) <= 2 and _KIND_WORDS.match(kind.strip()):
        name = rest  # "Cyber: North Korean actors"
    name = _HEADING_TAIL.sub("", name).strip(" \"\u201c\u201d'")
    if "'s" in name or "\u2019s" in name:
        name = _POSSESSOR.sub("", name)  # "China's Spamouflage" is Spamouflage
    if ")" in name[-2:]:
        tail = BRACKETED_TAIL.search(name)
        short = tail.group(0).strip(" ()") if tail else ""
        before = name[: tail.start()] if tail else ""
        initials = "".join(w[0] for w in before.split() if w[:1].isupper())
        if len(short) > 1 and short.isupper() and short == initials:
            return short  # "International Union of Virtual Media (IUVM)": the short name
        name = BRACKETED_TAIL.sub("", name)  # "Forest Blizzard (Russia)": who, in the heading
    if not name or GENERIC_HEADINGS.match(name) or len(name) > 80:
        return None
    coded = code_named(name)
    if coded != name:  # "Explaining Storm-4410": the tracking code is the name
        return coded
    if " " in name and name.isupper():  # not one word: "GLASSHOOK" is a codename as written
        name = from_capitals(name)  # "2) NINE\u2014EMDASH LINE" between two rules of dashes
    if not titled and is_topic(name):
        return None
    return name


# A word that may lead a heading's tracking code, no part of the name: a gerund ("Explaining")
# or a word of about-ness ("Inside", "Meet", "Behind": layout.yaml code_leads)
_CODE_LEAD: Final = re.compile(rf"^(?:[A-Z][a-z]+ing|{'|'.join(word_list('code_leads'))}) [A-Z]")


def code_named(name: str) -> str:
    """The tracking code a name leads with a word about it ("Explaining Storm-4410", "Inside
    UNC5812"); the name as it is when it is no such thing."""
    coded = actor_codes(name) if _CODE_LEAD.match(name) else []
    return coded[0][2] if len(coded) == 1 and coded[0][1] == len(name) else name


_TOPIC_WORDS: Final = words("topic_words")


_ABOUT_A_REPORT: Final = words("about_a_report")


def is_topic(heading: str) -> bool:
    """A heading that says what a section is about ("Malware that queries a model") names no
    operation; "Phish and Scripts" or "Deceptive employment schemes" may."""
    words = heading.split()
    # "OpenAI's February report" is about a report (but "Tort Report" is an operation's name);
    # "A novice actor builds malware" is a case's title, and it names the case.
    return not (
        _TOPIC_WORDS.isdisjoint(w.lower() for w in words) and _ABOUT_A_REPORT.isdisjoint(words)
    )


ARTICLE: Final = re.compile(r"^(?:an?|the)\s+", re.I)


def headline_quotes(heading: str, name: str) -> bool:
    """Whether a heading is a headline that quotes the operation's name inside a sentence
    ("OpenAI bans Chinese network 'Sneer Review' that attacked a Pakistani activist"): all it
    says is the operation's, as a sentence of its text is."""
    return len(heading.split()) >= len(name.split()) + 4 and any(
        f"{q}{name}" in heading for q in ("'", '"', "\u2018", "\u201c")
    )


# A heading written as prose, not as a name: "The Russian pair", "An Iranian veteran".
PROSE_HEADING: Final = re.compile(r"^(?:an?|the)\s+[a-z]", re.I)
