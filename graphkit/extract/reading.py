"""Sentences into mentions: the words of a sentence looked up in the gazetteer.

A sentence is cut into word tokens (hyphens split words: "China-based" is "china" then
"based"); every n-gram of up to five tokens that starts a gazetteer key is looked up, longest
first. Each :class:`Mention` keeps where it stands, so the words around it can tell its role
(:mod:`graphkit.extract.roles`). Hedges ("likely") and negations ("did not tie ... to") are
marked per sentence.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from graphkit.actors import actor_index
from graphkit.extract.behaviour import behaviours
from graphkit.extract.common_aliases import common_aliases, names_an_actor
from graphkit.extract.cues import word_list, words
from graphkit.extract.gazetteer import (
    TOKEN,
    Entry,
    actor_codes,
    first_words,
    fold,
    has_digit,
    lookup_table,
    single_words,
    word_pairs,
)
from graphkit.extract.quoted import has_quote, inside_a_quoted_name
from graphkit.identity import slugify as _slugify
from graphkit.vocab import PLATFORMS, PUBLISHERS

__all__ = ["COUNTRY_KINDS", "NEGATED", "PLACE", "Mention", "Sentence", "forget_sentences",
           "read_sentence", "slugify", "split_sentences", "tokenised"]  # fmt: skip

COUNTRY_KINDS: Final = ("Country", "Demonym")  # the kinds of mention that name a country
PLACE: Final = ("Country", "Demonym", "Sponsor")  # the kinds of mention that say where

_NEGATING, _UNTIED, _UNATTRIBUTED = (
    "|".join(word_list(n)) for n in ("negating", "untied", "unattributed")
)
NEGATED: Final = re.compile(rf"\b(?:{_NEGATING}) (?:{_UNTIED})\b|\b(?:{_UNATTRIBUTED})\b", re.I)

# Hedges ("likely", "consistent with"): a sentence that holds one states its facts with less
# confidence. One word is enough; a phrase stands between the sentence's lower-case words.
_HEDGES: Final = word_list("hedges")
_HEDGE_ALONE: Final = frozenset(h for h in _HEDGES if " " not in h)
_HEDGE_PHRASES: Final = tuple(f" {h} " for h in _HEDGES if " " in h)
# A word without which no hedge can stand in the sentence: most sentences skip the phrases.
_HEDGE_WORDS: Final = frozenset(h.split(" ", 1)[0] for h in _HEDGES)

_NEGATION_WORDS: Final = words("negation_words")
# A word of either: one look over a sentence's words for the nine in ten that hold none.
_HEDGE_OR_NEGATION: Final = _HEDGE_WORDS | _NEGATION_WORDS

# A sentence ends at . ! or ? (and any closing quote or bracket) before a capital or a digit;
# not at the stop of an abbreviation ("Feb. 26", "Dr. Vasquez"; words.yaml abbreviations): the
# pattern is tried at each stop (:func:`_stops`), :func:`_abbreviated` looks up the word before
# one (a set look-up, where a look-behind per abbreviation in the pattern took twice the time
# of the whole search)
_SENTENCE_END: Final = re.compile(r"[!?.][\"\u201d')\]]*(?= [\"\u201c(\[]?[A-Z0-9])")
_ABBREVIATIONS: Final = words("abbreviations")
_COMPANY_SUFFIXES: Final = words("company_suffixes")  # names.yaml: "Inc", "Ltd", "Labs"
_ITEM_MARKS: Final = (
    " -*\u2022\u2013\u2014\"\u201c'("  # what may stand before a list item's first word
)

# Model names written with their version glued on: the version goes, the name is looked up.
_MODEL_STEMS: Final = "|".join(w.lower() for p in PLATFORMS.values() for w in p.family)
_STEMS: Final = tuple(_MODEL_STEMS.split("|"))
_GLUED_STEM: Final = re.compile(rf"(?:{_MODEL_STEMS})[0-9]")
_GLUED_VERSION: Final = re.compile(rf"(?<!\S)({_MODEL_STEMS})[0-9]\S*")

slugify: Final = lru_cache(maxsize=4096)(_slugify)  # names come again and again in one text


class Mention:
    """An entity a sentence names, where it stands. A plain class, not a dataclass: compiled
    (``make compile``), its constructor is C, and a text makes tens of thousands of these."""

    __slots__ = ("entry", "index", "text", "width", "words")

    def __init__(self, entry: Entry, index: int, width: int, words: list[str], text: str) -> None:
        self.entry = entry
        self.index = index  # token position in the sentence
        self.width = width
        self.words = words  # the sentence's lower-case tokens, shared by its mentions
        self.text = text

    @property
    def before(self) -> list[str]:
        """Up to three words before the mention."""
        return self.words[max(0, self.index - 3) : self.index]

    @property
    def after(self) -> list[str]:
        """Up to three words after the mention."""
        end = self.index + self.width
        return self.words[end : end + 3]


class Sentence:
    """A sentence read: its mentions, whether it hedges or negates, its lower-case words."""

    __slots__ = ("field", "hedged", "mentions", "negated", "text", "words")

    def __init__(
        self,
        text: str,
        mentions: list[Mention],
        hedged: bool,
        negated: bool,
        words: list[str],
        field: str | None = None,
    ) -> None:
        self.text = text
        self.mentions = mentions
        self.hedged = hedged
        self.negated = negated
        self.words = words  # lower-case tokens
        self.field = field  # "who", "language" or "target": what a labelled field says


def read_sentence(text: str, codes: bool = True) -> Sentence:
    """A sentence's mentions, and whether it hedges or negates (``codes``: look for STORM-0817)."""
    mentions, hedged, negated, lowers = _read(text, codes)
    return Sentence(text, list(mentions), hedged, negated, lowers)


def forget_sentences() -> None:
    """Drop the sentences read so far: each text is read afresh (:func:`read_sentence` keeps
    what it read for the text at hand, not for the next one, nor for a benchmark's next run)."""
    _read.cache_clear()
    _TOKENISED.clear()
    _ENTRIES.clear()


# TOKEN as a group: a text split by it gives what stands between its tokens too.
_TOKENS: Final = re.compile(f"({TOKEN.pattern})")


# What :func:`tokenised` found, by text, for the text at hand (a few thousand at most: cleared
# with the sentences read, and when it grows past that). A dict: a look-up costs less than an
# LRU cache's, which the mapper's second reading of each sentence paid again.
_TOKENISED: Final[dict[str, tuple[list[str], list[str], list[str], str]]] = {}


def tokenised(text: str) -> tuple[list[str], list[str], list[str], str]:
    """A text's tokens as written; what stands between them, one more (before the first,
    after the last); the tokens in lower case, accents dropped, as
    :func:`~graphkit.extract.features.words` gives them (a sentence's words but for a model's
    version glued on, "qwen2.5"), and those joined by spaces. Kept while a text is read: the
    mapper reads the sentences again (:mod:`~graphkit.extract.masking`), never changed.

    >>> tokens, between, lowered, _ = tokenised("Qwen2.5 wrote it, then left.")
    >>> between, lowered
    (['', ' ', ' ', ', ', ' ', '.'], ['qwen2.5', 'wrote', 'it', 'then', 'left'])
    """
    found = _TOKENISED.get(text)
    if found is None:
        found = _tokens_of(text)
        if len(_TOKENISED) >= 4096:
            _TOKENISED.clear()
        _TOKENISED[text] = found
    return found


def _tokens_of(text: str) -> tuple[list[str], list[str], list[str], str]:
    if text.isascii():
        originals, between = _chunks_split(text)
    else:
        pieces = _TOKENS.split(text)
        originals, between = pieces[1::2], pieces[::2]
    # Tokens hold no spaces: one join, lower and split is the lower case of every token.
    joined = " ".join(originals).lower()
    if not joined.isascii():  # "résumés" is looked up as "resumes", a curly apostrophe as "'"
        joined = fold(joined.replace("\u2019", "'"))
    return originals, between, joined.split(" ") if originals else [], joined


def _chunks_split(text: str) -> tuple[list[str], list[str]]:
    """An ASCII text's tokens and what stands between them, as the pattern splits it, read
    chunk by chunk between its spaces (no token holds one, and a space parts words as the end
    of a text does): a chunk of letters and digits is a token, and so is one with a mark
    before or after it ("hosts,", "(the"); the pattern reads the rest ("e-mail", "U.S.")."""
    tokens: list[str] = []
    between: list[str] = []
    gap = ""  # what stands since the last token
    for n, chunk in enumerate(text.split(" ")):
        if n:
            gap = gap + " " if gap else " "
        if not chunk:
            continue
        if chunk.isalnum():
            between.append(gap)
            tokens.append(chunk)
            gap = ""
        elif chunk[:-1].isalnum() and chunk[-1] != "_":  # "hosts,": no word goes on past it
            between.append(gap)
            tokens.append(chunk[:-1])
            gap = chunk[-1]
        elif chunk[1:].isalnum() and chunk[0] != "_":  # "(the"
            between.append(gap + chunk[0])
            tokens.append(chunk[1:])
            gap = ""
        else:
            pieces = _TOKENS.split(chunk)
            gap += pieces[0]
            for k in range(1, len(pieces), 2):
                between.append(gap)
                tokens.append(pieces[k])
                gap = pieces[k + 1]
    between.append(gap)
    return tokens, between


@lru_cache(maxsize=4096)
def _read(text: str, codes: bool) -> tuple[tuple[Mention, ...], bool, bool, list[str]]:
    """What :func:`read_sentence` finds, kept while a text is read: later stages read a
    heading, a clause or a sentence again (about one read in seven of a long text). Each
    caller gets a Sentence and a list of mentions of its own; the mentions and the words,
    never changed, are shared."""
    originals, _, lowers, joined = tokenised(text)
    if has_digit(joined) and _has_stem(joined) and _GLUED_STEM.search(joined):
        joined = _GLUED_VERSION.sub(r"\1", joined)  # "Qwen2.5" is Qwen, "GPT4o" is GPT
        lowers = joined.split(" ")
    cued = not _HEDGE_OR_NEGATION.isdisjoint(lowers)
    hedged = (
        cued
        and not _HEDGE_WORDS.isdisjoint(lowers)
        and (not _HEDGE_ALONE.isdisjoint(lowers) or _phrase_in(f" {joined} ", _HEDGE_PHRASES))
    )
    negated = cued and not _NEGATION_WORDS.isdisjoint(lowers) and bool(NEGATED.search(text))
    return tuple(_mentions(text, originals, lowers, codes)), hedged, negated, lowers


def _has_stem(lowered: str) -> bool:
    """Whether a model name stands in the text: only then can a version be glued to one."""
    return any(stem in lowered for stem in _STEMS)


def _phrase_in(padded: str, phrases: tuple[str, ...]) -> bool:
    return any(p in padded for p in phrases)


# What a gazetteer key's first word tells, in one look up: the second words of its longer
# keys (None when it starts none), the lengths of the keys it starts (longest first), and the
# entries of the one-word key it is (None when it is none)
_First = tuple[
    frozenset[str] | None, tuple[int, ...], tuple[tuple[Entry, ...], tuple[Entry, ...]] | None
]


@cache
def _tables() -> tuple[
    dict[str, tuple[tuple[Entry, ...], tuple[Entry, ...]]],
    dict[str, tuple[int, ...]],
    dict[str, _First],
]:
    """The gazetteer's look-up tables, fetched once per sentence in one call, and what each
    key's first word tells."""
    table, starts, singles, pairs = lookup_table(), first_words(), single_words(), word_pairs()
    firsts = {
        w: (pairs.get(w), n, table.get(w) if w in singles else None) for w, n in starts.items()
    }
    return table, starts, firsts


_DETERMINERS: Final = words("determiners")
_COMMON: Final = common_aliases()  # actors' aliases that are ordinary words ("Copper", "Play")


# Companies by a one-word name: a one-word actor's name right after one is the company's
# product ("Google Play" is no ransomware group Play).
_MAKERS: Final = frozenset(a for p in PUBLISHERS for a in p.aliases if " " not in a)


def _mentions(text: str, originals: list[str], lowers: list[str], codes: bool) -> list[Mention]:
    table, _, firsts = _tables()
    count = len(lowers)
    out: list[Mention] = []
    quoted = has_quote(text)
    done = 0  # tokens before this one are inside a match already
    # Candidates: a one-word key, or the first two words of a longer one ("the philippines").
    for i, word in enumerate(lowers):
        known = firsts.get(word)
        if known is None or i < done:
            continue
        seconds, lengths, single = known
        if not (seconds and i + 1 < count and lowers[i + 1] in seconds):
            if single is None:
                continue
            lengths = (1,)
        for n in lengths:
            if n == 1:
                hit = single
            elif i + n <= count:
                hit = table.get(" ".join(lowers[i : i + n]))
            else:
                continue
            if hit is None:
                continue
            first = originals[i][0]
            ok = hit[0] if first.isupper() or first.isdigit() else hit[1]
            # "Tick a box ...": a verb that opens a sentence, not the actor Tick (but "APT43,
            # the group ..." is the actor: a comma sets the name apart)
            opens = i == 0 and n == 1 and count > 1 and lowers[1] in _DETERMINERS
            if opens and text.startswith(originals[0] + " "):
                ok = hit[1]
            if not ok:
                continue
            original = " ".join(originals[i : i + n]) if n > 1 else originals[i]
            if any(e.kind == "Actor" for e in ok):  # what follows only ever drops actors
                ok = _actors_kept(ok, text, originals, lowers, i, n, original, quoted)
            for e in ok:
                out.append(Mention(e, i, n, lowers, original))
            done = i + n
            break
    for i, width, ids in behaviours(lowers):  # "wrote and debugged ransomware"
        said = " ".join(originals[i : i + width])
        out += [Mention(_entry("Technique", t, said), i, width, lowers, said) for t in ids]
    for start, _end, code in actor_codes(text) if codes else []:
        entry = _entry("Actor", code, code)
        if not any(m.entry.kind == "Actor" and m.entry.id == entry.id for m in out):
            index = len(TOKEN.findall(text[:start]))
            out.append(Mention(entry, index, 1, lowers, code))
    return out


def _actors_kept(
    ok: tuple[Entry, ...],
    text: str,
    originals: list[str],
    lowers: list[str],
    i: int,
    n: int,
    original: str,
    quoted: bool,
) -> tuple[Entry, ...]:
    """The entries of the n-gram at ``i`` (``original``: as written) without its actors where
    they name none: inside a quoted name, a word of a longer name, an ordinary word."""
    if quoted and inside_a_quoted_name(text, original):
        ok = tuple(e for e in ok if e.kind != "Actor")
    if n == 1 and _inside_a_longer_name(text, originals, lowers, i, _tables()[1]):
        ok = tuple(e for e in ok if e.kind != "Actor")  # "Google Play", "Copper Gate"
    if n == 1 and lowers[i] in _COMMON and not names_an_actor(text, originals, lowers, i):
        ok = tuple(e for e in ok if e.kind != "Actor")  # "Copper prices rose"
    return ok


# The entries of behaviour phrases and tracking codes made for the text at hand, by what was
# said: a phrase or a code comes back, and an Entry costs more to make than to look up (a few
# thousand at most: cleared with the sentences read, and when it grows past that)
_ENTRIES: Final[dict[tuple[str, str, str], Entry]] = {}


def _entry(kind: str, key: str, said: str) -> Entry:
    """A technique a behaviour phrase names (``key``: its id), or the actor a tracking code
    names (``key``: the code)."""
    entry = _ENTRIES.get((kind, key, said))
    if entry is None:
        if kind == "Technique":
            entry = Entry("Technique", key, said, phrase=True)
        else:
            known = actor_index().resolve(key)
            found = (known.id, known.name) if known else (slugify(key), key)
            entry = Entry("Actor", found[0], found[1])
        if len(_ENTRIES) > 4096:
            _ENTRIES.clear()
        _ENTRIES[(kind, key, said)] = entry
    return entry


# Words after a one-word actor's name that are still about it: "Kimsuky Group", "Turla Team".
_NAME_TAILS: Final = words("name_tails")


def _inside_a_longer_name(
    text: str, originals: list[str], lowers: list[str], i: int, starts: dict[str, tuple[int, ...]]
) -> bool:
    """Whether a one-word actor's name at ``i`` is a word of a longer name: after a company's
    one-word name ("Google Play": its product), or a title-case word right before another
    capitalised word that nothing here knows ("Copper Gate" is no Tonto Team's COPPER)."""
    if i and lowers[i - 1] in _MAKERS and originals[i - 1][:1].isupper():
        return True
    word = originals[i]
    if i + 1 >= len(originals) or not (word[:1].isupper() and word[1:].islower()):
        return False  # "COPPER", "APT28": written as the name is
    following = originals[i + 1]
    if not following[:1].isupper() or lowers[i + 1] in starts or lowers[i + 1] in _NAME_TAILS:
        return False
    if len(originals) > 2 and sum(w[:1].isupper() for w in originals) * 2 > len(originals):
        return False  # a heading or a title in capitals: "Kimsuky Uses Gemini for Research"
    return f"{word} {following}" in text  # no stop or comma between them


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, each with single spaces between its words."""
    flat = paragraph  # one space between words: the pattern expects it
    if not _flat(paragraph):
        flat = " ".join(paragraph.split())
    out = []
    start = 0
    for stop in _stops(flat):
        end = _SENTENCE_END.match(flat, stop)
        if end is None or (flat[stop] == "." and _abbreviated(flat, stop, start)):
            continue  # "Feb. 26": no end
        out.append(flat[start : end.end()])
        start = end.end() + 1
    if flat[start:]:
        out.append(flat[start:])
    return out


def _flat(text: str) -> bool:
    """Whether a text has one space between its words and none around them already (most
    paragraphs): in ASCII text, none of the other characters ``str.split`` parts words at (a
    look for each, where ``str.isprintable`` looks up every character); in any other, every
    one of those is unprintable."""
    if text[:1] == " " or text[-1:] == " " or "  " in text:
        return False
    if text.isascii():
        return not any(space in text for space in _SPACES)
    return text.isprintable()


# What parts words in ASCII text but a space
_SPACES: Final = ("\n", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _stops(flat: str) -> list[int]:
    """Where a text holds a stop (. ! or ?), in order: where a sentence may end. Found by
    ``str.find``, which skips to them; the pattern, searched for, tried each character."""
    stops: list[int] = []
    for mark in "!?.":
        i = flat.find(mark)
        while i >= 0:
            stops.append(i)
            i = flat.find(mark, i + 1)
    if len(stops) > 1:
        stops.sort()
    return stops


def _abbreviated(text: str, stop: int, start: int = 0) -> bool:
    """Whether the stop at ``stop`` closes an abbreviation: the whole word before it (letters,
    digits and "_", what ``\\w`` takes) is one ("Dr." but not "Xdr."), or a company's suffix
    that opens the sentence begun at ``start``, where it follows no company and is a name
    ("Inc. Ransomware hit a clinic"; "bought by Acme Inc. The deal ..." ends there)."""
    first = stop
    while first and (text[first - 1].isalnum() or text[first - 1] == "_"):
        first -= 1
    word = text[first:stop]
    if word in _ABBREVIATIONS or _initials_before_a_name(text, stop):
        return True
    return word.lower() in _COMPANY_SUFFIXES and not text[start:first].strip(_ITEM_MARKS)


_INITIALS: Final = re.compile(r"(?:\b[A-Z]\.)+[A-Z]$")
_OPENERS: Final = words("sentence_openers")


def _initials_before_a_name(text: str, stop: int) -> bool:
    """Whether the stop closes a place's initials before a capitalised word that goes on with
    it ("impersonated U.S. State Department officials"), not before a word that opens a
    sentence ("attacks in the U.S. These crews ...")."""
    if stop < 3 or text[stop - 2] != "." or not "A" <= text[stop - 1] <= "Z":
        return False  # no "S." before the stop: no initials end there (most stops)
    if not _INITIALS.search(text, max(0, stop - 12), stop):
        return False
    following = text[stop + 1 :].split(maxsplit=1)
    return bool(following) and following[0].strip("\"'\u201c(").lower() not in _OPENERS
