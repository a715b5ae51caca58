"""Dependency parses of the sentences events can be in: Universal Dependencies trees from an
offline parser, with every token's character offsets into the article text.

- en, fr, de, es: Stanford CoreNLP (tokenize, ssplit, pos, depparse) as a long-running local
  server that relgraph fetches from Maven Central and manages like the local Neo4j
  (``relgraph parser start``); see ``server.py``.
- ru: natasha / slovnet, in process (models inside the wheel).
- lemmas for every language: simplemma (CoreNLP gives none for fr, de, es).

``parse(lang, text, spans)`` is the one entry point: ``spans`` are (start, end) offsets of the
sentences to parse in ``text``; the result is one ``Parse`` per span, in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Tok:
    """One token of a parse. ``i`` is 1-based in its sentence; ``head`` 0 is the root."""

    i: int
    form: str
    lemma: str  # lower-cased lemma (simplemma)
    upos: str  # UD part of speech (NOUN, VERB, PROPN, ADP ...)
    head: int
    deprel: str  # UD relation, subtypes kept only for :pass, :agent, :relcl
    start: int  # offsets into the article text
    end: int
    feats: dict = field(default_factory=dict, compare=False, hash=False)  # UD FEATS where the parser gives them


@dataclass(frozen=True)
class Parse:
    """The parse of one sentence span of the article."""

    start: int
    end: int
    toks: tuple[Tok, ...]

    def tok(self, i: int) -> Tok:
        return self.toks[i - 1]

    @cached_property
    def _children(self) -> dict[int, tuple[Tok, ...]]:
        """Each head's dependents, in text order (built once per parse: the rules ask often)."""
        by: dict[int, list[Tok]] = {}
        for t in self.toks:
            by.setdefault(t.head, []).append(t)
        return {h: tuple(ts) for h, ts in by.items()}

    def children(self, i: int) -> list[Tok]:
        return list(self._children.get(i, ()))

    def subtree(self, i: int) -> list[Tok]:
        """Token ``i`` and everything below it, in text order."""
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(self.tok(j))
            todo.extend(t.i for t in self._children.get(j, ()))
        return sorted(out, key=lambda t: t.i)

    def at(self, offset: int) -> Tok | None:
        """The token covering character ``offset``."""
        for t in self.toks:
            if t.start <= offset < t.end:
                return t
        return None


def parse(lang: str, text: str, spans: list[tuple[int, int]]) -> list[Parse]:
    """Parses of ``text[s:e]`` for each span, in order (empty spans give empty parses)."""
    from relgraph.loaders.nlp import client

    return client.parse(lang, text, spans)
