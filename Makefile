# hezuo-kg — `make run` builds the graph from corpus/ and serves it; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= store
PORT   ?= 7878

.PHONY: setup run build serve test bench load soak clean

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

load: setup  ## load tests of kg serve on loopback: the queries/ mix, against bare oxigraph, under attack (~3 min)
	$(BIN)/python benchmarks/load.py --scenario all --clients 8 --seconds 20

soak: setup  ## soak test of kg serve: 8 clients, 10 minutes, idle gaps of 35-120 s, 0 errors expected
	$(BIN)/python benchmarks/soak.py --minutes 10 --clients 8

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
