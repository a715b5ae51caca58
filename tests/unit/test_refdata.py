"""The reference data as the extractor reads it (loaders/refdata.py)."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "words, state, lid",
    [
        (["Сирила", "Рамафосу"], None, "rg:cyril-ramaphosa"),  # accusative of Сирил Рамафоса
        (["Сирилом", "Рамафосой"], "ZAF", "rg:cyril-ramaphosa"),
        (["Луиса", "Инасиу", "Лулу"], None, "Q37181"),  # cut before "да Силву"
        (["Владимиром", "Путиным"], "RUS", "Q7747"),
    ],
)
def test_a_russian_name_in_another_case_is_the_leader(words, state, lid):
    assert rd.ru_declined_leader(words, state) == lid


@pytest.mark.parametrize(
    "words, state",
    [
        (["Сирила", "Рамафосу"], "FRA"),  # not of the state the title names
        (["Сирилович", "Рамафосов"], None),  # "-ович", "-ов" are other words, not case endings
        (["Рамафосу"], None),  # one word: the short forms are matched elsewhere
        (["Луиса", "Инасиу"], None),  # cut before a name word, not before a particle
    ],
)
def test_a_russian_name_is_not_a_leader_by_a_shared_stem_alone(words, state):
    assert rd.ru_declined_leader(words, state) is None
