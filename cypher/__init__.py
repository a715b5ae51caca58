"""The stored questions: one ``.cypher`` file a question, loaded by name.

Each file starts with ``//`` lines: a description, then ``// param NAME: ... (example: ...)``
lines for every parameter, then ``// returns: ...``. The body uses ``$parameters`` only, so the
same file runs in Neo4j Browser after ``:param name => value``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from relgraph.errors import UnknownQuery

_PARAM_DOC = re.compile(r"^//\s*param\s+(\w+)\s*(\??)\s*:\s*(.*?)\s*(?:\(example:\s*(.*?)\))?\s*$")
_PARAM_USE = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class StoredQuery:
    name: str
    description: str
    params: dict[str, dict]  # name -> {"doc", "example", "optional"}
    returns: str
    text: str

    @property
    def used_params(self) -> set[str]:
        body = "\n".join(ln for ln in self.text.splitlines() if not ln.lstrip().startswith("//"))
        body = re.sub(r"'[^']*'|\"[^\"]*\"", "''", body)
        return set(_PARAM_USE.findall(body))


def parse(name: str, text: str) -> StoredQuery:
    desc, params, returns = [], {}, ""
    for line in text.splitlines():
        if not line.startswith("//"):
            break
        m = _PARAM_DOC.match(line)
        if m:
            params[m.group(1)] = {"doc": m.group(3), "example": m.group(4), "optional": bool(m.group(2))}
        elif line[2:].strip().lower().startswith("returns:"):
            returns = line[2:].strip()[8:].strip()
        elif line[2:].strip():
            desc.append(line[2:].strip())
    return StoredQuery(name, " ".join(desc), params, returns, text)


def _dir():
    return resources.files(__package__)


def names() -> list[str]:
    return sorted(p.name[:-7] for p in _dir().iterdir() if p.name.endswith(".cypher"))


def get(name: str) -> StoredQuery:
    f = _dir() / f"{name}.cypher"
    if not re.fullmatch(r"[a-z0-9_]+", name) or not f.is_file():
        raise UnknownQuery(f"no stored question {name!r}; `relgraph queries` lists them")
    return parse(name, f.read_text(encoding="utf-8"))


def from_file(path: str) -> StoredQuery:
    p = Path(path)
    try:
        return parse(p.stem, p.read_text(encoding="utf-8"))
    except OSError as e:
        raise UnknownQuery(f"{path}: cannot be read ({e.strerror or e})") from None
