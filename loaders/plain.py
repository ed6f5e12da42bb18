"""Report text from plain text files: email quoting, AsciiDoc and Jira markup, social posts,
YAML worksheets, logs with named columns and text pasted from PDFs, made into the Markdown
the extractor reads.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from graphkit.data import load
from loaders.pdf import dehyphenated

__all__ = ["plain_text"]


# A plain-text email's quoting: "> " markers, "On Mon, ... wrote:" lines, the "-- " signature
_EMAIL_QUOTE = re.compile(r"(?m)^[ \t]*>(?:[ \t]?>)*[ \t]?")
_WROTE = re.compile(r"(?m)^On [^\n]{5,160} wrote:[ \t]*$")
_SIGNATURE = re.compile(r"(?m)^-- ?$")


# Wiki and document markups seen in analysts' plain text: AsciiDoc ("== Section",
# "Origin:: China", "[horizontal]") and Jira's ("h2. Cases", "||Field||Value||")
_ASCIIDOC_HEADING = re.compile(r"(?m)^(={1,5}) (?=\S)")
_ASCIIDOC_LABEL = re.compile(r"(?m)^([A-Za-z][^:\n]{0,40})::[ \t]+(?=\S)")
_ASCIIDOC_BLOCK = re.compile(r"(?m)^\[[a-z][\w ,=\"'-]*\][ \t]*\n")
_JIRA_HEADING = re.compile(r"(?m)^h([1-6])\.[ \t]+(?=\S)")
_JIRA_HEADER_ROW = re.compile(r"(?m)^\|\|(.+)\|\|[ \t]*$")

# A social post's signs: keycap numbers ("1\ufe0f\u20e3"), flags, lines of hashtags
_KEYCAP = re.compile("([0-9])\ufe0f?\u20e3")
_FLAG = re.compile("([\U0001f1e6-\U0001f1ff]{2})")
_HASHTAG_LINE = re.compile(r"(?m)^[ \t]*#\w+(?:[ \t]+#\w+)*[ \t]*$")


def _markup(text: str) -> str:
    r"""AsciiDoc and Jira markup as the Markdown the extractor reads.

    >>> _markup("= Notes\n\n=== Sneer Review\n[horizontal]\nOrigin:: China")
    '# Notes\n\n### Sneer Review\nOrigin: China'
    >>> _markup("h3. Phish\n\n||Field||Value||\n|Origin|China|")
    '### Phish\n\n| Field | Value |\n|---|---|\n|Origin|China|'
    """
    if "\n=" in text or text.startswith("="):
        text = _ASCIIDOC_HEADING.sub(lambda m: "#" * len(m.group(1)) + " ", text)
    if "::" in text:
        text = _ASCIIDOC_LABEL.sub(r"\1: ", _ASCIIDOC_BLOCK.sub("", text))
    if "h2." in text or "h3." in text or "h1." in text:
        text = _JIRA_HEADING.sub(lambda m: "#" * min(int(m.group(1)), 4) + " ", text)
    if "||" in text:
        text = _JIRA_HEADER_ROW.sub(
            lambda m: (
                "| "
                + " | ".join(c.strip() for c in m.group(1).split("||"))
                + " |\n"
                + "|---" * len(m.group(1).split("||"))
                + "|"
            ),
            text,
        )
    return text


def _social(text: str) -> str:
    r"""A social post: keycap numbers as list numbers, a flag as its country in brackets, and
    lines of hashtags (tags, not facts) dropped.

    >>> _social("1\ufe0f\u20e3 Peer Review \U0001f1e8\U0001f1f3\nText.\n\n#AI #China")
    '1. Peer Review (China)\nText.\n\n'
    """
    import pycountry

    def country(m: re.Match[str]) -> str:
        code = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.group(1))
        found = pycountry.countries.get(alpha_2=code)
        return f"({getattr(found, 'common_name', None) or found.name})" if found else ""

    text = _KEYCAP.sub(r"\1.", text)
    text = _FLAG.sub(country, text)
    return _HASHTAG_LINE.sub("", text)


# A YAML mapping's first line: a key, plain or quoted, then a colon (or a flow mapping)
_YAML_KEY = re.compile(r"^(?:\{|[\"']?[^\s\"'#][^:\n]*[\"']?:(?:\s|$))")

_WORDS: dict[str, tuple[str, ...]] = load("cues/markup.yaml", dict[str, tuple[str, ...]])
_NAME_KEYS, _PROSE_KEYS = _WORDS["name_keys"], _WORDS["prose_keys"]


def _yaml_like(text: str) -> str | None:
    r"""A worksheet written as YAML ("cases:" then "- name: Peer Review" and its fields) as
    the Markdown the extractor reads: an entry a section, its fields one a line, its notes a
    paragraph. None when the text is no such thing (prose, or a YAML scalar).

    >>> print(_yaml_like("cases:\n  - name: Peer Review\n    origin: China\n"))
    ## Peer Review
    <BLANKLINE>
    Origin: China
    <BLANKLINE>
    """
    import yaml

    first = next((ln.strip() for ln in text.splitlines() if ln.strip()[:1] not in ("", "#")
                  and ln.strip() not in ("---", "...")), "")  # fmt: skip
    if not _YAML_KEY.match(first):
        return None  # no mapping can start here: prose is not parsed as YAML at all
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict) or not any(
        isinstance(v, list) and v and all(isinstance(x, dict) for x in v) for v in data.values()
    ):
        return None

    def value(v: Any) -> str:
        return ", ".join(map(str, v)) if isinstance(v, list) else " ".join(str(v).split())

    blocks: list[str] = []
    for key, v in data.items():
        if isinstance(v, dict):  # "report: {title: ..., date: ...}": the title heads the text
            if "title" in v:
                blocks.insert(0, f"# {value(v['title'])}")
            blocks.append("\n".join(f"{str(k).capitalize()}: {value(x)}" for k, x in v.items()
                                    if k != "title"))  # fmt: skip
        elif isinstance(v, list):
            for entry in v:
                if not isinstance(entry, dict):
                    blocks.append(f"- {value(entry)}")
                    continue
                name = next((entry[k] for k in _NAME_KEYS if entry.get(k)), None)
                if name:
                    blocks.append(f"## {value(name)}")
                fields = [f"{str(k).capitalize()}: {value(x)}" for k, x in entry.items()
                          if k not in _NAME_KEYS and k not in _PROSE_KEYS and x]  # fmt: skip
                if fields:
                    blocks.append("\n".join(fields))
                blocks += [value(entry[k]) for k in _PROSE_KEYS if entry.get(k)]
        elif v is not None:
            blocks.append(f"{str(key).capitalize()}: {value(v)}")
    return "\n\n".join(b for b in blocks if b) + "\n"


# A log's column names in a comment above its rows: "# fields: timestamp | analyst | case"
_LOG_FIELDS = re.compile(r"(?im)^[#/;\s]*(?:fields|columns)\s*:\s*(\S[^|\n]*(?:\|[^|\n]+)+)$")


_LOG_BOOKKEEPING = frozenset(_WORDS["log_bookkeeping"])


def _log_rows(text: str) -> str:
    r"""Rows of a log split by bars under a comment that names its columns, as list items of
    named cells: "- Case: GTG-2002; Note: Report out.".

    >>> _log_rows("# fields: time | case | note\n\n10:02 | GTG-2002 | Report out.\n")
    '# fields: time | case | note\n\n- Case: GTG-2002; Note: Report out.\n'
    """
    fields = _LOG_FIELDS.search(text)
    if fields is None:
        return text
    names = [n.strip().capitalize() for n in fields.group(1).split("|")]
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split(" | ")]
        if line.strip() == fields.group(0).strip():
            pass  # the comment that names the columns
        elif len(cells) == len(names) and line.count("|") == len(names) - 1:
            line = "- " + "; ".join(  # who logged it, and when, say nothing of the case
                f"{n}: {c}"
                for n, c in zip(names, cells, strict=True)
                if c and n.lower() not in _LOG_BOOKKEEPING
            )
        out.append(line)
    return "\n".join(out)


# A page's running line in text pasted from a PDF: words, a wide gap, the page number
_RUNNING_LINE = re.compile(r"(?m)^([^\n]{3,100}?)[ \t]{4,}\d{1,4}[ \t]*(?:\n|$)")


def _unpaged(text: str) -> str:
    r"""Text pasted from a PDF without the running line that recurs with each page number (in
    the middle of paragraphs, where the page broke), and with words split at line ends joined.

    >>> _unpaged("It reported pro-\ntests\nThe Report     7\nto the state.\nThe Report     8\n")
    'It reported protests\nto the state.\n'
    """
    found = Counter(
        line.strip() for line in (_RUNNING_LINE.findall(text) if "    " in text else [])
    )
    running = {line for line, n in found.items() if n > 1}
    if running:
        text = _RUNNING_LINE.sub(
            lambda m: "" if m.group(1).strip() in running else m.group(0), text
        )
    return dehyphenated(text)


def plain_text(text: str) -> str:
    r"""Plain text with an email's quote markers, its "... wrote:" lines and its signature
    dropped: quoted messages are text like any other.

    >>> plain_text("Agreed.\n\nOn Mon, 9 Jun, Ana wrote:\n> From Iran\n>> it wrote.\n-- \nAna")
    'Agreed.\n\n\nFrom Iran\nit wrote.\n'
    """
    if ":\n" in text and "- " in text:  # maybe a YAML worksheet: "cases:" over "- name: ..."
        text = _yaml_like(text) or text
    if "\n>" in text or text.startswith(">"):
        text = _WROTE.sub("", _EMAIL_QUOTE.sub("", text))
    text = _markup(text)
    if "|" in text and ("ields" in text or "olumns" in text):
        text = _log_rows(text)
    if "\u20e3" in text or "#" in text or _FLAG.search(text):
        text = _social(text)
    text = _unpaged(text)
    signature = list(_SIGNATURE.finditer(text))
    tail = text[signature[-1].end() :].strip().splitlines() if signature else []
    if signature and len(tail) <= 6 and all(len(line) <= 100 for line in tail):
        text = text[: signature[-1].start()]  # a few short lines after "-- ": the signature
    return text
