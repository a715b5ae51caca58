"""Connection settings, read once from the environment.

``Settings`` is frozen: the CLI builds one from ``NEO4J_*`` variables with its options laid on
top, and everything that talks to Neo4j receives it (or the driver made from it). With no
``NEO4J_*`` variables, the local server managed by ``relgraph db`` is used, password included.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path


def relgraph_home() -> Path:
    """Where the local server keeps its jars, data, logs and password (``RELGRAPH_HOME``)."""
    env = os.environ.get("RELGRAPH_HOME")
    if env:
        return Path(env).expanduser().resolve()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base).expanduser().resolve() / "relgraph"


def local_password(home: Path | None = None) -> str | None:
    """The generated password of the local server, or None before its first start."""
    f = (home or relgraph_home()) / "password"
    try:
        return f.read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


@dataclass(frozen=True)
class Settings:
    uri: str = "bolt://127.0.0.1:7687"  # the local server (its port follows RELGRAPH_BOLT_PORT)
    user: str = "neo4j"
    password: str | None = None
    database: str = "neo4j"

    def __repr__(self) -> str:  # never show the password, even in a traceback
        return f"Settings(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: str | None) -> "Settings":
        """Environment first, then the local server's files; non-None ``overrides`` win."""
        env = dict(os.environ if env is None else env)
        local = f"bolt://127.0.0.1:{env['RELGRAPH_BOLT_PORT']}" if env.get("RELGRAPH_BOLT_PORT") else cls.uri
        s = cls(
            uri=env.get("NEO4J_URI") or local,
            user=env.get("NEO4J_USER") or env.get("NEO4J_USERNAME") or cls.user,
            password=env.get("NEO4J_PASSWORD"),
            database=env.get("NEO4J_DATABASE") or cls.database,
        )
        s = replace(s, **{k: v for k, v in overrides.items() if v is not None})
        if s.password is None and s.uri == local:
            # the generated password goes to the local server only, never to another --uri
            s = replace(s, password=local_password())
        return s
