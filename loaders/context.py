"""The shared state of one extraction: the article's tokens, sentences and trigger words, the
mentions found so far, and the small text helpers every stage uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from relgraph.loaders.dates import DateMention
from relgraph.loaders.gazetteer import Match, Token, TokenIndex, fold, lemmatize
from relgraph.records import Article, Evidence

MAX_EVIDENCE = 8
HEADS_OF_STATE = {"president", "king", "queen", "emperor", "emir", "supreme leader"}
_SENT_END = re.compile(r"[.!?…]+[\"»”’)]*\s+|\n+")
_UPPER = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ]")


def is_cap(t: Token) -> bool:
    return bool(_UPPER.match(t.text)) and not t.text.isdigit()


@dataclass
class Sentence:
    start: int
    end: int
    i: int  # first token index (into the body tokens)
    j: int  # one past the last token index
    para: int


@dataclass
class LeaderHit:
    lid: str
    start: int
    end: int
    tok: int
    explicit: bool = True  # named, not an anaphor ("le président russe")


@dataclass
class Ctx:
    article: Article
    lang: str
    text: str
    toks: list[Token]
    sents: list[Sentence]
    lex: dict
    pub: str | None
    state_hits: list[tuple[str, str, Match]] = field(default_factory=list)
    leader_hits: list[LeaderHit] = field(default_factory=list)
    leader_info: dict[str, dict] = field(default_factory=dict)  # id -> name, state, role, aliases
    place_hits: list[tuple[str, Match]] = field(default_factory=list)
    places: dict[str, dict] = field(default_factory=dict)  # id -> name, kind, state, aliases
    # ports and airports named by the city they serve ("le port de Dakar", "Tashkent airport"):
    # facilities of the article, never an event's place (the city is: mentions.city_sites)
    site_hits: list[tuple[str, Match]] = field(default_factory=list)
    # spans of a town named like a foreign city or state ("село Париж", "Lebanon, Ohio"): no place
    # (mentions.namesake_towns), and no unknown place either
    namesakes: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    triggers: dict[str, list[Match]] = field(default_factory=dict)
    index: TokenIndex | None = None
    # the dateline heading a wire story ("MOSCOU, 13 septembre (AFP) -"), set by dates.mark_dateline:
    # its place and date say where and when the story was filed, not where anything happened
    dateline: tuple[int, int] | None = None
    dateline_date: DateMention | None = None
    dateline_agency: tuple[int, int] | None = None  # the text in its brackets or slashes
    sector_hits: list[Match] = field(default_factory=list)  # sector words (clauses.read_sectors)
    # set by clauses.parsed / clauses._topics: the parses of the sentences worth parsing, and the
    # person each sentence is about (for "he" / "il" / "er")
    parses: dict[int, Any] | None = None
    topics: dict[int, str | None] | None = None
    title_hits: list[Any] | None = None  # set by mentions.titles: the titles in the text, once
    someone_else: set[int] = field(default_factory=set)  # sentences whose subject is someone the text does not identify
    stand_ins: frozenset[int] | None = None  # set by clauses._stood_in_for: starts of leaders someone stands in for
    # set by clauses._interview: the person a question-and-answer interview is with, and the spans
    # of its answer lines (where "I" is that person)
    interview: tuple[str | None, tuple[tuple[int, int], ...]] | None = None
    plurals: dict[int, list[str]] = field(default_factory=dict)  # sentence -> who its "the two ministers" are
    met: list[tuple[int, list[str]]] = field(
        default_factory=list
    )  # (sentence, the two people) of each meeting told so far

    def sent_of(self, pos: int) -> int:
        lo, hi = 0, len(self.sents) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sents[mid]
            if pos < s.start:
                hi = mid - 1
            elif pos >= s.end:
                lo = mid + 1
            else:
                return mid
        return max(0, min(lo, len(self.sents) - 1))

    def ev(self, start: int, end: int) -> Evidence:
        return Evidence.at(self.text, start, end)

    def sent_ev(self, k: int) -> Evidence:
        s = self.sents[k]
        return self.ev(s.start, s.end)

    def has(self, key: str, k: int) -> bool:
        s = self.sents[k]
        return any(s.start <= m.start < s.end for m in self.triggers.get(key, ()))

    def has_verb(self, keys: tuple[str, ...], k: int) -> bool:
        """Sentence ``k`` has a lower-case word whose lemma is in one of the events lexicon's
        ``keys`` lists ("se desplaza", "treffe": any form of "desplazar", "treffen"), where the
        trigger lists ``has`` reads spell only some forms."""
        words = {fold(w) for key in keys for w in self.lex.get("events", {}).get(key, ())}
        s = self.sents[k]
        return any(
            t.text[:1].islower() and fold(lemmatize(self.lang, t.text)) in words
            for t in self.toks
            if s.start <= t.start < s.end
        )


# -- sentences -------------------------------------------------------------------------------
def _wrapped(text: str, m: re.Match) -> bool:
    """A single line break inside a sentence: the line before is long and ends mid-sentence."""
    gap = m.group()
    if gap.count("\n") != 1 or gap.strip(" \t\r\n"):
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    line = text[line_start : m.start()].rstrip()
    nxt = text[m.end() : m.end() + 1]
    return len(line) >= 50 and not line.endswith((".", "!", "?", ":", "»", '"', "”")) and nxt.strip() != ""


_REGNAL = re.compile(r"[A-ZÄÖÜ]\w+ [IVX]{1,4}$")


@lru_cache(maxsize=1)
def _de_month() -> re.Pattern[str]:
    """A German month name or its abbreviation as CLDR writes them ("März", "Mär", "Sept"), and the
    Austrian "Jänner": after "12." a day of the month, not the end of a sentence."""
    from babel.dates import get_month_names

    names = {
        n.rstrip(".")
        for ctx in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for n in get_month_names(width, context=ctx, locale="de").values()
    }
    names |= set(get_month_names("wide", locale="de_AT").values())
    return re.compile("(?:" + "|".join(sorted((re.escape(n) for n in names), key=lambda n: (-len(n), n))) + r")\b")


_ABBREVIATED = re.compile(r"(?<!\w)(\w+)\.(?= [^\W\d_][\w'-]* [^\W\d_])")


def abbreviation_dots(text: str, lex: dict) -> frozenset[int]:
    """Where a given name written short ends with its dot before two capitalised words ("Ma.
    Theresa Lazaro"): no sentence ends there, and the parser reads the name whole without it.
    Only where a name can begin: after a lower-case word, a title or a comma ("met Secretary Ma.
    Theresa Lazaro"), not after another name ("Jack Ma. Theresa May spoke")."""
    short = frozenset(lex.get("name_abbreviations", ()))
    if not short:
        return frozenset()
    title_words = {fold(t.split()[-1]) for t in lex.get("titles", {})}
    out = set()
    for m in _ABBREVIATED.finditer(text):
        if m.group(1) not in short or not text[m.end() + 1].isupper():
            continue
        if not text[text.index(" ", m.end() + 1) + 1].isupper():
            continue
        before = re.findall(r"[\w,]+", text[max(0, m.start() - 30) : m.start()])
        prev = before[-1] if before else ""
        if prev and prev[0].isupper() and fold(prev) not in title_words:
            continue
        out.add(m.end() - 1)
    return frozenset(out)


def _opens_a_sentence(text: str, pos: int, lex: dict) -> bool:
    """The word at ``pos`` is an article or a subject pronoun ("Ein", "The", "Il"), which no name
    after an initial begins with."""
    w = re.match(r"\w+", text[pos:])
    if not w or len(w.group()) < 2 or not w.group()[0].isupper():
        return False
    keys = ("definite_articles", "indefinite_articles", "subject_pronouns")
    return fold(w.group()) in {fold(x) for k in keys for x in lex.get(k, ())}


def sentences(
    text: str,
    toks: list[Token],
    body_start: int,
    honorifics: set[str],
    ordinal_dot: bool = False,
    lex: dict | None = None,
) -> list[Sentence]:
    """The article's sentences. ``ordinal_dot``: the language writes ordinals with a dot ("König
    Felipe VI. empfing ...", German), so a regnal number after a name ends no sentence.
    ``lex``: the language's lexicon, for given names written short ("Ma." for María in the
    Philippines), which end no sentence before the rest of the name (``abbreviation_dots``)."""
    spans: list[tuple[int, int, int]] = []
    para = 0
    pos = body_start
    dots = abbreviation_dots(text, lex or {})
    for m in _SENT_END.finditer(text, body_start):
        cut = m.end()
        before = text[max(pos, m.start() - 4) : m.start()]
        word = re.findall(r"\w+$", before)
        if "\n" not in m.group() and word and (word[0] in honorifics or (len(word[0]) == 1 and word[0].isupper())):
            if not (len(word[0]) == 1 and _opens_a_sentence(text, m.end(), lex or {})):
                continue  # "M. Poutine", "U.S. officials" (but "welcomed it on X. The meeting ...")
        if m.start() in dots:
            continue  # "Secretary Ma. Theresa Lazaro": a given name cut short
        if "\n" not in m.group() and text[m.end() : m.end() + 1].islower():
            continue  # "Marcos Jr. will travel", "etc. and": no sentence starts in lower case
        if ordinal_dot and "\n" not in m.group() and _REGNAL.search(text[max(pos, m.start() - 40) : m.start()]):
            continue  # "König Felipe VI. getroffen"
        if (
            ordinal_dot
            and "\n" not in m.group()
            and re.search(r"(?<!\d)\d{1,2}$", text[max(pos, m.start() - 3) : m.start()])
        ):
            if _de_month().match(text, m.end()):
                continue  # "am 12. März in Hamburg": a day of the month
        if _wrapped(text, m):
            continue  # a hard-wrapped line: the sentence goes on below
        if text[pos : m.start()].strip():
            spans.append((pos, m.start() + len(m.group().rstrip()), para))
        if m.group().count("\n") >= 1 and not _wrapped(text, m):
            para += 1
        pos = cut
    if text[pos:].strip():
        spans.append((pos, len(text.rstrip()), para))
    out = []
    ti = 0
    for s, e, p in spans:
        while ti < len(toks) and toks[ti].start < s:
            ti += 1
        tj = ti
        while tj < len(toks) and toks[tj].start < e:
            tj += 1
        out.append(Sentence(s, e, ti, tj, p))
        ti = tj
    return out


def is_headline(ctx: Ctx, pos: int) -> bool:
    """Is ``pos`` on a line written in Title Case (a headline, where capitals say nothing)?"""
    ls = ctx.text.rfind("\n", 0, pos) + 1
    le = ctx.text.find("\n", pos)
    line = ctx.text[ls : le if le >= 0 else len(ctx.text)].strip()
    if line.endswith((".", "!", "?", "»", '"')):
        return False  # a sentence, however many names it holds
    words = [w for w in re.findall(r"\w+", line) if len(w) > 3]
    return len(words) >= 3 and sum(1 for w in words if w[0].isupper()) / len(words) >= 0.6


def sentence_initial(ctx: Ctx, t: Token) -> bool:
    k = ctx.sent_of(t.start)
    return ctx.sents[k].start == t.start


def stopwords(ctx: Ctx) -> set[str]:
    words = set()
    for key in ("connectors", "locative", "honorifics"):
        words |= {fold(w) for w in ctx.lex.get(key, [])}
    return words | {"le", "la", "les", "l", "the", "el", "los", "las", "der", "die", "das", "un", "une", "a"}


# Where anyascii spells a letter of the Latin-1, Latin Extended-A or basic Cyrillic blocks other
# than relgraph always has (ids such as ``rg:iurii-ushakov`` are made from these spellings and
# stored in graphs already loaded), the old spelling wins: Й → I, Я → Ia, Ю → Iu, Ё → Io ...
# tests/unit/test_translit.py holds both blocks, letter for letter.
_KEEP = str.maketrans(
    {
        0xC6: "AE",
        0xD7: "x",
        0x138: "k",
        0x14A: "NG",
        0x152: "OE",
        0x400: "Ie",
        0x401: "Io",
        0x403: "Gj",
        0x407: "Yi",
        0x40B: "Tsh",
        0x40C: "Kj",
        0x419: "I",
        0x42E: "Iu",
        0x42F: "Ia",
        0x439: "i",
        0x44E: "iu",
        0x44F: "ia",
        0x450: "ie",
        0x451: "io",
        0x453: "gj",
        0x457: "yi",
        0x45B: "tsh",
        0x45C: "kj",
    }
)


def ascii_of(s: str) -> str:
    """``s`` in ASCII letters: diacritics dropped, other scripts transliterated (anyascii, ISC)."""
    return anyascii(s.translate(_KEEP))


def latin(s: str) -> str:
    """A canonical Latin spelling for a name written in another script."""
    if all(ord(c) < 0x250 for c in s):
        return " ".join(s.split())
    return " ".join(ascii_of(s).split())


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", ascii_of(s).lower()).strip("-")
