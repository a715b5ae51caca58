"""Publication dates from written-out headers and datelines, bare months and years, durations in
words, and sources by kind (credit, photo): each rule with its counter-example, on texts written
for these tests."""

from __future__ import annotations

import pytest

from relgraph.loaders.dates import duration, find_dateline, find_dates
from relgraph.loaders.gazetteer import tokenize
from relgraph.loaders.read import header_date, parse_text


# -- publication date from the header ----------------------------------------------------------
@pytest.mark.parametrize(
    "value, expected",
    [
        ("2021-03-05", "2021-03-05"),
        ("5 mars 2021", "2021-03-05"),
        ("5. März 2021", "2021-03-05"),
        ("5 de marzo de 2021", "2021-03-05"),
        ("5 марта 2021", "2021-03-05"),
        ("March 5, 2021", "2021-03-05"),
        ("Fri, 05 Mar 2021 08:30:00 +0000", "2021-03-05"),
        # no day, or relative to an unknown today: no date
        ("mars 2021", None),
        ("hier", None),
        ("yesterday", None),
        ("2021", None),
        ("n/a", None),
        ("", None),
    ],
)
def test_header_dates_in_any_written_form(value, expected):
    assert header_date(value) == expected


def test_a_written_out_date_header_resolves_the_article():
    a = parse_text("Titre\nDate: 5 mars 2021\n\nLe ministre est arrivé.\n", "x.txt")
    assert a.published == "2021-03-05"


# -- datelines ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lang, line, agency, date",
    [
        ("fr", "LYON, 3 février (AFP) - Le ministre a parlé.", "AFP", "2021-02-03"),
        ("en", "TORONTO, Sept 2 (Reuters) - The minister spoke.", "Reuters", "2020-09-02"),
        ("ru", "КАЗАНЬ, 3 февраля. /ТАСС/. Министр выступил.", "ТАСС", "2021-02-03"),
        ("es", "SEVILLA, 3 feb (EFE).- El ministro habló.", "EFE", "2021-02-03"),
        ("de", "Hamburg (dpa) - Der Minister sprach.", "dpa", None),
    ],
)
def test_dateline_at_the_head_of_a_wire_story(lang, line, agency, date):
    text = "Titre\n\n" + line + "\n"
    dl = find_dateline(text, 7, lang, "2021-03-05")
    assert dl is not None and text[dl.agency[0] : dl.agency[1]] == agency
    assert (dl.date.value if dl.date else None) == date
    assert text[dl.start : dl.end].startswith(line.split()[0])


@pytest.mark.parametrize(
    "lang, line",
    [
        ("fr", "Le député (LR) - qui a voté contre - a parlé."),
        ("en", "John Smith (left) and his host spoke."),
        ("es", "El ministro (en la imagen) habló."),
        ("de", "Der Minister (SPD) sprach."),
        ("ru", "Министр (слева) выступил."),
    ],
)
def test_a_bracket_in_a_sentence_is_no_dateline(lang, line):
    assert find_dateline("T\n\n" + line + "\n", 3, lang, "2021-03-05") is None


@pytest.mark.parametrize(
    "lang, line, date",
    [
        ("fr", "MALABO, 23 février — Les deux présidents ont parlé samedi.", "2021-02-23"),
        ("en", "KYIV, Feb. 23 - The two presidents spoke on Saturday.", "2021-02-23"),
        ("es", "LIMA, 23 de febrero — Los dos presidentes hablaron el sábado.", "2021-02-23"),
        ("de", "WIEN, 23. Februar – Die beiden Präsidenten sprachen am Samstag.", "2021-02-23"),
        ("ru", "АСТАНА, 23 февраля — Президенты говорили в субботу.", "2021-02-23"),
    ],
)
def test_a_dateline_without_an_agency_is_a_place_in_capitals_a_date_and_a_dash(lang, line, date):
    text = "Titre\n\n" + line + "\n"
    dl = find_dateline(text, 7, lang, "2021-03-05")
    assert dl is not None and dl.agency is None and dl.date is not None and dl.date.value == date
    assert not text[dl.end :].lstrip().startswith(("—", "-", "–"))


@pytest.mark.parametrize(
    "lang, line",
    [
        ("fr", "Emmanuel Macron, 23 février — il a parlé."),  # a name, not a place in capitals
        ("en", "PARIS, the capital - it spoke."),  # no date
        ("es", "LIMA, 3 ministros — hablaron."),  # a number, no date
        ("de", "WIEN, am Ende – sprachen sie."),
        ("ru", "Москва, 23 февраля — президенты говорили."),
    ],
)
def test_a_comma_and_a_dash_alone_make_no_dateline(lang, line):
    assert find_dateline("T\n\n" + line + "\n", 3, lang, "2021-03-05") is None


def test_dateline_gives_the_publication_date_only_when_the_year_is_known():
    with_year = parse_text("Titre\n\nLYON, 3 février 2021 (AFP) - Le ministre a parlé.\n", "x.txt")
    assert with_year.published == "2021-02-03"
    from_url = parse_text(
        "Titre\nURL: https://example.org/2021/02/03/story\n\nLYON, 3 février (AFP) - Le ministre.\n", "x.txt"
    )
    assert from_url.published == "2021-02-03"
    unknown = parse_text("Titre\n\nLYON, 3 février (AFP) - Le ministre a parlé.\n", "x.txt")
    assert unknown.published is None


def test_ctx_dateline_spans_the_dateline():
    from relgraph.pipeline import extract_article

    text = "Titre\nDate: 2021-03-05\n\nLYON, 3 février (AFP) - Le ministre a parlé à Paris.\n"
    a = parse_text(text, "x.txt")
    from relgraph.loaders import extract as ex

    seen = {}
    orig = ex.mark_dateline

    def spy(ctx):
        orig(ctx)
        seen["dl"] = ctx.dateline
        seen["date"] = ctx.dateline_date

    ex.mark_dateline = spy
    try:
        extract_article(a)
    finally:
        ex.mark_dateline = orig
    s, e = seen["dl"]
    assert text[s:e] == "LYON, 3 février (AFP) -"
    assert seen["date"].value == "2021-02-03"


# -- bare months and years ---------------------------------------------------------------------
def _dates(text, lang, pub="2021-06-15"):
    return {(text[d.start : d.end], d.value, d.precision, d.ahead) for d in find_dates(text, tokenize(text), lang, pub)}


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("fr", "Ils se sont vus en mars.", ("mars", "2021-03", "month", "2022-03")),
        ("fr", "Ils se verront en octobre.", ("octobre", "2020-10", "month", "2021-10")),
        ("fr", "Ils se sont vus en octobre dernier.", ("octobre dernier", "2020-10", "month", None)),
        ("en", "They met last November.", ("last November", "2020-11", "month", None)),
        ("en", "They will meet next February.", ("next February", "2022-02", "month", None)),
        ("es", "Se reunieron en abril.", ("abril", "2021-04", "month", "2022-04")),
        ("de", "Sie trafen sich im Februar.", ("Februar", "2021-02", "month", "2022-02")),
        ("ru", "Они встретились в ноябре прошлого года.", ("ноябре прошлого года", "2020-11", "month", None)),
        ("en", "They met in 2016.", ("2016", "2016", "year", None)),
        ("fr", "Ils se sont vus en 2016.", ("2016", "2016", "year", None)),
        ("ru", "Они встретились в 2016 году.", ("2016 году", "2016", "year", None)),
        ("de", "Sie trafen sich im Jahr 2016.", ("2016", "2016", "year", None)),
        ("es", "Se reunieron en 2016.", ("2016", "2016", "year", None)),
    ],
)
def test_bare_months_and_years_are_dates(lang, text, expected):
    assert expected in _dates(text, lang)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "You may leave whenever you like."),
        ("fr", "Mars est une planète rouge."),
        ("es", "El mar estaba tranquilo."),
        ("en", "He counted 2016 votes."),
        ("de", "Die Sonde flog zum Mars."),
        ("ru", "Марс виден с Земли."),
    ],
)
def test_words_that_only_look_like_months_or_years_are_not(lang, text):
    assert _dates(text, lang) == set()


@pytest.mark.parametrize(
    "lang, text, expected",
    [
        ("en", "They held talks two years ago in Lima.", ("two years ago", "2019", "year", None)),
        ("en", "They met three months ago.", ("three months ago", "2021-03", "month", None)),
        ("en", "They spoke 4 days ago.", ("4 days ago", "2021-06-11", "day", None)),
        ("fr", "Ils se sont vus il y a un an.", ("il y a un an", "2020", "year", None)),
        ("fr", "Ils se sont vus il y a deux mois.", ("il y a deux mois", "2021-04", "month", None)),
        ("es", "Se reunieron hace tres años.", ("hace tres años", "2018", "year", None)),
        ("de", "Vor einem Jahr trafen sie sich.", ("Vor einem Jahr", "2020", "year", None)),
        ("de", "Sie trafen sich vor zwei Monaten.", ("vor zwei Monaten", "2021-04", "month", None)),
        ("ru", "Год назад они встретились.", ("Год назад", "2020", "year", None)),
        ("ru", "Они встретились два года назад.", ("два года назад", "2019", "year", None)),
        ("ru", "Они встретились пять лет назад.", ("пять лет назад", "2016", "year", None)),
    ],
)
def test_time_counted_back_from_the_publication_is_a_date(lang, text, expected):
    assert expected in _dates(text, lang)


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "They met a few years ago."),  # no count: no year to give
        ("en", "They met two weeks ago."),  # a week back fixes no calendar month or day
        ("fr", "Ils se sont vus il y a des années."),
        ("es", "Se reunieron hace años."),
        ("de", "Vor dem Treffen im Jahr sprach er."),  # "vor" before another event, no count
        ("de", "Sie trafen sich vor Jahren."),
        ("ru", "Они встретились много лет назад."),
        ("ru", "Они встретились несколько лет назад."),
    ],
)
def test_a_time_back_without_a_count_or_by_weeks_is_no_date(lang, text):
    assert _dates(text, lang) == set()


def test_a_bare_month_without_publication_date_is_left_out():
    assert _dates("They met in March.", "en", pub=None) == set()


# -- durations ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "lang, span, iso",
    [
        ("fr", "l'entretien a duré cinq heures", "PT5H"),
        ("fr", "plus de deux heures et demie", "PT2H30M"),
        ("fr", "une demi-heure", "PT30M"),
        ("en", "the talks lasted three hours", "PT3H"),
        ("en", "for two and a half hours", "PT2H30M"),
        ("en", "an hour and 20 minutes", "PT1H20M"),
        ("en", "a visit of four days", "P4D"),
        ("es", "durante cinco horas", "PT5H"),
        ("es", "una hora y media", "PT1H30M"),
        ("de", "fünf Stunden lang", "PT5H"),
        ("de", "anderthalb Stunden", "PT1H30M"),
        ("ru", "пять часов", "PT5H"),
        ("ru", "более трёх часов", "PT3H"),
        ("ru", "полтора часа", "PT1H30M"),
        ("fr", "pendant 4 heures", "PT4H"),
    ],
)
def test_durations_in_words(lang, span, iso):
    assert duration(span, lang) == iso


@pytest.mark.parametrize(
    "lang, span",
    [
        ("fr", "une rencontre historique"),
        ("en", "five ministers attended"),
        ("es", "cinco ministros asistieron"),
        ("de", "fünf Minister kamen"),
        ("ru", "в частности, пять министров"),
        ("en", "at 5 pm"),
    ],
)
def test_no_duration_without_a_unit_after_a_number(lang, span):
    assert duration(span, lang) is None


# -- sources by kind ---------------------------------------------------------------------------
def _facts(text: str, lang: str):
    from dataclasses import replace

    from relgraph.pipeline import extract_article

    return extract_article(replace(parse_text(text, f"x.{lang}.txt"), lang=lang))


def _sources(text: str, lang: str) -> set[tuple[str, str]]:
    from relgraph.pipeline import extract_article

    a = parse_text(text, f"x.{lang}.txt")
    from dataclasses import replace

    facts = extract_article(replace(a, lang=lang))
    return {(s.name, s.kind) for s in facts.sources}


_HEAD = "Titre\nDate: 2021-03-05\n\n"


@pytest.mark.parametrize(
    "lang, line, name",
    [
        ("fr", "Photo : AFP/VNA", "AFP"),
        ("en", "Photo: Reuters/Jane Doe", "Reuters"),
        ("en", "© Reuters", "Reuters"),
        ("en", "Jane Doe / Reuters", "Reuters"),
        ("de", "Foto: dpa", "dpa"),
        ("ru", "Фото: ТАСС", "TASS"),
        ("es", "Foto: EFE", "EFE"),
        ("en", "Pool via Reuters", "Reuters"),
        (
            "en",
            "The two ministers shake hands in the garden of the residence on Friday. / Reuters/Jane Doe/Pool",
            "Reuters",
        ),
    ],
)
def test_picture_credits_are_photo_never_credit(lang, line, name):
    got = _sources(_HEAD + "Le ministre a parlé.\n" + line + "\n", lang)
    assert (name, "photo") in got and (name, "credit") not in got


@pytest.mark.parametrize(
    "lang, sentence, name",
    [
        ("fr", "Selon l'AFP, le ministre est arrivé hier.", "AFP"),
        ("fr", "Le ministre est arrivé hier, a indiqué Interfax.", "Interfax"),
        ("en", "According to the state agency TASS, the minister arrived.", "TASS"),
        ("en", "Xinhua reported that the minister arrived.", "Xinhua"),
        ("es", "Según EFE, el ministro llegó ayer.", "EFE"),
        ("de", "Laut dpa traf der Minister gestern ein.", "dpa"),
        ("ru", "По данным ТАСС, министр прибыл вчера.", "TASS"),
        ("ru", "По сообщению Интерфакс, министр прибыл вчера.", "Interfax"),
        ("en", "TASS/Kyodo", "TASS"),
    ],
)
def test_an_outlet_credited_for_the_report_is_a_credit(lang, sentence, name):
    assert (name, "credit") in _sources(_HEAD + sentence + "\n", lang)


@pytest.mark.parametrize(
    "lang, sentence, name",
    [
        ("en", "The two ministers signed the accord on Monday, NHK reported.", "NHK"),
        ("fr", "Les deux ministres ont signé l'accord lundi, selon RFI.", "RFI"),
        ("es", "Los dos ministros firmaron el acuerdo el lunes, informó teleSUR.", "teleSUR"),
        ("de", "Die beiden Minister unterzeichneten das Abkommen am Montag, berichtete der ORF.", "ORF"),
        ("ru", "Министры подписали соглашение в понедельник, передает Euronews.", "Euronews"),
    ],
)
def test_a_channel_credited_for_the_report_is_a_credit(lang, sentence, name):
    assert (name, "credit") in _sources(_HEAD + sentence + "\n", lang)


@pytest.mark.parametrize(
    "lang, sentence, name",
    [
        ("en", "The minister told CNN on Monday that the accord was ready.", "CNN"),
        ("en", "The minister said in an interview with NHK that the accord was ready.", "NHK"),
        ("fr", "Le ministre a déclaré sur RFI que l'accord était prêt.", "RFI"),
        ("es", "El ministro dijo a teleSUR que el acuerdo estaba listo.", "teleSUR"),
        ("de", "Der Minister sagte im Interview mit dem ORF, das Abkommen sei fertig.", "ORF"),
        ("ru", "Министр заявил в эфире телеканала «Россия 1», что соглашение готово.", "Rossiya 1"),
    ],
)
def test_a_channel_a_statement_was_made_on_is_a_broadcaster_not_a_credit(lang, sentence, name):
    got = _sources(_HEAD + sentence + "\n", lang)
    assert (name, "broadcaster") in got and (name, "credit") not in got


@pytest.mark.parametrize(
    "lang, line, name",
    [
        ("fr", "LYON, 3 février (AFP) - Le ministre a parlé.", "AFP"),
        ("en", "TORONTO, Feb 3 (Reuters) - The minister spoke.", "Reuters"),
        ("ru", "КАЗАНЬ, 3 февраля. /ТАСС/. Министр выступил.", "TASS"),
        ("es", "SEVILLA, 3 feb (EFE).- El ministro habló.", "EFE"),
        ("de", "Hamburg (dpa) - Der Minister sprach.", "dpa"),
    ],
)
def test_the_agency_of_a_dateline_is_a_credit(lang, line, name):
    assert (name, "credit") in _sources(_HEAD + line + "\n", lang)


@pytest.mark.parametrize(
    "lang, sentence",
    [
        ("fr", "Un journaliste de l'AFP a été blessé lors de la manifestation."),
        ("en", "The Reuters office in the capital was closed last year."),
        ("es", "La sede de EFE en la capital cerró el año pasado."),
        ("de", "Ein Fotograf der dpa wurde bei der Demonstration verletzt."),
        ("ru", "Корреспондент ТАСС был ранен во время демонстрации."),
        ("es", "El ministro dijo que el país necesita paz."),
    ],
)
def test_an_agency_the_body_only_talks_about_is_no_source(lang, sentence):
    assert {k for _, k in _sources(_HEAD + sentence + "\n", lang)} <= {"publisher"}


@pytest.mark.parametrize(
    "lang, text, value",
    [
        ("en", "on Tuesday, December 15", "2026-12-15"),  # a Tuesday in 2026
        ("en", "on Monday, December 15", "2025-12-15"),  # a Monday in 2025
        ("fr", "le lundi 15 septembre", "2025-09-15"),
        ("es", "el martes 15 de septiembre", "2026-09-15"),
        ("de", "am Montag, 15. September", "2025-09-15"),
        ("ru", "во вторник, 15 декабря", "2026-12-15"),
    ],
)
def test_a_weekday_before_a_day_and_month_says_the_year(lang, text, value):
    got = find_dates(text, tokenize(text), lang, "2026-12-02")
    assert [d.value for d in got] == [value]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "on December 15"),  # no weekday: the nearest year, as before
        ("fr", "lundi, puis le 15 décembre"),  # a weekday, but not right before the date
        ("de", "am Montag und am 15. Dezember"),
    ],
)
def test_without_a_weekday_right_before_it_a_date_keeps_the_nearest_year(lang, text):
    got = [
        d.value
        for d in find_dates(text, tokenize(text), lang, "2026-12-02")
        if d.precision == "day" and "-12-15" in d.value
    ]
    assert got == ["2026-12-15"]


@pytest.mark.parametrize(
    "lang, text, published, value",
    [
        ("en", "They met last spring.", "2026-02-11", "2025"),
        ("en", "They met last spring.", "2026-07-01", "2026"),  # spring 2026 is over by July
        ("en", "They will meet next winter.", "2026-02-11", "2026"),
        ("en", "They meet this winter.", "2026-01-15", "2025"),  # the winter under way began in December
        ("fr", "Ils se sont vus l'été dernier.", "2026-02-11", "2025"),
        ("es", "Se verán la próxima primavera.", "2026-02-11", "2026"),
        ("es", "Se verán la próxima primavera.", "2026-05-11", "2027"),  # this spring has begun
        ("de", "Sie trafen sich im vergangenen Herbst.", "2026-02-11", "2025"),
        ("ru", "Они встретятся следующей осенью.", "2026-10-20", "2027"),
    ],
)
def test_a_season_counted_from_the_publication_gives_its_year(lang, text, published, value):
    got = [d for d in find_dates(text, tokenize(text), lang, published)]
    assert [(d.value, d.precision) for d in got] == [(value, "year")]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("en", "The summer was hot and the spring rains came late."),
        ("fr", "Il a été dernier du classement."),  # "été", the verb, is no summer
        ("de", "Der Sommer war lang."),
    ],
)
def test_a_season_with_no_count_gives_no_date(lang, text):
    assert find_dates(text, tokenize(text), lang, "2026-02-11") == []


@pytest.mark.parametrize(
    "text, value",
    [
        ("Er war zuletzt im Jänner in Wien.", "2026-01"),  # the Austrian name of January
        ("Am 15. Jänner 2026 traf er ihn.", "2026-01-15"),
        ("Am 3. Feber reiste sie ab.", "2026-02-03"),
    ],
)
def test_austrian_month_names_are_months(text, value):
    assert [d.value for d in find_dates(text, tokenize(text), "de", "2026-03-10")] == [value]


# -- an agency the reference data lacks, named by the dateline -----------------------------------
@pytest.mark.parametrize(
    "lang, line, agency",
    [
        ("en", "HONIARA (SIBC) - The two prime ministers met on Monday.", "SIBC"),
        ("fr", "NIAMEY (ANP) - Les deux présidents se sont rencontrés lundi.", "ANP"),
        ("es", "ASUNCIÓN (IP) - Los dos presidentes se reunieron el lunes.", "IP"),
        ("de", "VADUZ (LIEWO) - Die beiden Regierungschefs trafen sich am Montag.", "LIEWO"),
        ("ru", "ДУШАНБЕ, 2 марта — Ховар. Президенты встретились в понедельник.", "Khovar"),
        ("ru", "БИШКЕК, 2 марта /Тазабек/ - Президенты встретились в понедельник.", "Тазабек"),
    ],
)
def test_a_dateline_credits_its_agency_even_one_the_reference_data_lacks(lang, line, agency):
    assert (agency, "credit") in _sources("Titre\n\n" + line + "\n", lang)


@pytest.mark.parametrize(
    "lang, text, acronym",
    [
        ("fr", "KINSHASA (ACP) - Les deux présidents se sont parlé, selon l'Agence congolaise de presse.", "ACP"),
        ("en", "NAIROBI (KNA) - The two presidents spoke, the Kenya News Agency reported.", "KNA"),
        ("es", "ASUNCIÓN (AIP) - Los dos presidentes hablaron, según la Agencia de Información Paraguaya.", "AIP"),
    ],
)
def test_an_agency_named_in_full_and_by_its_initials_is_one_source(lang, text, acronym):
    facts = _facts("Titre\n\n" + text + "\n", lang)
    credits = [s for s in facts.sources if s.kind == "credit"]
    assert [s.name for s in credits] == [acronym] and len(credits[0].evidence) == 2


def test_a_full_name_whose_initials_differ_stays_a_source_of_its_own():
    facts = _facts(
        "Titre\n\nKINSHASA (AFP) - Les deux présidents se sont parlé, selon l'Agence congolaise de presse.\n", "fr"
    )
    assert {s.name for s in facts.sources if s.kind == "credit"} == {"AFP", "Agence congolaise de presse"}


@pytest.mark.parametrize(
    "lang, line",
    [
        # a party after a name is no dateline, and a short sentence after a bare dateline no agency
        (
            "en",
            "Smith (SNP) - the member spoke on Monday.",
        ),
        (
            "fr",
            "Le député (LR) - qui a voté contre - a parlé.",
        ),
        (
            "ru",
            "МОСКВА, 2 марта — Путин прилетел. Президенты встретились в понедельник.",
        ),
        (
            "ru",
            "МОСКВА, 2 марта — Владимир Путин. Президенты встретились в понедельник.",
        ),
        (
            "es",
            "LIMA, 2 de marzo — Hablaron. Los dos presidentes se reunieron.",
        ),
    ],
)
def test_no_agency_is_made_up_from_a_name_or_a_short_sentence(lang, line):
    assert not {name for name, kind in _sources("Titre\n\n" + line + "\n", lang) if kind == "credit"}


@pytest.mark.parametrize(
    ("lang", "text", "quote", "value"),
    [
        ("en", "They met in April 2019 and again in October of the same year.", "October of the same year", "2019-10"),
        (
            "fr",
            "Ils se sont vus en avril 2019, puis en octobre de la même année.",
            "octobre de la même année",
            "2019-10",
        ),
        ("de", "Sie trafen sich im April 2019 und im Oktober desselben Jahres.", "Oktober desselben Jahres", "2019-10"),
        ("es", "Se reunieron en abril de 2019 y en octubre del mismo año.", "octubre del mismo año", "2019-10"),
        ("ru", "Они встречались в апреле 2019 года и в октябре того же года.", "октябре того же года", "2019-10"),
    ],
)
def test_a_month_of_the_same_year_takes_the_year_named_before(lang, text, quote, value):
    from relgraph.loaders.dates import find_dates
    from relgraph.loaders.gazetteer import tokenize

    found = {text[d.start : d.end]: d.value for d in find_dates(text, tokenize(text), lang, "2026-05-05")}
    assert found.get(quote) == value, found


@pytest.mark.parametrize("lang", ["en", "fr", "de", "es", "ru"])
def test_the_same_year_with_no_year_named_before_is_no_date(lang):
    from relgraph.loaders.dates import find_dates
    from relgraph.loaders.gazetteer import tokenize

    text = {
        "en": "The same year, they met in Sochi.",
        "fr": "La même année, ils se sont vus à Sotchi.",
        "de": "Im selben Jahr trafen sie sich in Sotschi.",
        "es": "Ese mismo año se reunieron en Sochi.",
        "ru": "В том же году они встречались в Сочи.",
    }[lang]
    assert find_dates(text, tokenize(text), lang, "2026-05-05") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Ich habe ihn 2024 bei der COP29 in Baku begrüßt.", ["2024"]),
        ("Die beiden trafen sich 2019 in Baku.", ["2019"]),
        ("Rund 2000 Soldaten nahmen an der Parade teil.", []),  # a number before a noun
        ("Es kamen 2019 Menschen zur Kundgebung.", []),
        ("Sie treffen sich 2031 in Baku.", []),  # no year after the publication's
    ],
)
def test_a_german_bare_year_is_a_date_only_between_words_before_a_preposition(text, found):
    from relgraph.loaders.dates import find_dates
    from relgraph.loaders.gazetteer import tokenize

    assert [d.value for d in find_dates(text, tokenize(text), "de", "2026-05-05")] == found
