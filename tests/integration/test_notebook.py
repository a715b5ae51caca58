"""The analyst notebook, executed top to bottom in a real Jupyter kernel against the test server.

The kernel inherits the ``NEO4J_*`` variables of the test server, so ``relgraph.connect()`` in the
notebook talks to the same Neo4j as the ``driver`` fixture (which starts from an empty graph).
Cells are found by their tags (``metadata.tags``), not by position.
"""

from __future__ import annotations

import json
import re

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


def viz_data(cell) -> dict:
    """The graph a ``relgraph.show`` cell rendered: gravis's data in the page it displayed."""
    (html,) = [
        out.data["text/html"]
        for out in cell.get("outputs", [])
        if out.output_type in ("execute_result", "display_data") and "text/html" in out.data
    ]
    assert not re.search(r"<script[^>]*\bsrc=", html)  # the viewer is inline: nothing to fetch
    m = re.search(r"state\.rawData = (\[.*?\]);\n", html, re.S)
    assert m, "the cell did not render a gravis page"
    return json.loads(m.group(1))[0]


def has_png(cell) -> bool:
    return any(
        out.output_type in ("execute_result", "display_data") and "image/png" in out.data
        for out in cell.get("outputs", [])
    )


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
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    )
    client.execute()  # raises CellExecutionError, with the cell and its traceback, on any error

    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
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

    pair = viz_data(tagged(nb, "show-pair"))
    captions = {n["label"] for n in pair["nodes"].values()}
    assert {"Vladimir Putin", "Kim Jong Un", "Vostochny Cosmodrome", "Russia", "North Korea"} <= captions
    colours = {n["metadata"]["label_kind"]: n["metadata"]["color"] for n in pair["nodes"].values()}
    assert len(set(colours.values())) == len(colours)  # one colour per label
    met = [e for e in pair["edges"] if e["label"] == "MET_AT"]
    assert met and all(e["metadata"]["quote"] and e["metadata"]["article"].startswith("sha256:") for e in met)
    assert any(
        "Vostotchny" in e["metadata"]["quote"]
        and e["metadata"]["date"] == "2023-09-13"
        and "2023-09-13" in e["metadata"]["hover"]
        for e in met
    )
    assert "MENTIONS" not in {e["label"] for e in pair["edges"]}
    kim = viz_data(tagged(nb, "show-leader"))
    assert "Kim Jong Un" in {n["label"] for n in kim["nodes"].values()}
    assert {"ATTENDED", "VISITS"} <= {e["label"] for e in kim["edges"]}

    asked = text_of(tagged(nb, "ask"))
    assert asked.startswith("sectors_discussed(a=RUS (Russie), b=PRK (Corée du Nord))") and "space" in asked
    assert "I cannot map that to a stored question" in text_of(tagged(nb, "ask-refused"))

    # the notebook wrote to the test server, not to some other database
    records, _, _ = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=neo4j_settings.database)
    assert records[0]["n"] >= 7
