"""The graph in a notebook, interactive: ``relgraph.show(driver, a="RUS", b="PRK")`` draws a pair's
subgraph with ``gravis`` (d3 force layout: pan, zoom, drag; hover or click an edge to read its
quote, its article and its date), inside the notebook and offline: the page embeds d3 and the
viewer, nothing is fetched when it renders.

Neo4j's own ``neo4j-viz`` was the first choice, but it is GPL-3.0 and relgraph's dependencies
must be permissive (tests/unit/test_licences.py); gravis is Apache-2.0. Nodes are coloured by
label (a fixed colour per label), edges are captioned with their type; every string shown is
HTML-escaped, since hover texts are HTML.
"""

from __future__ import annotations

import html

from relgraph.errors import RelgraphError, UnknownName

# one colour per label, the same in every view (a legend shows them)
COLOURS = {
    "State": "#d62728",
    "Leader": "#1f77b4",
    "Meeting": "#ff7f0e",
    "Call": "#e377c2",
    "Visit": "#17becf",
    "Facility": "#2ca02c",
    "Sector": "#9467bd",
    "Project": "#8c564b",
    "Article": "#7f7f7f",
    "Source": "#bcbd22",
}
EDGE_PROPS = (
    "quote",
    "article",
    "date",
    "published",
    "status",
    "article_title",
    "url",
    "start",
    "end",
    "role",
    "what",
    "via",
    "host_state",
    "with",
    "plover_event",
    "plover_mode",
    "cameo",
)


def subgraph(
    driver,
    a: str | None = None,
    b: str | None = None,
    *,
    state: str | None = None,
    leader: str | None = None,
    result=None,
    database: str | None = None,
    provenance: bool = False,
):
    """(nodes, edges) of one pair (``a``, ``b``), one ``state``, one ``leader`` or a query ``result``;
    names in any language are resolved as the stored questions resolve them."""
    from relgraph.api import _db
    from relgraph.graph import view
    from relgraph.loaders.resolve import resolve_entity, resolve_state

    db = _db(driver, database)
    if sum((bool(a or b), bool(state), bool(leader), result is not None)) != 1:
        raise RelgraphError("show one thing: a pair (a=..., b=...), state=..., leader=... or result=...")
    if result is not None:
        return view.of_result(result)
    if state:
        iso3 = resolve_state(state)
        if not iso3:
            raise UnknownName(f"state={state!r}: no state of that name, code or alias")
        return view.of_state(driver, iso3, db, provenance)
    if leader:
        from relgraph.loaders.refdata import leaders

        lid = resolve_entity(leader, "leader")
        if lid not in leaders() and not lid.startswith("rg:"):
            raise UnknownName(f"leader={leader!r}: no leader of that name")
        return view.of_leader(driver, lid, db, provenance)
    codes = []
    for p, v in (("a", a), ("b", b)):
        iso3 = resolve_state(v) if v else None
        if not iso3:
            raise UnknownName(f"{p}={v!r}: a pair needs two states (ISO3 code, name or alias)")
        codes.append(iso3)
    return view.of_pair(driver, (codes[0], codes[1]), db, provenance)


def caption(node: dict) -> str:
    p = node["props"]
    if node["label"] == "Meeting":
        return "meeting " + (p.get("date") or "(undated)")
    if node["label"] == "Call":
        return "call " + (p.get("date") or "(undated)")
    if node["label"] == "Visit":
        return "visit " + (p.get("date") or "(undated)")
    text = str(p.get("name") or p.get("title") or p.get("iso3") or p.get("id") or node["id"])
    return text if len(text) <= 40 else text[:37] + "..."


def _hover(title: str, props: dict, keys) -> str:
    """Hover text: one escaped ``key: value`` line per property (a quote can hold any character)."""
    lines = [html.escape(title)]
    for k in keys:
        v = props.get(k)
        if v is not None and v != "" and v != []:
            v = ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v)
            lines.append(f"<b>{html.escape(k)}</b>: {html.escape(v)}")
    return "<br>".join(lines)


def to_viz(nodes: list[dict], edges: list[dict]):
    """A ``gravis`` figure: nodes coloured by label, edges captioned with their type, the quote,
    article and date of each edge (and a node's properties) on hover and click."""
    import gravis as gv

    gnodes = {}
    for n in nodes:
        props = {k: _plain(v) for k, v in n["props"].items() if v is not None}
        text = _hover(f"{n['label']}: {caption(n)}", props, sorted(props))
        gnodes[n["id"]] = {
            "label": html.escape(caption(n)),
            "metadata": {
                "color": COLOURS.get(n["label"], "#17becf"),
                "label_kind": n["label"],
                "hover": text,
                "click": text,
            },
        }
    gedges = []
    for e in edges:
        props = {k: _plain(e["props"][k]) for k in EDGE_PROPS if e["props"].get(k) is not None}
        text = _hover(e["type"], props, EDGE_PROPS)
        gedges.append(
            {
                "source": e["source"],
                "target": e["target"],
                "label": e["type"],
                "metadata": {
                    "hover": text,
                    "click": text,
                    "quote": html.escape(str(props.get("quote", ""))),
                    "article": props.get("article"),
                    "date": props.get("date") or props.get("published"),
                },
            }
        )
    data = {"graph": {"directed": True, "nodes": gnodes, "edges": gedges}}
    return gv.d3(
        data,
        show_edge_label=True,
        edge_label_data_source="label",
        node_label_data_source="label",
        edge_curvature=0.2,
        zoom_factor=0.8,
        details_height=120,
    )


def show(
    driver,
    a: str | None = None,
    b: str | None = None,
    *,
    state: str | None = None,
    leader: str | None = None,
    result=None,
    database: str | None = None,
    provenance: bool = False,
):
    """Render a subgraph in the notebook (a gravis figure: its page embeds the viewer's code).

    >>> relgraph.show(driver, a="RUS", b="PRK")        # a pair
    >>> relgraph.show(driver, state="Corée du Nord")   # one state's articles
    >>> relgraph.show(driver, leader="Ким Чен Ын")     # a leader, its meetings and proposals
    >>> relgraph.show(driver, result=eager_result)    # any result holding nodes, relationships or paths
    """
    nodes, edges = subgraph(
        driver, a, b, state=state, leader=leader, result=result, database=database, provenance=provenance
    )
    return to_viz(nodes, edges)


def _plain(v):
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return str(v)
