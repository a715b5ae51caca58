"""Plain questions onto stored questions: "Quels secteurs la Russie et la Corée du Nord ont-ils
abordés ?" becomes ``sectors_discussed`` with ``a=RUS, b=PRK``, deterministically and offline.

How a question is read (each step shows in ``Interpretation.explain()``):

1. its language (lingua, restricted to relgraph's five; the other four are tried when the
   detected one maps nothing);
2. the things it names, found with the loader's own reference data: leaders, states (names,
   acronyms, adjectives, capitals), places, sectors, dates (CLDR month names, years);
3. the cues of each stored question, from ``relgraph/data/ask/<lang>.json``: every stored
   question declares there, per language, the words that ask it (``cues``, worth 2) and words
   that lean towards it (``hints``, worth 1);
4. slot filling: the named things go to the question's parameters in the order they are
   written (a state slot takes a state, or a leader's state; ``who`` a leader or a state;
   ``x``/``y`` anything; ``sector`` a sector; ``since``/``until`` the dates). A question whose
   required parameters stay empty, or that leaves a named thing unused, does not fit.

The fitting question with the most cue weight wins (then the fewest leader-to-state
conversions); a tie, no cue, no fit, or a "why" question is refused with the closest stored
questions, never guessed. No Cypher is generated: the stored file runs with its parameters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from relgraph.errors import RelgraphError

CUE, HINT = 2, 1
# the type of each parameter name used by the stored questions (relgraph.api resolves the same names)
SLOT_TYPES = {
    "a": "state",
    "b": "state",
    "state": "state",
    "to": "state",
    "who": "actor",
    "x": "any",
    "y": "any",
    "sector": "sector",
    "since": "date",
    "until": "date",
}


class CannotMap(RelgraphError):
    """A plain question that maps onto no stored question (or onto several equally well)."""

    exit_code = 2


@dataclass(frozen=True)
class Thing:
    """Something the question names: a leader, state, place, sector or date."""

    kind: str  # leader | state | place | sector | date
    value: str  # the graph key (QID, ISO3, place id, sector id) or an ISO date prefix
    text: str  # as written
    start: int
    state: str | None = None  # a leader's state
    role: str = ""  # dates: since | until | in


@dataclass
class Candidate:
    name: str
    cues: list[str]
    score: int
    params: dict[str, Any] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # param -> text it came from
    cost: int = 0
    problem: str | None = None  # why it does not fit; None when it does

    def summary(self) -> str:
        from relgraph import cypher

        q = cypher.get(self.name)
        need = ", ".join((f"[{p}]" if d["optional"] else p) for p, d in q.params.items())
        why = f": {self.problem}" if self.problem else ""
        return f"{self.name} ({need}){why}"


@dataclass(frozen=True)
class Interpretation:
    """The stored question a plain question maps onto, with its parameters and why."""

    text: str
    lang: str
    name: str
    params: dict[str, Any]
    sources: dict[str, str]
    cues: tuple[str, ...]

    def command(self) -> str:
        import shlex

        ps = " ".join(f"-p {k} {shlex.quote(str(v))}" for k, v in self.params.items() if v is not None)
        return f"relgraph query {self.name} {ps}".rstrip()

    def explain(self) -> str:
        """One line: the stored question, its parameters (with the words they came from), the cues."""
        ps = ", ".join(
            f"{k}={v}" + (f" ({self.sources[k]})" if self.sources.get(k, str(v)) != str(v) else "")
            for k, v in self.params.items()
            if v is not None
        )
        return f"{self.name}({ps})  [{self.lang}; cues: {', '.join(self.cues)}]  = {self.command()}"


# -- the lexicons ------------------------------------------------------------------------------
def _ask_dir():
    return resources.files("relgraph") / "data" / "ask"


@lru_cache(maxsize=None)
def lexicon(lang: str) -> dict:
    return json.loads((_ask_dir() / f"{lang}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-5] for p in _ask_dir().iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=None)
def _cue_gazetteers(lang: str):
    from relgraph.loaders.gazetteer import Gazetteer

    out = {}
    for name, spec in lexicon(lang)["questions"].items():
        g = Gazetteer()
        for form in spec.get("cues", []):
            g.add(form, (form, CUE))
        for form in spec.get("hints", []):
            g.add(form, (form, HINT))
        out[name] = g
    return out


@lru_cache(maxsize=None)
def _words(lang: str, key: str):
    from relgraph.loaders.gazetteer import Gazetteer

    g = Gazetteer()
    for form in lexicon(lang).get(key, []):
        g.add(form, form)
    return g


# -- what the question names -------------------------------------------------------------------
def find_things(text: str, lang: str) -> list[Thing]:
    """Leaders, states, places, sectors and dates named in ``text``, in the order written.

    Overlapping names: the longest wins, then leader > state > place (so "Moscow" in a question
    is Russia; the evidence question turns a state back into its capital only if asked by id).
    """
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import TokenIndex, fold, tokenize

    toks = tokenize(text)
    index = TokenIndex(toks)
    leaders = rd.leaders()
    found: list[tuple[int, int, int, Thing]] = []  # (start, -length, priority, thing)
    for gaz in (rd.leader_gazetteer(), rd.leader_short_gazetteer()):
        for m in gaz.find(text, index):
            info = leaders[m.value]
            found.append((m.start, -(m.end - m.start), 0, Thing("leader", m.value, m.form, m.start, info.state)))
    locative = {fold(w) for w in rd.lexicon(lang).get("locative", [])}
    places = rd.place_gazetteer()
    for m in rd.state_gazetteer(lang).find(text, index):
        iso3, kind = m.value
        if kind == "prefix":
            continue
        if kind in ("capital", "metonym") and m.i > 0 and toks[m.i - 1].fold in locative:
            # "in Beijing" is where, not who: a place (only the evidence question takes one)
            hit = places.find(m.form)
            value = hit[0].value if hit and hit[0].form == m.form else m.form
            found.append((m.start, -(m.end - m.start), 1, Thing("place", value, m.form, m.start)))
            continue
        found.append((m.start, -(m.end - m.start), 1, Thing("state", iso3, m.form, m.start)))
    for m in rd.place_gazetteer().find(text, index):
        if any(t.text[:1].isupper() for t in toks[m.i : m.j]):
            found.append((m.start, -(m.end - m.start), 2, Thing("place", m.value, m.form, m.start)))
    found.sort(key=lambda f: (f[1], f[2], f[0]))
    taken: list[tuple[int, int]] = []
    things: list[Thing] = []
    for start, neg, _, t in found:
        end = start - neg
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        things.append(t)
    for m in rd.sector_gazetteer(lang).find(text, index):
        if not any(m.start < e and s < m.end for s, e in taken):
            things.append(Thing("sector", m.value, m.form, m.start))
    things += _dates(text, toks, lang, taken)
    things.sort(key=lambda t: t.start)
    return things


def _dates(text: str, toks, lang: str, taken: list[tuple[int, int]]) -> list[Thing]:
    """Years and months ("in 2024", "since September 2023"), each with the role its preposition gives."""
    from relgraph.loaders.dates import find_dates

    spans = []
    for d in find_dates(text, toks, lang, None):
        if d.precision in ("month", "year") or (d.precision == "day" and not d.value.startswith("--")):
            spans.append((d.start, d.end, d.value[:10]))
    for m in re.finditer(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", text):
        if not any(s <= m.start() < e for s, e, _ in spans):
            spans.append((m.start(), m.end(), m.group(1)))
    since, until = _words(lang, "since"), _words(lang, "until")
    out = []
    for s, e, value in sorted(spans):
        if any(s < te and ts < e for ts, te in taken):
            continue
        before = text[max(0, s - 30) : s]
        role = "in"
        for g, r in ((since, "since"), (until, "until")):
            hits = g.find(before)
            if hits and not before[hits[-1].end :].strip(" ,.'’").split()[1:]:
                role = r  # the preposition right before the date (an article between is fine)
        out.append(Thing("date", value, text[s:e], s, role=role))
    return out


# -- matching ------------------------------------------------------------------------------------
def _cues(text: str, lang: str, things: list[Thing]) -> dict[str, list[tuple[str, int]]]:
    named = [(t.start, t.start + len(t.text)) for t in things if t.kind not in ("sector",)]
    out = {}
    for name, g in _cue_gazetteers(lang).items():
        hits: dict[str, int] = {}
        for m in g.find(text):
            if any(m.start < e and s < m.end for s, e in named):
                continue
            form, weight = m.value
            hits[m.form.lower()] = max(hits.get(m.form.lower(), 0), weight)
        out[name] = sorted(hits.items(), key=lambda kv: -kv[1])
    return out


def _fill(name: str, things: list[Thing]) -> Candidate:
    """Give the named things to the question's parameters in the order written."""
    from relgraph import cypher

    q = cypher.get(name)
    cand = Candidate(name, [], 0)
    entities = _dedupe([t for t in things if t.kind in ("leader", "state", "place")])
    sectors = _dedupe([t for t in things if t.kind == "sector"])
    dates = [t for t in things if t.kind == "date"]
    order = [p for p, d in q.params.items() if not d["optional"]] + [p for p, d in q.params.items() if d["optional"]]
    for p in order:
        kind = SLOT_TYPES.get(p)
        if kind == "sector":
            if sectors:
                t = sectors.pop(0)
                cand.params[p], cand.sources[p] = t.value, t.text
        elif kind in ("state", "actor", "any"):
            for i, t in enumerate(entities):
                v = _as(kind, t)
                if v is None:
                    continue
                if kind == "state" and v in cand.params.values():
                    continue  # a pair is two states
                cand.params[p], cand.sources[p] = v, t.text
                cand.cost += kind == "state" and t.kind == "leader"
                entities.pop(i)
                break
        if p not in cand.params and not q.params[p]["optional"]:
            want = {
                "state": "a state",
                "actor": "a leader or a state",
                "any": "a state, leader or place",
                "sector": "a sector",
            }.get(kind or "", p)
            cand.problem = f"needs {want} for {p}"
            return cand
    if dates:
        takes = [p for p in ("since", "until") if p in q.params]
        if not takes:
            cand.problem = f"takes no date ({dates[0].text})"
            return cand
        problem = _fill_dates(cand, dates, takes)
        if problem:
            cand.problem = problem
            return cand
    left = entities + sectors if any(SLOT_TYPES.get(p) == "sector" for p in q.params) else entities
    if left:
        cand.problem = f"leaves {', '.join(t.text for t in left)} unused"
    return cand


def _fill_dates(cand: Candidate, dates: list[Thing], takes: Sequence[str]) -> str | None:
    if len(dates) == 2 and dates[0].role != "until" and dates[1].role != "since":
        pairs = [("since", dates[0]), ("until", dates[1])]  # "between 2022 and 2024", "from ... to ..."
    elif len(dates) == 1:
        d = dates[0]
        pairs = [("since", d), ("until", d)] if d.role == "in" else [(d.role, d)]
    else:
        return f"names {len(dates)} dates"
    for p, d in pairs:
        if p not in takes:
            return f"takes no {p} date"
        cand.params[p], cand.sources[p] = d.value, d.text
    return None


def _as(kind: str, t: Thing) -> str | None:
    if kind == "any":
        return t.value
    if kind == "actor":
        return t.value if t.kind in ("leader", "state") else None
    if t.kind == "state":
        return t.value
    if t.kind == "leader":
        return t.state  # "Putin and Kim" as a pair of states: RUS and PRK
    return None


def _dedupe(things: list[Thing]) -> list[Thing]:
    seen, out = set(), []
    for t in things:
        if (t.kind, t.value) not in seen:
            seen.add((t.kind, t.value))
            out.append(t)
    return out


def unknown_names(text: str, lang: str, things: list[Thing]) -> list[str]:
    """Capitalised words inside the question that name nothing relgraph knows ("Atlantis"): a
    question about them cannot be answered by dropping them. German capitalises every noun, so
    there only the things found count."""
    from relgraph.loaders.gazetteer import tokenize
    from relgraph.loaders.refdata import word_gazetteer

    if lang == "de":
        return []
    known = [(t.start, t.start + len(t.text)) for t in things]
    for g in [
        *_cue_gazetteers(lang).values(),
        _words(lang, "since"),
        _words(lang, "until"),
        _words(lang, "unanswerable"),
        _words(lang, "ignore"),
        word_gazetteer(lang, "titles"),
    ]:
        known += [(m.start, m.end) for m in g.find(text)]
    out = []
    for k, t in enumerate(tokenize(text)):
        if k == 0 or not t.text[:1].isupper() or t.text.isdigit():
            continue
        if text[max(0, t.start - 2) : t.start].strip() in ("?", "!", ".", "¿", "¡"):
            continue  # a new sentence
        if not any(s <= t.start < e for s, e in known):
            out.append(t.text)
    return out


def candidates(text: str, lang: str) -> tuple[list[Candidate], list[Thing], list[str]]:
    """Every stored question with its cue score and its slot filling, best first."""
    from relgraph import cypher

    things = find_things(text, lang)
    cues = _cues(text, lang, things)
    stop = [m.form for m in _words(lang, "unanswerable").find(text)]
    stop += [f"who or what {w!r} is" for w in unknown_names(text, lang, things)]
    out = []
    for name in cypher.names():
        if name not in lexicon(lang)["questions"]:
            continue
        c = _fill(name, things)
        c.cues = [f for f, _ in cues.get(name, [])]
        c.score = sum(w for _, w in cues.get(name, []))
        if c.problem is None and not any(w == CUE for _, w in cues.get(name, [])):
            c.problem = "no word asks it" if c.score == 0 else "only hints at it"
        out.append(c)
    out.sort(key=lambda c: (c.problem is not None, -c.score, c.cost, c.name))
    return out, things, stop


def interpret(text: str, lang: str | None = None) -> Interpretation:
    """The stored question and parameters for a plain question; ``CannotMap`` when there is none.

    >>> interpret("Which sectors did Russia and North Korea discuss?").command()
    'relgraph query sectors_discussed -p a RUS -p b PRK'
    """
    text = " ".join(text.split())
    if not text:
        raise CannotMap("I cannot map that to a stored question: the question is empty")
    langs = [lang] if lang else _languages_for(text)
    first = None
    for lg in langs:
        cands, things, stop = candidates(text, lg)
        if first is None:
            first = (lg, cands, stop)
        if stop:
            break  # "why" or an unknown name: no other reading of the question answers it
        fits = [c for c in cands if c.problem is None]
        if not fits:
            continue
        best = fits[0]
        ties = [c for c in fits[1:] if (c.score, c.cost) == (best.score, best.cost)]
        if ties:
            names = ", ".join(c.name for c in [best, *ties])
            raise CannotMap(
                f"I cannot map that to a stored question: it fits {names} equally well; "
                f"the closest are {'; '.join(c.summary() for c in [best, *ties])}"
            )
        return Interpretation(text, lg, best.name, best.params, best.sources, tuple(best.cues))
    assert first is not None  # at least one language was tried
    lg, cands, stop = first
    if stop:
        if stop[0].startswith("who or what"):
            reason = f"relgraph does not know {stop[0]}"
        else:
            reason = f"stored questions report what articles say, they do not answer {stop[0]!r}"
        raise CannotMap(f"I cannot map that to a stored question: {reason}; the closest are {_closest(cands)}")
    raise CannotMap(f"I cannot map that to a stored question; the closest are {_closest(cands)}")


def _closest(cands: list[Candidate]) -> str:
    asked = [c for c in cands if c.score > 0]
    asked.sort(key=lambda c: (-c.score, c.problem is not None, c.name))
    pick = (asked or [c for c in cands if c.problem in ("no word asks it", "only hints at it")] or cands)[:3]
    return "; ".join(c.summary() for c in pick) + " (`relgraph queries` lists them all)"


def _languages_for(text: str) -> list[str]:
    """The detected language first, then the others (a short question can look like another)."""
    from relgraph.errors import BadArticle
    from relgraph.loaders.lang import detect

    langs = list(languages())
    try:
        first = detect(text, "question")
    except BadArticle:
        return langs
    return [first] + [x for x in langs if x != first] if first in langs else langs


def ask(driver, text: str, *, lang: str | None = None, database: str | None = None, echo=print):
    """Map a plain question onto a stored question, say which one ran with which parameters
    (through ``echo``; None to stay quiet), and return its answer as a pandas DataFrame.
    The interpretation rides on ``df.attrs["question"]`` and ``df.attrs["params"]``.

    >>> relgraph.ask(driver, "Какие секторы обсуждали Россия и КНДР?")
    """
    from relgraph.api import query_df

    it = interpret(text, lang)
    if echo:
        echo(it.explain())
    df = query_df(driver, it.name, database=database, **{k: v for k, v in it.params.items() if v is not None})
    df.attrs.update(question=it.name, params=dict(it.params), lang=it.lang)
    return df
