"""Dates in article text, resolved against the publication date.

Month and weekday names come from CLDR through Babel (format and stand-alone forms, so Russian
genitives such as "сентября" are known), relative words from the language lexicon. A day and
month without a year take the year that puts them nearest the publication date; with no
publication date they are written ``--MM-DD``. Each date carries its precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from relgraph.loaders.gazetteer import Gazetteer, Token, TokenIndex, fold, tokenize
from relgraph.loaders.refdata import every_language, lexicon


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD, --MM-DD, YYYY-MM or YYYY
    precision: str  # day | month | year
    year_explicit: bool
    ahead: str | None = None  # for a bare weekday: the next such day, when the text speaks of the future
    ago: bool = False  # counted back from the publication ("two years ago", "il y a un an")


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
    for form, num in (lexicon(lang).get("month_forms") or {}).items():
        months.add(form, num)  # "Sept", Russian prepositional "в декабре"
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
    if (
        tok
        and tok.text[:-2].isdigit()
        and tok.fold[-2:] in ("er", "st", "nd", "rd", "th")
        and 1 <= int(tok.text[:-2]) <= 31
    ):
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
        if (
            k >= 0
            and _day(toks[k]) is not None
            and toks[k + 1].sep in (" ", ".", "'")
            and "\n" not in text[toks[k].end : toks[k + 1].start]
        ):
            day_tok = toks[k]
        start_i = k if day_tok else i
        # "September 13", "September 13, 2023"
        if (
            day_tok is None
            and j < len(toks)
            and _day(toks[j]) is not None
            and (
                toks[j].sep == " " or (text[toks[j - 1].end : toks[j].start] == ". " and len(toks[j - 1].text) <= 4)
            )  # "Nov. 3": an abbreviated month's full stop
        ):
            day_tok = toks[j]
            j += 1
        y = j
        if y < len(toks) and toks[y].fold == "de" and lang in ("es", "fr"):
            y += 1
        year = (
            _year(toks[y])
            if y < len(toks) and toks[y].sep in (" ", ".", "|") and len(text[toks[y - 1].end : toks[y].start]) <= 2
            else None
        )
        if year:
            j = y + 1
        end = toks[j - 1].end
        start = toks[start_i].start
        if day_tok is not None:
            day = _day(day_tok)
            wd = _weekday_before(text, toks, start_i, days, lang)
            if year:
                value, explicit = _iso(year, month, day), True
            elif pub and wd is not None and _year_of_weekday(month, day, wd[1], pub):
                # "am Dienstag, 15. Dezember", "mardi 15 décembre": the year in which that day is
                # that weekday says which year the text means, as a written year would
                value, explicit = _iso(_year_of_weekday(month, day, wd[1], pub), month, day), True
                start_i, start = wd[0], toks[wd[0]].start
            elif pub:
                yy = _nearest_year(month, day, pub)
                value, explicit = (_iso(yy, month, day) if yy else None), False
            else:
                value, explicit = f"--{month:02d}-{day:02d}", False
            if value:
                out.append(DateMention(start, end, value, "day", explicit))
        elif year:
            out.append(DateMention(start, end, f"{year}-{month:02d}", "month", True))
        else:
            continue  # a month alone: below, when a word says it is a time
        taken.update(range(start_i, j))
    out += month_year_mentions(text, toks, lang, pub, taken)
    if pub:
        out += ago_mentions(text, toks, lang, pub, taken)
    if pub:
        for m in days.find(text, index):
            if m.i in taken:
                continue
            if _in_a_name(text, m.start, lang):
                continue  # "Santo Domingo", "San Lunes": a name holding a weekday, not a day
            numbered = _weekday_numbered(text, m.end, m.value, pub)
            if numbered is not None:
                # "Tuesday the 24th", "el miércoles 14", "mercredi 14", "am Mittwoch, dem 14.": the
                # day of the month nearest the publication that falls on that weekday
                out.append(DateMention(m.start, numbered[1], numbered[0].isoformat(), "day", False))
                continue
            # the weekday on or before the publication date ("Wednesday" in a Thursday article)
            back = (pub.weekday() - m.value) % 7
            d = pub - dt.timedelta(days=back)
            ahead = pub + dt.timedelta(days=(m.value - pub.weekday()) % 7)  # "on Tuesday" in a Tuesday paper: today
            out.append(DateMention(m.start, m.end, d.isoformat(), "day", False, ahead.isoformat()))
        rel = lexicon(lang).get("relative_days") or {}
        if rel:
            g = _relative(lang)
            before = set(lexicon(lang).get("day_part_before") or ())
            preps = set(lexicon(lang).get("relative_day_preps") or ())
            for m in g.find(text, index):
                prev = re.findall(r"\w+", text[max(0, m.start - 20) : m.start])
                if prev and fold(prev[-1]) in before:
                    continue  # "por la mañana", "am Morgen": a part of the day, not tomorrow
                if fold(m.form) in preps and _before_a_noun(lang, text[m.end : m.end + 40]):
                    continue  # "накануне визита": on the eve of an event, not the day before the report
                d = pub + dt.timedelta(days=m.value)
                out.append(DateMention(m.start, m.end, d.isoformat(), "day", False))
        for m in _relative(lang, "relative_months").find(text, index):
            # "next month", "le mois dernier", "el mes que viene", "im kommenden Monat": a month
            # counted from the publication's
            n = pub.year * 12 + pub.month - 1 + m.value
            out.append(DateMention(m.start, m.end, f"{n // 12}-{n % 12 + 1:02d}", "month", False))
        for m in _relative(lang, "relative_years").find(text, index):
            # "last year", "l'an dernier", "el año pasado", "im vergangenen Jahr", "в прошлом году":
            # the year counted from the publication's (not when a month before it took the words:
            # "in December last year")
            if m.i in taken or any(
                (d.start < m.end and m.start < d.end)
                or (d.end <= m.start and text[d.end : m.start].strip() in ("", "de"))
                for d in out
            ):
                continue
            after = fold(text[m.end : m.end + 12]).lstrip()
            before = fold(text[max(0, m.start - 12) : m.start]).rstrip().split()[-1:]
            if after.startswith(
                ("'s", "’s", "of ", "seiner", "seines", "ihrer", "ihres", "des ", "der ")
            ) or before in (["the"], ["de"], ["du"], ["über"]):
                # "last year's summit", "the last year of his term", "im letzten Jahr seiner
                # Amtszeit", "hôte du sommet de l'an dernier": a year named for something else
                continue
            out.append(DateMention(m.start, m.end, str(pub.year + m.value), "year", False))
        for m in _seasons(lang).find(text, index):
            # "last spring", "l'été dernier", "el próximo invierno", "im vergangenen Herbst",
            # "прошлой весной": the year of that season counted from the publication's
            out.append(DateMention(m.start, m.end, str(_season_year(pub, *m.value)), "year", False))
    out.sort(key=lambda d: d.start)
    return _same_year(text, index, lang, out)


# after a weekday: an optional article, a day of the month (an ordinal ending, a German dot, a
# Russian case ending), and no time of day or other number after it
_DAY_AFTER = re.compile(
    r"(?P<art>,?\s+(?:the|den|dem|le|el|der)\b)?(?P<comma>,)?\s+(\d{1,2})(?P<suf>st|nd|rd|th|\.|-?го|-?е)?"
    r"(?![\d:.,]?\d)(?!\s*(?:h\b|[ap]\.?m\b|Uhr|час))",
    re.IGNORECASE,
)


def _weekday_numbered(text: str, end: int, weekday: int, pub: dt.date) -> tuple[dt.date, int] | None:
    """(date, end offset) of a weekday followed by a day of the month and no month ("Tuesday the
    24th"): of the month before, of and after the publication's, the date nearest it with that day
    and that weekday, when there is one."""
    m = _DAY_AFTER.match(text, end)
    if not m or (m.group("comma") and not (m.group("art") or m.group("suf"))):
        return None  # (not "On Monday, 12 people ...": a count after the day)
    day = int(m.group(3))
    best = None
    for shift in (-1, 0, 1):
        n = pub.year * 12 + pub.month - 1 + shift
        try:
            d = dt.date(n // 12, n % 12 + 1, day)
        except ValueError:
            continue
        if d.weekday() == weekday and (best is None or abs((d - pub).days) < abs((best - pub).days)):
            best = d
    return (best, m.end()) if best is not None else None


def _same_year(text: str, index, lang: str, out: list[DateMention]) -> list[DateMention]:
    """ "in October of the same year", "en octobre de la même année", "в октябре того же года":
    the year the text named last, not the one counted from the publication; alone ("the same
    year"), that year itself. Nothing when no year was named before."""
    for m in _words(lang, "same_year_words").find(text, index):
        named = [d for d in out if d.end <= m.start and d.year_explicit and d.value[:4].isdigit()]
        if not named or any(d.start < m.end and m.start < d.end for d in out):
            continue
        year = named[-1].value[:4]
        before = [d for d in out if d.end <= m.start and not text[d.end : m.start].strip(" ,")]
        if before and not before[-1].year_explicit and before[-1].precision in ("day", "month"):
            d = before[-1]
            value = year + d.value[4:] if d.value[:1] != "-" else year + d.value[1:]
            out[out.index(d)] = replace(d, end=m.end, value=value, year_explicit=True, ahead=None)
        else:
            out.append(DateMention(m.start, m.end, year, "year", True))
    out.sort(key=lambda d: d.start)
    return out


@lru_cache(maxsize=None)
def _lower_weekdays(lang: str) -> bool:
    """Does ``lang`` write its weekdays in lower case (es, fr, ru: "domingo", "lundi")?"""
    from babel.dates import get_day_names

    try:
        return get_day_names("wide", locale=lang)[6].islower()
    except Exception:  # noqa: BLE001 - a locale Babel lacks: no rule
        return False


def _in_a_name(text: str, start: int, lang: str) -> bool:
    """A capitalised weekday right after a capitalised word, in a language that writes weekdays in
    lower case: the end of a name ("Santo Domingo"), not a day."""
    if not _lower_weekdays(lang) or not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 30) : start]
    m = re.search(r"(\w+)[ \u00a0]$", before)
    return bool(m and m.group(1)[:1].isupper())


def _weekday_before(text: str, toks: list[Token], i: int, days: Gazetteer, lang: str) -> tuple[int, int] | None:
    """(token index, weekday) of a weekday name right before token ``i`` ("Tuesday, December 15",
    "el martes 15 de diciembre", "во вторник, 15 декабря"), only spaces or a comma between, or
    an article ("am Donnerstag, dem 12. November", "jeudi, le 12 novembre")."""
    k = i - 1
    if k < 0 or text[toks[k].end : toks[i].start].strip(" ,") != "":
        return None
    articles = {fold(w) for w in lexicon(lang).get("definite_articles", ())}
    if toks[k].fold in articles and k > 0 and text[toks[k - 1].end : toks[k].start].strip(" ,") == "":
        k -= 1
    hit = days.find(toks[k].text)
    return (k, hit[0].value) if hit else None


def _year_of_weekday(month: int, day: int, weekday: int, pub: dt.date) -> int | None:
    """Of the year before, of and after ``pub``, the nearest in which month/day is that weekday."""
    found = []
    for yy in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(yy, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            found.append((abs((d - pub).days), yy))
    return min(found)[1] if found else None


def _before_a_noun(lang: str, after: str) -> bool:
    """The next word is the object of a preposition (a noun or adjective in the genitive), not a
    verb or a subject: "накануне визита" (on the eve of the visit), not "накануне провел"."""
    words = re.findall(r"\w+", after)
    if not words or lang != "ru":
        return False
    from relgraph.loaders.mentions import ru_genitive_noun

    return ru_genitive_noun(words[0])


@lru_cache(maxsize=None)
def _relative(lang: str, key: str = "relative_days") -> Gazetteer:
    """The lexicon's words for a day or month counted from the publication, with their offset."""
    g = Gazetteer()
    for form, delta in (lexicon(lang).get(key) or {}).items():
        g.add(form, int(delta))
    return g


@lru_cache(maxsize=None)
def _seasons(lang: str) -> Gazetteer:
    """The lexicon's seasons counted from the publication: (first month, -1 last / 0 this / 1 next)."""
    g = Gazetteer()
    for form, (month, way) in (lexicon(lang).get("relative_seasons") or {}).items():
        g.add(form, (int(month), int(way)))
    return g


def _season_year(pub: dt.date, month: int, way: int) -> int:
    """The year a season begins in: the last one over before the publication's month, the next
    one not yet begun, or the one under way (this winter in January began the year before)."""
    now = pub.year * 12 + pub.month - 1
    if way < 0:
        y = pub.year
        while y * 12 + month - 1 + 2 >= now:
            y -= 1
        return y
    if way > 0:
        y = pub.year - 1
        while y * 12 + month - 1 <= now:
            y += 1
        return y
    return pub.year - 1 if month == 12 and pub.month < 3 else pub.year


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


# -- bare months and years ---------------------------------------------------------------------
@lru_cache(maxsize=None)
def _wide_months(lang: str) -> tuple[Gazetteer, bool]:
    """Full month names only ("mar" is the sea in Spanish), and whether the language capitalises them."""
    from babel.dates import get_month_names

    g = Gazetteer()
    upper = False
    for ctx in ("format", "stand-alone"):
        for num, name in get_month_names("wide", context=ctx, locale=lang).items():
            g.add(name, num)
            upper = upper or name[:1].isupper()
    for form, num in (lexicon(lang).get("month_forms") or {}).items():
        g.add(form, num)
    return g, upper


def _words(lang: str, key: str) -> Gazetteer:
    from relgraph.loaders.refdata import word_gazetteer

    return word_gazetteer(lang, key)


def _at(g: Gazetteer, text: str, toks: list[Token], i: int, j: int) -> bool:
    """Does a form of ``g`` cover exactly the tokens i..j-1?"""
    if i < 0 or j > len(toks) or i >= j:
        return False
    return any(m.i == 0 and m.j == j - i for m in g.find(text, toks[i:j]))


def _form_before(g: Gazetteer, text: str, toks: list[Token], j: int, width: int = 3) -> int | None:
    """The first token of a form of ``g`` that ends right before token ``j`` on the same line."""
    for w in range(width, 0, -1):
        if j - w >= 0 and _at(g, text, toks, j - w, j) and "\n" not in text[toks[j - w].start : toks[j].start]:
            return j - w
    return None


def _form_after(g: Gazetteer, text: str, toks: list[Token], i: int, width: int = 2) -> int:
    """The token after a form of ``g`` that starts at token ``i`` on the same line, else 0."""
    for w in range(width, 0, -1):
        if (
            0 < i
            and i + w <= len(toks)
            and _at(g, text, toks, i, i + w)
            and "\n" not in text[toks[i - 1].end : toks[i + w - 1].end]
        ):
            return i + w
    return 0


def month_year_mentions(
    text: str, toks: list[Token], lang: str, pub: dt.date | None, taken: set[int]
) -> list[DateMention]:
    """A month named alone ("en mars", "last December", "в декабре прошлого года") and a bare
    year ("in 2019", "в 2019 году"), when a temporal word or a modifier says it is a time.

    A month without a year is the most recent such month not after the publication date (what a
    reader of a past clause means); ``ahead`` holds the next such month, for a future clause.
    "last"/"next" words fix the direction; a year word after them shifts the year ("в декабре
    прошлого года" is December of the year before). Without a publication date a bare month
    cannot be placed and is left out.
    """
    wide, upper = _wide_months(lang)
    intro, past, nxt, yearw = (
        _words(lang, k) for k in ("period_intro", "past_words_weekday", "next_words", "year_words")
    )
    out: list[DateMention] = []
    for m in wide.find(text, toks):
        if any(k in taken for k in range(m.i, m.j)) or pub is None:
            continue
        tok = toks[m.i]
        if tok.text[:1].isupper() != upper and not tok.text.isupper():
            continue  # "may" is a verb, "Mars" a planet
        month = m.value
        b_past = _form_before(past, text, toks, m.i)
        b_next = _form_before(nxt, text, toks, m.i)
        a_past = _form_after(past, text, toks, m.j)
        a_next = _form_after(nxt, text, toks, m.j)
        if (
            b_past is None
            and b_next is None
            and not a_past
            and not a_next
            and _form_before(intro, text, toks, m.i) is None
        ):
            continue
        end_j = max(m.j, a_past, a_next)
        shift = None  # "прошлого года": the year before the publication's
        if (a_past or a_next) and _at(yearw, text, toks, end_j, end_j + 1):
            shift = -1 if a_past else 1
            end_j += 1
        ahead = None
        if shift is not None:
            year = pub.year + shift
        elif b_past is not None or a_past:
            year = pub.year if month < pub.month else pub.year - 1
        elif b_next is not None or a_next:
            year = pub.year if month > pub.month else pub.year + 1
        else:  # not after the publication; ahead: not before it
            year = pub.year if month <= pub.month else pub.year - 1
            ahead = f"{pub.year if month >= pub.month else pub.year + 1}-{month:02d}"
        first = min(x for x in (b_past, b_next, m.i) if x is not None)
        start = toks[first].start
        out.append(DateMention(start, toks[end_j - 1].end, f"{year}-{month:02d}", "month", shift is not None, ahead))
        taken.update(range(m.i, end_j))
    for i, tok in enumerate(toks):
        year = _year(tok)
        if year is None or i in taken or not tok.text.isdigit():
            continue
        nxt_year_word = i + 1 < len(toks) and _at(yearw, text, toks, i + 1, i + 2) and toks[i + 1].sep == " "
        if not (
            _form_before(intro, text, toks, i) is not None
            or nxt_year_word
            or _bare_year(text, toks, i, lang, pub)
            or _year_before_noun(toks, i, lang, pub)
        ):
            continue
        end = toks[i + 1].end if nxt_year_word else tok.end
        out.append(DateMention(tok.start, end, str(year), "year", True))
        taken.add(i)
    return out


def _year_in_text(toks: list[Token], i: int, pub: dt.date | None) -> bool:
    """Token ``i`` is a year from 1945 to the publication's, between two tokens."""
    if pub is None or i == 0 or i + 1 >= len(toks):
        return False
    year = _year(toks[i])
    return year is not None and 1945 <= year <= pub.year


def _year_before_noun(toks: list[Token], i: int, lang: str, pub: dt.date | None) -> bool:
    """English puts a year before the noun of the event it dates: "the 2022 NATO summit", "his 2019
    visit" (lexicon ``year_before_noun``: the determiners before it); a year no later than the
    publication's, between a determiner and a word."""
    before = {fold(w) for w in lexicon(lang).get("year_before_noun", ())}
    if not before or not _year_in_text(toks, i, pub):
        return False
    return (
        toks[i - 1].fold in before and toks[i].sep == " " and toks[i + 1].sep == " " and toks[i + 1].text[:1].isalpha()
    )


def _bare_year(text: str, toks: list[Token], i: int, lang: str, pub: dt.date | None) -> bool:
    """German writes a year with no preposition ("Sie trafen sich 2019 in Baku", "hat ihn 2024 bei
    der COP29 begrüßt"), and French and Spanish a summit's year after "de" ("la cumbre de 2022,
    cuando ..."): a year no later than the publication's, between words, before a preposition, a
    conjunction or a time adverb (lexicon ``bare_year_next``; after a comma too), not before a noun
    ("2000 Soldaten") and not after a number word or a unit."""
    follow = {fold(w) for w in lexicon(lang).get("bare_year_next", ())}
    if not follow or not _year_in_text(toks, i, pub):
        return False
    if toks[i].sep != " " or toks[i - 1].text[:1].isdigit() or not toks[i - 1].text.isalpha():
        return False
    if text[toks[i].end : toks[i + 1].start] == ", ":
        # "la cumbre de la OTAN de 2022, cuando ...": a comma, then the word of time or place
        # (not a list of numbers: "2000, und 3000 weitere")
        return toks[i + 1].fold in follow and toks[i + 1].fold not in _and()
    return toks[i + 1].sep == " " and toks[i + 1].fold in follow


def ago_mentions(text: str, toks: list[Token], lang: str, pub: dt.date, taken: set[int]) -> list[DateMention]:
    """A time counted back from the publication: "two years ago", "il y a un an", "hace tres
    meses", "vor einem Jahr", "год назад" (a bare unit is one of it).

    Years and months give a date of that precision, days the day; weeks give none (a week back
    is no calendar month or day the text fixes), but are still taken, so that nothing else reads
    them. The mention covers the whole phrase, so that a clause parsed around "il y a" or "hace"
    still carries it.
    """
    lx = lexicon(lang)
    units = {fold(f): unit for unit, forms in (lx.get("ago_units") or {}).items() for f in forms}
    before, after = _words(lang, "ago_before"), _words(lang, "ago_after")
    bare = {fold(f) for f in lx.get("ago_bare") or ()}
    out: list[DateMention] = []
    for i, tok in enumerate(toks):
        unit = units.get(tok.fold)
        if unit is None or i in taken:
            continue
        first, n = i, 1.0
        # (the gap between the count and its unit, not the one before the count: "Двадцать лет
        # назад" opening a paragraph counts too)
        if i > 0 and toks[i - 1].text.isdigit() and tok.sep == " ":
            first, n = i - 1, float(toks[i - 1].text)
        elif i > 0 and _number(toks[i - 1], lang) is not None and tok.sep == " ":
            first, n = i - 1, float(_number(toks[i - 1], lang) or 1)
        start = _form_before(before, text, toks, first)
        end_j = _form_after(after, text, toks, i + 1)
        if start is None and not end_j:
            continue
        if first == i and tok.fold not in bare:
            continue  # "a few years ago", "il y a des années": no count ("год назад" is one year)
        if n != int(n) or n < 1:
            continue
        k = int(n)
        value, precision = None, None
        if unit == "year":
            value, precision = str(pub.year - k), "year"
        elif unit == "month":
            total = pub.year * 12 + pub.month - 1 - k
            value, precision = f"{total // 12:04d}-{total % 12 + 1:02d}", "month"
        elif unit == "day":
            value, precision = (pub - dt.timedelta(days=k)).isoformat(), "day"
        lo = start if start is not None else first
        hi = (end_j or i + 1) - 1
        taken.update(range(lo, hi + 1))
        if value and precision:
            out.append(DateMention(toks[lo].start, toks[hi].end, value, precision, precision != "day", ago=True))
    return out


# -- durations ---------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def _and() -> frozenset[str]:
    """ "two and a half", "deux heures et demie", "два с половиной": the words between a number's
    parts, of every language."""
    return every_language("number_and")


_DIGITS = re.compile(r"(\d+(?:[.,]\d+)?)[\s\u00a0-]*$")


@lru_cache(maxsize=None)
def _numbers(lang: str) -> dict[str, float]:
    return {fold(k): float(v) for k, v in (lexicon(lang).get("numbers") or {}).items()}


def _number(tok: Token, lang: str) -> float | None:
    return _numbers(lang).get(tok.fold)


def duration(span: str, lang: str) -> str | None:
    """The first duration written in ``span`` as ISO 8601 ("cinq heures" → "PT5H", "an hour and a
    half" → "PT1H30M", "drei Tage" → "P3D"), from the language's number words and unit words
    (``numbers``, ``hours``, ``minutes``, ``days`` in ``data/lang``); None when there is none."""
    from relgraph.loaders.refdata import word_gazetteer

    toks = tokenize(span)
    units = []
    for key, scale in (("hours", 60), ("minutes", 1), ("days", 1440)):
        for m in word_gazetteer(lang, key).find(span, toks):
            if (
                key == "hours"
                and len(m.form if hasattr(m, "form") else span[m.start : m.end]) == 1
                and not (m.i and toks[m.i - 1].text.isdigit())
            ):
                continue  # French "h" only after a figure
            units.append((m.i, m.j, scale))
    units.sort()
    total = 0.0
    last_j = None
    for i, j, scale in units:
        qty = _quantity(span, toks, i, j, lang)
        if qty is None:
            continue
        if last_j is not None and not all(t.fold in _and() for t in toks[last_j : _first_number(toks, i, lang)]):
            break  # a second, separate duration
        total += qty * scale
        last_j = j
    if not total:
        return None
    minutes = round(total)
    if minutes % 1440 == 0 and minutes >= 1440:
        return f"P{minutes // 1440}D"
    h, mi = divmod(minutes, 60)
    return "PT" + (f"{h}H" if h else "") + (f"{mi}M" if mi else "")


def _first_number(toks: list[Token], i: int, lang: str) -> int:
    k = i
    while k > 0 and (
        _number(toks[k - 1], lang) is not None or toks[k - 1].fold in _and() or toks[k - 1].text.isdigit()
    ):
        k -= 1
    return k


def _quantity(span: str, toks: list[Token], i: int, j: int, lang: str) -> float | None:
    """How many units the number words (or figures) right before unit tokens i..j-1 say."""
    m = _DIGITS.search(span[: toks[i].start].replace(",", "."))
    if m and span[: toks[i].start].rstrip()[-1:].isdigit():
        value = float(m.group(1))
    else:
        words = []
        k = i - 1
        while k >= 0 and len(words) < 5 and (_number(toks[k], lang) is not None or toks[k].fold in _and()):
            words.insert(0, toks[k])
            k -= 1
        while words and words[0].fold in _and():
            words.pop(0)
        values = [_number(t, lang) for t in words if t.fold not in _and()]
        if not values:
            return None
        if values[-1] == 0.5 and len(values) <= 2 and (len(values) == 1 or values[0] == 1):
            value = 0.5  # "une demi-heure", "half an hour" (an), "eine halbe Stunde"
        elif values[0] == 0.5:
            value = 0.5
        else:
            value = values[0]
            if len(values) > 1 and value >= 20 and value % 10 == 0 and 1 <= values[1] < 10:
                value += values[1]  # "twenty five"
            if any(v == 0.5 for v in values[1:]):
                value += 0.5  # "two and a half", "два с половиной"
    # "une heure et demie", "hora y media", "час с половиной"
    after = toks[j : j + 3]
    if value == int(value) and after and after[0].fold in _and() and any(_number(t, lang) == 0.5 for t in after[1:]):
        value += 0.5
    return value


# -- datelines ---------------------------------------------------------------------------------
# "MOSCOU, 13 septembre (AFP) -", "BEIJING, Sept 14 (Reuters) -", "МОСКВА, 14 сентября. /ТАСС/.",
# "BERLÍN, 14 sep (EFE).-", "Santiago de Chile, 6 ago (EFE).-", "Berlin (dpa) -", "Rabat/Berlin
# (dpa) -" (two places a story was filed from): a place (its
# particles in lower case), maybe a date, the agency in brackets or
# slashes, then a dash, a full stop or the end of the line, at the head of a paragraph.
_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*(?:[ /-](?:(?:de|del|da|do|du|la|le|am|an|on|sur)[ -])?[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*){0,3})"
    r"(?:\s*,\s*(?P<date>[\w .]{1,24}?))?\s*\.?\s*"
    r"(?:\((?P<a1>[^()\n]{2,80})\)|/(?P<a2>[^/\n]{2,40})/)"
    r"(?P<tail>\s*\.?\s*(?:-{1,2}|[—–:])|\.?[ \t]*(?=\n|$)|\.(?=\s)|[ \t]+(?=[A-ZÀ-ÖØ-ÞА-ЯЁ]))"
)
# "MALABO, 23 novembre —", "KYIV, Nov. 3 -": no agency, so the place in capitals, a date and a dash
_DATELINE_BARE = re.compile(
    r"(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’.-]*(?:[ /-][A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ'’.-]*){0,3})"
    r"\s*,\s*(?P<date>[\w .]{1,24}?)\s*\.?(?P<tail>\s*(?:-{1,2}|[—–]))\s"
)
DATELINE_LINES = 8  # a dateline opens the story: among its first lines


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place: tuple[int, int]
    agency: tuple[int, int] | None  # the text inside the brackets or slashes (none in a bare dateline)
    date: DateMention | None


def find_dateline(text: str, body_start: int, lang: str | None, published: str | None) -> Dateline | None:
    """The dateline heading the story, if any. ``lang`` None tries every language's month names
    (``read`` has not detected the language yet). A bare day ("RABAT, 14 (…)") is the most recent
    such day not after the publication date."""
    from relgraph.loaders import refdata as rd

    pos = body_start
    seen = 0
    for line in text[body_start:].splitlines(keepends=True):
        if line.strip():
            seen += 1
            for m in (_DATELINE.match(line), _DATELINE_BARE.match(line)):
                dl = _dateline(text, pos, m, lang, published, rd) if m else None
                if dl:
                    return dl
            if seen >= DATELINE_LINES:
                break
        pos += len(line)
    return None


def _acronym(s: str) -> bool:
    """An agency's acronym: two to eight capital letters ("AAP", "CP", "TAP", "ТАСС")."""
    return 2 <= len(s) <= 8 and s.isalpha() and s.isupper()


def _dateline(text, pos, m, lang, published, rd) -> Dateline | None:
    place = m.group("place")
    if "a1" not in m.re.groupindex:
        return _bare_dateline(text, pos, m, lang, published)
    agency_g = "a1" if m.group("a1") is not None else "a2"
    agency = m.group(agency_g)
    known = rd.source_gazetteer().find(agency)
    letters = [c for c in place if c.isalpha()]
    if not known and not (letters and all(c.isupper() for c in letters) and len(letters) >= 3):
        return None  # "Macron (LREM) -": a name and a party, unless an agency is named
    if not known and (len(agency.split()) > 3 or (m.group("date") is None and not _acronym(agency))):
        return None  # ("CANBERRA (AAP) -": an agency's acronym vouches for a dateline without a date)
    if not m.group("tail").strip() and not (
        letters and all(c.isupper() for c in letters) and len(letters) >= 3 and (known or _acronym(agency))
    ):
        return (
            None  # "NEW DELHI, November 18 (PTI) The Sultan ...": with no dash, only a town in capitals and an agency
        )
    date = None
    if m.group("date"):
        s, e = pos + m.start("date"), pos + m.end("date")
        raw = m.group("date").strip(" .")
        pub = dt.date.fromisoformat(published) if published else None
        if raw.isdigit() and 1 <= int(raw) <= 31:
            if pub:
                day = int(raw)
                d = None
                for back in range(0, 62):
                    c = pub - dt.timedelta(days=back)
                    if c.day == day:
                        d = c
                        break
                if d:
                    date = DateMention(s, s + len(m.group("date").rstrip(" .")), d.isoformat(), "day", False)
        else:
            from relgraph.loaders.refdata import languages

            for lg in [lang] if lang else list(languages()):
                ds = find_dates(text, tokenize(text, s, e), lg, published)
                if ds:
                    date = ds[0]
                    if published and not date.year_explicit and date.value[:1] != "-" and date.value > published:
                        # a story is filed before it is published: the year before
                        earlier = _iso(int(date.value[:4]) - 1, int(date.value[5:7]), int(date.value[8:10]))
                        date = DateMention(date.start, date.end, earlier or date.value, date.precision, False)
                    break
        if date is None and not known:
            return None
    return Dateline(
        pos + m.start(),
        pos + m.end(),
        (pos + m.start("place"), pos + m.end("place")),
        (pos + m.start(agency_g), pos + m.end(agency_g)),
        date,
    )


def _bare_dateline(text, pos, m, lang, published) -> Dateline | None:
    """ "MALABO, 23 novembre —": a place in capitals and a date that reads as one, in the
    article's language (no agency to vouch for it)."""
    if not lang or sum(c.isalpha() for c in m.group("place")) < 3:
        return None
    s, e = pos + m.start("date"), pos + m.end("date")
    ds = find_dates(text, tokenize(text, s, e), lang, published)
    if not ds or ds[0].precision != "day":
        return None
    date = ds[0]
    if published and not date.year_explicit and date.value > published:
        earlier = _iso(int(date.value[:4]) - 1, int(date.value[5:7]), int(date.value[8:10]))
        date = DateMention(date.start, date.end, earlier or date.value, date.precision, False)
    return Dateline(pos + m.start(), pos + m.end("tail"), (pos + m.start("place"), pos + m.end("place")), None, date)


def published_from_dateline(text: str, body_start: int, url: str | None = None) -> str | None:
    """A publication date from the story's dateline when the year can be known: written in it, or
    in the page's URL ("/2023/09/14/", "2023-09-14"); else None."""
    dl = find_dateline(text, body_start, None, None)
    if not dl or not dl.date or dl.date.precision != "day":
        return None
    if not dl.date.value.startswith("--"):
        return dl.date.value
    ym = re.search(r"(?<!\d)(19\d\d|20\d\d)(?!\d)", url or "")
    if not ym:
        return None
    return _iso(int(ym.group(1)), int(dl.date.value[2:4]), int(dl.date.value[5:7]))


def mark_dateline(ctx) -> None:
    """Sets ``ctx.dateline`` (start, end) and ``ctx.dateline_date`` for the events and sources
    passes: the place and date of a dateline say where and when the story was filed, not where
    and when anything in it happened."""
    dl = find_dateline(ctx.text, ctx.article.body_start, ctx.lang, ctx.pub)
    if dl:
        ctx.dateline = (dl.start, dl.end)
        ctx.dateline_date = dl.date
        ctx.dateline_agency = dl.agency
