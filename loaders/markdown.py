"""Report text from Markdown: links as their words; footnotes, quote markers and the writer's
tips dropped; front matter as a title and a date line.
"""

from __future__ import annotations

import re

__all__ = ["markdown_text"]


_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")  # a URL may hold (...)
_MD_FOOTNOTE_LINE = re.compile(r"(?m)^\[\^[^\]\s]+\]:.*(?:\n[ \t]+.*)*\n?")
_MD_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\](?!:)")


_MD_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")  # "[the report][1]": its words
_MD_REF_LINE = re.compile(r"(?m)^ {0,3}\[[^\]^\n]+\]:\s+\S+.*\n?")  # "[1]: https://..."

# A page's metadata above its text: Jekyll's YAML front matter, Pandoc's "% Title" block
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n", re.S)
_FRONT_FIELD = re.compile(r"(?m)^(title|date):[ \t]*[\"']?(.+?)[\"']?[ \t]*$")
_PANDOC_TITLE = re.compile(r"\A% (.+)\n(?:% (.*)\n)?(?:% (.*)\n)?")


def _front_matter(text: str) -> str:
    r"""The title and date a Markdown page's metadata block gives, as a heading and a line.

    >>> _front_matter('---\ntitle: "Notes"\ndate: 2025-08-29\ntags: [china]\n---\nBody')
    '# Notes\n\n2025-08-29\n\nBody'
    >>> _front_matter("% Glossary\n% Team\n% 3 June 2024\n\nBody")
    '# Glossary\n\n3 June 2024\n\nBody'
    """
    front = _FRONT_MATTER.match(text)
    if front:
        fields = dict(_FRONT_FIELD.findall(front.group(1)))
        lines = [f"# {fields['title']}"] if "title" in fields else []
        lines += [fields["date"]] if "date" in fields else []
        return "\n\n".join([*lines, text[front.end() :]])
    pandoc = _PANDOC_TITLE.match(text)
    if pandoc:
        lines = [f"# {pandoc.group(1)}", *([pandoc.group(3)] if pandoc.group(3) else [])]
        return "\n\n".join([*lines, text[pandoc.end() :].lstrip("\n")])
    return text


_MD_BREAK = re.compile(r"\s*<br\s*/?>\s*(?:[\u2022\u00b7*-]\s+)?", re.I)  # "<br>• item" in a cell


_MD_QUOTE = re.compile(r"(?m)^[ \t]{0,3}>[ \t]?")  # a blockquote's marker
_MD_TIP = re.compile(r"(?m)^[ \t]{0,3}>[ \t]*\[!TIP\][^\n]*\n(?:[ \t]{0,3}>[^\n]*(?:\n|$))*")
_MD_CALLOUT = re.compile(r"(?m)^([ \t]{0,3}>[ \t]*)\[!(?:NOTE|IMPORTANT|WARNING|CAUTION)\][ \t]*$")


# An admonition of MkDocs and Python-Markdown: a marker, a kind, a title, an indented body
_ADMONITION = re.compile(
    r'(?m)^(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+"([^"\n]*)")?[ \t]*\n'
    r"((?:(?:[ ]{4}|\t)[^\n]*\n?|[ \t]*\n(?=(?:[ ]{4}|\t)))*)"
)


def _admonition(m: re.Match[str]) -> str:
    r"""An admonition as its title and body: '!!! danger "Attribution"' over "    Iranian." is
    "Attribution: Iranian." (a labelled field, as the title says); with no title, the body.

    >>> _ADMONITION.sub(_admonition, '!!! danger "Attribution"\n    Iranian.\n\nText.')
    'Attribution: Iranian.\n\nText.'
    """
    body = "\n".join(line[4:] if line[:1] == " " else line[1:] for line in m.group(3).splitlines())
    title = (m.group(2) or "").strip()
    if not title:
        return body.strip() + "\n"
    if "\n- " in "\n" + body or "\n* " in "\n" + body:
        return f"{title}:\n\n{body.strip()}\n"  # a list under its label
    return f"{title}: {' '.join(body.split())}\n"


def markdown_text(text: str) -> str:
    r"""Markdown with links as their words, footnote marks and blockquote markers dropped,
    and line breaks inside table cells (``<br>``) as "; ".

    >>> markdown_text("Run by [STOIC](https://x.org/a_(b)).[^1]")
    'Run by STOIC.'
    >>> markdown_text("> A group from Iran\n> wrote scripts.")
    'A group from Iran\nwrote scripts.'
    >>> markdown_text("| X | runs commands<br>\u2022 steals files |")
    '| X | runs commands; steals files |'
    """
    if text[:2] in ("--", "% "):
        text = _front_matter(text)
    if "[!" in text:  # GitHub's callouts: a tip is the writer's advice, the others are text
        text = _MD_CALLOUT.sub("", _MD_TIP.sub("", text))
    if "!!!" in text or "???" in text:
        text = _ADMONITION.sub(_admonition, text)  # MkDocs: '!!! danger "Attribution"' ...
    if ">" in text:
        text = _MD_QUOTE.sub("", text)  # a quoted passage is text like any other
    if "<" in text:
        text = _MD_BREAK.sub("; ", text)
    if "[" not in text:
        return text
    text = _MD_FOOTNOTE_LINE.sub("", text)  # "[^2]: Also tracked as ...": a note, not the text
    text = _MD_REF_LINE.sub("", text)  # "[report]: https://...": a link's
    text = _MD_REF_LINK.sub(r"\1", _MD_LINK.sub(r"\1", text))
    return _MD_FOOTNOTE.sub("", text)
