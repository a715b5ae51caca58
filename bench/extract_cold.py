#!/usr/bin/env python3
"""Real-length extraction with a cold parse cache, against the parser alone on the same texts.

``bench/run`` runs this in a process of its own (so that its peak RSS is the extraction's alone)
pinned to one CPU, and pins the parser server's JVM itself. For every article of the corpus:

- (a) full extraction (``extract_article``, language detection included), the client's parse
  cache cleared first, so no sentence is a cache hit;
- (b) the parser alone: every sentence of the same article (the extractor's own split, title
  included) in one ``parse()`` call, the cache cleared first: the baseline the issue quotes.

The two alternate article by article (a before b, then b before a on the next repeat), so drift
in the machine's load falls on both. Rates are articles over the summed per-article times.

    python bench/extract_cold.py corpus.jsonl --warmup warm.jsonl --cpu 0 --repeats 3

prints one JSON object (per language and "all"; digests of each article's extraction, so a
caller can check that the benchmark extracted what ``relgraph extract`` does). An article whose
extraction runs past HANG_S seconds is interrupted, reported under "hung" with the line it was
in, and left out of the rates (a bug to fix in the extractor, not a speed). The warm-up articles
get WARM_HANG_S instead: the first real-length parses of a just-started server, its JVM pinned to
one CPU that the test suite shares, have taken over 10 s in CI (its JIT is still cold); a warm-up
article that runs past that is still reported.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import signal
import statistics
import sys
import time
import traceback
from pathlib import Path

HANG_S = int(os.environ.get("BENCH_HANG_S", "20"))  # an article takes well under 2 s; past this it loops
WARM_HANG_S = int(os.environ.get("BENCH_WARM_HANG_S", str(max(HANG_S, 120))))


class Hung(Exception):
    pass


def _alarm(signum, frame):
    raise Hung()


def digest(facts) -> str:
    """The extraction's fingerprint, without the file it was read from (``article.path``)."""
    return digest_json(facts.to_json())


def digest_json(obj: dict) -> str:
    obj = dict(obj, article={k: v for k, v in obj["article"].items() if k != "path"})
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--warmup", help="articles extracted and parsed once, untimed, before the measure")
    ap.add_argument("--cpu", type=int, help="pin this process to this CPU (os.sched_setaffinity)")
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})  # before numpy (natasha) starts any thread

    from relgraph.loaders import extract as X
    from relgraph.loaders.nlp import client as C
    from relgraph.pipeline import extract_article
    from relgraph.loaders.read import read_paths

    # -- instruments: sentences asked for and sentences sent to a parser; the extractor's Ctx --
    count = {"asked": 0, "sent": 0, "parse_s": 0.0}
    real_parse, real_corenlp, real_russian, real_ctx = C.parse, C._corenlp, C._russian, X.Ctx

    def parse(lang, text, spans):
        count["asked"] += len(spans)
        t = time.perf_counter()
        try:
            return real_parse(lang, text, spans)
        finally:
            count["parse_s"] += time.perf_counter() - t

    def corenlp(lang, segs):
        count["sent"] += len(segs)
        return real_corenlp(lang, segs)

    def russian(segs):
        count["sent"] += len(segs)
        return real_russian(segs)

    seen = []

    def ctx(*a, **k):
        c = real_ctx(*a, **k)
        seen.append(c)
        return c

    C.parse, C._corenlp, C._russian, X.Ctx = parse, corenlp, russian, ctx

    signal.signal(signal.SIGALRM, _alarm)
    times_in_parse: list[float] = []

    def run_a(art, limit=HANG_S):
        seen.clear()
        C.clear_cache()
        asked, sent, in_parse = count["asked"], count["sent"], count["parse_s"]
        signal.alarm(limit)
        t = time.perf_counter()
        try:
            facts = extract_article(art)
        finally:
            signal.alarm(0)
        dt = time.perf_counter() - t
        c = seen[-1]
        times_in_parse.append(count["parse_s"] - in_parse)
        return dt, facts, c, count["asked"] - asked, count["sent"] - sent

    def run_b(lang, text, spans):
        C.clear_cache()
        sent = count["sent"]
        t = time.perf_counter()
        real_parse(lang, text, spans)
        return time.perf_counter() - t, count["sent"] - sent

    hung: list[dict] = []

    def where(e: BaseException, i: int | None, art) -> dict:
        frames = [f for f in traceback.extract_tb(e.__traceback__) if "/loaders/" in f.filename]
        at = frames[-1] if frames else traceback.extract_tb(e.__traceback__)[-1]
        return {"article": i, "url": art.url, "at": f"{Path(at.filename).name}:{at.lineno} {at.name}", "text": art.text}

    warm_s: list[float] = []  # each warm-up article's extraction: the cold start, for the record
    if args.warmup:  # lexicons, gazetteers, natasha, the JVM's JIT: as in a long-running loader
        for art in read_paths([args.warmup]):
            try:
                dt, _, c, _, _ = run_a(art, WARM_HANG_S)
                warm_s.append(round(dt, 3))
            except Hung as e:
                hung.append(where(e, None, art))
                continue
            run_b(c.lang, c.text, [(s.start, s.end) for s in c.sents])

    arts = list(read_paths([args.corpus]))
    info: list[dict] = [{} for _ in arts]
    ta = [[0.0] * len(arts) for _ in range(args.repeats)]
    tb = [[0.0] * len(arts) for _ in range(args.repeats)]
    tp = [[0.0] * len(arts) for _ in range(args.repeats)]  # of ta: inside parse() (client and server)
    stable = True
    for r in range(args.repeats):
        for i, art in enumerate(arts):
            if info[i].get("hung"):
                continue
            b_first = r > 0 and (i + r) % 2 == 1
            if b_first:
                d = info[i]
                tb[r][i], _ = run_b(d["lang"], art.text, d["spans"])
            try:
                dt, facts, c, asked, sent = run_a(art)
            except Hung as e:
                hung.append(where(e, i, art))
                info[i] = {"hung": True, "lang": seen[-1].lang if seen else "?"}
                continue
            ta[r][i] = dt
            tp[r][i] = times_in_parse[-1]
            if r == 0:
                info[i] = {
                    "lang": c.lang,
                    "spans": [(s.start, s.end) for s in c.sents],
                    "words": len(art.text.split()),
                    "sents": len(c.sents),
                    "asked": asked,
                    "parsed": sent,
                    "digest": digest(facts),
                }
            else:
                stable = stable and info[i]["digest"] == digest(facts) and info[i]["parsed"] == sent
            if not b_first:
                d = info[i]
                tb[r][i], n = run_b(d["lang"], art.text, d["spans"])
                if r == 0:
                    d["all_parsed"] = n

    def row(idx: list[int]) -> dict:
        n = len(idx)
        rates_a = [n / sum(ta[r][i] for i in idx) for r in range(args.repeats)]
        rates_b = [n / sum(tb[r][i] for i in idx) for r in range(args.repeats)]
        sents = sum(info[i]["sents"] for i in idx)
        parsed = sum(info[i]["parsed"] for i in idx)
        return {
            "articles": n,
            "words_median": statistics.median(info[i]["words"] for i in idx),
            "sentences_per_article": sents / n,
            "parsed_per_article": parsed / n,
            "share_parsed": parsed / sents,
            "cache_hits": sum(info[i]["asked"] - info[i]["parsed"] for i in idx),
            "extract_per_s": statistics.median(rates_a),
            "extract_min": min(rates_a),
            "extract_max": max(rates_a),
            "extract_ms_median": statistics.median(ta[r][i] * 1000 for r in range(args.repeats) for i in idx),
            "parse_all_per_s": statistics.median(rates_b),
            "parse_all_min": min(rates_b),
            "parse_all_max": max(rates_b),
            "ratio": statistics.median(a / b for a, b in zip(rates_a, rates_b)),
            "share_time_in_parser": sum(tp[r][i] for r in range(args.repeats) for i in idx)
            / sum(ta[r][i] for r in range(args.repeats) for i in idx),
        }

    ok = [i for i, d in enumerate(info) if not d.get("hung")]
    langs = sorted({info[i]["lang"] for i in ok})
    rows = {lang: row([i for i in ok if info[i]["lang"] == lang]) for lang in langs}
    rows["all"] = row(ok)
    out = {
        "rows": rows,
        "repeats": args.repeats,
        "cpu": args.cpu,
        "affinity": sorted(os.sched_getaffinity(0)),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "stable": stable,
        "digests": [d.get("digest") for d in info],
        "hung": hung,
        "hang_s": HANG_S,
        "warm_hang_s": WARM_HANG_S,
        "warmup_s": warm_s,
        "parse_all_sentences_sent": sum(d.get("all_parsed", 0) for d in info),
    }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
