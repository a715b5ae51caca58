"""The pair questions read what the writers keep for them (schema version 4): a meeting's block
and date in an index, read newest first as far as the page needs, and ``multilateral`` (the
states of a meeting of three or more) for the meetings a pair shares with others. These tests
fail when that is not kept: after loads, a replaced article and a migration, every pair of states
gets from ``meetings_between`` and ``timeline`` the meetings the per-report ``INVOLVES`` edges
give (what the questions expanded before), and the newest of them first."""

from __future__ import annotations

import itertools
from dataclasses import replace as dc_replace

from relgraph.graph import schema
from relgraph.graph.write import write_articles
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_article
from tests.conftest import DATA, run_cli, wipe
from tests.integration.test_events import EVENTS, _write, resolved
from tests.integration.test_load import graph_dump
from tests.integration.test_queries import rows
from tests.integration.test_safety import assert_load_refused

NEW_INDEXES = (
    "meeting_block_date",
    "meeting_multilateral",
    "visit_block_date",
    "visit_visitor_date",
    "mentions_pair",
    "reported_by_pair",
)
PAIRS = DATA / "pairs"  # a summit of three states (two reports) and a talk of two of them that day

# the meetings of two states, from the per-report INVOLVES edges
EDGES = """
MATCH (:State {iso3: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(:State {iso3: $b})
WITH DISTINCT m
WHERE EXISTS { (m)<-[:ATTENDED]-() }
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
WITH m, min(f.name) AS place
MATCH (l:Leader)-[:ATTENDED]->(m)
WITH m, place, collect(DISTINCT l.name) AS people
RETURN m.date AS date, m.id AS id, place, people
ORDER BY coalesce(m.date, '') DESC, m.id
"""


def _docs():
    return {**resolved(EVENTS), **resolved(PAIRS)}


def _key(date, place, people):
    return (date or "", place or "", tuple(sorted(people)))


def assert_pairs_read_as_the_edges(driver) -> int:
    """Every pair of states: the same meetings as the edges give, newest first; returns how many
    pairs have meetings."""
    states = [r["s"] for r in driver.execute_query("MATCH (s:State) RETURN s.iso3 AS s ORDER BY s").records]
    with_meetings = 0
    for a, b in itertools.combinations(states, 2):
        want = [dict(r) for r in driver.execute_query(EDGES, a=a, b=b).records]
        got = rows(driver, "meetings_between", a=b, b=a, limit=1000)
        assert sorted(_key(r["date"], r["place"], r["participants"]) for r in got) == sorted(
            _key(w["date"], w["place"], w["people"]) for w in want
        ), (a, b)
        assert all(r["total"] == len(want) for r in got), (a, b)
        dated = [w for w in want if w["date"]]
        facts = [r for r in rows(driver, "timeline", a=a, b=b, limit=1000) if r["fact"] == "meeting"]
        assert sorted(_key(r["date"], r["what"], r["who"]) for r in facts) == sorted(
            _key(w["date"], w["place"], w["people"]) for w in dated
        ), (a, b)
        if want:
            with_meetings += 1
            (first,) = rows(driver, "meetings_between", a=a, b=b, limit=1)
            assert _key(first["date"], first["place"], first["participants"]) == _key(
                want[0]["date"], want[0]["place"], want[0]["people"]
            ), (a, b)
            assert first["total"] == len(want)
    return with_meetings


def _pair(driver, a, b):
    got = [(r["date"], r["articles"], len(r["participants"])) for r in rows(driver, "meetings_between", a=a, b=b)]
    return sorted(got, key=lambda x: (x[0] or "", x[1:]))


def test_every_pair_reads_its_meetings_from_the_index_after_loads_and_a_replacement(driver):
    docs = _docs()
    names = sorted(docs)
    _write(driver, docs, names, batch=100)
    assert assert_pairs_read_as_the_edges(driver) >= 4
    # the summit of three (two reports, one undated) is a meeting of each of its three pairs;
    # Putin and Xi's own talk that day is another meeting (another set of states), their Kremlin
    # meeting (tests/data/events) a third
    assert _pair(driver, "KAZ", "RUS") == [("2024-06-19", 2, 3)]
    assert _pair(driver, "CHN", "KAZ") == [("2024-06-19", 2, 3)]
    assert _pair(driver, "CHN", "RUS") == [("2024-05-20", 3, 2), ("2024-06-19", 1, 2), ("2024-06-19", 2, 3)]
    assert driver.execute_query(
        "MATCH (m:Meeting) WHERE m.multilateral IS NOT NULL RETURN collect(m.multilateral) AS b"
    ).records[0]["b"] == ["CHN|KAZ|RUS"]

    # the dated report of the summit is replaced by a version without the Kazakh president: it
    # now reports Putin and Xi's talk (it joins that meeting), the summit keeps its undated report
    old = docs["t1_en_trilateral.txt"]
    text = old.article.text.replace("Kazakh President Kassym-Jomart Tokayev met ", "").replace(
        "Russian President Vladimir Putin and Chinese", "Russian President Vladimir Putin met Chinese"
    )
    new = resolve_article(extract_article(dc_replace(old.article, text=text)))
    assert [len(m.participant_ids) for m in new.facts.meetings] == [2]
    assert write_articles(driver, [new]).statuses[new.article.id] == "replaced"
    assert_pairs_read_as_the_edges(driver)
    assert _pair(driver, "CHN", "RUS") == [(None, 1, 3), ("2024-05-20", 3, 2), ("2024-06-19", 2, 2)]
    assert _pair(driver, "KAZ", "RUS") == [(None, 1, 3)]
    after = graph_dump(driver)
    wipe(driver)
    _write(driver, {**docs, "t1_en_trilateral.txt": new}, names, batch=100)
    assert graph_dump(driver) == after

    # the undated report goes too (its document replaced by a text reporting no meeting): no
    # meeting of three is left, nor any meeting of Kazakhstan
    gone = docs["t3_es_trilateral_undated.txt"]
    text = "Funcionarios de Astaná hablaron de un corredor ferroviario."
    empty = resolve_article(extract_article(dc_replace(gone.article, text=text)))
    assert not empty.facts.meetings
    write_articles(driver, [empty])
    assert_pairs_read_as_the_edges(driver)
    assert _pair(driver, "KAZ", "RUS") == []
    assert _pair(driver, "CHN", "RUS") == [("2024-05-20", 3, 2), ("2024-06-19", 2, 2)]
    assert (
        driver.execute_query("MATCH (m:Meeting) WHERE m.multilateral IS NOT NULL RETURN count(m) AS n").records[0]["n"]
        == 0
    )


def test_a_version_3_graph_is_migrated_to_the_pair_keys_a_load_makes(driver, cli_env):
    docs = resolved(PAIRS)
    _write(driver, docs, sorted(docs), batch=100)
    fresh = graph_dump(driver)
    # the graph as version 3 wrote it: no multilateral key, none of its indexes
    driver.execute_query("MATCH (m:Meeting) REMOVE m.multilateral")
    driver.execute_query("MATCH ()-[r:REPORTED_BY]->() REMOVE r.pair")
    for name in NEW_INDEXES:
        driver.execute_query(f"DROP INDEX {name} IF EXISTS")
    driver.execute_query("MATCH (m:RelgraphMeta {key: 'schema'}) SET m.version = 3")
    assert graph_dump(driver) != fresh
    assert_load_refused(driver, cli_env, str(PAIRS / "t2_en_bilateral.txt"), 3, graph_dump(driver))

    migrated = run_cli("db", "migrate", env=cli_env)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == f"graph migrated from schema version 3 to {schema.SCHEMA_VERSION}"
    err = migrated.stderr.splitlines()
    tallies = driver.execute_query("MATCH (t:Tally) RETURN count(t) AS n").records[0]["n"]
    assert err == [
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 1/5: the states of meetings of three or more states ...",
        "  1 set",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 2/5: the pair on source edges ...",
        "  3 set",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 3/5: "
        "the articles naming each state's partners and leaders, pairs' meetings and places' visits, counted ...",
        f"  {tallies} counts",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 4/5: "
        "the articles' languages and sources on proposal reports, and what proposals shows on projects ...",
        "  0 projects",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 5/5: "
        "the leader and the meeting's date on each ATTENDED edge ...",
        "  0 set",
    ]
    assert graph_dump(driver) == fresh
    assert set(NEW_INDEXES) <= set(schema.index_names(driver))
    assert _pair(driver, "KAZ", "RUS") == [("2024-06-19", 2, 3)]
    assert_pairs_read_as_the_edges(driver)
