"""What a story's lede says of a case that a later paragraph details: "banned accounts tied to
several operations, including a job scam it traced to Laos", then "The job scam, which the lab
dubbed "Paper Kite," ...". The clause that introduced the case belongs to the named case.

Examples
--------
>>> from graphkit.extract.reading import read_sentence
>>> cases = introduced(read_sentence("It banned a job scam it traced to Laos and a crew."))
>>> cases
{'job scam': 'a job scam it traced to Laos'}
>>> recalled(read_sentence('The job scam, dubbed "Paper Kite," wrote offers.'), cases).text
'a job scam it traced to Laos'
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import noun_pattern
from graphkit.extract.groups import Group, cataloged_origins
from graphkit.extract.reading import COUNTRY_KINDS, Sentence, read_sentence
from graphkit.extract.reporter import also_reported
from graphkit.extract.roles import country_role
from graphkit.extract.subject_text import from_its_subject
from graphkit.extract.subjects import ACTOR_NOUN

__all__ = ["described_before", "introduced", "known_lead", "lede_joined", "lede_named",
           "named_above", "named_after", "named_back", "named_in_passing", "names_actor",
           "of_the_same_origin", "one_case", "recalled"]  # fmt: skip


_HEADS: Final = "|".join(noun_pattern(role) for role in ("quoted_case", "quoted_actor", "case_end"))


# "a job scam it traced to Laos", "a spying effort linked to Cuba", "a crew based in Peru"
# (the article written "a" then the word boundary behind it: re skips to each "a", where
# "\ban? " would have it try every character)
_TYING: Final = ("traced", "linked", "tied", "attributed", "connected", "based", "run")
_INTRODUCED: Final = re.compile(
    rf"a(?<=\ba)n? ((?:[a-z][\w-]* ){{0,2}}?(?:{_HEADS}))\b"
    r"(?: (?:that|which))?(?: (?:it|they|the \w+|researchers|investigators|analysts))?"
    rf"(?: (?:was|were|is|are))? (?:{'|'.join(_TYING)}) "
    r"(?:to|in|from|out of) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*){0,2}"
)


_TIED_WORDS: Final = frozenset(_TYING)


# "The job scam, ...": a case the text spoke of before, by the same words
_RECALLED: Final = re.compile(rf"^The ((?:[a-z][\w-]* ){{0,2}}?(?:{_HEADS}))\b")


def introduced(s: Sentence) -> dict[str, str]:
    """The cases a sentence introduces with where they come from: their words → the clause."""
    if _TIED_WORDS.isdisjoint(s.words) or not any(
        m.entry.kind in COUNTRY_KINDS for m in s.mentions
    ):
        return {}  # (its verb of tying stands between spaces: one of the sentence's words)
    return {m.group(1).lower(): m.group(0) for m in _INTRODUCED.finditer(s.text)}


def recalled(first: Sentence, cases: dict[str, str]) -> Sentence | None:
    """The clause that introduced the case a paragraph opens with by its words, read."""
    m = _RECALLED.match(first.text) if cases else None
    clause = cases.get(m.group(1).lower()) if m else None
    return read_sentence(clause) if clause else None


# "The actor, tracked as GTG-5001, ...", "The group used ...": a definite actor noun opening
# the paragraph after a lede, the case the lede told of
_THE_ACTOR: Final = re.compile(rf"^The (?i:{noun_pattern('subject')})(?:,| [a-z]+ed\b)")


def one_case(lede: list[Sentence]) -> bool:
    """Whether a story's lede tells of one case it does not name: an actor noun ("criminals
    used its assistant to ..."), no named actor, at most one place the actors are from
    ("a secret North Korean hit list ... U.S. intelligence officials" is one case)."""
    places = {
        m.entry.id
        for s in lede
        for m in s.mentions
        if m.entry.kind in COUNTRY_KINDS and country_role(m, s.text) == "attribution"
    }
    return (
        (len(places) <= 1 or _indefinite_subject(lede))
        and not any(m.entry.kind == "Actor" for s in lede for m in s.mentions)
        and any(ACTOR_NOUN.search(s.text) for s in lede)
    )


def named_after(first: Sentence) -> bool:
    """Whether a paragraph opens on the case before it by a definite actor noun."""
    return _THE_ACTOR.match(first.text) is not None


# The verbs that give a name: "called", "dubs"
_NAMING: Final = "called|dubbed|named|nicknamed|calls|dubs|names"


# "OpenAI called the operation "Peer Review."", "The lab dubbed it 'Paper Kite.'": a sentence
# that only gives a name to what the text told before it
_NAMED_BACK: Final = re.compile(
    r"^(?:[A-Z][\w-]*(?: [A-Z][\w-]*)?|It|They|The (?:company|lab|firm|report|researchers))"
    r" (?:(?:has|have|had) )?(?:also )?(?:labell?ed|" + _NAMING + ")"
    r" (?:it|them|(?:the|this|that|these|those) (?:[a-z-]+ ){0,2}?(?i:"
    + _HEADS
    + r"|activity|accounts))"
    r"(?:, [^,\"\u201c]{1,40},)?"  # "the campaign, run from Nigeria, "Harbor Lights.""
    r",?(?: as)? [\"\u201c']([^\"\u201d']{2,60}?)[.,]?[\"\u201d']"
    # ... and why, after it: 'named the campaign as "Spy Cloud" after finding that ...'
    r"(?:[.]?$| (?:after|because|since|for|when|following)\b)"
)


# '... the operation, which it called "Sponsored Discontent," appeared ...': a name given in
# passing to the case told before, by a definite noun
_NAMED_IN_PASSING: Final = re.compile(
    rf"\bthe (?:[a-z-]+ )?(?i:{_HEADS}|activity), which (?:it|they|the \w+|[A-Z][\w-]*) "
    rf"(?:has |had )?(?:{_NAMING}) "
    r"[\"\u201c']([^\"\u201d']{2,60}?)[.,]?[\"\u201d']"
)


# "Operating under the group name GTG-1002, the attackers ...": a participle set apart before
# a definite subject, naming the actors the text told of
_NAMED_APART: Final = re.compile(
    r"^(?:Operating|Working|Going|Known|Tracked) (?:under|as) (?:the )?(?:[a-z]+ )?"
    r"(?:(?:name|moniker|designation|label|alias) )?[\"\u201c']?([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})"
    rf"[\"\u201d']?, (?:the|these|those) (?:[a-z-]+ )?(?i:{noun_pattern('subject')})\b"
)


def names_actor(s: Sentence) -> bool:
    """Whether a sentence names the actors the text told of, set apart before them ("Operating
    under the group name X, the attackers ..."): the name is theirs, not only the case's."""
    return s.text[:1] in "OWGKT" and _NAMED_APART.match(s.text) is not None


def named_back(s: Sentence) -> str | None:
    """The name a sentence gives what the text told before it: all it says ('The lab called the
    operation "X."'), in passing ('the operation, which it called "X," ...'), or set apart
    before its subject ("Operating under the name X, the attackers ...")."""
    quoted = '"' in s.text or "\u201c" in s.text or "'" in s.text  # what _NAMED_BACK needs
    m = _NAMED_BACK.match(s.text) if quoted and s.text[:1].isupper() else None
    if m and len(s.text[: m.end(1)].split()) >= 16:
        m = None  # a long sentence that names something on its way
    m = m or (_NAMED_IN_PASSING.search(s.text) if ", which " in s.text else None)
    m = m or (_NAMED_APART.match(s.text) if s.text[:1] in "OWGKT" else None)
    return m.group(1) if m else None


# "The network, which the company called "Quiet Harbor," ...": a definite noun, then a relative
# clause that names it
_THE_NAMED: Final = re.compile(
    rf"^The (?:[a-z-]+ )?((?i:{noun_pattern('subject')}|{_HEADS})),? (?:which|that|whom) "
    rf"(?:it|they|the \w+|[A-Z][\w-]*) (?:has |had )?(?:{_NAMING}) [\"\u201c']"
)


def named_in_passing(first: Sentence, subject: str | None) -> bool:
    """Whether a paragraph opens on an unnamed case before it by the head noun of its
    description and names it in passing: "accounts linked to a Russian network ...", then
    "The network, which the company called "Quiet Harbor," ..."."""
    m = _THE_NAMED.match(first.text) if subject else None
    return (
        m is not None and subject is not None and subject.lower().split()[-1] == m.group(1).lower()
    )


# A lede that opens on actors not met before by an indefinite noun: "Some accounts wrote ...",
# "A network posted ...": one case, wherever its places are
_INDEFINITE_SUBJECT: Final = re.compile(
    rf"^(?:[Ss]ome|[Aa]n?|[Oo]ne|[Ss]everal) (?:[\w-]+ ){{0,2}}?(?i:{noun_pattern('subject')})\b"
)


def _indefinite_subject(lede: list[Sentence]) -> bool:
    """Whether a one-sentence lede opens on an indefinite actor noun: a case, not an overview."""
    # (after who reports it: "The company said it had banned a set of accounts that ...")
    return len(lede) == 1 and _INDEFINITE_SUBJECT.match(from_its_subject(lede[0], "")) is not None


# "The Russian-speaking crew also ...": a definite phrase, which may speak of one met before
_DEFINITE: Final = re.compile(r"^(?:The|These|Those) ")


def described_before(
    subject: str, first: Sentence, groups: list[Group], current: Group | None
) -> int:
    """Which earlier case a paragraph's definite phrase speaks of again by the words that
    introduced it ("a Russian-speaking crew it calls Cold Forge ...", later "The
    Russian-speaking crew also asked ..."): the index in ``groups`` of the last one but
    ``current`` whose first two sentences hold the phrase; -1 when none does, or the phrase is
    not definite."""
    if not _DEFINITE.match(first.text):
        return -1
    words = subject.lower()
    for i in range(len(groups) - 1, -1, -1):
        said = groups[i].sentences[:2] if groups[i] is not current else []
        if any(words in s.text.lower() for s in said):
            return i
    return -1


def of_the_same_origin(subject: str, first: Sentence, groups: list[Group]) -> int:
    """Which earlier case a paragraph's definite phrase speaks of again by its people or place
    ("TA444 ...", later "The North Korean hackers also ..."): the index in ``groups`` of the
    one case whose named actors are from the phrase's country, said so in the text ("Copper
    Finch, a North Korean group") or by the actor catalog; -1 when the phrase is not definite,
    names no origin, or no case or more than one actor of the text is from there."""
    if not _DEFINITE.match(first.text):
        return -1
    said = subject.lower()
    places = {
        m.entry.id
        for m in first.mentions
        if m.entry.kind in COUNTRY_KINDS
        and m.text.lower() in said
        and country_role(m, first.text) == "attribution"
    }
    if len(places) != 1:
        return -1
    (place,) = places
    return _the_one_from(place, groups)


def _the_one_from(place: str, groups: list[Group]) -> int:
    """The index of the one case whose named actors are from ``place``; -1 when no actor of
    the cases or more than one is from there."""
    found = [
        (i, aid) for i, g in enumerate(groups) for aid in g.actors if place in _origins(g, aid)
    ]
    found += [(i, f"@{g.name}") for i, g in enumerate(groups)
              if g.name and not g.actors and place in _stated(g)]  # fmt: skip  # a new name
    return found[0][0] if len({aid for _, aid in found}) == 1 else -1


def _stated(group: Group) -> set[str]:
    """Where a case named by a name of its own ("Copper Finch, a group it links to North
    Korea") is from, as its first sentences say."""
    return {
        m.entry.id
        for s in group.sentences[:2]
        for m in s.mentions
        if m.entry.kind in COUNTRY_KINDS and country_role(m, s.text) == "attribution"
    }


def _lede(text: str, title: str) -> str:
    """The first paragraph of a text's body, after its title."""
    body = text[text.find(title) + len(title) :] if title in text[:2000] else text
    return next((p for p in _PARAGRAPHS.split(body) if p.strip()), "")


_PARAGRAPHS: Final = re.compile(r"\n\s*\n")


def lede_joined(groups: list[Group], text: str, title: str) -> list[Group]:
    """The groups with a story's lede case joined to the named actor it describes: "OpenAI says
    hackers tied to the Chinese government phished its staff", then "... a suspected China-based
    actor known as SweetSpecter": one case, when the lede's unnamed actor names one country and
    one named actor of the text is from there (the body's first paragraph after ``title``)."""
    first = groups[0] if groups else None
    if first is None or first.name or first.actors or first.overview or first.counts > 1:
        return groups
    opening = first.sentences[0].text if first.sentences else None
    if not first.subject or opening is None or opening not in _lede(text, title):
        return groups
    places = {m.entry.id for m in read_sentence(first.subject).mentions
              if m.entry.kind in COUNTRY_KINDS}  # fmt: skip
    at = _the_one_from(places.pop(), groups) if len(places) == 1 else -1
    if at <= 0 or _OTHER_CASE.search(groups[at].sentences[0].text):
        return groups  # "It also detailed another case, dubbed ...": not the lede's
    groups[at].sentences[:0] = first.sentences
    return groups[1:]


def _origins(group: Group, actor: str) -> set[str]:
    """Where a case's actor is from: what the text said of it by its name, and what the catalog
    says; else, for a case's one actor, where its first sentences say its actors are from."""
    stated = group.origins.get(actor)
    known = cataloged_origins(actor) | ({stated["id"]} if stated else set())
    if known or len(group.actors) > 1:
        return known
    return _stated(group)  # its one actor: "Copper Finch, a group it links to North Korea"


def lede_named(groups: list[Group], body: list[Sentence]) -> bool:
    """Whether a paragraph that names a case names the one case a story's lede told of, unnamed
    ("The lab shut down accounts tied to a Peruvian operation.", then 'In its report, it
    detailed a case dubbed "Salt Kite" involving ... Peruvian ...'): the lede's group is the
    text's only one, its sentences a few, and the paragraph turns to no other case ("also",
    "another") and speaks of the same country."""
    if len(groups) != 1 or not body or groups[0].name or groups[0].from_heading:
        return False
    lede = groups[0]
    if lede.subject is None or len(lede.sentences) > 3 or lede.overview or lede.counts > 1:
        return False
    first = body[0]
    if also_reported(first.text) or _ANOTHER.search(first.text):
        return False
    theirs = {
        m.entry.id for s in lede.sentences for m in s.mentions if m.entry.kind in COUNTRY_KINDS
    }
    return bool(theirs & {m.entry.id for m in first.mentions if m.entry.kind in COUNTRY_KINDS})


_ANOTHER: Final = re.compile(r"\b(?:[Aa]nother|[Aa]lso|[Ss]eparate(?:ly)?|[Ss]econd|[Oo]ther)\b")
# ... of which "also" may go on of the same actor ("APT42 also wrote ...") where a name follows
_OTHER_CASE: Final = re.compile(r"\b(?:[Aa]nother|[Ss]eparate(?:ly)?|[Ss]econd|[Oo]ther)\b")


def known_lead(paragraph: str, known: set[str]) -> str | None:
    """The name of an operation the text named before, when a paragraph opens with it: its
    first five words, then four, ... looked up among the names so far."""
    words = paragraph[:120].split(" ", 5)[:5]
    for n in range(len(words), 0, -1):
        lead = " ".join(words[:n]).rstrip(".,;:").removesuffix("'s").removesuffix("\u2019s")
        if lead in known:  # "Zero Zeno's content was aimed at ..."
            return lead
    return None


def named_above(current: Group | None) -> bool:
    """Whether the section's heading named the operation the paragraph is in."""
    return bool(current is not None and current.from_heading and current.name)
