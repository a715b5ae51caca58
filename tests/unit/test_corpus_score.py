"""The dev corpus score, when ../shared is beside the repository (it is in CI)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import SHARED

FLOOR = 0.70   # issue 3; the generalisation issue raises it to 0.85


@pytest.mark.skipif(not (SHARED / "tools" / "score.py").exists(), reason="no ../shared corpus here")
def test_dev_corpus_score_is_above_the_floor_with_exact_evidence():
    r = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"),
                        "--gold", str(SHARED / "corpus" / "gold"),
                        "--articles", str(SHARED / "corpus" / "articles"),
                        "--cmd", f"{sys.executable} -m relgraph extract --format jsonl"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    print(r.stdout)
    ok, total = map(int, re.search(r"exactly: (\d+)/(\d+)", r.stdout).groups())
    assert ok == total > 0
    overall = float(re.search(r"overall F1 ([\d.]+)", r.stdout).group(1))
    assert overall >= FLOOR, r.stdout
