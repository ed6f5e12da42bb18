"""An AI service a text names in passing, not as a tool the actors used: a company that acts
or is acted on ("DeepSeek said", "OpenAI accused DeepSeek of ..."), a rival ("competes with
OpenAI's ChatGPT"), what content mocks, or a service its maker speaks of as its own."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import words
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.extract.topics import said_about
from graphkit.vocab import PLATFORMS

__all__ = ["in_passing", "makers_people", "names_a_service_in_passing"]


_MAKER_ACTS: Final = words("maker_acts")


_MAKER_CASES: Final = words("maker_cases")


def in_passing(m: Mention, s: Sentence) -> bool:
    """An AI service named as a company that acts or is acted on, not as a tool the actors
    used: "OpenAI accused DeepSeek of distilling its model", "DeepSeek said", "a rival to
    Claude", "posts that mocked Grok", "the extraction performed by DeepSeek", "DeepSeek,
    MiniMax and Moonshot created accounts". The words right around it say so."""
    after = [w for w in m.after[:2] if w != "s"]
    if after[:1] and after[0] in _MAKER_ACTS:
        return True  # "DeepSeek said", "DeepSeek's spokesperson denied"
    maker_before = bool(m.before) and m.before[-1] in _MAKERS
    if m.after[:1] != ["s"] and (maker_before or _set_apart(m)):
        return True  # "the Chinese AI startup DeepSeek", "DeepSeek, a Chinese AI company,":
        # the company, not its service
    before = m.before
    if before[-1:] == ["s"]:  # "competes with OpenAI's ChatGPT": the words before the owner
        before = m.words[max(0, m.index - 4) : m.index - 2]
    if any(w in _MAKER_CASES for w in before[-2:]) or said_about(m) or _own_product(m):
        return True
    doer = [w for w in m.before if w != "out"]  # "carried out by"
    if doer[-1:] == ["by"] and doer[-2:-1] != [] and doer[-2] in _DEED_PARTICIPLES:
        return True
    return _first_of_the_doers(m, s) or _product_news(m)


_NAME_LIST: Final = re.compile(r"((?:,? (?:and |or )?[A-Z][\w.-]*)+),? ([a-z]+)\b")
_OPERATOR_VERBS: Final = words("operator_verbs")
_SERVICE_NAMES: Final = frozenset(
    n.lower() for p in PLATFORMS.values() for n in (p.name, *p.synonyms)
)


def _first_of_the_doers(m: Mention, s: Sentence) -> bool:
    """An AI service's name that opens a list of names, not all of them services, before an
    operator's verb: the companies that did it ("DeepSeek, MiniMax, and Moonshot created
    thousands of accounts"), not "ChatGPT, Gemini and Claude generated the posts"."""
    at = s.text.find(m.text)
    found = _NAME_LIST.match(s.text, at + len(m.text)) if at >= 0 else None
    if found is None or found.group(2) not in _OPERATOR_VERBS:
        return False
    names = re.findall(r"[A-Z][\w.-]*", found.group(1))
    return any(n.lower() not in _SERVICE_NAMES for n in names)


_DEED_PARTICIPLES: Final = words(
    "deed_participles"
)  # "the extraction performed by DeepSeek": the doer


_PRODUCT_NEWS: Final = words("product_news")
_NEWS_BETWEEN: Final = words("product_kinds") | words("product_news_between")
_VENDORS: Final = frozenset(p.vendor.lower() for p in PLATFORMS.values())


def _product_news(m: Mention) -> bool:
    """A service whose news a text speaks of, not a use: "no Copilot or Microsoft AI product
    announcements this week", "Gemini updates"; only a service's or maker's words between."""
    for word in m.words[m.index + m.width : m.index + m.width + 6]:
        if word in _PRODUCT_NEWS:
            return True
        if word not in _NEWS_BETWEEN and word not in _VENDORS:
            return False
    return False


def _set_apart(m: Mention) -> bool:
    """Whether the words right after a service's name say it is its maker: "DeepSeek, a
    Chinese AI company, ...", not "asked ChatGPT a question about the company"."""
    end = m.index + m.width
    following = m.words[end : end + 4]
    return following[:1] in (["a"], ["an"]) and not _MAKERS.isdisjoint(following[1:])


def _own_product(m: Mention) -> bool:
    """A service its maker speaks of as its own: "Microsoft has said its Copilot products
    faced the same pressure"."""
    platform = PLATFORMS.get(m.entry.id)
    if platform is None or m.before[-1:] != ["its"]:
        return False
    lead = m.words[max(0, m.index - 8) : m.index]
    maker = platform.vendor.lower()
    # "Microsoft said the hackers used its Copilot" is a use all the same
    return maker in lead and _PLATFORM_USE.isdisjoint(lead[lead.index(maker) :])


_PLATFORM_USE: Final = words("platform_use")


_MAKERS: Final = words("makers")
_MAKERS_BIT: Final = cue_bit(_MAKERS)
_PRODUCT_KINDS: Final = words("product_kinds")


def makers_people(m: Mention, s: Sentence) -> bool:
    """A people's name before a maker's noun in a sentence that names an AI service named in
    passing: who makes it, not the actors' origin ("OpenAI accused DeepSeek of distilling its
    models, a charge the Chinese firm denied")."""
    if m.entry.kind != "Demonym" or not held(m.words, _MAKERS_BIT):
        return False  # most mentions
    after = [w for w in m.after if w not in _PRODUCT_KINDS]
    return bool(after[:1] and after[0] in _MAKERS) and names_a_service_in_passing(s)


def names_a_service_in_passing(s: Sentence) -> bool:
    """Whether a sentence names an AI service in passing ("OpenAI accused DeepSeek of ...")."""
    return any(x.entry.kind == "Platform" and in_passing(x, s) for x in s.mentions)
