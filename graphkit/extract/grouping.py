"""Report text into groups: which sentences belong to which operation or actor.

The layout (:mod:`~graphkit.extract.layout`) gives sections and paragraphs; each paragraph is
read sentence by sentence (:mod:`~graphkit.extract.reading`) and given to the operation or
actor it is about (:mod:`~graphkit.extract.names`): a new group starts where a heading or a
paragraph names a new operation, a new actor or an unnamed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graphkit.actors import actor_index
from graphkit.extract.cues import words
from graphkit.extract.gazetteer import Entry, actor_codes
from graphkit.extract.layout import (
    ARTICLE,
    BRACKETED_TAIL,
    DATE_FIRST,
    LEAD_BOLD,
    STAGE_HEADINGS,
    TASK_HEADINGS,
    WHO,
    inner_bold,
    labelled_fields,
    names_a_country,
    operation_name,
    sections,
    unnumbered,
)
from graphkit.extract.meta import TITLE_LINE
from graphkit.extract.names import (
    NEW_CASE,
    actor_names,
    case_subject,
    clause_name,
    paragraph_name,
    says_nothing,
    subject_of,
)
from graphkit.extract.reading import Mention, Sentence, read_sentence, slugify, split_sentences
from graphkit.extract.roles import (
    language_positions,
    own_origins,
)

__all__ = ["PLACE", "Group", "clip", "group_text"]


PLACE = ("Country", "Demonym", "Sponsor")  # the kinds of mention that say where


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


def group_text(text: str, loose: list[Sentence] | None = None) -> list[Group]:
    """The text's groups; sentences of paragraphs that fall in none go to ``loose``."""
    grouper = _Grouper(text, loose)
    for heading, paragraph, item in sections(text):
        grouper.read(heading, paragraph, item)
    return grouper.groups


@dataclass
class _Paragraph:
    """A paragraph as read: its sentences, the name it gives, and what its layout says."""

    text: str
    item: bool
    sentences: list[Sentence]
    body: list[Sentence]  # the sentences without a question that opens them
    fields: list[tuple[str, str]] | None
    bold: str | None  # a name set in bold at its start ("**Sneer Review.**")
    inner: str | None  # a name set in bold inside it


class _Grouper:
    """Reads a text's sections paragraph by paragraph, starting a group where one begins."""

    def __init__(self, text: str, loose: list[Sentence] | None) -> None:
        self.groups: list[Group] = []
        self.loose = loose
        self.last_heading: str | None = None
        self.found: dict[str, str] = {}  # actor names the text introduced ("SweetSpecter, a ...")
        self.seen = False  # a paragraph was read: the first one of a plain text is its title
        self.section_who: Sentence | None = None  # a heading's one country, for its groups
        self.known: set[str] = set()  # names of the groups so far: a paragraph may open with one
        self.known_upto = 0
        self.known_first: set[str] = set()  # their first words: most paragraphs open with none
        self.profiled = _profiled(text)  # "# Actor profile: Kimsuky": every section is Kimsuky's
        self.current: Group | None = self.profiled
        if self.profiled is not None:
            self.groups.append(self.profiled)

    def read(self, heading: str | None, paragraph: str, item: bool) -> None:
        if heading is not None and heading[:1] in "AaNnTt" and TASK_HEADINGS.match(heading):
            self.current = self.section_who = None  # "## Actions": the writer's tasks, not findings
            return
        if heading != self.last_heading:
            self.last_heading = heading
            if heading is not None and not paragraph:
                self._heading(heading)
                return
        cleaned = _cleaned(paragraph)
        if cleaned is None:  # "About OpenAI ...", "Media contact: ...": the end
            self.current = None
            return
        p = _read_paragraph(cleaned, item)
        named = self._name(p)
        self.seen = True
        current = self.current
        clauses = None if p.fields or _named_above(current) else _clause_runs(p.sentences)
        if clauses:  # "Sneer Review flooded ..., while VAGue Focus ...; Uncle Spam argued ..."
            self.current = _start_runs(self.groups, clauses[0], clauses[1], self.section_who)
            return
        actors = {k: v for s in p.sentences for k, v in actor_names(s, self.found).items()}
        if named and not actors and p.sentences and _THIS_ACTOR.search(p.text):
            actors = _named_actor(
                named, p.sentences[0], self.found
            )  # "SweetSpecter. ... this group"
        listed = (
            None
            if p.fields or _named_above(current) or len(actors) < 2
            else _enumerated(p.sentences)
        )
        if listed:  # "Forest Blizzard from Russia, Emerald Sleet from North Korea, ...": each
            self._each_listed(*listed)
            return
        self._subject(p, named, actors)
        self._place(p, named, actors)

    def _heading(self, heading: str) -> None:
        """A heading over no text of its own: a section starts, maybe a group."""
        if self.profiled is not None and not any(
            m.entry.kind == "Actor" for m in read_sentence(heading).mentions
        ):
            self.current = self.profiled  # "## Victimology" in a profile of one actor: still it
            return
        if STAGE_HEADINGS.match(heading):
            return  # "### Reconnaissance": a stage of the section's own actors
        said = _who_only(read_sentence(heading))
        self.section_who = _section_who(said)
        if names_a_country(said):  # "## North Korea": where the section's actors are from
            said.mentions = [x for x in said.mentions if x.entry.kind != "Language"]
            said.field = "who"
            self.current = Group(None, from_heading=True, heading=said)
            self.groups.append(self.current)
            return
        name = operation_name(heading)
        self.current = current = Group(name, from_heading=True) if name else None
        if current is None:
            return
        # "Cyber: Iranian actors": who, not what ("Phish and Scripts")
        if self.section_who is None:  # "Iran and a company in Israel": whose is whose?
            said.mentions = _one_place_at_most(said)
        current.heading = said
        _add_actors(current, said)  # "Vixen Panda and Keyhole Panda": the actors
        if self.section_who:  # "The Russian pair": who, even without an actor noun
            said.mentions = [
                m for m in said.mentions if m.entry.kind not in PLACE
            ] + self.section_who.mentions
            said.field = "who"
        current.provisional = bool(_PROSE_HEADING.match(heading)) or (
            # "4. Commercial actors sell influence too", not "Case 3: Kits for sale"
            name == unnumbered(heading) and _described(name)
        )
        current.described = current.provisional
        self.groups.append(current)
        if name and _headline(heading, name):  # "Russian 'Helgoland Bite' ... pushed
            current.sentences.append(read_sentence(heading))  # AfD content"

    def _name(self, p: _Paragraph) -> str | None:
        """The operation or actor a paragraph names, if it names one."""
        current = self.current
        named = p.bold or paragraph_name(
            p.body,
            labels=self.seen and not p.fields,
            # a heading that named the operation ("## GLASSHOOK"), not one that described it
            opening=not (_named_above(current) and current is not None and not current.provisional)
            and (self.seen or p.text.split("\n", 1)[0].rstrip().endswith((".", "!", "?"))),
        )  # the first paragraph's first line, no sentence, is the title: "Show, episode 112"
        # "- Also tracked as UTA0388.": another name of the case above, no case of its own
        if named and self._alias_note(p) and current is not None:
            named = None
        if not named and p.inner and not _described(p.inner) and says_nothing(p.inner):
            named = p.inner  # "The one that stood out is **Sneer Review**, which ..."
        if not named and p.text[:1].isupper() and self.groups:  # "Spamouflage went after ..."
            fresh = [g.name for g in self.groups[self.known_upto :] if g.name]
            if current is not None and current.name:
                fresh.append(current.name)
            self.known.update(fresh)
            self.known_first.update(n.split(" ", 1)[0] for n in fresh)
            self.known_upto = len(self.groups)  # the groups whose names are in ``known``
            if p.text.split(" ", 1)[0].removesuffix("'s") in self.known_first:
                named = _known_lead(p.text, self.known)
        return named

    @staticmethod
    def _alias_note(p: _Paragraph) -> bool:
        return bool(p.item and _ALIAS_NOTE.match(p.text))

    def _each_listed(self, s: Sentence, origins: dict[int, Mention]) -> None:
        """A group for each actor a sentence lists, with its own country."""
        others = [x for x in s.mentions if x.entry.kind not in ("Actor", "Country", "Demonym")]
        for a in (x for x in s.mentions if x.entry.kind == "Actor"):
            own = [a, origins[a.index]] if a.index in origins else [a]
            copy = Sentence(s.text, [*own, *others], s.hedged, s.negated, s.words)
            self.current = Group(None, heading=self.section_who)
            self.groups.append(self.current)
            self.current.sentences.append(copy)
            _add_actors(self.current, copy)

    def _subject(self, p: _Paragraph, named: str | None, actors: dict[str, str]) -> None:
        """An unnamed actor the paragraph is about ("A Chinese threat actor ..."), which starts
        a group of its own; or what the section's heading says of who."""
        current, body = self.current, p.body
        subject = None
        turns = bool(not (named or actors) and body and NEW_CASE.match(body[0].text))
        if turns and current is not None and current.from_heading and current.name is None:
            subject = case_subject(body)  # "## North Korea", then "The first is ...": a case
        elif not (named or actors) and body and not (current and current.from_heading):
            subject = _opening_subject(p, current, turns)
        if (
            body
            and not actors
            and current is not None
            and current.from_heading
            and current.name is None
            and current.subject is None
            and current.heading is not None
        ):  # "## China" then "PRC-linked groups researched ...": who the section is about
            current.subject = subject_of(body[0], None) or f"Actors from {current.heading.text}"
        if not actors and current is not None and current.subject is None:
            described = next((s for s in body if s.field == "actor" and s.mentions), None)
            if described is not None:  # "Actor: a Chinese threat actor"
                current.subject = ARTICLE.sub("", described.text)[:120]
        if p.fields and not (named or actors or subject or _named_above(current)):
            who = next((v for role, v in p.fields if role == "who"), None)  # "Country: ..."
            subject = f"Actors from {who}" if who and len(who) <= 40 else None
        if subject:
            self.current = Group(None, subject=subject, heading=self.section_who)
            self.groups.append(self.current)

    def _place(self, p: _Paragraph, named: str | None, actors: dict[str, str]) -> None:
        """The paragraph's sentences into the current group, or into a new one where the
        paragraph starts one."""
        current, sentences = self.current, p.sentences
        if named and current is not None and current.provisional and not current.sentences:
            current.name, current.provisional = named, False  # "The Russian pair": Bad Grammar
        loose_section = current is not None and not current.from_heading  # a heading named none
        starts_new = (
            current is None
            or (named and named != current.name and current.sentences)
            or (
                loose_section
                and actors
                and current.actors
                and not set(actors) & set(current.actors)
            )
            # a named actor after a section about an unnamed one ("North Korean IT workers")
            or (loose_section and actors and current.subject and not current.actors)
        )
        # a new actor in a new list item ("3. APT43 and other North Korean actors ...")
        starts_new = starts_new or bool(
            p.item and actors and current is not None and not current.actors
            and not (current.from_heading and current.name and not current.described)
            and not self._alias_note(p)
        )  # fmt: skip
        if starts_new and (named or actors):
            self.current = current = Group(named, heading=self.section_who)
            self.groups.append(current)
        runs = (
            None
            if named or p.fields or _named_above(current) or len(actors) < 2
            else _runs(sentences)
        )
        if runs:  # "Charcoal Typhoon has ... Salmon Typhoon, which ...": each its own sentences
            shared = sentences[: sentences.index(runs[0][0])]  # "X and Y are both Chinese."
            parts = [(None, part) for part in runs]
            self.current = _start_runs(self.groups, shared, parts, self.section_who)
            return
        if current is None:
            if self.loose is not None:
                self.loose.extend(sentences)  # an introduction: which platform the report is about
            return
        if named and not current.name:
            current.name = named
        current.sentences.extend(sentences)
        for sentence in sentences:
            _add_actors(current, sentence)


def _opening_subject(p: _Paragraph, current: Group | None, turns: bool) -> str | None:
    """The unnamed actor a paragraph that names none opens with, or asks about."""
    body, sentences = p.body, p.sentences
    if turns:  # "A second case shows ...": not the same actor
        return case_subject(body)
    seen_before = None if p.item or current is None else current.sentences
    subject = subject_of(body[0], seen_before)
    if subject is None and len(body) > 1 and len(body[0].words) <= 4:
        # the one after a short opener: "**Russia barely showed up.** Russian ..."
        subject = subject_of(body[1], seen_before)
    if subject is None and body is not sentences:  # "And the North Korean workers?"
        asked = _ASKED.sub("", sentences[0].text)
        subject = subject_of(read_sentence(asked), current.sentences if current else None)
        about = _QUESTION_LEAD.sub("", sentences[0].text.rstrip("?")).strip()
        if subject is None and about and len(about.split()) <= 6:
            subject = about[0].upper() + about[1:]  # "Who was behind the fake job ...?"
    return subject


def _cleaned(paragraph: str) -> str | None:
    """A paragraph without what leads it and is no text (a Q&A's "Q:", emoji, a kicker);
    None where the report's boilerplate begins."""
    if paragraph[:2] in ("Q:", "A:") or paragraph[:9] in ("Question:", "Answer: "):
        paragraph = _QA.sub("", paragraph)  # "Q: And the North Korean workers?\nA: They ..."
    if paragraph[:1] in _BOILERPLATE_FIRST and _BOILERPLATE.match(paragraph):
        return None
    if paragraph[:1] and not (paragraph[0].isalnum() or paragraph[0] in _OPENERS):
        paragraph = _LEAD_SYMBOLS.sub("", paragraph)  # "\U0001f534 **Russia: Bad Grammar.**"
    if paragraph[:1] in _KICKER_FIRST and _KICKER.match(paragraph):
        paragraph = _KICKER.sub("", paragraph, count=1)  # "New: Peer Review, likely ..."
    return paragraph


def _bold_lead(paragraph: str) -> tuple[str, str | None, str | None]:
    """A paragraph without its Markdown emphasis, the name set in bold at its start, and a
    name set in bold inside it."""
    bold = inner = None
    if "**" not in paragraph and "__" not in paragraph:
        return paragraph, None, None
    lead = LEAD_BOLD.match(paragraph)
    inner = None if lead else inner_bold(paragraph)
    # "March 2025 \u2014 Helgoland Bite.": a timeline's date, then the name
    bold = DATE_FIRST.sub("", lead.group(1).strip()) if lead else None
    bold = bold if bold and len(bold.split()) <= 6 else None
    if bold and bold.endswith("?"):  # "**What is Peer Review?**": the name asked about
        asked = _QUESTION_LEAD.sub("", bold.rstrip("?")).strip()
        named_here = asked[:1].isupper() and not _described(asked)
        bold = asked if named_here and len(asked.split()) <= 4 else None
    elif bold and bold.endswith(":"):
        bold = None  # "**Case:** Vibe hacking": a label, its value the name
    elif bold and STAGE_HEADINGS.match(bold.rstrip(".:")):
        bold = None  # "**Behavior.** They wrote ...": a part of the case, as a heading is
    elif bold:
        bold = _COUNTRY_FIRST.sub("", bold).rstrip(".") or None  # "Russia: Bad Grammar."
        if bold and _described(bold) and bold.count(" ") >= 1:
            bold = None  # "**Iran leads.**": a topic sentence, not a name
    return paragraph.replace("**", "").replace("__", ""), bold, inner


def _read_paragraph(paragraph: str, item: bool) -> _Paragraph:
    """A paragraph's sentences, read; labelled fields each a sentence with its role."""
    paragraph, bold, inner = _bold_lead(paragraph)
    codes = {paragraph[start:end] for start, end, _ in actor_codes(paragraph)}
    fields = labelled_fields(paragraph)
    if fields:  # "Operation: X; Likely origin: China; Languages: English"
        named_field = next((v for role, v in fields if role == "name"), None)
        if named_field and named_field.endswith(")"):
            named_field = BRACKETED_TAIL.sub("", named_field)  # "Zero Zeno (run by STOIC)"
        bold = bold or named_field
        sentences = _field_sentences(fields, bool(codes))
    else:
        sentences = [
            read_sentence(s, bool(codes) and any(c in s for c in codes))
            for s in split_sentences(paragraph)
        ]
    body = sentences
    if len(sentences) > 1 and sentences[0].text.endswith("?"):
        _who_only(sentences[0]).field = "who"  # "What about North Korea?": who, in the answer
        body = sentences[1:]
    return _Paragraph(paragraph, item, sentences, body, fields, bold, inner)


def _field_sentences(fields: list[tuple[str, str]], codes: bool) -> list[Sentence]:
    sentences = []
    for role, value in fields:
        if role == "name":  # "Name: UNC1069": the name may be an actor's
            named_actors = read_sentence(value)
            named_actors.mentions = [x for x in named_actors.mentions if x.entry.kind == "Actor"]
            if named_actors.mentions:
                named_actors.field = "actor"
                sentences.append(named_actors)
            elif value.endswith(")") and BRACKETED_TAIL.search(value):
                sentences.append(read_sentence(value))  # "Zero Zeno (run by STOIC)"
            continue
        for piece in split_sentences(value):
            sentences.append(read_sentence(piece, codes))
            sentences[-1].field = role
    return sentences


# The paragraph speaks of its subject as an actor: the name it gives is the actor's.
_THIS_ACTOR = re.compile(
    r"\b(?:[Tt]his|[Tt]he) (?:group|actor|threat actor|adversary|cluster|crew|gang)\b|"
    r"(?:^|[.!?] )(?:An?|The) (?:[\w-]+ ){0,3}(?:adversary|actor|group|crew|gang|cluster), "
)


def _named_actor(name: str, first: Sentence, found: dict[str, str]) -> dict[str, str]:
    """The paragraph's name as an actor: remembered (found again later) and mentioned."""
    slug = slugify(name)
    if not slug or actor_index().resolve(name) is not None or len(name.split()) > 3:
        return {}
    found[slug] = name
    first.mentions.append(Mention(Entry("Actor", slug, name), 0, 1, [], name))
    return {slug: name}


def _named_above(current: Group | None) -> bool:
    """Whether the section's heading named the operation the paragraph is in."""
    return bool(current is not None and current.from_heading and current.name)


def _enumerated(sentences: list[Sentence]) -> tuple[Sentence, dict[int, Mention]] | None:
    """The sentence that lists actors each with its own country ("Forest Blizzard from Russia,
    Emerald Sleet from North Korea, ..."), with those countries; None when there is none."""
    for s in sentences:
        origins = own_origins(s)
        listed = {  # "X from Russia": not "Russia's X", which may name one case's actor
            i: c for i, c in origins.items() if c.index > i and s.words[c.index - 1 :][:1] != ["s"]
        }
        if len({o.entry.id for o in listed.values()}) > 1:  # two countries or more
            return s, listed
    return None


def _start_runs(
    groups: list[Group],
    shared: list[Sentence],
    parts: Sequence[tuple[str | None, list[Sentence]]],
    heading: Sentence | None,
) -> Group:
    """A group for each part of a paragraph (its name, if it has one, and its sentences, after
    the sentences all of them share); the last of them."""
    current = None
    for name, part in parts:
        current = Group(name, heading=heading)
        groups.append(current)
        current.sentences.extend([*shared, *part])
        for sentence in part:
            _add_actors(current, sentence)
    assert current is not None  # there is a part at least
    return current


# Where a sentence's clauses part: "...; Uncle Spam ...", "..., while VAGue Focus ...", "..., and
# a developer behind ScopeCreep ..."
_CLAUSE_SPLIT = re.compile(r"; |,? while (?=[A-Z])|, and (?=(?:an?|the|in|from) |[A-Z])")


def _clause_runs(
    sentences: list[Sentence],
) -> tuple[list[Sentence], list[tuple[str, list[Sentence]]]] | None:
    """A paragraph that names two operations or more, each opening a clause with its verb, cut
    into each one's clauses (and the clauses before the first, which all of them share). None
    when fewer than two are named so."""
    texts: list[str] = []
    for s in sentences:
        split = "; " in s.text or "while " in s.text or ", and " in s.text
        texts.extend(_CLAUSE_SPLIT.split(s.text) if split else [s.text])
    if len(texts) < 2:
        return None
    names = [clause_name(t) for t in texts]
    if len({n for n in names if n}) < 2:
        return None
    pieces = [read_sentence(t) for t in texts]
    first = next(i for i, n in enumerate(names) if n)
    parts: list[tuple[str, list[Sentence]]] = []
    for name, piece in zip(names[first:], pieces[first:], strict=True):
        if name:
            parts.append((name, [piece]))
        else:
            parts[-1][1].append(piece)
    return pieces[:first], parts


def _runs(sentences: list[Sentence]) -> list[list[Sentence]] | None:
    """A paragraph's sentences cut where a sentence opens with an actor, when two or more
    actors open sentences: each actor with what follows it. None when fewer do."""
    starts = []
    for i, s in enumerate(sentences):
        named = {m.entry.id: m.index for m in s.mentions if m.entry.kind == "Actor"}
        if len(named) == 1 and 0 in named.values():  # "X and Y are both Chinese" opens none
            starts.append((i, next(iter(named))))
    firsts = [i for i, _ in starts]
    if len({aid for _, aid in starts}) < 2 or len(firsts) < 2:
        return None
    return [sentences[a:b] for a, b in zip(firsts, [*firsts[1:], len(sentences)], strict=True)]


# A note that gives the case above another name: "Also tracked as UTA0388.", "a.k.a. APT5"
_ALIAS_NOTE = re.compile(r"^(?:[Aa]lso )?(?:tracked|known|reported) as\b|^a\.?k\.?a\.?\s", re.I)


_OPENERS = frozenset("*_#[(\"'\u201c-")


# A post's or a headline's kicker before what it says: "New:", "Breaking \u2014", "Update:"
_KICKER = re.compile(
    r"^(?:New|Update|Updated|Breaking|Thread|Just in|Exclusive)\s*[:\u2014\u2013]\s+"
)


_KICKER_FIRST = frozenset("NUBTJE")


_LEAD_SYMBOLS = re.compile(r"^[^\w\s*_#\[(\"'\u201c-]+\s*")  # emoji and dingbats before a paragraph


# "Russia: Bad Grammar": a country before the name, where the operation is from
_COUNTRY_FIRST = re.compile(
    r"^(?:[A-Z][a-z]+|North Korea|South Korea|United States|United Kingdom|Saudi Arabia):\s+"
)


_QA = re.compile(r"(?m)^(?:Q|A|Question|Answer):\s*")


# The words a question asks with before what it asks about: "What is", "And", "Who ran".
_QUESTION_LEAD = re.compile(
    r"^(?:(?:and|so|but|what|who|which|how|where|why|when)\b\s*)+"
    r"(?:(?:is|are|was|were|about|did|does|do|ran|runs|run|behind|the)\b\s*)*",
    re.I,
)


_ASKED = re.compile(r"^(?:And|But|So|What about|How about)\s+(?:the\s+)?", re.I)


_BOILERPLATE_FIRST = frozenset("AMP")  # the letters _BOILERPLATE can start with


# What a press release ends with: about the company, whom to call.
_BOILERPLATE = re.compile(r"(?:About [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}\s*\n|"
                          r"(?:Media|Press) (?:contacts?|inquiries)\b)")  # fmt: skip


def _headline(heading: str, name: str) -> bool:
    """Whether a heading is a headline that quotes the operation's name inside a sentence
    ("OpenAI bans Chinese network 'Sneer Review' that attacked a Pakistani activist"): all it
    says is the operation's, as a sentence of its text is."""
    return len(heading.split()) >= len(name.split()) + 4 and any(
        f"{q}{name}" in heading for q in ("'", '"', "\u2018", "\u201c")
    )


def _described(name: str) -> bool:
    """A heading or bold line in sentence case says what happened ("Spanish-language articles
    placed abroad", "Iran leads"); names are in title case ("Sneer Review", "Phish and
    Scripts")."""
    words = [w for w in name.split() if w.isalpha() and len(w) > 3]
    return any(w[0].islower() for w in words)


# A heading written as prose, not as a name: "The Russian pair", "An Iranian veteran".
_PROSE_HEADING = re.compile(r"^(?:an?|the)\s+[a-z]", re.I)


_HEADING_TARGET_WORDS = words("heading_target_words")


_PROFILE_WORDS = words("profile_words")


def _known_lead(paragraph: str, known: set[str]) -> str | None:
    """The name of an operation the text named before, when a paragraph opens with it: its
    first five words, then four, ... looked up among the names so far."""
    words = paragraph[:120].split(" ", 5)[:5]
    for n in range(len(words), 0, -1):
        lead = " ".join(words[:n]).rstrip(".,;:").removesuffix("'s").removesuffix("\u2019s")
        if lead in known:  # "Zero Zeno's content was aimed at ..."
            return lead
    return None


def _profiled(text: str) -> Group | None:
    """The one actor a profile's title names ("# Actor profile: Kimsuky"), as the group its
    sections (victims, tools, attribution) all speak of; None for any other text."""
    title = TITLE_LINE.search(text[:2000]) if "#" in text[:2000] else None
    if title is None or _PROFILE_WORDS.isdisjoint(re.findall(r"[a-z]+", title.group(1).lower())):
        return None
    said = _who_only(read_sentence(title.group(1)))
    actors = {m.entry.id for m in said.mentions if m.entry.kind == "Actor"}
    if len(actors) != 1:
        return None
    group = Group(None, from_heading=True, heading=said)
    _add_actors(group, said)
    return group


def _one_place_at_most(heading: Sentence) -> list[Mention]:
    """A heading's mentions without its places when it names several: "Iran and a company in
    Israel" heads two cases, and says of neither where it is from."""
    places = {m.entry.id for m in heading.mentions if m.entry.kind in PLACE}
    if len(places) < 2:
        return heading.mentions
    return [m for m in heading.mentions if m.entry.kind not in PLACE]


def _section_who(heading: Sentence) -> Sentence | None:
    """What a heading that names one country says of every group under it ("The Russian pair",
    "China's Spamouflage"): where their actors are from. None when it names no country or
    several, or names it as a target ("Operations against Taiwan")."""
    languages = language_positions(heading)
    places = [m for m in heading.mentions if m.entry.kind in PLACE and m.index not in languages]
    if len({m.entry.id for m in places}) != 1:
        return None
    if not _HEADING_TARGET_WORDS.isdisjoint(heading.words[: places[0].index]):
        return None
    return Sentence(heading.text, places, heading.hedged, heading.negated, heading.words, "who")


def _who_only(s: Sentence) -> Sentence:
    """A heading or a question keeps what it says of who (countries, actors, languages,
    platforms): "Phish and Scripts" names an operation, it says nothing of scripts."""
    s.mentions = [x for x in s.mentions if x.entry.kind in WHO]
    return s


_JOIN_WORDS = words("join_words")


def _distinct_groups(first: Mention, second: Mention) -> bool:
    """Two names of different ATT&CK groups (APT15 and APT5), which no "/" or "or" makes one."""
    if first.entry.id == second.entry.id:
        return False
    actors = actor_index().actors
    one, other = actors.get(first.entry.id), actors.get(second.entry.id)
    return bool(one and other and one.attack_id and other.attack_id)


def _add_actors(group: Group, s: Sentence) -> None:
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
            and re.search(
                rf"{re.escape(previous.text)}\W+(?:or|aka|also known as|also|/)\W+"
                rf"{re.escape(m.text)}|"
                # "other researchers track as UNK_DROPPITCH and UTA0388": two names of one actor
                rf"\b(?:track|tracked|known|refer to it|reported) as\W+"
                rf"{re.escape(previous.text)}\W+and\W+{re.escape(m.text)}",
                s.text,
            )
        )
        if joined and previous is not None and _distinct_groups(previous, m):
            joined = None  # "Vixen Panda / Keyhole Panda": ATT&CK has two groups, not one
        if joined and previous is not None and previous.entry.id in group.actors:
            name, aliases, first = group.actors[previous.entry.id]
            group.actors[previous.entry.id] = (name, [*aliases, m.text], first)
        elif m.entry.id not in group.actors:
            aliases = [m.text] if m.text != m.entry.name else []
            group.actors[m.entry.id] = (m.entry.name, aliases, s)
        previous = m


def clip(text: str) -> str:
    return text if len(text) <= 2000 else text[:1999] + "…"
