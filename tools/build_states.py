#!/usr/bin/env python3
"""Build the state reference data: loaders/data/states.tsv and loaders/data/state_aliases.tsv.

Standalone: python tools/build_states.py [--check]

Sources
- STATES below: ISO 3166-1 alpha-3, Wikidata QID, short English news name, UN status.
  alpha-2 comes from pycountry (XK for Kosovo and SU for the USSR are user-assigned / withdrawn codes).
- tools/state_overlay.tsv: the curated surface forms (names, adjectives, capitals, metonyms,
  acronyms, prefixes, official names) in fr, en, es, de, ru. See the comment at its top.
- Official names that the overlay lacks are filled in from pycountry's ISO 3166-1 translations,
  filtered (no inverted "Korea, Republic of" forms, no stress marks, nothing ambiguous).

Generated on top of the overlay
- inflection of adjectives (fr: gender/number, es: gender/number, de: strong/weak endings, en: plural
  demonyms), German genitive -s of country names (Russlands), Russian case forms of names and capitals
  (Россия, России, Россию, Россией), prefixes (de "russisch-", es "ruso-", ru "российско-"),
  spelling variants (' and ’, É/E at the start of a French form, ё/е).

Every (lang, form) maps to one state: forms are compared case-insensitively (acronyms case-sensitively),
a repeated form of the same state is kept once (first kind wins, in KIND_ORDER), and a form claimed by two
states aborts the build.
"""

from __future__ import annotations

import argparse
import csv
import gettext
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
OVERLAY = ROOT / "tools" / "state_overlay.tsv"
OUT_DIR = ROOT / "loaders" / "data"
LANGS = ("fr", "en", "es", "de", "ru")
KIND_ORDER = ("name", "official", "acronym", "capital", "metonym", "adjective", "prefix")

# iso3: (wikidata QID, short English news name, status)
STATES_TEXT = """
AFG Q889 Afghanistan
ALB Q222 Albania
DZA Q262 Algeria
AND Q228 Andorra
AGO Q916 Angola
ATG Q781 Antigua and Barbuda
ARG Q414 Argentina
ARM Q399 Armenia
AUS Q408 Australia
AUT Q40 Austria
AZE Q227 Azerbaijan
BHS Q778 Bahamas
BHR Q398 Bahrain
BGD Q902 Bangladesh
BRB Q244 Barbados
BLR Q184 Belarus
BEL Q31 Belgium
BLZ Q242 Belize
BEN Q962 Benin
BTN Q917 Bhutan
BOL Q750 Bolivia
BIH Q225 Bosnia and Herzegovina
BWA Q963 Botswana
BRA Q155 Brazil
BRN Q921 Brunei
BGR Q219 Bulgaria
BFA Q965 Burkina Faso
BDI Q967 Burundi
CPV Q1011 Cape Verde
KHM Q424 Cambodia
CMR Q1009 Cameroon
CAN Q16 Canada
CAF Q929 Central African Republic
TCD Q657 Chad
CHL Q298 Chile
CHN Q148 China
COL Q739 Colombia
COM Q970 Comoros
COG Q971 Republic of the Congo
COD Q974 DR Congo
CRI Q800 Costa Rica
CIV Q1008 Ivory Coast
HRV Q224 Croatia
CUB Q241 Cuba
CYP Q229 Cyprus
CZE Q213 Czech Republic
DNK Q35 Denmark
DJI Q977 Djibouti
DMA Q784 Dominica
DOM Q786 Dominican Republic
ECU Q736 Ecuador
EGY Q79 Egypt
SLV Q792 El Salvador
GNQ Q983 Equatorial Guinea
ERI Q986 Eritrea
EST Q191 Estonia
SWZ Q1050 Eswatini
ETH Q115 Ethiopia
FJI Q712 Fiji
FIN Q33 Finland
FRA Q142 France
GAB Q1000 Gabon
GMB Q1005 Gambia
GEO Q230 Georgia
DEU Q183 Germany
GHA Q117 Ghana
GRC Q41 Greece
GRD Q769 Grenada
GTM Q774 Guatemala
GIN Q1006 Guinea
GNB Q1007 Guinea-Bissau
GUY Q734 Guyana
HTI Q790 Haiti
HND Q783 Honduras
HUN Q28 Hungary
ISL Q189 Iceland
IND Q668 India
IDN Q252 Indonesia
IRN Q794 Iran
IRQ Q796 Iraq
IRL Q27 Ireland
ISR Q801 Israel
ITA Q38 Italy
JAM Q766 Jamaica
JPN Q17 Japan
JOR Q810 Jordan
KAZ Q232 Kazakhstan
KEN Q114 Kenya
KIR Q710 Kiribati
PRK Q423 North Korea
KOR Q884 South Korea
KWT Q817 Kuwait
KGZ Q813 Kyrgyzstan
LAO Q819 Laos
LVA Q211 Latvia
LBN Q822 Lebanon
LSO Q1013 Lesotho
LBR Q1014 Liberia
LBY Q1016 Libya
LIE Q347 Liechtenstein
LTU Q37 Lithuania
LUX Q32 Luxembourg
MDG Q1019 Madagascar
MWI Q1020 Malawi
MYS Q833 Malaysia
MDV Q826 Maldives
MLI Q912 Mali
MLT Q233 Malta
MHL Q709 Marshall Islands
MRT Q1025 Mauritania
MUS Q1027 Mauritius
MEX Q96 Mexico
FSM Q702 Micronesia
MDA Q217 Moldova
MCO Q235 Monaco
MNG Q711 Mongolia
MNE Q236 Montenegro
MAR Q1028 Morocco
MOZ Q1029 Mozambique
MMR Q836 Myanmar
NAM Q1030 Namibia
NRU Q697 Nauru
NPL Q837 Nepal
NLD Q55 Netherlands
NZL Q664 New Zealand
NIC Q811 Nicaragua
NER Q1032 Niger
NGA Q1033 Nigeria
MKD Q221 North Macedonia
NOR Q20 Norway
OMN Q842 Oman
PAK Q843 Pakistan
PLW Q695 Palau
PAN Q804 Panama
PNG Q691 Papua New Guinea
PRY Q733 Paraguay
PER Q419 Peru
PHL Q928 Philippines
POL Q36 Poland
PRT Q45 Portugal
QAT Q846 Qatar
ROU Q218 Romania
RUS Q159 Russia
RWA Q1037 Rwanda
KNA Q763 Saint Kitts and Nevis
LCA Q760 Saint Lucia
VCT Q757 Saint Vincent and the Grenadines
WSM Q683 Samoa
SMR Q238 San Marino
STP Q1039 São Tomé and Príncipe
SAU Q851 Saudi Arabia
SEN Q1041 Senegal
SRB Q403 Serbia
SYC Q1042 Seychelles
SLE Q1044 Sierra Leone
SGP Q334 Singapore
SVK Q214 Slovakia
SVN Q215 Slovenia
SLB Q685 Solomon Islands
SOM Q1045 Somalia
ZAF Q258 South Africa
SSD Q958 South Sudan
ESP Q29 Spain
LKA Q854 Sri Lanka
SDN Q1049 Sudan
SUR Q730 Suriname
SWE Q34 Sweden
CHE Q39 Switzerland
SYR Q858 Syria
TJK Q863 Tajikistan
TZA Q924 Tanzania
THA Q869 Thailand
TLS Q574 East Timor
TGO Q945 Togo
TON Q678 Tonga
TTO Q754 Trinidad and Tobago
TUN Q948 Tunisia
TUR Q43 Turkey
TKM Q874 Turkmenistan
TUV Q672 Tuvalu
UGA Q1036 Uganda
UKR Q212 Ukraine
ARE Q878 United Arab Emirates
GBR Q145 United Kingdom
USA Q30 United States
URY Q77 Uruguay
UZB Q265 Uzbekistan
VUT Q686 Vanuatu
VEN Q717 Venezuela
VNM Q881 Vietnam
YEM Q805 Yemen
ZMB Q953 Zambia
ZWE Q954 Zimbabwe
VAT Q237 Vatican City | observer
PSE Q219060 Palestine | observer
TWN Q865 Taiwan | other
XKX Q1246 Kosovo | other
SUN Q15180 Soviet Union | other
"""

# alpha-2 codes pycountry does not have
ISO2_EXTRA = {"XKX": "XK", "SUN": "SU"}


def parse_states() -> list[dict]:
    rows = []
    for line in STATES_TEXT.strip().splitlines():
        main, _, status = line.partition("|")
        iso3, qid, name = main.strip().split(" ", 2)
        status = status.strip() or "member"
        if iso3 in ISO2_EXTRA:
            iso2 = ISO2_EXTRA[iso3]
        else:
            iso2 = pycountry.countries.get(alpha_3=iso3).alpha_2
        rows.append({"iso3": iso3, "iso2": iso2, "wikidata": qid, "name": name, "status": status})
    return rows


# ---------------------------------------------------------------- inflection


def fr_adj(b: str) -> list[str]:
    if b.endswith("e"):
        return [b, b + "s"]
    if b.endswith("en"):  # italien, coréen, nicaraguayen
        return [b, b + "ne", b + "s", b + "nes"]
    if b[-1] in "sxz":  # français, suisse? (no), kirghiz
        return [b, b + "e", b + "es"]
    return [b, b + "e", b + "s", b + "es"]


_ES_ACC = str.maketrans("áéíóú", "aeiou")


def es_adj(b: str) -> list[str]:
    if b.endswith("o"):
        return [b, b[:-1] + "a", b + "s", b[:-1] + "as"]
    if b[-1] in "ea":
        return [b, b + "s"]
    if len(b) > 2 and b[-2] in "áéíóú" and b[-1] in "ns":  # francés, alemán, letón, kirguís
        root = b[:-2] + b[-2].translate(_ES_ACC) + b[-1]
        return [b, root + "a", root + "es", root + "as"]
    if b[-1] in "íú":  # iraní, papú
        return [b, b + "es", b + "s"]
    if b[-1] == "l":  # español, mongol
        return [b, b + "a", b + "es", b + "as"]
    if b[-1] == "r":  # kosovar
        return [b, b + "es"]
    if b[-1] == "i":  # suazi
        return [b, b + "s"]
    return [b]


def de_adj(b: str) -> list[str]:
    if b.endswith("sch"):
        return [b] + [b + e for e in ("e", "en", "er", "es", "em")]
    return [b]


def en_adj(b: str) -> list[str]:
    if b.endswith(("ese", "ish", "ch", "sh", "ss", "s", "z", "men", "ic")):
        return [b]
    return [b, b + "s"]


ADJ = {"fr": fr_adj, "es": es_adj, "de": de_adj, "en": en_adj}

DE_GEN_MULTI = {
    "Sri Lanka",
    "Costa Rica",
    "San Marino",
    "El Salvador",
    "Burkina Faso",
    "Trinidad und Tobago",
    "Bosnien und Herzegowina",
    "Antigua und Barbuda",
    "St. Lucia",
    "Saint Lucia",
}
DE_NO_GEN = {"Philippinen", "Malediven", "Seychellen", "Komoren", "Salomonen", "Marshallinseln"}


def de_genitive(form: str) -> str | None:
    if form in DE_NO_GEN or "'" in form or "’" in form:
        return None
    if " " in form and form not in DE_GEN_MULTI:
        return None
    if form[-1] in "sxzßeSXZ" or form.endswith(("ei", "union")):
        return None
    return form + "s"


# Russian: six cases (nom, gen, dat, acc, ins, prep) of one word
_RU_VOWELS = "аеёиоуыэюя"


def ru_word(w: str) -> list[str]:
    if w in ("и", "—", "-"):
        return [w] * 6
    if w.endswith("ия"):
        s = w[:-2]
        return [w, s + "ии", s + "ии", s + "ию", s + "ией", s + "ии"]
    if w.endswith("ая"):
        s = w[:-2]
        return [w, s + "ой", s + "ой", s + "ую", s + "ой", s + "ой"]
    if w.endswith("ый"):
        s = w[:-2]
        return [w, s + "ого", s + "ому", w, s + "ым", s + "ом"]
    if w.endswith("ий"):
        s = w[:-2]
        return [w, s + "ого", s + "ому", w, s + "им", s + "ом"]
    if w.endswith("я") and len(w) > 1 and w[-2] in _RU_VOWELS:
        s = w[:-1]
        return [w, s + "и", s + "е", s + "ю", s + "ей", s + "е"]
    if w.endswith("а"):
        s = w[:-1]
        if s and s[-1] in _RU_VOWELS:  # Антигуа, Манагуа: indeclinable
            return [w] * 6
        gen = "и" if s[-1] in "кгхжшчщ" else "ы"
        ins = "ей" if s[-1] in "жшчщц" else "ой"
        return [w, s + gen, s + "е", s + "у", s + ins, s + "е"]
    if w.endswith("й"):
        s = w[:-1]
        return [w, s + "я", s + "ю", w, s + "ем", s + "е"]
    if w.endswith("ь"):
        s = w[:-1]
        return [w, s + "я", s + "ю", w, s + "ем", s + "е"]
    if w[-1].lower() in "бвгджзклмнпрстфхцчшщ":
        ins = "ем" if w[-1] in "жшчщц" else "ом"
        return [w, w + "а", w + "у", w, w + ins, w + "е"]
    return [w] * 6


def ru_decline(phrase: str) -> list[str]:
    words = [ru_word(w) for w in phrase.split(" ")]
    out = []
    for case in range(6):
        f = " ".join(w[case] for w in words)
        if f not in out:
            out.append(f)
    return out


# ---------------------------------------------------------------- variants


def variants(lang: str, form: str) -> list[str]:
    out = [form]
    for f in list(out):
        if "'" in f:
            out.append(f.replace("'", "’"))
        elif "’" in f:
            out.append(f.replace("’", "'"))
    if lang == "fr":
        for f in list(out):
            if f.startswith("É"):
                out.append("E" + f[1:])
    if lang == "ru":
        for f in list(out):
            if "ё" in f or "Ё" in f:
                out.append(f.replace("ё", "е").replace("Ё", "Е"))
    return out


# ---------------------------------------------------------------- overlay


def read_overlay() -> list[tuple[str, str, str, str]]:
    """(iso3, lang, kind, form) in overlay order, after inflection/declension."""
    rows: list[tuple[str, str, str, str]] = []
    for lineno, line in enumerate(OVERLAY.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 7:
            sys.exit(f"{OVERLAY}:{lineno}: expected 7 columns, got {len(cells)}")
        iso3, kind, *langcells = cells
        for lang, cell in zip(LANGS, langcells):
            for raw in (c.strip() for c in cell.split(";")):
                if not raw:
                    continue
                literal = raw.startswith("=")
                base = raw[1:] if literal else raw
                if kind == "adj":
                    forms = [base] if literal or lang == "ru" else ADJ[lang](base)
                    rows += [(iso3, lang, "adjective", f) for f in forms]
                    # prefixes derived from adjectives
                    if not literal:
                        if lang == "de" and base.endswith("sch"):
                            rows.append((iso3, lang, "prefix", base + "-"))
                        elif lang == "es" and base.endswith("o"):
                            rows.append((iso3, lang, "prefix", base + "-"))
                        elif lang == "ru" and base.endswith(("ск*", "цк*")):
                            rows.append((iso3, lang, "prefix", base[:-1] + "о-"))
                    continue
                if kind in ("name", "capital", "metonym") and lang == "ru" and not literal and not base.endswith("*"):
                    forms = ru_decline(base)
                else:
                    forms = [base]
                if kind == "name" and lang == "de" and not literal:
                    g = de_genitive(base)
                    if g:
                        forms.append(g)
                rows += [(iso3, lang, kind, f) for f in forms]
    return rows


# official names from pycountry's translations, for states the overlay leaves without one
# misspelt or odd translations in the iso-codes catalogue
_PYC_BAD = {("BGD", "fr"), ("BTN", "fr"), ("COM", "de"), ("MUS", "fr"), ("BHS", "es"), ("DMA", "es"), ("MMR", "es")}
_PYC_SKIP = {"TWN", "PSE", "VAT", "COD", "COG", "KOR", "PRK", "MKD", "CZE", "FSM", "BOL", "VEN", "IRN", "CIV"}


def pycountry_officials(have: set[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    trans = {
        lang: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in LANGS
        if lang != "en"
    }
    out = []
    for c in pycountry.countries:
        iso3 = c.alpha_3
        on = getattr(c, "official_name", None)
        if not on or iso3 in _PYC_SKIP:
            continue
        for lang in LANGS:
            if (iso3, lang) in have:
                continue
            f = on if lang == "en" else trans[lang].gettext(on)
            if lang != "en" and f == on:
                continue  # untranslated
            if (iso3, lang) in _PYC_BAD:
                continue
            if lang == "ru":  # stress marks (Респу́блика)
                f = unicodedata.normalize("NFC", unicodedata.normalize("NFD", f).replace("\u0301", ""))
            if "," in f or "(" in f or "rovince" in f:
                continue
            if f.startswith(("L'", "L’")):
                f = f[2:]
            if f.startswith("the "):
                f = f[4:]
            if lang == "ru":
                f = f.replace("штаты", "Штаты")
            out.append((iso3, lang, "official", f))
    return out


def build() -> tuple[list[dict], list[tuple[str, str, str, str]], list[str]]:
    states = parse_states()
    known = {s["iso3"] for s in states}
    raw = read_overlay()
    have_official = {(i, l) for i, l, k, _ in raw if k == "official"}
    raw += [r for r in pycountry_officials(have_official) if r[0] in known]

    problems: list[str] = []
    for iso3, *_ in raw:
        if iso3 not in known:
            problems.append(f"unknown iso3 in overlay: {iso3}")

    # expand variants, order by kind priority (stable within a kind)
    expanded = []
    for iso3, lang, kind, form in raw:
        for f in variants(lang, form):
            expanded.append((iso3, lang, kind, f))
    expanded.sort(key=lambda r: KIND_ORDER.index(r[2]))

    owner: dict[tuple[str, str], tuple[str, str]] = {}
    rows = []
    for iso3, lang, kind, form in expanded:
        form = unicodedata.normalize("NFC", form.strip())
        key = (lang, form if kind == "acronym" else form.casefold())
        if key in owner:
            if owner[key][0] != iso3:
                problems.append(f"{lang} {form!r}: {owner[key][0]} ({owner[key][1]}) and {iso3} ({kind})")
            continue
        owner[key] = (iso3, kind)
        rows.append((iso3, lang, kind, form))

    # stems must not be too short and must not swallow another state's form
    for iso3, lang, _kind, form in rows:
        if form.endswith("*"):
            stem = form[:-1].casefold()
            if len(stem) < 4:
                problems.append(f"stem too short: {lang} {form}")
            for iso3b, langb, _kindb, formb in rows:
                # a longer multi-word form (Китайская Республика) wins over the stem by longest match
                if (
                    langb == lang
                    and iso3b != iso3
                    and " " not in formb
                    and formb.casefold().startswith(stem)
                    and formb.casefold() != stem
                    and (len(formb) > len(stem))
                    and formb[len(stem) : len(stem) + 1].isalpha()
                ):
                    problems.append(f"stem {lang} {form} ({iso3}) also matches {formb} ({iso3b})")

    order = {s["iso3"]: n for n, s in enumerate(states)}
    rows.sort(key=lambda r: (order[r[0]], LANGS.index(r[1]), KIND_ORDER.index(r[2])))
    return states, rows, problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="build and report problems without writing")
    args = ap.parse_args()
    states, rows, problems = build()
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    if args.check:
        print(f"{len(states)} states, {len(rows)} aliases")
        return
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(OUT_DIR / "states.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(["iso3", "iso2", "wikidata", "name", "status"])
        for s in states:
            w.writerow([s["iso3"], s["iso2"], s["wikidata"], s["name"], s["status"]])
    with open(OUT_DIR / "state_aliases.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(["iso3", "lang", "kind", "form"])
        w.writerows(rows)
    counts = defaultdict(int)
    for _, lang, kind, _ in rows:
        counts[(lang, kind)] += 1
    print(f"wrote {len(states)} states, {len(rows)} aliases")
    for lang in LANGS:
        print(lang, " ".join(f"{k}={counts[(lang, k)]}" for k in KIND_ORDER))


if __name__ == "__main__":
    main()
