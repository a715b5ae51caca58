"""`relgraph spark write` through the Neo4j Connector for Apache Spark, in local mode against the
real server: into a graph that holds data already, it leaves the graph `relgraph load` of the same
articles leaves (texts in the graph left alone, a new version of a document replacing the old,
a bad line reported and the rest written). The first run fetches its jars with Maven (~230 MB)."""

from __future__ import annotations

import pytest

from relgraph.api import load
from tests.conftest import DATA, SHARED, run_cli, wipe
from tests.integration.test_bulk import _diff
from tests.integration.test_load import graph_dump

pytest.importorskip("pyspark", reason="pip install -e '.[test,spark]' (make install does)")

CORPUS = SHARED / "corpus" / "articles"

# a made-up article (no corpus phrase) in two versions: the graph holds the first, the second comes through Spark
V1 = (
    "Berlin, 5 March 2024. The French president Emmanuel Macron met the German chancellor Olaf Scholz "
    "in Berlin on Tuesday; the two discussed energy and defence."
)
V2 = V1.replace("energy and defence", "trade and farming")


def _articles() -> list[str]:
    """A slice of the dev corpus (every third article) and the test articles."""
    return [str(p) for p in sorted(CORPUS.glob("*.txt"))[::3]] + [str(p) for p in sorted(DATA.glob("*.txt"))]


def test_spark_write_gives_the_graph_load_gives(driver, neo4j_settings, cli_env, tmp_path):
    own = tmp_path / "own.txt"
    own.write_text(V2, encoding="utf-8")
    articles = [*_articles(), str(own)]
    res = run_cli("extract", *articles, "--format", "jsonl")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert len(lines) == len(articles)
    extracted = tmp_path / "extracted.jsonl"
    extracted.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n", encoding="utf-8")

    report = load(driver, articles)
    assert report.failed == 0 and report.loaded == len(articles)
    want = graph_dump(driver)
    assert len(want[0]) > 50 and len(want[1]) > 200
    assert any('"Meeting"' in n for n in want[0]) and any('"Project"' in n for n in want[0])

    # the graph holds three of the articles and the first version of the made-up one
    wipe(driver, neo4j_settings.database)
    own.write_text(V1, encoding="utf-8")
    assert load(driver, [*articles[:3], str(own)]).loaded == 4
    res = run_cli("spark", "write", str(extracted), "--master", "local[2]", "--batch-size", "50", env=cli_env)
    assert res.returncode == 1, res.stderr  # the bad line
    assert f"{extracted}:2: not JSON" in res.stderr and "Traceback" not in res.stderr
    new = len(articles) - 4
    assert f"{new} articles written through the Neo4j connector, 1 replaced, 3 unchanged; 1 failed" in res.stdout, (
        res.stdout + res.stderr
    )
    assert "rows through the Neo4j connector" in res.stderr  # progress, kind by kind
    got = graph_dump(driver)
    assert _diff(got[0], want[0]) == ([], [])  # nodes: labels and every property
    assert _diff(got[1], want[1]) == ([], [])  # edges: type, every property, both ends
