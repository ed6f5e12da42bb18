"""The words the technique mapper reads of a sentence: what it says of whom, masked.

:mod:`~graphkit.extract.learned` reads a report's sentences through :func:`mapper_pieces`
(and ``bench/techniques_cv.py`` its held-out sentences): a sentence's words with the names
of its actors, its places, demonyms and languages (the gazetteer's mentions, with the
"-language" of a language), "group(s)" where they are the actors and "run" where it says who
runs them ("run by", "run from") replaced by the placeholder, which gives no feature. So is
the reporter where it is a subject, with its verb (names.yaml's reporters and publishers.yaml's
names, before a reporting verb) and, where it opens the sentence or a clause and does more than
frame what it tells ("banned", "disabled", not "said"), what it did it to, to a relative word:
"We disabled the accounts" is the reporter's doing, no Impair Defenses, and so is "Google said it
disabled the assets" ("it" after a reporter's framing verb is the reporter again); "The actors
used the model to turn off antivirus, the company said" is read but for "the company said".
"Spanish-language lures" tell no System Language Discovery, "Iranian groups" no Permission
Groups Discovery, "Phish and Scripts" names an operation and says nothing of phishing. A
sentence is read whole and, when long enough, clause by clause; a clause left with fewer
than three words besides the placeholder ("run from Russia") is not read. Last come the
sentence's list items of two words that no mask touched ("domain fronting"; not "South
Korea"), which the model reads with a bar of their own.

Examples
--------
>>> masked(["sneer", "review", "posted", "comments"], [("sneer", "review")])
['xactor', 'xactor', 'posted', 'comments']
>>> from graphkit.extract.reading import read_sentence
>>> said = "Groups from Iran sent Korean-language lures and scanned hosts."
>>> whole, item = mapper_pieces(read_sentence(said))
>>> whole
['xactor', 'from', 'xactor', 'sent', 'xactor', 'xactor', 'lures', 'and', 'scanned', 'hosts']
>>> item
['scanned', 'hosts']
>>> mapper_pieces(read_sentence("We disabled the accounts that had scanned hosts."))
[['xactor', 'xactor', 'xactor', 'xactor', 'that', 'had', 'scanned', 'hosts']]
>>> mapper_pieces(read_sentence("The actors scanned hosts, the company said."))[0]
['the', 'actors', 'scanned', 'hosts', 'the', 'xactor', 'xactor']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from graphkit.extract.cues import word_list
from graphkit.extract.cues import words as words_of
from graphkit.extract.features import (
    _AUXILIARIES,
    _BE,
    _SUBJECTS,
    MIN_WORDS,
    PLACEHOLDER,
    SHORT_ITEM,
    verb_spans,
    words,
)
from graphkit.extract.reading import Sentence, tokenised
from graphkit.vocab import PUBLISHERS

__all__ = ["Names", "mapper_pieces", "masked", "names_of", "told"]

# Names to mask, each as its tokens, and the set of their first tokens.
Names = tuple[tuple[tuple[str, ...], ...], frozenset[str]]

_NO_NAMES: Final[Names] = ((), frozenset())


def names_of(tokenised: Sequence[Sequence[str]]) -> Names:
    """Names (each as its tokens) ready for :func:`mapper_pieces`."""
    kept = tuple(tuple(n) for n in tokenised if n)
    return kept, frozenset(n[0] for n in kept)


def masked(tokens: list[str], names: Sequence[tuple[str, ...]]) -> list[str]:
    """The tokens with every name (a tuple of tokens) replaced by the placeholder."""
    return _masked(tokens, names, frozenset(n[0] for n in names if n))


def _masked(
    tokens: list[str], names: Sequence[tuple[str, ...]], firsts: frozenset[str]
) -> list[str]:
    """:func:`masked`, given the names' first tokens (a group's, once for all its pieces)."""
    if firsts.isdisjoint(tokens):
        return tokens
    out = list(tokens)
    for i, token in enumerate(tokens):
        if token not in firsts:
            continue
        for name in names:  # only a name that opens with the token can stand here
            if name and name[0] == token and tuple(tokens[i : i + len(name)]) == name:
                out[i : i + len(name)] = [PLACEHOLDER] * len(name)
    return out


# What a sentence says of whom, not of what was done on a system: its places and languages
# ("Spanish-language lures" tell no System Language Discovery, "outlets in Peru" no System
# Location Discovery), masked as names are.
_WHOM: Final = frozenset({"Country", "Demonym", "Language"})


def _said_of_whom(s: Sentence) -> tuple[tuple[str, ...], ...]:
    """The words of the sentence's places and languages, with the "-language" of a language
    ("Korean-language lures")."""
    out = []
    for m in s.mentions:
        if m.entry.kind in _WHOM:
            end = m.index + m.width
            end += s.words[end : end + 1] in (["language"], ["speaking"])
            out.append(tuple(s.words[m.index : end]))
    return tuple(out)


# "Groups" in a threat report are most often the actors ("Iranian groups", "Groups seen: 3"),
# masked as their names are; after one of these words they are a system's (Permission Groups
# Discovery: "enumerated local groups")
_SYSTEM_GROUPS: Final = words_of("system_group_words")


# "run by", "run from": who the actors are, not T1547's Run keys. (Masking "based in", "linked
# to" and the like as well drafted more wrong techniques on the labelled sets, not fewer: the
# words left weigh more.)
_WHO_VERBS: Final = frozenset({"run"})
_WHO_AFTER: Final = frozenset({"by", "from", "out", "in", "to", "with"})
_SENSE_WORDS: Final = _WHO_VERBS | {"group", "groups"}


def _actor_sense(tokens: list[str]) -> list[str]:
    """The tokens with "group" and "groups" masked where they are the actors, and "run" where
    it says who runs the operation ("run by", "run from")."""
    if _SENSE_WORDS.isdisjoint(tokens):
        return tokens  # most sentences
    out = tokens
    for i, t in enumerate(tokens):
        if t in ("group", "groups"):
            actors = i == 0 or tokens[i - 1] not in _SYSTEM_GROUPS
        else:
            actors = t in _WHO_VERBS and tokens[i + 1 : i + 2] != [] and tokens[i + 1] in _WHO_AFTER
        if actors:
            out = out if out is not tokens else list(tokens)
            out[i] = PLACEHOLDER
    return out


# Who reports, where it is the subject of a reporter's verb: the publishers by their names and
# the words the extractor reads before a reporting verb (cues/names.yaml), but "it" and
# "they", as often the actors. What follows is the reporter's own doing ("We disabled the
# accounts", "OpenAI banned ...", "GTIG disabled its assets": not Impair Defenses) or its
# framing ("Google says"), not the actors'.
def _token_lists(entries: Sequence[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each entry as its tokens, by its first token, the longest first (so "google threat
    intelligence group" before "google")."""
    out: dict[str, tuple[tuple[str, ...], ...]] = {}
    for entry in sorted({tuple(words(e)) for e in entries if words(e)}, key=len, reverse=True):
        out[entry[0]] = (*out.get(entry[0], ()), entry)
    return out


_REPORTERS: Final = _token_lists(
    [
        *(w for w in word_list("reporters") if w not in ("it", "they")),
        *(n for p in PUBLISHERS for n in (p.name, *p.aliases)),
    ]
)
_REPORTER_FIRSTS: Final = frozenset(_REPORTERS)
# What a reporter does: its reporting verbs, the verbs only a reporter does and what it does
# with what it found (names.yaml).
_REPORTER_VERBS: Final = _token_lists(
    [*word_list("reporting_verbs"), *word_list("reporter_verbs"), *word_list("reporter_doings")]
)
# Verbs by which a reporter only frames what the actors did ("OpenAI said the actors ..."):
# what follows is theirs. After its other verbs ("banned", "disabled") what follows is the
# reporter's doing too, to a relative word ("the accounts that wrote lures").
_FRAMING: Final = frozenset(
    v for vs in _token_lists(word_list("reporter_verbs")).values() for v in vs
)
_RELATIVE: Final = frozenset({"that", "which", "who", "whose", "where"})
_BETWEEN: Final = frozenset(t for a in word_list("report_adverbs") for t in words(a))  # "has also"
# What may come before the subject that opens a piece: "The company", "Our team", "Separately, we"
_OPENERS: Final = _BETWEEN | {"the", "our"}


def _at(tokens: list[str], i: int, lists: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """The end of the longest of the token lists found at ``i``, else ``i``."""
    for entry in lists.get(tokens[i], ()) if i < len(tokens) else ():
        if tuple(tokens[i : i + len(entry)]) == entry:
            return i + len(entry)
    return i


def _verbs_end(tokens: list[str], i: int, subject: bool) -> int:
    """Where a reporter's verbs at ``i`` end ("has also identified and disabled"), else ``i``;
    when the reporter is the piece's ``subject``, with what they did it to (to a relative word)
    unless they only frame."""
    end = i
    while tokens[end : end + 1] and tokens[end] in _BETWEEN:
        end += 1
    verb_end = _at(tokens, end, _REPORTER_VERBS)
    if verb_end == end:
        return i
    framing = tuple(tokens[end:verb_end]) in _FRAMING
    while (
        tokens[verb_end : verb_end + 1] == ["and"]
        and (after := _at(tokens, verb_end + 1, _REPORTER_VERBS)) > verb_end + 1
    ):
        verb_end = after
    if framing:  # "Google said it disabled the assets": the reporter again, with its doing
        k = verb_end + (tokens[verb_end : verb_end + 1] == ["that"])
        again = _verbs_end(tokens, k + 1, subject) if tokens[k : k + 1] in (["it"], ["we"]) else 0
        return again if again > k + 1 else verb_end
    if not subject:
        return verb_end
    return next((j for j in range(verb_end, len(tokens)) if tokens[j] in _RELATIVE), len(tokens))


def _reporter_end(tokens: list[str], i: int, subject: bool = False) -> int:
    """Where a reporter that is the subject at ``i`` ends with its verbs ("the company's
    researchers have also identified and disabled"), else ``i``."""
    end = _at(tokens, i, _REPORTERS)
    while (
        end > i
        and tokens[end : end + 1] == ["s"]
        and (after := _at(tokens, end + 1, _REPORTERS)) > end + 1
    ):
        end = after  # "OpenAI's investigators"
    if end == i:
        return i
    for start in (end, *_where(tokens, end)):
        verb_end = _verbs_end(tokens, start, subject)
        if verb_end > start:
            return verb_end
    return i  # a reporter named, doing nothing here ("Google Docs", "a company in Peru")


def _where(tokens: list[str], i: int) -> tuple[int, ...]:
    """Where the verb may be after where the reporter works: "researchers at the lab",
    "analysts at Mandiant Consulting"."""
    if tokens[i : i + 1] not in (["at"], ["with"], ["from"]):
        return ()
    word = i + 1 + (tokens[i + 1 : i + 2] in (["the"], ["its"]))
    return (word + 1, word + 2)


def _opening(tokens: list[str]) -> int:
    """Where a piece's subject begins: after "the", "our" and adverbs ("Separately, our")."""
    return next((j for j, t in enumerate(tokens) if t not in _OPENERS), 0)


def _opens_with_reporter(tokens: list[str]) -> bool:
    """Whether the reporter is the subject the tokens open with."""
    if _REPORTER_FIRSTS.isdisjoint(tokens):
        return False
    start = _opening(tokens)
    return _reporter_end(tokens, start) > start


def _reporters_masked(tokens: list[str], reporters: bool = False) -> list[str]:
    """The tokens with each reporter that is a subject, and its verbs, masked; and the verbs
    they open with when the sentence's subject is the reporter (``reporters``: "We banned the
    accounts and shared indicators": the clause "shared indicators" is the reporter's too)."""
    lead = _verbs_end(tokens, 0, True) if reporters else 0
    if not lead and _REPORTER_FIRSTS.isdisjoint(tokens):
        return tokens  # most sentences
    out = tokens if not lead else [PLACEHOLDER] * lead + tokens[lead:]
    opening = _opening(tokens)
    for i, token in enumerate(tokens):
        if token in _REPORTER_FIRSTS and (end := _reporter_end(tokens, i, i == opening)) > i:
            out = out if out is not tokens else list(tokens)
            out[i:end] = [PLACEHOLDER] * (end - i)
    return out


def told(tokens: list[str]) -> bool:
    """Whether a piece has words enough to tell a behaviour besides masked names (read up to
    the third such word, not counted over the whole piece)."""
    n = 0
    for t in tokens:
        if t != PLACEHOLDER:
            n += 1
            if n >= MIN_WORDS:
                return True
    return False


# Where a sentence's clauses part (:func:`~graphkit.extract.features.clause_parts`): at each
# of these marks, with the white space after it; at a joining word between white spaces (in
# neither part); at dashes between two white spaces.
_PARTING: Final = frozenset(",;:()")
_JOINING: Final = frozenset({"and", "or", "but", "while", "whereas", "then"})
_DASHES: Final = frozenset("-\u2013\u2014")
_JOINS: Final = frozenset({"and", "or"})
# What opens a behaviour in verb_spans besides a word in -ed or -s (features.py's own sets)
_OPENING: Final = _BE | _AUXILIARIES


def _clause_parts(text: str) -> tuple[list[list[str]], list[list[str]]]:
    """:func:`~graphkit.extract.features.clause_parts` of a sentence read already: its parts
    cut from the words the reader found (:func:`~graphkit.extract.reading.tokenised`) where
    what stands between them parts it, not found again by a pattern in each part."""
    tokens, between, lowered, _ = tokenised(text)
    cut = [lowered[a:b] for a, b in _parted(tokens, between) if b > a]
    found = [w for w in cut if len(w) >= MIN_WORDS]
    items = [w[w[0] in _JOINS :] for w in cut]  # ", and proxies": the item is "proxies"
    return found if len(found) > 1 else [], [w for w in items if len(w) == SHORT_ITEM]


def _parted(tokens: list[str], between: list[str]) -> list[tuple[int, int]]:
    r"""Each part's first token and end, none when nothing parts the text: the parts re.split
    cuts by features' pattern, ``[,;:()]\s*|\s+(?:and|or|...)\s+|\s[-\u2013\u2014]+\s``, read
    off what stands between the tokens (``taken``: what white space after a joining word the
    joining word's mark took of the next gap)."""
    out: list[tuple[int, int]] = []
    start = taken = 0
    for k, gap in enumerate(between):
        i, size = taken, len(gap)
        taken = 0
        if gap == " " and not i and not _joins(tokens, between, k):
            continue  # most gaps
        while i < size:
            c = gap[i]
            if c in _PARTING:
                out.append((start, k))
                start, i = k, i + 1
                while i < size and gap[i].isspace():
                    i += 1
            elif not c.isspace():
                i += 1
            elif gap[i:].isspace() and _joins(tokens, between, k):
                out.append((start, k))
                start, after = k + 1, between[k + 1]
                taken = len(after) - len(after.lstrip())
                break
            else:  # dashes between white spaces
                j = i + 1
                while j < size and gap[j] in _DASHES:
                    j += 1
                if i + 1 < j < size and gap[j].isspace():
                    out.append((start, k))
                    start, i = k, j + 1
                else:
                    i += 1
    if out:
        out.append((start, len(tokens)))
    return out


def _joins(tokens: list[str], between: list[str], k: int) -> bool:
    """Whether the token at ``k`` is a joining word with white space after it."""
    return k < len(tokens) and tokens[k] in _JOINING and between[k + 1][:1].isspace()


def _may_run_on(words: list[str]) -> bool:
    """Whether a sentence's words (the reader's) hold two that may open a behaviour in
    :func:`~graphkit.extract.features.verb_spans`: a word in -ed, a form of "be" or an
    auxiliary, or one in -s when a subject ("it", "they") is there. A sentence with fewer has
    no spans (each word verb_spans reads as opening one ends a word of the reader's that is
    one of these, and no two of them end the same), and most have fewer: the spans are not
    looked for."""
    subject = not _SUBJECTS.isdisjoint(words)
    found = 0
    for w in words:
        if w.endswith("ed") or w in _OPENING or (subject and w.endswith("s")):
            found += 1
            if found > 1:
                return True
    return False


def mapper_pieces(s: Sentence, names: Names = _NO_NAMES) -> list[list[str]]:
    """What the mapper reads of a sentence: its masked words whole, then each clause's that
    still tells something, when the sentence is long enough to hold two clauses, then each
    span that opens at a finite verb in a run-on sentence (:func:`~graphkit.extract.features.
    verb_spans`), then each list item of two words left whole by the masks ("domain
    fronting", read with a bar of its own: :func:`~graphkit.extract.features.clause_parts`)."""
    name_tokens, firsts = names
    own = _said_of_whom(s)
    if own:
        name_tokens = (*name_tokens, *own)
        firsts = firsts | {n[0] for n in own}
    whole = _reporters_masked(_actor_sense(_masked(s.words, name_tokens, firsts)))
    # two clauses or none, and the two-word items
    parts, items = _clause_parts(s.text) if len(s.words) >= 2 * MIN_WORDS else ([], [])
    reporters = bool(parts or items) and _opens_with_reporter(s.words)
    masks = [
        _reporters_masked(_actor_sense(_masked(w, name_tokens, firsts)), reporters)
        for w in (*parts, *items)
    ]
    # the whole, unless the reporter's doing was all it told, then the clauses that tell
    read = [m for m in (whole, *masks[: len(parts)]) if told(m)] or [whole]
    if len(s.words) >= 2 * MIN_WORDS and _may_run_on(s.words):  # a run-on sentence's spans,
        read += [m for a, b in verb_spans(s.text) if told(m := whole[a:b])]  # masked as whole
    return read + [m for m in masks[len(parts) :] if PLACEHOLDER not in m and len(m) == SHORT_ITEM]
