"""The reader's shortcuts give what the plain way gives: a paragraph taken as flat only when
splitting and joining its words would give it back, typeset marks made plain one replace a
mark as the translation table made them, and clauses parted by a pattern whose every way
opens with a character of its own as the pattern with an optional comma first parted them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.extract import drafting, reading, sentence_clauses

# Pieces of paragraphs: words, every character str.split parts ASCII words at, two spaces,
# marks, and characters beyond ASCII (a no-break space parts words, an accent does not)
_PARAGRAPH_PIECES = ["Word", "x", " ", " ", "  ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1c",
                     "\x1d", "\x1e", "\x1f", ".", "A.", "\u00e9", "\u00a0", "\u2028", "\u200b",
                     "\u201c", "\U0001f534"]  # fmt: skip


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_PARAGRAPH_PIECES), max_size=14).map("".join))
def test_a_paragraph_taken_as_flat_is_its_words_joined_by_single_spaces(text: str) -> None:
    flat = reading._flat(text)
    assert not flat or " ".join(text.split()) == text
    if text.isascii() and " ".join(text.split()) == text:
        assert flat  # an ASCII paragraph already flat is always taken as one


# The table the marks were translated by
_TRANSLATED = str.maketrans(
    {"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u00ad": None}
)


@settings(max_examples=2000)
@given(st.text(alphabet="ab -\u2010\u2011\u00a0\u2007\u202f\u00ad\u00e9", max_size=16))
def test_typeset_marks_made_plain_as_the_translation_table_made_them(text: str) -> None:
    assert drafting._plain(text) == text.translate(_TRANSLATED)


# The clause pattern as it was: ", while" and " while" one way, its comma optional
_OPTIONAL_COMMA = re.compile(
    sentence_clauses._CLAUSE_SPLIT.pattern.replace(
        "|, while (?=[A-Z])| while (?=[A-Z])|", "|,? while (?=[A-Z])|", 1
    )
)

_CLAUSE_PIECES = ["The crew", " wrote", ",", ", ", " while ", "while ", "While", " and ",
                  "and the ", "Bolivian crew ", "hackers ", "scanned ", "; ", "; and ", " ",
                  "as well as ", "whereas ", "an ", "effort called ", "Cyber Lotus", "that ",
                  "X", "."]  # fmt: skip


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=14).map("".join))
def test_clauses_part_where_the_pattern_with_an_optional_comma_parted_them(text: str) -> None:
    assert _OPTIONAL_COMMA.pattern != sentence_clauses._CLAUSE_SPLIT.pattern
    assert sentence_clauses._CLAUSE_SPLIT.split(text) == _OPTIONAL_COMMA.split(text)
