#!/usr/bin/env python3
"""Event resolution's cost: the transactional writer with resolution on (meetings, visits and
projects), against the same writer with it off (each meeting, visit and proposal report a node
of its own), on the same articles, same run; then every stored question's p50/p95 on the graph
resolution made.

    RELGRAPH_BOLT_PORT=... bench/resolution.py --wipe --articles 5000 --repeats 2

It extracts the test articles once (tests/data, tests/data/events, tests/data/more,
tests/data/trips: the parser must run), keeps those that report a meeting, a visit or a proposal,
makes ``--articles`` copies of them (new texts, new documents, their dates moved two days a
round, so every round is a new set of meetings and visits each reported by several copies), and
writes them 100 a transaction into the Neo4j the settings name, which it WIPES first (``--wipe``
says you mean it: use a server of your own). It prints the median seconds of each mode, the
ratio on/off, and the stored questions' p95 (``--query-repeats`` runs each, parameters as in
bench/run: the busiest pair, state and leader).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from dataclasses import replace
from importlib.machinery import SourceFileLoader
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shift(date: str | None, days: int) -> str | None:
    """A date moved by ``days``, in its own precision: a day, a day and month (``--09-13``, moved
    in a leap year, so every day exists) or a month (``2024-03``: the month of its first day so
    moved). Without this, the copies' month and day-and-month dates would pile onto the same
    days round after round, and every round would re-read the pile."""
    if not date:
        return date
    try:
        if len(date) >= 10 and not date.startswith("--"):
            return (dt.date.fromisoformat(date[:10]) + dt.timedelta(days=days)).isoformat()
        if date.startswith("--") and len(date) == 7:
            moved = dt.date.fromisoformat("2024" + date[1:]) + dt.timedelta(days=days)
            return moved.strftime("--%m-%d")
        if len(date) == 7 and date[4] == "-":
            return (dt.date.fromisoformat(date + "-01") + dt.timedelta(days=days)).strftime("%Y-%m")
    except ValueError:
        pass
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
        visits = tuple(replace(v, date=_shift(v.date, days)) for v in f.visits)
        out.append(resolve_article(replace(f, article=art, meetings=meetings, visits=visits)))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--wipe", action="store_true", help="required: the configured database is emptied")
    ap.add_argument("--query-repeats", type=int, default=20, help="runs of each stored question (0: none)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--modes", default="off,on", help="which writes to time (off,on; 'on' alone builds the graph only)")
    ap.add_argument("--keep", action="store_true", help="leave the last graph written in place (to PROFILE it)")
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
    paths = sorted(str(p) for d in (data, data / "events", data / "more", data / "trips") for p in d.glob("*.txt"))
    print(f"extracting {len(paths)} test articles ...", file=sys.stderr)
    bases = [f for f in extract_paths(paths) if hasattr(f, "article") and (f.meetings or f.visits or f.proposals)]
    docs = copies(bases, args.articles)
    reports = {
        "meeting_reports": sum(len(d.facts.meetings) for d in docs),
        "visit_reports": sum(len(d.facts.visits) for d in docs),
        "proposal_reports": sum(len(d.facts.proposals) for d in docs),
    }
    times: dict[str, list[float]] = {"off": [], "on": []}
    nodes: dict[str, dict[str, int]] = {}
    queries: dict = {}
    with connect(Settings.from_env()) as driver:
        for rep in range(args.repeats):
            for mode in [m for m in ("off", "on") if m in args.modes.split(",")]:
                schema.clear(driver)
                schema.install(driver)
                schema.require_current(driver)
                print(f"repeat {rep + 1}/{args.repeats}: resolution {mode}, {len(docs)} articles ...", file=sys.stderr)
                t = time.perf_counter()
                for i in range(0, len(docs), 100):
                    write_articles(driver, docs[i : i + 100], resolve=mode == "on")
                    if (i // 100) % 50 == 49:
                        print(f"  {i + 100}/{len(docs)} articles, {time.perf_counter() - t:.0f} s", file=sys.stderr)
                times[mode].append(time.perf_counter() - t)
                nodes[mode] = {
                    label: driver.execute_query(f"MATCH (m:{label}) RETURN count(m) AS n").records[0]["n"]
                    for label in ("Meeting", "Visit", "Project")
                }
        if args.query_repeats:
            print(f"stored questions on the resolved graph, {args.query_repeats} runs each ...", file=sys.stderr)
            run = SourceFileLoader("bench_run", str(ROOT / "bench" / "run")).load_module()
            queries = run.bench_queries(driver, args.query_repeats)
        if not args.keep:
            schema.clear(driver)
    off = statistics.median(times["off"]) if times["off"] else float("nan")
    on = statistics.median(times["on"]) if times["on"] else float("nan")
    res: dict = {
        "articles": len(docs),
        **reports,
        **{f"{label.lower()}s_{mode}": n for mode, counts in nodes.items() for label, n in counts.items()},
        "seconds_off": round(off, 2),
        "seconds_on": round(on, 2),
        "ratio_on_off": round(on / off, 3),
    }
    if queries:
        res["query_p95_ms"] = {n: round(v, 1) for n, v in queries["query_p95_ms"].items()}
        res["query_p50_ms"] = {n: round(v, 1) for n, v in queries["query_p50_ms"].items()}
        res["slowest_query"] = queries["slowest_query"]
    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            if isinstance(v, dict):
                print(k)
                for n, x in sorted(v.items(), key=lambda kv: -kv[1]):
                    print(f"  {n:22} {x}")
            else:
                print(f"{k:20} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
