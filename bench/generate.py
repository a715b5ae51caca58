#!/usr/bin/env python3
"""Deterministic synthetic articles for benchmarks, built from relgraph's reference data.

Each article pairs two states that have leaders in ``leaders.tsv``, meets in a capital from
``places.tsv``, names sectors from ``sectors.tsv`` and credits agencies from ``sources.tsv``, in
one of the five languages (templates in ``bench/templates.json``). The same seed gives the same
corpus. Synthetic text is for measuring speed; quality is measured on real articles.

With ``words`` (``--words 260``) the articles have real news length instead: 220–300 words for
260, every sentence distinct (the ``extra`` sentences of each language: background, figures,
quotes, plans, a phone call), so that a parse cache cannot help and about a third of the
sentences name a leader next to an event word, as in the wire stories the extractor reads.

    python bench/generate.py 10000 -o /tmp/corpus-10k.jsonl --seed 7
    python bench/generate.py 500 --words 260 -o /tmp/real-length.jsonl
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


def _words(text: str) -> int:
    return len(text.split())


def articles(n: int, seed: int = 7, words: int | None = None) -> Iterator[dict]:
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
            "a_name": names.get((a, lang), rd.states()[a].name),
            "b_name": names.get((b, lang), rd.states()[b].name),
            "a_adj": adjectives.get((a, lang), ""),
            "b_adj": adjectives.get((b, lang), ""),
            "a_leader": la.name,
            "b_leader": lb.name,
            "city": rnd.choice(cities[b]),
            "city_2": rnd.choice(cities[b]),
            "date_words": f"{day.day} {months[day.month]} {day.year}",
            "sector_1": secs[0],
            "sector_2": secs[1],
            "sector_3": secs[2],
            "agency": rnd.choice(agencies),
            "agency_2": rnd.choice(agencies),
            "past_month": months[past.month],
            "past_year": past.year,
        }
        if words:
            yield _real_length(rnd, t, v, words, seed, i, day)
            continue
        body = [t["lead"].format(**v)]
        extra = rnd.sample(t["body"], len(t["body"]))
        body += [p.format(**v) for p in extra]
        body += [t["body"][-1].format(**v)] * rnd.randrange(4, 16)  # length varies, about 250 to 650 words
        text = "\n\n".join(body) + "\n\n" + t["credit"].format(**v) + "\n"
        yield {
            "title": t["title"].format(**v),
            "text": t["title"].format(**v) + "\n\n" + text,
            "published": (day + dt.timedelta(days=1)).isoformat(),
            "url": f"https://bench.example/{seed}/{i}",
            "outlet": "Bench Wire",
        }


def _real_length(rnd: random.Random, t: dict, v: dict, words: int, seed: int, i: int, day: dt.date) -> dict:
    """An article of about ``words`` words (median; ± 40): title, lead, then distinct sentences, one or two a paragraph."""
    v = dict(v, trade=rnd.randrange(2, 180), n=rnd.randrange(3, 19))
    target = rnd.randrange(words - 40, words + 21)  # the last sentence overshoots by ~10
    title, lead, credit = t["title"].format(**v), t["lead"].format(**v), t["credit"].format(**v)
    pool = [s.format(**v) for s in t["body"] + t["extra"]]
    rnd.shuffle(pool)
    sents, count = [], _words(title) + _words(lead) + _words(credit)
    for s in pool:
        if count >= target:
            break
        sents.append(s)
        count += _words(s)
    paras, k = [lead], 0
    while k < len(sents):
        step = rnd.choice((1, 2))
        paras.append(" ".join(sents[k : k + step]))
        k += step
    text = title + "\n\n" + "\n\n".join(paras) + "\n\n" + credit + "\n"
    return {
        "title": title,
        "text": text,
        "published": (day + dt.timedelta(days=1)).isoformat(),
        "url": f"https://bench.example/{seed}/w{words}/{i}",
        "outlet": "Bench Wire",
    }


def write(n: int, out: Path, seed: int = 7, words: int | None = None) -> Path:
    with open(out, "w", encoding="utf-8") as f:
        for art in articles(n, seed, words):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("-o", "--out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--words", type=int, help="real-length articles of about this many words (e.g. 260)")
    args = ap.parse_args(argv)
    if args.out:
        write(args.n, args.out, args.seed, args.words)
    else:
        for art in articles(args.n, args.seed, args.words):
            sys.stdout.write(json.dumps(art, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
