"""Reference data, loaded once from ``loaders/data``: states, leaders, places, sources,
sector and facility lexicons, and one rule lexicon per language (``data/lang/<lang>.json``).

A language is a data change: drop a ``lang/xx.json`` and add ``xx`` rows to the TSV files, and
``languages()`` picks it up; month and weekday names come from CLDR (Babel).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from relgraph.loaders.gazetteer import Gazetteer, fold

SECTORS = (
    "space",
    "defence",
    "aviation",
    "transport",
    "energy",
    "agriculture",
    "trade",
    "finance",
    "humanitarian",
    "health",
    "culture",
    "technology",
    "nuclear",
    "security",
    "diplomacy",
    "tourism",
    "science",
    "migration",
    "environment",
    "maritime",
)


def _data():
    return resources.files("relgraph.loaders") / "data"


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file; ``#`` lines at the top are comments."""
    f = _data() / name
    if not f.is_file():
        return []
    lines = [ln for ln in f.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


def split(cell: str) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    return tuple(sorted(p.name[:-5] for p in (_data() / "lang").iterdir() if p.name.endswith(".json")))


@lru_cache(maxsize=None)
def lexicon(lang: str) -> dict:
    return json.loads((_data() / "lang" / f"{lang}.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def every_language(key: str, events: bool = False, folded: bool = True) -> frozenset[str]:
    """The words under ``key`` (under "events" with ``events``) in every lexicon, folded unless
    ``folded`` is false: a short list of function words distinct enough across the languages
    ("by", "par", "por", "von") that one set serves whatever the article's language."""
    out = set()
    for lang in languages():
        lex = lexicon(lang).get("events", {}) if events else lexicon(lang)
        out |= {fold(w) if folded else w for w in lex.get(key, ())}
    return frozenset(out)


# -- states ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StateInfo:
    iso3: str
    name: str
    wikidata: str | None


@lru_cache(maxsize=None)
def states() -> dict[str, StateInfo]:
    return {r["iso3"]: StateInfo(r["iso3"], r["name"], r.get("wikidata") or None) for r in read_tsv("states.tsv")}


@lru_cache(maxsize=None)
def capitals() -> dict[str, str]:
    """ISO3 -> the place id of the state's capital (loaders/data/capitals.tsv)."""
    return {r["iso3"]: r["city"] for r in read_tsv("capitals.tsv")}


@lru_cache(maxsize=None)
def state_aliases() -> list[dict[str, str]]:
    return read_tsv("state_aliases.tsv")


@lru_cache(maxsize=None)
def state_gazetteer(lang: str) -> Gazetteer:
    """State forms of ``lang`` plus every language's names (articles quote foreign names)."""
    g = Gazetteer()
    known = states()
    for r in state_aliases():
        if r["iso3"] not in known:
            continue
        kind, form = r["kind"], r["form"]
        if r["lang"] != lang and kind not in ("acronym",):
            continue
        if kind == "prefix":
            g.add(form.rstrip("-‐"), (r["iso3"], kind), case_sensitive=False)
            continue
        g.add(form, (r["iso3"], kind), case_sensitive=(kind == "acronym"))
    for iso3, s in known.items():  # the canonical English name works in every language
        if lang != "en":
            g.add(s.name, (iso3, "name"))
    return g


@lru_cache(maxsize=None)
def shared_state_names(lang: str) -> Gazetteer:
    """Short names a state shares with another ("Korea") in ``lang``: the value is the state they
    count for where the article names it otherwise."""
    g = Gazetteer()
    for r in read_tsv("shared_state_names.tsv"):
        if r["lang"] == lang:
            g.add(r["form"], r["state"])
    return g


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Regions of federal states by folded name (regions.tsv): the state each is in."""
    from relgraph.loaders.gazetteer import fold

    return {fold(r["name"]): r["state"] for r in read_tsv("regions.tsv")}


@lru_cache(maxsize=None)
def resolve_state(text: str) -> str | None:
    """An ISO3 code for a code, a name or an alias in any language ("Russie", "North Korea")."""
    t = text.strip()
    if not t:
        return None
    if t.upper() in states() and len(t) == 3:
        return t.upper()
    f = " ".join(fold(w) for w in re.findall(r"\w+", t))
    for r in state_aliases():
        if r["kind"] == "prefix":
            continue
        form = r["form"].rstrip("*")
        if r["kind"] == "acronym":
            if form == t:
                return r["iso3"]
        elif " ".join(fold(w) for w in re.findall(r"\w+", form)) == f:
            return r["iso3"]
    for iso3, s in states().items():
        if fold(s.name) == f.replace(" ", " "):
            return iso3
    return None


# -- leaders ---------------------------------------------------------------------------------
ROLE_RANK = {
    r: i
    for i, r in enumerate(
        (
            "president",
            "king",
            "queen",
            "emperor",
            "emir",
            "supreme leader",
            "chancellor",
            "prime minister",
            "crown prince",
            "vice president",
            "general secretary",
            "chairman",
            "secretary of state",
            "foreign minister",
            "defence minister",
            "interior minister",
            "finance minister",
            "economy minister",
            "energy minister",
            "trade minister",
            "industry minister",
            "security minister",
            "transport minister",
            "agriculture minister",
            "justice minister",
            "development minister",
            "mines minister",
            "investment minister",
        )
    )
}


@dataclass(frozen=True)
class LeaderInfo:
    id: str
    name: str
    state: str
    roles: tuple[tuple[str, str, str], ...]  # (role, start, end)
    aliases: tuple[str, ...]
    short: tuple[str, ...]
    role_states: tuple[str, ...] = ()  # the state of each office in ``roles`` (Donald Tusk: EUU, then POL)

    def _held_on(self, day: str | None) -> list[int]:
        """The offices (indexes into ``roles``) held on ``day``: every one when no day is known."""
        return [
            i
            for i, (_, start, end) in enumerate(self.roles)
            if not day or ((not start or start <= day) and (not end or day <= end))
        ]

    def roles_on(self, day: str | None) -> list[str]:
        """Every office held on ``day`` (Mohammed bin Salman: crown prince and prime minister)."""
        return [self.roles[i][0] for i in self._held_on(day)]

    def _office_on(self, day: str | None) -> int:
        idx = range(len(self.roles))
        if day:
            held = self._held_on(day)
            if held:
                return min(held, key=lambda i: ROLE_RANK.get(self.roles[i][0], 99))
        return sorted(idx, key=lambda i: (self.roles[i][1] or "", -ROLE_RANK.get(self.roles[i][0], 99)))[-1]

    def role_on(self, day: str | None) -> str:
        """The office held on ``day`` (ISO), else the most recent one; the state office first
        when several are held at once (Xi Jinping: president, not general secretary)."""
        return self.roles[self._office_on(day)][0]

    def state_on(self, day: str | None) -> str:
        """The state of the office held on ``day`` (Tusk in 2024: Poland, not the EU)."""
        i = self._office_on(day)
        return self.role_states[i] if i < len(self.role_states) and self.role_states[i] else self.state


@lru_cache(maxsize=None)
def leaders() -> dict[str, LeaderInfo]:
    acc: dict[str, dict] = {}
    for r in read_tsv("leaders.tsv"):
        d = acc.setdefault(
            r["id"],
            {
                "name": r["name"],
                "state": r["state"],
                "roles": [],
                "states": [],
                "aliases": split(r.get("aliases", "")),
                "short": split(r.get("short", "")),
            },
        )
        d["roles"].append((r["role"], r.get("start", ""), r.get("end", "")))
        d["states"].append(r["state"])
    return {
        k: LeaderInfo(
            k, d["name"], d["state"], tuple(d["roles"]), tuple(d["aliases"]), tuple(d["short"]), tuple(d["states"])
        )
        for k, d in acc.items()
    }


_INNER_HYPHEN = re.compile(r"(?<=\w)-(\w)")


def spellings(info: LeaderInfo) -> set[str]:
    """A leader's name and aliases, and each hyphenated one also written in one word, as some
    transliterations do ("Касым-Жомарт Токаев" is also "Касымжомарт Токаев", "Kassym-Jomart"
    "Kassymjomart"): the tokenizer reads a hyphen as a blank, so the spaced form already matches."""
    forms = {info.name, *info.aliases}
    return forms | {_INNER_HYPHEN.sub(lambda m: m.group(1).lower(), f) for f in forms if "-" in f}


@lru_cache(maxsize=None)
def leader_gazetteer() -> Gazetteer:
    g = Gazetteer()
    for lid, info in leaders().items():
        for form in spellings(info):
            g.add(form, lid)
    return g


# Russian case endings a name takes after its stem ("Сирила Рамафосу", "с Путиным")
_RU_ENDINGS = frozenset(
    (
        "",
        "а",
        "я",
        "й",
        "ь",
        "у",
        "ю",
        "ы",
        "и",
        "е",
        "ой",
        "ей",
        "ом",
        "ем",
        "ым",
        "им",
        "ою",
        "ею",
        "ого",
        "ому",
        "ую",
        "ая",
    )
)


@lru_cache(maxsize=1)
def _ru_endings() -> frozenset[str]:
    return frozenset(fold(e) for e in _RU_ENDINGS)


_RU_PARTICLES = frozenset(("да", "де", "дос", "ду", "ди", "ван", "фон", "бен", "бин", "аль", "эль", "ибн"))


@lru_cache(maxsize=1)
def _ru_alias_stems() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """Every Cyrillic alias of a leader as word stems (a final а, я, й or ь dropped), with its id
    and state."""
    out = []
    for lid, info in leaders().items():
        for form in spellings(info):
            if not any("а" <= ch <= "я" for ch in fold(form)):
                continue
            words = form.lower().split()  # the stem before folding: "й" folds to "и"
            out.append(
                (
                    tuple(
                        fold(w[:-1] if (w[-1:] in "аяйь" and len(w) > 3) or (w[-1:] == "ь" and len(w) == 3) else w)
                        for w in words
                    ),
                    lid,
                    info.state,
                )
            )
    return tuple(out)


@lru_cache(maxsize=1)
def _ru_alias_stems_by_initial() -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """``_ru_alias_stems`` by the first letter of their first stem: a declined name's first word
    starts with its alias's first stem, so only the aliases under that letter can fit."""
    by: dict[str, list] = {}
    for entry in _ru_alias_stems():
        by.setdefault(entry[0][0][:1], []).append(entry)
    return {k: tuple(v) for k, v in by.items()}


def ru_declined_leader(words: list[str], state: str | None = None) -> str | None:
    """The one leader whose Russian name ``words`` writes in another case ("Сирила Рамафосу" is
    Сирил Рамафоса, "Луиса Инасиу Лулу да Силву" Луис Инасиу Лула да Силва): each word is an
    alias word's stem and a case ending; of ``state`` when it is given. A name the text cuts at a
    lower-case particle ("Луиса Инасиу Лулу" before "да Силву") is the alias's words before it.
    None when no leader or several fit."""
    folded = [fold(w) for w in words]
    by_initial = _ru_alias_stems_by_initial()
    found = {
        lid
        for stems, lid, st in by_initial.get(folded[0][:1] if folded else "", ()) + by_initial.get("", ())
        if (len(stems) == len(folded) or (len(stems) > len(folded) >= 2 and stems[len(folded)] in _RU_PARTICLES))
        and (state is None or st == state)
        and all(w.startswith(stem) and w[len(stem) :] in _ru_endings() for w, stem in zip(folded, stems))
    }
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _ru_short_stems() -> dict[str, frozenset[str]]:
    """Leaders' one-word Cyrillic short names as stems (a final а, я, й or ь dropped): "Лула" ->
    "лул", so "Лулой", "Лулы", "Луле" are Lula."""
    out: dict[str, set[str]] = {}
    for lid, info in leaders().items():
        for form in info.short:
            w = form.lower()
            if " " in w or not any("а" <= ch <= "я" for ch in fold(w)):
                continue
            out.setdefault(fold(w[:-1] if w[-1:] in "аяйь" and len(w) > 3 else w), set()).add(lid)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _ru_surnames() -> dict[tuple[str, str], frozenset[str]]:
    """(state, a Cyrillic alias's last word, folded) -> leaders: "Лоуренсу" of Angola."""
    out: dict[tuple[str, str], set[str]] = {}
    for lid, info in leaders().items():
        for form in spellings(info):
            words = form.split()
            if len(words) >= 2 and any("а" <= ch <= "я" for ch in fold(words[-1])):
                for st in {info.state, *info.role_states} - {""}:
                    out.setdefault((st, fold(words[-1])), set()).add(lid)
    return {k: frozenset(v) for k, v in out.items()}


def ru_leader_by_surname(surnames: list[str], state: str | None, role: str | None, day: str | None) -> str | None:
    """The one leader of ``state`` holding ``role`` on ``day`` whose Russian surname is one of
    ``surnames`` (the word as written, its nominative): "президентом Анголы Жоаном Лоуренсу", with a
    given name the reference data spells "Жоау", is the title's, the state's and the surname's."""
    if not state or not role:
        return None
    found: set[str] = set()
    for w in surnames:
        found |= _ru_surnames().get((state, fold(w)), frozenset())
    found = {lid for lid in found if role in leaders()[lid].roles_on(day)}
    return found.pop() if len(found) == 1 else None


def leader_by_title_words(words: list[str], state: str | None, role: str | None, day: str | None) -> str | None:
    """The one leader of ``state`` holding ``role`` on ``day`` whose name ``words`` spell otherwise
    than the reference data: the given name begins alike (three letters) and another name word
    shares its first four, or the given name's initial is his and two other words are ("эмира
    Кувейта шейха Мишаля аль-Ахмеда аль-Джабера" is the emir whose data spells "Мишааль аль-Ахмед
    аль-Джабер"; "Мохамедом бин Заидом Аль Нахайяном" the president spelt "Мухаммед бен Заид Аль
    Нахайян"; not "the late emir Nawaf al-Ahmad al-Sabah", whose given name is another). None when
    no leader or several fit."""
    if not state or not role or len(words) < 2:
        return None
    first = fold(words[0])
    rest = {fold(w)[:4] for word in words[1:] for w in re.split(r"[\s\-]+", word) if len(w) >= 4}
    found = set()
    for lid, info in leaders().items():
        if (info.state != state and state not in info.role_states) or role not in info.roles_on(day):
            continue
        for f in (f.split() for f in spellings(info)):
            if len(f) < 2 or fold(f[0])[:1] != first[:1]:
                continue
            own = {fold(x)[:4] for word in f[1:] for x in re.split(r"[\s\-]+", word) if len(x) >= 4}
            shared = len(rest & own)
            if (fold(f[0])[:3] == first[:3] and shared >= 1) or shared >= 2:
                found.add(lid)
                break
    return found.pop() if len(found) == 1 else None


def ru_declined_short(word: str) -> str | None:
    """The one leader whose Cyrillic short name ``word`` declines ("Лулой" for Лула)."""
    w = fold(word)
    found: set[str] = set()
    for cut in range(0, 4):
        stem, ending = (w[:-cut], w[-cut:]) if cut else (w, "")
        if ending in _ru_endings():
            found |= _ru_short_stems().get(stem, frozenset())
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=None)
def leader_short_gazetteer() -> Gazetteer:
    g = Gazetteer()
    for lid, info in leaders().items():
        for form in info.short:
            g.add(form, lid)
    return g


# -- places, sources, lexicons ---------------------------------------------------------------
@dataclass(frozen=True)
class PlaceInfo:
    id: str
    name: str
    kind: str
    state: str | None
    aliases: tuple[str, ...] = field(default=())
    # a venue's city (the id of a ``city`` row of the same state), None for cities and for
    # places outside any city (Camp David, a cosmodrome)
    city: str | None = None


@lru_cache(maxsize=None)
def places() -> dict[str, PlaceInfo]:
    return {
        r["id"]: PlaceInfo(
            r["id"],
            r["name"],
            r["kind"],
            r.get("state") or None,
            tuple(split(r.get("aliases", ""))),
            r.get("city") or None,
        )
        for r in read_tsv("places.tsv")
    }


@lru_cache(maxsize=None)
def place_gazetteer() -> Gazetteer:
    g = Gazetteer()
    for pid, p in places().items():
        for form in {p.name, *p.aliases}:
            g.add(form, pid)
    return g


@dataclass(frozen=True)
class SourceInfo:
    name: str
    kind: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=None)
def sources() -> dict[str, SourceInfo]:
    return {
        r["name"]: SourceInfo(r["name"], r["kind"], tuple(split(r.get("aliases", "")))) for r in read_tsv("sources.tsv")
    }


@lru_cache(maxsize=None)
def source_gazetteer() -> Gazetteer:
    g = Gazetteer()
    for name, s in sources().items():
        for form in {name, *s.aliases}:
            # all-caps short forms (AP, AFP, TASS) only as written: "ap" or "Tass" are not them
            cs = form.isupper() or (len(form) <= 4 and form[:1].isupper())
            g.add(form, name, case_sensitive=cs)
            if form.isupper() and form.isalpha() and len(form) >= 4:
                g.add(form.title(), name, case_sensitive=True)  # "Nachrichtenagentur Irna", "Tass"
            if re.fullmatch(r"[А-ЯЁ][а-яё]{4,}", form):
                g.add(form + "*", name)  # "по данным «Интерфакса»"
    return g


@lru_cache(maxsize=None)
def sector_gazetteer(lang: str) -> Gazetteer:
    g = Gazetteer()
    for r in read_tsv("sectors.tsv"):
        if r["lang"] == lang:
            g.add(r["form"], r["sector"], case_sensitive=r["form"].isupper() and len(r["form"]) <= 4)
    return g


@lru_cache(maxsize=None)
def sector_codes() -> dict[str, dict[str, str]]:
    return {r["sector"]: r for r in read_tsv("sector_codes.tsv")}


@lru_cache(maxsize=None)
def facility_words(lang: str) -> Gazetteer:
    g = Gazetteer()
    for r in read_tsv("facility_words.tsv"):
        if r["lang"] == lang and r["order"] != "compound":
            g.add(r["form"], (r["kind"], r["order"], r.get("label", "")))
    return g


@lru_cache(maxsize=None)
def seat_gazetteer(lang: str) -> Gazetteer:
    """Seats of government named by what they are ("palais présidentiel", "Außenministerium"):
    (kind, canonical English name, the states it is said of or none for all) by form (seats.tsv)."""
    g = Gazetteer()
    for r in read_tsv("seats.tsv"):
        if r["lang"] == lang:
            g.add(r["form"], (r["kind"], r["name"], frozenset(split(r.get("states", "")))))
    return g


@lru_cache(maxsize=None)
def facility_compounds(lang: str) -> tuple[tuple[str, str], ...]:
    """German compound venue nouns by their last part ("Präsidentenpalast", "Verteidigungs-
    ministerium"): (folded ending, kind), longest ending first."""
    rows = [(fold(r["form"].lstrip("*")), r["kind"]) for r in read_tsv("facility_words.tsv")]
    ends = [
        (e, k)
        for (e, k), r in zip(rows, read_tsv("facility_words.tsv"))
        if r["lang"] == lang and r["order"] == "compound"
    ]
    return tuple(sorted(ends, key=lambda x: -len(x[0])))


@lru_cache(maxsize=None)
def word_gazetteer(lang: str, key: str) -> Gazetteer:
    """A gazetteer of one list (or dict) of the language lexicon, e.g. ``meeting`` or ``titles``."""
    g = Gazetteer()
    entries = lexicon(lang).get(key) or []
    items = entries.items() if isinstance(entries, dict) else ((w, True) for w in entries)
    for form, value in items:
        g.add(form, value)
    return g
