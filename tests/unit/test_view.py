"""The notebook view (relgraph.show) without a database: the page neo4j-viz renders embeds its
viewer (nothing fetched at run time), and carries each node's caption and colour and each edge's
type, quote, article and date."""
from __future__ import annotations

import json
import re
import sys

import pytest

from relgraph.view import COLOURS, ViewUnavailable, to_viz

NODES = [
    {"id": "Leader:Q7747", "label": "Leader", "props": {"id": "Q7747", "name": "Vladimir Putin"}},
    {"id": "Facility:vostochny-cosmodrome@RUS", "label": "Facility",
     "props": {"id": "vostochny-cosmodrome@RUS", "name": "Vostochny Cosmodrome"}},
    {"id": "Meeting:m1", "label": "Meeting", "props": {"id": "m1", "date": "2023-09-13"}},
    {"id": "State:RUS", "label": "State", "props": {"iso3": "RUS", "name": "Russia"}},
]
EDGES = [
    {"source": "Leader:Q7747", "target": "Facility:vostochny-cosmodrome@RUS", "type": "MET_AT",
     "props": {"quote": "Two leaders met at a rocket site <b>", "article": "sha256:ab", "date": "2023-09-13",
               "published": "2023-09-14", "start": 3, "end": 40, "with": ["Kim Jong Un"]}},
    {"source": "Leader:Q7747", "target": "State:RUS", "type": "LEADS",
     "props": {"quote": "président russe", "article": "sha256:ab", "published": "2023-09-14", "role": "president"}},
]


def page() -> str:
    return to_viz(NODES, EDGES).render(height="400px").data


def data_of(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="neo4j-viz-data">(.*?)</script>', html, re.S)
    assert m, "no graph data in the page"
    return json.loads(m.group(1))


def test_page_embeds_its_viewer_and_fetches_nothing():
    html = page()
    tags = re.findall(r"<(script|link|img|iframe)\b[^>]*>", html, re.I)
    assert tags, "the viewer's code should be in the page"
    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, re.I):
        assert not re.search(r"\b(src|href)\s*=", tag, re.I), f"an asset is fetched: {tag}"
    assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", html), "a stylesheet is fetched"
    assert not re.search(r"import\(\s*['\"](https?:)?//", html), "a module is fetched"
    # the viewer itself is inline: megabytes of JavaScript, not a loader stub
    assert len(html) > 1_000_000


def test_nodes_are_captioned_and_coloured_by_label():
    d = data_of(page())
    got = {n["id"]: (n["caption"], n["color"].lower()) for n in d["nodes"]}
    assert got["Leader:Q7747"] == ("Vladimir Putin", COLOURS["Leader"])
    assert got["Meeting:m1"] == ("meeting 2023-09-13", COLOURS["Meeting"])
    assert got["State:RUS"] == ("Russia", COLOURS["State"])


def test_edges_carry_type_quote_article_and_date():
    d = data_of(page())
    (met,) = [r for r in d["relationships"] if r["caption"] == "MET_AT"]
    assert (met["from"], met["to"]) == ("Leader:Q7747", "Facility:vostochny-cosmodrome@RUS")
    p = met["properties"]
    assert p["quote"] == "Two leaders met at a rocket site <b>"   # escaped in the page, intact in the data
    assert (p["article"], p["date"], p["published"]) == ("sha256:ab", "2023-09-13", "2023-09-14")
    assert "<b>" not in page().split('id="neo4j-viz-data">', 1)[1].split("</script>", 1)[0]


def test_missing_viewer_is_one_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "neo4j_viz", None)
    with pytest.raises(ViewUnavailable, match=r"relgraph\[viz\]"):
        to_viz(NODES, EDGES)
