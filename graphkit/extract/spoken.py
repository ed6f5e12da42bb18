"""Which language mentions name a language in use: "Korean-language", "in Farsi", "polish their
English", "in Simplified Chinese", and lists of them ("Russian, English")."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import Mention, Sentence

__all__ = ["language_positions", "varieties"]


_LANG_AFTER: Final = words("lang_after")


_VARIETIES: Final = words("language_varieties")


_LANG_BEFORE: Final = words("lang_before")


_PUBLISHED: Final = words("publishing")


_MIXES: Final = words("language_mixes")


def _is_language(
    m: Mention, previous_language: bool, sentence: str = "", adjacent: bool = False, start: int = -1
) -> bool:
    """Whether a language's name names one in use; ``start``: where its name begins when a
    people's name before it says which variety ("in Brazilian Portuguese")."""
    if previous_language and adjacent:
        return True  # "in French, German, Italian": the comma is not a token
    after = m.after
    if after[:1] and after[0] in _LANG_AFTER:
        return True
    if after[:2] == ["social", "media"] and after[2:3] and after[2] in _LANG_AFTER:
        return True  # "Vietnamese social media posts"
    if after[:2] in (["and", "other"], ["or", "other"]) and after[2:3] in (
        ["language"],
        ["languages"],
    ):
        return True  # "English and other language outputs", "English and other languages"
    start = m.index if start < 0 else start
    before = m.words[max(0, start - 5) : start]
    while before and before[-1] in _VARIETIES:
        before = before[:-1]  # "in Simplified Chinese", "in broken English"
    if before[-1:] == ["of"] and before[-2:-1] != [] and before[-2] in _MIXES:
        before = [w for w in before[:-2] if w != "a"][-2:]  # "in a mix of English and ..."
    if before[-1:] == ["into"] and after[:1] and after[0][-1:] == "s":
        return False  # "broke into Japanese banks": a people's, not "translated into Japanese"
    if before[-1:] and before[-1] in _LANG_BEFORE:
        return True  # "in Farsi", "polish their English", "mixed English with Taglish"
    if m.before[-1:] == ["from"] and "translat" in sentence.lower():
        return True
    if "languages" in m.words[max(0, m.index - 4) : m.index]:
        return True  # "comments in several languages, including English, French ..."
    return bool(previous_language and before[-1:] and before[-1] in {"and", "or", "in", "with"})


def varieties(s: Sentence) -> dict[int, int]:
    """Where a people's name says which variety of the language after it ("Brazilian
    Portuguese", not "Iranian; English-"): the language's position → the people's."""
    langs = {m.index: m for m in s.mentions if m.entry.kind == "Language"}
    return {
        x.index + x.width: x.index
        for x in s.mentions
        if x.entry.kind == "Demonym"
        and (lang := langs.get(x.index + x.width)) is not None
        and f"{x.text} {lang.text}" in s.text
    }


def language_positions(s: Sentence) -> set[int]:
    """Token positions of the sentence's language mentions that name a language in use."""
    language_words = {m.index for m in s.mentions if m.entry.kind == "Language"}
    if not language_words:
        return language_words
    previous_language = False
    language_at: set[int] = set()
    last_language = -10
    variety = varieties(s)
    for m in s.mentions:
        adjacent = m.index == last_language + 1
        start = variety.get(m.index, -1)  # "in Brazilian Portuguese", "Egyptian Arabic"
        if m.entry.kind == "Language" and _is_language(
            m, previous_language, s.text, adjacent, start
        ):
            language_at.add(m.index)
            previous_language = True
            last_language = m.index
        elif m.index not in language_words:
            previous_language = False
    for m in reversed(s.mentions):  # "English- and French-language", "English/Spanish output"
        if m.entry.kind == "Language" and (
            m.index + 1 in language_at
            or (
                m.index + 2 in language_at
                and m.words[m.index + 1 : m.index + 2] in (["and"], ["or"])
            )
        ):
            language_at.add(m.index)
    found = language_at | _language_list(s)
    if not _PUBLISHED.isdisjoint(s.words) and "report" in s.words:
        found = {i for i in found if not _the_reports(s.words, i)}
    if "by" in s.words:
        found = {i for i in found if not _someone_elses(s.words, i)}
    return found


def _someone_elses(words: list[str], i: int) -> bool:
    """Whether the language at ``i`` is that of writing by someone named after it: "claims
    appeared in Chinese-language reporting by a US broadcaster", not the actors'."""
    after = words[i + 1 : i + 4]
    if after[:1] == ["language"]:
        after = after[1:]
    return len(after) >= 2 and after[0] in _WRITTEN and after[1] == "by"


_WRITTEN: Final = words("authored") | words("press_words")


def _the_reports(words: list[str], i: int) -> bool:
    """Whether the language at ``i`` is the one a report is published in: "The lab's report,
    published in English and Japanese, ...", "The report was translated into Japanese", not
    the actors'."""
    lead = words[max(0, i - 4) : i]
    published = any(  # "published in", "translated into"
        w in _PUBLISHED and lead[k + 1 : k + 2] in (["in"], ["into"]) for k, w in enumerate(lead)
    )
    return published and "report" in words[max(0, i - 9) : i]


def _language_list(s: Sentence) -> set[int]:
    """A bare list of language names that holds one no people is named by ("Russian, English",
    "English, Chinese, Urdu"), ending where the phrase ends: all of them are languages. Not
    "Russian, Chinese and Iranian actors" (no such name) nor "English and Welsh councils"
    (the list goes on into a noun, in lower case)."""
    languages = [m for m in s.mentions if m.entry.kind == "Language"]
    if len(languages) < 2:
        return set()
    peoples = {m.index for m in s.mentions if m.entry.kind == "Demonym"}
    if all(m.index in peoples for m in languages):
        return set()  # every name is also a people's: no list to read as languages
    out: set[int] = set()
    run: list[Mention] = []
    for m in [*languages, None]:
        if m is not None and run:
            gap = s.words[run[-1].index + run[-1].width : m.index]
            if gap in ([], ["and"], ["or"]):
                run.append(m)
                continue
        if len(run) > 1 and any(x.index not in peoples for x in run):
            last = run[-1]
            # the phrase ends: a stop, or a new capitalised phrase ("English, Urdu Targets: ...")
            ends = re.search(re.escape(last.text) + r"\s*(?:[,;.:)\]\"'\u201d|]|$|[A-Z])", s.text)
            if ends:
                out |= {x.index for x in run}
        run = [m] if m is not None else []
    return out
