"""Extraction as a Spark job: documents in, one ``relgraph.article/1`` row per article out.

The executors run the same code as ``relgraph extract`` (``loaders.read`` to read a file or a JSON
Lines line, ``relgraph.pipeline.extract_article`` to extract), so the output is identical; a
document that cannot be read or extracted becomes an error row with the reason, never a failed
task. Output: JSON Lines (a folder of part files; each line what ``relgraph extract`` prints, or
``{"error", "doc"}``) or Parquet (columns ``doc, id, json, error``: see ``relgraph.extracted``).
``relgraph import --bulk`` reads both.

The parser: en/fr/de/es extraction parses sentences with a CoreNLP server. Each executor reaches
``RELGRAPH_PARSER_URL`` when it is set (copied to the executors' environment), else starts the
managed parser server of its node's ``RELGRAPH_HOME`` on first need, under that home's lock: the
executors of one machine share one server, and a cluster needs no shared service.

Install: ``pip install 'relgraph[spark]'`` (PySpark 3.5, on Java 17).
On a cluster, the executors need the same environment (see README "Large archives").

Incremental writes into a running Neo4j (``write_neo4j``, ``relgraph spark write``) go through the
Neo4j Connector for Apache Spark, which runs on Spark 3.5.9 for Scala 2.13 fetched with Maven
(``install_connector``, ``relgraph spark install``; see relgraph/data/spark/pom.xml for why).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from relgraph.errors import RelgraphError

_ENV = ("RELGRAPH_PARSER_URL", "RELGRAPH_PARSER_PORT", "RELGRAPH_PARSER_HOME", "RELGRAPH_HOME")


class SparkError(RelgraphError):
    """PySpark missing, or a job that cannot start."""


_started_home: Path | None = None  # the Spark whose JVM this process started (None: the wheel's)


def _pyspark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkError("the Spark job needs PySpark: pip install 'relgraph[spark]'") from None


def session(
    master: str | None = None, app: str = "relgraph", packages: Iterable[str] = (), spark_home: Path | None = None
):
    """A SparkSession: ``master`` when given, ``local[*]`` when run outside spark-submit, else
    whatever spark-submit set. The parser settings travel to the executors' environment.
    ``spark_home``: the Spark to start (``install_connector``'s, for ``write_neo4j``) instead of the
    pyspark wheel's own; a process starts one JVM, so it must be the first session started."""
    _pyspark()
    from pyspark import SparkContext
    from pyspark.sql import SparkSession

    global _started_home
    if SparkContext._gateway is None:  # the first session of this process starts the JVM
        _started_home = spark_home
        if spark_home is not None:
            os.environ["SPARK_HOME"] = str(spark_home)
    elif spark_home is not None and _started_home != spark_home:
        raise SparkError(
            "this Python process started Spark on the pyspark wheel's jars, without the Neo4j "
            "connector; write to Neo4j from a process of its own (relgraph spark write)"
        )

    b = SparkSession.builder.appName(app)
    if master or "PYSPARK_GATEWAY_PORT" not in os.environ:  # not launched by spark-submit
        master = master or "local[*]"
        b = b.master(master)
        if master.startswith("local"):
            # the Python workers run this interpreter (with relgraph installed), not the PATH's
            os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
            b = b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
    for name in _ENV:
        if os.environ.get(name):
            b = b.config(f"spark.executorEnv.{name}", os.environ[name])
    packages = list(packages)
    if packages:
        b = b.config("spark.jars.packages", ",".join(packages))
    return b.getOrCreate()


# -- on the executors ---------------------------------------------------------------------------
def _row(item) -> tuple:
    """(doc, id, json, error) of one work item: ("file", path) or ("line", path, n, text)."""
    from relgraph.errors import BadArticle
    from relgraph.pipeline import _extract_item
    from relgraph.loaders.read import jsonl_line, read_file

    where = item[1] if item[0] == "file" else f"{item[1]}:{item[2]}"
    try:
        art = read_file(item[1]) if item[0] == "file" else jsonl_line(item[3].encode("utf-8"), item[1], item[2])
    except BadArticle as e:
        return (where, None, None, str(e))
    except Exception as e:  # an unreadable document is an error row, never a failed task
        return (where, None, None, f"{where}: cannot be read ({type(e).__name__}: {e})")
    if isinstance(art, BadArticle):
        return (where, None, None, str(art))
    try:
        facts = _extract_item(art)
    except Exception as e:  # _extract_item catches rule failures; this is the parser being unreachable
        return (art.doc, art.id, None, f"{art.path or art.doc}: extraction failed ({type(e).__name__}: {e})")
    if isinstance(facts, BadArticle):
        return (art.doc, art.id, None, str(facts))
    return (art.doc, art.id, json.dumps(facts.to_json(), ensure_ascii=False), None)


def _partition(items: Iterator) -> Iterator[tuple]:
    for item in items:
        yield _row(item)


# -- on the driver ----------------------------------------------------------------------------
def _schema():
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([StructField(c, StringType(), True) for c in ("doc", "id", "json", "error")])


def work_items(spark, inputs: Iterable[str]):
    """An RDD of work items for ``inputs`` (files, folders, globs, as ``relgraph extract`` takes):
    a text or HTML file is one item read by an executor; a JSON Lines file is split by Spark and
    each line is one item (``path:line`` as ``relgraph extract`` names it)."""
    from relgraph.loaders.read import JSONL_SUFFIXES, expand

    sc = spark.sparkContext
    files, bad, rdds = [], [], []
    for path, err in expand(inputs):
        if err:
            bad.append(("error", path, str(err)))
        elif os.path.splitext(path)[1].lower() in JSONL_SUFFIXES:
            lines = sc.textFile(path).zipWithIndex()
            rdds.append(lines.filter(lambda li: li[0].strip()).map(lambda li, p=path: ("line", p, li[1] + 1, li[0])))
        else:
            files.append(("file", path))
    if files:
        rdds.insert(0, sc.parallelize(files, max(1, min(len(files), sc.defaultParallelism * 4))))
    return sc.union(rdds) if rdds else sc.parallelize([], 1), bad


def extract_items(spark, items):
    """The DataFrame (doc, id, json, error) of an RDD of work items."""
    return spark.createDataFrame(items.mapPartitions(_partition), _schema())


def extract_dataframe(df, path_column: str | None = None):
    """Documents as a DataFrame (``text`` plus any of ``title, url, published`` or ``date``,
    ``outlet``, ``id``) to the extraction DataFrame (doc, id, json, error): each row is read as a
    JSON Lines line would be, so ``relgraph extract`` of the same rows as JSON Lines agrees."""
    keep = [c for c in ("text", "title", "url", "published", "date", "outlet", "id") if c in df.columns]
    if "text" not in keep:
        raise SparkError('the documents need a "text" column')
    name = path_column
    rows = df.select(*keep, *([name] if name else [])).rdd.zipWithIndex()

    def item(pair):
        row, i = pair
        obj = {k: row[k] for k in keep if row[k] is not None}
        return (
            "line",
            (row[name] if name else None) or "dataframe",
            i + 1,
            json.dumps(obj, ensure_ascii=False, default=str),
        )

    return extract_items(df.sparkSession, rows.map(item))


@dataclass
class SparkReport:
    articles: int
    failed: int
    output: str

    def summary(self) -> str:
        return f"{self.articles} articles extracted, {self.failed} failed; written to {self.output}"


def run_extract(
    inputs: Iterable[str], output: str, master: str | None = None, fmt: str = "jsonl", echo=None
) -> SparkReport:
    """``relgraph spark extract``: extract ``inputs`` with Spark into ``output`` (a folder)."""
    say = echo or (lambda m: None)
    spark = session(master)
    try:
        items, bad = work_items(spark, inputs)
        say(
            f"Spark {spark.version} on {spark.sparkContext.master}: extracting "
            f"{items.getNumPartitions()} partitions into {output} ({fmt}) ..."
        )
        df = extract_items(spark, items)
        if bad:
            df = df.union(spark.createDataFrame([(p, None, None, e) for _, p, e in bad], _schema()))
        df = df.cache()
        if fmt == "parquet":
            df.write.mode("overwrite").parquet(output)
        else:
            from pyspark.sql import functions as F

            line = F.when(F.col("error").isNull(), F.col("json")).otherwise(
                F.to_json(F.struct(F.col("error"), F.col("doc")))
            )
            df.select(line.alias("value")).write.mode("overwrite").text(output)
        failed = df.filter(df.error.isNotNull()).count()
        total = df.count()
        errors = [r.error for r in df.filter(df.error.isNotNull()).limit(20).collect()]
        for e in errors:
            say(f"Error: {e}")
        return SparkReport(total - failed, failed, output)
    finally:
        spark.stop()


# -- incremental writes into a running Neo4j, through the Neo4j Connector for Apache Spark --------
# pinned in relgraph/data/spark/pom.xml (a unit test checks they agree)
SPARK_VERSION = "3.5.9"
CONNECTOR_VERSION = "5.3.8_for_spark_3"
CONNECTOR_JAR = f"neo4j-connector-apache-spark_2.13-{CONNECTOR_VERSION}.jar"
CONNECTOR_SOURCE = "org.neo4j.spark.DataSource"


def connector_home() -> Path:
    """The Spark of ``write_neo4j``: ``<RELGRAPH_HOME>/spark``, jars/ from Maven, bin/ the wheel's."""
    from relgraph.settings import relgraph_home

    return relgraph_home() / "spark"


def install_connector(*, force: bool = False, echo=None) -> bool:
    """Fetch Spark 3.5.9 for Scala 2.13 and the Neo4j connector with Maven into
    ``connector_home()/jars`` (about 230 MB); False when they were there already. Its bin/ is the
    pyspark wheel's own scripts, which start a JVM on the jars beside them."""
    _pyspark()
    from importlib import resources

    import pyspark

    from relgraph import procs
    from relgraph.graph.server import java_binary

    home = connector_home()
    jars = home / "jars"
    fetched = False
    if force or not (jars / CONNECTOR_JAR).exists():
        java_binary()  # fail early and clearly, before a long download
        home.mkdir(parents=True, exist_ok=True)
        if echo:
            echo(f"fetching Spark {SPARK_VERSION} (Scala 2.13) and the Neo4j connector with Maven into {jars} ...")
        with resources.as_file(resources.files("relgraph") / "data" / "spark" / "pom.xml") as pom:
            procs.maven_fetch(
                pom,
                jars,
                CONNECTOR_JAR,
                "Spark and Neo4j connector",
                235,
                Path.home() / ".m2" / "repository",
                SparkError,
                echo,
            )
        fetched = True
    conf = home / "conf"  # SPARK_CONF_DIR: its log settings
    conf.mkdir(parents=True, exist_ok=True)
    log = (resources.files("relgraph") / "data" / "spark" / "log4j2.properties").read_text(encoding="utf-8")
    if not (conf / "log4j2.properties").exists() or (conf / "log4j2.properties").read_text(encoding="utf-8") != log:
        (conf / "log4j2.properties").write_text(log, encoding="utf-8")
    # the wheel's scripts (spark-submit, spark-class), linked again each time: a new virtualenv moves them
    wheel_bin = Path(pyspark.__file__).parent / "bin"
    link = home / "bin"
    if not (link.is_symlink() and link.resolve() == wheel_bin.resolve()):
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(wheel_bin, target_is_directory=True)
    return fetched


@dataclass
class WriteReport:
    written: int = 0  # new articles, through the connector
    replaced: int = 0  # new versions of documents in the graph, through the writer's transaction
    unchanged: int = 0  # texts the graph holds already
    skipped: int = 0  # older versions of a document in the input, second copies of a text
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    nodes_created: int = 0  # by the resolution of meetings, visits and projects
    rows: dict[str, int] = field(default_factory=dict)  # rows written through the connector, by kind

    def summary(self) -> str:
        return (
            f"{self.written} articles written through the Neo4j connector, {self.replaced} replaced, "
            f"{self.unchanged} unchanged; {self.failed} failed, {self.skipped} skipped (older versions or copies)"
        )


# on the executors: a line or a Parquet row of extraction output, checked as ``relgraph.extracted`` does
def _parsed(item: tuple) -> tuple:
    """(order, where, text) -> (order, where, obj or None, error or None)."""
    from relgraph.extracted import _check

    order, where, text, error = item
    if error is not None or text is None:
        return (order, where, None, error or "no extraction")
    try:
        got = _check(json.loads(text), where)
    except json.JSONDecodeError as e:
        return (order, where, None, f"not JSON ({e.msg})")
    return (order, where, got.doc, got.error)


def _writer_rows(obj: dict) -> list[tuple[str, dict]]:
    """(kind, row) of one article: ``graph.write.rows`` of the record ``relgraph load`` makes."""
    from relgraph.extracted import facts
    from relgraph.graph.write import rows
    from relgraph.loaders.resolve import resolve_article

    return [(kind, row) for kind, rs in rows(resolve_article(facts(obj))).items() for row in rs]


def _extraction(spark, inputs: Iterable[str]):
    """An RDD of (order, where, text, error) over the extraction output under ``inputs`` (JSON
    Lines or Parquet files, or Spark output folders; local paths, or URIs Spark reads), ``order``
    the input order (local paths first)."""
    from relgraph.extracted import _is_parquet, files

    sc = spark.sparkContext
    rdds = []
    inputs = list(inputs)
    remote = [p for p in inputs if "://" in p]  # hdfs://, s3a://: read by Spark, Parquet or else JSON Lines
    local: list = files([p for p in inputs if "://" not in p])
    for n, path in enumerate([*local, *remote]):
        p = str(path)
        if p in remote:
            try:
                df = spark.read.parquet(p).select("json", "error")
            except Exception:  # an AnalysisException: not Parquet (or no such columns)
                df = None
            if df is not None:
                rdd = df.rdd.zipWithIndex()
                rdds.append(rdd.map(lambda ri, n=n, p=p: ((n, ri[1]), f"{p}#{ri[1] + 1}", ri[0][0], ri[0][1])))
                continue
            lines = sc.textFile(p).zipWithIndex().filter(lambda li: li[0].strip())
            rdds.append(lines.map(lambda li, n=n, p=p: ((n, li[1]), f"{p}:{li[1] + 1}", li[0], None)))
            continue
        if _is_parquet(path):
            rdd = spark.read.parquet(p).select("json", "error").rdd.zipWithIndex()
            rdds.append(rdd.map(lambda ri, n=n, p=p: ((n, ri[1]), f"{p}#{ri[1] + 1}", ri[0][0], ri[0][1])))
        else:
            lines = sc.textFile(p).zipWithIndex().filter(lambda li: li[0].strip())
            rdds.append(lines.map(lambda li, n=n, p=p: ((n, li[1]), f"{p}:{li[1] + 1}", li[0], None)))
    return sc.union(rdds) if rdds else sc.parallelize([], 1)


def write_neo4j(spark, inputs: Iterable[str], settings, *, batch_size: int = 1000, echo=None) -> WriteReport:
    """Write the extraction output under ``inputs`` into the running Neo4j of ``settings``: the
    graph ``relgraph load`` of the same articles gives (same natural keys, labels, types and
    properties). ``spark`` must be a session started on ``install_connector``'s Spark
    (``session(spark_home=connector_home())``).

    The executors turn each article into the writer's rows (``graph.write.rows``); each kind of
    row is written by the connector with the writer's own query (``graph.write.connector_queries``),
    ``batch_size`` rows a transaction. Then the driver resolves the new meeting, visit and
    proposal reports into Meeting, Visit and Project nodes with the graph's (``resolve_reports``).
    As with ``relgraph load``, texts the graph holds are left alone, the last version of a
    document wins, and a new version of a document already in the graph replaces the old one
    (those go through the writer's own transaction: the old version's facts must go with it)."""
    from relgraph.graph import bulk, schema
    from relgraph.graph.connect import connect
    from relgraph.graph.write import (
        connector_queries,
        count_written,
        find_written,
        resolve_reports,
        write_articles,
    )
    from relgraph.loaders.resolve import resolve_article
    from relgraph.extracted import facts

    say = echo or (lambda m: None)
    report = WriteReport()
    # a row's nested dicts (a meeting's participants) become structs, which the connector passes as maps
    spark.conf.set("spark.sql.pyspark.inferNestedDictAsStruct.enabled", "true")
    items = _extraction(spark, inputs).map(_parsed).cache()
    for _, where, _, error in items.filter(lambda r: r[2] is None).sortBy(lambda r: r[0]).collect():
        report.failed += 1
        report.errors.append(f"{where}: {error}")
        say(f"Error: {where}: {error}")
    keys = items.filter(lambda r: r[2] is not None).map(
        lambda r: (r[0], r[2]["article"]["id"], r[2]["article"].get("doc") or r[1])
    )
    keys = sorted(keys.collect())
    keep = bulk.select([(i, d) for _, i, d in keys])
    report.skipped = len(keys) - len(keep)
    chosen = [keys[k] for k in sorted(keep)]
    with connect(settings) as driver:
        schema.install(driver, settings.database)
        schema.require_current(driver, settings.database)
        held: dict[str, str] = {}
        for k in range(0, len(chosen), 5000):
            held.update(find_written(driver, [(i, d) for _, i, d in chosen[k : k + 5000]], settings.database))
        report.unchanged = sum(1 for s in held.values() if s == "unchanged")
        new = {o for o, i, _ in chosen if i not in held}
        again = {o for o, i, _ in chosen if held.get(i) == "replaced"}
        say(
            f"{len(chosen)} articles: {len(new)} new, {len(again)} new versions, {report.unchanged} in the graph "
            f"already ({report.failed} failed, {report.skipped} skipped)"
        )
        sc = spark.sparkContext
        new_b = sc.broadcast(new)
        rows = items.filter(lambda r: r[0] in new_b.value).flatMap(lambda r: _writer_rows(r[2])).cache()
        counts = rows.countByKey()
        opts = {
            "url": settings.uri,
            "database": settings.database,
            "batch.size": str(batch_size),
            # nodes many articles share (a state, a leader) are merged by concurrent partitions: a
            # deadlock is a transient error, retried
            "transaction.retries": "20",
            "transaction.retry.timeout": "200",
        }
        if settings.password is not None:
            opts.update(
                {
                    "authentication.type": "basic",
                    "authentication.basic.username": settings.user,
                    "authentication.basic.password": settings.password,
                }
            )
        queries = connector_queries()
        for step, (kind, query) in enumerate(queries, 1):
            n = counts.get(kind, 0)
            report.rows[kind] = n
            say(f"  [{step}/{len(queries)}] {kind}: {n} rows through the Neo4j connector")
            if not n:
                continue
            df = spark.createDataFrame(
                rows.filter(lambda kr, k=kind: kr[0] == k).map(lambda kr: kr[1]), samplingRatio=1.0
            )
            try:
                df.write.format(CONNECTOR_SOURCE).mode("Append").options(**opts).option("query", query).save()
            except Exception as e:  # a Py4JJavaError: the JVM's reason, in one line
                raise SparkError(f"the Neo4j connector could not write the {kind} rows: {_java_reason(e)}") from None
        report.written = len(new)
        # resolution: the new reports with the graph's, on the driver, a slice of articles at a time
        reports = rows.filter(lambda kr: kr[0] in ("meetings", "visits", "proposals")).collect()
        by_article: dict[str, dict[str, list]] = {}
        for kind, row in reports:
            by_article.setdefault(row["article"], {"meetings": [], "visits": [], "proposals": []})[kind].append(row)
        arts = sorted(by_article)
        for k in range(0, len(arts), 200):
            part = [by_article[a] for a in arts[k : k + 200]]
            res = resolve_reports(
                driver,
                [r for p in part for r in p["meetings"]],
                [r for p in part for r in p["visits"]],
                [r for p in part for r in p["proposals"]],
                settings.database,
            )
            report.nodes_created += res.nodes_created
            say(f"  meetings, visits and projects resolved for {min(k + 200, len(arts))}/{len(arts)} articles")
        # the counts the ranked questions read: each new article's share, as the writer adds it (after
        # resolution: an article's share of a place's counts is its reports' TO and HELD_AT edges)
        written = [i for o, i, _ in chosen if o in new]
        for k in range(0, len(written), 1000):
            count_written(driver, written[k : k + 1000], settings.database)
        say(f"  counts of partners and leaders kept for {len(written)} articles")
        # new versions of documents in the graph: the writer's transaction removes the old one's facts
        if again:
            objs = [r[2] for r in sorted(items.filter(lambda r, a=again: r[0] in a).collect())]
            for k in range(0, len(objs), 100):
                write_articles(driver, [resolve_article(facts(o)) for o in objs[k : k + 100]], settings.database)
            report.replaced = len(objs)
            say(f"  {len(objs)} new versions of documents written by the writer's transaction")
        rows.unpersist()
    items.unpersist()
    return report


def _java_reason(e: Exception) -> str:
    """The innermost cause's message of a Java exception raised through Py4J."""
    java = getattr(e, "java_exception", None)
    if java is None:
        return str(e).splitlines()[0] if str(e) else type(e).__name__
    while java.getCause() is not None:
        java = java.getCause()
    return f"{java.getClass().getSimpleName()}: {java.getMessage()}".splitlines()[0][:300]


def run_write(
    inputs: Iterable[str], settings, master: str | None = None, batch_size: int = 1000, echo=None
) -> WriteReport:
    """``relgraph spark write``: fetch the connector's Spark if needed, start it, write ``inputs``.
    Under spark-submit the cluster's Spark is used as it is: give it the connector build of its
    Scala version (``--packages org.neo4j:neo4j-connector-apache-spark_2.13:...``)."""
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ and not master
    if not submitted:
        install_connector(echo=echo)
    spark = session(master, app="relgraph-write", spark_home=None if submitted else connector_home())
    try:
        if echo:
            echo(
                f"Spark {spark.version} (Scala 2.13, Neo4j connector {CONNECTOR_VERSION}) on {spark.sparkContext.master}"
            )
        return write_neo4j(spark, inputs, settings, batch_size=batch_size, echo=echo)
    finally:
        spark.stop()


def main(argv: list[str] | None = None) -> None:
    """``spark-submit .../relgraph/spark.py extract INPUT OUTPUT``: the CLI's ``spark`` group."""
    from relgraph.cli import cli

    cli.main(args=["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="relgraph spark")


if __name__ == "__main__":
    main()
