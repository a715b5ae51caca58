"""The graph schema as neomodel models: node labels, natural keys, relationship types.

The models are the schema's single statement: ``graph.schema.install`` creates their uniqueness
constraints and indexes, and the writer's labels and types are checked against them. Writes go
through batched ``UNWIND ... MERGE`` (``graph.write``), not through these classes.

Every fact edge is one article's assertion: it carries ``article`` (the article id), ``quote``,
``start`` and ``end`` (offsets into the text as read), so two articles reporting the same fact
give two edges, and counting edges counts sources.
"""

from __future__ import annotations

from neomodel import (
    ArrayProperty,
    IntegerProperty,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    StructuredRel,
)


# -- relationships ---------------------------------------------------------------------------
class Fact(StructuredRel):
    """An assertion made by one article, with the quote that supports it."""

    article = StringProperty(index=True)
    quote = StringProperty()
    start = IntegerProperty()
    end = IntegerProperty()


class Event(Fact):
    """A meeting, visit or proposal, coded for event data: its PLOVER event type and mode
    (``CONSULT``/``visit``, ``AGREE``) and the nearest CAMEO code (``042``), from
    ``loaders/data/event_codes.tsv``."""

    plover_event = StringProperty()
    plover_mode = StringProperty()
    cameo = StringProperty()


class MetAt(Event):
    """A leader met another leader at a place."""

    # (:Leader)-[:MET_AT {with, date, status, plover_event, plover_mode, cameo, article, quote, start, end}]->(:Facility)
    with_ = ArrayProperty(StringProperty(), db_property="with")
    date = StringProperty()
    status = StringProperty()


class Visits(Event):
    """A leader visited a place or a state (PLOVER: the visitor is the actor)."""

    # (:Leader)-[:VISITS {date, status, host_state, plover_event, plover_mode, cameo, article, quote, start, end}]->(:Facility|:State)
    date = StringProperty()
    status = StringProperty()
    host_state = StringProperty()


class OnVisit(Event):
    """A leader made a resolved visit, as one article reports it (its date and status as given)."""

    # (:Leader)-[:ON_VISIT {date, status, plover_event, plover_mode, cameo, article, quote, start, end}]->(:Visit)
    date = StringProperty()
    status = StringProperty()


class To(Fact):
    """Where a resolved visit went, as one article reports it: a place, or the host state."""

    # (:Visit)-[:TO {article, quote, start, end}]->(:Facility|:State)


class Proposes(Event):
    """A leader or a state proposed (or invited to) a project."""

    # (:Leader|:State)-[:PROPOSES {what, plover_event, plover_mode, cameo, article, quote, start, end}]->(:Project)
    what = StringProperty()


class ReportedBy(Fact):
    """An article credits a source: credit, publisher, photo or broadcaster."""

    # (:Article)-[:REPORTED_BY {kind, article, quote, start, end}]->(:Source)
    kind = StringProperty()


class Attended(Event):
    """A leader took part in a meeting (CAMEO 042 for a visitor, 043 for the host ...)."""

    # (:Leader)-[:ATTENDED {plover_event, plover_mode, cameo, article, quote, start, end}]->(:Meeting)
    # and, for meetings_of's index (schema version 7): the leader's id and the meeting's date
    # ('' for none), which the writers keep as the meeting's date changes
    leader = StringProperty()
    mdate = StringProperty()


class OnCall(Event):
    """A leader took part in a phone or video call (PLOVER CONSULT, mode phone; CAMEO 040)."""

    # (:Leader)-[:ON_CALL {plover_event, plover_mode, cameo, article, quote, start, end}]->(:Call)


class HeldAt(Fact):
    """Where a meeting took place."""

    # (:Meeting)-[:HELD_AT {article, quote, start, end}]->(:Facility)


class Discussed(Fact):
    """A sector on a meeting's agenda."""

    # (:Meeting)-[:DISCUSSED {article, quote, start, end}]->(:Sector)


class InSector(Fact):
    """The sector a project belongs to."""

    # (:Project)-[:IN_SECTOR {article, quote, start, end}]->(:Sector)


class Leads(Fact):
    """A leader holds an office of a state."""

    # (:Leader)-[:LEADS {role, article, quote, start, end}]->(:State)
    role = StringProperty()


class LocatedIn(Fact):
    """A facility or place is in a state."""

    # (:Facility)-[:LOCATED_IN {article, quote, start, end}]->(:State)


class Mentions(Fact):
    """An article names an entity (a state, leader, facility, sector) with a role."""

    # (:Article)-[:MENTIONS {role, pair, article, quote, start, end}]->(:State|:Leader|:Facility|:Sector)
    role = StringProperty()
    pair = StringProperty()  # on sector mentions: the article's pair, "AAA-BBB"


class Stated(Fact):
    """A leader said what the quote says, as an article reports it."""

    # (:Leader)-[:STATED {via, article, quote, start, end}]->(:Article)
    via = StringProperty()


class Involves(Fact):
    """A meeting or a call involves a state (through its leaders, or named directly)."""

    # (:Meeting|Call)-[:INVOLVES {article}]->(:State)


# -- nodes -----------------------------------------------------------------------------------
class Article(StructuredNode):
    """One article as read: ``id`` is the hash of its text, ``doc`` where it came from."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    doc = StringProperty(unique_index=True, required=True)
    title = StringProperty()
    lang = StringProperty()
    published = StringProperty(index=True)
    # the main bilateral pair as "AAA-BBB" (ISO3, sorted): pair questions start from this index
    pair_key = StringProperty(index=True)
    url = StringProperty()
    outlet = StringProperty()
    path = StringProperty()
    reported_by = RelationshipTo("Source", "REPORTED_BY", model=ReportedBy)
    mentions = RelationshipTo("State", "MENTIONS", model=Mentions)


class Source(StructuredNode):
    """An agency, outlet or broadcaster."""

    name = StringProperty(unique_index=True, required=True)
    kind = StringProperty()
    articles = RelationshipFrom(Article, "REPORTED_BY", model=ReportedBy)


class State(StructuredNode):
    """A state, keyed by ISO 3166-1 alpha-3."""

    iso3 = StringProperty(unique_index=True, required=True)
    name = StringProperty(index=True)
    wikidata = StringProperty()
    proposes = RelationshipTo("Project", "PROPOSES", model=Proposes)


class Leader(StructuredNode):
    """A person acting for a state; ``uid`` is a Wikidata QID where known."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    name = StringProperty(index=True)
    role = StringProperty()
    state = StringProperty(index=True)
    leads = RelationshipTo(State, "LEADS", model=Leads)
    met_at = RelationshipTo("Facility", "MET_AT", model=MetAt)
    visits = RelationshipTo("Facility", "VISITS", model=Visits)
    visits_state = RelationshipTo(State, "VISITS", model=Visits)
    proposes = RelationshipTo("Project", "PROPOSES", model=Proposes)
    attended = RelationshipTo("Meeting", "ATTENDED", model=Attended)
    on_visit = RelationshipTo("Visit", "ON_VISIT", model=OnVisit)
    on_call = RelationshipTo("Call", "ON_CALL", model=OnCall)
    stated = RelationshipTo(Article, "STATED", model=Stated)


class Facility(StructuredNode):
    """A facility or place: a city, cosmodrome, palace, port, fleet, plant ..."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    name = StringProperty(index=True)
    kind = StringProperty()
    state = StringProperty(index=True)
    located_in = RelationshipTo(State, "LOCATED_IN", model=LocatedIn)


class Sector(StructuredNode):
    """One of the fixed sector ids, with its CAMEO and PLOVER codes where one exists."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    cameo = StringProperty()
    plover = StringProperty()


class Project(StructuredNode):
    """Something proposed or planned, in a sector, as resolved across articles and languages
    (``graph/events.py``): one node per proposer, partner, month and sector or object, each
    article's report of it a ``PROPOSES`` and an ``IN_SECTOR`` edge of its own. ``joined_by`` says
    why its reports are one project, ``reports`` holds them (JSON), ``block`` (proposer and
    partner pair) and ``month`` (of publication) are where resolution looks them up."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    name = StringProperty()
    by = StringProperty()
    pair_key = StringProperty(index=True)  # the partner pair "AAA-BBB": ``proposals`` starts here
    block = StringProperty()
    month = StringProperty()
    sector = StringProperty()
    first = StringProperty()  # the publication dates of its first and last reports
    last = StringProperty()
    joined_by = ArrayProperty(StringProperty())
    reports = ArrayProperty(StringProperty())
    # what ``proposals`` shows (``events.project_summary``, schema version 7): the first report's
    # what, quote and article, how many articles, their languages and sources
    first_what = StringProperty()
    first_quote = StringProperty()
    first_article = StringProperty()
    articles = IntegerProperty()
    languages = ArrayProperty(StringProperty())
    sources = ArrayProperty(StringProperty())
    in_sector = RelationshipTo(Sector, "IN_SECTOR", model=InSector)


class Meeting(StructuredNode):
    """A meeting or summit as resolved across articles and languages (``graph/events.py``): one
    node per real-world meeting, each article's report of it an edge of its own. ``joined_by``
    says why its reports are one meeting; ``reports`` holds them (JSON, one a report) so that a
    later article can be resolved against them; ``block`` (the states) and ``lo``..``hi`` (the
    days its reports may refer to) are where resolution looks them up."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    date = StringProperty(index=True)
    duration = StringProperty()
    status = StringProperty()
    precision = StringProperty()
    block = StringProperty()
    day = StringProperty()  # the day of its dated reports (none when no report gives one)
    lo = StringProperty()
    hi = StringProperty()
    joined_by = ArrayProperty(StringProperty())
    reports = ArrayProperty(StringProperty())
    held_at = RelationshipTo(Facility, "HELD_AT", model=HeldAt)
    discussed = RelationshipTo(Sector, "DISCUSSED", model=Discussed)
    involves = RelationshipTo(State, "INVOLVES", model=Involves)


class Visit(StructuredNode):
    """A trip as resolved across articles and languages (``graph/events.py``, the meeting rules
    read per traveller and host state): one node per traveller, place and date window, each
    article's report of it an ``ON_VISIT`` and a ``TO`` edge of its own (and the traveller's
    ``VISITS`` edge to the place, as before). ``joined_by``, ``reports``, ``block`` (traveller
    and host state), ``day``, ``lo``..``hi``: as for meetings."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    date = StringProperty(index=True)
    status = StringProperty()
    visitor = StringProperty()
    place = StringProperty()
    host_state = StringProperty()
    block = StringProperty()
    day = StringProperty()
    lo = StringProperty()
    hi = StringProperty()
    joined_by = ArrayProperty(StringProperty())
    reports = ArrayProperty(StringProperty())
    to = RelationshipTo(Facility, "TO", model=To)
    to_state = RelationshipTo(State, "TO", model=To)


class Call(StructuredNode):
    """A phone or video call between leaders. A node, like a meeting, not an edge: a call has two
    or more participants, each joining it by an ``ON_CALL`` edge per article (so three-way calls
    and the count of sources work as for meetings), and dated calls reported by several articles
    are one node. No place: nobody travels."""

    uid = StringProperty(unique_index=True, required=True, db_property="id")
    date = StringProperty(index=True)
    status = StringProperty()
    precision = StringProperty()
    involves = RelationshipTo(State, "INVOLVES", model=Involves)


class RelgraphMeta(StructuredNode):
    """Facts about the graph itself, one node a ``key``: ``schema`` holds the schema version the
    graph is written in (``graph.schema``). Not a fact of any article: exports and stats skip it."""

    key = StringProperty(unique_index=True, required=True)
    version = IntegerProperty()


NODE_MODELS = (Article, Source, State, Leader, Facility, Sector, Project, Meeting, Visit, Call)
META_LABEL = RelgraphMeta.__label__
# The relationship types the writer may use, from the models above: never from input.
REL_TYPES = (
    "MET_AT",
    "VISITS",
    "PROPOSES",
    "REPORTED_BY",
    "ATTENDED",
    "ON_CALL",
    "ON_VISIT",
    "TO",
    "HELD_AT",
    "DISCUSSED",
    "IN_SECTOR",
    "LEADS",
    "LOCATED_IN",
    "MENTIONS",
    "INVOLVES",
    "STATED",
)
LABELS = tuple(m.__label__ for m in NODE_MODELS)
