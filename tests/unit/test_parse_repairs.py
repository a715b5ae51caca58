"""Repairs of known parser slips (``nlp.client``), on trees built by hand as the parser gave them.

Russian (``_ru_participle_noun``): "Руто принял во дворце министра Лаоса Сипхандона, прилетевшего
накануне" read by natasha with the participle hung on "принял" and "министра" (and the place
before it) hung on the participle: the noun is the verb's object and the participle qualifies it.

Spanish (``_particle_verbs``): a Portuguese name particle read as a verb ("Palacio das
Necessidades"), further down.
"""

from __future__ import annotations

from relgraph.loaders.nlp.client import (
    Tok,
    _flat_with_case,
    _one_root,
    _particle_verbs,
    _perfect_as_root,
    _ru_participle_noun,
)

FIN = {"VerbForm": "Fin", "Tense": "Past", "Aspect": "Perf"}
PART_GEN = {"VerbForm": "Part", "Tense": "Past", "Case": "Gen", "Gender": "Masc", "Number": "Sing"}
GEN = {"Case": "Gen", "Gender": "Masc", "Number": "Sing", "Animacy": "Anim"}
LOC = {"Case": "Loc", "Gender": "Masc", "Number": "Sing"}


def sentence(rows: list[tuple[str, str, int, str, dict]], lemmas: dict[str, str] | None = None) -> tuple[Tok, ...]:
    out, at = [], 0
    for i, (form, upos, head, rel, feats) in enumerate(rows, start=1):
        lemma = (lemmas or {}).get(form, form.lower())
        out.append(Tok(i, form, lemma, upos, head, rel, at, at + len(form), feats))
        at += len(form) + 1
    return tuple(out)


def slipped(verb_obj: bool = False, noun_feats: dict = GEN, comma: bool = True) -> tuple[Tok, ...]:
    """Руто (1) принял (2) во (3) дворце (4) министра (5) Лаоса (6) Сипхандона (7) , (8)
    прилетевшего (9) накануне (10) . (11), as the slip hangs it."""
    rows = [
        ("Руто", "PROPN", 2, "nsubj", {"Case": "Nom"}),
        ("принял", "VERB", 0, "root", FIN),
        ("во", "ADP", 4, "case", {}),
        ("дворце", "NOUN", 9, "obl", LOC),
        ("министра", "NOUN", 9, "obj", noun_feats),
        ("Лаоса", "PROPN", 5, "nmod", {"Case": "Gen"}),
        ("Сипхандона", "PROPN", 5, "appos", GEN),
        ("," if comma else "и", "PUNCT" if comma else "CCONJ", 9, "punct" if comma else "cc", {}),
        ("прилетевшего", "VERB", 2, "acl", PART_GEN),
        ("накануне", "ADV", 9, "advmod", {}),
        (".", "PUNCT", 2, "punct", {}),
    ]
    if verb_obj:
        rows[0] = ("гостя", "NOUN", 2, "obj", GEN)
    return sentence(rows)


def heads(toks: tuple[Tok, ...]) -> dict[str, tuple[int, str]]:
    return {t.form: (t.head, t.deprel) for t in toks}


def test_the_noun_a_participle_qualifies_is_the_verbs_object():
    h = heads(_ru_participle_noun(slipped()))
    assert h["министра"] == (2, "obj")
    assert h["прилетевшего"] == (5, "acl")
    assert h["дворце"] == (2, "obl")  # the place before the noun is the reception's
    assert h["накануне"] == (9, "advmod")  # the participle's own time stays with it


def test_a_verb_with_an_object_of_its_own_keeps_the_parse():
    toks = slipped(verb_obj=True)
    assert _ru_participle_noun(toks) == toks


def test_a_noun_that_does_not_agree_with_the_participle_keeps_the_parse():
    toks = slipped(noun_feats={"Case": "Dat", "Gender": "Masc", "Number": "Sing"})
    assert _ru_participle_noun(toks) == toks
    toks = slipped(noun_feats={"Case": "Gen", "Gender": "Fem", "Number": "Sing"})
    assert _ru_participle_noun(toks) == toks


def test_a_participle_not_set_off_by_a_comma_keeps_the_parse():
    toks = slipped(comma=False)
    assert _ru_participle_noun(toks) == toks


# Spanish (``_particle_verbs``): "conversó en el Palacio das Necessidades con su par", CoreNLP
# reading the Portuguese "das" as a verb (you give) and hanging the rest of the sentence on it.


def palace(particle: str = "das", after: str = "Necessidades") -> tuple[Tok, ...]:
    return sentence(
        [
            ("Quirno", "PROPN", 2, "nsubj", {}),
            ("conversó", "VERB", 0, "root", FIN),
            ("en", "ADP", 5, "case", {}),
            ("el", "DET", 5, "det", {}),
            ("Palacio", "PROPN", 2, "obl", {}),
            (particle, "VERB", 2, "advcl", {}),
            (after, "PROPN", 6, "obj", {}),
            ("con", "ADP", 9, "case", {}),
            ("Rangel", "PROPN", 6, "obl", {}),
            (".", "PUNCT", 2, "punct", {}),
        ]
    )


def test_a_name_particle_read_as_a_verb_opens_the_next_name():
    h = heads(_particle_verbs(palace()))
    assert h["das"] == (7, "case")
    assert h["Necessidades"] == (5, "nmod")  # the palace's name
    assert h["Rangel"] == (2, "obl")  # whom he talked with: the sentence's verb's again


def test_a_verb_before_a_lower_case_word_keeps_the_parse():
    toks = palace(after="necesidades")
    assert _particle_verbs(toks) == toks
    toks = palace(particle="dio")  # a verb that is no name particle
    assert _particle_verbs(toks) == toks


# Russian (``_one_root``): "побеседовал во дворце с португальским коллегой", natasha making
# "коллегой" a second root; a noun with its preposition and no verb of its own, after a verb root,
# is that verb's oblique.


def second_root(case: bool = True, verb_child: bool = False) -> tuple[Tok, ...]:
    rows = [
        ("Кирно", "PROPN", 2, "nsubj", {"Case": "Nom"}),
        ("побеседовал", "VERB", 0, "root", FIN),
        ("с" if case else "и", "ADP" if case else "CCONJ", 5, "case" if case else "cc", {}),
        ("португальским", "ADJ", 5, "amod", {}),
        ("коллегой", "NOUN", 0, "root", {"Case": "Ins"}),
        (
            "." if not verb_child else "ответившим",
            "PUNCT" if not verb_child else "VERB",
            2 if not verb_child else 5,
            "punct" if not verb_child else "acl",
            {},
        ),
    ]
    return sentence(rows)


def test_a_second_root_with_its_preposition_is_the_verbs_oblique():
    h = heads(tuple(_one_root(list(second_root()))))
    assert h["коллегой"] == (2, "obl")


def test_a_second_root_with_no_preposition_or_a_verb_of_its_own_stays_a_root():
    assert heads(tuple(_one_root(list(second_root(case=False)))))["коллегой"] == (0, "root")
    assert heads(tuple(_one_root(list(second_root(verb_child=True)))))["коллегой"] == (0, "root")


def two_roots(colon: bool = True) -> list[Tok]:
    """Последний (1) раз (2) президент (3) приезжал (4) в (5) Россию (6) в (7) августе (8) : (9)
    тогда (10) X (11) встречался (12) с (13) Путиным (14) . (15), as natasha gave it: two roots,
    and "тогда" hung on the first."""
    rows = [
        ("Последний", "ADJ", 2, "amod", {}),
        ("раз", "NOUN", 4, "obl", {}),
        ("президент", "NOUN", 4, "nsubj", {"Case": "Nom"}),
        ("приезжал", "VERB", 0, "root", FIN),
        ("в", "ADP", 6, "case", {}),
        ("Россию", "PROPN", 4, "obl", {}),
        ("в", "ADP", 8, "case", {}),
        ("августе", "NOUN", 4, "obl", LOC),
        (":" if colon else ",", "PUNCT", 12, "punct", {}),
        ("тогда", "ADV", 4, "advmod", {}),
        ("Ньюси", "PROPN", 12, "nsubj", {"Case": "Nom"}),
        ("встречался", "VERB", 0, "root", FIN),
        ("с", "ADP", 14, "case", {}),
        ("Путиным", "PROPN", 12, "obl", {}),
        (".", "PUNCT", 4, "punct", {}),
    ]
    return list(sentence(rows))


def test_a_second_verb_root_after_a_colon_is_a_parataxis_with_its_own_adverb():
    h = heads(tuple(_one_root(two_roots())))
    assert h["встречался"] == (4, "parataxis")
    assert h["тогда"] == (12, "advmod")  # "then": the time of the clause after the colon
    assert h["августе"] == (4, "obl")  # the first clause keeps its own time


def test_a_second_verb_root_after_a_comma_stays_a_root():
    h = heads(tuple(_one_root(two_roots(colon=False))))
    assert h["встречался"] == (0, "root")
    assert h["тогда"] == (4, "advmod")


def avoir_root(obj: bool = False) -> tuple[Tok, ...]:
    """Cassis (1) a (2) pour (3) sa (4) part (5) déjà (6) reçu (7) lundi (8) son (9) homologue (10)
    . (11), as CoreNLP gave it: "a" the root, the participle its xcomp."""
    rows = [
        ("Cassis", "PROPN", 2, "nsubj", {}),
        ("a", "VERB", 0, "root", {}),
        ("pour", "ADP", 5, "case", {}),
        ("sa", "DET", 5, "det", {}),
        ("intention", "NOUN", 2, "obj", {}) if obj else ("part", "NOUN", 7, "obl", {}),
        ("déjà", "ADV", 7, "advmod", {}),
        ("reçu", "VERB", 2, "xcomp", {}),
        ("lundi", "NOUN", 7, "obl", {}),
        ("son", "DET", 10, "det", {}),
        ("homologue", "NOUN", 7, "obj", {}),
        (".", "PUNCT", 2, "punct", {}),
    ]
    return sentence(rows, {"a": "avoir", "reçu": "recevoir"})


def test_an_avoir_root_with_a_participle_is_its_auxiliary():
    h = heads(_perfect_as_root("fr", avoir_root()))
    assert h["reçu"] == (0, "root")
    assert h["a"] == (7, "aux")
    assert h["Cassis"] == (7, "nsubj")  # what hung on the auxiliary hangs on the participle
    assert h["lundi"] == (7, "obl")


def test_an_avoir_root_with_an_object_of_its_own_keeps_the_parse():
    h = heads(_perfect_as_root("fr", avoir_root(obj=True)))
    assert h["a"] == (0, "root")
    assert h["reçu"] == (2, "xcomp")


def palace_then_name(case: bool = True) -> tuple[Tok, ...]:
    """El (1) rey (2) concedió (3) audiencia (4) en (5) el (6) Palacio (7) Real (8) a (9) Prabowo
    (10) Subianto (11) . (12), as CoreNLP gave it: "Prabowo" run on into the palace's name."""
    rows = [
        ("El", "DET", 2, "det", {}),
        ("rey", "NOUN", 3, "nsubj", {}),
        ("concedió", "VERB", 0, "root", {}),
        ("audiencia", "NOUN", 3, "obj", {}),
        ("en", "ADP", 7, "case", {}),
        ("el", "DET", 7, "det", {}),
        ("Palacio", "PROPN", 3, "obl", {}),
        ("Real", "PROPN", 7, "flat", {}),
        ("a" if case else "y", "ADP" if case else "CCONJ", 10, "case" if case else "cc", {}),
        ("Prabowo", "PROPN", 7, "flat", {}),
        ("Subianto", "PROPN", 10, "flat", {}),
        (".", "PUNCT", 3, "punct", {}),
    ]
    return sentence(rows)


def test_a_name_with_a_preposition_of_its_own_is_no_part_of_the_name_before():
    h = heads(_flat_with_case(palace_then_name()))
    assert h["Prabowo"] == (3, "obl")  # the verb's own phrase, as the palace's is
    assert h["Real"] == (7, "flat")  # the palace keeps its name
    assert h["Subianto"] == (10, "flat")


def test_a_name_word_with_no_preposition_stays_in_the_name():
    h = heads(_flat_with_case(palace_then_name(case=False)))
    assert h["Prabowo"] == (7, "flat")
