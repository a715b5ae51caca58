#!/usr/bin/env python3
"""Deterministic synthetic articles for benchmarks, built from relgraph's reference data.

Each article pairs two states that have leaders in ``leaders.tsv``, meets in a capital from
``places.tsv``, names sectors from ``sectors.tsv`` and credits agencies from ``sources.tsv``, in
one of the five languages (templates in ``bench/templates.json``). The same seed gives the same
corpus. Synthetic text is for measuring speed; quality is measured on real articles.

    python bench/generate.py 10000 -o /tmp/corpus-10k.jsonl --seed 7
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.dates import get_month_names

from relgraph.loaders import refdata as rd

TEMPLATES = json.loads((Path(__file__).with_name("templates.json")).read_text(encoding="utf-8"))


def _pools():
    by_state: dict[str, list] = {}
    for info in rd.leaders().values():
        by_state.setdefault(info.state, []).append(info)
    cities: dict[str, list[str]] = {}
    for p in rd.places().values():
        if p.kind == "city" and p.state:
            cities.setdefault(p.state, []).append(p.name)
    states = sorted(s for s in by_state if s in cities and s in rd.states())
    names: dict[tuple[str, str], str] = {}
    adjectives: dict[tuple[str, str], str] = {}
    for r in rd.state_aliases():
        key = (r["iso3"], r["lang"])
        if r["kind"] == "name" and key not in names and not r["form"].endswith("*"):
            names[key] = r["form"]
        if r["kind"] == "adjective" and key not in adjectives and not r["form"].endswith("*"):
            adjectives[key] = r["form"]
    sectors: dict[str, list[str]] = {}
    for r in rd.read_tsv("sectors.tsv"):
        sectors.setdefault(r["lang"], []).append(r["form"].rstrip("*"))  # a stem stands for its words
    agencies = sorted(n for n, s in rd.sources().items() if s.kind == "agency")
    return by_state, cities, states, names, adjectives, sectors, agencies


def articles(n: int, seed: int = 7) -> Iterator[dict]:
    rnd = random.Random(seed)
    by_state, cities, states, names, adjectives, sectors, agencies = _pools()
    langs = sorted(TEMPLATES)
    start = dt.date(2016, 1, 1)
    for i in range(n):
        lang = langs[i % len(langs)]
        t = TEMPLATES[lang]
        a, b = rnd.sample(states, 2)
        la, lb = rnd.choice(by_state[a]), rnd.choice(by_state[b])
        day = start + dt.timedelta(days=rnd.randrange(3500))
        months = get_month_names("wide", locale=lang)
        secs = rnd.sample(sectors[lang], 3)
        past = day - dt.timedelta(days=rnd.randrange(400, 2000))
        v = {
            "a_name": names.get((a, lang), rd.states()[a].name), "b_name": names.get((b, lang), rd.states()[b].name),
            "a_adj": adjectives.get((a, lang), ""), "b_adj": adjectives.get((b, lang), ""),
            "a_leader": la.name, "b_leader": lb.name,
            "city": rnd.choice(cities[b]), "city_2": rnd.choice(cities[b]),
            "date_words": f"{day.day} {months[day.month]} {day.year}",
            "sector_1": secs[0], "sector_2": secs[1], "sector_3": secs[2],
            "agency": rnd.choice(agencies), "agency_2": rnd.choice(agencies),
            "past_month": months[past.month], "past_year": past.year,
        }
        body = [t["lead"].format(**v)]
        extra = rnd.sample(t["body"], len(t["body"]))
        body += [p.format(**v) for p in extra]
        body += [t["body"][-1].format(**v)] * rnd.randrange(4, 16)  # length varies, about 250 to 650 words
        text = "\n\n".join(body) + "\n\n" + t["credit"].format(**v) + "\n"
        yield {"title": t["title"].format(**v), "text": t["title"].format(**v) + "\n\n" + text,
               "published": (day + dt.timedelta(days=1)).isoformat(),
               "url": f"https://bench.example/{seed}/{i}", "outlet": "Bench Wire"}


def write(n: int, out: Path, seed: int = 7) -> Path:
    with open(out, "w", encoding="utf-8") as f:
        for art in articles(n, seed):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.out:
        write(args.n, args.out, args.seed)
    else:
        for art in articles(args.n, args.seed):
            sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
