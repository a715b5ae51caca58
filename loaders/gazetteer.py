"""Token-level phrase matching: finds the longest listed forms in a text, in one pass.

Every lexicon of relgraph (states, leaders, places, sources, sector words, titles, triggers) is a
``Gazetteer``: forms are folded (case, accents, apostrophes, hyphen vs space) and stored in a
dict keyed by their first token, so a lookup costs a few dict probes per token whatever the size
of the lexicon. A form ending in ``*`` is a stem (its last token matches any word that starts
with it: ``Путин*`` finds Путина, Путиным); acronyms can be matched case-sensitively.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

WORD_RE = re.compile(r"\w+")
_APOS = "'’‘ʼ`´"
_DASHES = "-‐‑‒–—"


@lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Case- and accent-insensitive form of one token (Cyrillic stays Cyrillic: "й" is a letter of
    its own, not an accented "и" - "наций" is no "нации")."""
    s = unicodedata.normalize("NFKD", s.casefold().replace("й", "\x00"))
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\x00", "й")


@lru_cache(maxsize=200_000)
def lemmatize(lang: str, word: str) -> str:
    """A word's lemma (simplemma), lower-cased. Swiss German writes "ss" for "ß" ("begrüsst",
    "Gruss"): a word the lemmatizer does not know is looked up again with "ß"."""
    import simplemma

    lemma = simplemma.lemmatize(word, lang=lang).lower()
    if lang == "de" and lemma == word.lower() and "ss" in lemma:
        again = simplemma.lemmatize(word.replace("ss", "ß"), lang=lang).lower()
        if again.replace("ß", "ss") != lemma:  # (not only the old spelling back: "Schloss", "schloß")
            return again
    return lemma


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    fold: str
    sep: str  # the separator class before this token: " " (blank or hyphen), "'", ".", or "|" (other)


@lru_cache(maxsize=4096)
def _sep_class(gap: str) -> str:
    if gap == "":
        return ""
    g = gap.replace("\u00a0", " ").replace("\t", " ").replace("\r", "")
    if g.count("\n") == 1 and not g.strip(" \n"):
        return " "  # one line break between two words: a hard-wrapped name ("Kim Jong\nUn")
    if len(g) > 3 or "\n" in g:
        return "|"
    if all(c == " " or c in _DASHES for c in g) and len(g) <= 2:
        return " "
    if len(g) == 1 and g in _APOS:
        return "'"
    if g.strip(" ") in _APOS and len(g.strip(" ")) == 1:
        return "'"
    if g in (".", ". "):
        return "."
    return "|"


def _tokenize_marked(form: str) -> list[Token]:
    """Tokens of a lexicon form with their offsets in the form itself (``*`` marks stems)."""
    return [Token(m.start(), m.end(), m.group(), "", "") for m in WORD_RE.finditer(form)]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out: list[Token] = []
    prev = start
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        out.append(Token(m.start(), m.end(), m.group(), fold(m.group()), _sep_class(text[prev : m.start()])))
        prev = m.end()
    return out


@dataclass(frozen=True, slots=True)
class Entry:
    folds: tuple[str, ...]
    seps: tuple[str, ...]  # separator class before tokens 1..n-1
    exact: tuple[str, ...] | None  # original tokens when case-sensitive
    stems: tuple[bool, ...]  # which tokens are stems ("сельск* хозяйств*")
    value: Any

    @property
    def stem(self) -> bool:
        return any(self.stems)


@dataclass(frozen=True, slots=True)
class Match:
    i: int  # first token index
    j: int  # one past the last token index
    start: int  # character offsets
    end: int
    value: Any
    form: str  # the text as written


class Gazetteer:
    def __init__(self) -> None:
        self._by_first: dict[str, list[Entry]] = {}
        self._stems_by_prefix: dict[str, list[Entry]] = {}
        self._parts: list[tuple[str, Any]] = []  # "*verteidigung*": inside one word
        self._heads: list[tuple[str, Any]] = []  # "*minister": at the end of one word

    def __len__(self) -> int:
        return (
            sum(len(v) for v in self._by_first.values())
            + sum(len(v) for v in self._stems_by_prefix.values())
            + len(self._parts)
            + len(self._heads)
        )

    def add(self, form: str, value: Any, *, case_sensitive: bool = False) -> None:
        """Add a form; a word ending in ``*`` is a stem (any ending matches), in any position. A
        single word between two stars ("*verteidigung*") is a part of a compound: it matches
        any word that holds it ("Luftverteidigungssysteme"), when no whole form matches there. A
        word after one star ("*minister") is the head of a compound: it matches any word that
        ends with it ("Bundesinnenminister"), when no whole form matches there."""
        form = form.strip()
        if form.startswith("*") and len(form) > 2:
            part = fold(form.strip("*"))
            if len(tokenize(part)) != 1 or len(part) < 5:
                raise ValueError(f"a compound part is one word of five letters or more: {form!r}")
            (self._parts if form.endswith("*") else self._heads).append((part, value))
            return
        toks = tokenize(form.replace("*", ""))
        if not toks:
            return
        stems = tuple(form[t.end : t.end + 1] == "*" for t in _tokenize_marked(form))
        entry = Entry(
            folds=tuple(t.fold for t in toks),
            seps=tuple(t.sep if t.sep != "|" else "." for t in toks[1:]),
            exact=tuple(t.text for t in toks) if case_sensitive else None,
            stems=stems,
            value=value,
        )
        if stems[0]:
            self._stems_by_prefix.setdefault(entry.folds[0][:3], []).append(entry)
        else:
            self._by_first.setdefault(entry.folds[0], []).append(entry)

    def _rest(self, e: Entry, toks: list[Token], i: int) -> bool:
        """Do tokens i+1.. match the rest of entry ``e`` (separators, stems, case)?"""
        n = len(e.folds)
        if i + n > len(toks):
            return False
        for k in range(1, n):
            tk = toks[i + k]
            want = e.seps[k - 1]
            if tk.sep != want and not (want == " " and tk.sep == "'") and not (want == "'" and tk.sep == " "):
                return False
            if not (tk.fold.startswith(e.folds[k]) if e.stems[k] else tk.fold == e.folds[k]):
                return False
        return e.exact is None or all(toks[i + k].text == e.exact[k] for k in range(n))

    def _matches_at(self, toks: list[Token], i: int):
        t = toks[i]
        for e in self._by_first.get(t.fold, ()):
            if self._rest(e, toks, i):
                yield len(e.folds), e
        for e in self._stems_by_prefix.get(t.fold[:3], ()):
            if t.fold.startswith(e.folds[0]) and self._rest(e, toks, i):
                yield len(e.folds), e

    def find(self, text: str, toks: "list[Token] | TokenIndex | None" = None) -> list[Match]:
        """Longest non-overlapping matches, left to right.

        Given a ``TokenIndex`` (built once per text), only the positions whose word can start a
        form are visited: a lexicon costs a few dict probes per distinct word of the text.
        """
        if isinstance(toks, TokenIndex):
            index, toks = toks, toks.toks
        else:
            toks = tokenize(text) if toks is None else toks
            index = None
        out: list[Match] = []
        by_first, stems = self._by_first, self._stems_by_prefix
        if index is not None:
            starts = [p for f, ps in index.by_fold.items() if f in by_first for p in ps]
            starts += [p for f, ps in index.by_prefix.items() if f in stems for p in ps]
            starts = sorted(set(starts))
        else:
            starts = [i for i, t in enumerate(toks) if t.fold in by_first or t.fold[:3] in stems]
        i = 0
        for start in starts:
            if start < i:
                continue  # inside the previous match
            i = start
            best = None
            for n, e in self._matches_at(toks, i):
                if best is None or n > best[0] or (n == best[0] and _more_specific(e, best[1])):
                    best = (n, e)
            if best is None:
                continue
            n, e = best
            s, t_end = toks[i].start, toks[i + n - 1].end
            out.append(Match(i, i + n, s, t_end, e.value, text[s:t_end]))
            i += n
        if self._parts or self._heads:
            out = self._with_parts(text, toks, out, index)
        return out

    def _with_parts(self, text: str, toks: list[Token], out: list[Match], index: "TokenIndex | None") -> list[Match]:
        """Add the words that hold a compound part (or end with a compound's head) and are inside
        no other match; the longest part or head decides."""
        taken = {k for m in out for k in range(m.i, m.j)}
        words = index.by_fold.items() if index is not None else _positions(toks).items()
        extra: list[Match] = []
        for f, ps in words:
            held = [(len(part), v) for part, v in self._parts if part in f]
            held += [(len(head), v) for head, v in self._heads if f.endswith(head)]
            if not held:
                continue
            hit = max(held, key=lambda x: x[0])[1]  # the longest part: "*verteidigungsminister*"
            for k in ps:
                if k not in taken:
                    extra.append(Match(k, k + 1, toks[k].start, toks[k].end, hit, text[toks[k].start : toks[k].end]))
        return sorted(out + extra, key=lambda m: m.i) if extra else out


def _more_specific(e: Entry, other: Entry) -> bool:
    """Of two forms matching the same words: a whole word over a stem, then the longer stem
    ("газет*", a newspaper, over "газ*", gas)."""
    if e.stem != other.stem:
        return not e.stem
    return sum(map(len, e.folds)) > sum(map(len, other.folds))


def _positions(toks: list[Token]) -> dict[str, list[int]]:
    by: dict[str, list[int]] = {}
    for i, t in enumerate(toks):
        by.setdefault(t.fold, []).append(i)
    return by


class TokenIndex:
    """The tokens of one text with their positions by word and by three-letter prefix."""

    __slots__ = ("toks", "by_fold", "by_prefix")

    def __init__(self, toks: list[Token]):
        self.toks = toks
        self.by_fold: dict[str, list[int]] = {}
        self.by_prefix: dict[str, list[int]] = {}
        for i, t in enumerate(toks):
            self.by_fold.setdefault(t.fold, []).append(i)
            self.by_prefix.setdefault(t.fold[:3], []).append(i)
