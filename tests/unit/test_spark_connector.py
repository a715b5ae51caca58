"""`relgraph spark write`'s pieces that need no Spark: the pinned versions agree, and the
connector runs the writer's own queries."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from relgraph import spark
from relgraph.graph import write


def _pom_properties() -> dict[str, str]:
    pom = resources.files("relgraph") / "data" / "spark" / "pom.xml"
    root = ET.fromstring(pom.read_text(encoding="utf-8"))
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    return {p.tag.split("}")[1]: p.text or "" for p in root.find("m:properties", ns)}


def test_the_pom_pins_what_the_code_expects():
    props = _pom_properties()
    assert props["connector.version"] == spark.CONNECTOR_VERSION
    assert props["spark.version"] == spark.SPARK_VERSION
    # the JVM side is the release of the pinned pyspark wheel, whose Python side drives it
    pyspark = pytest.importorskip("pyspark", reason="pip install -e '.[test,spark]' (make install does)")
    assert pyspark.__version__ == spark.SPARK_VERSION
    assert spark.CONNECTOR_JAR.startswith("neo4j-connector-apache-spark_2.13-")


def test_the_connector_runs_the_writers_queries_with_event_as_the_row():
    got = dict(write.connector_queries())
    # every kind of row the writer writes with a query of its own, in the writer's order
    assert list(got) == [k for k, q in write._QUERIES if q]
    assert "proposals" not in got  # Project nodes come from resolution, as in write_articles
    for kind, query in write._QUERIES:
        if query:
            assert got[kind].startswith("WITH event AS row\n")
            # the rest is the writer's text, character for character
            assert got[kind][len("WITH event AS row") :] == query.lstrip()[len("UNWIND $rows AS row") :]
            assert "$rows" not in got[kind]
    assert re.search(r"MERGE \(s:State \{iso3: row\.iso3\}\)", got["states"])
