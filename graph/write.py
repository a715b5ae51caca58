"""Write: articles' resolved facts (``ResolvedArticle``, relgraph/records.py) into Neo4j, a batch
of articles per transaction, so an article is never half-written (a failed batch leaves nothing
behind). ``rows`` is the one place where the records become the queries' UNWIND rows.

Nodes are merged on their natural keys (constraints installed first); a node property that
articles may give differently (a leader's role, a project's name) keeps the least value given, so
the graph is the same whatever order articles arrive in, and whichever of several concurrent
loads writes first. Fact edges are created under the article, each carrying its article id,
quote and offsets. An article whose text is already in the graph is left alone ("unchanged");
a new version of a document (same URL or path, other text) replaces the old version's facts in the same transaction ("replaced").
Labels and relationship types are literals of this module, never taken from input.
"""

from __future__ import annotations

import functools
import json
import random
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import neo4j

from relgraph.graph import events
from relgraph.graph.models import META_LABEL, REL_TYPES
from relgraph.records import EventCode, Evidence, ResolvedArticle, SectorCodes

# -- the queries, one per kind of row; every row carries the id of its article ---------------
_FIND = """
UNWIND $docs AS d
OPTIONAL MATCH (a:Article {id: d.id})
OPTIONAL MATCH (b:Article {doc: d.doc})
RETURN d.id AS id, a.id AS same,
       {meetings: a.meeting_spans, visits: a.visit_spans, projects: a.project_spans, calls: a.calls,
        legacy_projects: a.projects} AS same_spans,
       b.id AS old, {meetings: b.meeting_spans, visits: b.visit_spans, projects: b.project_spans, calls: b.calls,
        legacy_projects: b.projects} AS spans
"""
_REASSIGN = "UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a.doc = row.doc"

_DELETE_EDGES = {t: f"UNWIND $olds AS old MATCH ()-[r:{t} {{article: old}}]->() DELETE r" for t in REL_TYPES}
_DELETE_OLD = """
UNWIND $olds AS old
MATCH (a:Article {id: old}) DETACH DELETE a
"""
_TOUCHED = """
UNWIND $olds AS old
MATCH (:Article {id: old})-[:MENTIONS|REPORTED_BY]->(n)
RETURN collect(DISTINCT elementId(n)) AS ids
"""
_DELETE_LONELY = """
UNWIND $ids AS i
MATCH (n) WHERE elementId(n) = i AND NOT (n)--()
DELETE n
"""
# Project nodes of a graph written before projects were resolved (keyed by the extractor's
# ``project`` id, which ``Article.projects`` lists) that a replaced article leaves without edges
_DELETE_ORPHANS = """
UNWIND $projects AS pid
MATCH (p:Project {id: pid}) WHERE NOT (p)--() DELETE p
"""
_DELETE_ORPHAN_CALLS = """
UNWIND $calls AS cid
MATCH (c:Call {id: cid}) WHERE NOT (c)--() DELETE c
"""

_ARTICLE = """
UNWIND $rows AS row
CREATE (a:Article {id: row.article, doc: row.doc, title: row.title, lang: row.lang,
                   published: row.published, url: row.url, outlet: row.outlet, path: row.path,
                   pair: row.pair, pair_key: row.pair_key, meeting_spans: row.meeting_spans, projects: row.projects,
                   visit_spans: row.visit_spans, project_spans: row.project_spans, calls: row.calls,
                   extractor: row.extractor})
"""

_STATES = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (s:State {iso3: row.iso3})
// a property articles may give differently keeps the least value given: the same graph in any order
SET s.name = coalesce(CASE WHEN row.name < s.name THEN row.name END, s.name, row.name),
    s.wikidata = coalesce(CASE WHEN row.wikidata < s.wikidata THEN row.wikidata END, s.wikidata, row.wikidata)
CREATE (a)-[:MENTIONS {article: row.article, role: row.role, quote: row.quote, start: row.start, end: row.end}]->(s)
"""

_LEADERS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (l:Leader {id: row.id})
SET l.name = coalesce(CASE WHEN row.name < l.name THEN row.name END, l.name, row.name),
    l.role = coalesce(CASE WHEN row.role < l.role THEN row.role END, l.role, row.role),
    l.state = coalesce(CASE WHEN row.state < l.state THEN row.state END, l.state, row.state)
CREATE (a)-[:MENTIONS {article: row.article, role: row.role, quote: row.quote, start: row.start, end: row.end}]->(l)
WITH l, row WHERE row.state IS NOT NULL
MERGE (s:State {iso3: row.state})
SET s.name = coalesce(CASE WHEN row.state_name < s.name THEN row.state_name END, s.name, row.state_name),
    s.wikidata = coalesce(CASE WHEN row.state_wikidata < s.wikidata THEN row.state_wikidata END, s.wikidata, row.state_wikidata)
CREATE (l)-[:LEADS {article: row.article, role: row.role, quote: row.quote, start: row.start, end: row.end}]->(s)
"""

_FACILITIES = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (f:Facility {id: row.id})
SET f.name = coalesce(CASE WHEN row.name < f.name THEN row.name END, f.name, row.name),
    f.kind = coalesce(CASE WHEN row.kind < f.kind THEN row.kind END, f.kind, row.kind),
    f.state = coalesce(CASE WHEN row.state < f.state THEN row.state END, f.state, row.state)
CREATE (a)-[:MENTIONS {article: row.article, role: row.kind, quote: row.quote, start: row.start, end: row.end}]->(f)
WITH f, row WHERE row.state IS NOT NULL
MERGE (s:State {iso3: row.state})
SET s.name = coalesce(CASE WHEN row.state_name < s.name THEN row.state_name END, s.name, row.state_name),
    s.wikidata = coalesce(CASE WHEN row.state_wikidata < s.wikidata THEN row.state_wikidata END, s.wikidata, row.state_wikidata)
CREATE (f)-[:LOCATED_IN {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(s)
"""

_SECTORS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (s:Sector {id: row.id})
SET s.cameo = coalesce(CASE WHEN row.cameo < s.cameo THEN row.cameo END, s.cameo, row.cameo),
    s.plover = coalesce(CASE WHEN row.plover < s.plover THEN row.plover END, s.plover, row.plover)
CREATE (a)-[:MENTIONS {article: row.article, role: 'sector', pair: row.pair, quote: row.quote, start: row.start,
                       end: row.end}]->(s)
"""

_SOURCES = """
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (s:Source {name: row.name})
SET s.kind = coalesce(CASE WHEN row.type < s.kind THEN row.type END, s.kind, row.type)
CREATE (a)-[:REPORTED_BY {article: row.article, kind: row.kind, pair: row.pair, quote: row.quote, start: row.start,
                          end: row.end}]->(s)
"""

# each meeting report: its participants' MET_AT edges to the place (the Meeting node and the
# report's edges to it are made by resolution, below, once the article's nodes exist)
_MEETINGS = """
UNWIND $rows AS row
WITH row WHERE row.place_id IS NOT NULL
MATCH (f:Facility {id: row.place_id})
UNWIND row.participants AS p
MATCH (l:Leader {id: p.id})
CREATE (l)-[:MET_AT {article: row.article, with: p.with, date: row.date, status: row.status,
                     quote: row.quote, start: row.start, end: row.end,
                     plover_event: p.plover_event, plover_mode: p.plover_mode, cameo: p.cameo}]->(f)
"""

# -- resolution (graph/events.py): the Meeting nodes near the changed reports, and their rewrite
# Every writer takes this lock first, so two loads never resolve the same meetings at once.
_LOCK = f"MATCH (m:{META_LABEL} {{key: 'schema'}}) SET m.version = m.version"
# (the same for Visit nodes: their label goes in place of ``{label}``, a literal of this module)
_NEAR = """
CALL () {{
  UNWIND $spans AS q
  MATCH (m:{label}) WHERE m.block = q.block AND m.lo >= q.lo AND m.lo <= q.hi AND m.hi >= q.a
  RETURN m
  UNION
  UNWIND $days AS q
  MATCH (m:{label}) WHERE m.block = q.block AND m.day >= q.d1 AND m.day <= q.d2
  RETURN m
}}
RETURN m.id AS id, m.reports AS reports,
       m {{.block, .multilateral, .lo, .date, .visitor}} AS props
"""
_EVENT_DELETE = "UNWIND $ids AS i MATCH (m:{label} {{id: i}}) DETACH DELETE m"
# meetings_of reads a leader's meetings of a period from the (leader, mdate) index of ATTENDED
# edges (schema version 7): each carries its leader's id and its meeting's date ('' for none),
# set when it is made (``_EVENT_EDGES``) and again here when a meeting keeping its edges is
# rewritten (its date may change as reports join it)
_MEETING_DATES = """
UNWIND $ids AS i
MATCH (m:Meeting {id: i})<-[a:ATTENDED]-()
WITH m, a WHERE a.mdate IS NULL OR a.mdate <> coalesce(m.date, '')
SET a.mdate = coalesce(m.date, '')
"""
# a node whose reports all stay together under another id (a report with a smaller key joined)
_EVENT_RENAME = "UNWIND $rows AS row MATCH (m:{label} {{id: row.old}}) SET m.id = row.new"
_EVENT_NODES = """
UNWIND $nodes AS n
MERGE (m:{label} {{id: n.id}})
SET m += n.props
"""
# the projects of a proposer and partner in a month (graph/events.py: ``project_group``)
_PROJECT_NEAR = """
UNWIND $groups AS q
MATCH (p:Project) WHERE p.block = q.block AND p.month = q.month
RETURN p.id AS id, p.reports AS reports
"""
# one report's edges to its meeting: who attended, the states, the sectors, the place
_EVENT_EDGES = """
UNWIND $rows AS row
MATCH (m:Meeting {id: row.id})
CALL (m, row) {
  UNWIND row.participants AS p
  MATCH (l:Leader {id: p.id})
  CREATE (l)-[:ATTENDED {article: row.article, quote: row.quote, start: row.start, end: row.end,
                         plover_event: p.plover_event, plover_mode: p.plover_mode, cameo: p.cameo,
                         leader: l.id, mdate: coalesce(m.date, '')}]->(m)
}
CALL (m, row) {
  UNWIND row.states AS iso3
  MATCH (s:State {iso3: iso3})
  CREATE (m)-[:INVOLVES {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(s)
}
CALL (m, row) {
  UNWIND row.sectors AS sid
  MERGE (s:Sector {id: sid})
  CREATE (m)-[:DISCUSSED {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(s)
}
CALL (m, row) {
  WITH m, row WHERE row.place_id IS NOT NULL
  MATCH (f:Facility {id: row.place_id})
  CREATE (m)-[:HELD_AT {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(f)
}
"""

_CALLS = """
UNWIND $rows AS row
MERGE (c:Call {id: row.id})
  ON CREATE SET c.date = row.date, c.status = row.status, c.precision = row.precision
  // as for meetings: held once any article says so, else the least value given (order-free)
  ON MATCH SET c.status = CASE WHEN 'held' IN [c.status, row.status] THEN 'held'
                               ELSE coalesce(CASE WHEN row.status < c.status THEN row.status END, c.status, row.status) END,
               c.precision = coalesce(CASE WHEN row.precision < c.precision THEN row.precision END, c.precision,
                                      row.precision)
WITH c, row
CALL (c, row) {
  UNWIND row.participants AS p
  MATCH (l:Leader {id: p.id})
  CREATE (l)-[:ON_CALL {article: row.article, quote: row.quote, start: row.start, end: row.end,
                        plover_event: row.plover_event, plover_mode: row.plover_mode, cameo: row.cameo}]->(c)
}
CALL (c, row) {
  UNWIND row.states AS iso3
  MATCH (s:State {iso3: iso3})
  CREATE (c)-[:INVOLVES {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(s)
}
"""

_VISITS = """
UNWIND $rows AS row
MATCH (l:Leader {id: row.visitor_id})
CALL (l, row) {
  WITH l, row WHERE row.place_id IS NOT NULL
  MATCH (f:Facility {id: row.place_id})
  CREATE (l)-[:VISITS {article: row.article, date: row.date, status: row.status, host_state: row.host_state,
                       quote: row.quote, start: row.start, end: row.end,
                       plover_event: row.plover_event, plover_mode: row.plover_mode, cameo: row.cameo}]->(f)
}
CALL (l, row) {
  WITH l, row WHERE row.place_id IS NULL AND row.host_state IS NOT NULL
  MATCH (s:State {iso3: row.host_state})
  CREATE (l)-[:VISITS {article: row.article, date: row.date, status: row.status, host_state: row.host_state,
                       quote: row.quote, start: row.start, end: row.end,
                       plover_event: row.plover_event, plover_mode: row.plover_mode, cameo: row.cameo}]->(s)
}
"""

# one visit report's edges to its resolved visit (the VISITS edge of the traveller to the place,
# made by ``_VISITS`` above, stays: one per article, as MET_AT for meetings): the traveller, the
# place (or the host state when the report names no place)
_VISIT_EDGES = """
UNWIND $rows AS row
MATCH (v:Visit {id: row.id})
CALL (v, row) {
  MATCH (l:Leader {id: row.visitor_id})
  CREATE (l)-[:ON_VISIT {article: row.article, status: row.status, date: row.date, quote: row.quote,
                         start: row.start, end: row.end,
                         plover_event: row.plover_event, plover_mode: row.plover_mode, cameo: row.cameo}]->(v)
}
CALL (v, row) {
  WITH v, row WHERE row.place_id IS NOT NULL
  MATCH (f:Facility {id: row.place_id})
  CREATE (v)-[:TO {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(f)
}
CALL (v, row) {
  WITH v, row WHERE row.place_id IS NULL AND row.host_state IS NOT NULL
  MATCH (s:State {iso3: row.host_state})
  CREATE (v)-[:TO {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(s)
}
"""

# one proposal report's edges to its resolved project: the proposer, the sector
_PROJECT_EDGES = """
UNWIND $rows AS row
MATCH (p:Project {id: row.id})
CALL (p, row) {
  WITH p, row WHERE row.sector IS NOT NULL
  MERGE (s:Sector {id: row.sector})
  CREATE (p)-[:IN_SECTOR {article: row.article, quote: row.quote, start: row.start, end: row.end}]->(s)
}
CALL (p, row) {
  OPTIONAL MATCH (l:Leader {id: row.by_id})
  OPTIONAL MATCH (s:State {iso3: row.by_id})
  WITH p, row, coalesce(l, s) AS by WHERE by IS NOT NULL
  CREATE (by)-[:PROPOSES {article: row.article, what: row.what, quote: row.quote, start: row.start, end: row.end,
                          plover_event: row.plover_event, plover_mode: row.plover_mode, cameo: row.cameo}]->(p)
}
"""


_STATEMENTS = """
UNWIND $rows AS row
MATCH (l:Leader {id: row.speaker_id})
MATCH (a:Article {id: row.article})
CREATE (l)-[:STATED {article: row.article, via: row.via, quote: row.quote, start: row.start, end: row.end}]->(a)
"""


# -- counts the ranked questions read (schema version 5): kept by every writer ----------------
# partners_of and leaders_of rank a state's partners and leaders by how many articles name them;
# counting a busy state's per-article edges at question time is O(articles). So each article adds
# its share to a count node when it is written, and takes it away when it is replaced or removed:
# the question reads one node a row. A count is a ``(:RelgraphMeta:Tally)`` (no fact of any
# article: exports and stats skip it), keyed ``tally|<kind>|<of>|<other>[|<role>]``:
#   partner  a state (``of``) and the other state of an article's pair, for an article naming
#            the state as an actor and having it in its pair: ``articles`` (1 an article) and
#            ``facts`` (its meeting spans and projects, once for each such actor edge)
#   leader   a state and a leader with LEADS edges to it: ``articles`` naming that leader so
#   role     the same with one role the article's LEADS edges give (``role``): which roles to list
#   sector   a pair (``of``, the pair on the article's sector mentions), a month of publication
#            (``other``) and a sector (``role``): ``articles`` mentioning it (sector_trend)
#   source   a pair, a source's name (``other``) and the kind of its edge (``role``, may be
#            none): ``articles`` and ``facts`` as for partners (sources_for)
#   facility a place's id, ``articles``: articles reporting a visit to it or a meeting at it (its
#            TO and HELD_AT edges, which resolution makes: so an article's shares are added once
#            its reports are resolved, at the end of its transaction) (facilities_visited)
# ``_SHARES`` is an article's shares (``a`` bound); the full recount (``RECOUNT``) sums the same.
# Resolved nodes have counts of their own (schema version 6, ``events.tally_keys``: a pair's
# meetings, a traveller's visits to a state, a place's visits, meetings and travellers), in the same
# nodes (``articles`` holds how many nodes): ``_rewrite`` adds and takes away a node's share as
# it writes and deletes it, ``_NODE_COUNTS`` recounts them from the nodes and their edges.
_SHARES = """
  MATCH (a)-[r:MENTIONS {role: 'actor'}]->(s:State)
  WHERE s.iso3 IN a.pair
  WITH a, s.iso3 AS of, [x IN a.pair WHERE x <> s.iso3][0] AS other, count(r) AS n
  WHERE other IS NOT NULL
  RETURN 'partner' AS kind, of, other, null AS role,
         n * (size(coalesce(a.meeting_spans, [])) + size(coalesce(a.projects, []))) AS facts
  UNION ALL
  MATCH (l)-[r:LEADS {article: a.id}]->(s:State)
  WITH s.iso3 AS of, l.id AS other, collect(DISTINCT r.role) AS roles
  UNWIND [null] + roles AS role
  RETURN CASE WHEN role IS NULL THEN 'leader' ELSE 'role' END AS kind, of, other, role, 0 AS facts
  UNION ALL
  MATCH (a)-[r:MENTIONS]->(s:Sector)
  WHERE r.pair IS NOT NULL AND a.published IS NOT NULL
  WITH DISTINCT r.pair AS of, substring(a.published, 0, 7) AS other, s.id AS role
  RETURN 'sector' AS kind, of, other, role, 0 AS facts
  UNION ALL
  MATCH (a)-[r:REPORTED_BY]->(s:Source)
  WHERE r.pair IS NOT NULL
  WITH a, r.pair AS of, s.name AS other, r.kind AS role, count(r) AS n
  RETURN 'source' AS kind, of, other, role,
         n * (size(coalesce(a.meeting_spans, [])) + size(coalesce(a.projects, []))) AS facts
  UNION ALL
  CALL (a) {
    MATCH ()-[:TO {article: a.id}]->(f:Facility) RETURN f.id AS of
    UNION
    MATCH ()-[:HELD_AT {article: a.id}]->(f:Facility) RETURN f.id AS of
  }
  RETURN 'facility' AS kind, of, 'articles' AS other, null AS role, 0 AS facts
"""
_TALLY_KEY = "'tally|' + kind + '|' + of + '|' + other + coalesce('|' + role, '')"
# the articles ``$ids`` add (``$sign`` 1) or take away (-1) their shares; a count at 0 goes
_TALLY = f"""
UNWIND $ids AS id
MATCH (a:Article {{id: id}})
CALL (a) {{{_SHARES}}}
WITH kind, of, other, role, count(*) AS n, sum(facts) AS facts
MERGE (t:{META_LABEL} {{key: {_TALLY_KEY}}})
  ON CREATE SET t:Tally, t.kind = kind, t.of = of, t.other = other, t.role = role, t.articles = 0, t.facts = 0
SET t.articles = t.articles + $sign * n, t.facts = t.facts + $sign * facts
WITH t WHERE t.articles <= 0
DELETE t
"""
# every count again from the edges (the bulk import's finish, the migration to version 5, and the
# tests' check that the writers kept them): the old ones go, then one sum over every article
RECOUNT: tuple[str, ...] = (
    "MATCH (t:Tally) CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS",
    f"""
MATCH (a:Article)
CALL (a) {{{_SHARES}}}
WITH kind, of, other, role, count(*) AS articles, sum(facts) AS facts
CREATE (t:{META_LABEL}:Tally {{key: {_TALLY_KEY}, kind: kind, of: of, other: other, role: role,
                              articles: articles, facts: facts}})
""",
)
# the counts of resolved nodes (``events.tally_keys``) from the nodes and their edges
_NODE_COUNTS = f"""
CALL () {{
  MATCH (m:Meeting)
  WHERE m.multilateral IS NULL AND m.block IS NOT NULL AND EXISTS {{ (m)<-[:ATTENDED]-() }}
  UNWIND [o IN ['all', 'dated'] WHERE (o = 'all' AND m.lo IS NOT NULL) OR (o = 'dated' AND m.date IS NOT NULL)] AS other
  RETURN 'meetings' AS kind, m.block AS of, other
  UNION ALL
  MATCH (m:Meeting)
  WHERE m.multilateral IS NOT NULL AND EXISTS {{ (m)<-[:ATTENDED]-() }}
  WITH m, split(m.multilateral, '|') AS states
  UNWIND states AS x
  UNWIND states AS y
  WITH DISTINCT m, x, y WHERE x < y
  UNWIND [o IN ['all', 'dated'] WHERE o = 'all' OR m.date IS NOT NULL] AS other
  RETURN 'meetings' AS kind, x + '|' + y AS of, other
  UNION ALL
  MATCH (v:Visit)
  WHERE v.block IS NOT NULL AND v.date IS NOT NULL
  RETURN 'visits' AS kind, v.block AS of, 'dated' AS other
  UNION ALL
  MATCH (m:Meeting)-[:HELD_AT]->(f:Facility)
  WITH DISTINCT m, f
  RETURN 'facility' AS kind, f.id AS of, 'meetings' AS other
  UNION ALL
  MATCH (v:Visit)-[:TO]->(f:Facility)
  WITH DISTINCT v, f
  UNWIND [['facility', 'visits'], ['visitor', v.visitor]] AS ko
  WITH ko, f WHERE ko[1] IS NOT NULL
  RETURN ko[0] AS kind, f.id AS of, ko[1] AS other
}}
WITH kind, of, other, count(*) AS n
CREATE (t:{META_LABEL}:Tally {{key: 'tally|' + kind + '|' + of + '|' + other, kind: kind, of: of, other: other,
                              role: null, articles: n, facts: 0}})
"""
RECOUNT = (*RECOUNT, _NODE_COUNTS)
# a node count's change (``_rewrite``): ``$rows`` of kind, of, other and n (+ or -)
_NODE_TALLY = f"""
UNWIND $rows AS row
MERGE (t:{META_LABEL} {{key: 'tally|' + row.kind + '|' + row.of + '|' + row.other}})
  ON CREATE SET t:Tally, t.kind = row.kind, t.of = row.of, t.other = row.other, t.articles = 0, t.facts = 0
SET t.articles = t.articles + row.n
WITH t WHERE t.articles <= 0
DELETE t
"""


def count_nodes(tx: neo4j.ManagedTransaction, delta: Counter[tuple[str, str, str]]) -> None:
    """Add ``delta`` (key -> change) to the counts of resolved nodes."""
    rows = [{"kind": k, "of": o, "other": x, "n": n} for (k, o, x), n in sorted(delta.items()) if n]
    if rows:
        tx.run(_NODE_TALLY, rows=rows).consume()


# what the counts hold, for comparing them with ``RECOUNT``'s
TALLIES = "MATCH (t:Tally) RETURN t.key AS key, t.articles AS articles, t.facts AS facts ORDER BY key"


def count_articles(tx: neo4j.ManagedTransaction, ids: Sequence[str], sign: int = 1) -> None:
    """Add the shares of the written articles ``ids`` to the counts (``sign`` -1: take those of
    articles about to go away; run before their edges are deleted)."""
    if ids:
        tx.run(_TALLY, ids=list(ids), sign=sign).consume()


def count_written(driver: neo4j.Driver, ids: Sequence[str], database: str = "neo4j") -> None:
    """Add to the counts the shares of articles written by another client (the Spark
    connector's queries, which hold no lock), in one transaction under the writers' lock."""

    def work(tx: neo4j.ManagedTransaction) -> None:
        tx.run(_LOCK).consume()
        count_articles(tx, ids)

    with driver.session(database=database) as session:
        session.execute_write(work)


def recount(driver: neo4j.Driver, database: str = "neo4j") -> None:
    """Every count again from the edges (``RECOUNT``)."""
    for q in RECOUNT:
        with driver.session(database=database) as s:  # CALL ... IN TRANSACTIONS: an auto-commit query
            s.run(q).consume()


@dataclass
class BatchResult:
    statuses: dict[str, str]  # article id -> loaded | unchanged | replaced
    nodes_created: int = 0
    edges_created: int = 0
    nodes_deleted: int = 0
    edges_deleted: int = 0


def _first(evidence: Sequence[Evidence]) -> dict[str, Any]:
    e = evidence[0] if evidence else None
    return {"quote": e.quote, "start": e.start, "end": e.end} if e else {"quote": None, "start": None, "end": None}


ROW_KINDS = (
    "states",
    "leaders",
    "facilities",
    "sectors",
    "sources",
    "meetings",
    "calls",
    "visits",
    "proposals",
    "statements",
)


def rows(r: ResolvedArticle) -> dict[str, list[dict[str, Any]]]:
    """The UNWIND rows of each query, from one article's resolved facts; each row names its article.

    The one place where records become rows: the queries above read exactly these keys.
    """
    f = r.facts
    a = f.article
    art = a.id
    pair_key = "-".join(sorted(f.pair)) if f.pair else None

    def state_extra(iso3: str | None) -> dict[str, Any]:
        s = r.state_names.get(iso3) if iso3 else None
        return {"state_name": s.name if s else None, "state_wikidata": s.wikidata if s else None}

    leader_state = {l.id: l.state for l in f.leaders}

    out: dict[str, list[dict[str, Any]]] = {
        "states": [
            {"iso3": s.iso3, "name": s.name, "wikidata": s.wikidata, "role": s.role, **_first(s.evidence)}
            for s in f.states
        ],
        "leaders": [
            {"id": l.id, "name": l.name, "role": l.role, "state": l.state, **state_extra(l.state), **_first(l.evidence)}
            for l in f.leaders
        ],
        "facilities": [
            {"id": x.id, "name": x.name, "kind": x.kind, "state": x.state, **state_extra(x.state), **_first(x.evidence)}
            for x in f.facilities + f.places
        ],
        # the article's pair rides on its sector edges: "which pairs discussed X" reads no Article node
        "sectors": [
            {"id": s.id, "cameo": codes.cameo, "plover": codes.plover, "pair": pair_key, **_first(s.evidence)}
            for s in f.sectors
            for codes in [r.sector_codes.get(s.id) or SectorCodes(None, None)]
        ],
        # ... and on its source edges: "who reports on this pair" reads the pair's edges only
        "sources": [
            {"name": s.name, "kind": s.kind, "type": s.type, "pair": pair_key, **_first(s.evidence)} for s in f.sources
        ],
        "meetings": [],
        "calls": [
            {
                "id": cid,
                "date": c.date,
                "status": c.status,
                "precision": c.precision,
                "participants": [{"id": pid} for pid in c.participant_ids],
                "states": sorted({_state_of(pid, leader_state) for pid in c.participant_ids} - {None}),
                **_codes(r.call_codes, i),
                **_first(c.evidence),
            }
            for i, (cid, c) in enumerate(zip(r.call_ids, f.calls))
        ],
        "visits": [
            {
                "visitor_id": v.visitor_id,
                "place_id": v.place_id,
                "host_state": v.host_state,
                "date": v.date,
                "status": v.status,
                **_codes(r.visit_codes, i),
                **_first(v.evidence),
            }
            for i, v in enumerate(f.visits)
            # (an unnamed office, "JPN:foreign minister", is no Leader node a VISITS edge can start
            # from: its trip stays in the extraction, the graph names no traveller for it)
            if not _unnamed(v.visitor_id)
        ],
        "proposals": [
            {
                "project": p.project,
                "what": p.what,
                "sector": p.sector,
                "by_id": p.by_id,
                **_codes(r.proposal_codes, i),
                **_first(p.evidence),
            }
            for i, p in enumerate(f.proposals)
        ],
        "statements": [{"speaker_id": st.speaker_id, "via": st.via, **_first(st.evidence)} for st in f.statements],
    }
    for k, m in enumerate(f.meetings):
        ids = list(m.participant_ids)
        names = dict(zip(ids, m.participants))
        by_person = r.meeting_codes[k] if k < len(r.meeting_codes) else {}
        out["meetings"].append(
            {
                "date": m.date,
                "status": m.status,
                "duration": m.duration,
                "precision": m.precision,
                "place_id": m.place_id,
                "sectors": list(m.sectors),
                "participants": [
                    {
                        "id": pid,
                        "state": _state_of(pid, leader_state),
                        "with": [names[o] for o in ids if o != pid],
                        **_code(by_person.get(pid)),
                    }
                    for pid in ids
                ],
                "states": sorted({_state_of(pid, leader_state) for pid in ids} - {None}),
                **_first(m.evidence),
            }
        )
        row = out["meetings"][-1]
        row.update(events.report_fields(row, a.published, m.city_id or m.place_id, f"{art}#{k}"))
    out["visits"] = visit_reports(out["visits"], a.published, art)
    out["proposals"] = proposal_reports(out["proposals"], a.published, pair_key, art)
    # what ``proposals`` shows of a project's articles rides on its reports (schema version 7:
    # ``events.project_summary``); added after the reports are numbered, which it must not change
    for p in out["proposals"]:
        p.update(article_fields(a.lang, a.outlet, [s.name for s in f.sources]))
    for kind in ROW_KINDS:
        for row in out[kind]:
            row["article"] = art
    out["articles"] = [
        {
            "article": art,
            "doc": a.doc,
            "title": a.title,
            "lang": a.lang,
            "published": a.published,
            "url": a.url,
            "outlet": a.outlet,
            "path": a.path,
            "pair": list(f.pair) if f.pair else None,
            "pair_key": pair_key,
            # where this article's meeting reports are looked up when it is replaced or removed
            "meeting_spans": sorted({"\t".join((m["block"], *events.span(m))) for m in out["meetings"]}),
            "visit_spans": sorted({"\t".join((v["block"], *events.span(v))) for v in out["visits"]}),
            "project_spans": sorted({events.project_group(p) for p in out["proposals"]}),
            "projects": sorted({p["project"] for p in out["proposals"]}),
            "calls": [c["id"] for c in out["calls"]],
            "extractor": extractor_version(),
        }
    ]
    return out


# The visit and proposal reports of an article are numbered in a canonical order of what their
# rows hold (evidence offsets first), not in the extractor's order: every field of such a row is
# on the per-article edges (``VISITS``, ``PROPOSES`` and ``IN_SECTOR``), so ``graph/migrate.py``
# rebuilds the very reports, keys included, from a graph written before they were resolved.
def _canonical(row: dict[str, Any]) -> tuple:
    return (
        row.get("start") if row.get("start") is not None else -1,
        row.get("end") if row.get("end") is not None else -1,
        json.dumps(row, sort_keys=True, ensure_ascii=False, default=str),
    )


def visit_reports(visits: list[dict[str, Any]], published: str | None, article: str) -> list[dict[str, Any]]:
    """An article's visit rows as resolution's reports (keys ``<article>#v<n>``)."""
    out = sorted(visits, key=_canonical)
    for k, row in enumerate(out):
        row.update(events.visit_fields(row, published, f"{article}#v{k}"))
    return out


def proposal_reports(
    proposals: list[dict[str, Any]], published: str | None, pair_key: str | None, article: str
) -> list[dict[str, Any]]:
    """An article's proposal rows as resolution's reports (keys ``<article>#p<n>``)."""
    out = sorted(proposals, key=_canonical)
    for k, row in enumerate(out):
        row.update(events.project_fields(row, published, pair_key, f"{article}#p{k}"))
    return out


def article_fields(lang: str | None, outlet: str | None, sources: Iterable[str | None]) -> dict[str, Any]:
    """An article's language, outlet and credited sources (their names, sorted, each once), as a
    proposal report carries them (``events.project_summary``)."""
    return {"lang": lang, "outlet": outlet, "sources": sorted({s for s in sources if s is not None})}


def _unnamed(pid: str) -> bool:
    """An unnamed office written ``ISO3:role`` ("VNM:president"), not a Leader's id."""
    return pid[3:4] == ":" and pid[:3].isupper()


def _state_of(pid: str, leader_state: dict[str, str | None]) -> str | None:
    """A participant's state; an unnamed one ("VNM:president") is no Leader node, but its state is involved."""
    return leader_state.get(pid) or (pid[:3] if _unnamed(pid) else None)


def _code(c: EventCode | None) -> dict[str, str | None]:
    """The PLOVER event type and mode and the CAMEO code of a fact (nulls when it has none)."""
    return (
        {"plover_event": c.plover_event, "plover_mode": c.plover_mode, "cameo": c.cameo}
        if c
        else {"plover_event": None, "plover_mode": None, "cameo": None}
    )


def _codes(codes: tuple[EventCode, ...], i: int) -> dict[str, str | None]:
    return _code(codes[i] if i < len(codes) else None)


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """What each article records as its extractor, "relgraph 0.1.0" (read once: metadata is slow)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return "relgraph " + version("relgraph")
    except PackageNotFoundError:
        return "relgraph"


_QUERIES: tuple[tuple[str, str | None], ...] = (
    ("articles", _ARTICLE),
    ("states", _STATES),
    ("leaders", _LEADERS),
    ("facilities", _FACILITIES),
    ("sectors", _SECTORS),
    ("sources", _SOURCES),
    ("meetings", _MEETINGS),
    ("calls", _CALLS),
    ("visits", _VISITS),
    ("proposals", None),  # the Project nodes and their edges: made by resolution (``_resolve_projects``)
    ("statements", _STATEMENTS),
)


# How many times a batch is tried when another writer gets in its way. Each try is a managed
# transaction, which the driver itself retries on transient errors (deadlocks, a leader switch)
# for up to ``max_transaction_retry_time`` (graph.connect); a try also ends when another load
# created one of the batch's articles first (a uniqueness constraint refuses the second one): the
# next try finds it in the graph and leaves it alone.
ATTEMPTS = 5


def write_articles(
    driver: neo4j.Driver,
    docs: Sequence[ResolvedArticle],
    database: str = "neo4j",
    force: bool = False,
    attempts: int = ATTEMPTS,
    resolve: bool = True,
) -> BatchResult:
    """Write a batch of articles in one managed transaction (retried, ``attempts`` at most, when
    concurrent writers collide; then ``BusyGraph``). A batch too big for the server's transaction
    memory raises ``TooBigForServer`` at once; a database that cannot write at all (a full disk, a
    critical error) raises ``ServerCannotWrite``.

    Each query of the transaction handles every article of the batch (one UNWIND each), so a
    batch costs a dozen round trips whatever its size. The batch commits whole or not at all.
    """
    from neo4j.exceptions import ConstraintError, Neo4jError, TransientError

    from relgraph.errors import BusyGraph, ServerCannotWrite, TooBigForServer
    from relgraph.graph.connect import describe

    last: Exception | None = None
    for attempt in range(1, attempts + 1):
        try:
            with driver.session(database=database) as session:
                return session.execute_write(_guarded_write_tx, docs, force, resolve)
        except _NotRetried as e:
            last = e.error
        except (ConstraintError, TransientError) as e:
            last = e
            if not (_out_of_memory(e) or _cannot_write(e)) or (_cannot_write(e) and attempt < attempts):
                time.sleep(random.uniform(0.05, 0.25) * attempt)  # let the other writer finish
                continue
        except Neo4jError as e:
            last = e
        assert last is not None
        if _out_of_memory(last):
            raise TooBigForServer(
                f"not written: the server ran out of transaction memory for it ({describe(last)}); "
                "load it in a smaller batch (--batch-size), or give the server more "
                "(db.memory.transaction.max, dbms.memory.transaction.total.max)"
            ) from None
        if _cannot_write(last):
            raise ServerCannotWrite(
                f"the server cannot write to database {database!r} ({_said(last)}): its disk may be "
                "full, or the database stopped after a critical error (its debug.log says which); "
                "free space, restart the server, then load the same files again (what was loaded "
                "is left alone)"
            ) from None
        raise last
    assert last is not None  # attempts >= 1, each one failed
    raise BusyGraph(
        f"not written: {attempts} attempts collided with other writers ({describe(last)}); "
        "load it again once the other loads are done"
    )


# What the server says when a write is too big for its transaction memory (db.memory.transaction.max,
# or the pool of all transactions): a transient error to Neo4j, but trying again cannot help.
OUT_OF_MEMORY = ("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "Neo.TransientError.General.OutOfMemoryError")
# ... and when the database cannot write at all: its transaction log or store cannot grow (a full
# disk), it went read-only (Neo4j does so when it cannot preallocate a log file), or it stopped
# after a critical error ("needs to be restarted"). Every further write would fail the same way.
CANNOT_WRITE = (
    "Neo.DatabaseError.Transaction.",
    "Neo.DatabaseError.General.StorageDamageDetected",
    "Neo.ClientError.General.WriteOnReadOnlyAccessDatabase",
    "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
    "Neo.TransientError.General.DatabaseUnavailable",
)


def _out_of_memory(e: Exception) -> bool:
    return (getattr(e, "code", None) or "").startswith(OUT_OF_MEMORY)


def _cannot_write(e: Exception) -> bool:
    return (getattr(e, "code", None) or "").startswith(CANNOT_WRITE)


def _said(e: Exception) -> str:
    """The server's code and message, without the transaction's internals in braces."""
    message = re.sub(r"\s*\{[^{}]*\}", "", (getattr(e, "message", None) or str(e)).splitlines()[0])
    return f"Neo4j said {getattr(e, 'code', type(e).__name__)}: {message[:200]}"


class _NotRetried(Exception):
    """Carries a server error out of a managed transaction that the driver must not retry for
    30 s: a transaction too big for the server's memory is as big the next time."""

    def __init__(self, error: Exception):
        super().__init__(str(error))
        self.error = error


def _guarded_write_tx(
    tx: neo4j.ManagedTransaction, docs: Sequence[ResolvedArticle], force: bool = False, resolve: bool = True
):
    from neo4j.exceptions import Neo4jError

    try:
        return _write_tx(tx, docs, force, resolve)
    except Neo4jError as e:
        if _out_of_memory(e):
            raise _NotRetried(e) from e
        raise


def _write_tx(
    tx: neo4j.ManagedTransaction, docs: Sequence[ResolvedArticle], force: bool = False, resolve: bool = True
) -> BatchResult:
    """``force`` rewrites articles whose text is already loaded (after a new version of the rules);
    ``resolve=False`` (bench/resolution.py's baseline only) makes each meeting report a node of its own."""
    # one version per document: the last one given wins; one copy per text
    by_doc: dict[str, ResolvedArticle] = {}
    for d in docs:
        by_doc.pop(d.article.doc, None)
        by_doc[d.article.doc] = d
    todo: dict[str, ResolvedArticle] = {}
    for d in by_doc.values():
        todo.setdefault(d.article.id, d)
    res = BatchResult({d.article.id: "unchanged" for d in docs})
    tx.run(_LOCK).consume()  # one writer at a time resolves meetings: taken first, so no deadlock
    found = tx.run(_FIND, docs=[{"id": i, "doc": d.article.doc} for i, d in todo.items()]).data()
    holders = {i: d.article.doc for i, d in todo.items()}  # text id -> a document of the batch holding it
    olds: list[str] = []
    spans: dict[str, list[str]] = {"meetings": [], "visits": [], "projects": [], "calls": [], "legacy_projects": []}
    reassign: list[dict[str, str]] = []

    def drop(article_id, old_spans):
        if article_id not in olds:
            olds.append(article_id)
            for k, v in spans.items():
                v.extend(old_spans.get(k) or [])

    for f in found:
        i = f["id"]
        if f["old"] is not None and f["old"] != i:
            # this document held another text before
            res.statuses[i] = "replaced"
            if f["old"] in holders and f["old"] != f["same"]:
                # ... which another document of the batch still holds: keep it, under that document
                reassign.append({"id": f["old"], "doc": holders[f["old"]]})
            elif f["old"] not in holders:
                drop(f["old"], f["spans"])
        if f["same"] is not None:
            if force:
                res.statuses[i] = "replaced"
                drop(f["same"], f["same_spans"])
            else:
                todo.pop(i, None)  # the text is in the graph already
    for i in todo:
        if res.statuses[i] != "replaced":
            res.statuses[i] = "loaded"
    if olds:
        count_articles(tx, olds, -1)  # (their edges are read: before they go)
        touched = tx.run(_TOUCHED, olds=olds).single(strict=True)["ids"]
        for q in _DELETE_EDGES.values():
            res.edges_deleted += tx.run(q, olds=olds).consume().counters.relationships_deleted
        c = tx.run(_DELETE_OLD, olds=olds).consume().counters
        res.nodes_deleted += c.nodes_deleted
        res.edges_deleted += c.relationships_deleted
        if spans["legacy_projects"]:
            c = tx.run(_DELETE_ORPHANS, projects=spans["legacy_projects"]).consume().counters
            res.nodes_deleted += c.nodes_deleted
        if spans["calls"]:
            res.nodes_deleted += tx.run(_DELETE_ORPHAN_CALLS, calls=spans["calls"]).consume().counters.nodes_deleted
        # states, leaders, places and sources only the old version named go with it
        res.nodes_deleted += tx.run(_DELETE_LONELY, ids=touched).consume().counters.nodes_deleted
    if reassign:
        tx.run(_REASSIGN, rows=reassign).consume()
    batch: dict[str, list[dict]] = {k: [] for k, _ in _QUERIES}
    for d in todo.values():
        for k, v in rows(d).items():
            batch[k].extend(v)
    for key, query in _QUERIES:
        if query and batch[key]:
            c = tx.run(query, rows=batch[key]).consume().counters
            res.nodes_created += c.nodes_created
            res.edges_created += c.relationships_created
    if not resolve:
        delta: Counter[tuple[str, str, str]] = Counter()
        for label, kind, props, edges in (
            ("Meeting", "meetings", events.node_props, _EVENT_EDGES),
            ("Visit", "visits", events.visit_props, _VISIT_EDGES),
        ):
            own = [props([r]) for r in batch[kind]]
            nodes = [{"id": events.own_id(r), "props": p} for r, p in zip(batch[kind], own)]
            tx.run(_EVENT_NODES.format(label=label), nodes=nodes).consume()
            tx.run(edges, rows=[{**r, "id": events.own_id(r)} for r in batch[kind]]).consume()
            for r, p in zip(batch[kind], own):
                delta.update(events.tally_keys(label, p, [r]))
        nodes = [{"id": events.own_project(r), "props": events.project_props([r])} for r in batch["proposals"]]
        tx.run(_EVENT_NODES.format(label="Project"), nodes=nodes).consume()
        tx.run(_PROJECT_EDGES, rows=[{**r, "id": events.own_project(r)} for r in batch["proposals"]]).consume()
        count_nodes(tx, delta)
        count_articles(tx, list(todo))
        return res
    if batch["meetings"] or spans["meetings"]:
        _resolve_events(tx, "Meeting", batch["meetings"], spans["meetings"], set(olds), res)
    if batch["visits"] or spans["visits"]:
        _resolve_events(tx, "Visit", batch["visits"], spans["visits"], set(olds), res)
    if batch["proposals"] or spans["projects"]:
        _resolve_projects(tx, batch["proposals"], spans["projects"], set(olds), res)
    # (after resolution: an article's share of a place's counts is its TO and HELD_AT edges)
    count_articles(tx, list(todo))
    return res


# how each resolved label's nodes are made from their reports, and the edges of one report
_RESOLVED = {
    "Meeting": (events.node_props, _EVENT_EDGES),
    "Visit": (events.visit_props, _VISIT_EDGES),
    "Project": (events.project_props, _PROJECT_EDGES),
}


def _resolve_projects(
    tx: neo4j.ManagedTransaction, new: list[dict], old_groups: list[str], removed: set[str], res: BatchResult
) -> None:
    """Re-resolve the projects of the proposers, partners and months of the batch's new and
    removed proposal reports (graph/events.py): each such group is read whole and resolved again."""
    groups = sorted({events.project_group(r) for r in new} | set(old_groups))
    near = tx.run(_PROJECT_NEAR, groups=[dict(zip(("block", "month"), g.split("\t"))) for g in groups]).data()
    old_members: dict[str, set[str]] = {}
    shrunk: set[str] = set()
    reports: dict[str, dict] = {}
    for n in near:
        old_members[n["id"]] = set()
        for r in events.decode(n["reports"] or []):
            if r["article"] in removed:
                shrunk.add(n["id"])
                continue
            reports[r["key"]] = r
            old_members[n["id"]].add(r["key"])
    for r in new:
        reports[r["key"]] = r
    members: dict[str, list[dict]] = {}
    for key, pid in events.resolve_projects(list(reports.values())).items():
        members.setdefault(pid, []).append(reports[key])
    _rewrite(tx, "Project", old_members, members, shrunk, res, {})


def _resolve_events(
    tx: neo4j.ManagedTransaction,
    label: str,
    new: list[dict],
    old_spans: list[str],
    removed: set[str],
    res: BatchResult,
) -> None:
    """Re-resolve the meetings (``label`` Meeting) or visits (Visit) near the batch's new and
    removed reports (graph/events.py): read the nodes whose reports may depend on them, resolve,
    and rewrite only the nodes whose reports changed. Same result as resolving every report at
    once, in any order of arrival."""
    probes = []
    for sp in old_spans:
        block, lo, hi = sp.split("\t")
        # a removed dated report (lo == hi) moves the undated ones around it: looked up as one
        probes.append({"block": block, "lo": lo, "hi": hi, "published": lo, "day": lo if lo == hi else None})
    q = events.lookups(new, probes)
    near = tx.run(_NEAR.format(label=label), spans=q["spans"], days=q["days"]).data()
    current: dict[str, str] = {}  # report key -> node id
    old_members: dict[str, set[str]] = {}  # node id -> its reports still asserted
    old_keys: dict[str, list[tuple[str, str, str]]] = {}  # node id -> the counts it is in (events.tally_keys)
    shrunk: set[str] = set()  # nodes that lost a report of a removed article
    reports: dict[str, dict] = {}
    changed: dict[str, set[str]] = {}  # block -> the days whose dated reports changed

    def take(nodes: list[dict]) -> None:
        for n in nodes:
            if n["id"] in old_members:
                continue
            old_members[n["id"]] = set()
            decoded = events.decode(n["reports"] or [])
            old_keys[n["id"]] = events.tally_keys(label, n["props"], decoded)
            for r in decoded:
                if r["article"] in removed:
                    shrunk.add(n["id"])
                    if r.get("day"):
                        changed.setdefault(r["block"], set()).add(r["day"])
                    continue
                reports[r["key"]] = r
                current[r["key"]] = n["id"]
                old_members[n["id"]].add(r["key"])

    take(near)
    for r in new:
        reports[r["key"]] = r
        current.pop(r["key"], None)
        if r.get("day"):
            changed.setdefault(r["block"], set()).add(r["day"])
    # the dated meetings the undated reports a changed day frees may join (a second, narrow read)
    more = events.more_days(reports.values(), changed)
    if more:
        take(tx.run(_NEAR.format(label=label), spans=[], days=more).data())
    by_block: dict[str, list[dict]] = {}
    for r in reports.values():
        by_block.setdefault(r["block"], []).append(r)
    members: dict[str, list[dict]] = {}
    for block, rs in by_block.items():
        # per block: a changed day frees only the reports of its own block (their neighbours were read)
        for key, mid in events.resolve(rs, current, changed.get(block, set())).items():
            members.setdefault(mid, []).append(reports[key])
    _rewrite(tx, label, old_members, members, shrunk, res, old_keys)


def _rewrite(
    tx: neo4j.ManagedTransaction,
    label: str,
    old_members: dict[str, set[str]],
    members: dict[str, list[dict]],
    shrunk: set[str],
    res: BatchResult,
    old_keys: dict[str, list[tuple[str, str, str]]],
) -> None:
    """Write what resolution decided: ``old_members`` (node id -> its reports still asserted, of
    the nodes read), ``members`` (node id -> its reports now), ``shrunk`` (nodes that lost a
    report of a removed article), ``old_keys`` (node id -> the counts each node read is in, as
    written: ``events.tally_keys``; empty for projects, which have none)."""
    props_of, edges_query = _RESOLVED[label]
    # a node that lost a report to another node is rebuilt; one that only gained reports keeps its edges
    drop = sorted(
        mid for mid, keys in old_members.items() if mid not in members or not keys <= {r["key"] for r in members[mid]}
    )
    # ... and so does one whose reports all went, with others perhaps, to one new id (its id is
    # its smallest report key's): renamed, so its edges stay, as a rebuild would make them again
    node_of = {r["key"]: mid for mid, ms in members.items() for r in ms}
    renames: dict[str, str] = {}
    for mid in drop:
        targets = {node_of.get(k) for k in old_members[mid]}
        if len(targets) == 1 and None not in targets:
            (new,) = targets
            if new and new not in old_members and new not in renames.values():
                renames[mid] = new
    old_keys = {renames.get(mid, mid): keys for mid, keys in old_keys.items()}
    if renames:
        tx.run(_EVENT_RENAME.format(label=label), rows=[{"old": o, "new": n} for o, n in renames.items()]).consume()
        drop = [mid for mid in drop if mid not in renames]
        old_members = {renames.get(mid, mid): keys for mid, keys in old_members.items()}
        shrunk = {renames.get(mid, mid) for mid in shrunk}
    nodes: list[dict[str, Any]] = []
    edges: list[dict] = []
    for mid, ms in sorted(members.items()):
        kept = old_members.get(mid, set()) if mid not in drop else set()
        keys = {r["key"] for r in ms}
        if mid in old_members and mid not in drop and keys == kept and mid not in shrunk:
            continue  # read as a neighbour, unchanged
        nodes.append({"id": mid, "props": props_of(ms)})
        edges.extend({**r, "id": mid} for r in ms if r["key"] not in kept)
    # the counts of resolved nodes: a deleted node's go, a written node's replace its old ones
    delta: Counter[tuple[str, str, str]] = Counter()
    for mid in drop:
        delta.subtract(old_keys.get(mid, ()))
    for n in nodes:
        if n["id"] in old_members and n["id"] not in drop:
            delta.subtract(old_keys.get(n["id"], ()))
        delta.update(events.tally_keys(label, n["props"], members[n["id"]]))
    count_nodes(tx, delta)
    # (a node rebuilt under resolution is not counted as deleted: the report counts old versions)
    if drop:
        tx.run(_EVENT_DELETE.format(label=label), ids=drop).consume()
    if nodes:
        res.nodes_created += tx.run(_EVENT_NODES.format(label=label), nodes=nodes).consume().counters.nodes_created
    if edges:
        res.edges_created += tx.run(edges_query, rows=edges).consume().counters.relationships_created
    dated = [n["id"] for n in nodes if n["id"] in old_members and n["id"] not in drop]
    if label == "Meeting" and dated:
        tx.run(_MEETING_DATES, ids=dated).consume()


def stats(driver: neo4j.Driver, database: str = "neo4j") -> dict[str, Any]:
    """Node counts by label and edge counts by type (from the count store: constant time), and
    the versions: the graph's schema version, the one this relgraph writes, articles by extractor."""
    from relgraph.graph.models import LABELS

    nodes, edges = {}, {}
    with driver.session(database=database) as s:
        for label in LABELS:
            nodes[label] = s.run(f"MATCH (n:{label}) RETURN count(n) AS c").single(strict=True)["c"]
        for t in REL_TYPES:
            edges[t] = s.run(f"MATCH ()-[r:{t}]->() RETURN count(r) AS c").single(strict=True)["c"]
    from relgraph.graph import schema

    versions = {
        "schema": schema.graph_version(driver, database),
        "writes": schema.SCHEMA_VERSION,
        "extractors": schema.extractor_versions(driver, database),
        "this_extractor": extractor_version(),
    }
    return {"nodes": nodes, "edges": edges, "versions": versions}


# -- the same writes from another client: the Neo4j Connector for Apache Spark ----------------
# The connector's ``query`` write mode runs a statement once per batch of DataFrame rows, each row
# bound to ``event``; these are the writer's own queries with that row in place of ``$rows``'s,
# so the graph's shape has one definition.
def connector_queries() -> list[tuple[str, str]]:
    """(row kind, query) in the writer's order, for the rows ``rows`` gives each kind; the Project
    nodes and the Meeting and Visit nodes are made by ``resolve_reports`` afterwards."""
    out = []
    for kind, query in _QUERIES:
        if query:
            head = "UNWIND $rows AS row"
            assert query.lstrip().startswith(head), kind
            out.append((kind, "WITH event AS row" + query.lstrip()[len(head) :]))
    return out


def find_written(driver: neo4j.Driver, docs: Sequence[tuple[str, str]], database: str = "neo4j") -> dict[str, str]:
    """Which of (text id, document) the graph holds already, as ``write_articles`` decides it:
    text id -> "unchanged" (that text is in the graph) or "replaced" (the document is there with
    another text); texts the graph lacks are left out."""
    found = driver.execute_query(
        _FIND, docs=[{"id": i, "doc": d} for i, d in docs], database_=database, routing_="r"
    ).records
    out: dict[str, str] = {}
    for f in found:
        if f["same"] is not None:
            out[f["id"]] = "unchanged"
        elif f["old"] is not None:
            out[f["id"]] = "replaced"
    return out


def resolve_reports(
    driver: neo4j.Driver,
    meetings: list[dict[str, Any]],
    visits: list[dict[str, Any]],
    proposals: list[dict[str, Any]],
    database: str = "neo4j",
) -> BatchResult:
    """The Meeting, Visit and Project nodes of articles whose other rows are written already (by
    the connector's queries above): ``rows``'s meetings, visits and proposals rows of those
    articles, resolved with the graph's reports as ``write_articles`` resolves a batch, in one
    transaction under the writers' lock. Resolution is order-free, so any split into calls gives
    the same graph."""

    def work(tx: neo4j.ManagedTransaction) -> BatchResult:
        res = BatchResult({})
        tx.run(_LOCK).consume()
        if meetings:
            _resolve_events(tx, "Meeting", meetings, [], set(), res)
        if visits:
            _resolve_events(tx, "Visit", visits, [], set(), res)
        if proposals:
            _resolve_projects(tx, proposals, [], set(), res)
        return res

    with driver.session(database=database) as session:
        return session.execute_write(work)
