"""The actor a paragraph describes without a name ("A Chinese threat actor", "The first
case"); the ones it names are :mod:`~graphkit.extract.named_actors`'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from graphkit.extract.cues import (
    a_body_head,
    by_first_letter,
    noun_forms,
    noun_pattern,
    nouns,
    past_verb,
    word_list,
)
from graphkit.extract.fronted import country_seat, without_fronted
from graphkit.extract.reading import Mention, Sentence
from graphkit.extract.reporter import (
    ACCORDING,
    REPORTING,
    also_reported,
    names_a_reporter,
    reported_removed,
)
from graphkit.extract.subject_text import (
    ACTED_ON,
    ACTING_END,
    ACTOR_NOUN,
    BUSINESS_SPEAKS,
    COUNTED,
    DOINGS_OF,
    SUFFERED,
    elided,
    first_conjunct,
    from_its_subject,
    ones_named,
    past_run_in,
    people_noun,
    place_cut,
    without_platform,
)
from graphkit.vocab import countries

__all__ = ["ACTOR_NOUN", "IN_ANOTHER", "elided", "may_open_subject", "opening_phrase",
           "subject_of"]  # fmt: skip


# "The report also describes North Korean IT workers who ..."
_DESCRIBES: Final = re.compile(
    r"(?:The report|It|The company|Google|OpenAI|Anthropic|Microsoft) (?:also )?"
    r"(?:describes|details|covers|names|reports)\s"
)


# "In another instance, ...": a sentence that turns to another case.
# "Among the cases:", "Among them,", "Among other operations,": the examples of a set
_AMONG: Final = r"Among (?:them|(?:the|its|other|these|those) [\w ]{1,30}?)"
# "Examples include Russian hackers ...": the examples themselves
_EXAMPLES: Final = (
    r"(?:Examples|Cases|Others|Another example|One example) (?:include|included|includes|is|was)"
)


IN_ANOTHER: Final = (
    r"In (?:another|one|a (?:separate|second|third|fourth|further|related|different)|the "
    r"(?:first|second|third|fourth|last|latter)) "
    r"(?:case|operation|instance|example|incident)"
)


# "which the company linked to": who links them, then the verb (kept in a name, the rest not)
_WHICH_WHO: Final = r"(?:which|that|whom)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
_LINKING: Final = r"(?:linked|tied|traced|attributed)"


# "A Chinese threat actor spent nine months ...": a paragraph about an actor it does not name;
# NOUNS stands for the nouns of who acts
_SUBJECT_SOURCE: Final = (
    # a phrase set before the subject: "After the ban, (the crew in Laos)"
    rf"^(?:(?i:{by_first_letter(word_list('fronting'))})\b[^,]{{1,80}},\s+)?"
    rf"(?:(?:{'|'.join(word_list('turning_words'))}|[A-Z][a-z]{{3,}}ly|{IN_ANOTHER}|{_AMONG}),\s+"
    rf"(?:{_DESCRIBES.pattern}\s*)?|"
    rf"{_AMONG}:\s+|{_AMONG}\s+(?:were|are|was|is)\s+|{_DESCRIBES.pattern}\s*|{_EXAMPLES}\s+|"
    r"(?:Another|A (?:second|third|fourth|fifth|further)) case (?:involves|concerns)\s+)?"
    # some of a new one: "Members of a Russian group", "Two of an Iranian crew's operators"
    rf"(?:(?:(?i:{'|'.join(word_list('parts_of'))}) )?(?i:{'|'.join(word_list('parts_of'))}) of "
    r"(?=(?:an?|another|one)\s))?"
    r"(?:(?:[Aa]n?|[Aa]nother|[Oo]ne|[Ss]everal|[Ss]ome|[Tt]wo|[Tt]hree)\s+)?"
    r"(?:(?:second|third|fourth|fifth|further|separate|other|new)\s+)?"
    # the words before the noun may be a list: "Chinese, Russian and Iranian operators"; none
    # of words.yaml's not_in_a_subject is inside ("North Korea, a country whose hackers",
    # "They also hacked ...", "Scammers often manipulated victims by ...")
    rf"((?:(?!(?:{'|'.join(word_list('not_in_a_subject'))})\s)"
    r"(?:\d[\d,.]*\d|[\w'-]+),?\s+)"  # "over 6,800 accounts", "6.8 million accounts"
    r"{0,7}?(?i:threat\s+)?"
    # the last of the nouns: "Criminal syndicates", not "Criminal" (a noun of its own too)
    r"(?i:NOUNS))\b(?!\s+(?i:NOUNS)\b)"
    # "Accounts linked to Chinese government entities": who they are may follow the noun
    r"((?:,)?\s+(?:(?:\w+\s+)?(?:linked|tied|connected|affiliated|associated|based|located|"
    r"operating|working|run|operated|directed|originating|backed|sponsored|funded|belonging)"
    r"\s+(?:to|with|in|from|for|by|out\s+of)|consistent\s+with|"
    r"from|in|of(?=\s+an?\s)|"  # "accounts of a Chinese network"
    r"(?:using|speaking|writing\s+in)(?=\s+(?:the\s+)?[A-Z][\w-]*\s+language\b)|"  # "using the
    # Chinese language"
    # "The largest network, which the company linked to a firm in Israel, ..."
    rf"{_WHICH_WHO}{_LINKING}\s+to|"
    r"with\s+(?:\w+\s+)?(?:ties|links|connections)\s+to|"  # "with suspected ties to"
    # "believed to have ties to", "suspected of links to"
    r"(?:(?:believed|thought|said|suspected|assessed)\s+to\s+have|suspected\s+of(?:\s+having)?)"
    r"\s+(?:\w+\s+)?(?:ties|links|connections)\s+to|"
    r"(?:believed|thought|said|suspected|assessed)\s+to\s+(?:be\s+(?:working|operating|based)|be|"
    r"operate|work)\s+(?:from|in|for|out\s+of)|"
    r"(?:believed|thought|said|suspected|assessed)\s+to\s+be\s+(?:run|operated|directed)\s+by|"
    r"(?:believed|thought|said|suspected|assessed)\s+to\s+be\s+(?:tied|linked|connected)\s+to|"
    # "Criminal syndicates running scam compounds in Myanmar"
    rf"(?:{'|'.join(word_list('running'))})\s+(?:\w+\s+){{0,2}}(?:{'|'.join(word_list('seats'))})\s+in|"
    # "The operators, who worked out of Belarus, ...": where they are, in a relative clause
    r"(?:who|which|that)\s+(?:\w+\s+)?(?:worked|work|works|operated|operate|operates|sat|sit|"
    r"sits|lived|live|lives|were|are|was|is|originated|originate|originates|came|come|comes)"
    r"\s+(?:out\s+of|from|in))\s+"
    r"(?:[\w'-]+\s+){0,4}[\w'-]+)?"
)
# ... or a people by its plural, as who acts: "The North Koreans also tried ..."
# ... or "the Chinese" before a verb: "the Chinese researched ..."
_DID: Final = rf"(?:also\s+|too\s+)?{past_verb()}\b"
_PEOPLES: Final = [re.escape(p) for p in countries().peoples()]
_THE_PEOPLE: Final = f"the (?:{'|'.join(countries().collectives())})(?=\\s+{_DID})"
_WHO: Final = f"{noun_pattern('subject')}|{by_first_letter(_PEOPLES)}|{_THE_PEOPLE}"
_SUBJECT: Final = re.compile(_SUBJECT_SOURCE.replace("NOUNS", _WHO))
# ... and with a business as who acts ("A Vietnamese company generated ..."), tried only where
# one is named; "The company said ..." is most often the reporter
_BUSINESS: Final = re.compile(
    rf"^(?!(?i:the|this|its) (?:{noun_pattern('acting')})\b)"
    + _SUBJECT_SOURCE.replace("NOUNS", f"{_WHO}|{noun_pattern('acting')}")
)
_BUSINESS_WORDS: Final = nouns("acting")
# ... and businesses before a verb of misusing a model ("Several Chinese AI companies ran
# distillation attacks on ..."), where they act; elsewhere they are as often whom actors hit
_MISUSING: Final = re.compile(
    _SUBJECT_SOURCE.replace("NOUNS", noun_pattern("misusing"))
    + rf"(?=,?\s+(?:(?:also|allegedly|reportedly)\s+)?(?:{'|'.join(word_list('misuse_deeds'))})\b)"
)
_MISUSING_WORDS: Final = nouns("misusing")


def _may_misuse(text: str) -> bool:
    """Whether ``_MISUSING`` may match a text whose words are not at hand: one of its nouns
    stands in it, in any case (a noun's first part, before a hyphen the pattern makes
    optional); any text not in ASCII, where the pattern's case folds more than ``lower``."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(noun in lowered for noun in _MISUSING_WORDS)


_LETTERS: Final = re.compile(r"[a-z]+")


def _first_words(alternatives: Iterable[str]) -> frozenset[bytes] | None:
    """The letters each alternative of a pattern opens with, up to a character that is none,
    with and without a hyphen the pattern makes optional ("start-?up": "start", "startup"),
    as ASCII bytes; None when one opens otherwise."""
    out = set()
    for alternative in alternatives:
        plain = alternative.replace("\\", "")  # re.escape's
        for variant in (plain.replace("-?", "-"), plain.replace("-?", "")):
            run = _LETTERS.match(variant.lower())
            if run is None:
                return None
            out.add(run.group(0).encode("ascii"))
    return frozenset(out)


# Every byte as its letter in lower case, any other as a space: an ASCII text's runs of
# letters, in lower case, are what the bytes it translates to split into
_LOWER_LETTERS: Final = bytes(
    b if 97 <= b <= 122 else b + 32 if 65 <= b <= 90 else 32 for b in range(256)
)


# The words _WHO's nouns open with (a people after "the" by its own): the noun of an unnamed
# actor stands after a space or first, so a text in ASCII that has none of them as a word
# (its runs of letters in lower case) opens on none, and _SUBJECT, which tries its many
# openings before it gives up, is not tried (about half the clauses asked)
_WHO_FIRST: Final = _first_words([*noun_forms("subject"), *_PEOPLES, *countries().collectives()])


def _opening_phrase(text: str) -> re.Match[str] | None:
    if (
        _WHO_FIRST is not None
        and text.isascii()
        and _WHO_FIRST.isdisjoint(text.encode("ascii").translate(_LOWER_LETTERS).split())
    ):
        return None
    return _SUBJECT.match(text)


# kept while a text is read (runs, subjects, groups ask it of a clause again); drafting empties it
opening_phrase = lru_cache(maxsize=4096)(_opening_phrase)


def _subject_match(text: str, words: list[str] | None = None) -> re.Match[str] | None:
    """The unnamed actor's phrase a text opens with (see ``_SUBJECT``), a business's too."""
    m = opening_phrase(text)
    if not _MISUSING_WORDS.isdisjoint(words) if words is not None else _may_misuse(text):
        misusing = _MISUSING.match(text)  # "Three Chinese AI labs distilled the model"
        if misusing is not None and (m is None or misusing.end(1) < m.end(1)):
            return misusing  # not "... labs distilled it through fraudulent accounts"
    if m is not None and not _BUSINESS_WORDS.isdisjoint(m.group(1).lower().split()[:-1]):
        # "A marketing firm in Ghana ran fake accounts": the firm, not the accounts it ran
        business = _BUSINESS.match(text)
        return business if business is not None and business.end(1) < m.end(1) else m
    if m is not None or (words is not None and _BUSINESS_WORDS.isdisjoint(words)):
        return m
    if words is None and "compan" not in text and "firm" not in text:
        return None
    return _BUSINESS.match(text)


# The same, the noun phrase up to the last actor noun: "A group of Korean-language accounts".
_SUBJECT_LONG: Final = re.compile(_BUSINESS.pattern.replace("{0,7}?(?i:threat", "{0,7}(?i:threat"))
# Right after the first noun, its verb and object: "Accounts asked the chatbot", "The actors sent
# emails to officials in Israel"; not a participle before a preposition: "linked to", "based in",
# "run out of", "described as"
_CROSSES_VERB: Final = re.compile(
    rf"\s+{past_verb()}\s+(?!(?:{'|'.join(word_list('prepositions'))}|as|out)\b)[\w\"\u201c]"
)


# What a thing was made for, after its noun: "(a phishing campaign) designed to trap ..."
_PURPOSE: Final = re.compile(
    rf"\s+(?:{'|'.join(word_list('purpose_participles'))})\s+(?:to|at|for)\s"
)


_PLACES: Final = ("Demonym", "Country", "Language")
# What in a subject's phrase says who they are: "ChatGPT accounts linked to ..." does not
_WHO_KINDS: Final = (*_PLACES, "Sponsor", "Actor")


# The words before who they are: ", linked to ", " working for ", " from "
_WHO_LEAD: Final = re.compile(
    r"^,?\s+(?:\w+\s+)*?(?:to|with|in|from|for|by|using|speaking|out\s+of)\s+"
)


# The sentence's own verb after who they are ("China leaned on", "Russia are relying on"), not a
# tie ("associated with")
_TIES: Final = "|".join(word_list("tie_participles"))
_VERB_AFTER: Final = re.compile(
    rf"\s+(?:(?!(?:{_TIES})\b){past_verb()}|(?:{'|'.join(word_list('auxiliaries'))}))\b.*$"
)


_BELIEVED_TIED: Final = re.compile(
    r"^\s+(?:believed|thought|said|suspected|assessed)\s+to\s+be\s+"
    r"(tied|linked|connected|based|located|operating)\s+(to|in|from|out\s+of)\s+"
)


_LOOSE_END: Final = re.compile(
    r"(?:\s+(?:that|who|which|and|or|to|of|in|with|were|was|are|is|had|have|has|also))+$"
)


# A clause that follows who they are: "tied to Vietnam after finding they ..." ends at "after".
_CLAUSE_AFTER: Final = re.compile(rf"\s+(?:{'|'.join(word_list('subordinators'))})\b.*$")


_BARE: Final = nouns("bare")


_COPULA: Final = re.compile(  # "were linked to", "were run by": the participle's, not the copula's
    r"^\s+(?:were|was|are|is|(?:have|has|had) been)\s+(?=(?:\w+ed|run|led|set up)\s)"
)
# A statement that a colon goes on to bear out: "Russian use was limited: ..."
_STATED: Final = re.compile(r" (?:was|were|is|are|has|have|had) ")
_RELATIVE: Final = re.compile(r"^\s+(?:which|who|that)\s")
_WHO_LINKED: Final = re.compile(rf"^\s+{_WHICH_WHO}(?={_LINKING}\s)")


# A case noun and its verb before who was in it: "(A second) case involved North Korean workers";
# or what was done, tied to who did it: "Attacks linked to Russian hackers"
_DEEDS: Final = "|".join(word_list("deeds"))
_CASE_LEAD: Final = re.compile(
    rf"^(?:\w+ )?(?i:{noun_pattern('case')}) (?i:{'|'.join(word_list('case_verbs'))})(?: on)? |"
    rf"^(?:[\w-]+ ){{0,2}}?(?i:{_DEEDS}) (?:attributed|linked|tied|connected) to (?:the )?"
)


# A verb of coming from somewhere right after who they are: "A network originated in Vietnam"
_CAME_FROM: Final = re.compile(
    r"\s*(?:originated|originates|came|comes|was run|were run|operated|operates)"
    r" (?:in|from|out of) (?:the )?([A-Z][\w-]*(?: [A-Z][\w-]*)?)"
)
_INDEFINITE: Final = re.compile(r"^(?:an?|another|several|some|multiple|two|three|four) ")
# Some of an actor met before, by a definite noun: "Members of the group", "two of its operators"
_PART_OF_ONE: Final = re.compile(
    r"\bof (?:the|this|that|these|those|its|their) (?:[\w-]+ ){0,2}?"
    rf"(?i:{noun_pattern('subject')})$"
)
_SUBJECT_NOUNS: Final = nouns("subject")
# Words before "of" or "against" that are no actor's noun nor some of them: what the phrase is
# about is after it ("Modus operandi of North Korean cybercriminals", "Taking enforcement
# actions against suspected actors in Iran"), not "Members of a Russian group"
_NOT_WHO_OF: Final = re.compile(
    rf"^(?!(?i:{'|'.join(word_list('parts_of'))})\b)"
    rf"(?:(?!(?i:{noun_pattern('subject')})\b)[\w'-]+ ){{1,4}}(?:of|against) (?:the )?"
)
_NEW_REFERENT: Final = re.compile(  # "A crew", "Several accounts", "Criminals": not met before
    # (also after "In a separate case, ": the text turns to another)
    rf"^(?:{IN_ANOTHER},\s+)?(?:(?:[Aa]n?|[Aa]nother|[Ss]everal|[Ss]ome) |"
    rf"(?i:{noun_pattern('subject')})\b)"
)
# ... but "Attackers", whoever acts, bare, after a named actor is that actor
_GENERIC: Final = re.compile(rf"^(?:{IN_ANOTHER},\s+)?(?i:{noun_pattern('generic')})\b")


# "a fraud ring in Cambodia": where they are, after a noun for people that sit somewhere
_BARE_IN: Final = re.compile(r"^\s+in\s")
_LOCATED: Final = nouns("located")


def _who_they_are(m: re.Match[str], text: str, first: Sentence, phrase: str) -> tuple[str, str]:
    """The words of a subject's match that say who the actors are, and its phrase with what
    its tail adds ("Accounts linked to Chinese government entities")."""
    who, tail = m.group(0), m.group(2)
    if tail:  # "... users in Peru and North Korea": the phrase ends after a place, not in it;
        # "... associated with Chinese law enforcement whose ...": a people's noun goes with it
        after, said = text[m.end() :], first.mentions
        rest = place_cut(tail, after, said) or people_noun(tail, text, m.end(), said)
        who, tail = who + rest, tail + rest
    if tail and _BARE_IN.match(tail) and phrase.split()[-1].lower() not in _LOCATED:
        who, tail = who[: m.start(2)], None  # "operations in Ukraine": where, not who they are
    if tail and not any(x.text in phrase for x in first.mentions if x.entry.kind in _WHO_KINDS):
        # "Accounts linked to Chinese government entities"; "Hackers working for China" ends
        # where the sentence's verb begins ("... China leaned on the chatbot")
        tail = re.sub(r"^,\s+", " ", tail.rstrip(","))  # "X, who ...", "Scammers, based in"
        tail = _COPULA.sub(" ", tail)  # "the operators were linked to Syria": its predicate
        tail = _WHO_LINKED.sub(" ", tail)  # "which the company linked to": "linked to"
        tail = _BELIEVED_TIED.sub(r" \1 \2 ", tail)  # "believed to be based in": "based in"
        if _RELATIVE.match(tail):
            tail = ""  # "The accounts, which operated in Mandarin, ...": what they did
        lead = _WHO_LEAD.match(tail)
        who_they_are = _VERB_AFTER.sub("", tail[lead.end() :]) if lead else tail
        who_they_are = first_conjunct(who_they_are, first.mentions)  # "... and operators"
        phrase += (tail[: lead.end()] if lead else "") + _CLAUSE_AFTER.sub("", who_they_are)
    return phrase, who


def may_open_subject(text: str) -> bool:
    """Whether a clause opens as one about an unnamed actor may ("operators from Cuba ...",
    "The second, tied to Cuba, ...", "The lab said a Spanish-speaking developer ..."): a
    cheap test before :func:`subject_of` reads it."""
    if text[:1] in "AP":  # "According to a newspaper, a Chilean group ...": the source aside
        text = ACCORDING.sub("", text, count=1)
    if _subject_match(text) is not None or elided(text):
        return True
    reported = reported_removed(text) if REPORTING.search(text) else text  # a new one: "a"
    return reported != text and bool(_INDEFINITE.match(reported) and _subject_match(reported))


def _opening_phrase_of(
    first: Sentence, text: str, seat: str | None
) -> tuple[str, re.Match[str]] | None:
    """The unnamed actor's phrase a clause opens with, and the clause from where it is read:
    past a run-in label, a statement a colon bears out, and the reporter with its verb; None
    when it opens with none, with a victim or with a business that speaks."""
    m = _subject_match(text, first.words)
    if (m is None or text.startswith(": ", m.end(1))) and past_run_in(text) != text:
        text = past_run_in(text)  # "Peru's new scam: Peru has used ...": a run-in label
        m = _subject_match(text, first.words)
    if not m and ": " in text[:80] and _STATED.search(text.split(": ", 1)[0]):
        text = text.split(": ", 1)[1]  # "Russian use was limited: a group tied to Moscow ..."
        m = _subject_match(text, first.words)
    did = _REPORTER_DID.match(text) if m else None
    if m and did and did.end() < m.end(1) and names_a_reporter(did.group(1)):
        # "The lab blamed Russian hackers for ...": whom it blamed, said with where they are
        # from (not "The lab named three crews: ...")
        rest = text[did.end() :]
        again = _subject_match(rest, first.words)
        said_where = [x.text for x in first.mentions if x.entry.kind in _PLACES]
        if again and any(x in again.group(1) for x in said_where):
            text, m = rest, again
        elif did.group(2)[-1:] == "s":
            return None  # "A new report reconstructs the methods and actors of ...": no actor
    if not m or SUFFERED.match(text, m.end(1)):
        return None  # "A firm in Taiwan was among the targets": a victim, no actor
    if ACTING_END.search(m.group(1)) and BUSINESS_SPEAKS.match(text, m.end(1)):
        return None  # "A Peruvian security firm admitted to hiring ...": no actor
    if not seat and not any(
        x.text in m.group(0) for x in first.mentions if x.entry.kind in _PLACES
    ):
        long = _SUBJECT_LONG.match(text)  # the country may come after a first noun
        if (
            long
            and not _CROSSES_VERB.match(text, m.end(1), long.end(1))
            and not _PURPOSE.match(text, m.end(1), long.end(1))
        ):  # not across the verb: "Accounts asked the chatbot about officials"; not into what
            m = long  # it was made for: "a phishing campaign designed to trap officials"
    return text, m


def subject_of(first: Sentence, seen: list[Sentence] | None, before: str = "") -> str | None:
    """The unnamed actor a paragraph opens with, when it is a new one: "North Korean IT workers"
    after a section about GTG-2002. Its country or language must be in the phrase, unless the
    text says it is a new subject ("The report also describes an actor who ..."). ``before``:
    the text before it, where the noun an ordinal leaves out is ("The second, ...")."""
    text = from_its_subject(first, before or " ".join(s.text for s in seen or ()))
    seat = country_seat(first, text) if text.startswith("In ") else None
    text = without_fronted(text)  # "In Peru, hackers", "On May 2, hackers"
    matched = _opening_phrase_of(first, text, seat)
    if matched is None:
        return None
    text, m = matched
    if m.group(1)[:1].isupper() and names_a_reporter(m.group(1).split(" ", 1)[0]):
        return None  # "A Meta and OpenAI collaboration thwarted ... operations": the reporters
    if _PART_OF_ONE.search(m.group(1)):
        return None  # "Members of the group were based in Iran": the one met before
    if text[m.end() : m.end() + 1] == " " and a_body_head(text[m.end() + 1 :].split(" ", 1)[0]):
        return None  # "The Canadian spy service sees ...": a state's body, no actor
    phrase = re.sub(r"^(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]his)\s+", "", m.group(1))
    # "More than 57 distinct threat groups", "(the) banning of a set of accounts"
    phrase = COUNTED.sub("", ACTED_ON.sub("", phrase)) or phrase
    phrase = DOINGS_OF.sub("", phrase) or phrase  # "changes in the tactics of Peruvian hackers"
    phrase = _NOT_WHO_OF.sub("", phrase) or phrase  # "Modus operandi of North Korean ..."
    phrase = _CASE_LEAD.sub("", phrase) or phrase  # "case involved North Korean workers"
    phrase, who = _who_they_are(m, text, first, phrase)
    if seat is not None:  # "In Ghana, a marketing firm ran ...": the firm in Ghana
        phrase, who = f"{phrase} in {seat}", f"{who} {seat}"
    # "The report also describes a scheme that matches North Korean tactics": the report
    # says it is a new subject, and the sentence may say who is behind it after the noun
    anywhere = bool(_DESCRIBES.match(text))
    ids = {
        x.entry.id
        for x in first.mentions
        if x.entry.kind in ("Demonym", "Country", "Language") and (anywhere or x.text in who)
    }
    # "The lab banned a crew that ...", after another case: who the reporter acted against, a
    # new one by its "a" (in a text's lead, it may be the case the text goes on to name)
    struck = seen is not None and text != first.text and bool(_INDEFINITE.match(text))
    # "Criminals, too, ...", "A ransomware crew ..." after another case: a new referent, as
    # an indefinite or bare noun brings in; "The crew ..." is the one met before
    # ("In a separate case, a criminal ...": the text says it turns to another, seen or not)
    turned = seen is not None or text.startswith("In ")
    # (none seen: a sentence that turns with "In ...", read without the case before it)
    generic = _GENERIC.match(text) and (
        seen is None or any(x.entry.kind == "Actor" for x in _said(seen))
    )
    struck = struck or (turned and _NEW_REFERENT.match(text) is not None and not generic)
    came = _CAME_FROM.match(text, m.end()) if not ids and m.end() < len(text) else None
    place = next((x for x in first.mentions if came and x.text == came.group(1)), None)
    if place is not None and place.entry.kind == "Country":
        # "A smaller network originated in Vietnam and ...": where it came from, said next
        ids, phrase = {place.entry.id}, f"{phrase} from {place.text}"
    if not ids and not anywhere and not struck:
        return None
    if (
        seen is not None
        and not (struck and also_reported(first.text))  # "The lab also banned several ..."
        and any(x.entry.id in ids for s in seen for x in s.mentions)
    ):
        return None  # the section already spoke of that country: the same actor, likely
    phrase = _LOOSE_END.sub("", phrase)  # "Accounts tied to Chinese government entities that"
    phrase = without_platform(phrase, first)  # "ChatGPT accounts tied to Iran": the accounts
    phrase = ones_named(phrase, before)  # "whereas Iran-linked ones": "Iran-linked operators"
    places = {x.text for x in first.mentions if x.entry.kind == "Country" and x.text in who}
    if phrase.lower() in _BARE and len(places) == 1:  # "(A small set of) accounts that likely
        phrase = f"{phrase} from {places.pop()}"  # originated in Bolivia": where they are from
    elif phrase.lower() in _BARE or (struck and " " not in phrase):
        phrase = f"unnamed {phrase.lower()}"  # "an actor who ...": no name to give it
    return phrase[0].upper() + phrase[1:]


# The reporter and its verb before whom the phrase is about: "The lab blamed (Russian hackers)",
# "The company accused (Chinese operators of ...)", "A new report reconstructs ..."
_REPORTER_DID: Final = re.compile(
    rf"^(?:[Tt]he |[Aa]n? )?([\w-]+(?: [\w-]+)?) ({past_verb()}|[a-z]+s) "
)


def _said(seen: list[Sentence] | None) -> list[Mention]:
    """Every mention of the sentences seen before, if any."""
    return [x for s in seen or () for x in s.mentions]
