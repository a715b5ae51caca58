"""The errors relgraph raises on purpose.

Every failure a user can cause or meet (a bad file, an unknown question, a server that is down)
is a ``RelgraphError`` subclass; the CLI prints its message as one line and exits non-zero.
"""

from __future__ import annotations


class RelgraphError(Exception):
    """Base class: a condition the user can act on, described in one line."""

    exit_code = 1


class BadArticle(RelgraphError):
    """An input file or line that cannot be read as an article."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = path, reason, line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self):
        # an extraction worker process sends it back pickled: rebuilt from its own arguments (the
        # default would call BadArticle(message) and fail, and the pool would wait forever)
        return (type(self), (self.path, self.reason, self.line))


class UnknownQuery(RelgraphError):
    """A stored question that does not exist."""


class MissingParameter(RelgraphError):
    """A query parameter that is declared but not given, or given but not declared."""


class UnknownName(RelgraphError):
    """A parameter naming a state, leader, place or sector that relgraph does not know."""


class UnknownState(UnknownName):
    """A state parameter that no reference data resolves."""


class Neo4jUnavailable(RelgraphError):
    """The server cannot be reached, or refuses the credentials."""

    exit_code = 3


class IncompatibleGraph(RelgraphError):
    """The graph was written in a schema version this relgraph does not write."""

    exit_code = 4


class IndexFailed(RelgraphError):
    """An index did not come online (failed to populate, or not within the time given)."""


class BusyGraph(RelgraphError):
    """A write kept meeting other writers' locks until its retries ran out."""


class TooBigForServer(RelgraphError):
    """The server ran out of transaction memory writing an article (or a batch of them)."""


class ServerCannotWrite(RelgraphError):
    """The database refuses every write: its disk is full, or it stopped after a critical error."""

    exit_code = 5


class ServerError(RelgraphError):
    """The local server cannot be installed, started or stopped."""


class ParserError(RelgraphError):
    """The dependency parser (the local CoreNLP server, or natasha) cannot be installed, started or reached."""
