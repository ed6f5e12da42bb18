"""Who reports what a sentence says, and whom it acted against by name: "The company said
...", "According to the report, ...", "It also banned a cluster it tracks as Storm-0001"."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from graphkit.extract.cues import by_first_letter, led_by_letters, noun_pattern, word_list
from graphkit.vocab import PUBLISHERS

__all__ = [
    "ACCORDING",
    "NAMING_AS",
    "REPORTING",
    "SOURCE",
    "also_reported",
    "names_a_reporter",
    "reported_removed",
    "reporters_own",
    "struck_name",
]


# Who says it, before what they say: "The company said ...", "Researchers found that ..."
_REPORTING_VERBS: Final = "|".join(word_list("reporting_verbs"))
REPORTING: Final = re.compile(rf"{led_by_letters(_REPORTING_VERBS)}\b")
# ... where a verb of writing reports, not what was made: "The firm wrote in a blog post
# that ...", not "A PR firm wrote fake posts"
_WRITING: Final = "|".join(word_list("writing_verbs"))
# ... or a verb of pointing to what it holds: "Several reports mention Syrian actors ..."
_CITING: Final = "|".join(word_list("citing_verbs"))
_REPORTS_BY: Final = (
    rf"(?:(?!(?:{_WRITING})\b)(?:{_REPORTING_VERBS}|{_CITING})|(?:{_WRITING})"
    r"(?=,|:| that\b| (?:in|on) (?:a|an|its|the|their|his|her)\b))"
)
_PUBLISHER_NAMES: Final = [re.escape(n) for p in PUBLISHERS for n in (p.name, *p.aliases)]
# ... and voices from outside the report: "Experts in Seoul said ..." (each of these under
# (?i), grouped by first letter: some two hundred names, else each tried at every place)
_REPORTERS: Final = by_first_letter(
    [*word_list("reporters"), *word_list("outside_voices"), *_PUBLISHER_NAMES], folded=True
)
# ... without the pronouns, which may stand for the actors: "It also sent phishing emails"
_NAMED_REPORTERS: Final = by_first_letter(
    [*(w for w in word_list("reporters") if w not in ("it", "they", "we")), *_PUBLISHER_NAMES],
    folded=True,
)
_REPORTED: Final = re.compile(
    # a phrase set before it: "Beyond China, the lab ...", "Separately, OpenAI ..."
    rf"^(?:(?:(?i:{'|'.join(word_list('name_prepositions'))}) [^,]{{1,40}}|[A-Z][a-z]+ly),\s+)?"
    # "CrowdStrike, a security firm, said", "Researchers at Google found"
    # "OpenAI's head of intelligence, a former official, said": the publisher's own people
    rf"(?:(?i:{by_first_letter(_PUBLISHER_NAMES, folded=True)})['\u2019]s (?:[\w-]+ ){{0,3}}[\w-]+"
    r"(?:, [^,]{1,50},)? |"
    # ... a word before its noun, or where it is based: "The San Francisco-based startup said"
    # ... one or two words before it, none that stands between an article and its noun
    # (names.yaml apposed_stops): "A Ukrainian government agency discovered", not "Emails to
    # officials in Peru warned"
    rf"(?:(?:[Tt]he|[Ii]ts|[Aa]n?) )?(?:(?:(?:(?!(?:{'|'.join(word_list('apposed_stops'))})\s)"
    r"[\w'\u2019-]+ ){1,2}|"
    r"(?:[A-Z][\w'-]*,? ){1,2}[\w'-]*-based (?:[\w-]+ )?)?"
    # ... and what it wrote: "The San Francisco-based AI firm's report also flagged ..."; or
    # a noun (no pronoun) after more words, then its name: "US artificial intelligence
    # company Anthropic has warned"
    rf"(?i:{_REPORTERS})(?:['\u2019]s (?:[\w-]+ )?(?i:{_REPORTERS})|['\u2019](?:s|ve)(?= ))?|"
    rf"(?:[\w'\u2019-]+ ){{2,3}}(?i:{_NAMED_REPORTERS})(?: [A-Z][\w-]+)?|"
    # ... or a public body by its capitalised name, its acronym after it: "The Ukrainian
    # Government's Computer Emergency Response Team (CERT-UA) discovered"
    rf"(?:[Tt]he )?(?:[A-Z][\w'\u2019-]* ){{1,6}}(?:{'|'.join(word_list('public_body_heads'))})"
    r"(?: \([A-Z][\w-]{1,15}\))?)"
    # (its appositive, or a relative clause on it: "The lab, which counts banks among its
    # customers, said"; a long appositive opens on an article: "OpenAI, the US company behind
    # the popular chatbot ChatGPT, has banned")
    r"(?:, [^,]{1,50},|, (?:which|who|the|an?) [^,]{1,100},)? "
    # (where it works: "Researchers at Google", "Analysts at a Slovak security firm", "The
    # researchers from Seoul-based security firm ESTsecurity")
    r"(?:(?:at|with|from|in) (?:(?:the |its )?(?:[\w-]+ ){1,5}(?:[A-Z][\w-]* )?|"
    r"an? [\w-]+ (?:[\w-]+ ){0,2}))?|"
    # ... or a name of one or two words, no actor's noun: "TikTok, which ..., said", "Dr. Vasquez"
    # (nor a word that counts what follows: "Several reports mention ...")
    rf"(?!(?i:{noun_pattern('subject')}|{'|'.join(word_list('counting_words'))})\b)"
    r"(?:[A-Z][a-z]{1,3}\. )?[A-Z][\w'-]+(?: [A-Z][\w'-]+)?"
    r"(?:, [^,]{1,50},)? )"
    rf"(?:(?:{'|'.join(word_list('report_adverbs'))}) )*"  # "has also", "recently"
    # ... once or more: "it identified and banned accounts ...", "found, disrupted and removed"
    rf"{_REPORTS_BY}(?:(?:,? and|,) {_REPORTS_BY})*(?: (?:on|in) \w+day)?"
    # what it published, then what that shows: "announced findings Wednesday showing that"
    rf"(?: (?:{'|'.join(word_list('reported_objects'))})(?: (?:on )?\w+day)?"
    rf" (?:{'|'.join(word_list('showing_words'))})(?= that ))?"
    # where it says so, before what: "in a blog post that", "in its report, "
    r"(?: (?:in|on) (?:an?|its|the|their|his|her) [\w -]{1,40}?(?=,? that |, ))?"
    r",? (?:with \w+ confidence |[a-z]+ly )?"
    r"(?:that )?(?=[\w-])"
)


_NAMES_A_REPORTER: Final = re.compile(rf"\b(?i:{_NAMED_REPORTERS})\b")


def names_a_reporter(text: str) -> bool:
    """Whether words name a reporter: a publisher, "the company", "a spokesperson" (not a
    pronoun, which may stand for the actors)."""
    return _NAMES_A_REPORTER.search(text) is not None


ACCORDING: Final = re.compile(r"^(?:According to|As per|Per) [^,]{1,60},\s+")


# Who a sentence's words are according to, up to the next comma, wherever it stands: its
# source, no actor ("..., according to new research from security firm Vexa Labs shared with
# reporters"); not whom the source is about ("according to a report on Tin Vane")
SOURCE: Final = re.compile(r"\b[Aa]ccording to (?:(?!(?:on|about|into|of) )[^,;])*")


# The reporter as the subject of a verb of its own business: "The lab, founded in 2015, has
# faced lawsuits ...", "OpenAI has also signed deals with ..." (a pronoun could be the actors')
_OWN_DOING: Final = re.compile(
    rf"^(?:(?:[Tt]he|[Ii]ts) )?(?i:{_NAMED_REPORTERS})(?:, [^,]{{1,80}},)? "
    rf"(?:(?:{'|'.join(word_list('report_adverbs'))}|is|was|been) )*"
    rf"(?:{'|'.join(word_list('own_doings'))})\b"
)


# ... or, once the reporter has been named as the one who says, "it": "The company said it
# works closely with the industry"
_ITS_OWN: Final = re.compile(
    rf"^(?:it|we) (?:(?:{'|'.join(word_list('report_adverbs'))}|is|was|been) )*"
    rf"(?:{'|'.join(word_list('own_doings'))})\b"
)


def reporters_own(text: str) -> bool:
    """Whether a sentence tells what the reporter itself does or did, not what it reports:
    "The lab has faced lawsuits from news organisations in the United States", "OpenAI's head
    of intelligence said the company works closely with the industry"."""
    if _OWN_DOING.match(text):
        return True
    rest = reported_removed(text)
    return rest != text and (_OWN_DOING.match(rest) or _ITS_OWN.match(rest)) is not None


def also_reported(text: str) -> bool:
    """Whether a sentence opens with its reporter telling one more thing: "GTIG also describes
    state actors ...", "The lab also banned ..." (what follows is another case)."""
    if " also " not in text[:80] or not REPORTING.search(text):
        return False
    rest = reported_removed(text)
    return rest != text and " also " in text[: len(text) - len(rest)]


def _reported_removed(text: str) -> str:
    """The sentence without who reports it, as often as it says so: "OpenAI says it also
    banned Russian hackers ..." is about "Russian hackers ..."."""
    text = ACCORDING.sub("", text, count=1)  # "According to the report, a group ..."
    for _ in range(3):
        text, n = _REPORTED.subn("", text, count=1)
        if not n:
            break
    return text


# a sentence's speaker is asked about once a mention (its places and sectors) and by names,
# facts and roles: kept, as the reader keeps slugs
reported_removed = lru_cache(maxsize=4096)(_reported_removed)


# "It also banned a cluster it tracks as Storm-0001": a name the reporter introduces as one
# more, after what it did to it
NAMING_AS: Final = word_list("naming_as")
_STRUCK_NAMED: Final = re.compile(
    rf"^(?:an?|another) (?:[\w-]+ ){{0,2}}(?i:{noun_pattern('quoted_actor')})s? "
    rf"(?:(?:that|which) )?(?:\w+ ){{0,3}}?(?:{'|'.join(NAMING_AS)}) "
    r"[\"\u201c]?"
)


def struck_name(text: str) -> str | None:
    """The rest of a clause that opens with what the reporter did to an actor it introduces by
    name ("The lab also banned a cluster it tracks as Storm-0001 that ..." gives "Storm-0001
    that ..."); None when the clause does not open so."""
    if not REPORTING.search(text):
        return None
    rest = reported_removed(text)
    m = _STRUCK_NAMED.match(rest) if rest != text else None
    return rest[m.end() :] if m else None
