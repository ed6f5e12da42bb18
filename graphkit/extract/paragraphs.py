"""A paragraph read: without what leads it and is no text, its sentences (a labelled field
each a sentence with its role), and the names set in bold at its start or inside it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from graphkit.extract.cues import word_list
from graphkit.extract.fields import labelled_fields
from graphkit.extract.gazetteer import TOKEN, actor_codes
from graphkit.extract.headings import BRACKETED_TAIL, DATE_FIRST, GENERIC_HEADINGS, STAGE_HEADINGS
from graphkit.extract.reading import Sentence, read_sentence, split_sentences
from graphkit.extract.sections import LEAD_BOLD, WHO, inner_bold

__all__ = ["QUESTION_LEAD", "Paragraph", "cleaned", "described", "read_paragraph",
           "who_only"]  # fmt: skip


@dataclass
class Paragraph:
    """A paragraph as read: its sentences, the name it gives, and what its layout says."""

    text: str
    item: bool
    sentences: list[Sentence]
    body: list[Sentence]  # the sentences without a question that opens them
    fields: list[tuple[str, str]] | None
    bold: str | None  # a name set in bold at its start ("**Sneer Review.**")
    inner: str | None  # a name set in bold inside it
    alias_note: bool  # "- Also tracked as UTA0388.": another name of the case above


# A note that gives the case above another name: "Also tracked as UTA0388.", "a.k.a. APT5"
_ALIAS_NOTE: Final = re.compile(
    r"^(?:[Aa]lso )?(?:tracked|known|reported) as\b|^a\.?k\.?a\.?\s", re.I
)


def cleaned(paragraph: str) -> str | None:
    """A paragraph without what leads it and is no text (emoji, a kicker); None where the
    report's boilerplate begins."""
    if paragraph[:1] in _BOILERPLATE_FIRST and _BOILERPLATE.match(paragraph):
        return None
    if paragraph[:1] and not (paragraph[0].isalnum() or paragraph[0] in _OPENERS):
        paragraph = _LEAD_SYMBOLS.sub("", paragraph)  # "\U0001f534 **Russia: Bad Grammar.**"
    if paragraph[:1] in _KICKER_FIRST and _KICKER.match(paragraph):
        paragraph = _KICKER.sub("", paragraph, count=1)  # "New: Peer Review, likely ..."
    if not paragraph[:1].isupper() or not any(d in paragraph for d in _SPACED_DASHES):
        return paragraph  # a dateline and an outlet's name end at a dash and a space
    if paragraph[1:2].isupper() and _DATELINE.match(paragraph):
        paragraph = _DATELINE.sub("", paragraph, count=1)  # "OSLO (Wire) - ...": where filed
    elif outlet := _OUTLET.match(paragraph):
        paragraph = paragraph[outlet.end() :]  # "Lima Wire News - ...": who filed it
    return paragraph


_SPACED_DASHES: Final = ("- ", "\u2013 ", "\u2014 ")


# A news story's dateline: the place it was filed from in capitals, maybe a date and the
# agency, then a dash ("OSLO (Wire) - ", "SAN JOSE, March 3 -- "). It names no one.
_DATELINE: Final = re.compile(
    r"^[A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+){0,3}(?:, [\w .]{1,20}?)?(?: \([^()\n]{1,30}\))?"
    r" ?(?:-{1,2}|\u2013|\u2014) (?=\S)"
)


# A news outlet's name before a dash that opens its story ("Lima Wire News - The lab said"):
# who filed it, as a dateline's place is where
_OUTLET: Final = re.compile(
    rf"^(?:[A-Z][\w&.'-]* ){{0,3}}(?:{'|'.join(word_list('outlet_words'))})"
    r"(?: \([^()\n]{1,30}\))? ?(?:-{1,2}|\u2013|\u2014) (?=[A-Z\"\u201c])"
)


def _bold_lead(paragraph: str) -> tuple[str, str | None, str | None]:
    """A paragraph without its Markdown emphasis, the name set in bold at its start, and a
    name set in bold inside it."""
    bold = inner = None
    if "**" not in paragraph and "__" not in paragraph:
        return paragraph, None, None
    lead = LEAD_BOLD.match(paragraph)
    inner = None if lead else inner_bold(paragraph)
    # "March 2025 \u2014 Helgoland Bite.": a timeline's date, then the name
    bold = DATE_FIRST.sub("", lead.group(1).strip()) if lead else None
    bold = bold if bold and len(bold.split()) <= 6 else None
    if bold and bold.endswith("?"):  # "**What is Peer Review?**": the name asked about
        asked = QUESTION_LEAD.sub("", bold.rstrip("?")).strip()
        named_here = asked[:1].isupper() and not described(asked)
        bold = asked if named_here and len(asked.split()) <= 4 else None
    elif bold and bold.endswith(":"):
        bold = None  # "**Case:** Vibe hacking": a label, its value the name
    elif bold and (STAGE_HEADINGS.match(bold.rstrip(".:")) or GENERIC_HEADINGS.match(bold)):
        bold = None  # "**Behavior.** They wrote ...": a part of the case, as a heading is
    elif bold:
        bold = _COUNTRY_FIRST.sub("", bold).rstrip(".") or None  # "Russia: Bad Grammar."
        if bold and described(bold) and bold.count(" ") >= 1:
            bold = None  # "**Iran leads.**": a topic sentence, not a name
    return paragraph.replace("**", "").replace("__", ""), bold, inner


def read_paragraph(paragraph: str, item: bool) -> Paragraph:
    """A paragraph's sentences, read; labelled fields each a sentence with its role."""
    paragraph, bold, inner = _bold_lead(paragraph)
    codes = {paragraph[start:end] for start, end, _ in actor_codes(paragraph)}
    fields = labelled_fields(paragraph)
    if fields:  # "Operation: X; Likely origin: China; Languages: English"
        named_field = next((v for role, v in fields if role == "name"), None)
        if named_field and named_field.endswith(")"):
            named_field = BRACKETED_TAIL.sub("", named_field)  # "Zero Zeno (run by STOIC)"
        bold = bold or named_field
        sentences = _field_sentences(fields, bool(codes))
    else:
        sentences = [
            read_sentence(s, bool(codes) and any(c in s for c in codes))
            for s in split_sentences(paragraph)
        ]
    body = sentences
    if len(sentences) > 1 and sentences[0].text.endswith("?"):
        who_only(sentences[0]).field = "who"  # "What about North Korea?": who, in the answer
        body = sentences[1:]
    alias_note = bool(item and _ALIAS_NOTE.match(paragraph))
    return Paragraph(paragraph, item, sentences, body, fields, bold, inner, alias_note)


def _field_sentences(fields: list[tuple[str, str]], codes: bool) -> list[Sentence]:
    sentences = []
    for role, value in fields:
        if role == "name":  # "Name: UNC1069": the name may be an actor's
            named_actors = read_sentence(value)
            named_actors.mentions = [x for x in named_actors.mentions if x.entry.kind == "Actor"]
            if named_actors.mentions:
                named_actors.field = "actor"
                sentences.append(named_actors)
            elif value.endswith(")") and BRACKETED_TAIL.search(value):
                sentences.append(read_sentence(value))  # "Zero Zeno (run by STOIC)"
            continue
        for k, piece in enumerate(split_sentences(value)):
            sentences.append(read_sentence(piece, codes))
            sentences[-1].field = role
            if role == "text" and not k:
                _label_unsectored(sentences[-1])  # "Defense Tips: ..." names no sector
    return sentences


# The label a field of text keeps before its value ("Defense Tips: use keys")
_TEXT_LABEL: Final = re.compile(r"^[^:;]{1,40}: ")


def _label_unsectored(s: Sentence) -> None:
    """Drop the sector words of a text field's label ("Defense Tips: ..."): the label says
    what the field is about, no sector the actors went after; the value's words still count."""
    label = _TEXT_LABEL.match(s.text)
    if label is not None:
        end = len(TOKEN.findall(label.group(0)))
        s.mentions = [x for x in s.mentions if x.entry.kind != "Sector" or x.index >= end]


_OPENERS: Final = frozenset("*_#[(\"'\u201c-")


_KICKER: Final = re.compile(rf"^(?:{'|'.join(word_list('kickers'))})\s*[:\u2014\u2013]\s+")


_KICKER_FIRST: Final = frozenset(k[0] for k in word_list("kickers"))


_LEAD_SYMBOLS: Final = re.compile(
    r"^[^\w\s*_#\[(\"'\u201c-]+\s*"
)  # emoji and dingbats before a paragraph


# "Russia: Bad Grammar": a country before the name, where the operation is from
_COUNTRY_FIRST: Final = re.compile(
    r"^(?:[A-Z][a-z]+|North Korea|South Korea|United States|United Kingdom|Saudi Arabia):\s+"
)


QUESTION_LEAD: Final = re.compile(
    rf"^(?:(?:{'|'.join(word_list('question_words'))})\b\s*)+"
    rf"(?:(?:{'|'.join(word_list('question_fillers'))})\b\s*)*",
    re.I,
)


_BOILERPLATE_FIRST: Final = frozenset("AMPC\u00a9")  # the letters _BOILERPLATE can start with


# What a press release or an article ends with: about the company, whom to call, its rights.
_BOILERPLATE: Final = re.compile(
    r"(?:About [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}\s*\n|"
    r"(?:Media|Press) (?:contacts?|inquiries)\b|"
    r"(?:Copyright|\u00a9)\s*(?:\(c\)\s*)?(?:\d{4}|\u00a9))"
)


def described(name: str) -> bool:
    """A heading or bold line in sentence case says what happened ("Spanish-language articles
    placed abroad", "Iran leads"); names are in title case ("Sneer Review", "Phish and
    Scripts")."""
    words = [w for w in name.split() if w.isalpha() and len(w) > 3]
    return any(w[0].islower() for w in words)


def who_only(s: Sentence) -> Sentence:
    """A heading or a question keeps what it says of who (countries, actors, languages,
    platforms): "Phish and Scripts" names an operation, it says nothing of scripts."""
    s.mentions = [x for x in s.mentions if x.entry.kind in WHO]
    return s
