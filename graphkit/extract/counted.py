"""Cases a sentence counts and names in one breath: "two networks, Tin Vane and Grey Loom,
which ...", "three operations: Tin Vane, Grey Loom and Salt Road". Each name is a case of its
own, and what the sentence says of them is said of each.

>>> counted_cases("The lab took down two networks, Tin Vane and Grey Loom, which wrote posts.")
['Tin Vane', 'Grey Loom']
>>> counted_cases("It named three operations: Tin Vane, Grey Loom and Salt Road.")
['Tin Vane', 'Grey Loom', 'Salt Road']
>>> counted_cases('It took down two networks, "Tin Vane" and "Grey Loom," which ...')
['Tin Vane', 'Grey Loom']
>>> count_of("It banned two clusters of accounts from Laos.", "Clusters of accounts from Laos")
2
>>> counted_cases("Two Peruvian groups, Andes Falcon and Inca Shrike, used the service.")
[]
>>> counted_cases('Analysts named the networks "Blue Harbor" and "Copper Gate."')
['Blue Harbor', 'Copper Gate']
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_forms, noun_pattern, word_led, word_list
from graphkit.extract.quoted import JOIN, has_quote, quoted_names
from graphkit.extract.set_apart import SET_NAME

__all__ = ["count_of", "counted_cases"]


# A count, up to three words that say what kind ("covert influence"), the kind of case in the
# plural, then the names set apart by a comma or a colon, the last after "and"
_COUNTED: Final = re.compile(
    rf"{word_led([*word_list('number_words'), 'both'], ignore_case=True)} (?:[\w-]+ ){{0,3}}?"
    rf"(?i:{noun_pattern('kind')})s?[,:] "
    rf"((?:(?:{SET_NAME}), ){{0,3}}(?:{SET_NAME}),? and (?:{SET_NAME}))"
    r"(?=[,.;:]|\s+(?:which|that|who)\b|$)"
)
# ... whose kind of case, in any case, begins with one of these (each form up to its hyphen)
_KIND_STEMS: Final = tuple(form.split("-")[0] for form in noun_forms("kind"))
_NAME: Final = re.compile(SET_NAME)
_UNQUOTED: Final = re.compile('["\u201c\u201d]')


def counted_cases(text: str) -> list[str]:
    """The names a count of cases sets apart in ``text``, or that it introduces together as
    operations' ('named the networks "X" and "Y"'), in order; [] when it sets none apart (a
    count of actors' names, "Two Peruvian groups, X and Y", is
    :mod:`~graphkit.extract.set_apart`'s)."""
    if " and " not in text:
        return []
    said = _UNQUOTED.sub("", text)  # 'two networks, "Tin Vane" and ...'
    lowered = said.lower()  # (a text in ASCII: no other letter is one of them in any case)
    kinds = not said.isascii() or any(kind in lowered for kind in _KIND_STEMS)
    m = _COUNTED.search(said) if kinds else None
    if m is None:
        return _quoted_together(text) if has_quote(text) else []
    return [n.group(0) for n in _NAME.finditer(m.group(1))]


def _quoted_together(text: str) -> list[str]:
    """The first run of two or more quoted operations' names, each joined to the one before by
    a comma, "and" or "or" ('the networks "X" and "Y"'); [] when there is none."""
    named = [q for q in quoted_names(text) if q.kind == "operation"]
    run: list[str] = []
    for before, q in zip([None, *named], named, strict=False):
        if before is not None and JOIN.match(text[before.end : q.start]):
            run = run or [before.name]
            run.append(q.name)
        elif run:
            break
    return run


_NUMBERS: Final = {w: n for n, w in enumerate(word_list("number_words")[:9], start=2)}  # two .. ten

# A count of up to ten, up to three words that say what kind, then a noun of who acts
_COUNT: Final = re.compile(
    rf"\b({'|'.join(_NUMBERS)}|[2-9]|10) (?:[\w-]+ ){{0,3}}?((?i:{noun_pattern('subject')}))\b",
    re.I,
)


def count_of(text: str, subject: str) -> int:
    """How many cases ``text`` counts by the noun an unnamed ``subject`` opens with ("It banned
    two clusters of accounts from Laos" counts 2 "Clusters of accounts from Laos"); 0 when it
    counts none of them."""
    head = subject.split(" ", 1)[0].lower()
    for m in _COUNT.finditer(text):
        if m.group(2).lower() == head:
            word = m.group(1).lower()
            return _NUMBERS.get(word) or int(word)
    return 0
