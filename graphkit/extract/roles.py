"""What the words around a mention say of it: attribution or target, language or country.

"China-based", "Chinese operators", "from Iran", "based in the United Kingdom" attribute;
"targeting Taiwan", "an Iranian journalist", "Vietnamese telecommunications networks" target
(which language mentions name a language in use is :mod:`graphkit.extract.spoken`'s). What an
actor poses as, writes about or researches is not its target.
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.coordination import joined_to_actors
from graphkit.extract.country_subject import accused_of, businesses_misusing, country_used
from graphkit.extract.cues import a_body_head, nouns, past_verb, word_list, words
from graphkit.extract.fronted import fronted_seat
from graphkit.extract.included import member_of_subject
from graphkit.extract.place_in import (
    befell,
    past_place_set,
    sector_words,
    someone_in,
    who_sits,
)
from graphkit.extract.ranked import ranked_first
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.vocab import countries

__all__ = [
    "EMPLOYER",
    "country_role",
    "for_whom",
    "noun_phrase_after",
    "researched",
    "sector_words",
]


_ATTR_AFTER: Final = words("attr_after")
_ATTR_BEFORE: Final = words("attr_before")
_THEIR_HOURS: Final = words("their_hours")
_TARGET_VERBS_STRICT: Final = words("target_verbs_strict")
ACTOR_NOUNS: Final = nouns("origin_after")
# The nouns of an unnamed actor a sentence opens with ("A Vietnamese police officer used ..."),
# some of which name no actor elsewhere ("emails to an Australian official")
_SUBJECT_NOUNS: Final = nouns("subject")
_PEOPLES: Final = frozenset(countries().peoples())  # a people by its plural: "the North Koreans"
# What may stand before a people that is its sentence's subject: "The North Koreans", "Some
# Iranians and Syrians", "Cubans, too,"
_BEFORE_A_SUBJECT: Final = frozenset(
    words("before_a_people") | {w for p in _PEOPLES for w in p.lower().replace("-", " ").split()}
)
_VICTIMS: Final = words("victims")
_HIT_ONES: Final = _VICTIMS | words("hit_ones")  # who is located where: the victims' place
_JUDGED: Final = words("judged")
_TARGET_VERBS: Final = words("target_verbs")
# what was done to whom a people's name follows: "researched", "breached" (not "victims of")
_AIMED_VERBS: Final = _TARGET_VERBS | {w for w in _TARGET_VERBS_STRICT if w.endswith("ed")}
_NOT_SAYING: Final = words("not_saying")
PHRASE_ENDS: Final = words("phrase_ends")
THEIR_ASSETS: Final = words("their_assets")
_SIT: Final = words("sit")
_OWNED_ACTORS: Final = nouns("owned")
_BELIEVED: Final = words("believed")
OWN_FORCES: Final = words("own_forces")


def noun_phrase_after(m: Mention, text: str) -> list[str]:
    """Up to three words after a mention, stopping where the text opens a bracket or a clause:
    "The South Korean military (Google Threat ...)" gives only "military"."""
    at = text.find(m.text) if text else -1
    if at < 0:
        return m.after[:3]
    rest = _CLAUSE_MARK.split(text[at + len(m.text) : at + len(m.text) + 60], maxsplit=1)[0]
    return m.after[: min(3, len(_WORD.findall(rest)))]


_CLAUSE_MARK: Final = re.compile(r"[(,;:]")
_WORD: Final = re.compile(r"[\w'-]+")


# The words an appositive origin may carry before it ("again likely", "both"): _NOT_SAYING's
_HEDGES: Final = r"(?:(?:" + "|".join(sorted(_NOT_SAYING | {"again", "also"})) + r")\s+)*"


def _appositive(m: Mention, text: str) -> bool:
    """A demonym set off by commas after the name it describes: "X, probably Iranian, ...",
    "Another network, likely Chinese as well, ..."."""
    return (
        f"{m.text}," in text or f"{m.text} as well," in text or f"{m.text} too," in text
    ) and bool(re.search(rf", {_HEDGES}{re.escape(m.text)}(?: as well| too)?,", text))


EMPLOYER: Final = words("employer_words")


_NOT_AFTER: Final = words("sector_not_after")


def for_whom(lead: list[str]) -> bool:
    """Words before a place (or a place's sector) that make it the actor's sponsor or
    employer: "works for the", "on behalf of the", "backed by the" (not "lures for the")."""
    lead = lead[:-1] if lead[-1:] in (["the"], ["a"], ["an"]) else lead
    if lead[-2:-1] and lead[-1] == "by" and lead[-2] in _NOT_AFTER:
        return True  # "backed by the Iranian government"
    return any(" ".join(lead[-n:]) in EMPLOYER for n in (2, 3))


_AGAINST_THEM: Final = words("acted_against")


def _acted_against(behind: list[str]) -> bool:
    """Whether the words before a people's name say the reporter acted against its actors:
    "took action against", "a lawsuit against", "filed a lawsuit in California against" (not
    "attacks against")."""
    at = len(behind) - 1 - behind[::-1].index("against") if "against" in behind else -1
    return at > 0 and not _AGAINST_THEM.isdisjoint(behind[max(0, at - 3) : at])


_RUN_BY: Final = words("run_by")


def _run_by(lead: list[str]) -> bool:
    """Whether the words before a place say who runs the operation ("run by people in", "led
    by a firm based in"), with no targeting word after "by"."""
    if "by" not in lead:
        return False
    i = len(lead) - 1 - lead[::-1].index("by")
    return i > 0 and lead[i - 1] in _RUN_BY and _TARGET_VERBS_STRICT.isdisjoint(lead[i:])


def country_role(m: Mention, text: str = "") -> str:
    """Whether a country or a people a sentence names is where the actors are from
    ("attribution") or whom they went after ("target"); ``text``: the sentence's."""
    m = past_place_set(m)
    ahead, behind = m.after, m.before  # each a new list: made once here
    wide = m.words[max(0, m.index - 8) : m.index]  # "filed a lawsuit in California against"
    if "least" in behind or "most" in behind:  # "At least eight Iranian groups": a count
        behind = [w for i, w in enumerate(behind) if w != "at" or behind[i + 1 : i + 2] not in (
            ["least"], ["most"])]  # fmt: skip
    after = ahead[:1]
    aimed = not _TARGET_VERBS_STRICT.isdisjoint(behind) or "researched" in behind
    if after in (["government"], ["state"]) and aimed:
        return "target"  # "researched US government targets", not "the Chinese government"
    if (
        after == ["based"]
        and not (_TARGET_VERBS_STRICT | _VICTIMS).isdisjoint(wide[-6:])
        and ACTOR_NOUNS.isdisjoint(ahead[1:3])
    ):
        return "target"  # "Its main targets are US-based government organizations"
    if (after and after[0] in _ATTR_AFTER) or ahead[:2] == ["in", "origin"]:
        return "attribution"  # "China-based", "Chinese in origin"
    if " ".join(ahead[:2]) in _THEIR_HOURS:
        return "attribution"  # "during Chinese business hours": when they work, so where
    if m.entry.kind == "Demonym":
        return _demonym_role(m, text, ahead, behind, wide)
    if (
        ahead[:1]
        and ahead[0] in _ACTING
        and _TARGET_VERBS_STRICT.isdisjoint(behind)
        and f"{m.text} {ahead[0]}".lower() in text.lower()  # not "focused on Turkey, using ..."
    ):
        return "attribution"  # "showed Russia using AI in a European election"
    if (
        ahead[:1]
        and ahead[0] in ACTOR_NOUNS
        and not aimed
        and f"{m.text} {ahead[0]}".lower() in text.lower()  # not "In Peru, hackers ..."
    ):
        return "attribution"  # "DPRK operatives", "PRC hackers": a country's name as a people's
    if country_used(m, text) or joined_to_actors(m) or member_of_subject(m, text):
        return "attribution"  # "Cuba made modest use of ...", "groups, along with Cuba, will";
        # "Hostile states, including Cuba and Peru, are using AI": the states' members did
    owned = m.words[m.index + m.width + 1 : m.index + m.width + 5]  # "'s fake IT workers"
    if ahead[:1] == ["s"] and not _OWNED_ACTORS.isdisjoint(owned) and not aimed:
        return "attribution"  # "Moscow's operators", "Iran's state hackers": its people
    if m.index == 0 and ahead[:1] == ["s"] and _OWNS_A_NAME.match(text, len(m.text)):
        return "attribution"  # "Russia's Helgoland Bite wrote ...": whose operation it is
    return _context_role(m, text, behind, aimed)


_IN: Final = {"inside": "in", "within": "in"}
_POINTING_TO: Final = frozenset({"points to", "pointed to", "point to", "pointing to"})
_WORKING_FOR: Final = frozenset({"works for", "work for", "working for", "worked for"})


def _demonym_role(
    m: Mention, text: str, ahead: list[str], behind: list[str], wide: list[str]
) -> str:
    """A people's name: "an Iranian journalist" is a target, "an Iranian group" an
    attribution; the noun after it, and the verb before, decide."""
    targeted = any(w in _AIMED_VERBS for w in behind[-3:] if w not in {"a", "an"})
    if targeted and ahead[:1] and ahead[0] in ACTOR_NOUNS:
        # "reporting on North Korean actors" is about who they are; "targeting Iranian
        # groups" is still a target
        targeted = any(w in _TARGET_VERBS_STRICT for w in behind[-3:])
    if targeted and _acted_against(wide) and not ACTOR_NOUNS.isdisjoint(ahead[:3]):
        targeted = False  # "The lab took action against Bolivian scammers": the actors
    if behind[-1:] == ["the"] and _collective_acts(m, ahead):
        return "attribution"  # "the Chinese researched ...": the people acts
    if m.entry.name in _PEOPLES:  # "The North Koreans also tried ...": the people acts
        if targeted and not _acted_against(wide):
            return "target"
        # ... as the sentence's subject, or the agent after "by"; after another verb it is
        # whom they went after ("scammed Canadians", "lured Kenyans")
        subject = set(behind) <= _BEFORE_A_SUBJECT or behind[-1:] == ["by"]
        return "attribution" if subject or _acted_against(wide) else "target"
    if for_whom(m.words[: m.index]):
        return "attribution"  # "hackers working for a Russian energy company"
    if " ".join(wide[-3:]).endswith(_MADE_OF) and not targeted:
        return "attribution"  # "a crew made up of Laotian nationals": its people
    if m.index <= 2 and befell(text):
        return "target"  # "A Peruvian security firm admitted to hiring a spy": the victim
    after = ahead
    if len(after) >= 2 and after[0] in sector_words() and after[1] in THEIR_ASSETS:
        return "target"  # "Vietnamese telecommunications networks", "Israeli defense firms"
    noun = noun_phrase_after(m, text) if not ACTOR_NOUNS.isdisjoint(ahead[:3]) else []
    body = any(map(a_body_head, ahead[:2]))  # "the Canadian spy service": a state's body
    if (
        not targeted
        and any(w in ACTOR_NOUNS for w in noun)
        and _VICTIMS.isdisjoint(noun)  # "Cambodian scam victims" are targets
        and not body
    ):
        return "attribution"
    if m.index <= 1 and not targeted and not body and not _SUBJECT_NOUNS.isdisjoint(ahead[:3]):
        return "attribution"  # "A Vietnamese police officer used ...": who acts, its people
    if m.index <= 1 and businesses_misusing(m.words[m.index + m.width : m.index + m.width + 5]):
        return "attribution"  # "Several Chinese AI labs distilled ...": who acts, its people
    if accused_of(m):
        return "attribution"  # "accused three Chinese AI labs of distilling ...": who did it
    if (
        ahead[:1] == ["one"]
        and not targeted
        and any(f"{m.text} one{c}" in text for c in (", ", ' "', " \u201c"))
    ):  # "..., and a Bolivian one, Tin Vane, ...", 'the Bolivian one "Grey Loom"': a name's
        return "attribution"
    said = [w for w in behind if w not in _NOT_SAYING]
    if (
        said[-1:]
        and said[-1] in {"also", "is", "are", "was", "were", "be"}
        and not (said[-2:-1] and said[-2] in _VICTIMS)
    ):  # "STORM-0817, also Iranian", "X and Y are both Chinese"; not "its targets are"
        return "attribution"
    if said[-1:] == ["as"] and said[-2:-1] and said[-2] in _JUDGED:
        return "attribution"  # "which OpenAI assessed as probably Chinese"
    if any(w in _ATTR_BEFORE for w in behind[-3:]) and not targeted:
        return "attribution"  # "affiliated with the Iranian IRGC"
    if not targeted and m.index <= 8 and _appositive(m, text):
        return "attribution"  # "VAGue Focus, again likely Chinese, approached ..."
    return "target"


def _context_role(m: Mention, text: str, behind: list[str], aimed: bool) -> str:
    """A country's role by the two words before it ("based in", "points to", "works for"),
    then by who runs what ("an operation run by people in Iran"); a target when none says."""
    context = [_IN.get(w, w) for w in behind if w != "the"][-2:]  # "based in the UK", "inside"
    key = " ".join(context)  # one string to compare: no word holds a space
    if key in _POINTING_TO:
        return "attribution"  # "A third case points to North Korea"
    if key == "consistent with":
        return "attribution"  # "Activity consistent with North Korea"
    if context[-1:] == ["in"] and context[:1] and context[0] in _SIT:
        return who_sits(m)  # "The operators appear to sit in China"
    if key == "be in" and m.index >= 4 and m.words[m.index - 4] in _BELIEVED:
        return "attribution"  # "operators thought to be in Syria"
    if key in ("are in", "is in") and (
        _who_believed(m.words[max(0, m.index - 7) : m.index - 2])
        or m.words[max(0, m.index - 4) : m.index - 2] in (["whose", w] for w in _MEMBERS)
    ):  # "The operators, who the lab believes are in Nigeria, ...", "The crew, whose members
        return "attribution"  # are in Laos, ..."
    if key in _WORKING_FOR:
        return "attribution"  # "Emerald Sleet works for North Korea"
    if key == "behalf of" and not aimed:
        return "attribution"  # "operatives working on behalf of Beijing"
    if context[-1:] == ["of"] and context[0] in _STATE_HEADS and _serves(m.words[: m.index - 2]):
        return "attribution"  # "hackers working for the governments of Peru and Bolivia"
    if context[-1:] == ["to"] and _tied_to(m):
        return "attribution"  # "OpenAI linked it to China", "tied the cluster, X, to Iran"
    first = ranked_first(m, text) if "by" in m.words[: m.index] else None
    if first is not None:  # "The US leads, followed by the UK and Israel": the first one's role
        return country_role(first, text)
    if key == "out of" or any(w in _ATTR_BEFORE for w in context):
        # "organisations based in Taiwan" are targets: a targeting word just before says so
        lead = m.words[max(0, m.index - 8) : m.index]
        # ... and so are victims located somewhere: "80% of the victims are located in Vietnam"
        whom = _TARGET_VERBS_STRICT if context[:1] == ["based"] else _HIT_ONES
        if not (context[:1] in (["based"], ["located"]) and not whom.isdisjoint(lead)):
            return "attribution"
    if _run_by(m.words[max(0, m.index - 6) : m.index]):
        return "attribution"  # "an operation run by people in Iran": who runs it, and where
    if key == "in" and m.index <= 2 and fronted_seat(text):
        return "attribution"  # "In Ghana, a marketing firm ran ...": where the firm sits
    return someone_in(m, context) if context[-1:] == ["in"] else "target"


_COLLECTIVES: Final = frozenset(countries().collectives())
_PAST_VERB: Final = re.compile(past_verb())


def _collective_acts(m: Mention, ahead: list[str]) -> bool:
    """Whether "the" and a demonym that is its own plural are who does the verb after it:
    "the Chinese researched ...", "the Dutch also wrote ..."."""
    verb = [w for w in ahead[:2] if w not in ("also", "too")][:1]
    return (
        m.text.lower() in _COLLECTIVES and bool(verb) and _PAST_VERB.fullmatch(verb[0]) is not None
    )


_BELIEF_VERBS: Final = frozenset({"believe", "believes", "think", "thinks", "assess", "assesses"})
_BELIEVES: Final = words("believed") | _BELIEF_VERBS


def _who_believed(lead: list[str]) -> bool:
    """Whether the words before "are in" are a relative clause of belief about the actors:
    "who the lab believes (are in)", "whom investigators think (is in)"."""
    return any(w in ("who", "whom") for w in lead) and not _BELIEVES.isdisjoint(lead)


_STATE_HEADS: Final = words("state_heads")


def _serves(lead: list[str]) -> bool:
    """Whether the words before "the government of" say the actors serve or are tied to it:
    "working for the", "backed by the", "linked to the"."""
    said = lead[:-1] if lead[-1:] == ["the"] else lead
    return for_whom(lead) or (said[-2:-1] != [] and said[-1] == "to" and said[-2] in TIED)


# How far back "tied ... to" may reach: the verb, the thing tied (a name in apposition,
# "the first cluster, Copper Wick,"), then "to".
_TIED_REACH: Final = 10


def _tied_to(m: Mention) -> bool:
    """Whether "to" before a country closes a verb of tying: "linked it to", "tied the first
    cluster, Copper Wick, to". A targeting word after the verb ends its reach ("tied to
    phishing aimed at Taiwan")."""
    lead = m.words[max(0, m.index - _TIED_REACH) : m.index - 1]
    for w in reversed(lead):
        if w in _TARGET_VERBS_STRICT:
            return False
        if w in TIED:
            return True
    return False


_RESEARCH_VERBS: Final = words("research_verbs")
_RESEARCH_BIT: Final = cue_bit(_RESEARCH_VERBS)


_STUDIED_THINGS: Final = words("studied_things")


def researched(m: Mention, s: Sentence) -> bool:
    """A technology the actor studied ("researched US satellite communications"), a place's
    ("US") included: a subject of study, not a target.

    >>> from graphkit.extract.reading import read_sentence
    >>> s = read_sentence("They researched US satellite communications.")
    >>> [(m.text, researched(m, s)) for m in s.mentions if m.entry.kind != "Technique"]
    [('US', True), ('satellite communications', True)]
    """
    if not held(m.words, _RESEARCH_BIT):
        return False  # no word of study in the sentence: most sentences
    places = {i for x in s.mentions if x.entry.kind in COUNTRY_KINDS
              for i in range(x.index, x.index + x.width)}  # fmt: skip
    if m.index in places:  # the place of the thing studied: the mention right after it decides
        end = m.index + m.width
        return any(x.index == end and researched(x, s) for x in s.mentions if x is not m)
    i = m.index - 1  # the word before it, past its place and article ("the US", "a")
    while i >= 0 and (i in places or m.words[i] in ("the", "a", "an")):
        i -= 1
    if m.text.lower().split()[-1] not in _STUDIED_THINGS:
        # "researched US satellite communications and defence companies": one list, one study
        if i < 0 or m.words[i] not in ("and", "or"):
            return False
        return any(
            x.index + x.width == i and x.entry.kind == "Sector" and researched(x, s)
            for x in s.mentions
        )
    return i >= 0 and m.words[i] in _RESEARCH_VERBS


_MEMBERS: Final = words("parts_of")  # "whose members", "whose operatives"
_MADE_OF: Final = tuple(word_list("made_of"))
_ACTING: Final = words("acting")


# After a country that opens a sentence: its name in capitals, then a verb ("'s Helgoland Bite
# wrote"), not "'s Ministry of Defence was ..." (a passive: done to it)
_OWNS_A_NAME: Final = re.compile(
    r"(?:'s|\u2019s) [A-Z][\w\u2014-]*(?: [A-Z][\w\u2014-]*){0,3} "
    r"(?!was |were |is |are |has been )[a-z]"
)


TIED: Final = words("tied")
