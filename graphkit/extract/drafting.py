"""Report text into draft findings: which entities a text names, and which belong together.

The text is cut into sections (Markdown headings, or paragraphs that name a new operation or
actor), sections into sentences, sentences into word tokens looked up in the gazetteer.
Context words decide roles: "China-based", "Chinese operators", "from Iran" attribute;
"targeting Taiwan", "against", "an Iranian journalist" target; "Korean-language", "in Farsi"
name an operator language. Hedges ("likely", "consistent with") lower a fact's confidence;
negations ("did not tie ... to any government") drop an attribution. Every fact carries the
sentence it came from as evidence.

Examples
--------
>>> text = '''# Update
... ## Phish and Scripts
... A China-based cluster sent phishing emails in English and Japanese to chip makers in Taiwan.
... '''
>>> f = extract_findings(text, publisher="OpenAI", published="2025-10-07")
>>> c = f.campaigns[0]
>>> c.name, c.actor.country.id, sorted(x.id for x in c.targets.countries)
('Phish and Scripts', 'CN', ['TW'])
>>> sorted(x.id for x in c.languages), [s.id for s in c.targets.sectors]
(['en', 'ja'], ['semiconductors'])
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from graphkit.actors import actor_index
from graphkit.errors import InputError
from graphkit.extract.gazetteer import (
    TOKEN,
    Entry,
    actor_codes,
    first_words,
    lookup_table,
    single_words,
    word_pairs,
)
from graphkit.findings import Findings
from graphkit.findings import Many as MANY
from graphkit.identity import slugify as _slugify

__all__ = ["PUBLISHERS", "extract_findings"]

# Publishers the extractor recognises, with the AI platform their reports are about.
PUBLISHERS: dict[str, tuple[str, str | None]] = {
    "google threat intelligence group": ("Google Threat Intelligence Group", "Gemini"),
    "gtig": ("Google Threat Intelligence Group", "Gemini"),
    "microsoft threat intelligence": ("Microsoft Threat Intelligence", "ChatGPT"),
    "openai": ("OpenAI", "ChatGPT"),
    "anthropic": ("Anthropic", "Claude"),
    "google": ("Google Threat Intelligence Group", "Gemini"),
    "microsoft": ("Microsoft Threat Intelligence", "ChatGPT"),
    "mandiant": ("Mandiant", None),
    "meta": ("Meta", "Llama"),
}
_OWNERS = frozenset({"our", "its", "company"})  # words _OUR_MODELS needs ("company's" too)
_OUR_MODELS = re.compile(
    r"\b(our|its|the company's) (models?|services?|tools?|platform|chatbot|AI|LLMs?)\b", re.I
)

HEDGES = re.compile(
    r"\b(likely|probably|possibly|perhaps|suspected|appears? to|appeared to|may have|might|"
    r"consistent with|low confidence|moderate confidence|could be|we assess|believed to)\b",
    re.I,
)
NEGATED = re.compile(
    r"\b(did not|didn't|could not|cannot|can't|not) (tie|tied|attribute|attributed|link|linked|"
    r"determine|identify|connect|connected)\b|\bunattributed\b|\bno (evidence|indication)\b|"
    r"\bwithout attribution\b",
    re.I,
)
# Words without which HEDGES and NEGATED cannot match: most sentences skip the regexes.
_HEDGE_WORDS = frozenset({"likely", "probably", "possibly", "perhaps", "suspected", "appear",
                          "appears", "appeared", "may", "might", "consistent", "low", "moderate",
                          "could", "assess", "believed"})  # fmt: skip
_NEGATION_WORDS = frozenset(["not", "didn't", "can't", "cannot", "unattributed", "no", "without"])
_ATTR_AFTER = {"based", "linked", "nexus", "backed", "sponsored", "affiliated", "aligned",
               "origin", "state", "government", "operated", "run"}  # fmt: skip
_ATTR_BEFORE = {"from", "origin", "originated", "originating", "tied", "attributed", "linked",
                "operating", "located", "based", "run", "by", "affiliated", "associated",
                "aligned", "connected", "backed", "sponsored"}  # fmt: skip
# "a marketing firm in the Philippines" is where the actor is; "operations in Ukraine" are not.
_WHO_IN = {"operators", "operator", "actor", "actors", "group", "groups", "network", "networks",
           "accounts", "hackers", "cluster", "firm", "company", "criminals", "developers",
           "developer", "scammers", "workers", "centres", "centers"}  # fmt: skip
_TARGET_VERBS_STRICT = {"targeting", "targeted", "targets", "against", "victims", "attacked",
                        "hit", "compromised", "breached", "at"}  # fmt: skip
_TARGET_BEFORE = {"targeting", "targeted", "targets", "target", "against", "at", "toward",
                  "towards", "focused", "audiences", "victims", "in", "on", "into", "about",
                  "of", "across", "including", "and", "or", "with"}  # fmt: skip
_ACTOR_NOUNS = {"operators", "operator", "actor", "actors", "group", "groups", "network",
                "networks", "accounts", "hackers", "cluster", "apt", "apts", "threat", "state",
                "influence", "operation", "campaign", "developers", "developer", "criminal",
                "criminals", "firm", "company", "entities", "cyber", "adversary", "adversaries",
                "intelligence", "gru", "mss", "irgc", "workers", "worker", "scammers",
                "fraudsters", "operatives", "agents", "scheme", "schemes", "operations",
                "activity", "centres", "centers", "syndicates"}  # fmt: skip
_LANG_AFTER = {"language", "speaking", "speakers", "speaker", "speaker's", "text", "prompts",
               "content", "posts", "comments", "articles", "messages", "emails", "translations",
               "version", "versions"}  # fmt: skip
_TARGET_VERBS = {"targeting", "targeted", "targets", "against", "researched", "research", "about",
                 "on", "at", "an", "toward", "towards", "impersonating", "posing",
                 "posed"}  # fmt: skip
_ABOUT = {"criticizing", "criticising", "criticized", "criticised", "praising", "praised",
          "supporting", "denouncing", "attacking"}  # fmt: skip
# Nouns that, after a country's sector ("Taiwanese semiconductor firms"), are its assets.
_THEIR_ASSETS = {"networks", "network", "companies", "company", "firms", "firm", "providers",
                 "organizations", "organisations", "systems", "infrastructure", "contractors",
                 "sector", "industry", "agencies", "institutions", "operators"}  # fmt: skip
_SUBJECT_MATTER = {"protocols", "protocol", "technology", "technologies", "imaging",
                   "terminology", "standards", "equipment"}  # fmt: skip
_POSING = {"posing", "posed", "pose", "poses", "impersonating", "impersonated", "impersonate",
           "impersonates", "pretending", "pretended", "masquerading", "masqueraded"}  # fmt: skip
_SECTOR_NOT_AFTER = {"backed", "sponsored", "affiliated", "linked", "aligned", "run", "owned"}
_BARE_SECTOR_NEEDS = {
    "technology": {
        "companies",
        "company",
        "firms",
        "firm",
        "sector",
        "industry",
        "providers",
        "provider",
        "organizations",
        "organisations",
    },
}
_GENERIC_HEADINGS = re.compile(
    r"^(introduction|summary|executive summary|overview|background|conclusions?|key (findings|"
    r"takeaways|trends)|methodology|about( us| this report)?|appendix.*|references|"
    r"recommendations|what we found|looking ahead|next steps|acknowledg.*|case stud(y|ies)|"
    r"table of contents|contents|disclaimer|indicators.*|iocs?|mitigations?|our approach|"
    r"trends?.*|themes?)$",
    re.I,
)
_NAMING = re.compile(
    r"\b(?:dubbed|named|call(?:ed|s)?|nicknamed|codenamed|tracked as|track as|we call|known as|"
    r"refer to as|referred to as|designated)\s+(?:it\s+|them\s+|this\s+(?:operation|network|"
    r"activity|cluster)\s+)?[\"\u201c'\u2018]?((?:Operation\s+)?[A-Z][\w\u2019'\u2014\u2013-]*(?:\s+(?:[A-Z0-9][\w\u2019'\u2014\u2013-]*"
    r"|and|of|the))*)"
)
_NAME_WORD = r"[A-Z][\w\u2019'\u2014\u2013-]*"
_OPENING_NAME = re.compile(rf"^({_NAME_WORD}(?: {_NAME_WORD}){{0,3}}),\s")
_NOT_NAMES = re.compile(
    r"^(In|Since|For|However|Today|Overall|Then|Later|Meanwhile|Also|Finally|First|Second|"
    r"Third|Together|Recently|Instead|Still|Yet|Here|There|Although|While|When|After|Before|"
    r"During|Between|Across|Like|Unlike|As|At|On|By|From|With|Without|Over|Under|Google|OpenAI|"
    r"Microsoft|Anthropic|January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)
_LABEL = re.compile(r"^([A-Z][^:.!?\"]{1,60}?)\s?:\s+\S")
_NOT_LABELS = re.compile(
    r"^(note|notes|update|updates|example|examples|warning|tip|source|sources|caveat|summary|"
    r"impact|status|outcome|result|results|takeaway|bottom line|tl;?dr|q|a|question|answer)$",
    re.I,
)
_NAMING_WORDS = re.compile(r"named|call|dubbed|track|known|refer|designated")
# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital or a digit.
_SENTENCE_END = re.compile(r"[.!?][\"\u201d')\]]*(?= [\"\u201c(\[]?[A-Z0-9])")
_DATE = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+(?:(\d{1,2}),?\s+)?(\d{4})\b|\b(\d{1,2})\s+"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(\d{4})\b"
)
_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june",
           "july", "august", "september", "october", "november", "december"], 1)}  # fmt: skip


# Model names written with their version glued on: the version goes, the name is looked up.
_GLUED_STEM = re.compile(r"(?:qwen|llama|gpt|gemini|claude|mistral|deepseek|grok)\d")
_GLUED_VERSION = re.compile(r"(?<!\S)(qwen|llama|gpt|gemini|claude|mistral|deepseek|grok)\d\S*")


slugify = lru_cache(maxsize=4096)(_slugify)  # names come again and again in one text


@dataclass(slots=True)
class Mention:
    entry: Entry
    index: int  # token position in the sentence
    width: int
    words: list[str]  # the sentence's lower-case tokens, shared by its mentions
    text: str

    @property
    def before(self) -> list[str]:
        """Up to three words before the mention."""
        return self.words[max(0, self.index - 3) : self.index]

    @property
    def after(self) -> list[str]:
        """Up to three words after the mention."""
        end = self.index + self.width
        return self.words[end : end + 3]


@dataclass(slots=True)
class Sentence:
    text: str
    mentions: list[Mention]
    hedged: bool
    negated: bool
    words: list[str]  # lower-case tokens
    field: str | None = None  # "who", "language" or "target": what a labelled field says


@dataclass
class Group:
    """What one section of the report says about one operation or actor."""

    name: str | None
    sentences: list[Sentence] = field(default_factory=list)
    actors: dict[str, tuple[str, list[str], Sentence]] = field(default_factory=dict)
    subject: str | None = None  # an unnamed actor the section is about ("a Chinese threat actor")
    from_heading: bool = False
    heading: Sentence | None = None  # what the heading says of who (for the facts, not the name)


def read_sentence(text: str, codes: bool = True) -> Sentence:
    """A sentence's mentions, and whether it hedges or negates (``codes``: look for STORM-0817)."""
    originals = TOKEN.findall(text)
    # Tokens hold no spaces: one join, lower and split is the lower case of every token.
    joined = " ".join(originals).lower().replace("\u2019", "'")
    if _GLUED_STEM.search(joined):
        joined = _GLUED_VERSION.sub(r"\1", joined)  # "Qwen2.5" is Qwen, "GPT4o" is GPT
    lowers = joined.split(" ") if originals else []
    hedged = not _HEDGE_WORDS.isdisjoint(lowers) and bool(HEDGES.search(text))
    negated = not _NEGATION_WORDS.isdisjoint(lowers) and bool(NEGATED.search(text))
    return Sentence(text, _mentions(text, originals, lowers, codes), hedged, negated, lowers)


def find_mentions(text: str, codes: bool = True) -> list[Mention]:
    """Greedy longest match of gazetteer n-grams over the sentence's tokens."""
    return read_sentence(text, codes).mentions


def _mentions(text: str, originals: list[str], lowers: list[str], codes: bool) -> list[Mention]:
    table = lookup_table()
    starts, singles, pairs = first_words(), single_words(), word_pairs()
    count = len(lowers)
    out: list[Mention] = []
    done = 0  # tokens before this one are inside a match already
    # Candidates: a one-word key, or the first two words of a longer one ("the philippines").
    for i in [i for i, word in enumerate(lowers) if word in starts]:
        if i < done:
            continue
        word = lowers[i]
        if i + 1 < count and (word, lowers[i + 1]) in pairs:
            lengths = starts[word]
        elif word in singles:
            lengths = (1,)
        else:
            continue
        for n in lengths:
            if n == 1:
                hit = table.get(word)
            elif i + n <= count:
                hit = table.get(" ".join(lowers[i : i + n]))
            else:
                continue
            if hit is None:
                continue
            first = originals[i][0]
            ok = hit[0] if first.isupper() or first.isdigit() else hit[1]
            if not ok:
                continue
            original = " ".join(originals[i : i + n]) if n > 1 else originals[i]
            for e in ok:
                out.append(Mention(e, i, n, lowers, original))
            done = i + n
            break
    for start, _end, code in actor_codes(text) if codes else []:
        known = actor_index().resolve(code)
        entry = Entry("Actor", known.id if known else slugify(code), known.name if known else code)
        if not any(m.entry.kind == "Actor" and m.entry.id == entry.id for m in out):
            index = len(TOKEN.findall(text[:start]))
            out.append(Mention(entry, index, 1, lowers, code))
    return out


def _sentences(paragraph: str) -> Iterator[str]:
    flat = " ".join(paragraph.split())  # one space between words: the pattern expects it
    start = 0
    for end in _SENTENCE_END.finditer(flat):
        yield flat[start : end.end()]
        start = end.end() + 1
    if flat[start:]:
        yield flat[start:]


_WHO = frozenset({"Country", "Demonym", "Sponsor", "Language", "Actor", "Platform"})
_LEAD_BOLD = re.compile(r"^\s*(?:\*\*|__)([^*_\n]{2,80})(?:\*\*|__)")
_BLANK_LINE = re.compile(r"\n\s*\n")
_HEADING = re.compile(r"^\s{0,3}(#{2,4})\s+(.+?)\s*#*\s*$")
_TITLE = re.compile(r"^\s{0,3}#\s")
_BULLET = re.compile(r"^\s{0,6}(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+")


def _pipe_table(block: str) -> list[str] | None:
    """The rows of a Markdown pipe table as "Header: cell; Header: cell", or None."""
    lines = [ln.strip() for ln in block.strip().splitlines()]
    if len(lines) < 3 or not all(ln.startswith("|") for ln in lines):
        return None
    if not re.fullmatch(r"\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?", lines[1]):
        return None
    cells = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines]
    header = cells[0]
    return [
        "; ".join(f"{h}: {v}" for h, v in zip(header, row, strict=False) if v)
        for row in cells[2:]
        if len(row) == len(header)
    ]


def _sections(text: str) -> Iterator[tuple[str | None, str, bool]]:
    """(heading or None, paragraph, is a list item) triples; a heading starts a section."""
    heading: str | None = None
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n")):
        rest: list[str] = []
        item = False
        rows = _pipe_table(block)
        if rows:  # a Markdown table: a row is an item, each cell named by its column
            for row in rows:
                yield heading, row, True
            continue
        for line in block.strip().splitlines():
            bullet = _BULLET.match(line)
            if bullet:  # a list item is a paragraph of its own
                if rest:
                    yield heading, "\n".join(rest), item
                rest, item = [line[bullet.end() :]], True
                continue
            if not line.lstrip().startswith("#"):
                rest.append(line)
                continue
            if _TITLE.match(line):
                continue  # the title, not a section
            m = _HEADING.match(line)
            if m:
                if rest:
                    yield heading, "\n".join(rest), item
                    rest, item = [], False
                heading = m.group(2).strip()
                yield heading, "", False
            else:
                rest.append(line)
        if rest:
            yield heading, "\n".join(rest), item


_HEADING_LEAD = re.compile(
    r"^(case study|case|operation|network|campaign)\s*\d*\s*[:.\u2013\u2014-]\s*", re.I
)
_HEADING_TAIL = re.compile(r"[:.\u2013\u2014-]\s.*$")
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{2,60})[\"\u201d]")
# "Kind: name" headings, the kind of operation first.
_KIND_WORDS = re.compile(
    r"^(cyber|cyber operations?|influence|influence operations?|covert io|io|surveillance|"
    r"espionage|scams?|fraud|social engineering|recruitment|employment|malware|hacking|"
    r"crime|criminal|cybercrime|deceptive employment|covert influence)$",
    re.I,
)


_COUNTRY_HEADING_WORDS = {"actors", "actor", "apts", "apt", "groups", "group", "operations",
                          "activity", "threat", "threats", "nexus", "state", "backed"}  # fmt: skip


def _names_a_country(heading: Sentence) -> bool:
    """A heading that only names a country ("North Korea", "Iranian APT actors"): the section is
    about that country's actors. Its country is marked as who they are."""
    countries = [m for m in heading.mentions if m.entry.kind in ("Country", "Demonym", "Sponsor")]
    if not countries:
        return False
    covered = {i for m in countries for i in range(m.index, m.index + m.width)}
    rest = [w for i, w in enumerate(heading.words) if i not in covered]
    if all(w in _COUNTRY_HEADING_WORDS for w in rest):
        heading.mentions = [m for m in heading.mentions if m.entry.kind != "Language"]
        heading.field = "who"
        return True
    return False


def _operation_name(heading: str | None) -> str | None:
    if not heading:
        return None
    quoted = _QUOTED.search(heading)  # Surveillance: "Peer Review"
    name = _HEADING_LEAD.sub("", heading)
    titled = name != heading  # "Case 4: Operations against Vietnam" is a case's title
    kind, colon, rest = name.partition(":")
    if quoted:
        name = quoted.group(1)
    elif colon and len(kind.split()) <= 2 and _KIND_WORDS.match(kind.strip()):
        name = rest  # "Cyber: North Korean actors"
    name = _HEADING_TAIL.sub("", name).strip(" \"\u201c\u201d'")
    if not name or _GENERIC_HEADINGS.match(name) or len(name) > 80:
        return None
    if not titled and _is_topic(name):
        return None
    return name


_TOPIC_WORDS = frozenset({"that", "which", "who", "how", "what", "why", "when", "where", "across",
                          "through", "inside", "using", "beyond", "against", "into", "from",
                          "our", "we", "their", "its", "is", "are"})  # fmt: skip


_ABOUT_A_REPORT = frozenset({"report", "reports", "update", "updates", "digest", "roundup",
                            "newsletter", "briefing", "reading"})  # fmt: skip


def _is_topic(heading: str) -> bool:
    """A heading that says what a section is about ("Malware that queries a model") names no
    operation; "Phish and Scripts" or "Deceptive employment schemes" may."""
    words = heading.split()
    lower = sum(1 for w in words if w[:1].islower() and w not in {"and", "of", "the", "a"})
    if not _TOPIC_WORDS.isdisjoint(w.lower() for w in words) or not _ABOUT_A_REPORT.isdisjoint(
        words
    ):
        return True  # "OpenAI's February report" (but "Tort Report" is an operation's name)
    return len(words) >= 5 and lower >= 3


_NEW_ACTOR = re.compile(
    r"^(?:The (?:actor|group|adversary) (?:we track as |tracked as )?)?"
    r"([A-Z][a-z]+[A-Z0-9][A-Za-z0-9]*|[A-Z][A-Z0-9]{2,}[0-9][A-Z0-9]*)"
    r"(?:,|\s+(?:is|was|has|used|a|an|also)\b)"
)
_AFFILIATION = re.compile(r"\b(affiliated|sponsored|backed|linked|tied) (with|to|by)\b")
_ACTOR_WORDS = re.compile(r"\b(actor|adversary|group|cluster|APT|threat|hackers?)\b", re.I)


def _actor_names(sentence: Sentence, found: dict[str, str]) -> dict[str, str]:
    """Actors a sentence names: known ones, and new names the text introduces as actors."""
    names = {m.entry.id: m.entry.name for m in sentence.mentions if m.entry.kind == "Actor"}
    text = sentence.text
    new: list[tuple[int, str]] = []
    m = _NEW_ACTOR.match(text)
    if m and (
        _ACTOR_WORDS.search(text)
        or _AFFILIATION.search(text)
        or any(x.entry.kind == "Sponsor" for x in sentence.mentions)
    ):  # "CyberAv3ngers is affiliated with the IRGC"
        new.append((0, m.group(1)))
    if (", a " in text or ", an " in text) and not _APPOSITIVE_NOUNS.isdisjoint(sentence.words):
        new += [(a.start(), a.group(1)) for a in _APPOSITIVE.finditer(text)]
    new += [(text.index(n), n) for n in found.values() if n in text]
    for start, name in new:
        if _NOT_NAMES.match(name) or actor_index().resolve(name) is not None:
            continue
        slug = slugify(name)
        if slug and slug not in names:
            names[slug] = found[slug] = name
            index = len(TOKEN.findall(text[:start]))
            sentence.mentions.append(Mention(Entry("Actor", slug, name), index, 1, [], name))
    return names


# "SweetSpecter, a suspected China-based adversary": a new name, set apart as an actor.
_APPOSITIVE = re.compile(
    r"\b([A-Z][a-z]+(?:[A-Z][a-z0-9]+)+|[A-Z][A-Za-z]*\d[A-Za-z0-9]*|[A-Z]{3,}\d*),\s+an?\s+"
    r"(?:[\w-]+\s+){0,4}?(?:threat actor|actor|adversary|group|cluster|crew|gang|hackers|firm|"
    r"company|contractor)\b"
)
_APPOSITIVE_NOUNS = frozenset({"actor", "adversary", "group", "cluster", "crew", "gang", "hackers",
                               "firm", "company", "contractor"})  # fmt: skip
# "A Chinese threat actor spent nine months ...": a paragraph about an actor it does not name.
_SUBJECT = re.compile(
    r"^(?:(?:Finally|Separately|Meanwhile|Elsewhere|Also|Additionally|In addition|Lastly|"
    r"Similarly|Likewise|Next|In (?:another|a (?:separate|second|third|fourth|further|related)) "
    r"(?:case|operation|instance)),\s+|"
    # "The report also describes North Korean IT workers who ..."
    r"(?:The report|It|The company|Google|OpenAI|Anthropic|Microsoft) (?:also )?"
    r"(?:describes|details|covers|names|reports)\s+|"
    r"(?:Another|A (?:second|third|fourth|fifth|further)) case (?:involves|concerns)\s+)?"
    r"(?:(?:[Aa]n?|[Aa]nother|[Oo]ne|[Ss]everal|[Ss]ome|[Tt]wo|[Tt]hree)\s+)?"
    r"(?:(?:second|third|fourth|fifth|further|separate|other|new)\s+)?"
    r"((?:[\w'-]+\s+){0,4}(?i:threat\s+)?(?i:actors?|groups?|operators?|clusters?|developers?|"
    r"workers|hackers|criminals?|networks?|accounts|adversar(?:y|ies)|crews?|scammers|gangs?|"
    r"cent(?:re|er)s|syndicates|rings))\b"
    # "Accounts linked to Chinese government entities": who they are may follow the noun
    r"((?:,)?\s+(?:\w+\s+)?(?:linked|tied|connected|affiliated|associated|based|located|operating|"
    r"working)\s+(?:to|with|in|from|for)\s+(?:[\w'-]+\s+){0,2}[\w'-]+)?"
)


def _subject(first: Sentence, current: Group | None) -> str | None:
    """The unnamed actor a paragraph opens with, when it is a new one: "North Korean IT workers"
    after a section about GTG-2002. Its country or language must be in the phrase."""
    m = _SUBJECT.match(first.text)
    if not m:
        return None
    phrase = re.sub(r"^(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his)\s+", "", m.group(1))
    who = m.group(0)
    if m.group(2) and not any(x.text in phrase for x in first.mentions):
        phrase += m.group(2).rstrip(",")  # "Accounts linked to Chinese government entities"
    ids = {
        x.entry.id
        for x in first.mentions
        if x.entry.kind in ("Demonym", "Country", "Language") and x.text in who
    }
    if not ids:
        return None
    if current is not None and any(
        x.entry.id in ids for s in current.sentences for x in s.mentions
    ):
        return None  # the section already spoke of that country: the same actor, likely
    return phrase[0].upper() + phrase[1:]


def _group(text: str, loose: list[Sentence] | None = None) -> list[Group]:
    """The text's groups; sentences of paragraphs that fall in none go to ``loose``."""
    groups: list[Group] = []
    current: Group | None = None
    last_heading: str | None = None
    found: dict[str, str] = {}  # actor names the text introduced ("SweetSpecter, a ... group")
    seen = False  # a paragraph was read: the first one of a plain text is its title
    for heading, paragraph, item in _sections(text):
        if heading != last_heading:
            last_heading = heading
            if heading is not None and not paragraph:
                said = read_sentence(heading)
                said.mentions = [x for x in said.mentions if x.entry.kind in _WHO]
                name = None if _names_a_country(said) else _operation_name(heading)
                if name is None and said.mentions and said.field:  # "## North Korea"
                    current = Group(None, from_heading=True, heading=said)
                    groups.append(current)
                    continue
                current = Group(name, from_heading=True) if name else None
                if current:  # "Cyber: Iranian actors": who, not what ("Phish and Scripts")
                    current.heading = said
                    groups.append(current)
                continue
        bold = None
        if "**" in paragraph or "__" in paragraph:  # Markdown emphasis: a leading bold name
            lead = _LEAD_BOLD.match(paragraph)
            bold = lead.group(1).strip() if lead and len(lead.group(1).split()) <= 6 else None
            paragraph = paragraph.replace("**", "").replace("__", "")
        codes = {paragraph[start:end] for start, end, _ in actor_codes(paragraph)}
        fields = _fields(paragraph)
        if fields:  # "Operation: X; Likely origin: China; Languages: English"
            bold = bold or next((v for role, v in fields if role == "name"), None)
            sentences = []
            for role, value in fields:
                if role == "name":
                    continue
                for piece in _sentences(value):
                    sentences.append(read_sentence(piece, bool(codes)))
                    sentences[-1].field = role
        else:
            sentences = [
                read_sentence(s, bool(codes) and any(c in s for c in codes))
                for s in _sentences(paragraph)
            ]
        body = sentences
        if len(sentences) > 1 and sentences[0].text.endswith("?"):
            question = sentences[0]  # "What about North Korea?": who the answer is about
            question.mentions = [x for x in question.mentions if x.entry.kind in _WHO]
            question.field = "who"
            body = sentences[1:]
        naming = bool(_NAMING_WORDS.search(paragraph))  # one look at the paragraph, not each
        named = bold or _paragraph_name(body, labels=seen and not fields, naming=naming)
        seen = True
        actors = {k: v for s in sentences for k, v in _actor_names(s, found).items()}
        subject = None
        if not (named or actors) and body and not (current and current.from_heading):
            subject = _subject(body[0], None if item else current)
        if (
            body
            and not actors
            and current is not None
            and current.from_heading
            and current.name is None
            and current.subject is None
            and current.heading is not None
        ):  # "## China" then "PRC-linked groups researched ...": who the section is about
            current.subject = _subject(body[0], None) or f"Actors from {current.heading.text}"
        if not actors and current is not None and current.subject is None:
            described = next((s for s in body if s.field == "actor" and s.mentions), None)
            if described is not None:  # "Actor: a Chinese threat actor"
                current.subject = _ARTICLE.sub("", described.text)[:120]
        if subject:
            current = Group(None, subject=subject)
            groups.append(current)
        starts_new = (
            current is None
            or (named and named != current.name and current.sentences)
            or (
                heading is None
                and actors
                and current.actors
                and not set(actors) & set(current.actors)
            )
            # a named actor after a section about an unnamed one ("North Korean IT workers")
            or (heading is None and actors and current.subject and not current.actors)
        )
        if starts_new and (named or actors):
            current = Group(named)
            groups.append(current)
        if current is None:
            if loose is not None:
                loose.extend(sentences)  # an introduction: which platform the report is about
            continue
        if named and not current.name:
            current.name = named
        current.sentences.extend(sentences)
        for sentence in sentences:
            _add_actors(current, sentence)
    return groups


_FIELD_COUNTRY_ROLE = {"who": "attribution", "actor": "attribution", "target": "target"}
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)
# Labelled fields of list items and table rows, and what each says.
FIELD_ROLES = {
    "operation": "name", "operation name": "name", "name": "name", "campaign": "name",
    "network": "name", "case": "name", "actor": "actor", "actors": "actor",
    "threat actor": "actor",
    "origin": "who", "likely origin": "who", "suspected origin": "who", "attribution": "who",
    "nexus": "who", "country": "who", "sponsor": "who", "attributed to": "who",
    "based in": "who", "location": "who", "language": "language", "languages": "language",
    "operator language": "language", "operator languages": "language",
    "content languages": "language", "target": "target", "targets": "target",
    "targeted": "target", "aimed at": "target", "victims": "target", "audience": "target",
    "audiences": "target", "target audience": "target", "sectors": "target",
    "targeted sectors": "target", "target countries": "target", "focus": "target",
    "what happened": "text", "activity": "text", "behaviour": "text", "behavior": "text",
    "techniques": "text", "tools": "text", "platform": "text", "platforms": "text",
    "impact": "text", "summary": "text", "details": "text", "disruption": "text",
}  # fmt: skip
_FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,24}?)\s?:\s*")


def _fields(paragraph: str) -> list[tuple[str, str]] | None:
    """(role, value) pairs of a paragraph that is labelled fields ("Actor: GTG-2002"), else None."""
    first = _FIELD.match(paragraph)
    if not first or first.group(1).strip().lower() not in FIELD_ROLES:
        return None
    out: list[tuple[str, str]] = []
    for part in paragraph.split("; ") if "; " in paragraph else [paragraph]:
        m = _FIELD.match(part)
        role = FIELD_ROLES.get(m.group(1).strip().lower()) if m else None
        if m and role:
            out.append((role, part[m.end() :].strip()))
        elif out:  # a value that holds "; " itself
            out[-1] = (out[-1][0], f"{out[-1][1]}; {part}")
    return out


def _add_actors(group: Group, s: Sentence) -> None:
    """Actors a sentence names; "X or Y" and "X, also known as Y" are one actor, two names."""
    previous: Mention | None = None
    mentioned = [x for x in s.mentions if x.entry.kind == "Actor"]
    for m in sorted(mentioned, key=lambda x: x.index) if len(mentioned) > 1 else mentioned:
        joined = previous is not None and re.search(
            rf"{re.escape(previous.text)}\W+(?:or|aka|also known as|/)\W+{re.escape(m.text)}",
            s.text,
        )
        if joined and previous is not None and previous.entry.id in group.actors:
            name, aliases, first = group.actors[previous.entry.id]
            group.actors[previous.entry.id] = (name, [*aliases, m.text], first)
        elif m.entry.id not in group.actors:
            aliases = [m.text] if m.text != m.entry.name else []
            group.actors[m.entry.id] = (m.entry.name, aliases, s)
        previous = m


def _paragraph_name(
    sentences: list[Sentence], labels: bool = True, naming: bool = True
) -> str | None:
    """The operation a paragraph introduces: "an operation we dubbed X", or "X, a ... network"."""
    candidates: list[tuple[int, str]] = []
    for s in sentences if naming else ():
        for m in _NAMING.finditer(s.text):
            lead = s.text[max(0, m.start() - 40) : m.start()].lower()
            rank = 0 if re.search(r"operation|network|campaign|activity|scheme", lead) else 1
            if re.search(r"company|firm|group|actor|cluster|vendor", lead):
                rank = 2  # "a company called STOIC" names the actor, not the operation
            candidates.append((rank, m.group(1).strip()))
    if not sentences:
        return None
    opening = _OPENING_NAME.match(sentences[0].text)
    if opening and not _NOT_NAMES.match(opening.group(1)):
        candidates.append((1, opening.group(1)))
    head = sentences[0].text
    if labels and len(sentences) > 1 and head.endswith(".") and len(head.split()) <= 5:
        name = head.rstrip(".")  # a run-in head: "Korean-language operators. A cluster ..."
        if not (_is_topic(name) or _NOT_NAMES.match(name) or _GENERIC_HEADINGS.match(name)):
            candidates.append((0, name))
    label = _LABEL.match(head) if labels and ":" in head[:64] else None
    if label and len(label.group(1).split()) <= 6:  # "Sneer Review: a network that ..."
        name = label.group(1).strip()
        if not (_GENERIC_HEADINGS.match(name) or _NOT_LABELS.match(name) or _NOT_NAMES.match(name)):
            candidates.append((0, name))
    return min(candidates)[1] if candidates else None


def _is_language(
    m: Mention, previous_language: bool, sentence: str = "", adjacent: bool = False
) -> bool:
    if previous_language and adjacent:
        return True  # "in French, German, Italian": the comma is not a token
    if m.after[:1] and m.after[0] in _LANG_AFTER:
        return True
    if m.before[-1:] and m.before[-1] in {"in", "into", "their", "its", "his", "her"}:
        return True  # "in Farsi", "polish their English"
    if m.before[-1:] == ["from"] and "translat" in sentence.lower():
        return True
    return bool(previous_language and m.before[-1:] and m.before[-1] in {"and", "or", "in"})


@cache
def sector_words() -> frozenset[str]:
    """Single words that name a sector ("telecommunications", "semiconductor", "defense")."""
    return frozenset(
        k
        for k, v in lookup_table().items()
        if " " not in k and any(e.kind == "Sector" for e in v[0])
    )


def _country_role(m: Mention) -> str:
    after = m.after[:1]
    if after and after[0] in _ATTR_AFTER:
        return "attribution"
    if m.entry.kind == "Demonym":
        # "an Iranian journalist" is a target, "an Iranian group" an attribution: the noun decides
        targeted = any(w in _TARGET_VERBS for w in m.before[-3:] if w not in {"a", "an"})
        if targeted and m.after[:1] and m.after[0] in _ACTOR_NOUNS:
            # "reporting on North Korean actors" is about who they are; "targeting Iranian
            # groups" is still a target
            targeted = any(w in _TARGET_VERBS_STRICT for w in m.before[-3:])
        after = m.after
        if len(after) >= 2 and after[0] in sector_words() and after[1] in _THEIR_ASSETS:
            return "target"  # "Vietnamese telecommunications networks", "Israeli defense firms"
        if not targeted and any(w in _ACTOR_NOUNS for w in m.after[:3]):
            return "attribution"
        if m.before[-1:] and m.before[-1] in {"also", "is", "are", "was", "were", "be"}:
            return "attribution"  # "STORM-0817, also Iranian": what the actor is
        if any(w in _ATTR_BEFORE for w in m.before[-3:]) and not targeted:
            return "attribution"  # "affiliated with the Iranian IRGC"
        return "target"
    context = [w for w in m.before if w != "the"][-2:]  # "based in the United Kingdom"
    if context == ["out", "of"] or any(w in _ATTR_BEFORE for w in context):
        # "organisations based in Taiwan" are targets: a targeting word just before says so
        lead = m.words[max(0, m.index - 8) : m.index]
        if not (context[:1] == ["based"] and any(w in _TARGET_VERBS_STRICT for w in lead)):
            return "attribution"
    if context[-1:] == ["in"] and len(context) == 2 and context[0] in _WHO_IN:
        return "attribution"  # "a marketing firm in the Philippines"
    return "target"


def _clip(text: str) -> str:
    return text if len(text) <= 2000 else text[:1999] + "…"


def _language_positions(s: Sentence) -> set[int]:
    """Token positions of the sentence's language mentions that name a language in use."""
    language_words = {m.index for m in s.mentions if m.entry.kind == "Language"}
    if not language_words:
        return language_words
    previous_language = False
    language_at: set[int] = set()
    last_language = -10
    for m in s.mentions:
        adjacent = m.index == last_language + 1
        if m.entry.kind == "Language" and _is_language(m, previous_language, s.text, adjacent):
            language_at.add(m.index)
            previous_language = True
            last_language = m.index
        elif m.index not in language_words:
            previous_language = False
    for m in reversed(s.mentions):  # "English- and French-language": both are languages
        if (
            m.entry.kind == "Language"
            and m.index + 2 in language_at
            and m.words[m.index + 1 : m.index + 2] in (["and"], ["or"])
        ):
            language_at.add(m.index)
    return language_at


def _facts(
    group: Group, platform_hint: str | None, overall: tuple[str, Sentence] | None = None
) -> dict[str, Any] | None:
    langs: dict[str, dict[str, Any]] = {}
    sectors: dict[str, dict[str, Any]] = {}
    targets: dict[str, dict[str, Any]] = {}
    techniques: dict[str, dict[str, Any]] = {}
    platforms: dict[str, dict[str, Any]] = {}
    attribution: dict[str, Any] | None = None
    stated: set[str] = set()  # target countries a "Targets:" field names
    for s in [group.heading, *group.sentences] if group.heading else group.sentences:
        if not s.mentions and not platform_hint:
            continue
        hedge = 15 if s.hedged else 0
        language_at = _language_positions(s)
        evidence = _clip(s.text)
        named = group.name if group.name and group.name in s.text else ""
        if named and not all(w[:1].isupper() for w in named.split() if len(w) > 3):
            named = ""  # "Recruitment fraud" says what happened; "Phish and Scripts" is a code
        for m in s.mentions:
            kind, eid = m.entry.kind, m.entry.id
            if named and kind in ("Technique", "Sector") and m.text in named:
                continue  # "Phish and Scripts" names an operation, it says nothing of scripts
            if kind == "Language":
                if (m.index in language_at or s.field == "language") and eid not in langs:
                    langs[eid] = {"id": eid, "evidence": evidence, "confidence": 65 - hedge}
                continue
            if kind in ("Country", "Demonym", "Sponsor"):
                if m.index in language_at or s.field == "language":
                    continue  # "Korean-language", "in English and Japanese": languages
                said = [w for w in m.before if w != "the"]
                if said[-2:] == ["critical", "of"] or (said[-1:] and said[-1] in _ABOUT):
                    continue  # "articles critical of the United States": a topic, not a target
                role = _FIELD_COUNTRY_ROLE.get(s.field or "") or (
                    "attribution" if kind == "Sponsor" else _country_role(m)
                )
                if role == "attribution":
                    if not s.negated and attribution is None:
                        attribution = {
                            "id": eid,
                            "evidence": evidence,
                            "confidence": 70 - 2 * hedge,
                        }
                elif eid not in targets and (
                    attribution is None or attribution["id"] != eid or s.field == "target"
                ):
                    targets[eid] = {"id": eid, "evidence": evidence, "confidence": 60 - hedge}
                    if s.field == "target":
                        stated.add(eid)  # "Aimed at: Philippine politics": even its own country
            elif kind == "Sector":
                if eid in sectors:
                    continue
                if m.after[:1] and m.after[0] in _SECTOR_NOT_AFTER:
                    continue  # "government-backed actors": who they are, not whom they target
                before = m.before
                said = [w for w in before if w != "the"]
                if said[-2:] == ["critical", "of"] or (said[-1:] and said[-1] in _ABOUT):
                    continue  # "critical of the governments of ...": a topic, not a target
                if before[-1:] and before[-1] in {"as", "any", "posing"}:
                    continue  # "posed as journalists", "to any government"
                if any(w in _POSING for w in before) or (
                    before[-2:-1] == ["as"] and before[-1] in {"a", "an"}
                ):
                    continue  # "posed as a university student", "impersonated think tanks"
                if any(w in _SUBJECT_MATTER for w in m.after[:2]):
                    continue  # "satellite communication protocols": what was researched
                needs = _BARE_SECTOR_NEEDS.get(m.text.lower())
                if needs is not None and not (m.after[:1] and m.after[0] in needs):
                    continue
                after_demonym = any(
                    x.entry.kind == "Demonym" and x.index == m.index - 1 for x in s.mentions
                )
                theirs = m.after[:1] and m.after[0] in _THEIR_ASSETS  # "telecom networks"
                sponsor = after_demonym and any(w in {"for", "behalf", "by"} for w in m.before[-3:])
                if sponsor:
                    continue  # "APT42, which works for the Iranian government": its sponsor
                if after_demonym and not theirs and any(w in _ACTOR_NOUNS for w in m.after[:3]):
                    continue  # "Russian military intelligence actor": the actor's own kind
                sectors[eid] = {"id": eid, "evidence": evidence, "confidence": 60 - hedge}
            elif kind == "Technique":
                conf = (50 if m.entry.phrase else 70) - hedge
                if eid not in techniques or techniques[eid]["confidence"] < conf:
                    techniques[eid] = {"id": eid, "evidence": evidence, "confidence": conf}
            elif kind == "Platform" and m.entry.name not in platforms:
                platforms[m.entry.name] = {"name": m.entry.name, "evidence": evidence,
                                           "confidence": 80}  # fmt: skip
        if (
            platform_hint
            and not platforms
            and not _OWNERS.isdisjoint(s.words)
            and _OUR_MODELS.search(s.text)
        ):
            platforms[platform_hint] = {"name": platform_hint, "evidence": evidence,
                                        "confidence": 70}  # fmt: skip
    if not platforms and overall:
        name, where = overall
        platforms[name] = {"name": name, "evidence": _clip(where.text), "confidence": 60}
    if attribution and attribution["id"] not in stated:
        targets.pop(attribution["id"], None)
    actors = []
    for _aid, (name, aliases, s) in group.actors.items():
        actors.append({"name": name, "aliases": aliases, "evidence": _clip(s.text),
                       "confidence": 70 - (15 if s.hedged else 0)})  # fmt: skip
    if not actors and group.subject and group.sentences:
        opening = group.sentences[0].text  # an actor the report describes but does not name
        actors.append({"name": group.subject, "evidence": _clip(opening), "confidence": 50})
    if not actors and group.name and (attribution or langs):
        first = group.sentences[0] if group.sentences else None
        actors.append(
            {
                "name": f"{group.name} operators",
                "evidence": _clip(first.text if first else group.name),
                "confidence": 60,
            }
        )
    if attribution:
        for a in actors:
            a["country"] = attribution
    if not group.name and not actors:
        return None
    name = group.name or f"{actors[0]['name']} activity"
    body: dict[str, Any] = {
        "name": name[:200],
        "confidence": 60,
        "languages": list(langs.values()),
        "targets": {"sectors": list(sectors.values()), "countries": list(targets.values())},
        "techniques": list(techniques.values()),
        "platforms": list(platforms.values()),
    }
    if len(actors) == 1:
        body["actor"] = actors[0]
    elif actors:
        body["actors"] = actors
    return body


def _report_meta(
    text: str, publisher: str | None, published: str | None, title: str | None
) -> dict[str, Any]:
    head = text[:4000]
    if title is None:
        m = re.search(r"^\s*#\s+(.+)$", text, re.M)
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "Untitled report")
        title = (m.group(1) if m else first).strip()[:200]
    platform = None
    if publisher is None:
        lowered = head.lower()
        found = sorted(
            (
                (lowered.find(k), k)
                for k in PUBLISHERS
                if re.search(rf"\b{re.escape(k)}\b", lowered)
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
        dates = list(_DATE.finditer(head))
        # A full date ("June 5, 2025") wins over a month ("June 2025") in a title.
        m = next((d for d in dates if d.group(1) or d.group(5) or d.group(7)), None)
        m = m or (dates[0] if dates else None)
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


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while the text is read.

    Reading keeps every sentence and mention until the facts are drafted: the collector would
    rescan them (and the gazetteer and ATT&CK tables) again and again, about a fifth of the
    time (BENCHMARKS.md). Nothing made here forms a cycle; reference counting frees it all.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_findings(
    text: str,
    *,
    path: str = "<text>",
    title: str | None = None,
    publisher: str | None = None,
    published: str | None = None,
) -> Findings:
    """Draft findings from report text (Markdown headings help; plain text works).

    Raises
    ------
    InputError
        The text names no operation or actor the extractor can group facts under.
    """
    with _no_cycle_collection():
        return _extract(text, path, title, publisher, published)


def _extract(
    text: str, path: str, title: str | None, publisher: str | None, published: str | None
) -> Findings:
    if not text.strip():
        raise InputError("the text is empty", path=path)
    meta = _report_meta(text, publisher, published, title)
    platform = meta.pop("_platform")
    merged: dict[str, Group] = {}
    loose: list[Sentence] = []
    groups = _group(text, loose)
    # The one AI platform an introduction names ("All five used ChatGPT") is every operation's.
    said = {m.entry.name: s for s in loose for m in s.mentions if m.entry.kind == "Platform"}
    overall = next(iter(said.items())) if len(said) == 1 else None
    for group in groups:  # sections with one name are one operation
        key = slugify(group.name or "") or f"#{len(merged)}"
        if key in merged:
            merged[key].sentences.extend(group.sentences)
            for aid, value in group.actors.items():
                merged[key].actors.setdefault(aid, value)
        else:
            merged[key] = group
    campaigns = [
        b for g in merged.values() if (b := _facts(g, platform, overall)) and slugify(b["name"])
    ]
    if not campaigns:
        raise InputError("found no operation or actor to draft findings for", path=path)
    if len(campaigns) > MANY:
        raise InputError(
            f"the text names {len(campaigns)} operations, more than {MANY}: split it", path=path
        )
    try:
        return Findings.model_validate({"report": meta, "campaigns": campaigns})
    except Exception as exc:  # a draft that does not validate is a bug here, reported per file
        raise InputError(
            f"the draft does not validate: {str(exc).splitlines()[0]}", path=path
        ) from None
