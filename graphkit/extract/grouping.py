"""Report text into groups: which sentences belong to which operation or actor.

The layout (:mod:`~graphkit.extract.sections`) gives sections and paragraphs; each paragraph is
read sentence by sentence (:mod:`~graphkit.extract.reading`) and given to the operation or
actor it is about (:mod:`~graphkit.extract.names`): a new group starts where a heading or a
paragraph names a new operation, a new actor or an unnamed one.
"""

from __future__ import annotations

from typing import Final

from graphkit.extract.business_doers import business_doers
from graphkit.extract.case_starts import starts_a_case
from graphkit.extract.cases import (
    NEW_CASE,
    at_new_cases,
    case_subject,
    of_the_two,
    of_them_all,
    overview,
    story_sections,
    without_overviews,
)
from graphkit.extract.counted import count_of, counted_cases
from graphkit.extract.cues import words
from graphkit.extract.groups import (
    PLACE,
    Group,
    add_actors,
    clip,
    named_actor,
    runs,
    speaks_of_this_actor,
    start_runs,
)
from graphkit.extract.heading_named import told_under
from graphkit.extract.heading_who import one_place_at_most, profiled, section_who
from graphkit.extract.headings import (
    ARTICLE,
    PROSE_HEADING,
    STAGE_HEADINGS,
    TASK_HEADINGS,
    headline_quotes,
    names_a_country,
    operation_name,
    unnumbered,
)
from graphkit.extract.labels import a_role
from graphkit.extract.lede import (
    described_before,
    introduced,
    known_lead,
    lede_named,
    named_above,
    named_after,
    named_back,
    named_in_passing,
    names_actor,
    of_the_same_origin,
    one_case,
    recalled,
)
from graphkit.extract.meta import headline_line
from graphkit.extract.name_checks import says_nothing
from graphkit.extract.named_actors import actor_names
from graphkit.extract.named_origins import enumerated
from graphkit.extract.namelike import WrittenLower, looks_like_name
from graphkit.extract.names import paragraph_name
from graphkit.extract.openers import counts_cases, left_behind, opening_subject
from graphkit.extract.overview_first import overview_parts
from graphkit.extract.paragraphs import (
    Paragraph,
    cleaned,
    described,
    read_paragraph,
    who_only,
)
from graphkit.extract.reading import Mention, Sentence, read_sentence
from graphkit.extract.sections import aside, sections
from graphkit.extract.speaker_labels import speakers
from graphkit.extract.subjects import subject_of

__all__ = ["group_text"]


def group_text(text: str, loose: list[Sentence] | None = None) -> list[Group]:
    """The text's groups; sentences of paragraphs that fall in none go to ``loose``."""
    grouper = _Grouper(text, loose)
    for heading, paragraph, item in sections(text):
        for part in at_new_cases(paragraph):
            grouper.read(heading, part, item)
    return story_sections(without_overviews(grouper.groups, loose))


_MEMBERS: Final = words("member_nouns")


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
        self.profiled = profiled(text)  # "# Actor profile: Kimsuky": every section is Kimsuky's
        self.current: Group | None = self.profiled
        if self.profiled is not None:
            self.groups.append(self.profiled)
        self.headline = headline_line(text)  # a plain text's first line: its title
        self.text = text
        self.lowered = WrittenLower(text)  # the words it writes in lower case (no name is one)
        self._speakers: frozenset[str] | None = None
        self.introduced: dict[str, str] = {}  # cases a lede introduced: words → its clause
        self.lede: list[Sentence] | None = None  # a story's first paragraph that no case took
        self.after_lede: list[Sentence] = []  # the paragraphs after it that no case took
        self.groups_before = 0  # the groups there were before the paragraph being read
        self.opened_from = 0  # the groups before the paragraph before it, or the section
        self.rolled: list[Group] = []  # the groups the paragraph before it opened
        self.spread = False  # the paragraph before spoke of all of them
        self.before = ""  # the end of the text read so far: the noun of cases counted there
        self.prior = ""  # the same before the paragraph being read
        self.members = False  # the list being read is one of people ("four members of ...:")

    @property
    def speakers(self) -> frozenset[str]:
        """The labels that open two lines of the text or more: a transcript's speakers
        ("Dana Reyes: ..."), where a case's name labels one paragraph ("Sneer Review: ...")."""
        if self._speakers is None:
            self._speakers = speakers(self.text)
        return self._speakers

    def read(self, heading: str | None, paragraph: str, item: bool) -> None:
        if self.headline is not None:  # the title says what the report is about, of no one
            after = self._after_title(self.headline, heading, paragraph)
            self.headline = None
            if after is None:
                return
            paragraph = after
        if heading is not None and heading[:1] in "AaNnTt" and TASK_HEADINGS.match(heading):
            self.current = self.section_who = None  # "## Actions": the writer's tasks, not findings
            return
        if heading != self.last_heading:
            self.last_heading = heading
            if heading is not None and not paragraph:
                self._heading(heading)
                self.opened_from, self.spread = len(self.groups), False  # a section: no roll
                return
        if aside(paragraph):
            return  # "Read more: ...", "(Photo by ...)": not the story's, nor its end
        text = cleaned(paragraph)
        if text is None:  # "About OpenAI ...", "Media contact: ...": the end
            self.current = None
            return
        self.prior, self.before = self.before, f"{self.before[-400:]} {text}"
        if not item:  # "It named four members of the ring:": the list after it is of people
            self.members = text.endswith(":") and not _MEMBERS.isdisjoint(text.lower().split())
        p = read_paragraph(text, item)
        back = named_back(p.sentences[0]) if p.sentences else None
        if back and heading and (told := told_under(self.groups, self.current, heading, back)):
            self.current = told  # "## Inside Operation X", then 'The lab named the campaign
            # "Operation X"': the case told before the heading is X
        if back and (self.current or self.lede):
            if self.current is None:
                self._lede_case()  # "A scam network wrote ...", then "The company named it "X.""
            rest = self._name_back(p, text)  # "OpenAI called the operation "Peer Review.""
            if rest is None:
                return
            p = read_paragraph(rest, item)
        named = self._name(p)
        if named and (parts := overview_parts(p, named)):  # "Meta removed networks from Peru
            self.before = self.prior  # and Laos. A network from Peru ... it called X.": the
            for part in parts:  # list alone, then the rest
                self.read(heading, part, item)
            return
        self.seen = True
        if named and p.item and self.members and self.loose is not None:
            self.loose.extend(p.sentences)  # "- Marek Dolny (aka "Vex") - Poland" under "four
            return  # members of the ring:": a person, of whom the findings say nothing
        if p.item and self.current is not None and a_role(p.text):
            self.current.sentences.extend(p.sentences)  # "- Creators: Developers who ...": a
            return  # role in the case being read, no actor of its own
        opened = self.groups[self.opened_from :]  # the cases the paragraph before opened
        self.rolled, self.spread = opened if opened or not self.spread else self.rolled, False
        self.groups_before = self.opened_from = len(self.groups)  # a lede: a case before them
        current = self.current
        business_doers(p.sentences, self.lowered)  # "... run by AI labs. Zenbrook logged ..."
        actors = {k: v for s in p.sentences for k, v in actor_names(s, self.found).items()}
        clauses = None if p.fields or named_above(current) else runs(p.sentences, self.found, named)
        if clauses:  # "Sneer Review flooded ..., while VAGue Focus ...; Uncle Spam argued ..."
            self.current = start_runs(self.groups, clauses[0], clauses[1], self.section_who)
            self._after_lede(p.body)
            return
        if named and not actors and p.sentences and speaks_of_this_actor(p.text):
            actors = named_actor(named, p.sentences[0], self.found)  # "X. ... this group"
        listed = (
            None if p.fields or named_above(current) or len(actors) < 2 else enumerated(p.sentences)
        )
        if listed:  # "Forest Blizzard from Russia, Emerald Sleet from North Korea, ...": each
            self._each_listed(*listed)
            return
        counted = (
            [] if p.fields or named_above(current) or not p.body else counted_cases(p.body[0].text)
        )
        if len(counted) > 1:  # "two networks, Tin Vane and Grey Loom, which ...": each a case
            self._each_counted(counted, p)
            return
        self._subject(p, named, actors)
        self._place(p, named, actors)

    def _lede_case(self) -> Group:
        """The case a story's lede told of, unnamed, as the current group."""
        who = next(filter(None, (subject_of(s, []) for s in self.lede or [])), "Unnamed actor")
        self.current = current = Group(None, subject=who, heading=self.section_who)
        self.groups.append(current)
        current.sentences.extend(self.lede or [])
        self.lede = []
        return current

    def _name_back(self, p: Paragraph, text: str) -> str | None:
        """A paragraph that opens by naming the case told before it: the name is that case's
        when it has none; what follows the naming, if anything, is read on its own."""
        current, first = self.current, p.sentences[0]
        if current is None or current.name or not current.sentences:
            return text
        current.name = name = named_back(first)
        if name and names_actor(first) and named_actor(name, first, self.found):
            add_actors(current, first)  # "Operating under the group name X, the attackers"
        if current.subject and current.subject.startswith("Unnamed "):
            current.subject = None  # "Peer Review operators", not "Unnamed accounts"
        current.sentences.append(first)
        rest = text[text.find(first.text) + len(first.text) :].strip()
        return rest or None

    def _after_title(self, title: str, heading: str | None, paragraph: str) -> str | None:
        """The first paragraph without the text's headline; None when nothing is left. The
        headline goes with the loose sentences, for the platform it may name ("AI lab bans
        accounts of ...")."""
        if heading == title and not paragraph:
            self.last_heading = heading
            return None
        first, _, rest = paragraph.partition("\n")
        if heading is not None or first.strip() != title:
            return paragraph
        if self.loose is not None:
            self.loose.append(read_sentence(title))
        self.seen = True
        return rest if rest.strip() else None

    def _heading(self, heading: str) -> None:
        """A heading over no text of its own: a section starts, maybe a group."""
        if self.profiled is not None and not any(
            m.entry.kind == "Actor" for m in read_sentence(heading).mentions
        ):
            self.current = self.profiled  # "## Victimology" in a profile of one actor: still it
            return
        if STAGE_HEADINGS.match(heading):
            return  # "### Reconnaissance": a stage of the section's own actors
        said = who_only(read_sentence(heading))
        self.section_who = section_who(said)
        if names_a_country(said):  # "## North Korea": where the section's actors are from
            said.mentions = [x for x in said.mentions if x.entry.kind != "Language"]
            said.field = "who"
            self.current = Group(None, from_heading=True, heading=said)
            self.groups.append(self.current)
            return
        name = operation_name(heading)
        if name and not looks_like_name(name, self.lowered):
            name = None  # "## The AI", "## Level": no name, whatever the heading's shape
        self.current = current = Group(name, from_heading=True) if name else None
        if current is None:
            return
        # "Cyber: Iranian actors": who, not what ("Phish and Scripts")
        if self.section_who is None:  # "Iran and a company in Israel": whose is whose?
            said.mentions = one_place_at_most(said)
        current.heading = said
        add_actors(current, said)  # "Vixen Panda and Keyhole Panda": the actors
        if self.section_who:  # "The Russian pair": who, even without an actor noun
            said.mentions = [
                m for m in said.mentions if m.entry.kind not in PLACE
            ] + self.section_who.mentions
            said.field = "who"
        current.provisional = bool(PROSE_HEADING.match(heading)) or (
            # "4. Commercial actors sell influence too", not "Case 3: Kits for sale"
            name == unnumbered(heading) and described(name)
        )
        current.described = current.provisional
        self.groups.append(current)
        if name and headline_quotes(heading, name):  # "Russian 'Helgoland Bite' ... pushed
            current.sentences.append(read_sentence(heading))  # AfD content"

    def _name(self, p: Paragraph) -> str | None:
        """The operation or actor a paragraph names, if it names one."""
        current = self.current
        named = p.bold or paragraph_name(
            p.body,
            labels=self.seen and not p.fields,
            # a heading that named the operation ("## GLASSHOOK"), not one that described it
            opening=not (named_above(current) and current is not None and not current.provisional)
            and (self.seen or p.text.split("\n", 1)[0].rstrip().endswith((".", "!", "?"))),
        )  # the first paragraph's first line, no sentence, is the title: "Show, episode 112"
        # "- Also tracked as UTA0388.": another name of the case above, no case of its own
        if named and p.alias_note and current is not None:
            named = None
        if named and not looks_like_name(named, self.lowered):
            named = None  # "Level: high", "YouTube operators.": a label, a platform
        if named and named in self.speakers:
            named = None  # "Dana Reyes: Thanks for having me.": who speaks in a transcript
        if not named and p.inner and not described(p.inner) and says_nothing(p.inner):
            named = p.inner  # "The one that stood out is **Sneer Review**, which ..."
        if not named and p.text[:1].isupper() and self.groups:  # "Spamouflage went after ..."
            fresh = [g.name for g in self.groups[self.known_upto :] if g.name]
            if current is not None and current.name:
                fresh.append(current.name)
            self.known.update(fresh)
            self.known_first.update(n.split(" ", 1)[0] for n in fresh)
            self.known_upto = len(self.groups)  # the groups whose names are in ``known``
            if p.text.split(" ", 1)[0].removesuffix("'s") in self.known_first:
                named = known_lead(p.text, self.known)
        return named

    def _each_listed(self, s: Sentence, origins: dict[int, Mention]) -> None:
        """A group for each actor a sentence lists, with its own country."""
        others = [x for x in s.mentions if x.entry.kind not in ("Actor", "Country", "Demonym")]
        for a in (x for x in s.mentions if x.entry.kind == "Actor"):
            own = [a, origins[a.index]] if a.index in origins else [a]
            copy = Sentence(s.text, [*own, *others], s.hedged, s.negated, s.words)
            self.current = Group(None, heading=self.section_who)
            self.groups.append(self.current)
            self.current.sentences.append(copy)
            add_actors(self.current, copy)
            if a.index in origins:  # the copy alone may not say it: "..., with one traced to A"
                fact = {"id": origins[a.index].entry.id, "evidence": clip(s.text),
                        "confidence": 55 if s.hedged else 70}  # fmt: skip
                self.current.origins.setdefault(a.entry.id, fact)

    def _each_counted(self, names: list[str], p: Paragraph) -> None:
        """A group for each case a sentence counts and names, with all the paragraph says: what
        it says of them it says of each."""
        for name in names:
            self.current = Group(name, heading=self.section_who)
            self.groups.append(self.current)
            self.current.sentences.extend(p.sentences)
            for sentence in p.sentences:
                add_actors(self.current, sentence)
        self._after_lede(p.body)

    def _subject(self, p: Paragraph, named: str | None, actors: dict[str, str]) -> None:
        """An unnamed actor the paragraph is about ("A Chinese threat actor ..."), which starts
        a group of its own; or what the section's heading says of who."""
        current, body = self.current, p.body
        subject = None
        turns = bool(not (named or actors) and body and NEW_CASE.match(body[0].text))
        if turns and current is not None and current.from_heading and current.name is None:
            subject = case_subject(body)  # "## North Korea", then "The first is ...": a case
        elif not (named or actors) and body and not (current and current.from_heading):
            subject = opening_subject(p, current, turns, self.prior)
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
        if p.fields and not (named or actors or subject or named_above(current)):
            who = next((v for role, v in p.fields if role == "who"), None)  # "Country: ..."
            subject = f"Actors from {who}" if who and len(who) <= 40 else None
        if subject and turns and any(g.subject == subject for g in self.groups):
            same = sum(1 for g in self.groups if (g.subject or "").startswith(subject))
            subject = f"{subject} {same + 1}"  # "Unnamed operation 2": another one, not it
        back = -1
        if subject and not turns:  # each group's opening, only then: most paragraphs have none
            back = described_before(subject, body[0], self.groups, current)
            if back < 0:  # "The North Korean hackers also ..." after "TA444 ...": the one
                back = of_the_same_origin(subject, body[0], self.groups)  # named actor of there
        if back >= 0:  # "The Russian-speaking crew also ..." after "a Russian-speaking crew it
            self.current = self.groups[back]  # calls Cold Forge": that case again
        elif subject:
            kept = left_behind(p, current)  # "The lab did not stop at Peru." stays Peru's
            if kept is not None and current is not None:
                current.sentences.append(kept)
                p.sentences = [x for x in p.sentences if x is not kept]
                p.body = [x for x in p.body if x is not kept]
            self.current = Group(None, subject=subject, heading=self.section_who)
            # "accounts linked to Russian, North Korean and Chinese hackers": an overview, when
            # the text goes on to cases of their own (after no case: overviews at most)
            said = next((x for x in body if subject.lower() in x.text.lower()), body[0])
            self.current.overview = all(g.overview for g in self.groups) and overview(subject, said)
            self.current.counts = count_of(body[0].text, subject) if not self.groups else 0
            self.groups.append(self.current)
            self._after_lede(body)

    def _after_lede(self, body: list[Sentence]) -> None:
        """A story's lede about one case joins the first group when the paragraph opens on
        that case by a definite actor noun ("The actor, tracked as X, ..."); else, when it
        says who it is about ("a data-extortion operation in which one criminal ..."), it is
        a case of its own before that group: the paragraph turned to another."""
        if self.lede and len(self.groups) == 1 and body and named_after(body[0]):
            self.groups[0].sentences.extend(self.lede)
        elif self.lede and self.groups_before == 0 and self.groups:
            who = next(filter(None, (subject_of(s, []) for s in self.lede)), None)
            if who is not None:  # with what the paragraphs after it said of that case
                case = Group(None, subject=who, heading=self.section_who)
                case.sentences.extend([*self.lede, *self.after_lede])
                self.groups.insert(0, case)
        self.lede = []

    def _place(self, p: Paragraph, named: str | None, actors: dict[str, str]) -> None:
        """The paragraph's sentences into the current group, or into a new one where the
        paragraph starts one."""
        current, sentences = self.current, p.sentences
        if (
            named
            and current is not None
            and current.provisional
            and all(counts_cases(s) for s in current.sentences)
        ):  # "The Russian pair": Bad Grammar, also after "Two networks came from Russia."
            current.name, current.provisional = named, False
        if (
            named
            and current is not None
            and not current.name
            and p.body
            and named_in_passing(p.body[0], current.subject)
        ):
            current.name = named  # "The network, which the company called "Quiet Harbor," ..."
        starts_new = starts_a_case(current, p, named, actors)
        recall = None
        if starts_new and named and current is not None and lede_named(self.groups, p.body):
            current.name, starts_new = named, False  # the lede's one case, named at last
        if starts_new and (named or actors):
            self.current = current = Group(named, heading=self.section_who)
            self.groups.append(current)
            recall = recalled(p.body[0], self.introduced) if p.body else None
            self._after_lede(p.body)
        for sentence in sentences:  # a lede's cases, for the paragraphs that detail them
            self.introduced.update(introduced(sentence))
        if current is None and self.lede and p.body and named_after(p.body[0]):
            # "Fraudsters ... used ...", then "The group, which ...": the lede's case, unnamed
            current = self._lede_case()
        if current is None:
            if self.loose is not None:
                self.loose.extend(sentences)  # an introduction: which platform the report is about
            if self.lede is None:
                self.lede = sentences if one_case(sentences) else []
            elif self.lede:
                self.after_lede.extend(sentences)
            return
        if named and not current.name:
            current.name = named
        rolled = self.rolled
        if not named and len(rolled) > 1 and current is rolled[-1] and of_them_all(sentences):
            for case in rolled[:-1]:  # "Five actors: A from Peru; B ...", then "The actors ..."
                case.sentences.extend(sentences)
            self.spread = True  # and the paragraph after it may go on of them all
        elif (
            not named
            and len(self.groups) > 1
            and len(current.actors) < 2  # "Vixen Panda and Keyhole Panda ... Both groups": these
            and of_the_two(sentences)
        ):
            self.groups[-2].sentences.extend(sentences)  # "In both cases, ...": the two last
        current.sentences.extend(sentences)
        for sentence in sentences:
            add_actors(current, sentence)
        if recall is not None:  # "The job scam, dubbed ...": what the lede said of it
            current.sentences.append(recall)
