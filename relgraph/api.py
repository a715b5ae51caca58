"""The library behind the CLI and the notebooks: connect, load, ask a stored question, export.

    >>> import relgraph
    >>> driver = relgraph.connect()                      # NEO4J_* or the local server
    >>> relgraph.load(driver, ["article.txt"]).summary()
    >>> relgraph.query_df(driver, "sectors_discussed", a="Russie", b="North Korea")

The driver carries its database (the one ``connect`` was given), so no call here reads the
environment again. Importing this module loads neither wing: the reference data load on first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relgraph.errors import MissingParameter, UnknownName, UnknownState
from relgraph.settings import Settings

if TYPE_CHECKING:
    import neo4j
    import pandas

    from relgraph.cypher import StoredQuery
    from relgraph.pipeline import LoadReport

# Parameters that name things are resolved by the loader's own reference data before the query
# runs (never by building Cypher): states by ISO3 code, name or alias in any language; ``who``,
# ``x`` and ``y`` by state, leader or place; sectors and dates are checked.
STATE_PARAMS = {"a", "b", "state", "to"}
ENTITY_PARAMS = {"who", "x", "y"}
DATE_PARAMS = {"since", "until"}
# how many rows a question returns at most (newest first; its header gives the default)
LIMIT_PARAMS = {"limit"}


def connect(settings: Settings | None = None, **overrides: str | None) -> neo4j.Driver:
    """A verified ``neo4j.Driver`` for ``settings`` (default: environment, then the local server,
    with ``uri``, ``user``, ``password`` or ``database`` given here on top)."""
    from relgraph.graph.connect import connect as _connect

    return _connect(settings or Settings.from_env(None, **overrides))


def _db(driver: neo4j.Driver, database: str | None) -> str:
    """The database to use: the one given, else the driver's own."""
    from relgraph.graph.connect import database_of

    return database or database_of(driver)


def load(
    driver: neo4j.Driver,
    paths: Iterable[str],
    database: str | None = None,
    on_item: Callable[[str, str], None] | None = None,
    workers: int = 1,
    batch_size: int = 100,
    force: bool = False,
    nice: int = 0,
) -> LoadReport:
    """Read, extract, resolve and write articles; returns a ``LoadReport`` (``.summary()``, ``.errors``).
    With ``nice`` > 0 the extraction runs in worker processes that many steps lower in CPU
    priority (``relgraph load`` uses 10), so questions asked during the load go first.

    >>> relgraph.load(driver, ["articles/", "batch.jsonl"], workers=2).summary()
    '12 loaded, 0 replaced, 0 unchanged, 0 failed; 140 nodes and 390 edges created'
    """
    from relgraph.pipeline import load as _load

    return _load(
        driver,
        paths,
        _db(driver, database),
        on_item=on_item,
        workers=workers,
        batch_size=batch_size,
        force=force,
        nice=nice,
    )


def resolve_entity(value: str, param: str = "x") -> str:
    """The graph key of a state, a leader or a place, from any of its names (see loaders/resolve.py)."""
    from relgraph.loaders.resolve import resolve_entity as _resolve_entity

    return _resolve_entity(value, param)


def resolve_state(value: str, flag: str) -> str:
    """The ISO3 code of a state given by code, name or alias; ``flag`` names the option in the error."""
    from relgraph.loaders.resolve import resolve_state as _resolve_state

    iso3 = _resolve_state(str(value))
    if iso3 is None:
        raise UnknownState(f"{flag} {value!r}: no state of that name, code or alias")
    return iso3


def resolve_params(query: StoredQuery, given: dict[str, Any]) -> dict[str, Any]:
    """Check parameters against the question's header and resolve names to the graph's keys."""
    declared = query.params
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise MissingParameter(
            f"{query.name} takes no parameter {', '.join(unknown)} (it takes: {', '.join(declared) or 'none'})"
        )
    missing = [p for p, d in declared.items() if p not in given and not d["optional"]]
    if missing:
        ex = " ".join(f"-p {p} {declared[p]['example'] or 'VALUE'}" for p in missing)
        raise MissingParameter(f"{query.name} needs {', '.join(missing)}: e.g. {ex}")
    out: dict[str, Any] = {p: None for p in declared}
    for k, v in given.items():
        if v is None:
            pass
        elif k in STATE_PARAMS:
            v = resolve_state(v, f"-p {k}")
        elif k in ENTITY_PARAMS:
            v = resolve_entity(str(v), k)
        elif k == "sector":
            from relgraph.loaders.refdata import SECTORS

            if v not in SECTORS:
                raise UnknownName(f"-p sector {v!r}: not a sector id; one of {', '.join(SECTORS)}")
        elif k in LIMIT_PARAMS:
            try:
                v = int(str(v))
            except ValueError:
                v = 0
            if v < 1:
                raise MissingParameter(f"-p {k} {given[k]!r}: give a whole number of rows, 1 or more")
        elif k in DATE_PARAMS:
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(v)):
                raise MissingParameter(f"-p {k} {v!r}: give an ISO date such as 2023-09-14")
            if k == "until":
                v = str(v) + {4: "-12-31", 7: "-31"}.get(len(str(v)), "")  # until 2023 = to its last day
        out[k] = v
    return out


@dataclass(frozen=True)
class BoundQuery:
    """A question with its parameters checked and resolved: ready to run, on any driver."""

    query: StoredQuery
    params: dict[str, Any]


def bind_query(name: str | None = None, *, file: str | None = None, **params: Any) -> BoundQuery:
    """The stored question ``name`` (or the .cypher ``file``) with ``params`` resolved, once.

    Raises ``UnknownQuery``, ``MissingParameter``, ``UnknownState`` or ``UnknownName`` before any
    connection is made.
    """
    from relgraph import cypher

    if file:
        q = cypher.from_file(file)
    elif name:
        q = cypher.get(name)
    else:
        raise MissingParameter("give a question name (`relgraph queries` lists them) or a .cypher file")
    return BoundQuery(q, resolve_params(q, params))


def run_query(
    driver: neo4j.Driver,
    name: str | BoundQuery | None = None,
    *,
    file: str | None = None,
    database: str | None = None,
    **params: Any,
) -> tuple[list[str], list[list[Any]]]:
    """Run a stored question (or an analyst's .cypher file): (columns, rows).

    ``name`` may be a ``BoundQuery`` already (from ``bind_query``): its parameters are not resolved again.
    """
    from relgraph.graph import query

    bound = name if isinstance(name, BoundQuery) else bind_query(name, file=file, **params)
    return query.run(driver, bound.query.text, bound.params, bound.query.name, _db(driver, database))


def query_df(
    driver: neo4j.Driver,
    name: str | None = None,
    *,
    file: str | None = None,
    database: str | None = None,
    **params: Any,
) -> pandas.DataFrame:
    """A stored question as a pandas DataFrame, for notebooks.

    >>> query_df(driver, "sectors_discussed", a="RUS", b="PRK")
    """
    import pandas as pd

    cols, rows = run_query(driver, name, file=file, database=database, **params)
    return pd.DataFrame(rows, columns=cols)


def stats(driver: neo4j.Driver, database: str | None = None) -> dict[str, Any]:
    """Node counts by label and edge counts by type."""
    from relgraph.graph.write import stats as _stats

    return _stats(driver, _db(driver, database))


def export(
    driver: neo4j.Driver,
    fmt: str,
    output: str | None = None,
    pair: tuple[str, str] | None = None,
    database: str | None = None,
    warn: Callable[[str], None] | None = None,
) -> str:
    """Export the graph, or the subgraph of a ``pair`` of states (codes, names or aliases), as
    ``graphml``, ``json``, ``csv`` or ``plover`` (events, one JSON a line); returns the path written,
    or the text when ``output`` is None. ``warn`` hears about facts the format cannot hold."""
    from relgraph.graph.export import export as _export

    codes = (resolve_state(pair[0], "--pair"), resolve_state(pair[1], "--pair")) if pair else None
    return _export(driver, fmt, output, codes, _db(driver, database), warn=warn)
