"""The stored questions keep their promises: documented parameters, used parameters, examples."""

from __future__ import annotations

import pytest

from relgraph import cypher
from relgraph.api import resolve_params
from relgraph.errors import MissingParameter, UnknownQuery, UnknownState


@pytest.mark.parametrize("name", cypher.names())
def test_every_parameter_is_documented_and_every_documented_one_is_used(name):
    q = cypher.get(name)
    assert q.description, f"{name} has no description"
    assert q.returns, f"{name} does not say what it returns"
    assert q.used_params == set(q.params), name
    for p, d in q.params.items():
        assert d["example"], f"{name}: parameter {p} has no example"


@pytest.mark.parametrize("name", cypher.names())
def test_body_never_runs_text_as_cypher(name):
    body = "\n".join(ln for ln in cypher.get(name).text.splitlines() if not ln.startswith("//")).lower()
    for dynamic in ("apoc.cypher", "apoc.do.", "apoc.periodic", "db.create", "$(", "{{"):
        assert dynamic not in body, f"{name} builds Cypher at run time ({dynamic})"
    assert ";" not in body.strip().rstrip(";"), f"{name} holds more than one statement"


def test_sectors_discussed_is_stored():
    assert "sectors_discussed" in cypher.names()


def test_unknown_question_is_one_clear_error():
    with pytest.raises(UnknownQuery, match="relgraph queries"):
        cypher.get("no_such_question")
    with pytest.raises(UnknownQuery):
        cypher.get("../etc/passwd")


def test_parameters_are_checked_and_states_resolved():
    q = cypher.get("sectors_discussed")
    with pytest.raises(MissingParameter, match="needs b"):
        resolve_params(q, {"a": "RUS"})
    with pytest.raises(MissingParameter, match="no parameter c"):
        resolve_params(q, {"a": "RUS", "b": "PRK", "c": "x"})
    with pytest.raises(UnknownState):
        resolve_params(q, {"a": "Atlantis", "b": "PRK"})
    assert resolve_params(q, {"a": "Russie", "b": "North Korea"}) == {
        "a": "RUS",
        "b": "PRK",
        "since": None,
        "until": None,
    }
    with pytest.raises(MissingParameter, match="ISO date"):
        resolve_params(q, {"a": "RUS", "b": "PRK", "since": "last year"})


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Kim Jong-un", "Q56226"),
        ("Ким Чен Ын", "Q56226"),
        ("Vladimir Poutine", "Q7747"),
        ("Vostotchny", "vostochny-cosmodrome@RUS"),
        ("Corée du Nord", "PRK"),
    ],
)
def test_entities_resolve_from_any_name(value, expected):
    from relgraph.api import resolve_entity

    assert resolve_entity(value) == expected


def test_unknown_entity_and_sector_are_clear_errors():
    from relgraph.api import resolve_entity
    from relgraph.errors import UnknownName

    with pytest.raises(UnknownName, match="no state, leader or place"):
        resolve_entity("Zorglub")
    with pytest.raises(UnknownName, match="not a sector id"):
        resolve_params(cypher.get("pairs_discussing"), {"sector": "cooking"})


def test_limit_is_a_whole_number_of_rows_and_the_same_in_every_event_list():
    q = cypher.get("timeline")
    assert resolve_params(q, {"a": "RUS", "b": "PRK", "limit": "25"})["limit"] == 25
    assert resolve_params(q, {"a": "RUS", "b": "PRK"})["limit"] is None  # the question's default (100)
    for bad in ("0", "-1", "ten", "2.5"):
        with pytest.raises(MissingParameter, match="whole number of rows"):
            resolve_params(q, {"a": "RUS", "b": "PRK", "limit": bad})
    paged = [n for n in cypher.names() if "limit" in cypher.get(n).params]
    assert sorted(paged) == ["meetings_between", "meetings_of", "timeline", "visits_by"]
    for name in paged:
        s = cypher.get(name)
        assert s.params["limit"]["optional"] and "null for 100" in s.params["limit"]["doc"], name
        assert "coalesce($limit, 100)" in s.text and s.returns.split(", ")[-1].startswith("total ("), name
