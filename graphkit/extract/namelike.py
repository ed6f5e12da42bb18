"""Whether words a text gives as a name look like one: not a field's label ("Level"), not a
capitalised fragment of a sentence ("The AI"), not a platform or a company with a noun after
it ("YouTube operators"), not a word the text writes in lower case elsewhere ("Landing").

Examples
--------
>>> looks_like_name("Sneer Review", frozenset({"review"}))
True
>>> looks_like_name("Level", frozenset({"level"}))
False
>>> [looks_like_name(n, frozenset()) for n in ("The AI", "YouTube operators", "Beyond China")]
[False, False, False]
>>> looks_like_name("The San Francisco-based AI", frozenset())
False
>>> [looks_like_name(n, frozenset()) for n in ("IOs", "TTPs", "APT41", "STOIC")]
[False, False, True, True]
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import word_list, words
from graphkit.extract.reporter import SOURCE
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.vocab import PLATFORMS, publisher_names

__all__ = [
    "POST_WORDS",
    "REPORTS_NEXT",
    "WrittenLower",
    "acronym_named",
    "acronym_of",
    "coded_group_names",
    "looks_like_name",
    "lower_words",
    "names_a_person",
    "not_an_actor",
    "opens_with_person",
    "then_reports",
]


# Every byte but a lower-case ASCII letter, an apostrophe or a hyphen, as a space. UTF-8 writes
# any other character in bytes of 128 and more, so none of them is one of these.
_NOT_LOWER: Final = bytes(b if 97 <= b <= 122 or b in b"'-" else 32 for b in range(256))


def lower_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (a common word's sign): what ``[a-z][a-z'-]+``
    finds, from each run of those characters its part from the first letter on. A run is cut
    out as bytes and each distinct one looked at once: three in four runs come again.

    >>> sorted(lower_words("Level up, --x-ray's e.g. a; \u00c9-level"))
    ['evel', 'level', 'up', "x-ray's"]
    """
    runs = set(text.encode("utf-8", "surrogatepass").translate(_NOT_LOWER).split())
    return frozenset(w.decode("ascii") for run in runs if len(w := run.lstrip(b"'-")) >= 2)


_LOWER: Final = frozenset("abcdefghijklmnopqrstuvwxyz'-")  # what _NOT_LOWER keeps
_ASKED_AT_MOST: Final = 64  # words looked for one by one before the whole set is read


class WrittenLower:
    """The words a text writes in lower case (:func:`lower_words`), asked one at a time: a word
    asked is looked for in the text, where a few dozen are asked of a text, most of them once;
    past :data:`_ASKED_AT_MOST` words the whole set is read instead.

    >>> said = WrittenLower("Level up, --x-ray's e.g. a; É-level")
    >>> [w in said for w in ("level", "evel", "x-ray's", "ray's", "up", "a", "e", "vel")]
    [True, True, True, False, True, False, False, False]
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.asked: dict[str, bool] = {}
        self.every: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.every is not None:
            return word in self.every
        known = self.asked.get(word)
        if known is None:
            if len(self.asked) >= _ASKED_AT_MOST:
                self.every = lower_words(self.text)
                return word in self.every
            known = self.asked[word] = _written_lower(self.text, word)
        return known


def _written_lower(text: str, word: str) -> bool:
    """Whether ``word`` is in :func:`lower_words` of ``text``: a run of lower-case letters,
    apostrophes and hyphens in it, but for the run's leading apostrophes and hyphens."""
    if len(word) < 2 or word[0] in "'-" or not _LOWER.issuperset(word):
        return False
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if after == len(text) or text[after] not in _LOWER:  # the run ends with the word
            start = at
            while start > 0 and text[start - 1] in "'-":
                start -= 1  # "--x-ray's": the run, then its leading marks
            if start == 0 or text[start - 1] not in _LOWER:
                return True
        at = text.find(word, at + 1)
    return False


# The end of a word that describes where or whose something is ("San Francisco-based")
_DESCRIBING: Final = ("-based", "-linked", "-backed", "-affiliated", "-aligned", "-sponsored")


# A determiner or pronoun first: a sentence's opening, when one word follows.
_DETERMINED: Final = re.compile(
    r"^(?:The|A|An|This|These|Those|That|Our|Its|Their|His|Her|Some|Any)\s"
)


@cache
def _companies() -> frozenset[str]:
    """Platforms, their makers and the publishers of reports, by their names in lower case."""
    names = {n.lower() for p in PLATFORMS.values() for n in (p.name, p.vendor, *p.aliases)}
    return frozenset(names) | publisher_names()


def looks_like_name(name: str, lowered: frozenset[str] | WrittenLower) -> bool:
    """Whether ``name`` may name an operation or an actor; ``lowered``: the words the text
    writes in lower case (:func:`lower_words`, :class:`WrittenLower`)."""
    parts = name.split()
    if not parts or (_DETERMINED.match(name) and len(parts) <= 2):
        return False  # "The AI": a sentence's first words ("The Russian pair" describes)
    if len(parts) <= 3 and parts[0].lower() in words("name_prepositions"):
        return False  # "Beyond China, ...": a phrase set before the sentence
    if any(p.lower().endswith(_DESCRIBING) for p in parts):
        return False  # "The San Francisco-based AI firm": where it is, a description

    if len(parts) == 1:
        word = parts[0].strip(".,;:!?")
        common = word[:1].isupper() and word[1:].islower() and word.isalpha()
        if common and (word.lower() in lowered or word.lower() in words("field_labels")):
            return False  # "Level: high", "Landing." : a label, a word of the text
        if common and word.endswith("ly"):
            return False  # "Separately, a crew ...": a sentence adverb, no name
        if word.endswith("s") and 3 <= len(word) <= 7 and word[:-1].isupper():
            return False  # "influence operations (known as IOs)": a kind's abbreviation
    rest = [w for w in parts if w.lower() not in words("name_tails")]
    companies = _companies()
    whole = " ".join(rest).lower()
    return not (rest and (whole in companies or all(w.lower() in companies for w in rest)))


# What may stand between a name and the verb that says it reports: ", a security firm,"
_VERBS: Final = "|".join(word_list("reporter_verbs"))
# or a longer one when it says what reports: ", a team of threat researchers under the
# security company Northwind,"
_REPORTERS: Final = "|".join(word_list("reporters"))
_THEN_REPORTS: Final = re.compile(
    rf"(?:(?:,\s(?:an?|the)\s[^.;,]{{0,60}}?\b(?:{_REPORTERS})\b[^.;,]{{0,60}}"
    r"|,[^.;,]{0,60})?,| )"
    rf" ?(?:also |[a-z]+ly )?(?:{_VERBS})\b"
)


# What a name is said to be by "is": a kind of malicious software ("X is one of roughly ten
# wipers", "X is a new backdoor"), not an actor
_IS_A_TOOL: Final = re.compile(
    r" (?:is|was|remains) "
    r"(?:one of (?:the |roughly |about |some |at least )*(?:[\w-]+ )?|an? |the )"
    rf"(?:[\w-]+ ){{0,3}}(?i:{'|'.join(word_list('malware_nouns'))})s?\b"
)


def not_an_actor(text: str, end: int) -> bool:
    """Whether the name that ends at ``end`` reports (:func:`then_reports`) or is said to be
    malicious software: "CaddyWiper is one of roughly 10 unique wipers deployed against ...":
    a tool, not who deployed it."""
    return then_reports(text, end) or bool(_IS_A_TOOL.match(text, end))


def then_reports(text: str, end: int) -> bool:
    """Whether the name that ends at ``end`` is the subject of a reporting verb ("ShieldWorks,
    a security firm, said ..."): who reports a finding, not who did it."""
    return bool(_THEN_REPORTS.match(text, end))


# A person's post set after their name: ", a spokesman for", ", the lab's lead investigator at",
# ", vice president of"; up to three words before the post, then what it is of or at
_POST: Final = re.compile(
    r",\s(?:(?:an?|the|its|their|[A-Z][\w.&-]*(?:'s|\u2019s))\s)?(?:[\w-]+\s){0,3}?"
    rf"(?i:{'|'.join(word_list('person_roles'))})(?:,|\s(?:at|for|of|with|in|on|to|from|who)\b)"
)


def names_a_person(text: str, end: int) -> bool:
    """Whether the name that ends at ``end`` is a person's, by the post set after it ("Dana
    Reyes, a spokeswoman for the embassy, said ..."): a voice the text quotes, no operation.

    >>> names_a_person("Dana Reyes, a spokeswoman for the embassy, said so.", 10)
    True
    >>> names_a_person("Tin Drum, a network of fake pages, posted in Spanish.", 8)
    False
    """
    return bool(_POST.match(text, end))


# A person's name, two or three capitalised words, that opens a sentence
_PERSON_FIRST: Final = re.compile(r"^[A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){1,2}(?=,)")


# The words of the posts, to try the patterns only on a sentence that holds one
POST_WORDS: Final = frozenset(w for post in word_list("person_roles") for w in post.lower().split())


def opens_with_person(text: str) -> bool:
    """Whether a sentence opens with a person, named and then given a post ("Dana Reyes, a
    spokeswoman for the embassy, said ..."): who says, no actor.

    >>> opens_with_person("Sam Ortiz, lead investigator at the lab, called it a test.")
    True
    >>> opens_with_person("Reactions: Sam Ortiz, an analyst with the firm, said so.")
    True
    >>> opens_with_person("Tin Drum, a network of fake pages, posted in Spanish.")
    False
    """
    label = text.find(": ", 0, 60)  # "Reactions: Dana Reyes, a spokeswoman ...": after a label
    if label > 0:
        text = text[label + 2 :]
    first = _PERSON_FIRST.match(text) if text[:1].isupper() else None
    return first is not None and names_a_person(text, first.end())


# What follows a unit of the reporter named with its acronym: "(TIG) report", "(TAG) said"
REPORTS_NEXT: Final = (
    rf"(?!\s*(?:(?:has|have|had|also) )*"  # "(TAG) has recorded"
    rf"(?i:{'|'.join(word_list('reporters'))}|{'|'.join(word_list('reporting_verbs'))})\b)"
)


# An acronym in brackets after the words it stands for: "International Union of Virtual
# Media (IUVM)", not one of the reporter's units that reports ("a Threat Intelligence Group
# (TIG) report", "(TAG) said")
_ACRONYM: Final = re.compile(
    r"\b[A-Z][\w-]*\s+(?:(?:of|for|and|the)\s+|[A-Z][\w-]*\s+){1,6}"
    # (not a compound's first part: "Operational Technology (OT)-specific tools")
    rf"\(([A-Z]{{2,8}})\)(?!-){REPORTS_NEXT}"
)


# Before the words an acronym stands for: a possessive or a name that owns them ("the lab's
# ", "Google "), or a preposition of what was used ("via the ", "over a "): a tool, no operation
_OWNED: Final = re.compile(
    r"(?:[\w'\u2019]s|[A-Z][\w-]*|"
    rf"\b(?:{'|'.join(word_list('instrument_prepositions'))})(?: the| an?| its| their)?) $"
)


_ABOUT_A_REPORT: Final = words("about_a_report")  # "Report", "Bulletin", "Digest", ...
_BODIES: Final = words("institution_heads")  # "Agency", "Office", "Bureau"


# Who issued a warning, after it and "from" ("an alert from the Cyber Defence Office (CDO)"), or
# a relative clause of saying after the acronym ("(CDO), which warned ...")
_WARNED_FROM: Final = re.compile(
    rf"\b(?i:{'|'.join(word_list('warnings'))})\b(?: [\w-]+){{0,3}} from (?:[\w.]+ ){{0,6}}$"
)
_MEASURED: Final = re.compile(
    rf"\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{'|'.join(word_list('measure_nouns'))})\b"
)
# A news outlet's noun right before the words ("its main outlet Lima Daily Truth (LDT)"), and
# a last preposition of aim before them, the words in its object ("against Chile, its president,
# the Andean Games Committee (AGC)"), not "by" or "from" after it
_OUTLET_BEFORE: Final = re.compile(rf"\b(?:{'|'.join(word_list('outlet_nouns'))}) (?:the )?$")
_LEAD_AIMED: Final = re.compile(
    r"(?s:.*)\b(?:against|targeting|targeted)\s(?!(?s:.*)\b(?:by|from|for|with)\s)"
)
_WHICH_SAID: Final = re.compile(rf",? (?:which|who) (?:{'|'.join(word_list('reporter_verbs'))})\b")


def acronym_named(text: str) -> str | None:
    """The acronym in brackets a sentence names something by, after the words it stands for;
    None for one whose words a possessive or a name owns ("the lab's Threat Analysis Group
    (TAG)"), for what was used ("scanners run via the Remote Probe Kit (RPK)"), for the
    reporter's unit that reports ("a Threat Watch Desk (TWD) report"), for a report's own
    ("its yearly Chatbot Abuse Report (CAR)") and for a kind on a measure ("the Covert Operation
    (CO) reach scale").

    >>> acronym_named("The Andean Union of Free Media (AUFM) posted articles.")
    'AUFM'
    >>> acronym_named("Tin Vane (ROOK) phished banks.") is None  # no acronym of its words
    True
    >>> [acronym_named(t) for t in ("It ran via the Remote Probe Kit (RPK).",
    ...                             "The lab's Threat Watch Desk (TWD) saw it.")]
    [None, None]
    >>> acronym_named("According to a study by the Andean Media Watch (AMW), it grew.") is None
    True
    >>> acronym_named("It sits low on the six-step Covert Operation (CO) reach scale.") is None
    True
    """
    m = _ACRONYM.search(text)
    if m is None or _OWNED.search(text[: m.start()]):
        return None
    sources = SOURCE.finditer(text) if "ccording to" in text else ()
    if any(s.start() < m.start(1) < s.end() for s in sources):
        return None  # "According to a report by the Institute for Strategic Dialogue (ISD), ..."
    last = text[: m.start(1) - 1].split()[-1]
    if last in _ABOUT_A_REPORT:
        return None  # "the yearly Chatbot Abuse Report (CAR)": a report's, no operation
    if last.lower() in _BODIES:
        return None  # "The Cyber Defence Agency (CDA) published ...": a public body
    if _WARNED_FROM.search(text, 0, m.start()) or _WHICH_SAID.match(text, m.end()):
        return None  # "The warning came from the U.S. National Security Agency (NSA), which
        # urged ...": who warned, no operation
    if _MEASURED.match(text, m.end()):
        return None  # "its Covert Operation (CO) reach scale": a kind on a measure
    if _OUTLET_BEFORE.search(text, 0, m.start()) or _LEAD_AIMED.match(text, 0, m.start()):
        return None  # "its outlet Lima Daily Truth (LDT)", "campaigns against Chile, the Andean
        # Games Committee (AGC), ...": an outlet, whom they aimed at; no operation
    return _spelt(m)


def acronym_of(text: str) -> str | None:
    """The acronym in brackets after the words it stands for, whatever the words are (a body
    that warns, a report): "The Cyber Defence Office (CDO), which warned ..." gives CDO."""
    m = _ACRONYM.search(text)
    return _spelt(m) if m else None


def _spelt(m: re.Match[str]) -> str | None:
    """The acronym of an :data:`_ACRONYM` match if it spells the words before it."""
    initials = "".join(w[0] for w in m.string[m.start() : m.start(1)].split() if w[:1].isupper())
    return m.group(1) if m.group(1) in initials else None  # "Tin Vane (ROOK)": another name


# A name of one word written as a code ("Tinbird77", "DarkVane", "TA4903") beside a group's
# noun: "the Tinbird77 hacking group", "an APT group Tinbird77 runs", "the group DarkVane sent";
# a plain one between "the" and the group's kind: "the Rhysida ransomware gang"
CODE_NAME: Final = r"[A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*|[A-Z][A-Z0-9]{2,}[0-9][A-Z0-9]*"
_GROUP_NOUNS_BIT: Final = cue_bit(words("group_nouns"))
_GROUP: Final = rf"(?:{'|'.join(word_list('group_nouns'))})"
_KIND: Final = rf"(?:{'|'.join(word_list('group_kinds'))})"
_CODED_GROUP: Final = re.compile(
    rf"\b(?:({CODE_NAME})(?: {_KIND})? {_GROUP}\b|{_GROUP} ({CODE_NAME})\b"
    # ... or a plain name after "the" with its kind: "the Rhysida ransomware gang"
    rf"|(?<![\w-])[Tt]he ([A-Z][a-z]{{3,}}) {_KIND} {_GROUP}\b"
    # ... or a name of two or three capitalised words (one may be initials) before its group
    # noun: "The BD Anonymous group also targeted ..."
    rf"|(?<![\w-])[Tt]he ((?:[A-Z]{{2,}}|[A-Z][a-z]+)(?: (?:[A-Z]{{2,}}|[A-Z][a-z]+)){{1,2}})"
    rf" {_GROUP}(?= (?:also |has |had |have |was |is )?[a-z]+ed\b))"
)


def coded_group_names(text: str, said: list[str]) -> list[tuple[int, str]]:
    """Names written as codes that a group's noun stands beside, each with where it starts;
    ``said``: the text's words in lower case, a Sentence's (none of a group's nouns: none).

    >>> line = "Tinbird77 APT group is sending lures; the group DarkVane helps."
    >>> coded_group_names(line, line.lower().split())
    [(0, 'Tinbird77'), (48, 'DarkVane')]
    """
    if not held(said, _GROUP_NOUNS_BIT):
        return []
    return [
        (m.start(m.lastindex or 1), m.group(m.lastindex or 1)) for m in _CODED_GROUP.finditer(text)
    ]
