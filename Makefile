# graphkit: `make demo` runs the main job, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PACKAGES := graphkit loaders

.PHONY: venv compile pure model test stress demo bench bench-quick neo4j-up neo4j-down lint schema dataset clean system-deps

# Create or refresh the virtualenv whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

# The extractor's reading modules compiled to C with mypyc (tools/compile_extractor.py): the
# same source, about twice the speed. Rebuilt whenever a source changes; without a C
# compiler the extractor stays plain Python. `make pure` removes the compiled modules.
COMPILED := graphkit/extract/compiled.txt
$(COMPILED): $(STAMP) $(wildcard graphkit/extract/*.py) graphkit/compiled.py tools/compile_extractor.py
	$(PY) tools/compile_extractor.py

venv: $(STAMP) $(COMPILED) model

# The technique mapper, trained from the installed ATT&CK data into ~/.cache/graphkit (half a
# minute, no network; kept while the data and the code are the same). `graphkit extract` would
# train it on first use otherwise.
model: $(STAMP)
	$(PY) tools/train_techniques.py

compile: $(COMPILED)

pure: $(STAMP)
	$(PY) tools/compile_extractor.py --remove

# What a clean Debian machine lacks (Java, Maven, a C compiler, chromium, ...): apt-get as root,
# else the command to run. .ci/run calls it before `make test`; the bench needs it too.
system-deps:
	tools/system-deps

neo4j-up:
	tools/neo4j/neo4j-up

neo4j-down:
	tools/neo4j/neo4j-down

# Regenerate cypher/schema*.cypher and the README's schema table from graphkit/schema.py.
schema: $(STAMP)
	$(PY) tools/sync_schema.py

# The corpus as an open dataset in dataset/ (graphkit/export/dataset.py): a STIX 2.1 bundle checked by
# the OASIS validator, Navigator layers per publisher and year, CSV tables, a README. Run it
# after changing the findings: tests/test_dataset.py fails while dataset/ is stale.
dataset: $(STAMP)
	$(PY) tools/make_dataset.py examples/reports -o dataset

lint: $(STAMP)
	$(VENV)/bin/ruff check $(PACKAGES) tests bench tools
	$(VENV)/bin/ruff format --check $(PACKAGES) tests bench tools
	$(VENV)/bin/mypy $(PACKAGES)

# Every step runs; Neo4j is stopped whatever happens; the exit code says if anything failed.
test: $(STAMP) $(COMPILED)
	@status=0; \
	tools/neo4j/neo4j-up || status=1; \
	$(MAKE) --no-print-directory lint || status=1; \
	$(VENV)/bin/pytest $(PYTEST_ARGS) || status=1; \
	tools/neo4j/neo4j-down; \
	exit $$status

# The whole CI suite (.ci/run) RUNS times in a row on a fresh clone of the branch checked out,
# beside two CPU-bound processes: each run's exit, counts, duration and load go to
# .run/stress-suite.jsonl (tools/stress-suite). About a quarter of an hour a run.
RUNS ?= 5
stress:
	tools/stress-suite -n $(RUNS)

# The benchmark suite (BENCHMARKS.md) against the repo's Neo4j: 1k and 10k synthetic reports,
# both stores, every measure; `bench-quick` is the 1k run (one JSON line, a few minutes).
BENCH_OUT := bench/results-latest.json
bench: system-deps $(STAMP) $(COMPILED)
	@status=0; \
	tools/neo4j/neo4j-up || status=1; \
	$(PY) -m bench --out $(BENCH_OUT) --json || status=1; \
	tools/neo4j/neo4j-down; \
	exit $$status

bench-quick: system-deps $(STAMP) $(COMPILED)
	@status=0; \
	tools/neo4j/neo4j-up || status=1; \
	$(PY) -m bench --quick --json || status=1; \
	tools/neo4j/neo4j-down; \
	exit $$status

# The main job on the embedded store, no server: a fresh demo store each run.
DEMO_STORE := .run/demo-store
demo: $(STAMP) $(COMPILED)
	rm -rf $(DEMO_STORE)
	$(VENV)/bin/graphkit load examples/reports --store $(DEMO_STORE)
	$(VENV)/bin/graphkit stats --store $(DEMO_STORE)
	$(VENV)/bin/graphkit query multi-report-actors --store $(DEMO_STORE)
	$(VENV)/bin/graphkit query sector-languages-techniques -p sector=semiconductors --store $(DEMO_STORE)
	$(VENV)/bin/graphkit query actor-campaigns -p actor="Fancy Bear" --store $(DEMO_STORE)
	$(VENV)/bin/graphkit similar "Emerald Sleet" --top 5 --store $(DEMO_STORE)
	$(VENV)/bin/graphkit viz --store $(DEMO_STORE) --output graph.html

clean:
	rm -rf $(VENV) .run tools/neo4j/target graphkit-data graph.html
	rm -f graphkit/extract/*.so $(COMPILED)
