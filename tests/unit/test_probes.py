"""Probe articles: one short text per language and class of error, and what extraction must (not) give.

The texts in ``tests/data/probes/<lang>/<class>.txt`` were written for the project (see the README
there). Each is read and extracted exactly as ``relgraph extract FILE`` does
(``relgraph.loaders.pipeline.extract_paths``: the file is read with its ``Date:`` header as the
publication date, the language is detected, then extracted), and checked against its entry in
``tests/data/probes/expect.json``. The entries say what the text states, nothing more; an entry
holds any of these keys:

  counts, exact:
    meetings              int    meetings, whatever their status
    held_meetings         int    meetings with status "held"
    visits                int    visits, whatever their status
    held_visits           int    visits with status "held"
  every meeting and every visit:
    status_only           str    has this status ("planned", "past")
    not_dates             [str]  carries none of these dates
    dates_if_set          [str]  carries one of these dates, or no date
    not_places            [str]  does not take place in any of these (canonical names)
  every meeting:
    meeting_participants  [str]  has exactly these participants (canonical names, any order)
    meeting_place         str    takes place here (canonical name)
    meeting_status        str    has this status
    meeting_date          str    carries this date
  visits:
    visit                 [{"visitor", "place", "status"}]  for each: exactly one visit by that
                                 visitor to that place, and it has that status
    no_visitor            [str]  none of these is the visitor of any visit
  sources:
    not_credit            [str]  no source of that name has kind "credit"

A key outside this list is an error (a typo must not pass silently), and the entries and the files
correspond one to one. Failures print what was extracted: participants or visitor, place, date,
status and the evidence quote of every meeting and visit, and the sources.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from relgraph.errors import BadArticle
from relgraph.loaders.lang import detect
from relgraph.loaders.pipeline import extract_paths
from relgraph.loaders.read import read_file
from tests.conftest import DATA

PROBES = DATA / "probes"
EXPECT = json.loads((PROBES / "expect.json").read_text(encoding="utf-8"))
FILES = sorted(p.relative_to(PROBES).as_posix() for p in PROBES.glob("*/*.txt"))
KEYS = {"meetings", "held_meetings", "visits", "held_visits", "status_only", "not_dates", "dates_if_set",
        "not_places", "meeting_participants", "meeting_place", "meeting_status", "meeting_date", "visit",
        "no_visitor", "not_credit"}


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
    lines = [f"extracted from {obj['article']['path']} (lang {obj['article']['lang']}, "
             f"published {obj['article']['published']}):", f"  meetings ({len(obj['meetings'])}):"]
    for m in obj["meetings"]:
        lines.append(f"    - participants={m['participants']} place={m['place']!r} date={m['date']!r} "
                     f"status={m['status']!r} quote={_quote(m)}")
    lines.append(f"  visits ({len(obj['visits'])}):")
    for v in obj["visits"]:
        lines.append(f"    - visitor={v['visitor']!r} place={v['place']!r} date={v['date']!r} "
                     f"status={v['status']!r} quote={_quote(v)}")
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

    for kind, e in events:
        who = e["participants"] if kind == "meeting" else e["visitor"]
        if "status_only" in exp and e["status"] != exp["status_only"]:
            out.append(f"status_only: {kind} {who} has status {e['status']!r}, expected {exp['status_only']!r}")
        if e["date"] in exp.get("not_dates", ()):
            out.append(f"not_dates: {kind} {who} is dated {e['date']}")
        if "dates_if_set" in exp and e["date"] is not None and e["date"] not in exp["dates_if_set"]:
            out.append(f"dates_if_set: {kind} {who} is dated {e['date']}, expected one of {exp['dates_if_set']} or none")
        if e["place"] in exp.get("not_places", ()):
            out.append(f"not_places: {kind} {who} is placed in {e['place']}")

    for m in meetings:
        if "meeting_participants" in exp and sorted(m["participants"]) != sorted(exp["meeting_participants"]):
            out.append(f"meeting_participants: {m['participants']}, expected {exp['meeting_participants']}")
        for key, field in (("meeting_place", "place"), ("meeting_status", "status"), ("meeting_date", "date")):
            if key in exp and m[field] != exp[key]:
                out.append(f"{key}: meeting {m['participants']} has {field} {m[field]!r}, expected {exp[key]!r}")

    for want in exp.get("visit", ()):
        found = [v for v in visits if v["visitor"] == want["visitor"] and v["place"] == want["place"]]
        if len(found) != 1:
            out.append(f"visit: expected one visit by {want['visitor']} to {want['place']}, got {len(found)}")
        elif found[0]["status"] != want["status"]:
            out.append(f"visit: {want['visitor']} to {want['place']} has status {found[0]['status']!r}, "
                       f"expected {want['status']!r}")
    for v in visits:
        if v["visitor"] in exp.get("no_visitor", ()):
            out.append(f"no_visitor: {v['visitor']} visits {v['place']}")

    for s in obj["sources"]:
        if s["kind"] == "credit" and s["name"] in exp.get("not_credit", ()):
            out.append(f"not_credit: {s['name']} is credited as a source of the report")
    return out


def test_every_probe_file_has_expectations_and_every_expectation_a_file():
    assert FILES, "no probe files found"
    assert sorted(EXPECT) == FILES, (f"without expectations: {sorted(set(FILES) - set(EXPECT))}; "
                                     f"without a file: {sorted(set(EXPECT) - set(FILES))}")


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_expectations_use_known_keys(name):
    exp = EXPECT[name]
    assert exp, f"{name}: no expectation"
    assert set(exp) <= KEYS, f"{name}: unknown keys {sorted(set(exp) - KEYS)}"
    for want in exp.get("visit", ()):
        assert set(want) == {"visitor", "place", "status"}, (name, want)


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
