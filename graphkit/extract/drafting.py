"""Report text into draft findings: which facts belong to which operation or actor.

The stages, in order: the report's title, publisher and date (:mod:`~graphkit.extract.meta`);
its sentences in groups, one an operation or actor (:mod:`~graphkit.extract.grouping`); groups
with one name merged; techniques the learned mapper finds (:mod:`~graphkit.extract.learned`);
each group's facts, every one with the sentence it came from as evidence
(:mod:`~graphkit.extract.facts`); the draft validated as findings.

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

import gc
import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Final

from graphkit.actors import actor_index
from graphkit.errors import InputError
from graphkit.extract.cues import words
from graphkit.extract.described import described_actor, described_malware
from graphkit.extract.drafted import unlent, unserved
from graphkit.extract.facts import (
    campaign_facts,
    names_of,
    says_something,
    sentences_of,
    titled_origin,
)
from graphkit.extract.grouping import group_text
from graphkit.extract.groups import Group, add_actors
from graphkit.extract.headline_case import actor_headline, titled_actor
from graphkit.extract.learned import MAPPERS, learned_techniques
from graphkit.extract.lede import lede_joined
from graphkit.extract.meta import (
    OUR_MODELS,
    PUBLISHERS,
    companys_platform,
    report_meta,
    speaks_of_ai,
)
from graphkit.extract.passing import in_passing
from graphkit.extract.quoted import forget_quotes
from graphkit.extract.reading import (
    Sentence,
    forget_sentences,
    read_sentence,
    slugify,
    split_sentences,
)
from graphkit.extract.roster import each_its_own
from graphkit.extract.sections import sections, unmarked
from graphkit.extract.shorthand import written_out
from graphkit.extract.subjects import opening_phrase
from graphkit.extract.tool_use import with_tools
from graphkit.findings import Findings
from graphkit.limits import LIST_MAX_ITEMS as MANY
from graphkit.vocab import ATLAS_TECHNIQUES, LLM_TECHNIQUES
from graphkit.vocab import PUBLISHERS as KNOWN_PUBLISHERS

__all__ = ["extract_findings"]

# The techniques of AI misuse: the LLM-themed ones and ATLAS's
_AI_TECHNIQUES: Final = frozenset(LLM_TECHNIQUES) | frozenset(ATLAS_TECHNIQUES)
_AI_LABS: Final = frozenset(
    p.name for p in KNOWN_PUBLISHERS if p.only_ai
)  # publishers.yaml only_ai
_USE: Final = words("platform_use")  # "used ChatGPT", "misuse of Claude", "banned from ChatGPT"


def _name_key(name: str | None) -> str:
    """What a group's name says it is about: an actor's other name is the actor ("Emerald
    Sleet" is Kimsuky), any other name itself."""
    return _name_key_of(name) if name else ""


@lru_cache(maxsize=4096)
def _name_key_of(name: str) -> str:
    known = actor_index().resolve(name)  # "Operation Salt Road" is the "Salt Road" of a heading
    return slugify(known.name if known else name.removeprefix("Operation "))


def _unnamed_key(group: Group) -> str | None:
    """What a group no name is given to is about: its first actor, or the unnamed one."""
    if group.actors:  # the actor's own slug: a group named after the actor is the same one
        return slugify(next(iter(group.actors.values()))[0])
    return "@" + slugify(group.subject) if group.subject else None


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
    techniques: str = "both",
) -> Findings:
    """Draft findings from report text (Markdown headings help; plain text works).

    ``techniques`` says how techniques are found besides their ids and names: ``"learned"``
    (the model trained on ATT&CK's procedure examples, :mod:`graphkit.extract.mapper`),
    ``"rules"`` (the cue words of the gazetteer and :mod:`graphkit.extract.behaviour`), or
    ``"both"`` (the default: the cue words carry the LLM-themed techniques, which ATT&CK's
    examples cannot teach; BENCHMARKS.md).

    Raises
    ------
    InputError
        The text names no operation or actor the extractor can group facts under.
    """
    if techniques not in MAPPERS:
        raise InputError(f"no technique mapper {techniques!r}: use one of {', '.join(MAPPERS)}")
    _forget()  # what was kept of the last text's sentences serves no other text
    with _no_cycle_collection():
        try:
            return _extract(text, path, title, publisher, published, techniques)
        finally:  # and goes before the collector runs again, which would walk all of it once
            _forget()


def _forget() -> None:
    """Drop what was kept of a text's sentences, quoted names and subjects."""
    forget_sentences()
    forget_quotes()
    opening_phrase.cache_clear()


def _this_reports(campaign: dict[str, Any], title: str) -> dict[str, Any]:
    """A campaign the text gives no name of its own ("APT28 activity", "Unnamed operation
    activity") is this report's: its id carries the title's digest, so that two reports'
    unnamed operations stay two campaigns in the graph, and a reload finds the same one."""
    digest = hashlib.sha256(title.encode("utf-8")).hexdigest()[:10]
    return {**campaign, "id": f"{slugify(campaign['name'])[:150]}-{digest}"}


def _platforms_used(loose: list[Sentence], publisher: str) -> dict[str, Sentence]:
    """The AI platforms the sentences outside any operation say the actors used, each with its
    sentence. A sentence that names the publisher and no use of the platform is its masthead or
    byline ("ChatGPT Threat Intelligence | OpenAI | June 2025"): the publisher's own service,
    not one the actors are said to have used."""
    own = {a for a, (name, _) in PUBLISHERS.items() if name == publisher} | {publisher.lower()}
    named = re.compile("|".join(rf"\b{re.escape(a)}\b" for a in own))  # one pattern for all
    said: dict[str, Sentence] = {}
    for s in loose:
        masthead = _USE.isdisjoint(s.words) and named.search(s.text.lower()) is not None
        for m in s.mentions if not masthead else ():
            if m.entry.kind == "Platform" and not in_passing(m, s):
                said[m.entry.name] = s  # the last sentence that names it
    return said


def _unnamed_cluster(
    text: str,
    title: str,
    loose: list[Sentence],
    groups: list[Group],
    platform: str | None,
    overall: tuple[str, Sentence] | None,
    techniques: str,
) -> list[dict[str, Any]]:
    """The one campaign of a text that names no operation and no actor: an unnamed actor
    cluster, named for the report so that two reports' clusters stay two; its facts are all
    that the text's groups and loose sentences say (every sentence, when those are none, as
    under a heading of the writer's tasks), and its title's when the title's subject is an
    actor. Empty when it says nothing."""
    said = [*(s for s in loose if s.text != title), *(s for g in groups for s in g.sentences)]
    told = actor_headline(title)  # "APT gang feasts on hospitals": the cluster's
    said += [told] if told is not None and said else []
    if not said:
        said = [read_sentence(s) for _, p, _ in sections(text) for s in split_sentences(p) if p]
    short = title if len(title) <= 120 else title[:119] + "\u2026"
    # who the text describes ("later North Korean scammers used it"), else the report's title
    who = described_actor(said)
    malware = None if who else described_malware(said)  # its operation, no actor named
    unnamed = f"Unnamed actor in \u201c{short}\u201d"
    headline = read_sentence(title)
    known = {x.entry.id for x in headline.mentions if x.entry.kind == "Actor"}
    titled = not who and not malware and len(known) == 1  # "Lazarus devours defense firms"
    everything = Group(malware, subject=None if malware or titled else who or unnamed)
    if titled:
        add_actors(everything, headline)  # the one actor the title names, its body none
    everything.sentences = said
    learn, cues = techniques != "rules", techniques != "learned"
    found = with_tools([(said, [])], learned_techniques([(said, [])])) if learn else None
    fallback = campaign_facts(everything, platform, overall, learned=found, cues=cues)
    if not fallback or not says_something(fallback):
        return []
    return [fallback if malware else _this_reports(fallback, title)]


# Hyphens and spaces of typesetting, read (and quoted as evidence) as the plain ones: a web
# page's "state\u2011affiliated", "Claude\u00a0Code"; a soft hyphen is no character of the words
_PLAIN_MARKS: Final = (
    ("\u2010", "-"), ("\u2011", "-"), ("\u00a0", " "), ("\u2007", " "), ("\u202f", " "),
    ("\u00ad", ""),
)  # fmt: skip


def _plain(text: str) -> str:
    """The text with its typeset marks plain: one ``str.replace`` a mark the text holds (none
    gives a mark another replaces), where ``str.translate`` looked each character up."""
    for mark, plain in _PLAIN_MARKS:
        if mark in text:
            text = text.replace(mark, plain)
    return text


def _numbered(campaigns: list[dict[str, Any]]) -> None:
    """Names that differ only in case or punctuation share an id: the second and later get
    their number ("Cold Ledger (2)")."""
    seen: dict[str, int] = {}
    for b in campaigns:
        n = seen[slugify(b["name"])] = seen.get(slugify(b["name"]), 0) + 1
        if n > 1:
            b["name"] = f"{b['name']} ({n})"


def _cases(
    drafted: list[tuple[Group, dict[str, Any] | None]], title: str, spread: bool
) -> list[dict[str, Any]]:
    """The drafted campaigns that are cases. An unnamed one that says nothing ("One operation a
    line, ...") is none; one of a named actor is ("APT41 also used the model.": the report
    speaks of it). One a heading alone names, beside other cases, that names no actor and says
    nothing is a section of the story ("## Speed Before Invention", a masthead over the
    introduction): no case, and the one platform it names, if ``spread``, is every case's that
    names none ("five operations that used its models")."""
    cases, said = [], []
    for g, b in drafted:
        if not b or not slugify(b["name"]):
            continue
        if g.actors or says_something(b) or (g.name and not (g.from_heading and len(drafted) > 1)):
            cases.append(b if g.name else _this_reports(b, title))
        elif g.name:
            said += b["platforms"]
    if spread and len({p["name"] for p in said}) == 1:
        for b in cases:
            b["platforms"] = b["platforms"] or [{**said[0], "confidence": 60}]
    return cases


def _extract(
    text: str,
    path: str,
    title: str | None,
    publisher: str | None,
    published: str | None,
    techniques: str,
) -> Findings:
    if not text.strip():
        raise InputError("the text is empty", path=path)
    text = _plain(text)  # "state\u2011affiliated": a hyphen as any other
    text = unmarked(text)  # "UNCLASSIFIED // FOR PUBLIC RELEASE", "(U) ": neither title nor fact
    text = written_out(text)  # "Bad Grammar (RU) -> UA; langs RU/EN": shorthand in words
    meta = report_meta(text, publisher, published, title)
    platform = meta.pop("_platform")
    merged: dict[str, Group] = {}
    loose: list[Sentence] = []
    groups = each_its_own(group_text(text, loose))  # "Peru's X, Iran's Y and China's Z"
    groups = lede_joined(groups, text, meta["title"])  # "hackers tied to China ...", SweetSpecter
    # The one AI platform an introduction names ("All five used ChatGPT") is every operation's;
    # not a product named in passing, nor the publisher's own service in its masthead.
    said = _platforms_used(loose, meta["publisher"])
    overall = next(iter(said.items())) if len(said) == 1 else None
    if overall is None and platform and not said:  # "operations that used its models"
        ours = next((s for s in loose if OUR_MODELS.search(s.text)), None)
        overall = (platform, ours) if ours else None
    if overall is None and not said:  # "All five used OpenAI's models"
        overall = next(((p, s) for s in loose if (p := companys_platform(s.text))), None)
    for group in groups:  # sections with one name, or about one unnamed actor, are one
        key = _name_key(group.name) or _unnamed_key(group) or f"#{len(merged)}"
        if key in merged:
            merged[key].sentences.extend(group.sentences)
            for aid, value in group.actors.items():
                merged[key].actors.setdefault(aid, value)
            for aid, fact in group.origins.items():  # and where each is from, said by its name
                merged[key].origins.setdefault(aid, fact)
        else:
            merged[key] = group
    titled_actor(meta["title"], list(merged.values()))
    told = actor_headline(meta["title"])  # "Lazarus devours defense": of the text's one case
    if told is not None and len(merged) == 1:
        case = next(iter(merged.values()))
        if all(m.entry.id in case.actors for m in told.mentions if m.entry.kind == "Actor"):
            case.sentences.append(told)
    origin = titled_origin(meta["title"])
    groups_read = [(sentences_of(g), names_of(g)) for g in merged.values()]
    learn, cues = techniques != "rules", techniques != "learned"
    learned = with_tools(groups_read, learned_techniques(groups_read)) if learn else None
    drafted = [(g, campaign_facts(g, platform, overall, origin, learned, cues, len(merged) > 1))
               for g in merged.values()]  # fmt: skip
    campaigns = _cases(drafted, meta["title"], overall is None)
    _numbered(campaigns)
    unlent(campaigns)  # "Red Ledger is based in China": not Tin Drum's, told apart later
    unserved(campaigns)  # "their pay goes to the government of North Korea": whom they serve
    if not campaigns:  # no name and no actor anywhere: one unnamed cluster, all the text says
        campaigns = _unnamed_cluster(
            text, meta["title"], loose, groups, platform, overall, techniques
        )
    if not campaigns:
        raise InputError("found no operation or actor to draft findings for", path=path)
    if meta["publisher"] not in _AI_LABS and not speaks_of_ai(text):
        # "persistence", "spear-phishing" in a report on no AI at all (an AI lab's reports are
        # all about its models; a security team's, Microsoft's or Google's, may be on none)
        for b in campaigns:
            b["techniques"] = [t for t in b["techniques"] if t["id"] not in _AI_TECHNIQUES]
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
