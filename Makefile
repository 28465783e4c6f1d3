# hezuo-kg — `make run` builds the graph from corpus/ and serves it; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= store
PORT   ?= 7878

.PHONY: setup run build serve test bench load train clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

setup: $(BIN)/kg  ## create .venv and install hezuo-kg with its test tools

build: setup  ## build the graph store from the bundled corpus
	$(BIN)/kg build --store $(STORE)

run: build  ## build, then serve SPARQL on http://127.0.0.1:$(PORT)/ until Ctrl-C
	$(BIN)/kg serve --store $(STORE) --port $(PORT)

serve: setup
	$(BIN)/kg serve --store $(STORE) --port $(PORT)

test: setup  ## run the whole test suite
	$(BIN)/python -m pytest -q

GOLD   ?= tests/gold
train: setup  ## the learned part of the tagger from the gold in $(GOLD): writes kg/extract/data/model/
	rm -rf kg/extract/data/model
	$(BIN)/python -m kg.extract.train $(GOLD) kg/extract/data/model

bench: setup  ## benchmarks (long); writes BENCHMARKS.md
	$(BIN)/python benchmarks/bench.py

load: setup  ## load test of kg serve on loopback: 8 clients x 20 s with the queries/ mix
	$(BIN)/python benchmarks/load.py --clients 8 --seconds 20

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
