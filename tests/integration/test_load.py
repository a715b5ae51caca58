"""Load end to end against the real server: facts with quotes, idempotency, replacement,
bad input in a batch, and the stored question."""

from __future__ import annotations

import json
import shutil

import pytest

from relgraph.api import load, run_query
from tests.conftest import DATA, run_cli


def graph_dump(driver) -> tuple:
    """The whole graph as sets of tuples, for comparing two states of it (the test suite's own
    marker left out: it is no part of what a load writes)."""
    nodes = driver.execute_query(
        "MATCH (n) WHERE NOT (n:RelgraphMeta AND n.key = 'test-suite') RETURN labels(n) AS l, properties(n) AS p"
    ).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, properties(r) AS p, elementId(a) AS a, elementId(b) AS b"
    ).records
    key = lambda d: json.dumps(d, sort_keys=True, default=str)
    ids = {}
    for r in driver.execute_query("MATCH (n) RETURN elementId(n) AS e, properties(n) AS p").records:
        ids[r["e"]] = key(r["p"])
    return (
        sorted(key([r["l"], r["p"]]) for r in nodes),
        sorted(key([r["t"], r["p"], ids[r["a"]], ids[r["b"]]]) for r in rels),
    )


def test_summit_article_gives_the_design_card_edges(driver):
    report = load(driver, [str(DATA / "fr_summit.txt")])
    assert report.loaded == 1 and report.failed == 0

    met = driver.execute_query(
        "MATCH (l:Leader)-[r:MET_AT]->(f:Facility) RETURN l.name AS who, f.name AS place, r.quote AS q"
    ).records
    assert {(r["who"], r["place"]) for r in met} >= {
        ("Vladimir Putin", "Vostochny Cosmodrome"),
        ("Kim Jong Un", "Vostochny Cosmodrome"),
    }
    visits = driver.execute_query(
        "MATCH (l:Leader)-[r:VISITS]->(f) RETURN l.name AS who, f.name AS place, r.status AS status"
    ).records
    assert ("Kim Jong Un", "Vladivostok", "planned") in {(r["who"], r["place"], r["status"]) for r in visits}
    props = driver.execute_query(
        "MATCH (l:Leader)-[r:PROPOSES]->(p:Project)-[:IN_SECTOR]->(s:Sector) RETURN l.name AS who, s.id AS s"
    ).records
    assert ("Vladimir Putin", "transport") in {(r["who"], r["s"]) for r in props}
    src = driver.execute_query("MATCH (:Article)-[r:REPORTED_BY]->(s:Source) RETURN s.name AS s, r.kind AS k").records
    assert {("TASS", "credit"), ("VNA", "credit"), ("CVN", "credit")} <= {(r["s"], r["k"]) for r in src}
    assert ("AFP", "credit") not in {(r["s"], r["k"]) for r in src}


def test_every_fact_edge_quotes_the_article_text(driver):
    load(driver, [str(DATA / "fr_summit.txt")])
    text = (DATA / "fr_summit.txt").read_text(encoding="utf-8")
    recs = driver.execute_query(
        "MATCH ()-[r]->() WHERE r.quote IS NOT NULL RETURN r.start AS s, r.end AS e, r.quote AS q, r.article AS a"
    ).records
    assert len(recs) > 10
    for r in recs:
        assert text[r["s"] : r["e"]] == r["q"]
        assert r["a"].startswith("sha256:")


def test_second_load_changes_nothing(driver, cli_env):
    first = run_cli("load", str(DATA / "fr_summit.txt"), env=cli_env)
    assert first.returncode == 0, first.stderr
    assert "1 loaded" in first.stdout
    before = graph_dump(driver)
    stats_before = run_cli("stats", "--format", "json", env=cli_env).stdout
    second = run_cli("load", str(DATA / "fr_summit.txt"), env=cli_env)
    assert second.returncode == 0
    assert "1 unchanged" in second.stdout and "0 nodes and 0 edges created" in second.stdout
    assert graph_dump(driver) == before
    assert run_cli("stats", "--format", "json", env=cli_env).stdout == stats_before


def test_changed_version_replaces_the_old_facts(driver, tmp_path):
    f = tmp_path / "article.txt"
    shutil.copy(DATA / "fr_summit.txt", f)
    load(driver, [str(f)])
    f.write_text(f.read_text(encoding="utf-8").replace("Vladivostok", "Khabarovsk"), encoding="utf-8")
    report = load(driver, [str(f)])
    assert report.replaced == 1
    assert report.edges_deleted > 0 and "edges of old versions deleted" in report.summary()
    assert driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"] == 1
    places = {r["p"] for r in driver.execute_query("MATCH (:Leader)-[:VISITS]->(f) RETURN f.name AS p").records}
    assert "Vladivostok" not in places
    # no edge of the old version is left, and no node only the old version named
    arts = {r["a"] for r in driver.execute_query("MATCH ()-[r]->() RETURN DISTINCT r.article AS a").records}
    assert len(arts) == 1
    assert (
        driver.execute_query("MATCH (n) WHERE NOT (n)--() AND NOT n:RelgraphMeta RETURN count(n) AS c").records[0]["c"]
        == 0
    )
    assert driver.execute_query("MATCH (f:Facility {name: 'Vladivostok'}) RETURN count(f) AS c").records[0]["c"] == 0


def test_bad_inputs_fail_one_line_each_and_the_rest_loads(driver, cli_env, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    good = json.dumps(
        {
            "title": "t",
            "text": (DATA / "es_reunion.txt").read_text(encoding="utf-8"),
            "published": "2023-03-31",
            "url": "https://example.org/es",
        }
    )
    (tmp_path / "batch.jsonl").write_text(good + "\n{not json\n", encoding="utf-8")
    r = run_cli(
        "load",
        str(tmp_path / "empty.txt"),
        str(tmp_path / "blob.txt"),
        str(tmp_path / "batch.jsonl"),
        str(DATA / "en_visit.txt"),
        str(tmp_path / "missing.txt"),
        env=cli_env,
    )
    assert r.returncode == 1
    errors = [ln for ln in r.stderr.splitlines() if ln.startswith("Error:")]
    assert len(errors) == 4
    assert any("empty.txt: empty file" in e for e in errors)
    assert any("blob.txt: binary" in e for e in errors)
    assert any("batch.jsonl:2: not JSON" in e for e in errors)
    assert any("missing.txt: no such file" in e for e in errors)
    assert "Traceback" not in r.stderr
    assert "2 loaded" in r.stdout and "4 failed" in r.stdout
    n = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n").records[0]["n"]
    assert n == 2


def test_article_naming_no_state_loads_with_a_warning(driver, cli_env):
    r = run_cli("load", str(DATA / "no_state.txt"), env=cli_env)
    assert r.returncode == 0
    assert "names no state" in r.stderr
    assert driver.execute_query("MATCH (a:Article)-[r]->() RETURN count(r) AS n").records[0]["n"] == 0


@pytest.mark.parametrize("a, b", [("RUS", "PRK"), ("Russie", "North Korea"), ("Россия", "КНДР")])
def test_sectors_discussed_by_code_or_alias(driver, cli_env, a, b):
    load(driver, [str(DATA / "fr_summit.txt")])
    r = run_cli("query", "sectors_discussed", "-p", "a", a, "-p", "b", b, "--format", "json", env=cli_env)
    assert r.returncode == 0, r.stderr
    sectors = {row["sector"] for row in json.loads(r.stdout)}
    assert {"space", "agriculture", "transport"} <= sectors


def test_unknown_state_parameter_is_one_clean_error(driver, cli_env):
    r = run_cli("query", "sectors_discussed", "-p", "a", "Atlantis", "-p", "b", "PRK", env=cli_env)
    assert r.returncode == 1 and "Atlantis" in r.stderr and "Traceback" not in r.stderr


def test_hostile_names_reach_the_graph_as_data(driver, tmp_path):
    f = tmp_path / "hostile.txt"
    f.write_text(
        "Title '}) DETACH DELETE n //\nSource: `x`\nDate: 2023-01-05\n\n"
        "Le président russe Vladimir Poutine a rencontré le président Robert '}) DETACH DELETE n // "
        "à Moscou pour discuter de l'agriculture.\n",
        encoding="utf-8",
    )
    load(driver, [str(DATA / "fr_summit.txt")])
    before = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    report = load(driver, [str(f)])
    assert report.loaded == 1
    after = driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    assert after > before
    cols, rows = run_query(driver, "sectors_discussed", a="RUS", b="PRK")
    assert rows


def test_force_rewrites_an_unchanged_article_to_the_same_graph(driver):
    load(driver, [str(DATA / "fr_summit.txt")])
    before = graph_dump(driver)
    report = load(driver, [str(DATA / "fr_summit.txt")], force=True)
    assert report.replaced == 1 and report.unchanged == 0
    assert graph_dump(driver) == before
    version = driver.execute_query("MATCH (a:Article) RETURN a.extractor AS v").records[0]["v"]
    assert version.startswith("relgraph")


def test_two_paths_one_text_then_one_edited(driver, tmp_path):
    """a.txt and b.txt hold the same text (one Article); editing a.txt keeps b.txt's text."""
    text = (DATA / "fr_summit.txt").read_text(encoding="utf-8")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text, encoding="utf-8")
    load(driver, [str(a), str(b)])
    assert driver.execute_query("MATCH (x:Article) RETURN count(x) AS n").records[0]["n"] == 1
    a.write_text(text.replace("Vladivostok", "Khabarovsk"), encoding="utf-8")
    load(driver, [str(a), str(b)])
    docs = {r["d"] for r in driver.execute_query("MATCH (x:Article) RETURN x.doc AS d").records}
    assert docs == {"file://" + str(a.resolve()), "file://" + str(b.resolve())}
    # and a second run of the same input changes nothing
    before = graph_dump(driver)
    report = load(driver, [str(a), str(b)])
    assert report.loaded == report.replaced == 0
    assert graph_dump(driver) == before


def test_a_line_inserted_on_top_of_a_batch_replaces_nothing(driver, tmp_path):
    lines = [
        json.dumps({"title": f"t{i}", "text": (DATA / name).read_text(encoding="utf-8")})
        for i, name in enumerate(["es_reunion.txt", "de_treffen.txt"])
    ]
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load(driver, [str(f)])
    before = graph_dump(driver)
    f.write_text(
        json.dumps({"title": "new", "text": (DATA / "ru_vstrecha.txt").read_text(encoding="utf-8")})
        + "\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )
    report = load(driver, [str(f)])
    assert (report.loaded, report.replaced, report.unchanged) == (1, 0, 2)
    n = driver.execute_query("MATCH (x:Article) RETURN count(x) AS n").records[0]["n"]
    assert n == 3 and len(graph_dump(driver)[0]) > len(before[0])


def test_a_meeting_announced_then_reported_is_one_held_meeting(driver, tmp_path):
    planned = (
        "US President Joe Biden will meet Chinese President Xi Jinping in San Francisco "
        "on November 15, 2023, the White House said."
    )
    held = (
        "US President Joe Biden met Chinese President Xi Jinping in San Francisco on November 15, 2023, "
        "and the two leaders discussed trade."
    )
    f = tmp_path / "two.jsonl"
    f.write_text(
        json.dumps({"text": planned, "published": "2023-11-10", "url": "https://example.org/p"})
        + "\n"
        + json.dumps({"text": held, "published": "2023-11-16", "url": "https://example.org/h"})
        + "\n",
        encoding="utf-8",
    )
    load(driver, [str(f)])
    rows = driver.execute_query(
        "MATCH (m:Meeting)<-[a:ATTENDED]-() RETURN m.status AS s, m.date AS d, count(DISTINCT a.article) AS n"
    ).records
    assert [(r["s"], r["d"], r["n"]) for r in rows] == [("held", "2023-11-15", 2)]
