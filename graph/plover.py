"""The graph's events in PLOVER's exchange form: one JSON object per meeting, call, visit or proposal
that an article reports, with the field names of the PLOVER manual's "Data Fields" chapter (``id``,
``date``, ``actor``, ``recipient``, ``event``, ``mode``, ``event_loc``, ``event_text``,
``text_info``, ``cite_info``, ``quad_code``) and two of relgraph's own: ``cameo`` (the nearest
CAMEO code) and ``relgraph`` (fact, status, article and node ids).

Actors follow the manual's CONSULT rules: in a visit the visitors are the actors and the host the
recipient; otherwise every participant is an actor and there is no recipient. A proposal's
recipient is the other state of its article's main pair. ``date`` is the event's own date (a month
or a year as ``date`` .. ``enddate``); an intention (planned meeting or visit, proposal) and an
undated event reported as happening take the article's publication date; ``relgraph.date_from``
says which. A past event with no date is left out, since PLOVER requires one.
"""

from __future__ import annotations

import hashlib
import re
from importlib.metadata import PackageNotFoundError, version

import neo4j

CODEBOOK = "PLOVER manual draft 0.8 (2021); CAMEO2PLOVER-2021"
# the manual's quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict
QUAD = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

_ARTICLES = "MATCH (art:Article) WHERE $key IS NULL OR art.pair_key = $key"
_ART = "art {.id, .title, .url, .published, .lang, .outlet, .pair} AS art"
_MEETINGS = f"""
{_ARTICLES}
MATCH (l:Leader)-[at:ATTENDED {{article: art.id}}]->(m:Meeting)
OPTIONAL MATCH (m)-[:HELD_AT {{article: art.id}}]->(f:Facility)
WITH art, m, f, collect({{id: l.id, name: l.name, state: l.state, role: l.role, event: at.plover_event,
                          mode: at.plover_mode, cameo: at.cameo, quote: at.quote, start: at.start,
                          end: at.end}}) AS people
RETURN m.id AS node, m.date AS date, m.status AS status, people, f {{.id, .name, .state}} AS place, {_ART}
ORDER BY art.published, m.id, art.id
"""
_CALLS = f"""
{_ARTICLES}
MATCH (l:Leader)-[oc:ON_CALL {{article: art.id}}]->(c:Call)
WITH art, c, collect({{id: l.id, name: l.name, state: l.state, role: l.role, event: oc.plover_event,
                      mode: oc.plover_mode, cameo: oc.cameo, quote: oc.quote, start: oc.start,
                      end: oc.end}}) AS people
RETURN c.id AS node, c.date AS date, c.status AS status, people, {_ART}
ORDER BY art.published, c.id, art.id
"""
_VISITS = f"""
{_ARTICLES}
MATCH (l:Leader)-[v:VISITS {{article: art.id}}]->(p)
RETURN l {{.id, .name, .state, .role}} AS who, properties(v) AS v,
       p {{.id, .name, .state, .iso3}} AS place, {_ART}
ORDER BY art.published, l.id, v.start
"""
_PROPOSALS = f"""
{_ARTICLES}
MATCH (x)-[pr:PROPOSES {{article: art.id}}]->(proj:Project)
OPTIONAL MATCH (proj)-[:IN_SECTOR {{article: art.id}}]->(s:Sector)
RETURN x {{.id, .name, .state, .role, .iso3}} AS who, properties(pr) AS pr, proj.id AS node, s.id AS sector, {_ART}
ORDER BY art.published, pr.start
"""


def _coder() -> str:
    try:
        return "relgraph " + version("relgraph")
    except PackageNotFoundError:
        return "relgraph"


def _entity(p: dict) -> dict:
    """A PLOVER entity object for a leader (or a state that acts itself)."""
    if p.get("iso3") and not p.get("state"):
        return {"code": p["iso3"], "entity_text": p.get("name") or p["iso3"]}
    e = {"code": p.get("state"), "sector": "GOV", "entity_text": p.get("name")}
    if p.get("id"):
        e["identifier_id"] = p["id"]
        e["identifier_text"] = p.get("name")
    if p.get("role"):
        e["office"] = p["role"]
    return {k: v for k, v in e.items() if v is not None}


def _date(event_date: str | None, art: dict, status: str | None = None) -> tuple[str | None, str | None, str | None]:
    """(date, enddate, where the date comes from). An intention (AGREE: a planned meeting or visit,
    a proposal) happens when it is reported: the publication date. An event dated to the month or
    the year spans it (``date`` .. ``enddate``). A held event the article does not date is dated by
    the article; a past one it does not date cannot be, and is left out."""
    import calendar

    published = art.get("published") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", art.get("published") or "") else None
    d = event_date or ""
    if status == "planned" or (not d and status in (None, "held")) or d.startswith("--"):
        return (published, None, "published") if published and status != "past" else (None, None, None)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d):
        return d, None, "event"
    if re.fullmatch(r"\d{4}-\d{2}", d):
        y, m = int(d[:4]), int(d[5:])
        return f"{d}-01", f"{d}-{calendar.monthrange(y, m)[1]:02d}", "event month"
    if re.fullmatch(r"\d{4}", d):
        return f"{d}-01-01", f"{d}-12-31", "event year"
    return None, None, None


def _record(
    fact: str,
    node: str,
    art: dict,
    date: tuple,
    event: str,
    mode: str | None,
    cameo: str | None,
    actors: list[dict],
    recipients: list[dict],
    quote: str | None,
    start,
    end,
    place: dict | None,
    status: str | None = None,
) -> dict:
    where = (place or {}).get("id") or (place or {}).get("iso3")
    rid = hashlib.sha1(f"{fact}|{node}|{where}|{art['id']}|{start}".encode()).hexdigest()[:20]
    rec = {
        "id": f"relgraph-{rid}",
        "date": date[0],
        **({"enddate": date[1]} if date[1] else {}),
        "actor": actors,
        "event": [event],
        "quad_code": QUAD.get(event),
        "event_text": [quote] if quote else [],
        "text_info": {"start": start, "end": end},
        "cite_info": {
            "citation": art["id"],
            "url": art.get("url"),
            "title": art.get("title"),
            "language": art.get("lang"),
            "publication": art.get("outlet"),
            "coder": _coder(),
            "codebook": CODEBOOK,
        },
        "cameo": cameo,
        "relgraph": {"fact": fact, "node": node, "article": art["id"], "status": status, "date_from": date[2]},
    }
    if recipients:
        rec["recipient"] = recipients
    if mode:
        rec["mode"] = [mode]
    if place and place.get("name"):
        rec["event_loc"] = {
            "extracted_place": place["name"],
            "resolved_place": place["name"],
            "country_code": place.get("state") or place.get("iso3"),
        }
    rec["cite_info"] = {k: v for k, v in rec["cite_info"].items() if v is not None}
    return rec


def events(
    driver: neo4j.Driver, pair: tuple[str, str] | None = None, database: str = "neo4j", skipped: list[str] | None = None
) -> list[dict]:
    """PLOVER records of the graph's meetings, calls, visits and proposals (of one pair's articles with
    ``pair``). Facts that cannot be coded (no date, or loaded before events carried codes) are
    named in ``skipped``."""
    key = "-".join(sorted(pair)) if pair else None
    skipped = [] if skipped is None else skipped
    out = []
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
        meetings = s.run(_MEETINGS, key=key).data()
        visits = s.run(_VISITS, key=key).data()
        calls = s.run(_CALLS, key=key).data()
        proposals = s.run(_PROPOSALS, key=key).data()
    for r in meetings:
        art, people = r["art"], r["people"]
        date = _date(r["date"], art, r["status"])
        coded = [p for p in people if p["event"]]
        if not date[0] or not coded:
            skipped.append(f"meeting {r['node']} in {art['id']}: " + ("no date" if not date[0] else "no codes"))
            continue
        mode = coded[0]["mode"]
        if mode == "visit":
            actors = [_entity(p) for p in coded if p["cameo"] != "043"]
            recipients = [_entity(p) for p in coded if p["cameo"] == "043"]
            cameo = "042"
        else:
            actors, recipients, cameo = [_entity(p) for p in coded], [], coded[0]["cameo"]
        first = min(people, key=lambda p: p["start"] if p["start"] is not None else 1 << 60)
        out.append(
            _record(
                "meeting",
                r["node"],
                art,
                date,
                coded[0]["event"],
                mode,
                cameo,
                actors,
                recipients,
                first["quote"],
                first["start"],
                first["end"],
                r["place"],
                r["status"],
            )
        )
    for r in calls:
        art, people = r["art"], r["people"]
        date = _date(r["date"], art, r["status"])
        coded = [p for p in people if p["event"]]
        if not date[0] or not coded:
            skipped.append(f"call {r['node']} in {art['id']}: " + ("no date" if not date[0] else "no codes"))
            continue
        first = min(people, key=lambda p: p["start"] if p["start"] is not None else 1 << 60)
        out.append(
            _record(
                "call",
                r["node"],
                art,
                date,
                coded[0]["event"],
                coded[0]["mode"],
                coded[0]["cameo"],
                [_entity(p) for p in coded],
                [],
                first["quote"],
                first["start"],
                first["end"],
                None,
                r["status"],
            )
        )
    for r in visits:
        art, v = r["art"], r["v"]
        date = _date(v.get("date"), art, v.get("status"))
        if not date[0] or not v.get("plover_event"):
            skipped.append(f"visit of {r['who']['id']} in {art['id']}: " + ("no date" if not date[0] else "no codes"))
            continue
        host = v.get("host_state")
        out.append(
            _record(
                "visit",
                r["who"]["id"],
                art,
                date,
                v["plover_event"],
                v.get("plover_mode"),
                v.get("cameo"),
                [_entity(r["who"])],
                [{"code": host}] if host else [],
                v.get("quote"),
                v.get("start"),
                v.get("end"),
                r["place"],
                v.get("status"),
            )
        )
    for r in proposals:
        art, pr, who = r["art"], r["pr"], r["who"]
        date = _date(None, art, "planned")  # a proposal is an intention, dated by its report
        if not date[0] or not pr.get("plover_event"):
            skipped.append(f"proposal {r['node']} in {art['id']}: " + ("no date" if not date[0] else "no codes"))
            continue
        own = who.get("state") or who.get("iso3")
        others = [{"code": c} for c in (art.get("pair") or []) if c != own]
        rec = _record(
            "proposal",
            r["node"],
            art,
            date,
            pr["plover_event"],
            pr.get("plover_mode"),
            pr.get("cameo"),
            [_entity(who)],
            others,
            pr.get("quote"),
            pr.get("start"),
            pr.get("end"),
            None,
        )
        rec["relgraph"]["sector"] = r["sector"]
        rec["relgraph"]["what"] = pr.get("what")
        out.append(rec)
    return out
