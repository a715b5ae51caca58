"""Airports named by a name of their own, and the city each serves.

"l'aéroport Julius-Nyerere", "el Aeropuerto Internacional Silvio Pettirossi", "в аэропорту
Чингисхан": the facility words read such a name (``mentions.find_places``) but the reference data
know few airports. The name is looked up here among the world's commercial airports (those with an
IATA code) of the states the article names, from the ``airportsdata`` package (MIT; data from
OurAirports and the airports' operators), by its words (any script, folded to Latin) against the
words of each airport's name, generic words left out. A name that fits one airport only gives the
facility its state and the city it serves: the one ``airportsdata`` names, if the reference data
know it or GeoNames knows it with 100,000 people or more, else the largest GeoNames city of that
state within 50 km ("Tocumen" serves Panama City). A name that fits none, or several, gives nothing: the facility stays as read.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from relgraph.loaders import cities
from relgraph.loaders.gazetteer import fold

# words of airport names that say what it is, not which one
_GENERIC = frozenset(
    """international internacional internationale internacionale internazionale mezhdunarodnyi
    mezhdunarodnyy airport airports aeroport aeropuerto aeroporto flughafen aerodrome aerodromo
    airfield intl regional domestic municipal national the of de del des la le el di do da
    imeni im named after""".split()
)
# the city an airport serves: GeoNames' own, if this large; else the largest near it
_CITY_POPULATION = 100_000
_NEAR_KM = 50


@dataclass(frozen=True, slots=True)
class Airport:
    iata: str
    name: str  # airportsdata's name ("Mwalimu Julius K. Nyerere International Airport")
    state: str  # ISO 3166-1 alpha-3
    served: str  # the city airportsdata says it serves, as it writes it ("Ulaanbaatar", "Tocumen")
    city: cities.City | None  # the city it serves, when GeoNames knows one


def words(name: str) -> list[str]:
    """The folded Latin words of a name, generic words left out ("Аэропорт Чингисхан" -> chingiskhan)."""
    from anyascii import anyascii

    return [w for w in re.findall(r"[a-z0-9]+", fold(anyascii(name)).lower()) if w not in _GENERIC]


@lru_cache(maxsize=1)
def _by_state() -> dict[str, list[tuple[frozenset[str], str, Any]]]:
    import airportsdata

    from relgraph.loaders import refdata as rd

    iso3 = {r["iso2"]: r["iso3"] for r in rd.read_tsv("states.tsv") if r.get("iso2")}
    out: dict[str, list[tuple[frozenset[str], str, Any]]] = {}
    for a in airportsdata.load("IATA").values():
        st = iso3.get(a["country"])
        ws = words(a["name"])
        if st and ws:
            out.setdefault(st, []).append((frozenset(ws), "".join(ws), a))
    return out


def lookup(name: str, states: set[str] | frozenset[str]) -> Airport | None:
    """The one commercial airport of the named ``states`` that ``name`` (its own name, as written,
    without the word "airport") can be, with the city it serves; or None."""
    ws = words(name)
    if not ws or sum(len(w) for w in ws) < 4:
        return None
    joined = "".join(ws)
    found: dict[str, tuple[str, Any]] = {}
    for st in states:
        for key, flat, a in _by_state().get(st, ()):
            if set(ws) <= key or (len(joined) >= 6 and difflib.SequenceMatcher(None, joined, flat).ratio() >= 0.85):
                found[a["iata"]] = (st, a)
    if len(found) != 1:
        return None
    ((st, a),) = found.values()
    city = cities.lookup(a["city"], {st}, _CITY_POPULATION) if a["city"] else None
    if city is None or city.state != st:
        city = cities.near(float(a["lat"]), float(a["lon"]), st, _CITY_POPULATION, _NEAR_KM)
    return Airport(a["iata"], a["name"], st, a["city"] or "", city)
