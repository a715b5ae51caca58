"""Entity resolution across articles and languages on the real server: one node per person,
state and place, however each article spells them; no merge of different ones."""

from __future__ import annotations

import json

from relgraph.pipeline import load

ARTICLES = [
    (
        "fr",
        "Le dirigeant nord-coréen Kim Jong-un a visité le cosmodrome Vostotchny, en Russie, avec le "
        "président russe Vladimir Poutine.",
    ),
    (
        "es",
        "El líder norcoreano Kim Jong Un visitó el cosmódromo Vostochni, en Rusia, con el presidente "
        "ruso, Vladímir Putin.",
    ),
    ("ru", "Лидер КНДР Ким Чен Ын посетил космодром Восточный вместе с президентом России Владимиром Путиным."),
    (
        "en",
        "North Korean leader Kim Jong Un toured the Vostochny Cosmodrome with Russian President Vladimir Putin. "
        "His sister Kim Yo Jong and the late Kim Jong Il were also mentioned by Pyongyang.",
    ),
]


def test_one_node_per_person_state_and_place_across_languages(driver, tmp_path):
    f = tmp_path / "four.jsonl"
    f.write_text(
        "\n".join(
            json.dumps(
                {"title": f"t{i}", "text": text, "published": "2023-09-14", "url": f"https://example.org/{lang}"}
            )
            for i, (lang, text) in enumerate(ARTICLES)
        )
        + "\n",
        encoding="utf-8",
    )
    report = load(driver, [str(f)])
    assert report.loaded == 4 and report.failed == 0

    def ids(q):
        return [r[0] for r in driver.execute_query(q).records]

    kims = ids("MATCH (l:Leader) WHERE l.name STARTS WITH 'Kim' RETURN l.name ORDER BY l.name")
    assert kims.count("Kim Jong Un") == 1 and {"Kim Yo Jong", "Kim Jong Il"} <= set(kims)
    assert ids("MATCH (l:Leader {name: 'Vladimir Putin'}) RETURN l.id") == ["Q7747"]
    # every article's mention of Kim points at the same node
    n = driver.execute_query(
        "MATCH (a:Article)-[:MENTIONS]->(l:Leader {name: 'Kim Jong Un'}) RETURN count(DISTINCT a) AS n"
    ).records[0]["n"]
    assert n == 4
    vost = ids("MATCH (f:Facility) WHERE f.name CONTAINS 'Vostoch' RETURN f.id")
    assert vost == ["vostochny-cosmodrome@RUS"]
    assert (
        driver.execute_query(
            "MATCH (a:Article)-[:MENTIONS]->(:Facility {id: 'vostochny-cosmodrome@RUS'}) RETURN count(DISTINCT a) AS n"
        ).records[0]["n"]
        == 4
    )
    states = ids("MATCH (s:State) RETURN s.iso3 ORDER BY s.iso3")
    assert states == ["PRK", "RUS"]
