"""Towns looked up in GeoNames (loaders/cities.py): which of several towns of one name is meant."""

from relgraph.loaders import cities


def test_a_town_in_a_state_the_article_names_wins():
    city = cities.lookup("Queenstown", {"GBR"})
    assert city is not None and (city.name, city.state) == ("Queenstown", "GBR")


def test_several_towns_none_in_the_named_states_is_none():
    # a report on Australia and New Zealand: the South African city is not the one meant
    assert cities.lookup("Queenstown", {"AUS", "NZL"}) is None


def test_with_no_state_named_the_far_larger_town_of_that_name():
    city = cities.lookup("Queenstown")
    assert city is not None and city.state == "ZAF"


def test_one_town_of_that_name_resolves_whatever_the_article_names():
    city = cities.lookup("Marrakech", {"FRA"})
    assert city is not None and city.state == "MAR"


def test_another_spelling_of_a_small_town_in_a_state_not_named_is_none():
    # "à Vidy" (a quarter of Lausanne) in a report on Monaco and Switzerland: one of Ouidah's old names
    assert cities.lookup("Vidy", {"MCO", "CHE"}) is None


def test_another_spelling_of_a_small_town_resolves_when_no_state_is_named():
    city = cities.lookup("Vidy")
    assert city is not None and city.state == "BEN"
