"""The house's import rules (docs/architecture.md), checked on the code as it is.

The one-way wings are import-linter contracts in pyproject.toml ([tool.importlinter]): loaders
never import the graph wing, the neo4j driver or neomodel; graph and cypher never import the
loaders; the shared base (records, errors, settings, processes) imports neither. Imports inside
functions count. Only relgraph/pipeline.py and relgraph/api.py may use both wings.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wings_are_one_way():
    from importlinter.cli import lint_imports

    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True) == 0


def test_import_relgraph_is_cheap():
    """`import relgraph` loads neither wing, no driver, no DataFrame library, no language model."""
    code = (
        "import sys, relgraph; print(' '.join(sorted(m for m in sys.modules if m.startswith(("
        "'relgraph.loaders', 'relgraph.graph', 'neo4j', 'neomodel', 'pandas', 'lingua', 'natasha')))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def test_no_cypher_outside_graph_and_cypher():
    """The CLI and the API hold no Cypher: queries live in graph/ and cypher/."""
    import re

    cypher = re.compile(r"\b(MATCH|MERGE|UNWIND|RETURN|CALL)\b\s*[\(\{\w$]")
    offenders = [
        f"{p.name}:{i}"
        for p in (ROOT / "relgraph").glob("*.py")
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if cypher.search(line) and not line.lstrip().startswith("#")
    ]
    assert offenders == []
