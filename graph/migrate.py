"""Schema version 3: visits and proposals resolved into ``Visit`` and ``Project`` nodes, in a
graph written before (version 2 or older), in place.

A version-2 graph holds each visit report as a per-article ``VISITS`` edge (traveller -> place or
host state, with the date, status, codes and evidence) and each proposal report as a ``PROPOSES``
edge (proposer -> Project) and an ``IN_SECTOR`` edge (Project -> Sector) on a Project node keyed
by the extractor's ``project`` id. Those edges hold every field of the writer's rows
(``write.rows``), so the reports are rebuilt from them, keys included (``write.visit_reports``
numbers them in a canonical order), and resolved by the writer's own incremental resolution,
a batch of articles per transaction: the graph that results is the one a load of the same
articles by this relgraph makes (tests/integration/test_safety.py compares whole-graph dumps).

An article is done once it has ``visit_spans`` (a list, empty when it reports no visit); a
migration stopped half-way goes on from the articles without it. Meetings are not touched:
articles written before meetings were resolved (no ``meeting_spans``) are counted, and only a
re-extraction (``relgraph load --force``) resolves them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import neo4j

from relgraph.graph import events, write

_TODO = """
MATCH (a:Article) WHERE a.id > $after AND a.visit_spans IS NULL
RETURN a.id AS id, a.published AS published, a.pair_key AS pair_key
ORDER BY a.id LIMIT $n
"""
_LEFT = "MATCH (a:Article) WHERE a.visit_spans IS NULL RETURN count(a) AS n"
_UNRESOLVED_MEETINGS = "MATCH (a:Article) WHERE a.meeting_spans IS NULL RETURN count(a) AS n"

_OLD_VISITS = """
UNWIND $ids AS id
MATCH (l:Leader)-[v:VISITS {article: id}]->(t)
RETURN id AS article, l.id AS visitor_id, CASE WHEN t:Facility THEN t.id END AS place_id, properties(v) AS e
"""
# Project nodes of the old kind have no ``block`` (a resolved one always has)
_OLD_SECTORS = """
UNWIND $ids AS id
MATCH (p:Project)-[i:IN_SECTOR {article: id}]->(s:Sector) WHERE p.block IS NULL
RETURN id AS article, p.id AS project, p.name AS name, s.id AS sector, properties(i) AS e
"""
_OLD_PROPOSES = """
UNWIND $ids AS id
MATCH (by)-[r:PROPOSES {article: id}]->(p:Project) WHERE p.block IS NULL
RETURN id AS article, p.id AS project, p.name AS name, coalesce(by.iso3, by.id) AS by_id, properties(r) AS e
"""
_DROP_OLD = """
UNWIND $ids AS id
CALL (id) {
  MATCH (p:Project)-[i:IN_SECTOR {article: id}]->(:Sector) WHERE p.block IS NULL DELETE i
}
CALL (id) {
  MATCH ()-[r:PROPOSES {article: id}]->(p:Project) WHERE p.block IS NULL DELETE r
}
"""
_DROP_ORPHANS = """
UNWIND $projects AS pid
MATCH (p:Project {id: pid}) WHERE p.block IS NULL AND NOT (p)--() DELETE p
"""
_SET_SPANS = """
UNWIND $rows AS row
MATCH (a:Article {id: row.id})
SET a.visit_spans = row.visit_spans, a.project_spans = row.project_spans
"""

_CODES = ("plover_event", "plover_mode", "cameo")
_EVIDENCE = ("quote", "start", "end")


def _visit_row(r: dict[str, Any]) -> dict[str, Any]:
    """A version-2 ``VISITS`` edge as the writer's visit row (``write.rows``)."""
    e = r["e"]
    return {
        "visitor_id": r["visitor_id"],
        "place_id": r["place_id"],
        "host_state": e.get("host_state"),
        "date": e.get("date"),
        "status": e.get("status"),
        **{k: e.get(k) for k in _CODES},
        **{k: e.get(k) for k in _EVIDENCE},
    }


def _proposal_rows(sectors: list[dict], proposes: list[dict]) -> list[dict[str, Any]]:
    """An article's proposal rows from its version-2 edges: each report made one ``IN_SECTOR``
    edge (when it had a sector) and one ``PROPOSES`` edge (when its proposer is a node), both on
    its project and both with its evidence; they are paired on those."""

    def ident(r: dict) -> tuple:
        return (r["project"], *(r["e"].get(k) for k in _EVIDENCE))

    unpaired: dict[tuple, list[dict]] = defaultdict(list)
    for s in sorted(sectors, key=lambda r: (str(ident(r)), r["sector"])):
        unpaired[ident(s)].append(s)
    out = []
    for p in sorted(proposes, key=lambda r: (str(ident(r)), r["by_id"] or "", r["e"].get("what") or "")):
        paired = unpaired[ident(p)].pop(0) if unpaired[ident(p)] else None
        out.append(
            {
                "project": p["project"],
                "what": p["e"].get("what"),
                "sector": paired["sector"] if paired else None,
                "by_id": p["by_id"],
                **{k: p["e"].get(k) for k in _CODES},
                **{k: p["e"].get(k) for k in _EVIDENCE},
            }
        )
    # a report whose proposer was no node made no PROPOSES edge: what it proposed is known only
    # as its project's name, and its proposer not at all (a project of its own, as a load makes)
    for rest in unpaired.values():
        for s in rest:
            out.append(
                {
                    "project": s["project"],
                    "what": s["name"],
                    "sector": s["sector"],
                    "by_id": None,
                    **{k: None for k in _CODES},
                    **{k: s["e"].get(k) for k in _EVIDENCE},
                }
            )
    return out


def _migrate_batch(tx: neo4j.ManagedTransaction, arts: list[dict]) -> tuple[int, int]:
    """Resolve the visits and proposals of ``arts`` (id, published, pair_key); returns the
    numbers of visit and proposal reports."""
    tx.run(write._LOCK).consume()  # no load resolves at the same time (none would write: version 2)
    ids = [a["id"] for a in arts]
    visits: dict[str, list[dict]] = defaultdict(list)
    for r in tx.run(_OLD_VISITS, ids=ids).data():
        visits[r["article"]].append(_visit_row(r))
    sectors: dict[str, list[dict]] = defaultdict(list)
    for r in tx.run(_OLD_SECTORS, ids=ids).data():
        sectors[r["article"]].append(r)
    proposes: dict[str, list[dict]] = defaultdict(list)
    for r in tx.run(_OLD_PROPOSES, ids=ids).data():
        proposes[r["article"]].append(r)
    new_visits: list[dict] = []
    new_proposals: list[dict] = []
    spans = []
    for a in arts:
        art = a["id"]
        vs = write.visit_reports(visits[art], a["published"], art)
        ps = write.proposal_reports(_proposal_rows(sectors[art], proposes[art]), a["published"], a["pair_key"], art)
        for row in (*vs, *ps):
            row["article"] = art
        new_visits.extend(vs)
        new_proposals.extend(ps)
        spans.append(
            {
                "id": art,
                "visit_spans": sorted({"\t".join((v["block"], *events.span(v))) for v in vs}),
                "project_spans": sorted({events.project_group(p) for p in ps}),
            }
        )
    legacy = sorted({r["project"] for rs in (*sectors.values(), *proposes.values()) for r in rs})
    tx.run(_DROP_OLD, ids=ids).consume()
    if legacy:
        tx.run(_DROP_ORPHANS, projects=legacy).consume()
    res = write.BatchResult({})
    if new_visits:
        write._resolve_events(tx, "Visit", new_visits, [], set(), res)
    if new_proposals:
        write._resolve_projects(tx, new_proposals, [], set(), res)
    tx.run(_SET_SPANS, rows=spans).consume()
    return len(new_visits), len(new_proposals)


def resolve_visits_and_projects(
    driver: neo4j.Driver, database: str = "neo4j", *, batch: int = 1000, echo: Callable[[str], None] | None = None
) -> dict[str, int]:
    """Resolve the visits and proposals of every article not yet done, ``batch`` articles a
    transaction, telling ``echo`` how far along; returns the articles, visit and proposal reports
    done and the articles whose meetings were written before meetings were resolved."""
    left = driver.execute_query(_LEFT, database_=database).records[0]["n"]
    done = {"articles": 0, "visits": 0, "proposals": 0}
    after = ""
    while True:
        arts = driver.execute_query(_TODO, after=after, n=batch, database_=database).records
        if not arts:
            break
        rows = [dict(a) for a in arts]
        with driver.session(database=database) as s:
            v, p = s.execute_write(_migrate_batch, rows)
        after = rows[-1]["id"]
        done["articles"] += len(rows)
        done["visits"] += v
        done["proposals"] += p
        if echo:
            echo(
                f"  {done['articles']}/{left} articles: {done['visits']} visit and "
                f"{done['proposals']} proposal reports resolved"
            )
    done["unresolved_meetings"] = driver.execute_query(_UNRESOLVED_MEETINGS, database_=database).records[0]["n"]
    return done


# -- schema version 7: the article's language, outlet and sources on each proposal report --------
_PROJECTS_TODO = """
MATCH (p:Project) WHERE p.id > $after
RETURN p.id AS id, p.reports AS reports
ORDER BY p.id LIMIT $n
"""
_ARTICLE_FIELDS = """
UNWIND $ids AS id
MATCH (a:Article {id: id})
OPTIONAL MATCH (a)-[:REPORTED_BY]->(s:Source)
RETURN a.id AS id, a.lang AS lang, a.outlet AS outlet, collect(s.name) AS sources
"""
_SET_PROJECTS = "UNWIND $rows AS row MATCH (p:Project {id: row.id}) SET p += row.props"


def summarize_projects(driver: neo4j.Driver, database: str = "neo4j", *, batch: int = 1000) -> int:
    """Give every proposal report its article's language, outlet and sources
    (``write.article_fields``, as ``write.rows`` does) and every project the properties
    ``events.project_props`` makes of them, ``batch`` projects a transaction; returns the projects
    rewritten. A project whose reports all carry them already is left alone (a migration stopped
    half-way goes on)."""

    def work(tx: neo4j.ManagedTransaction, todo: list[tuple[str, list[dict]]]) -> None:
        tx.run(write._LOCK).consume()
        ids = sorted({r["article"] for _, rs in todo for r in rs})
        arts = {a["id"]: a for a in tx.run(_ARTICLE_FIELDS, ids=ids).data()}
        rows = []
        for pid, rs in todo:
            for r in rs:
                a = arts.get(r["article"]) or {}
                r.update(write.article_fields(a.get("lang"), a.get("outlet"), a.get("sources") or []))
            rows.append({"id": pid, "props": events.project_props(rs)})
        tx.run(_SET_PROJECTS, rows=rows).consume()

    done, after = 0, ""
    while True:
        found = driver.execute_query(_PROJECTS_TODO, after=after, n=batch, database_=database).records
        if not found:
            break
        after = found[-1]["id"]
        todo = [
            (p["id"], rs)
            for p in found
            for rs in [events.decode(p["reports"] or [])]
            if rs and not all("sources" in r for r in rs)
        ]
        if todo:
            with driver.session(database=database) as s:
                s.execute_write(work, todo)
            done += len(todo)
    return done
