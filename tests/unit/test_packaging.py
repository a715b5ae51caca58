"""The wheel carries the stored questions and the data, under one import name."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_has_cypher_files_and_no_stray_top_level_modules(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    wheel = next(tmp_path.glob("relgraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "relgraph/cypher/sectors_discussed.cypher" in names
    assert "relgraph/graph/server/pom.xml" in names
    assert any(n.startswith("relgraph/loaders/data/lang/") for n in names)
    tops = {n.split("/")[0] for n in names if not n.startswith("relgraph-")}
    assert tops == {"relgraph"}
