# The two commands of the README. Everything is installed by the project itself: a virtualenv
# with the Python dependencies, and (through `relgraph db start` and `relgraph parser start`) the
# Neo4j and CoreNLP jars via Maven.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: demo test install clean

$(BIN)/relgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,spark]'
	touch $(BIN)/relgraph

install: $(BIN)/relgraph

# Start the parser (CoreNLP jars fetched with Maven the first time, 1.2 GB) and the local Neo4j,
# load the example article, ask which sectors Russia and the DPRK discussed.
demo: install
	$(BIN)/relgraph parser start
	$(BIN)/relgraph db start
	$(BIN)/relgraph load examples/kim_putin_vostochny_fr.txt
	$(BIN)/relgraph query sectors_discussed -p a Russie -p b "North Korea"

# The whole test suite: unit tests, then integration tests against a real Neo4j 5.26, the
# notebook, and Neo4j Browser in Debian's headless chromium (installed once, as root, if missing).
# The pytest session starts the parser server (fetching its jars the first time) and stops it
# again at the end if it started it.
test: install
	-tools/ensure_chromium  # if it cannot install, the Browser test fails and says why; the rest still runs
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
