"""The real parser: the local CoreNLP server (en, fr, de, es) and natasha (ru), no mocks.

The session fixture (tests/conftest.py) has started the server; the last test runs a second one
in a home of its own, started by a parse and then stopped.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from relgraph.loaders.nlp import client, parse
from relgraph.errors import ParserError
from relgraph.loaders.nlp.server import ParserServer

# (lang, sentence, verb, its lemma, negation, place)
NEGATED = [
    ("en", "Biden did not meet Xi in Beijing on Monday.", "meet", "meet", "not", "Beijing"),
    ("fr", "Emmanuel Macron n'a pas rencontré Xi Jinping à Pékin le 5 mai.", "rencontré", "rencontrer", "pas", "Pékin"),
    ("de", "Scholz traf Putin nicht in Moskau.", "traf", "treffen", "nicht", "Moskau"),
    ("es", "Sánchez no se reunió con Xi en Pekín el lunes.", "reunió", "reunir", "no", "Pekín"),
    ("ru", "Путин не встретился с Си в Пекине.", "встретился", "встретиться", "не", "Пекине"),
]


def _tok(p, form):
    return next(t for t in p.toks if t.form == form)


@pytest.mark.parametrize("lang, sentence, verb, lemma, neg, place", NEGATED, ids=[c[0] for c in NEGATED])
def test_negated_meeting_attaches_to_its_verb(lang, sentence, verb, lemma, neg, place):
    text = "Headline\n\n" + sentence + " Trailing words."
    start = text.index(sentence)
    (p,) = parse(lang, text, [(start, start + len(sentence))])
    assert (p.start, p.end) == (start, start + len(sentence))
    v = _tok(p, verb)
    assert v.head == 0 and v.deprel == "root" and v.upos == "VERB"
    assert v.lemma == lemma
    assert _tok(p, neg).head == v.i and _tok(p, neg).deprel == "advmod"
    where = _tok(p, place)
    assert where.head == v.i and where.deprel == "obl"
    assert [c.deprel for c in p.children(where.i)] == ["case"]
    # offsets into the article text, 1-based ids, lower-case lemmas
    assert all(text[t.start : t.end] == t.form for t in p.toks)
    assert [t.i for t in p.toks] == list(range(1, len(p.toks) + 1))
    assert all(t.lemma == t.lemma.lower() for t in p.toks)


def test_subtypes_are_stripped_except_pass():
    text = "The treaty was signed by both leaders in Moscow on 12 May."
    (p,) = parse("en", text, [(0, len(text))])
    rels = {t.form: t.deprel for t in p.toks}
    assert rels["treaty"] == "nsubj:pass" and rels["was"] == "aux:pass"
    assert rels["May"] == "obl"
    assert all(":" not in r or r.split(":")[1] in {"pass", "agent", "relcl"} for r in rels.values())


def test_several_spans_in_one_call_come_back_in_order_with_their_offsets():
    text = "Xi met Putin in Moscow.\nThen he flew home.  Lula visited Beijing in April."
    spans = [(0, 23), (24, 42), (44, len(text))]
    ps = parse("en", text, spans)
    assert [(p.start, p.end) for p in ps] == spans
    assert [p.toks[0].form for p in ps] == ["Xi", "Then", "Lula"]
    assert all(text[t.start : t.end] == t.form for p in ps for t in p.toks)


def test_empty_span_list_and_empty_spans():
    assert parse("fr", "Rien.", []) == []
    (p,) = parse("de", "Nichts.", [(3, 3)])
    assert p.toks == () and (p.start, p.end) == (3, 3)


def test_cache_gives_identical_parses_without_the_server(monkeypatch):
    sentence = "Modi visited Moscow in July."
    first = parse("en", "A. " + sentence, [(3, 3 + len(sentence))])
    # the same sentence elsewhere in another text: no request (the URL below answers nothing)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    monkeypatch.setenv("RELGRAPH_PARSER_URL", f"http://127.0.0.1:{dead}")
    again = parse("en", "A. " + sentence, [(3, 3 + len(sentence))])
    assert again == first
    moved = parse("en", "Earlier text. " + sentence, [(14, 14 + len(sentence))])
    assert [(t.start - 11, t.end - 11) for t in moved[0].toks] == [(t.start, t.end) for t in first[0].toks]
    assert [t.form for t in moved[0].toks] == [t.form for t in first[0].toks]


def test_start_twice_is_idempotent_and_memory_fits(parser_server):
    s = ParserServer.default()
    pid = s.pid()
    assert s.start() == "already running" and s.start() == "already running"
    assert s.pid() == pid
    st = s.status()
    assert st.warmed == ("en", "fr", "de", "es")
    assert st.rss < 2.5 * 2**30


def test_a_start_on_another_port_of_a_running_home_says_where_it_runs(parser_server):
    running = ParserServer.default()
    running.start()  # (idempotent)
    other = ParserServer(home=running.home, port=running.port + 1)
    with pytest.raises(ParserError, match=f"already runs on port {running.port}, not {running.port + 1}"):
        other.start()
    assert other.status().url == running.url and other.pid() == running.pid()


def _outside_address() -> str | None:
    """This machine's address on its network (a source address other than loopback)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))  # no packet is sent for a UDP connect
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


def test_clients_off_loopback_get_nothing():
    ip = _outside_address()
    if ip is None:
        pytest.skip("no non-loopback address on this machine")
    url = f"http://{ip}:{ParserServer.default().port}/?properties=%7B%22annotators%22%3A%22tokenize%22%7D"
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(urllib.request.Request(url, data=b"Hello.", method="POST"), timeout=10)
    assert e.value.code == 401


def test_a_parse_starts_a_stopped_server_and_stop_then_status_says_down(tmp_path, monkeypatch, capfd):
    # a server of its own (the session's jars, another home and port): others may use the session's
    shared = ParserServer.default()
    (tmp_path / "parser").mkdir()
    (tmp_path / "parser" / "lib").symlink_to(shared.lib)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("RELGRAPH_PARSER_HOME", str(tmp_path / "parser"))
    monkeypatch.setenv("RELGRAPH_PARSER_PORT", str(port))
    s = ParserServer.default()
    assert s.pid() is None
    client.clear_cache()
    try:
        (p,) = parse("es", "Sánchez visitó Pekín.", [(0, 21)])
        assert _tok(p, "visitó").lemma == "visitar"
        err = capfd.readouterr().err
        assert "starting parser..." in err and "warming up es (4/4)..." in err
        st = s.status()
        assert st.running and st.url == f"http://127.0.0.1:{port}" and st.warmed == ("en", "fr", "de", "es")
    finally:
        assert s.stop() == "stopped"
    r = subprocess.run([sys.executable, "-m", "relgraph", "parser", "status"], capture_output=True, text=True)
    assert r.returncode == 1 and "not running" in r.stdout
    assert s.stop() == "not running"


@pytest.mark.parametrize(
    "lang, sentence, contraction, case, noun",
    [
        ("fr", "Le président a reçu son homologue au palais présidentiel.", "au", "à", "palais"),
        ("de", "Der Kanzler empfing seinen Gast im Kanzleramt.", "im", "in", "Kanzleramt"),
        ("es", "El presidente viajó al palacio real.", "al", "al", "palacio"),
    ],
)
def test_contractions_split_so_the_place_is_an_oblique_with_its_preposition(lang, sentence, contraction, case, noun):
    """Without the mwt annotator "au palais" came out as AUX + VERB and the tree went wrong."""
    client.clear_cache()
    (p,) = parse(lang, sentence, [(0, len(sentence))])
    n = next(t for t in p.toks if t.form == noun)
    assert n.upos in ("NOUN", "PROPN") and n.deprel == "obl"
    marker = next(c for c in p.children(n.i) if c.deprel == "case")
    assert marker.form.lower() == case and sentence[marker.start : marker.end] == contraction
