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
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from relgraph.errors import RelgraphError

_ENV = ("RELGRAPH_PARSER_URL", "RELGRAPH_PARSER_PORT", "RELGRAPH_PARSER_HOME", "RELGRAPH_HOME")


class SparkError(RelgraphError):
    """PySpark missing, or a job that cannot start."""


def _pyspark():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkError("the Spark job needs PySpark: pip install 'relgraph[spark]'") from None


def session(master: str | None = None, app: str = "relgraph", packages: Iterable[str] = ()):
    """A SparkSession: ``master`` when given, ``local[*]`` when run outside spark-submit, else
    whatever spark-submit set. The parser settings travel to the executors' environment."""
    _pyspark()
    from pyspark.sql import SparkSession

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


def main(argv: list[str] | None = None) -> None:
    """``spark-submit .../relgraph/spark.py extract INPUT OUTPUT``: the CLI's ``spark`` group."""
    from relgraph.cli import cli

    cli.main(args=["spark", *(sys.argv[1:] if argv is None else argv)], prog_name="relgraph spark")


if __name__ == "__main__":
    main()
