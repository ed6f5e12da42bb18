"""Controlled vocabularies: sectors, LLM-themed techniques, ATLAS techniques, AI platforms.

The ids are a contract (DESIGN.md); names and synonyms are the project's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "ATLAS_TECHNIQUES",
    "LLM_TECHNIQUES",
    "PLATFORMS",
    "SECTORS",
    "Platform",
    "Sector",
    "VocabTechnique",
    "resolve_sector",
    "sector_words",
]


@dataclass(frozen=True)
class Sector:
    id: str
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class VocabTechnique:
    id: str
    name: str
    description: str
    framework: str
    tactics: tuple[str, ...] = ()
    maps_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Platform:
    id: str
    name: str
    vendor: str
    synonyms: tuple[str, ...] = field(default=())


SECTORS: dict[str, Sector] = {
    s.id: s
    for s in [
        Sector(
            "government",
            "Government",
            (
                "governments",
                "public sector",
                "ministries",
                "government agencies",
                "government officials",
                "intelligence agencies",
                "intelligence services",
                "diplomatic missions",
                "diplomatic targets",
                "diplomatic entities",
                "diplomatic organizations",
                "diplomats",
                "embassies",
                "state agencies",
            ),
        ),
        Sector(
            "defense",
            "Defense",
            (
                "defence",
                "military",
                "defense contractors",
                "defence contractors",
                "armed forces",
                "defense industrial base",
            ),
        ),
        Sector(
            "education",
            "Education",
            (
                "academia",
                "academic",
                "universities",
                "university",
                "research institutes",
                "scientific institute",
                "scientific institutes",
                "academic institutions",
                "research institute",
                "research organisation",
                "research organisations",
                "research organization",
                "research organizations",
                "research institution",
                "research institutions",
                "schools",
                "scholars",
                "academics",
            ),
        ),
        Sector(
            "think-tanks",
            "Think tanks",
            (
                "think tank",
                "think-tank",
                "policy institutes",
                "policy experts",
                "foreign policy experts",
                "experts on",
            ),
        ),
        Sector(
            "civil-society",
            "Civil society",
            (
                "activists",
                "activist",
                "dissidents",
                "ngos",
                "ngo",
                "non-governmental organizations",
                "human rights groups",
                "critics of the chinese government",
                "critics of a government",
                "critics",
                "who criticise",
                "who criticize",
                "government critics",
                "diaspora",
                "uyghurs",
                "protesters",
                "feminists",
                "exiles",
                "protests",
                "demonstrations",
                "dissident",
                "human rights",
                "human rights defenders",
                "groups critical of",
                "groups that criticise",
                "groups that criticize",
                "organisations critical of",
                "organizations critical of",
                "pro-democracy activists",
            ),
        ),
        Sector(
            "political",
            "Political",
            (
                "political parties",
                "politics",
                "elections",
                "election",
                "politicians",
                "political campaigns",
                "voters",
                "senator",
                "senators",
                "debate",
                "debates",
                "referendum",
                "referendums",
                "vote",
                "political discourse",
            ),
        ),
        Sector(
            "media",
            "Media",
            (
                "journalists",
                "journalist",
                "news",
                "news outlets",
                "press",
                "newspapers",
                "broadcasters",
            ),
        ),
        Sector(
            "religious", "Religious", ("religious institutions", "churches", "religious groups")
        ),
        Sector(
            "semiconductors",
            "Semiconductors",
            (
                "semiconductor",
                "chip makers",
                "chip sector",
                "chip industry",
                "chip companies",
                "chipmakers",
                "chip manufacturers",
                "semiconductor industry",
                "semiconductor manufacturers",
                "semiconductor companies",
                "semiconductor firms",
                "chip firms",
            ),
        ),
        Sector(
            "technology",
            "Technology",
            (
                "tech companies",
                "technology companies",
                "it providers",
                "it organizations",
                "it organisations",
                "it companies",
                "it firms",
                "it service providers",
                "software companies",
                "tech firms",
            ),
        ),
        Sector(
            "telecommunications",
            "Telecommunications",
            (
                "telecom",
                "telecoms",
                "telecommunication",
                "telecommunications providers",
                "communications infrastructure",
                "communications providers",
                "telcos",
                "mobile operators",
            ),
        ),
        Sector(
            "aerospace",
            "Aerospace",
            ("satellite", "satellites", "satellite communications", "space", "aviation"),
        ),
        Sector("energy", "Energy", ("oil and gas", "power", "electricity", "nuclear")),
        Sector(
            "healthcare",
            "Healthcare",
            ("health care", "hospitals", "hospital", "medical", "pharmaceutical", "health"),
        ),
        Sector(
            "emergency-services",
            "Emergency services",
            (
                "emergency services",
                "first responders",
                "police",
                "fire departments",
                "ambulance",
                "ambulance service",
                "ambulance services",
                "paramedics",
                "emergency responders",
                "emergency medical services",
                "fire brigades",
                "fire services",
            ),
        ),
        Sector(
            "financial-services",
            "Financial services",
            ("finance", "financial", "banks", "banking", "insurance"),
        ),
        Sector(
            "cryptocurrency",
            "Cryptocurrency",
            (
                "crypto",
                "cryptocurrency exchanges",
                "cryptocurrency investors",
                "blockchain",
                "defi",
                "web3",
            ),
        ),
        Sector(
            "manufacturing",
            "Manufacturing",
            ("industrial companies", "industrial firms", "manufacturers", "factories"),
        ),
        Sector(
            "transportation",
            "Transportation",
            ("logistics", "shipping", "maritime", "rail", "airlines"),
        ),
        Sector(
            "critical-infrastructure",
            "Critical infrastructure",
            (
                "ics",
                "industrial control systems",
                "plcs",
                "water",
                "water utilities",
                "utilities",
                "scada",
                "operational technology",
            ),
        ),
        Sector("gaming", "Gaming", ("gamers", "video games", "game", "gambling")),
        Sector("legal", "Legal", ("law firms", "lawyers")),
        Sector("retail", "Retail", ("e-commerce", "retailers")),
        Sector("hospitality", "Hospitality", ("hotels", "travel industry", "travel agencies")),
        Sector(
            "individuals",
            "Individuals",
            (
                "private persons",
                "private individuals",
                "job seekers",
                "scam victims",
                "consumers",
                "investment fraud",
                "investment scams",
                "romance scams",
                "task scams",
                "task scam",
                "pig butchering",
            ),
        ),
        Sector(
            "ai-providers",
            "AI providers",
            (
                "ai companies",
                "ai labs",
                "ai providers",
                "ai researchers",
                "ai company employees",
                "openai employees",
                "openai s employees",
                "openai s own employees",
                "openai s staff",
                "openai staff",
                "anthropic employees",
                "anthropic staff",
            ),
        ),
    ]
}

LLM_TECHNIQUES: dict[str, VocabTechnique] = {
    t.id: t
    for t in [
        VocabTechnique(
            "llm-informed-reconnaissance",
            "LLM-informed reconnaissance",
            "Asking a model about targets, organisations, people or technologies to "
            "prepare an operation.",
            "llm",
            ("reconnaissance",),
            ("T1593", "T1589"),
        ),
        VocabTechnique(
            "llm-enhanced-scripting",
            "LLM-enhanced scripting techniques",
            "Using a model to write, fix or explain scripts and small programs.",
            "llm",
            ("execution",),
            ("T1059",),
        ),
        VocabTechnique(
            "llm-aided-development",
            "LLM-aided development",
            "Using a model in the development of tools and malware.",
            "llm",
            ("resource-development",),
            ("T1587.001",),
        ),
        VocabTechnique(
            "llm-supported-social-engineering",
            "LLM-supported social engineering",
            "Using a model to draft lures, phishing messages, personas or "
            "translations for social engineering.",
            "llm",
            ("initial-access",),
            ("T1566", "T1598", "AML.T0052.000"),
        ),
        VocabTechnique(
            "llm-assisted-vulnerability-research",
            "LLM-assisted vulnerability research",
            "Asking a model about known vulnerabilities and how to exploit them.",
            "llm",
            ("resource-development",),
            ("T1588.006",),
        ),
        VocabTechnique(
            "llm-optimized-payload-crafting",
            "LLM-optimized payload crafting",
            "Using a model to build or obfuscate payloads.",
            "llm",
            ("defense-evasion",),
            ("T1027",),
        ),
        VocabTechnique(
            "llm-enhanced-anomaly-detection-evasion",
            "LLM-enhanced anomaly detection evasion",
            "Using a model to make malicious activity blend with normal activity "
            "or escape sandboxes.",
            "llm",
            ("defense-evasion",),
            ("T1497",),
        ),
        VocabTechnique(
            "llm-directed-security-feature-bypass",
            "LLM-directed security feature bypass",
            "Asking a model how to disable or get around security features such as "
            "antivirus, UAC or two-factor checks.",
            "llm",
            ("defense-evasion",),
            ("T1562.001", "T1553"),
        ),
        VocabTechnique(
            "llm-advised-resource-development",
            "LLM-advised resource development",
            "Using a model to plan or set up infrastructure, accounts and tools.",
            "llm",
            ("resource-development",),
            ("T1583", "T1585"),
        ),
        VocabTechnique(
            "llm-refined-operational-command",
            "LLM-refined operational command techniques",
            "Asking a model for commands to run on a compromised system.",
            "llm",
            ("execution",),
            ("T1059", "AML.T0102"),
        ),
        VocabTechnique(
            "llm-aided-translation",
            "LLM-aided translation",
            "Using a model to translate material, lures or technical papers.",
            "llm",
            ("resource-development",),
            (),
        ),
    ]
}

# The ATLAS techniques that matter most for AI misuse, named from their public definitions.
ATLAS_TECHNIQUES: dict[str, VocabTechnique] = {
    t.id: t
    for t in [
        VocabTechnique(
            "AML.T0040",
            "AI Model Inference API Access",
            "Gaining access to a model through its inference API.",
            "atlas",
            ("ai-model-access",),
        ),
        VocabTechnique(
            "AML.T0043",
            "Craft Adversarial Data",
            "Crafting inputs meant to make a model misbehave.",
            "atlas",
            ("ai-attack-staging",),
        ),
        VocabTechnique(
            "AML.T0048",
            "External Harms",
            "Using a model to cause harm outside the AI system itself.",
            "atlas",
            ("impact",),
        ),
        VocabTechnique(
            "AML.T0051",
            "LLM Prompt Injection",
            "Crafted prompts that make a language model ignore its instructions.",
            "atlas",
            ("execution",),
        ),
        VocabTechnique(
            "AML.T0052",
            "Phishing",
            "Phishing aided by generative AI.",
            "atlas",
            ("initial-access",),
        ),
        VocabTechnique(
            "AML.T0054",
            "LLM Jailbreak",
            "Prompts that get a language model around its safety controls.",
            "atlas",
            ("privilege-escalation", "defense-evasion"),
        ),
        VocabTechnique(
            "AML.T0057",
            "LLM Data Leakage",
            "Prompts that get a language model to reveal sensitive data.",
            "atlas",
            ("exfiltration",),
        ),
    ]
}

PLATFORMS: dict[str, Platform] = {
    p.id: p
    for p in [
        Platform("chatgpt", "ChatGPT", "OpenAI", ("openai", "gpt-4", "gpt-4o", "openai models")),
        Platform("openai-api", "OpenAI API", "OpenAI", ("openai api",)),
        Platform("sora", "Sora", "OpenAI"),
        Platform("gemini", "Gemini", "Google", ("bard", "google gemini", "gemini api")),
        Platform("claude", "Claude", "Anthropic", ("anthropic",)),
        Platform("claude-code", "Claude Code", "Anthropic"),
        Platform("copilot", "Copilot", "Microsoft", ("microsoft copilot", "bing chat")),
        Platform("llama", "Llama", "Meta", ("meta llama",)),
        Platform("deepseek", "DeepSeek", "DeepSeek"),
        Platform("qwen", "Qwen", "Alibaba"),
        Platform("grok", "Grok", "xAI"),
        Platform("mistral", "Mistral", "Mistral AI"),
        Platform("hugging-face", "Hugging Face", "Hugging Face", ("huggingface",)),
    ]
}


def _sector_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for s in SECTORS.values():
        for word in (s.id, s.name, *s.synonyms):
            index[word.casefold()] = s.id
    return index


_SECTOR_INDEX = _sector_index()


def sector_words() -> dict[str, str]:
    """Every sector id, name and synonym :func:`resolve_sector` knows, lower case, to its id."""
    return dict(_SECTOR_INDEX)


def resolve_sector(text: str) -> str | None:
    """The sector id for an id, name or synonym ("academia" is education); None if unknown.

    >>> resolve_sector("Chip makers"), resolve_sector("farming")
    ('semiconductors', None)
    """
    return _SECTOR_INDEX.get(text.strip().casefold().replace("_", "-"))
