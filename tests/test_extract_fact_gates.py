"""The facts stage asks a sentence's words first (the facts stage's gates): each check a place
or a sector goes through says what its plain reading says, on built sentences and on every
labelled text's; and what a sentence's reporter clause reaches is asked once a sentence, again
when its mentions change."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.extract import (
    coordination,
    poses,
    sector_context,
    sentence_cues,
    shipped,
    topics,
    war_context,
)
from graphkit.extract.cues import words
from graphkit.extract.gazetteer import Entry
from graphkit.extract.reading import Mention, Sentence, read_sentence
from graphkit.extract.voices import in_the_reporters_words
from loaders.text import read_text

_SETS = Path(__file__).resolve().parent.parent / "bench" / "extract"

# (gated, plain): each gated check is its plain reading behind a test of the sentence's words
_PAIRS: list[tuple[Callable[[Mention], bool], Callable[[Mention], bool]]] = [
    (topics.said_about, topics._said_about),
    (war_context.invaded, war_context._invaded),
    (sector_context.addressed, sector_context._addressed),
    (shipped.pressed_from, shipped._pressed_from),
    (poses.made_in, poses._made_in),
]

_CUES = sorted(
    topics._OF_TOPICS
    | topics._CONTENT
    | topics._WAR
    | sector_context._ADDRESSING
    | words("war_acts")
    | words("shipped")
    | words("state_pressure")
    | words("product_nouns")
    | words("phrase_ends")
)[::3]
_PIECES = [*_CUES, "China", "Chile", "Peruvian", "South Korea", "banks", "government",
           "hospitals", "media", "the", "a", "of", "s", "to", "on", "with", "against", "and",
           "between", "war", "in", "posts", "said", "on to", "they", "Beyond", ","]  # fmt: skip


def _asked(s: Sentence) -> Iterator[Mention]:
    """The mentions the facts stage asks these checks of: places and sectors."""
    return (m for m in s.mentions if m.entry.kind in ("Country", "Demonym", "Sector"))


def _same(s: Sentence) -> int:
    """Asserts each gated check says what its plain one says of each place or sector; how many
    said yes."""
    said = 0
    for m in _asked(s):
        for gated, plain in _PAIRS:
            assert gated(m) == plain(m), (gated.__name__, m.text, s.text)
            said += plain(m)
        assert shipped.shipped_to(m, s) == shipped._shipped_to(m, s), (m.text, s.text)
        said += shipped._shipped_to(m, s)
    return said


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_PIECES), min_size=2, max_size=14).map(" ".join))
def test_each_gated_check_says_what_its_plain_reading_says(text: str) -> None:
    _same(read_sentence(text[0].upper() + text[1:] + "."))


def test_the_gated_checks_say_what_the_plain_ones_say_of_every_labelled_sentence() -> None:
    said = 0
    for path in sorted(_SETS.glob("*/*")):
        if not path.name.endswith(".yaml"):
            for sentence in re.split(r"(?<=[.!?])\s+", read_text(path)):
                said += _same(read_sentence(sentence))
    assert said > 20  # the plain checks say yes often enough for the test to tell


def test_sentences_built_for_each_check_pass_their_gates() -> None:
    for text in (
        "Posts mourned the arrest of a Peruvian journalist.",
        "Posts about the war between Israel and Iran spread.",
        "Articles critical of the United States spread on the site.",
        "Comments mocked nuclear talks with South Korea.",
        "The crew has been active since the invasion of Ukraine.",
        "Company laptops were rerouted to China.",
        "The lab told a news agency in Chile about it.",
        "Under pressure from the United States, the crew spread lies.",
        "They used two Chinese models and China's DeepSeek.",
    ):
        s = read_sentence(text)
        assert _same(s) > 0, text


def test_the_reporters_clause_is_read_again_when_a_sentences_mentions_change() -> None:
    s = read_sentence("A spokesperson in London said hackers from Iran hit banks.")
    other = read_sentence("Analysts in Paris said the crew hit banks in Chile.")
    place = {m.text: m for m in s.mentions}
    assert in_the_reporters_words(place["London"], s)
    assert not in_the_reporters_words(place["Iran"], s)
    assert all(not in_the_reporters_words(m, other) for m in other.mentions if m.text == "Chile")
    assert in_the_reporters_words(place["London"], s)  # asked again after another sentence
    actor = Mention(Entry("Actor", "spokesperson", "Spokesperson"), 1, 1, s.words, "spokesperson")
    s.mentions = [actor, *s.mentions]  # an actor in the clause: no reporter's words
    assert not in_the_reporters_words(place["London"], s)


_SETS_ASKED = [words("war_acts"), words("shipped"), topics._OF_TOPICS, frozenset({"as"})]
_BITS_ASKED = [sentence_cues.cue_bit(cues) for cues in _SETS_ASKED]
_WORDS = [w for cues in _SETS_ASKED for w in sorted(cues)[::4]] + ["the", "as", "banks", "x"]


@settings(max_examples=500)
@given(st.lists(st.lists(st.sampled_from(_WORDS), max_size=12), min_size=1, max_size=4))
def test_a_sentence_holds_a_set_s_bit_where_it_holds_one_of_its_words(
    sentences: list[list[str]],
) -> None:
    for said in [*sentences, *sentences]:  # each asked again after the others
        for cues, bit in zip(_SETS_ASKED, _BITS_ASKED, strict=True):
            assert sentence_cues.held(said, bit) == (not cues.isdisjoint(said))


_PLACE_NAMES = ["China", "Iran", "the Netherlands", "The Gambia", "Chinese", "US", "\u00c9ire"]
_LIST_PIECES = [*_PLACE_NAMES, ",", " ", "  ", "\n", "and ", "or ", "the ", "-", "/", "x"]


def _place(text: str) -> Mention:
    return Mention(Entry("Country", "x", text), 0, 1, [], text)


_NAME_PAIRS = [(one, other) for one in _PLACE_NAMES for other in _PLACE_NAMES]
_LIST_TEXTS = st.lists(st.sampled_from(_LIST_PIECES), max_size=10).map("".join)


@settings(max_examples=1500)
@given(_LIST_TEXTS, st.sampled_from(_NAME_PAIRS))
def test_two_places_are_listed_where_the_pattern_for_their_names_says(
    text: str, names: tuple[str, str]
) -> None:
    first, second = _place(names[0]), _place(names[1])
    said = coordination._listed_plain(first, second, text)
    assert coordination._listed(first, second, text) == said, (text, names)
