"""Test fixtures. One real Neo4j for the whole session, chosen in this order:

1. ``NEO4J_URI`` (with ``NEO4J_USER`` / ``NEO4J_PASSWORD``) when set;
2. a testcontainers ``Neo4jContainer`` (pinned 5.26 community image) when a Docker engine answers;
3. the project's own local server (``relgraph db start``), started if needed.

Each integration test starts from an empty graph. Nothing here mocks Neo4j.

The suite wipes its database, so it never starts on a graph it did not make: the database must
be empty or hold the suite's marker node ``(:RelgraphMeta {key: 'test-suite'})``, which the
suite writes into the empty database it starts on and puts back after every wipe. Anything else
(an analyst's graph behind ``NEO4J_URI``, or in the local server) stops the integration tests
with one line and nothing deleted; ``RELGRAPH_TEST_ALLOW_WIPE=1`` lets them wipe it.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
NEO4J_IMAGE = "neo4j:5.26.31-community"


@functools.lru_cache(maxsize=1)
def _docker_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=3)
        client.ping()
        return True
    except Exception:  # no engine, no socket, no permission: use the local server
        return False


def backend() -> str:
    """Which Neo4j the session uses: "env" (NEO4J_URI), "container" or "local"."""
    if os.environ.get("NEO4J_URI"):
        return "env"
    return "container" if _docker_answers() else "local"


@pytest.fixture(scope="session")
def neo4j_settings():
    if backend() == "env":
        _Bench.start_if_wanted()
        yield Settings.from_env()
        return
    if backend() == "container":
        from testcontainers.community.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE) as c:
            _Bench.start_if_wanted()
            yield Settings(uri=c.get_connection_url(), user="neo4j", password=c.password)
        return
    from relgraph.graph.server import LocalServer

    server = LocalServer.default()
    was_running = server.pid() is not None
    server.start(echo=lambda m: print(m, file=sys.stderr))
    # the suite's jars are all in place now (the parser's and Neo4j's): the benchmark run reuses
    # them and fetches nothing at the same time as this session
    _Bench.start_if_wanted()
    yield Settings(uri=server.bolt_uri, user="neo4j", password=server.password())
    if not was_running:  # leave the machine as we found it
        server.stop()


MARKER = "MERGE (:RelgraphMeta {key: 'test-suite'})"
ALLOW_WIPE = "RELGRAPH_TEST_ALLOW_WIPE"


def foreign_nodes(driver, database: str) -> int:
    """The nodes in the database when the suite's marker is not there (0: the suite may wipe it)."""
    marked = driver.execute_query(
        "MATCH (m:RelgraphMeta {key: 'test-suite'}) RETURN count(m) AS n", database_=database
    ).records[0]["n"]
    if marked:
        return 0
    return driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=database).records[0]["n"]


def wipe(driver, database: str = "neo4j") -> None:
    """Delete every node and edge (the schema stays), then put the suite's marker back."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    driver.execute_query(MARKER, database_=database)


@pytest.fixture(scope="session")
def session_driver(neo4j_settings):
    from relgraph.graph import schema
    from relgraph.graph.connect import connect

    driver = connect(neo4j_settings)
    db = neo4j_settings.database
    foreign = foreign_nodes(driver, db)
    if foreign and os.environ.get(ALLOW_WIPE) != "1":
        driver.close()
        pytest.fail(
            f"refusing to test against {neo4j_settings.uri} (database {db!r}): it holds {foreign} nodes "
            "this test suite did not make, and the tests delete everything; point NEO4J_URI at an empty "
            f"database, or set {ALLOW_WIPE}=1 to let them wipe it",
            pytrace=False,
        )
    driver.execute_query(MARKER, database_=db)
    schema.install(driver, db)
    yield driver
    driver.execute_query(MARKER, database_=db)  # whatever the last test left, the suite made it
    driver.close()


@pytest.fixture
def driver(session_driver, neo4j_settings):
    """A driver on an empty graph (the schema stays installed; the suite's marker is back)."""
    wipe(session_driver, neo4j_settings.database)
    return session_driver


@pytest.fixture
def cli_env(neo4j_settings):
    """Environment for running the ``relgraph`` command against the test server."""
    env = dict(os.environ)
    env.update(
        NEO4J_URI=neo4j_settings.uri,
        NEO4J_USER=neo4j_settings.user,
        NEO4J_PASSWORD=neo4j_settings.password,
        NEO4J_DATABASE=neo4j_settings.database,
    )
    return env


def run_cli(*args, env=None, input=None) -> subprocess.CompletedProcess:
    """The real console script, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "relgraph", *args], capture_output=True, text=True, env=env, input=input, timeout=600
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if "/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)
    # the benchmark's smoke run (tests/integration/test_bench.py) runs on its own servers, in the
    # background from the start of the session (``pytest_collection_finish``): its tests come last,
    # when it is done
    items.sort(key=lambda item: item.path.name == BENCH_TESTS)


BENCH_TESTS = "test_bench.py"


class _Bench:
    """``bench/run --smoke --json`` started in the background when the session holds the
    benchmark's tests, once the session's parser and Neo4j are up (``neo4j_settings``): it needs no
    server of the suite's (its own Neo4j on 7689/7476, its own parser from port 9060, on copies of
    the jars the suite fetched), and the rest of the suite runs meanwhile. A session with no other
    integration test starts it when the benchmark's tests ask for it."""

    wanted = False
    proc: subprocess.Popen | None = None
    out: Path | None = None
    err: Path | None = None

    @classmethod
    def start_if_wanted(cls) -> None:
        if cls.wanted and cls.proc is None:
            import tempfile

            cls.start(Path(tempfile.mkdtemp(prefix="relgraph-bench-smoke-")))

    @classmethod
    def start(cls, tmp: Path) -> None:
        cls.out, cls.err = tmp / "bench.json", tmp / "bench.log"
        with cls.out.open("w") as out, cls.err.open("w") as err:
            cls.proc = subprocess.Popen(
                [sys.executable, str(ROOT / "bench" / "run"), "--smoke", "--json"], stdout=out, stderr=err
            )

    @classmethod
    def result(cls, timeout: float) -> tuple[int, str, str]:
        """(exit code, stdout, stderr) of the run, once it has ended."""
        assert cls.proc is not None and cls.out is not None and cls.err is not None
        rc = cls.proc.wait(timeout=timeout)
        return rc, cls.out.read_text(), cls.err.read_text()

    @classmethod
    def stop(cls) -> None:
        """An interrupted session: SIGINT, so that the run stops its own servers on the way out."""
        if cls.proc is not None and cls.proc.poll() is None:
            import signal

            cls.proc.send_signal(signal.SIGINT)
            try:
                cls.proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                cls.proc.kill()


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(item.path.name == BENCH_TESTS for item in session.items):
        _Bench.wanted = True  # started by neo4j_settings, once the suite's servers are up


def pytest_sessionfinish(session):
    _Bench.stop()


def bench_result(timeout: float = 1200) -> tuple[int, str, str]:
    """The background benchmark run's (exit code, JSON on stdout, stderr)."""
    _Bench.wanted = True  # (a session with no other integration test: now)
    _Bench.start_if_wanted()
    return _Bench.result(timeout)


@pytest.fixture(scope="session", autouse=True)
def parser_server():
    """The local CoreNLP parser server (en/fr/de/es parses) for the whole session: started if
    needed, stopped at the end if this session started it. ``RELGRAPH_PARSER_URL`` names a server
    run by hand instead. Tests that move ``RELGRAPH_HOME`` still reach this server, because
    ``RELGRAPH_PARSER_HOME`` is pinned to its home for the session."""
    if os.environ.get("RELGRAPH_PARSER_URL"):
        yield None
        return
    from relgraph.loaders.nlp.server import ParserServer

    server = ParserServer.default()
    was_running = server.pid() is not None
    server.start(echo=lambda m: print(m, file=sys.stderr))
    pinned = os.environ.get("RELGRAPH_PARSER_HOME")
    os.environ["RELGRAPH_PARSER_HOME"] = str(server.home)
    yield server
    if pinned is None:
        os.environ.pop("RELGRAPH_PARSER_HOME", None)
    else:
        os.environ["RELGRAPH_PARSER_HOME"] = pinned
    if not was_running:  # leave the machine as we found it
        server.stop()
