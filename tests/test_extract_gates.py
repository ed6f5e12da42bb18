"""A pattern is tried only where a cheap test lets it: each test says yes wherever the pattern
matches (the grouping stage's gates: two names joined as one actor's, a transcript's speakers,
an unnamed actor's opening, businesses that misuse a model, names set apart, a CSV header); a
pattern written to backtrack less finds what the plain one finds (a list item)."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.extract import grouping, groups, sections, set_apart, subjects, tables
from graphkit.extract.cues import noun_forms
from graphkit.extract.gazetteer import TOKEN
from graphkit.vocab import countries


def _joined_plain(text: str, first: str, second: str) -> bool:
    """add_actors' pattern for two names, as it is built for them."""
    return bool(
        re.search(
            rf"{re.escape(first)}\W+(?:or|aka|also|/|(?:also |which \w+ )?"
            rf"(?:known|tracked|tracks|called) as)\W+{re.escape(second)}|"
            rf"\b(?:track|tracked|known|refer to it|reported) as\W+"
            rf"{re.escape(first)}\W+and\W+{re.escape(second)}",
            text,
        )
    )


_NAMES = ["Tin Vane", "Tin", "Vane", "Grey Loom", '"Red Ledger"', "APT5"]
_JOIN_PIECES = [*_NAMES, " ", ", ", " or ", " aka ", " also ", "/", " known as ", " tracked as ",
                " tracks as ", " called as ", "which lab ", " and ", " (", ")", " refer to it as ",
                " reported as ", "track as ", "x", "."]  # fmt: skip


@settings(max_examples=1000)
@given(
    st.lists(st.sampled_from(_JOIN_PIECES), max_size=12).map("".join),
    st.sampled_from(_NAMES),
    st.sampled_from(_NAMES),
)
def test_two_names_are_joined_only_where_the_gate_lets_the_pattern_try(
    text: str, first: str, second: str
) -> None:
    assert groups._may_join(text, first, second) or not _joined_plain(text, first, second)


def test_a_name_after_another_name_of_it_may_join_and_one_after_a_verb_may_not() -> None:
    assert groups._may_join("Tin Vane, also known as Grey Loom, wrote", "Tin Vane", "Grey Loom")
    assert groups._may_join("tracked as Tin Vane and Grey Loom", "Tin Vane", "Grey Loom")
    assert not groups._may_join("Tin Vane hit Grey Loom or others", "Tin Vane", "Grey Loom")


_LINE_LABEL_PLAIN = re.compile(r"^([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}):\s", re.M)
_LINE_PIECES = ["Dana Reyes", "Sam", "A.B", ":", ": ", ":\n", "\n", " ", "x", "Tin Vane: hi",
                "\t", "O'Neil", "\u2019", "-"]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=14).map("".join))
def test_a_transcripts_speakers_are_those_the_pattern_over_each_line_finds(text: str) -> None:
    said = Counter(m.group(1) for m in _LINE_LABEL_PLAIN.finditer(text))
    expected = frozenset(label for label, n in said.items() if n > 1)
    assert grouping._Grouper(text, None).speakers == expected


_SUBJECT_PIECES = [
    *(f.replace("\\", "") for f in noun_forms("subject")[::3]),
    *sorted(countries().peoples())[::7],
    *sorted(countries().collectives())[::5],
    *("start-up", "startup", "start up", "Crew", "HACKERS", "\u017f", "K", "\u212a", "\u00e9"),
    *(" ", ", ", "the ", "The ", "A ", "Two ", "Meanwhile, ", "After the ban, ", " used",
      " wrote", " linked to ", "Russia", "x", "-", "s", "'"),
]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_SUBJECT_PIECES), max_size=10).map("".join))
def test_an_unnamed_actor_opens_a_clause_where_the_pattern_says(text: str) -> None:
    for clause in (text, text.capitalize(), f"A {text}", f"The {text} used it"):
        m, n = subjects.opening_phrase(clause), subjects._SUBJECT.match(clause)
        assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups()))


def test_a_clause_with_no_actor_noun_is_turned_away_and_one_with_a_noun_is_read() -> None:
    words = subjects._WHO_FIRST
    assert words is not None and {b"hackers", b"north", b"chinese"} <= words  # bytes: as split
    firsts = subjects._first_words(["start-?up", "north\\ koreans"])
    assert firsts == {b"start", b"startup", b"north"}
    assert subjects._first_words(["crew", "-based"]) is None
    assert subjects.opening_phrase("Russian hackers wrote code.") is not None
    assert subjects.opening_phrase("The lab wrote a report.") is None


_MISUSE_PIECES = ["Three ", "Chinese ", "AI ", "labs", "LABS", "firms", "companies", "start-ups",
                  "laboratories", " distilled", " ran", " used", " the model", ", ", "also ",
                  "lab", "firm", "\u017f", "x", "s", " "]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_MISUSE_PIECES), max_size=10).map("".join))
def test_businesses_misuse_a_model_only_where_the_gate_lets_the_pattern_try(text: str) -> None:
    assert subjects._may_misuse(text) or not subjects._MISUSING.match(text)


def test_a_noun_the_pattern_folds_to_in_any_case_is_let_through() -> None:
    text = "Three AI lab\u017f ran distillation attacks"  # a long s: "s" under (?i), not lower()
    assert subjects._MISUSING.match(text) and subjects._may_misuse(text)
    assert not subjects._may_misuse("Three AI teams ran distillation attacks")


_SET_PIECES = ["One of the groups", "the group", "a Peruvian group", "Its sister group",
               "Tin Vane", "Grey Loom", "STOIC", "the Peru-affiliated ", "the China-linked ",
               "Peru-backed", " group", " crew", " hackers", "gang", ", ", ",", " ", "wrote",
               " used", "-", "x"]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_SET_PIECES), max_size=10).map("".join))
def test_names_set_apart_are_looked_for_only_where_their_words_stand(text: str) -> None:
    if set_apart._NOUN_SET_NAME.search(text):
        assert set_apart._SET_APART_CAPITAL.search(text)
    if set_apart._TITLED_THEN_NOUN.search(text):
        assert any(f" {noun}" in text for noun in set_apart._NOUNS_AFTER)
    if set_apart._TIED_THEN_NAME.search(text):
        assert any(f"-{tie} " in text for tie in set_apart._TIED_PARTICIPLES)


def test_names_set_apart_by_each_pattern_pass_their_gates() -> None:
    for text in ("One of the groups, Tin Vane, wrote", "the Tin Vane group wrote",
                 "the Peru-affiliated Tin Vane, which wrote"):  # fmt: skip
        found = set_apart.set_apart_names(text, [w.lower() for w in TOKEN.findall(text)])
        assert found and all(n == "Tin Vane" for _, n in found), text


@settings(max_examples=1000)
@given(st.text(alphabet="ab Z_,.9\u00e9-'", max_size=30))
def test_a_csv_header_holds_no_character_the_gate_turns_it_away_for(line: str) -> None:
    assert not tables._CSV_HEADER.match(line) or not tables._NOT_CSV.search(line)


def test_a_csv_header_is_read_and_a_line_of_prose_is_not() -> None:
    assert tables._csv_rows("operation,origin,languages\nBad Grammar,Russia,Russian")
    assert tables._csv_rows("The crew, the lab said, wrote code.\nmore") is None


_ITEM_PLAIN = re.compile(rf"^([ \t]{{0,6}}){sections._MARKER}[ \t]+(.+?)[ \t]*$", re.M)
_ITEM_PIECES = ["- ", "* ", "1. ", "12) ", " ", "\t", "\n", "\r", "x", "Tin Vane", "-", ".",
                "\u2022", "\u00a0"]  # fmt: skip


def _found(matches: list[re.Match[str] | None]) -> list[object]:
    return [m and (m.span(), m.groups()) for m in matches]


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_ITEM_PIECES), max_size=12).map("".join))
def test_a_list_items_text_is_what_the_lazy_pattern_finds(text: str) -> None:
    assert _found([sections._ITEM.match(text)]) == _found([_ITEM_PLAIN.match(text)])
    assert _found(list(sections._ITEM.finditer(text))) == _found(list(_ITEM_PLAIN.finditer(text)))


_ACTOR_PIECES = ["A ", "An ", "The ", "the ", "This ", "new ", "crew", "group", "actor", ", ",
                 ". ", "! ", "called ", "named ", "known as ", "Jade Heron", "cluster", "s",
                 " "]  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_ACTOR_PIECES), max_size=8).map("".join))
def test_a_paragraph_speaks_of_its_actor_where_the_whole_pattern_says(text: str) -> None:
    assert groups.speaks_of_this_actor(text) == (groups.THIS_ACTOR.search(text) is not None)


def test_an_actor_set_apart_at_the_paragraphs_start_or_after_a_stop_is_spoken_of() -> None:
    for text in ("A new crew, based in Peru, sent lures.", "It ended. The crew, a gang, left."):
        assert groups.THIS_ACTOR.search(text) and groups.speaks_of_this_actor(text), text
