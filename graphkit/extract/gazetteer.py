"""What the extractor can recognise, as one dictionary from word n-grams to entities.

Text is cut into lower-case word tokens (hyphens split words: "China-based" is "china" then
"based"), and every n-gram of up to :data:`MAX_WORDS` tokens is looked up in one dict: the
cost is a few dict look-ups per word, whatever the size of the vocabularies (2 MB/s and more
on one core; BENCHMARKS.md).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import pycountry

from graphkit.actors import actor_index
from graphkit.identity import country_words
from graphkit.techniques import all_attack_techniques
from graphkit.vocab import (
    ATLAS_TECHNIQUES,
    LLM_TECHNIQUES,
    PLATFORMS,
    SECTORS,
    countries,
    languages,
)

__all__ = [
    "DIGIT",
    "MAX_WORDS",
    "TOKEN",
    "Entry",
    "first_words",
    "gazetteer",
    "lookup_table",
    "single_words",
    "word_pairs",
]

MAX_WORDS = 5
# Words, with inner dots (T1566.001) and apostrophes, but not a possessive "'s".
_WORD = r"[A-Za-z0-9_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]"  # Latin letters, accented too
TOKEN = re.compile(rf"{_WORD}++(?:[.'\u2019](?![sS]\b){_WORD}++)*+")  # no backtracking


def fold(text: str) -> str:
    """Accents dropped: "Doppelgänger" is looked up as "doppelganger", "résumés" as "resumes".

    >>> fold("Doppelgänger wrote résumés")
    'Doppelganger wrote resumes'
    """
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Entry:
    kind: str  # Country, Language, Sector, Technique, Platform, Actor, Demonym, Sponsor, Other
    id: str
    name: str
    proper: bool = False  # must be written with a capital letter or digit (a proper name)
    phrase: bool = False  # a behaviour phrase, not the technique's own name or id


def norm(text: str) -> str:
    return " ".join(t.lower() for t in TOKEN.findall(fold(text.replace("\u2019", "'"))))


# Vulnerabilities known by a name rather than their CVE id
_NAMED_VULNERABILITIES = ("log4shell", "follina", "proxylogon", "proxyshell", "eternalblue",
                          "heartbleed", "zerologon", "printnightmare", "bluekeep",
                          "spring4shell", "citrix bleed")  # fmt: skip

# Behaviour described in words → technique ids (ATT&CK parents or sub-techniques, LLM-themed).
PHRASES: dict[str, tuple[str, ...]] = {
    "phishing": ("T1566", "llm-supported-social-engineering"),
    "spear phishing": ("T1566", "llm-supported-social-engineering"),
    "spearphishing": ("T1566", "llm-supported-social-engineering"),
    "phishing emails": ("T1566", "llm-supported-social-engineering"),
    "phishing lures": ("T1566", "llm-supported-social-engineering"),
    "brute force": ("T1110",), "brute forcing": ("T1110",), "brute forcer": ("T1110",),
    "password spraying": ("T1110.003",), "credential stuffing": ("T1110.004",),
    "port scanning": ("T1046",), "port scans": ("T1046",), "nmap": ("T1046",),
    "network scanning": ("T1046",), "vulnerability scanning": ("T1595.002",),
    "dll side loading": ("T1574.001",), "dll sideloading": ("T1574.001",),
    "side loaded a dll": ("T1574.001",), "side loads a dll": ("T1574.001",),
    "sideloaded a dll": ("T1574.001",), "side load a dll": ("T1574.001",),
    "side loading a dll": ("T1574.001",), "side loaded dlls": ("T1574.001",),
    "side loading": ("T1574.001",), "malware development": ("T1587.001", "llm-aided-development"),
    "develop malware": ("T1587.001", "llm-aided-development"),
    "developed malware": ("T1587.001", "llm-aided-development"),
    "developing malware": ("T1587.001", "llm-aided-development"),
    "build malware": ("T1587.001", "llm-aided-development"),
    "built malware": ("T1587.001", "llm-aided-development"),
    "remote access trojan": ("T1587.001", "llm-aided-development"),
    "remote access trojans": ("T1587.001", "llm-aided-development"),
    "stealer": ("T1587.001",), "stealers": ("T1587.001",), "infostealer": ("T1587.001",),
    "powershell": ("T1059.001", "llm-enhanced-scripting"),
    "scripting": ("T1059", "llm-enhanced-scripting"),
    "scripts": ("T1059", "llm-enhanced-scripting"),
    "debugging": ("llm-enhanced-scripting",), "debug code": ("llm-enhanced-scripting",),
    "debugged": ("llm-enhanced-scripting",),
    "obfuscate": ("T1027", "llm-optimized-payload-crafting"),
    "obfuscation": ("T1027", "llm-optimized-payload-crafting"),
    "obfuscating": ("T1027", "llm-optimized-payload-crafting"),
    "rewrite its own code": ("T1027", "llm-optimized-payload-crafting"),
    "browser credentials": ("T1555.003",), "credentials from web browsers": ("T1555.003",),
    "credential theft": ("T1555",), "steal credentials": ("T1555",),
    "credential harvesting": ("T1555",), "harvest credentials": ("T1555",),
    "credential dumping": ("T1003",), "keylogger": ("T1056.001",), "keylogging": ("T1056.001",),
    "clipboard": ("T1115",), "uac bypass": ("T1548.002", "llm-directed-security-feature-bypass"),
    "bypass uac": ("T1548.002", "llm-directed-security-feature-bypass"),
    "mark of the web": ("T1553.005", "llm-directed-security-feature-bypass"),
    "disable antivirus": ("T1562.001", "llm-directed-security-feature-bypass"),
    "defender exclusions": ("T1562.001", "llm-directed-security-feature-bypass"),
    "evade antivirus": ("T1562.001", "llm-directed-security-feature-bypass"),
    "antivirus detection": ("T1562.001", "llm-directed-security-feature-bypass"),
    "sandbox evasion": ("T1497", "llm-enhanced-anomaly-detection-evasion"),
    "evade sandboxes": ("T1497", "llm-enhanced-anomaly-detection-evasion"),
    "evade detection": ("llm-enhanced-anomaly-detection-evasion",),
    "pass the hash": ("T1550.002",), "lateral movement": ("llm-refined-operational-command",),
    "default credentials": ("T1078.001",), "default passwords": ("T1078.001",),
    "ransomware": ("T1486",), "extortion": ("T1657",), "ransom notes": ("T1657",),
    "fake personas": ("T1585.001", "llm-supported-social-engineering"),
    "fake accounts": ("T1585.001",), "fake profiles": ("T1585.001",),
    "sockpuppet": ("T1585.001",), "persona": ("T1585.001",), "personas": ("T1585.001",),
    "fake news sites": ("T1583.001",), "fake news websites": ("T1583.001",),
    "websites posing as news": ("T1583.001",), "sites posing as news": ("T1583.001",),
    "websites masquerading as news": ("T1583.001",), "sham news sites": ("T1583.001",),
    "sites dressed up as news": ("T1583.001",), "sites disguised as news": ("T1583.001",),
    "sites presented as news": ("T1583.001",), "websites presented as news": ("T1583.001",),
    "sites passing as news": ("T1583.001",), "websites passing as news": ("T1583.001",),
    "websites disguised as news": ("T1583.001",), "sites masquerading as news": ("T1583.001",),
    "web shell": ("T1505.003",),
    # "command and control" is a tactic (TA0011), no technique; a public service as its channel is
    "public web service": ("T1102",), "public web services": ("T1102",),
    "legitimate web service": ("T1102",), "legitimate web services": ("T1102",),
    "scraper": ("T1593.001",), "scraping": ("T1593.001",),
    "translate": ("llm-aided-translation",), "translated": ("llm-aided-translation",),
    "translation": ("llm-aided-translation",), "translating": ("llm-aided-translation",),
    "reconnaissance": ("llm-informed-reconnaissance",),
    "researched": ("llm-informed-reconnaissance",), "research on": ("llm-informed-reconnaissance",),
    "research": ("llm-informed-reconnaissance",), "researching": ("llm-informed-reconnaissance",),
    "move laterally": ("llm-refined-operational-command",),
    "persistence": ("llm-refined-operational-command",),
    "develop": ("llm-aided-development",), "developed": ("llm-aided-development",),
    "build": ("llm-aided-development",),
    "debug": ("llm-enhanced-scripting",),
    "interviews": ("llm-supported-social-engineering",),
    "looked up": ("llm-informed-reconnaissance",),
    "vulnerability research": ("T1588.006", "llm-assisted-vulnerability-research"),
    "known vulnerabilities": ("T1588.006", "llm-assisted-vulnerability-research"),
    "publicly known vulnerability": ("T1588.006", "llm-assisted-vulnerability-research"),
    "social engineering": ("llm-supported-social-engineering",),
    "comments": ("llm-supported-social-engineering",),
    "articles": ("llm-supported-social-engineering",),
    "posts": ("llm-supported-social-engineering",), "lures": ("llm-supported-social-engineering",),
    "résumés": ("llm-supported-social-engineering",),
    "resumes": ("llm-supported-social-engineering",),
    "cover letters": ("llm-supported-social-engineering",),
    "payloads": ("llm-optimized-payload-crafting",),
    "post compromise": ("llm-refined-operational-command",),
    "commands to run": ("llm-refined-operational-command",),
    "windows commands": ("T1059", "llm-refined-operational-command"),
    "hosting providers": ("T1583", "llm-advised-resource-development"),
    "free hosting": ("T1583", "llm-advised-resource-development"),
    "laptop farms": ("llm-advised-resource-development",),
    "remote access tools": ("T1219",), "remote monitoring": ("T1219",),
    "cookies": ("T1539",), "browser cookies": ("T1539",), "session cookies": ("T1539",),
    "document theft": ("T1005",), "steals documents": ("T1005",), "steal documents": ("T1005",),
    "exfiltrate": ("T1041",), "exfiltration": ("T1041",),
    "scan": ("T1595",), "scanned": ("T1595",), "scanning for": ("T1595",),
    "obfuscated": ("T1027", "llm-optimized-payload-crafting"),
    "move through": ("llm-refined-operational-command",),
    "copy documents": ("T1005",), "collect documents": ("T1005",),
    "system information": ("T1082",), "network configuration": ("T1016",),
    "network shares": ("T1135",), "password policy": ("T1201",), "running processes": ("T1057",),
    "installed software": ("T1518",), "files and directories": ("T1083",),
    "default usernames": ("T1078.001",), "default logins": ("T1078.001",),
    "leaked credentials": ("T1589.001", "T1110.004"),
    "leaked passwords": ("T1589.001", "T1110.004"),
    "leaked usernames": ("T1589.001", "T1110.004"),
    "recruitment fraud": ("llm-supported-social-engineering",),
    "job scams": ("llm-supported-social-engineering",),
    "task scams": ("llm-supported-social-engineering",),
    "romance scams": ("llm-supported-social-engineering",),
    "scam messages": ("llm-supported-social-engineering",),
    "hide processes": ("T1564",), "hidden processes": ("T1564",), "hide artifacts": ("T1564",),
    "cve": ("T1588.006", "llm-assisted-vulnerability-research"),
    # vulnerabilities known by a name rather than their CVE id
    **dict.fromkeys(_NAMED_VULNERABILITIES, ("T1588.006", "llm-assisted-vulnerability-research")),
    "public vulnerability": ("T1588.006", "llm-assisted-vulnerability-research"),
    "exploits for": ("T1588.006", "llm-assisted-vulnerability-research"),
    "exploitation": ("llm-assisted-vulnerability-research",),
    "fake identities": ("T1585", "llm-supported-social-engineering"),
    "false identities": ("T1585", "llm-supported-social-engineering"),
    "synthetic identities": ("T1585", "llm-supported-social-engineering"),
    "develop ransomware": ("T1587.001", "llm-aided-development", "T1486"),
    "exclusions to windows defender": ("T1562.001", "llm-directed-security-feature-bypass"),
    "exclusions to microsoft defender": ("T1562.001", "llm-directed-security-feature-bypass"),
    "windows defender exclusions": ("T1562.001", "llm-directed-security-feature-bypass"),
    "antivirus exclusions": ("T1562.001", "llm-directed-security-feature-bypass"),
    "exfiltrate data": ("T1041",), "exfiltrate files": ("T1041",),
    "command and control infrastructure": ("T1583", "llm-advised-resource-development"),
    "c2 infrastructure": ("T1583", "llm-advised-resource-development"),
    "rewrite malware": ("T1587.001", "llm-aided-development"),
    "build ransomware": ("T1587.001", "llm-aided-development", "T1486"),
    "research vulnerabilities": ("T1588.006", "llm-assisted-vulnerability-research"),
    "ransoms": ("T1657",), "ransom demands": ("T1657",),
    "threatened to expose": ("T1657",), "threatened to publish": ("T1657",),
    "threatened to leak": ("T1657",),
    "port malware": ("T1587.001", "llm-aided-development"),
    "user account control": ("T1548.002", "llm-directed-security-feature-bypass"),
    "bypass user account control": ("T1548.002", "llm-directed-security-feature-bypass"),
    "smartscreen": ("T1553.005", "llm-directed-security-feature-bypass"),
    "remote access software": ("T1219",), "gather documents": ("T1005",),
    "collect files": ("T1005",), "survive reboots": ("T1547",), "survives reboots": ("T1547",),
    "machine reboots": ("T1547",), "on reboot": ("T1547",), "at startup": ("T1547",),
    "linkedin profiles": ("T1593.001",),
    "autonomous operator": ("llm-refined-operational-command",),
    "autonomous agent": ("llm-refined-operational-command",),
    "scrape": ("T1593.001",), "scrapes": ("T1593.001",), "scraped": ("T1593.001",),
    "interview questions": ("llm-supported-social-engineering",),
    "technical interviews": ("llm-supported-social-engineering",),
    "job interviews": ("llm-supported-social-engineering",),
    "jailbreak": ("AML.T0054",), "jailbreaks": ("AML.T0054",), "jailbreaking": ("AML.T0054",),
    "jailbroken": ("AML.T0054",), "outlook plugin": ("T1137",),
    "plugin for microsoft outlook": ("T1137",),
    "plugin for outlook": ("T1137",), "outlook add in": ("T1137",), "office add in": ("T1137",),
    "reported vulnerabilities": ("T1588.006", "llm-assisted-vulnerability-research"),
    "public vulnerabilities": ("T1588.006", "llm-assisted-vulnerability-research"),
    "exploit code": ("T1588.006", "llm-assisted-vulnerability-research"),
    "public exploits": ("T1588.006", "llm-assisted-vulnerability-research"),
    "profile pictures": ("T1585.001", "llm-supported-social-engineering"),
    "startup folder": ("T1547.001",), "run keys": ("T1547.001",), "run key": ("T1547.001",),
    "autostart": ("T1547",), "scheduled tasks": ("T1053.005",),
    "at logon": ("T1547",), "next logon": ("T1547",), "at login": ("T1547",),
    "system details": ("T1082",), "host details": ("T1082",), "system info": ("T1082",),
    "contact details": ("T1589", "llm-informed-reconnaissance"),
    "contact information": ("T1589", "llm-informed-reconnaissance"),
    "private keys": ("T1552.004",), "seed phrases": ("T1552",), "wallet secrets": ("T1552",),
    "stored secrets": ("T1552",), "stored credentials": ("T1552",), "api keys": ("T1552",),
    "ssh keys": ("T1552.004",), "credentials in files": ("T1552.001",),
    "command lines": ("T1059", "llm-refined-operational-command"),
    "shell commands": ("T1059", "llm-refined-operational-command"),
    "password guessing": ("T1110.001",), "guessing passwords": ("T1110.001",),
    "password cracking": ("T1110.002",),
    **{f"{adjective} {noun}": ("T1585", "llm-supported-social-engineering")
       for adjective in ("invented", "fabricated", "fictitious", "fictional", "made up", "bogus",
                         "assumed", "fraudulent", "false", "fake")
       for noun in ("identities", "identity", "personas", "profiles", "job applicants",
                    "applicants", "candidates")},
}  # fmt: skip

# Verb phrases above are written with the base verb; other forms of the verb mean the same.
_VERB_FORMS: dict[str, tuple[str, ...]] = {
    "develop": ("develops", "developed", "developing"), "build": ("builds", "built", "building"),
    "debug": ("debugs", "debugged", "debugging"),
    "translate": ("translates", "translated", "translating"),
    "obfuscate": ("obfuscates", "obfuscated", "obfuscating"),
    "steal": ("steals", "stole", "stolen", "stealing"),
    "harvest": ("harvests", "harvested", "harvesting"), "evade": ("evades", "evaded", "evading"),
    "bypass": ("bypasses", "bypassed", "bypassing"),
    "disable": ("disables", "disabled", "disabling"),
    "exfiltrate": ("exfiltrates", "exfiltrated", "exfiltrating"), "scan": ("scans", "scanned"),
    "copy": ("copies", "copied", "copying"), "collect": ("collects", "collected", "collecting"),
    "gather": ("gathers", "gathered", "gathering"), "hide": ("hides", "hid", "hiding"),
    "move": ("moves", "moved", "moving"), "rewrite": ("rewrites", "rewrote", "rewriting"),
    "port": ("ports", "ported", "porting"),
    "research": ("researches", "researched", "researching"),
}  # fmt: skip


def _inflected(phrases: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The phrases with their verbs in every form ("builds malware", "stole credentials"). A
    lone verb stays as written: "built" alone is as often "built an audience"."""
    out = dict(phrases)
    for phrase, ids in phrases.items():
        verb, _, rest = phrase.partition(" ")
        for form in _VERB_FORMS.get(verb, ()) if rest else ():
            out.setdefault(f"{form} {rest}", ids)
    return out


# ATT&CK names too common in plain English to mean the technique.
_GENERIC_NAMES = {"phishing", "malware", "tool", "domains", "server", "web service",
                  "native api", "code repositories", "social media", "vulnerabilities",
                  "email accounts", "software", "rootkit", "masquerading", "threat intel vendors",
                  "compromise accounts", "user execution", "search engines", "exploits",
                  "digital certificates", "cloud accounts", "local accounts", "domain accounts",
                  "dns", "botnet", "virtual private server", "serverless", "shortcut modification",
                  "screen capture", "data staged", "scheduled task", "services", "cron",
                  "at", "launchd", "valid accounts", "modify registry", "content injection",
                  "gather victim identity information", "impersonation"}  # fmt: skip

# Phrases whose words would otherwise name an entity: "social media" is not the media sector,
# "news articles" are what an operation wrote, not whom it targeted.
NOT_ENTITIES = ("social media", "news articles", "news article", "news sites", "news site",
                "news websites", "news stories", "news content", "news headlines",
                "latin america", "latin american", "north america", "north american",
                "south america", "south american", "central america", "central american",
                "central asia", "central asian", "southeast asia", "east asia",
                "us dollars", "u s dollars", "us dollar", "hong kong dollars",
                "australian dollars", "canadian dollars",
                # ATT&CK tactics, as tags: a stage of an attack, not a sector
                "defense evasion", "defence evasion", "credential access",
                "privilege escalation")  # fmt: skip

# Each shape's first letter leads, so the regex engine skips to those letters quickly.
DIGIT = re.compile(r"[0-9]")  # ASCII digits: twice as fast to look for as \d

_ACTOR_PATTERN = re.compile(
    r"[ADFGSTU](?<=\b[ADFGSTU])(?:(?<=A)PT ?[0-9]{1,3}|(?<=S)TORM-[0-9]{3,4}|(?<=U)NC[0-9]{3,5}|"
    r"(?<=T)A[0-9]{3,4}|(?<=U)TA[0-9]{4}|(?<=G)TG-[0-9]{4}|(?<=D)EV-[0-9]{4}|(?<=U)NK_[A-Z][A-Za-z]+|"
    r"(?<=F)IN[0-9]{1,2}|(?<=G)[0-9]{4})\b"
)


@cache
def gazetteer() -> dict[str, list[Entry]]:
    """Normalised n-gram → the entities it may name."""
    g: dict[str, list[Entry]] = {}

    def add(key: str, entry: Entry) -> None:
        k = norm(key)
        if k and len(k.split()) <= MAX_WORDS and entry not in g.setdefault(k, []):
            g[k].append(entry)

    places = countries()
    ours, demonyms = places.word_codes(), places.demonyms()
    alpha3 = {c.alpha_3.lower() for c in pycountry.countries}
    for word, code in country_words().items():
        if word in places.not_places or (word in alpha3 and word not in ours):
            continue  # alpha-3 codes are not how reports name countries
        adjective = word in demonyms
        kind = "Demonym" if adjective else "Country"
        add(word, Entry(kind, code, word, proper=word in places.capitalised_only or adjective))
    for city, code in places.city_codes().items():  # "a marketing firm in Tel Aviv": where it is
        add(city, Entry("Country", code, city, proper=True))
    for word, code in {**_iso_languages(), **languages().word_codes()}.items():
        add(word, Entry("Language", code, word, proper=True))
    for s in SECTORS.values():
        for word in (s.id.replace("-", " "), s.name, *s.synonyms):
            add(word, Entry("Sector", s.id, s.name))
    for t in LLM_TECHNIQUES.values():
        add(t.name, Entry("Technique", t.id, t.name))
        add(t.id, Entry("Technique", t.id, t.name))
    for tid, info in all_attack_techniques().items():
        add(tid, Entry("Technique", tid, info.name, proper=True))
        # Technique names, and the sub-techniques' long ones ("Bypass User Account Control")
        named = info.parent is None and info.name.lower() not in _GENERIC_NAMES
        long_sub = (
            info.parent and len(info.name.split()) >= 3 and not info.name.endswith("Accounts")
        )
        if named or long_sub:  # "Social Media Accounts" is too common to mean T1585.001
            add(info.name, Entry("Technique", tid, info.name))
    for tid, t in ATLAS_TECHNIQUES.items():
        add(tid, Entry("Technique", tid, t.name, proper=True))
    for phrase, ids in _inflected(PHRASES).items():
        for tid in ids:
            add(phrase, Entry("Technique", tid, phrase, phrase=True))
    for platform in PLATFORMS.values():
        for word in platform.words if platform.kind == "ai" else ():
            for form in (word, word + "s"):  # "GPTs", "Llamas"; "ChatGPT's" is "ChatGPT"
                add(form, Entry("Platform", platform.id, platform.name, proper=True))
    for word, code in places.sponsor_codes().items():
        add(word, Entry("Sponsor", code, word, proper=True))
    for phrase in NOT_ENTITIES:
        g[norm(phrase)] = [Entry("Other", phrase, phrase)]
    for actor in actor_index().actors.values():
        for name in (actor.name, *actor.aliases):
            if len(name) >= 4 or any(c.isdigit() for c in name):
                add(name, Entry("Actor", actor.id, actor.name, proper=True))
    return g


def _iso_languages() -> dict[str, str]:
    """The ISO 639-1 languages by name ("Swahili", "Pashto", "Sinhalese"), as pycountry has
    them; ``languages.yaml`` adds the names reports use that ISO does not ("Farsi", "Taglish")."""
    out: dict[str, str] = {}
    for lang in pycountry.languages:
        code = getattr(lang, "alpha_2", None)
        if not code:
            continue
        for name in re.sub(r"\s*\([^)]*\)", "", lang.name).split(";"):
            name = name.strip().lower()
            if name and len(name.split()) == 1 and name not in languages().not_languages:
                out[name] = code
    return out


@cache
def first_words() -> dict[str, tuple[int, ...]]:
    """First word of every gazetteer key → the lengths of the keys it starts, longest first.

    Most words start no key; "the" starts a few ("the philippines"), so the loop over a text's
    words asks :func:`word_pairs` before it joins words to try the longer keys.
    """
    lengths: dict[str, set[int]] = {}
    for key in gazetteer():
        words = key.split()
        lengths.setdefault(words[0], set()).add(len(words))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


@cache
def lookup_table() -> dict[str, tuple[tuple[Entry, ...], tuple[Entry, ...]]]:
    """Key → (its entries, its entries that may be written in lower case)."""
    return {k: (tuple(v), tuple(e for e in v if not e.proper)) for k, v in gazetteer().items()}


@cache
def single_words() -> frozenset[str]:
    """The keys of one word."""
    return frozenset(k for k in gazetteer() if " " not in k)


@cache
def word_pairs() -> dict[str, frozenset[str]]:
    """First word of every key of two words or more → the second words of those keys."""
    seconds: dict[str, set[str]] = {}
    for k in gazetteer():
        words = k.split()
        if len(words) > 1:
            seconds.setdefault(words[0], set()).add(words[1])
    return {w: frozenset(s) for w, s in seconds.items()}


def actor_codes(text: str) -> list[tuple[int, int, str]]:
    """Tracking names of the usual shapes (STORM-0817, UNC1069, APT42, GTG-2002, ...)."""
    if not DIGIT.search(text) and "UNK_" not in text:
        return []  # every shape but UNK_ has a digit: most paragraphs have none
    return [
        (m.start(), m.end(), m.group(0).replace("APT ", "APT"))
        for m in _ACTOR_PATTERN.finditer(text)
    ]
