# hezuo-kg — `make run` builds the graph from corpus/ and serves it; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= store
PORT   ?= 7878

.PHONY: setup run build serve test bench load clean gazetteer

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

bench: setup  ## benchmarks (long); writes BENCHMARKS.md
	$(BIN)/python benchmarks/bench.py

load: setup  ## load test of kg serve on loopback: 8 clients x 20 s with the queries/ mix
	$(BIN)/python benchmarks/load.py --clients 8 --seconds 20

gazetteer: setup  ## regenerate kg/extract/data/lexicon/places.csv from GeoNames, CLDR and ISO 3166-2 names
	$(BIN)/python -m pip install --quiet -e ".[gazetteer]"
	$(BIN)/python kg/extract/data/sources/make_places.py

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
