"""The extractor: roles, hedges, languages, synonyms, inputs, bad input, and its scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, app
from graphkit.commands import register_all
from graphkit.errors import InputError
from graphkit.extract import extract_findings
from graphkit.store import open_store
from loaders.text import read_text

register_all()
BENCH = Path(__file__).parent.parent / "bench"


def draft(body: str, **meta: str):  # type: ignore[no-untyped-def]
    return extract_findings(body, publisher="OpenAI", published="2025-06-05", **meta)


def test_attribution_apart_from_targets() -> None:
    f = draft("## Op Alpha\n\nA China-based actor targeted Taiwan's chip makers and US academia.")
    c = f.campaigns[0]
    assert c.actor is not None and c.actor.country is not None
    assert c.actor.country.id == "CN"
    assert {x.id for x in c.targets.countries} == {"TW", "US"}
    assert {x.id for x in c.targets.sectors} == {"semiconductors", "education"}


def test_demonyms_attribute_or_target_by_what_follows() -> None:
    f = draft("## Op Beta\n\nIranian operators looked up an Israeli journalist.")
    c = f.campaigns[0]
    assert c.actor is not None and c.actor.country is not None and c.actor.country.id == "IR"
    assert [x.id for x in c.targets.countries] == ["IL"]
    assert [x.id for x in c.targets.sectors] == ["media"]


def test_hedges_lower_and_negations_drop_attribution() -> None:
    firm = draft("## Op C\n\nA Russia-based network wrote comments.").campaigns[0]
    hedged = draft("## Op C\n\nA likely Russia-based network wrote comments.").campaigns[0]
    assert firm.actor and firm.actor.country and hedged.actor and hedged.actor.country
    assert hedged.actor.country.confidence < firm.actor.country.confidence  # type: ignore[operator]
    negated = draft(
        "## Op D\n\nThe operator wrote in Russian. We did not tie it to any government."
    )
    c = negated.campaigns[0]
    assert c.actor is None or c.actor.country is None
    assert [x.id for x in c.languages] == ["ru"]


@pytest.mark.parametrize(
    ("sentence", "codes"),
    [
        ("Korean-language operators wrote lures.", ["ko"]),
        ("The operators wrote in Farsi.", ["fa"]),
        ("A Russian-speaking developer built tools.", ["ru"]),
        ("Posts appeared in English, Chinese, Japanese and Korean.", ["en", "zh", "ja", "ko"]),
        ("Chinese-language accounts posted comments.", ["zh"]),
        ("Azeri-speaking accounts posted comments.", ["az"]),  # a short name ISO lacks
    ],
)
def test_operator_languages(sentence: str, codes: list[str]) -> None:
    c = draft(f"## Op L\n\n{sentence}").campaigns[0]
    assert sorted(x.id for x in c.languages) == sorted(codes)
    assert not any(x.id in ("KR", "KP", "CN", "JP") for x in c.targets.countries)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("academia", "education"),
        ("chip makers", "semiconductors"),
        ("critics of the Chinese government", "civil-society"),
        ("hospitals", "healthcare"),
        ("think tanks", "think-tanks"),
        ("cryptocurrency exchanges", "cryptocurrency"),
    ],
)
def test_sector_synonyms(phrase: str, sector: str) -> None:
    c = draft(f"## Op S\n\nThe network went after {phrase}.").campaigns[0]
    assert sector in {x.id for x in c.targets.sectors}


def test_techniques_from_ids_names_and_behaviour() -> None:
    text = (
        "## Op T\n\nThe actor used T1566.001 and AML.T0051, LLM-aided development, "
        "brute force against FTP servers, port scanning with Nmap and DLL side-loading."
    )
    ids = {t.id for t in draft(text).campaigns[0].techniques}
    assert {"T1566.001", "AML.T0051", "llm-aided-development", "T1110", "T1046", "T1574.001"} <= ids


def test_actors_resolve_through_aliases_and_platforms_are_found() -> None:
    f = draft("## Emerald Sleet\n\nEmerald Sleet used Gemini and ChatGPT to draft lures.")
    c = f.campaigns[0]
    assert c.actor is not None and c.actor.name == "Kimsuky"
    assert {p.name for p in c.platforms} == {"Gemini", "ChatGPT"}


def test_report_metadata_from_the_text() -> None:
    f = extract_findings(
        "# Disrupting malicious uses of AI: June 2025\n\nOpenAI, June 5, 2025\n\n"
        "## Op M\n\nA Russian network wrote posts."
    )
    assert (f.report.title, f.report.publisher) == (
        "Disrupting malicious uses of AI: June 2025",
        "OpenAI",
    )
    assert f.report.published.isoformat() == "2025-06-05"


def test_html_gives_its_main_text_only() -> None:
    text = read_text(BENCH / "extract" / "dev" / "gtig-2025-01.html")
    assert "window.analytics" not in text and "Pricing" not in text and "newsletter" not in text
    f = extract_findings(text)
    languages = {x.id for c in f.campaigns for x in c.languages}
    countries = {x.id for c in f.campaigns for x in c.targets.countries}
    assert "FR" not in countries  # the footer's France is not the report's
    assert {"fa", "ko"} <= languages


def _pdf(path: Path, lines: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    y = 800
    for line in lines:
        c.drawString(50, y, line)
        y -= 16
    if not lines:
        c.rect(50, 500, 200, 100, fill=1)  # a drawing, no text: like a scan
    c.save()
    return path


def test_pdf_text_layer(tmp_path: Path) -> None:
    pdf = _pdf(
        tmp_path / "r.pdf", ["Threat update", "", "A Russia-based network targeted Ukraine."]
    )
    assert "Russia-based network" in read_text(pdf)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "file is empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary"),
        ("latin.md", b"caf\xe9 au lait", "not UTF-8"),
        ("fake.pdf", b"not a pdf at all", "not a PDF"),
        ("page.html", b"<html><script>x()</script></html>", "no text"),
    ],
)
def test_bad_text_input(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_text(path)


def test_pdf_without_text_layer_and_huge_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no text layer"):
        read_text(_pdf(tmp_path / "scan.pdf", []))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 100 MB on paper, nothing read
        fh.truncate(100 * 1024 * 1024)
    with pytest.raises(InputError, match="larger than"):
        read_text(huge)


def test_text_with_no_operation_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no operation or actor"):
        extract_findings("The weather was fine and nothing happened.")


def test_cli_extract_then_load_and_load_text_directly(tmp_path: Path) -> None:
    source = BENCH / "extract" / "dev" / "openai-2025-06.md"
    out = tmp_path / "draft.yaml"
    res = CliRunner().invoke(app, ["extract", str(source), "-o", str(out)])
    assert res.exit_code == 0, res.stderr
    doc = yaml.safe_load(out.read_text())
    assert all(f["evidence"] for c in doc["campaigns"] for f in c.get("techniques", []))
    target = str(tmp_path / "store")
    res = CliRunner().invoke(app, ["load", str(out), "-s", target, "--no-catalog"])
    assert res.exit_code == 0, res.stderr
    res = CliRunner().invoke(app, ["load", str(source), "-s", str(tmp_path / "s2"), "--no-catalog"])
    assert res.exit_code == 0, res.stderr
    with open_store(str(tmp_path / "s2"), read_only=True) as store:
        flags = store.run("MATCH ()-[r:USES]->() RETURN DISTINCT r.extracted AS x").rows
    assert flags == [[True]]
    with open_store(target, read_only=True) as store:  # reviewed: not marked
        flags = store.run("MATCH ()-[r:USES]->() RETURN DISTINCT r.extracted AS x").rows
    assert flags == [[False]]


def test_cli_extract_json_graph_form() -> None:
    source = BENCH / "extract" / "heldout" / "gtig-2025-11.html"
    res = CliRunner().invoke(app, ["extract", str(source), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    graph = json.loads(res.stdout)
    assert set(graph) == {"report", "entities", "relations"}
    kinds = {(e["kind"], e["id"]) for e in graph["entities"]}
    assert ("Actor", "apt28") in kinds and ("Country", "UA") in kinds
    rel = next(
        r for r in graph["relations"] if r["type"] == "TARGETS" and r["target"] == "Country:UA"
    )
    assert rel["source"].split(":")[0] in ("Campaign", "Actor") and rel["evidence"]
    assert 0 <= rel["confidence"] <= 100


def test_cli_extract_bad_input_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("")
    res = CliRunner().invoke(app, ["extract", str(empty)])
    assert res.exit_code == EXIT_INPUT
    assert res.stderr.strip() == f"error: {empty}: file is empty"


def _scores(folder: str) -> dict:  # type: ignore[type-arg]
    import sys

    sys.path.insert(0, str(BENCH))
    from extract_score import run

    return run(BENCH / "extract" / folder)


# Floors a little under what the scorer measured when they were set (BENCHMARKS.md): a
# change that makes the extractor worse on these texts fails here. Every set was scored blind
# once (its first-run file) and tuned on after, so these guard against regressions only.
# Nineteen technique floors moved down when the learned mapper joined the cue words (both, the
# default): every set keeps the techniques it had (no label lost), and the model drafts one to
# seven more that the labels do not list. Most are ATT&CK's sense of a word that AI-misuse
# reports use in another ("Korean-language lures" as System Language Discovery, T1614; "the
# groups" as Permission Groups Discovery, T1069; "debugged" as Debugger Evasion, T1622); some
# are behaviour the labels leave to an LLM-themed technique ("harvested credentials" as
# T1003, "move laterally" as T1021). BENCHMARKS.md, "Techniques: the learned mapper".
KINDS = ("Country", "Language", "Sector", "Technique", "Platform", "TARGETS")
FLOORS = {
    "dev": (0.95, 0.95, 0.9, 0.93, 0.95, 0.9),
    "heldout": (0.87, 0.95, 0.87, 0.88, 0.8, 0.9),  # technique 0.9 before the learned mapper
    "heldout2": (0.95, 0.95, 0.95, 0.84, 0.95, 0.8),
    "heldout3": (0.95, 0.95, 0.95, 0.9, 0.95, 0.9),
    "heldout4": (0.92, 0.95, 0.87, 0.92, 0.95, 0.86),
    "heldout5": (0.95, 0.95, 0.95, 0.93, 0.85, 0.93),  # technique 0.9 before (***)
    "heldout6": (0.95, 0.95, 0.95, 0.9, 0.95, 0.95),  # technique 0.95 before the learned mapper
    "heldout7": (0.95, 0.95, 0.95, 0.93, 0.95, 0.9),
    "heldout8": (0.93, 0.95, 0.94, 0.86, 0.95, 0.9),  # sector 0.95 before (****)
    "heldout9": (0.95, 0.95, 0.85, 0.86, 0.95, 0.9),
    "heldout10": (0.95, 0.95, 0.95, 0.9, 0.95, 0.9),
    "heldout11": (0.95, 0.95, 0.9, 0.92, 0.95, 0.9),
    "heldout12": (0.95, 0.95, 0.95, 0.9, 0.95, 0.9),
    "heldout13": (0.95, 0.95, 0.85, 0.92, 0.95, 0.9),  # 0.95 before the learned mapper, 0.94
    # before masking (*): its "move laterally" now drafts T1021
    "heldout14": (0.95, 0.95, 0.95, 0.8, 0.95, 0.9),  # technique 0.85 before the learned mapper
    "heldout15": (0.95, 0.95, 0.95, 0.88, 0.95, 0.9),  # technique 0.9 before the learned mapper
    "heldout16": (0.95, 0.95, 0.95, 0.95, 0.95, 0.9),  # technique 0.9 before (***)
    "heldout17": (0.95, 0.95, 0.95, 0.88, 0.95, 0.9),  # technique 0.9 before the model, 0.85 (***)
    "heldout18": (0.95, 0.95, 0.95, 0.95, 0.95, 0.9),
    "heldout19": (0.95, 0.95, 0.95, 0.92, 0.95, 0.9),  # technique 0.9 before (**)
    "heldout20": (0.95, 0.95, 0.95, 0.9, 0.95, 0.9),
    "heldout21": (0.95, 0.95, 0.95, 0.9, 0.95, 0.9),
    "heldout22": (0.95, 0.95, 0.9, 0.9, 0.95, 0.9),
    "heldout23": (0.95, 0.95, 0.9, 0.95, 0.95, 0.9),
    "heldout24": (0.95, 0.95, 0.9, 0.95, 0.95, 0.9),
    "heldout25": (0.95, 0.95, 0.8, 0.9, 0.95, 0.85),
    "heldout26": (0.95, 0.95, 0.9, 0.87, 0.95, 0.95),  # technique 0.9 before the learned mapper
    "heldout27": (0.95, 0.95, 0.95, 0.95, 0.95, 0.95),
    "heldout28": (0.95, 0.95, 0.95, 0.9, 0.95, 0.95),
    "heldout29": (0.95, 0.95, 0.95, 0.93, 0.95, 0.95),  # technique 0.95 before the learned mapper
    "heldout30": (0.95, 0.95, 0.95, 0.95, 0.95, 0.95),
    "heldout31": (0.95, 0.95, 0.85, 0.9, 0.95, 0.9),
    "heldout32": (0.95, 0.95, 0.95, 0.92, 0.95, 0.95),
    "heldout33": (0.95, 0.95, 0.95, 0.95, 0.95, 0.95),  # technique 0.91 before (**)
    "heldout34": (0.95, 0.95, 0.85, 0.87, 0.95, 0.9),
    "heldout35": (0.95, 0.95, 0.95, 0.95, 0.95, 0.9),
    "heldout36": (0.95, 0.95, 0.9, 0.9, 0.95, 0.9),
    "heldout37": (0.95, 0.95, 0.95, 0.85, 0.95, 0.95),  # technique 0.9 before the learned mapper
    "heldout38": (0.95, 0.95, 0.95, 0.94, 0.95, 0.9),  # technique 0.95 before masking (*)
    "heldout39": (0.95, 0.95, 0.9, 0.85, 0.95, 0.9),  # technique 0.8 before (**)
    "heldout40": (0.95, 0.95, 0.9, 0.86, 0.95, 0.9),  # technique 0.9 before the learned mapper
    "heldout41": (0.95, 0.95, 0.95, 0.85, 0.95, 0.9),
    "heldout42": (0.95, 0.95, 0.95, 0.86, 0.95, 0.95),  # technique 0.9 before the learned mapper
    "heldout43": (0.95, 0.95, 0.95, 0.85, 0.95, 0.95),
    "heldout44": (0.95, 0.95, 0.95, 0.82, 0.95, 0.8),  # technique 0.83 before the learned mapper
    "heldout45": (0.95, 0.95, 0.9, 0.85, 0.95, 0.9),  # technique 0.9 before the learned mapper
    # and 0.88 before masking (*)
    "heldout46": (0.95, 0.95, 0.85, 0.9, 0.75, 0.85),
    "heldout47": (0.95, 0.95, 0.95, 0.9, 0.95, 0.9),
    "heldout48": (0.95, 0.95, 0.95, 0.87, 0.95, 0.95),  # technique 0.92 before the learned mapper
    "heldout49": (0.95, 0.95, 0.95, 0.87, 0.95, 0.95),  # technique 0.85 before (***)
    "heldout50": (0.95, 0.95, 0.95, 0.9, 0.95, 0.95),  # technique 0.92 before the learned mapper
    "heldout51": (0.95, 0.95, 0.95, 0.84, 0.95, 0.9),  # technique 0.85 before masking (*)
    "heldout52": (0.95, 0.95, 0.9, 0.87, 0.95, 0.9),
    "heldout53": (0.95, 0.95, 0.95, 0.87, 0.95, 0.95),  # technique 0.92 before the learned mapper
    "heldout54": (0.95, 0.95, 0.95, 0.72, 0.95, 0.85),  # technique 0.87 before masking (*),
    # 0.83 before a text that names no AI drafts no LLM-themed technique (its sheet names none)
    "heldout55": (0.95, 0.95, 0.95, 0.81, 0.95, 0.95),  # technique 0.87 before the learned mapper
}


# (*) Since session 13 the learned mapper reads a sentence without its places, languages and
# "groups" of actors (graphkit/extract/masking.py): over all the labelled sets 31 fewer
# techniques wrongly drafted (187 to 156), none fewer rightly (1,274). Five sets each lost a
# point: one more wrong technique, where the words left weigh more.
# (**) Since session 14 a sentence left with fewer than three words once they are masked ("Also
# likely Iranian.") is not scored either: three fewer wrong techniques (155 to 152), three
# floors back up.
# (***) Since session 14 the reporter as a subject, with its verb, is not read either ("We
# disabled the accounts" drafted Impair Defenses): four fewer wrong techniques (152 to 148),
# four floors up.
# (****) Since session 16 the verb after a pose and "to" says whom the actors reached ("posed as
# students to reach scholars in Japan"): held-out 8's Emerald Sleet "impersonates academic
# institutions and NGOs to lure experts on North Korea" now targets think tanks, which its labels
# leave out (they give Emerald Sleet no target at all); read as the sentence says, one more right.
@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_scores_do_not_regress(folder: str) -> None:
    scores = _scores(folder)
    for kind, floor in zip(KINDS, FLOORS[folder], strict=True):
        assert scores[kind].f1 >= floor, (kind, scores[kind].f1)
    assert scores["Actor"].recall >= 0.9


def test_the_draft_dump_writes_one_draft_a_labelled_text(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(BENCH))
    from extract_drafts import dump

    labelled = sorted((BENCH / "extract" / "dev").glob("*.labels.yaml"))
    assert dump(tmp_path, "dev/*.labels.yaml") == len(labelled) > 0
    drafts = [json.loads(p.read_text()) for p in sorted(tmp_path.iterdir())]
    assert len(drafts) == len(labelled) and all(d.get("campaigns") for d in drafts)
