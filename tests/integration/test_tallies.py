"""The counts partners_of, leaders_of, sector_trend and sources_for read (schema version 5, graph/write.py ``_TALLY``): each
article adds its share when written and takes it away when replaced, so the questions read a
node a row instead of every per-article edge of a busy state; and the counts of resolved nodes
meetings_between, timeline and facilities_visited read (schema version 6, graph/events.py
``tally_keys``): each Meeting and Visit node adds its share when resolution writes it and takes it
away when it rewrites or deletes it. These tests fail when a writer does not keep them: after
loads, a replaced article, an article replaced by a text naming other states, the same text
forced again, a bulk import and a migration, the counts equal a recount from the nodes and
edges, and the questions give the rows (or totals) their edge-reading texts gave."""

from __future__ import annotations

import itertools
from dataclasses import replace as dc_replace

from relgraph.graph import schema
from relgraph.graph.write import TALLIES, recount, write_articles
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_article
from tests.conftest import wipe
from tests.integration.test_events import EVENTS, _write, resolved
from tests.integration.test_load import graph_dump
from tests.integration.test_pair_index import PAIRS
from tests.integration.test_queries import rows
from tests.integration.test_safety import assert_load_refused

# what the two questions read before the counts: every per-article edge of the state
PARTNERS_FROM_EDGES = """
MATCH (:State {iso3: $state})<-[:MENTIONS {role: 'actor'}]-(art:Article)
WHERE $state IN art.pair
WITH art, [x IN art.pair WHERE x <> $state][0] AS partner
WITH partner, count(DISTINCT art) AS articles, sum(size(coalesce(art.meeting_spans, [])) + size(coalesce(art.projects, []))) AS facts
MATCH (s:State {iso3: partner})
RETURN partner, s.name AS name, articles, facts
ORDER BY articles DESC, facts DESC, partner
"""
SECTORS_FROM_EDGES = """
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (art:Article)-[r:MENTIONS]->(s:Sector)
WHERE r.pair = key AND art.published IS NOT NULL
RETURN substring(art.published, 0, 7) AS month, s.id AS sector, count(DISTINCT art) AS articles
ORDER BY month, articles DESC, sector
"""
SOURCES_FROM_EDGES = """
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (art:Article)-[rb:REPORTED_BY]->(s:Source)
WHERE rb.pair = key
CALL (art) {
  UNWIND coalesce(art.meeting_spans, []) + coalesce(art.projects, []) AS fid
  RETURN count(fid) AS n
}
RETURN s.name AS source, s.kind AS type, rb.kind AS kind, count(DISTINCT art) AS articles, sum(n) AS facts
ORDER BY articles DESC, facts DESC, source, kind
"""
LEADERS_FROM_EDGES = """
MATCH (:State {iso3: $state})<-[r:LEADS]-(l)
WITH l, collect(DISTINCT r.role) AS role, count(DISTINCT r.article) AS articles
RETURN l.name AS leader, l.id AS id, role, articles
ORDER BY articles DESC, leader
"""

# what meetings_between's and timeline's totals counted before (schema version 5): the pair's
# meetings someone named attended, every one read; a traveller's dated visits to the other state
TOTALS_FROM_NODES = """
WITH CASE WHEN $a < $b THEN $a + '|' + $b ELSE $b + '|' + $a END AS k
CALL (k) {
  MATCH (m:Meeting)
  WHERE m.block = k AND EXISTS { (m)<-[:ATTENDED]-() }
  RETURN count(m.lo) AS two, count(m.date) AS two_dated
}
CALL () {
  MATCH (m:Meeting)
  WHERE $a IN split(m.multilateral, '|') AND $b IN split(m.multilateral, '|') AND EXISTS { (m)<-[:ATTENDED]-() }
  RETURN count(m) AS more, count(m.date) AS more_dated
}
CALL () {
  UNWIND [[$a, $b], [$b, $a]] AS side
  MATCH (l:Leader {state: side[0]})
  MATCH (v:Visit)
  WHERE v.block = l.id + '>' + side[1] AND v.date IS NOT NULL
  RETURN count(v) AS visits
}
// (the calls and proposals timeline counts as it did)
CALL () {
  MATCH (:State {iso3: $a})<-[:INVOLVES]-(c:Call)
  WITH DISTINCT c
  WHERE c.date IS NOT NULL AND EXISTS { (c)-[:INVOLVES]->(:State {iso3: $b}) } AND EXISTS { (c)<-[:ON_CALL]-(:Leader) }
  RETURN count(c) AS calls
}
CALL () {
  WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
  MATCH (pr:Project {pair_key: key})<-[:PROPOSES]-(x)
  WITH DISTINCT pr, x
  WHERE pr.first IS NOT NULL
  RETURN count(*) AS proposals
}
RETURN two + more AS meetings, two_dated + more_dated + visits + calls + proposals AS facts
"""
# facilities_visited before (schema version 5): each place's per-report TO and HELD_AT edges
FACILITIES_FROM_EDGES = """
MATCH (f:Facility {state: $state})
CALL (f) {
  OPTIONAL MATCH (f)<-[:TO]-(v:Visit)
  RETURN count(DISTINCT v) AS visits
}
CALL (f) {
  OPTIONAL MATCH (f)<-[:HELD_AT]-(m:Meeting)
  RETURN count(DISTINCT m) AS meetings
}
WITH f, visits, meetings WHERE visits + meetings > 0
CALL (f) {
  OPTIONAL MATCH (f)<-[r:TO|HELD_AT]-()
  RETURN count(DISTINCT r.article) AS articles
}
CALL (f) {
  MATCH (f)<-[:TO]-(v:Visit)
  WITH DISTINCT v.visitor AS vid
  MATCH (l:Leader {id: vid})
  WITH DISTINCT l ORDER BY l.name LIMIT 10
  RETURN collect(l.name) AS visitors
}
RETURN f.name AS facility, f.kind AS kind, visits, meetings, articles, visitors
ORDER BY visits + meetings DESC, facility
"""


def assert_node_counts_read(driver, states: list[str]) -> int:
    """Every pair of states: meetings_between's and timeline's totals are what counting the nodes
    gives; every state: facilities_visited gives the rows the edges give. Returns how many pairs
    have meetings."""
    with_meetings = 0
    for a, b in itertools.combinations(states, 2):
        want = driver.execute_query(TOTALS_FROM_NODES, a=a, b=b).records[0]
        for x, y in ((a, b), (b, a)):
            got = rows(driver, "meetings_between", a=x, b=y, limit=1)
            assert [r["total"] for r in got] == ([want["meetings"]] if want["meetings"] else []), (x, y)
            got = rows(driver, "timeline", a=x, b=y, limit=1)
            assert [r["total"] for r in got] == ([want["facts"]] if want["facts"] else []), (x, y)
        with_meetings += bool(want["meetings"])
    for s in states:
        want = [dict(r) for r in driver.execute_query(FACILITIES_FROM_EDGES, state=s).records]
        assert rows(driver, "facilities_visited", state=s) == want, s
    return with_meetings


def counts(driver) -> list[tuple]:
    return [tuple(r.values()) for r in driver.execute_query(TALLIES).records]


def assert_counts_kept(driver) -> int:
    """The counts equal a recount from the edges, and every state's partners_of and leaders_of
    rows equal what the edges give; returns how many states have partners."""
    kept = counts(driver)
    recount(driver)
    assert counts(driver) == kept
    states = [r["s"] for r in driver.execute_query("MATCH (s:State) RETURN s.iso3 AS s ORDER BY s").records]
    assert assert_node_counts_read(driver, states) >= 1
    with_partners = 0
    for s in states:
        want = [dict(r) for r in driver.execute_query(PARTNERS_FROM_EDGES, state=s).records]
        assert rows(driver, "partners_of", state=s) == want, s
        with_partners += bool(want)
        want = [dict(r) for r in driver.execute_query(LEADERS_FROM_EDGES, state=s).records]
        got = rows(driver, "leaders_of", state=s)
        # the roles are listed in order now (the edges gave them in the order they were read)
        assert [(r["leader"], r["id"], r["role"], r["articles"]) for r in got] == [
            (w["leader"], w["id"], sorted(w["role"]), w["articles"]) for w in want
        ], s
    pairs = [
        r["k"].split("-")
        for r in driver.execute_query(
            "MATCH (a:Article) WHERE a.pair_key IS NOT NULL RETURN DISTINCT a.pair_key AS k ORDER BY k"
        ).records
    ]
    for a, b in pairs:
        want = [dict(r) for r in driver.execute_query(SECTORS_FROM_EDGES, a=a, b=b).records]
        assert rows(driver, "sector_trend", a=b, b=a) == want, (a, b)
        want = [dict(r) for r in driver.execute_query(SOURCES_FROM_EDGES, a=a, b=b).records]
        assert rows(driver, "sources_for", a=a, b=b) == want, (a, b)
    return with_partners


def test_counts_follow_loads_replacements_and_forced_reloads(driver):
    docs = {**resolved(EVENTS), **resolved(PAIRS)}
    names = sorted(docs)
    _write(driver, docs, names[:7], batch=3)
    assert assert_counts_kept(driver) >= 2
    _write(driver, docs, names[7:], batch=100)
    assert assert_counts_kept(driver) >= 4
    assert counts(driver)  # there is something to keep
    kinds = {r["k"] for r in driver.execute_query("MATCH (t:Tally) RETURN DISTINCT t.kind AS k").records}
    assert {"meetings", "visits", "facility", "visitor"} <= kinds

    # a document replaced by a text naming other states (its shares move to the new pair) ...
    old = docs["t1_en_trilateral.txt"]
    text = "Brazilian President Luiz Inacio Lula da Silva met French President Emmanuel Macron in Paris on Monday."
    new = resolve_article(extract_article(dc_replace(old.article, text=text)))
    assert write_articles(driver, [new]).statuses[new.article.id] == "replaced"
    assert assert_counts_kept(driver) >= 4
    # ... by a text naming no state (its shares go, and a count at zero is no node)
    empty = resolve_article(extract_article(dc_replace(old.article, text="Nothing was said today.")))
    write_articles(driver, [empty])
    assert_counts_kept(driver)
    assert all(r[1] > 0 for r in counts(driver))
    # the same texts forced again: each taken away, then added back
    before = counts(driver)
    write_articles(driver, [docs[n] for n in names[:5]], force=True)
    assert counts(driver) == before
    assert_counts_kept(driver)

    # documents replaced by texts naming nothing, then back: the meetings and visits only they
    # reported go (their nodes' counts with them), the others they reported are rebuilt or renamed
    gone = [n for n in names if n != "t1_en_trilateral.txt"][::3]
    blanks = [
        resolve_article(extract_article(dc_replace(docs[n].article, text=f"Nothing was said today ({n}).")))
        for n in gone
    ]
    meetings = driver.execute_query("MATCH (m:Meeting|Visit) RETURN count(m) AS n").records[0]["n"]
    write_articles(driver, blanks)
    assert driver.execute_query("MATCH (m:Meeting|Visit) RETURN count(m) AS n").records[0]["n"] < meetings
    assert_counts_kept(driver)
    write_articles(driver, [docs[n] for n in gone])
    assert counts(driver) == before
    assert_counts_kept(driver)

    # a fresh load of what the graph now holds gives the same counts
    after = graph_dump(driver)
    wipe(driver)
    _write(driver, {**docs, "t1_en_trilateral.txt": empty}, names, batch=100)
    assert graph_dump(driver) == after


def test_a_version_4_graph_is_migrated_to_the_counts_a_load_makes(driver, cli_env):
    docs = resolved(PAIRS)
    _write(driver, docs, sorted(docs), batch=100)
    fresh = graph_dump(driver)
    driver.execute_query("MATCH (t:Tally) DELETE t")
    driver.execute_query("DROP INDEX tally_kind_of IF EXISTS")
    driver.execute_query("MATCH (m:RelgraphMeta {key: 'schema'}) SET m.version = 4")
    assert graph_dump(driver) != fresh
    assert_load_refused(driver, cli_env, str(PAIRS / "t2_en_bilateral.txt"), 4, graph_dump(driver))

    from tests.conftest import run_cli

    migrated = run_cli("db", "migrate", env=cli_env)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == f"graph migrated from schema version 4 to {schema.SCHEMA_VERSION}"
    n = len(counts(driver))
    assert migrated.stderr.splitlines() == [
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 1/3: "
        "the articles naming each state's partners and leaders, pairs' meetings and places' visits, counted ...",
        f"  {n} counts",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 2/3: "
        "the articles' languages and sources on proposal reports, and what proposals shows on projects ...",
        "  0 projects",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 3/3: "
        "the leader and the meeting's date on each ATTENDED edge ...",
        "  0 set",
    ]
    assert graph_dump(driver) == fresh
    assert "tally_kind_of" in schema.index_names(driver)
    assert_counts_kept(driver)
