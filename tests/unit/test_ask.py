"""Plain questions onto stored questions (relgraph.questions), no database: the phrasings table
in tests/data/ask/phrasings.tsv, in five languages, mapped or refused; the lexicons cover every
stored question; the refusal names the closest questions."""

from __future__ import annotations

import csv
import json
from collections import Counter

import pytest

from relgraph import cypher
from relgraph.api import resolve_params
from relgraph.questions import CannotMap, interpret, languages, lexicon
from tests.conftest import DATA

LANGS = ("de", "en", "es", "fr", "ru")


def _table():
    lines = [
        ln
        for ln in (DATA / "ask" / "phrasings.tsv").read_text(encoding="utf-8").splitlines()
        if ln and not ln.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


TABLE = _table()
MAPPED = [r for r in TABLE if r["expected"] != "REFUSE"]
REFUSED = [r for r in TABLE if r["expected"] == "REFUSE"]


def test_the_table_has_fifteen_phrasings_and_refusals_in_every_language():
    mapped = Counter(r["lang"] for r in MAPPED)
    refused = Counter(r["lang"] for r in REFUSED)
    for lang in LANGS:
        assert mapped[lang] >= 15, lang
        assert refused[lang] >= 5, lang
    # and between them, every stored question is asked at least once in every language
    for lang in LANGS:
        assert {r["expected"] for r in MAPPED if r["lang"] == lang} == set(cypher.names()), lang


@pytest.mark.parametrize("row", MAPPED, ids=[f"{r['lang']}:{r['question']}" for r in MAPPED])
def test_phrasing_maps_onto_its_stored_question(row):
    it = interpret(row["question"])
    assert it.name == row["expected"]
    assert it.lang == row["lang"]
    want = dict(kv.split("=", 1) for kv in row["params"].split())
    assert {k: v for k, v in it.params.items() if v is not None} == want
    # the parameters are ones the stored question accepts, resolved as the CLI would
    resolve_params(cypher.get(it.name), {k: v for k, v in it.params.items() if v is not None})


@pytest.mark.parametrize("row", REFUSED, ids=[f"{r['lang']}:{r['question']}" for r in REFUSED])
def test_question_that_must_be_refused_is_refused_with_the_closest(row):
    with pytest.raises(CannotMap) as e:
        interpret(row["question"])
    msg = str(e.value)
    assert msg.startswith("I cannot map that to a stored question")
    assert "the closest are" in msg and any(name in msg for name in cypher.names())


def test_every_stored_question_declares_how_it_is_asked_in_every_language():
    assert set(languages()) == set(LANGS)
    for lang in LANGS:
        asked = lexicon(lang)["questions"]
        assert set(asked) == set(cypher.names()), f"{lang}: {set(cypher.names()) ^ set(asked)}"
        for name, spec in asked.items():
            assert spec["cues"], f"{lang}/{name} has no cue"
            assert set(spec) <= {"cues", "hints"}, f"{lang}/{name}"


def test_lexicon_files_are_valid_json_with_the_same_keys():
    from importlib import resources

    keys = None
    for lang in LANGS:
        data = json.loads((resources.files("relgraph") / "data" / "ask" / f"{lang}.json").read_text("utf-8"))
        assert data["lang"] == lang
        keys = keys or set(data)
        assert set(data) == keys, lang


def test_explanation_names_the_question_its_parameters_and_the_command():
    it = interpret("Quels secteurs la Russie et la Corée du Nord ont-ils abordés ?")
    line = it.explain()
    assert line.startswith("sectors_discussed(a=RUS (Russie), b=PRK (Corée du Nord))")
    assert "[fr; cues: secteurs, abordés" in line
    assert it.command() == "relgraph query sectors_discussed -p a RUS -p b PRK"


def test_same_question_same_answer_whatever_the_language():
    got = {
        interpret(q).command()
        for q in (
            "Which sectors did Russia and North Korea discuss?",
            "Quels secteurs la Russie et la Corée du Nord ont-ils abordés ?",
            "¿Qué sectores discutieron Rusia y Corea del Norte?",
            "Welche Sektoren haben Russland und Nordkorea besprochen?",
            "Какие секторы обсуждали Россия и КНДР?",
        )
    }
    assert got == {"relgraph query sectors_discussed -p a RUS -p b PRK"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Which sectors did Russia and North Korea discuss between 2022 and 2023?", {"since": "2022", "until": "2023"}),
        ("Which sectors did Russia and North Korea discuss until 2023?", {"since": None, "until": "2023"}),
        (
            "Which sectors did Russia and North Korea discuss in September 2023?",
            {"since": "2023-09", "until": "2023-09"},
        ),
        ("Какие секторы обсуждали Россия и КНДР до 2024 года?", {"since": None, "until": "2024"}),
    ],
)
def test_dates_fill_since_and_until(text, expected):
    it = interpret(text)
    assert {k: it.params.get(k) for k in expected} == expected


def test_a_tie_is_refused_not_guessed():
    # "talks" asks for meetings and "sources" for the reporting outlets: both fit two states
    with pytest.raises(CannotMap, match="equally well"):
        interpret("Which sources cover the talks of Russia and North Korea?")


def test_a_date_the_question_cannot_take_is_refused():
    with pytest.raises(CannotMap, match="takes no date"):
        interpret("Who leads North Korea in 2024?")


def test_empty_question():
    with pytest.raises(CannotMap, match="empty"):
        interpret("   ")


def test_forced_language():
    assert interpret("Qué propuso Lula a China", lang="es").name == "proposals_by"
    with pytest.raises(CannotMap):
        interpret("Qué propuso Lula a China", lang="ru")
