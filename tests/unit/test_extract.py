"""Extraction rules on small articles the team wrote (never corpus text), in five languages."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relgraph.loaders.dates import find_dates
from relgraph.loaders.extract import extract
from relgraph.loaders.gazetteer import tokenize
from relgraph.pipeline import extract_article
from relgraph.loaders.read import parse_text, read_file
from tests.conftest import DATA

EXAMPLES = (
    sorted(DATA.glob("*.txt"))
    + sorted((DATA / "more").glob("*.txt"))
    + sorted((DATA.parent.parent / "examples").glob("*.txt"))
)


def facts(text: str, lang: str, published: str | None = "2024-01-10"):
    a = parse_text("Titre\n\n" + text, "t.txt")
    return extract(replace(a, lang=lang, published=published)).to_json()


def evidence_items(obj):
    for key in (
        "states",
        "leaders",
        "facilities",
        "places",
        "projects",
        "meetings",
        "visits",
        "calls",
        "proposals",
        "statements",
        "sectors",
        "sources",
    ):
        for item in obj[key]:
            yield key, item


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_fact_has_exact_evidence(path):
    obj = extract_article(read_file(str(path))).to_json()
    text = path.read_text(encoding="utf-8")
    n = 0
    for key, item in evidence_items(obj):
        assert item["evidence"], (key, item)
        for e in item["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"] != ""
            n += 1
    assert n > 0 or path.name == "no_state.txt"


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Le dirigeant nord-coréen a rencontré le président russe à Moscou.", {"PRK", "RUS"}),
        ("fr", "La RPDC et la Fédération de Russie ont signé un accord.", {"PRK", "RUS"}),
        ("en", "The DPRK and the United States held talks in Geneva.", {"PRK", "USA"}),
        ("en", "Officials from Niger and Nigeria met in Abuja.", {"NER", "NGA"}),
        ("en", "South Korea and North Korea exchanged fire.", {"KOR", "PRK"}),
        ("en", "Guinea-Bissau, Guinea and Equatorial Guinea signed a treaty.", {"GNB", "GIN", "GNQ"}),
        ("es", "El presidente chino recibió al jefe del Gobierno español en Pekín.", {"CHN", "ESP"}),
        ("de", "Der russische Präsident reiste nach Nordkorea.", {"RUS", "PRK"}),
        ("ru", "Президент России посетил КНДР.", {"RUS", "PRK"}),
    ],
)
def test_states_from_names_adjectives_capitals_acronyms(lang, text, expected):
    assert {s["iso3"] for s in facts(text, lang)["states"]} == expected


def test_a_state_named_in_passing_is_mentioned_not_actor():
    obj = facts(
        "Le président russe Vladimir Poutine a reçu le dirigeant nord-coréen Kim Jong-un au "
        "Kremlin. Ils ont discuté d'une route vers la Chine.",
        "fr",
    )
    roles = {s["iso3"]: s["role"] for s in obj["states"]}
    assert roles["RUS"] == roles["PRK"] == "actor" and roles["CHN"] == "mentioned"
    assert obj["pair"] == ["PRK", "RUS"]


@pytest.mark.parametrize(
    "lang, text, name",
    [
        ("fr", "Le président russe Vladimir Poutine est arrivé.", "Vladimir Putin"),
        ("en", "Russian President Vladimir Putin arrived.", "Vladimir Putin"),
        ("es", "El presidente ruso, Vladímir Putin, llegó.", "Vladimir Putin"),
        ("de", "Der russische Präsident Wladimir Putin kam an.", "Vladimir Putin"),
        ("ru", "Президент России Владимир Путин прибыл.", "Vladimir Putin"),
        ("fr", "Le dirigeant de la RPDC, Kim Jong Un, est arrivé.", "Kim Jong Un"),
        ("ru", "Ким Чен Ын прибыл в Москву.", "Kim Jong Un"),
    ],
)
def test_leaders_have_one_canonical_name_in_every_language(lang, text, name):
    assert name in {l["name"] for l in facts(text, lang)["leaders"]}


def test_the_three_kims_are_three_people():
    obj = facts("Kim Jong Un, Kim Jong Il et Kim Yo Jong sont cités par la RPDC.", "fr")
    ids = {l["name"]: l["id"] for l in obj["leaders"]}
    assert len({ids.get("Kim Jong Un"), ids.get("Kim Jong Il"), ids.get("Kim Yo Jong")} - {None}) == 3


def test_an_unknown_leader_after_a_title_is_kept():
    obj = facts("Le président zambien Mwansa Kalaba a rencontré le président français Emmanuel Macron à Paris.", "fr")
    names = {l["name"] for l in obj["leaders"]}
    assert "Mwansa Kalaba" in names and "Emmanuel Macron" in names


@pytest.mark.parametrize(
    "lang, text, published, expected",
    [
        ("fr", "le 13 septembre", "2023-09-14", "2023-09-13"),
        ("fr", "le 13 septembre", None, "--09-13"),
        ("fr", "le 28 décembre", "2024-01-03", "2023-12-28"),
        ("en", "on Wednesday", "2023-11-16", "2023-11-15"),
        ("en", "on September 10, 2023", None, "2023-09-10"),
        ("en", "in April 2019", "2023-09-14", "2019-04"),
        ("ru", "13 сентября 2023 года", None, "2023-09-13"),
        ("ru", "в пятницу", "2024-05-24", "2024-05-24"),
        ("de", "am 5. Dezember", "2022-12-06", "2022-12-05"),
        ("es", "el 30 de marzo", "2023-03-31", "2023-03-30"),
        ("fr", "hier", "2023-09-14", "2023-09-13"),
    ],
)
def test_dates_resolve_against_the_publication_date(lang, text, published, expected):
    ds = find_dates(text, tokenize(text), lang, published)
    assert ds and ds[0].value == expected
    assert text[ds[0].start : ds[0].end] in text


def test_sources_by_kind():
    obj = facts(
        "Le président russe Vladimir Poutine a parlé à la chaîne Rossiya 1.\n\nTASS/VNA/CVN\nPhoto : AFP/VNA/CVN\n",
        "fr",
    )
    kinds = {(s["name"], s["kind"]) for s in obj["sources"]}
    assert {("TASS", "credit"), ("VNA", "credit"), ("CVN", "credit"), ("AFP", "photo")} <= kinds
    assert ("Rossiya 1", "broadcaster") in kinds
    assert ("AFP", "credit") not in kinds


def test_dateline_credits_the_agency():
    obj = facts("MOSCOW (Reuters) - Russian President Vladimir Putin met Chinese President Xi Jinping.", "en")
    assert ("Reuters", "credit") in {(s["name"], s["kind"]) for s in obj["sources"]}


@pytest.mark.parametrize(
    "lang, text, status",
    [
        ("en", "US President Joe Biden met Chinese President Xi Jinping in Beijing on Monday.", "held"),
        ("en", "US President Joe Biden will meet Chinese President Xi Jinping in Beijing next week.", "planned"),
        (
            "en",
            "US President Joe Biden and Chinese President Xi Jinping had previously met in Beijing in 2017.",
            "past",
        ),
        (
            "fr",
            "Le président russe Vladimir Poutine a rencontré le dirigeant nord-coréen Kim Jong-un à Vladivostok.",
            "held",
        ),
    ],
)
def test_meeting_status(lang, text, status):
    ms = facts(text, lang)["meetings"]
    assert len(ms) == 1 and ms[0]["status"] == status
    assert set(ms[0]["participants"]) >= {"Joe Biden", "Xi Jinping"} or "Kim Jong Un" in ms[0]["participants"]


def test_planned_visit_has_its_host_state():
    obj = facts("Le dirigeant nord-coréen Kim Jong-un visitera ensuite Vladivostok, a annoncé le Kremlin.", "fr")
    v = [(x["visitor"], x["place"], x["host_state"], x["status"]) for x in obj["visits"]]
    assert ("Kim Jong Un", "Vladivostok", "RUS", "planned") in v


def test_invitation_is_a_proposal_in_diplomacy():
    obj = facts("Le président russe Vladimir Poutine a invité le dirigeant nord-coréen Kim Jong-un à Moscou.", "fr")
    assert ("Vladimir Putin", "diplomacy") in {(p["by"], p["sector"]) for p in obj["proposals"]}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=400),
    st.sampled_from(["fr", "en", "es", "de", "ru"]),
)
def test_random_text_never_crashes_and_evidence_is_exact(text, lang):
    a = parse_text(text, "random.txt")
    obj = extract(replace(a, lang=lang, published="2024-02-29")).to_json()
    json.dumps(obj)
    for _, item in evidence_items(obj):
        for e in item["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]


MORE = DATA / "more"


def extracted(name):
    return extract_article(read_file(str(MORE / name))).to_json()


@pytest.mark.parametrize(
    "name, pair, meeting, place",
    [
        ("es_lula_petro.txt", ["BRA", "COL"], {"Luiz Inácio Lula da Silva", "Gustavo Petro"}, "Planalto Palace"),
        ("de_scholz_macron.txt", ["DEU", "FRA"], {"Olaf Scholz", "Emmanuel Macron"}, "Federal Chancellery"),
        ("ru_xi_moscow.txt", ["CHN", "RUS"], {"Xi Jinping", "Vladimir Putin"}, "Kremlin"),
        ("en_modi_albanese.txt", ["AUS", "IND"], {"Narendra Modi", "Anthony Albanese"}, "Sydney"),
        (
            "fr_kishida_hanoi.txt",
            ["JPN", "VNM"],
            {"Fumio Kishida", "Pham Minh Chinh"},
            "Hanoi",
        ),  # met during the trip to Hanoi
    ],
)
def test_pair_and_meeting_in_five_languages(name, pair, meeting, place):
    obj = extracted(name)
    assert obj["pair"] == pair
    assert any(set(m["participants"]) == meeting and m["place"] == place for m in obj["meetings"])


@pytest.mark.parametrize(
    "name, visitor, place, status",
    [
        ("es_lula_petro.txt", "Luiz Inácio Lula da Silva", "Caracas", "planned"),
        ("de_scholz_macron.txt", "Olaf Scholz", "Paris", "planned"),
        ("ru_xi_moscow.txt", "Xi Jinping", "Moscow", "held"),
        ("en_modi_albanese.txt", "Anthony Albanese", "New Delhi", "past"),
        ("fr_kishida_hanoi.txt", "Fumio Kishida", "Manila", "planned"),
    ],
)
def test_visits_with_status_in_five_languages(name, visitor, place, status):
    visits = {(v["visitor"], v["place"], v["status"]) for v in extracted(name)["visits"]}
    assert (visitor, place, status) in visits


@pytest.mark.parametrize(
    "name, by, sector",
    [
        ("es_lula_petro.txt", "Gustavo Petro", "diplomacy"),
        ("de_scholz_macron.txt", "Emmanuel Macron", "defence"),
        ("ru_xi_moscow.txt", "Vladimir Putin", "diplomacy"),
        ("en_modi_albanese.txt", "Narendra Modi", "diplomacy"),
        ("fr_kishida_hanoi.txt", "Fumio Kishida", "transport"),
    ],
)
def test_proposals_in_five_languages(name, by, sector):
    assert (by, sector) in {(p["by"], p["sector"]) for p in extracted(name)["proposals"]}


@pytest.mark.parametrize(
    "name, source",
    [
        ("es_lula_petro.txt", "EFE"),
        ("de_scholz_macron.txt", "dpa"),
        ("ru_xi_moscow.txt", "TASS"),
        ("en_modi_albanese.txt", "Reuters"),
        ("fr_kishida_hanoi.txt", "Kyodo"),
    ],
)
def test_credited_agency_in_five_languages(name, source):
    assert (source, "credit") in {(s["name"], s["kind"]) for s in extracted(name)["sources"]}


def test_a_person_unknown_to_the_reference_data_is_kept_with_surname_mentions():
    obj = extracted("es_lula_petro.txt")
    petro = next(l for l in obj["leaders"] if l["name"] == "Gustavo Petro")
    assert petro["id"] == "rg:gustavo-petro" and petro["state"] == "COL"
    assert "Petro" in {e["quote"] for e in petro["evidence"]}
    assert "Petro" not in {p["name"] for p in obj["places"]}


def test_calendar_words_and_german_nouns_are_not_places():
    assert "March" not in {p["name"] for p in extracted("en_modi_albanese.txt")["places"]}
    assert "Herbst" not in {p["name"] for p in extracted("de_scholz_macron.txt")["places"]}


@pytest.mark.parametrize(
    "lang,headline,body",
    [
        (
            "en",
            "On a private visit to Uruguay, Lula meets Orsi in Rivera",
            "President Yamandú Orsi met President Lula on Friday.",
        ),
        (
            "fr",
            "En visite privée au Sénégal, Macron rencontre Faye à Kaolack",
            "Le président Emmanuel Macron a rencontré vendredi Bassirou Diomaye Faye.",
        ),
        (
            "es",
            "De visita privada en Uruguay, Lula se reúne con Orsi en Rivera",
            "El presidente Yamandú Orsi se reunió el viernes con Lula.",
        ),
        (
            "de",
            "Bei einem privaten Besuch in Polen trifft Merz Tusk in Kołobrzeg",
            "Bundeskanzler Friedrich Merz traf am Freitag Donald Tusk.",
        ),
        (
            "ru",
            "Жапаров во время частного визита в Турцию встретился с Эрдоганом в Мармарисе",
            "Садыр Жапаров в пятницу встретился с Эрдоганом.",
        ),
    ],
)
def test_a_headline_place_does_not_run_into_the_header_lines(lang, headline, body):
    # an unknown town ending the headline, the "Source:" line under it: the town alone, or nothing
    a = parse_text(f"{headline}\nSource: Nord Sud Presse\nDate: 2026-08-10\n\n{body}\n", "t.txt")
    obj = extract(replace(a, lang=lang)).to_json()
    for p in obj["places"] + obj["facilities"]:
        assert "\n" not in " ".join(p.get("aliases", [])) and "Source" not in p["name"], p


@pytest.mark.parametrize(
    "lang,label,sentence",
    [
        ("en", "ANCHOR: ", "Foreign Minister Anita Anand held talks with Penny Wong in Ottawa on Thursday."),
        ("fr", "PRÉSENTATRICE : ", "La ministre Yassine Fall a rencontré jeudi Jean-Noël Barrot à Paris."),
        ("es", "REPORTERO (en directo): ", "El canciller José Manuel Albares se reunió el jueves con Paulo Rangel."),
        ("de", "MODERATORIN: ", "Außenminister Johann Wadephul traf am Donnerstag Jean-Noël Barrot."),
        ("ru", "ВЕДУЩИЙ: ", "Премьер-министр Беларуси Александр Турчин в четверг провел переговоры в Душанбе."),
        ("de", "Anna Berg, Staatssekretärin im Kanzleramt: ", "Bundeskanzler Friedrich Merz traf Donald Tusk."),
        ("en", "Jane Doe (Labour): ", "Prime Minister Keir Starmer met Mark Carney on Monday."),
        ("fr", "Q : ", "Emmanuel Macron a-t-il rencontré Bassirou Diomaye Faye ?"),
        ("es", "Diputada Ana Ruiz (PSOE): ", "Pedro Sánchez se reunió con Luís Montenegro."),
        ("ru", "Депутат Иван Петров: ", "Владимир Путин провел переговоры с Александром Лукашенко."),
    ],
)
def test_a_transcript_speaker_label_is_no_part_of_the_parsed_clause(lang, label, sentence, monkeypatch):
    # "ВЕДУЩИЙ: Премьер-министр ... провел переговоры": parsed with its label, the subject hung on
    # "ВЕДУЩИЙ" and the talks went to the person the sentence before was about
    seen = parsed_clauses(monkeypatch, lang, label + sentence)
    assert seen and all(not s.lstrip().startswith(label.strip()) for s in seen), seen
    assert any(s.startswith(sentence[:20]) for s in seen), seen


@pytest.mark.parametrize(
    "lang,sentence,not_place,place",
    [
        ("ru", "Мирзиёев в четверг провел переговоры с Рахмоном в Доме правительства.", "Dom", None),
        ("ru", "Лавров в четверг встретился с Рыженковым в МИД.", "Mid", None),
        ("ru", "Лукашенко в пятницу посетил завод в Бохтаре.", None, "Bokhtar"),
        ("fr", "Barrot a rencontré jeudi son homologue au MAE.", "MAE", None),
        ("es", "Albares se reunió el jueves con Rangel en la SRE.", "SRE", None),
        ("en", "Anand met Wong on Thursday in DFAT.", "DFAT", None),
    ],
)
def test_an_institution_is_no_unknown_town(lang, sentence, not_place, place):
    # a dictionary noun opening an institution's name ("Доме правительства") or its initials
    # ("МИД") after a locative is no town; a town the data lack ("Бохтаре") still is one
    names = {p["name"] for p in facts(sentence, lang, "2026-06-05")["places"]}
    if not_place:
        assert not_place not in names, names
    if place:
        assert any(n.startswith(place) for n in names), names  # (its case ending may stay: "Bokhtare")


@pytest.mark.parametrize(
    "lang,line",
    [
        ("de", "Berlin: Bundeskanzler Friedrich Merz traf am Donnerstag Donald Tusk."),
        ("en", "Macron, who met Xi in Beijing, said: the talks went well."),
        ("en", "Merz warns: Prime Minister Keir Starmer met Mark Carney on Monday."),
        ("fr", "Paris : le président Emmanuel Macron a reçu jeudi Bassirou Diomaye Faye."),
        ("es", "Madrid: Pedro Sánchez, que recibió a Lula el jueves, dijo: fue útil."),
        ("ru", "Москва: Владимир Путин в четверг принял Александра Лукашенко."),
    ],
)
def test_a_line_opening_with_a_place_or_a_clause_keeps_it_in_the_parse(lang, line, monkeypatch):
    seen = parsed_clauses(monkeypatch, lang, line)
    assert any(s.startswith(line[:12]) for s in seen), seen


def parsed_clauses(monkeypatch, lang: str, line: str) -> list[str]:
    """The texts the extractor sends the parser for a one-line body (the real parser answers)."""
    import relgraph.loaders.clauses as clauses

    seen: list[str] = []
    real = clauses.parse

    def spy(lang_, text, spans):
        seen.extend(text[s:e] for s, e in spans)
        return real(lang_, text, spans)

    monkeypatch.setattr(clauses, "parse", spy)
    a = parse_text(f"Bulletin\nSource: Radio\nDate: 2026-06-05\n\n{line}\n", "t.txt")
    extract(replace(a, lang=lang))
    return seen


def test_statements_are_attributed_to_their_speaker_and_channel():
    obj = facts(
        "Le président russe Vladimir Poutine a reçu le dirigeant nord-coréen Kim Jong-un. "
        "Nous allons coopérer, a déclaré Vladimir Poutine à la chaîne Rossiya 1. "
        "Il a ajouté que les relations étaient bonnes.",
        "fr",
    )
    got = [(s["speaker"], s["via"]) for s in obj["statements"]]
    assert got == [("Vladimir Putin", "Rossiya 1"), ("Vladimir Putin", None)]


def test_a_state_named_only_through_its_leader_is_an_actor():
    roles = {
        s["iso3"]: (s["role"], s["evidence"][0]["quote"]) for s in extracted("de_steinmeier_ramaphosa.txt")["states"]
    }
    assert roles["DEU"][0] == "actor" and "Steinmeier" in roles["DEU"][1]


def test_a_third_country_that_hosted_a_past_meeting_is_only_mentioned():
    obj = extracted("ru_lavrov_fidan.txt")
    roles = {s["iso3"]: s["role"] for s in obj["states"]}
    assert roles["IDN"] == "mentioned" and roles["RUS"] == roles["TUR"] == "actor"
    assert ("Jakarta", "past") in {(m["place"], m["status"]) for m in obj["meetings"]}


def test_ceremony_words_are_not_sectors_and_stems_work_inside_phrases():
    de = {s["id"] for s in extracted("de_steinmeier_ramaphosa.txt")["sectors"]}
    assert "defence" not in de and {"energy", "trade"} <= de
    ru = {s["id"] for s in extracted("ru_lavrov_fidan.txt")["sectors"]}
    assert {"agriculture", "security", "energy"} <= ru


@pytest.mark.parametrize(
    "name, by, sector",
    [
        ("en_erdogan_zelensky.txt", "Recep Tayyip Erdoğan", "agriculture"),
        ("en_erdogan_zelensky.txt", "Volodymyr Zelensky", "diplomacy"),
        ("de_steinmeier_ramaphosa.txt", "Cyril Ramaphosa", "diplomacy"),
        ("ru_lavrov_fidan.txt", "Hakan Fidan", "diplomacy"),
    ],
)
def test_more_proposals(name, by, sector):
    assert (by, sector) in {(p["by"], p["sector"]) for p in extracted(name)["proposals"]}


@pytest.mark.parametrize(
    "lang, text, name",
    [
        ("en", "Biden also met Chairman of the National Assembly Vuong Dinh Hue in Hanoi.", "Vuong Dinh Hue"),
        (
            "fr",
            "Le président de l'Assemblée nationale Anatole Dubreuil a reçu le président russe Vladimir Poutine.",
            "Anatole Dubreuil",
        ),
    ],
)
def test_a_title_with_its_institution_still_introduces_a_name(lang, text, name):
    assert name in {l["name"] for l in facts(text, lang)["leaders"]}


@pytest.mark.parametrize(
    "lang, text, name",
    [
        (
            "en",
            "Oman's finance minister, Khalid bin Saeed Al Amri, received the delegation.",
            "Khalid bin Saeed Al Amri",
        ),
        ("en", "Defence Minister Karel van der Berg arrived in Vilnius.", "Karel van der Berg"),
        ("fr", "Le ministre mauritanien des Mines, Sidi Ould Salem, a reçu la délégation.", "Sidi Ould Salem"),
        (
            "es",
            "El ministro brasileño de Minas y Energía, Pedro da Costa Ramos, llegó a Asunción.",
            "Pedro da Costa Ramos",
        ),
        ("de", "Die österreichische Innenministerin Anna von Brenner traf ihren Amtskollegen.", "Anna von Brenner"),
    ],
)
def test_a_name_keeps_its_lower_case_particles(lang, text, name):
    assert name in {l["name"] for l in facts(text, lang)["leaders"]}


@pytest.mark.parametrize(
    "lang, text, names",
    [
        # "y" / "and" join two people, never one name
        ("es", "El canciller Mateo Ríos y Ana Torres firmaron el acuerdo.", {"Mateo Ríos y Ana Torres"}),
        # a particle before a state or a city is no part of a name
        ("es", "El ministro Mateo Ríos de Chile llegó a Lima.", {"Mateo Ríos de Chile"}),
        ("en", "Defence Minister Karel Berg of Estonia and Trade Minister Ivo Kask met.", {"Karel Berg of Estonia"}),
    ],
)
def test_particles_never_glue_two_names_or_a_state_to_a_name(lang, text, names):
    found = {l["name"] for l in facts(text, lang)["leaders"]}
    assert found and not (found & names)


@pytest.mark.parametrize(
    "lang, text, name, state",
    [
        (
            "fr",
            "Le ministre sénégalais de l'Économie et des Finances, Malick Ndiaye, est arrivé.",
            "Malick Ndiaye",
            "SEN",
        ),
        (
            "fr",
            "Le ministre du Pétrole, des Mines et de l'Énergie du Niger, Moussa Adamou, est arrivé.",
            "Moussa Adamou",
            None,
        ),
        ("es", "El ministro de Hacienda chileno, Tomás Reyes, llegó a Lima.", "Tomás Reyes", "CHL"),
        ("en", "Ghana's Minister for Trade and Industry Elikem Kotoko arrived in Lomé.", "Elikem Kotoko", "GHA"),
        ("de", "Der polnische Wirtschaftsminister Jan Nowicki kam nach Berlin.", "Jan Nowicki", "POL"),
        ("ru", "Министр внутренних дел Казахстана Ержан Садыков прибыл в Бишкек.", "Erzhan Sadykov", "KAZ"),
    ],
)
def test_a_ministry_after_the_title_still_introduces_the_minister(lang, text, name, state):
    people = {l["name"]: l for l in facts(text, lang)["leaders"]}
    assert name in people, people
    assert state is None or people[name]["state"] == state
    assert people[name]["role"] and "minister" in people[name]["role"]


@pytest.mark.parametrize(
    "lang, text, not_minister",
    [
        # the ministry ends where a verb begins: the man received is no minister
        ("fr", "Le ministre de l'Intérieur a reçu Paul Durand à Lyon.", "Paul Durand"),
        ("es", "El ministro de Hacienda recibió a Luis Gómez en Quito.", "Luis Gómez"),
        ("en", "The Minister of Finance welcomed Peter Owusu to the talks.", "Peter Owusu"),
        # a ministry's spokesman is not its minister
        ("fr", "Un porte-parole du ministère de l'Intérieur, Marc Lenoir, a parlé.", "Marc Lenoir"),
        ("de", "Ein Sprecher des Innenministeriums, Jonas Keller, sagte das.", "Jonas Keller"),
    ],
)
def test_a_ministry_never_makes_a_minister_of_the_next_name(lang, text, not_minister):
    people = {l["name"]: l for l in facts(text, lang)["leaders"]}
    assert not_minister not in people or "minister" not in (people[not_minister]["role"] or "")


def test_a_phone_call_is_no_meeting_and_a_region_is_no_place():
    obj = extracted("fr_macron_biden_call.txt")
    assert obj["meetings"] == []
    assert "Proche-Orient" not in {p["name"] for p in obj["places"]}
    assert "Élysée Palace" not in {f["name"] for f in obj["facilities"]}  # "a indiqué l'Élysée"
    assert ("Emmanuel Macron", "Israel", "planned") in {(v["visitor"], v["place"], v["status"]) for v in obj["visits"]}


def test_an_institution_in_the_title_gives_the_state_of_an_unknown_person():
    obj = extracted("ru_shoigu_tehran.txt")
    people = {l["name"]: l["state"] for l in obj["leaders"]}
    assert people.get("Sergei Shoigu") == "RUS"
    assert any({"Sergei Shoigu"} <= set(m["participants"]) and m["place"] == "Tehran" for m in obj["meetings"])


def test_two_leaders_talking_about_sectors_count_without_a_discussion_verb():
    assert {"trade", "energy"} <= {s["id"] for s in extracted("es_boric_milei.txt")["sectors"]}


def test_a_summit_with_many_leaders_and_a_bilateral_on_the_side():
    obj = extracted("en_g20_delhi.txt")
    assert obj["pair"] == ["IND", "USA"]
    assert any(
        set(m["participants"]) == {"Narendra Modi", "Joe Biden"} and {"space", "technology"} <= set(m["sectors"])
        for m in obj["meetings"]
    )


def test_hard_wrapped_text_keeps_names_and_sentences_whole():
    text = (
        "Russian President Vladimir Putin met North Korean leader Kim Jong\nUn at the Vostochny Cosmodrome "
        "on Wednesday, and the two\nleaders discussed space cooperation.\r\n"
    )
    obj = facts(text, "en", "2023-09-14")
    assert {l["name"] for l in obj["leaders"]} >= {"Vladimir Putin", "Kim Jong Un"}
    assert any(m["place"] == "Vostochny Cosmodrome" and m["date"] == "2023-09-13" for m in obj["meetings"])


_WORDS = sorted({w for p in EXAMPLES for w in p.read_text(encoding="utf-8").split()})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=120),
    st.lists(st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", "\t"]), min_size=1, max_size=8),
    st.sampled_from(["fr", "en", "es", "de", "ru"]),
    st.booleans(),
    st.sampled_from([None, "2023-09-14", "2020-02-29"]),
)
def test_shuffled_article_words_never_crash_and_quote_exactly(words, seps, lang, upper, published):
    """Words of real articles in random order reach every rule (titles, places, dates, events)."""
    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    text = text.upper() if upper else text
    obj = extract(replace(parse_text(text, "mix.txt"), lang=lang, published=published)).to_json()
    for _, item in evidence_items(obj):
        for e in item["evidence"]:
            assert text[e["start"] : e["end"]] == e["quote"]


def test_an_agency_after_a_preposition_is_no_place_and_the_venue_wins():
    obj = extracted("en_lula_xi_beijing.txt")
    assert "Xinhua" not in {p["name"] for p in obj["places"]}
    assert ("Xinhua", "credit") in {(s["name"], s["kind"]) for s in obj["sources"]}
    assert any(m["place"] == "Great Hall of the People" and m["date"] == "2023-04-14" for m in obj["meetings"])
    # "Lula invited Xi to visit Brazil": the host of the destination invites
    assert ("Luiz Inácio Lula da Silva", "diplomacy") in {(p["by"], p["sector"]) for p in obj["proposals"]}


def test_leaders_agreeing_somewhere_met_there():
    obj = extracted("fr_kishida_yoon_tokyo.txt")
    assert any(
        set(m["participants"]) == {"Fumio Kishida", "Yoon Suk Yeol"}
        and m["place"] == "Tokyo"
        and m["date"] == "2023-03-16"
        for m in obj["meetings"]
    )
    assert ("Fumio Kishida", "Seoul", "planned") in {(v["visitor"], v["place"], v["status"]) for v in obj["visits"]}


def test_a_character_unicode_has_no_name_for_does_not_crash_russian_morphology():
    # pymorphy3 asks unicodedata for the name of every letter; an unassigned one has none
    obj = facts("A00\U00017000", "ru")  # found by hypothesis: Tangut, no name in this Python's Unicode data
    assert obj["meetings"] == [] and obj["visits"] == []


def test_a_declined_russian_city_also_carries_its_nominative():
    out = facts("Президент Узбекистана Шавкат Мирзиёев прилетел в Анкару во вторник.", "ru")
    ankara = next(p for p in out["places"] if p["name"] == "Ankara")
    assert "Анкару" in ankara["aliases"] and "Анкара" in ankara["aliases"]
    visit = next(v for v in out["visits"] if v["place"] == "Ankara")
    assert "Анкара" in visit["place_aliases"]


def test_no_nominative_is_added_for_a_form_the_text_does_not_decline():
    out = facts("Президент Узбекистана Шавкат Мирзиёев прилетел в Анкару во вторник.", "ru")
    ankara = next(p for p in out["places"] if p["name"] == "Ankara")
    # the reference's other cases ("Анкаре", "Анкары") were not written
    assert not {"Анкаре", "Анкары"} & set(ankara["aliases"])


@pytest.mark.parametrize(
    "text, who",
    [
        # in Latin America "canciller" is the foreign minister
        (
            "El presidente uruguayo Yamandú Orsi se reunió el martes en Ciudad de México con la canciller mexicana.",
            "MEX:foreign minister",
        ),
        # the German head of government keeps his title
        (
            "El presidente uruguayo Yamandú Orsi se reunió el martes en Montevideo con el canciller alemán.",
            "DEU:chancellor",
        ),
    ],
)
def test_spanish_canciller_is_a_chancellor_only_where_chancellors_govern(text, who):
    out = facts(text, "es")
    assert [sorted(m["participants"]) for m in out["meetings"]] == [sorted(["Yamandú Orsi", who])]


def test_a_given_name_written_short_ends_no_sentence_after_a_title():
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.context import sentences

    text = "Peters met Foreign Affairs Secretary Ma. Theresa Lazaro at the ministry on Monday. They spoke."
    sents = sentences(text, tokenize(text), 0, set(), False, rd.lexicon("en"))
    assert [text[s.start : s.end] for s in sents][0].endswith("on Monday.")
    assert len(sents) == 2


def test_a_surname_that_is_also_an_abbreviation_still_ends_its_sentence():
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.context import sentences

    # after another name, "Ma." is a surname: "Jack Ma." ends the sentence, "Theresa May" opens one
    text = "The prize went to Jack Ma. Theresa May spoke next."
    sents = sentences(text, tokenize(text), 0, set(), False, rd.lexicon("en"))
    assert len(sents) == 2


def test_the_parser_reads_a_short_given_name_whole():
    out = facts(
        "Foreign Minister Winston Peters met Foreign Affairs Secretary Ma. Theresa Lazaro in Manila on Monday.",
        "en",
        "2026-08-05",
    )
    assert [(sorted(m["participants"]), m["date"]) for m in out["meetings"]] == [
        (["Theresa Lazaro", "Winston Peters"], "2026-08-03")
    ]


def test_a_monarch_named_by_a_given_name_two_kings_share_is_nobody_without_a_place():
    # "Felipe" is Spain's king and, in Spanish, Belgium's: no state or city here says which
    out = facts("El rey Felipe elogió el martes la labor de los voluntarios.", "es")
    assert out["leaders"] == []


def test_a_guest_received_by_two_hosts_together_is_one_meeting():
    # no word of sequence between the hosts: one meeting of three (its negative: probe successive_hosts)
    out = facts(
        "Argentine President Javier Milei met King Felipe VI and Prime Minister Pedro Sánchez at the Royal Palace on Wednesday.",
        "en",
        "2026-05-21",
    )
    assert [sorted(m["participants"]) for m in out["meetings"]] == [["Felipe VI", "Javier Milei", "Pedro Sánchez"]]


def test_a_city_in_the_possessive_on_a_venue_is_where_the_meeting_is():
    out = facts(
        "Ghanaian President John Mahama was welcomed at Ottawa's Macdonald-Cartier airport on Sunday "
        "by Canadian Prime Minister Mark Carney.",
        "en",
        "2026-05-12",
    )
    assert [(m["place"], m["status"]) for m in out["meetings"]] == [("Ottawa", "held")]
    assert [(v["visitor"], v["place"]) for v in out["visits"]] == [("John Mahama", "Ottawa")]


def test_a_city_in_the_possessive_on_anything_else_is_no_place():
    # "at Tokyo's request": whose request, not where
    out = facts(
        "Ghanaian President John Mahama met Canadian Prime Minister Mark Carney at Tokyo's request on Sunday.",
        "en",
        "2026-05-12",
    )
    assert [m["place"] for m in out["meetings"]] == [None]
    assert not any(v["place"] == "Tokyo" for v in out["visits"])


@pytest.mark.parametrize(
    "text, lang, place",
    [
        (
            "Bundespräsident Guy Parmelin empfing am Donnerstag den ghanaischen Präsidenten John Mahama im Landsitz Lohn.",
            "de",
            "Lohn Estate",
        ),
        (
            "El presidente Gustavo Petro recibió el jueves al presidente ecuatoriano Daniel Noboa en la finca Hatogrande.",
            "es",
            "Hatogrande Estate",
        ),
    ],
)
def test_a_country_estate_is_a_venue(text, lang, place):
    out = facts(text, lang, "2026-06-12")
    assert [m["place"] for m in out["meetings"]] == [place]


# -- a short name two states share ("Korea") ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "In Seoul on Monday, Korea's trade minister Park Min-jae received Uzbekistan's Bakhtiyor Saidov."),
        ("fr", "À Séoul lundi, le ministre du Commerce de la Corée, Park Min-jae, a reçu l'Ouzbek Bakhtiyor Saidov."),
        ("es", "En Seúl, el ministro de Comercio de Corea, Park Min-jae, recibió el lunes a Bakhtiyor Saidov."),
        ("de", "In Seoul empfing der Handelsminister Koreas, Park Min-jae, am Montag Bakhtiyor Saidov."),
        ("ru", "В Сеуле министр торговли Кореи Пак Мин Чже в понедельник принял Бахтиёра Саидова."),
    ],
)
def test_korea_is_south_korea_where_the_story_names_it_otherwise(lang, text):
    f = facts(text, lang)
    minister = [le for le in f["leaders"] if le["role"] == "trade minister"]
    assert [le["state"] for le in minister] == ["KOR"], f["leaders"]
    assert "korea" not in minister[0]["name"].lower() and "kore" not in minister[0]["name"].lower()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Korea's trade minister Park Min-jae condemned North Korea's missile launch."),
        ("ru", "Министр торговли Кореи Пак Мин Чже осудил запуск ракеты Северной Кореей."),
        ("de", "Der Handelsminister Koreas, Park Min-jae, verurteilte den Raketenstart Nordkoreas."),
        ("fr", "Le ministre du Commerce de la Corée, Park Min-jae, a condamné le tir de missile de la Corée du Nord."),
        ("es", "El ministro de Comercio de Corea, Park Min-jae, condenó el lanzamiento de misiles de Corea del Norte."),
    ],
)
def test_korea_next_to_north_korea_alone_is_no_state_and_no_part_of_a_name(lang, text):
    # the Korean press writes "Korea" for the South next to "North Korea": never read as the North
    f = facts(text, lang)
    assert {s["iso3"] for s in f["states"]} == {"PRK"}
    assert all(le["state"] != "PRK" for le in f["leaders"]), f["leaders"]
    assert all("kore" not in le["name"].lower() for le in f["leaders"]), f["leaders"]


# -- hyphenated given names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("en", "South Korean Trade Minister Park Min-jae met Bakhtiyor Saidov on Monday.", "Park Min-jae"),
        ("fr", "Le ministre sud-coréen du Commerce, Park Min-jae, a reçu lundi Bakhtiyor Saidov.", "Park Min-jae"),
        ("es", "El ministro de Comercio de Corea del Sur, Park Min-jae, recibió a Bakhtiyor Saidov.", "Park Min-jae"),
        ("de", "Der südkoreanische Handelsminister Park Min-jae traf am Montag Bakhtiyor Saidov.", "Park Min-jae"),
        ("ru", "Министр торговли Южной Кореи Пак Мин-чже встретился с Бахтиёром Саидовым.", "Пак Мин-чже"),
        (
            "fr",
            "Le ministre malien de la Défense, Jean-Pierre Moulin, a reçu lundi Bakhtiyor Saidov.",
            "Jean-Pierre Moulin",
        ),
    ],
)
def test_a_hyphenated_given_name_is_kept_whole(lang, text, name):
    f = facts(text, lang)
    assert name in [le["name"] for le in f["leaders"]], f["leaders"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Foreign Minister Hakan Fidan-style diplomacy was praised by Bakhtiyor Saidov."),
        ("en", "Interior Minister Ines Okafor-led talks ended on Monday."),
        ("de", "Wirtschaftsminister Ines Okafor-nahe Kreise begrüßten am Montag Bakhtiyor Saidov."),
        ("fr", "Le ministre de l'Intérieur Ines Okafor-compatible a reçu lundi Bakhtiyor Saidov."),
        ("es", "El ministro del Interior Ines Okafor-style recibió el lunes a Bakhtiyor Saidov."),
        ("ru", "Министр внутренних дел Кении Ким Ли-то встретился с Бахтиёром Саидовым."),
    ],
)
def test_a_word_glued_to_a_name_by_a_hyphen_is_no_syllable_of_it(lang, text):
    f = facts(text, lang)
    assert all("-" not in le["name"] for le in f["leaders"]), f["leaders"]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("El ministro de Comercio de Chile, Juan Pérez, recibió el lunes a Bakhtiyor Saidov.", "trade minister"),
        ("La ministra de Economía y Finanzas de Uruguay, Ana López, se reunió con Saidov.", "economy minister"),
        ("El ministro de Minas y Energía de Colombia, Luis Ríos, viajó a Quito.", "energy minister"),
        ("La ministra de Salud de Perú, Rosa Díaz, visitó Lima.", "health minister"),
    ],
)
def test_spanish_ministers_titles_name_their_office(text, role):
    f = facts(text, "es")
    assert [le["role"] for le in f["leaders"] if le["name"] != "Bakhtiyor Saidov"][:1] == [role], f["leaders"]


@pytest.mark.parametrize(
    ("lang", "text", "n"),
    [
        ("en", "Saidov welcomed the ruling on X. The ministry said no meeting was planned.", 2),
        ("de", "Saidow begrüsste den Entscheid auf X. Ein Treffen ist nicht vorgesehen.", 2),
        ("fr", "Saidov a salué la décision sur X. Il ne rencontrera pas Cassis.", 2),
        ("es", "Saidov celebró el fallo en X. El ministerio no prevé una reunión.", 2),
        ("ru", "Саидов приветствовал решение в X. Он не встретится с Кассисом.", 2),
        # an initial before a name ends no sentence, before an article or a pronoun it does
        ("en", "Secretary of State Antony J. Blinken met Saidov. He left.", 2),
        ("de", "Der Minister Hans G. Weber traf Saidow. Er reiste ab.", 2),
    ],
)
def test_a_capital_letter_before_an_article_or_a_pronoun_ends_its_sentence(lang, text, n):
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.context import sentences

    sents = sentences(text, tokenize(text), 0, set(), lang == "de", rd.lexicon(lang))
    assert len(sents) == n, [text[s.start : s.end] for s in sents]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Jean-Noël Barrot is in Nairobi until Wednesday. In the late afternoon he was received by President William Ruto.",
        ),
        (
            "fr",
            "Jean-Noël Barrot reste à Nairobi jusqu'à mercredi. En fin d'après-midi, il a été reçu par le président William Ruto.",
        ),
        (
            "de",
            "Jean-Noël Barrot bleibt bis Mittwoch in Nairobi. Am späten Nachmittag wurde er von Präsident William Ruto empfangen.",
        ),
        (
            "es",
            "Jean-Noël Barrot permanecerá en Nairobi hasta el miércoles. A última hora de la tarde fue recibido por el presidente William Ruto.",
        ),
        ("ru", "Жан-Ноэль Барро пробудет в Найроби до среды. Ближе к вечеру его принял президент Уильям Руто."),
    ],
)
def test_the_end_of_a_stay_is_no_day_an_encounter_is_on(lang, text):
    f = facts(text, lang, "2026-06-17")
    assert f["meetings"], f
    assert all(m["date"] != "2026-06-17" for m in f["meetings"]), f["meetings"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person of a state whose names come into Latin letters from Russian: transliterated
        ("Министр энергетики России Иван Петрович Сомов встретился с Бахтиёром Саидовым.", "Ivan Petrovich Somov"),
        ("Министр энергетики Казахстана Ерлан Аккенженов встретился с Бахтиёром Саидовым.", "Erlan Akkenzhenov"),
        # of any other state: as the text writes it, in the nominative (never spelt back)
        ("Министр обороны Сирии Халид Абу Саад встретился с Андреем Белоусовым.", "Халид Абу Саад"),
        ("Министр сельского хозяйства Эфиопии Гирма Амэнте встретился с Максимом Рыженковым.", "Гирма Амэнте"),
    ],
)
def test_a_new_person_in_russian_is_named_as_the_state_spells_its_names(text, name):
    f = facts(text, "ru", "2026-05-05")
    assert name in [le["name"] for le in f["leaders"]], f["leaders"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ru", "Напомним, вчера министр иностранных дел России Сергей Лавров провел переговоры с Ван И в Пекине."),
        ("fr", "Pour rappel, hier, le ministre Jean-Noël Barrot a rencontré Wang Yi à Pékin."),
        ("es", "Cabe recordar que ayer el canciller José Manuel Albares se reunió con Wang Yi en Pekín."),
    ],
)
def test_a_reminder_of_the_last_days_stays_held(lang, text):
    f = facts(text, lang, "2026-05-05")
    assert [m["status"] for m in f["meetings"]] == ["held"], f["meetings"]
