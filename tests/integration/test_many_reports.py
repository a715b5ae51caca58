"""A call reported by many articles: every report has its own INVOLVES and ON_CALL edges on the
one Call node (a dated call between the same people is one node), so a question that crossed
the call's INVOLVES edges with each other and with its ON_CALL edges made (reports)^3 rows (on a
100k graph, > 30 s). The questions find the call once and count its reports: one row per call,
and no step of the plan handles more rows than a small multiple of the reports. A visit or a
meeting reported by many articles likewise has an ON_VISIT and a TO edge (ATTENDED, HELD_AT) per
report: the timeline crossed the two (25,000 reports: > 30 s on the 1M-article graph)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from relgraph import cypher
from relgraph.graph import schema
from relgraph.graph.write import write_articles
from relgraph.loaders.resolve import resolve_article
from relgraph.pipeline import extract_paths
from tests.conftest import DATA
from tests.integration.test_queries import rows

REPORTS = 120  # copies of one article reporting one dated call (tests/data/ru_zvonok.txt)


def copies(n: int, name: str = "ru_zvonok.txt"):
    (facts,) = list(extract_paths([str(DATA / name)]))
    assert not isinstance(facts, Exception)
    out = []
    for i in range(n):
        a = facts.article
        art = replace(a, text=a.text + f"\n{i}\n", doc=f"copy://{name}/{i}", path=None)
        out.append(resolve_article(replace(facts, article=art)))
    return out


@pytest.fixture(scope="module")
def many(session_driver, neo4j_settings):
    from tests.conftest import wipe

    wipe(session_driver, neo4j_settings.database)
    schema.install(session_driver)
    docs = copies(REPORTS) + copies(REPORTS, "en_visit.txt")  # and a dated visit (and meeting) as many times
    for i in range(0, len(docs), 40):
        write_articles(session_driver, docs[i : i + 40])
    return session_driver


def max_rows(driver, name: str, **params) -> int:
    """The most rows any operator of the question's plan produced (PROFILE)."""
    from relgraph.api import resolve_params

    q = cypher.get(name)
    given = resolve_params(q, {p: params.get(p, d["example"]) for p, d in q.params.items()})
    with driver.session() as s:
        result = s.run("PROFILE " + q.text, given)
        list(result)
        plan = result.consume().profile

    def most(p) -> int:
        return max([p.get("rows") or 0, *(most(c) for c in p.get("children", []))])

    return most(plan)


def test_one_call_node_holds_every_report(many):
    got = many.execute_query(
        "MATCH (c:Call) RETURN count(c) AS calls, COUNT { (c)-[:INVOLVES]->() } AS involves, "
        "COUNT { (c)<-[:ON_CALL]-() } AS on_call"
    ).records
    assert [(r["calls"], r["involves"], r["on_call"]) for r in got] == [(1, 2 * REPORTS, 2 * REPORTS)]


def test_calls_between_gives_one_row_per_call_and_counts_its_reports(many):
    for a, b in (("RUS", "KAZ"), ("KAZ", "RUS")):
        (call,) = rows(many, "calls_between", a=a, b=b)
        assert (call["date"], call["status"], call["articles"]) == ("2024-10-16", "held", REPORTS)
        assert sorted(call["participants"]) == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
        assert 1 <= len(call["quotes"]) <= 3
    assert rows(many, "calls_between", a="RUS", b="RUS") == []  # a pair is two states
    # the call is found once: no step handles the reports crossed with each other
    assert max_rows(many, "calls_between", a="RUS", b="KAZ") <= 4 * REPORTS


def test_timeline_and_calls_of_count_the_reports_once(many):
    facts = [r for r in rows(many, "timeline", a="KAZ", b="RUS") if r["fact"] == "call"]
    assert [(r["date"], r["articles"], r["total"]) for r in facts] == [("2024-10-16", REPORTS, 1)]
    assert sorted(facts[0]["who"]) == ["Kassym-Jomart Tokayev", "Vladimir Putin"]
    mine = rows(many, "calls_of", who="Vladimir Putin")
    assert [(r["date"], r["called"], r["articles"]) for r in mine] == [
        ("2024-10-16", ["Kassym-Jomart Tokayev"], REPORTS)
    ]
    assert max_rows(many, "calls_of", who="Vladimir Putin") <= 4 * REPORTS


def test_timeline_reads_a_visit_and_a_meeting_of_many_reports_without_crossing_their_edges(many):
    facts = {r["fact"]: r for r in rows(many, "timeline", a="USA", b="VNM")}
    assert (facts["visit"]["date"], facts["visit"]["what"], facts["visit"]["articles"]) == (
        "2023-09-10",
        "Hanoi",
        REPORTS,
    )
    assert facts["meeting"]["articles"] == REPORTS
    # each report's edges read once: crossing ON_VISIT with TO made REPORTS^2 rows
    assert max_rows(many, "timeline", a="USA", b="VNM") <= 4 * REPORTS
