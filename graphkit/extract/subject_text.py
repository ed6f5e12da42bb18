"""A sentence read from where its subject begins: without who reports it and the label before
that, with the noun an ordinal leaves out ("The second, tied to Cuba, ..." after "three
networks"), without the set its places belong to, with dashes that set apart who the subject
is read as commas, and a relative clause of belief or a reported judgement read for its
predicate ("operators whom the lab believes are a Bolivian crew", "assessed that this was a
Peruvian group")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern, nouns, word_list, words
from graphkit.extract.fronted import without_time
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.reporter import ACCORDING, REPORTING, names_a_reporter, reported_removed

__all__ = [
    "ACTED_ON",
    "ACTING_END",
    "ACTOR_NOUN",
    "BUSINESS_SPEAKS",
    "COUNTED",
    "DOINGS_OF",
    "SUBORDINATE",
    "SUBORDINATE_FIRST",
    "SUFFERED",
    "elided",
    "first_conjunct",
    "from_its_subject",
    "ones_named",
    "past_run_in",
    "people_noun",
    "place_cut",
    "without_platform",
]


_SUBJECT_NOUNS: Final = nouns("subject")


_SET_NOUNS: Final = words("place_set_nouns")  # "countries", "nations", ...


# "in other regions, including Laos", "in countries such as Laos": the set before its members,
# left out of who the actors are ("actors in Laos")
_PLACE_SET: Final = re.compile(
    rf"\b(?:(?:(?:{'|'.join(word_list('place_set_quantities'))}|[0-9]+)\s+){{0,4}}"
    rf"(?:{'|'.join(word_list('place_set_nouns'))}),?\s+|"
    rf"(?i:(?:(?:{'|'.join(word_list('region_qualifiers'))})\s+){{0,2}}"
    rf"(?:{'|'.join(word_list('region_names'))})),\s+(?=[a-z]))"  # "Southeast Asia, namely"
    rf"(?:(?:{'|'.join(word_list('place_set_intros'))})\s+){{1,2}}(?=[A-Z])"
)


_SET_WORDS: Final = _SET_NOUNS | words("region_names")


# A clause set before the main one ("While Peruvian groups hit banks, Bolivian crews ..."):
# its word is no part of its subject
SUBORDINATE: Final = re.compile(r"^(?:While|Whereas|Although|Though) (?=\S)")
SUBORDINATE_FIRST: Final = frozenset("WAT")


# "The second, tied to Cuba, ...": an ordinal whose noun is left out, the noun of the case
# before it ("The first network ...", "One network ...")
_ELIDED: Final = re.compile(
    rf"^(?:(?:The|A) ({'|'.join(word_list('elided_ordinals'))})|(Another)|(Others))(?: one)?,"
)
# An ordinal whose case a phrase set apart says who it is: "The third, a Bolivian network,"
_ELIDED_APPOSITIVE: Final = re.compile(rf"{_ELIDED.pattern} (?P<who>(?:an?|another) [^,]{{3,60}}),")
# The noun the cases were given: "the first network", "one network", "three networks"
_ORDINAL_NOUN: Final = re.compile(
    rf"\b(?:[Tt]he first|[Oo]ne|[Aa]|[Ss]ome|two|three|four|five|six|several) "
    rf"((?i:{noun_pattern('subject')}))\b"
)


def _noun_given(text: str, before: str) -> str:
    """``text`` with the noun an ordinal opening it leaves out, taken from ``before``."""
    m = _ELIDED.match(text)
    nouns = _ORDINAL_NOUN.findall(before) if m else []
    noun = nouns[-1] if nouns else ""
    if m and m.group(3) and noun:  # "Some accounts ... Others, ...": "Other accounts"
        return f"Other {noun.lower()},{text[m.end() :]}"
    if noun.endswith("s") and noun[:-1].lower() in _SUBJECT_NOUNS:
        noun = noun[:-1]  # "three networks": "The largest network"
    end = m.end(1) if m and m.group(1) else m.end(2) if m else 0  # "The second", "Another"
    return f"{text[:end]} {noun},{text[m.end() :]}" if m and noun else text


def elided(text: str) -> bool:
    """Whether a sentence opens on a case told before by its ordinal alone ("The second, tied
    to Cuba, ...", "The largest, run from Nigeria, ...")."""
    return _ELIDED.match(text) is not None


def from_its_subject(first: Sentence, before: str) -> str:
    """A sentence from where its subject begins: without who reports it ("The lab said it
    banned ...") and a news page's run-in label before that ("Driving the news: "), without
    the set its places belong to; with the noun an ordinal leaves out (taken from ``before``),
    the dashes that set apart who the subject is read as commas, and a relative clause of
    belief read for its predicate; without the word of a clause set before the main one."""
    text = without_time(first.text)  # "On Feb. 26, the lab said ...": when, then who says
    if text[:1] in SUBORDINATE_FIRST and (opener := SUBORDINATE.match(text)):
        text = text[opener.end() :]  # "While Peruvian hackers phished banks, they ...": its
        # word is no part of who they are
    by_doing = _BY_DOING.search(text, 0, 160) if " by " in text[:160] else None
    if by_doing and names_a_reporter(" ".join(text[: by_doing.start()].split()[:3])):
        text = text[by_doing.end() :]  # "The lab took a step ... by suspending accounts ..."
    if REPORTING.search(text) or ACCORDING.match(text):  # "Driving the news: The lab said ..."
        text = reported_removed(_RUN_IN.sub("", text, count=1) if ": " in text[:40] else text)
        text = _IT_WAS.sub("", text, count=1)  # "... assessed that this was a Peruvian group"
    if _ELIDED.match(text):
        said = _ELIDED_APPOSITIVE.match(text)  # "The third, a Bolivian network, posed as ..."
        text = said["who"] + text[said.end("who") :] if said else _noun_given(text, before)
    text = _PLACE_SET.sub("", text) if not _SET_WORDS.isdisjoint(first.words) else text
    if "\u2014" in text or "\u2013" in text:  # "The groups\u2014based in Peru\u2014used ..."
        text = _DASH_APART.sub(r"\1, ", text, count=1)
    believed = None if _BELIEVES.isdisjoint(first.words) else _BELIEVED_ARE.match(text, 0, 120)
    text = text[believed.end() :] if believed else text  # "whom it believes are a ... group"
    judged = _JUDGED_APART.match(text) if " (" in text[:40] else None
    # "threat actors (assessed as a Chinese state-sponsored group) misused ...": the group
    return judged["who"] + text[judged.end() :] if judged else text


# Who a subject is, judged in brackets after its noun: "threat actors (assessed with high
# confidence as a Chinese state-sponsored group)", "the operators (likely a Peruvian crew)"
_JUDGED_APART: Final = re.compile(
    r"^(?:[Tt]he |[Ss]ome |[Ss]everal )?[\w-]+(?: [\w-]+)? \("
    r"(?:(?:assessed|believed|judged|thought|identified)(?: with \w+ confidence)? (?:as|to be) |"
    r"(?:likely|probably|possibly|apparently) )"
    r"(?P<who>(?:an?|the) [^()]{3,80})\)"
)


# What a reported judgement says the activity was: "(The firm assessed that) this was a
# Peruvian state-sponsored group, which ...": the predicate is who
_IT_WAS: Final = re.compile(
    r"^(?:this|it|that|the (?:activity|operation|campaign|attack|attacker|actor|intrusion))"
    r" (?:was|is|were|are)(?: (?:likely|probably|almost certainly))? (?=(?:an?|the) )"
)


# What the reporter did, told by how: "(Microsoft has taken a step ...) by suspending (3,000
# accounts linked to ...)": the accounts are the sentence's subject (words.yaml acting_gerunds)
_BY_DOING: Final = re.compile(rf"\bby (?:{'|'.join(word_list('acting_gerunds'))}) ")


# A news page's run-in label before a reported sentence: "Driving the news: " (a word in
# capitals, then small words only: no name)
_RUN_IN: Final = re.compile(r"^[A-Z][a-z']*(?: [a-z']+){0,3}: (?=[A-Z])")


# A relative clause that says who the opening noun is: "operators whom the lab believes are a
# Chinese group", "a crew that analysts suspect is an Iranian unit": the predicate, when it
# opens with a name in capitals (a people's, a place's), is who they are.
_BELIEVES: Final = words("believes")
_BELIEVED_ARE: Final = re.compile(
    r"^(?:[\w'-]+,?\s+){1,8}?(?:whom|who|that|which)\s+(?:[\w'-]+\s+){1,3}?"
    rf"(?:{'|'.join(word_list('believes'))})\s+(?:are|is|were|was|to\s+be)\s+"
    r"(?=(?:an?\s+|the\s+)?[A-Z])"
)


# A dash that sets apart who the opening noun is: "The groups\u2014based in Peru\u2014used" reads
# as "The groups, based in Peru\u2014used"
_DASH_APART: Final = re.compile(
    rf"^((?:\w+ ){{0,4}}(?i:{noun_pattern('subject')}))\s*[\u2014\u2013]\s*"
)


_PLACES: Final = ("Demonym", "Country", "Language")


def place_cut(tail: str, after: str, mentions: list[Mention]) -> str:
    """The rest of a place's name that a phrase's last words cut ("... and North" before
    " Korea used"): empty when the phrase ends at a word no place's name goes on from."""
    for x in mentions:
        if x.entry.kind not in _PLACES or " " not in x.text:
            continue
        words = x.text.split()
        for n in range(1, len(words)):
            rest = " " + " ".join(words[n:])
            if tail.endswith(" " + " ".join(words[:n])) and after.startswith(rest):
                return rest
    return ""


# The noun a people's name ends before, up to a relative pronoun or a stop: " law
# enforcement" of "... associated with Chinese law enforcement whose activity ..."
_PEOPLE_NOUN: Final = re.compile(
    r"(?: (?!(?:whose|who|which|that|and|or)\b)[a-z][\w-]*){1,2}"
    r"(?= (?:whose|who|which|that)\b|[,.;])"
)


def people_noun(tail: str, text: str, end: int, mentions: list[Mention]) -> str:
    """The noun a subject's phrase that ends in a people's name ("Chinese", "Bolivian") leaves
    out: what follows ``end`` in ``text`` up to a relative pronoun or a stop; empty if none."""
    if not any(x.entry.kind == "Demonym" and tail.endswith(x.text) for x in mentions):
        return ""
    m = _PEOPLE_NOUN.match(text, end)
    return m.group(0) if m else ""


def without_platform(phrase: str, first: Sentence) -> str:
    """An unnamed actor's phrase without the AI service it names, which says where the
    accounts were, not who holds them: "ChatGPT accounts tied to Iran" → "accounts tied to
    Iran", "Cluster of ChatGPT accounts" → "Cluster of accounts"; "ChatGPT accounts" alone
    names no one: "unnamed accounts"."""
    used = next((x.text for x in first.mentions if x.entry.kind == "Platform"), None)
    if not used or f"{used} " not in phrase:
        return phrase
    without = phrase.replace(f"{used} ", "", 1)
    return without if " " in without else f"unnamed {without.lower()}"


# An actor noun anywhere in a text: "Russia-linked operators", "a crew"
ACTOR_NOUN: Final = re.compile(rf"\b(?i:{noun_pattern('subject')})\b")


def ones_named(phrase: str, before: str) -> str:
    """ "Iran-linked ones" after "Russia-linked operators ...": the noun "ones" stands for, the
    last plural actor noun said before it."""
    if not phrase.endswith(" ones") or not before:
        return phrase
    nouns = [n for n in ACTOR_NOUN.findall(before) if n.lower().endswith("s")]
    return f"{phrase[:-4]}{nouns[-1].lower()}" if nouns else phrase


# A run-in label over a clause with a subject of its own: "Peru's new scam: Peru has used
# ...", "The twist: Peruvian scammers ..." (words only, five at most; not "Q:", "Case 1:")
_RUN_IN_LABEL: Final = re.compile(r"^[A-Z][A-Za-z'\u2019-]+(?: [A-Za-z'\u2019-]+){0,4}: (?=[A-Z])")


def past_run_in(text: str) -> str:
    """A sentence without the run-in label it opens with, if any.

    >>> past_run_in("The twist: Peruvian scammers used it."), past_run_in("Q: And then?")
    ('Peruvian scammers used it.', 'Q: And then?')
    """
    label = _RUN_IN_LABEL.match(text) if ": " in text[:50] else None
    return text[label.end() :] if label else text


# How many, before who they are: "More than 57 distinct", "At least 20", "Dozens of", "A
# small set of" (accounts), "Handful of"
_SOME_OF: Final = (
    r"(?i:an? )?(?i:(?:small|large|tiny|big|limited|broad|wide|diverse|whole) )?"
    rf"(?i:{'|'.join(word_list('quantity_nouns'))}) of"
)
COUNTED: Final = re.compile(
    r"^(?i:(?:more than|at least|over|nearly|about|almost|roughly|some) )?"
    r"(?:\d[\d,.]*(?: (?i:thousand|million|billion))?|(?i:dozens|hundreds|scores) of|"
    r"(?i:multiple|numerous|various)|"
    rf"(?i:{'|'.join(word_list('number_words'))})|{_SOME_OF}) "
    r"(?:(?i:distinct|different|separate) )?"
)


# What the reporter did to the actors, named as a noun before them: "(Among the cases is) the
# banning of accounts tied to ...": the accounts are who acts (words.yaml acted_on)
ACTED_ON: Final = re.compile(
    rf"^(?i:(?:{'|'.join(word_list('acted_on'))}) of |(?:{'|'.join(word_list('acting_on'))}) )"
)
# ... and what they did, or a change in it: "(three) changes in the tactics of Peruvian hackers"
_DOINGS: Final = "|".join(word_list("doings"))
DOINGS_OF: Final = re.compile(
    rf"^(?i:(?:{_DOINGS})(?: (?:in|to) (?:the |their )?(?:{_DOINGS}))? of (?:the )?|"
    # "Victims of Chinese hackers": whom the hackers hit, by who hit them
    rf"(?:{'|'.join(word_list('victims'))}) of (?:the )?)"
)


# A second subject coordinated after who the first is: "Operators linked to Cuba and
# operators linked to Bolivia" ends the first at "and"
_NEXT_CONJUNCT: Final = re.compile(
    rf"\s+and\s+(?:(?:the\s+|other\s+|some\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?"
    rf"(?i:{noun_pattern('subject')})\b|[A-Z][\w-]*(?:\s[A-Z][\w-]*)?['\u2019]s\b).*$"
)


def first_conjunct(who: str, mentions: list[Mention]) -> str:
    """Who the first of two coordinated subjects is ("... linked to Cuba and operators linked
    to Bolivia" ends at "and"); peoples that share one noun stay whole ("run by Peruvian and
    Bolivian crews": a people's name before "and" has no noun of its own)."""
    m = _NEXT_CONJUNCT.search(who)
    if m is None and " and " in who:  # "... linked to Peruvian officials and Bolivian": the
        # second's people where the phrase was cut, its noun after
        m = _LAST_AND.search(who)
        last = who.rsplit(None, 1)[-1]  # "Bolivian", "Spanish-speaking"
        if m is None or not any(
            x.entry.kind in _PEOPLE and last.startswith(x.text) for x in mentions
        ):
            return who
    if m is None or any(x.entry.kind == "Demonym" and who[: m.start()].endswith(x.text)
                        for x in mentions):  # fmt: skip
        return who
    return who[: m.start()]


_LAST_AND: Final = re.compile(r"\s+and\s+\S+$")
_PEOPLE: Final = ("Demonym", "Language")


_HIT: Final = words("target_verbs_strict") - {"at", "against"}  # "was targeted", not "was at"


# What a subject's noun phrase suffered, by its predicate: "(A firm) in Taiwan was among the
# targets", "(A company) was also hacked"
SUFFERED: Final = re.compile(
    r"(?:\s+(?:in|from)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}?)?\s*(?:was|were|is|are|"
    r"(?:has|have|had)\s+been)\s+(?:also\s+|reportedly\s+|later\s+)?(?:among\s+(?:the\s+)?"
    rf"(?:{'|'.join(word_list('victims'))})|(?:{'|'.join(sorted(_HIT))}))\b"
)


# A business as its sentence's subject before a verb of saying or of what befell it: "A
# Peruvian security firm admitted (to unknowingly hiring a spy)", "A firm in Chile said ..."
ACTING_END: Final = re.compile(rf"(?i:{noun_pattern('acting')})$")
BUSINESS_SPEAKS: Final = re.compile(
    r"(?:\s+(?:in|from|based\s+in)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){1,3}?)?"
    # "US artificial intelligence company Anthropic has warned": its name, then who speaks
    r"(?:\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?=\s+(?:has|had|also|later|[a-z]+ed)\b))?"
    r"\s*(?:has\s+|had\s+)?(?:also\s+|later\s+)?"
    rf"(?:{'|'.join(word_list('reporter_verbs'))}|{'|'.join(word_list('befell'))})\b"
)
