"""A group's sentences into the facts of its campaign: who did it, from where, to whom, in which
language, with which techniques and platforms; each fact with its evidence sentence.

The words around each mention say what it is to the group (:mod:`~graphkit.extract.roles`):
attribution or target, a language in use, a sector targeted. Hedges ("likely") lower a
fact's confidence; negations ("did not tie ... to any government") drop an attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from graphkit.extract.behind import behind, case_name
from graphkit.extract.confidence import calibrate
from graphkit.extract.coordination import coordinated
from graphkit.extract.cues import words
from graphkit.extract.drafted import drafted_actors
from graphkit.extract.gazetteer import TOKEN
from graphkit.extract.groups import PLACE, Group, clip
from graphkit.extract.listed_origins import one_each, one_of_them
from graphkit.extract.meta import OUR_MODELS, OWNERS, companys_platform
from graphkit.extract.named_origins import after_name, own_origins, place_role
from graphkit.extract.names import WHO_NOUNS
from graphkit.extract.passing import in_passing, makers_people
from graphkit.extract.poses import community, made_in, posed_as
from graphkit.extract.reading import COUNTRY_KINDS, Mention, Sentence, read_sentence
from graphkit.extract.roles import country_role, researched
from graphkit.extract.sector_context import addressed, campaign_aimed_at, drawn_from
from graphkit.extract.sectors import sector_is_target
from graphkit.extract.sentence_cues import cue_bit, held
from graphkit.extract.shipped import elsewhere
from graphkit.extract.spoken import language_positions, varieties
from graphkit.extract.topics import said_about
from graphkit.extract.unhit import (
    a_bodys_seat,
    a_market,
    a_persons_name,
    acted_by,
    an_audience,
    could_aim_at,
    could_be_hit,
    for_a_client,
    looked_like,
    money_route,
    money_sent_to,
    said_not_hit,
    where_kept,
)
from graphkit.extract.voices import (
    a_source,
    a_speakers_workplace,
    answered,
    in_the_reporters_words,
    said_of_someone_else,
)

__all__ = ["campaign_facts", "names_of", "says_something", "sentences_of", "titled_origin"]


def says_something(campaign: dict[str, Any]) -> bool:
    """Whether a drafted campaign holds a fact beyond its name: a target, a technique, a
    language or an origin."""
    targets = campaign.get("targets") or {}
    return bool(
        targets.get("sectors")
        or targets.get("countries")
        or campaign.get("techniques")
        or campaign.get("languages")
        or any(a.get("country") for a in drafted_actors(campaign))
    )


def _qualifies_a_target(m: Mention, s: Sentence) -> bool:
    """A place that says whose politics an operation works on ("on Philippine politics"): the
    actor's own country is then a target too (not so "an Iranian journalist")."""
    end = m.index + m.width
    return any(
        x.index == end and x.entry.id == "political" and sector_is_target(x, s) for x in s.mentions
    )


_FIELD_COUNTRY_ROLE: Final = {"who": "attribution", "actor": "attribution", "target": "target"}


# A group name that already says who ("Korean-language operators"): no " operators" after it.
_WHO_WORD: Final = re.compile(rf"\b(?:{WHO_NOUNS})$")


_WHO_FIELDS: Final = ("who", "actor")  # "Attribution: a unit of military intelligence": no sector


_NEGATIONS: Final = words("negations")
# What the actors did not do, set against what they did, up to the clause's end: "Rather than
# using chatbots as phishing assistants, they ...", "... wrote lures instead of building tools"
_CONTRASTED: Final = re.compile(r"\b(?:[Rr]ather than|[Ii]nstead of)\b([^,;:.]*)")
_CONTRASTS: Final = frozenset({"rather", "instead"})
_NEGATIONS_BIT: Final = cue_bit(_NEGATIONS)
_CONTRASTS_BIT: Final = cue_bit(_CONTRASTS)
_OWNERS_BIT: Final = cue_bit(OWNERS)  # "our models"


# Building malware, and the verbs that make it a subject of study instead
_BUILDING: Final = frozenset({"T1587", "T1587.001", "llm-aided-development"})


_RESEARCHED: Final = words("researched")


_AIMED: Final = words("aimed")


def names_of(group: Group) -> list[str]:
    """The operation's name and its actors' names and aliases."""
    return [group.name or "", *(n for name, aliases, _ in group.actors.values()
                                for n in (name, *aliases))]  # fmt: skip


def _best(facts: dict[str, dict[str, Any]], eid: str, evidence: str, confidence: int) -> None:
    """Keep a fact with the highest confidence any sentence gives it."""
    if eid not in facts or facts[eid]["confidence"] < confidence:
        facts[eid] = {"id": eid, "evidence": evidence, "confidence": confidence}


def sentences_of(group: Group) -> list[Sentence]:
    return [group.heading, *group.sentences] if group.heading else group.sentences


@dataclass
class _Facts:
    """What a group's sentences say, fact by fact, as they are read."""

    langs: dict[str, dict[str, Any]] = field(default_factory=dict)
    sectors: dict[str, dict[str, Any]] = field(default_factory=dict)
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    techniques: dict[str, dict[str, Any]] = field(default_factory=dict)
    platforms: dict[str, dict[str, Any]] = field(default_factory=dict)
    attribution: dict[str, Any] | None = None
    listed: list[dict[str, Any]] = field(default_factory=list)  # origins listed with it
    stated: set[str] = field(default_factory=set)  # target countries a field or "aimed at" names


def campaign_facts(
    group: Group,
    platform_hint: str | None,
    overall: tuple[str, Sentence] | None = None,
    titled_origin: dict[str, Any] | None = None,
    learned: dict[int, list[tuple[str, int]]] | None = None,
    cues: bool = True,
    others: bool = False,
) -> dict[str, Any] | None:
    """The group's campaign as a findings dict; ``learned`` holds the learned mapper's
    techniques by sentence; ``cues``: the gazetteer's behaviour phrases name techniques too;
    ``others``: the text tells other cases too."""
    facts = _Facts()
    names = names_of(group)
    for s in sentences_of(group):
        hedge = 15 if s.hedged else 0
        for eid, score in learned.get(id(s), ()) if learned is not None else ():
            _best(facts.techniques, eid, clip(s.text), max(1, score - hedge))
        if s.mentions or platform_hint:
            passing = _read(facts, group, s, names, cues)
            _platform_of(facts.platforms, s, platform_hint, passing)
    if not facts.platforms and overall:
        name, where = overall
        facts.platforms[name] = {"name": name, "evidence": clip(where.text), "confidence": 60}
    if facts.attribution is None and titled_origin is not None and not (others and facts.langs):
        # "Joint Advisory: North Korean Cyber Actors ..."; not, beside other cases, for actors
        # told by the language they speak ("accounts tied to Russian-speaking criminal groups")
        facts.attribution = dict(titled_origin)
    for origin in [facts.attribution, *facts.listed] if facts.attribution else ():
        if origin["id"] not in facts.stated:
            facts.targets.pop(origin["id"], None)
    return _campaign(group, facts)


def _read(facts: _Facts, group: Group, s: Sentence, names: list[str], cues: bool) -> bool:
    """The facts one sentence states; whether it names an AI service in passing."""
    hedge = 15 if s.hedged else 0
    language_at = language_positions(s)
    kinds_of = set(varieties(s).values()) if language_at else set()  # "Brazilian Portuguese"
    kinds = {x.entry.kind for x in s.mentions}  # origins, lists, voices: for places, sectors
    places = not kinds.isdisjoint(PLACE)
    brackets = "(" in s.text or ": " in s.text[:40] or "\u2014" in s.text or " - " in s.text
    brackets = brackets or (s.hedged and ", " in s.text)  # "VAGue Focus, likely Chinese"
    origin, spoken = after_name(s, names) if brackets and places else (set(), set())
    if places and "Actor" in kinds:  # "Russia's APT28": who, not whom
        origin |= {c.index for c in own_origins(s).values()}
    language_at |= spoken
    lists = coordinated(s) if places else {}  # "groups from Russia, China, and Iran": one role
    # "Hospitals are an easy mark, said one analyst"
    quoted = (places or "Sector" in kinds) and said_of_someone_else(s, names)
    evidence = clip(s.text)
    roles: dict[int, str] = {}
    contrasts: bool | None = None
    passing = False  # what names_a_service_in_passing(s) says
    named = group.name if group.name and group.name in s.text else ""
    if named and not all(w[:1].isupper() for w in named.split() if len(w) > 3):
        named = ""  # "Recruitment fraud" says what happened; "Phish and Scripts" is a code
    for m in s.mentions:
        kind, eid = m.entry.kind, m.entry.id
        if named and kind in ("Technique", "Sector") and m.text in named:
            continue  # "Phish and Scripts" names an operation, it says nothing of scripts
        if (
            kind in ("Language", "Demonym")
            and community(m, s)
            and "civil-society" not in facts.sectors
            and s.field not in _WHO_FIELDS
        ):
            facts.sectors["civil-society"] = {"id": "civil-society", "evidence": evidence,
                                                  "confidence": 60 - hedge}  # fmt: skip
        if kind == "Language":
            if (m.index in language_at or s.field == "language") and eid not in facts.langs:
                facts.langs[eid] = {"id": eid, "evidence": evidence, "confidence": 65 - hedge}
        elif kind in PLACE:
            if m.index in language_at or s.field == "language" or m.after[:1] == ["language"]:
                continue  # "Korean-language", "in English and Japanese": languages
            if kind == "Demonym" and m.before[-1:] == ["into"] and m.after[:1] in ([], ["and"]):
                continue  # "translated into Japanese": a language, whoever's it is
            if m.index in kinds_of:
                continue  # "in Brazilian Portuguese": which variety of a language
            _place(facts, group, m, s, origin, lists, quoted, roles)
        elif kind == "Sector":
            if quoted or eid in facts.sectors or s.field in _WHO_FIELDS:
                continue
            if group.subject and f" {m.text.lower()} " in f" {group.subject.lower()} ":
                continue  # "an account linked to a police official": who they are, no target
            if sector_is_target(m, s):
                facts.sectors[eid] = {"id": eid, "evidence": evidence, "confidence": 60 - hedge}
        elif kind == "Technique":
            if m.entry.phrase and not cues:
                continue  # a cue word: the learned mapper reads the sentence instead
            if held(m.words, _NEGATIONS_BIT) and not _NEGATIONS.isdisjoint(
                m.words[max(0, m.index - 6) : m.index]
            ):
                continue  # "We have not seen these actors develop new capabilities"
            if contrasts is None:  # once a sentence, at its first technique
                contrasts = held(s.words, _CONTRASTS_BIT)  # "rather than", "instead of"
            if contrasts and _contrasted(m, s):
                continue  # "Rather than using chatbots as phishing assistants, they ..."
            if eid in _BUILDING and not _RESEARCHED.isdisjoint(m.before[-2:]):
                continue  # "to research remote access trojans": researched, not built
            _best(facts.techniques, eid, evidence, (50 if m.entry.phrase else 70) - hedge)
        elif kind == "Platform":
            if in_passing(m, s):
                passing = True
                continue
            if m.entry.name not in facts.platforms:
                facts.platforms[m.entry.name] = {"name": m.entry.name, "evidence": evidence,
                                                 "confidence": 80}  # fmt: skip
            if "ai-providers" not in facts.sectors and drawn_from(m):  # "siphon data from Claude"
                facts.sectors["ai-providers"] = {"id": "ai-providers", "evidence": evidence,
                                                 "confidence": 60 - hedge}  # fmt: skip
    aimed = not quoted and s.field not in _WHO_FIELDS and "political" not in facts.sectors
    if aimed and campaign_aimed_at(s):  # "targeting the Liberal campaign": no sector word
        facts.sectors["political"] = {"id": "political", "evidence": evidence,
                                      "confidence": 60 - hedge}  # fmt: skip
    return passing


_DEFINITE: Final = frozenset({"its", "their", "these", "those", "this", "our"})


def _others_listed(group: Group, s: Sentence, run: tuple[Mention, ...]) -> bool:
    """Whether a list of places a sentence sets as origins is of other cases than a named one's,
    which the sentence does not name: "(misused by) networks from Russia, China, Iran and
    Israel" in a story about one operation; a bare plural before "from", not "members of the
    group were based in ..." (under a heading, the heading names the case the list is of)."""
    if len(run) < 2 or group.from_heading or not (group.name or group.actors):
        return False
    before = [w for w in run[0].before[-3:] if w != "the"]
    if before[-1:] != ["from"] or len(before) < 2 or not before[-2].endswith("s"):
        return False
    if (len(before) > 2 and before[-3] in _DEFINITE) or len({x.entry.id for x in run}) < 2:
        return False
    names = [group.name or "", *(v[0] for v in group.actors.values())]
    names += [alias for v in group.actors.values() for alias in v[1]]
    return not any(n and n in s.text for n in names)


def _contrasted(m: Mention, s: Sentence) -> bool:
    """Whether a mention is inside what a sentence sets against what was done."""
    said = re.compile(rf"\b{re.escape(m.text)}\b", re.I)
    return any(said.search(c.group(1)) for c in _CONTRASTED.finditer(s.text))


def _place(
    facts: _Facts,
    group: Group,
    m: Mention,
    s: Sentence,
    origin: set[int],
    lists: dict[int, tuple[Mention, ...]],
    quoted: bool,
    roles: dict[int, str],
) -> None:
    """A country a sentence names: where the actors are from, or whom they aim at. The places
    of one list share a role: "groups from Russia, China, and Iran" are all origins. ``quoted``:
    the sentence quotes an outside voice on no actor, and names no target and no origin;
    ``roles``: its roles."""
    if said_about(m) or posed_as(m, s) or researched(m, s) or made_in(m) or answered(m):
        return  # "critical of the United States", "posed as Turkish journalists", "Chinese
        # models", "The United States has sanctioned"
    if elsewhere(m, s):
        return  # "active since Russia's invasion of Ukraine", "laptops rerouted to China"
    if in_the_reporters_words(m, s) or where_kept(m, s) or makers_people(m, s) or a_source(m):
        return  # "A spokesperson in London said": where the reporter is; "servers in the
        # Netherlands": where the actors' means are; "the Chinese firm" that makes DeepSeek;
        # "Two Thai men told reporters": a source
    if addressed(m) or a_speakers_workplace(m) or any(map(for_a_client, lists.get(m.index, (m,)))):
        return  # "cooperate with U.S. agencies", "for clients in Nigeria", "said a professor at
        # a university in Taiwan": not whom they hit
    if a_bodys_seat(m, s):
        return  # "Germany's Federal Intelligence Service": where a public body sits
    hedge = 15 if s.hedged else 0
    eid = m.entry.id
    size = len(s.words)
    if "(" in s.text and size > m.width + 1:  # "China (APT15 and APT5)."
        size = _bare_size(s)
    alone = size <= m.width + 1 and s.text.rstrip("*_ ").endswith(".")
    alone = alone or (m.index == 0 and s.text.startswith(m.text + ";"))  # "China; ..."
    if alone and s is not group.heading:
        s.field = s.field or "who"  # "North Korea." alone, under a profile's name
    run = lists.get(m.index, ()) if s.field is None else ()
    role = _FIELD_COUNTRY_ROLE.get(s.field or "") or (
        "attribution"
        if run and any(place_role(x, s, origin, roles) == "attribution" for x in (run[0], run[-1]))
        else place_role(m, s, origin, roles)
    )
    if role == "attribution":
        fact = {"id": eid, "evidence": clip(s.text), "confidence": 70 - 2 * hedge}
        if s.negated or quoted or _others_listed(group, s, run):
            return  # "an example of a regime exploiting US-based AI, said Sam Ortiz": his word
        if facts.attribution is None:
            facts.attribution = fact
        elif (
            run
            and facts.attribution["evidence"] == fact["evidence"]
            and eid != facts.attribution["id"]
            and all(f["id"] != eid for f in facts.listed)
        ):
            facts.listed.append(fact)  # "Chinese, Russian and Iranian agents"
        return
    if looked_like(m, s) or could_be_hit(m) or could_aim_at(m, s) or said_not_hit(m, s) or quoted:
        return  # "sites that looked like Chilean banks", "Chile could be next"
    if acted_by(m, s) or money_route(m, s) or money_sent_to(m) or an_audience(m):
        return  # "reported by journalists in Poland", "laundered via banks in Laos", "sent $6
        # million a year to Pyongyang", "popular with gamers in Brazil"
    if a_persons_name(m, s):
        return  # "Nick Monaco": a surname
    if a_market(m, s):
        return  # "800 million users, many of them in India": a service's market
    if eid in facts.targets:
        return  # a target already
    stated_here = (
        s.field == "target" or not _AIMED.isdisjoint(m.before[-2:]) or _qualifies_a_target(m, s)
    )
    if facts.attribution is None or facts.attribution["id"] != eid or stated_here:
        facts.targets[eid] = {"id": eid, "evidence": clip(s.text), "confidence": 60 - hedge}
        if stated_here:
            facts.stated.add(eid)  # "Aimed at: Philippine politics": even its own country


def _platform_of(
    platforms: dict[str, dict[str, Any]], s: Sentence, platform_hint: str | None, passing: bool
) -> None:
    """The publisher's platform where a sentence speaks of "our models", or a company's
    platform where it names the company's models (``passing``: it names an AI service in
    passing)."""
    evidence = clip(s.text)
    if passing:
        return  # "OpenAI accused DeepSeek of distilling its models": a rival's doing, not theirs
    if platform_hint and not platforms and held(s.words, _OWNERS_BIT) and OUR_MODELS.search(s.text):
        platforms[platform_hint] = {"name": platform_hint, "evidence": evidence,
                                    "confidence": 70}  # fmt: skip
    theirs = companys_platform(s.text) if not platforms else None
    if theirs:  # "debugged with OpenAI's models"
        platforms[theirs] = {"name": theirs, "evidence": evidence, "confidence": 70}


def _campaign(group: Group, facts: _Facts) -> dict[str, Any] | None:
    """The campaign's findings dict: its name, actors and facts; None without name or actor."""
    actors = _actors(group, facts)
    if not group.name and not actors:
        return None
    name = group.name or case_name(group.subject, bool(group.actors), str(actors[0]["name"]))
    body: dict[str, Any] = {
        "name": name[:200],
        "confidence": 60,
        "languages": list(facts.langs.values()),
        "targets": {
            "sectors": list(facts.sectors.values()),
            "countries": list(facts.targets.values()),
        },
        "techniques": list(facts.techniques.values()),
        "platforms": list(facts.platforms.values()),
    }
    if len(actors) == 1:
        body["actor"] = actors[0]
    elif actors:
        body["actors"] = actors
    calibrate(body)
    return body


def _actors(group: Group, facts: _Facts) -> list[dict[str, Any]]:
    """The group's actors, each with its country; an unnamed one where it names none."""
    actors = []
    for aid, (name, aliases, s) in group.actors.items():
        actors.append({"name": name, "aliases": aliases, "evidence": clip(s.text),
                       "confidence": 70 - (15 if s.hedged else 0)})  # fmt: skip
        if aid in group.origins:
            actors[-1]["country"] = group.origins[aid]
    if not actors and group.subject and group.sentences:
        opening = group.sentences[0].text  # an actor the report describes but does not name
        name = behind(group.subject) or group.subject  # "A Chinese campaign": who is behind it
        actors.append({"name": name, "evidence": clip(opening), "confidence": 50})
    if not actors and group.name and (facts.attribution or facts.langs):
        first = group.sentences[0] if group.sentences else None
        actors.append(
            {
                "name": group.name if _WHO_WORD.search(group.name) else f"{group.name} operators",
                "evidence": clip(first.text if first else group.name),
                "confidence": 60,
            }
        )
    if facts.attribution:
        for a in actors:
            a.setdefault("country", facts.attribution)
    origin = facts.attribution
    if origin and facts.listed and len(actors) == 1 and actors[0].get("country") is origin:
        if one_of_them(str(actors[0]["name"])):
            return actors  # "A group based in China and Hong Kong": one actor, its first place
        return one_each(actors[0], [origin, *facts.listed])
    return actors


def titled_origin(title: str) -> dict[str, Any] | None:
    """The one country a report's title says its actors are from ("North Korean Cyber Actors
    Use Generative AI"): every operation's origin that its own text does not give."""
    said = read_sentence(title)
    lists = coordinated(said)  # "accounts tied to Peru and Bolivia": both, so neither alone
    origins = {
        m.entry.id
        for m in said.mentions
        if m.entry.kind in COUNTRY_KINDS
        and any(country_role(x, title) == "attribution" for x in lists.get(m.index, (m,)))
    }
    if len(origins) != 1:
        return None
    return {"id": origins.pop(), "evidence": clip(title), "confidence": 50}


_PARENTHESES: Final = re.compile(r"\s*\([^()]*\)")


def _bare_size(s: Sentence) -> int:
    """How many words a sentence holds outside its brackets, worked out once a sentence (each
    of its places asks)."""
    if not _BARE or _BARE[0][0] is not s:
        _BARE[:] = [(s, len(TOKEN.findall(_PARENTHESES.sub("", s.text))))]
    return _BARE[0][1]


_BARE: Final[list[tuple[Sentence, int]]] = []  # the sentence last asked about, and its size
