"""Resolve: names as written, in any language, to the graph's canonical keys.

States resolve to ISO 3166-1 alpha-3 codes, leaders to Wikidata QIDs (or ``rg:`` slugs), places
to their ids, all from the reference data, so that "Russie", "Россия" and "Russia" are one node.
Extraction resolves each mention as it finds it; the stored questions resolve their parameters
here, before the query runs (never by building Cypher).
"""
from __future__ import annotations

from relgraph.errors import UnknownName
from relgraph.loaders.refdata import resolve_state

__all__ = ["resolve_state", "resolve_entity"]


def resolve_entity(value: str, param: str = "x") -> str:
    """The graph key of a state (ISO3), a leader (QID or rg: id) or a place, from any of its names.

    >>> resolve_entity("Ким Чен Ын"), resolve_entity("Vostotchny"), resolve_entity("Corée du Nord")
    ('Q56226', 'vostochny-cosmodrome@RUS', 'PRK')
    """
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import fold

    if value in rd.leaders() or value in rd.places() or value.startswith("rg:"):
        return value
    if param in ("x", "y"):
        # between two entities, "Moscow" is the city (its state is "Russia" or "RUS")
        hits = rd.place_gazetteer().find(value)
        if hits and fold(hits[0].form) == fold(value.strip()):
            return hits[0].value
    iso3 = rd.resolve_state(value)
    if iso3:
        return iso3
    for gaz in (rd.leader_gazetteer(), rd.leader_short_gazetteer(), rd.place_gazetteer()):
        hits = gaz.find(value)
        if hits and fold(hits[0].form) == fold(value.strip()):
            return hits[0].value
    raise UnknownName(f"-p {param} {value!r}: no state, leader or place of that name")


