"""relgraph: news articles about relations between states, turned into a Neo4j graph in which
every fact carries the quote it came from.

The public API (the CLI and the notebooks use the same functions)::

    import relgraph
    driver = relgraph.connect()
    relgraph.load(driver, ["article.txt"])
    relgraph.query_df(driver, "sectors_discussed", a="RUS", b="PRK")
    relgraph.ask(driver, "Quels secteurs la Russie et la Corée du Nord ont-ils abordés ?")
    relgraph.show(driver, a="RUS", b="PRK")     # interactive, in a notebook (the viz extra)
"""

from relgraph.api import connect, load, query_df, run_query
from relgraph.questions import CannotMap, ask, interpret
from relgraph.view import show
from relgraph.errors import BadArticle, MissingParameter, Neo4jUnavailable, RelgraphError, UnknownQuery, UnknownState
from relgraph.settings import Settings

__all__ = [
    "connect",
    "load",
    "query_df",
    "run_query",
    "ask",
    "interpret",
    "show",
    "Settings",
    "RelgraphError",
    "BadArticle",
    "CannotMap",
    "MissingParameter",
    "Neo4jUnavailable",
    "UnknownQuery",
    "UnknownState",
]
