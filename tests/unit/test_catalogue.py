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
def test_body_has_no_string_building(name):
    body = "\n".join(ln for ln in cypher.get(name).text.splitlines() if not ln.startswith("//"))
    assert "+ $" not in body and "apoc.cypher" not in body.lower()


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
    assert resolve_params(q, {"a": "Russie", "b": "North Korea"}) == {"a": "RUS", "b": "PRK"}
