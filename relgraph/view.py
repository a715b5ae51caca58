"""The graph in a notebook, interactive: ``relgraph.show(driver, a="RUS", b="PRK")`` draws a pair's
subgraph with Neo4j's ``neo4j-viz`` (pan, zoom, click or hover an edge to read its quote, its
article and its date), as Neo4j Browser does, but inside the notebook and offline: the page
embeds the viewer's JavaScript and CSS, nothing is fetched when it renders.

``neo4j-viz`` is GPL-3.0 and an optional extra (``pip install 'relgraph[viz]'``): relgraph
imports it only here, only when a view is drawn. Nodes are coloured by label (a fixed colour
per label, with a legend), edges are captioned with their type.
"""
from __future__ import annotations

from relgraph.errors import RelgraphError, UnknownName

# one colour per label, the same in every view (a legend shows them)
COLOURS = {"State": "#d62728", "Leader": "#1f77b4", "Meeting": "#ff7f0e", "Facility": "#2ca02c",
           "Sector": "#9467bd", "Project": "#8c564b", "Article": "#7f7f7f", "Source": "#bcbd22"}
EDGE_PROPS = ("quote", "article", "date", "published", "status", "article_title", "url", "start", "end",
              "role", "what", "via", "host_state", "with", "plover_event", "plover_mode", "cameo")


class ViewUnavailable(RelgraphError):
    """neo4j-viz, the optional viewer, is not installed."""


def subgraph(driver, a: str | None = None, b: str | None = None, *, state: str | None = None,
             leader: str | None = None, result=None, database: str | None = None, provenance: bool = False):
    """(nodes, edges) of one pair (``a``, ``b``), one ``state``, one ``leader`` or a query ``result``;
    names in any language are resolved as the stored questions resolve them."""
    from relgraph.api import _db
    from relgraph.graph import view
    from relgraph.loaders.resolve import resolve_entity, resolve_state

    db = _db(database)
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
    return view.of_pair(driver, tuple(codes), db, provenance)


def caption(node: dict) -> str:
    p = node["props"]
    if node["label"] == "Meeting":
        return "meeting " + (p.get("date") or "(undated)")
    text = str(p.get("name") or p.get("title") or p.get("iso3") or p.get("id") or node["id"])
    return text if len(text) <= 40 else text[:37] + "..."


def to_viz(nodes: list[dict], edges: list[dict]):
    """A ``neo4j_viz.VisualizationGraph``: coloured by label, edges captioned by type, the quote,
    article and date of each edge among its properties (shown on hover and click)."""
    try:
        from neo4j_viz import Node, Relationship, VisualizationGraph
    except ImportError:
        raise ViewUnavailable("relgraph.show needs the optional viewer: pip install 'relgraph[viz]' "
                              "(neo4j-viz, GPL-3.0)") from None

    vnodes = [Node(id=n["id"], caption=caption(n), color=COLOURS.get(n["label"], "#17becf"),
                   properties={"label": n["label"], "key": n["id"],
                               **{k: _plain(v) for k, v in n["props"].items() if v is not None}})
              for n in nodes]
    rels = []
    for i, e in enumerate(edges):
        props = {"type": e["type"], **{k: _plain(e["props"][k]) for k in EDGE_PROPS if e["props"].get(k) is not None}}
        rels.append(Relationship(id=f"r{i}", source=e["source"], target=e["target"], caption=e["type"],
                                 properties=props))
    vg = VisualizationGraph(nodes=vnodes, relationships=rels)
    present = sorted({n["label"] for n in nodes})
    vg.set_legend(nodes={label: COLOURS.get(label, "#17becf") for label in present})
    return vg


def show(driver, a: str | None = None, b: str | None = None, *, state: str | None = None,
         leader: str | None = None, result=None, database: str | None = None, provenance: bool = False,
         height: str = "600px"):
    """Render a subgraph in the notebook (an ``IPython.display.HTML`` that embeds its viewer).

    >>> relgraph.show(driver, a="RUS", b="PRK")        # a pair
    >>> relgraph.show(driver, state="Corée du Nord")   # one state's articles
    >>> relgraph.show(driver, leader="Ким Чен Ын")     # a leader, its meetings and proposals
    >>> relgraph.show(driver, result=driver.execute_query("MATCH p=(:Leader)-[:VISITS]->() RETURN p"))
    """
    nodes, edges = subgraph(driver, a, b, state=state, leader=leader, result=result, database=database,
                            provenance=provenance)
    return to_viz(nodes, edges).render(height=height, theme="light")


def _plain(v):
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return str(v)
