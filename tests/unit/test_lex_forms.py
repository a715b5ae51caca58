"""How a parsed word is matched with a lexicon key (``clauses.Lex.has``): by its lemma or form,
and by the forms a lemmatiser leaves as they are (Spanish and French participles, Russian past
active participles in "-вш-"). Tokens are built by hand, as the parsers give them."""

from __future__ import annotations

import pytest

from relgraph.loaders import clauses as K
from relgraph.loaders.nlp.client import Tok


def tok(form: str, upos: str = "VERB", feats: dict | None = None, lemma: str | None = None) -> Tok:
    return Tok(1, form, lemma or form.lower(), upos, 0, "acl", 0, len(form), feats or {})


PART = {"VerbForm": "Part", "Tense": "Past", "Voice": "Act"}


@pytest.mark.parametrize(
    "form, key",
    [
        ("состоявшемся", "occur_verbs"),  # состояться: the reflexive ending kept
        ("посетивший", "visit_verbs"),  # посетить
        ("прибывшего", "arrive_verbs"),  # прибыть
    ],
)
def test_a_russian_past_active_participle_matches_its_verb(form, key):
    assert K.lex("ru").has(key, tok(form, feats=PART))


@pytest.mark.parametrize(
    "form, feats, key",
    [
        ("состоявшемся", {}, "occur_verbs"),  # not tagged a participle: no guess from its shape
        ("посетивший", PART, "occur_verbs"),  # another verb's key
        ("посетившийся", PART, "visit_verbs"),  # a reflexive form of a verb the key holds without one
        ("вшивый", PART, "visit_verbs"),  # no stem before the suffix
    ],
)
def test_a_russian_participle_matches_nothing_else(form, feats, key):
    assert not K.lex("ru").has(key, tok(form, feats=feats))
