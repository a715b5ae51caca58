#!/usr/bin/env python3
"""Meeting resolution's cost: the transactional writer with resolution on, against the same
writer with it off (each meeting report a node of its own), on the same articles, same run.

    RELGRAPH_BOLT_PORT=... bench/resolution.py --wipe --articles 5000 --repeats 2

It extracts the test articles once (tests/data, tests/data/events: the parser must run), makes
``--articles`` copies of them (new texts, new documents, their dates moved two days a round, so
every round is a new set of meetings each reported by several copies), and writes them 100 a
transaction into the Neo4j the settings name, which it WIPES first (``--wipe`` says you mean it:
use a server of your own). It prints the median seconds of each mode and the ratio on/off.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shift(date: str | None, days: int) -> str | None:
    if not date or len(date) < 10 or date.startswith("--"):
        return date
    try:
        return (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return date


def copies(bases: list, n: int) -> list:
    from relgraph.loaders.resolve import resolve_article

    out = []
    for i in range(n):
        f = bases[i % len(bases)]
        days = 2 * (i // len(bases))
        a = f.article
        art = replace(a, text=a.text + f"\n{i}\n", doc=f"bench://{i}", path=None, published=_shift(a.published, days))
        meetings = tuple(replace(m, date=_shift(m.date, days)) for m in f.meetings)
        out.append(resolve_article(replace(f, article=art, meetings=meetings)))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--wipe", action="store_true", help="required: the configured database is emptied")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not args.wipe:
        print("bench/resolution.py empties the configured Neo4j: run it with --wipe on a server of your own")
        return 2
    from relgraph.graph import schema
    from relgraph.graph.connect import connect
    from relgraph.graph.write import write_articles
    from relgraph.pipeline import extract_paths
    from relgraph.settings import Settings

    data = ROOT / "tests" / "data"
    paths = sorted(str(p) for d in (data, data / "events", data / "more") for p in d.glob("*.txt"))
    print(f"extracting {len(paths)} test articles ...", file=sys.stderr)
    bases = [f for f in extract_paths(paths) if hasattr(f, "article") and f.meetings]
    docs = copies(bases, args.articles)
    reports = sum(len(d.facts.meetings) for d in docs)
    times: dict[str, list[float]] = {"off": [], "on": []}
    meetings: dict[str, int] = {}
    with connect(Settings.from_env()) as driver:
        for rep in range(args.repeats):
            for mode in ("off", "on"):
                schema.clear(driver)
                schema.install(driver)
                schema.require_current(driver)
                print(f"repeat {rep + 1}/{args.repeats}: resolution {mode}, {len(docs)} articles ...", file=sys.stderr)
                t = time.perf_counter()
                for i in range(0, len(docs), 100):
                    write_articles(driver, docs[i : i + 100], resolve=mode == "on")
                times[mode].append(time.perf_counter() - t)
                meetings[mode] = driver.execute_query("MATCH (m:Meeting) RETURN count(m) AS n").records[0]["n"]
        schema.clear(driver)
    off, on = statistics.median(times["off"]), statistics.median(times["on"])
    res = {
        "articles": len(docs),
        "meeting_reports": reports,
        "meetings_off": meetings["off"],
        "meetings_on": meetings["on"],
        "seconds_off": round(off, 2),
        "seconds_on": round(on, 2),
        "ratio_on_off": round(on / off, 3),
    }
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:16} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
