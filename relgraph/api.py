"""The library behind the CLI and the notebooks: connect, load, ask a stored question.

    >>> import relgraph
    >>> driver = relgraph.connect()                      # NEO4J_* or the local server
    >>> relgraph.load(driver, ["article.txt"]).summary()
    >>> relgraph.query_df(driver, "sectors_discussed", a="Russie", b="North Korea")
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import re

from relgraph.errors import MissingParameter, UnknownName, UnknownState
from relgraph.loaders.resolve import resolve_entity  # noqa: F401  (part of the public API)
from relgraph.settings import Settings

# Parameters that name things are resolved by the loader's own reference data before the query
# runs (never by building Cypher): states by ISO3 code, name or alias in any language; ``who``,
# ``x`` and ``y`` by state, leader or place; sectors and dates are checked.
STATE_PARAMS = {"a", "b", "state", "to"}
ENTITY_PARAMS = {"who", "x", "y"}
DATE_PARAMS = {"since", "until"}


def connect(settings: Settings | None = None, **overrides):
    """A verified ``neo4j.Driver`` for ``settings`` (default: environment, then the local server)."""
    from relgraph.graph.connect import connect as _connect

    return _connect(settings or Settings.from_env(**overrides))


def _db(database: str | None) -> str:
    """The database to use: the one given, else NEO4J_DATABASE (default neo4j), as connect() does."""
    return database or Settings.from_env().database


def load(driver, paths: Iterable[str], database: str | None = None, on_item=None, workers: int = 1,
         batch_size: int = 100, force: bool = False):
    """Read, extract and write articles; returns a ``LoadReport`` (``.summary()``, ``.errors``).

    >>> relgraph.load(driver, ["articles/", "batch.jsonl"], workers=2).summary()
    '12 loaded, 0 replaced, 0 unchanged, 0 failed; 140 nodes and 390 edges created'
    """
    from relgraph.loaders.pipeline import load as _load

    return _load(driver, paths, _db(database), on_item=on_item, workers=workers, batch_size=batch_size,
                 force=force)


def resolve_params(query, given: dict[str, Any]) -> dict[str, Any]:
    """Check parameters against the question's header and resolve state names to ISO3 codes."""
    from relgraph.loaders.resolve import resolve_state

    declared = query.params
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise MissingParameter(f"{query.name} takes no parameter {', '.join(unknown)} "
                               f"(it takes: {', '.join(declared) or 'none'})")
    missing = [p for p, d in declared.items() if p not in given and not d["optional"]]
    if missing:
        ex = " ".join(f"-p {p} {declared[p]['example'] or 'VALUE'}" for p in missing)
        raise MissingParameter(f"{query.name} needs {', '.join(missing)}: e.g. {ex}")
    out = {p: None for p in declared}
    for k, v in given.items():
        if v is None:
            pass
        elif k in STATE_PARAMS:
            iso3 = resolve_state(str(v))
            if iso3 is None:
                raise UnknownState(f"-p {k} {v!r}: no state of that name, code or alias")
            v = iso3
        elif k in ENTITY_PARAMS:
            v = resolve_entity(str(v), k)
        elif k == "sector":
            from relgraph.loaders.refdata import SECTORS

            if v not in SECTORS:
                raise UnknownName(f"-p sector {v!r}: not a sector id; one of {', '.join(SECTORS)}")
        elif k in DATE_PARAMS:
            if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(v)):
                raise MissingParameter(f"-p {k} {v!r}: give an ISO date such as 2023-09-14")
            if k == "until":
                v = str(v) + {4: "-12-31", 7: "-31"}.get(len(str(v)), "")  # until 2023 = to its last day
        out[k] = v
    return out


def run_query(driver, name: str | None = None, *, file: str | None = None, database: str | None = None,
              **params: Any) -> tuple[list[str], list[list[Any]]]:
    """Run a stored question (or an analyst's .cypher file): (columns, rows)."""
    import neo4j

    from relgraph import cypher

    q = cypher.from_file(file) if file else cypher.get(name)
    bound = resolve_params(q, params)
    with driver.session(database=_db(database), default_access_mode=neo4j.READ_ACCESS) as s:
        result = s.run(neo4j.Query(q.text, metadata={"relgraph_query": q.name}), bound)
        cols = list(result.keys())
        rows = [[_plain(r[c]) for c in cols] for r in result]
    return cols, rows


def query_df(driver, name: str | None = None, *, file: str | None = None, database: str | None = None,
             **params: Any):
    """A stored question as a pandas DataFrame, for notebooks.

    >>> query_df(driver, "sectors_discussed", a="RUS", b="PRK")
    """
    import pandas as pd

    cols, rows = run_query(driver, name, file=file, database=database, **params)
    return pd.DataFrame(rows, columns=cols)


def _plain(v: Any) -> Any:
    """Neo4j values as JSON-friendly Python values (nodes and relationships as property dicts)."""
    if hasattr(v, "items") and hasattr(v, "element_id"):
        return dict(v.items())
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if hasattr(v, "iso_format"):
        return v.iso_format()
    return v
