"""The learned technique mapper: reproducible training, plain-word behaviour, no false alarm.

The model is the real one, trained from the installed ATT&CK data (on first use, then cached:
graphkit.extract.mapper). The sentences here were written for these tests; the model never
saw them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.commands import register_all
from graphkit.errors import GraphkitError, InputError
from graphkit.extract import extract_findings
from graphkit.extract.confidence import calibrated
from graphkit.extract.features import verb_spans, words
from graphkit.extract.mapper import TechniqueModel, model_digest
from graphkit.extract.masking import mapper_pieces
from graphkit.extract.reading import read_sentence
from graphkit.extract.trained import cache_path, technique_model

register_all()
ROOT = Path(__file__).resolve().parent.parent


def found(sentence: str) -> dict[str, int]:
    """The techniques the model drafts for one sentence, read as extraction reads it."""
    return dict(technique_model().drafts([mapper_pieces(read_sentence(sentence))])[0])


def test_training_script_is_reproducible(tmp_path: Path) -> None:
    out = tmp_path / "model.npz"
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "train_techniques.py"), "--output", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    again = TechniqueModel.load(out, model_digest())
    cached = technique_model()
    assert again.fingerprint() == cached.fingerprint()
    probe = [words("They sent phishing emails with malicious attachments to the staff.")]
    assert np.array_equal(again.probabilities(probe), cached.probabilities(probe))
    assert again.fingerprint()[:16] in run.stdout


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ATT&CK files malicious links under both Phishing and User Execution
        ("The crew sent lure emails carrying a malicious link to staff at the ministry.",
         {"T1566", "T1204"}),
        ("The group rented servers from a hosting company and registered lookalike domains.",
         {"T1583"}),
        ("They bought virtual private servers with cryptocurrency to host their tools.", {"T1583"}),
        ("They probed the victim's internet-facing hosts for open ports.", {"T1046"}),
        ("The operators used the chatbot to translate their articles into Spanish.",
         {"llm-aided-translation"}),
    ],
)  # fmt: skip
def test_behaviour_in_plain_words(sentence: str, expected: set[str]) -> None:
    drafted = found(sentence)
    assert expected & drafted.keys(), drafted
    assert all(0 < score <= 100 for score in drafted.values())


@pytest.mark.parametrize(
    "sentence",
    [
        "The report was published on a Tuesday and thanks the partners who helped.",
        "The company's analysts wrote this summary for a general audience.",
        "The accounts have since been removed from the platform.",
    ],
)
def test_neutral_sentences_draft_nothing(sentence: str) -> None:
    assert found(sentence) == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "We disabled the accounts linked to this network.",
        "Our investigators disabled the accounts and blocked the domains.",
        "The company has also disabled the accounts this cluster used.",
        "The crew used the chatbot to write lures; the company disabled its accounts.",
        "OpenAI's analysts identified and disabled every account the crew had opened.",
        "Google said it disabled the assets linked to the activity.",
        "The company said that it disabled the accounts and blocked the domains.",
    ],
)
def test_what_the_reporter_did_is_not_read(sentence: str) -> None:
    # the reporter as the subject: its doing is no Impair Defenses of the actors
    assert "T1562" not in found(sentence)


def test_what_the_reporter_did_with_its_findings_is_not_read() -> None:
    # the reporter shared what it found: no network share discovery of the actors'
    sentence = "After closing the accounts, the company shared what it had found with officials."
    assert "T1135" not in found(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The operators disabled antivirus on the hosts, the company said.",
        "The company said the operators disabled antivirus on the hosts.",
        "We banned accounts that disabled security tools on the victims' hosts.",
        "Google said it found malware that disabled antivirus on the victims' hosts.",
    ],
)
def test_what_the_reporter_tells_of_the_actors_is_read(sentence: str) -> None:
    # the reporter frames it, or names whose doing it is: the actors' doing is read
    assert "T1562" in found(sentence)


def test_a_list_item_of_two_words_is_read_with_its_own_bar() -> None:
    # inside a long list the whole sentence and its clauses score domain fronting low
    listed = (
        "The operators kept their servers hidden with encrypted tunnels, domain fronting, "
        "and frequently rotated infrastructure."
    )
    pieces = mapper_pieces(read_sentence(listed))
    assert pieces[-1] == ["domain", "fronting"], f"the list item is not read: {pieces}"
    model = technique_model()
    # the items' threshold is fitted (training.calibrate_items); over 1 it reads no item
    assert model.item_threshold < 1, (
        f"list items of two words are no longer read: their fitted threshold is "
        f"{model.item_threshold:.2f} (sentences {model.threshold:.2f}); see BENCHMARKS.md, "
        f"'Session 21: learned mapper'"
    )
    assert model.threshold < model.item_threshold
    assert "T1090" not in dict(model.drafts([pieces[:-1]])[0])  # without the item
    assert "T1090" in found(listed), (
        f"the item 'domain fronting' no longer drafts Proxy (T1090) at the items' threshold "
        f"{model.item_threshold:.2f}"
    )


def test_a_run_on_sentence_is_read_span_by_span() -> None:
    # no mark between the behaviours: the whole scores the credential dumping low
    run_on = (
        "Once inside the network the intruders dumped credentials from memory moved laterally "
        "over remote desktop and encrypted the file servers for ransom."
    )
    pieces = mapper_pieces(read_sentence(run_on))
    spans = [words(run_on)[a:b] for a, b in verb_spans(run_on)]
    assert len(spans) == 2 and all(s in pieces for s in spans), pieces
    without = [p for i, p in enumerate(pieces) if i == 0 or p not in spans]
    assert "T1003" not in dict(technique_model().drafts([without])[0])
    assert "T1003" in found(run_on)


def test_a_list_item_that_names_a_sector_or_a_place_drafts_nothing() -> None:
    sectors = (
        "Victims included hospitals, emergency services, and regional banks across the "
        "north of the country."
    )
    assert ["emergency", "services"] in mapper_pieces(read_sentence(sectors))
    assert found(sectors) == {}
    # a place in the item is masked: the item is not read
    places = "The crew phished ministries, South Korea, and several telecom firms in Japan."
    assert all(len(p) > 2 for p in mapper_pieces(read_sentence(places)))


def draft(text: str, techniques: str = "learned"):  # type: ignore[no-untyped-def]
    return extract_findings(
        text, publisher="OpenAI", published="2025-06-05", techniques=techniques
    ).campaigns[0]


def test_extraction_drafts_the_sentence_and_its_score() -> None:
    sentence = "They bought virtual private servers with cryptocurrency to host their tools."
    c = draft(f"## Harbour Lights\n\nA China-based network ran this. {sentence}")
    t = next(t for t in c.techniques if t.id == "T1583")
    assert t.evidence == sentence
    # the model's score, made a confidence by the measured precision of its band
    assert t.confidence == calibrated("USES", found(sentence)["T1583"])


def test_ids_and_names_still_match_exactly() -> None:
    c = draft("## Op T\n\nThe actor used T1566.001 and AML.T0051, and LLM-aided development.")
    assert {"T1566.001", "AML.T0051", "llm-aided-development"} <= {t.id for t in c.techniques}


def test_an_operations_name_and_negations_say_nothing() -> None:
    opening = "Spear Phishing Season, a Russian network, was active in 2025."
    assert "T1566" in found(opening)  # read alone, the name reads as phishing
    negated = "We have not seen the network scan for open ports."
    assert "T1046" in found(negated)  # the model alone does not see the negation
    c = draft(f"## Spear Phishing Season\n\n{opening} {negated}")
    assert c.name == "Spear Phishing Season"
    assert c.techniques == []


def test_cli_chooses_the_mapper(tmp_path: Path) -> None:
    report = tmp_path / "report.md"
    report.write_text(
        "# Notes\n\n## Harbour Lights\n\nA China-based network ran this. "
        "They bought virtual private servers with cryptocurrency to host their tools.\n"
    )
    drafted = {}
    for mapper in ("learned", "rules"):
        res = CliRunner().invoke(app, ["extract", str(report), "--techniques", mapper])
        assert res.exit_code == 0, res.stderr
        doc = yaml.safe_load(res.stdout)
        drafted[mapper] = {t["id"] for c in doc["campaigns"] for t in c.get("techniques", [])}
    assert "T1583" in drafted["learned"]
    assert "T1583" not in drafted["rules"]
    res = CliRunner().invoke(app, ["extract", str(report), "--techniques", "magic"])
    assert res.exit_code == 2


def test_an_unknown_mapper_is_refused() -> None:
    with pytest.raises(InputError, match="no technique mapper 'magic'"):
        extract_findings("## Op\n\nText.", techniques="magic")


def test_a_model_from_other_data_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.npz"
    technique_model().save(path)
    with pytest.raises(GraphkitError, match="trained from other data"):
        TechniqueModel.load(path, "0" * 64)


def test_a_broken_cache_is_trained_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GRAPHKIT_CACHE", str(tmp_path))
    path = cache_path()
    assert path.parent == tmp_path
    path.write_bytes(b"PK\x03\x04 cut short")
    technique_model.cache_clear()
    try:
        model = technique_model()
    finally:
        technique_model.cache_clear()
    assert TechniqueModel.load(path, model_digest()).fingerprint() == model.fingerprint()
