#!/usr/bin/env python3
"""The scale benchmark (not in CI): Spark extraction per core, and the bulk import against the
transactional writer, as ratios within one run.

    bench/scale.py  (or bench/run --scale)            # defaults below, about 15 minutes on 2 cores
    bench/scale.py --spark-articles 20000 --import-articles 1000000 --writer-articles 100000

- Spark extraction of real-length articles (``bench/generate.py --words 260``) on ``local[1]`` and
  ``local[2]``: articles/s, per core, and the scaling efficiency (rate on 2 / (2 x rate on 1)).
  It uses ``RELGRAPH_PARSER_URL`` when set, else the parser server of ``RELGRAPH_HOME``.
- A bulk import of N articles' extraction output, written directly as extraction JSON (the
  extraction of a few real-length articles, each copy given its own text id, document, meetings
  and quotes' article), so the run takes minutes: time split into CSV writing and neo4j-admin,
  peak RSS of each, store size; then every stored question's p50/p95 on the imported graph.
- As the baseline, the transactional writer (``graph.write.write_articles``, 100 articles a
  transaction, as ``relgraph load``) on M of the same objects: articles/s, and the import's
  speed-up per article.

It runs its own Neo4j (the project's local server under a temporary RELGRAPH_HOME on ports
7691/7478, jars copied from RELGRAPH_HOME or ~/.local/share/relgraph) and deletes it afterwards.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import resource
import shutil
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


def bench_spark(work: Path, n: int) -> dict:
    corpus = real_length(work, n)
    res = {"articles": n}
    for cores in (1, 2):
        out = work / f"spark-{cores}"
        t = time.perf_counter()
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
        }
    r1, r2 = res["local[1]"]["articles_per_s"], res["local[2]"]["articles_per_s"]
    res["scaling_efficiency"] = round(r2 / (2 * r1), 2)
    return res


def synthetic(base: list[dict], n: int):
    """n extraction objects: copies of ``base`` under new text ids and documents."""
    for i in range(n):
        d = copy.deepcopy(base[i % len(base)])
        art = f"sha256:{i:064x}"
        d["article"]["id"] = art
        d["article"]["doc"] = f"bench://{i}"
        d["article"]["path"] = None
        for m in d["meetings"]:  # undated meetings are per article; dated ones merge across copies
            m["date"] = None
        yield d


class Peak:
    """Peak RSS of a process tree's children, polled."""

    def __init__(self):
        self.peak, self.stop = 0, False

    def watch(self, name: str) -> None:
        def run():
            while not self.stop:
                for p in Path("/proc").iterdir():
                    if p.name.isdigit():
                        try:
                            if name.encode() in (p / "cmdline").read_bytes():
                                for line in (p / "status").read_text().splitlines():
                                    if line.startswith("VmRSS:"):
                                        self.peak = max(self.peak, int(line.split()[1]) * 1024)
                        except OSError:
                            pass
                time.sleep(0.5)

        threading.Thread(target=run, daemon=True).start()


def du(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--spark-articles", type=int, default=200)
    ap.add_argument("--import-articles", type=int, default=100_000)
    ap.add_argument("--writer-articles", type=int, default=5_000)
    ap.add_argument("--base", type=int, default=40, help="real-length articles extracted as the copies' base")
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="relgraph-scale-"))
    results: dict = {"cpus": os.cpu_count()}
    server = None
    user_home = Path(os.environ.get("RELGRAPH_HOME") or os.path.expanduser("~/.local/share/relgraph"))
    try:
        if not args.skip_spark:
            log(f"Spark extraction of {args.spark_articles} real-length articles on local[1] and local[2] ...")
            results["spark"] = bench_spark(work, args.spark_articles)
        from relgraph.pipeline import extract_paths

        base = [f.to_json() for f in extract_paths([str(real_length(work, args.base))]) if hasattr(f, "to_json")]
        os.environ.update(RELGRAPH_HOME=str(work / "home"), RELGRAPH_BOLT_PORT="7691", RELGRAPH_HTTP_PORT="7478")
        os.environ.pop("NEO4J_URI", None)
        from relgraph.bulk import write_files
        from relgraph.graph import schema
        from relgraph.graph.connect import connect
        from relgraph.graph.server import LocalServer
        from relgraph.graph.write import write_articles
        from relgraph.settings import Settings

        server = LocalServer.default()
        src = LocalServer(home=user_home).lib
        if src.exists():
            server.neo4j_home.mkdir(parents=True)
            shutil.copytree(src, server.lib)
        log("starting the benchmark's Neo4j ...")
        server.start(echo=log)
        settings = Settings(uri=server.bolt_uri, password=server.password())

        # the baseline: the transactional writer, 100 articles a transaction
        with connect(settings) as driver:
            schema.install(driver)
            docs = list(synthetic(base, args.writer_articles))
            log(f"baseline: the transactional writer on {len(docs)} articles ...")
            t = time.perf_counter()
            for i in range(0, len(docs), 100):
                write_articles(driver, docs[i : i + 100])
            secs = time.perf_counter() - t
            results["writer"] = {
                "articles": len(docs),
                "seconds": round(secs, 1),
                "articles_per_s": round(len(docs) / secs, 1),
            }
            schema.clear(driver)

        # the bulk import
        src_file = work / "extracted.jsonl"
        with open(src_file, "w", encoding="utf-8") as f:
            for d in synthetic(base, args.import_articles):
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        log(f"bulk import of {args.import_articles} articles: CSV files ...")
        t = time.perf_counter()
        report, files = write_files([str(src_file)], work / "csv", echo=log)
        csv_secs = time.perf_counter() - t
        csv_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        server.stop()
        peak = Peak()
        peak.watch("org.neo4j.cli.AdminTool")
        log("neo4j-admin database import full ...")
        t = time.perf_counter()
        server.admin("database", "import", "full", "neo4j", *files.arguments(), echo=None)
        admin_secs = time.perf_counter() - t
        peak.stop = True
        t = time.perf_counter()
        server.start(echo=log)
        with connect(settings) as driver:
            schema.install(driver)
            from relgraph.graph.bulk import finish

            finish(driver, files)
            finish_secs = time.perf_counter() - t
            total = csv_secs + admin_secs + finish_secs
            results["import"] = {
                "articles": report.articles,
                "nodes": sum(report.nodes.values()),
                "edges": sum(report.edges.values()),
                "csv_seconds": round(csv_secs, 1),
                "admin_seconds": round(admin_secs, 1),
                "restart_schema_seconds": round(finish_secs, 1),
                "seconds": round(total, 1),
                "articles_per_s": round(report.articles / total, 1),
                "csv_peak_rss_mb": round(csv_rss / 2**20),
                "admin_peak_rss_mb": round(peak.peak / 2**20),
                "csv_mb": round(du(work / "csv") / 2**20),
                "store_mb": round(du(server.data / "databases" / "neo4j") / 2**20),
            }
            results["speedup_per_article"] = round(
                results["import"]["articles_per_s"] / results["writer"]["articles_per_s"], 1
            )
            log("stored questions on the imported graph ...")
            bench = SourceFileLoader("bench_run", str(HERE / "run")).load_module()
            results["queries"] = bench.bench_queries(driver, 20)
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(results, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
