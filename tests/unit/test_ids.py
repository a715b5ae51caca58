"""The ids relgraph makes itself (meetings, projects, places the reference data lack) come from
loaders/resolve.py, and the writer's record of an article carries them."""

from dataclasses import replace

import pytest

from relgraph.loaders.read import parse_text
from relgraph.loaders.resolve import meeting_id, place_id, project_id, resolve_article
from relgraph.pipeline import extract_article, extract_paths
from relgraph.records import Evidence, MeetingFact
from tests.conftest import DATA


# made-up venues no reference table will hold: the rules give them a place id of their own
VENUES = {
    "es": "Título\nFecha: 2024-05-02\n\nEl presidente Pedro Sánchez recibió el jueves a Emmanuel Macron "
    "en el Palacio de Zorvalia, en Madrid.\n",
    "en": "Title\nDate: 2024-05-02\n\nJoe Biden hosted Olaf Scholz on Thursday at the Brindlewick estate.\n",
}


@pytest.fixture(scope="module")
def facts():
    found = list(extract_paths([str(DATA / "more" / "es_lula_petro.txt"), str(DATA / "more" / "ru_lavrov_fidan.txt")]))
    for lang, text in VENUES.items():
        found.append(extract_article(replace(parse_text(text, f"venue_{lang}.txt"), lang=lang)))
    return found


def test_extraction_ids_are_resolve_ids(facts):
    proposals = [p for f in facts for p in f.proposals]
    unnamed = [x for f in facts for x in (*f.facilities, *f.places) if x.id.endswith("@")]
    assert proposals and unnamed
    for p in proposals:
        assert p.by_id and p.sector
        assert project_id(p.by_id, p.sector, p.what) == p.project
    for x in unnamed:
        assert place_id(x.name) == x.id


def _meeting(date, people=("Q1", "Q2")):
    return MeetingFact(
        participants=("A", "B"),
        place=None,
        place_id=None,
        date=date,
        precision="day",
        duration=None,
        status="held",
        sectors=(),
        evidence=(Evidence(0, 1, "x"),),
        participant_ids=people,
    )


def test_a_dated_meeting_is_one_node_across_articles():
    assert meeting_id(_meeting("2024-05-02"), "sha256:a", 0) == meeting_id(
        _meeting("2024-05-02", ("Q2", "Q1")), "sha256:b", 3
    )
    assert meeting_id(_meeting("2024-05-02"), "sha256:a", 0) != meeting_id(_meeting("2024-05-03"), "sha256:a", 0)
    # undated, or day and month only: the article's own
    assert meeting_id(_meeting(None), "sha256:a", 0) != meeting_id(_meeting(None), "sha256:b", 0)
    assert meeting_id(_meeting("--05-02"), "sha256:a", 0) != meeting_id(_meeting("--05-02"), "sha256:b", 0)


def test_resolved_record_carries_ids_and_reference_data(facts):
    for f in facts:
        r = resolve_article(f)
        assert r.article is f.article
        assert len(r.meeting_ids) == len(f.meetings)
        assert all(m.startswith("meeting:") for m in r.meeting_ids)
        assert set(r.sector_codes) == {s.id for s in f.sectors}
        for x in (*f.leaders, *f.facilities, *f.places):
            if x.state:
                assert r.state_names[x.state].name
