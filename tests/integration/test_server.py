"""The foundation against a real Neo4j: Bolt, the Browser, the schema, clean connection errors."""

from __future__ import annotations

import urllib.request

import pytest

from relgraph.errors import Neo4jUnavailable
from relgraph.graph import schema
from relgraph.graph.connect import connect
from relgraph.settings import Settings
from tests.conftest import backend, run_cli

LOCAL = backend() == "local"  # the Browser page and `relgraph db` belong to the local server


def test_bolt_answers_with_neo4j_5_26(driver):
    rec = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition AS e"
    ).records[0]
    assert rec["v"].startswith("5.26.")
    assert rec["e"] == "community"


def test_schema_twice_leaves_each_constraint_once(driver, neo4j_settings):
    first = schema.install(driver, neo4j_settings.database)
    second = schema.install(driver, neo4j_settings.database)
    assert first == second
    assert len(second) == len(set(second))
    for name in (
        "constraint_unique_State_iso3",
        "constraint_unique_Leader_id",
        "constraint_unique_Article_id",
        "constraint_unique_Article_doc",
        "constraint_unique_Facility_id",
        "constraint_unique_Source_name",
    ):
        assert second.count(name) == 1
    assert "index_MET_AT_article" in schema.index_names(driver, neo4j_settings.database)


def test_unreachable_server_is_one_clean_error():
    with pytest.raises(Neo4jUnavailable, match="not reachable at bolt://127.0.0.1:1"):
        connect(Settings(uri="bolt://127.0.0.1:1", password="whatever-123"))


def test_wrong_password_is_one_clean_error(neo4j_settings):
    bad = Settings(uri=neo4j_settings.uri, user=neo4j_settings.user, password="not-the-password")
    with pytest.raises(Neo4jUnavailable, match="refused the credentials"):
        connect(bad)


@pytest.mark.parametrize(
    "uri, password, expect",
    [
        ("bolt://127.0.0.1:1", "whatever-123", "not reachable"),
        (None, "not-the-password", "refused the credentials"),
    ],
)
def test_cli_connection_errors_have_no_traceback(cli_env, neo4j_settings, uri, password, expect):
    env = dict(cli_env, NEO4J_PASSWORD=password)
    if uri:
        env["NEO4J_URI"] = uri
    r = run_cli("stats", env=env)
    assert r.returncode == 3
    assert expect in r.stderr
    assert "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(not LOCAL, reason="the Browser check is for the project's local server")
def test_browser_page_is_served():
    from relgraph.graph.server import LocalServer

    s = LocalServer.default()
    with urllib.request.urlopen(s.browser_url, timeout=10) as resp:
        assert resp.status == 200
        assert "neo4j" in resp.read().decode("utf-8", "replace").lower()


@pytest.mark.skipif(not LOCAL, reason="`relgraph db` manages the project's local server")
def test_db_status_reports_urls_and_version():
    r = run_cli("db", "status")
    assert r.returncode == 0, r.stderr
    assert "5.26." in r.stdout and "bolt://127.0.0.1:" in r.stdout and "/browser/" in r.stdout
    # the password is never printed unless asked for
    from relgraph.graph.server import LocalServer

    assert LocalServer.default().password() not in r.stdout + r.stderr


@pytest.mark.skipif(not LOCAL, reason="`relgraph db` manages the project's local server")
def test_local_server_is_loopback_only_and_password_private():
    from relgraph.graph.server import LocalServer

    s = LocalServer.default()
    assert oct(s.password_file.stat().st_mode & 0o777) == "0o600"
    conf = (s.conf_dir / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=true" in conf
    r = run_cli("db", "start")  # already running: says so, exit 0
    assert r.returncode == 0 and "already running" in r.stdout
