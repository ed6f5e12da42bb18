"""What an actor poses as ("posed as a university student", "impersonated think tanks"),
what a product comes from ("two Chinese models"), and a people named as a community ("the
Uyghur community"): neither the actors' origin nor, but the last, whom they went after."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import past_verb, words
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.vocab import PLATFORMS

__all__ = ["community", "made_in", "posed_as"]


_POSING: Final = words("posing")


_TARGET_VERBS_STRICT: Final = words("target_verbs_strict")


_LIST_WORDS: Final = words("list_words")


def _listed_after(m: Mention, s: Sentence) -> str:
    """The word before the list a mention ends ("impersonates X and NGOs" gives
    "impersonates"), or "" when the mention opens no list."""
    inside = {  # the words of the other names in the list (a behaviour's span is no name)
        i
        for x in s.mentions
        if x is not m and x.entry.kind != "Technique"
        for i in range(x.index, x.index + x.width)
    }
    i = m.index - 1
    while i >= 0 and (i in inside or m.words[i] in _LIST_WORDS):
        i -= 1
    return m.words[i] if 0 <= i < m.index - 1 else ""


_PRODUCTS: Final = words("product_nouns")
_PRODUCT_KINDS: Final = words("product_kinds")


def made_in(m: Mention) -> bool:
    """A people's name before a product ("two Chinese models", "a Russian AI chatbot"): where
    the product comes from, neither the actors' origin nor a target."""
    return held(m.words, _PRODUCT_BIT) and _made_in(m)  # most sentences name no product


def _made_in(m: Mention) -> bool:
    """:func:`made_in` word by word: it says yes only before a word of :data:`_PRODUCTS` or a
    service's name."""
    if m.entry.kind == "Country" and m.after[:1] == ["s"]:  # "China's DeepSeek platform"
        owned = [w for w in m.words[m.index + m.width + 1 :][:3] if w not in _PRODUCT_KINDS]
        return owned[:1] != [] and (owned[0] in _PRODUCTS or owned[0] in _services())
    after = [w for w in m.after if w not in _PRODUCT_KINDS]
    return m.entry.kind == "Demonym" and after[:1] != [] and after[0] in _PRODUCTS


@cache
def _services() -> frozenset[str]:
    """The AI services' one-word names in lower case ("deepseek", "gemini")."""
    return frozenset(
        n.lower() for p in PLATFORMS.values() for n in (p.name, *p.aliases) if " " not in n
    )


_PRODUCT_BIT: Final = cue_bit(_PRODUCTS | _services())


def posed_as(m: Mention, s: Sentence) -> bool:
    """What an actor poses as: "posed as a university student", "impersonated think tanks",
    "posed as European and Turkish journalists", "impersonates X and NGOs"."""
    if held(s.words, _BRAND_BIT) and _branded(m):
        return True  # "misused logos of legitimate news outlets"
    if held(s.words, _PERSONA_BIT) and _claimed(m):
        return True  # "One fake profile claimed a degree from a university in Portugal"
    if not held(s.words, _POSING_OR_AS):
        return False  # no posing word and no "as a": most sentences
    before = m.before
    as_a = before[-2:-1] == ["as"] and before[-1] in {"a", "an"}
    if as_a and not _JUDGED.isdisjoint(m.words[max(0, m.index - 8) : m.index - 2]):
        as_a = False  # "assessed with high confidence as a Chinese group": who they are
    if as_a:
        return True
    if any(w in _POSING for w in before):  # "impersonated banks", not "impersonating banks to"
        return before[-1] != "to" or m.index < 2 or m.words[m.index - 2] in _POSING
    # "posed as a student working on a university", "posing as a travel agency, law firms and
    # Polish officials": the pose runs on to a new verb
    lead = m.words[max(0, m.index - 12) : m.index]
    if not _POSING.isdisjoint(lead) and _TARGET_VERBS_STRICT.isdisjoint(lead):
        # "posed as journalists and asked US policy experts": a new verb, a new clause
        first = max(i for i, w in enumerate(lead) if w in _POSING)
        posing = lead[first:]
        # a long list of poses: nouns and "and", no verb, no other preposition ("poses as a bank
        # app for users in Chile", "... and steals logins from users in Chile" reached them)
        far = len(posing) > 7
        if not far or (
            _PHRASE_ENDS.isdisjoint(posing[2:]) and not any(map(_PAST_VERB.fullmatch, posing[1:]))
        ):
            at = max(0, m.index - 12) + first  # where the pose opens in the sentence
            sectors = {x.index - at for x in s.mentions if x.entry.kind == "Sector"}
            return _ASKING.isdisjoint(posing) and not _reached(posing, sectors)
    return _listed_after(m, s) in _POSING or _in_the_pose(m, s)


_AS: Final = frozenset({"as"})
_ASKING: Final = words("asking") | words("aim_verbs_plain")  # "posed as officials to phish"
_PAST_VERB: Final = re.compile(past_verb())
_PHRASE_ENDS: Final = words("phrase_ends") - {"and", "or", "of"}
_JUDGED: Final = words("judged")
_OF_THE_POSE: Final = frozenset({"from", "at", "of", "with", "for"})


_BRAND_MARKS: Final = words("brand_marks")
_BRAND_BIT: Final = cue_bit(_BRAND_MARKS)
_POSING_BIT: Final = cue_bit(_POSING)
_POSING_OR_AS: Final = cue_bit(_POSING | _AS)  # either set


_PERSONAS: Final = words("persona_nouns")
_CLAIMING: Final = words("claiming")
_PERSONA_BIT: Final = cue_bit(_PERSONAS)


def _claimed(m: Mention) -> bool:
    """A mention in what a fake persona claims, its noun the subject of a verb of claiming right
    after it ("profile claimed", not "under the identity X, the group claimed responsibility")
    and no targeting word between: "One fake profile claimed a degree from a university in
    Portugal and an address in Croatia" (the cover story, no target)."""
    lead = m.words[max(0, m.index - 16) : m.index]
    claims = [
        i
        for i, w in enumerate(lead)
        if w in _CLAIMING and not _PERSONAS.isdisjoint(lead[max(0, i - 2) : i])
    ]
    return bool(claims) and _TARGET_VERBS_STRICT.isdisjoint(lead[claims[0] :])


def _branded(m: Mention) -> bool:
    """A mention whose marks the actors' fakes carry, alone or in a list after "of": "misused
    logos of legitimate news outlets", "the branding of news groups, academic institutions and
    police agencies" (what the fakes looked like, no target); not past a verb ("logos of the
    firm and hacked banks")."""
    lead = m.words[max(0, m.index - 12) : m.index]
    at = max(
        (i for i, w in enumerate(lead) if w == "of" and i and lead[i - 1] in _BRAND_MARKS),
        default=-1,
    )
    between = lead[at + 1 :]
    return (
        at >= 0 and _PHRASE_ENDS.isdisjoint(between) and not any(map(_PAST_VERB.fullmatch, between))
    )


def _in_the_pose(m: Mention, s: Sentence) -> bool:
    """A mention in the phrase after a noun the actors posed as, however far the posing word:
    "posed as recruiters from a big firm and as journalists from a major news outlet"; not
    "such as staff of banks" or "as well as staff at banks", and not past a verb of reaching."""
    if not held(s.words, _POSING_BIT):
        return False
    at = next((j for j in range(m.index - 1, max(-1, m.index - 5), -1)
               if m.words[j] in _OF_THE_POSE), -1)  # fmt: skip
    lead = m.words[max(0, at - 3) : at]  # "as journalists", "as an analyst"
    if at < 1 or "as" not in lead[:-1]:
        return False
    k = at - len(lead) + max(i for i, w in enumerate(lead) if w == "as")
    if k > 0 and m.words[k - 1] in ("such", "well"):
        return False
    reached = m.words[:k]
    posing = max((i for i, w in enumerate(reached) if w in _POSING), default=-1)
    return posing >= 0 and _TARGET_VERBS_STRICT.isdisjoint(m.words[posing:at])


def _reached(posing: list[str], sectors: set[int]) -> bool:
    """Whether the words from a posing word on go on past the pose to whom the verb before it
    reached: "texts impersonating banks to users in", "... to the", "... to" a place or a
    sector ("... to government bodies in"; ``sectors``: where the sector words stand, counted
    from the posing word); not an infinitive ("posed as students to pass interviews": a pose;
    but a verb of reaching someone, "posed as students to lure experts", is in ``asking``,
    read before)."""
    for i in range(2, len(posing)):
        if posing[i] == "to":
            after = posing[i + 1] if i + 1 < len(posing) else ""
            if not after or after in _DETERMINERS or (after[-1] == "s" and after[-2:] != "ss"):
                return True
            if i + 1 in sectors:
                return True
    return False


_DETERMINERS: Final = frozenset({"the", "a", "an", "their", "its", "his", "her", "some", "several"})


_COMMUNITIES: Final = words("communities")


def community(m: Mention, s: Sentence) -> bool:
    """A people named as a community: "the Uyghur community", "Tibetan diaspora groups", a
    civil-society target, as other people are, attacked or written about (not when posed as)."""
    return bool(
        m.after[:1]
        and m.after[0] in _COMMUNITIES
        and m.entry.kind in ("Language", "Demonym")
        and not posed_as(m, s)
    )
