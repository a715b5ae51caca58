"""The language lexicons (``loaders/data/lang/*.json``) agree on their keys, so that a rule
written for one language finds its words in every other: a language is a data change."""

from __future__ import annotations

import json

import pytest

from relgraph.loaders import refdata as rd


def _raw(lang: str) -> dict:
    # read the file itself, not the cached lexicon, so that a test run sees the file as it is
    return json.loads((rd._data() / "lang" / f"{lang}.json").read_text(encoding="utf-8"))


LANGS = rd.languages()


def test_the_five_languages_have_lexicons():
    assert set(LANGS) >= {"de", "en", "es", "fr", "ru"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_lexicon_has_the_same_keys(lang):
    keys = {l: set(_raw(l)) for l in LANGS}
    every = set().union(*keys.values())
    assert sorted(every - keys[lang]) == [], f"{lang}.json lacks these keys"


@pytest.mark.parametrize("lang", LANGS)
def test_a_key_holds_the_same_kind_of_value_in_every_language(lang):
    ref = _raw("en")
    own = _raw(lang)
    kinds = {k: type(v).__name__ for k, v in own.items() if k in ref}
    want = {k: type(ref[k]).__name__ for k in kinds}
    assert kinds == want


@pytest.mark.parametrize("lang", LANGS)
def test_lexicon_names_its_language(lang):
    assert _raw(lang)["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_event_words_have_the_same_keys(lang):
    assert sorted(_raw(lang)["events"]) == sorted(_raw("en")["events"])


def test_every_key_is_used_by_the_code():
    """A key no rule reads is a word list nobody maintains: each must be named in loaders/."""
    from pathlib import Path

    import relgraph.loaders as loaders

    source = "".join(p.read_text(encoding="utf-8") for p in Path(loaders.__file__).parent.rglob("*.py"))
    raw = _raw("en")
    unused = [k for k in raw if k != "lang" and f'"{k}"' not in source]
    unused += [f"events.{k}" for k in raw["events"] if f'"{k}"' not in source]
    assert unused == []
