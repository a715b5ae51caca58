"""`bench/run --quick` stays runnable: its JSON has every measure (no timing is asserted here)."""
from __future__ import annotations

import json
import subprocess
import sys

from relgraph import cypher
from tests.conftest import ROOT


def test_bench_quick_reports_every_measure():
    r = subprocess.run([sys.executable, str(ROOT / "bench" / "run"), "--quick", "--json"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-3000:]
    out = json.loads(r.stdout)
    for key in ("extract_articles_per_s", "write_edges_per_s", "neomodel_edges_per_s",
                "write_ratio_vs_neomodel", "help_s", "query_p95_ms", "load"):
        assert key in out, key
    assert set(out["query_p95_ms"]) == set(cypher.names())
    assert out["load"]["1000"]["loaded"] == 1000 and out["load"]["1000"]["failed"] == 0
    assert out["extract_articles_per_s"] > 0 and out["write_ratio_vs_neomodel"] > 0
