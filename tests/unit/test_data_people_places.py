"""Checks of the reference data files loaders/data/{leaders,places,sources}.tsv.

Only the standard library and pytest: the files are read as plain UTF-8 TSV.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from relgraph.loaders.gazetteer import fold as gazetteer_fold
from relgraph.loaders.refdata import ROLE_RANK

DATA = Path(__file__).resolve().parents[2] / "loaders" / "data"

LEADERS_HEADER = ["id", "name", "state", "role", "start", "end", "aliases", "short"]
PLACES_HEADER = ["id", "name", "kind", "state", "aliases", "city"]
SOURCES_HEADER = ["name", "kind", "aliases"]

# every office the reference data ranks (refdata.ROLE_RANK), and the one it does not: Kim Yo Jong
# and the like, people who hold no office of the list but speak for a state
LEADER_ROLES = set(ROLE_RANK) | {"senior official"}
PLACE_KINDS = {
    "city",
    "cosmodrome",
    "launch site",
    "palace",
    "residence",
    "office",
    "guesthouse",
    "square",
    "base",
    "fleet",
    "port",
    "plant",
    "nuclear site",
    "airport",
    "headquarters",
    "estate",
    "venue",
    "border village",
    "border post",
}
SOURCE_KINDS = {"agency", "outlet", "broadcaster"}

ID_RE = re.compile(r"^(Q[0-9]+|rg:[a-z0-9-]+)$")
STATE_RE = re.compile(r"^[A-Z]{3}$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PLACE_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*@[A-Z]{3}$")


def read_tsv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    path = DATA / name
    text = path.read_text(encoding="utf-8")
    assert "\r" not in text, f"{name}: CR line endings"
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    # comments are allowed at the top only
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    header = lines[i].split("\t")
    rows = []
    for n, line in enumerate(lines[i + 1 :], start=i + 2):
        assert line != "", f"{name}:{n}: empty line"
        assert not line.startswith("#"), f"{name}:{n}: comment below the header"
        cells = line.split("\t")
        assert len(cells) == len(header), f"{name}:{n}: {len(cells)} cells, expected {len(header)}"
        for cell in cells:
            assert cell == cell.strip(), f"{name}:{n}: cell with surrounding blanks: {cell!r}"
        rows.append(dict(zip(header, cells)))
    return header, rows


def items(cell: str) -> list[str]:
    if cell == "":
        return []
    parts = cell.split("|")
    for p in parts:
        assert p and p == p.strip(), f"bad list item {p!r} in {cell!r}"
    return parts


def fold(s: str) -> str:
    """The key the matcher reads a form by (``gazetteer.fold``: case and accents folded, the
    Russian "й" kept apart from "и"), spaces and apostrophes normalised."""
    return " ".join(gazetteer_fold(s).replace("’", "'").split())


def to_date(value: str, end: bool) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(*parts)


def assert_stems_do_not_swallow_other_ids(forms_by_id: dict[str, set[str]]) -> None:
    """A stem ending in `*` of one id must not be the beginning of a form of another id."""
    stems = [(fold(f[:-1]), pid) for pid, forms in forms_by_id.items() for f in forms if f.endswith("*")]
    for pid, forms in forms_by_id.items():
        for f in forms:
            key = fold(f.rstrip("*"))
            for stem, owner in stems:
                if owner != pid and key.startswith(stem):
                    raise AssertionError(f"stem {stem!r}* of {owner} swallows {f!r} of {pid}")


# ---------------------------------------------------------------- leaders


@pytest.fixture(scope="module")
def leaders() -> list[dict[str, str]]:
    header, rows = read_tsv("leaders.tsv")
    assert header == LEADERS_HEADER
    return rows


def test_leaders_header_and_size(leaders):
    assert len(leaders) >= 250


def test_leaders_cells_well_formed(leaders):
    for r in leaders:
        assert ID_RE.match(r["id"]), r["id"]
        assert r["name"], r
        assert STATE_RE.match(r["state"]), r
        assert r["role"] in LEADER_ROLES, r
        assert DATE_RE.match(r["start"]), r
        assert r["end"] == "" or DATE_RE.match(r["end"]), r
        start = to_date(r["start"], end=False)  # also checks the date exists
        if r["end"]:
            assert start <= to_date(r["end"], end=True), r
        assert r["name"] in items(r["aliases"]), r["name"]
        for s in items(r["short"]):
            if s.endswith("*"):
                assert len(s) >= 5 and "*" not in s[:-1], f"stem too short or malformed: {s}"
            else:
                assert "*" not in s, s


def test_leaders_id_role_unique(leaders):
    seen = set()
    for r in leaders:
        key = (r["id"], r["role"])
        assert key not in seen, f"duplicate (id, role): {key}"
        seen.add(key)


def test_leaders_rows_sharing_an_id_agree(leaders):
    by_id = defaultdict(list)
    for r in leaders:
        by_id[r["id"]].append(r)
    for pid, rows in by_id.items():
        first = rows[0]
        for r in rows[1:]:
            assert r["name"] == first["name"], pid
            assert r["aliases"] == first["aliases"], pid
            assert r["short"] == first["short"], pid


def test_leaders_no_alias_or_short_shared_by_two_ids(leaders):
    owner: dict[str, str] = {}
    for r in leaders:
        forms = [r["name"]] + items(r["aliases"]) + [s.rstrip("*") for s in items(r["short"])]
        for form in forms:
            key = fold(form)
            prev = owner.setdefault(key, r["id"])
            assert prev == r["id"], f"{form!r} belongs to {prev} and {r['id']}"


def test_leaders_stems_stay_with_their_person(leaders):
    forms = defaultdict(set)
    for r in leaders:
        forms[r["id"]].update([r["name"]] + items(r["aliases"]) + items(r["short"]))
    assert_stems_do_not_swallow_other_ids(forms)


def test_leaders_no_duplicate_names(leaders):
    owner: dict[str, str] = {}
    for r in leaders:
        prev = owner.setdefault(r["name"], r["id"])
        assert prev == r["id"], f"name {r['name']!r} used by {prev} and {r['id']}"


def _person(leaders, name):
    rows = [r for r in leaders if r["name"] == name]
    assert rows, f"{name} missing"
    return rows[0]


def test_leaders_the_kims_are_four_people(leaders):
    names = ["Kim Jong Un", "Kim Jong Il", "Kim Il Sung", "Kim Yo Jong"]
    people = [_person(leaders, n) for n in names]
    assert len({p["id"] for p in people}) == 4
    forms = [{fold(a) for a in items(p["aliases"])} | {fold(s.rstrip("*")) for s in items(p["short"])} for p in people]
    for i in range(4):
        for j in range(i + 1, 4):
            assert not forms[i] & forms[j], (names[i], names[j], forms[i] & forms[j])
    # "Kim" alone would merge them
    for f in forms:
        assert "kim" not in f
    un = people[0]
    assert {"Kim Jong-un", "Ким Чен Ын"} <= set(items(un["aliases"]))
    assert un["id"] == "Q56226"
    assert {r["role"] for r in leaders if r["id"] == un["id"]} >= {"supreme leader"}
    il = people[1]
    assert {r["role"] for r in leaders if r["id"] == il["id"]} == {"supreme leader"}
    assert [r["end"] for r in leaders if r["id"] == il["id"]] == ["2011-12-17"]


@pytest.mark.parametrize(
    "name, qid, short",
    [
        ("Vladimir Putin", "Q7747", ["Poutine", "Путин*", "Putin"]),
        ("Xi Jinping", "Q15031", ["Xi", "Си"]),
        ("Emmanuel Macron", "Q3052772", ["Macron", "Макрон*"]),
        ("Joe Biden", "Q6279", ["Biden", "Байден*"]),
        ("Donald Trump", "Q22686", ["Trump"]),
        ("Sergey Lavrov", None, ["Lavrov", "Lawrow", "Лавров*"]),
    ],
)
def test_leaders_spot_checks(leaders, name, qid, short):
    p = _person(leaders, name)
    if qid:
        assert p["id"] == qid
    assert set(short) <= set(items(p["short"]))


def test_leaders_offices(leaders):
    def office(name, role):
        rows = [r for r in leaders if r["name"] == name and r["role"] == role]
        assert len(rows) == 1, (name, role)
        return rows[0]

    assert office("Vladimir Putin", "president")["state"] == "RUS"
    assert office("Sergey Lavrov", "foreign minister")["end"] == ""
    assert office("Pedro Sánchez", "prime minister")["state"] == "ESP"
    assert office("Olaf Scholz", "chancellor")["state"] == "DEU"
    steinmeier = [r for r in leaders if r["name"] == "Frank-Walter Steinmeier"]
    assert {r["role"] for r in steinmeier} == {"president", "foreign minister"}
    assert len({r["id"] for r in steinmeier}) == 1
    assert office("Marco Rubio", "secretary of state")["state"] == "USA"
    assert office("Kamala Harris", "vice president")["state"] == "USA"
    assert office("Ursula von der Leyen", "president")["state"] == "EUU"


def test_leaders_states_covered(leaders):
    wanted = (
        "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA EUU "
        "PRK VNM ESP BLR UKR IRN ISR PSE EGY QAT ARE PAK POL NLD BEL CHE SWE NOR KAZ UZB "
        "AZE ARM GEO SRB HUN CUB VEN NGA ETH KEN SGP THA PHL MYS MNG LAO KHM MMR SYR IRQ "
        "JOR AFG"
    ).split()
    have = {r["state"] for r in leaders}
    assert not set(wanted) - have, sorted(set(wanted) - have)


# ---------------------------------------------------------------- places


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    header, rows = read_tsv("places.tsv")
    assert header == PLACES_HEADER
    return rows


def test_places_cells(places):
    assert len(places) >= 300
    ids = set()
    for r in places:
        assert PLACE_ID_RE.match(r["id"]), r["id"]
        assert r["id"].endswith("@" + r["state"]), r
        assert r["id"] not in ids, f"duplicate id {r['id']}"
        ids.add(r["id"])
        assert r["kind"] in PLACE_KINDS, r
        assert STATE_RE.match(r["state"]), r
        assert r["name"], r
        for a in items(r["aliases"]):
            if a.endswith("*"):
                assert len(a) >= 6 and "*" not in a[:-1], f"stem shorter than 5 letters: {a}"
            else:
                assert "*" not in a, a


def test_places_city_is_a_city_of_the_same_state(places):
    by_id = {r["id"]: r for r in places}
    for r in places:
        if r["kind"] == "city":
            assert r["city"] == "", f"{r['id']}: a city lies in no city"
            continue
        if not r["city"]:
            continue  # Camp David, a cosmodrome: in no city
        city = by_id.get(r["city"])
        assert city is not None, f"{r['id']}: unknown city {r['city']}"
        assert city["kind"] == "city", f"{r['id']}: {r['city']} is a {city['kind']}"
        assert city["state"] == r["state"], f"{r['id']}: {r['city']} is in {city['state']}"


def test_places_no_alias_shared_by_two_ids(places):
    owner: dict[str, str] = {}
    for r in places:
        for form in [r["name"]] + items(r["aliases"]):
            key = fold(form.rstrip("*"))
            prev = owner.setdefault(key, r["id"])
            assert prev == r["id"], f"{form!r} belongs to {prev} and {r['id']}"


def test_places_stems_stay_with_their_place(places):
    forms = defaultdict(set)
    for r in places:
        forms[r["id"]].update([r["name"]] + items(r["aliases"]))
    assert_stems_do_not_swallow_other_ids(forms)


def test_places_spot_checks(places):
    by_id = {r["id"]: r for r in places}
    vost = by_id["vostochny-cosmodrome@RUS"]
    assert vost["kind"] == "cosmodrome"
    assert {"Vostotchny", "Восточный"} <= set(items(vost["aliases"]))
    for pid in [
        "moscow@RUS",
        "beijing@CHN",
        "pyongyang@PRK",
        "kremlin@RUS",
        "vladivostok@RUS",
        "komsomolsk-on-amur@RUS",
        "white-house@USA",
        "elysee-palace@FRA",
        "hanoi@VNM",
        "washington-d-c@USA",
        "paris@FRA",
        "berlin@DEU",
        "madrid@ESP",
        "minsk@BLR",
        "kyiv@UKR",
        "pacific-fleet@RUS",
    ]:
        assert pid in by_id, pid
    assert "Pékin" in items(by_id["beijing@CHN"]["aliases"])
    assert "Тихоокеанский флот" in items(by_id["pacific-fleet@RUS"]["aliases"])


# ---------------------------------------------------------------- sources


@pytest.fixture(scope="module")
def sources() -> list[dict[str, str]]:
    header, rows = read_tsv("sources.tsv")
    assert header == SOURCES_HEADER
    return rows


def _source_key(form: str) -> str:
    letters = [c for c in form if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return form  # all-caps acronyms are compared as written
    return fold(form)


def test_sources_cells(sources):
    assert len(sources) >= 100
    names = set()
    for r in sources:
        assert r["name"] and r["name"] not in names, r["name"]
        names.add(r["name"])
        assert r["kind"] in SOURCE_KINDS, r
        for a in items(r["aliases"]):
            assert "*" not in a, a


def test_sources_no_alias_shared_by_two_sources(sources):
    owner: dict[str, str] = {}
    for r in sources:
        for form in [r["name"]] + items(r["aliases"]):
            key = _source_key(form)
            prev = owner.setdefault(key, r["name"])
            assert prev == r["name"], f"{form!r} belongs to {prev} and {r['name']}"


@pytest.mark.parametrize(
    "name, kind, alias",
    [
        ("TASS", "agency", "ТАСС"),
        ("Xinhua", "agency", "Синьхуа"),
        ("Xinhua", "agency", "Chine nouvelle"),
        ("AFP", "agency", "Agence France-Presse"),
        ("RIA Novosti", "agency", "РИА Новости"),
        ("KCNA", "agency", "Korean Central News Agency"),
        ("VNA", "agency", "Vietnam News Agency"),
        ("CVN", "outlet", "Le Courrier du Vietnam"),
        ("Rossiya 1", "broadcaster", "Россия-1"),
        ("Kommersant", "outlet", "Коммерсантъ"),
    ],
)
def test_sources_spot_checks(sources, name, kind, alias):
    rows = [r for r in sources if r["name"] == name]
    assert len(rows) == 1, name
    assert rows[0]["kind"] == kind
    assert alias in items(rows[0]["aliases"])
