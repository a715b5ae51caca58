"""The one place that makes a Neo4j driver, and the one that hands it to neomodel.

Driver errors that a user can meet (server down, wrong password, unknown database) become
``Neo4jUnavailable`` with one line saying what to do.
"""

from __future__ import annotations

import logging

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable

from relgraph.errors import Neo4jUnavailable
from relgraph.settings import Settings


# The driver logs each retry as a warning; relgraph reports the outcome in one line instead.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
logging.getLogger("neo4j").propagate = False


def connect(settings: Settings, *, verify: bool = True) -> neo4j.Driver:
    """A driver for ``settings``; with ``verify``, one round trip proves the server and the password."""
    if settings.password is None:
        raise Neo4jUnavailable(
            f"no password for {settings.uri}: set NEO4J_PASSWORD, or run `relgraph db start` to use the local server"
        )
    try:
        driver = GraphDatabase.driver(
            settings.uri,
            auth=(settings.user, settings.password),
            connection_timeout=10,
            max_transaction_retry_time=30,
            user_agent="relgraph",
            # "property does not exist yet" on an empty graph is noise
            notifications_min_severity="OFF",
        )
    except (ValueError, DriverError) as e:
        raise Neo4jUnavailable(f"bad Neo4j URI {settings.uri!r}: {e}") from e
    # the driver carries its database: every relgraph call made with it uses this one
    driver.relgraph_database = settings.database  # type: ignore[attr-defined]
    if verify:
        try:
            driver.verify_connectivity()  # one attempt, no retries: a down server fails fast
            driver.execute_query("RETURN 1", database_=settings.database)
        except BaseException as e:
            driver.close()
            raise translate(e, settings) from e
    return driver


def database_of(driver: neo4j.Driver) -> str:
    """The database ``connect`` made ``driver`` for (``neo4j`` for a driver made elsewhere)."""
    return getattr(driver, "relgraph_database", None) or "neo4j"


def server_version(driver: neo4j.Driver) -> tuple[str, str]:
    """(version, edition) of the server, e.g. ("5.26.31", "community")."""
    rec = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition AS e"
    ).records[0]
    return rec["v"], rec["e"]


def translate(e: BaseException, settings: Settings) -> BaseException:
    """The one-line error a user should see for a driver exception (others pass through)."""
    if isinstance(e, AuthError):
        return Neo4jUnavailable(
            f"Neo4j at {settings.uri} refused the credentials of user "
            f"{settings.user!r}: check NEO4J_USER / NEO4J_PASSWORD"
        )
    if isinstance(e, (ServiceUnavailable, OSError)) or (isinstance(e, DriverError) and not isinstance(e, Neo4jError)):
        return Neo4jUnavailable(
            f"Neo4j is not reachable at {settings.uri}: start it with `relgraph db start`, or set NEO4J_URI"
        )
    if isinstance(e, ClientError) and "DatabaseNotFound" in (e.code or ""):
        return Neo4jUnavailable(f"database {settings.database!r} does not exist on {settings.uri}")
    return e


def describe(e: BaseException) -> str:
    """One line for an unexpected error: the server's message for Neo4j errors."""
    if isinstance(e, Neo4jError):
        return f"Neo4j said {e.code}: {(e.message or '').splitlines()[0][:300]}"
    first = (str(e).splitlines() or [""])[0][:300]
    return f"{type(e).__name__}: {first}" if first else type(e).__name__


def bind_neomodel(driver: neo4j.Driver, database: str) -> None:
    """Give neomodel the same driver (it does not own it, so it will not close it)."""
    from neomodel import db, get_config

    get_config().database_name = database
    db.set_connection(driver=driver)
