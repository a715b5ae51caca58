"""The rules of meeting resolution (graph/events.py), one test a rule, on hand-made reports; and
that re-resolving only the neighbourhood of a change gives what resolving everything gives."""

from __future__ import annotations

import random

from relgraph.graph import events


def rep(key, day=None, city=None, status="held", published="2024-03-13", people=("Q1", "Q2"), date=None, states=None):
    row = {
        "date": date if date is not None else day,
        "status": status,
        "participants": [
            {"id": p, "state": p[:3] if ":" in p else {"Q1": "AAA", "Q2": "BBB", "Q3": "AAA"}[p]} for p in people
        ],
        "states": states or ["AAA", "BBB"],
        "article": key.split("#")[0],
    }
    row.update(events.report_fields(row, published, city, key))
    return row


def groups(reports):
    out: dict[str, set[str]] = {}
    for k, mid in events.resolve(reports).items():
        out.setdefault(mid, set()).add(k)
    return sorted(sorted(g) for g in out.values())


def test_same_day_same_city_is_one_meeting_different_days_or_cities_are_not():
    a, b = rep("a#0", "2024-03-12", "hamburg"), rep("b#0", "2024-03-12", "hamburg")
    assert groups([a, b]) == [["a#0", "b#0"]]
    assert len(groups([a, rep("c#0", "2024-03-19", "hamburg")])) == 2
    assert len(groups([a, rep("c#0", "2024-03-12", "berlin")])) == 2


def test_a_report_naming_no_place_joins_the_one_meeting_of_its_day():
    assert groups([rep("a#0", "2024-03-12", "hamburg"), rep("b#0", "2024-03-12")]) == [["a#0", "b#0"]]


def test_other_participants_of_the_same_states_are_another_meeting_an_unnamed_office_is_not():
    a = rep("a#0", "2024-03-12", "hamburg")
    assert len(groups([a, rep("b#0", "2024-03-12", "hamburg", people=("Q3", "Q2"))])) == 2
    assert groups([a, rep("b#0", "2024-03-12", "hamburg", people=("AAA:president", "Q2"))]) == [["a#0", "b#0"]]


def test_other_states_never_join():
    assert len(groups([rep("a#0", "2024-03-12"), rep("b#0", "2024-03-12", states=["AAA", "CCC"])])) == 2


def test_undated_held_joins_the_one_meeting_of_the_three_days_before_its_publication():
    d = rep("a#0", "2024-03-12", "hamburg")
    assert groups([d, rep("b#0", published="2024-03-13")]) == [["a#0", "b#0"]]
    assert len(groups([d, rep("b#0", published="2024-03-16")])) == 2  # four days later: too late
    assert len(groups([d, rep("b#0", published="2024-03-11")])) == 2  # before it happened, yet "held"


def test_undated_with_two_meetings_to_choose_from_stays_apart_unless_its_city_says_which():
    ms = [rep("a#0", "2024-03-11", "hamburg"), rep("c#0", "2024-03-12", "berlin")]
    assert len(groups([*ms, rep("b#0", published="2024-03-13")])) == 3
    assert ["b#0", "c#0"] in groups([*ms, rep("b#0", city="berlin", published="2024-03-13")])


def test_undated_planned_joins_a_meeting_after_its_publication_never_that_day():
    d = rep("a#0", "2024-03-12", "hamburg")
    assert groups([d, rep("b#0", status="planned", published="2024-03-05")]) == [["a#0", "b#0"]]
    # "they will meet again" in a report of the summit day is not the summit
    assert len(groups([d, rep("b#0", status="planned", published="2024-03-12")])) == 2


def test_recalled_past_meeting_joins_only_a_meeting_of_the_month_it_names():
    d = rep("a#0", "2024-03-12", "hamburg")
    assert len(groups([d, rep("b#0", status="past", date="2024-01", published="2024-03-15")])) == 2
    assert len(groups([d, rep("b#0", status="past", published="2024-03-13")])) == 2  # undated recall
    assert groups([d, rep("b#0", status="past", date="2024-03", published="2024-05-01")]) == [["a#0", "b#0"]]


def test_planned_then_held_is_held():
    ms = [rep("a#0", "2024-03-12", status="planned", published="2024-03-01"), rep("b#0", "2024-03-12")]
    props = events.node_props(ms)
    assert props["status"] == "held" and props["date"] == "2024-03-12"
    assert "same day 2024-03-12" in props["joined_by"]
    assert events.node_props(ms[:1])["status"] == "planned" and events.node_props(ms[:1])["joined_by"] == []


def test_day_and_month_take_the_year_nearest_publication():
    assert events.day_of("--12-30", "2025-01-02") == "2024-12-30"
    assert events.day_of("--03-12", "2024-03-13") == "2024-03-12"


def _pool():
    rng = random.Random(3)
    out = []
    for i in range(60):
        day = f"2024-03-{rng.randint(1, 28):02d}"
        states = rng.choice([["AAA", "BBB"], ["AAA", "BBB"], ["AAA", "CCC"]])
        city = rng.choice(["hamburg", "berlin", None])
        pub = f"2024-03-{rng.randint(1, 28):02d}"
        kind = rng.choice(["day", "day", "held", "planned", "month"])
        if kind == "day":
            out.append(rep(f"x{i}#0", day, city, published=pub, states=states))
        elif kind == "month":
            out.append(rep(f"x{i}#0", city=city, date="2024-03", published=pub, states=states))
        else:
            out.append(rep(f"x{i}#0", city=city, status=kind, published=pub, states=states))
    return out


def _near(seen, current, q):
    """What the writer's lookup query (graph/write.py _NEAR) reads: whole nodes, by their
    properties (node_props), through the ranges ``events.lookups`` gives."""
    nodes: dict[str, list[dict]] = {}
    for x in seen:
        nodes.setdefault(current[x["key"]], []).append(x)
    out = []
    for ms in nodes.values():
        p = events.node_props(ms)
        hit = any(
            p["block"] == s["block"] and s["lo"] <= p["lo"] <= s["hi"] and p["hi"] >= s["a"] for s in q["spans"]
        ) or any(p["block"] == d["block"] and p["day"] and d["d1"] <= p["day"] <= d["d2"] for d in q["days"])
        if hit:
            out.extend(ms)
    return out


def test_resolving_the_neighbourhood_of_each_new_report_gives_what_resolving_all_gives():
    pool = _pool()
    want = groups(pool)
    rng = random.Random(11)
    for n in range(20):
        order = pool[:]
        rng.shuffle(order)
        current: dict[str, str] = {}
        seen: list[dict] = []
        size = 1 + n % 4  # one report at a time, or batches mixing blocks, as the writer gets them
        for i in range(0, len(order), size):
            new = order[i : i + size]
            # as the writer does (graph/write.py _resolve_meetings): the new reports and what they
            # may depend on, each block resolved with its own changed days
            near = _near(seen, current, events.lookups(new))
            days = {b: {x["day"] for x in new if x.get("day") and x["block"] == b} for b in {x["block"] for x in new}}
            more = _near(seen, current, {"spans": [], "days": events.more_days(near + new, days)})
            near = list({x["key"]: x for x in near + more}.values()) + new
            for block in {x["block"] for x in near}:
                changed = days.get(block, set())
                current.update(events.resolve([x for x in near if x["block"] == block], current, changed))
            seen.extend(new)
        got: dict[str, set[str]] = {}
        for k, mid in current.items():
            got.setdefault(mid, set()).add(k)
        assert sorted(sorted(g) for g in got.values()) == want


# -- visits: the meeting rules, per traveller and host state ---------------------------------------
def visit(key, day=None, place="ankara@TUR", status="held", published="2025-06-11", who="Q1", host="TUR", date=None):
    row = {
        "visitor_id": who,
        "place_id": place,
        "host_state": host,
        "date": date if date is not None else day,
        "status": status,
        "article": key.split("#")[0],
    }
    row.update(events.visit_fields(row, published, key))
    return row


def test_a_trip_reported_dated_undated_and_planned_is_one_visit():
    reports = [
        visit("a#v0", "2025-06-10"),
        visit("b#v0", "2025-06-10", status="planned", published="2025-06-03"),
        visit("c#v0", published="2025-06-11"),  # undated, the day after
        visit("d#v0", date="--06-10", published="2025-06-12"),  # day and month
    ]
    assert groups(reports) == [["a#v0", "b#v0", "c#v0", "d#v0"]]
    (props,) = [events.visit_props(reports)]
    assert props["status"] == "held" and props["place"] == "ankara@TUR" and props["visitor"] == "Q1"
    assert "traveller Q1" in props["joined_by"] and "place ankara@TUR" in props["joined_by"]


def test_visits_never_merged_other_city_week_traveller_host_recalled_or_incompatible_plan():
    a = visit("a#v0", "2025-06-10")
    assert len(groups([a, visit("b#v0", "2025-06-10", place="istanbul@TUR")])) == 2  # another city
    assert len(groups([a, visit("b#v0", "2025-06-17", published="2025-06-17")])) == 2  # a week later
    assert len(groups([a, visit("b#v0", "2025-06-10", who="Q2")])) == 2  # another traveller
    assert len(groups([a, visit("b#v0", "2025-06-10", place=None, host="GRC")])) == 2  # another country
    assert len(groups([a, visit("b#v0", date="2010", status="past")])) == 2  # recalled
    assert len(groups([a, visit("b#v0", date="2025-10", status="planned")])) == 2  # planned for October
    # a report naming only the country joins the one visit of its window, not one of two
    assert len(groups([a, visit("b#v0", place=None)])) == 1
    assert len(groups([a, visit("c#v0", "2025-06-10", place="istanbul@TUR"), visit("b#v0", place=None)])) == 3


def test_visit_and_meeting_ids_never_collide():
    m, v = rep("a#0", "2024-03-12"), visit("a#0", "2024-03-12")
    assert events.own_id(m).startswith("meeting:") and events.own_id(v).startswith("visit:")


# -- projects ------------------------------------------------------------------------------------
def proposal(key, by="Q1", sector="energy", what="a new gas pipeline", published="2025-05-13", pair="AAA-BBB"):
    row = {"by_id": by, "sector": sector, "what": what, "article": key.split("#")[0]}
    row.update(events.project_fields(row, published, pair, key))
    return row


def project_groups(reports):
    out: dict[str, set[str]] = {}
    for k, pid in events.resolve_projects(reports).items():
        out.setdefault(pid, set()).add(k)
    return sorted(sorted(g) for g in out.values())


def test_the_same_proposal_in_several_languages_in_a_month_is_one_project():
    reports = [
        proposal("a#p0"),
        proposal("b#p0", what="un nouveau gazoduc", published="2025-05-14"),
        proposal("c#p0", what="новый газопровод", published="2025-05-31"),
    ]
    assert project_groups(reports) == [["a#p0", "b#p0", "c#p0"]]
    props = events.project_props(reports)
    assert props["sector"] == "energy" and (props["first"], props["last"]) == ("2025-05-13", "2025-05-31")
    assert {"proposer Q1", "partner pair AAA-BBB", "same sector energy"} <= set(props["joined_by"])


def test_projects_never_merged_other_proposer_partner_sector_or_month():
    a = proposal("a#p0")
    assert len(project_groups([a, proposal("b#p0", by="Q2")])) == 2
    assert len(project_groups([a, proposal("b#p0", pair="AAA-CCC")])) == 2
    assert len(project_groups([a, proposal("b#p0", sector="space", what="joint space research")])) == 2
    assert len(project_groups([a, proposal("b#p0", published="2025-06-01")])) == 2
    # no proposer: nothing says it is the same one
    assert len(project_groups([proposal("a#p0", by=None), proposal("b#p0", by=None)])) == 2


def test_the_same_object_links_two_reports_and_links_chain():
    # the same words (no sector given) link a and b; b and c share a sector: one project
    a = proposal("a#p0", sector=None)
    b = proposal("b#p0")
    c = proposal("c#p0", what="другой текст")
    assert project_groups([a, b, c]) == [["a#p0", "b#p0", "c#p0"]]


def test_project_resolution_is_a_function_of_the_set_of_reports():
    rng = random.Random(7)
    reports = [
        proposal(
            f"{k}#p0",
            by=rng.choice(["Q1", "Q2"]),
            sector=rng.choice(["energy", "space", None]),
            what=rng.choice(["x", "y"]),
            published=f"2025-0{rng.choice([5, 6])}-1{rng.randint(0, 9)}",
        )
        for k in "abcdefghijklmnop"
    ]
    want = events.resolve_projects(reports)
    for _ in range(5):
        rng.shuffle(reports)
        assert events.resolve_projects(reports) == want


def test_projects_are_the_connected_components_of_the_pairwise_link():
    # resolve_projects buckets by sector and object instead of comparing every pair: the same
    # components as the pairwise definition (_project_linked), on many random reports
    rng = random.Random(11)
    reports = [
        proposal(
            f"a{k}#p0",
            by=rng.choice(["Q1", "Q2", None]),
            sector=rng.choice(["energy", "space", "trade", None, None]),
            what=rng.choice(["x", "y", "z", "w", ""]),
            published=f"2025-0{rng.choice([5, 6])}-1{rng.randint(0, 9)}",
            pair=rng.choice(["AAA-BBB", None]),
        )
        for k in range(300)
    ]
    parent = {r["key"]: r["key"] for r in reports}

    def root(k):
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(reports):
        for b in reports[i + 1 :]:
            if events._project_linked(a, b):
                parent[root(a["key"])] = root(b["key"])
    want: dict[str, set[str]] = {}
    for r in reports:
        want.setdefault(root(r["key"]), set()).add(r["key"])
    assert project_groups(reports) == sorted(sorted(g) for g in want.values())
    assert 10 < len(want) < 290  # some linked, some not


def test_meeting_resolution_checks_each_kind_of_report_once_and_gives_what_every_pair_gives(monkeypatch):
    # group_day and the undated reports compare a report with one of each signature (block, city,
    # named participants) of a meeting: the same meetings as comparing it with every member
    rng = random.Random(5)
    people = [("Q1", "Q2"), ("Q1",), ("Q2",), ("Q3", "Q2"), ("AAA:leader", "Q2")]
    reports = [
        rep(
            f"m{k}#0",
            day=rng.choice(["2024-03-12", "2024-03-13", None]),
            city=rng.choice(["paris@FRA", "rome@ITA", None]),
            people=rng.choice(people),
            status=rng.choice(["held", "planned"]),
            published=rng.choice(["2024-03-13", "2024-03-14"]),
        )
        for k in range(200)
    ]

    def naive_group_day(rs):
        out = []
        for r in sorted(rs, key=events._richness):
            for g in out:
                if all(events.compatible(r, x) for x in g):
                    g.append(r)
                    break
            else:
                out.append([r])
        return out

    dated = [r for r in reports if r.get("day") == "2024-03-12"]
    assert events.group_day(dated) == naive_group_day(dated)
    assert 1 < len(events.group_day(dated)) < len(dated)
    got = events.resolve(reports)
    assert len(set(got.values())) < len(reports) and set(got) == {r["key"] for r in reports}
    monkeypatch.setattr(events, "group_day", naive_group_day)
    monkeypatch.setattr(events, "_distinct", list)  # every member of a meeting, as before
    assert events.resolve(reports) == got


def test_a_projects_summary_reads_its_reports_as_proposals_did():
    # what proposals shows of a project (schema version 7): its reports in order of publication
    # (none last), article and offset; languages in that order; each article's sources, then the
    # articles' outlets, each once
    def with_article(key, published, start, lang, outlet, sources, what):
        r = proposal(key, published=published, what=what)
        r.update(start=start, quote=f"q {key}", lang=lang, outlet=outlet, sources=sources)
        return r

    reports = [
        with_article("c#p0", None, 5, "ru", "TASS", ["TASS"], "c"),
        with_article("b#p1", "2025-05-13", 40, "fr", None, ["AFP", "Reuters"], "b1"),
        with_article("b#p0", "2025-05-13", 10, "fr", None, ["AFP", "Reuters"], "b0"),
        with_article("a#p0", "2025-05-14", None, "en", "Example", ["AP"], "a"),
    ]
    s = events.project_summary(reports)
    assert (s["first_what"], s["first_quote"], s["first_article"]) == ("b0", "q b#p0", "b")
    assert s["articles"] == 3
    assert s["languages"] == ["fr", "en", "ru"]
    assert s["sources"] == ["AFP", "Reuters", "AP", "TASS", "Example"]
    assert events.project_props(reports)["articles"] == 3
