"""Dates in article text, resolved against the publication date.

Month and weekday names come from CLDR through Babel (format and stand-alone forms, so Russian
genitives such as "сентября" are known), relative words from the language lexicon. A day and
month without a year take the year that puts them nearest the publication date; with no
publication date they are written ``--MM-DD``. Each date carries its precision.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from relgraph.loaders.gazetteer import Gazetteer, Token, TokenIndex, fold
from relgraph.loaders.refdata import lexicon


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str            # YYYY-MM-DD, --MM-DD, YYYY-MM or YYYY
    precision: str        # day | month | year
    year_explicit: bool
    ahead: str | None = None   # for a bare weekday: the next such day, when the text speaks of the future


@lru_cache(maxsize=None)
def _names(lang: str) -> tuple[Gazetteer, Gazetteer]:
    from babel.dates import get_day_names, get_month_names

    months, days = Gazetteer(), Gazetteer()
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for num, name in get_month_names(width, context=ctx, locale=lang).items():
                name = name.rstrip(".")
                if width == "abbreviated" and len(name) < 3:
                    continue
                months.add(name, num)
            for num, name in get_day_names("wide", context=ctx, locale=lang).items():
                days.add(name, num)  # Babel: Monday = 0
    for form, num in (lexicon(lang).get("weekdays") or {}).items():
        days.add(form, num)
    return months, days


@lru_cache(maxsize=None)
def calendar_words(lang: str) -> frozenset[str]:
    """Folded month and weekday names (and seasons) of ``lang``: never a place or a person."""
    from babel.dates import get_day_names, get_month_names

    words = set()
    for ctx in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            words |= {fold(n.rstrip(".")) for n in get_month_names(width, context=ctx, locale=lang).values()}
            words |= {fold(n.rstrip(".")) for n in get_day_names(width, context=ctx, locale=lang).values()}
    words |= {fold(w) for w in lexicon(lang).get("seasons", [])}
    return frozenset(words)


def _year(tok: Token | None) -> int | None:
    if tok and tok.text.isdigit() and len(tok.text) == 4 and 1900 <= int(tok.text) <= 2100:
        return int(tok.text)
    return None


def _day(tok: Token | None) -> int | None:
    if tok and tok.text.isdigit() and len(tok.text) <= 2 and 1 <= int(tok.text) <= 31:
        return int(tok.text)
    if tok and tok.text[:-2].isdigit() and tok.fold[-2:] in ("er", "st", "nd", "rd", "th") and 1 <= int(tok.text[:-2]) <= 31:
        return int(tok.text[:-2])
    if tok and tok.text[:-1].isdigit() and tok.fold[-1:] in ("e", "º") and 1 <= int(tok.text[:-1]) <= 31:
        return int(tok.text[:-1])
    return None


def _nearest_year(month: int, day: int, pub: dt.date) -> int | None:
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - pub).days) < abs((best - pub).days):
            best = d
    return best.year if best else None


def find_dates(text: str, toks: "list[Token] | TokenIndex", lang: str, published: str | None) -> list[DateMention]:
    months, days = _names(lang)
    index = toks
    if isinstance(toks, TokenIndex):
        toks = toks.toks
    pub = dt.date.fromisoformat(published) if published else None
    out: list[DateMention] = []
    taken: set[int] = set()
    for m in months.find(text, index):
        i, j, month = m.i, m.j, m.value
        # "13 septembre", "13. September", "13 сентября", "13 de septiembre"
        day_tok = None
        k = i - 1
        if k >= 0 and toks[k].fold == "de" and lang == "es":
            k -= 1
        if k >= 0 and _day(toks[k]) is not None and toks[k + 1].sep in (" ", ".", "'") and "\n" not in text[toks[k].end:toks[k + 1].start]:
            day_tok = toks[k]
        start_i = k if day_tok else i
        # "September 13", "September 13, 2023"
        if day_tok is None and j < len(toks) and _day(toks[j]) is not None and toks[j].sep == " ":
            day_tok = toks[j]
            j += 1
        y = j
        if y < len(toks) and toks[y].fold == "de" and lang in ("es", "fr"):
            y += 1
        year = _year(toks[y]) if y < len(toks) and toks[y].sep in (" ", ".", "|") and len(text[toks[y - 1].end:toks[y].start]) <= 2 else None
        if year:
            j = y + 1
        end = toks[j - 1].end
        start = toks[start_i].start
        if day_tok is not None:
            day = _day(day_tok)
            if year:
                value, explicit = _iso(year, month, day), True
            elif pub:
                yy = _nearest_year(month, day, pub)
                value, explicit = (_iso(yy, month, day) if yy else None), False
            else:
                value, explicit = f"--{month:02d}-{day:02d}", False
            if value:
                out.append(DateMention(start, end, value, "day", explicit))
        elif year:
            out.append(DateMention(start, end, f"{year}-{month:02d}", "month", True))
        taken.update(range(start_i, j))
    if pub:
        for m in days.find(text, index):
            if m.i in taken:
                continue
            # the weekday on or before the publication date ("Wednesday" in a Thursday article)
            back = (pub.weekday() - m.value) % 7
            d = pub - dt.timedelta(days=back)
            ahead = pub + dt.timedelta(days=(m.value - pub.weekday()) % 7)  # "on Tuesday" in a Tuesday paper: today
            out.append(DateMention(m.start, m.end, d.isoformat(), "day", False, ahead.isoformat()))
        rel = lexicon(lang).get("relative_days") or {}
        if rel:
            g = _relative(lang)
            for m in g.find(text, index):
                d = pub + dt.timedelta(days=m.value)
                out.append(DateMention(m.start, m.end, d.isoformat(), "day", False))
    out.sort(key=lambda d: d.start)
    return out


@lru_cache(maxsize=None)
def _relative(lang: str) -> Gazetteer:
    g = Gazetteer()
    for form, delta in (lexicon(lang).get("relative_days") or {}).items():
        g.add(form, int(delta))
    return g


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


