"""What a mention is written about, not at: "articles critical of the United States",
"posts about the war in Gaza", "anti-Japanese marches", "support for Israel": a topic, a side
or a party, no target (:func:`said_about`, asked by the facts stage and the sectors' checks);
"groups are attacking Japan's banks" is done to them.
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import COUNTRY_KINDS, Mention
from graphkit.extract.sentence_cues import cue_bit, held

__all__ = ["said_about"]

PHRASE_ENDS: Final = words("phrase_ends")
_SPOKEN_FOR: Final = words("spoken_for")
_ABOUT: Final = words("about")
_NOT_A_SIDE: Final = PHRASE_ENDS | {"the", "a", "an"}  # no side of a war: "the Israel-Hamas war"
_CONFLICT_IN: Final = ["conflict", "in"]
_CONTENT: Final = words("content")
_PERSONS: Final = words("persons")


_OTHER_THAN: Final = words("other_than")
_BEFALLING: Final = words("befalling")  # "the arrest of", "the trial of": what befell a person


# Words of content "about" someone that are also done to them ("posts attacking the premier"
# tell of him; "groups are attacking Japan's banks" go after them), and what makes them a verb
_ATTACKING: Final = words("attacking")
_AUXILIARIES: Final = words("auxiliaries")


def _done_to(phrase: list[str]) -> bool:
    """Whether the words before a mention (its phrase's, articles left out) hold a verb of
    attacking after an auxiliary ("are attacking Japan's banks", "have been attacking"): done
    to it, not said of it."""
    for i in range(len(phrase) - 1, max(0, len(phrase) - 4), -1):
        if phrase[i] in _ATTACKING:
            return phrase[i - 1] in _AUXILIARIES
        if phrase[i] in PHRASE_ENDS:
            break
    return False


def _dealing_with(after: list[str]) -> bool:
    """Whether the words after a possessive's "s" are dealings with someone, in one or two
    words ("talks with", "dam talks with"); not "trade ministry"."""
    if after[2:3] == ["with"]:
        return after[1] in _DEALINGS
    return after[3:4] == ["with"] and after[2] in _DEALINGS


def said_about(m: Mention) -> bool:
    """What a mention is written about, not at: "articles critical of the United States"."""
    said = m.words  # most sentences hold no word of a topic, nor one of content and one of war
    topical = held(said, _OF_TOPICS_BIT) or (held(said, _CONTENT_BIT) and held(said, _WAR_BIT))
    return topical and _said_about(m)


def _said_about(m: Mention) -> bool:
    """:func:`said_about` read word by word: each way it says yes needs a word of
    :data:`_OF_TOPICS` in the sentence, or (a war's sides) one of :data:`_CONTENT` and one of
    :data:`_WAR`."""
    words, at = m.words, m.index
    phrase = [w for w in words[max(0, at - 5) : at] if w not in ("the", "a", "an")]
    head = phrase[1:] if at >= 5 and words[at - 5] not in ("the", "a", "an") else phrase
    if head[-1:] == ["of"] and head[-2:-1] and head[-2] in _BEFALLING:
        return True  # "the arrest of a Peruvian figure": whose arrest the content tells of
    after = m.after
    if after[:1] and after[0] in _PERSONS:
        return False  # "criticised a Pakistani activist": a person it went after, a target
    if after[:1] == ["s"] and after[1:2] and after[1] in _SPOKEN_FOR:
        return True  # "arguing China's case on the South China Sea": whose side it takes
    if after[:1] == ["s"] and _dealing_with(words[at + m.width : at + m.width + 4]):
        return True  # "Egypt's dam talks with Ethiopia": a party to them, as Ethiopia is
    said = [w for w in words[max(0, at - 3) : at] if w != "the"]
    set_aside = [w for w in said if w not in ("from", "for", "than")]
    if at <= 3 and len(set_aside) == 1 and set_aside[0] in _OTHER_THAN:
        # "Beyond China, the lab also ...": the case a text leaves, no target ("Aside from
        # China, North Korea remains ...": North Korea is the subject)
        return True
    if said[-1:] and said[-1] in _SIDE_PREFIXES:
        return True  # "anti-Japanese marches": what they are against, no target
    if said[-1:] == ["for"] and said[-2:-1] != [] and said[-2] in _SUPPORT:
        return said[-3:-2] == [] or said[-3] not in _UNDERMINING  # "the candidates' support
        # for Israel": whose side, no target; not "to undermine support for Ukraine"
    if said[-1:] == ["of"] and len(phrase) >= 3 and phrase[-3] in _ABOUT:
        return True  # "criticising the government of Lithuania": its head's role
    if _done_to(phrase):
        return False  # "groups are attacking Japan's banks": whom they attack, a target
    if (said[-1:] == ["of"] and said[-2:-1] != [] and said[-2] in _STANCES) or bool(
        said[-1:] and said[-1] in _ABOUT
    ):
        return True
    if (
        said[-1:]
        and said[-1] in ("toward", "towards", "over", "about")
        and said[-2:-1] != []
        and (said[-2] in _STANCE_TOWARD or said[-2] in _CONCERN)
    ):
        return True  # "Western policy toward Chile", "concerns over Chile's use of AI"
    if said[-1:] == ["with"] and said[-2:-1] != [] and said[-2] in _DEALINGS:
        return True  # "nuclear talks with South Korea": a party to them, no target
    # "mocked a Taiwanese strategy game": the verb, an article, the words of the noun phrase
    for i in range(len(phrase) - 1, max(-1, len(phrase) - 4), -1):
        if phrase[i] in _ABOUT or (phrase[i] == "against" and i and phrase[i - 1] in _ARGUING):
            return True  # "mocked a Taiwanese game", "argued against military aid to Ukraine"
        if phrase[i] in PHRASE_ENDS:
            break
    # "comments on the Gaza conflict", "posts about the war in Gaza": what the content is about
    # "the Israel-Hamas war", "the India-Pakistan conflict": both sides of a war named by them
    at_war = bool(after[:1] and after[0] in _WAR) or said[-2:] in (["war", "in"], _CONFLICT_IN)
    if not at_war and len(after) > 1 and m.entry.kind in COUNTRY_KINDS:
        at_war = after[0] not in _NOT_A_SIDE and after[1] in _WAR
    if not at_war:  # "the war between Israel and Iran": both sides, what the content is about
        lead = [w for w in words[max(0, at - 6) : at] if w != "the"][-4:]
        at_war = "between" in lead and lead.index("between") > 0
        at_war = at_war and lead[lead.index("between") - 1] in _WAR
    return at_war and not _CONTENT.isdisjoint(words)


_WAR: Final = words("war_words")


_STANCES: Final = words("stances")  # "critical of", "supportive of": what content takes a side on
_STANCE_TOWARD: Final = words("stance_toward")
_DEALINGS: Final = words("dealings")
_CONCERN: Final = words("concern")
_SUPPORT: Final = words("support_nouns")
_UNDERMINING: Final = words("undermining")
_SIDE_PREFIXES: Final = words("side_prefixes")


_ARGUING: Final = words("arguing")
# The words without one of which nothing is said about a mention (:func:`_said_about`)
_OF_TOPICS: Final = (_BEFALLING | _SPOKEN_FOR | _OTHER_THAN | _ABOUT | _STANCES | _STANCE_TOWARD
                     | _CONCERN | _DEALINGS | _ARGUING | _SUPPORT | _SIDE_PREFIXES)  # fmt: skip
_OF_TOPICS_BIT: Final = cue_bit(_OF_TOPICS)
_CONTENT_BIT: Final = cue_bit(_CONTENT)
_WAR_BIT: Final = cue_bit(_WAR)
