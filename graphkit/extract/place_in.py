"""A place after "in" that closes a noun ("a marketing firm in Manila", "contractors in
Peru") or a verb of sitting ("appear to sit in China"): where the actors are, or where the
people they went after are."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import noun_pattern, nouns, word_list, words
from graphkit.extract.gazetteer import lookup_table
from graphkit.extract.reading import Mention

__all__ = ["befell", "done_to", "past_place_set", "sector_words", "someone_in", "who_sits"]


@cache
def sector_words() -> frozenset[str]:
    """Single words that name a sector ("telecommunications", "semiconductor", "defense")."""
    return frozenset(
        k
        for k, v in lookup_table().items()
        if " " not in k and any(e.kind == "Sector" for e in v[0])
    )


ACTOR_NOUNS: Final = nouns("origin_after")


_WHO_IN: Final = nouns("located")


_TARGET_VERBS_STRICT: Final = words("target_verbs_strict")
# ... not after an accusation ("accusations against labs, implicating entities in China"): whom
# the reporter acted against are the actors
_ACCUSING: Final = words("acted_against")


_RESEARCH_VERBS: Final = words("research_verbs")
_AIMED_AT: Final = _TARGET_VERBS_STRICT | _RESEARCH_VERBS  # "researched defense firms in Jordan"
# ... and the plain verb of a purpose after "to": "posed as journalists to phish officials in
# Israel" (not "Scam centres in ...", nor "accounts include operators in China")
_AIM_PLAIN: Final = words("aim_verbs_plain") - {"include"}


_REPORTING: Final = words("reporting_verbs")


def _after_the_report(lead: list[str]) -> list[str]:
    """The words after the last "<reporting verb> that": "Researchers at a firm found that
    (a crew in Laos)": the reporter's words aim at no one."""
    said = [i for i, w in enumerate(lead[:-1]) if lead[i + 1] == "that" and w in _REPORTING]
    return lead[said[-1] + 2 :] if said else lead


def who_sits(m: Mention) -> str:
    """Where someone sits ("The operators appear to sit in China"): the actors, unless a
    relative clause says it of someone else ("a dissident who lives in the United States")."""
    who = m.words[max(0, m.index - 5) : m.index - 2]
    if who[-1:] in (["who"], ["that"]) and who[-2:-1] and who[-2] not in ACTOR_NOUNS:
        return "target"
    return "attribution"


def someone_in(m: Mention, context: list[str]) -> str:
    """A place after "in" that closes a noun: where the actors are or whom they aimed at."""
    if _tied_to_someone(m):
        return "attribution"  # "which OpenAI linked to individuals in China"
    before = " ".join(m.words[max(0, m.index - 6) : m.index])
    if _FROM_A_SEAT.search(before) or _RUNNING_A_SEAT.search(before):
        return "attribution"  # "operating from compounds in Myanmar", "running scam compounds in"
    if len(context) == 2 and context[0] in _WHO_IN:
        # "a marketing firm in the Philippines"; but "phishing aimed at contractors in South
        # Korea", "scanned networks in Germany" name where the targets are, and so does a list
        # the verb governs ("aimed at defense experts and non-profit groups in Peru")
        start = max(0, m.index - 10)
        examples = [i for i, w in enumerate(m.words[start : m.index - 2]) if w == "including"]
        if examples:  # "break-ins at seventeen organisations, including ... a contractor in
            start = max(0, start + examples[-1] - 8)  # Chile": the noun the list is of decides
        lead = _after_the_report(m.words[start : m.index - 2])
        lead = [w for i, w in enumerate(lead) if w != "against" or lead[i - 1] not in _ACCUSING]
        bare = lead[:-1] if lead[-1:] and lead[-1] in sector_words() else lead
        if _dealt_with(bare) or done_to(m) or "about" in lead[-3:]:
            # "fake job offers for workers in Thailand": whom it was for; "posts about Kurdish
            # groups in Syria": what they wrote of
            return "target"
        return "target" if any(w in _AIMED_AT for w in lead) or _to_aim(lead) else "attribution"
    if len(context) == 2 and context[0] in _COUNT_WORDS and _counted_before(m):
        return "attribution"  # "four networks: one in Peru, one in Bolivia and two in Cuba"
    return "target"


_BELIEVED: Final = words("believed")


# A count that stands for the cases a sentence counted before it: "one in Peru, two in Cuba"
_COUNT_WORDS: Final = words("number_words") | {"one"}


def _counted_before(m: Mention) -> bool:
    """Whether the sentence counts actors before the place ("identified four networks: one
    in Peru"), with no targeting word between the count and the place."""
    lead = m.words[: m.index]
    counted = [i for i, w in enumerate(lead[:-1]) if w in _COUNT_WORDS and lead[i + 1] in _WHO_IN]
    return bool(counted) and _TARGET_VERBS_STRICT.isdisjoint(lead[counted[0] :])


# "linked to individuals in", "traced to a firm in": whom the actors were tied to, and where
_TIED: Final = words("tied")
_TIED_TO_SOMEONE: Final = re.compile(
    rf"(?:^|\s)((?:\S+ ){{1,6}})?(?:{'|'.join(word_list('tied'))}) "
    r"(?:it |them |(?P<case>(?:the|this|that) "
    r"(?:activity|operation|campaign|network|accounts) ))?to "
    r"(?:the |a |an |some |several )?(?:[\w-]+ ){1,2}in$"
)


def _may_tie(lead: list[str]) -> bool:
    """Whether :data:`_TIED_TO_SOMEONE` may match the words: it ends with "in" and holds a word
    of tying (most places have neither before them, and the pattern is tried no further)."""
    return lead[-1:] == ["in"] and not _TIED.isdisjoint(lead)


def _tied_to_someone(m: Mention) -> bool:
    """Whether the words before a place tie the actors to people there: "the network, which
    OpenAI linked to individuals in China", "an actor tied to a firm in Laos"; not "phone
    numbers linked to people in Israel" (what is tied is no actor)."""
    lead = m.words[max(0, m.index - 12) : m.index]
    said = _TIED_TO_SOMEONE.search(" ".join(lead)) if _may_tie(lead) else None
    if said is None:
        return False
    before = (said.group(1) or "").split()
    if before[-2:] == ["to", "be"] and before[-3:-2] and before[-3] in _BELIEVED:
        before = before[:-3]  # "an operation, believed to be tied to fraud in Cambodia"
    before = before[-3:]
    # "traced the activity to an IP range in Bolivia": the case, where it comes from
    return "which" in before or bool(before and before[-1] in ACTOR_NOUNS) or bool(said["case"])


# "operating from compounds in", "working out of offices in": the seat they act from (but
# "stole data from companies in" names whom)
_FROM_A_SEAT: Final = re.compile(
    rf"\b(?:{'|'.join(word_list('seat_verbs'))}) (?:from|out of) (?:the |a |an |their |its )?"
    r"(?:[\w-]+ ){1,2}in$"
)


# "running scam compounds in", "staffing call centres in": the places they run are where they are
# (but "running ads in Germany" names whom the ads reached)
_RUNNING_A_SEAT: Final = re.compile(
    rf"\b(?:{'|'.join(word_list('running'))}) (?:the |a |an |their |its )?(?:[\w-]+ ){{0,2}}"
    rf"(?:{'|'.join(word_list('seats'))}) in$"
)


# Prepositions whose object the actors dealt with: "offers for workers in"; a determiner and a
# modifier or two may follow some of them ("an interview with a software firm in")
_FOR_WHOM: Final = words("for_whom")
_DEALT_WITH: Final = words("dealt_with")


# Words before such a preposition that make its object whom the actors work with or for:
# "working for a firm in", "linked with a company in"
_CONNECTIONS: Final = frozenset({"ties", "links"})  # nouns too: "has links to", "sent links to"
_THEIR_OWN: Final = words("seat_verbs") | words("tied") | words("attr_before") | _CONNECTIONS


def _dealt_with(lead: list[str]) -> bool:
    """Whether the noun after ``lead`` is the object of a preposition of dealings ("offers for
    workers in Thailand", "an interview with a software firm in Norway": whom the actors
    approached), not of one that says whom they work for ("working for a firm in")."""
    for i in range(len(lead) - 1, max(-1, len(lead) - 4), -1):
        if lead[i] in (_FOR_WHOM if i == len(lead) - 1 else _DEALT_WITH):
            return not (i and lead[i - 1] in _THEIR_OWN and not _sent(lead[: i - 1], lead[i - 1]))
    return False


def _sent(before: list[str], noun: str) -> bool:
    """Whether "links" or "ties" before a preposition are things sent, not a connection: "sent
    links to officials in", "phishing links to", not "has links to", "with close ties to"."""
    return noun in _CONNECTIONS and before[-1:] != [] and before[-1] not in _CONNECTION_LEADS


_CONNECTION_LEADS: Final = words("connection_leads")


_BE: Final = frozenset({"was", "were", "is", "are", "been"})
_VICTIMS: Final = words("victims")


def done_to(m: Mention) -> bool:
    """Whether the predicate right after the noun phrase a place closes says it was done to
    ("A firm in Taiwan was among the targets", "a company in Japan was also hacked"): the
    noun is a victim, whatever noun it is."""
    after = m.words[m.index + m.width : m.index + m.width + 7]
    if not after or after[0] not in _BE:
        return False
    rest = [w for w in after[1:] if w not in _ADVERBS]
    if rest[:1] and rest[0] in _TARGET_VERBS_STRICT and rest[0] not in ("at", "against"):
        return True  # "was targeted", "were also breached"
    return rest[:1] == ["among"] and not _VICTIMS.isdisjoint(rest[1:4])  # "among the victims"


_ADVERBS: Final = frozenset({"also", "reportedly", "apparently", "later", "then", "been", "likely"})


# A business that opens its sentence before a verb of what befell it: "A Peruvian security firm
# admitted to unknowingly hiring a spy": the firm, and its people, are whom the actors hit
_BEFELL: Final = re.compile(
    rf"^(?:An?|The) (?:[\w-]+ ){{0,3}}(?i:{noun_pattern('acting')}) (?:also |later )?"
    rf"(?:{'|'.join(word_list('befell'))})\b"
)


def befell(text: str) -> bool:
    """Whether a sentence opens on a business that suffered what it tells."""
    return _BEFELL.match(text) is not None


_SET_QUANTITIES: Final = words("place_set_quantities")


_SET_NOUNS: Final = words("place_set_nouns")


_SET_INTROS: Final = words("place_set_intros")


_REGIONS: Final = words("region_names")


_REGION_QUALIFIERS: Final = words("region_qualifiers")


def _to_aim(lead: list[str]) -> bool:
    """Whether words hold a purpose's plain verb of aiming after "to": "to phish", "to hack"."""
    return any(w in _AIM_PLAIN and lead[i - 1] == "to" for i, w in enumerate(lead) if i)


def _a_quantity(word: str) -> bool:
    return word in _SET_QUANTITIES or word.isdigit()


def past_place_set(m: Mention) -> Mention:
    """The mention as if the words naming the set it belongs to were not there: "actors in
    other regions, including Laos" reads as "actors in Laos", "countries such as Laos" as
    "Laos", "from four countries: Laos, ..." as "from Laos", "out of Southeast Asia,
    specifically Laos" as "out of Laos". The mention itself when no such words stand before
    it."""
    i = m.index
    while i > 0 and m.words[i - 1] in _SET_INTROS and m.index - i < 3:
        i -= 1
    if i == 0:
        return m
    if m.words[i - 1] in _SET_NOUNS:
        i -= 1
        while i > 0 and _a_quantity(m.words[i - 1]) and m.index - i < 7:
            i -= 1  # "more than 20 countries, including Laos"
    elif i < m.index and m.words[i - 1] in _REGIONS:  # "Southeast Asia, specifically": a set
        i -= 1
        while i > 0 and m.words[i - 1] in _REGION_QUALIFIERS and m.index - i < 6:
            i -= 1
    else:
        return m
    words = m.words[:i] + m.words[m.index :]
    return Mention(m.entry, i, m.width, words, m.text)
