"""The extractor's shortcuts give what the plain way gives: the handling marks taken out line
by line, the lower-case words cut out as bytes, a sentence read again from what was kept,
clauses parted by a pattern that opens with a class (and, for the mapper, off the tokens a
sentence was read into), a pattern tried only on a text that holds a word it needs,
alternations grouped by their first letters, a quoted name looked for in the names a text
quotes, kept."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.extract import (
    cases,
    counted,
    cues,
    extract_findings,
    features,
    gazetteer,
    groups,
    lede,
    masking,
    place_in,
    quoted,
    reading,
    reporter,
    sections,
    set_apart,
    subjects,
)
from graphkit.extract.cues import (
    by_first_letter,
    led_by_letters,
    noun_forms,
    word_led,
    word_list,
)
from graphkit.extract.gazetteer import TOKEN, Entry, fold
from graphkit.extract.namelike import WrittenLower, lower_words
from graphkit.extract.quoted import forget_quotes, inside_a_quoted_name
from graphkit.extract.reading import Mention, forget_sentences, read_sentence
from graphkit.vocab import countries

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


@settings(max_examples=400)
@given(st.text(alphabet="abZ'- \u00e9.\n", max_size=24), st.integers(0, 24), st.integers(0, 5))
def test_a_word_asked_alone_is_written_in_lower_case_as_the_whole_set_says(
    text: str, at: int, width: int
) -> None:
    word = text[at : at + width]  # a piece of the text: where it stands decides
    said = WrittenLower(text)
    assert (word in said) is (word in lower_words(text))
    assert (word in said) is (word in lower_words(text))  # asked again: as it answered


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


# Where clauses parted before the pattern was written to open with a class of characters.
_CLAUSE_PLAIN = re.compile(
    r"[,;:()]\s*|\s+(?:and|or|but|while|whereas|then)\s+|\s[-\u2013\u2014]+\s"
)
_CLAUSE_PIECES = [" ", "  ", "\t", "\n", "\u00a0", ",", ";", ":", "(", ")", "-", "--", "\u2013",
                  "\u2014", "and", "or", "but", "while", "whereas", "then", "an", "the",
                  "x"]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=16).map("".join))
def test_clauses_part_where_the_plain_pattern_parts(text: str) -> None:
    assert features._CLAUSE.split(text) == _CLAUSE_PLAIN.split(text)


# What may stand in a sentence around its clause marks: words the tokens cut apart or keep
# whole ("it's", "1.2.5"), an accent, a curly apostrophe, a model's version.
_TOKEN_PIECES = [*_CLAUSE_PIECES, "And", "s", "'s", "\u2019", ".", "'", "2.5", "_", "/", "\u00e9",
                 "\u0130", "\u00df", "qwen2.5", " and ", ", and ", " - "]  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=20).map("".join))
def test_the_mapper_parts_a_sentence_read_where_the_pattern_parts_its_text(text: str) -> None:
    reading.forget_sentences()
    assert masking._clause_parts(text) == features.clause_parts(text)


# Words that may open a run-on sentence's behaviours, or stand beside one, and what may part
# or join them (a hyphen, an apostrophe, brackets, an accent, a capital that lowers longer).
_RUN_ON_WORDS = ["stepped", "was", "could", "they", "scans", "hosts", "named", "in", "U.S.",
                 "e-mails", "\u00c9d", "\u0130ts"]  # fmt: skip
_RUN_ON_GLUE = [" ", " ", " ", " ", " ", ", ", "-", "'s", "\u2019", ".", "(", "\u00e9"]


@settings(max_examples=3000, deadline=None)  # the first example loads the gazetteer
@given(
    st.lists(
        st.tuples(st.sampled_from(_RUN_ON_WORDS), st.sampled_from(_RUN_ON_GLUE)), max_size=16
    ).map(lambda pairs: "".join(w + glue for w, glue in pairs))
)
def test_a_sentence_whose_words_may_open_no_two_behaviours_has_no_run_on_spans(text: str) -> None:
    reading.forget_sentences()
    if not masking._may_run_on(read_sentence(text).words):
        assert features.verb_spans(text) == []


def test_a_run_on_sentence_may_open_two_behaviours() -> None:
    said = "They rented servers from a host registered domains and phished staff."
    assert masking._may_run_on(read_sentence(said).words) and features.verb_spans(said)


def test_the_mapper_parts_a_sentence_into_the_words_the_pattern_gives_each_part() -> None:
    text = "The crew scanned hosts, asked Qwen2.5 Max twice  then  stole keys (and left)"
    said = reading.read_sentence(text)
    assert "qwen" in said.words  # the sentence's words drop a model's version; its parts keep it
    expected = (
        [["the", "crew", "scanned", "hosts"], ["asked", "qwen2.5", "max", "twice"]],
        [["stole", "keys"]],
    )
    assert masking._clause_parts(said.text) == features.clause_parts(text) == expected


# What an ASCII text's chunks between spaces may hold: words the pattern cuts apart or keeps
# whole, marks before and after them, "_" (a word's letter that is no letter nor digit).
_CHUNK_PIECES = ["x", "yy", "S", "s", "it", "1", "2.5", "'", ".", ",", ";", "(", ")", '"', "-",
                 "/", "_", " ", " ", "  ", "\n", "\t", "'s", "'S", "a.b", ".s", "U.S.", "e-mail",
                 "a_", "_a"]  # fmt: skip


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_CHUNK_PIECES), max_size=20).map("".join))
def test_an_ascii_text_read_chunk_by_chunk_gives_the_tokens_the_pattern_gives(text: str) -> None:
    pieces = reading._TOKENS.split(text)
    assert reading._chunks_split(text) == (pieces[1::2], pieces[::2])


def test_a_sentence_of_clauses_parts_at_commas_joining_words_and_dashes() -> None:
    text = "The crew scanned hosts, then stole keys and moved on \u2014 or so it seemed"
    assert features._CLAUSE.split(text) == _CLAUSE_PLAIN.split(text)
    assert len(features._CLAUSE.split(text)) == 4


# Every word THIS_ACTOR is written with, and pieces to join them: a text the gate turns away
# must be one the pattern does not match.
_ACTOR_PIECES = [
    *sorted(set(re.findall(r"[a-z]+", groups.THIS_ACTOR.pattern))),
    *(" ", ", ", ". ", "A ", "An ", "The ", "This ", "Jade Heron", '"', "\u201c", "known as"),
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_ACTOR_PIECES), max_size=12).map("".join))
def test_the_words_this_actor_needs_stand_in_every_text_it_matches(text: str) -> None:
    found = groups.THIS_ACTOR.search(text) is not None
    assert groups.speaks_of_this_actor(text) == found


def test_a_paragraph_naming_its_actor_by_each_branch_speaks_of_it() -> None:
    for text in (
        "Jade Heron came back. This group sent lures.",
        "Jade Heron came back. A new crew, it said.",
        "It is a hacking cluster known as Jade Heron.",
        "The lab named the cluster Jade Heron.",
        "They are a gang the lab calls Jade Heron.",
        # a branch whose only word the gate knows is its verb
        "A syndicate the lab calls Jade Heron sent lures.",
        "A syndicate tracked as Jade Heron sent lures.",
        "A syndicate dubbed Jade Heron sent lures.",
        "A syndicate nicknamed Jade Heron sent lures.",
        "A syndicate known as Jade Heron sent lures.",
    ):
        assert groups.THIS_ACTOR.search(text), text
        assert groups.speaks_of_this_actor(text), text
    assert not groups.speaks_of_this_actor("Jade Heron sent lures to ministries.")


def test_a_word_inside_a_longer_quoted_name_is_found_again_after_the_names_are_kept() -> None:
    forget_quotes()
    text = 'The crew "Tin" and the cluster "Copper Wick" sent lures; Copper came back.'
    assert inside_a_quoted_name(text, "Copper")
    assert inside_a_quoted_name(text, "Wick")
    assert not inside_a_quoted_name(text, "Tin")  # a quoted name of its own
    assert not inside_a_quoted_name(text, "Cop")  # not a word of the name
    assert not inside_a_quoted_name("Copper came back.", "Copper")


def test_what_a_text_kept_of_its_sentences_is_gone_when_its_draft_is_done() -> None:
    # gone before the cycle collector runs again, and not served to the next text
    text = (
        '# Two crews\n\nA China-based cluster the lab calls "Jade Heron" sent phishing emails.'
        "\n\nJade Heron, a crew tied to China, also scanned hosts in Taiwan."
        "\n\nNorth Korean IT workers used the model to write resumes."
    )
    assert extract_findings(text).campaigns
    assert reading._read.cache_info().currsize == 0
    assert not reading._TOKENISED
    assert quoted._quoted_names.cache_info().currsize == 0
    assert quoted._quoted_in.cache_info().currsize == 0
    assert subjects.opening_phrase.cache_info().currsize == 0


def _words_joined(text: str) -> list[str]:
    """What ``features.words`` did for every text: tokens joined, lowered, folded, split."""
    joined = " ".join(TOKEN.findall(text)).lower().replace("\u2019", "'")
    return (joined if joined.isascii() else fold(joined)).split()


@settings(max_examples=1000)
@given(st.text(alphabet="aZs S'.\u2019-_09 ,\u00e9\u0130\u00c9", max_size=24))
def test_words_in_lower_case_are_what_the_tokens_lowered_give(text: str) -> None:
    assert features.words(text) == _words_joined(text)


# Patterns whose opening alternation is led by its letters, each beside its plain form.
_LED = {
    "reporting": (reporter.REPORTING, rf"\b(?:{'|'.join(word_list('reporting_verbs'))})\b"),
    "noun, name": (
        set_apart._NOUN_THEN_TITLED,
        set_apart._NOUN_THEN_TITLED.pattern.replace(
            led_by_letters("|".join(noun_forms("appositive"))),
            rf"\b(?:{'|'.join(noun_forms('appositive'))})",
        ),
    ),
    "nouns called": (
        set_apart._PLURAL_CALLED,
        set_apart._PLURAL_CALLED.pattern.replace(
            led_by_letters("|".join(noun_forms("appositive"))),
            rf"\b(?:{'|'.join(noun_forms('appositive'))})",
        ),
    ),
}
_LED["introduced"] = (
    lede._INTRODUCED,
    lede._INTRODUCED.pattern.replace("a(?<=\\ba)n? ", "\\ban? "),
)
_LED["tied, name"] = (
    set_apart._TIED_THEN_NAME,
    set_apart._TIED_THEN_NAME.pattern.replace(led_by_letters("the|a|an"), r"\b(?:the|a|an)"),
)
_LED_PIECES = [
    *word_list("reporting_verbs")[::7],
    *(f.replace("\\", "") for f in noun_forms("appositive")[::3]),
    *(" ", ", ", "s", "un", "x", "Jade Heron", "Tin Wren", " known as ", " and ", " used", "-"),
    *("a ", "an ", "banana ", "crew ", "job scam ", " it", " traced ", " to ", "Laos"),
    *("the ", "Peru", "-affiliated ", "-linked ", "Andes Falcon", " wrote", " ("),
]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_LED_PIECES), max_size=12).map("".join))
def test_an_alternation_led_by_its_letters_finds_what_the_plain_one_finds(text: str) -> None:
    for led, plain in _LED.values():
        assert led.pattern != plain
        found = [(m.span(), m.groups()) for m in led.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in re.finditer(plain, text)]


def test_an_alternation_with_groups_or_other_openings_stays_as_it_is() -> None:
    assert led_by_letters("call(?:ed|s)?|named") == r"\b(?:call(?:ed|s)?|named)"
    assert led_by_letters("said|-based") == r"\b(?:said|-based)"
    led = re.compile(led_by_letters("said|says|shut down|found|a"))
    assert [m.group() for m in led.finditer("He said a firm found it, unsaid, as shut down")] == [
        "said", "a", "found", "a", "shut down"]  # fmt: skip


# Alternations grouped by their first letters, each beside the plain one: every role's nouns,
# and the nouns and peoples of an unnamed actor that opens a sentence ("Iranian operators ...").
_ROLES = sorted(cues._actor_nouns())
_WHO_PLAIN = "|".join([*noun_forms("subject"), *subjects._PEOPLES, subjects._THE_PEOPLE])
_NUMBERS = [*word_list("number_words"), "both"]
_GROUPED = [
    *((by_first_letter(noun_forms(role)), "|".join(noun_forms(role))) for role in _ROLES),
    (subjects._WHO, _WHO_PLAIN),
    (by_first_letter(_NUMBERS), "|".join(_NUMBERS)),
]
_GROUPED_PIECES = [
    *(f.replace("\\", "") for role in _ROLES for f in noun_forms(role)[::5]),
    *sorted(countries().peoples())[::9],
    *(" ", ", ", "s", "S", "K", "Crew", "GANG", "x", "the ", "The ", "chinese", " used", "-"),
    *(_NUMBERS[::4]),
    *(": ", ", and ", " and ", "Tin Vane", "Grey Loom", ", which", "Two ", "A "),
]


# Each alternation in three settings (a word, under (?i), after words with what may not
# follow), compiled once: grouped and plain.
_SHAPES = (r"\b(?:{})s?\b", r"(?i:{})\b", r"^(?:\w+ ){{0,3}}?(?i:{})(?! (?i:{}))")
_GROUPED_PATTERNS = [
    (re.compile(shape.format(grouped, grouped)), re.compile(shape.format(plain, plain)))
    for grouped, plain in _GROUPED
    for shape in _SHAPES
]
_SUBJECT_PLAIN = re.compile(subjects._SUBJECT_SOURCE.replace("NOUNS", _WHO_PLAIN))


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_GROUPED_PIECES), max_size=10).map("".join))
def test_an_alternation_grouped_by_first_letters_finds_what_the_plain_one_finds(text: str) -> None:
    for grouped, plain in _GROUPED_PATTERNS:
        found = [(m.span(), m.groups()) for m in grouped.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_GROUPED_PIECES), max_size=10).map("".join))
def test_an_unnamed_actor_opens_a_sentence_as_the_plain_pattern_says(text: str) -> None:
    plain = _SUBJECT_PLAIN
    for sentence in (text, text.capitalize(), f"A {text}", f"Two {text} used it"):
        m, n = subjects._SUBJECT.match(sentence), plain.match(sentence)
        assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups()))


def test_alternatives_that_open_otherwise_or_in_two_cases_stay_as_they_are() -> None:
    assert by_first_letter(["crews", "gangs", "crew"]) == "c(?:rews|rew)|g(?:angs)"
    assert by_first_letter(["crew", "-based"]) == "crew|-based"
    assert by_first_letter(["Kite", "kin"]) == "Kite|kin"


# A count of cases before their names, with its number words as one plain alternation after
# a word boundary.
_COUNTED_PLAIN = re.compile(
    counted._COUNTED.pattern.replace(
        word_led(_NUMBERS, ignore_case=True), rf"\b(?i:{'|'.join(_NUMBERS)})"
    )
)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_GROUPED_PIECES), max_size=12).map("".join))
def test_a_count_of_named_cases_is_found_as_the_plain_pattern_finds_it(text: str) -> None:
    assert counted._COUNTED.pattern != _COUNTED_PLAIN.pattern
    for t in (text, f"It took down two networks, {text}"):
        m, n = counted._COUNTED.search(t), _COUNTED_PLAIN.search(t)
        assert (m and (m.span(), m.groups())) == (n and (n.span(), n.groups()))


_SENTENCE_START_PLAIN = re.compile(r"(?<=[.!?])[\"\u201d')\]]* (?=[A-Z])")
_STOP_PIECES = [".", "!", "?", '"', "\u201d", "'", ")", "]", " ", "  ", "A", "a", "x", "\n"]


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_STOP_PIECES), max_size=16).map("".join))
def test_sentences_start_where_the_pattern_after_a_stop_starts_them(text: str) -> None:
    ends = [m.end() for m in cases._SENTENCE_START.finditer(text)]
    assert ends == [m.end() for m in _SENTENCE_START_PLAIN.finditer(text)]


# What split_sentences searched with before: a look-behind per abbreviation in the pattern.
_NOT_ABBREVIATED = "".join(rf"(?<!\b{re.escape(a)}\.)" for a in word_list("abbreviations"))
_SENTENCE_END_PLAIN = re.compile(
    rf"(?:[!?]|\.{_NOT_ABBREVIATED})[\"\u201d')\]]*(?= [\"\u201c(\[]?[A-Z0-9])"
)
_END_PIECES = [*_STOP_PIECES, "Dr", "Feb", "No", "vs", "St", "xDr", "Dr_", "_", "\u00e9", "4",
               "Sept", "Sep", "Ms", "(", "\u201c", "\u00c9t", "Dr. A", "4Dr. A", "_No. 5",
               "\u00e9vs. B"]  # fmt: skip


def _split_plain(paragraph: str) -> list[str]:
    flat = " ".join(paragraph.split())
    out, start = [], 0
    for end in _SENTENCE_END_PLAIN.finditer(flat):
        if flat[end.start()] == "." and reading._initials_before_a_name(flat, end.start()):
            continue  # a place's initials before a word that goes on with them (tested below)
        out.append(flat[start : end.end()])
        start = end.end() + 1
    return out + [flat[start:]] * bool(flat[start:])


@settings(max_examples=2000)
@given(st.lists(st.sampled_from(_END_PIECES), max_size=16).map("".join))
def test_sentences_end_where_the_pattern_with_each_abbreviation_ends_them(text: str) -> None:
    assert reading.split_sentences(text) == _split_plain(text)


def test_a_stop_after_an_abbreviation_ends_no_sentence() -> None:
    said = "Dr. Vasquez spoke on Feb. 26 at St. Mark's. The group xDr. Ran on. It ended."
    assert reading.split_sentences(said) == [
        "Dr. Vasquez spoke on Feb. 26 at St. Mark's.",
        "The group xDr.",
        "Ran on.",
        "It ended.",
    ]


# set_apart's patterns as they were written, a word boundary first: those that open with a
# name in capitals, then those that open with a word
_W, _T = set_apart._WORD_TITLED, set_apart.TITLED
_APPOSITIVE = cues.noun_pattern("appositive")
_SET_APART_PLAIN = [
    *((p, re.compile(p.pattern.replace(f"({_W})", rf"\b({_T})")))
      for p in (set_apart._TITLED_THEN_NOUN, set_apart._NAME_FROM)),
    (set_apart._OWNED_NAME, re.compile(
        set_apart._OWNED_NAME.pattern.replace(r"([A-Z](?<=\b[A-Z])", r"\b([A-Z]")
    )),
    (set_apart._NOUN_SET_NAME, re.compile(
        rf"\b(?:the|of the|[Oo]ne of the) (?:{_APPOSITIVE})s?, ({set_apart.SET_NAME}),|"
        rf"\b(?:[Ii]ts|[Tt]heir) (?:[\w-]+ )?(?:{_APPOSITIVE}), ({set_apart.SET_NAME}),|"
        rf"\b(?:[Aa]n?|[Aa]nother) (?:[\w-]+ ){{0,2}}?(?:{_APPOSITIVE}|one), "
        rf"({set_apart.SET_NAME}),"
    )),
    (set_apart._COUNTED_PAIR, re.compile(set_apart._COUNTED_PAIR.pattern.replace(
        word_led(["Two", "two", "Both", "both"]), r"\b(?:[Tt]wo|[Bb]oth)"
    ))),
]  # fmt: skip
_SET_APART_PIECES = ["the ", "The ", "of the ", "One of the ", "one of the ", "Its ", "its ",
                     "their ", "Their ", "A ", "a ", "An ", "an ", "another ", "Another ", "Two ",
                     "two ", "both ", "Both ", "TWO ", "xthe ", "_its ", "group", "groups", "crew",
                     "units", "one", "Peruvian ", "sister ", ", ", " and ", ",", "Jade Heron",
                     "Tin Vane", "STOIC", "CopperWick", "1", "an", "the", "Jade", "Heron", "The",
                     "Then", "Thereby", "\u00c9Tin", "xTin", "_Vane", " ", "'s ", "\u2019s ",
                     " group", " hackers", " from ", "Peru", "Heron1", "HeRon", "T", "he", ".",
                     "(", "xTin Heron", "The Heron", "1Jade Heron", "Vane used"]  # fmt: skip


def _named(m: re.Match[str]) -> tuple[tuple[int, int], int, str]:
    """Where a match is, and the name its last group took (the led form of a pattern with
    branches numbers its groups apart: a group per branch)."""
    return m.span(), m.start(m.lastindex or 0), m[m.lastindex or 0]


@settings(max_examples=3000)
@given(st.lists(st.sampled_from(_SET_APART_PIECES), max_size=14).map("".join))
def test_names_set_apart_are_found_where_the_patterns_led_by_a_boundary_find_them(
    text: str,
) -> None:
    _finds_alike(_SET_APART_PLAIN, [text])


def _finds_alike(pairs: list[tuple[re.Pattern[str], re.Pattern[str]]], texts: list[str]) -> None:
    """Each rewritten pattern finds in each text what its old form finds (and the same groups,
    where both number them alike)."""
    for new, old in pairs:
        assert new.pattern != old.pattern
        for t in texts:
            assert [_named(m) for m in new.finditer(t)] == [_named(m) for m in old.finditer(t)]
            if new.groups == old.groups:
                assert [m.groups() for m in new.finditer(t)] == [
                    m.groups() for m in old.finditer(t)
                ]


def test_a_name_in_capitals_after_a_word_character_or_the_is_no_name() -> None:
    assert [m[1] for m in set_apart._TITLED_THEN_NOUN.finditer("The Tin Vane group")] == [
        "Tin Vane"
    ]
    assert not set_apart._TITLED_THEN_NOUN.search("xTin Vane group, The Vane group")
    assert [m[1] for m in set_apart._NAME_FROM.finditer("Then Jade Heron from Peru")] == [
        "Then Jade Heron"
    ]


def test_branches_led_by_their_first_characters_find_what_the_word_boundary_finds() -> None:
    said = "Both bother, two TWO twofold tie; \u017fix \u017fIX STORM both"
    for branches in (["two", "Two", "both", "tie"], ["six", "storm", "both", "two"], ["t", "tie"]):
        for folded in (False, True):
            plain = rf"\b(?{'i' if folded else ''}:{'|'.join(branches)})"
            led = word_led(branches, ignore_case=folded)
            assert led != plain
            found = [m.span() for m in re.finditer(led, said)]
            assert found == [m.span() for m in re.finditer(plain, said)]
            assert found
    assert word_led(["two", "-based"]) == r"\b(?:two|-based)"


# Words the pattern of whom actors are tied to is written with, and words beside them
_TIED_PIECES = [*sorted(place_in._TIED), "to", "in", "it", "them", "the", "activity", "a",
                "firm", "individuals", "which", "linked-in", "tied.in", "login", "x"]  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_TIED_PIECES), max_size=12))
def test_the_words_before_a_place_that_the_gate_turns_away_are_no_tie_to_someone(
    lead: list[str],
) -> None:
    found = place_in._TIED_TO_SOMEONE.search(" ".join(lead)) is not None
    assert place_in._may_tie(lead) or not found


def test_an_actor_tied_to_a_firm_in_a_place_is_tied_to_someone_there() -> None:
    s = read_sentence("The network, which OpenAI linked to a firm in Laos, posted lures.")
    laos = next(m for m in s.mentions if m.text == "Laos")
    assert place_in._tied_to_someone(laos)


_INTRODUCING_PIECES = [*(f"{w} " for w in lede._TYING), "a job scam ", "a crew ", "it ",
                       "to Laos", "in Peru", ". ", "China-based ", "Traced ", "was "]  # fmt: skip


@settings(max_examples=1000, deadline=None)  # the first sentence read builds the gazetteer
@given(st.lists(st.sampled_from(_INTRODUCING_PIECES), max_size=12).map("".join))
def test_a_sentence_introduces_the_cases_the_pattern_finds_in_it(text: str) -> None:
    s = read_sentence(text)
    places = any(m.entry.kind in ("Country", "Demonym") for m in s.mentions)
    found = {m.group(1).lower(): m.group(0) for m in lede._INTRODUCED.finditer(text)}
    assert lede.introduced(s) == (found if places else {})


def test_a_case_tied_to_a_place_by_each_verb_is_introduced() -> None:
    for verb in lede._TYING:
        said = f"It banned a job scam it {verb} to Laos."
        assert lede.introduced(read_sentence(said)) == {"job scam": f"a job scam it {verb} to Laos"}


# The reporter's patterns with its names (some two hundred, under (?i)) as plain alternations
_REPORTER_LISTS = [
    [*word_list("reporters"), *word_list("outside_voices"), *reporter._PUBLISHER_NAMES],
    [*(w for w in word_list("reporters") if w not in ("it", "they", "we")),
     *reporter._PUBLISHER_NAMES],
    reporter._PUBLISHER_NAMES,
]  # fmt: skip


def _ungrouped(pattern: str) -> str:
    for names in _REPORTER_LISTS:
        pattern = pattern.replace(
            f"(?i:{by_first_letter(names, folded=True)})", f"(?i:{'|'.join(names)})"
        )
    return pattern


_REPORTER_PLAIN = [
    (p, re.compile(_ungrouped(p.pattern)))
    for p in (reporter._REPORTED, reporter._OWN_DOING, reporter._NAMES_A_REPORTER)
]
_REPORTER_PIECES = ["The ", "the ", "company", "COMPANY", "OpenAI", "openai", "Google", "Kaspersky",
                    "kaspersky", "\u212aaspersky", "researchers", "Researchers", " said", " says ",
                    " found that ", ", a security firm,", "'s ", " at ", "It ", "Its ", " has ",
                    " faced ", "signed ", "x", " ", "Check Point", "CHECK POINT", ". ",
                    "Anthropic", "also ", "lab", "labs", "team", "Team Cymru", "analyst",
                    "analysts ", "expert", "s "]  # fmt: skip


@settings(max_examples=1500)
@given(st.lists(st.sampled_from(_REPORTER_PIECES), max_size=12).map("".join))
def test_the_reporters_names_grouped_by_first_letter_find_what_the_plain_ones_find(
    text: str,
) -> None:
    _finds_alike(_REPORTER_PLAIN, [text, text.capitalize()])


def test_letters_one_in_either_case_are_grouped_only_under_ignore_case() -> None:
    assert by_first_letter(["Kaspersky", "krew"]) == "Kaspersky|krew"
    grouped = by_first_letter(["Kaspersky", "the lab", "krew"], folded=True)
    assert grouped == "k(?:aspersky|rew)|t(?:he lab)"
    assert re.fullmatch(f"(?i:{grouped})", "KREW")


def _masked_plain(tokens: list[str], names: list[tuple[str, ...]]) -> list[str]:
    """What ``masking.masked`` did before: every name tried at every token of a name's first."""
    out = list(tokens)
    for i in range(len(tokens)):
        for name in names:
            if name and tuple(tokens[i : i + len(name)]) == name:
                out[i : i + len(name)] = [features.PLACEHOLDER] * len(name)
    return out


_NAME_WORDS = st.sampled_from(["jade", "heron", "tin", "the", "wren", "x"])


@settings(max_examples=1000)
@given(
    st.lists(_NAME_WORDS, max_size=12),
    st.lists(st.lists(_NAME_WORDS, max_size=3).map(tuple), max_size=4),
)
def test_names_are_masked_where_every_name_tried_everywhere_masks_them(
    tokens: list[str], names: list[tuple[str, ...]]
) -> None:
    assert masking.masked(tokens, names) == _masked_plain(tokens, names)


_QUOTED_PLAIN = re.compile(
    rf"[\"\u201c](?P<a>{quoted._NAME})[,.;:!?]?[\"\u201d]"
    rf"|(?:(?<=\s)|^)[\u2018'](?P<b>{quoted._NAME})[,.;:!?]?[\u2019'](?=[\s,.;:!?)]|$)"
)
_QUOTE_PIECES = ['"', "\u201c", "\u201d", "\u2018", "\u2019", "'", " ", "\n", ",", ".", ")", "x",
                 "Tin", " Vane", " of the ", "A", "s", "Jade Heron"]  # fmt: skip


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=14).map("".join))
def test_quoted_names_are_found_where_the_pattern_that_looks_behind_first_finds_them(
    text: str,
) -> None:
    found = [(m.span(), m.group("a"), m.group("b")) for m in quoted._QUOTED.finditer(text)]
    assert found == [(m.span(), m.group("a"), m.group("b")) for m in _QUOTED_PLAIN.finditer(text)]


_TOKEN_PLAIN = re.compile(rf"{gazetteer._WORD}++(?:[.'\u2019](?![sS]\b){gazetteer._WORD}++)*+")


@settings(max_examples=1000)
@given(st.text(alphabet="aZs S'.\u2019-_09 ,\u00e9\u0130\u00c9\n", max_size=24))
def test_tokens_are_what_the_pattern_with_a_possessive_first_run_finds(text: str) -> None:
    assert TOKEN.findall(text) == _TOKEN_PLAIN.findall(text)


def test_a_places_initials_before_a_word_that_goes_on_with_them_end_no_sentence() -> None:
    said = "Crews posed as U.S. Navy staff. They hit the U.K. The lab saw it. It ended."
    assert reading.split_sentences(said) == [
        "Crews posed as U.S. Navy staff.",
        "They hit the U.K.",
        "The lab saw it.",
        "It ended.",
    ]
