"""The ``relgraph`` command: a thin click layer over the library.

Each command parses its arguments, calls one library function and formats the result; a
``RelgraphError`` becomes one line on stderr and a non-zero exit code (``--debug`` shows the
traceback). Heavy imports happen inside the commands, so ``relgraph --help`` stays fast.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import shlex
import sys

import click

from relgraph.errors import RelgraphError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except RelgraphError as e:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {e}", err=True)
            ctx.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except (click.exceptions.Exit, click.ClickException, click.Abort, BrokenPipeError):
            raise
        except Exception as e:  # a user never sees a traceback unless --debug asks for it
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from relgraph.graph.connect import describe

            click.echo(f"Error: {describe(e)} (relgraph --debug ... shows the traceback)", err=True)
            ctx.exit(1)


def connection_options(f):
    """--uri/--user/--password/--database, over NEO4J_* and the local server's settings."""

    @click.option("--uri", envvar="NEO4J_URI", help="Bolt URI [env NEO4J_URI; default: the local server]")
    @click.option("--user", envvar="NEO4J_USER", help="user [env NEO4J_USER; default neo4j]")
    @click.option(
        "--password",
        envvar="NEO4J_PASSWORD",
        show_envvar=False,
        help="password [env NEO4J_PASSWORD; default: the local server's]",
    )
    @click.option("--database", envvar="NEO4J_DATABASE", help="database [env NEO4J_DATABASE; default neo4j]")
    @functools.wraps(f)
    def wrapper(*args, uri, user, password, database, **kw):
        from relgraph.settings import Settings

        kw["settings"] = Settings.from_env(uri=uri, user=user, password=password, database=database)
        return f(*args, **kw)

    return wrapper


def format_option(*choices, default="table"):
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True, help="output format"
    )


@click.group(cls=Group, context_settings=CONTEXT)
@click.option("--debug", is_flag=True, help="show tracebacks instead of one-line errors")
@click.version_option(package_name="relgraph")
@click.pass_context
def cli(ctx, debug):
    """relgraph: news articles about relations between states, as a Neo4j graph with the quote
    behind every fact.

    \b
    Example:
      relgraph db start
      relgraph load article.txt
      relgraph query sectors_discussed -p a Russie -p b "North Korea"
    """
    ctx.obj = {"debug": debug}


# -- the local server ------------------------------------------------------------------------
@cli.group(context_settings=CONTEXT)
def db():
    """The local Neo4j 5.26 server (jars from Maven Central, Java 17, 127.0.0.1 only).

    \b
    Example:
      relgraph db start && relgraph db status
    """


def _server():
    from relgraph.graph.server import LocalServer

    return LocalServer.default()


@db.command("install")
@click.option("--force", is_flag=True, help="fetch the jars again")
def db_install(force):
    """Fetch the Neo4j jars with Maven (done by `start` when needed).

    \b
    Example:
      relgraph db install
    """
    s = _server()
    done = s.install(force=force, echo=lambda m: click.echo(m, err=True))
    click.echo(f"Neo4j jars {'installed' if done else 'already installed'} in {s.lib}")


@db.command("start")
@click.option("--timeout", default=180, show_default=True, help="seconds to wait for Bolt")
def db_start(timeout):
    """Start the server (idempotent) and wait until Bolt answers; installs the schema.

    \b
    Example:
      relgraph db start
    """
    from relgraph.graph import schema
    from relgraph.graph.connect import connect
    from relgraph.settings import Settings

    s = _server()
    state = s.start(timeout=timeout, echo=lambda m: click.echo(m, err=True))
    with connect(Settings(uri=s.bolt_uri, password=s.password())) as driver:
        schema.install(driver)
    click.echo(f"Neo4j {state}: {s.bolt_uri}  Browser {s.browser_url}")


@db.command("stop")
def db_stop():
    """Stop the server gracefully.

    \b
    Example:
      relgraph db stop
    """
    click.echo(f"Neo4j {_server().stop()}")


@db.command("status")
def db_status():
    """Print the Bolt and Browser URLs and the version; exit 1 when the server is down.

    \b
    Example:
      relgraph db status
    """
    from relgraph.graph.connect import connect, server_version
    from relgraph.settings import Settings

    s = _server()
    pid = s.pid()
    if not pid:
        click.echo(f"Neo4j is not running (home {s.neo4j_home}); start it with `relgraph db start`")
        sys.exit(1)
    with connect(Settings(uri=s.bolt_uri, password=s.password())) as driver:
        version, edition = server_version(driver)
    click.echo(
        f"Neo4j {version} {edition} running (pid {pid})\n"
        f"  Bolt     {s.bolt_uri}\n  Browser  {s.browser_url}\n  home     {s.neo4j_home}\n"
        f"  user     neo4j (password: `relgraph db password`)"
    )


@db.command("password")
def db_password():
    """Print the local server's generated password (for Neo4j Browser).

    \b
    Example:
      relgraph db password
    """
    click.echo(_server().password())


@db.command("logs")
@click.option("-n", "lines", default=40, show_default=True, help="lines to show")
def db_logs(lines):
    """Show the end of the server's log.

    \b
    Example:
      relgraph db logs -n 100
    """
    s = _server()
    try:
        text = s.console_log.read_text(errors="replace").splitlines()
    except OSError:
        raise click.ClickException(f"no log at {s.console_log}") from None
    click.echo("\n".join(text[-lines:]))


@db.command("init")
@connection_options
def db_init(settings):
    """Install the constraints and indexes (idempotent).

    \b
    Example:
      relgraph db init
    """
    from relgraph.graph import schema
    from relgraph.graph.connect import connect

    with connect(settings) as driver:
        names = schema.install(driver, settings.database)
    click.echo(f"{len(names)} constraints in place")


@db.command("reset")
@click.option("--yes", is_flag=True, help="confirm: this deletes every node and edge")
@click.option("--hard", is_flag=True, help="delete the local server's data folder and password instead")
@connection_options
def db_reset(yes, hard, settings):
    """Empty the database (the schema stays); with --hard, wipe the local server's data.

    \b
    Example:
      relgraph db reset --yes
    """
    if not yes:
        raise click.UsageError("this deletes the whole graph: add --yes")
    if hard:
        _server().wipe()
        click.echo("local data and password deleted; `relgraph db start` makes new ones")
        return
    from relgraph.graph import schema
    from relgraph.graph.connect import connect

    with connect(settings) as driver:
        n = schema.clear(driver, settings.database)
    click.echo(f"{n} nodes deleted")


@db.command("dump")
@click.argument("file", required=False)
@click.option("--database", default="neo4j", show_default=True, help="the database to dump")
def db_dump(file, database):
    """Back up the local server's graph into one file (neo4j-admin database dump).

    The server is stopped for the dump and started again. FILE defaults to
    relgraph-YYYYMMDD-HHMMSS.dump in the current folder; an existing file is never overwritten.

    \b
    Example:
      relgraph db dump ~/backups/graph-monday.dump
    """
    from relgraph.graph.backup import dump

    done = dump(_server(), file, database, echo=lambda m: click.echo(m, err=True))
    click.echo(f"dump written: {done.path} ({done.bytes / 2**20:.1f} MiB, {done.seconds:.0f}s)")


@db.command("restore")
@click.argument("file")
@click.option("--force", is_flag=True, help="replace a graph that is not empty")
@click.option("--database", default="neo4j", show_default=True, help="the database to replace")
def db_restore(file, force, database):
    """Replace the local server's graph by a dump (neo4j-admin database load).

    Refuses when the graph holds anything, unless --force. The server is stopped for the load
    and left running.

    \b
    Example:
      relgraph db restore ~/backups/graph-monday.dump
    """
    from relgraph.graph.backup import restore
    from relgraph.graph.schema import SCHEMA_VERSION

    done = restore(_server(), file, database, force, echo=lambda m: click.echo(m, err=True))
    click.echo(f"restored {done.path}: {done.nodes} nodes ({done.seconds:.0f}s)")
    if done.schema_version is not None and done.schema_version < SCHEMA_VERSION:
        click.echo(
            f"the restored graph has schema version {done.schema_version}: run `relgraph db migrate` "
            "before loading into it"
        )


@db.command("migrate")
@click.option(
    "--batch-size", default=10000, show_default=True, type=click.IntRange(100, 1000000), help="rows a transaction"
)
@connection_options
def db_migrate(batch_size, settings):
    """Upgrade a graph written by an older relgraph to this version's schema, in place.

    Safe to run again (an interrupted migration finishes); a current graph is left alone.

    \b
    Example:
      relgraph db migrate
    """
    from relgraph.graph import schema
    from relgraph.graph.connect import connect

    with connect(settings) as driver:
        before, after = schema.migrate(
            driver, settings.database, batch=batch_size, echo=lambda m: click.echo(m, err=True)
        )
    if before == after:
        click.echo(f"graph schema version {after}: already current, nothing to do")
    else:
        click.echo(f"graph migrated from schema version {before} to {after}")


# -- the parser server -----------------------------------------------------------------------
@cli.group(context_settings=CONTEXT)
def parser():
    """The local dependency parser: Stanford CoreNLP 4.5.10 for en/fr/de/es (jars from Maven
    Central, one JVM, ~2.3 GB of memory); Russian is parsed in process by natasha.

    \b
    Example:
      relgraph parser start && relgraph parser status
    """


def _parser():
    from relgraph.loaders.nlp.server import ParserServer

    return ParserServer.default()


@parser.command("install")
@click.option("--force", is_flag=True, help="fetch the jars again")
def parser_install(force):
    """Fetch the CoreNLP jars with Maven, 1.2 GB (done by `start` when needed).

    \b
    Example:
      relgraph parser install
    """
    s = _parser()
    done = s.install(force=force, echo=lambda m: click.echo(m, err=True))
    click.echo(f"CoreNLP jars {'installed' if done else 'already installed'} in {s.lib}")


@parser.command("start")
@click.option("--timeout", default=300, show_default=True, help="seconds to wait for the server")
def parser_start(timeout):
    """Start the parser server (idempotent), wait until it answers and load all four languages.

    \b
    Example:
      relgraph parser start
    """
    s = _parser()
    state = s.start(timeout=timeout, echo=lambda m: click.echo(m, err=True))
    click.echo(f"parser {state}: {s.url}")


@parser.command("stop")
def parser_stop():
    """Stop the parser server.

    \b
    Example:
      relgraph parser stop
    """
    click.echo(f"parser {_parser().stop()}")


@parser.command("status")
def parser_status():
    """Print the URL, pid, memory and languages loaded; exit 1 when the server is down.

    \b
    Example:
      relgraph parser status
    """
    s = _parser()
    st = s.status()
    if not st.running:
        click.echo(f"parser is not running (home {s.home}); start it with `relgraph parser start`")
        sys.exit(1)
    rss = f"{st.rss / 2**30:.2f} GiB" if st.rss else "?"
    click.echo(
        f"parser running (pid {st.pid})\n  URL      {st.url}\n  memory   {rss} resident\n"
        f"  warmed   {' '.join(st.warmed) or 'none yet'} (ru: natasha, in process)\n  home     {s.home}"
    )


@parser.command("logs")
@click.option("-n", "lines", default=40, show_default=True, help="lines to show")
def parser_logs(lines):
    """Show the end of the parser server's log.

    \b
    Example:
      relgraph parser logs -n 100
    """
    s = _parser()
    try:
        text = s.log_file.read_text(errors="replace").splitlines()
    except OSError:
        raise click.ClickException(f"no log at {s.log_file}") from None
    click.echo("\n".join(text[-lines:]))


# -- articles --------------------------------------------------------------------------------
@cli.command()
@click.argument("files", nargs=-1, required=True)
@format_option("jsonl", "json", default="jsonl")
def extract(files, fmt):
    """Print the extraction of each article (one JSON object per input, in order), without Neo4j.

    \b
    Example:
      relgraph extract article.txt --format json
    """
    from relgraph.errors import BadArticle
    from relgraph.pipeline import extract_paths

    failed = 0
    pretty = []
    for item in extract_paths(files):
        if isinstance(item, BadArticle):
            failed += 1
            click.echo(f"Error: {item}", err=True)
            continue
        for w in item.warnings:
            click.echo(f"warning: {item.article.path}: {w}", err=True)
        if fmt == "jsonl":
            click.echo(json.dumps(item.to_json(), ensure_ascii=False))
        else:
            pretty.append(item.to_json())
    if fmt == "json":  # one object for one article, an array for several: valid JSON either way
        click.echo(json.dumps(pretty[0] if len(pretty) == 1 else pretty, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-q", "--quiet", is_flag=True, help="no progress bar")
@click.option("-w", "--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="extraction processes")
@click.option(
    "--batch-size",
    default=100,
    show_default=True,
    type=click.IntRange(1, 10000),
    help="articles per transaction (each article is written whole or not at all)",
)
@click.option("--force", is_flag=True, help="re-extract and rewrite articles already loaded (after an upgrade)")
@click.option(
    "--nice",
    default=10,
    show_default=True,
    type=click.IntRange(0, 19),
    help="run the extraction processes this much lower in CPU priority, so questions asked during "
    "the load stay fast (0: off)",
)
@connection_options
def load(paths, quiet, workers, batch_size, force, nice, settings):
    """Load articles (files, folders, globs, .html, .jsonl), in batches of articles a transaction.

    Each article is written whole or not at all. Loading an article again changes nothing; a
    changed version of the same file or URL replaces its facts. Bad inputs are reported one line
    each and the rest still loads.

    \b
    Example:
      relgraph load articles/ batch.jsonl page.html
      relgraph load --workers 2 corpus.jsonl
      relgraph load --nice 0 corpus.jsonl    # extraction at the shell's priority
    """
    from tqdm import tqdm

    from relgraph.api import connect, load as _load
    from relgraph.errors import ServerCannotWrite
    from relgraph.pipeline import count_articles

    total = count_articles(paths)
    bar = tqdm(
        total=total, unit="article", disable=quiet or not sys.stderr.isatty(), file=sys.stderr, dynamic_ncols=True
    )

    def on_item(status, what):
        if status == "failed":
            bar.write(f"Error: {what}", file=sys.stderr)
        bar.set_postfix_str(f"{status}: {what[-40:]}", refresh=False)
        bar.update(1)

    with connect(settings) as driver:
        report = _load(driver, paths, on_item=on_item, workers=workers, batch_size=batch_size, force=force, nice=nice)
    bar.close()
    for w in report.warnings:
        click.echo(f"warning: {w}", err=True)
    click.echo(report.summary())
    if report.stopped:
        click.echo(f"Error: {report.stopped}", err=True)
        sys.exit(ServerCannotWrite.exit_code)
    if not report.ok:
        sys.exit(1)


@cli.group(context_settings=CONTEXT)
def spark():
    """Extraction as an Apache Spark job, and writes from Spark into Neo4j through the Neo4j
    Connector for Apache Spark (pip install 'relgraph[spark]').

    \b
    Example:
      relgraph spark extract articles/ extracted/ --format parquet
      relgraph spark write extracted/
    """


@spark.command("extract")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output")
@click.option("--master", help="Spark master URL [default: local[*], or spark-submit's]")
@format_option("jsonl", "parquet", default="jsonl")
def spark_extract(inputs, output, master, fmt):
    """Extract INPUTS (files, folders, .jsonl) with Spark into the folder OUTPUT: what
    `relgraph extract` prints, one row an article; bad documents become error rows.

    \b
    Example:
      relgraph spark extract corpus.jsonl extracted/ --master 'local[2]'
      relgraph import extracted/ --bulk
    """
    from relgraph.spark import run_extract

    report = run_extract(inputs, output, master, fmt, echo=lambda m: click.echo(m, err=True))
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@spark.command("install")
@click.option("--force", is_flag=True, help="fetch the jars again")
def spark_install(force):
    """Fetch what `relgraph spark write` runs on (once, about 230 MB with Maven): Spark 3.5.9
    for Scala 2.13 and the Neo4j Connector for Apache Spark, into RELGRAPH_HOME/spark.

    \b
    Example:
      relgraph spark install
    """
    from relgraph.spark import connector_home, install_connector

    fetched = install_connector(force=force, echo=lambda m: click.echo(m, err=True))
    click.echo(f"{'installed' if fetched else 'already installed'}: {connector_home()}")


@spark.command("write")
@click.argument("extracted", nargs=-1, required=True)
@click.option("--master", help="Spark master URL [default: local[*], or spark-submit's]")
@click.option("--batch-size", default=1000, show_default=True, type=click.IntRange(1), help="rows a transaction")
@connection_options
def spark_write(extracted, master, batch_size, settings):
    """Write extraction output (JSON Lines or Parquet from `relgraph extract` or
    `relgraph spark extract`) into a running Neo4j through the Neo4j Connector for Apache Spark:
    the graph `relgraph load` of the same articles gives, added to what the graph holds.

    \b
    Example:
      relgraph spark extract corpus.jsonl extracted/ --format parquet
      relgraph spark write extracted/ --master 'local[2]'
    """
    from relgraph.spark import run_write

    report = run_write(extracted, settings, master, batch_size, echo=lambda m: click.echo(m, err=True))
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)


@cli.command("import")
@click.argument("extracted", nargs=-1, required=True)
@click.option("--bulk", is_flag=True, help="through neo4j-admin database import full (a first load)")
@click.option("--overwrite", is_flag=True, help="replace a database that holds data")
@click.option(
    "--out",
    help="folder for the CSV files (kept; default: a folder removed after a local import, "
    "./relgraph-import for another server)",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    help="processes writing the CSV files, each a run of the articles (default: the cores)",
)
@click.option("--compress", is_flag=True, help="gzip the CSV files (a fifth of the disk, a little more time)")
@connection_options
def import_(extracted, bulk, overwrite, out, jobs, compress, settings):
    """Bulk-import extraction output (JSON Lines or Parquet from `relgraph extract` or
    `relgraph spark extract`) into an empty database.

    The local server is stopped, imported into and started again, then gets its constraints and
    indexes. For another server (--uri) the files are written and the command to run on its
    machine is printed. The graph is the one `relgraph load` of the same articles gives.

    \b
    Example:
      relgraph extract articles/ --format jsonl > extracted.jsonl
      relgraph import extracted.jsonl --bulk
    """
    from relgraph.bulk import bulk_import

    if not bulk:
        raise click.UsageError(
            "only --bulk imports are supported; `relgraph load` writes articles into a database that holds data"
        )
    report = bulk_import(
        extracted,
        settings,
        overwrite=overwrite,
        out=out,
        jobs=jobs,
        compress=compress,
        echo=lambda m: click.echo(m, err=True),
    )
    click.echo(report.summary())
    if report.command:
        click.echo(
            f"copy {report.folder} to the server's machine, stop the database, and run there, "
            f"from that folder:\n  {report.command}\nthen start it, run `relgraph db init --uri ...` "
            "for the constraints and indexes, and finish.cypher of that folder (cypher-shell -f)"
        )
    if report.failed:
        sys.exit(1)


@cli.command()
@format_option("table", "json")
@connection_options
def stats(fmt, settings):
    """Node counts by label, edge counts by type, the graph's schema version and the relgraph
    versions that extracted its articles.

    \b
    Example:
      relgraph stats --format json
    """
    from relgraph.api import connect, stats as _stats

    with connect(settings) as driver:
        st = _stats(driver)
    if fmt == "json":
        click.echo(json.dumps(st, indent=2, sort_keys=True))
        return
    for section in ("nodes", "edges"):
        click.echo(f"{section}:")
        for k, count in st[section].items():
            click.echo(f"  {k:<12} {count}")
    ver = st["versions"]
    graph = "none yet (empty graph)" if ver["schema"] is None else ver["schema"]
    click.echo(f"versions:\n  schema       {graph} (this relgraph writes {ver['writes']})")
    for name, n in ver["extractors"].items():
        mark = "" if name == ver["this_extractor"] else f" (this is {ver['this_extractor']})"
        plural = "" if n == 1 else "s"
        click.echo(f"  extracted by {name}: {n} article{plural}{mark}")


# -- questions -------------------------------------------------------------------------------
@cli.command()
def queries():
    """List the stored questions with their parameters.

    \b
    Example:
      relgraph queries
    """
    from relgraph import cypher

    for name in cypher.names():
        q = cypher.get(name)
        params = " ".join(
            ("[" if d["optional"] else "")
            + f"-p {p} {shlex.quote(d['example'] or 'VALUE')}"
            + ("]" if d["optional"] else "")
            for p, d in q.params.items()
        )
        click.echo(f"{name}\n  {q.description}\n  relgraph query {name} {params}".rstrip())


@cli.command()
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    nargs=2,
    multiple=True,
    metavar="NAME VALUE",
    help="a query parameter (repeatable); states by ISO3 code, name or alias",
)
@click.option("--file", "file", type=click.Path(dir_okay=False), help="run your own .cypher file instead")
@format_option("table", "json", "csv")
@connection_options
def query(name, params, file, fmt, settings):
    """Run a stored question by name (or your own .cypher file with --file).

    \b
    Example:
      relgraph query sectors_discussed -p a RUS -p b PRK
      relgraph query sectors_discussed -p a Russie -p b "North Korea" --format json
    """
    from relgraph.api import bind_query, connect, run_query

    if not name and not file:
        raise click.UsageError("give a question NAME (see `relgraph queries`) or --file")
    bound = bind_query(name, file=file, **dict(params))  # bad parameters fail before connecting
    with connect(settings) as driver:
        cols, rows = run_query(driver, bound)
    _print_rows(cols, rows, fmt)


@cli.command()
@click.argument("question", nargs=-1, required=True)
@click.option(
    "--lang", type=click.Choice(["de", "en", "es", "fr", "ru"]), help="the question's language (default: detected)"
)
@format_option("table", "json", "csv")
@connection_options
def ask(question, lang, fmt, settings):
    """Ask in plain words (fr, en, es, de, ru): the question is mapped onto a stored question and
    its parameters, which are printed before the answer; no Cypher is generated. A question that
    maps onto none is refused with the closest stored questions (exit code 2).

    \b
    Example:
      relgraph ask "Which sectors did Russia and North Korea discuss?"
      relgraph ask "Welche Länder hat Scholz besucht?"
      relgraph ask "Какие секторы обсуждали Россия и КНДР?" --format json
    """
    from relgraph.api import connect, run_query
    from relgraph.questions import interpret

    it = interpret(" ".join(question), lang)  # a refusal needs no database
    click.echo(it.explain(), err=fmt != "table")
    with connect(settings) as driver:
        cols, rows = run_query(
            driver, it.name, database=settings.database, **{k: v for k, v in it.params.items() if v is not None}
        )
    _print_rows(cols, rows, fmt)


@cli.command()
@format_option("graphml", "json", "csv", "plover", default="graphml")
@click.option("--pair", nargs=2, metavar="A B", help="only the subgraph of two states (codes, names or aliases)")
@click.option("-o", "--output", help="file to write (a folder for csv); default: stdout (csv: ./relgraph-export)")
@connection_options
def export(fmt, pair, output, settings):
    """Export the graph, or one pair's subgraph, as GraphML, JSON (NetworkX) or CSV; or its
    meetings, visits and proposals as PLOVER events, one JSON object a line (--format plover).

    \b
    Example:
      relgraph export --format graphml --pair RUS PRK -o rus-prk.graphml
      relgraph export --format csv -o export/
      relgraph export --format plover -o events.jsonl
    """
    from relgraph.api import connect, export as _export

    with connect(settings) as driver:
        result = _export(
            driver, fmt, output, pair or None, settings.database, warn=lambda m: click.echo(f"warning: {m}", err=True)
        )
    if output or fmt == "csv":
        click.echo(f"written: {result}", err=True)
    else:
        click.echo(result)


def _print_rows(cols, rows, fmt):
    if fmt == "json":
        click.echo(json.dumps([dict(zip(cols, r)) for r in rows], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(cols)
        for r in rows:
            w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for v in r])
    else:
        cells = [[_cell(v) for v in r] for r in rows]
        widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(cols)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip())
        click.echo("  ".join("-" * w for w in widths))
        for r in cells:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
        click.echo(f"({len(rows)} rows)")


def _cell(v) -> str:
    if isinstance(v, list):
        s = "; ".join(_cell(x) for x in v)
    elif v is None:
        s = ""
    else:
        s = str(v)
    s = " ".join(s.split())
    return s if len(s) <= 80 else s[:77] + "..."


def main():
    try:
        cli(prog_name="relgraph")
    except BrokenPipeError:  # `relgraph queries | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)


if __name__ == "__main__":
    main()
