"""The findings format v1: an analyst's curated reading of one report, validated by pydantic.

Every fact carries the evidence for it and may carry a confidence (0-100); a fact without
one takes its campaign's ``confidence``. Ids are checked against the vocabularies: sectors
(DESIGN.md), techniques (ATT&CK v18.1, ATLAS, LLM-themed), ISO countries and languages
(names such as "China" or "Farsi" are accepted and turned into codes).

Examples
--------
>>> f = Findings.model_validate({
...     "report": {"title": "Threat update", "publisher": "OpenAI", "published": "2025-06-05"},
...     "campaigns": [{"name": "ScopeCreep", "languages": [{"id": "Russian", "evidence": "e"}]}],
... })
>>> f.report_id, f.campaigns[0].languages[0].id
('openai-2025-06-05-threat-update', 'ru')
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from graphkit.identity import resolve_country, resolve_language, slugify
from graphkit.limits import LIST_MAX_ITEMS, NAME_MAX_CHARS, SUMMARY_MAX_CHARS, TEXT_MAX_CHARS
from graphkit.techniques import technique
from graphkit.vocab import SECTORS

__all__ = [
    "Activity",
    "ActorFindings",
    "ActorRef",
    "CampaignFindings",
    "Fact",
    "Findings",
    "NamedFact",
    "ReportMeta",
    "Targets",
    "findings_json_schema",
    "not_text",
]

# Characters no value may hold: C0 controls other than tab, line feed and carriage return,
# lone surrogates (not Unicode: a JSON "\ud800" escape makes one) and U+FFFE, U+FFFF. XML 1.0
# (GraphML exports) cannot carry them, a terminal may act on them, no report needs them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def not_text(value: str) -> str | None:
    """What makes ``value`` unfit to store (a character named by its code point), or None.

    >>> not_text("Op \\u202eSneer"), not_text("Op\\x1b[31m")
    (None, 'control character U+001B at character 3 is not allowed in a value')
    """
    bad = _NOT_TEXT.search(value)
    if bad is None:
        return None
    kind = "lone surrogate" if "\ud800" <= bad.group() <= "\udfff" else "control character"
    return (
        f"{kind} U+{ord(bad.group()):04X} at character {bad.start() + 1} is not allowed in a value"
    )


def _plain_text(value: str) -> str:
    problem = not_text(value)
    if problem:
        raise ValueError(problem)
    return value


Name = Annotated[str, Field(min_length=1, max_length=NAME_MAX_CHARS), AfterValidator(_plain_text)]
Text = Annotated[str, Field(min_length=1, max_length=TEXT_MAX_CHARS), AfterValidator(_plain_text)]
LongText = Annotated[
    str, Field(min_length=1, max_length=SUMMARY_MAX_CHARS), AfterValidator(_plain_text)
]


def _keyed(value: str) -> str:
    if not slugify(value):
        raise ValueError("a name needs a letter or a digit: its id is made from them")
    return value


# A name that an id is made from (a campaign, an actor, an organisation, a platform, a report's
# title and publisher): without a letter or a digit, names would share the empty id.
Key = Annotated[Name, AfterValidator(_keyed)]
Confidence = Annotated[int, Field(ge=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Fact(_Strict):
    """A statement of the report, with the words that support it."""

    evidence: Text = Field(description="a short quote or paraphrase from the report")
    confidence: Confidence | None = Field(
        default=None, description="0-100; defaults to the campaign's confidence"
    )


class CountryFact(Fact):
    id: Name = Field(description="ISO 3166-1 alpha-2 code, or a country name or demonym")

    @field_validator("id")
    @classmethod
    def _country(cls, v: str) -> str:
        code = resolve_country(v)
        if code is None:
            raise ValueError(f"unknown country {v!r} (use an ISO 3166-1 alpha-2 code)")
        return code


class LanguageFact(Fact):
    id: Name = Field(description="ISO 639-1 code, or a language name")

    @field_validator("id")
    @classmethod
    def _language(cls, v: str) -> str:
        code = resolve_language(v)
        if code is None:
            raise ValueError(f"unknown language {v!r} (use an ISO 639-1 code)")
        return code


class SectorFact(Fact):
    id: Name = Field(description="a sector id of the controlled vocabulary")

    @field_validator("id")
    @classmethod
    def _sector(cls, v: str) -> str:
        if v in SECTORS:
            return v
        raise ValueError(f"unknown sector {v!r} (known: {', '.join(SECTORS)})")


class TechniqueFact(Fact):
    id: Name = Field(description="ATT&CK (T1566.001), ATLAS (AML.T0051) or LLM-themed id")

    @field_validator("id")
    @classmethod
    def _technique(cls, v: str) -> str:
        if technique(v) is None:
            raise ValueError(
                f"unknown technique {v!r} (not in ATT&CK v18.1, ATLAS or the LLM list)"
            )
        return v


class NamedFact(Fact):
    """A fact about something named freely: an organisation, a platform."""

    name: Key


class ActorRef(Fact):
    """The actor a campaign is attributed to; ``evidence`` supports the attribution."""

    name: Key
    aliases: list[Name] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    country: CountryFact | None = None


class Targets(_Strict):
    sectors: list[SectorFact] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    countries: list[CountryFact] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    organizations: list[NamedFact] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)


class Activity(_Strict):
    """What operators did: their languages, targets, techniques and platforms."""

    confidence: Confidence = Field(default=70, description="the default for its facts")
    languages: list[LanguageFact] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    targets: Targets = Field(default_factory=Targets)
    techniques: list[TechniqueFact] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    platforms: list[NamedFact] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)


class CampaignFindings(Activity):
    """One operation, network or campaign of the report, and what the report says of it."""

    name: Key
    id: Name | None = Field(default=None, description="defaults to the slug of the name")
    aliases: list[Name] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    summary: LongText | None = None
    disruption: Text | None = None
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    actor: ActorRef | None = Field(default=None, description="the actor it is attributed to")
    actors: list[ActorRef] = Field(
        default_factory=list,
        max_length=LIST_MAX_ITEMS,
        description="several actors, instead of `actor`",
    )

    @property
    def campaign_id(self) -> str:
        return slugify(self.id or self.name)

    @property
    def all_actors(self) -> list[ActorRef]:
        return [self.actor, *self.actors] if self.actor else list(self.actors)

    @model_validator(mode="after")
    def _one_way_to_name_actors(self) -> CampaignFindings:
        if self.actor is not None and self.actors:
            raise ValueError("give either `actor` or `actors`, not both")
        return self

    @field_validator("id")
    @classmethod
    def _slug(cls, v: str | None) -> str | None:
        if v is not None and not slugify(v):
            raise ValueError("an id needs at least one letter or digit")
        return v


class ActorFindings(Activity):
    """What the report says of an actor outside any campaign it names."""

    name: Key
    aliases: list[Name] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    country: CountryFact | None = None


class ReportMeta(_Strict):
    title: Key
    publisher: Key
    published: dt.date
    url: Annotated[str, Field(max_length=TEXT_MAX_CHARS, pattern=r"^https?://\S+$")] | None = None
    id: Name | None = Field(default=None, description="defaults to publisher-yyyy-mm-dd-slug")
    summary: LongText | None = None


class Findings(_Strict):
    """A findings file: one report and its campaigns."""

    format: Literal["graphkit-findings/1"] = "graphkit-findings/1"
    report: ReportMeta
    campaigns: list[CampaignFindings] = Field(default_factory=list, max_length=LIST_MAX_ITEMS)
    actors: list[ActorFindings] = Field(
        default_factory=list,
        max_length=LIST_MAX_ITEMS,
        description="actor facts outside any campaign",
    )

    @property
    def report_id(self) -> str:
        r = self.report
        if r.id:
            return slugify(r.id)
        return f"{slugify(r.publisher)}-{r.published.isoformat()}-{slugify(r.title, max_words=6)}"

    @model_validator(mode="after")
    def _unique_campaigns(self) -> Findings:
        if not self.campaigns and not self.actors:
            raise ValueError("a findings file needs at least one campaign or actor")
        seen: set[str] = set()
        for c in self.campaigns:
            cid = c.campaign_id
            if cid in seen:
                raise ValueError(f"two campaigns share the id {cid!r}")
            seen.add(cid)
        return self


def findings_json_schema() -> dict[str, Any]:
    """The JSON Schema of the findings format, as `graphkit schema --json-schema` prints it."""
    schema = Findings.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://graphkit.invalid/schemas/findings-1.json"
    return json.loads(json.dumps(schema))
