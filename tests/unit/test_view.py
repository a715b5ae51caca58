"""The notebook view (relgraph.show) without a database: the page gravis renders embeds its
viewer (nothing fetched at run time), and carries each node's caption and colour and each edge's
type, quote, article and date, escaped."""

from __future__ import annotations

import json
import re

from relgraph.view import COLOURS, to_viz

NODES = [
    {"id": "Leader:Q7747", "label": "Leader", "props": {"id": "Q7747", "name": "Vladimir Putin"}},
    {
        "id": "Facility:vostochny-cosmodrome@RUS",
        "label": "Facility",
        "props": {"id": "vostochny-cosmodrome@RUS", "name": "Vostochny Cosmodrome"},
    },
    {"id": "Meeting:m1", "label": "Meeting", "props": {"id": "m1", "date": "2023-09-13"}},
    {"id": "State:RUS", "label": "State", "props": {"iso3": "RUS", "name": "Russia"}},
]
EDGES = [
    {
        "source": "Leader:Q7747",
        "target": "Facility:vostochny-cosmodrome@RUS",
        "type": "MET_AT",
        "props": {
            "quote": "Two leaders met at a rocket site </script><b>",
            "article": "sha256:ab",
            "date": "2023-09-13",
            "published": "2023-09-14",
            "start": 3,
            "end": 40,
            "with": ["Kim Jong Un"],
            "cameo": "042",
        },
    },
    {
        "source": "Leader:Q7747",
        "target": "State:RUS",
        "type": "LEADS",
        "props": {"quote": "président russe", "article": "sha256:ab", "published": "2023-09-14", "role": "president"},
    },
]


def page() -> str:
    return to_viz(NODES, EDGES).to_html()


def data_of(html: str) -> dict:
    """The graph the page draws: gravis's ``state.rawData``."""
    m = re.search(r"state\.rawData = (\[.*?\]);\n", html, re.S)
    assert m, "no graph data in the page"
    return json.loads(m.group(1))[0]


def test_page_embeds_its_viewer_and_fetches_nothing():
    html = page()
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, re.I)
    assert tags, "the viewer's code should be in the page"
    for tag in tags:
        assert not re.search(r"\b(src|href)\s*=", tag, re.I), f"an asset is fetched: {tag}"
    assert not re.search(r"@import\s+url\(\s*['\"]?(https?:)?//", html), "a stylesheet is fetched"
    assert not re.search(r"require\(\s*\[\s*['\"](https?:)?//", html), "a module is fetched"
    assert "define(" in html and "d3" in html  # d3 itself is in the page, defined for require


def test_nodes_are_captioned_and_coloured_by_label():
    d = data_of(page())
    got = {k: (n["label"], n["metadata"]["color"]) for k, n in d["nodes"].items()}
    assert got["Leader:Q7747"] == ("Vladimir Putin", COLOURS["Leader"])
    assert got["Meeting:m1"] == ("meeting 2023-09-13", COLOURS["Meeting"])
    assert got["State:RUS"] == ("Russia", COLOURS["State"])


def test_edges_carry_type_quote_article_and_date_escaped():
    html = page()
    d = data_of(html)
    (met,) = [e for e in d["edges"] if e["label"] == "MET_AT"]
    assert (met["source"], met["target"]) == ("Leader:Q7747", "Facility:vostochny-cosmodrome@RUS")
    hover = met["metadata"]["hover"]
    assert "Two leaders met at a rocket site &lt;/script&gt;&lt;b&gt;" in hover
    assert "sha256:ab" in hover and "2023-09-13" in hover and "042" in hover
    assert (met["metadata"]["article"], met["metadata"]["date"]) == ("sha256:ab", "2023-09-13")
    assert "</script><b>" not in html  # a quote cannot end the page's script
