"""What a sentence says was not hit, or not yet, or only copied: a sector or a place in such a
clause is no target. "Pages that looked like regional newspapers", "hospitals could be its
next victims", "did not link any of these accounts to attacks on schools"."""

from __future__ import annotations

import re
from typing import Final

from graphkit.extract.cues import nouns, past_verb, word_list, words
from graphkit.extract.place_in import sector_words
from graphkit.extract.reading import Mention, Sentence, holds

__all__ = [
    "HEADS",
    "a_bodys_seat",
    "a_market",
    "a_persons_name",
    "acted_by",
    "an_audience",
    "could_aim_at",
    "could_be_hit",
    "for_a_client",
    "looked_like",
    "made_up",
    "money_route",
    "money_sent_to",
    "said_not_hit",
    "where_kept",
]


_TARGET_VERBS_STRICT: Final = words("target_verbs_strict")


HEADS: Final = words("their_assets") | words("target_heads") | words("persons")


_LOOK_ALIKE: Final = words("look_alike")
_LIKE: Final = frozenset({"like"})


_LOOKING: Final = words("looking")


def looked_like(m: Mention, s: Sentence) -> bool:
    """What content or a persona was made to look like, within the clause that says so:
    "pages that looked like regional newspapers", "sites mimicking banks"."""
    if not holds(s.words, _LOOK_ALIKE) and not holds(s.words, _LIKE):
        return False  # most sentences
    lead = m.words[max(0, m.index - 5) : m.index]
    for i in range(len(lead) - 1, -1, -1):
        word = lead[i]
        if word in _TARGET_VERBS_STRICT or word in ("and", "or"):
            return False  # "looked like news sites and targeted banks": a clause of its own
        if word in _LOOK_ALIKE or (word == "like" and i > 0 and lead[i - 1] in _LOOKING):
            return True
    return False


_SPECULATING: Final = words("speculating")


_PREPOSITIONS: Final = words("prepositions")
_PHRASE_ENDS: Final = words("phrase_ends")
_PARTICIPLE: Final = re.compile(past_verb())
_CARRIED: Final = words("carried")
_REACHED_BY: Final = words("reached_by")
_NOT_AGENTS: Final = _CARRIED | _REACHED_BY | words("ranked_after")
_RUN_BY: Final = words("run_by")


def acted_by(m: Mention, s: Sentence) -> bool:
    """A sector or a place after "by" and a passive verb, in the phrase "by" opens: who did
    it, not whom the actors hit ("contacted by the media", "first reported by journalists in
    Poland"); not past a targeting verb ("caught by scans targeting journalists"), nor after a
    verb of carrying content, whose readers it reached ("printed by newspapers in Peru"), or
    one whose agent the actors reached ("hired by technology firms", "software used by
    banks")."""
    if "by" not in m.words[max(0, m.index - 6) : m.index]:
        return False  # most mentions
    at = m.index - 1
    for _ in range(4):  # "by the", "by local", "by journalists in"
        if at < 1 or m.words[at] in _TARGET_VERBS_STRICT:
            return False
        if m.words[at] == "by":  # "printed by newspapers in Peru" reached Peru's readers
            verb = m.words[at - 1]
            if verb in _RUN_BY and m.entry.id == "individuals":
                return True  # "a network run by individuals who support the party": its people
            # (not a ranking: "followed by the UK and Israel" names no agent)
            return bool(_PARTICIPLE.fullmatch(verb)) and verb not in _NOT_AGENTS
        inside = any(x.index <= at < x.index + x.width for x in s.mentions)
        if m.words[at] in _PHRASE_ENDS and m.words[at] != "in" and not inside:
            return False  # "by email to banks": "to" opens another phrase
        at -= 1
    return False


_MADE_UP: Final = words("made_up")
_PRODUCTS: Final = words("product_nouns")


def made_up(m: Mention) -> bool:
    """A sector after an adjective of a thing the actors made up, alone or in a list of such
    things: "fake news outlets", "fake charities and phony think tanks"; what they built as a
    cover, not whom they hit. A fake tool is a lure: "a fake gaming tool" went after gamers."""
    if not _PRODUCTS.isdisjoint(m.after[:2]):
        return False  # "a fake gaming tool" lured gamers
    if not holds(m.words, _MADE_UP):
        return False  # most sentences
    lead = m.words[max(0, m.index - 4) : m.index]  # "fake regional and national"
    for word in reversed(lead):
        if word in _MADE_UP:
            return True
        if word in _TARGET_VERBS_STRICT or (word in _PHRASE_ENDS and word not in ("and", "or")):
            return False  # "fake pages to phish news outlets"
    return False


_MOVING_MONEY: Final = words("moving_money")
_BY_WAY_OF: Final = words("by_way_of")


def money_route(m: Mention, s: Sentence) -> bool:
    """A sector or a place the actors' money went through: "funneled their salaries to
    Pyongyang through Chinese shell companies and cryptocurrency exchanges", "laundered the
    money via banks in Laos"; the route, not a target (money stolen "from" them is)."""
    if not holds(s.words, _BY_WAY_OF) or not holds(s.words, _MOVING_MONEY):
        return False  # most sentences
    lead = m.words[max(0, m.index - 7) : m.index]
    for i in range(len(lead) - 1, -1, -1):
        if lead[i] in _TARGET_VERBS_STRICT or lead[i] in _CLAUSE_BREAKS - {"and", "or", "to"}:
            return False  # "through phishing that hit banks"
        if lead[i] in _BY_WAY_OF:
            moved = m.words[max(0, m.index - len(lead) + i - 8) : m.index - len(lead) + i]
            return not _MOVING_MONEY.isdisjoint(moved) and _TARGET_VERBS_STRICT.isdisjoint(moved)
    return False


_MONEY: Final = words("money_words")
_SENDING: Final = words("sending_money")


def money_sent_to(m: Mention) -> bool:
    """A place money was sent to: "has sent between $250 million and $600 million per year to
    Pyongyang", "their wages went back to Pyongyang"; where the actors' money went, no target
    (the sum and a verb of sending within ten words before "to")."""
    before = [w for w in m.words[max(0, m.index - 12) : m.index] if w != "the"]
    if before[-1:] != ["to"] or _MONEY.isdisjoint(before):
        return False
    lead = before[:-1]
    return not _SENDING.isdisjoint(lead) and _TARGET_VERBS_STRICT.isdisjoint(lead)


_AIM_PLAIN: Final = words("aim_verbs_plain")
_THREAT_NOUNS: Final = words("threat_nouns")


def could_aim_at(m: Mention, s: Sentence) -> bool:
    """A sector or a place after a modal verb and a verb of going after someone, or after a
    noun of danger and "to", alone or in a list: "malware that could target hospitals or
    schools", "tools that might hit banks", "a growing threat to hospitals"; what the actors
    could do, not what they did ("may have targeted hospitals" did), nor what an actor, the
    modal's subject, is warned to go after ("the group Storm-1 may hack news outlets")."""
    if not holds(m.words, _AIM_PLAIN) and not holds(m.words, _THREAT_NOUNS):
        return False  # most sentences
    lead = m.words[max(0, m.index - 10) : m.index]  # "may include other tech firms, ..., or"
    for i in range(len(lead) - 1, 0, -1):
        if lead[i] in _AIM_PLAIN:
            modal = m.index - len(lead) + i - 1
            return lead[i - 1] in _SPECULATING and not _an_actor_before(s, modal)
        if lead[i] == "to":
            return lead[i - 1] in _THREAT_NOUNS  # "a growing threat to hospitals"
        if lead[i] in _TARGET_VERBS_STRICT or (lead[i] in _PHRASE_ENDS and lead[i] not in (
                "and", "or", "in")):  # fmt: skip
            return False  # "could steal data from banks": "from" opens another phrase
    return False


_ACTOR_NOUNS: Final = nouns("origin_after")  # "the group", "hackers"


def _an_actor_before(s: Sentence, at: int) -> bool:
    """Whether the subject just before the word at ``at`` is an actor: a name ("Storm-1 may",
    "the group Tin Vane may"), or a noun for one ("the group could"); not a thing ("a tool
    that might", "a tool the hackers built could")."""
    if any(x.entry.kind == "Actor" and at - 3 <= x.index < at for x in s.mentions):
        return True
    for i in range(at - 1, max(-1, at - 4), -1):
        if s.words[i] in _ACTOR_NOUNS:
            name = s.words[i + 1 : at]
            return (
                not name
                or re.search(
                    r"\b" + r"\W+".join(w.capitalize() for w in name) + rf"\W+{s.words[at]}\b",
                    s.text,
                )
                is not None
            )
    return False


_BEFORE_A_PLACE: Final = words("before_a_place")
_NAME_BEFORE: Final = re.compile(r"(?<![.:!?] )(?<!^)\b([A-Z][a-z]+) $")
_SPEAKER: Final = re.compile(
    r"[A-Z][a-z]+ "
)  # a first name, alone before the surname and its colon


def a_persons_name(m: Mention, s: Sentence) -> bool:
    """A country's name that is a person's surname, after a capitalised word in the middle of
    a sentence written in lower case: "Nick Monaco", "Michael Jordan"; not "Eastern Ukraine",
    nor any word of a title written in capitals ("Bans Accounts Tied To Russia")."""
    at = s.text.find(m.text)
    if m.entry.kind != "Country" or at < 2 or not m.text[:1].isupper():
        return False
    if s.text[at + len(m.text) : at + len(m.text) + 2] == ": " and _SPEAKER.fullmatch(s.text[:at]):
        return True  # "Nick Monaco: I'm great.": a speaker's label
    if s.text[at - 1] != "\n" and not (s.text[at - 1] == " " and "a" <= s.text[at - 2] <= "z"):
        return False  # no word in lower case right before it: no first name there
    name = _NAME_BEFORE.search(s.text[max(0, at - 30) : at])
    if name is None or name.group(1).lower() in _BEFORE_A_PLACE:
        return False
    if any(x.index + x.width == m.index for x in s.mentions):
        return False  # "Microsoft Threat Intelligence", "the Kremlin Russia": another name's
    capitals = sum(w[:1].isupper() for w in s.text.split())
    return capitals * 3 < len(s.text.split())  # a title capitalises most of its words


_CLIENTELE: Final = words("clientele")
_USED: Final = frozenset({"used"})
_MANY_OF_THEM: Final = frozenset(
    {"many", "most", "some", "of", "them", "whom", "mostly", "largely"}
)
_LIST_WORDS: Final = frozenset({"the", "a", "an", "and", "or"})
_USED_BY: Final = re.compile(r"\b(?:is|are|was|were|been) (?:\w+ly )?used by\b")


def a_market(m: Mention, s: Sentence) -> bool:
    """A sector or a place where a business's or a service's own clientele is: "the lab
    serves customers in the energy and healthcare sectors", "the chatbot has 800 million
    users, many of them in India", "is widely used by students in Chile"; not when a
    targeting word stands before ("phished customers in the banking sector")."""
    if not holds(m.words, _CLIENTELE) and not holds(m.words, _USED):
        return False  # most sentences
    lead = m.words[max(0, m.index - 8) : m.index]
    at = next((i for i in range(len(lead) - 1, -1, -1) if lead[i] in _CLIENTELE), None)
    used = _USED_BY.search(" ".join(lead)) is not None  # "is widely used by", not "software
    if at is None and not used:  # used by banks", whose users were hit
        return False  # most mentions
    if not _TARGET_VERBS_STRICT.isdisjoint(m.words[max(0, m.index - 12) : m.index]):
        return False
    if at is not None and "in" in lead[at + 1 : at + 5]:
        # "customers in the energy and healthcare sectors", "users, many of them in India": the
        # service's or the reporter's; not "users in line with", nor "clients' narratives to
        # audiences in"
        place = at + 1 + lead[at + 1 : at + 5].index("in")
        between = [w for w in lead[at + 1 : place] if w not in _MANY_OF_THEM]
        beyond = [w for w in lead[place + 1 :] if w not in _LIST_WORDS | sector_words()]
        if between or beyond:
            return False
        return lead[at] != "users" or _a_service_before(m, s)
    return used and _a_service_before(m, s)  # "The chatbot is widely used by students"


def _a_service_before(m: Mention, s: Sentence) -> bool:
    """Whether an AI service, or a word for one, is the subject its sentence opens with ("The
    chatbot is ...", "ChatGPT has ..."; not "stole the passwords of ChatGPT users")."""
    return any(x.entry.kind == "Platform" and x.index <= 1 for x in s.mentions) or not (
        _PRODUCTS.isdisjoint(m.words[: min(3, m.index)])
    )


_AUDIENCE: Final = words("audience_words")


def an_audience(m: Mention) -> bool:
    """A sector or a place among who use or like a thing: "a platform popular with gamers in
    Brazil", "apps common among students"; its audience, not whom the actors went after."""
    if not holds(m.words, _AUDIENCE):
        return False  # most sentences
    lead = m.words[max(0, m.index - 5) : m.index]
    for i in range(len(lead) - 1, 0, -1):
        if lead[i] in ("with", "among"):
            return lead[i - 1] in _AUDIENCE
        if lead[i] in _TARGET_VERBS_STRICT or lead[i] in _CLAUSE_BREAKS - {"and", "or"}:
            return False
    return False


def could_be_hit(m: Mention) -> bool:
    """A sector that is its clause's subject before a modal verb: "hospitals could be its next
    victims", "the healthcare sector might be hit next"; not "may have been hit"."""
    lead = [w for w in m.before if w not in ("a", "an", "the")]
    if lead[-1:] and lead[-1] in _PREPOSITIONS:
        return False  # "a laptop in the US could be worked from abroad": not the subject
    after = m.after
    at = 0 if after[:1] and after[0] in _SPECULATING else 1
    if not (after[at : at + 1] and after[at] in _SPECULATING):
        return False
    if at == 1 and after[0] not in HEADS:
        return False  # "banks in ... may": only the sector's own head may stand between
    return after[at + 1 : at + 2] != ["have"]


_NEGATIONS: Final = words("negations")


_TURNING: Final = words("turning")


_NOT_ONLY: Final = words("not_only")
# A relative clause set apart by commas: what it denies is its own ("..., whom it did not name,")
_APART: Final = re.compile(r", (?:who|whom|which|whose)\b[^,]{1,80},")


def said_not_hit(m: Mention, s: Sentence) -> bool:
    """A sector or place in a clause that a negation governs: "did not link any of these accounts to
    attacks on schools", "no sign that the crew went after universities". A turning word
    ends the negation's clause ("did not build tools, but it targeted hospitals"), and "not
    only" is none."""
    if not holds(s.words, _NEGATIONS):
        return False  # most sentences
    outside = _APART.sub(",", s.text).lower() if ", " in s.text else ""
    if outside and _NEGATIONS.isdisjoint(re.findall(r"[a-z']+", outside)):
        return False  # "Peruvian hackers, whom the lab did not name, phished banks": set apart
    lead = m.words[max(0, m.index - 12) : m.index]
    for i in range(len(lead) - 1, -1, -1):
        word = lead[i]
        if word in _TURNING:
            break
        if word in _NEGATIONS:
            return lead[i + 1 : i + 2] == [] or lead[i + 1] not in _NOT_ONLY
    return _subject_not_hit(m, lead)


def _subject_not_hit(m: Mention, lead: list[str]) -> bool:
    """A sector or place in the subject of a negated verb, with no targeting word before it:
    "elections in Brazil and the Philippines were not affected"; not in a relative clause
    after a target ("targeted banks in Chile that were not patched")."""
    if not _TARGET_VERBS_STRICT.isdisjoint(lead):
        return False
    for word in m.words[m.index + m.width : m.index + m.width + 8]:
        if word in _RELATIVE or word in _TURNING:
            return False
        if word in _NEGATIONS:
            return True
    return False


_RELATIVE: Final = words("relative_words")


_INFRASTRUCTURE: Final = words("infrastructure")
_KEPT_AT: Final = words("kept_at")
_AT_VICTIMS: Final = _TARGET_VERBS_STRICT | words("taking_verbs")
_CLAUSE_BREAKS: Final = words("clause_breaks")


def where_kept(m: Mention, s: Sentence) -> bool:
    """A place or a sector where the actors' means sit or who issued them, in the phrase that
    names them: "hosted its servers in the Netherlands", "cards issued by banks in Singapore";
    not past the phrase ("from servers in Russia to officials in Ukraine" reached Ukraine), nor
    after a sector's name ("communications infrastructure organizations in Taiwan")."""
    at = m.index - 1
    while at >= 0 and m.words[at] in ("the", "a", "an"):
        at -= 1
    if at < 1 or m.words[at] not in _KEPT_AT:
        return False  # most mentions
    for i in range(at - 1, max(-1, at - 7), -1):
        word = m.words[i]
        if word in _INFRASTRUCTURE:
            if not _AT_VICTIMS.isdisjoint(m.words[max(0, i - 3) : i]):
                return False  # "scanned servers in Estonia", "stole data from servers at
                # utilities": others' servers, a target
            if not re.search(rf"\b{word}\b[^,;:]*\b{re.escape(m.text)}\b", s.text, re.I):
                return False  # "Rather than renting servers, the crew in Laos": a new clause
            return not any(x.index <= i < x.index + x.width for x in s.mentions)
        if word in _CLAUSE_BREAKS or word in _TARGET_VERBS_STRICT:
            return False
    return False


_CLIENTS: Final = words("clients") | words("customers")


def for_a_client(m: Mention) -> bool:
    """A place that says where the actors' clients are, not whom they went after: "fake
    accounts for clients in Canada", "on behalf of a Nigerian client"."""
    ahead = m.words[m.index + m.width : m.index + m.width + 2]
    if m.entry.kind == "Demonym" and not _CLIENTS.isdisjoint(ahead):
        # "a Nigerian client", "a Nigerian political client"; "scammed Nigerian customers"
        return _TARGET_VERBS_STRICT.isdisjoint(m.words[max(0, m.index - 4) : m.index])
    at = m.index - 1
    while at >= 0 and m.words[at] == "the":
        at -= 1
    if at < 1 or m.words[at] != "in" or m.words[at - 1] not in _CLIENTS:
        return False
    # "phished bank customers in Poland": the clients were hit
    return _TARGET_VERBS_STRICT.isdisjoint(m.words[max(0, at - 5) : at - 1])


# A public body's own name after its country's possessive: "Germany's Federal Intelligence
# Service", "the UK's National Cyber Security Centre" (the body's last word a head of
# cues/names.yaml institution_heads, in capitals)
_BODY: Final = re.compile(
    r"(?:'s|\u2019s)? (?:[A-Z][\w-]*(?: of| for| and)? ){0,5}"
    rf"(?:{'|'.join(w.capitalize() for w in word_list('institution_heads'))})\b"
)


def a_bodys_seat(m: Mention, s: Sentence) -> bool:
    """A country (or its possessive) that opens a public body's own name, with no targeting
    verb before it: where the body sits ("Other co-authors include Germany's Federal
    Intelligence Service", "a warning from the U.S. National Security Agency"), no target; not
    "hacked Chile's National Cyber Agency"."""
    if not _TARGET_VERBS_STRICT.isdisjoint(m.before[-3:]) or _HEADS.isdisjoint(
        m.words[m.index + m.width : m.index + m.width + 7]
    ):
        return False
    written = r"\W{0,2}".join(map(re.escape, m.text.split()))  # "U S" is written "U.S."
    return any(
        _BODY.match(s.text, at.end()) for at in re.finditer(rf"\b{written}\b\.?", s.text, re.I)
    )


_HEADS: Final = words("institution_heads")
