"""Probe articles: one short text per language and class of error, and what extraction must (not) give.

The texts in ``tests/data/probes/<lang>/<class>.txt`` were written for the project (see the README
there). Each is read and extracted exactly as ``relgraph extract FILE`` does
(``relgraph.pipeline.extract_paths``: the file is read with its ``Date:`` header as the
publication date, the language is detected, then extracted), and checked against its entry in
``tests/data/probes/expect.json``. The entries say what the text states, nothing more; an entry
holds any of these keys:

  the article:
    pair                  [str]  the main pair is these two ISO3 codes (sorted)
  counts, exact:
    meetings              int    meetings, whatever their status
    held_meetings         int    meetings with status "held"
    visits                int    visits, whatever their status
    held_visits           int    visits with status "held"
    calls                 int    phone or video calls, whatever their status
  every call:
    call_participants     [str]  has exactly these participants (canonical names, any order)
    call_status           str    has this status
    call_min_evidence     int    has at least this many evidence quotes (the call named again)
  every meeting and every visit:
    status_only           str    has this status ("planned", "past")
    not_dates             [str]  carries none of these dates
    dates_if_set          [str]  carries one of these dates, or no date
    not_places            [str]  does not take place in any of these (canonical names)
  every meeting:
    meeting_participants  [str]  has exactly these participants (canonical names, any order)
    not_participants      [str]  has none of these among its participants
  meetings:
    meeting               [{"participants", "status", "date"?}]  for each: exactly one meeting
                                 with these participants (any order; an unnamed one as
                                 ``ISO3:role``), and it has that status (and that date, if given;
                                 null: undated)
    meeting_place         str    takes place here (canonical name)
    meeting_status        str    has this status
    meeting_date          str    carries this date
  visits:
    visit                 [{"visitor", "place", "status", "date"?}]  for each: exactly one visit
                                 by that visitor to that place, and it has that status (and that
                                 date, if given)
    no_visitor            [str]  none of these is the visitor of any visit
  sources:
    not_credit            [str]  no source of that name has kind "credit"
    credits               [str]  each is the name of a source of kind "credit"
  facilities:
    facilities_include    [str]  each is the name of an extracted facility
    not_facilities        [str]  none of these is the name of an extracted facility
    facility_states       {name: str}  the facilities of that name are exactly those of these
                                 states (ISO3 codes joined by "|": one facility per state)
  proposals (a name is a leader's canonical name or an ISO3 code, as in ``proposals[].by``):
    proposals             int    exactly this many proposals
    min_proposals         int    at least this many proposals
    proposers             [str]  the ``by`` of the proposals are exactly these (as a set)
    proposal_by           [str]  each is the ``by`` of some proposal
    no_proposals_by       [str]  none of these is the ``by`` of any proposal
    proposal_quote_has    [str]  each appears in the evidence quote of some proposal
    proposal_quote_by     {name: str}  some proposal by that name has an evidence quote holding
                                 the string (the proposal predicate: "asked", "a proposé", ...)
    proposal_sector       {name: str}  some proposal by that name is in that sector
  sectors (ids of the taxonomy):
    sectors               [str]  the article's sectors are exactly these (as a set)
    sectors_include       [str]  each is among the article's sectors
    not_sectors           [str]  none of these is among the article's sectors
    sector_quote_has      {id: str}  that sector is extracted and at least one of its evidence
                                 quotes holds the string (the discuss predicate: the clause, not
                                 the single word that names the sector)

A key outside this list is an error (a typo must not pass silently), and the entries and the files
correspond one to one. Failures print what was extracted: participants or visitor, place, date,
status and the evidence quote of every meeting and visit, the proposals (by, what, sector,
quote), the sectors (id, quotes) and the sources.
"""

from __future__ import annotations

import functools
import json

import pytest

from relgraph.errors import BadArticle
from relgraph.loaders.lang import detect
from relgraph.pipeline import extract_paths
from relgraph.loaders.read import read_file
from relgraph.loaders.refdata import SECTORS
from tests.conftest import DATA

PROBES = DATA / "probes"
EXPECT = json.loads((PROBES / "expect.json").read_text(encoding="utf-8"))
FILES = sorted(p.relative_to(PROBES).as_posix() for p in PROBES.glob("*/*.txt"))
KEYS = {
    "pair",
    "meetings",
    "held_meetings",
    "visits",
    "held_visits",
    "calls",
    "call_participants",
    "call_status",
    "call_min_evidence",
    "status_only",
    "not_dates",
    "dates_if_set",
    "not_places",
    "meeting_participants",
    "not_participants",
    "meeting",
    "meeting_place",
    "meeting_status",
    "meeting_date",
    "visit",
    "no_visitor",
    "not_credit",
    "credits",
    "facilities_include",
    "not_facilities",
    "facility_states",
    "proposals",
    "min_proposals",
    "proposers",
    "proposal_by",
    "no_proposals_by",
    "proposal_quote_has",
    "proposal_quote_by",
    "proposal_sector",
    "sectors",
    "sectors_include",
    "not_sectors",
    "sector_quote_has",
}
MAPPING_KEYS = {"proposal_quote_by", "proposal_sector", "sector_quote_has"}


@functools.lru_cache(maxsize=None)
def extracted(name: str) -> dict:
    """The object ``relgraph extract`` prints for the probe file ``name``."""
    [item] = list(extract_paths([str(PROBES / name)]))
    if isinstance(item, BadArticle):
        pytest.fail(f"{name}: extraction failed: {item}")
    return item.to_json()


def _quote(fact: dict) -> str:
    q = " | ".join(e["quote"] for e in fact.get("evidence") or [])
    return repr(q if len(q) <= 240 else q[:237] + "...")


def describe(obj: dict) -> str:
    """What was extracted, for a failure message."""
    lines = [
        f"extracted from {obj['article']['path']} (lang {obj['article']['lang']}, "
        f"published {obj['article']['published']}):",
        f"  meetings ({len(obj['meetings'])}):",
    ]
    for m in obj["meetings"]:
        lines.append(
            f"    - participants={m['participants']} place={m['place']!r} date={m['date']!r} "
            f"status={m['status']!r} quote={_quote(m)}"
        )
    lines.append(f"  calls ({len(obj['calls'])}):")
    for c in obj["calls"]:
        lines.append(
            f"    - participants={c['participants']} date={c['date']!r} status={c['status']!r} quote={_quote(c)}"
        )
    lines.append(f"  visits ({len(obj['visits'])}):")
    for v in obj["visits"]:
        lines.append(
            f"    - visitor={v['visitor']!r} place={v['place']!r} date={v['date']!r} "
            f"status={v['status']!r} quote={_quote(v)}"
        )
    lines.append(f"  proposals ({len(obj['proposals'])}):")
    for p in obj["proposals"]:
        lines.append(f"    - by={p['by']!r} what={p.get('what')!r} sector={p.get('sector')!r} quote={_quote(p)}")
    lines.append(f"  sectors ({len(obj['sectors'])}):")
    for s in obj["sectors"]:
        quotes = [e["quote"] for e in s.get("evidence") or []]
        lines.append(f"    - {s['id']!r} quotes={quotes!r}")
    lines.append(f"  sources ({len(obj['sources'])}):")
    for s in obj["sources"]:
        lines.append(f"    - {s['name']!r} kind={s['kind']!r} quote={_quote(s)}")
    return "\n".join(lines)


def problems(obj: dict, exp: dict) -> list[str]:
    """Every way ``obj`` departs from the expectations ``exp`` (empty when it meets them all)."""
    meetings, visits = obj["meetings"], obj["visits"]
    events = [("meeting", m) for m in meetings] + [("visit", v) for v in visits]
    out = []

    def count(key, items, what):
        if key in exp and len(items) != exp[key]:
            out.append(f"{key}: expected {exp[key]} {what}, got {len(items)}")

    count("meetings", meetings, "meetings")
    count("held_meetings", [m for m in meetings if m["status"] == "held"], "held meetings")
    count("visits", visits, "visits")
    count("held_visits", [v for v in visits if v["status"] == "held"], "held visits")
    count("calls", obj["calls"], "calls")
    for c in obj["calls"]:
        if "call_participants" in exp and sorted(c["participants"]) != sorted(exp["call_participants"]):
            out.append(f"call_participants: {c['participants']}, expected {exp['call_participants']}")
        if "call_status" in exp and c["status"] != exp["call_status"]:
            out.append(f"call_status: call {c['participants']} has status {c['status']!r}")
        if len(c["evidence"]) < exp.get("call_min_evidence", 0):
            out.append(f"call_min_evidence: call {c['participants']} has {len(c['evidence'])} quotes")

    for kind, e in events:
        who = e["participants"] if kind == "meeting" else e["visitor"]
        if "status_only" in exp and e["status"] != exp["status_only"]:
            out.append(f"status_only: {kind} {who} has status {e['status']!r}, expected {exp['status_only']!r}")
        if e["date"] in exp.get("not_dates", ()):
            out.append(f"not_dates: {kind} {who} is dated {e['date']}")
        if "dates_if_set" in exp and e["date"] is not None and e["date"] not in exp["dates_if_set"]:
            out.append(
                f"dates_if_set: {kind} {who} is dated {e['date']}, expected one of {exp['dates_if_set']} or none"
            )
        if e["place"] in exp.get("not_places", ()):
            out.append(f"not_places: {kind} {who} is placed in {e['place']}")

    for m in meetings:
        if "meeting_participants" in exp and sorted(m["participants"]) != sorted(exp["meeting_participants"]):
            out.append(f"meeting_participants: {m['participants']}, expected {exp['meeting_participants']}")
        for name in exp.get("not_participants", ()):
            if name in m["participants"]:
                out.append(f"not_participants: {name} takes part in meeting {m['participants']}")
        for key, field in (("meeting_place", "place"), ("meeting_status", "status"), ("meeting_date", "date")):
            if key in exp and m[field] != exp[key]:
                out.append(f"{key}: meeting {m['participants']} has {field} {m[field]!r}, expected {exp[key]!r}")

    if "pair" in exp and obj["pair"] != exp["pair"]:
        out.append(f"pair: {obj['pair']}, expected {exp['pair']}")

    for want in exp.get("meeting", ()):
        found = [m for m in meetings if sorted(m["participants"]) == sorted(want["participants"])]
        if len(found) != 1:
            out.append(f"meeting: expected one meeting of {want['participants']}, got {len(found)}")
        elif found[0]["status"] != want["status"]:
            out.append(
                f"meeting: {want['participants']} has status {found[0]['status']!r}, expected {want['status']!r}"
            )
        elif "date" in want and found[0]["date"] != want["date"]:
            out.append(f"meeting: {want['participants']} is dated {found[0]['date']!r}, expected {want['date']!r}")

    for want in exp.get("visit", ()):
        found = [v for v in visits if v["visitor"] == want["visitor"] and v["place"] == want["place"]]
        if len(found) != 1:
            out.append(f"visit: expected one visit by {want['visitor']} to {want['place']}, got {len(found)}")
        elif found[0]["status"] != want["status"]:
            out.append(
                f"visit: {want['visitor']} to {want['place']} has status {found[0]['status']!r}, "
                f"expected {want['status']!r}"
            )
        elif "date" in want and found[0]["date"] != want["date"]:
            out.append(
                f"visit: {want['visitor']} to {want['place']} is dated {found[0]['date']!r}, expected {want['date']!r}"
            )
    for v in visits:
        if v["visitor"] in exp.get("no_visitor", ()):
            out.append(f"no_visitor: {v['visitor']} visits {v['place']}")

    for s in obj["sources"]:
        if s["kind"] == "credit" and s["name"] in exp.get("not_credit", ()):
            out.append(f"not_credit: {s['name']} is credited as a source of the report")
    fac_names = {f["name"] for f in obj["facilities"]}
    for name in exp.get("facilities_include", ()):
        if name not in fac_names:
            out.append(f"facilities_include: no facility {name!r} (got {sorted(fac_names)})")
    for name in exp.get("not_facilities", ()):
        if name in fac_names:
            out.append(f"not_facilities: {name!r} is extracted as a facility")
    for name, want in exp.get("facility_states", {}).items():
        got = sorted(str(f["state"]) for f in obj["facilities"] if f["name"] == name)
        if got != sorted(want.split("|")):
            out.append(f"facility_states: {name!r} of states {got}, not {want}")
    for name in exp.get("credits", ()):
        if not any(s["kind"] == "credit" and s["name"] == name for s in obj["sources"]):
            out.append(f"credits: {name} is not credited as a source of the report")

    proposals = obj["proposals"]
    by = [p["by"] for p in proposals]

    def quotes(fact):
        return [e["quote"] for e in fact.get("evidence") or []]

    count("proposals", proposals, "proposals")
    if "min_proposals" in exp and len(proposals) < exp["min_proposals"]:
        out.append(f"min_proposals: expected at least {exp['min_proposals']} proposals, got {len(proposals)}")
    if "proposers" in exp and set(by) != set(exp["proposers"]):
        out.append(
            f"proposers: proposals are by {sorted(set(by), key=str)}, expected exactly {sorted(exp['proposers'])}"
        )
    for name in exp.get("proposal_by", ()):
        if name not in by:
            out.append(f"proposal_by: no proposal by {name}")
    for name in exp.get("no_proposals_by", ()):
        if name in by:
            out.append(f"no_proposals_by: {by.count(name)} proposal(s) by {name}")
    for text in exp.get("proposal_quote_has", ()):
        if not any(text in q for p in proposals for q in quotes(p)):
            out.append(f"proposal_quote_has: no proposal quote holds {text!r}")
    for name, text in exp.get("proposal_quote_by", {}).items():
        if not any(text in q for p in proposals if p["by"] == name for q in quotes(p)):
            out.append(f"proposal_quote_by: no proposal by {name} has a quote holding {text!r}")
    for name, sector in exp.get("proposal_sector", {}).items():
        if not any(p.get("sector") == sector for p in proposals if p["by"] == name):
            out.append(f"proposal_sector: no proposal by {name} in sector {sector!r}")

    sectors = {s["id"]: s for s in obj["sectors"]}
    if "sectors" in exp and set(sectors) != set(exp["sectors"]):
        out.append(f"sectors: got {sorted(sectors)}, expected exactly {sorted(exp['sectors'])}")
    for sid in exp.get("sectors_include", ()):
        if sid not in sectors:
            out.append(f"sectors_include: sector {sid!r} not extracted")
    for sid in exp.get("not_sectors", ()):
        if sid in sectors:
            out.append(f"not_sectors: sector {sid!r} extracted from {quotes(sectors[sid])!r}")
    for sid, text in exp.get("sector_quote_has", {}).items():
        if sid not in sectors:
            out.append(f"sector_quote_has: sector {sid!r} not extracted")
        elif not any(text in q for q in quotes(sectors[sid])):
            out.append(
                f"sector_quote_has: no evidence quote of sector {sid!r} holds {text!r} "
                f"(quotes: {quotes(sectors[sid])!r})"
            )
    return out


def test_every_probe_file_has_expectations_and_every_expectation_a_file():
    assert FILES, "no probe files found"
    assert sorted(EXPECT) == FILES, (
        f"without expectations: {sorted(set(FILES) - set(EXPECT))}; without a file: {sorted(set(EXPECT) - set(FILES))}"
    )


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_expectations_use_known_keys(name):
    exp = EXPECT[name]
    assert exp, f"{name}: no expectation"
    assert set(exp) <= KEYS, f"{name}: unknown keys {sorted(set(exp) - KEYS)}"
    for want in exp.get("visit", ()):
        assert {"visitor", "place", "status"} <= set(want) <= {"visitor", "place", "status", "date"}, (name, want)
    for key in MAPPING_KEYS & set(exp):
        assert isinstance(exp[key], dict) and exp[key], f"{name}: {key} must be a non-empty mapping"
        assert all(isinstance(v, str) and v for v in exp[key].values()), f"{name}: {key} values must be strings"
    ids = [
        *exp.get("sectors", ()),
        *exp.get("sectors_include", ()),
        *exp.get("not_sectors", ()),
        *exp.get("sector_quote_has", {}),
        *exp.get("proposal_sector", {}).values(),
    ]
    assert set(ids) <= set(SECTORS), f"{name}: not sector ids: {sorted(set(ids) - set(SECTORS))}"


@pytest.mark.parametrize("name", FILES)
def test_probe_is_read_with_its_language_and_date(name):
    article = read_file(str(PROBES / name))
    assert detect(article.text, article.path) == name.split("/")[0]
    assert article.published is not None, f"{name}: no Date: header"


@pytest.mark.parametrize("name", FILES)
def test_probe(name):
    obj = extracted(name)
    found = problems(obj, EXPECT[name])
    assert not found, f"{name}:\n  " + "\n  ".join(found) + "\n" + describe(obj)
