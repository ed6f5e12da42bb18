"""Behaviour told in a verb and its object: "wrote and debugged ransomware", "find such
experts", "slip past antivirus", "poses as an image-generation tool".

The gazetteer knows fixed phrases ("malware development"); reports say the same thing in many
word orders. Here a verb from a class and an object from a class, the verb at most four words
before the object with no word in between that turns the verb elsewhere ("wrote reports on
malware" is no malware development), name the techniques of the class.

Examples
--------
>>> [ids for _, _, ids in behaviours("it had claude write and debug ransomware".split())]
[('T1587.001', 'llm-aided-development')]
>>> behaviours("analysts wrote reports about ransomware".split())
[]
"""

from __future__ import annotations

__all__ = ["behaviours"]


def _forms(*verbs: str) -> frozenset[str]:
    """Each verb as written and with -s, -ed and -ing ("map" gives "mapped", "mapping")."""
    out: set[str] = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        double = stem + stem[-1] if verb in _DOUBLED else stem
        out |= {verb, verb + ("es" if verb.endswith("s") else "s"), double + "ed", double + "ing"}
        if verb.endswith("y"):
            out |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return frozenset(out)


_DOUBLED = {"map", "slip", "get", "debug", "scrap", "spot"}

_IRREGULAR = frozenset({"wrote", "written", "built", "got", "found", "made", "ran", "stole",
                        "stolen", "rewrote", "rewritten"})  # fmt: skip

_DEVELOP = _forms("write", "build", "develop", "create", "code", "debug", "improve", "refine",
                  "polish", "port", "rewrite", "modify", "assemble", "compile", "make",
                  "troubleshoot", "fix") | _IRREGULAR  # fmt: skip

_MALWARE = frozenset({"malware", "ransomware", "trojan", "trojans", "rat", "rats", "stealer",
                      "stealers", "infostealer", "infostealers", "backdoor", "backdoors",
                      "implant", "implants", "loader", "loaders", "dropper", "droppers",
                      "keylogger", "keyloggers", "rootkit", "rootkits", "wiper", "wipers",
                      "spyware"})  # fmt: skip

_TOOLING = frozenset({"tooling", "toolkit", "toolkits", "exploits", "tools"})

_BYPASS = _forms("slip", "get", "sneak", "bypass", "evade", "avoid", "disable", "circumvent",
                 "defeat", "kill", "tamper", "blind", "switch", "turn", "dodge",
                 "escape") | {"got"}  # fmt: skip

_MUTATE = _forms("rewrite", "regenerate", "mutate", "morph", "alter", "obfuscate", "modify",
                 "change") | {"rewrote", "rewritten"}  # fmt: skip

# "fake professional backgrounds", "fabricated work histories": identities made up
_FAKE = frozenset({"fake", "false", "invented", "fabricated", "fictitious", "fictional", "bogus",
                   "fraudulent", "forged", "synthetic"})  # fmt: skip

_IDENTITIES = frozenset({"identities", "identity", "personas", "persona", "profiles",
                         "backgrounds", "histories", "résumés", "resumes", "cvs", "references",
                         "applicants", "candidates", "employees", "workers"})  # fmt: skip

_TAKE = _forms("pull", "extract", "dump", "grab", "steal", "recover", "lift", "harvest",
               "siphon") | {"stole", "stolen"}  # fmt: skip

# What code steals besides passwords: "steals secrets", "grabs API tokens" (T1552)
_KEYS = frozenset({"secrets", "tokens", "keys"})

# Where saved passwords are kept: T1555 needs one in the sentence ("out of Chrome").
_STORES = frozenset({"saved", "stored", "browser", "browsers", "chrome", "firefox", "edge",
                     "keychain", "vault", "vaults", "manager", "managers"})  # fmt: skip

_SECRETS = frozenset({"passwords", "credentials", "logins"})

_HIDE = _forms("hide", "conceal", "disguise", "mask", "obfuscate", "encrypt", "pack")

_CODE = frozenset({"code", "payload", "payloads", "scripts", "binaries", "binary"})

_AUTOMATE = _forms("automate", "orchestrate")

_INTRUSION = frozenset({"reconnaissance", "intrusion", "intrusions", "attacks", "operations",
                        "exploitation", "penetration"})  # fmt: skip

_STUDY = _forms("research", "study", "investigate", "probe", "understand", "look", "search") | {
    "reconnaissance",
    "looked",
    "understood",
}

_FLAWS = frozenset({"vulnerabilities", "vulnerability", "cves", "flaws", "bugs"})

_ASK = _forms("query", "ask", "request", "generate", "get", "produce", "fetch") | {"got"}

_COMMANDS = frozenset({"commands"})

_COLLECT = _forms("collect", "gather", "copy", "exfiltrate", "upload")

_DOCUMENTS = frozenset({"documents", "files"})

_GUARDRAILS = frozenset({"guardrails", "safeguards", "filters", "restrictions"})

_DETECTION = frozenset({"detection", "sandboxes", "sandbox", "analysts", "scanners", "security"})

_SANDBOXES = frozenset({"sandbox", "sandboxes"})

# "security" is what detects only as "security tools", "security products", ...
_SECURITY_KINDS = frozenset({"tools", "products", "software", "controls", "solutions", "teams"})

# "stay hidden from security tools", "hides from sandboxes"
_HIDE_FROM = _forms("hide") | {"hidden"}

# "rewrites its own source", "regenerates itself", "regenerate its own VBScript code"
_OWN_CODE = frozenset({"source", "itself", "code", "vbscript", "script", "payload"})

_DEFENCES = frozenset({"antivirus", "anti-virus", "av", "edr", "defender", "defences",
                       "defenses", "amsi"})  # fmt: skip

_MAP = _forms("map", "enumerate", "survey", "profile", "fingerprint")

_NETWORKS = frozenset({"networks", "hosts", "infrastructure", "systems"})

_FIND = _forms("find", "identify", "locate", "spot", "profile") | {"found"}

_PEOPLE = frozenset({"experts", "employees", "staff", "victims", "officials", "researchers",
                     "journalists", "targets", "dissidents", "activists"})  # fmt: skip

# "looked up activists", "researched journalists": finding out about people
_LOOK_UP = _forms("look", "research", "vet") | {"looked"}

# "delete files after it runs", "wipe the logs": removing what shows it was there (T1070)
_ERASE = _forms("delete", "erase", "remove", "clear", "wipe", "scrub")

_TRACES = frozenset({"files", "logs", "traces", "evidence", "artifacts", "artefacts", "history"})

# "fix the code of a bot", "debugged scripts": scripting with the model
_FIX = _forms("fix", "debug", "troubleshoot", "correct", "edit")

_PROGRAMS = frozenset({"code", "scripts", "script", "bot", "bots"})

# "offered to pay for their views", "solicited information": phishing for information (T1598)
_PAY = _forms("pay", "solicit", "elicit", "buy") | {"paid", "bought"}

_VIEWS = frozenset({"information", "views", "insights", "opinions", "assessments", "intelligence"})

# "searched for information on activists": reconnaissance
_SEEK = _forms("search", "seek", "look") | {"sought", "looked"}

_INFO = frozenset({"information", "details"})

# "asked the model about activists in Germany"
_ASK_ABOUT = _forms("ask", "query", "question") | {"asked"}

_POSE = frozenset({"poses", "posed", "pose", "posing", "disguised", "disguises", "masquerades",
                   "masquerading", "masqueraded", "pretends", "pretending", "presents",
                   "presenting"})  # fmt: skip

_SOFTWARE = frozenset({"tool", "app", "application", "program", "software", "installer",
                       "update", "utility", "plugin", "extension", "game", "document",
                       "invoice", "pdf", "generator", "editor", "viewer"})  # fmt: skip

_SCANS = frozenset({"scans", "scan", "scanning", "nmap", "scanners"})

_GUESS = _forms("guess", "spray", "crack", "try") | {"brute-force"}

_PASSWORDS = frozenset({"passwords", "password", "passphrases", "pins", "credentials"})

# Words between a verb and its object that turn the verb elsewhere: "wrote reports on malware",
# "found that the malware", "posed as a journalist with a tool".
_TURNS = frozenset({"about", "on", "reports", "report", "articles", "posts", "that", "which",
                    "who", "with", "by", "against", "for", "from", "to", "news", "how", "why",
                    "whether", "what", "asked"})  # fmt: skip

_TURNS_FROM = _TURNS - {"from"}  # "hidden from security tools"

_TURNS_LOOK = _TURNS | {"like"}  # "posts that look like activists wrote them"

_TURNS_ASK = _TURNS - {"about", "asked"}  # "asked the model about activists"

# Only a new clause turns a verb from these objects: "research on vulnerabilities", "asks a model
# for commands", "offered to pay for their views"
_CLAUSE = frozenset({"that", "which", "who", "how", "why", "whether", "what"})

# (verbs, objects, how many words the verb may stand before its object, techniques, the words
# between them that turn the verb elsewhere)
_Class = tuple[frozenset[str], frozenset[str], int, tuple[str, ...], frozenset[str]]
_CLASSES: tuple[_Class, ...] = (
    (_DEVELOP, _MALWARE, 4, ("T1587.001", "llm-aided-development"), _TURNS),
    (_DEVELOP, _TOOLING, 4, ("llm-aided-development",), _TURNS),
    (_BYPASS, _DEFENCES, 4, ("T1562.001", "llm-directed-security-feature-bypass"), _TURNS),
    (_MAP, _NETWORKS, 3, ("llm-informed-reconnaissance",), _TURNS),
    (_FIND, _PEOPLE, 3, ("llm-informed-reconnaissance",), _TURNS),
    (_LOOK_UP, _PEOPLE, 3, ("llm-informed-reconnaissance",), _TURNS_LOOK),
    (_PAY, _VIEWS, 4, ("T1598",), _CLAUSE),
    (_SEEK, _INFO, 3, ("llm-informed-reconnaissance",), _CLAUSE),
    # "asked the model about ..."
    (_ASK_ABOUT, _PEOPLE, 5, ("llm-informed-reconnaissance",), _TURNS_ASK),
    (_ERASE, _TRACES, 3, ("T1070",), _TURNS),
    (_FIX, _PROGRAMS, 4, ("llm-enhanced-scripting",), _TURNS),  # "fix the code of a Telegram bot"
    (_POSE, _SOFTWARE, 6, ("T1036",), _TURNS),  # "poses as an image-generation tool"
    (_GUESS, _PASSWORDS, 4, ("T1110",), _TURNS),  # "tried stolen and guessed credentials"
    (_MUTATE, _OWN_CODE, 4, ("T1027", "llm-optimized-payload-crafting"), _TURNS),
    (_BYPASS | _HIDE_FROM, _DETECTION, 3, ("llm-enhanced-anomaly-detection-evasion",),
     _TURNS_FROM),
    (_BYPASS | _HIDE_FROM, _SANDBOXES, 3, ("T1497",), _TURNS),  # "avoid sandboxes"
    (_BYPASS | _forms("break", "jailbreak"), _GUARDRAILS, 6, ("AML.T0054",), _TURNS),
    (_FAKE, _IDENTITIES, 3, ("T1585", "llm-supported-social-engineering"), _TURNS),
    (_TAKE, _SECRETS, 3, ("T1555",), _TURNS),  # "pull saved passwords out of Chrome"
    (_TAKE, _KEYS, 3, ("T1552",), _TURNS),  # "code that steals secrets"
    (_forms("script"), _SCANS, 2, ("llm-enhanced-scripting",), _TURNS),  # "script port scans"
    # "ways to hide its code"
    (_HIDE, _CODE, 3, ("T1027", "llm-optimized-payload-crafting"), _TURNS),
    (_AUTOMATE, _INTRUSION, 3, ("llm-refined-operational-command",), _TURNS),  # an agent runs it
    # "asks a model for commands"
    (_ASK, _COMMANDS, 7, ("T1059", "llm-refined-operational-command"), _CLAUSE),
    # "collect ... documents"
    (_COLLECT | (_TAKE - {"stolen"}), _DOCUMENTS, 4, ("T1005",), _TURNS),
    (_STUDY, _FLAWS, 3, ("T1588.006", "llm-assisted-vulnerability-research"), _CLAUSE),
)  # fmt: skip

_OBJECTS = frozenset().union(*(objects for _, objects, _, _, _ in _CLASSES))


# After the object, words that make it something else: "a software company", "game developers".
_OWNERS = frozenset({"company", "companies", "firm", "firms", "developer", "developers",
                     "vendor", "vendors", "engineers", "industry", "sector", "studio",
                     "studios", "makers"})  # fmt: skip


def behaviours(words: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """(verb position, words from the verb to the object, technique ids) in lower-case words."""
    if _OBJECTS.isdisjoint(words) or _VERBS.isdisjoint(words):
        return []  # most sentences: no object word, or no verb of any class
    out = []
    count = len(words)
    for j in [j for j, word in enumerate(words) if word in _OBJECTS]:
        word = words[j]
        if j + 1 < count and words[j + 1] in _OWNERS:
            continue
        if word == "detection" and j and words[j - 1] in _DEFENCES:
            continue  # "evade antivirus detection": the antivirus, a security feature
        if word == "security" and (j + 1 == count or words[j + 1] not in _SECURITY_KINDS):
            continue  # "security tools" detect; "security" alone may be anything
        for verbs, objects, reach, ids, turns in _BY_OBJECT[word]:
            if objects is _SECRETS and _STORES.isdisjoint(words):
                continue
            if (
                objects is _OWN_CODE
                and word not in ("itself", "source")
                and "own" not in words[max(0, j - 3) : j]
            ):
                continue  # "rewrite code" is development; "rewrite its own code", obfuscation
            for i in range(j - 1, max(-1, j - reach - 1), -1):
                if words[i] in turns:
                    break
                if words[i] in verbs:
                    if verbs is not _ASK_ABOUT or "about" in words[i:j]:  # not "asked experts"
                        out.append((i, j - i + 1, ids))
                    break
    return out


_VERBS = frozenset().union(*(verbs for verbs, _, _, _, _ in _CLASSES))

# Object word → the classes it may close, in table order.
_BY_OBJECT: dict[str, list[_Class]] = {}
for _class in _CLASSES:
    for _word in _class[1]:
        _BY_OBJECT.setdefault(_word, []).append(_class)
