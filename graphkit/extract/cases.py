"""The cases of a text: a paragraph or sentence that turns to another case ("A second case
shows ...", "Finally, ...", "Another operation, which ...") and who that case is about; and a
first paragraph that only gives an overview of the cases ("accounts linked to Russian, North
Korean and Chinese hackers")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.coordination import coordinated
from graphkit.extract.cues import noun_pattern, nouns, past_verb, word_list
from graphkit.extract.groups import Group, cataloged_origins
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence, read_sentence
from graphkit.extract.reporter import reported_removed
from graphkit.extract.subjects import IN_ANOTHER, subject_of

__all__ = [
    "NEW_CASE",
    "at_new_cases",
    "case_subject",
    "of_the_two",
    "of_them_all",
    "overview",
    "story_sections",
    "without_overviews",
]


# The nouns of a case a text turns to: "A second crew", "Another operation".
_CASE_NOUNS: Final = noun_pattern("case")


_OTHER_NOUNS: Final = noun_pattern("subject")
_ELIDED_ORDINALS: Final = "|".join(word_list("elided_ordinals"))
# An ordinal alone before its verb: "The second used the tool to ...", "Another used ..."
_ORDINAL_ACTS_SOURCE: Final = (
    rf"^(?:The (first|{_ELIDED_ORDINALS})|(Another)) (?=(?:also )?{past_verb()}\b)"
)


# A paragraph that says it turns to another case: "A second case shows ...", "Finally, ..."
NEW_CASE: Final = re.compile(
    # ... after a sentence adverb too: "Additionally, another group, X, ..."
    r"^(?:(?:[A-Z][a-z]+ly|Also|Meanwhile|In addition),\s+(?=[a-z]))?"
    r"(?:(?:[Aa]|[Tt]he) (?:first|second|third|fourth|fifth|sixth|next|final|last|further) |"
    rf"[Aa]nother |[Oo]ne (?:more )?)(?:[A-Z][\w-]* ){{0,2}}(?:{_CASE_NOUNS})\b|"
    rf"^(?:Finally|Lastly|Separately|{IN_ANOTHER}),\s|"
    # said aloud: "The first is the fake job applicants.", "The second one was ..."
    r"^The (?:first|second|third|fourth|fifth|next|last|other)(?: one)? (?:is|was)\b|"
    # an ordinal that leaves out the noun of the cases counted: "The first, Tin Vane, ...",
    # "The second, run from Cambodia, ...", "Another, ..."
    rf"^(?:(?:A|The) (?:first|{_ELIDED_ORDINALS})|Another|Others)(?: one)?,\s|"
    # "A separate operation, ...": another case by its adjective
    rf"^(?:A|Another) separate (?:{_CASE_NOUNS})\b|"
    # "Other accounts posed as ...": more of the same noun, other ones
    rf"^Other (?:[a-z][\w-]* ){{0,2}}?(?:{_OTHER_NOUNS})\b(?! (?:such as|like|including)\b)|"
    + _ORDINAL_ACTS_SOURCE
    # the ordinal alone before its verb: "The second used the tool to ..."
)


def case_subject(sentences: list[Sentence], before: str = "") -> str | None:
    """Who a paragraph that turns to a new case is about: the first of its opening sentences
    that names an unnamed actor ("Russian-language malware authors"), else the case itself
    ("Third case"). ``before``: the text before it, where the noun of the cases counted is
    ("three operations. ... Another, run from Iran, ...")."""
    for s in sentences[:2]:
        found = subject_of(s, None, before)
        if found:
            return found
    m = re.match(r"^(?:A|The) (first|second|third|fourth|fifth|sixth|next|final|last|further) "
                 rf"({_CASE_NOUNS})",
                 sentences[0].text)  # fmt: skip
    if m:
        return f"{m.group(1).capitalize()} {m.group(2)}"
    acts = _ORDINAL_ACTS.match(sentences[0].text)  # "The second used ...", after "two clusters"
    if acts:
        counted = _COUNTED_NOUN.findall(before)
        noun = counted[-1].lower() if counted else "case"
        noun = noun[:-1] if noun.endswith("s") and noun[:-1] in _SINGULAR else noun
        return f"{(acts.group(1) or acts.group(2)).capitalize()} {noun}"
    other = _OTHER_CASE.match(sentences[0].text)  # "Another operation, which ...": unnamed
    if other:
        return f"Unnamed {other.group(1)}"
    others = _OTHER_ONES.match(sentences[0].text)  # "Other accounts posed as law firms"
    if others:
        return f"Other {others.group(1)}"
    said = _SAID_CASE.match(sentences[0].text)  # "The first is the fake job applicants."
    return said.group(1)[0].upper() + said.group(1)[1:] if said else None


_OTHER_ONES: Final = re.compile(rf"^Other ((?:[a-z][\w-]* ){{0,2}}?(?:{_OTHER_NOUNS}))\b")


# An ordinal alone before its verb, and the noun of the cases counted before it: "two
# separate clusters ... The second used the tool ..."
_ORDINAL_ACTS: Final = re.compile(_ORDINAL_ACTS_SOURCE)
_COUNTED_NOUN: Final = re.compile(
    rf"\b(?:two|three|four|five|six|several) (?:[\w-]+ ){{0,2}}?((?i:{noun_pattern('subject')}))\b"
)
_SINGULAR: Final = nouns("subject")


# Another case, named by no ordinal: "Another operation, which the lab did not name, ..."
_OTHER_CASE: Final = re.compile(
    rf"^(?:Another|One(?: more)?|(?:A|Another) separate) ({_CASE_NOUNS})\b(?! called)"
)


# A case said aloud: "The first is the fake job applicants." gives "fake job applicants"
_SAID_CASE: Final = re.compile(
    r"^The (?:first|second|third|fourth|fifth|next|last|other)(?: one)? (?:is|was) "
    r"(?:(?:the|a|an|about|those) )?((?:[\w'-]+ ){0,5}[\w'-]+)\.$"
)


# Where a sentence of prose may begin (its end): after a stop (and a closing quote or bracket)
# and a space. The stop is in the match, so that Python's re skips to stops, not every character.
_SENTENCE_START: Final = re.compile(r"[.!?][\"\u201d')\]]* (?=[A-Z])")


# "The latter debugged code ...": one of two the paragraph named, no new case ("The latter, a
# Bolivian crew, ..." sets a case of its own apart)
_POINTS_BACK: Final = re.compile(r"The (?:former|latter) (?!,)")


def at_new_cases(paragraph: str) -> list[str]:
    """A paragraph of prose cut before each later sentence that turns to a new case ("...
    A second case involved ...", "... In another case, ..."): such a sentence opens a case
    wherever it stands, as it does at a paragraph's start; a text's last paragraph too, which
    a line may end.

    >>> at_new_cases("Two crews came from Peru. The second, a Bolivian one, wrote posts.\\n")
    ['Two crews came from Peru.', 'The second, a Bolivian one, wrote posts.']
    """
    if "\n" in paragraph.strip():
        return [paragraph]  # a list, a table, fields: laid out, not prose
    cuts = [
        m.end()
        for m in _SENTENCE_START.finditer(paragraph)
        if NEW_CASE.match(paragraph[m.end() :]) and not _POINTS_BACK.match(paragraph, m.end())
    ]
    if not cuts:
        return [paragraph]
    starts = [0, *cuts]
    return [paragraph[a:b].strip() for a, b in zip(starts, [*cuts, len(paragraph)], strict=True)]


def overview(subject: str, first: Sentence) -> bool:
    """Whether a text's first unnamed actor lists actors of several countries ("accounts linked
    to Russian, North Korean and Chinese hackers"): an overview of the cases the text goes on
    to tell, each from its own country, not a case of its own. Places after "in" are where
    one set of actors sits ("syndicates running scam compounds in Myanmar and Cambodia")."""
    lists = coordinated(first)
    return any(
        len({x.entry.id for x in lists[m.index]}) > 1 and _several_sit(lists[m.index][0])
        for m in first.mentions
        if m.index in lists and m.text in subject
    )


_SUBJECT_NOUNS: Final = nouns("subject")


def _several_sit(first: Mention) -> bool:
    """Whether places listed from ``first`` on are where several sets of actors are: not after
    "in" ("scam compounds in Myanmar and Cambodia": one set), unless an actor noun in the plural
    stands before it ("crews in Bolivia, Peru and Laos")."""
    before = [w for w in first.before if w != "the"]
    return before[-1:] != ["in"] or (
        before[-2:-1] != [] and before[-2].endswith("s") and before[-2] in _SUBJECT_NOUNS
    )


def without_overviews(groups: list[Group], loose: list[Sentence] | None) -> list[Group]:
    """The groups without the overview of the cases, when there are cases beside it; its
    sentences tell what all the cases share, and join ``loose``. A first unnamed actor that
    counts the cases after it ("two clusters of accounts likely originating from Laos", then
    "The first cluster ...", "The second cluster, ...") is no case either: what it says, it
    says of each of them."""
    if groups and groups[0].counts and len(groups) > 2:
        counted, told = groups[0], groups[1 : 1 + groups[0].counts]
        for g in told:
            g.sentences[:0] = counted.sentences
        return groups[1:]
    if not any(g.overview for g in groups) or all(g.overview for g in groups):
        return groups
    for g in groups:
        if g.overview and loose is not None:
            loose.extend(g.sentences)
    cases = [g for g in groups if not g.overview]
    left = [x for g in groups if g.overview and (x := _left_out(g, cases))]
    unnamed = [g for g in cases if g.name is None and (g.subject or "").startswith("Unnamed ")]
    if len(left) == 1 and len(unnamed) == 1 and len(_places_of(left[0])) == 1:
        # "users from Bolivia and Peru", a case of Peru, and one of "users" from nowhere said:
        # the overview's one place left is theirs
        unnamed[0].sentences[:0] = left[0].sentences
        unnamed[0].subject = left[0].subject
        return cases
    return left + cases


def story_sections(groups: list[Group]) -> list[Group]:
    """The groups, with the sections of a story about one case folded into it: when one group
    says who acts and every other is a section a name alone opens ("## Efficiency Over
    Novelty", "The Global AI Arms Race: ...") that names no actor and no place, those sections
    tell more of that one case."""
    told = [i for i, g in enumerate(groups) if g.actors or g.subject]
    if len(told) != 1:
        return groups
    bare = [g for g in groups[told[0] + 1 :] if _a_section(g) and not _places_of(g)]
    if not bare or len(bare) != len(groups) - 1:
        return groups  # (a section before the case is none of its: a list of contents)
    case = groups[told[0]]
    for g in bare:
        case.sentences.extend(g.sentences)
    return [case]


def _a_section(case: Group) -> bool:
    """Whether a group is a section a name alone opens, a heading or a run-in label ("The
    Global AI Arms Race: ..."), and names no actor; not a name in the prose ("**Tern Vane** ran
    ...": a case beside the one before it)."""
    if not case.name or case.actors:
        return False
    first = case.sentences[0].text if case.sentences else ""
    return case.from_heading or first.startswith(f"{case.name}:")


def _places_of(case: Group) -> set[str]:
    """The places a case's sentences name."""
    return {m.entry.id for s in case.sentences for m in s.mentions if m.entry.kind in COUNTRY_KINDS}


def _left_out(view: Group, cases: list[Group]) -> Group | None:
    """The actors an overview lists that no case after it speaks of ("Peruvian, Bolivian and
    Cuban government agents", then cases of Bolivians and Cubans only): a case of their own,
    from what the overview's first sentence says of them. None when every one has a case."""
    first = view.sentences[0] if view.sentences else None
    lists = coordinated(first) if first is not None and view.subject else {}
    members = (
        next((lists[m.index] for m in first.mentions if m.index in lists), ()) if first else ()
    )
    told = {m.entry.id for g in cases for s in g.sentences for m in s.mentions
            if m.entry.kind in COUNTRY_KINDS}  # fmt: skip
    kept = [m for m in members if m.entry.id not in told]
    if kept and len(kept) == len(members) and not any(g.actors or g.subject for g in cases):
        return view  # "Crews from Russia, Iran and China rely on ...", then a section under a
        # heading that names no actor ("## Speed Before Invention"): the crews are the case
    if kept and len(kept) == len(members) and _of_others(cases, {m.entry.id for m in kept}):
        return view  # "Peru, Chile and Laos are trying to sway the vote", then a case of a
        # Chinese group only: the list's actors are not the cases', a case of their own
    if first is None or not kept or len(kept) == len(members) or view.subject is None:
        return None
    name, text = _kept(view.subject, members, kept), _kept(first.text, members, kept)
    if name is None or text is None:
        return None
    read = read_sentence(text)  # as if the list held only them; the evidence is the text's own
    case = Group(None, subject=name, heading=view.heading)
    # ... unless two or more are kept: their list is read in the words that hold only them
    said = first.text if len(kept) == 1 else text
    case.sentences.append(Sentence(said, read.mentions, first.hedged, first.negated, read.words))
    return case


def _of_others(cases: list[Group], places: set[str]) -> bool:
    """Whether every case is of named actors and the catalog puts none of them in one of the
    ``places`` an overview lists: the overview introduces none of the cases."""
    return all(
        g.actors and all(not (cataloged_origins(a) & places) for a in g.actors) for g in cases
    )


def _kept(text: str, members: tuple[Mention, ...], kept: list[Mention]) -> str | None:
    """``text`` with the list of ``members`` holding only those ``kept``; a name that holds
    only the first of them ("Groups from Russia", of "Groups from Russia, China, and Iran")
    holds those kept in its place."""
    at, end = text.find(members[0].text), text.rfind(members[-1].text)
    last = members[-1]
    if at >= 0 and end < at:
        end, last = at, members[0]
    if at < 0:
        return None
    return text[:at] + " and ".join(m.text for m in kept) + text[end + len(last.text) :]


# A paragraph about the two cases told last: "In both cases, ...", "Both networks ..."
_BOTH: Final = re.compile(rf"^(?:{'|'.join(word_list('both_openers'))})\b")


def of_the_two(sentences: list[Sentence]) -> bool:
    """Whether a paragraph opens on the two cases told last ("In both cases, ...")."""
    return bool(sentences) and _BOTH.match(sentences[0].text) is not None


# A paragraph that speaks of every case the one before it opened (layout.yaml's all_openers)
_OF_THEM_ALL: Final = re.compile(rf"^(?i:{'|'.join(word_list('all_openers'))})")


def of_them_all(sentences: list[Sentence]) -> bool:
    """Whether a paragraph opens, past who reports it, on all the cases told before it: "The
    actors mostly asked for ...", "It said that the actors generally ...", "All five ..."."""
    first = sentences[0].text if sentences else ""
    return bool(_OF_THEM_ALL.match(reported_removed(first)) or _THESE.search(first))


# ... or names them with a plural demonstrative anywhere: "sought by these actors"
_THESE: Final = re.compile(
    rf"\b(?:these|those) (?:\w+ )?(?:{'|'.join(word_list('these_nouns'))})\b"
)
