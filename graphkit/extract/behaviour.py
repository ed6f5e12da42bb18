"""Behaviour told in a verb and its object: "wrote and debugged ransomware", "find such
experts", "slip past antivirus", "poses as an image-generation tool".

The gazetteer knows fixed phrases ("malware development"); reports say the same thing in many
word orders. Here a verb from a class and an object from a class, the verb at most a few words
before the object with no word in between that turns the verb elsewhere ("wrote reports on
malware" is no malware development), name the techniques of the class. The classes and their
words are data: ``graphkit/data/cues/behaviour.yaml``.

Examples
--------
>>> [ids for _, _, ids in behaviours("it had claude write and debug ransomware".split())]
[('T1587.001', 'llm-aided-development')]
>>> behaviours("analysts wrote reports about ransomware".split())
[]
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import BehaviourClass, behaviour_cues

__all__ = ["behaviours"]

_CUES: Final = behaviour_cues()


def _forms(*verbs: str) -> frozenset[str]:
    """Each verb as written and with -s, -ed and -ing ("map" gives "mapped", "mapping")."""
    out: set[str] = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        double = stem + stem[-1] if verb in _CUES.doubled else stem
        out |= {verb, verb + ("es" if verb.endswith("s") else "s"), double + "ed", double + "ing"}
        if verb.endswith("y"):
            out |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return frozenset(out)


_SETS: Final = {name: _forms(*s.verbs) | frozenset(s.words) for name, s in _CUES.sets.items()}

# (verbs, objects, how many words the verb may stand before its object, techniques, the words
# between them that turn the verb elsewhere)
_Class = tuple[frozenset[str], frozenset[str], int, tuple[str, ...], frozenset[str]]


def _class(c: BehaviourClass) -> _Class:
    names = c.verb_sets()
    verbs = _SETS[names[0]] if len(names) == 1 else frozenset().union(*(_SETS[n] for n in names))
    if c.except_:
        verbs = verbs - frozenset(c.except_)
    return verbs, _SETS[c.objects], c.reach, c.ids, _SETS[c.turns]


_CLASSES: Final[tuple[_Class, ...]] = tuple(_class(c) for c in _CUES.classes)
_OBJECTS: Final = frozenset().union(*(objects for _, objects, _, _, _ in _CLASSES))
_VERBS: Final = frozenset().union(*(verbs for verbs, _, _, _, _ in _CLASSES))

# Object word → the classes it may close, in table order.
_BY_OBJECT: Final[dict[str, list[_Class]]] = {}
for _entry in _CLASSES:
    for _word in _entry[1]:
        _BY_OBJECT.setdefault(_word, []).append(_entry)

# Sets the matching itself asks about (what each is for: behaviour.yaml).
_OWNERS: Final = _SETS["owners"]
_DEFENCES: Final = _SETS["defences"]
_SECURITY_KINDS: Final = _SETS["security_kinds"]
_SECRETS: Final = _SETS["secrets"]
_STORES: Final = _SETS["stores"]
_OWN_CODE: Final = _SETS["own_code"]
_ASK_ABOUT: Final = _SETS["ask_about"]


def behaviours(words: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(verb position, words from the verb to the object, technique ids) in lower-case words."""
    if _OBJECTS.isdisjoint(words) or _VERBS.isdisjoint(words):
        return []  # most sentences: no object word, or no verb of any class
    out = []
    count = len(words)
    for j in [j for j, word in enumerate(words) if word in _OBJECTS]:
        word = words[j]
        if j + 1 < count and words[j + 1] in _OWNERS:
            continue  # "a software company", "game developers": the object is someone else
        if word == "detection" and j and words[j - 1] in _DEFENCES:
            continue  # "evade antivirus detection": the antivirus, a security feature
        if word == "security" and (j + 1 == count or words[j + 1] not in _SECURITY_KINDS):
            continue  # "security tools" detect; "security" alone may be anything
        for verbs, objects, reach, ids, turns in _BY_OBJECT[word]:
            if objects is _SECRETS and _STORES.isdisjoint(words):
                continue  # saved passwords need where they are saved ("out of Chrome")
            if (
                objects is _OWN_CODE
                and word not in ("itself", "source")
                and "own" not in words[max(0, j - 3) : j]
            ):
                continue  # "rewrite code" is development; "rewrite its own code", obfuscation
            for i in range(j - 1, max(-1, j - reach - 1), -1):
                if words[i] in turns:
                    break
                if words[i] in verbs:
                    if verbs is not _ASK_ABOUT or "about" in words[i:j]:  # not "asked experts"
                        out.append((i, j - i + 1, ids))
                    break
    return out
