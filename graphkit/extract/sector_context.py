"""Sector words whose sentence says they name no one the actors went after (a topic an example
list gives, the people who watch, the press a report came through, whom the writer tells or
reports go to), and the AI provider that a theft from its service targets.
"""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.bystanders import beside_the_operation
from graphkit.extract.cues import past_verb, word_list, words
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence
from graphkit.extract.roles import PHRASE_ENDS, TIED, sector_words
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.extract.voices import a_speakers_workplace
from graphkit.vocab import PLATFORMS

__all__ = ["addressed", "campaign_aimed_at", "drawn_from", "not_whom_it_aimed_at"]


_TOPIC_HEADS: Final = words("topic_heads")
_OBSERVERS: Final = words("observer_nouns")
_EXAMPLES: Final = words("example_openers") | {"like"}
_AIMING: Final = words("aimed") | words("asking") | words("target_verbs_strict")
_THROUGH: Final = words("by_way_of")
_REPORTING: Final = words("media_saying") | words("reported_to") | words("telling")
_DRAWING: Final = words("drawing")
_COPYING: Final = words("copying")
_AGAINST: Final = (words("target_verbs_strict") | {"against"}) - {"at"}  # not "looked at Claude"
_HOLDINGS: Final = words("service_holdings")
_OWNERS: Final = frozenset(("its", "their", "the", "our", "his", "her", "s"))


def _topic_listed(m: Mention) -> bool:
    """An example in a list of subjects: "issues, including criticism from foreign governments",
    "topics such as elections". A targeting word between the list's opener and the sector
    word ("issues, including attacks against banks") leaves it a target."""
    lead = m.words[max(0, m.index - 25) : m.index]
    for i in range(len(lead) - 1, 0, -1):
        if lead[i] in _AIMING:
            return False
        if lead[i] in _EXAMPLES:
            return lead[i - 1] in _TOPIC_HEADS
    return False


def _observers(m: Mention) -> bool:
    """A sector word before the noun of people who watch or judge ("federal lawmakers and
    government analysts"): whose they are, unless a targeting word leads it ("phished government
    analysts")."""
    after = m.words[m.index + m.width : m.index + m.width + 1]
    if after == [] or after[0] not in _OBSERVERS:
        return False
    return _AIMING.isdisjoint(m.words[max(0, m.index - 8) : m.index])


def _reported_through(m: Mention) -> bool:
    """The press a report came through: "Caliber.Az reports via foreign media"."""
    lead = m.words[max(0, m.index - 4) : m.index]
    for i in range(len(lead) - 1, 0, -1):
        if lead[i] in _THROUGH:
            return lead[i - 1] in _REPORTING
    return False


def not_whom_it_aimed_at(m: Mention, s: Sentence) -> bool:
    """A sector word that a list of subjects, the people who watch, the press a report came
    through, whom something lets act or advice is for or binds, who builds against the actors or
    received their spoils, what they stirred up, or a sentence that says what a technique is
    holds: no target."""
    if _topic_listed(m) or _observers(m) or _reported_through(m) or _causee(m):
        return True
    if _advised(m) or _defines(s) or _a_purpose(m) or a_speakers_workplace(m):
        return True
    return beside_the_operation(m)


_ADVICE: Final = words("advice_nouns")


def _advised(m: Mention) -> bool:
    """Whom advice or its consequences are for ("outlines strategies for governments",
    "implications for financial and payment services"): an audience, no target; up to three
    words of its list between, and no targeting word before ("sent lures with fake tips for
    hospitals" aimed at them)."""
    lead = m.words[max(0, m.index - 7) : m.index]
    if "for" not in lead:
        return False
    at = len(lead) - 1 - lead[::-1].index("for")
    between = [w for w in lead[at + 1 :] if w not in ("and", "or")]
    if at == 0 or lead[at - 1] not in _ADVICE or len(between) > 3:
        return False
    start = max(0, m.index - len(lead) + at - 8)
    return PHRASE_ENDS.isdisjoint(between) and _AIMING.isdisjoint(
        m.words[start : m.index - len(lead) + at]
    )


_USES: Final = words("use_heads")
_FIELD_LEAD: Final = frozenset(("the", "and", "or"))


def _a_purpose(m: Mention) -> bool:
    """A field a thing is for ("built a tool for defense", "models meant for education", "used
    for healthcare research"): a purpose or a use, no target. Only a field's bare singular word,
    or one before a noun of use ("research", "purposes"), after "for" and at most "the" or other
    fields of its list; a plural ("a tool for gamers") or a head after it ("tools for defense
    firms") names people or bodies, and a targeting word before "for" keeps it a target."""
    lead = m.words[max(0, m.index - 6) : m.index]
    if "for" not in lead:
        return False
    at = len(lead) - 1 - lead[::-1].index("for")
    between = lead[at + 1 :]
    if not all(w in _FIELD_LEAD or _a_field(w) for w in between) or not _a_field(m.text.lower()):
        return False  # "a tool for gamers", "lures for diplomatic missions": people or bodies
    after = m.words[m.index + m.width : m.index + m.width + 1]
    if after and after[0] not in PHRASE_ENDS and after[0] not in _USES:
        return False
    return _AIMING.isdisjoint(lead[max(0, at - 3) : at])


def _a_field(word: str) -> bool:
    """A sector's singular word: a field ("defense", "healthcare"), not its people or bodies."""
    return word in sector_words() and not word.endswith("s")


_LETTING: Final = words("letting")


def _causee(m: Mention) -> bool:
    """Whom a tool lets or helps act ("let low-skill individuals automate ransomware", "allowed
    small banks to ..."): who acts, no target; up to two words of its phrase between."""
    lead = m.words[max(0, m.index - 3) : m.index]
    at = next((i for i in range(len(lead) - 1, -1, -1) if lead[i] in _LETTING), None)
    if at is None or not PHRASE_ENDS.isdisjoint(lead[at + 1 :]):
        return False
    after = m.words[m.index + m.width : m.index + m.width + 1]
    return after == ["to"] or (lead[at].startswith("let") and after != [] and after[0] not in
                                PHRASE_ENDS)  # fmt: skip


def _defines(s: Sentence) -> bool:
    """A sentence that says what a technique is ("Spear-phishing is a highly targeted form of
    phishing where attackers trick individuals"): said of no one."""
    return _DEFINES.match(s.text) is not None


_DEFINES: Final = (
    re.compile(  # a bare noun opens it: not "Its main target is a form of banking app"
        rf"(?!(?i:{'|'.join(word_list('owning'))}|the|an?)\b)"
        r"(?:[\w-]+ ){0,2}[\w-]+ (?:is|are) (?:an?|the) (?:[\w-]+ ){0,3}"
        rf"(?:{'|'.join(word_list('kinds_of'))}) of\b"
    )
)


def drawn_from(m: Mention) -> bool:
    """An AI service that actors took from ("siphon data from Claude", "to extract data from its
    Claude model"), copied ("distilled Claude") or went after ("campaigns against Claude",
    "probed Claude"): its maker is a target, the AI providers."""
    platform = PLATFORMS.get(m.entry.id)
    if platform is None or platform.kind != "ai":
        return False
    lead = m.words[max(0, m.index - 6) : m.index]
    owners = _OWNERS | {platform.vendor.lower()}
    verb = len(lead)
    while verb > 0 and lead[verb - 1] in owners:
        verb -= 1  # "distilled Anthropic's Claude", "to clone its Gemini"
    if verb > 0 and (lead[verb - 1] in _COPYING or lead[verb - 1] in _AGAINST):
        # "distilled Claude", "ran campaigns against Claude": its maker's model; not "action
        # against ChatGPT accounts", its users'
        after = m.after
        return not after or after[0] not in _HOLDINGS
    if "from" not in lead:
        return False
    at = len(lead) - 1 - lead[::-1].index("from")
    if not owners.issuperset(lead[at + 1 :]):
        return False  # "stole data from users of ChatGPT": from its users
    return not _DRAWING.isdisjoint(lead[max(0, at - 3) : at])


_TOLD: Final = words("told")
_WARNING: Final = words("warning")
_SHARING: Final = words("sharing")
_REPORTED_TO: Final = words("reported_to")


def addressed(m: Mention) -> bool:
    """Whom the writer tells, warns or works with ("told a news agency", "warn officials",
    "shared its findings with industry partners and with hospitals", "cooperate with agencies in
    the US"), or whom reports go to ("sent its reports to intelligence agencies"), with no
    targeting word between: no target, a sector or a place."""
    return held(m.words, _ADDRESSING_BIT) and _addressed(m)  # most sentences address no one


def _addressed(m: Mention) -> bool:
    """:func:`addressed` word by word: each way it says yes needs a word of
    :data:`_ADDRESSING` in the sentence."""
    lead = m.words[max(0, m.index - 16) : m.index]
    for i in range(len(lead) - 1, max(-1, len(lead) - 9), -1):
        if lead[i] in _AIMING:
            return False
        if lead[i] in _TOLD or (lead[i] == "with" and not _SHARING.isdisjoint(lead[:i])):
            return True
        if lead[i] in _WARNING:  # "would warn officials": whom; "about Uyghurs" may be a target
            return PHRASE_ENDS.isdisjoint(lead[i + 1 :])
        if lead[i] == "to" and _reported(lead[max(0, i - 8) : i]):
            return True  # "send its reports to the authorities and intelligence agencies",
            # "report online chatter about protests straight to the authorities"
    return not _COLLABORATORS.isdisjoint(lead[-8:])  # "a tip from a partner in the financial
    # sector"


_COLLABORATORS: Final = words("collaborators")
_ADDRESSING: Final = _TOLD | _WARNING | _SHARING | _REPORTED_TO | _COLLABORATORS
_ADDRESSING_BIT: Final = cue_bit(_ADDRESSING)


def _reported(lead: list[str]) -> bool:
    """Whether the words before a "to" hold a report it goes to, with no targeting or tying word,
    clause break or other verb after it ("reported gains, then sent lures to banks" reached the
    banks)."""
    at = next((i for i in range(len(lead) - 1, -1, -1) if lead[i] in _REPORTED_TO), None)
    if at is None:
        return False
    if at < len(lead) - 1 and at and lead[at - 1] in _DETERMINERS:
        return False  # "a group the report connects to Iran": the report as a subject
    # "the report details operations tied to Russia": whom they are tied to; "wrote fake
    # reports and mailed them to banks": a new verb, whom they reached
    return not any(
        w in _AIMING or w in TIED or w in _CLAUSE_BREAKS or _PAST_VERB.fullmatch(w)
        for w in lead[at + 1 :]
    )


_CLAUSE_BREAKS: Final = words("clause_breaks") | {"then"}
_PAST_VERB: Final = re.compile(past_verb())


_DETERMINERS: Final = frozenset(
    ("a", "an", "the", "this", "that", "these", "those", "its", "their", "our")
)


_CAMPAIGNS: Final = frozenset(("campaign", "campaigns"))
_CAMPAIGNS_BIT: Final = cue_bit(_CAMPAIGNS)
# A verb of going after someone, in lower case (not a headline's "Phishing Email Campaign"),
# then a candidate's or a party's campaign: a name in capitals ("the Liberal campaign", "the
# Harris-Walz campaign", "Trump's campaign") or a word of elections
_CAMPAIGN_AIMED: Final = re.compile(
    rf"\b(?:{'|'.join(sorted(word_list('campaign_hitting')))}) (?:the |an? )?"
    rf"((?:(?:[A-Z][\w'\u2019-]*|{'|'.join(word_list('electoral'))}) ){{1,3}})campaigns?\b"
)


def campaign_aimed_at(s: Sentence) -> bool:
    """Whether a sentence's targeting verb goes at a candidate's or a party's campaign ("ran a
    hack-and-leak operation targeting the Liberal campaign", "hacked the presidential
    campaign"): the political sector, which no sector word names. Not a country's ("targeting
    the Russian campaign" is the actors' own operation)."""
    if not held(s.words, _CAMPAIGNS_BIT):
        return False  # most sentences
    places = {x.text for x in s.mentions if x.entry.kind in COUNTRY_KINDS}
    for found in _CAMPAIGN_AIMED.finditer(s.text):
        if not any(w.rstrip("'\u2019s") in places or w in places for w in found.group(1).split()):
            return True
    return False
