"""Which operation or actor a paragraph is about: names it gives, actors it introduces.

"an operation we dubbed X", "X, a ... network", "X: ..." and run-in heads name operations;
gazetteer actors, tracking codes and new names set apart as actors ("SweetSpecter, a
suspected China-based adversary") name actors; "A Chinese threat actor ..." opens a section
about an actor the text does not name.
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.actors import actor_index
from graphkit.extract.cues import led_by_letters, noun_forms, noun_pattern, nouns, word_list, words
from graphkit.extract.headings import (
    BRACKETED_TAIL,
    GENERIC_HEADINGS,
    MONTHS,
    STAGE_HEADINGS,
    from_capitals,
    is_topic,
)
from graphkit.extract.labels import TITLED, label_name
from graphkit.extract.name_checks import (
    CAMEL,
    NOT_NAMES,
    QUOTED_OPENING,
    only_places,
    says_nothing,
)
from graphkit.extract.namelike import (
    REPORTS_NEXT,
    acronym_named,
    acronym_of,
    names_a_person,
    then_reports,
)
from graphkit.extract.quoted import has_quote, quoted_names
from graphkit.extract.reading import Sentence
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.vocab import PLATFORMS

__all__ = ["WHO_NOUNS", "paragraph_name"]


_NAMING: Final = re.compile(
    # "a named Advanced Persistent Threat": "named" as an adjective names nothing
    r"\b(?:dubbed|(?<!\ba )(?<!\bthe )named|call(?:ed|s)?|nicknamed|codenamed|tracked as|"
    r"tracks? as|we call|known as|"
    r"refer to as|referred to as|designated|identified (?:only )?as|"
    r"refer(?:red)? to (?:it|them|this (?:operation|network|activity|cluster)) as)\s+"
    r"(?:it\s+|them\s+|this\s+(?:operation|network|activity|cluster)\s+|"
    r"the\s+(?:[\w-]+\s+){0,2}?(?:group|cluster|network|actor|crew|operation|campaign)\s+|"
    r"the\s+(?=[A-Z][\w-]*\s+[A-Z]))?"  # "called the International Union of ..."
    # a dotted code is one name: "known as TEMP.Hex", not "TEMP"
    r"[\"\u201c'\u2018]?((?:Operation\s+)?[A-Z][\w\u2019'\u2014\u2013-]*(?:\.[A-Z][\w-]*)*"
    r"(?:\s+(?:[A-Z0-9][\w\u2019'\u2014\u2013-]*"
    r"|and|of|the))*)"
)


# A tool just before its name: "a backdoor researchers call GOVERSHELL", "malware dubbed X"
TOOL_LEAD: Final = re.compile(
    rf"\b(?:{'|'.join(word_list('quoted_tool_nouns'))}|issue|cve-\d{{4}}-\d+)s?\b"
    r"(?! (?:operation|campaign))"
)


_NAMING_TOKENS: Final = words("naming_tokens")


_ALSO: Final = re.compile(r"\((?:also|aka|a\.k\.a\.)\s*$")


# A person just before the naming verb: "a woman (named)", "an engineer (called)"
_A_PERSON: Final = re.compile(rf"\b(?:{'|'.join(word_list('person_nouns'))}),?\s*$")
# ... or a place the actors work in, named: "The compound where he was held, called KK Park"
# ... or a piece of writing: "a blog post called ...", "a report named ..."
_WORKS: Final = "|".join(word_list("titled_works"))
_A_WORK: Final = re.compile(
    rf"\ban? (?:(?!the |its |their |this )[\w-]+ ){{0,2}}(?:{_WORKS}),?\s*$", re.I
)
_A_SITE: Final = re.compile(rf"\b(?:{'|'.join(word_list('site_nouns'))})\b[^.;:]{{0,30}},?\s*$")


# Several actors just before the naming verb: "two threat actors (known as)", "groups (called)"
_SEVERAL: Final = re.compile(rf"\b(?:{noun_pattern('appositive')})s,?\s*$")


# A joining word a name cannot end with: "calls Jade Heron and which ..." names Jade Heron
_DANGLING: Final = re.compile(r"(?:\s+(?:and|of|the))+$")


# "Operation" and a name in capitals says what it is, whatever comes before it
_OPERATION_NAMED: Final = re.compile(
    r"\bOperation (?:[A-Z][\w'\u2019-]*)(?: (?:of |the |and )?[A-Z][\w'\u2019-]*){0,3}"
)


CALLED_TOKENS: Final = words("called_tokens")


KIND_WORD: Final = re.compile(r"\b(?:operation|network|campaign|scheme)\b")


# "The Russian operation Bad Grammar", "the Chinese network Spamouflage": the name after its kind
_NAMED_KINDS: Final = ("operation", "network", "campaign")  # one stands in a text either matches
_KIND_THEN_NAME: Final = re.compile(
    rf"{led_by_letters('|'.join(_NAMED_KINDS))} ((?:[A-Z][\w-]*)(?: (?:[A-Z][\w-]*|of|and)){{0,3}})"
)


_NAME_WORD: Final = r"[A-Z][\w\u2019'\u2014\u2013-]*"


# "the Silver Dragon campaign": a name between "the" and the kind of operation it names
_NAME_THEN_KIND: Final = re.compile(
    r"[Tt](?<=\b[Tt])he ([A-Z][\w-]*(?: [A-Z][\w-]*){0,3}) (?:operation|campaign|network)\b"
)


_WHO_NOUNS: Final = nouns("subject")  # the nouns for unnamed actors


_OPENING_NAME: Final = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,3}}),\s")


# The place that owns a name: "Vietnam's APT32"
_OWNED: Final = re.compile(r"^[A-Z][a-z]+(?: [A-Z][a-z]+)?(?:'s|\u2019s) ")


_BRACKET_NAME: Final = re.compile(
    rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,3}}) \([^()]{{1,40}}\),? {REPORTS_NEXT}"
)


_NAME: Final = r"[A-Z][\w\u2014-]*(?: [A-Z][\w\u2014-]*){0,3}"  # "Nine\u2014emdash Line" too


_KIND: Final = f"(?:{noun_pattern('kind')})"


# After a dateline's place: "SAN FRANCISCO, October 9", "MOUNTAIN VIEW, Calif., Jan. 29"
_DATELINE: Final = re.compile(
    rf"(?:[A-Z][a-z]{{1,5}}\.,?\s+)?(?:{'|'.join(MONTHS)}|Sept|{'|'.join(m[:3] for m in MONTHS)}"
    r"|[0-9]{1,4})\b"
)


# "described Peer Review, a likely Chinese operation", "A second network, Sponsored Discontent,"
_OPERATION_APPOSITION: Final = re.compile(
    rf"\b({_NAME}), (?:an?|another) (?:[\w-]+ ){{0,3}}{_KIND}\b|\b{_KIND}, ({_NAME}),"
)


_KINDS_BIT: Final = cue_bit(nouns("kind"))  # as bits (sentence_cues): asked twice of a sentence
# What a text _OPERATION_APPOSITION matches holds: "X, a ...", or a kind and a comma
_APPOSED: Final = (", a ", ", an ", ", another ", *(f"{kind}, " for kind in noun_forms("kind")))


_QUOTED_KIND: Final = re.compile(
    rf"\ban? [\"\u201c]([^\"\u201c\u201d]{{3,40}})[\"\u201d] {_KIND}\b"
)


# Nouns that say who did it, as the last word of a description ("Korean-language operators").
WHO_NOUNS: Final = noun_pattern("who_end")


_ENDS_WHO: Final = re.compile(rf"\b(?:{WHO_NOUNS}|{noun_pattern('case_end')})$")


# AI services and their makers: "the Chinese operation ChatGPT" names no operation
_PLATFORM_NAMES: Final = frozenset(
    n for p in PLATFORMS.values() if p.kind == "ai" for n in (p.name, p.vendor)
)


_EXAMPLE_BIT: Final = cue_bit(words("example_words"))


_EXAMPLE: Final = re.compile(
    r"^(?:(?:The|A) (?:first|second|third|fourth|fifth|other|last|latest|newest)|Another)"
    r"(?: one| family| case)?, "
    rf"([A-Z][A-Z0-9_-]{{3,}}|[A-Z][a-z]+[A-Z][A-Za-z0-9]*|{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}),|"
    r"\b(?:example|case|family|one|first|second|third|another|newest|latest) (?:is|was) "
    r"([A-Z][A-Z0-9_-]{3,}|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\b"
)


# Spoken introductions: "Then there's Sponsored Discontent, which ...", "There is Sneer Review,"
_THERE_IS: Final = re.compile(
    rf"^(?:(?:Then|Next|And|Now|So),? )?[Tt]here(?:'s|\u2019s| is| was) ({_NAME})(?:,|\.$| which\b)"
)


_BEHIND: Final = re.compile(
    rf"\b(?i:{noun_pattern('subject')}) behind "
    r"((?:Operation )?[A-Z][\w-]*(?: [A-Z][\w-]*){1,3})\b"
)


_RUN_BY: Final = re.compile(
    rf"^({_NAME}) (?:was|is) (?:(?:run|operated|created|built) (?:by|from)\b|"
    rf"(?:an?|another) (?:[\w-]+ ){{0,3}}?{_KIND}\b)"  # "Tin Vane was a Bolivian operation"
)


# Malware named as what an actor used against someone: "used PROMPTSTEAL against Ukraine"
_DEPLOYED: Final = re.compile(r"\bused ([A-Z][A-Z0-9]{5,}) (?:against|on|to)\b")


# How a list told in prose counts its cases: "First, Uncle Spam." names Uncle Spam.
_ORDINAL_LEAD: Final = re.compile(
    r"^(?:First|Second|Third|Fourth|Fifth|Next|Then|Finally|Lastly|Also),\s+(?=[A-Z0-9])"
)


def paragraph_name(
    sentences: list[Sentence], labels: bool = True, opening: bool = True
) -> str | None:
    """The operation a paragraph introduces: "an operation we dubbed X", or "X, a ... network".

    ``opening``: whether words before a first comma may be the name ("Sneer Review, ..."); not
    in a section its heading named, where "Asks Qwen, through the API, ..." is its behaviour.
    Each way of naming gives candidates ranked by how sure it is; the surest wins.
    """
    candidates = _named_in(sentences)
    if not sentences:
        return None
    head = sentences[0].text
    if opening:
        candidates += _opening_names(head)
    if labels and len(sentences) > 1 and head.endswith(".") and len(head.split()) <= 5:
        candidates += _run_in_head(head)
    candidates += _kind_names(sentences[0], head)
    if labels:
        candidates += label_name(head)
    if not candidates:
        return None
    said = " ".join(s.text for s in sentences)  # of the surest, the one the text gives first
    return min(candidates, key=lambda c: (c[0], said.find(c[1]) % (len(said) + 1)))[1]


_POSING: Final = words("posing")


def _named_in(sentences: list[Sentence]) -> list[tuple[int, str]]:
    """Names a paragraph's sentences give: "There is X", "an operation we dubbed X"."""
    candidates: list[tuple[int, str]] = []
    for s in sentences[:3]:
        there = _THERE_IS.match(s.text) if "here" in s.text and "there" in s.words else None
        if there and not NOT_NAMES.match(there.group(1)):
            candidates.append((0, there.group(1)))
    for s in sentences:
        quoted = quoted_names(s.text) if has_quote(s.text) else []
        # 'In "Operation Paper Lantern," the accounts ...'; an actor's is not the operation's
        candidates += [(0, q.name) for q in quoted if q.kind == "operation"]
        if "Operation " in s.text and not quoted:  # "In Operation Paper Lantern, the ..."
            candidates += [
                (0, m.group(0))
                for m in _OPERATION_NAMED.finditer(s.text)
                if QUOTED_OPENING.match(s.text[: m.start()])  # not "much as Operation X did"
            ]
        if _NAMING_TOKENS.isdisjoint(s.words):
            continue  # no word _NAMING starts with: most sentences
        for m in _NAMING.finditer(s.text):
            lead = s.text[max(0, m.start() - 40) : m.start()].lower()
            rank = 0 if re.search(r"operation|network|campaign|activity|scheme", lead) else 1
            if re.search(r"company|firm|group|actor|cluster|vendor", lead):
                rank = 2  # "a company called STOIC" names the actor, not the operation
                if actor_index().resolve(_DANGLING.sub("", m.group(1).strip())):
                    continue  # "the Iran-affiliated actor known as Crimson Sandstorm": an actor
            if _ALSO.search(lead):
                continue  # "Jade Heron (also known as Tin Wren)": another name of one named
            if lead.endswith("also ") and actor_index().resolve(m.group(1).strip()):
                continue  # "Mustang Panda, also known as TEMP.Hex": a known actor's other name
            if only_places(m.group(1).strip()):
                continue  # "so-called 'Chinese hacker attacks'": a people, not a name
            if " and " in m.group(1) and _SEVERAL.search(lead):
                continue  # "threat actors known as Andes Hawk and Inca Wren": two actors' names
            if _A_PERSON.search(lead) or _A_SITE.search(lead) or _A_WORK.search(lead):
                continue  # "a woman named Rosa Diaz", "the compound, called KK Park", "a blog
                # post called Countering Misuse": no case
            if not _POSING.isdisjoint(lead.split()):
                continue  # 'posed as a trading firm called "Blue Meridian"': the cover's name
            if TOOL_LEAD.search(lead[-25:]) or any(q.name == m.group(1).strip() for q in quoted):
                continue  # "a backdoor researchers call GOVERSHELL", "CVE-2022-30190, known as
                # Follina": a tool or a flaw, not an operation
            candidates.append((rank, _DANGLING.sub("", m.group(1).strip())))
    return candidates


def _opening_names(head: str) -> list[tuple[int, str]]:
    """Names the first sentence opens with: "Bad Grammar (Russia) targeting ...", "Sneer
    Review, ...", "APT28 used PROMPTSTEAL against ..."."""
    candidates: list[tuple[int, str]] = []
    deployed = _DEPLOYED.search(head) if "used " in head else None
    if deployed and not actor_index().resolve(deployed.group(1)):
        candidates.append((1, deployed.group(1)))  # "APT28 used PROMPTSTEAL against Ukraine"
    bracketed = _BRACKET_NAME.match(head) if " (" in head[:50] else None
    if bracketed and not (
        NOT_NAMES.match(bracketed.group(1))
        or GENERIC_HEADINGS.match(bracketed.group(1))
        or only_places(bracketed.group(1))
        or acronym_of(head)  # "The Persian Gulf Union (PGU), ...": the acronym names it
    ):  # "Bad Grammar (Russia) targeting Ukraine": a name, then who in brackets
        # "Vietnam's APT32 (aka Ocean Lotus)": the name, without the place that owns it
        candidates.append((1, _OWNED.sub("", bracketed.group(1))))
    bare = None
    if head[:1].isupper():
        second = head.find(" ") + 1  # _BARE_OPENING's second word, in capitals too
        bare = (_BARE_OPENING.match(head) if head[second : second + 1].isupper() else None) or (
            _BARE_ONE.match(head)
        )
        if bare and " " not in bare.group(2) and bare.group(2).lower() in _WHOEVER:
            bare = None  # "Hackers breached ...", "Ransomware encrypted ...": no name
    if bare and _bare_name(bare.group(2)) and (not bare.group(1) or only_places(bare.group(1))):
        candidates.append((1, bare.group(2)))  # "Copper Gate prompted ...", "Peru's Tin Vane"
    opened = _OPENING_NAME.match(head) if "," in head else None
    if (
        opened
        and not NOT_NAMES.match(opened.group(1))
        and not only_places(opened.group(1))  # "Chinese, Russian and Iranian groups ..."
        and opened.group(1) not in _TURNING  # "Look, the economics are simple."
        and opened.group(1).lower() not in _WHO_NOUNS  # "Scammers, meanwhile, ...": nobody's name
        and not _DATELINE.match(head, opened.end())  # "SAN FRANCISCO, October 9, 2024 --"
        and not then_reports(head, opened.end(1))  # "ShieldWorks, a security firm, said"
        and not names_a_person(head, opened.end(1))  # "Dana Reyes, a spokeswoman for the ..."
    ):
        candidates.append((1, opened.group(1)))
    return candidates


_INTRUSION: Final = "|".join(word_list("intrusion_verbs"))
_ADVERBS: Final = (
    "(?:also|then|first|later|mostly|mainly|largely|primarily|reportedly|allegedly|apparently|"
    "repeatedly)"
)
# A bare name of two to four capitalised words that opens a sentence (after the place that
# owns it), then an operator's verb
_BARE_OPENING: Final = re.compile(
    r"^(?:([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:'s|\u2019s) )?"  # "Peru's Andes Hawk wrote"
    rf"({_NAME_WORD}(?: {_NAME_WORD}){{1,3}})"
    r"(?: [\u2014\u2013] [^\u2014\u2013]{1,60} [\u2014\u2013])?"  # "X \u2014 as ... \u2014 sent"
    rf" (?:{_ADVERBS} )?"
    rf"(?:{'|'.join(word_list('operator_verbs'))}|{_INTRUSION})\b"
)


# One capitalised word that opens a sentence before a verb of an intrusion ("Qilin encrypted
# the clinic's servers"): a name, where the text does not write the word in lower case too
# (grouping's looks_like_name) and it is no actor's noun ("Hackers breached ...")
_BARE_ONE: Final = re.compile(rf"^()({_NAME_WORD}) (?:{_ADVERBS} )?(?:{_INTRUSION})\b")
_COMPANY_SUFFIXES: Final = words("company_suffixes")
_TURNING: Final = frozenset(word_list("turning_words"))
# nouns for whoever did something: no name of one ("Hackers breached ...")
_WHOEVER = _WHO_NOUNS | nouns("who_end") | words("group_nouns")
_WHOEVER |= words("group_kinds") | words("indefinite_people")


def _bare_name(name: str) -> bool:
    """Whether the words a sentence opens with before an operator's verb are a name nothing
    else explains: not a sentence's opening word ("The", "In"), a company ("Northwind Labs"),
    a country, a platform or an actor the gazetteer knows."""
    return not (
        NOT_NAMES.match(name)
        or _DETERMINERS.match(name)
        or name.rsplit(" ", 1)[-1].lower().rstrip(".") in _COMPANY_SUFFIXES
        or not says_nothing(name)
    )


_DETERMINERS: Final = re.compile(
    r"^(?:The|A|An|This|These|Those|That|Its|Their|Some|Any|Each|Every)\b"
)


_REPORTS: Final = frozenset(word_list("reporting_verbs"))


def _run_in_head(head: str) -> list[tuple[int, str]]:
    """A run-in head: "Korean-language operators. A cluster ...", "Second, Wrong Number."."""
    name = _ORDINAL_LEAD.sub("", head.rstrip("."))
    if name.isupper() and len(name) > 5:  # "SNEER REVIEW.": the name as a heading would be
        name = from_capitals(name)
    if name.endswith(")"):
        name = BRACKETED_TAIL.sub("", name)  # "Helgoland Bite (2025).": a note on the name
    if not _REPORTS.isdisjoint(name.lower().split()):
        return []  # "The lab banned Peruvian accounts.": a sentence on what was done to them
    name, comma, said = name.partition(", ")
    if comma and (name.lower() in _WHO_NOUNS or name in _TURNING):
        return []  # "Criminals, too, tried ...": a sentence about them, not its head; "Look,
        # the economics are simple": a word that turns to what follows
    if comma and not said[:1].islower():
        name = f"{name}, {said}"  # "VAGue Focus, likely Chinese": the name, then who
    stage = STAGE_HEADINGS.match(name)  # "Behavior. They wrote ...": a part of the case
    if not (is_topic(name) or NOT_NAMES.match(name) or GENERIC_HEADINGS.match(name) or stage) and (
        TITLED.match(name) or _ENDS_WHO.search(name)
    ):  # "Korean-language operators." or "Sneer Review.", not "Iran leads."
        return [(0, name)]
    return []


def _kind_names(first: Sentence, head: str) -> list[tuple[int, str]]:
    """Names set beside a kind of operation ("Peer Review, a Chinese operation", "The Russian
    operation Bad Grammar"), an example's ("The second, PROMPTSTEAL,"), a quoted one, one
    that was run by someone, an acronym in brackets."""
    candidates: list[tuple[int, str]] = []
    set_apart = held(first.words, _KINDS_BIT) and any(a in head for a in _APPOSED)
    kinds = _OPERATION_APPOSITION.finditer(head) if set_apart else ()
    for called in kinds:  # "Peer Review, a Chinese operation"
        name = called.group(1) or called.group(2)
        if not NOT_NAMES.match(name):
            candidates.append((0, name))
    examples = held(first.words, _EXAMPLE_BIT) and _EXAMPLE.finditer(head)
    for example in examples or ():  # "The second, PROMPTSTEAL,", "The first, Tin Vane,"
        name = example.group(1) or example.group(2)
        if " " not in name or (says_nothing(name) and not NOT_NAMES.match(name)):
            candidates.append((0, name))
    for quoted in _QUOTED_KIND.finditer(head) if '"' in head or "\u201c" in head else ():
        candidates.append((0, quoted.group(1)))  # 'an "influence-as-a-service" operation'
    named_kind = held(first.words, _KINDS_BIT) and any(k in head for k in _NAMED_KINDS)
    if named_kind:
        for kind in _KIND_THEN_NAME.finditer(head):  # "The Russian operation Bad Grammar"
            name = kind.group(1).removesuffix(" and").removesuffix(" of")
            if not NOT_NAMES.match(name) and name not in _PLATFORM_NAMES:
                candidates.append((0, name))
    for kind in _NAME_THEN_KIND.finditer(head) if named_kind else ():
        name = kind.group(1)  # "the Silver Dragon campaign", "the DarkVane operation"
        if (" " in name or CAMEL.match(name)) and says_nothing(name) and not NOT_NAMES.match(name):
            candidates.append((0, name))
    # "The Bolivian crew behind Paper Fox sent ...": the operation its people are behind
    behind = _BEHIND.search(head) if " behind " in head else None
    if behind and not NOT_NAMES.match(behind.group(1)) and says_nothing(behind.group(1)):
        candidates.append((1, behind.group(1)))
    # "High Five was run by a marketing firm", "Tin Vane was a Bolivian operation"
    run = _RUN_BY.match(head) if " was " in head or " is " in head else None
    if run and not (NOT_NAMES.match(run.group(1)) or _DETERMINERS.match(run.group(1))):
        candidates.append((1, run.group(1)))
    acronym = acronym_named(head) if "(" in head else None
    if acronym and not NOT_NAMES.match(acronym) and says_nothing(acronym):
        # "... Virtual Media (IUVM)", not GTIG; not a state body the text knows ("the Islamic
        # Revolutionary Guard Corps (IRGC)": a sponsor, no operation)
        candidates.append((1, acronym))
    return candidates
