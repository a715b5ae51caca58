"""Phone and video calls in the extraction contract (``calls``), read by ``loaders/clauses.calls``:
in each language a call (positive) next to look-alikes that are no call ("calls for a ceasefire",
"calls off", "called him a liar"); a call named again later is the same call; a call is never a
meeting or a visit. The texts are written for these tests (real leaders, invented events)."""

from __future__ import annotations

import pytest

from relgraph.errors import BadArticle
from relgraph.loaders.event_codes import call_codes
from relgraph.pipeline import extract_paths
from relgraph.records import CallFact

HEAD = "{title}\nDate: 2024-03-14\n\n{body}\n"

# lang: (title, body, participants, date) of one call
POSITIVE = {
    "en": (
        "Putin calls Erdogan",
        "Russian President Vladimir Putin called Turkish President Recep Tayyip Erdogan on Tuesday "
        "to discuss grain exports.\n\nDuring the conversation, the two leaders also touched on shipping.",
        {"Vladimir Putin", "Recep Tayyip Erdoğan"},
        "2024-03-12",
    ),
    "fr": (
        "Macron appelle Lula",
        "Le président Emmanuel Macron a appelé mardi son homologue brésilien Luiz Inácio Lula da Silva.",
        {"Emmanuel Macron", "Luiz Inácio Lula da Silva"},
        "2024-03-12",
    ),
    "es": (
        "Sánchez llama a Lula",
        "El presidente del Gobierno, Pedro Sánchez, llamó el martes a Luiz Inácio Lula da Silva para "
        "hablar del acuerdo comercial.",
        {"Pedro Sánchez", "Luiz Inácio Lula da Silva"},
        "2024-03-12",
    ),
    "de": (
        "Scholz ruft Erdoğan an",
        "Bundeskanzler Olaf Scholz hat am Dienstag den türkischen Präsidenten Recep Tayyip Erdoğan angerufen.",
        {"Olaf Scholz", "Recep Tayyip Erdoğan"},
        "2024-03-12",
    ),
    "ru": (
        "Путин позвонил Токаеву",
        "Президент России Владимир Путин во вторник позвонил президенту Казахстана Касым-Жомарту Токаеву.",
        {"Vladimir Putin", "Kassym-Jomart Tokayev"},
        "2024-03-12",
    ),
}

# lang: (title, body): two leaders of two states named, and no call
NEGATIVE = {
    "en": (
        "Scholz calls off Ankara trip",
        "German Chancellor Olaf Scholz called off his trip to Ankara on Monday. Turkish President Recep "
        "Tayyip Erdogan called for a ceasefire and called on both sides to talk. On Tuesday, Erdogan "
        "called Scholz a liar in a speech.",
    ),
    "fr": (
        "Macron appelle à une trêve",
        "Le président Emmanuel Macron a appelé mardi à une trêve. Le président russe Vladimir Poutine a "
        "appelé les pays occidentaux à cesser leurs livraisons d'armes.",
    ),
    "es": (
        "Sánchez llama a una tregua",
        "El presidente Pedro Sánchez llamó el martes a una tregua inmediata. El presidente argentino "
        "Javier Milei llamó «mentiroso» a Sánchez en un mitin.",
    ),
    "de": (
        "Scholz ruft zur Waffenruhe auf",
        "Bundeskanzler Olaf Scholz rief am Dienstag zu einer Waffenruhe auf. Der türkische Präsident "
        "Recep Tayyip Erdoğan sagte seine Reise nach Berlin ab und nannte Scholz einen Lügner.",
    ),
    "ru": (
        "Путин призвал к перемирию",
        "Президент России Владимир Путин во вторник призвал к перемирию. Президент Турции Реджеп Тайип "
        "Эрдоган назвал Путина лжецом и отменил поездку в Москву.",
    ),
}


def _extract(tmp_path, lang: str, title: str, body: str) -> dict:
    f = tmp_path / f"{lang}.txt"
    f.write_text(HEAD.format(title=title, body=body), encoding="utf-8")
    [item] = list(extract_paths([str(f)]))
    assert not isinstance(item, BadArticle), item
    obj = item.to_json()
    assert obj["article"]["lang"] == lang
    obj["_text"] = f.read_text(encoding="utf-8")
    return obj


@pytest.mark.parametrize("lang", sorted(POSITIVE))
def test_a_call_is_read_with_its_participants_date_and_exact_evidence(tmp_path, lang):
    title, body, who, date = POSITIVE[lang]
    obj = _extract(tmp_path, lang, title, body)
    assert len(obj["calls"]) == 1, obj["calls"]
    (c,) = obj["calls"]
    assert set(c["participants"]) == who and len(c["participant_ids"]) == 2
    assert (c["date"], c["status"]) == (date, "held")
    assert c["evidence"] and all(obj["_text"][e["start"] : e["end"]] == e["quote"] for e in c["evidence"])
    assert obj["meetings"] == [] and obj["visits"] == []  # a call is no meeting and no visit


@pytest.mark.parametrize("lang", sorted(NEGATIVE))
def test_calls_for_calls_off_and_calling_names_are_no_calls(tmp_path, lang):
    obj = _extract(tmp_path, lang, *NEGATIVE[lang])
    assert len({x["state"] for x in obj["leaders"]}) == 2  # the two leaders are read: a real test
    assert obj["calls"] == [] and obj["meetings"] == [] and obj["visits"] == []


def test_the_conversation_named_again_is_the_same_call(tmp_path):
    obj = _extract(tmp_path, "en", *POSITIVE["en"][:2])
    (c,) = obj["calls"]
    assert any("During the conversation" in e["quote"] for e in c["evidence"])


def test_two_calls_on_two_days_are_two(tmp_path):
    body = (
        "Russian President Vladimir Putin phoned Turkish President Recep Tayyip Erdogan on Monday. "
        "\n\nErdogan called Putin back on Wednesday."
    )
    obj = _extract(tmp_path, "en", "Two calls", body)
    assert sorted(c["date"] for c in obj["calls"]) == ["2024-03-11", "2024-03-13"]


@pytest.mark.parametrize(
    "status, expected",
    [("held", ("CONSULT", "phone", "041")), ("past", ("CONSULT", "phone", "041")), ("planned", ("AGREE", None, "036"))],
)
def test_call_codes(status, expected):
    c = CallFact(("Putin", "Erdogan"), ("Q7747", "Q39259"), None, None, status, ())
    assert tuple(call_codes(c)) == expected
