"""Typed records passed between the stages: ``Article`` (read), ``ArticleFacts`` (extract),
which serialises to the extraction contract ``relgraph.article/1`` of design.md, and
``ResolvedArticle`` (resolve), the facts with what the writer stores beside them.

Everything here is pure data: frozen dataclasses, no database, no I/O.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

SCHEMA = "relgraph.article/1"


@dataclass(frozen=True)
class Evidence:
    """A span of the article text as read: ``quote == text[start:end]``."""

    start: int
    end: int
    quote: str

    @classmethod
    def at(cls, text: str, start: int, end: int) -> "Evidence":
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class Article:
    """One article as read; ``text`` is exactly what evidence offsets point into."""

    text: str
    doc: str  # where it came from: URL, or path (plus :line for JSON Lines)
    title: str | None = None
    lang: str | None = None
    published: str | None = None  # ISO date
    url: str | None = None
    outlet: str | None = None
    path: str | None = None
    body_start: int = 0  # where the body begins (after the title and header lines)
    header: tuple[tuple[str, int, int], ...] = ()  # (key, start, end) of the value of each header line

    @cached_property
    def id(self) -> str:
        """The sha256 of the text (hashed once per record: the writer asks for it often)."""
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _ev(evidence) -> list[dict]:
    return [asdict(e) for e in evidence]


@dataclass(frozen=True)
class StateRef:
    iso3: str
    name: str
    wikidata: str | None
    role: str  # actor | mentioned
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class LeaderRef:
    id: str
    name: str
    aliases: tuple[str, ...]
    state: str | None
    role: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class FacilityRef:
    id: str
    name: str
    kind: str
    state: str | None
    aliases: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ProjectRef:
    id: str
    name: str
    sector: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class MeetingFact:
    participants: tuple[str, ...]
    place: str | None
    place_id: str | None
    date: str | None
    precision: str | None  # day | month | year
    duration: str | None  # ISO 8601, e.g. PT5H
    status: str  # held | planned | past
    sectors: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    participant_ids: tuple[str, ...] = ()
    city_id: str | None = None  # the city, when the place is a venue in it


@dataclass(frozen=True)
class CallFact:
    """A phone or video call between leaders (no place: nobody travels)."""

    participants: tuple[str, ...]
    participant_ids: tuple[str, ...]
    date: str | None
    precision: str | None  # day | month | year
    status: str  # held | planned | past
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class VisitFact:
    visitor: str
    visitor_id: str
    place: str | None
    place_id: str | None
    host_state: str | None
    date: str | None
    status: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ProposalFact:
    by: str | None
    by_id: str | None
    what: str
    project: str
    sector: str | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SectorRef:
    id: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class StatementFact:
    """A sentence a leader is reported to have said (or, in quotes, to have written)."""

    speaker: str
    speaker_id: str
    via: str | None  # the broadcaster, when the text names one ("told the BBC")
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SourceRef:
    name: str
    kind: str  # credit | publisher | photo | broadcaster
    evidence: tuple[Evidence, ...]
    type: str | None = None  # agency | outlet | broadcaster, from reference data


@dataclass(frozen=True)
class ArticleFacts:
    article: Article
    pair: tuple[str, str] | None = None
    states: tuple[StateRef, ...] = ()
    leaders: tuple[LeaderRef, ...] = ()
    facilities: tuple[FacilityRef, ...] = ()
    places: tuple[FacilityRef, ...] = ()  # cities: where meetings and visits happen
    projects: tuple[ProjectRef, ...] = ()
    meetings: tuple[MeetingFact, ...] = ()
    visits: tuple[VisitFact, ...] = ()
    proposals: tuple[ProposalFact, ...] = ()
    sectors: tuple[SectorRef, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    statements: tuple[StatementFact, ...] = ()
    calls: tuple[CallFact, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The extraction contract (design.md): what ``relgraph extract`` prints and the writer loads."""
        a = self.article
        # the forms the text gives a place ("Pékin", "в Акорде"), next to its canonical name
        seen: dict[str | None, list[str]] = {f.id: list(f.aliases) for f in (*self.facilities, *self.places)}
        return {
            "schema": SCHEMA,
            "article": {
                "id": a.id,
                "title": a.title,
                "lang": a.lang,
                "published": a.published,
                "outlet": a.outlet,
                "url": a.url,
                "path": a.path,
                "doc": a.doc,
            },
            "pair": list(self.pair) if self.pair else None,
            "states": [
                {"iso3": s.iso3, "name": s.name, "wikidata": s.wikidata, "role": s.role, "evidence": _ev(s.evidence)}
                for s in self.states
            ],
            "leaders": [
                {
                    "id": x.id,
                    "name": x.name,
                    "aliases": list(x.aliases),
                    "state": x.state,
                    "role": x.role,
                    "evidence": _ev(x.evidence),
                }
                for x in self.leaders
            ],
            "facilities": [
                {
                    "id": f.id,
                    "name": f.name,
                    "kind": f.kind,
                    "state": f.state,
                    "aliases": list(f.aliases),
                    "evidence": _ev(f.evidence),
                }
                for f in self.facilities
            ],
            "places": [
                {
                    "id": f.id,
                    "name": f.name,
                    "kind": f.kind,
                    "state": f.state,
                    "aliases": list(f.aliases),
                    "evidence": _ev(f.evidence),
                }
                for f in self.places
            ],
            "projects": [
                {"id": p.id, "name": p.name, "sector": p.sector, "evidence": _ev(p.evidence)} for p in self.projects
            ],
            "meetings": [
                {
                    "participants": list(m.participants),
                    "participant_ids": list(m.participant_ids),
                    "place": m.place,
                    "place_id": m.place_id,
                    "place_aliases": seen.get(m.place_id, []),
                    "city_id": m.city_id,
                    "date": m.date,
                    "precision": m.precision,
                    "duration": m.duration,
                    "status": m.status,
                    "sectors": list(m.sectors),
                    "evidence": _ev(m.evidence),
                }
                for m in self.meetings
            ],
            "visits": [
                {
                    "visitor": v.visitor,
                    "visitor_id": v.visitor_id,
                    "place": v.place,
                    "place_id": v.place_id,
                    "place_aliases": seen.get(v.place_id, []),
                    "host_state": v.host_state,
                    "date": v.date,
                    "status": v.status,
                    "evidence": _ev(v.evidence),
                }
                for v in self.visits
            ],
            "calls": [
                {
                    "participants": list(c.participants),
                    "participant_ids": list(c.participant_ids),
                    "date": c.date,
                    "precision": c.precision,
                    "status": c.status,
                    "evidence": _ev(c.evidence),
                }
                for c in self.calls
            ],
            "proposals": [
                {
                    "by": p.by,
                    "by_id": p.by_id,
                    "what": p.what,
                    "project": p.project,
                    "sector": p.sector,
                    "evidence": _ev(p.evidence),
                }
                for p in self.proposals
            ],
            "sectors": [{"id": s.id, "evidence": _ev(s.evidence)} for s in self.sectors],
            "sources": [
                {
                    "name": s.name,
                    "kind": s.kind,
                    "type": s.type,
                    # the forms the text wrote ("Philippine News Agency" for PNA)
                    "aliases": sorted({e.quote for e in s.evidence} - {s.name}),
                    "evidence": _ev(s.evidence),
                }
                for s in self.sources
            ],
            "statements": [
                {"speaker": st.speaker, "speaker_id": st.speaker_id, "via": st.via, "evidence": _ev(st.evidence)}
                for st in self.statements
            ],
            "warnings": list(self.warnings),
        }


class StateName(NamedTuple):
    name: str
    wikidata: str | None


class SectorCodes(NamedTuple):
    cameo: str | None
    plover: str | None


class EventCode(NamedTuple):
    """A meeting, visit, call or proposal coded for event data (``loaders/data/event_codes.tsv``)."""

    plover_event: str | None
    plover_mode: str | None
    cameo: str | None


@dataclass(frozen=True, eq=False)
class ResolvedArticle:
    """What the writer takes (``graph/write.py``): an article's facts as extracted, the ids of its
    meetings, and the reference data the graph stores with them. Made by
    ``loaders.resolve.resolve_article``; the writer reads nothing else."""

    facts: ArticleFacts
    meeting_ids: tuple[str, ...]  # one a meeting, in the order of facts.meetings
    state_names: Mapping[str, StateName]  # the states of its leaders, facilities and places
    sector_codes: Mapping[str, SectorCodes]  # each sector of facts.sectors
    # PLOVER event type and mode and CAMEO code: per participant of each meeting, per visit, per proposal
    meeting_codes: tuple[Mapping[str, EventCode], ...] = ()
    visit_codes: tuple[EventCode, ...] = ()
    proposal_codes: tuple[EventCode, ...] = ()
    call_ids: tuple[str, ...] = ()  # one a call, in the order of facts.calls
    call_codes: tuple[EventCode, ...] = ()

    @property
    def article(self) -> Article:
        return self.facts.article
