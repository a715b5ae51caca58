"""Language detection, restricted to the languages relgraph has lexicons for plus a few common
others, so that an article in an unsupported language is recognised and refused rather than
read with the wrong rules.
"""

from __future__ import annotations

from functools import lru_cache

from relgraph.errors import BadArticle
from relgraph.loaders.refdata import languages

# Languages that are detected so that they can be refused with a clear message.
_OTHERS = ("IT", "PT", "NL", "PL", "UK", "TR", "ZH", "JA", "KO", "AR", "VI", "SV", "CS", "RO")


@lru_cache(maxsize=2)
def _detector(precise: bool = False):
    """lingua's detector over relgraph's languages and the others it refuses: the fast trigram
    models by default; ``precise`` loads the full models (about 300 MB, 1-2 s), asked only for a
    second opinion before a text is refused."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [getattr(IsoCode639_1, c.upper()) for c in languages()] + [getattr(IsoCode639_1, c) for c in _OTHERS]
    builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    return builder.build() if precise else builder.with_low_accuracy_mode().build()


def _words(text: str) -> str:
    """The text without its capitalised words: names ("Luiz Inácio Lula da Silva", "Élysée") say
    nothing of the language an article is written in, its small words do. The text as it is when
    too little would be left (German capitalises its nouns, a headline all its words)."""
    import re

    kept = re.sub(r"\b[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’-]*", " ", text)
    return kept if len(kept.split()) >= 25 else text


def detect(text: str, path: str = "<text>") -> str:
    """The ISO 639-1 code of the article's language; ``BadArticle`` when relgraph cannot read it."""
    sample = _words(text[:1500])  # plenty for five languages; detection time grows with length
    lang = _detector().detect_language_of(sample)
    if lang is None:
        raise BadArticle(path, "language could not be detected (too little text?)")
    code = lang.iso_code_639_1.name.lower()
    if code in languages():
        return code
    # Before refusing, a second opinion from the full models: on a few lines the trigram models
    # take a short English report whose names are Spanish ("Rodrigo Paz met Pedro Sánchez on
    # Monday. The next day, he flew home.") for Italian.
    precise = _detector(precise=True)
    again = precise.detect_language_of(sample)
    if again is not None and again.iso_code_639_1.name.lower() in languages():
        return again.iso_code_639_1.name.lower()
    # Refuse only when the other language is clear: a Spanish text that looks a little
    # Portuguese is still read as Spanish.
    conf = {
        v.language.iso_code_639_1.name.lower(): v.value for v in precise.compute_language_confidence_values(text[:3000])
    }
    best = max(languages(), key=lambda c: conf.get(c, 0.0))
    if len(text.split()) < 12:
        return best  # "Putin met Kim." says too little to refuse it
    if conf.get(code, 0.0) >= 0.75 or conf.get(best, 0.0) < 0.15:
        raise BadArticle(
            path, f"unsupported language {lang.name.title()} ({code}); relgraph reads {', '.join(languages())}"
        )
    return best
