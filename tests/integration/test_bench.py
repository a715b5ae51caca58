"""`bench/run --smoke` (every code path of `--quick`, at the smallest sizes) stays runnable: its JSON
has every measure (no timing is asserted here). The run starts in the background with the session
(`tests/conftest.py`), on servers of its own, and these tests come last.

The real-length section is checked for what cannot be flaky: a row per language and "all", a
share of sentences parsed under 1 (the extractor parses only the sentences an event can be in),
no cache hit (the measure is cold), no article interrupted as hung, and the benchmark's extractions
equal to what `relgraph extract` prints for the same articles.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from relgraph import cypher
from tests.conftest import ROOT, bench_result

sys.path.insert(0, str(ROOT / "bench"))
import extract_cold  # noqa: E402  (bench/extract_cold.py)
import generate  # noqa: E402  (bench/generate.py)


@pytest.fixture(scope="module")
def quick():
    # started in the background when the session began (tests/conftest.py), on its own servers
    rc, out, err = bench_result()
    assert rc == 0, err[-3000:]
    return json.loads(out)


def test_bench_quick_reports_every_measure(quick):
    out = quick
    for key in (
        "extract_articles_per_s",
        "write_edges_per_s",
        "neomodel_edges_per_s",
        "write_ratio_vs_neomodel",
        "help_s",
        "query_p95_ms",
        "load",
        "cold",
    ):
        assert key in out, key
    assert set(out["query_p95_ms"]) == set(cypher.names())
    assert out["quick"] and out["smoke"]
    [(size, load)] = out["load"].items()
    assert load["loaded"] == int(size) > 0 and load["failed"] == 0
    assert out["extract_articles_per_s"] > 0 and out["write_ratio_vs_neomodel"] > 0
    # every stored question still answers while a load runs, measured next to its idle p95
    under = load["under_load"]
    assert under["rounds"] > 0 and under["errors"] == []
    assert set(under["p95"]) == set(under["idle_p95"]) == set(cypher.names())


def test_real_length_section_parses_part_of_each_article_cold(quick):
    cold = quick["cold"]
    hung = [(h["url"], h["at"]) for h in cold["hung"]]
    assert not hung, f"extraction never ended on: {hung}"
    assert set(cold["rows"]) == {"en", "fr", "de", "es", "ru", "all"}
    for lang, row in cold["rows"].items():
        assert row["articles"] == (5 if lang == "all" else 1) * cold["corpus"]["per_lang"], lang
        assert 0 < row["share_parsed"] < 1.0, (lang, row["share_parsed"])
        assert row["cache_hits"] == 0, lang
        assert row["extract_per_s"] > 0 and row["parse_all_per_s"] > 0 and row["ratio"] > 0
    assert 200 <= cold["rows"]["all"]["words_median"] <= 320
    assert cold["stable"]
    assert cold["peak_rss_mb"] > 0
    assert cold["affinity"] == [cold["cpu"]]


def test_real_length_section_extracts_what_relgraph_extract_prints(quick, tmp_path):
    c = quick["cold"]["corpus"]
    hung = {h["article"] for h in quick["cold"]["hung"]}  # reported by the test above; would hang here too
    arts = [a for i, a in enumerate(generate.articles(c["per_lang"] * 5, c["seed"], c["words"])) if i not in hung]
    corpus = tmp_path / "cold.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "relgraph", "extract", str(corpus), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    # the same facts, read from another copy of the file (``article.path`` differs)
    printed = [extract_cold.digest_json(json.loads(line)) for line in r.stdout.splitlines() if line.strip()]
    assert printed == [d for d in quick["cold"]["digests"] if d is not None]
