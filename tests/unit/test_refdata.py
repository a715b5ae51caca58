"""The reference data as the extractor reads it (loaders/refdata.py)."""

from __future__ import annotations

from relgraph.loaders import refdata as rd


def test_a_person_is_of_the_state_of_the_office_held_that_day():
    tusk = rd.leaders()["Q946"]
    assert tusk.state_on("2016-06-01") == "EUU"  # President of the European Council
    assert tusk.state_on("2024-06-01") == "POL"  # Prime Minister of Poland again
    assert tusk.role_on("2024-06-01") == "prime minister"


def test_capitals_and_venue_cities():
    assert rd.capitals()["VNM"] == "hanoi@VNM"
    assert rd.capitals()["KAZ"] == "astana@KAZ"
    assert rd.places()["kremlin@RUS"].city == "moscow@RUS"
    assert rd.places()["moscow@RUS"].city is None
