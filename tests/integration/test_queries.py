"""Every stored question against the real server: EXPLAIN with its documented example, and the
expected answers on a small graph loaded from articles the team wrote."""

from __future__ import annotations

import json
import re

import neo4j
import pytest

from relgraph import cypher
from relgraph.api import query_df, resolve_params, run_query
from relgraph.pipeline import load
from tests.conftest import DATA, run_cli, wipe

EXAMPLES = sorted(DATA.glob("*.txt")) + sorted((DATA.parent.parent / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def graph(session_driver, neo4j_settings):
    wipe(session_driver, neo4j_settings.database)
    report = load(session_driver, [str(p) for p in EXAMPLES], neo4j_settings.database)
    assert report.failed == 0 and report.loaded == len(EXAMPLES)
    return session_driver


def rows(driver, name, **params):
    cols, data = run_query(driver, name, **params)
    return [dict(zip(cols, r)) for r in data]


@pytest.mark.parametrize("name", cypher.names())
def test_every_stored_question_passes_explain(graph, name):
    q = cypher.get(name)
    params = resolve_params(q, {p: d["example"] for p, d in q.params.items()})
    with graph.session() as s:
        plan = s.run(neo4j.Query("EXPLAIN " + q.text), params).consume().plan
    assert plan is not None


def test_meetings_between(graph):
    got = {
        (r["status"], r["place"], frozenset(r["participants"]))
        for r in rows(graph, "meetings_between", a="RUS", b="PRK")
    }
    assert ("held", "Vostochny Cosmodrome", frozenset({"Vladimir Putin", "Kim Jong Un"})) in got
    (biden,) = rows(graph, "meetings_between", a="VNM", b="USA")
    assert biden["date"] == "2023-09-10" and biden["place"] == "Hanoi"
    assert set(biden["participants"]) == {"Joe Biden", "Nguyen Phu Trong"}
    assert "Biden met" in biden["quotes"][0]


def test_timeline_is_in_date_order(graph):
    t = rows(graph, "timeline", a="PRK", b="RUS")
    assert {r["fact"] for r in t} >= {"meeting", "visit", "proposal"}
    assert [r["date"] for r in t] == sorted(r["date"] for r in t)


def test_visits_by_leader_or_state(graph):
    kim = {(r["place"], r["status"]) for r in rows(graph, "visits_by", who="Kim Jong-un")}
    assert ("Vladivostok", "planned") in kim and ("Komsomolsk-on-Amur", "planned") in kim
    putin = {(r["place"], r["host_state"]) for r in rows(graph, "visits_by", who="Russie")}
    assert ("Minsk", "BLR") in putin


def test_proposals(graph):
    got = {(r["by"], r["sector"]) for r in rows(graph, "proposals", a="USA", b="Vietnam")}
    # "closer cooperation on semiconductors and clean energy": one proposal, its object names two
    # sectors; the more specific (energy, by the extractor's order) is the one kept
    assert ("Joe Biden", "energy") in got
    got = {(r["by"], r["sector"]) for r in rows(graph, "proposals", a="RUS", b="PRK")}
    assert ("Vladimir Putin", "transport") in got and ("Kim Jong Un", "diplomacy") in got


def test_facilities_visited(graph):
    got = {r["facility"]: r for r in rows(graph, "facilities_visited", state="RUS")}
    assert got["Vostochny Cosmodrome"]["meetings"] >= 1 and "Kim Jong Un" in got["Vostochny Cosmodrome"]["visitors"]


def test_partners_of(graph):
    got = [r["partner"] for r in rows(graph, "partners_of", state="RUS")]
    assert got[0] == "PRK" and "BLR" in got


def test_partners_of_and_sources_for_count_the_meetings_of_the_articles(graph, neo4j_settings):
    # "facts" are the meetings and proposals of the articles behind a row (meeting_spans: one per meeting)
    recs, _, _ = graph.execute_query(
        "MATCH (:State {iso3: 'RUS'})<-[:MENTIONS {role: 'actor'}]-(a:Article) WHERE a.pair_key = 'PRK-RUS' "
        "WITH DISTINCT a RETURN sum(size(coalesce(a.meeting_spans, []))) AS m, sum(size(coalesce(a.projects, []))) AS p",
        database_=neo4j_settings.database,
    )
    meetings, projects = recs[0]["m"], recs[0]["p"]
    assert meetings > 0
    partners = {r["partner"]: r for r in rows(graph, "partners_of", state="RUS")}
    assert partners["PRK"]["facts"] == meetings + projects
    tass = {(r["source"], r["kind"]): r for r in rows(graph, "sources_for", a="RUS", b="PRK")}[("TASS", "credit")]
    assert tass["facts"] >= 1


def test_sources_for(graph):
    got = {(r["source"], r["kind"]): r for r in rows(graph, "sources_for", a="RUS", b="PRK")}
    assert got[("TASS", "credit")]["articles"] == 2
    assert ("CVN", "credit") in got and ("AFP", "photo") in got and ("Rossiya 1", "broadcaster") in got


def test_evidence_quotes_the_article(graph):
    ev = rows(graph, "evidence", x="Vladimir Putin", y="Vostochny Cosmodrome")
    assert ev and all(r["relation"] == "MET_AT" for r in ev)
    texts = {p.read_text(encoding="utf-8") for p in EXAMPLES}
    for r in ev:
        assert any(t[r["start"] : r["end"]] == r["quote"] for t in texts)


def test_leaders_of(graph):
    got = {r["leader"] for r in rows(graph, "leaders_of", state="PRK")}
    assert got == {"Kim Jong Un"}


def test_pairs_discussing(graph):
    got = {r["pair"] for r in rows(graph, "pairs_discussing", sector="space")}
    assert got == {"PRK-RUS"}


def test_sector_trend(graph):
    got = {(r["month"], r["sector"]) for r in rows(graph, "sector_trend", a="RUS", b="PRK")}
    assert ("2023-09", "space") in got


def test_sectors_discussed_with_dates(graph):
    got = {r["sector"] for r in rows(graph, "sectors_discussed", a="DEU", b="IND")}
    assert {"energy", "environment", "migration"} <= got
    assert rows(graph, "sectors_discussed", a="DEU", b="IND", since="2023-01-01") == []


def test_notebook_api_returns_a_dataframe(graph):
    df = query_df(graph, "sectors_discussed", a="Russie", b="Corée du Nord")
    assert list(df.columns) == ["sector", "articles", "quotes"]
    assert {"space", "transport"} <= set(df["sector"])


def test_cli_query_formats_and_own_file(graph, cli_env, tmp_path):
    r = run_cli("query", "leaders_of", "-p", "state", "Nordkorea", "--format", "json", env=cli_env)
    assert r.returncode == 0 and json.loads(r.stdout)[0]["leader"] == "Kim Jong Un"
    r = run_cli("query", "leaders_of", "-p", "state", "PRK", "--format", "csv", env=cli_env)
    assert r.stdout.splitlines()[0] == "leader,id,role,articles"
    mine = tmp_path / "mine.cypher"
    mine.write_text(
        "// Leaders by state\n// param state: a state (example: RUS)\n// returns: name\n"
        "MATCH (l:Leader {state: $state}) RETURN l.name AS name ORDER BY name\n"
    )
    r = run_cli("query", "--file", str(mine), "-p", "state", "Россия", "--format", "json", env=cli_env)
    assert r.returncode == 0 and {"name": "Vladimir Putin"} in json.loads(r.stdout)
    r = run_cli("query", "--file", str(mine), "-p", "country", "RUS", env=cli_env)
    assert r.returncode == 1 and "no parameter country" in r.stderr


def test_export_graphml_reads_back_in_networkx(graph, cli_env, tmp_path):
    import networkx as nx

    out = tmp_path / "rus-prk.graphml"
    r = run_cli("export", "--format", "graphml", "--pair", "Russie", "North Korea", "-o", str(out), env=cli_env)
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(out)
    assert {"State:RUS", "State:PRK", "Leader:Q7747", "Leader:Q56226"} <= set(g.nodes)
    met = [(u, v) for u, v, d in g.edges(data=True) if d["type"] == "MET_AT"]
    assert ("Leader:Q7747", "Facility:vostochny-cosmodrome@RUS") in met
    # only this pair's facts: nothing from the Spanish or German articles
    assert "State:ESP" not in g.nodes and "State:DEU" not in g.nodes


def test_export_json_and_csv(graph, cli_env, tmp_path):
    import networkx as nx

    r = run_cli("export", "--format", "json", env=cli_env)
    g = nx.node_link_graph(json.loads(r.stdout), edges="links")
    assert (
        g.number_of_nodes()
        == graph.execute_query("MATCH (n) WHERE NOT n:RelgraphMeta RETURN count(n) AS c").records[0]["c"]
    )
    r = run_cli("export", "--format", "csv", "-o", str(tmp_path / "csv"), env=cli_env)
    assert r.returncode == 0
    nodes = (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8").splitlines()
    edges = (tmp_path / "csv" / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0].startswith("id,label") and edges[0].startswith("source,target,type")
    assert len(edges) - 1 == graph.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]


def test_statements_by(graph):
    got = rows(graph, "statements_by", who="Poutine")
    assert got and all(r["speaker"] == "Vladimir Putin" for r in got)
    assert "Rossiya 1" in {r["via"] for r in got}


def test_ask_in_plain_words_runs_the_stored_question(graph, cli_env):
    r = run_cli("ask", "Quels secteurs la Russie et la Corée du Nord ont-ils abordés ?", env=cli_env)
    assert r.returncode == 0, r.stderr
    first, *table = r.stdout.splitlines()
    assert first.startswith("sectors_discussed(a=RUS (Russie), b=PRK (Corée du Nord))")
    sectors = {ln.split()[0] for ln in table[2:-1]}
    assert {"space", "transport"} <= sectors
    # json keeps stdout valid JSON: the interpretation goes to stderr
    r = run_cli("ask", "Где побывал Ким Чен Ын?", "--format", "json", env=cli_env)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("visits_by(who=Q56226")
    assert "Vladivostok" in {row["place"] for row in json.loads(r.stdout)}
    r = run_cli("ask", "Quelle est la population de la France ?", env=cli_env)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("Error: I cannot map that to a stored question; the closest are")


def test_ask_from_python_returns_a_dataframe(graph, capsys):
    import relgraph

    df = relgraph.ask(graph, "What did Russia and North Korea propose?")
    assert capsys.readouterr().out.startswith("proposals(a=RUS (Russia), b=PRK (North Korea))")
    assert df.attrs["question"] == "proposals" and df.attrs["params"]["b"] == "PRK"
    assert ("Vladimir Putin", "transport") in set(zip(df["by"], df["sector"]))
    df = relgraph.ask(graph, "Wen hat Putin getroffen?", echo=None)
    assert df.attrs["question"] == "meetings_of"
    assert any("Kim Jong Un" in met for met in df["met"])


def test_calls_between_of_timeline_evidence_and_ask(graph):
    """tests/data/ru_zvonok.txt: one phone call between Putin and Tokayev, named again later."""
    (call,) = rows(graph, "calls_between", a="Russia", b="Kazakhstan")
    assert (call["date"], call["status"], call["articles"]) == ("2024-10-16", "held", 1)
    assert set(call["participants"]) == {"Vladimir Putin", "Kassym-Jomart Tokayev"}
    assert any("по телефону" in q for q in call["quotes"])
    assert rows(graph, "calls_between", a="RUS", b="PRK") == []  # the summit is no call
    mine = rows(graph, "calls_of", who="Путин", since="2024")
    assert [(r["date"], r["called"]) for r in mine] == [("2024-10-16", ["Kassym-Jomart Tokayev"])]
    assert rows(graph, "calls_of", who="Putin", until="2023") == []
    facts = [(r["date"], r["fact"]) for r in rows(graph, "timeline", a="KAZ", b="RUS")]
    assert ("2024-10-16", "call") in facts
    ev = rows(graph, "evidence", x="Vladimir Putin", y="Kassym-Jomart Tokayev")
    assert {r["relation"] for r in ev} == {"ON_CALL"} and all(r["quote"] for r in ev)
    # no meeting was made of the call
    assert not [r for r in rows(graph, "meetings_of", who="KAZ")]
    import relgraph

    for question in ("Who did Putin call in 2024?", "Кому звонил Путин в 2024 году?", "¿A quién llamó Putin en 2024?"):
        df = relgraph.ask(graph, question, echo=None)
        assert df.attrs["question"] == "calls_of", question
        assert list(df["called"]) == [["Kassym-Jomart Tokayev"]], question


def test_new_stored_questions(graph):
    met = rows(graph, "meetings_of", who="Vladimir Poutine")
    assert any(r["place"] == "Vostochny Cosmodrome" and "Kim Jong Un" in r["met"] for r in met)
    assert rows(graph, "meetings_of", who="RUS", since="2031") == []
    by = {(r["by"], tuple(r["partner"]), r["sector"]) for r in rows(graph, "proposals_by", who="Putin", to="PRK")}
    assert ("Vladimir Putin", ("PRK",), "transport") in by
    assert rows(graph, "proposals_by", who="Putin", to="Brazil") == []
    kim = {r["place"] for r in rows(graph, "visits_by", who="Kim Jong-un", since="2023", until="2023")}
    # with dates, only visits dated inside them: the planned, undated trip to Vladivostok is left out
    assert "Vostochny Cosmodrome" in kim and "Vladivostok" not in kim
    assert rows(graph, "visits_by", who="Kim Jong-un", since="2030") == []


def test_event_lists_give_the_newest_limit_rows_and_the_total(graph, cli_env):
    """meetings_between, timeline, meetings_of and visits_by: at most ``limit`` rows (100 unless
    given), the newest ones, each with the number of rows there are in all; the same rows and
    order from the CLI, Python and a large limit."""
    cases = [
        ("meetings_between", {"a": "RUS", "b": "PRK"}),
        ("timeline", {"a": "PRK", "b": "RUS"}),
        ("meetings_of", {"who": "Vladimir Putin"}),
        ("visits_by", {"who": "Kim Jong-un"}),
    ]
    for name, params in cases:
        every = rows(graph, name, **params, limit=1000)
        assert len(every) >= 2, name
        assert all(r["total"] == len(every) for r in every), name
        assert rows(graph, name, **params) == every, name  # 100 by default: all of these
        k = len(every) - 1
        page = rows(graph, name, **params, limit=k)
        assert len(page) == k and all(r["total"] == len(every) for r in page), name
        dates = sorted(coalesce_date(r) for r in every)
        assert sorted(coalesce_date(r) for r in page) == dates[-k:], name  # the newest k, the oldest left out
        assert [r for r in every if r in page] == page, name  # in the question's own order
    r = run_cli(
        "query", "timeline", "-p", "a", "RUS", "-p", "b", "PRK", "-p", "limit", "1", "--format", "json", env=cli_env
    )
    assert r.returncode == 0, r.stderr
    (row,) = json.loads(r.stdout)
    assert row["total"] == len(rows(graph, "timeline", a="RUS", b="PRK")) and row["date"] == dates_of(graph)[-1]
    for bad in ("0", "-3", "all"):
        r = run_cli("query", "timeline", "-p", "a", "RUS", "-p", "b", "PRK", "-p", "limit", bad, env=cli_env)
        assert r.returncode != 0 and "Traceback" not in r.stderr
        assert r.stderr.strip().splitlines()[-1].endswith(f"-p limit {bad!r}: give a whole number of rows, 1 or more")


def coalesce_date(r):
    return r["date"] or ""


def dates_of(graph):
    return sorted(r["date"] for r in rows(graph, "timeline", a="RUS", b="PRK"))


# The PLOVER manual (openeventdata/PLOVER, PLOVER_MANUAL.tex, chapter "Data Fields"): the JSON
# fields of an event (required: id, date, actor, event), of an entity, of text_info, of cite_info
# and of event_loc. Providers may add fields of their own: relgraph adds `cameo` and `relgraph`.
PLOVER_FIELDS = {
    "id",
    "has_event",
    "date",
    "time",
    "enddate",
    "endtime",
    "actor",
    "recipient",
    "event",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "mode",
    "context",
    "link",
    "text",
    "text_info",
    "cite_info",
    "coder",
    "coded_date",
    "coded_time",
    "comment",
}
PLOVER_REQUIRED = {"id", "date", "actor", "event"}
ENTITY_FIELDS = {
    "code",
    "sector",
    "entity_text",
    "identifier_id",
    "identifier_text",
    "religion",
    "ethnicity",
    "office",
    "gender",
    "age",
}
TEXT_INFO = {"sequence", "start", "end", "text_story"}
CITE_INFO = {
    "corpus",
    "citation",
    "url",
    "title",
    "language",
    "publication",
    "license",
    "copyright",
    "coder",
    "codebook",
    "version",
}
LOCATION = {
    "extracted_place",
    "resolved_place",
    "geonameid",
    "lat",
    "lon",
    "city",
    "district",
    "province",
    "country",
    "country_code",
    "feature_class",
    "feature_code",
    "resolution",
}
CONSULT_MODES = {"visit", "third-party", "multilateral", "phone"}


def test_events_carry_plover_and_cameo_codes(graph):
    rec, _, _ = graph.execute_query(
        "MATCH (l:Leader)-[at:ATTENDED]->(m:Meeting)-[:HELD_AT]->(:Facility {id: 'vostochny-cosmodrome@RUS'}) "
        "RETURN DISTINCT l.name AS who, at.plover_event AS event, at.plover_mode AS mode, at.cameo AS cameo"
    )
    assert {(r["who"], r["event"], r["mode"], r["cameo"]) for r in rec} == {
        ("Kim Jong Un", "CONSULT", "visit", "042"),
        ("Vladimir Putin", "CONSULT", "visit", "043"),
    }
    rec, _, _ = graph.execute_query(
        "MATCH ()-[r:VISITS|PROPOSES|MET_AT|ATTENDED]->() RETURN type(r) AS t, r.plover_event AS e, r.cameo AS c"
    )
    assert rec and all(r["e"] in ("CONSULT", "AGREE") and r["c"] for r in rec)
    planned = graph.execute_query(
        "MATCH ()-[v:VISITS {status: 'planned'}]->() RETURN DISTINCT v.plover_event AS e, v.cameo AS c"
    ).records
    assert [(r["e"], r["c"]) for r in planned] == [("AGREE", "036")]


def test_export_plover_events_follow_the_specification(graph, cli_env, tmp_path):
    out = tmp_path / "events.jsonl"
    r = run_cli("export", "--format", "plover", "-o", str(out), env=cli_env)
    assert r.returncode == 0, r.stderr
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len({e["id"] for e in events}) == len(events) > 0
    for e in events:
        assert PLOVER_REQUIRED <= set(e), e
        assert set(e) - PLOVER_FIELDS <= {"cameo", "relgraph"}, set(e) - PLOVER_FIELDS
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", e["date"])
        assert e["actor"] and all(set(a) <= ENTITY_FIELDS and re.fullmatch(r"[A-Z]{3}", a["code"]) for a in e["actor"])
        assert all(set(a) <= ENTITY_FIELDS for a in e.get("recipient", []))
        assert e["event"] in (["CONSULT"], ["AGREE"]) and e["quad_code"] == 1
        assert set(e.get("mode", [])) <= (CONSULT_MODES if e["event"] == ["CONSULT"] else set())
        assert set(e["text_info"]) <= TEXT_INFO and set(e["cite_info"]) <= CITE_INFO
        assert set(e.get("event_loc", {})) <= LOCATION
        assert e["event_text"] and e["cite_info"]["citation"].startswith("sha256:")
    facts = {
        (
            e["relgraph"]["fact"],
            e["event"][0],
            tuple(e.get("mode", [])),
            e["cameo"],
            tuple(a["code"] for a in e["actor"]),
            tuple(a["code"] for a in e.get("recipient", [])),
        )
        for e in events
    }
    # the Vostochny summit: Kim Jong Un visits, Russia hosts; his planned trips are intentions
    assert ("meeting", "CONSULT", ("visit",), "042", ("PRK",), ("RUS",)) in facts
    assert ("visit", "AGREE", (), "036", ("PRK",), ("RUS",)) in facts
    assert ("proposal", "AGREE", (), "0311", ("RUS",), ("PRK",)) in facts
    # the phone call of tests/data/ru_zvonok.txt: CONSULT by phone, both leaders actors
    calls = [e for e in events if e["relgraph"]["fact"] == "call"]
    assert [(e["event"], e["mode"], e["cameo"], e["date"]) for e in calls] == [
        (["CONSULT"], ["phone"], "041", "2024-10-16")
    ]
    assert {a["code"] for a in calls[0]["actor"]} == {"RUS", "KAZ"} and "recipient" not in calls[0]
    summit = [
        e
        for e in events
        if e["relgraph"]["fact"] == "meeting" and e.get("event_loc", {}).get("resolved_place") == "Vostochny Cosmodrome"
    ]
    assert summit and all(e["actor"][0]["identifier_id"] == "Q56226" for e in summit)
    # one pair's events only
    r = run_cli("export", "--format", "plover", "--pair", "USA", "Vietnam", env=cli_env)
    pair = [json.loads(line) for line in r.stdout.splitlines()]
    codes = [{a["code"] for a in e["actor"] + e.get("recipient", [])} for e in pair]
    assert pair and all(c & {"USA", "VNM"} for c in codes) and {"USA", "VNM"} in codes
    assert len(pair) < len(events)
