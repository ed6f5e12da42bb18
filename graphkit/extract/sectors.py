"""When a sector a sentence names is a target ("phishing emails to chip makers") and when it is
not: the actor's own trade ("a marketing firm"), what an operation's content was about, a part
of another name, a subject of research.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from graphkit.extract.cues import nouns, other_senses, word_list, words
from graphkit.extract.poses import posed_as
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence
from graphkit.extract.reporter import reported_removed
from graphkit.extract.roles import (
    ACTOR_NOUNS,
    EMPLOYER,
    OWN_FORCES,
    PHRASE_ENDS,
    THEIR_ASSETS,
    TIED,
    for_whom,
    noun_phrase_after,
    researched,
    sector_words,
)
from graphkit.extract.sector_context import addressed, not_whom_it_aimed_at
from graphkit.extract.topics import said_about
from graphkit.extract.unhit import (
    HEADS,
    a_market,
    acted_by,
    an_audience,
    could_aim_at,
    could_be_hit,
    looked_like,
    made_up,
    money_route,
    said_not_hit,
    where_kept,
)
from graphkit.extract.voices import answered, in_the_reporters_words
from graphkit.vocab import SECTORS

__all__ = ["sector_is_target"]


_SUBJECT_MATTER: Final = words("subject_matter")


_TARGET_VERBS_STRICT: Final = words("target_verbs_strict")


_AIMING: Final = words("aimed") | words("asking")
_TARGETING_OR_AIMING: Final = _TARGET_VERBS_STRICT | _AIMING


_PEOPLE: Final = words("people")


_SECTOR_NOT_AFTER: Final = words("sector_not_after")


# Heads a bare "technology" or "tech" needs to be a sector ("tech firms"), where no list of
# sectors holds it ("organisations in tech, energy and government")
_TECH_HEADS: Final = words("tech_heads")


def _list_of_sectors_after(after: list[str]) -> bool:
    """Whether the words after a sector go on with a list of sectors to a sector's head: "the
    technology, critical manufacturing, and transportation sectors"."""
    for i, word in enumerate(after[:8]):
        if word in _TECH_HEADS:
            return i > 0 and any(w in sector_words() for w in after[:i])
        if word not in sector_words() and word not in ("and", "or", "critical", "other"):
            return False
    return False


_BARE_SECTOR_NEEDS: Final = {"technology": _TECH_HEADS, "tech": _TECH_HEADS}


_CARRIED: Final = words("carried")
_MEDIA_SAYING: Final = words("media_saying")


def _carried_in(m: Mention) -> bool:
    """The press a text appeared in: "ended up in real newspapers", "get into the press"."""
    words = m.words[max(0, m.index - 8) : m.index]  # "place long-form articles in Latin ..."
    if words[-1:] == ["that"]:  # "articles that newspapers in Peru then ran"
        return not _CARRIED.isdisjoint(m.words[m.index + m.width : m.index + m.width + 8])
    if "in" not in words and "into" not in words and "by" not in words:  # "printed by ..."
        return False
    return not _CARRIED.isdisjoint(words)


_RUN_FROM: Final = (["out"], ["from"], ["by"], ["in"])


_RELATIVE: Final = words("relative_words")


_FIRMS: Final = nouns("firm")
_SUBJECT_NOUNS: Final = nouns("subject")  # "A Vietnamese police officer used ...": who acts
_ACTING_NOUNS: Final = ACTOR_NOUNS | _SUBJECT_NOUNS
_ACTOR_NOUNS_OR_ENDS: Final = ACTOR_NOUNS | PHRASE_ENDS


# Determiners that make a singular noun a thing of the sentence's own: "this space", "its power"
_OWNING: Final = "|".join(
    ("[Aa]", "[Aa]n", *(f"{w[0]}{w[1:]}|{w.title()}" for w in word_list("owning")))
)


# Words after a sector's word that are no noun it could modify: verbs, adverbs
_NOT_NOUNS: Final = words("not_nouns")
_OWNING_WORDS: Final = words("owning")
_ONE_BODY: Final = words("one_body")


# The sectors' own names ("government", "gaming"): a sector word that means nothing else
# (but "took legal action")
_OWN_NAMES: Final = frozenset(
    w for x in SECTORS.values() for w in (x.id.replace("-", " "), x.name.lower())
) - words("sector_adjectives")


@cache
def _not_modified() -> frozenset[str]:
    """Words after a sector's word that leave it the head of its phrase, or a target's."""
    return HEADS | sector_words() | PHRASE_ENDS | _NOT_NOUNS


_EXAMPLES: Final = words("example_openers")  # "including", "such as", "among"


def _word_in_passing(m: Mention, s: Sentence) -> bool:
    """A sector's word in one of its other senses: "in this space", "police records", "a
    cat-and-mouse game", "use its power", "cyber offense and defense". A bare singular word
    ("power", "game", "police") names a sector as the head of a noun phrase ("the election",
    "targeted the military", "the US military") or as a modifier of a target's head ("police
    departments"); not as the modifier of another head ("police records"), nor after a
    determiner that makes it a thing of the sentence's own ("this space", "its power", "a
    game"), nor beside a word of its other sense (``other_senses``). Plural nouns
    ("hospitals"), words for persons ("journalist") and the sectors' own names ("government")
    have no other sense to tell apart."""
    word = m.text.lower()
    senses = other_senses().get(word)
    listed = m.before[-1:] in (["and"], ["or"]) and m.after[:1] != [] and m.after[0] in HEADS
    if (
        senses is not None
        and not listed  # "cybersecurity and defence companies": a list before a target's head
        and not senses.isdisjoint(_sense_window(m))
    ):
        return True  # "cyber offense and defense", "network defense": protection, no sector
    if m.width > 1 or word.endswith("s") or word in HEADS or word in _OWN_NAMES:
        return False
    if s.field == "target":
        return False  # "Targets: defense"
    owner = m.before[-2:]  # "post in this space": a determiner of the sentence's own, and no
    if len(owner) == 2 and owner[1] in _OWNING_WORDS and owner[0] not in _TARGETING_OR_AIMING:
        return True  # targeting verb just before it ("targeted this sector" would be one)
    lead = m.words[max(0, m.index - 5) : m.index]
    if not _TARGETING_OR_AIMING.isdisjoint(lead) or not _EXAMPLES.isdisjoint(lead[-3:]):
        return False  # "targeted the military", "organisations, including a hospital"
    ends = {m.index}  # where a place before it ends
    between = m.before[-1:]  # "Germany's federal election": one adjective between
    if between and between[0] not in _ACTOR_NOUNS_OR_ENDS:
        ends.add(m.index - 1)
    after = m.after[:1]
    if any(x.entry.kind in COUNTRY_KINDS and x.index + x.width in ends
           for x in s.mentions):  # fmt: skip
        # "the South Korean military", "Philippine politics"; not "Pyongyang's nuclear
        # programs", where the word modifies a plural head that names no target
        return (
            bool(after)
            and after[0][-1:] == "s"
            and after[0] not in _not_modified()
            and re.search(rf"\b{re.escape(m.text)} {re.escape(after[0])}\b", s.text) is not None
        )
    if after == ["of"] and not any(
        x.entry.kind in COUNTRY_KINDS and m.index + 1 <= x.index <= m.index + 3 for x in s.mentions
    ):
        return True  # "the power of machine learning", not "the military of Poland"
    if (
        after
        and after[0] not in _not_modified()
        and re.search(rf"\b{re.escape(m.text)} [a-z]", s.text)
    ):
        return True  # "police records", "banking trojans": it modifies another head
    shared = m.after[1:3]  # "legal and financial documents": both modify the head after them
    if after in (["and"], ["or"]) and len(shared) == 2 and shared[0] in sector_words():
        return shared[1] not in _not_modified()
    if after and after[0] in HEADS:
        return False  # "a hospital chain", "a power company": a target's head after it
    if word in _ONE_BODY:
        return False  # "stole data from a bank", "broke into an airline": one body, a target
    return bool(re.search(rf"\b(?:{_OWNING})\s+(?:[\w'-]+\s+)?{re.escape(m.text)}\b", s.text))


_AIMED_AT: Final = words("aimed") | _TARGET_VERBS_STRICT | {"on"}  # "attacks on defense firms"


def _sense_window(m: Mention) -> list[str]:
    """The words beside a sector word that may give it another sense: three on each side, but
    on the left only those after a word that aims at it ("attacks on defense firms": the
    attacks went at the sector; "attack and defense drills": the other sense)."""
    lead = m.words[max(0, m.index - 3) : m.index]
    at = next((i for i in range(len(lead) - 1, -1, -1) if lead[i] in _AIMED_AT), None)
    if at is not None:
        lead = lead[at + 1 :]
    return lead + m.words[m.index + 1 : m.index + 4]


def _describes_the_actor(m: Mention) -> bool:
    """A sector that says what the actor, or whoever employs it, is or does: "a firm that
    does government work", "a hacker employed by a defense contractor". A targeting verb
    between the two ("a group that targeted government agencies") makes it a target."""
    lead = m.words[max(0, m.index - 6) : m.index]
    for size in (3, 2):
        for i in range(len(lead) - size + 1):
            if " ".join(lead[i : i + size]) in EMPLOYER:
                rest = lead[i + size :]  # "a state-owned": three words
                return _TARGET_VERBS_STRICT.isdisjoint(rest) and len(rest) <= 3
    earned = _earned_for(m)
    if earned is not None:
        return earned
    for i in range(len(lead) - 1, 0, -1):
        if lead[i] in _RELATIVE and lead[i - 1] in _FIRMS:
            return _TARGET_VERBS_STRICT.isdisjoint(lead[i:]) and _AIMING.isdisjoint(lead[i:])
    return False


_EARNINGS: Final = words("earnings")


def _earned_for(m: Mention) -> bool | None:
    """Whether a sector is whom the actor earns for ("a revenue generation scheme for the North
    Korean government", "funnels millions of dollars to Kim Jong Un's government"): what is
    earned, up to two words, "for" or "to", then at most five words before the sector and no
    targeting word among them; None when no word of earning is near."""
    lead = m.words[max(0, m.index - 8) : m.index]
    for i, word in enumerate(lead):
        if word in _EARNINGS:
            for j in range(i + 1, min(i + 4, len(lead))):
                if lead[j] in ("for", "to"):
                    rest = lead[j + 1 :]
                    if len(rest) <= 5 and _TARGET_VERBS_STRICT.isdisjoint(rest):
                        return True
    return None


def _listed(m: Mention, s: Sentence) -> bool:
    """Whether a sector word stands in a list of sectors: "defense and technology", "tech,
    energy and ...", "including finance, technology, and government agencies"."""
    before, after = m.before, m.after
    if before[-1:] in (["and"], ["or"]) and before[-2:-1] and before[-2] in sector_words():
        return True
    if after[:1] and after[0] in sector_words():
        return True
    if before[-1:] and before[-1] in sector_words() and f"{before[-1]}, {m.text}" in s.text.lower():
        return True
    return _list_of_sectors_after(m.words[m.index + m.width : m.index + m.width + 8])


def sector_is_target(m: Mention, s: Sentence) -> bool:
    """Whether a sector mention is a target, not who the actor is, poses as or researches."""
    if _not_aimed_at(m, s):
        return False
    before, after = m.before, m.after
    if (
        (
            after[:1]
            and (
                (after[0] in _SUBJECT_MATTER and not (after[1:2] and after[1] in HEADS))
                or (after[1:2] and after[1] in _SUBJECT_MATTER and after[0] not in PHRASE_ENDS)
                or (
                    after[0] in {"and", "or"}
                    and after[2:3]
                    and after[2] in _SUBJECT_MATTER
                    # "defense and foreign policy experts": the list's head is whom it aimed at
                    and HEADS.isdisjoint(m.words[m.index + m.width + 3 : m.index + m.width + 4])
                    and not any(
                        x.index + x.width == m.index and x.entry.kind in COUNTRY_KINDS
                        for x in s.mentions
                    )
                )
            )
        )
        and (  # "NGOs, foreign policy": the comma ends the phrase (not "religious, and political
            # content", a list of modifiers)
            after[0] in ("and", "or") or not re.search(rf"\b{re.escape(m.text)}[,;]", s.text)
        )
    ):  # "satellite and radar technologies" too, but "South Korean military and ..." targets
        return False  # "satellite communication protocols": what was researched
    needs = _BARE_SECTOR_NEEDS.get(m.text.lower())
    if needs is not None and not (after[:1] and after[0] in needs) and not _listed(m, s):
        return False  # "technology" alone is a sector only as a target: "defense and technology"
    if _inside_a_name(m, s):
        return False  # "the International Union of Virtual Media" is a name, not the media
    demonym = next((x for x in s.mentions
                    if x.entry.kind == "Demonym" and x.index + x.width == m.index),
                   None)  # fmt: skip  # "North Korean government agents"
    after_demonym = demonym is not None
    place = demonym or next(
        (x for x in s.mentions if x.entry.kind == "Country" and x.index + x.width == m.index), None
    )
    if place is not None and said_about(place) and m.entry.id not in _PEOPLE:
        return False  # "people who criticise the Chinese government": a topic, not a target
    sponsor = m.entry.id in ("government", "defense")  # not "lures for Taiwanese chip firms"
    if sponsor and place is not None and for_whom(m.words[: place.index]):
        return False  # "APT42, which works for the Iranian government": its sponsor
    owned = before[-1:] == ["s"] and any(  # "Iran's government"
        x.entry.kind == "Country" and x.index + x.width == m.index - 1 for x in s.mentions
    )
    if (
        (after_demonym or owned)
        and "to" in before
        and not TIED.isdisjoint(m.words[max(0, m.index - 7) : m.index])
    ):
        return False  # "Microsoft tied STORM-2035 to the Iranian government": its sponsor
    theirs = m.after[:1] and m.after[0] in THEIR_ASSETS  # "telecommunications networks"
    if (before[-1:] == ["s"] or after_demonym) and m.after[:1] and m.after[0] in OWN_FORCES:
        return False  # "Russia's military operations", "Russian military objectives": its own
    if before[-1:] in (["a"], ["an"]) and not theirs and not ACTOR_NOUNS.isdisjoint(m.after[:2]):
        return False  # "a military intelligence actor": what the actor is
    owns = m.words[m.index + m.width : m.index + m.width + 5]
    if owns[:1] == ["s"] and not ACTOR_NOUNS.isdisjoint(owns[1:]):
        return False  # "the Russian military's most prolific hacking units": whose they are
    # "Russian military intelligence actor": the actor's own kind; not "American universities,
    # groups critical of ...", where a comma ends the noun phrase
    # "A Vietnamese police officer used ...": the subject the sentence opens with acts
    opens = demonym is not None and demonym.index <= 1
    acting = _ACTING_NOUNS if opens else ACTOR_NOUNS
    return not (
        after_demonym
        and not theirs
        and any(w in acting for w in _phrase_after(m, s.text))
        and f"{m.text}," not in s.text
        and f"{m.text};" not in s.text
    )


_CONTENT_WORDS: Final = words("content_sector_words")


def _bare_content(m: Mention) -> bool:
    """A sector's word that alone names content, not whom it reached: "translate news from
    Ukrainian"; with a head after it, it names a target ("news outlets", "news organisations")."""
    return m.text.lower() in _CONTENT_WORDS and not (m.after[:1] and m.after[0] in _OUTLETS)


_OUTLETS: Final = HEADS | words("outlet_heads")


_AUTHORED: Final = words("authored")


_SELLING: Final = words("selling")
_NOMINAL_AGENT: Final = words("nominal_agent")


def _written_by(m: Mention) -> bool:
    """A sector after a piece of writing and "by" or "from", its author or source: "reports by
    Japanese think tanks", "content from state media"; or after a verb of selling and "to", a
    customer: "sold its services to political campaigns" (but "malware in a tool sold to gamers"
    reached them)."""
    lead = m.words[max(0, m.index - 4) : m.index]
    for i in range(len(lead) - 1, 0, -1):
        if lead[i] == "by" and lead[i - 1] in _NOMINAL_AGENT:
            return True  # "to avoid detection by banks": who would detect, not whom hit
        if lead[i] in ("by", "from"):
            return lead[i - 1] in _AUTHORED
        if lead[i] == "to":  # "sold its services to", not "a tool sold to gamers" (victims)
            sold = m.words[max(0, m.index - 6) : m.index]
            at = next((j for j, w in enumerate(sold) if w in _SELLING), None)
            return at is not None and not _OWNING_WORDS.isdisjoint(sold[at + 1 : at + 3])
    return False


def _not_aimed_at(m: Mention, s: Sentence) -> bool:
    """What the words around a sector say it is instead of a target: the actors' backer, their
    side, a topic, a cover, a place content ran, what was researched or only could be hit."""
    before = m.before
    if m.after[:1] and m.after[0] in _SECTOR_NOT_AFTER and m.after[1:2] not in _RUN_FROM:
        return True  # "government-backed actors" ("a task scam run from Cambodia" targets)
    if before[:2] == ["rather", "than"] or before[-2:] in (["rather", "than"], ["support", "of"]):
        return True  # "a fraud operation rather than a political one", "in support of
        # military operations" (its own side's)
    says = m.after[:1] != [] and m.after[0] in _MEDIA_SAYING
    if m.entry.id == "media" and (_carried_in(m) or says):
        return True  # "articles that ran in newspapers in Peru": where, not whom; "state media
        # cited her": who reports
    if researched(m, s) or _describes_the_actor(m) or _word_in_passing(m, s) or addressed(m):
        return True  # "researched US satellite communications", "a firm that does government
        # work", "in this space", "told a news agency"
    if _written_by(m) or in_the_reporters_words(m, s) or where_kept(m, s):
        return True  # "reports by Japanese think tanks": their authors; "sold to": customers; "A
        # government spokesperson said": who reports; "cards issued by banks": who issued them
    if _tied_to(m):
        return True  # "linked to individuals in Hanoi", "connected to a government entity",
        # "traced to an unnamed Chinese technology company": whom the actors are tied to
    if said_about(m) and m.entry.id not in _PEOPLE:
        return True  # "critical of the governments of ...": a topic, not a target
    if before[-1:] and before[-1] in {"as", "any", "posing"} and not _named_as(before):
        return True  # "posed as journalists", "to any government"
    if not_whom_it_aimed_at(m, s):
        return True  # "issues, including U.S. politics", "government analysts", "via media"
    if m.after[:1] and m.after[0] in _CLIENTS:
        return True  # "a tool intended for a government client": whom they worked for
    if _acts(m, s):
        return True  # "Some individuals asked the chatbot ...": who acted
    if posed_as(m, s) or looked_like(m, s) or made_up(m):
        return True  # "posed as a university student", "sites mimicking banks", "fake news
        # outlets"
    if acted_by(m, s) or money_route(m, s) or an_audience(m) or a_market(m, s):
        return True  # "contacted by the media": who did it; "laundered via banks": the route;
        # "popular with gamers": a thing's audience; "serves customers in the energy sector"
    # "translate news", "hospitals could be next", "did not link ... to attacks on schools",
    # "as banks step up warnings"
    if could_aim_at(m, s):
        return True  # "malware that could target hospitals": what they could do
    return _bare_content(m) or could_be_hit(m) or said_not_hit(m, s) or answered(m)


_NAMING: Final = words("naming_tokens")


def _named_as(before: list[str]) -> bool:
    """Whether the "as" before a sector word follows a verb of naming ("often referred to as
    pig butchering scams", "known as"): what the thing is called, not what the actors posed as."""
    lead = before[:-1]
    if lead[-1:] == ["to"]:  # "referred to as"
        lead = lead[:-1]
    return lead[-1:] != [] and lead[-1] in _NAMING


def _tied_to(m: Mention) -> bool:
    """Whether a sector word ends the noun phrase a verb of tying and "to" lead ("traced to an
    unnamed Chinese technology company"): up to three words of its phrase between."""
    lead = m.words[max(0, m.index - 5) : m.index]
    if "to" not in lead:
        return False
    at = len(lead) - 1 - lead[::-1].index("to")
    between = lead[at + 1 :]
    return at > 0 and lead[at - 1] in TIED and len(between) <= 3 and PHRASE_ENDS.isdisjoint(between)


_CLIENTS: Final = words("clients")
_OPERATOR_VERBS: Final = frozenset(word_list("operator_verbs"))
_QUANTIFIERS: Final = frozenset(
    {"some", "several", "many", "a", "an", "the", "these", "those", "two", "foreign", "hostile"}
)
_BE: Final = frozenset({"are", "is", "were", "was", "have", "has", "had"})
_PLATFORM_USE: Final = words("platform_use")


def _acts(m: Mention, s: Sentence) -> bool:
    """Whether a sector's word is its sentence's subject, after who reports it or a phrase set
    before it, before a verb of what operators do ("Some individuals asked the chatbot ...",
    "According to the report, several users generated ...", "In other words, foreign
    governments are using the AI ..."): who acted."""
    after = m.words[m.index + m.width : m.index + m.width + 3]
    if after[:1] and after[0] in _BE:  # "foreign governments are using Google's AI"
        acts = after[1:2] != [] and after[1] in _PLATFORM_USE
    else:
        acts = after[:1] != [] and after[0] in _OPERATOR_VERBS
    if not acts:
        return False
    rest = reported_removed(s.text) if m.index > 1 else s.text
    lead = rest[: rest.find(m.text)] if m.text in rest else "?"
    lead_words = lead[lead.rfind(",") + 1 :].lower().split()  # "In other words, foreign ..."
    return len(lead_words) <= 1 and _QUANTIFIERS.issuperset(lead_words)


def _phrase_after(m: Mention, text: str) -> list[str]:
    """Up to three words after a mention, to the end of its noun phrase ("and", "at", ...) or
    a bracket: "The South Korean military (Google Threat ...)" gives nothing."""
    out: list[str] = []
    for word in noun_phrase_after(m, text):
        if word in PHRASE_ENDS:
            break
        out.append(word)
    return out


def _inside_a_name(m: Mention, s: Sentence) -> bool:
    """A capitalised sector word after another capitalised word that is no country or
    demonym: part of an organisation's name ("Union of Virtual Media")."""
    if not m.text[:1].isupper() or m.index == 0:
        return False
    if any(x.index + x.width == m.index for x in s.mentions):
        return False  # "Taiwanese Government": a country's sector
    previous = re.search(rf"(\S+)\s+{re.escape(m.text)}\b", s.text)
    # "US-based IT service providers": a hyphenated "-based" is no part of a name
    # nor is a field's label: "Type: Task scam"
    word = previous.group(1) if previous else ""
    return bool(word[:1].isupper() and "-" not in word and word[-1] not in ":;,.")
