"""Resolved meetings on the real server (graph/events.py): the reports of one real-world meeting,
in several languages and styles, are one Meeting node; the near misses stay apart; any order of
arrival, a replaced article, a reload give the graph a fresh load of the same articles gives."""

from __future__ import annotations

import random

import pytest

from relgraph.graph.write import write_articles
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_paths
from tests.conftest import DATA, wipe
from tests.integration.test_load import graph_dump

EVENTS = DATA / "events"

# file -> the meeting it reports (the same letter: the same node); what each case tests
TABLE = {
    "a1_en_wire.txt": ("H", "wire, dated by weekday (Tuesday)"),
    "a2_fr_undated.txt": ("H", "undated, local outlet, published the day after"),
    "a3_de_dated.txt": ("H", "day and month, no place the extractor keeps"),
    "a4_es_planned.txt": ("H", "announced a week before (planned, dated)"),
    "a5_en_yesterday.txt": ("H", "'yesterday'"),
    "a6_ru_undated.txt": ("H", "undated, published the same day"),
    "a7_en_noplace.txt": ("H", "undated and no place"),
    "n1_en_week_later.txt": ("B", "near miss: same pair a week later, another city"),
    "n1b_de_berlin_undated.txt": ("B", "undated, the day after the Berlin meeting: Berlin, not Hamburg"),
    "n2_en_recalled.txt": ("R", "near miss: an earlier meeting recalled (past, January)"),
    "n3_fr_followup.txt": ("F", "near miss: a planned follow-up in another city"),
    "n4_en_other_pair.txt": ("O", "near miss: same city and day, other participants"),
    "c1_en_venue.txt": ("K", "a venue (the Kremlin) in Moscow, by weekday"),
    "c2_es_city.txt": ("K", "undated, the city (Moscow) only"),
    "c3_de_kremlin.txt": ("K", "dated, no place the extractor keeps"),
}


def resolved(folder) -> dict:
    """file name -> the writer's record of each article of ``folder`` (extracted and resolved)."""
    facts = list(extract_paths(sorted(str(p) for p in folder.glob("*.txt"))))
    assert all(not isinstance(f, Exception) for f in facts)
    return {f.article.path.rsplit("/", 1)[-1]: resolve_article(f) for f in facts}


@pytest.fixture(scope="module")
def docs():
    return resolved(EVENTS)


def _write(driver, docs, names, batch=1):
    from relgraph.graph import schema

    schema.install(driver)
    schema.require_current(driver)
    names = list(names)
    for i in range(0, len(names), batch):
        write_articles(driver, [docs[n] for n in names[i : i + batch]])


def nodes(driver, docs, label: str, edge: str) -> dict[str, set[str]]:
    """Meeting, Visit or Project id -> the files whose reports (``edge``) are on it."""
    by_id = {d.article.id: name for name, d in docs.items()}
    recs = driver.execute_query(
        f"MATCH (n:{label}) OPTIONAL MATCH (n)<-[e:{edge}]-() RETURN n.id AS id, collect(DISTINCT e.article) AS arts"
    ).records
    return {r["id"]: {by_id[a] for a in r["arts"]} for r in recs}


def _meetings(driver, docs) -> dict[str, set[str]]:
    return nodes(driver, docs, "Meeting", "ATTENDED")


def test_each_meeting_is_one_node_and_no_near_miss_is_merged(driver, docs):
    _write(driver, docs, sorted(docs), batch=100)
    got = sorted(sorted(files) for files in _meetings(driver, docs).values())
    want: dict[str, list[str]] = {}
    for name, (letter, _) in TABLE.items():
        want.setdefault(letter, []).append(name)
    assert got == sorted(sorted(v) for v in want.values())
    # the Hamburg meeting: held (announced as planned first), why it was joined, every article's quote
    rec = driver.execute_query(
        "MATCH (m:Meeting)-[:HELD_AT]->(:Facility {id: 'hamburg@DEU'}) "
        "MATCH (m)-[:INVOLVES]->(:State {iso3: 'FRA'}) "
        "MATCH (:Leader)-[a:ATTENDED]->(m) "
        "RETURN m.status AS status, m.date AS date, m.joined_by AS why, collect(DISTINCT a.quote) AS quotes, "
        "collect(DISTINCT [a.article, a.quote]) AS pairs"
    ).records[0]
    assert rec["status"] == "held" and rec["date"] == "2024-03-12"
    assert "place hamburg@DEU" in rec["why"] and "same day 2024-03-12" in rec["why"]
    assert any(w.startswith("undated, published 2024-03-13") for w in rec["why"])
    assert len(rec["quotes"]) == 7
    # the planned announcement keeps its own edge, with its article and quote
    planned = docs["a4_es_planned.txt"].article.id
    assert any(a == planned and "se reunirá" in q for a, q in rec["pairs"])
    # a planned follow-up nobody reports as held stays planned
    follow = driver.execute_query(
        "MATCH (m:Meeting)-[:HELD_AT]->(:Facility {id: 'paris@FRA'}) WHERE m.date = '2024-04-10' RETURN m.status AS s"
    ).records[0]
    assert follow["s"] == "planned"


def test_any_order_gives_the_same_graph(driver, docs):
    assert_order_independent(driver, docs, seed=11, batches=(1, 3))


def assert_order_independent(driver, docs, seed: int, batches: tuple[int, ...]) -> None:
    """Shuffled orders in batches, the reverse order one at a time and a reload all give the graph
    of the sorted load."""
    names = sorted(docs)
    _write(driver, docs, names, batch=100)
    want = graph_dump(driver)
    rng = random.Random(seed)
    for batch in batches:
        order = names[:]
        rng.shuffle(order)
        wipe(driver)
        _write(driver, docs, order, batch=batch)
        assert graph_dump(driver) == want, (batch, order)
    # reversed, one at a time: the undated reports arrive before the dated ones
    wipe(driver)
    _write(driver, docs, reversed(names))
    assert graph_dump(driver) == want
    # a reload changes nothing
    res = write_articles(driver, [docs[n] for n in names])
    assert set(res.statuses.values()) == {"unchanged"}
    assert graph_dump(driver) == want


def test_replacing_an_article_removes_only_its_reports(driver, docs, tmp_path):
    from dataclasses import replace as dc_replace

    from relgraph.pipeline import extract_article

    names = sorted(docs)
    _write(driver, docs, names, batch=100)
    # the Berlin wire story is replaced by a version without the meeting: the undated Berlin
    # report no longer has a dated meeting to join and stands alone; the rest is untouched
    old = docs["n1_en_week_later.txt"]
    text = old.article.text.replace("met French President Emmanuel Macron in Berlin on Tuesday", "spoke in Berlin")
    new = resolve_article(extract_article(dc_replace(old.article, text=text)))
    assert not new.facts.meetings and new.article.doc == old.article.doc
    res = write_articles(driver, [new])
    assert res.statuses[new.article.id] == "replaced"
    after = graph_dump(driver)
    wipe(driver)
    changed = {**docs, "n1_en_week_later.txt": new}
    _write(driver, changed, names, batch=100)
    assert graph_dump(driver) == after
    got = sorted(sorted(f) for f in _meetings(driver, changed).values() if f)
    assert ["n1b_de_berlin_undated.txt"] in got
    assert any(len(f) == 7 for f in got)
    # no meeting is left that no article asserts
    assert (
        driver.execute_query("MATCH (m:Meeting) WHERE NOT (m)<-[:ATTENDED]-() RETURN count(m) AS n").records[0]["n"]
        == 0
    )


def test_questions_answer_one_row_per_meeting(driver, docs):
    from tests.integration.test_queries import rows

    _write(driver, docs, sorted(docs), batch=100)
    got = rows(driver, "meetings_between", a="FRA", b="DEU")
    assert len(got) == 4  # Hamburg, Berlin, the recalled Paris meeting, the planned follow-up
    (hamburg,) = [r for r in got if r["place"] == "Hamburg"]
    assert hamburg["articles"] == 7 and hamburg["status"] == "held" and hamburg["date"] == "2024-03-12"
    assert set(hamburg["languages"]) == {"en", "fr", "de", "es", "ru"}
    assert {"Reuters", "Hafenbote", "Diario del Sur"} <= set(hamburg["sources"]) and hamburg["joined_by"]
    t = [r for r in rows(driver, "timeline", a="DEU", b="FRA") if r["fact"] == "meeting"]
    assert [(r["date"], r["articles"]) for r in t if r["date"] == "2024-03-12"] == [("2024-03-12", 7)]
    # the Hamburg trip reported with its day by four articles is one row of visits_by
    trips = [r for r in rows(driver, "visits_by", who="FRA") if r["date"] == "2024-03-12" and r["place"] == "Hamburg"]
    assert len(trips) == 1 and trips[0]["articles"] >= 2 and trips[0]["status"] == "held"
    # evidence still lists every report: one ATTENDED quote per article for the Hamburg meeting
    ev = rows(driver, "evidence", x="Q3052772", y="hamburg@DEU")
    assert len({r["article"] for r in ev if r["relation"] == "MET_AT"}) >= 4
