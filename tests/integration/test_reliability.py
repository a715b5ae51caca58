"""Reliability against the real server: kill -9 in the middle of a load, a server restarted
during a load, a server that is down, hostile input through load and query."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from relgraph.graph.write import ROW_KINDS
from relgraph.pipeline import extract_paths, load
from tests.conftest import ROOT, backend, run_cli
from tests.integration.test_load import graph_dump

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402  (the benchmark's seeded corpus generator)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate.write(300, tmp_path_factory.mktemp("corpus") / "batch.jsonl", seed=5)


@pytest.fixture(scope="module")
def half_corpus(tmp_path_factory):
    """150 articles: enough batches of 5 on either side of a kill after 20 articles, and three loads
    of it (killed, rerun, clean) fit CI's budget."""
    return generate.write(150, tmp_path_factory.mktemp("half") / "batch.jsonl", seed=5)


def expected_mentions(path) -> dict[str, int]:
    """Article id -> the number of MENTIONS edges its extraction asks for."""
    out = {}
    for f in extract_paths([str(path)]):
        d = f.to_json()
        out[d["article"]["id"]] = (
            len(d["states"]) + len(d["leaders"]) + len(d["facilities"]) + len(d["places"]) + len(d["sectors"])
        )
    return out


def test_kill_9_mid_load_leaves_no_partial_article_and_a_rerun_completes(driver, cli_env, half_corpus):
    proc = subprocess.Popen(
        [sys.executable, "-m", "relgraph", "load", "--batch-size", "5", "-q", str(half_corpus)],
        env=cli_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # a bound, not a speed requirement: on a busy machine the first batches (parsed cold) can take
    # minutes, and a kill before any article is written proves nothing
    deadline = time.monotonic() + 900
    n = 0
    while time.monotonic() < deadline and proc.poll() is None:
        n = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
        if n >= 20:
            break
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 0 < n < 150, "the load must be killed in the middle"

    # every article in the graph is whole: all its mentions are there
    expected = expected_mentions(half_corpus)
    got = {
        r["id"]: r["n"]
        for r in driver.execute_query(
            "MATCH (a:Article) OPTIONAL MATCH (a)-[m:MENTIONS]->() RETURN a.id AS id, count(m) AS n"
        ).records
    }
    assert got and all(got[i] == expected[i] for i in got)

    rerun = run_cli("load", str(half_corpus), env=cli_env)
    assert rerun.returncode == 0, rerun.stderr
    assert "0 failed" in rerun.stdout
    after_crash = graph_dump(driver)

    driver.execute_query("MATCH (n) DETACH DELETE n")
    clean = run_cli("load", str(half_corpus), env=cli_env)
    assert "150 loaded" in clean.stdout
    assert graph_dump(driver) == after_crash


@pytest.mark.skipif(backend() != "local", reason="restarts the project's local server")
def test_server_restart_during_a_load_is_retried_and_counts_match(driver, half_corpus):
    from relgraph.graph.server import LocalServer

    server = LocalServer.default()
    box: dict = {}

    def restart():
        time.sleep(1.0)
        server.stop()
        server.start()
        box["restarted"] = True

    import threading

    t = threading.Thread(target=restart)
    t.start()
    report = load(driver, [str(half_corpus)], batch_size=5)
    t.join()
    assert box.get("restarted")
    assert report.failed == 0 and report.loaded + report.unchanged == 150
    n = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
    assert n == 150


def test_server_down_before_a_load_is_one_line_and_exit_3(cli_env, corpus):
    env = dict(cli_env, NEO4J_URI="bolt://127.0.0.1:1")
    r = run_cli("load", str(corpus), env=env)
    assert r.returncode == 3
    assert r.stderr.strip().splitlines() == [
        "Error: Neo4j is not reachable at bolt://127.0.0.1:1: start it with `relgraph db start`, or set NEO4J_URI"
    ]


HOSTILE = [
    "'}) DETACH DELETE n //",
    "`) MATCH (n) DETACH DELETE n //",
    "Robert\x00'); DROP",
    "\u202eevil\u202c",
    "\\u0027 OR 1=1 --",
    "$a} RETURN 1 //",
]


def test_hostile_text_is_stored_as_data(driver, tmp_path):
    lines = [
        json.dumps(
            {
                "title": h,
                "text": f"Le président russe Vladimir Poutine a rencontré le président "
                f"{h} à Moscou pour discuter de l'agriculture. {h}",
                "published": "2023-01-05",
                "url": f"https://example.org/{i}",
                "outlet": h,
            }
        )
        for i, h in enumerate(HOSTILE)
    ]
    f = tmp_path / "hostile.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = load(driver, [str(f)])
    # NUL characters are refused as text; everything else loads as plain data
    assert report.loaded == len(HOSTILE) - 1 and report.failed == 1
    titles = {r["t"] for r in driver.execute_query("MATCH (a:Article) RETURN a.title AS t").records}
    assert titles == set(HOSTILE) - {"Robert\x00'); DROP"}
    assert driver.execute_query("MATCH (s:State {iso3: 'RUS'}) RETURN count(s) AS n").records[0]["n"] == 1


@pytest.mark.parametrize("value", [h for h in HOSTILE if "\x00" not in h])  # argv cannot hold NUL
def test_hostile_query_parameters_never_reach_the_server(cli_env, value):
    r = run_cli("query", "sectors_discussed", "-p", "a", value, "-p", "b", "PRK", env=cli_env)
    assert r.returncode == 1 and "no state of that name" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameters_through_the_api_are_data_or_refused(driver, value):
    from relgraph.api import run_query
    from relgraph.errors import UnknownName

    with pytest.raises(UnknownName):
        run_query(driver, "sectors_discussed", a=value, b="PRK")
    # an analyst's own question passes parameters as data, never as Cypher text
    cols, rows = run_query(driver, file=str(ROOT / "cypher" / "leaders_of.cypher"), state="RUS")
    assert cols == ["leader", "id", "role", "articles"]


def test_password_is_never_in_help_or_logs():
    from relgraph.graph.server import LocalServer

    s = LocalServer.default()
    if not s.password_file.exists():
        pytest.skip("no local server password here")
    secret = s.password()
    for args in (["--help"], ["db", "--help"], ["db", "start", "--help"], ["load", "--help"], ["query", "--help"]):
        r = run_cli(*args)
        assert secret not in r.stdout + r.stderr
    for log in s.logs.glob("*.log"):
        assert secret not in log.read_text(errors="replace")


def test_debug_shows_the_traceback_and_default_does_not(tmp_path, cli_env):
    env = dict(cli_env, NEO4J_URI="bolt://127.0.0.1:1")
    quiet = run_cli("stats", env=env)
    loud = run_cli("--debug", "stats", env=env)
    assert "Traceback" not in quiet.stderr and "Traceback" in loud.stderr


def test_rows_name_their_article():
    """Every row the writer sends carries its article id: a batch can never mix two articles' facts."""
    from relgraph.graph.write import rows
    from relgraph.loaders.resolve import resolve_article
    from tests.conftest import DATA

    (f,) = list(extract_paths([str(DATA / "fr_summit.txt")]))
    r = rows(resolve_article(f))
    for kind in ROW_KINDS:
        assert all(row["article"] == f.article.id for row in r[kind])
