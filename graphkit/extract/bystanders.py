"""Sector words for people beside an operation, not whom it went after: whom advice binds ("the
technology sector must stay alert", "companies must plan their defense", "more vigilance in
the technology sector"), who builds against the actors ("other tech firms are building tools
to catch them") or works to stop them ("efforts by regulators and tech firms to curb such
schemes"), who was handed what the actors stole ("sent stolen papers to newspapers") and what
the actors stir up ("promoting protests on campuses").
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import Mention
from graphkit.extract.sentence_cues import cue_bit, held

__all__ = ["beside_the_operation"]


_AIMING: Final = words("target_verbs_strict") | words("aimed")
_OBLIGING: Final = words("obliging")  # "must", "should"; "need" only before "to"
_NEEDING: Final = frozenset(("need", "needs"))
# Words that open another clause ("must patch servers that phishers hit"); not "about", "over"
# ("need to think about defense" is one clause)
_BREAKS: Final = words("relative_words") | words("subordinators") - {"about", "over"}
_PHRASE_ENDS: Final = words("phrase_ends") - {"and", "or"}
_MAKING: Final = words("making_verbs")
_COUNTERING: Final = words("countering")
_EFFORTS: Final = words("efforts")
_JOINING: Final = frozenset(("and", "or"))
_HEADS: Final = words("their_assets")  # "telecom firms", "the energy sector"
_ON_THE_WAY: Final = words("auxiliaries") | words("hurrying") | {"to", "now", "all"}
_PASSING_ON: Final = words("passing_on")
_TAKEN: Final = words("taken_goods")
_LURES: Final = words("lure_words")
_FOSTERING: Final = words("fostering")
_GUARDS: Final = words("guards")  # "vigilance", "defenses", "security"
_AMONG: Final = frozenset(("in", "across", "among", "within", "throughout"))
_BITS: Final = (
    cue_bit(_OBLIGING | _NEEDING),
    cue_bit(_MAKING | _COUNTERING),
    cue_bit(_TAKEN),
    cue_bit(_FOSTERING),
    cue_bit(_GUARDS),
)


def beside_the_operation(m: Mention) -> bool:
    """A sector word that advice binds or guard is called for in, that builds against the
    actors or works to stop them, that was handed what they stole or that they stirred up: no
    target."""
    said = m.words
    obliging, making, taken, fostering, guarded = (held(said, bit) for bit in _BITS)
    return (
        (guarded and _guarded(m))
        or (obliging and _obliged(m))
        or (making and _builds(m))
        or (taken and _handed_the_spoils(m))
        or (fostering and _fostered(m))
    )


def _guarded(m: Mention) -> bool:
    """A sector word after a word of guarding and "in" ("the need for more vigilance in the
    technology sector", "better defenses across hospitals"), with no targeting word before:
    where guard is called for, no target."""
    lead = m.words[max(0, m.index - 5) : m.index]
    if not _AIMING.isdisjoint(lead):
        return False
    at = next((i for i in range(len(lead) - 1, -1, -1) if lead[i] in _AMONG), None)
    return at is not None and at > 0 and lead[at - 1] in _GUARDS


def _modal(said: list[str], i: int) -> bool:
    """A modal of duty at ``i``: "must", "should", "ought", "need(s) to"; not "must have", which
    guesses at what was done ("must have hit banks")."""
    word = said[i]
    if word in _NEEDING:
        return said[i + 1 : i + 2] == ["to"]
    return word in _OBLIGING and not (word == "must" and said[i + 1 : i + 2] == ["have"])


def _obliged(m: Mention) -> bool:
    """A sector word that is the subject of a modal of duty ("the technology sector must stay
    alert", "banks should patch") or in the clause it governs ("companies must plan their
    defense"), with no targeting word or clause break between: whom advice binds."""
    said, end = m.words, m.index + m.width
    lead = said[max(0, m.index - 8) : m.index]
    if _AIMING.isdisjoint(lead[-4:]):  # "hackers who hit banks should ...": the banks were hit
        for i in range(end, min(end + 4, len(said))):
            if _modal(said, i):
                return True
            if said[i] in _BREAKS or said[i] in _PHRASE_ENDS or said[i] in _AIMING:
                break
    for i in range(len(lead) - 1, -1, -1):
        if _modal(said, m.index - len(lead) + i):
            return True
        if lead[i] in _BREAKS or lead[i] in _AIMING:
            return False  # "must patch servers that phishers hit at banks"
    return False


def _builds(m: Mention) -> bool:
    """A sector word that is its clause's subject before a verb of making or of countering
    ("Google and other tech firms are building AI tools to catch them", "tech companies and
    the police are working to stop such schemes"), or an effort's agent before a verb of
    countering ("efforts by regulators and tech firms to curb them"): who makes things or
    answers the actors, no target. Its subject: no preposition or targeting word between the
    clause's opening and the sector word ("attacks on tech firms to stop ..."), but the "by"
    of an effort."""
    said, end = m.words, m.index + m.width
    agent = False  # after "efforts by": only a verb of countering tells an agent
    for i in range(m.index - 1, -1, -1):
        if said[i] in _BREAKS:
            break
        if said[i] == "by" and i and said[i - 1] in _EFFORTS:
            agent = True
            break
        if said[i] in _JOINING and i and said[i - 1] not in _AIMING:
            continue  # "regulators and tech firms"
        if said[i] in _PHRASE_ENDS or said[i] in _AIMING:
            return False
    return _verb_after(said, end, agent)


def _verb_after(said: list[str], end: int, agent: bool) -> bool:
    """Whether a verb of making (not for an effort's agent) or of countering comes after
    ``end``, past the sector word's head noun ("firms"), words on the way ("are racing to")
    and one noun joined by "and" or "or" ("and the police")."""
    i = end + (said[end : end + 1] != [] and said[end] in _HEADS)
    last = min(i + 7, len(said))
    while i < last:
        word = said[i]
        if word in _COUNTERING or (word in _MAKING and not agent):
            return True
        if word in _JOINING and i + 1 < last and said[i + 1] not in _AIMING:
            i += 2 + (said[i + 1] == "the")  # "and authorities", "and the police"
            continue
        if word not in _ON_THE_WAY:
            return False
        i += 1
    return False


def _handed_the_spoils(m: Mention) -> bool:
    """A sector word after "to" that closes what the actors passed on of what they took ("sent
    stolen campaign papers to Canadian newspapers", "the hacked files were handed to
    reporters"): who received it, no target; not a lure made of it ("sent phishing emails built
    on stolen logos to banks", "sent emails with stolen logos to banks" went after the banks)."""
    said = m.words
    lead = said[max(0, m.index - 5) : m.index]
    if "to" not in lead:
        return False
    at = m.index - len(lead) + len(lead) - 1 - lead[::-1].index("to")
    if not _PHRASE_ENDS.isdisjoint(said[at + 1 : m.index]):
        return False  # "to steal from banks": another phrase between
    passed = said[max(0, at - 12) : at]
    verb = next((i for i in range(len(passed) - 1, -1, -1) if passed[i] in _PASSING_ON), None)
    if verb is None or not _AIMING.isdisjoint(passed) or not _LURES.isdisjoint(passed):
        return False
    thing = passed[verb + 1 :] or passed[max(0, verb - 4) : verb]  # "files were handed to"
    head = next((i for i, w in enumerate(thing) if w in _PHRASE_ENDS), len(thing))
    return not _TAKEN.isdisjoint(thing[:head])  # not "emails with stolen logos"


def _fostered(m: Mention) -> bool:
    """A sector word after a verb of stirring up and at most three words of its phrase
    ("promoting anti-Western protests", "stirring up protests on campuses"), and the head of
    its phrase: what the actors fostered, no target; not past a targeting word or another
    phrase ("calling for violence against officials" went after them), nor a word that
    modifies content ("promoted political views" reached politics)."""
    after = m.words[m.index + m.width : m.index + m.width + 1]
    if after and after[0] not in _PHRASE_ENDS and after[0] not in ("and", "or"):
        return False  # "promoted clients' political views": content it gave the views
    lead = m.words[max(0, m.index - 5) : m.index]
    for i in range(len(lead) - 1, -1, -1):
        if lead[i] in _FOSTERING:
            return len(lead) - i - 1 <= 3 + (lead[i + 1 : i + 2] == ["up"])
        if lead[i] in _PHRASE_ENDS or lead[i] in _AIMING:
            return False
    return False
