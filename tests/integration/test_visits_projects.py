"""Resolved visits and projects on the real server (graph/events.py): the reports of one trip, or
of one proposal, in several languages and styles are one Visit or Project node; the near misses
stay apart; any order of arrival, a replaced article, a reload give the graph a fresh load of the
same articles gives. The articles are tests/data/trips/ (written for these tests)."""

from __future__ import annotations

from dataclasses import replace as dc_replace

import pytest

from relgraph.graph.write import write_articles
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_article
from tests.conftest import DATA, wipe
from tests.integration.test_events import _write, assert_order_independent, resolved
from tests.integration.test_events import nodes as _nodes
from tests.integration.test_load import graph_dump

TRIPS = DATA / "trips"

# file -> the visit it reports (the same letter: the same Visit node); what each case tests
VISITS = {
    "v1_en_wire.txt": ("A", "wire, dated by weekday (Tuesday), Ankara"),
    "v2_fr_undated.txt": ("A", "undated, published the day after: the Ankara visit, not the Istanbul one"),
    "v3_es_planned.txt": ("A", "announced a week before (planned, dated): one visit, now held"),
    "v4_de_dated.txt": ("A", "day and month"),
    "v5_ru_undated.txt": ("A", "undated, published the same day"),
    "v6_en_yesterday.txt": ("A", "'yesterday'"),
    "w1_en_other_city.txt": ("I", "near miss: the same traveller the same day in another city (Istanbul)"),
    "w2_en_week_later.txt": ("W", "near miss: the same traveller and city a week later"),
    "w3_en_recalled.txt": ("R", "near miss: an earlier trip recalled (past, 2010)"),
    "w4_fr_planned_october.txt": ("O", "near miss: a planned trip in October (dates incompatible)"),
    "w5_es_country_only.txt": ("S", "no city, two visits of the days before fit (Ankara, Istanbul): alone"),
}
# file -> the project it reports
PROJECTS = {
    "p1_en_wire.txt": ("G", "wire, gas pipeline (energy), proposer Putin, pair CHN-RUS"),
    "p2_fr_dated.txt": ("G", "French, a day later"),
    "p3_es_dated.txt": ("G", "Spanish"),
    "p4_de_dated.txt": ("G", "German, a week later"),
    "p5_ru_dated.txt": ("G", "Russian"),
    "q1_en_other_sector.txt": ("S", "near miss: same proposer and partner, same week, another sector (space)"),
    "q2_en_other_partner.txt": ("I", "near miss: same proposer and sector, another partner (India)"),
    "q3_en_next_month.txt": ("J", "near miss: same proposer, partner and sector, a month later"),
}


@pytest.fixture(scope="module")
def docs():
    return resolved(TRIPS)


def _want(table) -> list[list[str]]:
    want: dict[str, list[str]] = {}
    for name, (letter, _) in table.items():
        want.setdefault(letter, []).append(name)
    return sorted(sorted(v) for v in want.values())


def test_the_table_covers_every_article(docs):
    assert set(VISITS) | set(PROJECTS) == set(docs)
    # each file reports what the table says (so a miss below is resolution's, not extraction's)
    for name in VISITS:
        assert len(docs[name].facts.visits) == 1, name
    for name in PROJECTS:
        assert len(docs[name].facts.proposals) == 1, name


def test_each_visit_and_project_is_one_node_and_no_near_miss_is_merged(driver, docs):
    _write(driver, docs, sorted(docs), batch=100)
    visits = [sorted(f) for f in _nodes(driver, docs, "Visit", "ON_VISIT").values()]
    assert sorted(visits) == _want(VISITS)
    projects = [sorted(f) for f in _nodes(driver, docs, "Project", "PROPOSES").values()]
    assert sorted(projects) == _want(PROJECTS)
    # the Ankara visit: held (announced as planned first), why it was joined, every article's quote
    rec = driver.execute_query(
        "MATCH (v:Visit)-[:TO]->(:Facility {id: 'ankara@TUR'}) WHERE v.date = '2025-06-10' WITH DISTINCT v "
        "MATCH (:Leader {id: 'Q37181'})-[o:ON_VISIT]->(v) "
        "RETURN v.status AS status, v.joined_by AS why, collect([o.article, o.status, o.quote]) AS reports"
    ).records
    assert len(rec) == 1
    rec = rec[0]
    assert rec["status"] == "held" and len(rec["reports"]) == 6
    assert {"traveller Q37181", "host state TUR", "place ankara@TUR", "same day 2025-06-10"} <= set(rec["why"])
    assert any(w.startswith("undated, published 2025-06-11") for w in rec["why"])
    planned = docs["v3_es_planned.txt"].article.id
    assert [s for a, s, _ in rec["reports"] if a == planned] == ["planned"]
    # a planned trip of October nobody reports as held stays planned
    october = driver.execute_query("MATCH (v:Visit) WHERE v.date = '2025-10' RETURN v.status AS s").records
    assert [r["s"] for r in october] == ["planned"]
    # the gas pipeline: one project, five articles in five languages, and why
    (g,) = driver.execute_query(
        "MATCH (p:Project {pair_key: 'CHN-RUS', sector: 'energy', month: '2025-05'})<-[e:PROPOSES]-(:Leader {id: 'Q7747'}) "
        "RETURN p.joined_by AS why, p.first AS first, p.last AS last, count(DISTINCT e.article) AS n"
    ).records
    assert g["n"] == 5 and (g["first"], g["last"]) == ("2025-05-13", "2025-05-20")
    assert {"proposer Q7747", "partner pair CHN-RUS", "published in 2025-05", "same sector energy"} <= set(g["why"])


def test_any_order_gives_the_same_graph(driver, docs):
    assert_order_independent(driver, docs, seed=4, batches=(1, 3, 5))


def _without(doc, old: str, new: str):
    text = doc.article.text.replace(old, new)
    assert text != doc.article.text
    return resolve_article(extract_article(dc_replace(doc.article, text=text)))


def test_replacing_an_article_removes_only_its_reports(driver, docs):
    names = sorted(docs)
    _write(driver, docs, names, batch=100)
    # the Istanbul story loses its visit: the country-only report, which had two visits to choose
    # from, now has one and joins the Ankara visit; the June pipeline story loses its proposal:
    # that project goes (no article asserts it any more)
    istanbul = _without(docs["w1_en_other_city.txt"], "visited Istanbul on Tuesday", "spoke on Tuesday")
    june = _without(docs["q3_en_next_month.txt"], "again proposed that", "said that")
    assert not istanbul.facts.visits and not june.facts.proposals
    res = write_articles(driver, [istanbul, june])
    assert set(res.statuses.values()) == {"replaced"}
    after = graph_dump(driver)
    changed = {**docs, "w1_en_other_city.txt": istanbul, "q3_en_next_month.txt": june}
    wipe(driver)
    _write(driver, changed, names, batch=100)
    assert graph_dump(driver) == after  # the same graph as a fresh load of the changed set
    visits = sorted(sorted(f) for f in _nodes(driver, changed, "Visit", "ON_VISIT").values())
    assert sorted(["w5_es_country_only.txt", *[n for n, (x, _) in VISITS.items() if x == "A"]]) in visits
    assert ["w1_en_other_city.txt"] not in visits
    projects = sorted(sorted(f) for f in _nodes(driver, changed, "Project", "PROPOSES").values())
    assert ["q3_en_next_month.txt"] not in projects and len(projects) == 3
    for label in ("Visit", "Project"):
        assert driver.execute_query(f"MATCH (n:{label}) WHERE NOT (n)--() RETURN count(n) AS n").records[0]["n"] == 0


def test_questions_answer_one_row_per_visit_and_project(driver, docs):
    from tests.integration.test_queries import rows

    _write(driver, docs, sorted(docs), batch=100)
    trips = rows(driver, "visits_by", who="Lula")
    assert len(trips) == 6  # Ankara, Istanbul, a week later, 2010, October, the country-only report
    (ankara,) = [r for r in trips if r["date"] == "2025-06-10" and r["place"] == "Ankara"]
    assert ankara["articles"] == 6 and ankara["status"] == "held" and ankara["joined_by"]
    assert set(ankara["languages"]) == {"en", "fr", "es", "de", "ru"}
    assert {"Reuters", "Hafenbote", "Diario del Sur", "Anatolian Courier"} <= set(ankara["sources"])
    assert rows(driver, "visits_by", who="BRA") == trips  # the leaders of a state: the same rows
    fac = {r["facility"]: r for r in rows(driver, "facilities_visited", state="TUR")}
    assert (fac["Ankara"]["visits"], fac["Istanbul"]["visits"]) == (4, 1)  # the week after, 2010, October
    assert fac["Ankara"]["articles"] == 9 and fac["Ankara"]["visitors"] == ["Luiz Inácio Lula da Silva"]
    props = rows(driver, "proposals", a="RUS", b="CHN")
    assert sorted((r["sector"], r["articles"]) for r in props) == [("energy", 1), ("energy", 5), ("space", 1)]
    (gas,) = [r for r in props if r["articles"] == 5]
    assert gas["by"] == "Vladimir Putin" and set(gas["languages"]) == {"en", "fr", "es", "de", "ru"}
    assert gas["published"] == "2025-05-13" and "Reuters" in gas["sources"] and gas["joined_by"]
    assert [r["articles"] for r in rows(driver, "proposals", a="IND", b="RUS")] == [1]
    t = rows(driver, "timeline", a="BRA", b="TUR")
    got = sorted((r["what"], r["articles"]) for r in t if r["fact"] == "visit" and r["date"] == "2025-06-10")
    assert got == [("Ankara", 6), ("Istanbul", 1)]
    # evidence still lists every report: one VISITS quote per article for the trips to Ankara
    ev = rows(driver, "evidence", x="Q37181", y="ankara@TUR")
    assert len({r["article"] for r in ev if r["relation"] == "VISITS"}) == 9
