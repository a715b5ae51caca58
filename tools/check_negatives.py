#!/usr/bin/env python3
"""Run `relgraph extract` on the negative texts of eval/negatives and report every held meeting or
visit the texts do not state (each text states none), and planned meetings against the count
expected.json gives. Exit 1 when any text gets an invented held meeting or visit.

    .venv/bin/python tools/check_negatives.py [eval/negatives]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else Path(__file__).resolve().parents[1] / "eval" / "negatives")
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    files = sorted(str(folder / name) for name in expected)
    relgraph = Path(sys.executable).with_name("relgraph")
    out = subprocess.run(
        [str(relgraph), "extract", "--format", "jsonl", *files], capture_output=True, text=True, check=False
    ).stdout.splitlines()
    invented = 0
    by_lang: dict[str, list[int]] = {}
    for path, line in zip(files, out):
        name = Path(path).name
        facts, exp = json.loads(line), expected[name]
        held_m = [m for m in facts["meetings"] if m["status"] == "held"]
        held_v = [v for v in facts["visits"] if v["status"] == "held"]
        planned = [m for m in facts["meetings"] if m["status"] == "planned"]
        bad = len(held_m) > exp["held_meetings"] or len(held_v) > exp["held_visits"]
        tally = by_lang.setdefault(name.split("_")[0], [0, 0])
        tally[0] += 1
        tally[1] += bad
        invented += bad
        if bad:
            print(f"INVENTED {name}")
            for m in held_m:
                print(f"   meeting {m['participants']} {m['place']} | {m['evidence'][0]['quote'][:100]}")
            for v in held_v:
                print(f"   visit {v['visitor']} {v['place']} | {v['evidence'][0]['quote'][:100]}")
        if len(planned) != exp.get("planned_meetings", 0):
            print(f"planned meetings in {name}: {len(planned)}, expected {exp.get('planned_meetings', 0)}")
    for lang, (n, bad) in sorted(by_lang.items()):
        print(f"{lang}: {bad}/{n} texts with an invented held meeting or visit")
    print(f"all: {invented}/{len(files)}")
    return 1 if invented else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
