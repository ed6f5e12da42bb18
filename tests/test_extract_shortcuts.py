"""The extractor's shortcuts give what the plain way gives: the handling marks taken out line
by line, the lower-case words cut out as bytes, a sentence read again from what was kept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.extract import sections
from graphkit.extract.gazetteer import Entry
from graphkit.extract.namelike import lower_words
from graphkit.extract.reading import Mention, forget_sentences, read_sentence

# Pieces that make handling marks, list markers, lines and words of other kinds.
_PIECES = ["(U) ", "(U//FOUO) ", "(C)\t", "(S)", "(TS) ", "(CUI) ", "1. ", "a) ", "12) ", " ",
           "\t", "\n", "\n\n", "UNCLASSIFIED", "TOP SECRET", "SECRET//NOFORN", " // ",
           "TLP:CLEAR", "TLP : AMBER+STRICT", "CUI", "CONFIDENTIAL", "Text.", "x", "(U/", "(",
           ")", "\u00e9", "//", "A", "word"]  # fmt: skip

_texts = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _unmarked_by_sub(text: str) -> str:
    """What ``unmarked`` did before: each pattern substituted over the whole text."""
    if "CLASSIFIED" in text or "SECRET" in text or "TLP" in text or "CUI" in text:
        text = sections._BANNER.sub("", text)
    if any(mark in text for mark in sections._PORTION_SEEN):
        text = sections._PORTION.sub(r"\1", text)
    return text


@settings(max_examples=400)
@given(_texts)
def test_handling_marks_go_as_the_patterns_over_the_whole_text_take_them(text: str) -> None:
    assert sections.unmarked(text) == _unmarked_by_sub(text)


def test_a_banner_and_portion_marks_on_consecutive_lines_all_go() -> None:
    text = "TLP:CLEAR\nUNCLASSIFIED\n(U) First.\n2. (S) Second (U) stays.\nLast."
    assert sections.unmarked(text) == "First.\n2. Second (U) stays.\nLast."


@settings(max_examples=400)
@given(st.text(alphabet="abZ'- \u00e9\u00c9\u2019.0_\n\u00f1", max_size=24))
def test_lower_case_words_are_what_the_pattern_finds(text: str) -> None:
    assert lower_words(text) == frozenset(re.findall(r"[a-z][a-z'-]+", text))


def test_a_sentence_read_again_is_a_fresh_one() -> None:
    forget_sentences()
    text = "A China-based cluster sent phishing emails to chip makers in Taiwan."
    first = read_sentence(text)
    kinds = [m.entry.kind for m in first.mentions]
    first.mentions.append(Mention(Entry("Actor", "x", "X"), 0, 1, [], "X"))
    first.field = "who"
    again = read_sentence(text)
    assert again is not first and again.field is None
    assert [m.entry.kind for m in again.mentions] == kinds
    assert "Country" in kinds
