"""What the writers keep for the questions of a period and a proposer (schema version 7): each
ATTENDED edge carries its leader and its meeting's date (``leader``, ``mdate``, in an index that
``meetings_of`` reads newest first), a proposal report its article's language, outlet and sources
and a Project what ``proposals`` shows of its articles (``events.project_summary``); indexes for
``proposals_by`` (a proposer's projects by month) and ``sectors_discussed`` (a pair's articles by
publication date). These tests fail when a writer does not keep them: after loads in an order
where undated reports come before the dated ones they join (a meeting's date changes while it
keeps its edges), a document replaced by a text naming other states, documents blanked and
restored, forced reloads and a migration, the edges and projects hold what a recount gives, and
the four questions give the rows their version-6 texts (below) gave."""

from __future__ import annotations

import json
from dataclasses import replace as dc_replace

from relgraph.graph import events, schema
from relgraph.graph.write import write_articles
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_article
from tests.conftest import DATA, run_cli, wipe
from tests.integration.test_events import EVENTS, _write, resolved
from tests.integration.test_load import graph_dump
from tests.integration.test_queries import rows
from tests.integration.test_safety import assert_load_refused

PAIRS = DATA / "pairs"
TRIPS = DATA / "trips"

# the questions' texts of schema version 6, which read every edge of the leader, the proposer or the
# pair (cypher/ at the version-6 commit, comments left out)
OLD_MEETINGS_OF = """
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[:ATTENDED]->(m:Meeting)
WHERE ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
WITH DISTINCT l, m
WITH l, m ORDER BY coalesce(m.date, '') DESC, l.name, m.id
WITH collect({l: l, m: m}) AS lms
UNWIND lms[..coalesce($limit, 100)] AS lm
WITH lm.l AS l, lm.m AS m, size(lms) AS total
MATCH (l)-[at:ATTENDED]->(m)
OPTIONAL MATCH (m)-[:HELD_AT]->(f:Facility)
OPTIONAL MATCH (o:Leader)-[:ATTENDED]->(m) WHERE o <> l
RETURN m.date AS date, m.status AS status, f.name AS place, l.name AS leader,
       collect(DISTINCT o.name) AS met, count(DISTINCT at.article) AS articles,
       collect(DISTINCT at.quote)[..3] AS quotes, total
ORDER BY coalesce(date, '') DESC, leader
"""
OLD_PROPOSALS = """
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (pr:Project {pair_key: key})<-[p:PROPOSES]-(x)
MATCH (art:Article {id: p.article})
OPTIONAL MATCH (art)-[:REPORTED_BY]->(src:Source)
WITH pr, x, art, p, src ORDER BY art.published, art.id, p.start
WITH pr, x, collect(DISTINCT art) AS arts, collect(p) AS ps,
     collect(DISTINCT src.name) + [a IN collect(DISTINCT art) | a.outlet] AS names
RETURN coalesce(x.name, x.iso3) AS by, pr.sector AS sector, ps[0].what AS what, ps[0].quote AS quote,
       arts[0].published AS published, arts[0].id AS article, size(arts) AS articles,
       reduce(ls = [], a2 IN arts | CASE WHEN a2.lang IS NULL OR a2.lang IN ls THEN ls ELSE ls + a2.lang END)
         AS languages,
       reduce(o = [], x IN [n IN names WHERE n IS NOT NULL] | CASE WHEN x IN o THEN o ELSE o + x END) AS sources,
       pr.joined_by AS joined_by
ORDER BY published, by
"""
OLD_PROPOSALS_BY = """
CALL () {
  MATCH (x:Leader {id: $who}) RETURN x
  UNION
  MATCH (x:Leader {state: $who}) RETURN x
  UNION
  MATCH (x:State {iso3: $who}) RETURN x
}
MATCH (x)-[p:PROPOSES]->(pr:Project)
MATCH (art:Article {id: p.article})
WITH x, p, pr, art, [s IN coalesce(art.pair, []) WHERE s <> coalesce(x.state, x.iso3)] AS other
WHERE ($to IS NULL OR $to IN other)
  AND ($since IS NULL OR art.published >= $since) AND ($until IS NULL OR art.published <= $until)
OPTIONAL MATCH (pr)-[ins:IN_SECTOR {article: art.id}]->(s:Sector)
RETURN coalesce(x.name, x.iso3) AS by, other AS partner, s.id AS sector, p.what AS what, p.quote AS quote,
       art.published AS published, art.id AS article
ORDER BY published, by
"""
# (every quote, not three: the old text's three were the first in the order the edges were read)
OLD_SECTORS_DISCUSSED = """
WITH CASE WHEN $a < $b THEN $a + '-' + $b ELSE $b + '-' + $a END AS key
MATCH (art:Article {pair_key: key})
WHERE ($since IS NULL OR art.published >= $since) AND ($until IS NULL OR art.published <= $until)
CALL (art) {
  MATCH (art)-[r:MENTIONS]->(s:Sector)
  RETURN s, r.quote AS quote
  UNION
  MATCH (m:Meeting)-[d:DISCUSSED {article: art.id}]->(s:Sector)
  RETURN s, d.quote AS quote
}
RETURN s.id AS sector, count(DISTINCT art) AS articles, collect(DISTINCT quote) AS quotes
ORDER BY articles DESC, sector
"""

# ATTENDED edges whose leader or meeting date is not what the edge's ends say
STALE_ATTENDED = """
MATCH (l)-[a:ATTENDED]->(m)
WHERE a.leader IS NULL OR a.leader <> l.id OR a.mdate IS NULL OR a.mdate <> coalesce(m.date, '')
RETURN count(a) AS n
"""
# each project's articles' language, outlet and sources, from the graph
PROJECT_ARTICLES = """
MATCH (p:Project)
RETURN p.id AS id, p.reports AS reports, p.articles AS articles, p.languages AS languages, p.sources AS sources,
       p.first_what AS what, p.first_quote AS quote, p.first_article AS article
"""
ARTICLE_FIELDS = """
MATCH (a:Article)
OPTIONAL MATCH (a)-[:REPORTED_BY]->(s:Source)
RETURN a.id AS id, a.lang AS lang, a.outlet AS outlet, collect(DISTINCT s.name) AS sources
"""


def old_rows(driver, text: str, **params) -> list[dict]:
    return [dict(r) for r in driver.execute_query(text, params).records]


def _norm(r: dict, loose: tuple[str, ...] = ()) -> str:
    return json.dumps({k: sorted(v) if k in loose else v for k, v in r.items()}, sort_keys=True, default=str)


def same_rows(got: list[dict], want: list[dict], order: tuple[str, ...], loose: tuple[str, ...] = ()) -> None:
    """The same rows, in the same order as far as the question's ORDER BY (``order``) defines it
    (rows tied on it may come in any order, before as now), lists in ``loose`` compared as sets."""
    assert [tuple(r[k] for k in order) for r in got] == [tuple(r[k] for k in order) for r in want]
    assert sorted(_norm(r, loose) for r in got) == sorted(_norm(r, loose) for r in want)


def assert_kept(driver) -> dict[str, int]:
    """The edges and projects hold what the graph gives, and the four questions give the rows
    their version-6 texts give; returns how many non-empty answers each question had (a test
    whose graph gives none checks nothing)."""
    assert driver.execute_query(STALE_ATTENDED).records[0]["n"] == 0
    arts = {r["id"]: dict(r) for r in driver.execute_query(ARTICLE_FIELDS).records}
    for p in driver.execute_query(PROJECT_ARTICLES).records:
        reports = events.decode(p["reports"])
        for r in reports:
            a = arts[r["article"]]
            assert (r["lang"], r["outlet"], r["sources"]) == (a["lang"], a["outlet"], sorted(a["sources"])), p["id"]
        want = events.project_summary(reports)
        assert (p["articles"], p["languages"], p["sources"]) == (want["articles"], want["languages"], want["sources"])
        assert (p["what"], p["quote"], p["article"]) == (want["first_what"], want["first_quote"], want["first_article"])

    found = {"meetings_of": 0, "proposals": 0, "proposals_by": 0, "sectors_discussed": 0}
    dates = [
        r["d"]
        for r in driver.execute_query(
            "MATCH (m:Meeting) WHERE m.date IS NOT NULL RETURN DISTINCT m.date AS d ORDER BY d"
        ).records
    ]
    mid = dates[len(dates) // 2] if dates else "2024-01-01"
    periods = [(None, None), (mid, None), (None, mid), (mid, mid), ("2000-01-01", "2099-12-31")]
    who = [
        r["w"]
        for r in driver.execute_query(
            "MATCH (l:Leader) WHERE EXISTS { (l)-[:ATTENDED|PROPOSES]->() } "
            "RETURN l.id AS w UNION MATCH (l:Leader)-[:ATTENDED|PROPOSES]->() RETURN DISTINCT l.state AS w "
            "UNION MATCH (s:State)-[:PROPOSES]->() RETURN DISTINCT s.iso3 AS w"
        ).records
        if r["w"]
    ]
    states = [r["s"] for r in driver.execute_query("MATCH (s:State) RETURN s.iso3 AS s ORDER BY s").records]
    for w in who:
        for since, until in periods:
            for limit in (None, 1, 2):
                p = {"who": w, "since": since, "until": until, "limit": limit}
                want = old_rows(driver, OLD_MEETINGS_OF, **p)
                got = rows(driver, "meetings_of", **p)
                assert [_norm(r) for r in got] == [_norm(r) for r in want], p
                found["meetings_of"] += bool(want)
            for to in (None, *states):
                p = {"who": w, "to": to, "since": since, "until": until}
                want = old_rows(driver, OLD_PROPOSALS_BY, **p)
                same_rows(rows(driver, "proposals_by", **p), want, ("published", "by"))
                found["proposals_by"] += bool(want)
    pairs = [
        r["k"].split("-")
        for r in driver.execute_query(
            "MATCH (a:Article) WHERE a.pair_key IS NOT NULL RETURN DISTINCT a.pair_key AS k "
            "UNION MATCH (p:Project) WHERE p.pair_key IS NOT NULL RETURN DISTINCT p.pair_key AS k"
        ).records
    ]
    for a, b in pairs:
        want = old_rows(driver, OLD_PROPOSALS, a=a, b=b)
        # (the sources one article credits came in the order its edges were read: now sorted)
        same_rows(rows(driver, "proposals", a=b, b=a), want, ("published", "by"), loose=("sources",))
        found["proposals"] += bool(want)
        for since, until in periods:
            p = {"a": a, "b": b, "since": since, "until": until}
            want = old_rows(driver, OLD_SECTORS_DISCUSSED, **p)
            got = rows(driver, "sectors_discussed", **p)
            # the same sectors and counts in order; three of the quotes (before: the first three
            # read; now: the oldest article's first)
            assert [(r["sector"], r["articles"]) for r in got] == [(r["sector"], r["articles"]) for r in want], p
            for g, w in zip(got, want):
                assert set(g["quotes"]) <= set(w["quotes"]) and len(g["quotes"]) == min(3, len(w["quotes"]))
            found["sectors_discussed"] += bool(want)
    return found


def docs_all() -> dict:
    return {**resolved(EVENTS), **resolved(PAIRS), **resolved(TRIPS)}


def test_what_the_period_questions_read_follows_loads_replacements_and_reloads(driver):
    docs = docs_all()
    names = sorted(docs)
    # newest names first, one a transaction: undated reports (a2, a6) come before the dated
    # report they join, whose day becomes their meeting's date while it keeps their edges
    _write(driver, docs, sorted(names[: len(names) // 2], reverse=True), batch=1)
    assert min(assert_kept(driver).values()) >= 1
    _write(driver, docs, names[len(names) // 2 :], batch=5)
    assert min(assert_kept(driver).values()) >= 1
    renamed = driver.execute_query(
        "MATCH (l)-[a:ATTENDED]->(m:Meeting) WHERE m.date IS NOT NULL RETURN count(DISTINCT m) AS n"
    ).records[0]["n"]
    assert renamed >= 1

    # a document replaced by a text naming other states ...
    old = docs["t1_en_trilateral.txt"]
    text = "Brazilian President Luiz Inacio Lula da Silva met French President Emmanuel Macron in Paris on Monday."
    new = resolve_article(extract_article(dc_replace(old.article, text=text)))
    assert write_articles(driver, [new]).statuses[new.article.id] == "replaced"
    assert_kept(driver)
    # ... documents blanked (their meetings, visits and projects go, others are rebuilt), then back
    gone = names[::3]
    blanks = [
        resolve_article(extract_article(dc_replace(docs[n].article, text=f"Nothing was said today ({n}).")))
        for n in gone
    ]
    write_articles(driver, blanks)
    assert_kept(driver)
    write_articles(driver, [docs[n] for n in gone])
    assert min(assert_kept(driver).values()) >= 1
    # the same texts forced again
    write_articles(driver, [docs[n] for n in names[:6]], force=True)
    assert_kept(driver)

    # a fresh load of what the graph now holds, in another order, gives the same graph
    after = graph_dump(driver)
    wipe(driver)
    _write(driver, {**docs, "t1_en_trilateral.txt": new}, names, batch=100)
    assert graph_dump(driver) == after


V7_INDEXES = ("attended_leader_mdate", "project_by_month", "article_pair_published")


def make_version_6(driver) -> None:
    """The graph as version 6 wrote it: no leader or meeting date on ATTENDED edges, proposal
    reports without their article's fields, projects without what proposals shows, none of the
    new indexes."""
    driver.execute_query("MATCH ()-[a:ATTENDED]->() REMOVE a.leader, a.mdate")
    summary = ("first_what", "first_quote", "first_article", "articles", "languages", "sources")
    for p in driver.execute_query("MATCH (p:Project) RETURN p.id AS id, p.reports AS reports").records:
        reports = [
            json.dumps(
                {k: v for k, v in r.items() if k not in ("lang", "outlet", "sources")},
                sort_keys=True,
                ensure_ascii=False,
            )
            for r in events.decode(p["reports"])
        ]
        driver.execute_query(
            "MATCH (p:Project {id: $id}) SET p.reports = $reports REMOVE " + ", ".join(f"p.{k}" for k in summary),
            id=p["id"],
            reports=reports,
        )
    for name in V7_INDEXES:
        driver.execute_query(f"DROP INDEX {name} IF EXISTS")
    driver.execute_query("MATCH (m:RelgraphMeta {key: 'schema'}) SET m.version = 6")


def test_a_version_6_graph_is_migrated_to_what_a_load_makes(driver, cli_env):
    docs = docs_all()
    _write(driver, docs, sorted(docs), batch=100)
    fresh = graph_dump(driver)
    projects = driver.execute_query("MATCH (p:Project) RETURN count(p) AS n").records[0]["n"]
    attended = driver.execute_query("MATCH ()-[a:ATTENDED]->() RETURN count(a) AS n").records[0]["n"]
    assert projects and attended
    make_version_6(driver)
    assert graph_dump(driver) != fresh
    assert_load_refused(driver, cli_env, str(PAIRS / "t2_en_bilateral.txt"), 6, graph_dump(driver))

    migrated = run_cli("db", "migrate", env=cli_env)
    assert migrated.returncode == 0, migrated.stderr
    assert migrated.stdout.strip() == f"graph migrated from schema version 6 to {schema.SCHEMA_VERSION}"
    assert migrated.stderr.splitlines() == [
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 1/2: "
        "the articles' languages and sources on proposal reports, and what proposals shows on projects ...",
        f"  {projects} projects",
        f"migrating to schema version {schema.SCHEMA_VERSION}, step 2/2: "
        "the leader and the meeting's date on each ATTENDED edge ...",
        f"  {2 * attended} set",
    ]
    assert graph_dump(driver) == fresh
    assert set(V7_INDEXES) <= set(schema.index_names(driver))
    assert min(assert_kept(driver).values()) >= 1
