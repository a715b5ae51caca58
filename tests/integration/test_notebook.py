"""The analyst notebook, executed top to bottom in a real Jupyter kernel against the test server.

The kernel inherits the ``NEO4J_*`` variables of the test server, so ``relgraph.connect()`` in the
notebook talks to the same Neo4j as the ``driver`` fixture (which starts from an empty graph).
Cells are found by their tags (``metadata.tags``), not by position.
"""
from __future__ import annotations

import nbformat
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "analyst.ipynb"
CONNECTION = ("NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")


def tagged(nb, tag):
    (cell,) = [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]
    return cell


def text_of(cell) -> str:
    """Everything a cell printed or displayed as text."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(out.text)
        elif out.output_type in ("execute_result", "display_data"):
            parts.append(out.data.get("text/plain", ""))
    return "\n".join(parts)


def has_png(cell) -> bool:
    return any(out.output_type in ("execute_result", "display_data") and "image/png" in out.data
               for out in cell.get("outputs", []))


def test_committed_notebook_is_clean():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)


def test_analyst_notebook_runs_against_the_test_server(driver, cli_env, neo4j_settings, monkeypatch):
    for var in CONNECTION:
        monkeypatch.setenv(var, cli_env[var])
    monkeypatch.setenv("MPLBACKEND", "Agg")  # never a GUI backend (the notebook embeds its figures)

    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any error

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert errors == []

    assert neo4j_settings.uri in text_of(tagged(nb, "connect"))
    load = text_of(tagged(nb, "load"))
    assert " 0 failed" in load and "loaded" in load

    sectors = text_of(tagged(nb, "sectors"))
    assert "space" in sectors and "transport" in sectors
    assert "Vostochny Cosmodrome" in text_of(tagged(nb, "meetings"))
    assert "proposal" in text_of(tagged(nb, "timeline"))
    assert "Vladimir Putin" in text_of(tagged(nb, "proposals"))
    assert "TASS" in text_of(tagged(nb, "sources"))

    assert has_png(tagged(nb, "chart"))
    assert "distinct edges" in text_of(tagged(nb, "subgraph-query"))
    assert has_png(tagged(nb, "subgraph"))

    # the notebook wrote to the test server, not to some other database
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n",
                                         database_=neo4j_settings.database)
    assert records[0]["n"] >= 7
