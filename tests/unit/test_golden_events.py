"""Exact-set golden tests: the whole set of meetings, visits and calls of a few team-written
articles, one per language, must equal the expected one, so that any spurious event fails."""

from __future__ import annotations

import pytest

from relgraph.pipeline import extract_paths
from tests.conftest import DATA

GOLDEN = {
    "fr_summit.txt": {
        "meetings": {(frozenset({"Vladimir Putin", "Kim Jong Un"}), "Vostochny Cosmodrome", None, "held")},
        # the summit's venue is where Kim went; the trip on is still to come
        "visits": {("Kim Jong Un", "Vostochny Cosmodrome", "held"), ("Kim Jong Un", "Vladivostok", "planned")},
    },
    "en_visit.txt": {
        "meetings": {
            (frozenset({"Joe Biden", "Nguyen Phu Trong"}), "Hanoi", "2023-09-10", "held"),
            # "a trip to India ..., where Biden met Modi": the relative clause names no city
            (frozenset({"Joe Biden", "Narendra Modi"}), None, None, "held"),
        },
        "visits": {("Joe Biden", "Hanoi", "held")},
    },
    "es_reunion.txt": {
        "meetings": {(frozenset({"Pedro Sánchez", "Xi Jinping"}), "Beijing", "2023-03-30", "held")},
        "visits": {("Pedro Sánchez", "Beijing", "held")},
    },
    "de_treffen.txt": {
        "meetings": {(frozenset({"Annalena Baerbock", "Subrahmanyam Jaishankar"}), "New Delhi", "2022-12-05", "held")},
        "visits": {("Annalena Baerbock", "New Delhi", "held")},
    },
    "more/en_unnamed_minister.txt": {
        # the counterpart is an office the text does not name: ISO3:role, not a guessed person;
        # the negated meeting is none
        "meetings": {(frozenset({"Joe Biden", "JPN:foreign minister"}), "White House", "2024-03-04", "held")},
        # the office's trip is in the extraction (the graph names no traveller for it)
        "visits": {("JPN:foreign minister", "Washington", "held")},
    },
    "ru_vstrecha.txt": {
        "meetings": {(frozenset({"Vladimir Putin", "Alexander Lukashenko"}), "Minsk", "2024-05-24", "held")},
        "visits": {("Vladimir Putin", "Minsk", "held")},
    },
    "ru_zvonok.txt": {
        # a phone call, named again as "в ходе беседы": one call, and no meeting or visit
        "meetings": set(),
        "visits": set(),
        "calls": {(frozenset({"Vladimir Putin", "Kassym-Jomart Tokayev"}), "2024-10-16", "held")},
    },
}


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_the_events_are_exactly_the_expected_ones(name):
    (facts,) = list(extract_paths([str(DATA / name)]))
    meetings = {(frozenset(m.participants), m.place, m.date, m.status) for m in facts.meetings}
    visits = {(v.visitor, v.place, v.status) for v in facts.visits}
    assert meetings == GOLDEN[name]["meetings"]
    assert visits == GOLDEN[name]["visits"]
    calls = {(frozenset(c.participants), c.date, c.status) for c in facts.calls}
    assert calls == GOLDEN[name].get("calls", set())
    for fact in facts.meetings + facts.visits + facts.calls:
        for ev in fact.evidence:
            assert facts.article.text[ev.start : ev.end] == ev.quote
