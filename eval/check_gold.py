#!/usr/bin/env python3
"""Check a stand-in set's gold files: every evidence span quotes its article exactly
(text[start:end] == quote, offsets into the whole decoded file as score.py reads it), statuses and
dates are well formed, sectors are taxonomy ids, every gold has its article, every participant,
visitor and proposer is a gold leader or an ISO3 code, and (--lengths) every body has 200-450 words.

    .venv/bin/python eval/check_gold.py eval/standin3
    .venv/bin/python eval/check_gold.py --lengths eval/standin4
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from relgraph.loaders.refdata import SECTORS  # the taxonomy of ../shared/design.md


def spans(obj):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k.startswith("evidence") and isinstance(v, list):
                yield from v
            else:
                yield from spans(v)
    elif isinstance(obj, list):
        for x in obj:
            yield from spans(x)


def main(argv):
    lengths = "--lengths" in argv
    args = [a for a in argv[1:] if a != "--lengths"]
    if len(args) != 1:
        print("usage: check_gold.py [--lengths] SET_DIR (eval/standin3, eval/standin4)")
        return 2
    root = Path(args[0])
    bad = n_spans = 0
    for g in sorted((root / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        art = root / "articles" / (g.stem + ".txt")
        if not art.exists():
            print(f"{g.name}: no article")
            bad += 1
            continue
        text = art.read_bytes().decode("utf-8", errors="replace")
        for s in spans(gold):
            n_spans += 1
            if text[s["start"] : s["end"]] != s["quote"] or not s["quote"]:
                print(f"{g.name}: bad span {s}")
                bad += 1
        for kind in ("meetings", "visits"):
            for it in gold.get(kind, []):
                if it.get("status") not in ("held", "planned", "past"):
                    print(f"{g.name}: bad status {it}")
                    bad += 1
                d = it.get("date")
                if d is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d|--\d\d-\d\d", d):
                    print(f"{g.name}: bad date {d}")
                    bad += 1
                if not it.get("evidence"):
                    print(f"{g.name}: {kind} without evidence {it}")
                    bad += 1
        for s in gold.get("sectors", []):
            sid = s["id"] if isinstance(s, dict) else s
            if sid not in SECTORS:
                print(f"{g.name}: sector {sid}")
                bad += 1
        for p in gold.get("proposals", []):
            if p.get("sector") not in SECTORS:
                print(f"{g.name}: proposal sector {p.get('sector')}")
                bad += 1
        names = {l["name"] for l in gold.get("leaders", [])}
        for who in (
            [x for m in gold.get("meetings", []) for x in m["participants"]]
            + [v["visitor"] for v in gold.get("visits", [])]
            + [p["by"] for p in gold.get("proposals", []) if p.get("by")]
        ):
            if who not in names and not re.fullmatch(r"[A-Z]{3}", who):
                print(f"{g.name}: {who!r} is neither a gold leader nor an ISO3 code")
                bad += 1
        if gold.get("pair") and gold["pair"] != sorted(gold["pair"]):
            print(f"{g.name}: pair not sorted")
            bad += 1
        words = len(text.split("\n\n", 1)[-1].split())
        if lengths and not 200 <= words <= 450:
            print(f"{g.name}: body has {words} words (200-450 wanted)")
            bad += 1
        m = re.search(r"^Date: (\d{4}-\d\d-\d\d)$", text, re.M)
        if not m:
            print(f"{g.name}: no Date header")
            bad += 1
    print(f"{len(list((root / 'gold').glob('*.json')))} gold files, {n_spans} evidence spans, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
