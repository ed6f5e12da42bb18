"""A report's title, publisher and date from its text, and the AI platform its publisher stands for.

A publisher named near the top (``publishers.yaml``) gives the platform its reports are about:
OpenAI's "our models" are ChatGPT.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from graphkit.extract.cues import word_list
from graphkit.extract.headings import MONTHS
from graphkit.vocab import PLATFORMS
from graphkit.vocab import PUBLISHERS as KNOWN_PUBLISHERS

__all__ = [
    "OUR_MODELS",
    "OWNERS",
    "PUBLISHERS",
    "TITLE_LINE",
    "companys_platform",
    "report_meta",
    "speaks_of_ai",
]


# Publishers by the names a text gives them (``publishers.yaml``): (publisher, its platform).
PUBLISHERS: Final[dict[str, tuple[str, str | None]]] = {
    alias: (p.name, p.platform) for p in KNOWN_PUBLISHERS for alias in p.aliases
}


OWNERS: Final = frozenset({"our", "its", "company"})  # words OUR_MODELS needs ("company's" too)


# A company's models named from outside: "OpenAI's models", "Google's models"
_MAKERS: Final = sorted({p.vendor for p in PLATFORMS.values() if p.vendor.lower() in PUBLISHERS})
_COMPANY_MODELS: Final = re.compile(
    rf"\b({'|'.join(_MAKERS)})['\u2019]s (?:own )?(?:models?|chatbots?|LLMs?)\b"
)


# A text about AI: "AI" in capitals, a word of ``ai_words`` or an AI platform's name, alias or
# model family ("GPT-4o", "GPT4o", "Claude's"), as words in any case
_AI_NAMES: Final = sorted(
    {
        n.lower()
        for p in PLATFORMS.values()
        if p.kind == "ai"
        for n in (p.name, *p.aliases, *p.family, *p.company)
    }
    | set(word_list("ai_words")),
    key=lambda n: (-len(n), n),
)
_AI_CAPS: Final = re.compile(r"\bA\.?I\b")


def speaks_of_ai(text: str) -> bool:
    """Whether a text speaks of AI at all. Each name is looked for as a substring of the
    lower-cased text and then checked for a word's ends: a regular expression of them all took
    a quarter of a millisecond a kilobyte over a text that names none, this a hundredth.

    >>> speaks_of_ai("They asked ChatGPT for scripts."), speaks_of_ai("AI-written lures")
    (True, True)
    >>> speaks_of_ai("The backdoor kept access through a scheduled task; said Aidan.")
    False
    """
    if ("AI" in text or "A.I" in text) and _AI_CAPS.search(text):
        return True
    low = text.lower()
    return any(_as_a_word(low, name) for name in _AI_NAMES)


def _as_a_word(low: str, name: str) -> bool:
    """Whether ``name`` stands in ``low`` with no letter, digit or "_" just before it and no
    letter just after it (a version may follow: "gpt4o")."""
    at = low.find(name)
    while at >= 0:
        end = at + len(name)
        before = low[at - 1] if at else " "
        after = low[end] if end < len(low) else " "
        if not (before.isalnum() or before == "_") and not "a" <= after <= "z":
            return True
        at = low.find(name, at + 1)
    return False


def companys_platform(text: str) -> str | None:
    """The AI platform of the company whose models a sentence names ("OpenAI's models"), or
    that it names as the subject before actors used "its" models ("Anthropic says Chinese
    hackers used its AI chatbot", "a cyber operation that used its own AI platform")."""
    m = _COMPANY_MODELS.search(text) if "s model" in text or "s chatbot" in text else None
    if m is None and " its " in text:
        m = _ITS_MODELS.search(text)
    return PUBLISHERS[m.group(1).lower()][1] if m else None


# ... only a maker whose reports' platform is its own ("Microsoft ... its AI tools" are no
# ChatGPT, which its reports are about)
_OWN_MAKERS: Final = sorted(
    m for m in _MAKERS if any(p.name == PUBLISHERS[m.lower()][1] and p.vendor == m
                              for p in PLATFORMS.values())
)  # fmt: skip
_ITS_MODELS: Final = re.compile(
    rf"\b({'|'.join(_OWN_MAKERS)})\b[^.;:]{{0,120}}?\b(?i:{'|'.join(word_list('platform_use'))}) "
    r"its (?:own )?(?:AI |artificial intelligence )?(?:models?|tools?|chatbot|platform|systems?)\b"
)


OUR_MODELS: Final = re.compile(
    r"\b(?:(?:our|the company's) (?:models?|services?|tools?|platform|chatbot|AI|LLMs?)|"
    r"its (?:own )?(?:models|services|platform|chatbot))\b",
    re.I,
)


TITLE_LINE: Final = re.compile(r"^\s*#\s+(.+)$", re.M)  # "# Disrupting malicious uses of AI"


_M: Final = f"({'|'.join(MONTHS)})"
_DATE: Final = re.compile(
    rf"\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b|\b{_M}\s+(?:(\d{{1,2}}),?\s+)?(\d{{4}})\b"
    rf"|\b(\d{{1,2}})\s+{_M}\s+(\d{{4}})\b"
)


_MONTHS: Final = {m.lower(): i for i, m in enumerate(MONTHS, 1)}


_RULE_LINE: Final = re.compile(r"^\s*[=*#~^+_-]{3,}\s*$")  # a rule over a title ("=====")


def report_meta(
    text: str, publisher: str | None, published: str | None, title: str | None
) -> dict[str, Any]:
    head = text[:4000]
    if title is None:
        m = TITLE_LINE.search(text) if "#" in text else None
        # the first line that holds anything (its first 2,000 characters: a title is cut at 200)
        lines = [
            ln
            for ln in text.lstrip()[:2000].splitlines()
            if ln.strip() and not _RULE_LINE.match(ln)
        ]
        first = lines[0].strip() if lines else "Untitled report"
        title = (m.group(1) if m else first).strip()[:200]
    platform = None
    if publisher is None:
        lowered = head.lower()
        found = sorted(
            (
                (lowered.find(k), k)
                for k in PUBLISHERS
                if k in lowered and re.search(rf"\b{re.escape(k)}\b", lowered)
            ),
        )
        if found:
            publisher, platform = PUBLISHERS[found[0][1]]
    else:
        platform = next(
            (
                p
                for k, (name, p) in PUBLISHERS.items()
                if name == publisher or k == publisher.lower()
            ),
            None,
        )
    if published is None:
        # A full date ("June 5, 2025") wins over a month ("June 2025") in a title: the first
        # full one ends the search.
        full: re.Match[str] | None = None
        earliest: re.Match[str] | None = None
        for date in _DATE.finditer(head):
            earliest = earliest or date
            if date.group(1) or date.group(5) or date.group(7):
                full = date
                break
        m = full or earliest
        if m:
            if m.group(1):
                published = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
            elif m.group(4):
                published = (
                    f"{m.group(6)}-{_MONTHS[m.group(4).lower()]:02d}-{int(m.group(5) or 1):02d}"
                )
            else:
                published = f"{m.group(9)}-{_MONTHS[m.group(8).lower()]:02d}-{int(m.group(7)):02d}"
    return {
        "title": title,
        "publisher": publisher or "Unknown publisher",
        "published": published or dt.date.today().isoformat(),
        "_platform": platform,
    }


def headline_line(text: str) -> str | None:
    """A plain text's first line when it is a headline (no Markdown heading, no sentence's
    closing stop): the report's title, which names no actor and no operation."""
    first = next((ln.strip() for ln in text[:4000].lstrip()[:2000].splitlines() if ln.strip()), "")
    if not first or first[0] in "#<|*-=" or first.endswith((".", "!", "?", ":", ";", ",")):
        return None
    return first if len(first.split()) >= 2 else None
