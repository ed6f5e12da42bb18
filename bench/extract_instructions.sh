#!/usr/bin/env bash
# Instructions the extractor executes per MB of text, counted by valgrind (callgrind), on the
# speed benchmark's two long texts: every labelled text joined (real sentences, mostly once:
# the figure to quote) and 1 MB of the dev set repeated (its sentences come back and are read
# once). Timings on a shared machine move by a third from run to run; these counts do not, so
# two versions compare side by side (with PYTHONHASHSEED fixed: a set's order, and so the
# work some loops do, follows the seed). Takes about ten minutes.
# Usage: bench/extract_instructions.sh [REPO_DIR] [joined|repeated]   (default: this checkout,
# both texts; name one text to count only it, in half the time)
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
python=$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python
count() {  # $1: how many extractions after the first; $2: joined or repeated
  EXTRA=$1 TEXT=$2 PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$python" - "$root" <<'PY' 2>&1 |
import os, sys
sys.path.insert(0, sys.argv[1] + "/bench"); sys.path.insert(0, sys.argv[1])
from extract_speed import SETS, corpus
from graphkit.extract import extract_findings
from graphkit.extract.gazetteer import gazetteer
from graphkit.extract.trained import technique_model
from loaders.text import read_text
gazetteer(); technique_model()
if os.environ["TEXT"] == "joined":  # as labelled_joined() (older checkouts lack it)
    text = "\n\n".join(read_text(p) for p in sorted(SETS.glob("*/*")) if not p.name.endswith(".yaml"))
else:
    text = corpus(1.0)
print(len(text.encode()), file=sys.stderr)
for _ in range(1 + int(os.environ["EXTRA"])):
    extract_findings(text)
PY
    awk '/^[0-9]+$/ {size = $1} /Collected/ {print $4, size}'
}
for text in ${2:-joined repeated}; do
  read -r one size < <(count 0 "$text")
  read -r three _ < <(count 2 "$text")
  echo "$root, $text ($((size / 1000)) KB): $(( (three - one) / 2 / size )) million instructions per MB"
done
