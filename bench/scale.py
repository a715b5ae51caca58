#!/usr/bin/env python3
"""The scale benchmark (not in CI): the bulk import at size, the stored questions on the graph it
leaves, the transactional writer as the baseline, and Spark extraction per core; ratios within
one run.

    bench/scale.py --compress --out scale.json     # the issue's sizes (the defaults): many hours on 2 cores
    bench/scale.py --import-articles 100000 --load-articles 200 --writer-articles 5000 \\
        --spark-articles 200 --compress --out scale.json     # what fits in an hour here
    bench/scale.py --import-articles 0 --load-articles 0 --spark-articles 20000   # one step alone: Spark

In the order of the run (each step logs how far along it is; ``--out`` gets the results after
every step, so a run cut short keeps what it measured):

- ``--jobs-compare N``: the CSV writing of ``relgraph import --bulk`` on N articles with one
  process and with ``--jobs`` processes (default: the cores): seconds of each and the speed-up.
- A bulk import of ``--import-articles`` articles' extraction output, written directly as
  extraction JSON (the extraction of ``--base`` real-length articles, each copy given its own
  text id, document and publication day, undated meetings per article), so the run takes
  minutes: time split into CSV writing (``--jobs`` processes) and neo4j-admin, peak RSS of each,
  CSV and store size, then the server's restart, the constraints (their indexes populated), the
  other indexes until online, and finish.cypher, each timed. The input and CSV files are deleted once imported (``--compress`` gzips
  them: a fifth of the disk).
- Every stored question's p50/p95 (``--repeats`` runs each) on the imported graph.
- As the baseline, the transactional writer (``graph.write.write_articles``, 100 articles a
  transaction, as ``relgraph load``) on ``--writer-articles`` of the same objects: articles/s,
  and the import's speed-up per article.
- The end-to-end baseline ``relgraph load --workers 2`` (extraction and writer) of
  ``--load-articles`` real-length articles, in a fresh store: articles/s.
- Spark extraction of ``--spark-articles`` real-length articles (``bench/generate.py --words
  260``) on ``local[1]`` and ``local[2]``: articles/s, per core, and the scaling efficiency (rate
  on 2 / (2 x rate on 1)). It uses ``RELGRAPH_PARSER_URL`` when set, else the parser server of
  ``RELGRAPH_HOME``.

Every step records the machine's load average (1 minute; mean and highest, sampled every 10 s):
on a shared machine the absolute rates say as much about the others as about relgraph.

It runs its own Neo4j (the project's local server under a temporary RELGRAPH_HOME on ports
7691/7478, or ``--bolt-port``/``--http-port``; jars copied from RELGRAPH_HOME or
~/.local/share/relgraph) and deletes it afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from importlib.machinery import SourceFileLoader
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def real_length(work: Path, n: int) -> Path:
    out = work / f"real-{n}.jsonl"
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(n), "--words", "260", "-o", str(out), "--seed", "11"],
        check=True,
        capture_output=True,
    )
    return out


class Load:
    """The machine's 1-minute load average during a step: sampled every 10 s."""

    def __init__(self):
        self.samples = [os.getloadavg()[0]]
        self.stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while not self.stop.wait(10):
            self.samples.append(os.getloadavg()[0])

    def done(self) -> dict:
        self.stop.set()
        self.samples.append(os.getloadavg()[0])
        return {"mean": round(sum(self.samples) / len(self.samples), 1), "max": round(max(self.samples), 1)}


class Peak:
    """Peak memory, polled every half second: the resident memory of the process whose command
    line holds ``name``, or (no name) the proportional set size of this process and its children
    together (forked children share the parent's pages: their RSS would count them twice)."""

    def __init__(self, name: str | None = None):
        self.name, self.peak = name, 0
        self.stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    @staticmethod
    def _kb(p: Path, file: str, field: str) -> int:
        for line in (p / file).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) * 1024
        return 0

    def _run(self):
        me = str(os.getpid())
        while not self.stop.is_set():
            total = 0
            for p in Path("/proc").iterdir():
                if not p.name.isdigit():
                    continue
                try:
                    if self.name is not None:
                        if self.name.encode() in (p / "cmdline").read_bytes():
                            total = max(total, self._kb(p, "status", "VmRSS:"))
                    elif p.name == me or (p / "stat").read_text().rsplit(")", 1)[1].split()[1] == me:
                        total += self._kb(p, "smaps_rollup", "Pss:")
                except (OSError, IndexError):
                    pass
            self.peak = max(self.peak, total)
            self.stop.wait(0.5)

    def done(self) -> int:
        self.stop.set()
        return round(self.peak / 2**20)


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# -- the synthetic archive --------------------------------------------------------------------
class Synthetic:
    """Extraction objects by the million: copies of ``base`` (extraction JSON of real-length
    articles) under new text ids and documents, each copy of an article published a day earlier
    than the one before (over ten years), undated meetings per article (dated ones would merge
    across copies). Made by string substitution in one JSON template per base article."""

    def __init__(self, base: list[dict]):
        self.templates, self.published = [], []
        for d in base:
            pub = d["article"].get("published")
            self.published.append(dt.date.fromisoformat(pub[:10]) if pub else None)
            d = json.loads(json.dumps(d))
            d["article"].update(id="@ID@", doc="@DOC@", path=None, published="@PUB@")
            for m in d["meetings"]:
                m["date"] = None
            self.templates.append(json.dumps(d, ensure_ascii=False))

    def line(self, i: int) -> str:
        b = i % len(self.templates)
        pub = self.published[b]
        day = (pub - dt.timedelta(days=(i // len(self.templates)) % 3650)).isoformat() if pub else None
        text = self.templates[b].replace('"@ID@"', f'"sha256:{i:064x}"').replace('"@DOC@"', f'"bench://{i}"')
        return text.replace('"@PUB@"', json.dumps(day))

    def write(self, path: Path, n: int, what: str) -> None:
        opener = gzip.open if path.name.endswith(".gz") else open
        step = max(1, n // 10)
        with opener(path, "wt", encoding="utf-8", **({"compresslevel": 1} if opener is gzip.open else {})) as f:
            for i in range(n):
                f.write(self.line(i) + "\n")
                if (i + 1) % step == 0:
                    log(f"  {what}: {i + 1}/{n} extraction objects written")


# -- the steps --------------------------------------------------------------------------------
def bench_jobs(work: Path, synth: Synthetic, n: int, jobs: int, compress: bool) -> dict:
    from relgraph.bulk import write_files

    src = work / f"compare.jsonl{'.gz' if compress else ''}"
    synth.write(src, n, "compare input")
    out: dict = {"articles": n}
    for j in (1, jobs):
        log(f"CSV files of {n} articles with {j} process(es) ...")
        load, t = Load(), time.perf_counter()
        write_files([str(src)], work / f"compare-{j}", echo=log, jobs=j, compress=compress)
        secs = time.perf_counter() - t
        out[f"jobs_{j}"] = {"seconds": round(secs, 1), "articles_per_s": round(n / secs, 1), "load": load.done()}
        shutil.rmtree(work / f"compare-{j}", ignore_errors=True)
    src.unlink()
    out["speedup"] = round(out["jobs_1"]["seconds"] / out[f"jobs_{jobs}"]["seconds"], 2)
    return out


def bench_import(
    work: Path, server, settings, synth: Synthetic, n: int, jobs: int, compress: bool, res: dict, save
) -> tuple:
    """The import's figures go into ``res`` step by step (``save`` after each): a run cut short
    keeps its CSV step's."""
    from relgraph.bulk import write_files
    from relgraph.graph import schema
    from relgraph.graph.bulk import finish
    from relgraph.graph.connect import connect

    src = work / f"extracted.jsonl{'.gz' if compress else ''}"
    log(f"bulk import of {n} articles: writing their extraction output ...")
    t = time.perf_counter()
    synth.write(src, n, "import input")
    gen_secs = time.perf_counter() - t
    log(f"bulk import of {n} articles: CSV files with {jobs} processes ...")
    load, peak = Load(), Peak()
    t = time.perf_counter()
    report, files = write_files([str(src)], work / "csv", echo=log, jobs=jobs, compress=compress)
    csv_secs = time.perf_counter() - t
    csv_rss, csv_load = peak.done(), load.done()
    input_mb, csv_mb = round(src.stat().st_size / 2**20), round(du(work / "csv") / 2**20)
    src.unlink()
    res.update(
        articles=report.articles,
        nodes=sum(report.nodes.values()),
        edges=sum(report.edges.values()),
        jobs=jobs,
        compressed=compress,
        input_seconds=round(gen_secs, 1),
        input_mb=input_mb,
        csv_seconds=round(csv_secs, 1),
        csv_articles_per_s=round(report.articles / csv_secs, 1),
        csv_peak_rss_mb=csv_rss,
        csv_load=csv_load,
        csv_mb=csv_mb,
    )
    log(f"CSV step: {json.dumps(res)}")
    save()
    server.stop()
    log("neo4j-admin database import full ...")
    load, peak = Load(), Peak("org.neo4j.cli.AdminTool")
    last = [0.0]

    admin_out = open(work.parent / f"{work.name}-admin.log", "w", encoding="utf-8")  # kept: all its lines

    def admin_log(line: str) -> None:  # its progress, at most a line every 15 s
        admin_out.write(line + "\n")
        admin_out.flush()
        if time.monotonic() - last[0] > 15 or "IMPORT DONE" in line or "Imported" in line:
            last[0] = time.monotonic()
            log("  neo4j-admin: " + line.strip()[:160])

    t = time.perf_counter()
    server.admin("database", "import", "full", "neo4j", *files.arguments(), echo=admin_log)
    admin_secs = time.perf_counter() - t
    admin_rss, admin_load = peak.done(), load.done()
    shutil.rmtree(work / "csv", ignore_errors=True)
    store_mb = round(du(server.data / "databases" / "neo4j") / 2**20)
    log("starting the server again, constraints and indexes, finish.cypher ...")
    load = Load()
    t = t0 = time.perf_counter()
    server.start(echo=log)
    driver_cm = connect(settings)
    driver = driver_cm.__enter__()
    steps = {"restart_seconds": time.perf_counter() - t}
    t = time.perf_counter()
    schema.install(driver)  # the constraints' indexes are populated before it returns
    steps["constraints_indexes_seconds"] = time.perf_counter() - t
    t = time.perf_counter()
    finish(driver, files)
    steps["finish_cypher_seconds"] = time.perf_counter() - t
    log("waiting for the indexes to come online ...")
    t = time.perf_counter()
    schema.await_indexes(driver, echo=lambda line: log("  " + line), poll_s=10)  # questions after, as the import does
    steps["indexes_online_seconds"] = time.perf_counter() - t
    finish_secs = time.perf_counter() - t0
    res.update({k: round(v, 1) for k, v in steps.items()}, schema_load=load.done())
    total = csv_secs + admin_secs + finish_secs
    res.update(
        {
            "admin_seconds": round(admin_secs, 1),
            "admin_articles_per_s": round(report.articles / admin_secs, 1),
            "admin_peak_rss_mb": admin_rss,
            "admin_load": admin_load,
            "restart_schema_seconds": round(finish_secs, 1),  # restart, schema, finish.cypher, indexes online
            "seconds": round(total, 1),
            "articles_per_s": round(report.articles / total, 1),
            "store_mb": store_mb,
            "store_kb_per_article": round(store_mb * 1024 / max(1, report.articles), 1),
        }
    )
    return res, driver, driver_cm


def bench_questions(driver, repeats: int, timeout: float) -> dict:
    """Each stored question ``repeats`` times after one untimed run; a question past ``timeout``
    seconds (a transaction timeout the server enforces) is recorded as timed out and not run again."""
    import neo4j
    from neo4j.exceptions import Neo4jError

    from relgraph import cypher

    bench = SourceFileLoader("bench_run", str(HERE / "run")).load_module()
    params = bench.query_params(driver)
    load = Load()
    out: dict = {}
    for k, (name, p) in enumerate(params.items(), 1):
        q = neo4j.Query(cypher.get(name).text, metadata={"relgraph_query": name}, timeout=timeout)
        ts = []
        try:
            with driver.session(default_access_mode=neo4j.READ_ACCESS) as s:
                s.run(q, p).consume()  # plan cache (and the page cache, for the first run)
                for _ in range(repeats):
                    t = time.perf_counter()
                    s.run(q, p).consume()
                    ts.append((time.perf_counter() - t) * 1000)
        except Neo4jError as e:
            if not any(w in (e.code or "") for w in ("TimedOut", "Terminated")):
                raise
            out[name] = {"timed_out_s": timeout, "runs_before": len(ts)}
            log(f"  question {k}/{len(params)} {name}: timed out after {timeout:.0f} s")
            continue
        out[name] = {"p50_ms": round(bench.pct(ts, 50), 1), "p95_ms": round(bench.pct(ts, 95), 1)}
        log(f"  question {k}/{len(params)} {name}: p50 {out[name]['p50_ms']} ms, p95 {out[name]['p95_ms']} ms")
    return {"repeats": repeats, "timeout_s": timeout, "questions": out, "load": load.done()}


def bench_writer(driver, synth: Synthetic, n: int, budget: float | None) -> dict:
    from relgraph import extracted
    from relgraph.graph import schema
    from relgraph.graph.write import write_articles
    from relgraph.loaders.resolve import resolve_article

    schema.install(driver)
    load = Load()
    step = max(100, n // 10 // 100 * 100)
    t = time.perf_counter()
    done = 0
    for i in range(0, n, 100):
        docs = [resolve_article(extracted.facts(json.loads(synth.line(j)))) for j in range(i, min(n, i + 100))]
        write_articles(driver, docs)
        done += len(docs)
        if done % step == 0 or done == n:
            log(f"  writer: {done}/{n} articles ({done / (time.perf_counter() - t):.0f}/s)")
        if budget and time.perf_counter() - t > budget:
            log(f"  writer: stopped at {done} articles, past the budget of {budget:.0f} s")
            break
    secs = time.perf_counter() - t
    return {
        "articles": done,
        "asked": n,
        "seconds": round(secs, 1),
        "articles_per_s": round(done / secs, 1),
        "load": load.done(),
    }


def bench_load(work: Path, n: int, workers: int = 2) -> dict:
    """``relgraph load --workers N`` of ``n`` real-length articles into the benchmark's server (the
    environment names it), as a user runs it: extraction and writer together."""
    corpus = real_length(work, n)
    log(f"baseline: relgraph load --workers {workers} of {n} real-length articles ...")
    load, t = Load(), time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "relgraph", "load", "--quiet", "--workers", str(workers), str(corpus)],
        capture_output=True,
        text=True,
    )
    secs = time.perf_counter() - t
    if run.returncode not in (0, 1):
        raise RuntimeError((run.stderr.strip().splitlines() or ["relgraph load failed"])[-1])
    return {
        "articles": n,
        "workers": workers,
        "seconds": round(secs, 1),
        "articles_per_s": round(n / secs, 2),
        "summary": run.stdout.strip()[-300:],
        "load": load.done(),
    }


def bench_spark(work: Path, n: int) -> dict:
    corpus = real_length(work, n)
    res: dict = {"articles": n}
    for cores in (1, 2):
        out = work / f"spark-{cores}"
        log(f"Spark extraction of {n} real-length articles on local[{cores}] ...")
        load, t = Load(), time.perf_counter()
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "relgraph",
                "spark",
                "extract",
                str(corpus),
                str(out),
                "--master",
                f"local[{cores}]",
            ],
            capture_output=True,
            text=True,
        )
        secs = time.perf_counter() - t
        if run.returncode not in (0, 1):
            raise RuntimeError(run.stderr.strip().splitlines()[-1])
        res[f"local[{cores}]"] = {
            "seconds": round(secs, 1),
            "articles_per_s": round(n / secs, 2),
            "per_core": round(n / secs / cores, 2),
            "summary": run.stdout.strip(),
            "load": load.done(),
        }
    r1, r2 = res["local[1]"]["articles_per_s"], res["local[2]"]["articles_per_s"]
    res["scaling_efficiency"] = round(r2 / (2 * r1), 2)
    return res


def main(argv=None) -> int:
    from relgraph.bulk import default_jobs

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--import-articles", type=int, default=1_000_000)
    ap.add_argument("--jobs", type=int, default=default_jobs(), help="CSV processes (default: the cores)")
    ap.add_argument("--jobs-compare", type=int, default=0, metavar="N", help="1 against --jobs processes on N")
    ap.add_argument("--compress", action="store_true", help="gzip the import's input and CSV files")
    ap.add_argument("--repeats", type=int, default=20, help="runs of each stored question")
    ap.add_argument("--question-timeout", type=float, default=60, help="seconds; a slower question is recorded as such")
    ap.add_argument("--bolt-port", default="7691", help="the benchmark's own Neo4j (default 7691)")
    ap.add_argument("--http-port", default="7478", help="(default 7478)")
    ap.add_argument("--writer-articles", type=int, default=0, help="the writer alone on N of the copies")
    ap.add_argument("--load-articles", type=int, default=100_000, help="relgraph load --workers 2 of N articles")
    ap.add_argument("--writer-budget", type=float, help="stop the writer after this many seconds")
    ap.add_argument("--spark-articles", type=int, default=20_000)
    ap.add_argument("--base", type=int, default=40, help="real-length articles extracted as the copies' base")
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--work", help="folder for the temporary files (default: the system's)")
    ap.add_argument("--out", help="write the results here too, after every step")
    args = ap.parse_args(argv)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its Neo4j (finally)
    work = Path(tempfile.mkdtemp(prefix="relgraph-scale-", dir=args.work))
    results: dict = {"cpus": os.cpu_count(), "started": time.strftime("%Y-%m-%d %H:%M:%S %Z")}

    def save():
        if args.out:
            Path(args.out).write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    server = driver_cm = None
    user_home = Path(os.environ.get("RELGRAPH_HOME") or os.path.expanduser("~/.local/share/relgraph"))
    try:
        from relgraph.pipeline import extract_paths

        log(f"extracting {args.base} real-length articles as the copies' base ...")
        synth = Synthetic(
            [f.to_json() for f in extract_paths([str(real_length(work, args.base))]) if hasattr(f, "to_json")]
        )
        if args.jobs_compare:
            results["csv_jobs"] = bench_jobs(work, synth, args.jobs_compare, args.jobs, args.compress)
            log(f"CSV writing: {results['csv_jobs']['speedup']}x with {args.jobs} processes")
            save()

        user_env = {
            k: os.environ.get(k) for k in ("RELGRAPH_HOME", "RELGRAPH_BOLT_PORT", "RELGRAPH_HTTP_PORT", "NEO4J_URI")
        }
        os.environ.update(
            RELGRAPH_HOME=str(work / "home"), RELGRAPH_BOLT_PORT=args.bolt_port, RELGRAPH_HTTP_PORT=args.http_port
        )
        os.environ.pop("NEO4J_URI", None)
        from relgraph.graph.connect import connect
        from relgraph.graph.server import LocalServer
        from relgraph.settings import Settings

        def fresh_server():
            """The benchmark's server in an empty home (its jars copied from the user's)."""
            shutil.rmtree(work / "home", ignore_errors=True)
            server = LocalServer.default()
            src = LocalServer(home=user_home).lib
            if src.exists():
                server.neo4j_home.mkdir(parents=True)
                shutil.copytree(src, server.lib)
            log("starting the benchmark's Neo4j ...")
            server.start(echo=log)
            return server

        need = args.import_articles * (24 if args.compress else 36) * 1024  # store ~19 KB an article, CSV the rest
        free = shutil.disk_usage(work).free
        if need > free:
            raise SystemExit(
                f"the import of {args.import_articles} articles needs about {need / 2**30:.1f} GB of disk "
                f"and {work} has {free / 2**30:.1f} GB free: fewer --import-articles, --compress, or --work elsewhere"
            )
        if args.import_articles:  # 0: only the baselines and Spark (each step can be run alone)
            server = fresh_server()
            settings = Settings(uri=server.bolt_uri, password=server.password())

            results["import"] = {}
            _, driver, driver_cm = bench_import(
                work, server, settings, synth, args.import_articles, args.jobs, args.compress, results["import"], save
            )
            log(f"imported: {json.dumps(results['import'])}")
            save()
            log(f"stored questions on the {args.import_articles}-article graph, {args.repeats} runs each ...")
            results["questions"] = bench_questions(driver, args.repeats, args.question_timeout)
            save()
            driver_cm.__exit__(None, None, None)
            driver_cm = None
            server.stop()
        if args.writer_articles:  # in a new store: the imported one's disk back first
            server = fresh_server()
            settings = Settings(uri=server.bolt_uri, password=server.password())
            driver_cm = connect(settings)
            driver = driver_cm.__enter__()
            log(f"baseline: the transactional writer on {args.writer_articles} articles ...")
            results["writer"] = bench_writer(driver, synth, args.writer_articles, args.writer_budget)
            if "import" in results:
                results["speedup_per_article"] = round(
                    results["import"]["articles_per_s"] / results["writer"]["articles_per_s"], 1
                )
            save()
            driver_cm.__exit__(None, None, None)
            driver_cm = None
            server.stop()
        if args.load_articles:  # the end-to-end baseline, in a new store
            server = fresh_server()
            results["load"] = bench_load(work, args.load_articles)
            if "import" in results:
                results["speedup_vs_load"] = round(
                    results["import"]["articles_per_s"] / results["load"]["articles_per_s"], 1
                )
            save()
            server.stop()
        shutil.rmtree(work / "home", ignore_errors=True)  # the store: its disk, before Spark
        for k, v in user_env.items():  # Spark as the user runs it
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        if not args.skip_spark:
            results["spark"] = bench_spark(work, args.spark_articles)
            save()
    finally:
        if driver_cm is not None:
            driver_cm.__exit__(None, None, None)
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
        results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
        save()
    print(json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
