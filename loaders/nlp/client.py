"""Parsing clients: the local CoreNLP server over HTTP (en, fr, de, es), natasha in process (ru).

A call of ``parse()`` sends the spans it has not seen before in one HTTP request (one sentence a
line); the server is started on first need, under its lock, so parallel workers start one.
Parses are kept in an in-process LRU cache keyed by (language, sentence text), so re-extracting
an article does not parse it again. ``RELGRAPH_PARSER_URL`` points at a server run by hand instead
(never started or stopped by relgraph).
"""

from __future__ import annotations

import re
import bisect
import functools
import os
import sys
import threading
from collections import OrderedDict
from dataclasses import replace

from relgraph.errors import ParserError
from relgraph.loaders.nlp import Parse, Tok

KEEP_SUBTYPES = {"pass", "agent", "relcl"}
CORENLP_LANGS = ("en", "fr", "de", "es")
CACHE_SIZE = 4096  # sentences (about 25 MB of tokens)


def _deprel(rel: str) -> str:
    rel = rel.lower()
    if rel == "root":
        return "root"
    base, _, sub = rel.partition(":")
    if sub and any(s in KEEP_SUBTYPES for s in sub.split(":")):
        return base + ":" + next(s for s in sub.split(":") if s in KEEP_SUBTYPES)
    return base


@functools.lru_cache(maxsize=8)
def _lemmatizer(lang: str):
    """The lemmatizer of the mentions too (``gazetteer.lemmatize``, simplemma): one for the parses
    and the text."""
    try:
        import simplemma  # noqa: F401
    except ImportError:
        raise ParserError("simplemma is not installed: pip install 'simplemma>=2,<3'") from None
    from relgraph.loaders.gazetteer import lemmatize

    return functools.partial(lemmatize, lang)


# -- the cache: toks with offsets relative to their sentence's start ---------------------------
_cache: OrderedDict[tuple[str, str], tuple[Tok, ...]] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(lang: str, seg: str) -> tuple[Tok, ...] | None:
    with _cache_lock:
        toks = _cache.get((lang, seg))
        if toks is not None:
            _cache.move_to_end((lang, seg))
        return toks


def _remember(lang: str, seg: str, toks: tuple[Tok, ...]) -> None:
    with _cache_lock:
        _cache[(lang, seg)] = toks
        _cache.move_to_end((lang, seg))
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _shift(toks: tuple[Tok, ...], by: int) -> tuple[Tok, ...]:
    return tuple(
        Tok(t.i, t.form, t.lemma, t.upos, t.head, t.deprel, t.start + by, t.end + by, dict(t.feats)) for t in toks
    )


# -- CoreNLP -------------------------------------------------------------------------------------
def _echo(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _endpoint():
    """(url, the managed server or None when RELGRAPH_PARSER_URL names one run by hand)."""
    url = os.environ.get("RELGRAPH_PARSER_URL")
    if url:
        return url.rstrip("/"), None
    from relgraph.loaders.nlp.server import ParserServer

    server = ParserServer.default()
    return server.url, server


def _ensure_running(server) -> None:
    pid = server.pid()
    # another process may be starting it (pid written, warm-up under way): start() waits on its lock
    if not pid or len(server.warmed(pid)) < len(CORENLP_LANGS):
        server.start(echo=_echo)


def _corenlp(lang: str, segs: list[str]) -> list[tuple[Tok, ...]]:
    """Toks of each sentence (offsets relative to it), from one request."""
    from relgraph.loaders.nlp.server import annotate

    # one sentence a line: with ssplit.eolonly CoreNLP splits at line ends only
    lines = [seg.replace("\n", " ").replace("\r", " ") for seg in segs]
    body = "\n".join(lines)
    told = body
    if lang == "de":
        # "Tamim bin Hamad", "Mohammed bin Salman": German reads the Arabic name's "bin" as "(ich)
        # bin", a copula that breaks the sentence around it; the parser is sent a name's word of
        # the same length instead, and the tokens keep the text's own form
        body = _NAME_PARTICLE_DE.sub(_name_particle, body)
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    url, server = _endpoint()
    if server is not None:
        _ensure_running(server)
    try:
        doc = annotate(url, lang, body)
    except ParserError:
        if server is not None and server.pid() is None:
            raise ParserError(
                f"the parser server died (last log line: {server.last_log_line()}); `relgraph parser start` restarts it"
            ) from None
        raise
    # CoreNLP counts offsets in UTF-16 units: map them back to code points past the BMP
    u16 = _utf16_to_cp(body) if any(ord(c) > 0xFFFF for c in body) else None
    lemma = _lemmatizer(lang)
    out: list[list[Tok]] = [[] for _ in segs]
    for sent in doc.get("sentences", []):
        if not sent["tokens"]:
            continue
        conv = (lambda o: u16[o]) if u16 else (lambda o: o)
        k = bisect.bisect_right(starts, conv(sent["tokens"][0]["characterOffsetBegin"])) - 1
        toks, base, off = out[k], starts[k], len(out[k])
        deps = {d["dependent"]: d for d in sent["basicDependencies"]}
        # German separable verbs: "kündigte ... an" is ankündigen, "lud ... ein" einladen
        particle = {
            d["governor"]: sent["tokens"][d["dependent"] - 1]["word"].lower()
            for d in sent["basicDependencies"]
            if d["dep"] == "compound:prt" and d["governor"]
        }
        for t in sent["tokens"]:
            d = deps.get(t["index"], {"governor": 0, "dep": "root"})
            lem = lemma(t["word"])
            if t["index"] in particle and lang == "de":
                lem = particle[t["index"]] + lem
            begin, end = conv(t["characterOffsetBegin"]), conv(t["characterOffsetEnd"])
            toks.append(
                Tok(
                    off + t["index"],
                    told[begin:end] if body[begin:end] != told[begin:end] else t["word"],
                    lem,
                    t["pos"] if lang != "en" else _upos_en(t["pos"]),
                    (d["governor"] + off) if d["governor"] else 0,
                    _deprel(d["dep"]),
                    begin - base,
                    end - base,
                )
            )
    return [tuple(toks) for toks in out]


def _utf16_to_cp(text: str) -> list[int]:
    """index: a UTF-16 offset into ``text``; value: the code-point offset."""
    m = []
    for i, c in enumerate(text):
        m.extend([i, i] if ord(c) > 0xFFFF else [i])
    m.append(len(text))
    return m


# "bin" (son of) inside a capitalised name: "Tamim bin Hamad", not "ich bin"
_NAME_PARTICLE_DE = re.compile(r"(?<=\w )bin(?= [A-Z])")


def _name_particle(m: re.Match[str]) -> str:
    """ "Ben" for a "bin" whose word before is a capitalised name."""
    before = m.string[: m.start() - 1].rsplit(" ", 1)[-1]
    return "Ben" if before[:1].isupper() and before not in ("Ich", "ICH") else m.group(0)


_EN = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "IN": "ADP",
    "DT": "DET",
    "PRP": "PRON",
    "PRP$": "PRON",
    "CD": "NUM",
    "CC": "CCONJ",
    "TO": "PART",
    "POS": "PART",
    "WDT": "PRON",
    "WP": "PRON",
    "WRB": "ADV",
}


def _upos_en(tag: str) -> str:
    return _EN.get(tag, "PUNCT" if not tag[:1].isalpha() else "X")


# -- natasha (ru) --------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _natasha():
    """The embedding, syntax parser and morphology tagger: loaded once per process (~1.2 s)."""
    try:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser
    except ImportError:
        raise ParserError("natasha is not installed: pip install 'natasha>=1.6,<2'") from None
    emb = NewsEmbedding()
    return NewsSyntaxParser(emb), NewsMorphTagger(emb)


def _russian(segs: list[str]) -> list[tuple[Tok, ...]]:
    """natasha, one sentence at a time: a sentence's parse must not depend on which others share
    its batch (padding changes the model's arithmetic), so that an extraction is a function of
    the article's text alone, whatever was parsed or cached before."""
    from natasha import Doc
    from natasha.doc import DocSent, DocToken
    from razdel import tokenize as rtok

    syntax, morph = _natasha()
    lemma = _lemmatizer("ru")
    out = []
    for seg in segs:
        doc = Doc(seg)
        doc.tokens = [DocToken(x.start, x.stop, x.text) for x in rtok(seg)]
        if not doc.tokens:
            out.append(())
            continue
        doc.sents = [DocSent(0, len(seg), seg, tokens=doc.tokens)]
        doc.parse_syntax(syntax)
        doc.tag_morph(morph)
        toks = tuple(
            Tok(
                n,
                x.text,
                lemma(x.text),
                _ru_pos(x.pos, x.text),
                int(x.head_id.split("_")[1]),
                _deprel(x.rel or "dep"),
                x.start,
                x.stop,
                dict(x.feats or {}),
            )
            for n, x in enumerate(doc.tokens, 1)
        )
        retagged = {t.i for t, x in zip(toks, doc.tokens) if x.pos == "VERB" and t.upos == "NOUN"}
        out.append(_ru_noun_as_object(toks, retagged))
    return out


def _ru_pos(pos: str | None, word: str) -> str:
    """natasha's part of speech, but the dictionary's where natasha's is one the dictionary does
    not know the word as: a noun tagged as a verb ("аудиенцию") or a rare verb tagged as a noun
    ("позавтракала")."""
    if pos == "NOUN" and _ru_only(word, ("VERB", "INFN")):
        return "VERB"
    if pos == "VERB" and _ru_only(word, ("NOUN",)):
        return "NOUN"
    return pos or "X"


def _ru_noun_as_object(toks: tuple[Tok, ...], retagged: set[int]) -> tuple[Tok, ...]:
    """A noun natasha took for a verb and hung as an adjective on the noun after it ("дал
    аудиенцию министру": "аудиенцию" an amod of "министру"): in the accusative, the object of
    the verb that noun hangs on."""
    out = list(toks)
    for t in toks:
        if t.i not in retagged or t.deprel != "amod" or not t.head:
            continue  # (only a word natasha took for a verb)
        h = toks[t.head - 1]
        if (
            h.head
            and toks[h.head - 1].upos == "VERB"
            and any(q.tag.case == "accs" for q in _ru_morph().parse(t.form.lower()))
        ):
            out[t.i - 1] = replace(t, head=h.head, deprel="obj")
    return tuple(out)


@functools.lru_cache(maxsize=50_000)
def _ru_only(word: str, pos: tuple[str, ...]) -> bool:
    """The dictionary knows ``word`` and only as one of ``pos`` (pymorphy3's parts of speech)."""
    parses = _ru_morph().parse(word.lower())
    return bool(parses) and all(q.tag.POS in pos for q in parses) and _ru_morph().word_is_known(word.lower())


@functools.lru_cache(maxsize=1)
def _ru_morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def tree(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """The same tokens as a tree: a head outside the sentence, or a cycle of heads (natasha's
    parser can make one: a word its own head, two words each other's), is cut by attaching the
    token to the root, so that every walk up a parse ends."""
    toks = list(toks)
    n = len(toks)
    for k, t in enumerate(toks):
        if not 0 <= t.head <= n or t.head == t.i:
            toks[k] = replace(t, head=0, deprel="root" if t.head == t.i else t.deprel)
    for k in range(n):
        seen: set[int] = set()
        cur = toks[k]
        while cur.head:
            if cur.i in seen:
                j = cur.i - 1
                toks[j] = replace(toks[j], head=0)
                break
            seen.add(cur.i)
            cur = toks[cur.head - 1]
    return tuple(toks)


def _one_root(toks: list[Tok]) -> list[Tok]:
    """natasha can leave a word with no head but a relation of its own ("сделан в октябре в
    Душанбе, где ...": "Душанбе" an oblique of nothing): it hangs where the word of the same
    relation before it hangs ("в октябре", on "сделан"), or else on the root."""
    root = next((t.i for t in toks if t.head == 0 and t.deprel == "root"), 0)
    if not root:
        return toks
    for k, t in enumerate(toks):
        if t.head or t.deprel == "root":
            continue
        head = next((x.head for x in reversed(toks[:k]) if x.deprel == t.deprel and x.head), root)
        cur, steps = toks[head - 1], 0
        while cur.head and cur.i != t.i and steps <= len(toks):
            cur, steps = toks[cur.head - 1], steps + 1
        if cur.i == t.i:
            head = root  # (never under a word of its own subtree)
        toks[k] = replace(t, head=head if head != t.i else root)
    # a second root that is a phrase of the first's ("побеседовал во дворце ... с португальским
    # коллегой": "коллегой" made a root): a noun with its preposition and no verb of its own, after
    # a verb root, is that verb's oblique
    if toks[root - 1].upos == "VERB":
        for k, t in enumerate(toks):
            if (
                t.deprel == "root"
                and t.i > root
                and t.upos in ("NOUN", "PROPN")
                and any(x.head == t.i and x.deprel == "case" for x in toks)
                and not any(x.head == t.i and x.upos in ("VERB", "AUX") for x in toks)
            ):
                toks[k] = replace(t, head=root, deprel="obl")
        # a second verb root after a colon ("приезжал в Россию в августе 2019 года: тогда X
        # встречался с Y"): a clause of its own, the first one's parataxis, and the words between
        # the colon and it that natasha hung on the first root are its own ("тогда")
        for k, t in enumerate(toks):
            if t.deprel != "root" or t.i <= root or t.upos not in ("VERB", "AUX"):
                continue
            colon = [x for x in toks if x.form == ":" and root < x.i < t.i]
            if not colon:
                continue
            toks[k] = replace(t, head=root, deprel="parataxis")
            for j, x in enumerate(toks):
                if colon[-1].i < x.i < t.i and x.head == root and x.deprel in ("advmod", "obl", "nsubj"):
                    toks[j] = replace(x, head=t.i)
    return toks


def _off_punctuation(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Each word hung on a punctuation mark, hung instead on the first word above it that is none."""
    if not any(t.head and toks[t.head - 1].upos == "PUNCT" and t.upos != "PUNCT" for t in toks):
        return toks
    out = list(toks)
    for k, t in enumerate(toks):
        if t.upos == "PUNCT" or not t.head or toks[t.head - 1].upos != "PUNCT":
            continue
        head, seen = t.head, set()
        while head and toks[head - 1].upos == "PUNCT" and head not in seen:
            seen.add(head)
            head = toks[head - 1].head
        out[k] = replace(t, head=head, deprel=t.deprel if head else "root")
    return tuple(out)


# what may hang on an auxiliary in a parse: nothing else does in Universal Dependencies
_AUX_OWN = frozenset({"punct", "fixed", "conj", "cc", "flat", "goeswith", "reparandum"})


def _off_auxiliaries(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """An auxiliary has no dependents of its own in Universal Dependencies: a subject or a time the
    parser hung on "haben" ("Zwischen A und B haben X und Y am Sonntag ... miteinander gesprochen")
    hangs on the verb the auxiliary serves (unless that verb is under the word, a cycle)."""
    aux = {t.i: t.head for t in toks if t.deprel in ("aux", "aux:pass") and t.upos == "AUX" and t.head}
    if not any(t.head in aux and t.deprel not in _AUX_OWN for t in toks):
        return toks
    out = list(toks)
    for k, t in enumerate(toks):
        if t.head not in aux or t.deprel in _AUX_OWN:
            continue
        verb = aux[t.head]
        if verb == t.i or verb in _subtree(toks, t.i):
            continue
        out[k] = replace(t, head=verb)
    return tuple(out)


def _lemma_fixes(lang: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Lemmas the parser gets wrong, as the lexicon lists them ("left" as its own lemma: "leave";
    events key ``lemma_fixes``, "form:lemma")."""
    from relgraph.loaders import refdata as rd

    if lang == "de":
        toks = _de_weak_lemmas(toks)
    fixes = dict(x.split(":", 1) for x in rd.lexicon(lang).get("events", {}).get("lemma_fixes", ()))
    if not fixes:
        return toks
    return tuple(
        replace(t, lemma=fixes[t.form.lower()])
        if t.upos in ("VERB", "AUX") and t.form.lower() in fixes and t.lemma.lower() == t.form.lower()
        else t
        for t in toks
    )


def _de_weak_lemmas(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """German: a weak verb's present that simplemma leaves as it is ("besichtigt"): the lemma of its
    past ("besichtigte" -> besichtigen), when that one is known."""
    lemma = _lemmatizer("de")
    out = []
    for t in toks:
        form = t.form.lower()
        if t.upos == "VERB" and t.lemma.lower() == form and form.endswith("t") and len(form) > 5:
            past = lemma(form + "e")
            if past != form + "e" and past.endswith("en"):
                t = replace(t, lemma=past)
        out.append(t)
    return tuple(out)


def _participle_marks(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """German perfect tenses: CoreNLP sometimes hangs the clause-final participle on its auxiliary
    as a ``mark`` ("X hat Y mit militärischen Ehren empfangen"), a relation UD keeps for
    subordinators. A verb marked so under a verb is that verb's complement (``xcomp``), as the
    parser reads the same clause without the "mit" phrase."""
    if not any(t.deprel == "mark" and t.upos == "VERB" for t in toks):
        return toks
    return tuple(
        replace(t, deprel="xcomp")
        if t.deprel == "mark" and t.upos == "VERB" and t.head and toks[t.head - 1].upos in ("VERB", "AUX")
        else t
        for t in toks
    )


@functools.lru_cache(maxsize=None)
def _elided(lang: str) -> re.Pattern[str] | None:
    """A conjunction elided before a subject pronoun (events key ``elided_conjunctions``)."""
    from relgraph.loaders import refdata as rd

    conj = rd.lexicon(lang).get("events", {}).get("elided_conjunctions", ())
    pron = rd.lexicon(lang).get("subject_pronouns", ())
    if not conj or not pron:
        return None
    return re.compile(rf"({'|'.join(conj)})(['’])({'|'.join(pron)})", re.I)


def _elided_pronouns(lang: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """French: CoreNLP leaves "lorsqu'il", "puisqu'elle" whole and takes it for a noun. It is two
    words: the conjunction, marking the clause the word hangs on, and the subject pronoun."""
    pat = _elided(lang)
    at = (
        None
        if pat is None
        else next((t.i for t in toks if t.upos in ("NOUN", "PROPN") and pat.fullmatch(t.form)), None)
    )
    if at is None or pat is None:
        return toks

    def moved(i: int) -> int:
        return i + 1 if i > at else i

    out: list[Tok] = []
    for t in toks:
        if t.i != at:
            out.append(replace(t, i=moved(t.i), head=moved(t.head)))
            continue
        m = pat.fullmatch(t.form)
        assert m is not None
        cut = t.start + len(m.group(1)) + 1
        conj = m.group(1).lower() + "e"
        clause = t.head if t.head else at  # the verb the subject hangs on
        out.append(Tok(at, t.form[: cut - t.start], conj, "SCONJ", moved(clause), "mark", t.start, cut))
        out.append(
            replace(t, i=at + 1, form=m.group(3), lemma=m.group(3).lower(), upos="PRON", head=moved(t.head), start=cut)
        )
    return _elided_pronouns(lang, tuple(out))


def _subtree(toks: tuple[Tok, ...], top: int) -> set[int]:
    out, todo = {top}, [top]
    while todo:
        j = todo.pop()
        for t in toks:
            if t.head == j and t.i not in out:
                out.add(t.i)
                todo.append(t.i)
    return out


def _before_relative_adverb(lang: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """A clause of place opens with its relative adverb ("..., wo ein Gespräch mit Y geplant ist",
    "..., where talks are planned"): a phrase before the adverb that the parser hung inside that
    clause ("reist nach Warschau, wo ...", with "nach Warschau" under "geplant") belongs to the
    clause the relative one hangs on, and the adverb itself, hung on a noun of the clause, to the
    clause's verb (events key ``where_words``)."""
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import fold

    where = {fold(w) for w in rd.lexicon(lang).get("events", {}).get("where_words", ())}
    if not any(fold(t.form) in where for t in toks):
        return toks
    out = list(toks)
    for w in toks:
        if fold(w.form) not in where or not w.head:
            continue
        clause = out[w.head - 1]
        while clause.deprel not in ("acl", "acl:relcl") and clause.head and clause.upos not in ("VERB", "AUX"):
            clause = out[clause.head - 1]
        if clause.deprel == "root" and clause.i > w.i:
            # "reist nach Kuala Lumpur weiter, wo ein Treffen ... geplant ist" with "geplant" the
            # root and the travel under it: the clause before the adverb is the main one
            main = [
                t
                for t in out
                if t.head == clause.i
                and t.i < w.i
                and t.upos in ("VERB", "AUX")
                and t.deprel in ("acl", "advcl", "ccomp", "parataxis", "dep", "conj", "csubj")
            ]
            if not main:
                continue
            out[main[-1].i - 1] = replace(main[-1], head=0, deprel="root")
            out[clause.i - 1] = clause = replace(clause, head=main[-1].i, deprel="acl:relcl")
        if clause.deprel in ("xcomp", "conj", "dep", "parataxis") and clause.head and clause.head < w.i < clause.i:
            # "fliegt nach Buenos Aires, wo ein Treffen ... geplant ist" with "geplant" a complement of
            # "fliegt": a relative clause on what comes before the adverb, none of that clause's own
            out[clause.i - 1] = clause = replace(clause, deprel="acl:relcl")
        if clause.deprel not in ("acl", "acl:relcl") or not clause.head or clause.i < w.i:
            continue
        inside = _subtree(tuple(out), clause.i)
        for k, t in enumerate(out):
            if t.i < w.i and t.i in inside and t.head in inside and t.head > w.i and t.upos != "PUNCT":
                out[k] = replace(t, head=clause.head)  # (its own relation: "nach Warschau", an oblique)
        if w.head != clause.i:
            out[w.i - 1] = replace(out[w.i - 1], head=clause.i, deprel="advmod")
    return toks if out == list(toks) else tuple(out)


# what stays with a place word when its copula becomes the clause's verb
_OF_THE_NAME = {"case", "det", "flat", "flat:name", "compound", "amod", "nmod", "appos", "nummod", "fixed", "nmod:poss"}


def _copula_places(lang: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """ "Modi was in Paris in July", "Macron war zuletzt in Berlin", "había estado en Madrid", "был
    в Москве": UD makes the place the clause's head and "be" its copula. Read as the verb of being
    somewhere (events keys ``be_lemmas``, ``stay_case`` and ``stay_adverbs``): the copula heads the clause, with its
    subject, time and modifiers, and the place is its oblique, as in "stayed in Paris"."""
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import fold

    ev = rd.lexicon(lang).get("events", {})
    be = {fold(w) for w in ev.get("be_lemmas", ())}
    adverbs = {fold(w) for w in ev.get("stay_adverbs", ())}
    case = {fold(w) for w in ev.get("stay_case", ())}
    if not be or not any(t.deprel == "cop" and fold(t.lemma) in be for t in toks):
        return toks
    from relgraph.loaders.dates import calendar_words

    months = {fold(w) for w in calendar_words(lang)}
    out = list(toks)
    for x in toks:
        kids = [t for t in out if t.head == x.i]
        # "fue en septiembre en Nueva York", "была в сентябре в Нью-Йорке": a month or day with its
        # place, the time read as the head
        dated = (
            x.upos == "NOUN"
            and (fold(x.form) in months or fold(x.lemma) in months)
            and any(c.deprel == "case" and fold(c.form) in case for c in kids)
        ) or (
            # "Cassis war 2023 in Jerewan": a bare year read as the head, the place hung on it
            x.upos == "NUM"
            and re.fullmatch(r"(?:19|20)\d\d", x.form) is not None
            # (not "war zuletzt 2024 in der Ukraine gewesen und wurde ... empfangen": a conjunct
            # with its own time, kept off that year)
            and not any(c.deprel == "conj" for c in kids)
            and any(
                c.upos == "PROPN" and any(y.head == c.i and y.deprel == "case" and fold(y.form) in case for y in out)
                for c in kids
            )
        )
        if x.upos != "PROPN" and not dated and not (x.upos in ("ADJ", "ADV") and fold(x.form) in adverbs):
            continue  # (a place, or "last" before it: "was last in Paris"; not "est arrivé à Paris")
        cop = next((c for c in kids if c.deprel == "cop" and fold(c.lemma) in be and c.i < x.i), None)
        if cop is None and dated:
            # (natasha hangs the copula on the subject: "встреча была в сентябре")
            subj = [c.i for c in kids if c.deprel in ("nsubj", "nsubj:pass")]
            cop = next(
                (c for c in out if c.head in subj and c.deprel == "cop" and fold(c.lemma) in be and c.i < x.i), None
            )
        if cop is None:
            continue
        if x.upos == "PROPN" and not any(c.deprel == "case" and fold(c.form) in case for c in kids):
            continue
        if (
            x.upos != "PROPN"
            and not dated
            and not any(
                c.deprel == "obl"
                and c.upos == "PROPN"
                and any(y.head == c.i and y.deprel == "case" and fold(y.form) in case for y in out)
                for c in kids
            )
        ):
            continue  # ("was last in Paris": a word of time or manner before the place)
        if not any(c.deprel in ("nsubj", "nsubj:pass") for c in kids):
            continue
        out[cop.i - 1] = replace(cop, head=x.head, deprel=x.deprel, upos="VERB")
        out[x.i - 1] = replace(out[x.i - 1], head=cop.i, deprel="obl")
        for c in kids:
            if (
                dated
                and c.upos == "PROPN"
                and any(y.head == c.i and y.deprel == "case" and fold(y.form) in case for y in out)
            ):
                out[c.i - 1] = replace(out[c.i - 1], head=cop.i, deprel="obl")  # the place, the verb's
                continue
            if c.i == cop.i or (c.deprel in _OF_THE_NAME) or (c.deprel == "conj" and c.upos not in ("VERB", "AUX")):
                continue
            out[c.i - 1] = replace(out[c.i - 1], head=cop.i)
    return toks if out == list(toks) else tuple(out)


def _due_to(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """English: "Modi is due to open a new wing ... this morning before flying to Port Louis":
    CoreNLP may make "due to open" a fixed expression on the object ("wing" the clause's head, the
    person its subject). Read as UD does "is due to visit": "due" heads the clause with its copula
    and subject, the verb is its ``xcomp``, the noun the verb's object, and the clause's times,
    places and other clauses the verb's."""
    out = list(toks)
    for t in toks:
        if t.lemma != "due" or not t.head:
            continue
        fixed = [c for c in toks if c.head == t.i and c.deprel == "fixed"]
        verbs = [c for c in fixed if c.upos == "VERB"]
        to = [c for c in fixed if c.form.lower() == "to"]
        if len(verbs) != 1 or len(to) != 1 or to[0].i > verbs[0].i:
            continue
        n, v = toks[t.head - 1], verbs[0]
        if n.upos not in ("NOUN", "PROPN") or n.i < v.i or not any(c.head == n.i and c.deprel == "cop" for c in toks):
            continue
        out[t.i - 1] = replace(t, head=n.head, deprel=n.deprel)
        out[v.i - 1] = replace(v, head=t.i, deprel="xcomp")
        out[to[0].i - 1] = replace(to[0], head=v.i, deprel="mark")
        out[n.i - 1] = replace(n, head=v.i, deprel="obj")
        for c in toks:
            if c.head != n.i or c.i in (t.i, v.i):
                continue
            if c.deprel in ("nsubj", "nsubj:pass", "cop", "punct") and c.i < n.i:
                out[c.i - 1] = replace(out[c.i - 1], head=t.i)
            elif c.deprel in ("obl", "advcl", "advmod", "conj", "cc", "parataxis", "punct"):
                out[c.i - 1] = replace(out[c.i - 1], head=v.i)
    result = tuple(out)
    return result if _acyclic(result) else toks


def _repair(lang: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Known parser slips, undone. CoreNLP's English model reads "meet X in Paris to discuss
    trade" as "in Paris" being the subject of "to discuss" (as in "for X to do"), marked by "in":
    a place phrase opened by a locative preposition before an infinitive's marker is an oblique
    of the verb the infinitive hangs on.

    In every language: punctuation and auxiliaries have no dependents in Universal Dependencies; a
    word the parser hung on a comma ("talks with the President of Indonesia, H.E. Prabowo, at the
    palace today", every word after the comma under it) hangs on the word the comma hangs on, and
    one hung on an auxiliary on the verb it serves.

    Russian: a word natasha left with no head but a relation of its own is hung (``_one_root``)."""
    toks = _off_punctuation(toks)
    toks = _off_auxiliaries(toks)
    toks = _flat_with_case(toks)
    toks = _lemma_fixes(lang, toks)
    toks = _before_relative_adverb(lang, toks)
    toks = _copula_places(lang, toks)
    toks = _particle_verbs(toks)
    if lang == "ru":
        return _ru_participle_span(_ru_participle_noun(_ru_frames(_ru_reporting_tail(tuple(_one_root(list(toks)))))))
    if lang == "de":
        return _direction_on_topic(_perfect_as_root(lang, _participle_marks(toks)))
    if lang == "fr":
        return _perfect_as_root(lang, _elided_pronouns(lang, toks))
    if lang != "en":
        return toks
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import fold

    toks = _perfect_as_root(lang, _reporting_tail(_due_to(toks)))
    places = {fold(w) for w in rd.lexicon(lang).get("locative", ())}
    out = list(toks)
    for k, t in enumerate(toks):
        if t.deprel != "nsubj" or t.upos not in ("PROPN", "NOUN") or not t.head:
            continue
        h = toks[t.head - 1]
        if h.upos != "VERB" or h.deprel not in ("advcl", "xcomp") or not h.head or h.i < t.i:
            continue
        # "in" hangs on the place or on the infinitive, right before the place's phrase
        first = min([t.i] + [c.i for c in toks if c.head == t.i and c.deprel in ("compound", "det", "amod")])
        prep = [
            c
            for c in toks
            if c.head in (t.i, h.i)
            and c.deprel == "mark"
            and c.upos == "ADP"
            and c.i == first - 1
            # "in Paris to discuss", and "on Wednesday to prepare" (a day read the same way); not
            # "for": "for X to do" is the one English clause whose subject has a preposition
            and (fold(c.form) in places or (c.form.lower() != "for" and _day_phrase(toks, t)))
        ]
        marks = [c for c in toks if c.head == h.i and c.deprel == "mark" and t.i < c.i < h.i]
        if prep and marks:
            out[k] = replace(t, head=h.head, deprel="obl")
            out[prep[0].i - 1] = replace(prep[0], head=t.i, deprel="case")
    return tuple(out)


def _direction_on_topic(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """German: "ist zu Gesprächen über den Südkaukasus nach Tiflis gereist": CoreNLP may hang "nach
    Tiflis" on the topic noun of the trip's purpose. A name opened by "nach" under a noun that is
    no trip and no going ("die Reise nach Tiflis", "die Rückkehr nach Syrien": key
    ``direction_nouns``), in a phrase on a verb of travel that names no goal of its own, is where
    the traveller goes: an oblique of that verb."""
    from relgraph.loaders import refdata as rd
    from relgraph.loaders.gazetteer import fold

    ev = rd.lexicon("de").get("events", {})
    travel = {fold(w) for w in ev.get("visit_verbs", ())}
    # (nor a noun of going somewhere: "über die Rückkehr der Flüchtlinge nach Syrien")
    trips = {fold(w) for w in (*ev.get("visit_nouns", ()), *ev.get("direction_nouns", ()))}
    out = list(toks)
    for t in toks:
        if t.upos != "PROPN" or t.deprel != "nmod" or not t.head:
            continue
        if not any(c.head == t.i and c.deprel == "case" and fold(c.form) == "nach" for c in toks):
            continue
        cur = toks[t.head - 1]
        if cur.upos != "NOUN" or fold(cur.lemma) in trips:
            continue
        steps = 0
        while cur.deprel == "nmod" and cur.head and toks[cur.head - 1].upos == "NOUN" and steps < 3:
            cur, steps = toks[cur.head - 1], steps + 1
        if cur.deprel != "obl" or not cur.head or fold(cur.lemma) in trips:
            continue
        verb = toks[cur.head - 1]
        if verb.upos != "VERB" or fold(verb.lemma) not in travel:
            continue
        if any(
            c.head == verb.i and c.deprel == "obl" and any(x.head == c.i and fold(x.form) == "nach" for x in toks)
            for c in toks
        ):
            continue  # "zu Gesprächen über die Rückkehr nach Syrien nach Brüssel gereist": its own goal
        out[t.i - 1] = replace(t, head=verb.i, deprel="obl")
    result = tuple(out)
    return result if _acyclic(result) else toks


def _day_phrase(toks: tuple[Tok, ...], t: Tok) -> bool:
    """``t`` names a day or a month ("Wednesday", "March"): the dates lexicon's weekdays and
    months (English only, as the repair above)."""
    from relgraph.loaders.dates import calendar_words
    from relgraph.loaders.gazetteer import fold

    return fold(t.form) in {fold(w) for w in calendar_words("en")}


# the forms of "avoir" and "have" that make a compound past (not "être": "est reçu" may be a
# passive present), and the endings of past participles (English: any form of a verb but its
# lemma, its -ing and its -s)
_PERFECT_AUX = {
    "fr": (frozenset({"a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura", "auront"}), "avoir"),
    "en": (frozenset({"has", "have", "had"}), "have"),
    "de": (frozenset({"hat", "habe", "haben", "hatte", "hatten", "habt"}), "haben"),
}
_PARTICIPLE = {
    "fr": re.compile(r"(?:é|ée|és|ées|i|ie|is|ies|it|ite|u|ue|us|ues|ert|erte|eint|ait)$"),
    "en": re.compile(r"(?<!ing)(?<![^s]s)$"),
    # "besucht", "getroffen", "empfangen", "informiert": a weak or a strong participle
    "de": re.compile(r"(?:t|en)$"),
}


def _perfect_as_root(lang: str, toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """A compound past with words between the auxiliary and the participle ("Cassis a pour sa
    part déjà reçu lundi son homologue", "Hasan has, for his part, already received ..."): CoreNLP
    makes "a", "has" the root verb and the participle its ``xcomp`` or ``dep``, a present that
    tells nothing done. The participle is the clause's verb, the auxiliary its ``aux``, and what
    hung on the auxiliary hangs on the participle (not "has the intention to": an object of its
    own)."""
    forms, lemma = _PERFECT_AUX[lang]
    out = list(toks)
    changed = False
    for t in toks:
        if t.upos != "VERB" or t.form.lower() not in forms or t.lemma != lemma:
            continue
        kids = [c for c in toks if c.head == t.i]
        parts = [
            c
            for c in kids
            if c.deprel in ("xcomp", "dep")
            and c.upos == "VERB"
            and c.i > t.i
            and c.form.lower() != c.lemma
            and _PARTICIPLE[lang].search(c.form.lower())
        ]
        # (German: "hatte Portugal 2019 besucht", the participle last, the object before it is its own)
        if len(parts) != 1 or any(c.deprel in ("obj", "ccomp") and (lang != "de" or c.i > parts[0].i) for c in kids):
            continue
        v = parts[0]
        out[v.i - 1] = replace(v, head=t.head, deprel=t.deprel)
        out[t.i - 1] = replace(t, head=v.i, deprel="aux", upos="AUX")
        for c in kids:
            if c.i != v.i:
                out[c.i - 1] = replace(out[c.i - 1], head=v.i)
        changed = True
    if not changed:
        return toks
    result = tuple(out)
    return result if _acyclic(result) else toks


# the prepositions of "of", which do join the words of a name ("Bank of England", "Palacio de la Moneda")
_OF_CASES = frozenset({"of", "de", "del", "d", "du", "des", "von", "vom", "der", "di", "da", "do", "dos", "das"})


def _flat_with_case(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """A name the parser ran on into the name before it ("en el Palacio Real a Prabowo Subianto":
    "Prabowo" a ``flat`` of "Palacio" with a preposition of its own): a word of a name takes no
    preposition but "of", so a ``flat`` with another ``case`` of its own, after its head, is a
    phrase of its own, hung where its head's phrase hangs."""
    out = list(toks)
    changed = False
    for t in toks:
        if t.deprel != "flat" or not t.head or t.head > t.i:
            continue
        cases = [c for c in toks if c.head == t.i and c.deprel == "case" and c.i < t.i]
        if not cases or any(c.form.lower().rstrip("'’") in _OF_CASES for c in cases):
            continue  # ("Organización de Cooperación de Shanghái": "of" joins a name's words)
        head = toks[t.head - 1]
        if not head.head or head.deprel not in ("obl", "nmod", "obj", "iobj"):
            continue
        out[t.i - 1] = replace(t, head=head.head, deprel="obl" if head.deprel in ("obl", "obj", "iobj") else "nmod")
        changed = True
    if not changed:
        return toks
    result = tuple(out)
    return result if _acyclic(result) else toks


def _ru_frames(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Russian: natasha hangs the words of a fronted frame on the clause's verb. "В преддверии
    визита Макрона ... Теббун принял ...": a genitive noun with no preposition right after an
    oblique noun of the same verb is that noun's modifier ("визита" of "преддверии"). "Перед
    визитом Макрона в Алжир в следующем месяце президент ... принял": an event noun (events keys
    ``visit_nouns``, ``meet_nouns``) that opens the sentence after a word of sequence (key
    ``sequence_words``) keeps the obliques that follow it, up to the verb's subject with no comma
    between, as its own ("в следующем месяце" is the visit's time, not the reception's)."""
    from relgraph.loaders import refdata as rd

    out = list(toks)
    for t in toks:
        if (
            t.upos in ("NOUN", "PROPN")
            and t.feats.get("Case") == "Gen"
            and t.deprel == "obl"
            and t.i > 1
            and not any(c.head == t.i and c.deprel == "case" for c in toks)
        ):
            n = toks[t.i - 2]
            if n.upos == "NOUN" and n.deprel == "obl" and n.head == t.head:
                out[t.i - 1] = replace(t, head=n.i, deprel="nmod")
        if (
            t.upos == "PROPN"
            and t.deprel == "appos"
            and t.i > 1
            and toks[t.i - 2].upos == "NOUN"
            and t.head > t.i
            and toks[t.i - 2].feats.get("Case") == t.feats.get("Case")
        ):
            # "президента Эммануэля Макрона": a name in apposition is the title's right before it,
            # in its case, not a word further on (natasha can hang it on a noun across the clause)
            out[t.i - 1] = replace(t, head=t.i - 1)
    toks = tuple(out)
    ev = rd.lexicon("ru").get("events", {})
    events = {w.lower() for k in ("visit_nouns", "meet_nouns") for w in ev.get(k, ())}
    sequence = {w.lower() for w in ev.get("sequence_words", ())}
    # the word of sequence opens the sentence ("Перед визитом"), or is the noun after its first
    # preposition ("В преддверии визита", "Накануне"); the frame's event noun comes right after it
    word = next((t for t in toks[:2] if t.lemma.lower() in sequence), None)
    if word is None:
        return toks
    e = next((t for t in toks[word.i : word.i + 1] if t.lemma.lower() in events and t.upos == "NOUN"), None)
    if e is None or not e.head:
        return toks
    verb = e.head if toks[e.head - 1].upos in ("VERB", "AUX") else toks[e.head - 1].head
    if not verb or toks[verb - 1].upos not in ("VERB", "AUX"):
        return toks
    subj = next((t.i for t in toks if t.head == verb and t.deprel.startswith("nsubj") and t.i > e.i), None)
    if subj is None:
        return toks
    out = list(toks)
    for t in toks[e.i : subj - 1]:
        if t.form == ",":
            break
        if t.head == verb and t.deprel in ("obl", "nmod") and t.upos in ("NOUN", "PROPN"):
            out[t.i - 1] = replace(t, head=e.i, deprel="nmod")
    return tuple(out)


def _agrees(a: Tok, b: Tok) -> bool:
    """Two Russian words agree in case (the animate accusative reads as a genitive: natasha may tag
    either), number and gender (where both carry them)."""
    ca, cb = a.feats.get("Case"), b.feats.get("Case")
    if not ca or not cb:
        return False
    if ca != cb and not {ca, cb} <= {"Gen", "Acc"}:
        return False
    return all(a.feats.get(f) == b.feats.get(f) for f in ("Number", "Gender") if a.feats.get(f) and b.feats.get(f))


def _ru_participle_noun(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Russian: "Лукашенко принял во Дворце премьер-министра Камбоджи Хун Манета, прилетевшего в
    Минск накануне": natasha may hang the participle after the comma on the clause's verb and make
    the noun it qualifies, and the words before that noun, the participle's. A participle set off by
    a comma, hung on a finite verb before it that has no object of its own, whose object comes
    before the comma and agrees with it (case, number, gender), qualifies that noun: the noun is
    the verb's object, the participle hangs on the noun, and what precedes the noun is the verb's."""
    out = list(toks)
    for p in toks:
        if p.upos != "VERB" or p.feats.get("VerbForm") != "Part" or p.deprel != "acl" or not p.head:
            continue
        v = toks[p.head - 1]
        if v.upos != "VERB" or v.feats.get("VerbForm") != "Fin" or v.i > p.i:
            continue
        if any(t.head == v.i and t.deprel == "obj" for t in toks):
            continue
        objs = [t for t in toks if t.head == p.i and t.deprel == "obj" and t.upos in ("NOUN", "PROPN") and t.i < p.i]
        if len(objs) != 1 or not _agrees(objs[0], p):
            continue
        n = objs[0]
        span = _subtree(toks, n.i)
        commas = [t.i for t in toks if t.form == "," and max(span) < t.i < p.i]
        if not commas or any(t.i not in _subtree(toks, p.i) for t in toks[commas[-1] : p.i - 1]):
            continue
        out[n.i - 1] = replace(n, head=v.i, deprel="obj")
        out[p.i - 1] = replace(p, head=n.i, deprel="acl")
        for t in toks:
            if t.head == p.i and t.i < min(span) and t.i > v.i:
                out[t.i - 1] = replace(t, head=v.i)
    result = tuple(out)
    return result if _acyclic(result) else toks


def _ru_participle_span(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Russian: "X, прибывший в Париж в четверг вечером, в пятницу был принят Y в Елисейском
    дворце": natasha may hang a phrase inside the commas that set off a participle on the clause's
    verb, and one after them on the participle. A phrase between the participle and its closing
    comma is the participle's; an oblique after that comma is the verb's the qualified noun hangs
    on."""
    out = list(toks)
    for p in toks:
        if p.upos != "VERB" or p.feats.get("VerbForm") != "Part" or p.deprel != "acl" or not p.head:
            continue
        if p.i < 2 or toks[p.i - 2].form != ",":
            continue
        close = next((t.i for t in toks[p.i :] if t.upos == "PUNCT"), None)
        if close is None or toks[close - 1].form != ",":
            continue
        inside = set(range(p.i + 1, close))
        for t in toks[p.i : close - 1]:
            if t.head and t.head not in inside and t.head != p.i and t.deprel in ("obl", "nmod"):
                out[t.i - 1] = replace(t, head=p.i, deprel="obl")
        n = toks[p.head - 1]
        verb = toks[n.head - 1] if n.head else None
        if verb is None or verb.upos != "VERB" or verb.i < close:
            continue
        for t in toks[close:]:
            if t.head == p.i and t.deprel == "obl":
                out[t.i - 1] = replace(t, head=verb.i)
    result = tuple(out)
    return result if _acyclic(result) else toks


def _particle_verbs(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """A particle of a foreign name read as a verb: "conversó en el Palacio das Necessidades con su
    par" (Spanish "das", you give, with the rest of the sentence hung on it). A lower-case word
    that is a name particle in some language (key ``name_particles``), between two capitalised
    words, tagged a verb that is not the root: the particle opens the next name, that name hangs
    on the one before, and what else hung on the "verb" hangs where it did."""
    from relgraph.loaders.mentions import name_particles

    particles = name_particles()
    out, changed = list(toks), False
    for t in toks:
        if (
            t.upos not in ("VERB", "AUX")
            or not t.head
            or t.form.lower() != t.form
            or t.form.lower() not in particles
            or t.i < 2
            or t.i >= len(toks)
        ):
            continue
        before, after = toks[t.i - 2], toks[t.i]
        if not (before.form[:1].isupper() and after.form[:1].isupper() and after.head == t.i):
            continue
        out[after.i - 1] = replace(after, head=before.i, deprel="nmod")
        out[t.i - 1] = replace(t, head=after.i, deprel="case", upos="ADP")
        changed = True
        for c in toks:
            if c.head == t.i and c.i != after.i:
                out[c.i - 1] = replace(c, head=t.head)
    if not changed:
        return toks
    result = tuple(out)
    return result if _acyclic(result) else toks


def _acyclic(toks: tuple[Tok, ...]) -> bool:
    """Every word reaches a root (a repair that re-hangs words must never make a cycle)."""
    for t in toks:
        seen, cur = set(), t
        while cur.head and cur.i not in seen:
            seen.add(cur.i)
            cur = toks[cur.head - 1]
        if cur.head:
            return False
    return True


# the verbs of a Russian reporting tail (", сообщили в Кремле.")
_REPORTING_RU = frozenset(
    {"сообщить", "заявить", "сказать", "отметить", "передать", "рассказать", "уточнить", "добавить", "подчеркнуть"}
)


def _ru_reporting_tail(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """Russian: "Путин встретился с Лукашенко, сообщили в субботу в Кремле". natasha may make
    "сообщили" a second root and hang "в Кремле" on the verb before the comma, across it: a
    reporting verb right after the sentence's last comma, with no verb after it, is a parataxis of
    the other root, and what follows it hangs on it."""
    verbs = [t for t in toks if t.upos == "VERB" and t.lemma.lower() in _REPORTING_RU and t.i > 1]
    if not verbs:
        return toks
    v = verbs[-1]
    if toks[v.i - 2].form != "," or any(t.upos in ("VERB", "AUX") and t.i > v.i for t in toks):
        return toks
    roots = [t.i for t in toks if t.deprel == "root" and t.i != v.i]
    out = list(toks)
    if v.deprel == "root":
        if not roots:
            return toks
        main = roots[0]
        out[v.i - 1] = replace(v, head=main, deprel="parataxis")
    else:
        main = v.head
    if main >= v.i:
        return toks
    for t in toks:
        if t.i > v.i and t.head and t.head < v.i - 1 and t.upos != "PUNCT":
            out[t.i - 1] = replace(t, head=v.i)  # "в Кремле", hung across the comma
        elif t.i < v.i - 1 and t.head == v.i and t.upos != "PUNCT":
            out[t.i - 1] = replace(t, head=main)  # "в пятницу", "с президентом", hung on "сообщили"
    result = tuple(out)
    return result if _acyclic(result) else toks


# the verbs of an English reporting tail (", the Kremlin said on Saturday.")
_REPORTING = frozenset({"say", "tell", "announce", "report", "add", "state", "confirm", "note", "write", "claim"})


def _reporting_tail(toks: tuple[Tok, ...]) -> tuple[Tok, ...]:
    """English: "X and Y met last week in Sochi, the Kremlin said on Saturday", "X has met Y, the
    Kremlin said". CoreNLP may hang "the Kremlin" on the place or the person before the comma as an
    apposition and make it, or that person, the subject of "said", itself hung on the main verb. A
    noun phrase after the sentence's last comma, followed by a reporting verb that closes the
    sentence (with only its own time or manner after it) and is not the root, is that verb's
    subject; the verb is a parataxis of the root, and a word before the comma the parser made its
    subject goes back to the root (its object, when the root has none)."""
    verbs = [t for t in toks if t.upos == "VERB" and t.lemma.lower() in _REPORTING and t.deprel != "root" and t.head]
    if not verbs:
        return toks
    v = verbs[-1]
    if any(t.upos in ("VERB", "AUX") and t.i > v.i for t in toks):
        return toks
    a = v.i - 1
    while a >= 1 and (toks[a - 1].upos in ("DET", "ADJ", "NOUN", "PROPN") or toks[a - 1].form in ("'s", "’s")):
        a -= 1
    # toks[a - 1] is the word before the phrase: it must be the comma, and the phrase not empty
    if a < 1 or a == v.i - 1 or toks[a - 1].form != "," or a < 3:
        return toks
    np = range(a + 1, v.i)
    heads = [i for i in np if toks[i - 1].upos in ("NOUN", "PROPN")]
    if not heads:
        return toks
    h = heads[-1]
    root = next((t.i for t in toks if t.deprel == "root"), None)
    if root is None or root in np or root == v.i:
        return toks
    out = list(toks)
    for i in np:
        t = toks[i - 1]
        if i == h:
            out[i - 1] = replace(t, head=v.i, deprel="nsubj")
        elif t.head not in np:
            out[i - 1] = replace(t, head=h, deprel="det" if t.upos == "DET" else "compound")
    out[v.i - 1] = replace(v, head=root, deprel="parataxis")
    has_obj = any(t.head == root and t.deprel == "obj" for t in toks)
    for t in toks:
        if t.head == v.i and t.i < a and t.deprel.startswith("nsubj"):
            out[t.i - 1] = replace(t, head=root, deprel="dep" if has_obj else "obj")
            has_obj = True
    if toks[a - 2].head in np:  # the comma, hung on the phrase: on the verb
        out[a - 2] = replace(toks[a - 2], head=v.i, deprel="punct")
    result = tuple(out)
    return result if _acyclic(result) else toks


# -- the entry point -----------------------------------------------------------------------------
def parse(lang: str, text: str, spans: list[tuple[int, int]]) -> list[Parse]:
    if not spans:
        return []
    if lang != "ru" and lang not in CORENLP_LANGS:
        raise ParserError(f"no parser for language {lang!r} (relgraph parses en, fr, de, es and ru)")
    segs = [text[s:e] for s, e in spans]
    found = [_cached(lang, seg) for seg in segs]
    todo = sorted({seg for seg, toks in zip(segs, found) if toks is None and seg.strip()})
    fresh: dict[str, tuple[Tok, ...]] = {}
    if todo:
        parsed = _russian(todo) if lang == "ru" else _corenlp(lang, todo)
        fresh = {seg: tree(toks) for seg, toks in zip(todo, parsed)}
        for seg, toks in fresh.items():
            _remember(lang, seg, toks)
    found = [toks if toks is not None else fresh.get(seg, ()) for seg, toks in zip(segs, found)]
    return [Parse(s, e, _shift(_repair(lang, toks), s)) for (s, e), toks in zip(spans, found)]
