#!/usr/bin/env bash
# Instructions the extractor executes per MB of the speed benchmark's text, counted by
# valgrind (callgrind). Timings on a shared machine move by a third from run to run; this
# count does not, so two versions compare side by side. Takes about four minutes.
# Usage: bench/extract_instructions.sh [REPO_DIR]   (default: this checkout)
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
python=$(cd "$(dirname "$0")/.." && pwd)/.venv/bin/python
count() {  # $1: how many extractions after the first
  EXTRA=$1 valgrind --tool=callgrind --callgrind-out-file=/dev/null "$python" - "$root" <<'PY' 2>&1 |
import os, sys
sys.path.insert(0, sys.argv[1] + "/bench"); sys.path.insert(0, sys.argv[1])
from extract_speed import corpus
from graphkit.extract import extract_findings
from graphkit.extract.gazetteer import gazetteer
gazetteer(); text = corpus(1.0)
for _ in range(1 + int(os.environ["EXTRA"])):
    extract_findings(text)
PY
    awk '/Collected/ {print $4}'
}
one=$(count 0)
three=$(count 2)
echo "$root: $(( (three - one) / 2 / 1000000 )) million instructions per extraction of 1 MB"
