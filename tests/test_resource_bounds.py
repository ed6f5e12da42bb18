"""Files built to exhaust memory or time are refused within bounds, with one line naming them.

The hostile files are built here in tmp_path (nothing big is committed). The memory a refusal
costs is measured in a fresh Python process (its peak resident size), never a duration.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphkit.cli import EXIT_INPUT, app
from graphkit.commands import register_all
from graphkit.errors import InputError
from graphkit.limits import FINDINGS_MAX_BYTES, NESTING_MAX_DEPTH, PDF_MAX_CONTENT_BYTES, MiB
from loaders import read_report

register_all()

MEASURE = """
import json, resource, sys
from graphkit.errors import InputError
from loaders import read_report
try:
    read_report(sys.argv[1])
    error = None
except InputError as exc:
    error = str(exc)
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"error": error, "peak_mib": peak_kib / 1024}))
"""


def _measured(path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True
    )
    return dict(json.loads(done.stdout))


def _refused_within(path: Path, small: bytes, extra_mib: int) -> str:
    """Read ``path`` in a fresh process: the refusal's message. Its peak memory is at most
    ``extra_mib`` over that of reading ``small``, a tiny file of the same kind."""
    baseline = path.with_name("small" + path.suffix)
    baseline.write_bytes(small)
    result, base = _measured(path), _measured(baseline)
    assert result["error"] is not None, "the file should have been refused"
    assert float(result["peak_mib"]) - float(base["peak_mib"]) < extra_mib, (result, base)
    return str(result["error"])


def _one_line_refusal(path: Path) -> str:
    with pytest.raises(InputError) as info:
        read_report(path)
    message = str(info.value)
    assert message.startswith(f"{path}") and "\n" not in message
    return message


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):  # nine levels of nine: 9**10 strings once expanded
        prev, name = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    path = tmp_path / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert _one_line_refusal(path) == f"{path}:2: YAML aliases (*name) are not allowed"


DEEP = "[" * 50_000 + "]" * 50_000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep.json", "[" * 50_000 + "]" * 50_000),
        ("deep-bundle.json", '{"type": "bundle", "objects": [], "x": ' + DEEP + "}"),
        ("deep.yaml", "a: " + DEEP),
        (
            "one-too-deep.json",
            '{"report": ' + "[" * NESTING_MAX_DEPTH + "]" * NESTING_MAX_DEPTH + "}",
        ),
    ],
)
def test_50000_deep_nesting_is_refused(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text)
    message = _one_line_refusal(path)
    ours = f"nested deeper than {NESTING_MAX_DEPTH} levels"
    assert message.endswith((ours, "exceeded maximum nesting depth")), message  # or libyaml's


def test_a_100_mb_text_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # 100 MB of report-like text
        line = b"APT28 targeted the defence sector of Ukraine with phishing lures.\n"
        fh.write(line * (100 * 1000 * 1000 // len(line)))
    assert path.stat().st_size > 99_000_000
    message = _refused_within(path, line, extra_mib=32)  # reading it would cost 100
    assert message == f"{path}: file is larger than 20 MiB"


def test_a_findings_file_over_its_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as fh:
        fh.write(b'{"report": "' + b"x" * (FINDINGS_MAX_BYTES * 4) + b'"}')
    message = _refused_within(path, b'{"report": "x"}', extra_mib=16)  # reading: 32
    assert message == f"{path}: file is larger than 8 MiB"


def _deflate_of_spaces(mib: int) -> bytes:
    """A zlib stream of ``mib`` MiB of spaces: one flushed block repeated, so that a 2 GiB
    stream costs two megabytes and no time to build."""
    chunk = b" " * MiB
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    tail = deflate.flush(zlib.Z_FINISH)
    check = 1
    for _ in range(mib):
        check = zlib.adler32(chunk, check)
    return b"\x78\xda" + block * mib + tail + check.to_bytes(4, "big")


def _pdf(streams: list[bytes]) -> bytes:
    """A PDF with one page per content stream (FlateDecode), with a correct xref table."""
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(len(streams)))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{kids}] /Count {len(streams)} >>".encode()]  # fmt: skip
    for i, data in enumerate(streams):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R >>"
            .encode()
        )  # fmt: skip
        head = f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode()
        objects.append(head + data + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


SMALL_PDF = _pdf([zlib.compress(b"BT /F1 12 Tf 72 720 Td (A short page of text.) Tj ET")])


def test_a_pdf_that_decompresses_to_2_gib_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    stream = _deflate_of_spaces(2048)
    assert zlib.decompressobj().decompress(stream, 4 * MiB) == b" " * (4 * MiB)  # it is real
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf([stream]))
    assert path.stat().st_size < 3 * MiB
    message = _refused_within(path, SMALL_PDF, extra_mib=256)  # reading it whole: 2,048
    assert message == (
        f"{path}: a stream decompresses past pypdf's limit (75 MB): refused as a compression bomb"
    )


def test_pdf_pages_that_decompress_past_the_file_bound_are_refused(tmp_path: Path) -> None:
    per_page = PDF_MAX_CONTENT_BYTES // MiB // 2 + 8  # each page allowed, two of them too much
    path = tmp_path / "pages.pdf"
    path.write_bytes(_pdf([_deflate_of_spaces(per_page)] * 2))
    message = _refused_within(path, SMALL_PDF, extra_mib=256)
    assert message == f"{path}: the pages decompress to more than 64 MiB"


def test_a_bundle_that_repeats_a_long_description_per_report_is_refused(tmp_path: Path) -> None:
    refs = [{"source_name": "graphkit-report", "external_id": f"r{i}"} for i in range(8000)]
    bundle = {"type": "bundle", "id": "bundle--1", "objects": [
        {"type": "intrusion-set", "id": "intrusion-set--1", "name": "Gamma",
         "created": "2025-01-01T00:00:00Z"},
        {"type": "location", "id": "location--1", "country": "UA"},
        {"type": "relationship", "id": "relationship--1", "relationship_type": "targets",
         "source_ref": "intrusion-set--1", "target_ref": "location--1",
         "description": "D" * 10_000, "external_references": refs},
    ]}  # fmt: skip
    path = tmp_path / "amplified.json"
    path.write_text(json.dumps(bundle))
    assert path.stat().st_size < MiB
    message = _one_line_refusal(path)
    assert message.startswith(f"{path}: the relationships give more than 64 Mi characters")


def test_the_cli_refuses_a_bomb_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "laughs.yaml"
    path.write_text("a: &a [x, x]\nb: [*a, *a]\n")
    res = CliRunner().invoke(app, ["load", str(path), "--dry-run"])
    assert res.exit_code == EXIT_INPUT
    assert res.stderr == f"error: {path}:2: YAML aliases (*name) are not allowed\n"
