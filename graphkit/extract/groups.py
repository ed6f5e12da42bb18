"""A group (what one section says about one operation or actor), the actors its sentences
name, and paragraphs that hold several groups: a list of actors each with its country, clauses
or sentences each opened by another name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Final

from graphkit.actors import actor_index
from graphkit.extract.clause_actors import clause_actor, opens_anything, struck_actor
from graphkit.extract.clause_names import run_by_opener
from graphkit.extract.cues import noun_forms, noun_pattern, word_led, words
from graphkit.extract.gazetteer import Entry
from graphkit.extract.members import members_described, one_of_them
from graphkit.extract.named_actors import actor_names
from graphkit.extract.named_origins import own_origins
from graphkit.extract.reading import (
    COUNTRY_KINDS,
    PLACE,
    Mention,
    Sentence,
    read_sentence,
    slugify,
)
from graphkit.extract.reporter import ACCORDING
from graphkit.extract.sentence_clauses import split_clauses
from graphkit.extract.subjects import may_open_subject, subject_of

__all__ = [
    "PLACE",
    "THIS_ACTOR",
    "Group",
    "add_actors",
    "cataloged_origins",
    "clip",
    "named_actor",
    "runs",
    "speaks_of_this_actor",
    "start_runs",
]


@dataclass
class Group:
    """What one section of the report says about one operation or actor."""

    name: str | None
    sentences: list[Sentence] = field(default_factory=list)
    actors: dict[str, tuple[str, list[str], Sentence]] = field(default_factory=dict)
    subject: str | None = None  # an unnamed actor the section is about ("a Chinese threat actor")
    from_heading: bool = False
    heading: Sentence | None = None  # what the heading says of who (for the facts, not the name)
    provisional: bool = False  # a heading in prose ("The Russian pair"): a name in its text wins
    described: bool = False  # the heading only described it, whatever name it got later
    origins: dict[str, dict[str, Any]] = field(default_factory=dict)  # actor id → its own country
    overview: bool = False  # a first paragraph listing actors of several countries
    counts: int = 0  # how many cases its unnamed actor's opening sentence counts ("two clusters")


# The paragraph speaks of its subject as an actor: the name it gives is the actor's. Its
# branches, each written also led by its first characters (cues.word_led: Python's re skips to
# them, where a branch that opens with a word boundary is tried at every character) or by a
# stop before it:
_ACTOR_NOUNS: Final = r"(?:group|actor|threat actor|adversary|cluster|crew|gang)"
_AN_ACTOR: Final = r"(?:An?|The) (?:[\w-]+ ){0,3}(?:adversary|actor|group|crew|gang|cluster), "
# "a hacking group known as Jade Heron", "a crew the lab calls Tin Wren": an actor's name
_CALLED_ACTOR: Final = (
    r"s? (?:(?:that |which |whom )?(?:the |other )?"
    r"(?:\w+ ){0,2}(?:calls?|tracks? as|dubbed|named)|known as|called|dubbed|tracked as|"
    r"nicknamed) [\"\u201c]?[A-Z]"
)
_NAMED_THE: Final = r" the (?:[\w-]+ ){0,2}(?:group|actor|cluster|crew|gang) [A-Z]"
THIS_ACTOR: Final = re.compile(
    rf"\b(?:[Tt]his|[Tt]he) {_ACTOR_NOUNS}\b|(?:^|[.!?] ){_AN_ACTOR}|"
    rf"\b(?i:{noun_pattern('quoted_actor')}){_CALLED_ACTOR}|\b(?:named|called|dubbed){_NAMED_THE}"
)
_THIS_ACTOR_LED: Final = [
    re.compile(rf"{word_led(['This', 'this', 'The', 'the'])} {_ACTOR_NOUNS}\b"),
    re.compile(rf"[.!?] {_AN_ACTOR}"),
    re.compile(rf"{word_led(noun_forms('quoted_actor'), ignore_case=True)}{_CALLED_ACTOR}"),
    re.compile(rf"{word_led(['named', 'called', 'dubbed'])}{_NAMED_THE}"),
]
_THIS_ACTOR_FIRST: Final = re.compile(_AN_ACTOR)  # ... the one at the paragraph's start
# Words without one of which a branch of THIS_ACTOR cannot match: an actor's noun (the first
# two branches, the last) or a verb of naming (the last two, written so); most paragraphs hold
# none of them.
_THIS_ACTOR_NOUNS: Final = ("group", "actor", "adversary", "cluster", "crew", "gang")
_NAMING_WORDS: Final = ("call", "track", "dubbed", "named", "known as")


def speaks_of_this_actor(text: str) -> bool:
    """Whether a paragraph speaks of its subject as an actor (:data:`THIS_ACTOR`, a branch at
    a time, each where its words stand)."""
    noun = any(w in text for w in _THIS_ACTOR_NOUNS)
    naming = any(w in text for w in _NAMING_WORDS)
    if noun and (
        _THIS_ACTOR_FIRST.match(text) is not None
        or any(p.search(text) is not None for p in _THIS_ACTOR_LED[:2])
    ):
        return True
    return naming and (
        _THIS_ACTOR_LED[2].search(text) is not None
        or (noun and _THIS_ACTOR_LED[3].search(text) is not None)
    )


def named_actor(name: str, first: Sentence, found: dict[str, str]) -> dict[str, str]:
    """The paragraph's name as an actor: remembered (found again later) and mentioned."""
    slug = slugify(name)
    if not slug or actor_index().resolve(name) is not None or len(name.split()) > 3:
        return {}
    found[slug] = name
    first.mentions.append(Mention(Entry("Actor", slug, name), 0, 1, [], name))
    return {slug: name}


def start_runs(
    groups: list[Group],
    shared: list[Sentence],
    parts: Sequence[Run],
    heading: Sentence | None,
) -> Group:
    """A group for each part of a paragraph (its name, if it has one, its sentences after the
    sentences all of them share, the unnamed actor it opens with); the last of them."""
    current = None
    first = len(groups)
    for name, part, subject in parts:
        current = Group(name, heading=heading, subject=subject)
        groups.append(current)
        current.sentences.extend([*shared, *part])
        for sentence in part or shared:  # no clause of its own: an actor the shared ones name
            add_actors(current, sentence)
        if not part and subject:
            current.subject = None
            current.actors = {k: v for k, v in current.actors.items() if k == subject}
    assert current is not None  # there is a part at least
    taken = {aid for g in groups[first:] for aid in g.actors}
    left = Group(None, list(shared), heading=heading)
    for sentence in shared:
        add_actors(left, sentence)
    left.actors = {k: v for k, v in left.actors.items() if k not in taken}
    if left.actors:  # "five actors: two known as X and Y; ...": X and Y, no clause of their own
        groups.insert(first, left)
    return current


# An operation's name (None: an actor's), its clauses, and the unnamed actor that opens them;
# a part with no clauses is a companion: the named actor (its id as the third) that the shared
# clauses name beside the one that opens the clauses after them ("X and Y used ... X also ...")
Run = tuple[str | None, list[Sentence], str | None]


def runs(
    sentences: list[Sentence], found: dict[str, str], named: str | None
) -> tuple[list[Sentence], list[Run]] | None:
    """A paragraph that speaks of two operations or actors or more, each opening a clause
    ("Sneer Review flooded ..., while VAGue Focus ...", "X wrote lures. It also ... Meanwhile,
    Y ..."), cut into each one's clauses: the clauses after one that opens with a name and
    name none are its own ("It also wrote lures"); the clauses before the first are shared.
    Actors, named or described with their country ("operators from Cuba"), open clauses only
    in a paragraph no name is given to, or one whose name opens a clause itself. None when
    fewer than two open clauses. ``found``: names the text gave actors, found again in the
    clauses."""
    texts = [split_clauses(s) for s in sentences]
    operations = {slugify(op) for clauses in texts for _, op, _ in clauses if op}
    # the reporter brings a name in as one more: "It also banned a cluster it tracks as X"
    struck = {a for a in map(struck_actor, sentences) if a}
    actors = {m.entry.id for s in sentences for m in s.mentions if m.entry.kind == "Actor"}
    its_actors = bool(named) and run_by_opener(named or "", sentences[0], texts[0][0][0])
    with_actors = its_actors or _actors_open(named, operations | struck, actors)
    actors |= {slugify(a) for clauses in texts for _, _, a in clauses if a}
    # unnamed actors open clauses only where nothing is named: "Hackers from Laos ..., while
    # operators from Cuba ..."; beside a name, a description is most often of that name's
    # actor, unless the name is brought in as one more
    described = with_actors and not (operations - struck or actors - struck)
    opening: dict[str, bool] = {}  # may_open_subject of each clause, asked once
    if described:
        described = _opening(opening, [t for c in texts for t, _, _ in c], 2 - len(struck))
        described = described and not (struck and members_described(sentences))  # "Syrian
        # groups ... It warned that a group known as X ...": X is one of them, one case
    # ... or the description is of actors from elsewhere: "Chinese groups such as APT41 ...
    # North Korean actors, meanwhile, ..."
    foreign = _from_elsewhere(sentences) if with_actors and not described else set()
    turns = not described and any(_opens(opening, t) for c in texts for t, _, _ in c[1:])
    if len(operations | (actors if with_actors else set())) < 2 and not (
        described or foreign or turns
    ):
        return None  # one name at most: most paragraphs, and none is read again
    shared: list[Sentence] = []
    parts: list[Run] = []
    openers: set[str] = set()
    said = ""  # the paragraph's words so far
    places: set[str] = set()  # the countries of the clauses so far
    for s, clauses in zip(sentences, texts, strict=True):
        if not (described or turns) and not opens_anything(s, clauses):
            clauses = [(s.text, None, None)]  # no clause of it opens with anything: read whole
        pieces = _pieces(s, [t for t, _, _ in clauses], found)
        for i, (piece, (text, name, quoted_actor)) in enumerate(zip(pieces, clauses, strict=True)):
            actor = slugify(quoted_actor) if quoted_actor else None
            if with_actors and not (name or actor):
                so_far = sentences[: sentences.index(s) + 1]
                actor = clause_actor(piece, text, bool(parts or shared), so_far)
            subject = None
            opens = described or id(s) in foreign
            opens = opens or bool(turns and i and not (name or actor) and _elsewhere(piece, places))
            places |= {m.entry.id for m in piece.mentions if m.entry.kind in COUNTRY_KINDS}
            if opens and not (name or actor) and _opens(opening, text):
                # "..., while operators from Cuba ...", "The first network ... The second, ..."
                earlier = s.text[: max(0, s.text.find(text))]  # this sentence's clauses before
                subject = subject_of(piece, None, f"{said} {earlier}")
            back = _met_before(parts, piece, text, subject) if subject and not name else None
            if back is not None:  # "Operators linked to Cuba ... The Cuban operators also ..."
                back[1].append(piece)
            elif name or actor or subject:
                openers.add(slugify(name) if name else str(actor or subject))
                parts.append((name, [piece], subject))
            elif parts:
                parts[-1][1].append(piece)
            else:
                shared.append(piece)
        said += " " + s.text
    if turns and shared and parts and not operations:
        opener = _before_the_turn(named, shared, parts)
        shared = [] if opener else shared
        openers |= {opener} if opener else set()
    if len(openers) == 1 and with_actors and shared and parts and not described:
        # "Two Chinese groups, X and Y, used ... X also targeted ...": Y keeps the shared part
        companions = _companions(shared, next(iter(openers)))
        parts += [(None, [], c) for c in companions]
        openers |= set(companions)
    if its_actors and parts and parts[0][0] is None and not shared:
        parts[0] = (named, *parts[0][1:])  # "APT28 launched Operation MacroMaze ...": its name
    return (shared, parts) if len(openers) > 1 else None


def _opens(opening: dict[str, bool], text: str) -> bool:
    """:func:`may_open_subject` of a clause, kept in ``opening``: runs asks it of a clause
    up to three times, and it reads the clause with long patterns."""
    known = opening.get(text)
    if known is None:
        known = opening[text] = may_open_subject(text)
    return known


def _opening(opening: dict[str, bool], clauses: list[str], need: int) -> bool:
    """Whether ``need`` of the clauses at least may open on an unnamed actor (:func:`_opens`),
    each asked in turn while the answer is open: not once ``need`` are found, nor once too
    few are left to find them (most paragraphs have one or two clauses, and none opens so)."""
    for i, text in enumerate(clauses):
        if need <= 0 or len(clauses) - i < need:
            break
        if _opens(opening, text):
            need -= 1
    return need <= 0


def _actors_open(named: str | None, operations: set[str], actors: set[str]) -> bool:
    """Whether actors open clauses of a paragraph given ``named``: when none is, when the name
    is one of its operations, or one of its actors ("Emerald Sleet ..., while Crimson Sandstorm
    ...")."""
    if not named or slugify(named) in operations:
        return True
    known = actor_index().resolve(named) if len(actors) > 1 else None
    return known is not None and known.id in actors


_DEFINITE: Final = re.compile(r"^(?:[Tt]he|[Tt]hese|[Tt]hose) ")


def _met_before(parts: list[Run], piece: Sentence, text: str, subject: str) -> Run | None:
    """The part whose unnamed actor a definite noun phrase speaks of again ("Operators linked
    to Cuba wrote ... The Cuban operators also ..."): the last one from the same places; None
    when the phrase is indefinite ("A Cuban crew"), or no part's actor is from there."""
    if not _DEFINITE.match(text):
        return None
    places = _places_in(piece, subject)
    if not places:
        return None
    return next(
        (p for p in reversed(parts) if p[2] and p[1] and _places_in(p[1][0], p[2]) == places),
        None,
    )


def _places_in(s: Sentence, phrase: str) -> set[str]:
    """The countries a sentence names inside ``phrase``, its unnamed actor's."""
    return {m.entry.id for m in s.mentions if m.entry.kind in COUNTRY_KINDS and m.text in phrase}


def _companions(shared: list[Sentence], opener: str) -> list[str]:
    """The actors the shared clauses list beside the one that opens the clauses after them:
    "X and Y", "X, Y and Z" (only commas and "and" between the names)."""
    out: list[str] = []
    for s in shared:
        names = sorted((m for m in s.mentions if m.entry.kind == "Actor"), key=lambda m: m.index)
        ids = [m.entry.id for m in names]
        if opener not in ids or len(set(ids)) < 2:
            continue
        listed = all(
            _LISTED_NAMES.fullmatch(" ".join(s.words[a.index + a.width : b.index]))
            for a, b in pairwise(names)
        )
        if listed:
            out += [i for i in dict.fromkeys(ids) if i != opener and i not in out]
    return out


_LISTED_NAMES: Final = re.compile(
    r"(?:and|or)?"
)  # words between two listed names: none, or a conjunction


def _before_the_turn(named: str | None, shared: list[Sentence], parts: list[Run]) -> str | None:
    """The clauses before a turn to actors from elsewhere ("A Chinese effort called X ...,
    while an Iranian outlet ...") as a part of their own, first: the paragraph's named
    operation, or the unnamed actor they open with; what opens it, or None (they stay shared)."""
    first = None if named else subject_of(shared[0], [])  # "attackers ..., and Bolivian ..."
    if not (named or first):
        return None
    parts.insert(0, (named, list(shared), first))
    return slugify(named) if named else str(first)


def _elsewhere(clause: Sentence, places: set[str]) -> bool:
    """Whether a later clause opens on actors from a place the clauses before it did not
    name: "A Chinese effort called X wrote ..., while an Iranian outlet ..."."""
    opening = _opening_places(clause)  # "..., and later Bolivian scammers" after clauses of
    return bool(opening and opening.isdisjoint(places))  # nowhere: elsewhere too


def _opening_places(s: Sentence) -> set[str]:
    """The countries among a sentence's first words: who it opens on ("North Korean actors"),
    after the source it may be set after ("According to a newspaper, a Chinese group ...")."""
    source = ACCORDING.match(s.text) if s.text[:1] in "AP" else None
    first = 4 + (len(source.group(0).split()) if source else 0)
    return {m.entry.id for m in s.mentions if m.entry.kind in COUNTRY_KINDS and m.index < first}


def _from_elsewhere(sentences: list[Sentence]) -> set[int]:
    """The ``id()`` of each sentence that names no actor and opens on a place none of the
    sentences that name actors mentions: a description of other actors ("North Korean actors,
    meanwhile, ..." after "Chinese groups such as APT41 ...")."""
    named = [s for s in sentences if any(m.entry.kind == "Actor" for m in s.mentions)]
    if not named or len(named) == len(sentences):
        return set()
    theirs = {m.entry.id for s in named for m in s.mentions if m.entry.kind in COUNTRY_KINDS}
    for m in (m for s in named for m in s.mentions if m.entry.kind == "Actor"):
        theirs |= cataloged_origins(m.entry.id)  # "APT42 used ...": Iranian, as the galaxies say
    out = set()
    for s in sentences:
        opening = _opening_places(s)
        # not "Syrian groups ... a group known as X": the set X is one of
        if opening and opening.isdisjoint(theirs) and s not in named and not one_of_them(s, named):
            out.add(id(s))
    return out


def cataloged_origins(actor: str) -> set[str]:
    """Where the actor catalog's galaxies say a known actor is from (none for another)."""
    known = actor_index().actors.get(actor)
    return {v for c in known.galaxy for k, v in c if k == "country" and v} if known else set()


def _pieces(s: Sentence, clauses: list[str], found: dict[str, str]) -> list[Sentence]:
    """A sentence's clauses, each read (the sentence itself when it has one clause); the names
    the text gave actors are found in them again."""
    if len(clauses) == 1:
        return [s]
    pieces = [read_sentence(t) for t in clauses]
    for piece in pieces:
        actor_names(piece, found)  # 'the clusters "Red Ledger" and ...': actors still
    return pieces


_JOIN_WORDS: Final = words("join_words")


def _distinct_groups(first: Mention, second: Mention) -> bool:
    """Two names of different ATT&CK groups (APT15 and APT5), which no "/" or "or" makes one."""
    if first.entry.id == second.entry.id:
        return False
    actors = actor_index().actors
    one, other = actors.get(first.entry.id), actors.get(second.entry.id)
    return bool(one and other and one.attack_id and other.attack_id)


def add_actors(group: Group, s: Sentence) -> None:
    """Actors a sentence names; "X or Y" and "X, also known as Y" are one actor, two names."""
    previous: Mention | None = None
    mentioned = [x for x in s.mentions if x.entry.kind == "Actor"]
    origins = own_origins(s) if mentioned and s.field is None else {}
    for m in mentioned:  # "the Iranian group TEMP.Zagros": that actor's own country
        if m.index in origins and not s.negated:
            fact = {"id": origins[m.index].entry.id, "evidence": clip(s.text),
                    "confidence": 55 if s.hedged else 70}  # fmt: skip
            group.origins.setdefault(m.entry.id, fact)
    # The words that can join two names ("X or Y", "tracked as X and Y"): most sentences have
    # none, and then no pattern is built for the pair.
    joins = len(mentioned) > 1 and (not _JOIN_WORDS.isdisjoint(s.words) or "/" in s.text)
    for m in sorted(mentioned, key=lambda x: x.index) if len(mentioned) > 1 else mentioned:
        joined = (
            joins
            and previous is not None
            and _may_join(s.text, previous.text, m.text)
            and re.search(
                rf"{re.escape(previous.text)}\W+(?:or|aka|also|/|(?:also |which \w+ )?"
                rf"(?:known|tracked|tracks|called) as)\W+"
                rf"{re.escape(m.text)}|"
                # "other researchers track as UNK_DROPPITCH and UTA0388": two names of one actor
                rf"\b(?:track|tracked|known|refer to it|reported) as\W+"
                rf"{re.escape(previous.text)}\W+and\W+{re.escape(m.text)}",
                s.text,
            )
        )
        if joined and previous is not None and _distinct_groups(previous, m):
            joined = None  # "Vixen Panda / Keyhole Panda": ATT&CK has two groups, not one
        if joined and _named_each(s.text[: joined.start()]):
            joined = None  # "Two Peruvian groups, known as X and Y": a name each
        if joined and previous is not None and previous.entry.id in group.actors:
            name, aliases, first = group.actors[previous.entry.id]
            group.actors[previous.entry.id] = (name, [*aliases, m.text], first)
        elif m.entry.id not in group.actors:
            aliases = [m.text] if m.text != m.entry.name else []
            group.actors[m.entry.id] = (m.entry.name, aliases, s)
        previous = m


# What follows the first of two names that one pattern of add_actors joins ("X or Y", "X, also
# known as Y"), and what comes before the first that the other does ("tracked as X and Y")
_JOIN_AFTER: Final = re.compile(
    r"\W+(?:or|aka|also|/|(?:also |which \w+ )?(?:known|tracked|tracks|called) as)\W+"
)
_AS_BEFORE: Final = re.compile(r"\b(?:track|tracked|known|refer to it|reported) as\W+")


def _may_join(text: str, first: str, second: str) -> bool:
    """Whether add_actors' pattern for two names could join them in ``text``: both stand in
    it, and the words after the first (or before it) are those the pattern wants. The pattern
    is built for each pair, and Python compiled nearly each one anew (most of the time
    add_actors took); this test, true wherever it would match, leaves it to the few pairs
    that may."""
    if not first[:1].isalnum():
        return True  # a name that opens on a mark ('"Red Ledger"'): the pattern decides
    if first not in text or second not in text:
        return False
    at = text.find(first)
    while at >= 0:
        if _JOIN_AFTER.match(text, at + len(first)):
            return True
        at = text.find(first, at + 1)
    return any(text.startswith(first, a.end()) for a in _AS_BEFORE.finditer(text))


# Actors counted just before "known as" and two names: the names are one each ("Two Peruvian
# groups, known as X and Y"), not two of one actor ("tracked as X and Y").
_PLURAL_BEFORE: Final = re.compile(
    r"\b(?i:two|three|four|both)\s+(?:[\w-]+\s+){0,3}?"
    rf"(?i:{noun_pattern('subject')})(?<=s),?\s+(?:\w+\s+)?$"
)


def _named_each(before: str) -> bool:
    """Whether the words before "known as X and Y" end on actors counted ("Two groups,")."""
    return bool(_PLURAL_BEFORE.search(before[-60:]))


def clip(text: str) -> str:
    return text if len(text) <= 2000 else text[:1999] + "…"
