"""Backups of the local server's graph: ``neo4j-admin database dump`` and ``load``.

Neo4j Community can only dump or load a database that is offline, and it cannot take one
database offline on its own: ``dump`` and ``restore`` stop the whole local server, run the admin
tool (``org.neo4j.cli.AdminTool``, in the jars the server already runs from) and start the server
again if it was running. Each step is one line through ``echo``. A restore refuses to replace a
graph that holds anything unless ``force``; the archive is checked before the server is stopped.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from relgraph.errors import ServerError
from relgraph.graph.server import LocalServer, java_binary


@dataclass
class Done:
    path: Path
    bytes: int
    seconds: float
    nodes: int | None = None  # restore: the nodes of the restored graph
    schema_version: int | None = None  # restore: the restored graph's schema version


def default_name() -> str:
    return time.strftime("relgraph-%Y%m%d-%H%M%S.dump")


def _admin(server: LocalServer, *args: str, stdin=None, stdout=None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEO4J_HOME=str(server.neo4j_home), NEO4J_CONF=str(server.conf_dir))
    return subprocess.run(
        [java_binary(), "-cp", f"{server.lib}/*", "org.neo4j.cli.AdminTool", *args],
        env=env,
        stdin=stdin,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=stdout is None,
    )


def _why(run: subprocess.CompletedProcess) -> str:
    err = run.stderr if isinstance(run.stderr, str) else run.stderr.decode("utf-8", "replace")
    lines = [ln.strip() for ln in err.splitlines() if ln.strip() and not ln.startswith("Run with '--verbose'")]
    return (lines or [f"exit code {run.returncode}"])[0][:300]


def _check(server: LocalServer) -> None:
    if not server.installed() or not (server.data / "databases").exists():
        raise ServerError(
            f"no local database under {server.neo4j_home}: `relgraph db start` makes one "
            "(dump and restore work on the local server; see the README for a remote one)"
        )


def dump(server: LocalServer, path: str | os.PathLike | None = None, database: str = "neo4j", echo=None) -> Done:
    """Write ``database`` of the local server to one archive file (never over an existing file)."""
    say = echo or (lambda m: None)
    _check(server)
    target = Path(path or default_name()).expanduser().resolve()
    if target.exists():
        raise ServerError(f"{target} exists already: give another file name (a dump never overwrites one)")
    if not target.parent.is_dir():
        raise ServerError(f"no folder {target.parent} to write the dump into")
    partial = target.with_name(target.name + ".partial")
    t0 = time.monotonic()
    with server._locked():
        was_running = server.pid() is not None
        if was_running:
            say("stopping Neo4j (a dump needs the database offline) ...")
            server._stop(60.0)
        try:
            say(f"dumping database {database!r} to {target} ...")
            with open(partial, "wb") as out:
                run = _admin(server, "database", "dump", database, "--to-stdout", stdout=out)
            if run.returncode != 0:
                partial.unlink(missing_ok=True)
                raise ServerError(f"neo4j-admin could not dump {database!r}: {_why(run)}")
            partial.rename(target)
        finally:
            partial.unlink(missing_ok=True)
            if was_running:
                say("starting Neo4j again ...")
                server._start(180.0, echo)
    return Done(target, target.stat().st_size, time.monotonic() - t0)


def restore(
    server: LocalServer, path: str | os.PathLike, database: str = "neo4j", force: bool = False, echo=None
) -> Done:
    """Replace ``database`` of the local server by an archive ``dump`` wrote. Refuses (nothing
    changed) when the graph holds any node, unless ``force``. The server is left running.

    The restored database ends at the transaction it was dumped at: a driver that wrote after
    the dump waits for its own later bookmark in vain, so make a new driver after a restore."""
    say = echo or (lambda m: None)
    source = Path(path).expanduser().resolve()
    if not source.is_file():
        raise ServerError(f"{source}: no such dump file")
    t0 = time.monotonic()
    with server._locked():
        if not server.installed():
            raise ServerError(f"no local server under {server.neo4j_home}: run `relgraph db start` first")
        if server.pid() is None:
            say("starting Neo4j to look at the graph the dump would replace ...")
            server._start(180.0, echo)
        nodes = _nodes(server, database)
        if nodes and not force:
            raise ServerError(
                f"the local graph (database {database!r}) holds {nodes} nodes: a restore replaces "
                "them; dump them first (`relgraph db dump`), then add --force; nothing changed"
            )
        with open(source, "rb") as f:
            info = _admin(server, "database", "load", database, "--info", "--from-stdin", stdin=f)
        if info.returncode != 0:
            raise ServerError(f"{source} is not a Neo4j dump neo4j-admin can load ({_why(info)}); nothing changed")
        say("stopping Neo4j (a restore needs the database offline) ...")
        server._stop(60.0)
        say(f"loading {source} into database {database!r} ...")
        with open(source, "rb") as f:
            run = _admin(server, "database", "load", database, "--from-stdin", "--overwrite-destination=true", stdin=f)
        say("starting Neo4j again ...")
        server._start(180.0, echo)
        if run.returncode != 0:
            raise ServerError(f"neo4j-admin could not load {source}: {_why(run)}")
        from relgraph.graph import schema

        with _driver(server) as driver:
            version = schema.graph_version(driver, database)
            after = driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database).records[0]["n"]
    return Done(source, source.stat().st_size, time.monotonic() - t0, after, version)


def _driver(server: LocalServer):
    from relgraph.graph.connect import connect
    from relgraph.settings import Settings

    return connect(Settings(uri=server.bolt_uri, password=server.password()))


def _nodes(server: LocalServer, database: str) -> int:
    """Nodes a restore would replace (the graph's own schema-version node is not content)."""
    with _driver(server) as driver:
        return driver.execute_query(
            "MATCH (n) WHERE NOT n:RelgraphMeta RETURN count(n) AS n", database_=database
        ).records[0]["n"]
