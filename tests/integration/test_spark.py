"""The Spark job gives what `relgraph extract` gives, on the dev corpus and on made-up articles;
bad documents become error rows. One local Spark session for the module (a start costs ~15 s)."""

from __future__ import annotations

import json

import pytest

from relgraph.errors import BadArticle
from relgraph.pipeline import extract_paths
from tests.conftest import DATA, SHARED, run_cli

pyspark = pytest.importorskip("pyspark", reason="pip install -e '.[test,spark]' (make install does)")

CORPUS = SHARED / "corpus" / "articles"

# made-up articles (no corpus phrase), one a line, and lines that are no article
OWN = [
    {
        "title": "Leaders talk trade",
        "text": "Berlin, 5 March 2024. The French president Emmanuel Macron met the "
        "German chancellor Olaf Scholz in Berlin on Tuesday; the two discussed energy and defence.",
        "published": "2024-03-05",
        "url": "https://example.org/own-1",
    },
    {
        "title": "Visita oficial",
        "text": "El presidente de Brasil, Lula, viajó a Madrid el lunes y se reunió con "
        "Pedro Sánchez para hablar de comercio y de agricultura.",
        "published": "2024-03-04",
    },
]


@pytest.fixture(scope="module")
def spark():
    from relgraph.spark import session

    s = session("local[2]", app="relgraph-tests")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("spark")
    jsonl = d / "own.jsonl"
    jsonl.write_text(
        json.dumps(OWN[0], ensure_ascii=False)
        + "\n\n{not json\n"
        + json.dumps({"title": "no text"})
        + "\n"
        + json.dumps(OWN[1], ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    empty = d / "empty.txt"
    empty.write_text("", encoding="utf-8")
    return [str(CORPUS), *sorted(str(p) for p in DATA.glob("*.txt")), str(jsonl), str(empty), str(d / "missing.txt")]


def _expected(inputs):
    good, bad = [], []
    for item in extract_paths(inputs):
        if isinstance(item, BadArticle):
            bad.append(str(item))
        else:
            good.append(json.dumps(item.to_json(), ensure_ascii=False))
    return good, bad


def test_spark_rows_equal_relgraph_extract(spark, inputs):
    from relgraph.spark import extract_items, work_items

    items, missing = work_items(spark, inputs)
    rows = extract_items(spark, items).collect()
    good, bad = _expected(inputs)
    assert len(good) > 25
    assert [r.json for r in rows if r.error is None] == good  # same objects, same order
    errors = [r.error for r in rows if r.error is not None] + [e for _, _, e in missing]
    assert sorted(errors) == sorted(bad)
    assert any(":3: not JSON" in e for e in errors) and any('no "text" field' in e for e in errors)
    assert any("empty.txt" in e for e in errors) and any("missing.txt" in e for e in errors)


def test_a_dataframe_of_documents_extracts_like_json_lines(spark, tmp_path):
    from relgraph.spark import extract_dataframe

    df = spark.createDataFrame(
        [(o["text"], o["title"], o.get("url"), o["published"]) for o in OWN] + [("   ", "blank", None, None)],
        "text string, title string, url string, published string",
    )
    rows = extract_dataframe(df).collect()
    path = tmp_path / "same.jsonl"
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in OWN), encoding="utf-8")
    want = [f.to_json() for f in extract_paths([str(path)])]
    got = [json.loads(r.json) for r in rows if r.error is None]
    # the same facts; only where each came from differs (a file's line, a DataFrame's row)
    for g, w in zip(got, want, strict=True):
        g["article"].pop("path"), w["article"].pop("path")
        assert g == w
    assert len(got) == 2 and "relgraph.article/1" == got[0]["schema"]
    assert [r.error for r in rows if r.error is not None] == ['dataframe:3: no "text" field with the article text']


def test_cli_writes_parquet_that_bulk_import_reads(tmp_path, inputs):
    from relgraph import extracted

    out = tmp_path / "out"
    res = run_cli(
        "spark",
        "extract",
        str(DATA / "fr_summit.txt"),
        inputs[-3],
        str(out),
        "--format",
        "parquet",
        "--master",
        "local[1]",
    )
    assert res.returncode == 1, res.stderr  # two bad lines in own.jsonl
    assert "3 articles extracted, 2 failed" in res.stdout and "Traceback" not in res.stderr
    items = list(extracted.read([str(out)]))
    assert sorted(i.doc["article"]["title"] for i in items if i.doc) == sorted(
        [
            "Leaders talk trade",
            "Visita oficial",
            json.loads(_expected([str(DATA / "fr_summit.txt")])[0][0])["article"]["title"],
        ]
    )
    assert len([i for i in items if i.error]) == 2
