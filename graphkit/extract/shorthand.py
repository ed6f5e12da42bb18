"""An analyst's shorthand written out: "Bad Grammar (RU) -> UA, MD; langs RU/EN" reads as
"Bad Grammar (Russia) targeting Ukraine, Moldova; languages: Russian, English".

Only three places are read as codes, where shorthand puts them and prose does not: two capital
letters in brackets right after a name (its country; "CN?" a likely one; not the initials of
the words before them: "Covert Operation (CO)" is an acronym), the list after an
arrow (its targets), and the list after "langs" (its languages, split by slashes, commas or
"+").
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from graphkit.extract.cues import words
from graphkit.identity import country_name

__all__ = ["written_out"]

_NOT_COUNTRIES = words("not_country_codes")

# Each pattern opens with a literal, which the regex engine looks for first: these run over
# whole texts, most of which hold no shorthand at all.
# after a name (checked in _bracketed): "(RU)", "(CN?)", "(likely CN)", "(CN; APT15)"
_CODE_BRACKET = re.compile(r" \(((?:likely|probably|possibly) )?([A-Z]{2})(\?)?(?=[,;)])")
_ARROW = re.compile(r" (?:->|\u2192|=>)[ \t]+([^;.\n]{1,120})")
_LANG_ITEM = r"(?:[A-Z]{2}|[A-Z][a-z]+)"
_LANGS = re.compile(
    rf"lang(?:s|uages?)?[:.]?[ \t]+({_LANG_ITEM}(?:[ \t]*[/,+][ \t]*{_LANG_ITEM})*)"
)
_LANG_CODE = re.compile(r"lang(?:s|uages?)?[:.]?[ \t]+[A-Z]{2}\b")  # any code at all
_CODE = re.compile(r"\b[A-Z]{2}\b")


@cache
def _country(code: str) -> str | None:
    if code in _NOT_COUNTRIES or pycountry.countries.get(alpha_2=code) is None:
        return None
    return country_name(code)  # "RU" is Russia, as the graph names it


@cache
def _language(code: str) -> str | None:
    found = pycountry.languages.get(alpha_2=code.lower())
    return re.sub(r"\s*\(.*\)|;.*", "", found.name) if found else None


def written_out(text: str) -> str:
    """The text with its shorthand written out; text without shorthand comes back as it was.

    >>> written_out("Bad Grammar (RU) -> UA, MD; langs RU/EN + Taglish.")
    'Bad Grammar (Russia) targeting Ukraine, Moldova; languages: Russian, English, Taglish.'
    >>> written_out("Sneer Review (CN?) wrote in English.")
    'Sneer Review (likely China) wrote in English.'
    >>> written_out("**Peer Review** (likely CN): prompts; **X** (CN; APT15)")
    '**Peer Review** (likely China): prompts; **X** (China; APT15)'
    >>> written_out("its five-step Covert Operation (CO) scale")
    'its five-step Covert Operation (CO) scale'
    """
    if " (" in text:
        text = _CODE_BRACKET.sub(_bracketed, text)
    if " ->" in text or " \u2192" in text or " =>" in text:
        text = _ARROW.sub(_targets, text)
    if "lang" in text and _LANG_CODE.search(text):
        text = _LANGS.sub(_languages, text)
    return text


def _bracketed(m: re.Match[str]) -> str:
    before = m.string[m.start() - 1 : m.start()]
    after_name = before.isalnum() or (bool(before) and before in "\"'\u201d*_")  # "**X** (CN)"
    if after_name and _spelled_before(m.string, m.start(), m.group(2)):
        return m.group(0)  # "Covert Operation (CO)": the phrase's initials, no country
    name = _country(m.group(2)) if after_name else None
    if name is None:
        return m.group(0)
    return f" ({m.group(1) or ('likely ' if m.group(3) else '')}{name}"


def _spelled_before(text: str, at: int, code: str) -> bool:
    """Whether the words right before ``at`` open with the letters of ``code``, in capitals:
    an acronym of them ("Influence Operation (IO)"), not a country."""
    words = re.split(r"[\s-]+", text[max(0, at - 80) : at].strip())[-len(code) :]
    return len(words) == len(code) and "".join(w[:1] for w in words) == code


def _targets(m: re.Match[str]) -> str:
    listed = _CODE.sub(lambda c: _country(c.group(0)) or c.group(0), m.group(1))
    return f" targeting {listed}"


def _languages(m: re.Match[str]) -> str:
    if m.string[m.start() - 1 : m.start()].isalnum():
        return m.group(0)  # "Kalanguages ...": not the word
    items = [x.strip() for x in re.split(r"[/,+]", m.group(1)) if x.strip()]
    names = [(_language(x) or x) if len(x) == 2 and x.isupper() else x for x in items]
    return "languages: " + ", ".join(names)
