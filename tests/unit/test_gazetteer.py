"""The phrase matcher under every lexicon."""

from __future__ import annotations

import pytest

from relgraph.loaders.gazetteer import Gazetteer, fold


def names(g, text):
    return [(m.form, m.value) for m in g.find(text)]


def test_longest_match_wins():
    g = Gazetteer()
    g.add("Guinée", "GIN")
    g.add("Guinée-Bissau", "GNB")
    g.add("Guinée équatoriale", "GNQ")
    assert names(g, "la Guinée-Bissau et la Guinée équatoriale, pas la Guinée.") == [
        ("Guinée-Bissau", "GNB"),
        ("Guinée équatoriale", "GNQ"),
        ("Guinée", "GIN"),
    ]


def test_case_sensitive_acronyms_do_not_match_words():
    g = Gazetteer()
    g.add("US", "USA", case_sensitive=True)
    assert names(g, "Let us talk about US policy") == [("US", "USA")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Путина", ["Путина"]),
        ("Путиным", ["Путиным"]),
        ("Пут", []),
    ],
)
def test_stems_match_inflected_forms(text, expected):
    g = Gazetteer()
    g.add("Путин*", "Q7747")
    assert [f for f, _ in names(g, text)] == expected


@pytest.mark.parametrize("text", ["Kim Jong-un", "Kim Jong Un", "KIM JONG UN", "Kim Jong‑un"])
def test_hyphen_space_and_case_are_folded(text):
    g = Gazetteer()
    g.add("Kim Jong Un", "Q56226")
    assert names(g, text) == [(text, "Q56226")]


def test_accents_and_apostrophes_are_folded_a_wrapped_line_is_crossed_a_paragraph_is_not():
    g = Gazetteer()
    g.add("Komsomolsk-sur-l'Amour", "kna")
    assert names(g, "à Komsomolsk-sur-l’Amour") == [("Komsomolsk-sur-l’Amour", "kna")]
    assert names(g, "Komsomolsk\nsur l'Amour") == [("Komsomolsk\nsur l'Amour", "kna")]
    assert names(g, "Komsomolsk\n\nsur l'Amour") == []
    assert names(g, "Komsomolsk\tsur\r\nl'Amour") == [("Komsomolsk\tsur\r\nl'Amour", "kna")]
    g.add("Corée du Nord", "PRK")
    assert names(g, "COREE DU NORD") == [("COREE DU NORD", "PRK")]


def test_a_compound_part_matches_inside_a_word_only_where_no_whole_form_does():
    g = Gazetteer()
    g.add("*verteidigung*", "defence")
    g.add("*verteidigungsminister*", "-")
    g.add("Verteidigung*", "defence-word")
    assert names(g, "Luftverteidigungssysteme und der Verteidigungsminister, die Verteidigung.") == [
        ("Luftverteidigungssysteme", "defence"),
        ("Verteidigungsminister", "defence-word"),  # a whole stem matches the word first
        ("Verteidigung", "defence-word"),
    ]
    assert names(g, "Der Bundesverteidigungsminister sprach.") == [("Bundesverteidigungsminister", "-")]
    assert names(g, "Verteidigt wurde nichts.") == []
    with pytest.raises(ValueError):
        g.add("*bahn*", "transport")  # too short to stand for a word part


def test_of_two_stems_matching_the_same_word_the_longer_wins():
    g = Gazetteer()
    g.add("газ*", "energy")
    g.add("газет*", "-")
    assert names(g, "газета пишет о газопроводе") == [("газета", "-"), ("газопроводе", "energy")]


def test_a_compound_head_matches_the_end_of_a_word_only():
    g = Gazetteer()
    g.add("*minister", "minister")
    g.add("*innenminister", "interior minister")
    g.add("Außenminister", "foreign minister")
    text = "Der Bundesinnenminister, der Außenminister und der Finanzminister im Innenministerium."
    assert names(g, text) == [
        ("Bundesinnenminister", "interior minister"),  # the longest head decides
        ("Außenminister", "foreign minister"),  # a whole form first
        ("Finanzminister", "minister"),
    ]  # "Innenministerium" holds the head but does not end with it
    assert names(g, "Ministerpräsident und Ministerrat") == []
    with pytest.raises(ValueError):
        g.add("*amt", "office")  # too short to stand for a word's end


def test_the_russian_short_i_is_a_letter_not_an_accent():
    # "во Дворце нации" (the Palace of the Nation in Dushanbe) is not "Дворце Наций" (the Palace
    # of Nations in Geneva); "ё" still reads as "е", as Russian writes it either way
    assert fold("наций") != fold("нации")
    assert fold("Йошкар-Ола") == "йошкар-ола"
    assert fold("Королёв") == fold("Королев")
    assert fold("Élysée") == "elysee"
