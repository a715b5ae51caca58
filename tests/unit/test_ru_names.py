"""Russian names in the nominative: the reference data lists leaders' names as written in the
nominative, the text declines them ("с Токаевым", "Путина")."""

from __future__ import annotations

import pytest

from relgraph.loaders.mentions import ru_name_nominative, ru_nominative


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("Путина", "Путин"),  # a surname in the genitive
        ("Токаевым", "Токаев"),  # in the instrumental
        ("Дмитрия", "Дмитрий"),  # a first name
        ("Уиткоффом", "Уиткофф"),  # a foreign surname the dictionary lacks, its case ending taken off
        ("Джайшанкаром", "Джайшанкар"),
    ],
)
def test_a_declined_name_is_read_in_the_nominative(word, nominative):
    assert ru_name_nominative(word) == nominative


@pytest.mark.parametrize(
    "word",
    [
        "Дмитрий",  # already nominative
        "Дмитриев",  # a surname, not "of the Dmitrys" (a person is one)
        "Моди",  # indeclinable, not the common noun it could be a form of
        "Кирилл",
        "путина",  # not capitalised: not a name
    ],
)
def test_a_name_already_in_the_nominative_stays_as_written(word):
    assert ru_name_nominative(word) == word


def test_a_place_in_the_locative_is_read_in_the_nominative():
    assert ru_nominative("Аляске") == "Аляска"
