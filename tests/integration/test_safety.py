"""An analyst's graph is never lost: the test suite refuses a graph it did not make, a graph of
an older schema version is refused, migrated and then loads, concurrent loads on overlapping
inputs end with the graph one load makes, and a dump restores to the same graph."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from relgraph.graph import schema
from relgraph.graph.write import extractor_version
from relgraph.pipeline import load
from tests.conftest import ALLOW_WIPE, DATA, ROOT, backend, run_cli, wipe
from tests.integration.test_events import _write, resolved
from tests.integration.test_load import graph_dump

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (the benchmark's seeded corpus generator)

TRIPS = DATA / "trips"
INNER = ROOT / "tests" / "data" / "guard" / "inner_suite.py"
ARTICLES = [str(DATA / "fr_summit.txt"), str(DATA / "en_visit.txt"), str(DATA / "de_treffen.txt")]


def count(driver, cypher: str = "MATCH (n) RETURN count(n) AS n") -> int:
    return driver.execute_query(cypher).records[0]["n"]


def inner_pytest(env: dict) -> subprocess.CompletedProcess:
    """A second test session against the same database, as an analyst would start one. Without a
    short summary (`-rN`), so the refusal is printed once whether or not pytest thinks it runs on
    CI (where it stops shortening summary lines)."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rN", "-p", "no:cacheprovider", str(INNER)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


# -- 1. the suite never wipes a graph it did not make ---------------------------------------


def assert_load_refused(driver, cli_env, path: str, version: int, before) -> None:
    """`relgraph load` into a graph of an older schema version stops with the one line that names
    `relgraph db migrate`, exit 4, and writes nothing."""
    refused = run_cli("load", path, env=cli_env)
    assert refused.returncode == 4
    assert refused.stderr.strip().splitlines() == [
        f"Error: the graph in database 'neo4j' has schema version {version}; this relgraph writes version "
        f"{schema.SCHEMA_VERSION}: run `relgraph db migrate` to upgrade it in place (or `relgraph load --force "
        "...` to migrate and re-extract)"
    ]
    assert graph_dump(driver) == before, "a refused load wrote something"


def test_the_suite_refuses_a_populated_graph_it_did_not_make(driver, cli_env):
    driver.execute_query("MATCH (m:RelgraphMeta {key: 'test-suite'}) DELETE m")  # an analyst's graph
    load(driver, ARTICLES)
    before, nodes = graph_dump(driver), count(driver)
    assert nodes > 20
    env = {k: v for k, v in cli_env.items() if k != ALLOW_WIPE}

    refused = inner_pytest(env)
    assert refused.returncode != 0
    lines = [ln for ln in refused.stdout.splitlines() if "refusing to test against" in ln]
    assert len(lines) == 1, refused.stdout[-3000:]
    assert f"it holds {nodes} nodes this test suite did not make" in lines[0] and f"{ALLOW_WIPE}=1" in lines[0]
    assert "Traceback" not in refused.stdout
    assert count(driver) == nodes and graph_dump(driver) == before, "the refused session deleted something"

    allowed = inner_pytest(dict(env, **{ALLOW_WIPE: "1"}))
    assert allowed.returncode == 0, allowed.stdout[-3000:]
    assert count(driver, "MATCH (a:Article) RETURN count(a) AS n") == 0
    # what the suite leaves behind is its own: the next session starts without the override
    assert count(driver, "MATCH (m:RelgraphMeta {key: 'test-suite'}) RETURN count(m) AS n") == 1


# -- 5. version safety ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def trips():
    """The trip and proposal clusters (tests/data/trips) and a summit article reporting two
    visits (their reports' order is rebuilt by the migration), extracted once."""
    from relgraph.loaders.resolve import resolve_article
    from relgraph.pipeline import extract_paths

    docs = resolved(TRIPS)
    (summit,) = extract_paths([str(DATA / "fr_summit.txt")])
    assert len(summit.visits) == 2
    docs["fr_summit.txt"] = resolve_article(summit)
    return docs


def make_old(driver) -> None:
    """The graph as a relgraph from before schema versions wrote it: no version node, no pair key
    on articles, no pair on sector mentions, no extractor."""
    driver.execute_query("MATCH (m:RelgraphMeta {key: 'schema'}) DELETE m")
    driver.execute_query("MATCH (a:Article) REMOVE a.pair_key, a.extractor")
    driver.execute_query("MATCH (:Article)-[m:MENTIONS {role: 'sector'}]->() REMOVE m.pair")


def test_an_old_graph_is_refused_then_migrated_then_loads(driver, cli_env):
    load(driver, ARTICLES[:2])
    current = graph_dump(driver)
    assert count(driver, "MATCH (m:RelgraphMeta {key: 'schema'}) RETURN m.version AS n") == schema.SCHEMA_VERSION
    make_old(driver)
    old = graph_dump(driver)
    assert old != current

    assert_load_refused(driver, cli_env, ARTICLES[2], 1, old)
    stats = run_cli("stats", env=cli_env)
    assert f"schema       1 (this relgraph writes {schema.SCHEMA_VERSION})" in stats.stdout
    assert "extracted by unknown: 2 articles" in stats.stdout

    migrated = run_cli("db", "migrate", "--batch-size", "100", env=cli_env)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == f"graph migrated from schema version 1 to {schema.SCHEMA_VERSION}"
    assert "step 9/9" in migrated.stderr
    # every property the old graph lacked is back as a load writes it; who extracted it is unknown
    assert {r["e"] for r in driver.execute_query("MATCH (a:Article) RETURN DISTINCT a.extractor AS e").records} == {
        "unknown"
    }
    driver.execute_query("MATCH (a:Article) SET a.extractor = $e", e=extractor_version())
    assert graph_dump(driver) == current
    assert run_cli("db", "migrate", env=cli_env).stdout.startswith(
        f"graph schema version {schema.SCHEMA_VERSION}: already current"
    )

    loaded = run_cli("load", ARTICLES[2], env=cli_env)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("1 loaded")


def make_v2(driver) -> None:
    """The graph as the version-2 writer left it (before visits and proposals were resolved): no
    Visit nodes; one Project node per extractor's ``project`` id (named by the least object
    proposed), each report's PROPOSES and IN_SECTOR edges on it; no visit or project spans on
    articles. Built from the reports the resolved nodes keep, so it holds the same reports."""
    driver.execute_query("MATCH (v:Visit) DETACH DELETE v")
    legacy: dict[str, str] = {}  # project id -> its name
    where: dict[tuple, str] = {}  # (resolved project, article, start, end) -> the report's project id
    for rec in driver.execute_query("MATCH (p:Project) RETURN p.id AS id, p.reports AS reports").records:
        for r in map(json.loads, rec["reports"]):
            legacy[r["project"]] = min(legacy.get(r["project"], r["what"]), r["what"])
            where[(rec["id"], r["article"], r["start"], r["end"])] = r["project"]
    for pid, name in legacy.items():
        driver.execute_query("CREATE (:Project {id: $id, name: $name, legacy: true})", id=pid, name=name)
    for rel, pattern in (
        ("PROPOSES", "(x)-[e:PROPOSES]->(p:Project)"),
        ("IN_SECTOR", "(p:Project)-[e:IN_SECTOR]->(x)"),
    ):
        edges = driver.execute_query(
            f"MATCH {pattern} WHERE p.legacy IS NULL "
            "RETURN elementId(x) AS x, p.id AS p, properties(e) AS props, elementId(e) AS e"
        ).records
        for e in edges:
            q = where[(e["p"], e["props"]["article"], e["props"]["start"], e["props"]["end"])]
            arrow = "(x)-[:PROPOSES $props]->(q)" if rel == "PROPOSES" else "(q)-[:IN_SECTOR $props]->(x)"
            driver.execute_query(
                f"MATCH (x) WHERE elementId(x) = $x MATCH (q:Project {{id: $q, legacy: true}}) CREATE {arrow}",
                x=e["x"],
                q=q,
                props=e["props"],
            )
    driver.execute_query("MATCH (p:Project) WHERE p.legacy IS NULL DETACH DELETE p")
    driver.execute_query("MATCH (p:Project) REMOVE p.legacy")
    driver.execute_query("MATCH (a:Article) REMOVE a.visit_spans, a.project_spans")
    driver.execute_query("MATCH (m:RelgraphMeta {key: 'schema'}) SET m.version = 2")


def test_a_version_2_graph_is_refused_then_migrated_to_the_graph_a_load_makes_then_loads(driver, cli_env, trips):
    from relgraph.graph.migrate import _migrate_batch

    names = sorted(trips)
    first, rest = [n for n in names if n != "v2_fr_undated.txt"], ["v2_fr_undated.txt"]
    _write(driver, trips, first, batch=100)
    fresh = graph_dump(driver)
    assert count(driver, "MATCH (v:Visit) RETURN count(v) AS n") > 0
    make_v2(driver)
    old = graph_dump(driver)
    assert old != fresh
    assert count(driver, "MATCH (p:Project) RETURN count(p) AS n") > 0  # the legacy ones

    assert_load_refused(driver, cli_env, str(TRIPS / rest[0]), 2, old)

    # a migration stopped after its first batch (each batch is one transaction) ...
    arts = driver.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.published AS published, a.pair_key AS pair_key ORDER BY a.id LIMIT 5"
    ).records
    with driver.session() as s:
        s.execute_write(_migrate_batch, [dict(a) for a in arts])
    # ... goes on from where it stopped, 10 articles a transaction
    migrated = run_cli("db", "migrate", "--batch-size", "100", env=cli_env)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == f"graph migrated from schema version 2 to {schema.SCHEMA_VERSION}"
    err = migrated.stderr.splitlines()
    assert err[0].startswith(f"migrating to schema version {schema.SCHEMA_VERSION}, step 1/6: visits and proposals")
    assert [ln.split(":")[0].strip() for ln in err[1:3]] == [
        f"10/{len(first) - 5} articles",
        f"{len(first) - 5}/{len(first) - 5} articles",
    ]
    assert "Traceback" not in migrated.stderr
    assert graph_dump(driver) == fresh, "the migrated graph is not the one a load of the same articles makes"
    again = run_cli("db", "migrate", env=cli_env)
    assert again.stdout.startswith(f"graph schema version {schema.SCHEMA_VERSION}: already current")
    assert graph_dump(driver) == fresh

    # then loads: the undated French report joins the migrated Ankara visit, as in a fresh load of all
    loaded = run_cli("load", str(TRIPS / rest[0]), env=cli_env)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("1 loaded")
    both = graph_dump(driver)
    wipe(driver)
    _write(driver, trips, names, batch=100)
    assert graph_dump(driver) == both


def test_load_force_migrates_and_a_newer_graph_is_refused(driver, cli_env):
    load(driver, ARTICLES[:1])
    make_old(driver)
    forced = run_cli("load", "--force", ARTICLES[0], env=cli_env)
    assert forced.returncode == 0, forced.stderr
    assert f"warning: the graph was migrated from schema version 1 to {schema.SCHEMA_VERSION}" in forced.stderr
    assert count(driver, "MATCH (a:Article) WHERE a.pair_key IS NULL OR a.extractor IS NULL RETURN count(a) AS n") == 0

    driver.execute_query("MATCH (m:RelgraphMeta {key: 'schema'}) SET m.version = 99")
    before = graph_dump(driver)
    for args in (["load", ARTICLES[1]], ["db", "migrate"]):
        r = run_cli(*args, env=cli_env)
        assert r.returncode == 4 and "has schema version 99" in r.stderr and "upgrade relgraph" in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    assert graph_dump(driver) == before


# -- 3. concurrent loads ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def chunks(tmp_path_factory):
    """Four JSON Lines files of 10 generated articles each, in the languages extracted fastest
    (the test is about writers racing, not about extraction)."""
    folder = tmp_path_factory.mktemp("concurrent")
    langs = sorted(generate.TEMPLATES)  # the generator writes them in turn
    lines = [
        json.dumps(a, ensure_ascii=False) + "\n"
        for i, a in enumerate(generate.articles(100, seed=41))
        if langs[i % len(langs)] in ("de", "en", "fr")
    ]
    out = []
    for i in range(4):
        p = folder / f"part{i}.jsonl"
        p.write_text("".join(lines[i * 10 : (i + 1) * 10]), encoding="utf-8")
        out.append(str(p))
    return out


@pytest.fixture(scope="module")
def single_load(chunks, session_driver, neo4j_settings):
    """The graph one load of every article makes."""
    from tests.conftest import wipe

    wipe(session_driver, neo4j_settings.database)
    report = load(session_driver, chunks, neo4j_settings.database)
    assert report.loaded == 40 and report.failed == 0
    return graph_dump(session_driver)


@pytest.mark.parametrize("processes", [2, 4])
def test_concurrent_loads_on_overlapping_inputs_make_the_graph_of_one_load(
    driver, cli_env, chunks, single_load, processes
):
    # every process starts on the same file (its articles race to be created by all of them at
    # once), then loads two of the three others, in an order of its own
    rest = chunks[1:]
    inputs = [[chunks[0], rest[i % 3], rest[(i + 1) % 3]] for i in range(processes)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "relgraph", "load", "-q", "--batch-size", "3", *files],
            env=cli_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for files in inputs
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err[-2000:]
        assert ", 0 failed;" in out and "Error" not in err
    loaded = sum(int(out.split(" loaded")[0]) for out, _ in outs)
    assert loaded == 40  # each article once; the other processes found it there
    assert count(driver, "MATCH (a:Article) RETURN count(a) AS n") == 40
    assert graph_dump(driver) == single_load


def test_a_batch_that_loses_a_race_is_retried_and_exhausted_retries_are_one_line(driver):
    """Another writer holds an article of the batch uncommitted: the batch waits, the constraint
    refuses its copy, and the next attempt finds the article whole. With no attempt left, one line."""
    import threading

    from relgraph.errors import BusyGraph
    from relgraph.graph.write import rows, write_articles
    from relgraph.loaders.resolve import resolve_article
    from relgraph.pipeline import extract_paths

    (doc,) = [resolve_article(f) for f in extract_paths([ARTICLES[0]])]
    article = rows(doc)["articles"][0]

    def race(attempts):
        box = {}
        with driver.session() as s:
            tx = s.begin_transaction()
            tx.run("CREATE (a:Article {id: $id, doc: $doc})", id=article["article"], doc="elsewhere").consume()

            def write():
                try:
                    box["result"] = write_articles(driver, [doc], attempts=attempts)
                except BusyGraph as e:
                    box["error"] = str(e)

            t = threading.Thread(target=write)
            t.start()
            for _ in range(300):  # until the batch waits on the other writer's uncommitted article
                if driver.execute_query(
                    "SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' RETURN count(*) AS n"
                ).records[0]["n"]:
                    break
                threading.Event().wait(0.1)
            else:
                pytest.fail("the batch never waited for the other writer")
            tx.commit()
            t.join(60)
        return box

    lost = race(attempts=1)
    assert "result" not in lost
    assert lost["error"].startswith(
        "not written: 1 attempts collided with other writers (Neo4j said "
        "Neo.ClientError.Schema.ConstraintValidationFailed"
    )
    assert lost["error"].endswith("load it again once the other loads are done")

    driver.execute_query("MATCH (a:Article) DETACH DELETE a")
    won = race(attempts=2)
    assert won["result"].statuses == {article["article"]: "unchanged"}


# -- 2. backups ------------------------------------------------------------------------------
@pytest.mark.skipif(backend() != "local", reason="dumps and restores the project's local server")
def test_dump_reset_restore_gives_the_same_graph(driver, cli_env, neo4j_settings, tmp_path):
    from relgraph.graph.connect import connect

    load(driver, ARTICLES)
    before = graph_dump(driver)
    f = tmp_path / "graph.dump"

    dumped = run_cli("db", "dump", str(f), env=cli_env)
    assert dumped.returncode == 0, dumped.stderr
    assert dumped.stderr.splitlines() == [
        "stopping Neo4j (a dump needs the database offline) ...",
        f"dumping database 'neo4j' to {f} ...",
        "starting Neo4j again ...",
    ]
    assert dumped.stdout.startswith(f"dump written: {f} (") and f.stat().st_size > 0
    assert graph_dump(driver) == before
    again = run_cli("db", "dump", str(f), env=cli_env)
    assert again.returncode == 1 and again.stderr.strip() == (
        f"Error: {f} exists already: give another file name (a dump never overwrites one)"
    )

    nodes = count(driver, "MATCH (n) WHERE NOT n:RelgraphMeta RETURN count(n) AS n")
    refused = run_cli("db", "restore", str(f), env=cli_env)
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"Error: the local graph (database 'neo4j') holds {nodes} nodes: a restore "
        "replaces them; dump them first (`relgraph db dump`), then add --force; "
        "nothing changed"
    )

    # from here until the restore, the session's driver stays away: it would remember a
    # transaction of the reset that the restored database (dumped before it) never had
    assert run_cli("db", "reset", "--yes", env=cli_env).returncode == 0
    with connect(neo4j_settings) as other:
        assert count(other) == 0
    restored = run_cli("db", "restore", str(f), env=cli_env)
    assert restored.returncode == 0, restored.stderr
    assert restored.stderr.splitlines() == [
        "stopping Neo4j (a restore needs the database offline) ...",
        f"loading {f} into database 'neo4j' ...",
        "starting Neo4j again ...",
    ]
    assert restored.stdout.startswith(f"restored {f}: {count(driver)} nodes")
    assert graph_dump(driver) == before


def test_restore_of_a_file_that_is_no_dump_changes_nothing(driver, cli_env, tmp_path):
    load(driver, ARTICLES[:1])
    before = graph_dump(driver)
    bad = tmp_path / "notes.dump"
    bad.write_text("not a dump\n", encoding="utf-8")
    r = run_cli("db", "restore", "--force", str(bad), env=cli_env)
    assert r.returncode == 1 and len(r.stderr.strip().splitlines()) == 1
    assert r.stderr.startswith(f"Error: {bad} is not a Neo4j dump neo4j-admin can load (")
    assert graph_dump(driver) == before
