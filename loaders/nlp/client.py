"""Parsing clients: CoreNLP over HTTP (en, fr, de, es), natasha in process (ru)."""
from __future__ import annotations

import functools
import json
import os
import urllib.parse
import urllib.request

from relgraph.loaders.nlp import Parse, Tok

KEEP_SUBTYPES = {"pass", "agent", "relcl"}


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
    import simplemma

    def lemma(word: str) -> str:
        return simplemma.lemmatize(word, lang=lang).lower()
    return lemma


def _url() -> str:
    return os.environ.get("RELGRAPH_PARSER_URL", "http://127.0.0.1:9055")


def _corenlp(lang: str, text: str, spans: list[tuple[int, int]]) -> list[Parse]:
    # one sentence a line: CoreNLP splits at line ends only, offsets map back through ``bases``
    lines, bases, pos = [], [], 0
    for s, e in spans:
        seg = text[s:e].replace("\n", " ").replace("\r", " ")
        lines.append(seg)
        bases.append(s - pos)
        pos += len(seg) + 1
    body = "\n".join(lines)
    props = {"annotators": "tokenize,ssplit,pos,depparse", "outputFormat": "json",
             "pipelineLanguage": lang, "ssplit.eolonly": "true"}
    url = _url() + "/?" + urllib.parse.urlencode({"properties": json.dumps(props)})
    req = urllib.request.Request(url, data=body.encode("utf-8"), method="POST")
    with urllib.request.urlopen(req, timeout=300) as r:
        doc = json.load(r)
    lemma = _lemmatizer(lang)
    out: list[Parse] = []
    sents = doc.get("sentences", [])
    si = 0
    for (s, e), base in zip(spans, bases):
        toks: list[Tok] = []
        while si < len(sents) and sents[si]["tokens"] and sents[si]["tokens"][0]["characterOffsetBegin"] + base < e:
            sent = sents[si]
            deps = {d["dependent"]: d for d in sent["basicDependencies"]}
            off = len(toks)
            for t in sent["tokens"]:
                d = deps.get(t["index"], {"governor": 0, "dep": "root"})
                toks.append(Tok(off + t["index"], t["word"], lemma(t["word"]), t["pos"] if lang != "en" else _upos_en(t["pos"]),
                                (d["governor"] + off) if d["governor"] else 0, _deprel(d["dep"]),
                                t["characterOffsetBegin"] + base, t["characterOffsetEnd"] + base))
            si += 1
        out.append(Parse(s, e, tuple(toks)))
    return out


_EN = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
       "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
       "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "IN": "ADP", "DT": "DET", "PRP": "PRON", "PRP$": "PRON",
       "CD": "NUM", "CC": "CCONJ", "TO": "PART", "POS": "PART", "WDT": "PRON", "WP": "PRON", "WRB": "ADV"}


def _upos_en(tag: str) -> str:
    return _EN.get(tag, "PUNCT" if not tag[:1].isalpha() else "X")


@functools.lru_cache(maxsize=1)
def _natasha():
    from natasha import NewsEmbedding, NewsMorphTagger, NewsSyntaxParser

    emb = NewsEmbedding()
    return NewsSyntaxParser(emb), NewsMorphTagger(emb)


def _russian(text: str, spans: list[tuple[int, int]]) -> list[Parse]:
    from natasha import Doc
    from razdel import tokenize as rtok
    from natasha.doc import DocSent, DocToken

    syntax, morph = _natasha()
    lemma = _lemmatizer("ru")
    out = []
    for s, e in spans:
        seg = text[s:e]
        doc = Doc(seg)
        doc.tokens = [DocToken(t.start, t.stop, t.text) for t in rtok(seg)]
        doc.sents = [DocSent(0, len(seg), seg, tokens=doc.tokens)]
        doc.parse_syntax(syntax)
        doc.tag_morph(morph)
        toks = []
        for n, t in enumerate(doc.tokens, 1):
            head = int(t.head_id.split("_")[1])
            toks.append(Tok(n, t.text, lemma(t.text), t.pos or "X", head, _deprel(t.rel or "dep"),
                            s + t.start, s + t.stop, dict(t.feats or {})))
        out.append(Parse(s, e, tuple(toks)))
    return out


def parse(lang: str, text: str, spans: list[tuple[int, int]]) -> list[Parse]:
    if not spans:
        return []
    if lang == "ru":
        return _russian(text, spans)
    return _corenlp(lang, text, spans)
