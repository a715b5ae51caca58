"""Event resolution: the meeting reports of many articles, in any language, grouped into one
``Meeting`` node per real-world meeting; visit reports into ``Visit`` nodes by the same rules
(see "visits" below), proposal reports into ``Project`` nodes (see "projects"). Pure functions (no database): the writer
(``graph/write.py``) and the bulk import (``graph/bulk.py``) both call them, so both make the
same nodes.

A *report* is one article's meeting row (``write.rows``) plus what resolution reads: ``key``
(``<article id>#<n>``), ``block`` (the states involved), ``day`` (a calendar day, when the report
gives one), ``month``, ``published``, ``city`` and the named participants.

The rules (docs/architecture.md, "Resolved events"), each one tested in
``tests/integration/test_events.py``:

* Only reports of the same ``block`` (the same set of states) can be one meeting.
* Participants: for each state, the leaders named by the two reports must share one; a report
  naming nobody for a state ("the North Korean leader") agrees with any.
* Place: the same city (a venue counts as its city), or one of the two names none.
* Dated reports (a day, whatever way the text gave it: a date, a weekday, "yesterday", resolved
  against the publication date by the extractor) are one meeting when they give the same day and
  agree on participants and place; reports of one day are grouped greedily in a canonical order
  (richest first, then by key), so the grouping is a function of the set of reports alone.
* A report without a day joins the one dated meeting it fits: same month when it names a month;
  otherwise, held: a meeting of the 3 days before its publication (or that day); planned: one of
  the 30 days after it. If no dated meeting or several fit, it stays a meeting of its own. A
  meeting recalled as past without a day joins nothing (a recalled meeting is another event).
* Different days, different cities, different participants: never one node.

Order independence: a report's node depends only on the reports of its block whose days lie in
its window (``window``). The writer re-resolves, inside the article's transaction, every report
whose window holds a day that changed (``resolve`` with ``changed``; it reads them in two steps,
``lookups`` then ``more_days``), and keeps the others where they are; the result is the same as resolving the whole set at once, which is what the bulk
import does (``changed=None``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

HELD_BEFORE = 3  # an undated "held" report: a meeting of the 3 days before its publication
PLANNED_AFTER = 30  # an undated "planned" report: a meeting of the 30 days after it
SPAN = 31  # no report's window is longer (a month): a node spans at most 2 * SPAN days

Report = dict[str, Any]
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s[:10]) if s and len(s) >= 10 else None
    except ValueError:
        return None


def day_of(date: str | None, published: str | None) -> str | None:
    """The calendar day a report gives: a full date, or day and month (``--09-13``) in the year
    that puts it nearest its publication date."""
    d = _date(date)
    if d:
        return d.isoformat()
    pub = _date(published)
    if date and date.startswith("--") and pub:
        try:
            m, dd = int(date[2:4]), int(date[5:7])
            best = min(
                (dt.date(y, m, dd) for y in (pub.year - 1, pub.year, pub.year + 1)),
                key=lambda x: abs((x - pub).days),
            )
        except ValueError:
            return None
        return best.isoformat()
    return None


def report_fields(row: Mapping[str, Any], published: str | None, city: str | None, key: str) -> dict[str, Any]:
    """What resolution adds to a meeting row (``write.rows``)."""
    date = row.get("date")
    day = day_of(date, published)
    month = day[:7] if day else (date if date and _MONTH.match(date) else None)
    states = list(row.get("states") or [])
    block = "|".join(states) if states else "|".join(sorted(p["id"] for p in row.get("participants") or []))
    out = {"key": key, "block": block, "day": day, "month": month, "published": published, "city": city}
    lo, hi = window({**row, **out})
    out["lo"], out["hi"] = lo, hi
    return out


def span(r: Report) -> tuple[str, str]:
    """Where a report is looked up: its window, or its publication date when it has none."""
    if r.get("lo") and r.get("hi"):
        return r["lo"], r["hi"]
    pub = r.get("published") or ""
    return pub, pub


def shift(day: str, days: int) -> str:
    """``day`` moved by ``days`` (an empty day, for a report without any date, stays empty)."""
    d = _date(day)
    return (d + dt.timedelta(days=days)).isoformat() if d else day


def _merge(ranges: list[dict[str, str]], lo: str, hi: str, low: str | None = None) -> list[dict[str, str]]:
    """Overlapping ranges of one block read as one (a batch's reports are often close in time)."""
    merged: list[dict[str, str]] = []
    for x in sorted(ranges, key=lambda x: (x["block"], x[lo])):
        last = merged[-1] if merged else None
        if last and last["block"] == x["block"] and x[lo] <= last[hi]:
            last[hi] = max(last[hi], x[hi])
            if low:
                last[low] = min(last[low], x[low])
        else:
            merged.append(dict(x))
    return merged


def lookups(new: Iterable[Report], removed: Iterable[Report] = ()) -> dict[str, list[dict[str, str]]]:
    """What to read first before resolving the ``new`` reports and re-resolving after the
    ``removed`` ones (an article replaced or removed: probes with ``block``, ``lo``, ``hi``, and
    ``day`` for a dated one):

    * ``spans``: the nodes whose span meets the span of a dated new report or of a removed one (its
      own node, the reports of its day, the undated reports whose window holds it):
      ``Meeting.lo`` from ``lo`` (a node spans at most 2 * SPAN days) to ``hi``, and ``Meeting.hi``
      from ``a``. An undated new report needs none: no other report depends on it;
    * ``days``: the dated meetings an undated new report may join (``Meeting.day`` from ``d1`` to
      ``d2``): those of its window.

    Then ``more_days``: the dated meetings the undated reports read may join, when a changed day
    frees them."""
    spans, days = [], []
    for r in new:
        if r.get("day"):
            spans.append({"block": r["block"], "lo": shift(r["day"], -2 * SPAN), "a": r["day"], "hi": r["day"]})
        elif r.get("lo") and r.get("hi"):
            days.append({"block": r["block"], "d1": r["lo"], "d2": r["hi"]})
        else:  # no window: a meeting of its own, no neighbour
            continue
    for r in removed:
        lo, hi = span(r)
        spans.append({"block": r["block"], "lo": shift(lo, -2 * SPAN), "a": lo, "hi": hi})
    return {"spans": _merge(spans, "lo", "hi", "a"), "days": _merge(days, "d1", "d2")}


def more_days(reports: Iterable[Report], changed: Mapping[str, set[str]]) -> list[dict[str, str]]:
    """The second read: the windows (``Meeting.day`` from ``d1`` to ``d2``) of the undated reports
    read that a changed day of their block frees (``resolve`` re-resolves them, and they may join
    any dated meeting of their window). Every such report was read by ``lookups``' spans: its node
    spans its window, which holds the changed day."""
    days = []
    for r in reports:
        if r.get("day") or not (r.get("lo") and r.get("hi")):
            continue
        if any(_fits(r, d) for d in changed.get(r["block"], ())):
            days.append({"block": r["block"], "d1": r["lo"], "d2": r["hi"]})
    return _merge(days, "d1", "d2")


def window(r: Report) -> tuple[str | None, str | None]:
    """The days whose meetings a report may belong to (None, None: it joins nothing)."""
    if r.get("day"):
        return r["day"], r["day"]
    if r.get("month"):
        first = dt.date.fromisoformat(r["month"] + "-01")
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()
    pub = _date(r.get("published"))
    if pub is None:
        return None, None
    if r.get("status") == "held":
        return (pub - dt.timedelta(days=HELD_BEFORE)).isoformat(), pub.isoformat()
    if r.get("status") == "planned":
        return (pub + dt.timedelta(days=1)).isoformat(), (pub + dt.timedelta(days=PLANNED_AFTER)).isoformat()
    return None, None  # recalled as past, without a date: joins nothing


def _named(r: Report) -> dict[str, set[str]]:
    """Named participants by state ('?' when the state is unknown)."""
    out: dict[str, set[str]] = {}
    for p in r.get("participants") or []:
        pid = p["id"]
        if pid[3:4] == ":" and pid[:3].isupper():
            continue  # an unnamed office ("PRK:leader"): agrees with anyone of that state
        out.setdefault(p.get("state") or "?", set()).add(pid)
    return out


def compatible(a: Report, b: Report) -> bool:
    """Can two reports of one block be the same meeting, by participants and place?"""
    if a["block"] != b["block"]:
        return False
    if a.get("city") and b.get("city") and a["city"] != b["city"]:
        return False
    na, nb = _named(a), _named(b)
    for state in set(na) & set(nb):
        if not na[state] & nb[state]:
            return False
    return True


def _richness(r: Report) -> tuple:
    return (-(1 if r.get("city") else 0), -sum(len(v) for v in _named(r).values()), r["key"])


def _hash(*parts: str, kind: str = "meeting") -> str:
    return kind + ":" + hashlib.sha1("|".join(parts).encode()).hexdigest()[:20]


def _kind(r: Report) -> str:
    """What a report is of: a meeting (its reports carry no ``kind``) or a visit."""
    return r.get("kind") or "meeting"


def _signature(r: Report) -> tuple:
    """All of a report that ``compatible`` reads: reports alike in it are alike to every other."""
    return (r["block"], r.get("city") or None, tuple(sorted((s, tuple(sorted(p))) for s, p in _named(r).items())))


def _distinct(g: Iterable[Report]) -> list[Report]:
    """One report of each signature in ``g``: ``all(compatible(r, x) for x in g)`` needs no more
    (a summit reported by a thousand articles is checked once, not a thousand times)."""
    return list({_signature(x): x for x in g}.values())


def group_day(reports: Iterable[Report]) -> list[list[Report]]:
    """The meetings of one block and one day: greedy, in the canonical order (richest first)."""
    groups: list[tuple[list[Report], dict[tuple, Report]]] = []  # members, one of each signature
    for r in sorted(reports, key=_richness):
        sig = _signature(r)
        for g, kinds in groups:
            if sig in kinds or all(compatible(r, x) for x in kinds.values()):
                g.append(r)
                kinds.setdefault(sig, r)
                break
        else:
            groups.append(([r], {sig: r}))
    return [g for g, _ in groups]


def _days(r: Report) -> list[str]:
    """The days of a report's window, in order."""
    lo, hi = _date(r.get("lo")), _date(r.get("hi"))
    if not lo or not hi:
        return []
    return [(lo + dt.timedelta(days=i)).isoformat() for i in range((hi - lo).days + 1)]


def _fits(r: Report, day: str) -> bool:
    lo, hi = r.get("lo"), r.get("hi")
    return bool(lo and hi and lo <= day <= hi)


def resolve(
    reports: Sequence[Report], current: Mapping[str, str] | None = None, changed: set[str] | None = None
) -> dict[str, str]:
    """Each report's meeting id (report key -> id), for the reports of one block.

    ``changed=None``: everything is resolved afresh (the bulk import). Otherwise ``changed`` holds
    the days whose reports changed in this block (never another block's: the reports they would
    free were not read) and ``current`` the node each known report is on; reports whose
    window holds no changed day keep their node (``reports`` must hold every report of the block
    whose window meets the changed days or the windows of the reports re-resolved)."""
    current = current or {}
    anchored = [r for r in reports if r.get("day")]
    floating = [r for r in reports if not r.get("day")]

    def free(r: Report) -> bool:
        if changed is None or r["key"] not in current:
            return True
        return any(_fits(r, d) for d in changed)

    out: dict[str, str] = {}
    # the dated meetings: (day, node id, members)
    days: dict[str, list[Report]] = {}
    for r in anchored:
        days.setdefault(r["day"], []).append(r)
    clusters: list[tuple[str, str, list[Report]]] = []
    for day, rs in sorted(days.items()):
        if any(free(r) for r in rs):
            for g in group_day(rs):
                mid = _hash(g[0]["block"], day, min(x["key"] for x in g), kind=_kind(g[0]))
                clusters.append((day, mid, g))
        else:  # unchanged day: its meetings stay as they are
            by_node: dict[str, list[Report]] = {}
            for r in rs:
                by_node.setdefault(current[r["key"]], []).append(r)
            clusters.extend((day, mid, g) for mid, g in sorted(by_node.items()))
    for _, mid, g in clusters:
        for r in g:
            out[r["key"]] = mid
    by_day: dict[str, list[tuple[str, list[Report]]]] = {}
    for day, mid, g in clusters:
        by_day.setdefault(day, []).append((mid, _distinct(g)))
    for r in sorted(floating, key=lambda x: x["key"]):
        if not free(r):
            out[r["key"]] = current[r["key"]]
            continue
        fits = [(mid, g) for day in _days(r) for mid, g in by_day.get(day, ()) if all(compatible(r, x) for x in g)]
        if len(fits) > 1 and r.get("city"):  # several: the one in the report's own city
            fits = [(mid, g) for mid, g in fits if any(x.get("city") == r["city"] for x in g)]
        out[r["key"]] = fits[0][0] if len(fits) == 1 else own_id(r)
    return out


PART_DAYS = 64  # the time buckets of ``partitions``: at least SPAN days


def partitions(r: Report) -> list[tuple[str, bool]]:
    """The parts of a bulk resolution a meeting or visit report belongs to: (part, own), resolved
    one part at a time so that no process holds every report of an archive.

    ``resolve`` never joins reports of two blocks, and a report's node depends only on the dated
    reports of the days in its window (a dated report: those of its own day). So a part is a block
    and a bucket of ``PART_DAYS`` days: a report is *own* in the bucket of its day (dated) or of
    the first day of its window (undated), and a dated report is also *context* (``own`` False) in
    the earlier buckets holding a day less than ``SPAN`` days before it, where an undated report's
    window may reach it. Resolving a part gives its own reports the node that resolving every
    report at once gives them (``tests/unit/test_bulk.py`` compares the two)."""
    first = r.get("day") or r.get("lo")
    d = _date(first)
    if d is None:  # no window: a meeting of its own
        return [(f"{r['block']}\t-", True)]
    n = d.toordinal()
    own = n // PART_DAYS
    out = [(f"{r['block']}\t{own}", True)]
    if r.get("day"):
        out += [(f"{r['block']}\t{q}", False) for q in range((n - SPAN + 1) // PART_DAYS, own)]
    return out


def own_id(r: Report) -> str:
    """The id of a meeting (or visit) known from this report alone."""
    return _hash(r["key"], kind=_kind(r))


def _reason(r: Report, day: str | None) -> str:
    what = _kind(r)
    if r.get("day"):
        return f"same day {r['day']}"
    if r.get("month") and day:
        return f"in the month it names ({r['month']}), the one {what} that fits"
    if r.get("status") == "planned":
        return (
            f"planned in an article of {r.get('published')}, the one {what} that fits in the {PLANNED_AFTER} days after"
        )
    return f"undated, published {r.get('published')}, the one {what} that fits in the {HELD_BEFORE} days before"


def node_props(members: Sequence[Report]) -> dict[str, Any]:
    """The properties of one resolved meeting, from its reports alone (so any order of arrival
    gives the same node)."""
    ms = sorted(members, key=lambda r: r["key"])
    day = min((r["day"] for r in ms if r.get("day")), default=None)
    statuses = {r["status"] for r in ms if r.get("status")}
    durations = [r["duration"] for r in ms if r.get("duration")]
    precisions = [r["precision"] for r in ms if r.get("precision")]
    cities = sorted({r["city"] for r in ms if r.get("city")})
    spans = [span(r) for r in ms]
    joined: list[str] = []
    if len(ms) > 1:
        people = sorted({p["id"] for r in ms for p in r.get("participants") or []})
        if _kind(ms[0]) == "visit":
            visitor, _, host = ms[0]["block"].partition(">")
            who = {f"traveller {visitor}", f"host state {host}"}
        else:
            who = {f"states {ms[0]['block']}", "participants " + "+".join(people)}
        joined = sorted(who | ({f"place {cities[0]}"} if cities else set()) | {_reason(r, day) for r in ms})
    return {
        "block": ms[0]["block"],
        # a meeting of three or more states: its states again, so the pair questions find it by an
        # index (a meeting of two states is found by its block, "DEU|FRA"); none for visits
        "multilateral": ms[0]["block"] if len(ms[0].get("states") or ()) >= 3 else None,
        "day": day,
        "date": day if day else (ms[0].get("date") if len(ms) == 1 else None),
        "precision": "day" if day else (min(precisions) if precisions else None),
        "status": "held" if "held" in statuses else (min(statuses) if statuses else None),
        "duration": min(durations) if durations else None,
        "lo": min(x[0] for x in spans),
        "hi": max(x[1] for x in spans),
        "joined_by": joined,
        "reports": [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in ms],
    }


def decode(reports: Iterable[str]) -> list[Report]:
    return [json.loads(s) for s in reports]


# -- visits ------------------------------------------------------------------------------------
# A visit report is resolved by the meeting rules above (``resolve``, ``node_props``), read this way:
# its block is the traveller and the host state (``Q7747>PRK``): another traveller, or a trip to
# another country, is never the same visit; its "participant" is the traveller and its "city" the
# place the extractor gives (the city the text names, else the venue). So: the same day and the
# same place (or one report naming none) is one visit; a report without a day joins the one dated
# visit its window holds (3 days before publication when held, 30 after when planned, the month
# it names); a trip recalled as past without a day joins nothing; another city or another day
# is another visit.


def visit_fields(row: Mapping[str, Any], published: str | None, key: str) -> dict[str, Any]:
    """What resolution adds to a visit row (``write.rows``): a report of kind ``visit``."""
    date = row.get("date")
    day = day_of(date, published)
    month = day[:7] if day else (date if date and _MONTH.match(date) else None)
    out = {
        "kind": "visit",
        "key": key,
        "block": f"{row['visitor_id']}>{row.get('host_state') or ''}",
        "participants": [{"id": row["visitor_id"], "state": None}],
        "day": day,
        "month": month,
        "published": published,
        "city": row.get("place_id"),
    }
    lo, hi = window({**row, **out})
    out["lo"], out["hi"] = lo, hi
    return out


def visit_props(members: Sequence[Report]) -> dict[str, Any]:
    """A resolved visit's properties: the meeting's (``node_props``) and its traveller, place and host."""
    props = node_props(members)
    ms = sorted(members, key=lambda r: r["key"])
    places = sorted({r["place_id"] for r in ms if r.get("place_id")})
    props.update(
        visitor=ms[0]["visitor_id"],
        host_state=ms[0].get("host_state"),
        place=places[0] if places else None,
    )
    for k in ("duration", "precision", "multilateral"):
        props.pop(k, None)
    return props


# -- projects ----------------------------------------------------------------------------------
# The rules for proposals (one ``Project`` node per real-world proposal or project), each tested in
# tests/unit/test_events.py and on tests/data/events/ in tests/integration/test_visits_projects.py:
#
# * Only proposals of the same proposer (a leader, or a state) to the same partner (the other state
#   of the article's pair: the same leader proposing the same thing to another country is another
#   project) can be one project; a proposal whose proposer is unknown is a project of its own.
# * Close in time: published in the same calendar month. (Fixed periods, not "within N days of
#   another report": chains of reports a few days apart would otherwise grow one project over
#   years. Two reports either side of a month's end stay two projects: a miss, never a wrong merge.)
# * The same object (the folded words of what is proposed, when two reports are in one language)
#   or the same sector (what the extractor gives for every proposal, in any language). Reports
#   linked so, directly or through another report, are one project (connected components: the
#   grouping is a function of the set of reports alone, so any order of arrival gives it).
# * Another proposer, another partner, another sector (and another object), another month: never
#   one node.
PROJECT_PERIOD = "month"


def _fold(s: str | None) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", (s or "").casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", s))


def project_fields(row: Mapping[str, Any], published: str | None, pair_key: str | None, key: str) -> dict[str, Any]:
    """What resolution adds to a proposal row (``write.rows``)."""
    by = row.get("by_id")
    return {
        "key": key,
        "block": f"{by}|{pair_key or ''}" if by else f"?{key}",
        "pair_key": pair_key,
        "month": (published or "")[:7],
        "published": published,
        "object": _fold(row.get("what"))[:200],
    }


def project_group(r: Report) -> str:
    """Where a proposal report is looked up: its proposer and partner, and its month."""
    return f"{r['block']}\t{r['month']}"


def _project_linked(a: Report, b: Report) -> bool:
    if a["block"] != b["block"] or a["month"] != b["month"] or a["block"].startswith("?"):
        return False
    return bool(a.get("sector") and a.get("sector") == b.get("sector")) or bool(
        a.get("object") and a.get("object") == b.get("object")
    )


def resolve_projects(reports: Sequence[Report]) -> dict[str, str]:
    """Each proposal report's project id (report key -> id): the connected components of
    ``_project_linked`` (``reports`` must hold every report of the groups they belong to)."""
    parent = {r["key"]: r["key"] for r in reports}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_group: dict[str, list[Report]] = {}
    for r in reports:
        by_group.setdefault(project_group(r), []).append(r)

    def union(a: str, b: str) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for rs in by_group.values():
        # ``_project_linked`` within a group is "same sector or same object": the first report of
        # each sector and of each object stands for the others (linear, not every pair)
        if rs[0]["block"].startswith("?"):
            continue
        first: dict[tuple[str, str], str] = {}
        for r in rs:
            for field in ("sector", "object"):
                if r.get(field):
                    union(first.setdefault((field, r[field]), r["key"]), r["key"])
    comps: dict[str, list[Report]] = {}
    for r in reports:
        comps.setdefault(root(r["key"]), []).append(r)
    out: dict[str, str] = {}
    for ms in comps.values():
        pid = _hash(project_group(ms[0]), min(x["key"] for x in ms), kind="project")
        for x in ms:
            out[x["key"]] = pid
    return out


def own_project(r: Report) -> str:
    """The id of a project known from this report alone (the writer without resolution)."""
    return _hash(r["key"], kind="project")


def project_props(members: Sequence[Report]) -> dict[str, Any]:
    """The properties of one resolved project, from its reports alone (any order gives them)."""
    ms = sorted(members, key=lambda r: r["key"])
    sectors = sorted({r["sector"] for r in ms if r.get("sector")})
    joined: list[str] = []
    if len(ms) > 1:
        by, _, pair = ms[0]["block"].partition("|")
        objects = sorted({r["object"] for r in ms if r.get("object")})
        counts = {o: sum(1 for r in ms if r.get("object") == o) for o in objects}
        joined = sorted(
            {f"proposer {by}", f"published in {ms[0]['month']}"}
            | ({f"partner pair {pair}"} if pair else set())
            | {f"same sector {s}" for s in sectors if sum(1 for r in ms if r.get("sector") == s) > 1}
            | {f"same object '{o[:80]}'" for o, n in counts.items() if n > 1}
        )
    pubs = sorted(r["published"] for r in ms if r.get("published"))
    return {
        **project_summary(ms),
        "name": min(r["what"] for r in ms),
        "by": ms[0].get("by_id"),
        "pair_key": ms[0].get("pair_key"),
        "block": ms[0]["block"],
        "month": ms[0]["month"],
        "sector": sectors[0] if sectors else None,
        "first": pubs[0] if pubs else None,
        "last": pubs[-1] if pubs else None,
        "joined_by": joined,
        "reports": [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in ms],
    }


def _read_order(r: Report) -> tuple:
    """The order ``proposals`` reads a project's reports in: by the article's publication (none
    last), the article, the report's offset (none last), as its question text did."""
    pub, start = r.get("published"), r.get("start")
    return (pub is None, pub or "", _article_of(r), start is None, start if start is not None else 0)


def _article_of(r: Report) -> str:
    return r.get("article") or r["key"].rpartition("#")[0]


def project_summary(members: Sequence[Report]) -> dict[str, Any]:
    """What ``proposals`` shows of a project, kept on the node (schema version 7) so that the
    question reads the pair's projects, not each report's article: the first report's ``what``,
    quote and article (in ``_read_order``), how many articles, their languages (in that order) and
    their sources (each article's credited sources, then the articles' outlets, each once). A
    report carries its article's ``lang``, ``outlet`` and ``sources`` (``write.rows``)."""
    ms = sorted(members, key=_read_order)
    arts: list[Report] = []
    seen: set[str] = set()
    for r in ms:
        if _article_of(r) not in seen:
            seen.add(_article_of(r))
            arts.append(r)
    languages: list[str] = []
    for r in arts:
        if r.get("lang") is not None and r["lang"] not in languages:
            languages.append(r["lang"])
    sources: list[str] = []
    for name in [n for r in arts for n in r.get("sources") or []] + [r.get("outlet") for r in arts]:
        if name is not None and name not in sources:
            sources.append(name)
    first = ms[0] if ms else {}
    return {
        "first_what": first.get("what"),
        "first_quote": first.get("quote"),
        "first_article": _article_of(first) if first else None,
        "articles": len(arts),
        "languages": languages,
        "sources": sources,
    }


# -- counts of resolved nodes (schema version 6) -----------------------------------------------
# The pair questions count a pair's meetings (``total``), facilities_visited a place's visits and
# meetings: counting them at question time reads every one (16k meetings of the busiest pair at
# 100k articles). So each resolved node adds 1 to a count per key ``tally_keys`` gives it, when it
# is written, and takes it away when it is rewritten or deleted (graph/write.py ``_rewrite``); a
# node's keys are a function of its properties and its reports alone, as the node is:
#   meetings  a pair "AAA|BBB" (a meeting of two states: its block; one of three or more: each
#             pair of its states), ``all`` (its ``lo`` set, or of three or more) or ``dated``
#             (its ``date`` set): meetings someone named attended (an ATTENDED edge)
#   visits    a visit's block (traveller and host, ``Q7747>PRK``), ``dated``: its dated visits
#   facility  a place's id, ``meetings`` (held there: a HELD_AT edge) or ``visits`` (a TO edge)
#   visitor   a place's id and a traveller's: visits of that traveller to that place
def tally_keys(label: str, props: Mapping[str, Any], reports: Iterable[Report]) -> list[tuple[str, str, str]]:
    """The counts (kind, of, other) one resolved node of ``label`` adds 1 to, from its properties
    (``node_props`` or ``visit_props``, or as read from the graph) and its reports."""
    rs = list(reports)
    places = sorted({r["place_id"] for r in rs if r.get("place_id")})
    out: list[tuple[str, str, str]] = []
    if label == "Meeting":
        if any(r.get("participants") for r in rs):
            multi = props.get("multilateral")
            if multi:
                states = multi.split("|")
                for pair in sorted({f"{x}|{y}" for x in states for y in states if x < y}):
                    out.append(("meetings", pair, "all"))
                    if props.get("date") is not None:
                        out.append(("meetings", pair, "dated"))
            elif props.get("block") is not None:
                if props.get("lo") is not None:
                    out.append(("meetings", props["block"], "all"))
                if props.get("date") is not None:
                    out.append(("meetings", props["block"], "dated"))
        out += [("facility", p, "meetings") for p in places]
    elif label == "Visit":
        if props.get("block") is not None and props.get("date") is not None:
            out.append(("visits", props["block"], "dated"))
        out += [("facility", p, "visits") for p in places]
        if props.get("visitor"):
            out += [("visitor", p, props["visitor"]) for p in places]
    return out
