# hezuo-kg — `make run` builds the graph from corpus/ and serves it; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STORE  ?= store
PORT   ?= 7878

.PHONY: setup browser run build serve test bench load clean

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

# The browser tests (tests/test_browser.py) drive Debian's headless Chromium through its chromedriver;
# Chinese text needs a CJK font.  Installed once (as root, as on CI) when missing.
browser:  ## install headless Chromium, chromium-driver and a CJK font from Debian's packages
	@if [ ! -x /usr/bin/chromedriver ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-zenhei; \
	fi

test: setup browser  ## run the whole test suite
	$(BIN)/python -m pytest -q

bench: setup  ## benchmarks (long); writes BENCHMARKS.md
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/site_bench.py

load: setup  ## load test of kg serve on loopback: 8 clients x 20 s with the queries/ mix
	$(BIN)/python benchmarks/load.py --clients 8 --seconds 20

clean:
	rm -rf $(VENV) $(STORE) .pytest_cache
