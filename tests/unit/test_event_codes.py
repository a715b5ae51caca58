"""PLOVER and CAMEO codes of meetings, visits and proposals (loaders/event_codes.py and its table
loaders/data/event_codes.tsv), on records written for the rules, no parser needed."""

from __future__ import annotations

import pytest

from relgraph.loaders.event_codes import codes_for, table
from relgraph.records import Article, ArticleFacts, FacilityRef, LeaderRef, MeetingFact, ProposalFact, VisitFact

# the PLOVER manual's event categories and the modes it defines for the ones we use
PLOVER_EVENTS = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
MODES = {"CONSULT": {"visit", "third-party", "multilateral", "phone"}, "AGREE": set()}


def test_every_row_is_a_plover_event_with_a_valid_mode_a_cameo_code_and_a_source():
    assert {f for f, _ in table()} == {"meeting", "visit", "call", "proposal"}
    for (fact, case), r in table().items():
        assert r["plover_event"] in PLOVER_EVENTS, (fact, case)
        assert not r["plover_mode"] or r["plover_mode"] in MODES[r["plover_event"]], (fact, case)
        assert r["cameo"].isdigit() and 3 <= len(r["cameo"]) <= 4, (fact, case)
        # CAMEO's root says the same as PLOVER: 03 intent to cooperate = AGREE, 04 consult = CONSULT
        assert {"03": "AGREE", "04": "CONSULT"}[r["cameo"][:2]] == r["plover_event"], (fact, case)
        assert r["cameo_name"] and ("PLOVER" in r["source"] or "C2P" in r["source"]), (fact, case)


def facts(meetings=(), visits=(), proposals=()):
    leaders = tuple(
        LeaderRef(i, i, (), st, None, ()) for i, st in (("Q7747", "RUS"), ("Q56226", "PRK"), ("Q15031", "CHN"))
    )
    fac = tuple(FacilityRef(i, i, "site", st, (), ()) for i, st in (("vostochny@RUS", "RUS"), ("astana@KAZ", "KAZ")))
    places = (FacilityRef("pyongyang@PRK", "Pyongyang", "city", "PRK", (), ()),)
    return ArticleFacts(
        Article.__new__(Article),
        leaders=leaders,
        facilities=fac,
        places=places,
        meetings=tuple(meetings),
        visits=tuple(visits),
        proposals=tuple(proposals),
    )


def meeting(ids, place=None, status="held", city=None):
    return MeetingFact((), None, place, None, None, None, status, (), (), tuple(ids), city)


@pytest.mark.parametrize(
    "m, expected",
    [
        # at home of one side: the other side visits (042), the host hosts (043)
        (
            meeting(["Q7747", "Q56226"], "vostochny@RUS"),
            {"Q7747": ("CONSULT", "visit", "043"), "Q56226": ("CONSULT", "visit", "042")},
        ),
        (
            meeting(["Q7747", "Q56226"], None, city="pyongyang@PRK"),
            {"Q7747": ("CONSULT", "visit", "042"), "Q56226": ("CONSULT", "visit", "043")},
        ),
        (
            meeting(["Q7747", "Q56226"], "astana@KAZ"),
            {"Q7747": ("CONSULT", "third-party", "044"), "Q56226": ("CONSULT", "third-party", "044")},
        ),
        (
            meeting(["Q7747", "Q56226", "Q15031"], "vostochny@RUS"),
            {p: ("CONSULT", "multilateral", "040") for p in ("Q7747", "Q56226", "Q15031")},
        ),
        (meeting(["Q7747", "Q56226"]), {p: ("CONSULT", None, "040") for p in ("Q7747", "Q56226")}),
        (
            meeting(["Q7747", "Q56226"], "vostochny@RUS", "planned"),
            {p: ("AGREE", None, "036") for p in ("Q7747", "Q56226")},
        ),
        (
            meeting(["Q7747", "VNM:president"], "astana@KAZ"),
            {p: ("CONSULT", "third-party", "044") for p in ("Q7747", "VNM:president")},
        ),
    ],
)
def test_meeting_codes(m, expected):
    (got,), _, _ = codes_for(facts(meetings=[m]))
    assert {p: tuple(c) for p, c in got.items()} == expected


@pytest.mark.parametrize(
    "status, expected",
    [
        ("held", ("CONSULT", "visit", "042")),
        ("past", ("CONSULT", "visit", "042")),
        ("planned", ("AGREE", None, "036")),
    ],
)
def test_visit_codes(status, expected):
    _, (v,), _ = codes_for(facts(visits=[VisitFact("Kim", "Q56226", None, None, "RUS", None, status, ())]))
    assert tuple(v) == expected


@pytest.mark.parametrize(
    "sector, cameo",
    [
        ("trade", "0311"),
        ("defence", "0312"),
        ("humanitarian", "0333"),
        ("diplomacy", "036"),
        ("space", "030"),
        (None, "030"),
    ],
)
def test_proposal_codes(sector, cameo):
    _, _, (p,) = codes_for(facts(proposals=[ProposalFact("Putin", "Q7747", "x", "project:1", sector, ())]))
    assert tuple(p) == ("AGREE", None, cameo)
