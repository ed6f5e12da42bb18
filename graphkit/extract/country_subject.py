"""A country as the subject of its sentence, standing for its actors: "Cuba made relatively
modest use of the platform", "Peru, Bolivia and Cuba all used it"; or a people's name before
businesses that misuse a model ("Several Chinese AI labs distilled ..."). Where the actors are,
not whom they went after.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import nouns, word_list, words
from graphkit.extract.gazetteer import TOKEN, lookup_table
from graphkit.extract.reading import Mention, Sentence

__all__ = ["accused_of", "businesses_misusing", "country_used", "opening_country", "opening_list"]


_USING: Final = words("country_uses")


def country_used(m: Mention, text: str = "") -> bool:
    """Whether a country opens its sentence (alone or as the last of a list of countries) and
    the verb after it says its actors used what the report is about: "Cuba used the platform",
    "Peru mostly leaned on it", "Peru, Bolivia and Cuba all used it", "Aside from China, North
    Korea remains a major threat", "Peru's attacks are broad" (``text``: the sentence, for the
    phrase set apart first); or a list of countries does what a report tells of its actors
    (:func:`_listed_acts`)."""
    if not _used(m) and not _listed_acts(m):
        return False  # the words after it first: most countries are followed by no such verb
    places = _place_words()
    apart = _SET_APART.match(text) if text[:1].isupper() else None
    first = len(TOKEN.findall(apart.group(0))) if apart else 0
    before = m.words[first : m.index]
    if "while" in before or "whereas" in before:  # "..., while Bolivia leans towards ...": it
        before = before[max(i for i, w in enumerate(before) if w in _CONTRASTS) + 1 :]  # opens
        # a clause of its own
    if "that" in before:  # "a bulletin stating that Russia and Iran are weaponizing AI": what
        at = len(before) - 1 - before[::-1].index("that")  # a report says opens a clause too
        before = before[at + 1 :] if not _SAYING.isdisjoint(before[:at]) else before
    else:  # "The lab reveals Russia and Iran are ...": what it tells opens after its verb
        said = [i for i, w in enumerate(before) if w in _TELLING]
        before = before[said[-1] + 1 :] if said else before
    return all(w in places or w in ("and", "or") for w in before)


# Words of saying before "that" and what is said: "said that", "a bulletin stating that"
_SAYING: Final = words("reporting_verbs") | words("showing_words")
# ... and those only a reporter does, or of seeing, before what is said with no "that"
_TELLING: Final = words("reporter_verbs") | words("seeing_verbs")


def _used(m: Mention) -> bool:
    """Whether the verb after a country says its actors used something (or its actors did
    something: "Peru's attacks are broad")."""
    if m.after[:1] == ["s"]:  # "Peru's attacks are broad": what its actors did
        return m.after[1:2] != [] and m.after[1] in _OWNED_ACTS
    verbs = _verbs_after(m)
    verb = verbs[0] if verbs else ""
    if verb in _STRIVING:  # "Peru seeks to undermine trust in elections"
        return _strives_to_misuse(m.words[m.index + m.width :])
    if verb in _AUXILIARIES:  # "Peru has used", "Peru and Chile are now using"
        if len(verbs) > 1 and verbs[1] in _USING:
            return True
        if verb in _HAVE:
            return False
        said = m.words[m.index + m.width : m.index + m.width + 7]
        return not _USERS.isdisjoint(said)  # "Cuba was by far the heaviest user"
    return verb in _USING


_STRIVING: Final = words("striving")
_COUNTERING: Final = words("countering")


def _strives_to_misuse(after: list[str]) -> bool:
    """Whether the words after a country are a verb of striving, "to" and a clause that tells
    a misuse ("seeks to undermine trust in elections", "aims to sway voters with deepfakes"),
    not a defence ("seeks to counter disinformation")."""
    told = after[after.index("to") + 1 : after.index("to") + 13] if "to" in after[:4] else []
    at = next((i for i, w in enumerate(told) if w in _MISUSE_TOLD), None)
    return at is not None and _COUNTERING.isdisjoint(told[:at]) and _GUARDS.isdisjoint(told[:at])


def _listed_acts(m: Mention) -> bool:
    """Whether the last of a list of countries ("Peru, Chile and Cuba") is followed by a verb
    that acts, and what the clause tells is a misuse (an AI word, or spying, propaganda): a list
    of countries as a subject is the usual grammar of what states' actors do ("Peru, Chile and
    Cuba have stepped up chatbot use in spying", "... are trying to sway the vote with AI-made
    videos"). A verb acts in the perfect or the progressive ("have stepped", "are trying"), as a
    past ("stepped up") or a participle ("sees Peru and Chile trying to ..."), or as one of the
    verbs of use; not in the passive ("were targeted"),
    not when it undergoes ("have faced", "are seeing") or reports ("have warned")."""
    if m.index == 0 or m.words[m.index - 1] not in ("and", "or"):
        return False  # most countries are in no list
    verbs = _verbs_after(m)
    if len(verbs) < 2 or verbs[0] in _NOT_ACTING or verbs[1] in _NOT_ACTING:
        return False
    verb, then = verbs[0], verbs[1]
    if verb in _BE:
        acts = then.endswith("ing")
    elif verb in _HAVE:
        acts = then.endswith("ed")
    else:
        acts = verb.endswith(("ed", "ing")) or verb in _USING  # "sees them trying to ..."
    told = m.words[m.index + m.width : m.index + m.width + 16]
    at = next((i for i, w in enumerate(told) if w in _MISUSE_TOLD), None)
    return acts and at is not None and _GUARDS.isdisjoint(told[:at])  # not "stepped up
    # warnings about AI phishing"


# What a clause tells of a misuse (:func:`_listed_acts`), and verbs that do not act: a state
# that undergoes, reports or answers ("have faced", "are warning", "have sanctioned").
_MISUSE_TOLD: Final = words("misuse_told")
_GUARDS: Final = words("guards")
_NOT_ACTING: Final = words("undergoing") | _SAYING | words("accusing")


_ASIDES: Final = frozenset(("also", "all", "now", "still"))
_CONTRASTS: Final = frozenset(("while", "whereas"))
_BE: Final = frozenset(("was", "were", "is", "are"))
_HAVE: Final = frozenset(("has", "have", "had"))
_AUXILIARIES: Final = _BE | _HAVE


def _verbs_after(m: Mention) -> list[str]:
    """The words after a mention where its verb is, adverbs and asides left out ("Peru has
    also quietly used": "has", "used")."""
    return [w for w in m.after[:6] if not w.endswith("ly") and w not in _ASIDES]


_USERS: Final = words("users")


_OWNED_ACTS: Final = words("owned_acts")


# A phrase set apart before the subject: "Aside from China, ", "Beyond Russia, "
# ... or a run-in label over the clause: "Peru's new trick: Peru has used ..."
_SET_APART: Final = re.compile(
    rf"^(?:(?i:{'|'.join(word_list('name_prepositions'))})\b[^,]{{1,40}}, |"
    r"[A-Z][\w'\u2019-]*(?: [\w'\u2019-]+){0,4}: (?=[A-Z]))"
)


def opening_country(s: Sentence) -> Mention | None:
    """The country a sentence opens on as its subject, standing for its actors ("North Korea
    remains a major threat"); None when it opens on none."""
    return next(
        (m for m in s.mentions if m.entry.kind == "Country" and country_used(m, s.text)), None
    )


_LISTING: Final = frozenset(("and", "or"))  # what joins a list's items besides commas


def opening_list(s: Sentence, last: Mention) -> str:
    """The words of the countries a sentence opens on as its subject, up to ``last`` (see
    :func:`opening_country`): "Peru, Chile and Cuba" of "Aside from China, Peru, Chile and Cuba
    are using it"."""
    apart = _SET_APART.match(s.text) if s.text[:1].isupper() else None
    skip = len(TOKEN.findall(apart.group(0))) if apart else 0
    firsts = [m for m in s.mentions if m.entry.kind == "Country" and skip <= m.index < last.index]
    listed = last
    for m in reversed(firsts):  # only a list: "Peru, Chile and Cuba", not "Peru, while Cuba"
        between = [w for w in s.words[m.index + m.width : listed.index] if w != "the"]
        if len(between) > 1 or not _LISTING.issuperset(between):
            break
        listed = m
    start = s.text.find(listed.text, apart.end() if apart else 0) if listed is not last else -1
    end = s.text.find(last.text, start) if start >= 0 else -1
    return s.text[start : end + len(last.text)] if end > start else last.text


@cache
def _place_words() -> frozenset[str]:
    """The words of the countries' names ("north", "korea", "peru")."""
    table = lookup_table().items()
    return frozenset(
        w for k, v in table if any(e.kind == "Country" for e in v[0]) for w in k.split()
    )


_MISUSING: Final = nouns("misusing")
_MISUSE_DEEDS: Final = words("misuse_deeds")


def businesses_misusing(after: list[str]) -> bool:
    """Whether the words after a people's name are businesses, up to two words of their phrase
    before them, then a verb of misusing a model ("AI labs distilled", "AI firms also ran"):
    the businesses act, and the people's name is where they are from."""
    at = next((i for i, w in enumerate(after[:3]) if w in _MISUSING), None)
    if at is None:
        return False
    verb = [w for w in after[at + 1 : at + 3] if w not in ("also", "allegedly", "reportedly")]
    return verb[:1] != [] and verb[0] in _MISUSE_DEEDS


_ACCUSING: Final = words("accusing")


def accused_of(m: Mention) -> bool:
    """Whether a people's name is in the object of a verb of accusing, before "of" or "for" and
    the deed ("accused three Chinese AI companies of distilling its model", "blamed Russian
    hackers for the breach"): who did it, from there. At most two words between the verb and
    the name, and "of" or "for" within four after it."""
    lead = m.words[max(0, m.index - 3) : m.index]
    at = next((i for i in range(len(lead) - 1, -1, -1) if lead[i] in _ACCUSING), None)
    if at is None or not _BETWEEN.isdisjoint(lead[at + 1 :]):
        return False
    after = m.words[m.index + m.width : m.index + m.width + 4]
    return "of" in after or "for" in after


_BETWEEN: Final = words("phrase_ends")
