"""Whose words a sentence carries: a voice from outside the report ("said one analyst"), a
source a news text quotes ("a Kenyan official said"), the reporter's own clause ("A
spokesperson in London said ..."), or those who answer a threat ("The United States has
sanctioned ..."). A place or a sector in those words is no target and no origin."""

from __future__ import annotations

from typing import Final

from graphkit.extract.cues import nouns, word_list, words
from graphkit.extract.gazetteer import TOKEN
from graphkit.extract.namelike import POST_WORDS, opens_with_person
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.reporter import names_a_reporter, reported_removed, reporters_own
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.extract.subject_text import past_run_in
from graphkit.extract.unhit import HEADS

__all__ = [
    "a_source",
    "a_speakers_workplace",
    "answered",
    "in_the_reporters_words",
    "said_of_someone_else",
]

_RELATIVE: Final = words("relative_words")
_PREPOSITIONS: Final = words("prepositions")
_PHRASE_ENDS: Final = words("phrase_ends")
_TARGET_VERBS_STRICT: Final = words("target_verbs_strict")

_OUTSIDE_VOICES: Final = words("outside_voices")
_OUTSIDE_BIT: Final = cue_bit(_OUTSIDE_VOICES)
_POST_BIT: Final = cue_bit(POST_WORDS)


_VOICING: Final = words("voicing")


_ACTOR_WORDS: Final = nouns("subject") | nouns("actor_word") | words("them")


def said_of_someone_else(s: Sentence, names: list[str]) -> bool:
    """A sentence about someone other than the actors that names none of them (no known actor,
    none of ``names``, no actor noun or pronoun: "Analysts said the group hit banks" names one):
    a voice from outside the report (:func:`_outside_voice`) or the reporter's own doings ("The
    lab has faced lawsuits from news organisations in the United States")."""
    if any(x.entry.kind == "Actor" for x in s.mentions) or any(n and n in s.text for n in names):
        return False
    # (the voice's own noun names no actor: "said a former official")
    if _outside_voice(s) and not _names_actors([w for w in s.words if w not in _OUTSIDE_VOICES]):
        return True
    # what the reporter's own people say of it: "OpenAI's head of threat intelligence said the
    # company works with ..." ("threat" there is no actor's)
    return reporters_own(s.text) and not _names_actors(
        TOKEN.findall(reported_removed(s.text).lower())
    )


_LIKE_THEM: Final = frozenset({"similar", "other", "such", "comparable"})


def _names_actors(said: list[str]) -> bool:
    """Whether words name actors by a noun or pronoun, not others like them ("had reported
    similar scams")."""
    return any(
        w in _ACTOR_WORDS and (i == 0 or said[i - 1] not in _LIKE_THEM) for i, w in enumerate(said)
    )


def _outside_voice(s: Sentence) -> bool:
    """Whether someone outside the report is the one saying: "Hospitals are an easy mark, said
    one analyst", "Experts warned that the healthcare sector could be next"; a person by a
    pronoun ("She added that hospitals ..."): the reporter is no "he" or "she"."""
    said = s.words
    if said[:1] in (["he"], ["she"]) and said[1:2] != [] and said[1] in _VOICING:
        return True
    if held(said, _POST_BIT) and opens_with_person(s.text):
        return True  # "Dana Reyes, a spokeswoman for the embassy, stated that ..."
    if not held(said, _OUTSIDE_BIT):
        return False  # most sentences
    # not "scholars who study the peninsula": whom, not who says
    return any(w in _OUTSIDE_VOICES and _speaks(said, i) for i, w in enumerate(said))


def _speaks(said: list[str], i: int) -> bool:
    """Whether the outside voice at ``i`` is the one saying: "experts warned", "said one
    analyst", "said Dana Whitfield, an analyst" (a name of two words between)."""
    return (said[i + 1 : i + 2] != [] and said[i + 1] in _VOICING) or not _VOICING.isdisjoint(
        said[max(0, i - 5) : i]
    )


_SPEAKERS: Final = words("speakers")
_TELLING: Final = words("telling")


def a_source(m: Mention) -> bool:
    """A people's name on whom a news text quotes as its source: "Two Thai men also told
    reporters that ...", "a Kenyan official said" (not "Thai officials were targeted"), or in
    the words that describe who holds a view: "the American internet giant reckons ..."."""
    if m.entry.kind != "Demonym" or not m.after:
        return False
    if m.after[0] not in _SPEAKERS:
        return _described_speaker(m)
    verb = [w for w in m.words[m.index + m.width + 1 : m.index + m.width + 4] if w != "also"]
    return bool(verb) and verb[0] in _TELLING


_HOLDING: Final = _VOICING | _TELLING | words("reckoning")
_DETERMINERS: Final = frozenset({"the", "a", "an", "this", "that"})


def _described_speaker(m: Mention) -> bool:
    """Whether a people's name opens the phrase of who says or holds a view, after a
    determiner, one to three nouns and the verb: "the American internet goliath reckons", "a
    Kenyan security firm said"; not "Kenyan hackers said" (actors) nor "banks in Kenya said"."""
    if not m.before or m.before[-1] not in _DETERMINERS:
        return False
    after = m.after[:4]
    for j, word in enumerate(after):
        if word in _HOLDING:
            return j > 0
        if word in _ACTOR_WORDS or word in _NOT_OF_A_PHRASE or not word.isalpha():
            return False
    return False


_NOT_OF_A_PHRASE: Final = _RELATIVE | _PREPOSITIONS | frozenset({"and", "or", "but", "s"})


_ANSWERING: Final = words("answering")


def answered(m: Mention) -> bool:
    """A sector or a country that is the subject of a verb of answering a threat, or of worry,
    alone or in a list: "as governments and banks step up warnings", "The United States has
    sanctioned ...", "banks are increasingly worried", "the government raised concerns";
    not after a preposition or a verb ("emails to banks warned of fees" reached the banks)."""
    if not held(m.words, _ANSWERING_BITS):
        return False  # most sentences
    before = [w for w in m.before if w not in ("a", "an", "the", "many", "some", "several")]
    if before[-1:] and (before[-1] in _PREPOSITIONS or before[-1] in _TARGET_VERBS_STRICT):
        return False
    after = m.words[m.index + m.width : m.index + m.width + 7]
    at = 1 if after[:1] and after[0] in HEADS else 0  # "the energy sector warned"
    if after[at : at + 1] and after[at] in ("and", "or"):
        at += 2  # "governments and banks step up": the list's last member
        at += 1 if after[at : at + 1] and after[at] in HEADS else 0
    while after[at : at + 1] and after[at] in _AUXILIARIES:
        at += 1  # "has sanctioned", "also warned", "are increasingly worried"
    if after[at : at + 1] and after[at] in _CONCERN:
        return True  # "banks are worried", "the government fears"
    if after[at + 1 : at + 2] and after[at + 1] in _CONCERN and after[at] not in _PHRASE_ENDS:
        return True  # "the government raised concerns", "banks voiced alarm"
    if after[at : at + 1] and after[at] in _STEP:  # "step up warnings", not "stepped up spying"
        return not _GUARDS.isdisjoint(after[at + 1 : at + 5])
    return after[at : at + 1] != [] and after[at] in _ANSWERING


_STEP: Final = frozenset({"step", "stepped", "steps"})
_GUARDS: Final = words("guards")


_AUXILIARIES: Final = words("auxiliaries")
_CONCERN: Final = words("concern")
_ANSWERING_BITS: Final = cue_bit(_ANSWERING | _CONCERN)  # either set


def in_the_reporters_words(m: Mention, s: Sentence) -> bool:
    """A mention in the clause that says who reports, before what it reports: "A spokesperson
    in London said ...": where the reporter is, no target."""
    if not _REACH or _REACH[0][0] is not s or _REACH[0][1] is not s.mentions:
        _REACH[:] = [(s, s.mentions, _reporters_reach(s))]  # once a sentence, not a mention
    return m.index < _REACH[0][2] or (held(m.words, _FORBIDDING_BIT) and _forbidden(m))


_FORBIDDING: Final = words("forbidding")
_FORBIDDING_BIT: Final = cue_bit(_FORBIDDING)


def _forbidden(m: Mention) -> bool:
    """A mention in what a policy forbids, a word of forbidding before it in its clause: "The
    company forbids using its models to track individuals", "Its rules prohibit targeting
    hospitals" (the reporter's rule, no target)."""
    lead = m.words[max(0, m.index - 8) : m.index]
    at = max((i for i, w in enumerate(lead) if w in _FORBIDDING), default=-1)
    return at >= 0 and _CLAUSE_ENDS.isdisjoint(lead[at + 1 :])


_CLAUSE_ENDS: Final = frozenset({"but", "while", "whereas", "although", "though", "which", "who"})


# The sentence last asked about (with its mentions) and how far its reporter's clause reaches:
# the mentions of one sentence ask one after the other
_REACH: Final[list[tuple[Sentence, list[Mention], int]]] = []


def _reporters_reach(s: Sentence) -> int:
    """How many words the clause that says who reports takes ("A spokesperson in London said"
    before what it reports); 0 where no such clause opens the sentence."""
    rest = reported_removed(past_run_in(s.text) if ": " in s.text[:50] else s.text)
    if rest == s.text:
        return 0  # most sentences
    prefix = s.text[: len(s.text) - len(rest)]  # "Zoom in: Researchers at Chile-based X found"
    said_by = TOKEN.findall(prefix.lower())
    if not (names_a_reporter(prefix) or not _OUTSIDE_VOICES.isdisjoint(said_by)):
        return 0  # "Helgoland Bite, run from Russia, wrote ...": an actor, no reporter
    # "Google's threat intelligence group said" names a reporter; "a group the lab tracks" not
    return (
        0
        if any(x.entry.kind == "Actor" and x.index < len(said_by) for x in s.mentions)
        else len(said_by)
    )


_POSTS: Final = frozenset(w.lower() for w in word_list("person_roles") if " " not in w)
_SAYING: Final = _VOICING | _TELLING | words("quoting")
_WORKPLACE: Final = frozenset(("at", "with", "for", "from", "of"))
_TARGETING: Final = _TARGET_VERBS_STRICT | words("asking") | words("aimed")
_POSTS_BIT: Final = cue_bit(_POSTS)


def a_speakers_workplace(m: Mention) -> bool:
    """Where someone a text quotes works ("said Jane Roe, a professor at a state university", "a
    researcher at a hospital in Peru told reporters"): the speaker's employer and its place, no
    target. A post, a preposition of place or service, at most four words of the workplace's
    phrase (one "in" for its place), and a verb of saying in the five words before the post or
    right after the phrase; a targeting word just before the post ("phished a professor at a
    university") makes it whom they went after."""
    if not held(m.words, _POSTS_BIT):
        return False  # no post in the sentence: most sentences
    lead = m.words[max(0, m.index - 7) : m.index]
    at = next((i for i in range(len(lead) - 1, 0, -1) if lead[i] in _WORKPLACE), None)
    if at is None or lead[at - 1] not in _POSTS:
        return False
    phrase = lead[at + 1 :]
    if phrase.count("in") > 1 or not _PHRASE_ENDS.isdisjoint(w for w in phrase if w != "in"):
        return False
    post = m.index - len(lead) + at - 1
    before = m.words[max(0, post - 5) : post]
    if not _TARGETING.isdisjoint(before[-3:]):
        return False  # "phished a senior professor at"
    after = m.words[m.index + m.width : m.index + m.width + 6]
    while after[:1] and after[0] in HEADS:
        after = after[1:]  # "a defense firm said"
    said_after = after[1:4] if after[:1] == ["in"] else after[:2]  # "a hospital in Peru told"
    return not _SAYING.isdisjoint(before) or not _SAYING.isdisjoint(said_after)
