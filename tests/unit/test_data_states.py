"""The state reference data: loaders/data/states.tsv and loaders/data/state_aliases.tsv."""

import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "loaders" / "data"
STATES = DATA / "states.tsv"
ALIASES = DATA / "state_aliases.tsv"

LANGS = {"fr", "en", "es", "de", "ru"}
KINDS = {"name", "official", "acronym", "adjective", "capital", "metonym", "prefix"}
STATUSES = {"member", "observer", "other"}

# Members whose only adjective/demonym in a language is shared with another state, and so is left out:
# "congolais"/"Congolese" (both Congos), "Dominican" (Dominica and the Dominican Republic, given to the latter).
NO_ADJECTIVE = {("COD", "fr"), ("COD", "en"), ("COG", "fr"), ("COG", "en"), ("DMA", "en")}


def _read(path):
    with open(path, encoding="utf-8", newline="") as fh:
        lines = fh.read().split("\n")
    assert lines[-1] == "", f"{path.name} must end with a newline"
    header = lines[0].split("\t")
    rows = [line.split("\t") for line in lines[1:-1]]
    return header, rows


@pytest.fixture(scope="module")
def states():
    header, rows = _read(STATES)
    assert header == ["iso3", "iso2", "wikidata", "name", "status"]
    return [dict(zip(header, r)) for r in rows]


@pytest.fixture(scope="module")
def aliases():
    header, rows = _read(ALIASES)
    assert header == ["iso3", "lang", "kind", "form"]
    return [dict(zip(header, r)) for r in rows]


def _key(a):
    return (a["lang"], a["form"] if a["kind"] == "acronym" else a["form"].casefold())


def test_states_header():
    with open(STATES, encoding="utf-8") as fh:
        assert fh.readline() == "iso3\tiso2\twikidata\tname\tstatus\n"


def test_aliases_header():
    with open(ALIASES, encoding="utf-8") as fh:
        assert fh.readline() == "iso3\tlang\tkind\tform\n"


def test_state_rows_have_five_cells():
    _, rows = _read(STATES)
    assert all(len(r) == 5 for r in rows)


def test_alias_rows_have_four_cells():
    _, rows = _read(ALIASES)
    assert all(len(r) == 4 and all(c.strip() == c and c for c in r) for r in rows)


def test_iso3_unique_and_well_formed(states):
    iso3 = [s["iso3"] for s in states]
    assert len(iso3) == len(set(iso3))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in iso3)


def test_iso2_unique_and_well_formed(states):
    iso2 = [s["iso2"] for s in states]
    assert len(iso2) == len(set(iso2))
    assert all(re.fullmatch(r"[A-Z]{2}", c) for c in iso2)


def test_wikidata_unique_and_well_formed(states):
    qids = [s["wikidata"] for s in states if s["wikidata"]]
    assert len(qids) == len(set(qids))
    assert all(re.fullmatch(r"Q[0-9]+", q) for q in qids)


def test_status_values(states):
    assert {s["status"] for s in states} <= STATUSES
    assert sum(s["status"] == "member" for s in states) >= 193


def test_names_present(states):
    assert all(s["name"].strip() for s in states)


@pytest.mark.parametrize(
    "iso3,iso2,qid,status",
    [
        ("RUS", "RU", "Q159", "member"),
        ("PRK", "KP", "Q423", "member"),
        ("KOR", "KR", "Q884", "member"),
        ("CHN", "CN", "Q148", "member"),
        ("USA", "US", "Q30", "member"),
        ("FRA", "FR", "Q142", "member"),
        ("DEU", "DE", "Q183", "member"),
        ("GBR", "GB", "Q145", "member"),
        ("VAT", "VA", "Q237", "observer"),
        ("PSE", "PS", "Q219060", "observer"),
        ("TWN", "TW", "Q865", "other"),
        ("XKX", "XK", "Q1246", "other"),
        ("SUN", "SU", "Q15180", "other"),
    ],
)
def test_state_spot_checks(states, iso3, iso2, qid, status):
    by_iso3 = {s["iso3"]: s for s in states}
    assert by_iso3[iso3]["iso2"] == iso2
    assert by_iso3[iso3]["wikidata"] == qid
    assert by_iso3[iso3]["status"] == status


def test_alias_iso3_known(states, aliases):
    known = {s["iso3"] for s in states}
    assert {a["iso3"] for a in aliases} - known == set()


def test_alias_lang_and_kind(aliases):
    assert {a["lang"] for a in aliases} <= LANGS
    assert {a["kind"] for a in aliases} <= KINDS


def test_no_duplicate_rows(aliases):
    rows = [tuple(a.values()) for a in aliases]
    assert len(rows) == len(set(rows))


def test_each_form_maps_to_one_state(aliases):
    owners = defaultdict(set)
    for a in aliases:
        owners[_key(a)].add(a["iso3"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert clashes == {}


def test_no_form_listed_twice(aliases):
    seen = defaultdict(list)
    for a in aliases:
        seen[_key(a)].append(a["kind"])
    twice = {k: v for k, v in seen.items() if len(v) > 1}
    assert twice == {}


def test_stems_not_too_short(aliases):
    short = [a["form"] for a in aliases if a["form"].endswith("*") and len(a["form"]) < 5]
    assert short == []


def test_prefixes_end_with_hyphen(aliases):
    assert all(a["form"].endswith("-") for a in aliases if a["kind"] == "prefix")


def test_no_iso3_codes_as_aliases(states, aliases):
    # three-letter codes collide with words (EST, SUR, NGA); USA is the one code that is also the acronym
    codes = {s["iso3"] for s in states} - {"USA"}
    assert [a["form"] for a in aliases if a["form"] in codes] == []


@pytest.mark.parametrize(
    "lang,form",
    [
        ("fr", "Corée"),
        ("en", "Korea"),
        ("es", "Corea"),
        ("de", "Korea"),
        ("ru", "Корея"),
        ("fr", "coréen"),
        ("en", "Korean"),
        ("ru", "корейск*"),
        ("en", "us"),
        ("fr", "Maurice"),
        ("es", "Mauricio"),
        ("en", "Congo"),
        ("fr", "Congo"),
        ("de", "Kongo"),
        ("ru", "Конго"),
        ("fr", "congolais"),
        ("en", "Congolese"),
        ("fr", "Grenade"),
        ("es", "Granada"),
        ("fr", "Dominique"),
        ("fr", "Hollande"),
        ("fr", "Vienne"),
        ("ru", "Вена"),
        ("ru", "Того"),
        ("es", "Santiago"),
        ("es", "Sofía"),
        ("es", "La Paz"),
        ("en", "America"),
        ("fr", "Amérique"),
        ("en", "Brussels"),
        ("fr", "Bruxelles"),
        ("ru", "Белый дом"),
        ("en", "Male"),
    ],
)
def test_ambiguous_forms_absent(aliases, lang, form):
    assert not [
        a
        for a in aliases
        if a["lang"] == lang
        and (a["form"] == form if a["kind"] == "acronym" else a["form"].casefold() == form.casefold())
    ]


def test_members_have_names_and_adjectives(states, aliases):
    have = defaultdict(set)
    for a in aliases:
        have[(a["iso3"], a["lang"])].add(a["kind"])
    missing = []
    for s in states:
        if s["status"] != "member":
            continue
        for lang in sorted(LANGS):
            if "name" not in have[(s["iso3"], lang)]:
                missing.append((s["iso3"], lang, "name"))
        for lang in ("fr", "en"):
            if "adjective" not in have[(s["iso3"], lang)] and (s["iso3"], lang) not in NO_ADJECTIVE:
                missing.append((s["iso3"], lang, "adjective"))
    assert missing == []


def test_every_state_has_a_name_in_every_language(states, aliases):
    have = {(a["iso3"], a["lang"]) for a in aliases if a["kind"] == "name"}
    assert [(s["iso3"], lang) for s in states for lang in sorted(LANGS) if (s["iso3"], lang) not in have] == []


@pytest.mark.parametrize(
    "lang,form,iso3",
    [
        ("fr", "RPDC", "PRK"),
        ("fr", "nord-coréenne", "PRK"),
        ("fr", "Corée du Nord", "PRK"),
        ("fr", "République populaire démocratique de Corée", "PRK"),
        ("fr", "République démocratique populaire de Corée", "PRK"),
        ("en", "DPRK", "PRK"),
        ("en", "Democratic People's Republic of Korea", "PRK"),
        ("ru", "КНДР", "PRK"),
        ("ru", "Северная Корея", "PRK"),
        ("ru", "Северной Кореи", "PRK"),
        ("ru", "северокорейск*", "PRK"),
        ("es", "Corea del Norte", "PRK"),
        ("es", "norcoreana", "PRK"),
        ("de", "Nordkorea", "PRK"),
        ("de", "nordkoreanischen", "PRK"),
        ("de", "Pjöngjang", "PRK"),
        ("en", "South Korea", "KOR"),
        ("en", "Republic of Korea", "KOR"),
        ("ru", "Южная Корея", "KOR"),
        ("de", "Südkorea", "KOR"),
        ("fr", "Moscou", "RUS"),
        ("fr", "russes", "RUS"),
        ("fr", "Kremlin", "RUS"),
        ("fr", "russo-", "RUS"),
        ("ru", "Россию", "RUS"),
        ("ru", "Российская Федерация", "RUS"),
        ("ru", "российск*", "RUS"),
        ("ru", "Москвы", "RUS"),
        ("ru", "РФ", "RUS"),
        ("de", "Russlands", "RUS"),
        ("de", "russischen", "RUS"),
        ("en", "Russians", "RUS"),
        ("es", "rusas", "RUS"),
        ("ru", "Китаем", "CHN"),
        ("ru", "КНР", "CHN"),
        ("en", "PRC", "CHN"),
        ("fr", "Pékin", "CHN"),
        ("en", "Sino-", "CHN"),
        ("es", "República Popular China", "CHN"),
        ("fr", "République de Chine", "TWN"),
        ("en", "US", "USA"),
        ("en", "U.S.", "USA"),
        ("es", "EE.UU.", "USA"),
        ("ru", "США", "USA"),
        ("fr", "États-Unis", "USA"),
        ("fr", "Maison-Blanche", "USA"),
        ("en", "White House", "USA"),
        ("de", "Vereinigte Staaten", "USA"),
        ("fr", "Élysée", "FRA"),
        ("en", "Downing Street", "GBR"),
        ("en", "UK", "GBR"),
        ("de", "Bundesrepublik Deutschland", "DEU"),
        ("ru", "ФРГ", "DEU"),
        ("fr", "EAU", "ARE"),
        ("en", "UAE", "ARE"),
        ("ru", "ОАЭ", "ARE"),
        ("fr", "RDC", "COD"),
        ("en", "DRC", "COD"),
        ("fr", "Viêt Nam", "VNM"),
        ("fr", "Vietnam", "VNM"),
        ("fr", "Niger", "NER"),
        ("fr", "nigérien", "NER"),
        ("fr", "Nigeria", "NGA"),
        ("fr", "Nigéria", "NGA"),
        ("fr", "Guinée", "GIN"),
        ("fr", "Guinée-Bissau", "GNB"),
        ("fr", "Guinée équatoriale", "GNQ"),
        ("en", "Guinea-Bissau", "GNB"),
        ("en", "Equatorial Guinea", "GNQ"),
        ("en", "Guinea", "GIN"),
        ("en", "Papua New Guinea", "PNG"),
        ("fr", "île Maurice", "MUS"),
        ("ru", "белорусск*", "BLR"),
        ("ru", "Беларусь", "BLR"),
        ("fr", "Côte d'Ivoire", "CIV"),
        ("fr", "Côte d’Ivoire", "CIV"),
        ("en", "USSR", "SUN"),
        ("ru", "СССР", "SUN"),
        ("en", "Holy See", "VAT"),
        ("en", "Kosovo", "XKX"),
        ("en", "Palestine", "PSE"),
    ],
)
def test_alias_spot_checks(aliases, lang, form, iso3):
    found = {
        a["iso3"]
        for a in aliases
        if a["lang"] == lang
        and (a["form"] == form if a["kind"] == "acronym" else a["form"].casefold() == form.casefold())
    }
    assert found == {iso3}


def test_acronyms_are_case_sensitive(aliases):
    acronyms = {(a["lang"], a["form"]) for a in aliases if a["kind"] == "acronym"}
    assert ("en", "US") in acronyms
    assert ("en", "us") not in acronyms
    assert ("en", "Us") not in acronyms


CAPITALS = DATA / "capitals.tsv"
PLACES = DATA / "places.tsv"


def test_every_capital_is_a_city_of_its_state(states):
    """loaders/data/capitals.tsv ("the Vietnamese capital" -> Hanoi): each row names a state of
    states.tsv and a city row of places.tsv in that state; no state twice."""
    header, rows = _read(CAPITALS)
    assert header == ["iso3", "city"]
    _, places = _read(PLACES)
    cities = {r[0]: r[3] for r in places if r[2] == "city"}
    iso3s = {s["iso3"] for s in states}
    seen = set()
    for iso3, city in rows:
        assert iso3 in iso3s and iso3 not in seen, iso3
        seen.add(iso3)
        assert cities.get(city) == iso3, (iso3, city)
    assert {"FRA", "RUS", "CHN", "VNM", "KAZ", "USA"} <= seen
