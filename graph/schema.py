"""Installs the schema of ``graph.models``: uniqueness constraints on natural keys, indexes;
records and checks the graph's schema version, and migrates older graphs in place.

neomodel derives the constraints and indexes from the models and skips those that already
exist, so ``install`` is idempotent; it must run before the first write (MERGE on a key
without a constraint behind it scans the whole label).

The schema version is a number kept in the graph, on ``(:RelgraphMeta {key: 'schema'})``. A graph
that holds articles but no such node was written before versions were recorded: version 1.
``require_current`` stops a load into a graph of another version with one line saying what to
run; ``migrate`` upgrades an older graph in place, in batched transactions.
"""

from __future__ import annotations

import io
from typing import Any

import neo4j

from relgraph.graph import models
from relgraph.errors import IncompatibleGraph, IndexFailed
from relgraph.graph.connect import bind_neomodel

# What each version added (a migration step below fills it in on an older graph):
#   1  graphs written before the version was recorded
#   2  the version node itself; Article.pair_key (the pair index questions start from),
#      Article.extractor (which relgraph read the article), ``pair`` on sector MENTIONS edges
#   3  visits and proposals resolved across articles: Visit nodes (ON_VISIT, TO edges), Project
#      nodes per resolved proposal (graph/events.py), Article.visit_spans and project_spans
#   4  Meeting.multilateral (the states of a meeting of three or more, graph/events.py), ``pair``
#      on REPORTED_BY edges, and the indexes the pair questions read from (``EXTRA_INDEXES``)
#   5  counts per state and partner, and per state and leader (``(:RelgraphMeta:Tally)`` nodes,
#      graph/write.py), which every writer keeps: partners_of and leaders_of read them
#   6  counts of resolved nodes in the same nodes (``events.tally_keys``: a pair's meetings, a
#      traveller's visits to a state, a place's visits, meetings, travellers and articles):
#      meetings_between, timeline and facilities_visited read them
#   7  a proposal report carries its article's language, outlet and sources, and a Project what
#      ``proposals`` shows of it (``events.project_summary``: first report, articles, languages,
#      sources): proposals reads the pair's projects, not each report's article; ATTENDED edges
#      carry their leader and their meeting's date (``leader``, ``mdate``), indexed for
#      meetings_of; indexes for proposals_by and sectors_discussed (``EXTRA_INDEXES``); ATTENDED edges
#      carry their leader and their meeting's date (``leader``, ``mdate``), indexed for
#      meetings_of; indexes for proposals_by and sectors_discussed (``EXTRA_INDEXES``)
SCHEMA_VERSION = 7


def install(driver: neo4j.Driver, database: str = "neo4j") -> list[str]:
    """Create every constraint and index the models declare; returns the constraint names."""
    from neomodel import db

    bind_neomodel(driver, database)
    sink = io.StringIO()  # neomodel narrates each step; relgraph reports the result instead
    for model in (*models.NODE_MODELS, models.RelgraphMeta):
        db.install_labels(model, quiet=True, stdout=sink)
    for q in EXTRA_INDEXES:
        driver.execute_query(q, database_=database)
    return constraint_names(driver, database)


# Indexes neomodel cannot declare: resolution looks meetings and visits up by block and first day,
# projects by proposer and partner, and month
EXTRA_INDEXES = (
    "CREATE INDEX meeting_block_lo IF NOT EXISTS FOR (m:Meeting) ON (m.block, m.lo)",
    "CREATE INDEX meeting_block_day IF NOT EXISTS FOR (m:Meeting) ON (m.block, m.day)",
    "CREATE INDEX visit_block_lo IF NOT EXISTS FOR (v:Visit) ON (v.block, v.lo)",
    "CREATE INDEX visit_block_day IF NOT EXISTS FOR (v:Visit) ON (v.block, v.day)",
    "CREATE INDEX project_block_month IF NOT EXISTS FOR (p:Project) ON (p.block, p.month)",
    # the pair questions (meetings_between, timeline) read a pair's meetings, and a traveller's
    # visits to a state, newest first from these, up to the page, never all of them; the meetings
    # of three or more states are few and found by their own index
    "CREATE INDEX meeting_block_date IF NOT EXISTS FOR (m:Meeting) ON (m.block, m.date)",
    "CREATE TEXT INDEX meeting_multilateral IF NOT EXISTS FOR (m:Meeting) ON (m.multilateral)",
    "CREATE INDEX visit_block_date IF NOT EXISTS FOR (v:Visit) ON (v.block, v.date)",
    "CREATE INDEX visit_visitor_date IF NOT EXISTS FOR (v:Visit) ON (v.visitor, v.date)",
    # sector_trend and sources_for read the edges of a pair's articles by the pair they carry
    "CREATE INDEX mentions_pair IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.pair)",
    "CREATE INDEX reported_by_pair IF NOT EXISTS FOR ()-[r:REPORTED_BY]-() ON (r.pair)",
    # sectors_discussed reads a pair's articles of a period (schema version 7)
    "CREATE INDEX article_pair_published IF NOT EXISTS FOR (a:Article) ON (a.pair_key, a.published)",
    # meetings_of reads a leader's meetings of a period, newest first (schema version 7)
    "CREATE INDEX attended_leader_mdate IF NOT EXISTS FOR ()-[a:ATTENDED]-() ON (a.leader, a.mdate)",
    # meetings_of reads a leader's meetings of a period, newest first (schema version 7)
    "CREATE INDEX attended_leader_mdate IF NOT EXISTS FOR ()-[a:ATTENDED]-() ON (a.leader, a.mdate)",
    # proposals_by reads a proposer's projects of a period (schema version 7)
    "CREATE INDEX project_by_month IF NOT EXISTS FOR (p:Project) ON (p.by, p.month)",
    # partners_of and leaders_of read a state's counts (graph/write.py: ``_TALLY``)
    "CREATE INDEX tally_kind_of IF NOT EXISTS FOR (t:Tally) ON (t.kind, t.of)",
)


def constraint_names(driver: neo4j.Driver, database: str = "neo4j") -> list[str]:
    records, _, _ = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name", database_=database)
    return [r["name"] for r in records]


def index_names(driver: neo4j.Driver, database: str = "neo4j") -> list[str]:
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name ORDER BY name", database_=database
    )
    return [r["name"] for r in records]


def index_progress(rows: list[dict]) -> tuple[bool, str]:
    """Whether every index of ``SHOW INDEXES`` rows (``name``, ``state``, ``populationPercent``)
    is online, and a line saying how far along their population is. A failed index stops it
    (``IndexFailed``, naming it): waiting would never end."""
    failed = sorted(r["name"] for r in rows if r["state"] == "FAILED")
    if failed:
        raise IndexFailed(
            f"the index {failed[0]} failed to populate (SHOW INDEXES; the server's debug.log says why): "
            "drop it and run the import again"
        )
    pending = sorted((r["name"], float(r["populationPercent"] or 0.0)) for r in rows if r["state"] != "ONLINE")
    online = len(rows) - len(pending)
    line = f"indexes online: {online}/{len(rows)}"
    if pending:
        line += " (populating " + ", ".join(f"{name} {pct:.0f} %" for name, pct in pending[:4])
        line += f", {len(pending) - 4} more)" if len(pending) > 4 else ")"
    return not pending, line


def await_indexes(
    driver: neo4j.Driver, database: str = "neo4j", *, echo=None, poll_s: float = 5.0, timeout_s: float | None = None
) -> float:
    """Wait until every index is online (the server populates a new index over existing data in
    the background, and a question planned meanwhile scans instead); ``echo`` gets a progress line
    at each ``poll_s``. Returns the seconds waited; ``IndexFailed`` on a failed index or after
    ``timeout_s``."""
    import time

    started = time.monotonic()
    while True:
        rows = driver.execute_query(
            "SHOW INDEXES YIELD name, state, populationPercent RETURN name, state, populationPercent",
            database_=database,
        ).records
        done, line = index_progress([dict(r) for r in rows])
        waited = time.monotonic() - started
        if done:
            return waited
        if timeout_s is not None and waited > timeout_s:
            raise IndexFailed(f"the indexes were not online after {timeout_s:.0f} s: {line}")
        if echo:
            echo(line)
        time.sleep(poll_s)


def clear(driver: neo4j.Driver, database: str = "neo4j") -> int:
    """Delete every node and relationship (the schema stays); returns the nodes deleted."""
    # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run, not execute_query.
    # Relationships first, then nodes: a DETACH DELETE of a batch of hubs (a Sector node has an
    # edge per article) would hold every edge of the batch in one transaction's memory.
    with driver.session(database=database) as s:
        s.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
        summary = s.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()
    return summary.counters.nodes_deleted


# -- versions --------------------------------------------------------------------------------
_VERSION = f"MATCH (m:{models.META_LABEL} {{key: 'schema'}}) RETURN m.version AS v"
_SET_VERSION = f"MERGE (m:{models.META_LABEL} {{key: 'schema'}}) SET m.version = $v"


def graph_version(driver: neo4j.Driver, database: str = "neo4j") -> int | None:
    """The graph's schema version; 1 for articles written before versions were recorded; None
    for a graph without articles (it takes the current version at its first write)."""
    recs = driver.execute_query(_VERSION, database_=database).records
    if recs and recs[0]["v"] is not None:
        return int(recs[0]["v"])
    n = driver.execute_query("MATCH (a:Article) RETURN count(a) AS n", database_=database).records[0]["n"]
    return 1 if n else None


def extractor_versions(driver: neo4j.Driver, database: str = "neo4j") -> dict[str, int]:
    """Articles by the relgraph version that extracted them ("unknown" before it was recorded)."""
    recs = driver.execute_query(
        "MATCH (a:Article) RETURN coalesce(a.extractor, 'unknown') AS v, count(*) AS n ORDER BY v", database_=database
    ).records
    return {r["v"]: r["n"] for r in recs}


def require_current(driver: neo4j.Driver, database: str = "neo4j", *, migrate_older: bool = False, echo=None) -> int:
    """Check that relgraph can write into this graph; record the version in a graph without one.

    An older graph is refused with the command that upgrades it (or migrated, with
    ``migrate_older``: what ``load --force`` does); a newer one is always refused. Returns the
    version the graph had (the current one for a graph without articles)."""
    v = graph_version(driver, database)
    if v is None:
        driver.execute_query(_SET_VERSION, v=SCHEMA_VERSION, database_=database)
        return SCHEMA_VERSION
    if v > SCHEMA_VERSION:
        raise IncompatibleGraph(
            f"the graph in database {database!r} has schema version {v}, newer than this "
            f"relgraph writes ({SCHEMA_VERSION}): upgrade relgraph before loading into it"
        )
    if v < SCHEMA_VERSION:
        if not migrate_older:
            raise IncompatibleGraph(
                f"the graph in database {database!r} has schema version {v}; this relgraph "
                f"writes version {SCHEMA_VERSION}: run `relgraph db migrate` to upgrade it in "
                "place (or `relgraph load --force ...` to migrate and re-extract)"
            )
        migrate(driver, database, echo=echo)
    return v


# Each step: (what it does, the batched statement). Every step touches only what is missing, so a
# migration interrupted half-way is finished by running it again.
_STEPS_TO_2 = (
    (
        "the pair key of each article",
        "MATCH (a:Article) WHERE a.pair_key IS NULL AND size(a.pair) = 2 "
        "CALL (a) { SET a.pair_key = CASE WHEN a.pair[0] <= a.pair[1] THEN a.pair[0] + '-' + a.pair[1] "
        "ELSE a.pair[1] + '-' + a.pair[0] END } IN TRANSACTIONS OF $batch ROWS",
        "properties_set",
    ),
    (
        "the pair on sector mentions",
        "MATCH (a:Article)-[m:MENTIONS {role: 'sector'}]->(:Sector) WHERE m.pair IS NULL AND a.pair_key IS NOT NULL "
        "CALL (a, m) { SET m.pair = a.pair_key } IN TRANSACTIONS OF $batch ROWS",
        "properties_set",
    ),
    (
        "the extractor of each article (unknown before it was recorded)",
        "MATCH (a:Article) WHERE a.extractor IS NULL "
        "CALL (a) { SET a.extractor = 'unknown' } IN TRANSACTIONS OF $batch ROWS",
        "properties_set",
    ),
)


def _resolve_step(driver: neo4j.Driver, database: str, batch: int, echo) -> None:
    from relgraph.graph.migrate import resolve_visits_and_projects

    done = resolve_visits_and_projects(driver, database, batch=max(10, batch // 10), echo=echo)
    if echo:
        echo(
            f"  {done['visits']} visit and {done['proposals']} proposal reports of {done['articles']} articles resolved"
        )
        if done["unresolved_meetings"]:
            echo(
                f"  note: {done['unresolved_meetings']} articles were written before meetings were resolved "
                "(one Meeting node per report): `relgraph load --force` on their files resolves them"
            )


# Version 4: the states of each meeting of three or more states (``events.node_props``: its block
# when its reports name three states or more; a block of states is ISO3 codes, a block of
# participants Wikidata or relgraph ids); its indexes come with ``install``, run first.
_STEPS_TO_4 = (
    (
        "the states of meetings of three or more states",
        "MATCH (m:Meeting) WHERE m.multilateral IS NULL AND size(split(m.block, '|')) >= 3 "
        "AND all(x IN split(m.block, '|') WHERE x =~ '[A-Z]{3}') "
        "CALL (m) { SET m.multilateral = m.block } IN TRANSACTIONS OF $batch ROWS",
        "properties_set",
    ),
    (
        "the pair on source edges",
        "MATCH (a:Article)-[r:REPORTED_BY]->(:Source) WHERE r.pair IS NULL AND a.pair_key IS NOT NULL "
        "CALL (a, r) { SET r.pair = a.pair_key } IN TRANSACTIONS OF $batch ROWS",
        "properties_set",
    ),
)


def _recount_step(driver: neo4j.Driver, database: str, batch: int, echo) -> None:
    from relgraph.graph.write import recount

    recount(driver, database)
    if echo:
        n = driver.execute_query("MATCH (t:Tally) RETURN count(t) AS n", database_=database).records[0]["n"]
        echo(f"  {n} counts")


# each ATTENDED edge's leader and meeting's date (meetings_of's index; graph/write.py
# ``_EVENT_EDGES`` sets them as it makes the edge)
MEETING_DATES_STEP = (
    "MATCH (l:Leader)-[a:ATTENDED]->(m:Meeting) "
    "WHERE a.leader IS NULL OR a.mdate IS NULL OR a.mdate <> coalesce(m.date, '') OR a.leader <> l.id "
    "CALL (l, a, m) { SET a.leader = l.id, a.mdate = coalesce(m.date, '') } IN TRANSACTIONS OF $batch ROWS"
)


def _project_summary_step(driver: neo4j.Driver, database: str, batch: int, echo) -> None:
    from relgraph.graph.migrate import summarize_projects

    n = summarize_projects(driver, database, batch=max(10, batch // 10))
    if echo:
        echo(f"  {n} projects")


# Every step, with the version it belongs to: a graph of version v runs the steps of the versions after v.
_STEPS: tuple[tuple[int, str, Any], ...] = (
    *((2, what, (q, counter)) for what, q, counter in _STEPS_TO_2),
    (
        3,
        "visits and proposals resolved across articles (Visit and Project nodes), a batch of articles a transaction",
        _resolve_step,
    ),
    *((4, what, (q, counter)) for what, q, counter in _STEPS_TO_4),
    # (one recount makes the counts of versions 5 and 6: a graph of version 4 or 5 runs it once)
    (
        6,
        "the articles naming each state's partners and leaders, pairs' meetings and places' visits, counted",
        _recount_step,
    ),
    (
        7,
        "the articles' languages and sources on proposal reports, and what proposals shows on projects",
        _project_summary_step,
    ),
    (7, "the leader and the meeting's date on each ATTENDED edge", (MEETING_DATES_STEP, "properties_set")),
)


def migrate(driver: neo4j.Driver, database: str = "neo4j", *, batch: int = 10000, echo=None) -> tuple[int, int]:
    """Upgrade an older graph to ``SCHEMA_VERSION`` in place, ``batch`` rows a transaction (the
    re-resolution of version 3: a tenth as many articles); returns (version before, version
    after). A graph already current is left alone."""
    before = graph_version(driver, database)
    if before is None or before == SCHEMA_VERSION:
        if before is None:
            driver.execute_query(_SET_VERSION, v=SCHEMA_VERSION, database_=database)
        return before or SCHEMA_VERSION, SCHEMA_VERSION
    if before > SCHEMA_VERSION:
        raise IncompatibleGraph(
            f"the graph has schema version {before}, newer than this relgraph knows "
            f"({SCHEMA_VERSION}): upgrade relgraph; nothing was changed"
        )
    install(driver, database)
    steps = [s for s in _STEPS if s[0] > before]
    for i, (_, what, how) in enumerate(steps, 1):
        if echo:
            echo(f"migrating to schema version {SCHEMA_VERSION}, step {i}/{len(steps)}: {what} ...")
        if callable(how):
            how(driver, database, batch, echo)
            continue
        q, counter = how
        # CALL ... IN TRANSACTIONS needs an auto-commit transaction: session.run
        with driver.session(database=database) as s:
            c = s.run(q, batch=batch).consume().counters
        if echo:
            echo(f"  {getattr(c, counter)} set")
    driver.execute_query(_SET_VERSION, v=SCHEMA_VERSION, database_=database)
    return before, SCHEMA_VERSION
